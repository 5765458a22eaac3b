"""Keeping an open journey safe: one session, recovery copies, changes on disk, failing saves.

A ``JourneyGuard`` goes with every open ``JourneyDocument``. It claims the
journey for this session (another live session means read-only unless the
user takes over), keeps a recovery copy of unsaved edits a couple of seconds
behind the keyboard and from the signal handlers, remembers the version on
disk the edits started from (the base of a three-way merge), and checks the
disk before every save.

Nothing here imports Textual: the screens in ``screens/recovery.py`` and
``screens/disk_conflict.py`` ask the questions, this module does the work,
and both are driven from ``attach`` (the map screen) and
``install_signal_handlers`` (the app).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from kunderejse_tui.journey.disk import Fingerprint, changed_on_disk, fingerprint_bytes
from kunderejse_tui.journey.document import JourneyDocument, Snapshot
from kunderejse_tui.journey.edits import EditError, Editor
from kunderejse_tui.journey.i18n import Message
from kunderejse_tui.journey.locks import Lock, OtherSession, acquire, take_over
from kunderejse_tui.journey.problems import JourneyLoadError
from kunderejse_tui.journey.recovery import (
    Recovery,
    discard_recovery,
    find_recoveries,
    list_recoveries,
    new_session_id,
    write_recovery,
)
from kunderejse_tui.journey.yamlio import Loaded, load_text, read_bytes

if TYPE_CHECKING:
    from textual.app import App

    from kunderejse_tui.journey.merge import MergeResult

__all__ = [
    "RECOVERY_DELAY",
    "DiskVersion",
    "Draft",
    "JourneyGuard",
    "all_guards",
    "flush_all",
    "journeys_with_recovery",
    "waiting_recoveries",
]

# Seconds between an edit and its recovery copy: what a kill -9 or a dead battery
# can cost at most. Tests shorten it; writing more often buys little.
RECOVERY_DELAY = float(os.environ.get("KUNDEREJSE_RECOVERY_DELAY", "2.0"))

_GUARDS: weakref.WeakSet[JourneyGuard] = weakref.WeakSet()


def all_guards() -> list[JourneyGuard]:
    return list(_GUARDS)


class ReadOnlyError(EditError):
    def __init__(self, key: str = "edit.read_only", **args: str) -> None:
        super().__init__(Message(key, **args))


@dataclass(frozen=True)
class DiskVersion:
    """The journey as it is on disk now: its bytes, and its data if it can be read."""

    raw: bytes | None
    loaded: Loaded | None
    error: JourneyLoadError | None
    fingerprint: Fingerprint | None


class Draft(Protocol):
    """Text typed into an open form and not applied yet (issue 15, item 5).

    It is not in the journey until the form is saved, yet a kill must not lose it:
    the recovery copy holds the journey as it would be with the form applied.
    """

    @property
    def draft_kind(self) -> str:
        """Which form (``touchpoint``, ``stage`` ...): the restore question names it."""
        ...

    def draft_pending(self) -> bool:
        """Whether anything typed differs from the journey."""
        ...

    def apply_draft(self, editor: Editor) -> None:
        """Write what is typed into ``editor`` (a scratch editor over a copy of the data)."""
        ...

    def draft_apply(self) -> bool:
        """Apply the form to the journey as its own save would; False when it refused."""
        ...


class CopySnapshot(NamedTuple):
    """What a recovery copy is to hold: the data, and which state of edits and typing it is."""

    key: tuple[int, int]  # (the editor's revision, the draft's generation or -1)
    data: dict[str, object]  # journey data, read through the accessors
    form: str | None  # the kind of form whose typed text is in ``data``
    changes: int  # undo steps since the save (and the typing, if any): the home screen shows it


class JourneyGuard:
    # What a refused edit says (a viewer's guard says why it is read-only otherwise).
    refusal = "edit.read_only"

    def __init__(self, document: JourneyDocument, *, take_over_key: str = "ctrl+t") -> None:
        self.document = document
        # The key a refused edit names for taking over (F9 where a browser takes ctrl+t).
        self.take_over_key = take_over_key
        # This session's copies are its own files: another session never replaces them.
        self.session_id = new_session_id()
        self.lock: Lock | None = None
        self.other: OtherSession | None = None
        # The state folder cannot be written (read-only, full): no locks and no copies,
        # but the journey is edited and saved as usual (issue 15, item 7).
        self.unavailable: OSError | None = None
        # What the file on disk holds, as data: the base of a merge when it changes.
        # None when it is not known (a restored copy of a version no longer on disk).
        self.base: dict[str, object] | None = document.snapshot().data
        self.base_extra: dict[str, object] | None = None
        self.last_copy_error: OSError | None = None
        self._copied: tuple[int, int] | None = None
        # An editor form open over this journey, and a count of its typed changes: each
        # one makes the next copy worth writing even when the journey did not change.
        self._draft: Draft | None = None
        self._draft_generation = 0
        # Whether the copy on disk is one this guard wrote: only such a copy may be
        # removed because the journey is clean. A copy another session left waits
        # until it is restored and saved, or explicitly discarded (issue 15, item 1).
        self._own_copy = False
        # Copies restored into this session: they go once their edits are saved, or as
        # soon as this session's own copy holds them (a crash then leaves one copy, not
        # the same edits twice). From then on our copy stands in for them: it stays
        # until a save or an explicit discard, even if undo makes the journey clean.
        self._restored: list[Path] = []
        self._stands_in = False
        # The changes a restored copy held, less its own restore step (the home screen
        # lists how many changes a copy holds).
        self._carried_changes = 0
        self._io = threading.Lock()
        self._real_apply = document.editor.apply
        _GUARDS.add(self)

    @property
    def path(self) -> Path:
        return self.document.path

    @property
    def read_only(self) -> bool:
        return self.lock is None and self.unavailable is None

    @property
    def unsaved(self) -> bool:
        """Whether there is anything a crash would lose: edits, or text typed in a form."""
        return self.document.dirty or self.has_draft()

    @property
    def base_hash(self) -> str | None:
        fp = self.document.fingerprint
        return fp.sha256 if fp is not None else None

    # ---- one session per journey

    def claim(self) -> OtherSession | None:
        """Take the journey for this session; returns the live session that has it, if any."""
        try:
            got = acquire(self.path)
        except OSError as exc:
            self.unavailable = exc
            return None
        if isinstance(got, OtherSession):
            self.other = got
            self._block_edits()
            return got
        self.lock, self.other = got, None
        return None

    def take_over(self) -> None:
        try:
            self.lock = take_over(self.path)
        except OSError as exc:
            self.unavailable = exc
        self.other = None
        self.document.editor.__dict__.pop("apply", None)

    def still_ours(self) -> bool:
        if self.lock is None:
            return self.unavailable is not None  # no locks at all: nobody can take it
        try:
            return self.lock.still_ours()
        except OSError:
            return True

    def _block_edits(self) -> None:
        refusal, key = self.refusal, self.take_over_key

        def refuse(*args: Any, **kwargs: Any) -> None:
            raise ReadOnlyError(refusal, shortcut=key)

        # Every edit of every screen goes through Editor.apply, and every screen
        # already shows an EditError's message: one refusal covers them all.
        self.document.editor.apply = refuse  # type: ignore[method-assign]

    def lost_lock(self) -> None:
        """Another session took over: stop saving and editing; the edits and their copy
        stay (the copy is this session's own file), and Save as... still works."""
        self.lock = None
        self._block_edits()

    # ---- text typed in an open form

    def set_draft(self, draft: Draft | None) -> None:
        """``draft`` was typed into (or, None: the form closed); the next copy holds it."""
        self._draft = draft
        self._draft_generation += 1

    @property
    def draft(self) -> Draft | None:
        return self._draft

    def drop_draft(self, draft: Draft) -> bool:
        """``draft``'s form closed; False when another form's typing is the one held."""
        if self._draft is not draft:
            return False
        self.set_draft(None)
        return True

    def has_draft(self) -> bool:
        draft = self._draft
        if draft is None:
            return False
        try:
            return draft.draft_pending()
        except Exception:  # a form half torn down: what it had is kept (see apply_draft)
            return True

    # ---- recovery copies

    def waiting_copies(self) -> list[Recovery]:
        """Copies left by sessions that are gone (never our own, never a live one's), newest first.

        A copy that holds exactly what the file holds is no edit at all: its save went
        through before the session could remove it (SIGTERM during a big save). It is
        removed instead of offered (issue 15, item 12).
        """
        from kunderejse_tui.journey.fileio import _same

        waiting = []
        on_disk = None if self.document.dirty else self.document.snapshot().data
        for rec in find_recoveries(self.path):
            if rec.session == self.session_id or rec.pid == os.getpid() or rec.writer_alive():
                continue
            if on_disk is not None and _same(rec.data, on_disk):
                self.discard_waiting(rec)
                continue
            waiting.append(rec)
        return waiting

    def restore(self, rec: Recovery) -> None:
        """Put the copy's data in the editor as one undoable step (the journey is then dirty)."""
        self.document.editor.replace(rec.data, label="Restore recovery copy")
        if rec.changes is not None:
            self._carried_changes += max(rec.changes - 1, 0)
        self._restored.append(rec.record)
        if not rec.base_on_disk():
            # The file moved on since the copy's edits began. Pretend we still hold
            # that old version, so the next save finds the change and offers a merge
            # against the base the copy remembers.
            base = rec.extra.get("base")
            self.base = base if isinstance(base, dict) else None
            self.document.fingerprint = Fingerprint(-1, 0, rec.base_hash or "")
        self.copy_now()

    def discard_copy(self) -> None:
        """Remove this session's own copy (the edits are saved, undone or thrown away)."""
        if self._stands_in:
            return
        if self._own_copy:
            with contextlib.suppress(OSError):
                discard_recovery(self.path, self.session_id)
            self._own_copy = False
        self._copied = None

    def discard_waiting(self, rec: Recovery) -> None:
        """The user chose Discard for a copy another session left."""
        with contextlib.suppress(FileNotFoundError):
            os.unlink(rec.record)

    def _forget_restored(self) -> None:
        """The restored copies' edits are saved (or explicitly thrown away)."""
        for record in self._restored:
            with contextlib.suppress(OSError):
                os.unlink(record)
        self._restored.clear()
        self._stands_in = False
        self._carried_changes = 0

    def snapshot_for_copy(self) -> CopySnapshot | None:
        """What a copy should hold now, or None when no copy is needed (call on the UI thread)."""
        doc = self.document
        draft = self._draft if self.has_draft() else None
        # Not "read-only": a session that lost the journey keeps its edits' copy up to date.
        if not doc.dirty and draft is None:
            return None
        key = (doc.editor.revision, self._draft_generation if draft is not None else -1)
        if key == self._copied:
            return None
        snapshot = doc.snapshot()
        if draft is not None:
            # The journey as the form would leave it, in a scratch editor: the
            # document itself gets the text only when the user applies the form.
            with contextlib.suppress(EditError):
                draft.apply_draft(Editor(snapshot.data))
        changes = doc.editor.steps_from_saved() + self._carried_changes + (draft is not None)
        return CopySnapshot(
            key, snapshot.data, draft.draft_kind if draft is not None else None, changes
        )

    def write_copy(self, snapshot: CopySnapshot) -> bool:
        """Write ``snapshot`` as the recovery copy (any thread); False when the disk refused."""
        with self._io:
            if snapshot.key == self._copied:
                return True
            extra = {
                "newline": self.document.newline,
                "bom": self.document.bom,
                "schema_line": self.document.schema_line,
                "revision": snapshot.key[0],
                "base": self.base,
                "form": snapshot.form,
                "changes": snapshot.changes,
            }
            try:
                write_recovery(
                    self.path, snapshot.data, self.base_hash, extra=extra, session=self.session_id
                )
            except (OSError, TypeError, ValueError) as exc:
                self.last_copy_error = exc if isinstance(exc, OSError) else OSError(str(exc))
                return False
            self.last_copy_error = None
            self._copied = snapshot.key
            self._own_copy = True
            if self._restored:
                # Our copy now holds what was restored: the restored ones would only be
                # offered a second time next to it.
                for record in self._restored:
                    with contextlib.suppress(OSError):
                        os.unlink(record)
                self._restored.clear()
                self._stands_in = True
            return True

    def copy_now(self) -> bool:
        """Bring the copy up to date right away (signal handlers, before a risky step)."""
        if not self.unsaved:
            # Undone back to the saved state: there is nothing to recover any more.
            self.discard_copy()
            return True
        snapshot = self.snapshot_for_copy()
        return True if snapshot is None else self.write_copy(snapshot)

    # ---- the disk

    def changed_on_disk(self) -> bool:
        return changed_on_disk(self.path, self.document.fingerprint)

    def read_disk(self) -> DiskVersion:
        try:
            raw = read_bytes(self.path)
        except JourneyLoadError as exc:
            return DiskVersion(None, None, exc, None)
        fp = fingerprint_bytes(self.path, raw)
        try:
            return DiskVersion(raw, load_text(raw, str(self.path)), None, fp)
        except JourneyLoadError as exc:
            return DiskVersion(raw, None, exc, fp)

    def can_merge(self, disk: DiskVersion) -> bool:
        return disk.loaded is not None and self.base is not None

    def merge_with(self, disk: DiskVersion) -> MergeResult:
        assert disk.loaded is not None and self.base is not None
        from kunderejse_tui.journey.merge import merge  # only when someone else saved

        return merge(self.base, self.document.snapshot().data, disk.loaded.data)

    def adopt(self, disk: DiskVersion, data: dict[str, object], *, label: str) -> None:
        """Make ``disk`` the new base and put ``data`` in the editor (merge result or reload)."""
        assert disk.loaded is not None
        doc = self.document
        doc.editor.replace(data, label=label)
        self.base = disk.loaded.data
        doc.fingerprint = disk.fingerprint
        doc.newline, doc.bom = disk.loaded.newline, disk.loaded.bom
        doc.schema_line = disk.loaded.schema_line
        doc.has_comments = disk.loaded.has_comments
        if data is disk.loaded.data or data == disk.loaded.data:
            doc.editor.saved_revision = doc.editor.revision
        self.copy_now()

    def overwrite_acknowledged(self, disk: DiskVersion) -> None:
        """The user chose to overwrite what is on disk now with the app's version."""
        self.document.fingerprint = disk.fingerprint
        if disk.loaded is not None:
            self.base = disk.loaded.data

    # ---- saving

    def saved(self, snapshot: Snapshot) -> None:
        """A save of ``snapshot`` went through: it is the new base; the copy goes if nothing is left."""
        self.base = snapshot.data
        if not self.document.dirty:
            self._forget_restored()
        # The copy's base is the file just written now (if a copy is still needed).
        self._copied = None
        self.copy_now()

    def moved_to(self, new_path: Path, raw: bytes) -> None:
        """The journey now lives at ``new_path`` (saved as a new file)."""
        self._forget_restored()
        self.discard_copy()
        if self.lock is not None:
            self.lock.release()
        self.document.path = new_path
        self.document.fingerprint = fingerprint_bytes(new_path, raw)
        try:
            got: Lock | OtherSession | None = acquire(new_path)
        except OSError as exc:
            got, self.unavailable = None, exc
        self.lock = got if isinstance(got, Lock) else None
        if self.lock is not None:
            # A session that had lost the old journey edits the new one freely.
            self.other = None
            self.document.editor.__dict__.pop("apply", None)

    def close(self, *, discarded: bool = False) -> None:
        """The journey is closed. An explicit discard or a clean state removes the copy;
        anything else (a crash on the way out) keeps it."""
        if discarded:
            self._forget_restored()
        if discarded or not self.unsaved:
            self.discard_copy()
        if self.lock is not None:
            with contextlib.suppress(OSError):
                self.lock.release()
            self.lock = None
        _GUARDS.discard(self)


def flush_all() -> None:
    """Write every open journey's recovery copy now (from a signal handler: no threads)."""
    for guard in all_guards():
        with contextlib.suppress(Exception):
            guard.copy_now()


def waiting_recoveries() -> list[Recovery]:
    """Every copy whose session has ended, newest first (also those of journeys that are
    gone or live in other folders: the home screen lists them all)."""
    return [rec for rec in list_recoveries() if not rec.writer_alive()]


def journeys_with_recovery() -> dict[Path, Recovery]:
    """Journeys whose recovery copy waits for them (the home screen marks these)."""
    return {rec.path: rec for rec in waiting_recoveries()}


def install_signal_handlers(app: App[int]) -> None:
    """On SIGHUP (terminal closed) and SIGTERM: write every copy, then leave.

    The handlers run as event-loop callbacks, never in the middle of an edit,
    so the copy holds a consistent journey. If the app cannot wind down (its
    terminal is gone), a timer ends the process after the copies are safe.
    """
    import asyncio

    loop = asyncio.get_running_loop()

    def handle(signum: int) -> None:
        flush_all()
        for guard in all_guards():
            if guard.lock is not None:
                with contextlib.suppress(OSError):
                    guard.lock.release()
        killer = threading.Timer(3.0, os._exit, (128 + signum,))
        killer.daemon = True
        killer.start()
        app.exit(return_code=128 + signum)

    for signum in (signal.SIGHUP, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, handle, signum)
