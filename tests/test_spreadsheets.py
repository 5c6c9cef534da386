"""Output an analyst hands to a colleague: spreadsheets that open right in Belgian Excel."""

from __future__ import annotations

import csv
import io
import json

import pytest

from drugstrat.cli.commands import app


def run(runner, root, *args):
    return runner.invoke(app, ["--data", str(root), *args])


def test_wide_rows_put_the_languages_side_by_side(runner, bundled_kb):
    rows = list(csv.DictReader(io.StringIO(run(runner, bundled_kb, "list", "--type", "so",
                                                "--wide", "--format", "csv").stdout)))
    assert len(rows) == 6 and rows[0]["id"] == "SO1"
    assert rows[0]["en"].startswith("To promote") and rows[0]["nl"].startswith("Promoten")


def test_csv_holds_every_field_the_json_has(runner, bundled_kb):
    rows = list(csv.DictReader(io.StringIO(run(runner, bundled_kb, "list", "--type",
                                                "signatory", "--format", "csv").stdout)))
    assert {"honorific", "name", "office"} <= set(rows[0])
    records = json.loads(run(runner, bundled_kb, "list", "--type", "signatory",
                             "--json").stdout)
    assert set(records[0]) <= set(rows[0])


def test_excel_csv_has_a_bom_semicolons_and_crlf(runner, bundled_kb):
    # (The raw bytes: the test runner's text output folds CRLF.)
    out = run(runner, bundled_kb, "list", "--type", "so", "--wide", "--format",
              "excel").stdout_bytes.decode("utf-8")
    assert out.startswith("\ufeffid;type;parent;number;en;nl;") and out.count("\r\n") == 7
    exported = run(runner, bundled_kb, "export", "--format", "csv", "--excel", "--out", "-")
    assert exported.stdout_bytes.decode("utf-8").startswith("\ufeffid;type;parent;en;nl\r\n")


def test_an_xlsx_workbook_with_filters_frozen_panes_and_the_objective(runner, bundled_kb,
                                                                      tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "so3.xlsx"
    result = run(runner, bundled_kb, "export", "--format", "xlsx", "--so", "SO3", "--out",
                 str(path))
    assert result.exit_code == 0, result.output
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    assert header[:6] == ["id", "SO", "type", "parent", "en", "nl"]
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref
    ids = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert "3.4" in ids and all(r[1].value == "SO3" for r in sheet.iter_rows(min_row=2))
    assert sheet["E2"].alignment.wrap_text


def test_a_workbook_cell_starting_with_an_equals_sign_stays_text(runner, scratch_kb, tmp_path):
    from openpyxl import load_workbook

    path = scratch_kb / "en" / "records.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - id: '3.4'\n", "  - id: '3.4'\n    note: =1+1\n", 1),
                    encoding="utf-8")
    out = tmp_path / "x.xlsx"
    assert run(runner, scratch_kb, "export", "--format", "xlsx", "--type", "specific",
               "--out", str(out)).exit_code == 0
    sheet = load_workbook(out).active
    notes = [c.value for c in sheet["G"] if c.value]
    assert "=1+1" in notes
    cell = next(c for c in sheet["G"] if c.value == "=1+1")
    assert cell.data_type == "s"


@pytest.mark.parametrize("filters", [["--type", "specific"], ["--so", "3"],
                                     ["--query", "money laundering"]])
def test_exports_keep_what_the_filters_say(runner, bundled_kb, filters):
    rows = list(csv.DictReader(io.StringIO(run(runner, bundled_kb, "export", "--format", "csv",
                                                "--raw", "--out", "-", *filters).stdout)))
    assert rows
    if filters[0] == "--type":
        assert all(r["type"] == "specific_objective" for r in rows)
    if filters[0] == "--so":
        assert all(r["id"].startswith(("3", "SO3")) for r in rows)
    if filters[0] == "--query":
        assert "3.5" in [r["id"] for r in rows]


def test_a_filter_keeping_nothing_is_said(runner, bundled_kb):
    result = run(runner, bundled_kb, "export", "--format", "csv", "--out", "-", "--query",
                 "xylofoonqq")
    assert result.exit_code == 2 and "no record" in result.stderr


@pytest.mark.parametrize("filters", [["--type", "specific"], ["--query", "money laundering"]])
def test_the_workbooks_objective_column_is_filled_whatever_the_filter(runner, bundled_kb,
                                                                      tmp_path, filters):
    """A filter that leaves out the strategic objectives themselves still names each row's."""
    from openpyxl import load_workbook

    path = tmp_path / "part.xlsx"
    assert run(runner, bundled_kb, "export", "--format", "xlsx", *filters, "--out",
               str(path)).exit_code == 0
    from drugstrat.kb import store

    kb = store.load(bundled_kb)
    rows = list(load_workbook(path).active.iter_rows(min_row=2, values_only=True))
    under = {row[0]: row[1] for row in rows if kb.objective_number(row[0]) is not None}
    assert under and all(so == f"SO{kb.objective_number(i)}" for i, so in under.items()), under
