"""JSON's own values for whatever a YAML file a person edits may hold.

YAML gives dates, timestamps, binary, sets, non-string keys and infinities, none of which JSON
(or the scripts reading ours) can take. A person's field keeps its YAML value on disk — a date
stays a date through every rebuild — and every JSON or CSV view of it is `plain`: dates and
timestamps in ISO 8601, binary as base64, a set as a sorted list, keys as strings, `.inf` and
`.nan` as text. A value holding itself (a recursive YAML alias) is refused with its place.
"""

from __future__ import annotations

import base64
import datetime
import math
from typing import Any

from drugstrat.errors import KBError


def plain(value: Any, where: str = "value") -> Any:
    """`value` made of str, int, float, bool, None, lists and string-keyed dicts only."""
    return _plain(value, where, set())


def _plain(value: Any, where: str, open_: set[int]) -> Any:
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, (datetime.date, datetime.time)):  # datetime is a date
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, (dict, list, tuple, set, frozenset)):
        if id(value) in open_:
            raise KBError(f"{where}: holds itself (a recursive YAML alias)")
        open_.add(id(value))
        try:
            if isinstance(value, dict):
                return {_key(k): _plain(v, f"{where}.{_key(k)}", open_) for k, v in value.items()}
            items = [_plain(v, f"{where}[{i}]", open_) for i, v in enumerate(value)]
            if isinstance(value, (set, frozenset)):
                items.sort(key=repr)
            return items
        finally:
            open_.discard(id(value))
    return str(value)


def _key(key: Any) -> str:
    if isinstance(key, str):
        return key
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    converted = _plain(key, "key", set())
    return converted if isinstance(converted, str) else str(converted)


def json_default(value: Any) -> Any:
    """For `json.dumps(default=...)`: the plain value of anything JSON cannot hold."""
    converted = plain(value)
    if converted is value:  # nothing plain to make of it
        return str(value)
    return converted
