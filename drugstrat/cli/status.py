"""Exit codes: the part of the contract scripts test with `$?`."""

from enum import IntEnum


class Exit(IntEnum):
    OK = 0
    # "Found something" where that is the question: drift for `build --check`, problems for
    # `validate`, no hit for `search`, an unknown id for `show`.
    FOUND = 1
    # Usage errors and bad input (unreadable file, malformed YAML, unknown option).
    USAGE = 2
