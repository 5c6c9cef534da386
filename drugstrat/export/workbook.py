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
# A row's height: a line of the default font (Calibri 11) takes 15 points. Spreadsheets do not
# size a row to its wrapped text on opening (LibreOffice keeps the 15 points the file says, and
# the text runs over the rows below), so the workbook says how high each row is.
LINE_HEIGHT = 15.0
# Characters a line of a column holds, as a share of its width in characters (the width unit
# is a digit; prose runs about as wide): rounding down keeps the last line in view.
FILL = 0.95


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
    widths = [TEXT_WIDTH if key in langs else NARROW for key in columns]
    for row in data:
        sheet.append([None] * len(columns))
        sheet.row_dimensions[sheet.max_row].height = _height(row, columns, widths)
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
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "B2"  # the header row and the ids stay in view
    sheet.auto_filter.ref = sheet.dimensions
    # Printed as a colleague reads it: across the page, every column on it, the header on
    # every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _height(row: dict[str, Any], columns: list[str], widths: list[int]) -> float:
    """Points for the row to show each cell's text wrapped in its column."""
    lines = 1
    for key, width in zip(columns, widths, strict=True):
        if (value := row.get(key)) is not None:
            lines = max(lines, _wrapped_lines(str(value), max(1, int(width * FILL))))
    return lines * LINE_HEIGHT


def _wrapped_lines(text: str, per_line: int) -> int:
    """How many lines `text` takes wrapped at word boundaries in `per_line` characters."""
    total = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0
        for word in paragraph.split():
            if used and used + 1 + len(word) > per_line:
                lines, used = lines + 1, 0
            used += (1 if used else 0) + len(word)
            while used > per_line:  # a word longer than the line wraps inside itself
                lines, used = lines + 1, used - per_line
        total += lines
    return total
