"""Following a journey live: the viewer's side and the editor's live sharing.

A served workshop has viewers (the room's screen, remote participants) and an
editor. Viewers see what is on disk, so the editor decides what they see:

- ``ViewerGuard`` and ``LiveFollow``: a viewer opens the journey read-only
  without taking its lock (it never writes, so it must not keep the editor from
  saving, nor be offered ctrl+t), and reloads the file within about a second of a
  change, in place: the map redraws the columns that differ and keeps its cursor.
  A cheap ``os.stat`` every POLL seconds; the file is read and hashed only when
  the stat differs, and the journey replaced only when the bytes do.
- ``LiveSharing``: the editor's switch (off by default, shown in the title).
  While on, each change is saved SHARE_DELAY seconds after the last one, by the
  usual save (atomic, verified, asking first for a file with comments).
"""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING

from textual.timer import Timer

from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.problems import JourneyLoadError
from kunderejse_tui.journey.yamlio import read_bytes
from kunderejse_tui.tui.recovery_service import JourneyGuard

if TYPE_CHECKING:
    from kunderejse_tui.tui.session import JourneySession

POLL = 0.25
SHARE_DELAY = float(os.environ.get("KUNDEREJSE_SHARE_DELAY", "3.0"))

StatKey = tuple[int, int, int] | None


def stat_key(path: os.PathLike[str] | str) -> StatKey:
    """What changes when a file is written: an atomic save makes a new inode."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


class ViewerGuard(JourneyGuard):
    """A viewer's guard: no lock, no recovery copies, every edit refused, no take-over."""

    refusal = "live.viewer_only"

    def claim(self) -> None:
        self._block_edits()

    def take_over(self) -> None:
        """A viewer link never becomes an editor's (JourneySession says so)."""


class LiveFollow:
    """Reload the viewer's journey when its file changes on disk."""

    def __init__(self, session: JourneySession) -> None:
        self.session = session
        self._seen = stat_key(session.document.path)
        self._unreadable_said = False
        self._timer: Timer = session.app.set_interval(POLL, self._poll, name="live-follow")

    def stop(self) -> None:
        self._timer.stop()

    def _poll(self) -> None:
        doc = self.session.document
        if doc.partial:
            return  # the map is still reading the rest of a big file
        now = stat_key(doc.path)
        if now == self._seen:
            return
        self._seen = now
        self.session.app.run_worker(self._read, thread=True, exclusive=True, group="live-follow")

    def _read(self) -> None:
        doc = self.session.document
        try:
            raw = read_bytes(doc.path)
            if doc.fingerprint is not None and doc.fingerprint.sha256 == _sha(raw):
                return  # touched, or written with the same bytes
            whole: JourneyDocument | JourneyLoadError = JourneyDocument.from_bytes(doc.path, raw)
        except JourneyLoadError as exc:
            whole = exc
        with contextlib.suppress(RuntimeError):  # the app is shutting down
            self.session.app.call_from_thread(self._adopt, whole)

    def _adopt(self, whole: JourneyDocument | JourneyLoadError) -> None:
        if isinstance(whole, JourneyLoadError):
            # Half-way through someone's edit in a text editor, say: keep showing the
            # last good version, and say so once until the file reads again.
            if not self._unreadable_said:
                self._unreadable_said = True
                self.session.app.notify(
                    self.session.t("live.unreadable", file=self.session.document.path.name),
                    severity="warning",
                )
            return
        self._unreadable_said = False
        self.session.follow_disk(whole)


def _sha(raw: bytes) -> str:
    from kunderejse_tui.journey.disk import hash_bytes

    return hash_bytes(raw)


class LiveSharing:
    """The editor's live sharing: a save a few seconds after each change, while on."""

    def __init__(self, session: JourneySession) -> None:
        self.session = session
        self.on = False
        self._timer: Timer | None = None

    def toggle(self) -> None:
        self.on = not self.on
        self._cancel()
        session = self.session
        session.app.notify(session.t("live.sharing_on" if self.on else "live.sharing_off"))
        if self.on and session.document.dirty:
            self._schedule()

    def changed(self) -> None:
        if self.on:
            self._schedule()

    def stop(self) -> None:
        self._cancel()

    def _schedule(self) -> None:
        self._cancel()
        self._timer = self.session.app.set_timer(SHARE_DELAY, self._share, name="live-sharing")

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _share(self) -> None:
        self._timer = None
        session = self.session
        if self.on and session.document.dirty:
            session.app.run_worker(self._save(), group="save", exclusive=True)

    async def _save(self) -> None:
        session = self.session
        if not await session.save(quiet=True) and self.on:
            # Declined (comments), read-only, or the disk said no: stop rather than
            # ask again after every keystroke.
            self.on = False
            session.state_changed.publish(None)
            session.app.notify(session.t("live.sharing_stopped"), severity="warning")
