"""A journey open for editing: its file, its edit history, saving and checking.

The app holds one ``JourneyDocument`` per open journey. Every change goes
through ``document.editor`` (undo, redo, reference updates); the document adds
what belongs to the file: where it lives, how it was written (line endings,
BOM, schema line), whether saving would drop comments, and a fingerprint of
the bytes on disk so that a later save can tell whether someone else changed
the file meanwhile.

Saving and validating may run in a worker thread while the UI keeps editing,
so both work from a ``Snapshot`` (a private copy of the data and the revision
it belongs to) instead of the live mapping.
"""

from __future__ import annotations

import datetime
import pickle
from pathlib import Path
from typing import Any, NamedTuple

from kunderejse_tui.journey.access import language
from kunderejse_tui.journey.disk import Fingerprint, changed_on_disk, fingerprint_bytes
from kunderejse_tui.journey.dump import dump
from kunderejse_tui.journey.edits import Editor
from kunderejse_tui.journey.fileio import ChangedOnDiskError, remove_stale_temps, save_journey
from kunderejse_tui.journey.problems import JourneyLoadError, Problem
from kunderejse_tui.journey.validate import validate_loaded
from kunderejse_tui.journey.yamlio import Loaded, load_text, read_bytes

__all__ = ["PREVIEW_BYTES", "JourneyDocument", "Snapshot"]

# Below this a journey reads too fast for a preview to be worth showing.
PREVIEW_BYTES = 256 * 1024


class Snapshot(NamedTuple):
    """The data as it was at ``revision``, safe to read from another thread."""

    revision: int
    data: dict[str, Any]


def _copy(data: dict[str, Any]) -> dict[str, Any]:
    # pickle copies plain data much faster than deepcopy, and its C
    # loop never lets another Python thread run in the middle of the copy.
    copied: dict[str, Any] = pickle.loads(pickle.dumps(data, pickle.HIGHEST_PROTOCOL))
    return copied


class JourneyDocument:
    def __init__(self, path: Path, loaded: Loaded, fingerprint: Fingerprint | None) -> None:
        self.path = Path(path)
        self.editor = Editor(loaded.data)
        self.newline = loaded.newline
        self.bom = loaded.bom
        self.schema_line = loaded.schema_line
        # Computed once here: it walks the node tree, which a big file should pay for
        # in the loading worker, not on the first keystroke.
        self.has_comments = loaded.has_comments
        self.fingerprint = fingerprint
        # Problems are reported against the text on disk until the data or the
        # file changes; after that, against the text a save would write.
        self._loaded: Loaded | None = loaded
        # True while only a preview is shown (see ``preview``): not to be edited,
        # saved or checked until ``complete`` brings in the whole file.
        self.partial = False

    # ---- opening

    @classmethod
    def load(cls, path: Path | str) -> JourneyDocument:
        """Read a journey; raises JourneyLoadError with file:line:col when it cannot be read."""
        path = Path(path)
        # read_bytes refuses pipes and devices and stops past the size cap, with
        # the JourneyLoadError that names the file.
        return cls.from_bytes(path, read_bytes(path))

    @classmethod
    def from_bytes(cls, path: Path | str, raw: bytes) -> JourneyDocument:
        """The journey whose file at ``path`` holds ``raw`` (as read by ``read_bytes``)."""
        path = Path(path)
        # A save of this journey killed mid-write left its temp file: gone on the next open.
        remove_stale_temps(path)
        return cls(path, load_text(raw, str(path)), fingerprint_bytes(path, raw))

    @classmethod
    def preview(cls, path: Path | str, raw: bytes) -> JourneyDocument | None:
        """The part of a big journey before its interviews, to show while the rest is read.

        The map needs the stages and personas; in a journey with a year of
        interviews they are a fifth of the bytes. ``None`` for a small file, or
        when the file has no top-level ``interviews:`` after its stages, or when
        that part alone does not read (the whole file then says why).
        """
        if len(raw) < PREVIEW_BYTES:
            return None
        cut = raw.find(b"\ninterviews:")
        if cut < 0 or b"\nstages:" not in raw[:cut]:
            return None
        path = Path(path)
        try:
            head = load_text(raw[: cut + 1], str(path))
        except JourneyLoadError:
            return None
        document = cls(path, head, fingerprint_bytes(path, raw))
        document.partial = True
        return document

    def complete(self, whole: JourneyDocument) -> None:
        """Replace a preview with ``whole``, the same file read in full (UI thread).

        Listeners hear one change of the whole journey; there is no undo step and
        nothing is unsaved. Editing is refused while ``partial``, so no edit is lost.
        """
        self.editor.reset(whole.editor.data)
        self.newline, self.bom, self.schema_line = whole.newline, whole.bom, whole.schema_line
        self.has_comments = whole.has_comments
        self.fingerprint = whole.fingerprint
        self._loaded = whole._loaded
        self.partial = False

    @classmethod
    def create(
        cls, path: Path | str, data: dict[str, Any], schema_line: str | None = None
    ) -> JourneyDocument:
        """Write a new journey file (never over an existing one) and open it."""
        path = Path(path)
        if path.exists():
            raise FileExistsError(str(path))
        raw = save_journey(path, data, schema_line=schema_line)
        return cls(path, load_text(raw, str(path)), fingerprint_bytes(path, raw))

    # ---- state

    @property
    def data(self) -> dict[str, Any]:
        return self.editor.data

    @property
    def dirty(self) -> bool:
        return self.editor.dirty

    @property
    def language(self) -> str:
        return language(self.data)

    @property
    def title(self) -> str:
        title = self.data.get("title")
        return title if isinstance(title, str) and title else self.path.name

    def changed_on_disk(self) -> bool:
        """Whether the file's bytes differ from what was last loaded or saved."""
        return changed_on_disk(self.path, self.fingerprint)

    def snapshot(self) -> Snapshot:
        return Snapshot(self.editor.revision, _copy(self.data))

    # ---- saving

    def dated(self, snapshot: Snapshot, today: datetime.date) -> str | None:
        """Date a save: ``updated:`` in ``snapshot`` becomes ``today``; returns the date
        written, or None when it already said so.

        Only the app's save calls this, with something to save: ``fmt`` and an
        unchanged journey never get a new date, so saving unchanged data writes
        identical bytes. The live journey gets the date only once the file has
        it (``mark_saved``): a failed save leaves the edits exactly as they were.
        """
        stamp = today.isoformat()
        if snapshot.data.get("updated") == stamp:
            return None
        snapshot.data["updated"] = stamp
        return stamp

    def write(self, snapshot: Snapshot) -> Fingerprint:
        """Write ``snapshot`` canonically and atomically (thread-safe: touches no state).

        Raises SaveError or OSError; the file on disk is then the one that was there.
        ChangedOnDiskError: the file no longer holds what was loaded or last saved;
        checked again right before the rename, since rendering and verifying a big
        journey take seconds in which a ``git pull`` can land.
        """
        expected = self.fingerprint

        def unchanged() -> None:
            if changed_on_disk(self.path, expected):
                raise ChangedOnDiskError(str(self.path))

        raw = save_journey(
            self.path,
            snapshot.data,
            schema_line=self.schema_line,
            newline=self.newline,
            bom=self.bom,
            precondition=unchanged,
        )
        return fingerprint_bytes(self.path, raw)

    def mark_saved(
        self, snapshot: Snapshot, fingerprint: Fingerprint, dated: str | None = None
    ) -> None:
        """Record a finished ``write``; edits made while it ran stay unsaved.

        ``dated``: the ``updated:`` date the write added (see ``dated``); the
        journey takes it as part of its last change, so that it matches the file.
        """
        saved = snapshot.revision
        if dated is not None and self.editor.revision == saved:
            self.editor.set_with_last(("updated",), dated)
            saved = self.editor.revision
        self.editor.saved_revision = saved
        self.fingerprint = fingerprint
        self.has_comments = False
        self._loaded = None

    def save(self, *, force: bool = False) -> bool:
        """Save when there are unsaved changes (or ``force``); returns whether it wrote.

        Saving an unchanged journey writes nothing at all, so its bytes and its
        mtime stay as they were.
        """
        if not (self.dirty or force):
            return False
        snapshot = self.snapshot()
        self.mark_saved(snapshot, self.write(snapshot))
        return True

    # ---- checking

    def problems(self, snapshot: Snapshot | None = None) -> list[Problem]:
        """Every problem in the journey, with positions in the file as it is (or will be) saved."""
        if snapshot is None:
            snapshot = self.snapshot()
        loaded = self._loaded
        if loaded is not None and snapshot.revision == 0:
            # Not edited since it was read: the positions in the original text are right.
            return validate_loaded(loaded, self.path.parent)
        text = dump(snapshot.data, self.schema_line)
        canonical = Loaded(
            data=snapshot.data, file=str(self.path), text=text, schema_line=self.schema_line
        )
        return validate_loaded(canonical, self.path.parent)
