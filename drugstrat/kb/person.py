"""What a person writes on a record (`status`, `note` …), set by the tool on their behalf: a
reviser's "needs fix" taken in the review page lands in the records file as if typed there.

The file is read and written with the round-trip reader and writer, so every other line —
comments, a person's own fields, the folding of long texts — stays as it was.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from drugstrat.errors import KBError
from drugstrat.kb.paths import records_path
from drugstrat.storage.atomic import atomic_write_text
from drugstrat.storage.yamlfile import writer


def set_fields(root: Path, lang: str, changes: dict[str, dict[str, str]]) -> list[str]:
    """Set `changes` (record id -> {field: value}) on one language's records, in one write;
    returns the ids found (an id not in the file is left out)."""
    path = records_path(root, lang)
    yaml = writer()
    yaml.preserve_quotes = True
    from drugstrat.storage.limits import read_regular

    try:  # the file a person edits: a regular file, within the size limit
        document: Any = yaml.load(read_regular(path).decode("utf-8"))
    except OSError as exc:
        raise KBError(f"{path}: cannot read ({exc.strerror})") from None
    found = []
    for record in document.get("records") or ():
        record_id = str(record.get("id"))
        if record_id in changes:
            record.update(changes[record_id])
            found.append(record_id)
    if found:
        buffer = io.StringIO()
        yaml.dump(document, buffer)
        atomic_write_text(path, buffer.getvalue())
    return found
