"""Library errors. The CLI turns each into one clean message on stderr and exit code 2."""


class DrugstratError(Exception):
    """Base class: anything a user can cause, reported without a traceback."""


class InputError(DrugstratError):
    """A source file or knowledge base that cannot be read (missing, empty, undecodable)."""


class KBError(DrugstratError):
    """A knowledge base whose YAML is malformed or does not match the record schema."""


class Notice(UserWarning):
    """Something a user should hear of that stops nothing: a damaged cache made again, a wait
    for another build's lock. Issued with `warnings.warn`; the CLI writes each as one line on
    stderr, a library user sees Python's warnings."""
