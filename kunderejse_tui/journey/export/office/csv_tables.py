"""One table as CSV that Excel opens as it should, in Danish and in English.

- UTF-8 with a BOM: without it, Excel reads the file as the local code page and
  æøå come out as mojibake.
- ``;`` in Danish: Danish Excel's list separator (the comma is its decimal
  separator), so a double-clicked file opens in columns. Decimals follow.
- A value that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return gets
  a leading ``'``: the usual defence against formula injection, as Excel and
  LibreOffice would otherwise run ``=cmd|' /C calc'!A0``.

No office library is needed: the standard ``csv`` module writes it.
"""

from __future__ import annotations

from typing import Any

from kunderejse_tui.journey.export.office.tables import Cell, build_tables
from kunderejse_tui.journey.i18n.catalog import t
from kunderejse_tui.journey.i18n.numbers import shortest

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")


def default_delimiter(lang: str) -> str:
    # Spreadsheets read ";" where the decimal mark is a comma (Danish), else ",".
    return t(lang, "export.csv_delimiter")


def csv_value(value: Cell, lang: str) -> str:
    """A cell as CSV text: numbers in the language's notation, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return shortest(lang, value)
    if value.startswith(DANGEROUS_START):
        return "'" + value
    return value


def export_csv(
    journey: Any,
    *,
    table: str,
    lang: str | None = None,
    persona: str | None = None,
    include_unconsented: bool = False,
    anonymise: bool = False,
    delimiter: str | None = None,
) -> bytes:
    """The table ``table`` (see ``tables.TABLES``) as CSV bytes, BOM first."""
    import csv
    import io

    from kunderejse_tui.journey.export.select import export_lang

    lang = export_lang(journey, lang)
    if delimiter is None:
        delimiter = default_delimiter(lang)
    (data,) = build_tables(
        journey,
        lang=lang,
        persona=persona,
        include_unconsented=include_unconsented,
        anonymise=anonymise,
        only=table,
    )
    out = io.StringIO()
    # CRLF as Excel writes it; QUOTE_MINIMAL quotes fields holding the delimiter,
    # quotes or line breaks.
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([csv_value(h, lang) for h in data.header])
    for row in data.rows:
        writer.writerow([csv_value(v, lang) for v in row])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")
