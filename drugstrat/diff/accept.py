"""Accepted findings: a YAML file under version control beside the knowledge base.

A reviser accepts a finding with a comment; from then on it is hidden (unless asked for), and an
acceptance whose finding no longer occurs is reported as stale, so the file never silently rots.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from drugstrat.errors import KBError
from drugstrat.fsutil import atomic_write_text

ACCEPTED_FILE = "accepted.yaml"


def accepted_path(root: Path) -> Path:
    return root / ACCEPTED_FILE


def load(root: Path) -> dict[str, dict]:
    """Acceptances by finding id."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    path = accepted_path(root)
    if not path.is_file():
        return {}
    try:
        entries = YAML(typ="safe").load(path.read_bytes()) or []
    except YAMLError as exc:
        raise KBError(f"{path}: invalid YAML: {exc}") from None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "finding" in e
                                                for e in entries):
        raise KBError(f"{path}: expected a list of entries with a 'finding' key")
    return {str(e["finding"]): e for e in entries}


def accept(root: Path, finding: dict, comment: str, today: dt.date | None = None) -> dict:
    """Record an acceptance (replacing an earlier one of the same finding)."""
    from ruamel.yaml import YAML

    entries = load(root)
    entry = {
        "finding": finding["finding"], "id": finding["id"], "check": finding["check"],
        "message": finding["message"], "comment": comment,
        "accepted": (today or dt.date.today()).isoformat(),
    }
    entries[finding["finding"]] = entry
    yaml = YAML()
    yaml.allow_unicode = True
    yaml.width = 4096
    buffer = io.StringIO()
    buffer.write("# Findings of `drugstrat diff` a reviser accepted. Keep under version control.\n")
    yaml.dump(list(entries.values()), buffer)
    atomic_write_text(accepted_path(root), buffer.getvalue())
    return entry
