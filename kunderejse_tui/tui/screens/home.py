"""The home screen: the journeys in a folder, new journeys, the bundled samples.

The file list shows at once; titles, counts and validity arrive from a worker
thread file by file, so a folder of big journeys never freezes the screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey

from kunderejse_tui.journey.confinement import current as current_confinement
from kunderejse_tui.journey.fileio import write_bytes_atomic
from kunderejse_tui.journey.recovery import absolute
from kunderejse_tui.tui.i18n import tr
from kunderejse_tui.tui.journey_files import (
    JourneySummary,
    find_journeys,
    samples_dir,
    shown_path,
    summarize,
)
from kunderejse_tui.tui.localized import Localized
from kunderejse_tui.tui.messages import OpenJourney
from kunderejse_tui.tui.recovery_service import journeys_with_recovery
from kunderejse_tui.tui.screens.new_journey import NewJourneyScreen
from kunderejse_tui.tui.widgets.key_footer import KeyFooter
from kunderejse_tui.tui.widgets.title_header import TitleHeader

if TYPE_CHECKING:
    from kunderejse_tui.tui.app import KunderejseApp

# The status right after the title: at 80 columns the counts are cut off, never it.
COLUMNS: tuple[str, ...] = (
    "home.col.file",
    "home.col.title",
    "home.col.status",
    "home.col.stages",
    "home.col.touchpoints",
    "home.col.interviews",
)
# Room a status takes at most ("⚠ ikke-gemte ændringer · ✗ 12 fejl").
STATUS_WIDTH = 34


def _app_type() -> type[KunderejseApp]:
    from kunderejse_tui.tui.app import KunderejseApp

    return KunderejseApp


def home_status(path: Path, status: str, lang: str, waiting: set[Path] | None = None) -> str:
    """``status`` with a mark when a recovery copy waits for ``path``."""
    if waiting is None:
        waiting = set(journeys_with_recovery())
    if absolute(path) in waiting:
        return f"{tr(lang, 'safety.home_recovery')} · {status}"
    return status


class HomeScreen(Localized[None]):
    """| Key | Action |
    | :- | :- |
    | ↑ ↓ | choose a journey |
    | enter | open it (a sample is copied into the folder first) |
    | n | new journey from a template |
    | tab | between your journeys and the samples |
    | r | read the folder again |
    """

    app = getters.app(_app_type)

    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding, so the footer shows it over the table's own Enter.
        Binding("enter", "open", "home.open", priority=True),
        Binding("n", "new", "home.new"),
        Binding("r", "rescan", "home.rescan"),
    ]

    def __init__(self, directory: Path) -> None:
        super().__init__()
        self.directory = directory
        self.files: list[Path] = []
        self.samples: list[Path] = []
        self.summaries: dict[Path, JourneySummary] = {}
        self.waiting: set[Path] = set()

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with VerticalScroll(id="home"):
            yield Static(id="home-intro", classes="screen-hint")
            yield Static(id="home-journeys-title", classes="section-title")
            yield DataTable(id="journeys", cursor_type="row", zebra_stripes=True)
            yield Static(id="home-empty", classes="screen-hint")
            yield Static(id="home-samples-title", classes="section-title")
            yield DataTable(id="samples", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_screen_resume(self) -> None:
        self.app.home_language()
        self.scan()

    def scan(self) -> None:
        self.files = find_journeys(self.directory)
        # Journeys with unsaved work from a session that ended: read once per scan.
        confined = current_confinement()
        # A served session lists the recovery copies of its own folder only.
        self.waiting = set(confined.keep(list(journeys_with_recovery())))
        # ... and offers no samples: they live outside the served folder. Nor does a
        # viewer's list: opening one copies it into the folder.
        sample_dir = None if confined.active or self.app.viewer else samples_dir()
        same = sample_dir is not None and sample_dir.resolve() == self.directory.resolve()
        self.samples = [] if sample_dir is None or same else find_journeys(sample_dir)
        self.summaries = {p: s for p, s in self.summaries.items() if p in self.files}
        self.refresh_texts()
        self.summarize_all([*self.files, *self.samples])
        if self.files:
            self.query_one("#journeys", DataTable).focus()
        elif self.samples:
            self.query_one("#samples", DataTable).focus()

    def refresh_texts(self) -> None:
        self.title = self.t("home.title")
        self.sub_title = shown_path(self.directory)
        viewer = self.app.viewer  # offered nothing that writes (see check_action)
        self.query_one("#home-intro", Static).update(
            self.t("home.intro_viewer" if viewer else "home.intro")
        )
        self.query_one("#home-journeys-title", Static).update(
            self.t("home.journeys_in", dir=shown_path(self.directory))
        )
        empty = self.t("home.empty_viewer" if viewer else "home.empty")
        self.query_one("#home-empty", Static).update("" if self.files else empty)
        samples_title = self.query_one("#home-samples-title", Static)
        samples_title.update(self.t("home.samples") if self.samples else "")
        self.query_one("#samples", DataTable).display = bool(self.samples)
        self.query_one("#journeys", DataTable).display = bool(self.files)
        self._fill(self.query_one("#journeys", DataTable), self.files, self.directory)
        sample_root = samples_dir() or self.directory
        self._fill(self.query_one("#samples", DataTable), self.samples, sample_root)

    def _fill(self, table: DataTable[str], files: list[Path], root: Path) -> None:
        cursor = table.cursor_row
        table.clear(columns=True)
        rows = [self._cells(path, root) for path in files]
        # The title gets what the file name and the status leave (cells pad by 1 each side).
        name_width = max((len(r[0]) for r in rows), default=10)
        status_width = min(max((len(r[2]) for r in rows), default=10), STATUS_WIDTH)
        title_width = max(self.app.size.width - 4 - name_width - status_width - 6, 12)
        for key in COLUMNS:
            width = title_width if key == "home.col.title" else None
            table.add_column(self.t(key), key=key, width=width)
        for path, cells in zip(files, rows, strict=True):
            table.add_row(*self._short(cells, title_width), key=str(path))
        if files:
            table.move_cursor(row=min(cursor, len(files) - 1))

    @staticmethod
    def _short(cells: tuple[str, ...], title_width: int) -> tuple[str, ...]:
        title = cells[1]
        if len(title) > title_width:
            title = title[: title_width - 1] + "…"
        return (cells[0], title, *cells[2:])

    def _cells(self, path: Path, root: Path) -> tuple[str, ...]:
        try:
            name = str(path.relative_to(root))
        except ValueError:
            name = path.name
        s = self.summaries.get(path)
        if s is None:
            return (name, "…", self.t("home.checking"), "", "", "")
        if not s.readable:
            unreadable = home_status(path, self.t("home.unreadable"), self.lang, self.waiting)
            return (name, "", unreadable, "", "", "")
        if s.errors:
            status = self.t("home.errors", n=s.errors)
        elif s.warnings:
            status = self.t("home.warnings", n=s.warnings)
        else:
            status = self.t("home.valid")
        status = home_status(path, status, self.lang, self.waiting)
        return (name, s.title, status, str(s.stages), str(s.touchpoints), str(s.interviews))

    @work(thread=True, exclusive=True, group="summaries")
    def summarize_all(self, paths: list[Path]) -> None:
        for path in paths:
            try:
                summary = summarize(path)
            except Exception:  # a file that breaks the checks still gets a row
                summary = JourneySummary(path, "", 0, 0, 0, 1, 0, readable=False)
            try:
                self.app.call_from_thread(self._summarized, summary)
            except RuntimeError:  # the app is shutting down
                return

    def _summarized(self, summary: JourneySummary) -> None:
        self.summaries[summary.path] = summary
        if not self.is_attached:
            return
        for table_id, files, root in (
            ("#journeys", self.files, self.directory),
            ("#samples", self.samples, samples_dir() or self.directory),
        ):
            if summary.path in files:
                table = self.query_one(table_id, DataTable)
                cells = self._short(
                    self._cells(summary.path, root),
                    table.columns[ColumnKey("home.col.title")].width,
                )
                for key, value in zip(COLUMNS, cells, strict=True):
                    update = key != "home.col.title"
                    table.update_cell(str(summary.path), key, value, update_width=update)

    # ---- actions

    @on(DataTable.RowSelected)
    def row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open(event.data_table, event.row_key.value)

    def action_open(self) -> None:
        table = self.focused
        if isinstance(table, DataTable) and table.row_count:
            row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
            self._open(table, row_key.value)

    def _open(self, table: DataTable[str], key: str | None) -> None:
        if key is None:
            return
        path: Path | None = Path(key)
        if table.id == "samples" and path is not None:
            path = self._copy_sample(path)
        if path is not None:
            self.post_message(OpenJourney(path))

    def _copy_sample(self, sample: Path) -> Path | None:
        """Samples are opened as a copy in the folder, so the originals stay as shipped
        (in an installed package they sit in site-packages: never edit those)."""
        target = self.directory / sample.name
        if target.exists():
            self.notify(self.t("home.sample_exists", file=shown_path(target)))
            return target
        try:
            write_bytes_atomic(target, sample.read_bytes())
        except OSError as exc:
            self.notify(
                self.t(
                    "home.sample_copy_failed",
                    folder=shown_path(self.directory),
                    error=exc.strerror or str(exc),
                ),
                severity="warning",
            )
            return None
        self.notify(self.t("home.sample_copied", file=shown_path(target)))
        return target

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A viewer writes nothing: no new journey files either.
        return not (action == "new" and self.app.viewer)

    def action_new(self) -> None:
        def created(path: Path | None) -> None:
            if path is not None:
                self.post_message(OpenJourney(path))

        self.app.push_screen(NewJourneyScreen(self.directory), created)

    def action_rescan(self) -> None:
        self.summaries.clear()
        self.scan()
