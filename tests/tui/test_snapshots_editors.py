"""Snapshots of every editor form and the export preview (100x40, steady cursor).

Update after a deliberate UI change with ``pytest --snapshot-update`` and look at
the SVGs before committing them.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Select

from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.tui.screens.editors import editor_for
from kunderejse_tui.tui.screens.export import ExportScreen

SAMPLE = Path(__file__).parents[2] / "sample_journeys" / "bilkoeb-privat.journey.yaml"
SIZE = (100, 40)
Snap = Callable[..., bool]


class Host(App[None]):
    """Shows one screen over an empty app, with the cursor held still."""

    def __init__(self, make: Callable[[], Screen[Any] | None]) -> None:
        super().__init__()
        self.make = make

    def on_mount(self) -> None:
        screen = self.make()
        assert screen is not None
        self.push_screen(screen)


@pytest.fixture
def doc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> JourneyDocument:
    path = tmp_path / "bilkoeb-privat.journey.yaml"
    shutil.copy(SAMPLE, path)
    # The export screen shows paths relative to the working directory.
    monkeypatch.chdir(tmp_path)
    return JourneyDocument.load(path)


def form(document: JourneyDocument, path: tuple[Any, ...], lang: str = "da") -> Host:
    return Host(lambda: editor_for(document, path, lang))


FORMS = {
    "journey": (),
    "persona": ("personas", 0),
    "stage": ("stages", 0),
    "question": ("stages", 0, "customer_questions", 0),
    "touchpoint": ("stages", 0, "touchpoints", 0),
    "messaging": ("stages", 0, "messaging"),
}


@pytest.mark.parametrize("name", list(FORMS))
def test_form_da(name: str, doc: JourneyDocument, snap_compare: Snap) -> None:
    assert snap_compare(form(doc, FORMS[name]), terminal_size=SIZE)


def test_touchpoint_form_en(doc: JourneyDocument, snap_compare: Snap) -> None:
    assert snap_compare(form(doc, FORMS["touchpoint"], "en"), terminal_size=SIZE)


def test_touchpoint_form_with_wrong_values(
    doc: JourneyDocument, tmp_path: Path, snap_compare: Snap
) -> None:
    data = copy.deepcopy(doc.data)
    tp = data["stages"][0]["touchpoints"][0]
    tp.update({"emotion": "high", "kind": "social", "personas": ["mette", "ukendt"]})
    broken = JourneyDocument.create(tmp_path / "broken.journey.yaml", data)
    assert snap_compare(form(broken, FORMS["touchpoint"]), terminal_size=SIZE)


def test_string_list_editing_an_item(doc: JourneyDocument, snap_compare: Snap) -> None:
    async def pick_and_edit(pilot: Pilot[None]) -> None:
        pilot.app.screen.query_one("#f-kpis StringListEntry").focus()
        await pilot.pause()
        await pilot.press("up", "up", "enter")
        await pilot.pause()

    app = form(doc, FORMS["stage"])
    assert snap_compare(app, terminal_size=SIZE, run_before=pick_and_edit)


def test_discard_question(doc: JourneyDocument, snap_compare: Snap) -> None:
    async def type_then_escape(pilot: Pilot[None]) -> None:
        await pilot.press("end", "ctrl+u", "O", "p", "d", "a", "g", "escape")
        await pilot.pause()

    app = form(doc, FORMS["stage"])
    assert snap_compare(app, terminal_size=SIZE, run_before=type_then_escape)


async def _export_ready(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ExportScreen)
    if screen.markdown_shown is not None:
        await screen.markdown_shown
    await pilot.pause()


def test_export_markdown_preview(doc: JourneyDocument, snap_compare: Snap) -> None:
    app = Host(lambda: ExportScreen(doc, "da"))
    assert snap_compare(app, terminal_size=SIZE, run_before=_export_ready)


def test_export_mermaid_preview_en(doc: JourneyDocument, snap_compare: Snap) -> None:
    async def flowchart(pilot: Pilot[None]) -> None:
        await _export_ready(pilot)
        await pilot.press("3")
        await pilot.pause()

    app = Host(lambda: ExportScreen(doc, "en"))
    assert snap_compare(app, terminal_size=SIZE, run_before=flowchart)


def _choose(tab: str, fmt: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await _export_ready(pilot)
        await pilot.press("4" if tab == "map" else "5")
        pilot.app.screen.query_one(f"#format-{tab}", Select).value = fmt
        await pilot.pause()

    return run_before


def test_export_map_pdf_summary(doc: JourneyDocument, snap_compare: Snap) -> None:
    app = Host(lambda: ExportScreen(doc, "da"))
    assert snap_compare(app, terminal_size=(120, 40), run_before=_choose("map", "pdf"))


def test_export_pptx_summary_small(doc: JourneyDocument, snap_compare: Snap) -> None:
    app = Host(lambda: ExportScreen(doc, "da"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=_choose("documents", "pptx"))
