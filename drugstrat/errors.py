"""Library errors. The CLI turns each into one clean message on stderr and exit code 2."""


class DrugstratError(Exception):
    """Base class: anything a user can cause, reported without a traceback."""


class InputError(DrugstratError):
    """A source file or knowledge base that cannot be read (missing, empty, undecodable)."""


class KBError(DrugstratError):
    """A knowledge base whose YAML is malformed or does not match the record schema."""
