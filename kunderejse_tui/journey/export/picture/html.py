"""One self-contained HTML page: the map's SVG pages inline, the font as data: URLs.

Nothing is fetched: no script, no link, no external URL of any kind. The font is
embedded so the browser measures the text exactly as the layout did, and the text
stays real text (selectable, searchable). Printing gives one map page per sheet.
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

from kunderejse_tui.journey.export.picture.fonts import BOLD_FILE, FAMILY, REGULAR_FILE
from kunderejse_tui.journey.export.picture.layout import Options
from kunderejse_tui.journey.export.picture.shapes import Page
from kunderejse_tui.journey.export.picture.svg import page_svg, xml
from kunderejse_tui.journey.export.select import export_lang

if TYPE_CHECKING:
    from typing import Any

PAGE_SIZES = {"a4": "A4 landscape", "a3": "A3 landscape", "a2": "A2 landscape"}


def _font_face(path: Any, weight: int) -> str:
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return (
        f'@font-face{{font-family:"{FAMILY}";font-weight:{weight};font-style:normal;'
        f'src:url(data:font/ttf;base64,{data}) format("truetype");}}'
    )


def pages_to_html(pages: list[Page], journey: Any, opt: Options) -> str:
    title = pages[0].title if pages else ""
    lang = export_lang(journey, opt.lang)
    css = "\n".join(
        [
            _font_face(REGULAR_FILE, 400),
            _font_face(BOLD_FILE, 700),
            f"@page{{size:{PAGE_SIZES.get(opt.paper, PAGE_SIZES['a3'])};margin:0;}}",
            "html,body{margin:0;padding:0;background:#d9d9d9;}",
            "svg{display:block;width:100%;height:auto;max-width:1600px;margin:16px auto;"
            "background:#fff;box-shadow:0 1px 6px rgba(0,0,0,.25);}",
            "@media print{html,body{background:#fff;}"
            "svg{width:100vw;height:100vh;max-width:none;margin:0;box-shadow:none;"
            "break-after:page;}svg:last-of-type{break-after:auto;}}",
        ]
    )
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Belt and braces: even a browser that found a URL in here may not fetch it.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; font-src data:; img-src data:\">",
        f"<title>{xml(title)}</title>",
        f"<style>\n{css}\n</style>",
        "</head>",
        "<body>",
    ]
    for page in pages:
        parts.append(page_svg(page, standalone=False).rstrip("\n"))
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
