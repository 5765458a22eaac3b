"""Export the journey: Markdown or Mermaid, previewed, written next to it or copied;
the map as a picture (SVG, PNG, PDF, HTML) and the hand-over documents (PowerPoint,
Word, Excel, CSV), summarised and written to a file.

The exports are the core's pure functions; this screen only picks the options,
shows the result (Markdown rendered, Mermaid as source, a summary for a file
format) and puts it somewhere. They run in a thread on a snapshot, so a big
journey never stalls the UI; the files are made and written in a worker too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol

from textual import on, work
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    Markdown,
    Select,
    Static,
    TabbedContent,
    TabPane,
)
from textual.worker import get_current_worker

from kunderejse_tui.journey import confinement
from kunderejse_tui.journey.access import language, personas, text
from kunderejse_tui.journey.edits import Editor
from kunderejse_tui.journey.export import (
    FORMATS,
    MAX_EDGES,
    MAX_TEXT_SIZE,
    check_mermaid_limits,
    export_markdown,
    export_mermaid_flowchart,
    export_mermaid_journey,
)
from kunderejse_tui.journey.export.mermaid import count_edges, mermaid_size
from kunderejse_tui.journey.fileio import write_text_atomic
from kunderejse_tui.journey.i18n import integer
from kunderejse_tui.journey.journey_path import same_file
from kunderejse_tui.tui import key_descriptions
from kunderejse_tui.tui.export_files import (
    DOCUMENT_FORMATS,
    MAP_FORMATS,
    TABLES,
    Facts,
    FileOptions,
    RefusedTarget,
    default_file,
    facts,
    failure,
    summary,
    write_export,
)
from kunderejse_tui.tui.i18n import tr
from kunderejse_tui.tui.widgets.key_footer import KeyFooter
from kunderejse_tui.tui.widgets.tick_box import TickBox

SUFFIXES = {
    "markdown": ".md",
    "mermaid-journey": ".journey.mmd",
    "mermaid-flowchart": ".flowchart.mmd",
}
# The tabs of the file formats, and the format each shows first.
FILE_TABS = {"map": MAP_FORMATS, "documents": DOCUMENT_FORMATS}
FIRST_FILE = {"map": "pdf", "documents": "pptx"}
TABS = (*FORMATS, *FILE_TABS)
# The Markdown widget mounts a widget per block: a preview of a 400-interview
# report would take seconds. The file and the clipboard always get everything.
PREVIEW_LIMIT = 40_000


class ExportDocument(Protocol):
    """What the screen needs of JourneyDocument."""

    path: Path

    @property
    def editor(self) -> Editor: ...

    def snapshot(self) -> object: ...


def journey_name(path: Path) -> str:
    """``bilkoeb.journey.yaml`` -> ``bilkoeb`` (and ``x.yaml`` -> ``x``)."""
    name = path.name
    for suffix in (".journey.yaml", ".journey.yml", ".yaml", ".yml"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def default_target(journey_path: Path, fmt: str) -> Path:
    """Where an export goes by default: next to the journey, named after it."""
    return journey_path.parent / f"{journey_name(journey_path)}{SUFFIXES[fmt]}"


def shown_path(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Options:
    lang: str
    persona: str | None
    include_unconsented: bool
    anonymise: bool


def render_exports(data: object, options: Options) -> dict[str, str]:
    """Every format for ``data`` (pure: runs in a worker thread)."""
    lang, persona = options.lang, options.persona
    return {
        "markdown": export_markdown(
            data,
            include_unconsented=options.include_unconsented,
            anonymise=options.anonymise,
            lang=lang,
            persona=persona,
        ),
        "mermaid-journey": export_mermaid_journey(data, lang=lang, persona=persona),
        "mermaid-flowchart": export_mermaid_flowchart(data, lang=lang, persona=persona),
    }


def number(n: int, lang: str) -> str:
    """``50000`` as a reader of ``lang`` writes it: 50.000 (da), 50,000 (en)."""
    return integer(lang, n)


def limit_warnings(diagram: str, lang: str) -> list[str]:
    """Why Mermaid would not render ``diagram``, in the user's language."""
    if not check_mermaid_limits(diagram):
        return []
    warnings = []
    size = mermaid_size(diagram)
    if size > MAX_TEXT_SIZE:
        warnings.append(
            tr(lang, "exp.too_big_size", size=number(size, lang), limit=number(MAX_TEXT_SIZE, lang))
        )
    edges = count_edges(diagram)
    if edges > MAX_EDGES:
        warnings.append(
            tr(lang, "exp.too_big_edges", edges=number(edges, lang), limit=number(MAX_EDGES, lang))
        )
    return [*warnings, tr(lang, "exp.too_big_hint")]


class ExportScreen(Screen[None]):
    """Pick a format, look at it, then write it next to the journey or copy it.

    | Key | Action |
    | :- | :- |
    | 1 / 2 / 3 | Markdown / Mermaid journey / Mermaid flowchart |
    | 4 / 5 | the map (SVG, PNG, PDF, HTML) / documents (PowerPoint, Word, Excel, CSV) |
    | ctrl+s | write the file (a foreign existing file: press again to overwrite) |
    | c | copy the export to the clipboard (Markdown and Mermaid) |
    | tab / shift+tab | options, file name, buttons |
    | escape | close |
    """

    CSS_PATH = "export.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "show('markdown')", "exp.key.markdown", show=False),
        Binding("2", "show('mermaid-journey')", "exp.key.journey", show=False),
        Binding("3", "show('mermaid-flowchart')", "exp.key.flowchart", show=False),
        Binding("4", "show('map')", "exp.key.map", show=False),
        Binding("5", "show('documents')", "exp.key.documents", show=False),
        Binding("ctrl+s", "write", "exp.key.write", show=True),
        Binding("c", "copy", "exp.key.copy", show=True),
        Binding("escape", "close", "exp.key.close", show=True),
    ]

    def __init__(self, document: ExportDocument, lang: str) -> None:
        super().__init__()
        self.document = document
        self.lang = lang
        self.texts: dict[str, str] = {}
        self.targets = {fmt: shown_path(default_target(document.path, fmt)) for fmt in FORMATS}
        self.table = "backlog"
        for fmt in (*MAP_FORMATS, *DOCUMENT_FORMATS):
            self.targets[fmt] = shown_path(self._default_file(fmt))
        self.facts: Facts | None = None
        self.writing = False
        self._confirm_overwrite: Path | None = None
        self._cut = False
        self.markdown_shown: AwaitComplete | None = None
        self._rendered_for: Options | None = None

    @property
    def data(self) -> dict[str, object]:
        return self.document.editor.data

    # ---- layout

    def compose(self) -> ComposeResult:
        t = self.lang
        data = self.data
        title = text(data.get("title")) or self.document.path.name
        yield Label(Content(f"{tr(t, 'exp.title')} · {title}"), id="export-title")
        with Horizontal(id="export-options"):
            yield Label(tr(t, "exp.persona"), classes="export-label")
            yield Select(
                [
                    (Content(text(p.get("name")) or text(p["id"])), p["id"])
                    for p in self._personas()
                ],
                prompt=tr(t, "exp.all_personas"),
                allow_blank=True,
                compact=True,
                id="export-persona",
            )
            yield Label(tr(t, "exp.lang"), classes="export-label")
            yield Select(
                [(tr(t, f"exp.lang.{v}"), v) for v in ("da", "en")],
                value=language(data),
                allow_blank=False,
                compact=True,
                id="export-lang",
            )
        with Horizontal(id="export-markdown-options"):
            yield Label(tr(t, "exp.interview_options"), classes="export-label")
            yield TickBox(tr(t, "exp.unconsented"), compact=True, id="export-unconsented")
            yield TickBox(tr(t, "exp.anonymise"), compact=True, id="export-anonymise")
        with TabbedContent(id="export-tabs"):
            for fmt in FORMATS:
                with (
                    TabPane(tr(t, f"exp.fmt.{fmt}"), id=fmt),
                    VerticalScroll(classes="export-preview", id=f"scroll-{fmt}"),
                ):
                    if fmt == "markdown":
                        yield Markdown(id="preview-markdown")
                    else:
                        yield Static("", id=f"preview-{fmt}", classes="mermaid-source")
            for tab, formats in FILE_TABS.items():
                with TabPane(tr(t, f"exp.fmt.{tab}"), id=tab):
                    with Horizontal(classes="file-choice"):
                        yield Label(tr(t, "exp.format"), classes="export-label")
                        yield Select(
                            [(tr(t, f"exp.file.{fmt}"), fmt) for fmt in formats],
                            value=FIRST_FILE[tab],
                            allow_blank=False,
                            compact=True,
                            id=f"format-{tab}",
                            classes="file-format",
                        )
                        if tab == "documents":
                            yield Label(tr(t, "exp.table"), classes="export-label csv-only")
                            yield Select(
                                [(tr(t, f"exp.table.{name}"), name) for name in TABLES],
                                value=self.table,
                                allow_blank=False,
                                compact=True,
                                id="export-table",
                                classes="csv-only",
                            )
                    with VerticalScroll(classes="export-preview", id=f"scroll-{tab}"):
                        yield Static("", id=f"summary-{tab}", classes="file-summary")
        yield Static("", id="export-note")
        with Horizontal(id="export-target"):
            yield Label(tr(t, "exp.target"), classes="export-label")
            yield Input(self.targets["markdown"], compact=True, id="export-path")
        with Horizontal(id="export-buttons"):
            yield Button(f"{tr(t, 'exp.write')} (ctrl+s)", id="export-write", compact=True)
            yield Button(f"{tr(t, 'exp.copy')} (c)", id="export-copy", compact=True)
            yield Button(f"{tr(t, 'exp.close')} (Esc)", id="export-close", compact=True)
        yield Static(tr(t, "exp.hint"), id="export-hint")
        yield KeyFooter()  # keeps Quit and Help at 80 columns

    def _personas(self) -> list[dict[str, object]]:
        return [p for p in personas(self.data) if isinstance(p.get("id"), str) and p["id"]]

    def on_mount(self) -> None:
        key_descriptions.translate(self, self.lang)
        self.query_one("#scroll-markdown").focus()
        self.refresh_exports()

    # ---- state

    @property
    def active(self) -> str:
        return self.query_one(TabbedContent).active or "markdown"

    @property
    def format(self) -> str:
        """The format to write: the tab's, or the one chosen in a file tab."""
        tab = self.active
        if tab not in FILE_TABS:
            return tab
        chosen = self.query_one(f"#format-{tab}", Select).value
        return chosen if isinstance(chosen, str) else FIRST_FILE[tab]

    def _default_file(self, fmt: str) -> Path:
        path = self.document.path
        return default_file(path, journey_name(path), fmt, self.table)

    def options(self) -> Options:
        persona = self.query_one("#export-persona", Select).value
        lang = self.query_one("#export-lang", Select).value
        return Options(
            lang=lang if isinstance(lang, str) else language(self.data),
            persona=persona if isinstance(persona, str) else None,
            include_unconsented=self.query_one("#export-unconsented", Checkbox).value,
            anonymise=self.query_one("#export-anonymise", Checkbox).value,
        )

    def export_text(self, fmt: str | None = None) -> str:
        """The export of ``fmt`` (default: the one shown); made now if the worker lags."""
        fmt = fmt or self.active
        if fmt not in self.texts:
            self.texts = render_exports(self.data, self.options())
        return self.texts[fmt]

    # ---- exporting

    def refresh_exports(self) -> None:
        options = self.options()
        if options == self._rendered_for:
            return
        self._rendered_for = options
        self.texts = {}
        self.facts = None
        self.query_one("#export-note", Static).update(tr(self.lang, "exp.working"))
        self._export_in_thread(self.document.snapshot(), options)

    def file_options(self) -> FileOptions:
        o = self.options()
        return FileOptions(o.lang, o.persona, o.include_unconsented, o.anonymise)

    @work(thread=True, exclusive=True, group="export")
    def _export_in_thread(self, snapshot: object, options: Options) -> None:
        data = snapshot.data if hasattr(snapshot, "data") else snapshot
        file_options = FileOptions(
            options.lang, options.persona, options.include_unconsented, options.anonymise
        )
        try:
            texts = render_exports(data, options)
            if get_current_worker().is_cancelled:
                return
            self.app.call_from_thread(self._show, texts)
            # The file tabs' counts after the previews: the text formats come first.
            found = facts(data, file_options, self.document.path)
        except Exception as exc:  # a bug in an export must not take the app down
            error = str(exc)
            self.app.call_from_thread(self._failed, error)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_facts, found)

    def _failed(self, error: str) -> None:
        self.query_one("#export-note", Static).update(
            Content(tr(self.lang, "exp.failed", error=error))
        )

    def _show_facts(self, found: Facts) -> None:
        self.facts = found
        self.update_summaries()

    def _show(self, texts: dict[str, str]) -> None:
        self.texts = texts
        markdown = texts["markdown"]
        cut = len(markdown) > PREVIEW_LIMIT
        # Not awaited: the blocks mount in batches while the user can already act.
        self.markdown_shown = self.query_one("#preview-markdown", Markdown).update(
            markdown[:PREVIEW_LIMIT] if cut else markdown
        )
        for fmt in ("mermaid-journey", "mermaid-flowchart"):
            self.query_one(f"#preview-{fmt}", Static).update(Content(texts[fmt]))
        self._cut = cut
        self.update_note()
        self.update_summaries()

    def update_summaries(self) -> None:
        """The file tabs' summaries: what the chosen format's file will hold."""
        for tab in FILE_TABS:
            fmt = self.query_one(f"#format-{tab}", Select).value
            if not isinstance(fmt, str):
                continue
            self.query_one(f"#summary-{tab}", Static).update(
                Content(summary(fmt, self.table, self.facts, self.lang, self.targets[fmt]))
            )
        csv = self.query_one("#format-documents", Select).value == "csv"
        for widget in self.query(".csv-only"):
            widget.display = csv

    def update_note(self) -> None:
        """The warning under the preview: Mermaid's limits, or a cut preview."""
        fmt = self.active
        lines: list[str] = []
        if fmt in self.texts and fmt != "markdown":
            lines = limit_warnings(self.texts[fmt], self.lang)
        elif fmt == "markdown" and self._cut:
            lines = [tr(self.lang, "exp.preview_cut", n=PREVIEW_LIMIT)]
        elif fmt in FILE_TABS and self.writing:
            lines = [tr(self.lang, "exp.writing", path=self.targets[self.format])]
        note = self.query_one("#export-note", Static)
        note.update(Content("\n".join(lines)))
        note.set_class(bool(lines) and fmt != "markdown", "-warning")

    # ---- actions

    def action_show(self, fmt: str) -> None:
        self.query_one(TabbedContent).active = fmt
        # A file tab's first question is which format: enter opens the list.
        self.query_one(f"#format-{fmt}" if fmt in FILE_TABS else f"#scroll-{fmt}").focus()

    def action_write(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.notify(tr(self.lang, "exp.no_target"), severity="error")
            return
        target = Path(raw).expanduser()
        if not confinement.current().allows(target):
            message = tr(self.lang, "serve.outside", path=raw, root=str(confinement.current().root))
            self.notify(message, severity="error")
            return
        if same_file(target, self.document.path):
            self.notify(failure(RefusedTarget(target), self.lang, raw), severity="error")
            return
        fmt = self.format
        default = (
            self._default_file(fmt)
            if self.active in FILE_TABS
            else default_target(self.document.path, fmt)
        )
        own = target.resolve() == default.resolve()
        if target.exists() and not own and self._confirm_overwrite != target:
            self._confirm_overwrite = target
            self.notify(tr(self.lang, "exp.exists", path=raw), severity="warning")
            return
        self._confirm_overwrite = None
        if self.active in FILE_TABS:
            if not self.writing:
                self.writing = True
                self.update_note()
                self._write_file(
                    self.document.snapshot(), fmt, self.table, self.file_options(), target, raw
                )
            return
        try:
            write_text_atomic(target, self.export_text())
        except OSError as exc:
            self.notify(failure(exc, self.lang, raw), severity="error")
            return
        self.notify(tr(self.lang, "exp.written", path=raw))
        self._deliver([target])

    def _deliver(self, paths: list[Path]) -> None:
        """Served in a browser (`kunderejse serve`): the written files go to the browser too,
        since the person at the browser cannot reach the server's disk."""
        if self.app.is_web:
            for path in paths:
                self.app.deliver_binary(path, save_filename=path.name)

    @work(thread=True, group="write")
    def _write_file(
        self,
        snapshot: object,
        fmt: str,
        table: str,
        options: FileOptions,
        target: Path,
        raw: str,
    ) -> None:
        data = snapshot.data if hasattr(snapshot, "data") else snapshot
        try:
            paths = write_export(data, fmt, table, options, self.document.path, target)
        except Exception as exc:  # a missing extra, a full disk, a bug: said, not raised
            message = failure(exc, self.lang, raw)
            self.app.call_from_thread(self._write_done, message, "error")
            return
        if len(paths) == 1:
            message = tr(self.lang, "exp.written", path=raw)
        else:
            names = ", ".join(shown_path(p) for p in paths)
            message = tr(self.lang, "exp.written_pages", n=len(paths), path=names)
        self.app.call_from_thread(self._write_done, message, "information")
        self.app.call_from_thread(self._deliver, paths)

    def _write_done(self, message: str, severity: SeverityLevel) -> None:
        self.writing = False
        self.update_note()
        self.notify(message, severity=severity, timeout=8 if severity == "error" else 5)

    def action_copy(self) -> None:
        if self.active in FILE_TABS:
            self.notify(tr(self.lang, "exp.no_copy"), severity="warning")
            return
        content = self.export_text()
        self.app.copy_to_clipboard(content)
        self.notify(tr(self.lang, "exp.copied", n=len(content)))

    def action_close(self) -> None:
        self.dismiss(None)

    # ---- events

    @on(TabbedContent.TabActivated)
    def _tab(self) -> None:
        self.query_one("#export-markdown-options").disabled = self.active.startswith("mermaid")
        self.query_one("#export-copy", Button).disabled = self.active in FILE_TABS
        self._show_target()

    def _show_target(self) -> None:
        self.query_one("#export-path", Input).value = self.targets[self.format]
        self._confirm_overwrite = None
        self.update_note()

    @on(Input.Changed, "#export-path")
    def _target(self, event: Input.Changed) -> None:
        self.targets[self.format] = event.value
        self._confirm_overwrite = None

    @on(Select.Changed, ".file-format")
    def _file_format(self, event: Select.Changed) -> None:
        event.stop()
        self.update_summaries()
        self._show_target()

    @on(Select.Changed, "#export-table")
    def _table(self, event: Select.Changed) -> None:
        event.stop()
        if not isinstance(event.value, str) or event.value == self.table:
            return
        # A file name the user did not change follows the table.
        untouched = self.targets["csv"] == shown_path(self._default_file("csv"))
        self.table = event.value
        if untouched:
            self.targets["csv"] = shown_path(self._default_file("csv"))
        self.update_summaries()
        self._show_target()

    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _options(self) -> None:
        self.refresh_exports()

    @on(Button.Pressed, "#export-write")
    def _write_pressed(self) -> None:
        self.action_write()

    @on(Button.Pressed, "#export-copy")
    def _copy_pressed(self) -> None:
        self.action_copy()

    @on(Button.Pressed, "#export-close")
    def _close_pressed(self) -> None:
        self.action_close()
