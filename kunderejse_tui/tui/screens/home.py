"""The home screen: the journeys in a folder, new journeys, the bundled samples, and
every recovery copy that waits.

The file list shows at once; titles, counts and validity arrive from a worker
thread file by file, so a folder of big journeys never freezes the screen. The
waiting copies are read in a worker too (each copy's record holds its path, time
and number of changes: no journey is read to list them). They come first, also
those whose journey is gone (a renamed folder, a deleted file) or lives in
another folder: nothing else would ever offer those (issue 15, items 2 and 6).
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static
from textual.widgets.data_table import ColumnKey

from kunderejse_tui.journey.confinement import current as current_confinement
from kunderejse_tui.journey.fileio import write_bytes_atomic
from kunderejse_tui.journey.recovery import Recovery, absolute
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
from kunderejse_tui.tui.recovery_service import journeys_with_recovery, waiting_recoveries
from kunderejse_tui.tui.screens.new_journey import NewJourneyScreen
from kunderejse_tui.tui.waiting_copies import offer_copy
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
TITLE_MIN = 20  # narrower, and the counts go rather than the title
TITLE_NARROW = 14  # ... and long file names are shortened rather than the title
NAME_MIN = 16
COPY_COLUMNS: tuple[str, ...] = (
    "home.col.file",
    "home.col.where",
    "home.col.when",
    "home.col.changes",
)


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
    | enter | open it (a sample is copied into the folder first); on a waiting recovery copy: restore or discard it |
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
        self.copies: list[Recovery] = []

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with VerticalScroll(id="home"):
            yield Static(id="home-intro", classes="screen-hint")
            yield Static(id="home-copies-title", classes="section-title")
            yield Static(id="home-copies-hint", classes="screen-hint")
            yield DataTable(id="copies", cursor_type="row", zebra_stripes=True)
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
        confined = current_confinement()
        # Journeys with unsaved work from a session that ended: marked in the list and
        # listed above it once the worker has read the copies.
        self.find_copies()
        # A served session offers no samples: they live outside the served folder. Nor
        # does a viewer's list: opening one copies it into the folder.
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

    @work(thread=True, exclusive=True, group="copies")
    def find_copies(self) -> None:
        # A served session lists the recovery copies of its own folder only.
        confined = current_confinement()
        copies = [rec for rec in waiting_recoveries() if confined.allows(rec.path)]
        if self.app.viewer:
            copies = []  # a viewer restores and discards nothing: the editor's to decide
        with contextlib.suppress(RuntimeError):  # the app is shutting down
            self.app.call_from_thread(self._copies_found, copies)

    def _copies_found(self, copies: list[Recovery]) -> None:
        self.copies = copies
        self.waiting = {rec.path for rec in copies}
        if not self.is_attached:
            return
        self.refresh_texts()
        if copies:
            # What waits comes first: Enter offers the newest copy at once.
            self.query_one("#copies", DataTable).focus()

    def refresh_texts(self) -> None:
        self.title = self.t("home.title")
        self.sub_title = shown_path(self.directory)
        viewer = self.app.viewer  # offered nothing that writes (see check_action)
        self.query_one("#home-intro", Static).update(
            self.t("home.intro_viewer" if viewer else "home.intro")
        )
        self._fill_copies()
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
        name_width, title_width, columns = self._widths(rows)
        for key in columns:
            width = {"home.col.file": name_width, "home.col.title": title_width}.get(key)
            table.add_column(self.t(key), key=key, width=width)
        for path, cells in zip(files, rows, strict=True):
            short = self._short(cells, name_width, title_width)
            table.add_row(*short[: len(columns)], key=str(path))
        if files:
            table.move_cursor(row=min(cursor, len(files) - 1))

    def _widths(self, rows: list[tuple[str, ...]]) -> tuple[int, int, tuple[str, ...]]:
        """The file name's and the title's widths, and the columns shown.

        The status is never cut. The title gets what the other columns leave (cells
        pad by 1 each side); when that is too little (80 columns), the counts after
        the status go, whole (a cut-off "1" of "12" would mislead), and then long
        file names are shortened so the title keeps a few words.
        """
        name_width = max((len(r[0]) for r in rows), default=10)
        status_width = min(max([self._status_room(), *(len(r[2]) for r in rows)]), STATUS_WIDTH)
        counts = sum(
            max([len(self.t(key)), *(len(r[i]) for r in rows)]) + 2
            for i, key in enumerate(COLUMNS)
            if i > 2
        )
        room = self.app.size.width - 4 - status_width - 6  # for the name and the title
        if room - name_width - counts >= TITLE_MIN:
            return name_width, room - name_width - counts, COLUMNS
        name_width = max(min(name_width, room - TITLE_NARROW), NAME_MIN)
        return name_width, max(room - name_width, TITLE_NARROW), COLUMNS[:3]

    def _status_room(self) -> int:
        """The longest status a row can come to show, known before the worker has read
        a file (rows say "Checking…" first): the column is never cut afterwards."""
        statuses = [
            self.t(key, n=99)
            # Not "cannot be read": rare, and a row that says it is in the rows already.
            for key in ("home.checking", "home.valid", "home.errors", "home.warnings")
        ]
        longest = max(len(text) for text in statuses)
        if self.waiting:
            longest += len(home_status(next(iter(self.waiting)), "", self.lang, self.waiting))
        return longest

    def on_resize(self, event: events.Resize) -> None:
        if self.is_mounted:
            self.refresh_texts()

    def _fill_copies(self) -> None:
        table = self.query_one("#copies", DataTable)
        shown = bool(self.copies)
        table.display = shown
        self.query_one("#home-copies-title", Static).update(self.t("home.copies") if shown else "")
        self.query_one("#home-copies-hint", Static).update(
            self.t("home.copies_hint") if shown else ""
        )
        self.query_one("#home-copies-title", Static).display = shown
        self.query_one("#home-copies-hint", Static).display = shown
        cursor = table.cursor_row
        table.clear(columns=True)
        rows = [self._copy_cells(rec) for rec in self.copies]
        # Time and count in full; the name and the folder share what is left, the
        # folder cut at its start so "(gone)" stays in sight (80 columns hold it all).
        widths = [
            max([len(self.t(key)), *(len(r[i]) for r in rows)])
            for i, key in enumerate(COPY_COLUMNS)
        ]
        room = max(self.app.size.width - 4 - 2 * len(COPY_COLUMNS) - widths[2] - widths[3], 24)
        name_width = min(widths[0], max(room - widths[1], room // 2))
        folder_width = max(room - name_width, 8)
        cut = [
            [name if len(name) <= name_width else name[: name_width - 1] + "…",
             where if len(where) <= folder_width else "…" + where[len(where) - folder_width + 1 :],
             when, changes]
            for name, where, when, changes in rows
        ]  # fmt: skip
        # Widths given, not measured: a table refilled on resize never shows a frame of
        # header-wide columns.
        for i, key in enumerate(COPY_COLUMNS):
            width = max([len(self.t(key)), *(len(r[i]) for r in cut)])
            table.add_column(self.t(key), key=key, width=width)
        for rec, cells in zip(self.copies, cut, strict=True):
            table.add_row(*cells, key=str(rec.record))
        if self.copies:
            table.move_cursor(row=min(cursor, len(self.copies) - 1))

    def _copy_cells(self, rec: Recovery) -> tuple[str, ...]:
        where = shown_path(rec.path.parent)
        if not rec.path.exists():
            where += " " + self.t("home.copy_gone")
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(rec.time))
        changes = rec.changes
        return (rec.path.name, where, when, "" if changes is None else str(changes))

    @staticmethod
    def _short(cells: tuple[str, ...], name_width: int, title_width: int) -> tuple[str, ...]:
        name, title = cells[0], cells[1]
        if len(name) > name_width:
            name = name[: name_width - 1] + "…"
        if len(title) > title_width:
            title = title[: title_width - 1] + "…"
        return (name, title, *cells[2:])

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
                    table.columns[ColumnKey("home.col.file")].width,
                    table.columns[ColumnKey("home.col.title")].width,
                )
                for key, value in zip(COLUMNS, cells, strict=False):
                    if ColumnKey(key) not in table.columns:
                        break  # the counts, on a narrow screen
                    update = key not in ("home.col.file", "home.col.title")
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
        if table.id == "copies":
            chosen = [rec for rec in self.copies if str(rec.record) == key]
            if chosen:
                self.copy_chosen(chosen[0])
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

    # ---- a waiting copy: restore it or discard it

    @work(exclusive=True, group="copy-choice")
    async def copy_chosen(self, rec: Recovery) -> None:
        await offer_copy(self, rec)

    def action_new(self) -> None:
        def created(path: Path | None) -> None:
            if path is not None:
                self.post_message(OpenJourney(path))

        self.app.push_screen(NewJourneyScreen(self.directory), created)

    def action_rescan(self) -> None:
        self.summaries.clear()
        self.scan()
