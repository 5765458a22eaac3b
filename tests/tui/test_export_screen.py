"""The export screen: files next to the journey, the exact export text, the clipboard."""

from __future__ import annotations

import io
import os
import shutil
import sys
import zipfile
from collections.abc import Callable
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
from kunderejse_tui.journey.export.office.csv_tables import export_csv
from kunderejse_tui.tui.export_files import (
    FILE_FORMATS,
    MAP_FORMATS,
    REASONS,
    TABLES,
    default_file,
    page_paths,
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


# ---- the map and the documents: written to a file, summarised instead of previewed


async def choose(pilot: Pilot[None], fmt: str, table: str | None = None) -> ExportScreen:
    """Open the tab of ``fmt`` and choose it (and the CSV table)."""
    screen = pilot.app.screen
    assert isinstance(screen, ExportScreen)
    tab = "map" if fmt in MAP_FORMATS else "documents"
    await pilot.press("4" if tab == "map" else "5")
    screen.query_one(f"#format-{tab}", Select).value = fmt
    if table is not None:
        screen.query_one("#export-table", Select).value = table
    await pilot.pause()
    return screen


async def write(pilot: Pilot[None]) -> list[str]:
    """Press ctrl+s, wait for the writing worker; the notifications so far."""
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return [str(n.message) for n in pilot.app._notifications]


def _zip_holds(payload: bytes, folder: str) -> bool:
    with zipfile.ZipFile(io.BytesIO(payload)) as z:
        return any(name.startswith(folder) for name in z.namelist())


VALID: dict[str, tuple[str, Callable[[bytes], bool]]] = {
    "svg": ("bilkoeb-privat.map.svg", lambda b: b.lstrip().startswith(b"<svg") or b"<svg" in b),
    "png": ("bilkoeb-privat.map.png", lambda b: b.startswith(b"\x89PNG\r\n\x1a\n")),
    "pdf": ("bilkoeb-privat.map.pdf", lambda b: b.startswith(b"%PDF")),
    "html": ("bilkoeb-privat.map.html", lambda b: b"<title>" in b and b"<svg" in b),
    "pptx": ("bilkoeb-privat.pptx", lambda b: _zip_holds(b, "ppt/")),
    "docx": ("bilkoeb-privat.docx", lambda b: _zip_holds(b, "word/")),
    "xlsx": ("bilkoeb-privat.xlsx", lambda b: _zip_holds(b, "xl/")),
    "csv": ("bilkoeb-privat.backlog.csv", lambda b: b.startswith(b"\xef\xbb\xbf")),
}


@pytest.mark.parametrize("fmt", list(VALID))
async def test_each_file_format_is_written_where_it_says(doc: JourneyDocument, fmt: str) -> None:
    name, valid = VALID[fmt]
    journey_bytes = doc.path.read_bytes()
    app = Host(doc)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await choose(pilot, fmt)
        assert screen.query_one("#export-path", Input).value == name
        summary = str(screen.query_one(f"#summary-{screen.active}", Static).render())
        assert "ctrl+s" in summary
        notes = await write(pilot)
    assert any(f"Skrev {name}" == n for n in notes), notes
    assert valid((doc.path.parent / name).read_bytes())
    assert doc.path.read_bytes() == journey_bytes


async def test_file_options_are_the_clis(doc: JourneyDocument) -> None:
    app = Host(doc)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        app.screen.query_one("#export-persona", Select).value = "kasper"
        app.screen.query_one("#export-lang", Select).value = "en"
        await ready(pilot)
        screen = await choose(pilot, "csv", "touchpoints")
        assert screen.query_one("#export-path", Input).value == "bilkoeb-privat.touchpoints.csv"
        summary = str(screen.query_one("#summary-documents", Static).render())
        assert "Felterne adskilles med komma" in summary
        await write(pilot)
        written = (doc.path.parent / "bilkoeb-privat.touchpoints.csv").read_bytes()
    assert written == export_csv(doc.data, table="touchpoints", lang="en", persona="kasper")


async def test_the_copy_key_does_not_copy_a_file_format(doc: JourneyDocument) -> None:
    app = Host(doc)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await choose(pilot, "pdf")
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == ""
        assert any("ctrl+s" in str(n.message) for n in app._notifications)


@pytest.mark.parametrize(
    ("fmt", "module", "extra"),
    [("png", "resvg_py", "picture"), ("pdf", "fpdf", "picture"), ("pptx", "pptx", "office")],
)
async def test_a_missing_extra_is_named(
    doc: JourneyDocument, monkeypatch: pytest.MonkeyPatch, fmt: str, module: str, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    app = Host(doc)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await choose(pilot, fmt)
        summary = str(screen.query_one(f"#summary-{screen.active}", Static).render())
        assert f"pip install 'kunderejse-tui[{extra}]'" in summary
        notes = await write(pilot)
    assert any(f"pip install 'kunderejse-tui[{extra}]'" in n for n in notes), notes
    assert not (doc.path.parent / VALID[fmt][0]).exists()


@pytest.mark.parametrize("tab", ["markdown", "pdf", "csv"])
async def test_never_written_over_the_journey(doc: JourneyDocument, tab: str) -> None:
    journey_bytes = doc.path.read_bytes()
    alias = doc.path.parent / "alias.pdf"
    os.link(doc.path, alias)  # the same file by another name: same device and inode
    app = Host(doc)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        if tab != "markdown":
            await choose(pilot, tab)
        path = app.screen.query_one("#export-path", Input)
        for target in ("bilkoeb-privat.journey.yaml", "./alias.pdf"):
            path.value = target
            notes = await write(pilot)
            assert f"{target} er selve rejsefilen; vælg et andet filnavn." in notes
    assert doc.path.read_bytes() == journey_bytes


async def test_a_file_that_cannot_be_written_says_why(doc: JourneyDocument) -> None:
    app = Host(doc, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await choose(pilot, "xlsx")
        app.screen.query_one("#export-path", Input).value = "no/such/dir/x.xlsx"
        notes = await write(pilot)
        assert "Could not write no/such/dir/x.xlsx: the folder does not exist" in notes
        assert isinstance(app.screen, ExportScreen)


async def test_the_csv_name_follows_the_table_until_edited(doc: JourneyDocument) -> None:
    app = Host(doc)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await choose(pilot, "csv", "personas")
        path = screen.query_one("#export-path", Input)
        assert path.value == "bilkoeb-privat.personas.csv"
        path.value = "mine.csv"
        screen.query_one("#export-table", Select).value = "interviews"
        await pilot.pause()
        assert path.value == "mine.csv"
        summary = str(screen.query_one("#summary-documents", Static).render())
        assert "Tabellen Interviewsvar" in summary


def test_default_files_and_pages() -> None:
    journey = Path("/w/bilkoeb.journey.yaml")
    assert default_file(journey, "bilkoeb", "pdf", "backlog") == Path("/w/bilkoeb.map.pdf")
    assert default_file(journey, "bilkoeb", "pptx", "backlog") == Path("/w/bilkoeb.pptx")
    assert default_file(journey, "bilkoeb", "csv", "kpis") == Path("/w/bilkoeb.kpis.csv")
    assert page_paths(Path("/w/b.map.png"), 1) == [Path("/w/b.map.png")]
    assert page_paths(Path("/w/b.map.png"), 2) == [Path("/w/b.map.01.png"), Path("/w/b.map.02.png")]


def test_the_tables_are_the_cores_and_every_made_id_is_in_the_catalog() -> None:
    from kunderejse_tui.journey.export.office.tables import TABLES as CORE_TABLES
    from kunderejse_tui.journey.i18n.catalog import TABLES as CATALOG
    from kunderejse_tui.journey.i18n.catalog import table

    assert TABLES == CORE_TABLES
    known = {key for name in CATALOG for key in table(name)}
    made = [f"exp.file.{fmt}" for fmt in FILE_FORMATS]
    made += [f"exp.about.{fmt}" for fmt in FILE_FORMATS]
    made += [f"exp.table.{name}" for name in TABLES]
    made += [f"exp.fmt.{tab}" for tab in ("map", "documents")]
    made += ["exp.csv_sep.da", "exp.csv_sep.en", *REASONS.values()]
    assert [key for key in made if key not in known] == []
