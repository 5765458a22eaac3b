"""The export screen: files next to the journey, the exact export text, the clipboard."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Markdown, Select, Static

from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.export import (
    export_markdown,
    export_mermaid_flowchart,
    export_mermaid_journey,
)
from kunderejse_tui.tui.screens.export import ExportScreen, default_target, journey_name

SAMPLE = Path(__file__).parents[2] / "sample_journeys" / "bilkoeb-privat.journey.yaml"
SIZE = (100, 40)


class Host(App[None]):
    def __init__(self, document: JourneyDocument, lang: str = "da") -> None:
        super().__init__()
        self.document = document
        self.lang = lang
        self.export_closed = False

    def on_mount(self) -> None:
        self.push_screen(ExportScreen(self.document, self.lang), self._export_closed)

    def _export_closed(self, _: None) -> None:
        self.export_closed = True


@pytest.fixture
def doc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> JourneyDocument:
    path = tmp_path / "bilkoeb-privat.journey.yaml"
    shutil.copy(SAMPLE, path)
    monkeypatch.chdir(tmp_path)
    return JourneyDocument.load(path)


async def ready(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ExportScreen)
    if screen.markdown_shown is not None:
        await screen.markdown_shown
    await pilot.pause()


def test_names_next_to_the_journey() -> None:
    journey = Path("/w/bilkoeb-privat.journey.yaml")
    assert journey_name(journey) == "bilkoeb-privat"
    assert journey_name(Path("plain.yaml")) == "plain"
    assert default_target(journey, "markdown") == Path("/w/bilkoeb-privat.md")
    assert default_target(journey, "mermaid-journey") == Path("/w/bilkoeb-privat.journey.mmd")
    assert default_target(journey, "mermaid-flowchart") == Path("/w/bilkoeb-privat.flowchart.mmd")


async def test_writes_previews_and_copies_each_format(doc: JourneyDocument) -> None:
    here = doc.path.parent
    (here / "bilkoeb-privat.md").write_text("an older export", encoding="utf-8")
    app = Host(doc)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = app.screen
        # Markdown: rendered by Textual's Markdown widget, written over the older export.
        markdown = screen.query_one("#preview-markdown", Markdown)
        assert markdown.source == export_markdown(doc.data)
        assert [str(h.render()) for h in markdown.query("MarkdownH1")] == [
            "Privatkunder køber ny bil"
        ]
        assert screen.query_one("#export-path", Input).value == "bilkoeb-privat.md"
        await pilot.press("ctrl+s", "c")
        assert app.clipboard == export_markdown(doc.data)
        # Mermaid: the source as it is written.
        await pilot.press("2")
        assert screen.query_one("#export-path", Input).value == "bilkoeb-privat.journey.mmd"
        source = screen.query_one("#preview-mermaid-journey", Static)
        assert str(source.render()) == export_mermaid_journey(doc.data)
        await pilot.press("ctrl+s", "3", "ctrl+s", "c")
        assert app.clipboard == export_mermaid_flowchart(doc.data)
        await pilot.press("escape")
        await pilot.pause()
        assert app.export_closed
    assert (here / "bilkoeb-privat.md").read_text(encoding="utf-8") == export_markdown(doc.data)
    assert (here / "bilkoeb-privat.journey.mmd").read_text(
        encoding="utf-8"
    ) == export_mermaid_journey(doc.data)
    assert (here / "bilkoeb-privat.flowchart.mmd").read_text(
        encoding="utf-8"
    ) == export_mermaid_flowchart(doc.data)


async def test_options_reach_the_export(doc: JourneyDocument) -> None:
    app = Host(doc)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.screen.query_one("#export-persona", Select).value = "kasper"
        app.screen.query_one("#export-lang", Select).value = "en"
        await ready(pilot)
        await pilot.press("c")
        assert app.clipboard == export_markdown(doc.data, lang="en", persona="kasper")
        await pilot.press("2", "c")
        assert app.clipboard == export_mermaid_journey(doc.data, lang="en", persona="kasper")


async def test_a_chosen_path_and_a_foreign_file(doc: JourneyDocument) -> None:
    other = doc.path.parent / "rapport.md"
    other.write_text("someone else's", encoding="utf-8")
    app = Host(doc)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.screen.query_one("#export-path", Input).focus()
        await pilot.press("ctrl+u", *"rapport.md")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert other.read_text(encoding="utf-8") == "someone else's"  # asked first
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert other.read_text(encoding="utf-8") == export_markdown(doc.data)
    assert not (doc.path.parent / "bilkoeb-privat.md").exists()


async def test_a_write_that_fails_says_so(doc: JourneyDocument) -> None:
    app = Host(doc)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.screen.query_one("#export-path", Input).value = "no/such/dir/x.md"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("no/such/dir/x.md" in str(n.message) for n in app._notifications)
        assert isinstance(app.screen, ExportScreen)


async def test_warns_when_a_diagram_is_over_mermaid_limits(tmp_path: Path) -> None:
    long_name = "Et meget langt navn på et berøringspunkt i en stor workshop " * 2
    data = {
        "format": "kunderejse/1",
        "id": "stor",
        "title": "Stor",
        "stages": [
            {
                "id": f"s{i}",
                "name": f"Fase {i}",
                "touchpoints": [{"id": f"t{i}-{j}", "name": long_name} for j in range(60)],
            }
            for i in range(12)
        ],
    }
    document = JourneyDocument.create(tmp_path / "stor.journey.yaml", data)
    app = Host(document)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        note = app.screen.query_one("#export-note", Static)
        assert "Mermaid" not in str(note.render())
        await pilot.press("3")
        assert "Mermaid (og GitHub) viser højst 50.000" in str(note.render())
        assert note.has_class("-warning")
