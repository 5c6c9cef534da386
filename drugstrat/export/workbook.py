"""An Excel workbook (xlsx, through openpyxl) to hand a colleague: one row per aligned record,
the two languages side by side, the strategic objective it belongs to, a person's status and
note; a header row with filters, wrapped text, the header and the ids frozen in place.

Every cell is text as written: a record starting with `=` is never a formula. Characters a
workbook cannot hold (XML's forbidden ones) are dropped and counted, like the XML exports do."""

from __future__ import annotations

import io
from typing import Any

from drugstrat import ids
from drugstrat.export.pairs import Skipped
from drugstrat.export.tabular import rows as aligned_rows
from drugstrat.kb.store import KB

TEXT_WIDTH = 70  # characters of a language's column
NARROW = 14


def workbook(kb: KB, langs: tuple[str, str], skipped: Skipped | None = None,
             title: str = "drugstrat", whole: KB | None = None) -> bytes:
    """The workbook of `kb`; `whole`, the knowledge base `kb` was filtered from, tells each
    record's strategic objective where the filter left out the objective itself."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    skipped = skipped if skipped is not None else Skipped()
    data = aligned_rows(kb, langs, skipped)
    for row in data:
        number = (whole or kb).objective_number(row["id"].split("+")[0])
        row["SO"] = ids.strategic(number) if number is not None else ""
    extra = list(dict.fromkeys(k for row in data for k in row
                               if k not in ("id", "SO", "type", "parent", *langs)))
    columns = ["id", "SO", "type", "parent", *langs, *extra]
    book = Workbook()
    sheet: Any = book.active
    sheet.title = title[:31] or "drugstrat"  # Excel's limit on a sheet's name
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in data:
        sheet.append([None] * len(columns))
        for index, key in enumerate(columns, start=1):
            cell = sheet.cell(row=sheet.max_row, column=index)
            value = row.get(key)
            if value is None:
                continue
            cell.value = skipped.xml(row["id"], str(value)) if not isinstance(
                value, (int, float)) or isinstance(value, bool) else value
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, even where it starts with "="
            cell.alignment = wrap
    for index, key in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = (
            TEXT_WIDTH if key in langs else NARROW)
    sheet.freeze_panes = "B2"  # the header row and the ids stay in view
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
