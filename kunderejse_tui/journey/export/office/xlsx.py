"""The tables as an Excel workbook: one sheet each, as Excel tables with filters.

Every user value is a string cell: openpyxl would store ``=cmd|' /C calc'!A0`` as
a formula and ``#N/A`` as an error, so the type is set after the value. Numbers
(emotion, evidence counts) stay numbers so the team can sort and sum them.
"""

from __future__ import annotations

import io
import math
from typing import Any

from kunderejse_tui.journey.export.office import require
from kunderejse_tui.journey.export.office.tables import Table, build_tables

# Column widths in characters: wide enough to read, narrow enough to print.
MIN_WIDTH, MAX_WIDTH, MAX_WIDE = 8, 40, 60
_TABLE_NAMES = {
    "touchpoints": "Touchpoints",
    "backlog": "Backlog",
    "interviews": "Interviews",
    "personas": "Personas",
}


def _width(values: list[str], wide: bool) -> float:
    longest = max((len(line) for v in values for line in v.split("\n")), default=0)
    # +2: the filter button in the header cell covers the last characters.
    return float(max(MIN_WIDTH, min(longest + 2, MAX_WIDE if wide else MAX_WIDTH)))


def _sheet(wb: Any, table: Table, first: bool) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table as XlTable
    from openpyxl.worksheet.table import TableStyleInfo

    ws = wb.active if first else wb.create_sheet()
    # Sheet names: at most 31 characters and none of []:*?/\ (the labels are ours).
    ws.title = table.title[:31]
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for c, name in enumerate(table.header, start=1):
        cell = ws.cell(row=1, column=c, value=name)
        cell.data_type = "s"
        cell.font = Font(bold=True)
    for r, row in enumerate(table.rows, start=2):
        for c, value in enumerate(row, start=1):
            if value is None or value == "":
                continue
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
                cell.alignment = wrap if ("\n" in value or c - 1 in table.wide) else top
            else:
                cell.alignment = top
    ncols = len(table.header)
    widths = []
    for c in range(ncols):
        shown = [table.header[c] + "  "] + [
            str(row[c]) for row in table.rows if row[c] not in (None, "")
        ]
        widths.append(_width(shown, c in table.wide))
        ws.column_dimensions[get_column_letter(c + 1)].width = widths[-1]
    # Wrapped cells need their row's height written down: LibreOffice (and Excel
    # until someone edits the row) would otherwise draw the lines over the next row.
    for r, row in enumerate(table.rows, start=2):
        lines = max(
            (
                sum(max(1, math.ceil(len(part) / max(widths[c] - 1, 1))) for part in v.split("\n"))
                for c, v in enumerate(row)
                if isinstance(v, str) and v
            ),
            default=1,
        )
        if lines > 1:
            ws.row_dimensions[r].height = 15 * lines
    # A table needs a data row: an empty one keeps Excel from calling the file broken.
    last_row = max(2, len(table.rows) + 1)
    ref = f"A1:{get_column_letter(ncols)}{last_row}"
    xl = XlTable(displayName=_TABLE_NAMES[table.name], ref=ref)
    xl.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(xl)
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def export_xlsx(
    journey: Any,
    *,
    lang: str | None = None,
    persona: str | None = None,
    include_unconsented: bool = False,
    anonymise: bool = False,
) -> bytes:
    """The workbook as bytes: touchpoints, backlog, interview answers, personas."""
    openpyxl = require("xlsx")
    from kunderejse_tui.journey.export.office.content import one_line
    from kunderejse_tui.journey.export.select import export_lang

    tables = build_tables(
        journey,
        lang=lang,
        persona=persona,
        include_unconsented=include_unconsented,
        anonymise=anonymise,
    )
    wb = openpyxl.Workbook()
    for n, table in enumerate(tables):
        _sheet(wb, table, first=n == 0)
    data = journey if isinstance(journey, dict) else {}
    wb.properties.title = one_line(data.get("title"))
    wb.properties.language = "en-GB" if export_lang(data, lang) == "en" else "da-DK"
    wb.properties.creator = "kunderejse"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
