"""One open journey: its document, its guard, its checks and its saving.

The app makes a ``JourneySession`` when a journey is read and hands it to the
map screen, which hands it on to the screens it opens. The session owns:

- the document (``document.editor`` takes every change);
- the guard (``recovery_service.JourneyGuard``: the lock, recovery copies a few
  seconds behind the keyboard, the disk fingerprint checked before each save);
- the check worker: the journey's problems, 0.3 s after the last change;
- saving, with the questions that may come first (comments, a change on disk).

Screens learn what changed through two Textual signals (``state_changed``:
the title may read differently; ``problems_checked``: new problems) instead of
the session reaching into them.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.signal import Signal
from textual.timer import Timer

from kunderejse_tui.journey.disk import explain_os_error, os_reason
from kunderejse_tui.journey.document import JourneyDocument, Snapshot
from kunderejse_tui.journey.edits import Change
from kunderejse_tui.journey.fileio import ChangedOnDiskError, SaveError
from kunderejse_tui.journey.problems import Problem
from kunderejse_tui.tui.browser_keys import TAKE_OVER
from kunderejse_tui.tui.i18n import tr

# The guard's machinery (locks, recovery copies, their dialogs) is imported when a
# journey is first guarded, after its map is on screen: not on the way to it.
if TYPE_CHECKING:
    from kunderejse_tui.journey.recovery import Recovery
    from kunderejse_tui.tui.app import KunderejseApp
    from kunderejse_tui.tui.live_follow import LiveFollow
    from kunderejse_tui.tui.recovery_service import Draft, JourneyGuard
    from kunderejse_tui.tui.screens.recovery import ChoiceDialog

CHECK_DELAY = 0.3
# The editor forms whose typed text a recovery copy may hold (``ed.title.KIND``).
FORM_KINDS = ("journey", "persona", "stage", "question", "touchpoint", "messaging")


class JourneySession:
    """The open journey and everything that keeps it safe and checked."""

    def __init__(
        self,
        app: KunderejseApp,
        document: JourneyDocument,
        *,
        today: Callable[[], datetime.date] = datetime.date.today,
        viewer: bool = False,
    ) -> None:
        from kunderejse_tui.tui.live_follow import LiveSharing

        self.app = app
        self.document = document
        # The date a save writes as `updated:` (tests give a fixed one).
        self.today = today
        self.guard: JourneyGuard | None = None
        # A viewer (`kunderejse serve`'s viewer link, `open --viewer`) reads and follows.
        self.viewer = viewer
        self.live_follow: LiveFollow | None = None
        self.sharing = LiveSharing(self)
        self.problems: list[Problem] = []
        # Published with nothing: the title (dirty mark, read-only mark) may read differently.
        self.state_changed: Signal[None] = Signal(app, "journey-state")
        self.problems_checked: Signal[list[Problem]] = Signal(app, "journey-problems")
        self._generation = 0
        self._check_timer: Timer | None = None
        self._copy_pending = False
        self._closed = False
        # The record of a copy the user chose to restore on the home screen: no question.
        self.restore_first: Path | None = None
        self._unsubscribe: list[Callable[[], None]] = [document.editor.subscribe(self._changed)]
        if viewer:
            from kunderejse_tui.tui.live_follow import ViewerGuard

            # At once, not after the first paint: not one keystroke may edit.
            self.guard = ViewerGuard(document)
            self.guard.claim()

    @property
    def lang(self) -> str:
        return self.app.lang

    def t(self, key: str, **kwargs: object) -> str:
        return tr(self.lang, key, **kwargs)

    def title(self) -> str:
        """The journey's title as the map shows it: read-only and unsaved marks first."""
        doc = self.document
        mark = f"[{self.t('safety.read_only_mark')}] " if self.read_only else ""
        if self.viewer:
            mark = f"[{self.t('live.viewer_mark')}] "
        if self.sharing.on:
            mark = f"[{self.t('live.sharing_mark')}] " + mark
        return mark + ("● " if doc.dirty else "") + doc.title

    @property
    def unsaved(self) -> bool:
        """Edits not saved, or text typed into an open form: leaving asks first."""
        return self.document.dirty or (self.guard is not None and self.guard.has_draft())

    def apply_draft(self) -> bool:
        """Put an open form's typed text into the journey (before a save on the way out);
        False when the form refused it (it stays open and says why)."""
        guard = self.guard
        if guard is None or guard.draft is None or not guard.has_draft():
            return True
        return guard.draft.draft_apply()

    @property
    def read_only(self) -> bool:
        return self.viewer or (self.guard is not None and self.guard.read_only)

    # ---- keeping up with the editor

    def _changed(self, change: Change) -> None:
        self._generation += 1
        if any(path[:1] == ("language",) for path in change.paths) or change.paths == ((),):
            self.app.follow_journey_language(self.document.language)
        self.state_changed.publish(None)
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self.app.set_timer(CHECK_DELAY, self.check)
        if self.guard is not None:
            self._schedule_copy(self.guard)
        self.sharing.changed()

    # ---- checking

    def check(self) -> None:
        """Check the journey in a worker thread; ``problems_checked`` brings the result."""
        self._check_timer = None
        if self._closed:
            return
        generation = self._generation
        self.app.run_worker(
            lambda: self._check(generation),
            thread=True,
            exclusive=True,
            group="validate",
        )

    def _check(self, generation: int) -> None:
        try:
            problems = self.document.problems()
        except RuntimeError:
            # The data changed while it was copied; the change scheduled a new check.
            return
        except Exception as exc:  # a bug in a check must not end the workshop
            with contextlib.suppress(RuntimeError):
                self.app.call_from_thread(
                    self.app.notify, self.t("map.check_failed", error=repr(exc)), severity="error"
                )
            return
        with contextlib.suppress(RuntimeError):  # the app is shutting down
            self.app.call_from_thread(self._checked, generation, problems)

    def _checked(self, generation: int, problems: list[Problem]) -> None:
        if generation != self._generation or self._closed:
            return  # stale: the journey changed while it was checked, or it was closed
        self.problems = problems
        self.problems_checked.publish(problems)

    # ---- the guard: one session per journey, recovery copies

    async def guard_journey(self) -> None:
        """Claim the journey and offer a recovery copy a crashed session left (a worker)."""
        from kunderejse_tui.tui.recovery_service import JourneyGuard
        from kunderejse_tui.tui.screens.recovery import DiffScreen, difference, other_session_dialog

        if self.viewer and self.live_follow is None and not self._closed:
            from kunderejse_tui.tui.live_follow import LiveFollow

            self.live_follow = LiveFollow(self)
        if self.guard is not None or self._closed:
            return
        app = self.app
        doc = self.document
        guard = self.guard = JourneyGuard(doc, take_over_key=self.take_over_key)
        other = guard.claim()
        if guard.unavailable is not None:
            # Said once; the copies' later failures are then silent (see _copy).
            reason = self._reason(guard.unavailable)
            app.notify(
                self.t("safety.state_unavailable", error=reason), severity="warning", timeout=8
            )
        if other is not None:
            info = other.info
            choice = await app.push_screen_wait(
                other_session_dialog(info.pid, info.hostname, doc.path.name)
            )
            if choice == "take-over":
                guard.take_over()
                app.notify(self.t("safety.took_over"))
            self.state_changed.publish(None)
        if guard.read_only:
            return
        copies = guard.waiting_copies()
        chosen = [rec for rec in copies if rec.record == self.restore_first]
        self.restore_first = None
        if chosen:
            guard.restore(chosen[0])
            app.notify(self.t("safety.restored"))
            return
        shown = 0
        while copies:
            rec = copies[shown % len(copies)]
            place = (shown % len(copies) + 1, len(copies))
            choice = await app.push_screen_wait(recovery_dialog(self.lang, rec, place))
            if choice == "restore":
                guard.restore(rec)
                app.notify(self.t("safety.restored"))
                return
            if choice == "discard":
                guard.discard_waiting(rec)
                copies.remove(rec)
                app.notify(self.t("safety.discarded"))
            elif choice == "next":
                shown += 1
            else:
                header = self.t("safety.diff_recovery")
                await app.push_screen_wait(DiffScreen(difference(doc.data, rec.data, header)))

    def save_as(self) -> None:
        """S: write the journey to a new file and go on there (also for a session that lost
        its lock, whose notice promises it, and after a failed save)."""
        guard = self.guard
        if guard is None:
            return

        async def ask() -> None:
            from kunderejse_tui.tui.screens.disk_conflict import save_as_new

            if await save_as_new(self, guard):
                self.state_changed.publish(None)

        self.app.run_worker(ask(), group="save", exclusive=True)

    def _reason(self, exc: OSError) -> str:
        """Why the disk refused, in the user's language when the errno is a usual one."""
        from kunderejse_tui.journey.disk import REASONS

        key = REASONS.get(exc.errno if exc.errno is not None else -1)
        return self.t(key) if key else exc.strerror or str(exc)

    @property
    def take_over_key(self) -> str:
        """The key that takes the journey over where the app runs (ctrl+t; F9 in a browser)."""
        return self.app.key_name(TAKE_OVER)

    def take_over(self) -> None:
        """ctrl+t / F9: the journey was opened read-only; take it from the other session."""
        guard = self.guard
        if self.viewer:
            self.app.notify(self.t("live.viewer_only"), severity="warning")
            return
        if guard is None or not guard.read_only:
            return
        guard.take_over()
        self.state_changed.publish(None)
        self.app.notify(self.t("safety.took_over"))

    def draft_changed(self, draft: Draft) -> None:
        """Something was typed into an open form: the copy follows it like an edit."""
        if self.guard is not None and not self._closed:
            self.guard.set_draft(draft)
            self._schedule_copy(self.guard)

    def draft_closed(self, draft: Draft) -> None:
        """The form was applied or closed on purpose: its typing needs no copy any more."""
        guard = self.guard
        if guard is not None and not self._closed and guard.drop_draft(draft):
            self._schedule_copy(guard)

    def _schedule_copy(self, guard: JourneyGuard) -> None:
        from kunderejse_tui.tui.recovery_service import RECOVERY_DELAY

        if not guard.unsaved:
            guard.discard_copy()
            return
        if not self._copy_pending:
            self._copy_pending = True
            self.app.set_timer(RECOVERY_DELAY, lambda: self._copy(guard))

    def _copy(self, guard: JourneyGuard) -> None:
        self._copy_pending = False
        if self._closed:
            return
        if guard.lock is not None and not guard.still_ours():
            self._lost_lock(guard)  # and go on: the copy is this session's own
        snapshot = guard.snapshot_for_copy()
        if snapshot is None:
            return

        def write() -> None:
            had_error = guard.last_copy_error is not None or guard.unavailable is not None
            if not guard.write_copy(snapshot) and not had_error:
                error = os_reason(guard.last_copy_error or OSError(), self.lang)
                self.app.call_from_thread(
                    self.app.notify, self.t("safety.copy_failed", error=error), severity="warning"
                )

        self.app.run_worker(write, thread=True, group="safety-copy")

    def _lost_lock(self, guard: JourneyGuard) -> None:
        guard.lost_lock()
        self.state_changed.publish(None)
        self.app.notify(
            self.t("safety.taken_over", shortcut=self.take_over_key), severity="warning", timeout=10
        )

    def app_focused(self) -> None:
        """Back from another window: has the file changed meanwhile?"""
        if self.viewer:
            return  # LiveFollow reloads it; a reload here would be an edit, refused
        guard = self.guard
        if guard is None or not guard.changed_on_disk():
            return
        if not guard.document.dirty:
            disk = guard.read_disk()
            if disk.loaded is not None:
                guard.adopt(disk, disk.loaded.data, label="Reload from disk")
                self.app.notify(self.t("safety.reloaded_clean", file=guard.path.name))
            return
        self.app.run_worker(self._resolve_then_save(guard), group="safety-disk", exclusive=True)

    async def _resolve_then_save(self, guard: JourneyGuard) -> None:
        from kunderejse_tui.tui.screens.disk_conflict import resolve

        if await resolve(self, guard):
            await self.save()

    # ---- saving and closing

    async def save(self, *, quiet: bool = False) -> bool:
        """Save (asking first when needed); False: it did not happen, so stay.

        ``quiet``: live sharing's saves say nothing when they went through.
        """
        from kunderejse_tui.tui.screens.confirm import CommentsDialog

        app = self.app
        doc = self.document
        if not doc.dirty:
            app.notify(self.t("save.nothing"))
            return True
        if doc.has_comments:
            confirmed = await app.push_screen_wait(CommentsDialog(doc.path.name))
            if not confirmed:
                app.notify(self.t("save.cancelled"), severity="warning")
                return False
        if not await self._may_write():
            return False
        snapshot = doc.snapshot()
        dated = doc.dated(snapshot, self.today())
        try:
            fingerprint = await asyncio.to_thread(doc.write, snapshot)
        except ChangedOnDiskError:
            # Changed while the save ran: the same question as any change on disk.
            return await self._changed_during_save()
        except (SaveError, OSError) as exc:
            app.notify(self._save_failed(exc), severity="error", timeout=10)
            return False
        doc.mark_saved(snapshot, fingerprint, dated)
        self._saved(snapshot)
        self.state_changed.publish(None)
        if quiet:
            return True  # live sharing: the title and the problems panel show the rest
        problems = await asyncio.to_thread(doc.problems, snapshot)
        errors = sum(1 for p in problems if p.severity == "error")
        if errors:
            app.notify(
                self.t("save.with_problems", file=doc.path.name, n=errors),
                severity="warning",
                timeout=6,
            )
        else:
            app.notify(self.t("save.done", file=doc.path.name))
        return True

    async def _may_write(self) -> bool:
        """False: do not write (read-only, taken over, or the user chose otherwise on a disk change)."""
        guard = self.guard
        if guard is None:
            return True
        if guard.read_only:
            self.app.notify(
                self.t("safety.read_only_save", shortcut=self.take_over_key),
                severity="warning",
                timeout=8,
            )
            return False
        if not guard.still_ours():
            self._lost_lock(guard)
            return False
        if not guard.changed_on_disk():
            return True
        from kunderejse_tui.tui.screens.disk_conflict import resolve

        return await resolve(self, guard)

    async def _changed_during_save(self) -> bool:
        from kunderejse_tui.tui.screens.disk_conflict import resolve

        guard = self.guard
        if guard is not None and await resolve(self, guard):
            return await self.save()
        if guard is None:
            self.app.notify(
                self.t("save.failed", error=self.t("safety.changed_title")), severity="error"
            )
        return False

    def _saved(self, snapshot: Snapshot) -> None:
        if self.guard is not None:
            self.guard.saved(snapshot)

    def _save_failed(self, exc: Exception) -> str:
        """The message for a save that did not happen; the recovery copy is brought up to date."""
        copied = self.guard is not None and self.guard.copy_now()
        said = (
            explain_os_error(exc, self.lang, copy_written=copied)
            if isinstance(exc, OSError)
            else self.t("save.failed", error=str(exc))
        )
        # Whatever failed, a new file elsewhere may still work: lead the way there.
        return f"{said} {self.t('safety.save_failed_save_as')}"

    # ---- live: the viewer follows the file, the editor may share as it goes

    def follow_disk(self, whole: JourneyDocument) -> None:
        """The viewer's file changed on disk: show ``whole`` in place of the journey."""
        if self._closed or not self.viewer:
            return
        # No undo step and nothing unsaved; the map redraws the columns that differ.
        self.document.complete(whole)
        self.state_changed.publish(None)

    def toggle_sharing(self) -> None:
        if self.read_only:
            key = "live.viewer_only" if self.viewer else "safety.read_only_save"
            self.app.notify(self.t(key, shortcut=self.take_over_key), severity="warning")
            return
        self.sharing.toggle()
        self.state_changed.publish(None)

    def close(self, *, discarded: bool = False) -> None:
        """The journey is closed; ``discarded``: the user threw the unsaved edits away,
        so the recovery copy goes too."""
        if self._closed:
            return
        self._closed = True
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        if self._check_timer is not None:
            self._check_timer.stop()
        self.sharing.stop()
        if self.live_follow is not None:
            self.live_follow.stop()
        if self.guard is not None:
            self.guard.close(discarded=discarded)
        self.app.journey_closed(self)


def recovery_dialog(lang: str, rec: Recovery, place: tuple[int, int] = (1, 1)) -> ChoiceDialog:
    """The question for one waiting copy; ``place``: which of how many (newest first)."""
    from kunderejse_tui.tui.screens.recovery import Choice, ChoiceDialog

    when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(rec.time))
    body = tr(lang, "safety.recovery_body", file=rec.path.name, when=when, pid=rec.pid)
    if not rec.base_on_disk():
        body += "\n\n" + tr(lang, "safety.recovery_moved_on")
    form = rec.extra.get("form")
    if form in FORM_KINDS:
        body += "\n\n" + tr(lang, "safety.recovery_form", form=tr(lang, f"ed.title.{form}"))
    choices = [
        Choice("restore", "safety.restore", "r", "primary"),
        Choice("diff", "safety.show_difference", "d"),
        Choice("discard", "safety.discard", "x", "error"),
    ]
    if place[1] > 1:
        body += "\n\n" + tr(lang, "safety.recovery_place", k=place[0], n=place[1])
        choices.append(Choice("next", "safety.recovery_next", "n"))
    return ChoiceDialog(
        "safety.recovery_title",
        body,
        choices,
        # Escape must not quietly keep the old version on screen: the next edit's
        # copy would then replace the one waiting here.
        cancel_id="diff",
    )
