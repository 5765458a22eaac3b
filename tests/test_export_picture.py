"""The journey map as a picture: goldens, no overflow, real text, nothing fetched."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from kunderejse_tui.journey.export.picture import (
    Options,
    UnknownLaneError,
    export_html,
    export_pdf,
    export_png_pages,
    export_svg_pages,
)
from kunderejse_tui.journey.export.picture.fonts import measure
from kunderejse_tui.journey.export.picture.layout import LANES, lay_out
from kunderejse_tui.journey.export.picture.shapes import Cell, Text
from kunderejse_tui.journey.export.picture.text import clean, wrap

sys.path.insert(0, str(Path(__file__).parent))
from golden import picture as golden
from golden.corpus import NASTY, corpus_journey

SAMPLES = golden.stems()


def _journey(stem: str) -> dict[str, Any]:
    return golden.journey(stem)


def _pixels(png: bytes) -> tuple[tuple[int, int], bytes]:
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    return image.size, image.tobytes()


def _max_difference(a: bytes, b: bytes) -> int:
    """The largest difference of one channel of one pixel between two PNGs of one size.

    resvg draws a clipped group on a layer and composites it, which rounds some
    anti-aliased pixels differently: mostly by 1, at worst by about 16 on a thin
    stroke; a glyph or line that leaves its cell differs by far more (100-255,
    see the test below).
    """
    from PIL import Image, ImageChops

    one = Image.open(io.BytesIO(a)).convert("RGB")
    two = Image.open(io.BytesIO(b)).convert("RGB")
    assert one.size == two.size
    extrema = ImageChops.difference(one, two).getextrema()
    return max(high for _, high in extrema)  # type: ignore[union-attr]


def _texts(pages: list[Any]) -> list[Text]:
    out: list[Text] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, Cell):
                walk(item.items)
            elif isinstance(item, Text):
                out.append(item)

    for page in pages:
        walk(page.items)
    return out


# ---------------------------------------------------------------------------
# Goldens


@pytest.mark.parametrize("stem", SAMPLES)
def test_svg_matches_its_golden_file(stem: str) -> None:
    pages = export_svg_pages(_journey(stem), golden.options(stem))
    for n, svg in enumerate(pages, start=1):
        path = golden.svg_path(stem, n)
        assert path.read_text(encoding="utf-8") == svg, (
            f"{path.name} is out of date: run python tests/golden/picture.py and review the diff"
        )
    assert not golden.svg_path(stem, len(pages) + 1).exists()


def test_png_matches_the_stored_rendering_within_a_few_pixels() -> None:
    (png,) = export_png_pages(
        _journey(golden.PNG_SAMPLE), golden.options(golden.PNG_SAMPLE), zoom=golden.PNG_ZOOM
    )
    size, got = _pixels(png)
    stored_size, want = _pixels(golden.png_path().read_bytes())
    assert size == stored_size
    differing = sum(1 for i in range(0, len(got), 3) if abs(got[i] - want[i]) > 48)
    # Anti-aliasing may move between resvg releases; a moved lane or word would not.
    assert differing <= size[0] * size[1] * 0.002


# ---------------------------------------------------------------------------
# No overflow, proven by the renderer rather than by the layout's own sums


@pytest.mark.parametrize(
    ("stem", "paper"),
    [(s, "a3") for s in SAMPLES] + [("energiraadgivning-livscyklus", "a4")],
)
def test_clipping_every_cell_changes_no_pixel(stem: str, paper: str) -> None:
    opt = Options(paper=paper, source=f"{stem}.journey.yaml")
    free = export_png_pages(_journey(stem), opt, zoom=1.0)
    clipped = export_png_pages(_journey(stem), opt, zoom=1.0, clip=True)
    assert len(free) == len(clipped)
    for a, b in zip(free, clipped, strict=True):
        assert _max_difference(a, b) <= 24


def test_clipping_would_show_an_overflow() -> None:
    """The proof above can fail: a cell whose text sticks out renders differently."""
    from kunderejse_tui.journey.export.picture.png import svg_to_png
    from kunderejse_tui.journey.export.picture.shapes import Page
    from kunderejse_tui.journey.export.picture.svg import page_svg

    page = Page(200, 100, "t", 1, 1)
    cell = Cell(10, 10, 40, 20)
    cell.items.append(Text(12, 24, "Informationsindsamling", 10))
    page.items.append(cell)
    assert (
        _max_difference(
            svg_to_png(page_svg(page), zoom=1), svg_to_png(page_svg(page, clip=True), zoom=1)
        )
        > 100
    )


# ---------------------------------------------------------------------------
# Text


def test_a_long_danish_compound_is_hyphenated_to_fit() -> None:
    lines = wrap("Informationsindsamling", 60, 8)
    assert lines == ["Informations-", "indsamling"]
    assert all(measure(line, 8) <= 60 for line in lines)


def test_a_word_with_no_rule_point_is_still_broken_to_fit() -> None:
    lines = wrap("X" * 80, 50, 8, bold=True)
    assert len(lines) > 1 and all(measure(line, 8, True) <= 50 for line in lines)
    assert "".join(line.rstrip("-") for line in lines) == "X" * 80


def test_bidi_controls_and_invisible_characters_are_removed() -> None:
    assert clean("a\u202eb\u2066c\u200fd\x00e\ufeff") == "abcde"
    assert clean("<script>]]>&amp;") == "<script>]]>&amp;"


def _crowded(n_stages: int = 12, n_tps: int = 30) -> dict[str, Any]:
    return {
        "format": "kunderejse/1",
        "id": "crowded",
        "title": "Crowded",
        "personas": [{"id": "p", "name": "Persona P"}],
        "stages": [
            {
                "id": f"s{s}",
                "name": f"Fase {s} Informationsindsamling",
                "customer_goal": "Et mål " * 30,
                "touchpoints": [
                    {
                        "id": f"t{s}-{t}",
                        "name": f"Berøringspunkt {s}.{t} med et langt navn",
                        "emotion": 1 + (s + t) % 5,
                        "kind": "owned",
                        "pains": [f"Smerte {s}.{t} " * 3],
                    }
                    for t in range(n_tps)
                ],
            }
            for s in range(n_stages)
        ],
    }


def test_a_crowded_journey_is_summarised_on_one_a3_page_and_says_so() -> None:
    pages = lay_out(_crowded(), Options())
    assert len(pages) == 1
    shown = [t.text for t in _texts(pages)]
    assert any(re.fullmatch(r"\+\d+ mere", s) for s in shown)
    assert any("punkter er ikke vist" in s for s in shown)
    # Names are never cut: every touchpoint name shown is shown whole (over its lines).
    joined = " ".join(shown)
    shown_names = re.findall(r"Berøringspunkt \d+\.\d+ med et langt navn", joined)
    assert shown_names and "…" not in "".join(s for s in shown if s.startswith("Berøringspunkt"))


def test_names_that_wrap_still_come_out_whole() -> None:
    journey = _crowded(3, 1)
    journey["stages"][0]["name"] = "Kundeservicemedarbejderuddannelsesforløbet"
    pages = lay_out(journey, Options(lanes=["touchpoints"]))
    lines = [t.text for t in _texts(pages)]
    joined = "".join(line[:-1] if line.endswith("-") else line + " " for line in lines)
    assert "Kundeservicemedarbejderuddannelsesforløbet" in joined


def test_twelve_stages_fit_on_a3_and_split_on_a4_with_names_repeated() -> None:
    journey = _journey("energiraadgivning-livscyklus")
    told: list[str] = []
    assert len(lay_out(journey, Options(notice=told.append))) == 1
    assert told == []
    a4 = lay_out(journey, Options(paper="a4", notice=told.append))
    assert len(a4) == 2
    assert told == [
        "12 stages do not fit on one A4 page: the map is split over 2 pages, "
        "with the stage names repeated on each"
    ]
    split = lay_out(journey, Options(split=True))
    assert len(split) == 2
    for page in a4:
        assert "Side" in " ".join(t.text for t in _texts([page]))


def _busy(n_stages: int, n_tps: int = 15) -> dict[str, Any]:
    """A journey whose first stage has ``n_tps`` touchpoints with long names, and
    every stage questions, pains and opportunities to shrink."""
    journey = _crowded(n_stages, 2)
    journey["stages"][0]["touchpoints"] = [
        {
            "id": f"busy-{t}",
            "name": f"Berøringspunkt {t} hos kundeservice med et langt navn",
            "emotion": 1 + t % 5,
            "kind": "paid",
            "channel": "e-mail",
            "pains": [f"Smerte {t} " * 4],
            "opportunities": [f"Mulighed {t} " * 4],
        }
        for t in range(n_tps)
    ]
    for stage in journey["stages"]:
        stage["customer_questions"] = [{"text": "Hvad koster det, og hvornår? " * 2}] * 3
    return journey


def _touchpoint_cells(pages: list[Any]) -> list[list[str]]:
    cells = []
    for page in pages:
        for item in page.items:
            if isinstance(item, Cell):
                lines = [t.text for t in item.items if isinstance(t, Text)]
                if any(line.startswith("Berøringspunkt") for line in lines):
                    cells.append(lines)
    return cells


def _joined(lines: list[str]) -> str:
    return "".join(line[:-1] if line.endswith("-") else line + " " for line in lines)


@pytest.mark.parametrize("n_stages", [4, 12])
def test_fifteen_touchpoints_in_a_stage_are_all_shown_whole(n_stages: int) -> None:
    journey = _busy(n_stages)
    told: list[str] = []
    # Without the evidence lane, which repeats the names (and may be cut).
    lanes = [lane for lane in LANES if lane != "evidence"]
    pages = lay_out(journey, Options(lanes=lanes, notice=told.append))
    cells = _touchpoint_cells(pages)
    assert not [c for c in cells if any(re.fullmatch(r"\+\d+ mere", s) for s in c)]
    joined = " ".join(_joined(c) for c in cells)
    for t in range(15):
        assert f"Berøringspunkt {t} hos kundeservice med et langt navn" in joined
    assert "…" not in joined
    # The lanes that may be cut gave way: the questions of the busy stage are cut.
    assert any(re.fullmatch(r"\+\d+ mere", t.text) for t in _texts(pages))
    if n_stages == 4:
        assert len(pages) == 1 and told == []
        return
    # Twelve columns are too narrow for the names: split, and said so.
    assert len(pages) > 1
    assert told and "the touchpoint names do not fit on 1 A3 page" in told[0]
    stage_names = [f"Fase {s} Informationsindsamling" for s in range(n_stages)]
    for page in pages:
        text = _joined([t.text for t in _texts([page])])
        assert "Side" in text
        assert any(name in text for name in stage_names)
    everything = _joined([t.text for t in _texts(pages)])
    assert all(name in everything for name in stage_names)


def test_a_stage_too_busy_for_any_page_is_summarised_and_said() -> None:
    told: list[str] = []
    pages = lay_out(_busy(12, 80), Options(notice=told.append))
    assert len(pages) == 1
    assert told and "more touchpoints than one page can hold" in told[0]
    assert any("punkter er ikke vist" in t.text for t in _texts(pages))


def test_a_long_persona_name_wraps_whole_and_stays_on_the_page() -> None:
    journey = _journey("b2b-software")
    long_name = "Mette " + "Meget-lang-persona-beskrivelse " * 12
    journey["personas"][0]["name"] = long_name
    (page,) = lay_out(journey, Options())
    texts = _texts([page])
    for t in texts:
        w = measure(t.text, t.size, t.bold)
        left = t.x - (w if t.anchor == "end" else w / 2 if t.anchor == "middle" else 0)
        assert left >= 0 and left + w <= page.width, t.text
    bold = [t.text for t in texts if t.bold]
    assert " ".join(long_name.split()) in _joined(bold)


def test_lanes_choose_what_is_drawn() -> None:
    journey = _journey("bilkoeb-privat")
    all_text = " ".join(t.text for t in _texts(lay_out(journey, Options())))
    only = " ".join(t.text for t in _texts(lay_out(journey, Options(lanes=["pains"]))))
    assert "Smertepunkter" in only and "Muligheder" not in only
    assert "Muligheder" in all_text
    with pytest.raises(UnknownLaneError):
        lay_out(journey, Options(lanes=["nope"]))


def test_english_labels() -> None:
    text = " ".join(t.text for t in _texts(lay_out(_journey("bilkoeb-privat"), Options(lang="en"))))
    assert "Emotion curve" in text and "Touchpoints" in text and "Følelseskurve" not in text


def test_compare_draws_a_dashed_curve_and_names_it() -> None:
    journey = _journey("bilkoeb-privat")
    svg = export_svg_pages(journey, Options(compare=journey))[0]
    assert 'stroke-dasharray="4 3"' in svg and "Nuværende (stiplet)" in svg


# ---------------------------------------------------------------------------
# Hostile text


def test_hostile_labels_render_as_text_in_svg_and_html() -> None:
    journey = corpus_journey()
    extra = ["]]></text><script>alert(1)</script>", "&amp; &#x41;", "\u202egnp.exe", "<!--", "'\""]
    journey["stages"][0]["name"] = " ".join(extra)
    svg = "".join(export_svg_pages(journey, Options()))
    html = export_html(journey, Options())
    for doc in (svg, html):
        assert "<script" not in doc and "]]>" not in doc and "<!--" not in doc
        assert "\u202e" not in doc
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc
    import xml.dom.minidom

    for page in export_svg_pages(journey, Options()):
        dom = xml.dom.minidom.parseString(page.encode("utf-8"))
        texts = "".join(n.firstChild.data for n in dom.getElementsByTagName("text") if n.firstChild)
        assert "alert(1)" in texts
    # Every corpus label that reached a stage name shows as typed (clean()ed).
    names = " ".join(t.text for t in _texts(lay_out(journey, Options(lanes=["touchpoints"]))))
    assert any(clean(label).split(" ")[0] in names for label in NASTY)


def test_hostile_corpus_renders_to_png_and_pdf() -> None:
    journey = corpus_journey()
    assert export_png_pages(journey, Options(), zoom=0.5)
    assert export_pdf(journey, Options()).startswith(b"%PDF")


# ---------------------------------------------------------------------------
# PDF


def _normal(s: str) -> str:
    return re.sub(r"[\s\-]", "", s)


@pytest.mark.parametrize("stem", SAMPLES)
def test_pdf_text_has_every_stage_touchpoint_and_persona_name(stem: str) -> None:
    from pypdf import PdfReader

    from kunderejse_tui.journey import access
    from kunderejse_tui.journey.export.select import persona_name, stage_name, touchpoint_name

    journey = _journey(stem)
    # A3, no --split: the other lanes give the touchpoints the room their names need.
    reader = PdfReader(io.BytesIO(export_pdf(journey, golden.options(stem))))
    assert len(reader.pages) == 1
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = _normal(text)
    names = [persona_name(p, i) for i, p in enumerate(access.personas(journey))]
    for i, stage in enumerate(access.stages(journey)):
        names.append(stage_name(stage, i, "da"))
        names += [touchpoint_name(tp) for tp in access.touchpoints(stage)]
    for name in names:
        # Whole: all its letters in order, never followed by the cut mark.
        assert _normal(name) in flat, name
        assert _normal(name) + "…" not in flat, name


# ---------------------------------------------------------------------------
# HTML


def test_html_is_self_contained() -> None:
    html = export_html(_journey("bilkoeb-privat"), Options())
    assert "<title>Privatkunder køber ny bil</title>" in html
    assert "@page{size:A3 landscape" in html
    refs = re.findall(r"""(?:src|href)\s*=\s*["']?([^"'\s>]+)""", html, re.IGNORECASE)
    refs += re.findall(r"url\(\s*['\"]?([^'\")]+)", html, re.IGNORECASE)
    refs += re.findall(r"@import\s+(?:url\()?['\"]?([^'\")\s;]+)", html, re.IGNORECASE)
    assert refs, "the font must be embedded"
    for ref in refs:
        assert ref.startswith(("data:", "#")), ref
    assert "<script" not in html.lower()
    # Real text: the stage names are text nodes, not paths.
    assert ">Tiltræk</text>" in html


CHROMIUM = Path("/usr/bin/chromium")


def _page_requests(html: str, tmp: Path) -> list[str]:
    """The URLs that loading ``html`` in headless Chromium asked the network for.

    Chromium's net log also holds the browser's own calls (clock, updates,
    accounts) even with background networking off; those have no initiator, or
    "not an origin". What a page asks for carries the page's origin.
    """
    import json
    import subprocess

    tmp.mkdir()
    page = tmp / "page.html"
    page.write_text(html, encoding="utf-8")
    log = tmp / "net.json"
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp / 'profile'}",
            f"--log-net-log={log}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    raw = log.read_text(encoding="utf-8").rstrip().rstrip(",")
    if not raw.endswith("}"):
        raw += "]}"  # a log cut short when the browser exits lacks its closing
    urls = []
    for event in json.loads(raw).get("events", []):
        params = event.get("params")
        if not isinstance(params, dict) or "url" not in params:
            continue
        if params.get("initiator") in (None, "not an origin"):
            continue
        if not str(params["url"]).startswith(("data:", "file:")):
            urls.append(str(params["url"]))
    return urls


@pytest.mark.slow
def test_chromium_loads_the_page_with_no_network_request(tmp_path: Path) -> None:
    import os

    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI has Debian's chromium; install it")
        pytest.skip("no /usr/bin/chromium")
    # The check can fail: a page with one image from the network is caught.
    control = '<!DOCTYPE html><html><body><img src="http://127.0.0.1:9/x.png"></body></html>'
    assert _page_requests(control, tmp_path / "control")
    html = export_html(_journey("bilkoeb-privat"), Options())
    assert _page_requests(html, tmp_path / "map") == []
