"""Exit codes: the part of the contract scripts test with `$?`, named by what they mean.

Plain integers rather than an enum: this module is on every command's start-up path, and several
names share a code (what a code means depends on the question the command answers).
"""

from typing import Final


class Exit:
    OK: Final = 0
    # The question was "is anything wrong?" and something is: `diff` findings at or above
    # --fail-on, `build --check` drift, `validate` problems.
    FOUND: Final = 1
    # The question was "where is it?" and the answer is nowhere: `search` or `terms` with no
    # result, `show`, `xref` or `cite` of an unknown id.
    NOT_FOUND: Final = 1
    # The user's mistake: an unknown option, an empty query, an unreadable or malformed input.
    USAGE: Final = 2
    # The machine's: a full disk, no permission, a database that will not open.
    MACHINE: Final = 2
