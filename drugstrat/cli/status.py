"""Exit codes: the part of the contract scripts test with `$?`, named by what they mean."""

from enum import IntEnum


class Exit(IntEnum):
    OK = 0
    # The question was "is anything wrong?" and something is: `diff` findings at or above
    # --fail-on, `build --check` drift, `validate` problems.
    FOUND = 1
    # The question was "where is it?" and the answer is nowhere: `search` or `terms` with no
    # result, `show`, `xref` or `cite` of an unknown id.
    NOT_FOUND = 1
    # The user's mistake: an unknown option, an empty query, an unreadable or malformed input.
    USAGE = 2
    # The machine's: a full disk, no permission, a database that will not open.
    MACHINE = 2
