"""The hooks the app and the journey map call to keep a workshop from being lost.

Each function is one line at its call site (see the module's callers): the
map screen calls ``on_map_mount``/``on_map_unmount``, asks ``before_save``,
reports ``after_save`` and ``save_failed``, and prefixes its title with
``title_prefix``; the app calls ``install`` once, ``app_focused`` when the
terminal regains focus and ``discarded`` when the user throws edits away; the
home screen adorns a journey's status with ``home_status``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kunderejse_tui.journey.disk import explain_os_error
from kunderejse_tui.tui.i18n import tr

# The guard's machinery (locks, recovery copies, their dialogs) is imported when a
# journey is first guarded, after its map is on screen: not on the way to it.
if TYPE_CHECKING:
    from kunderejse_tui.journey.document import Snapshot
    from kunderejse_tui.journey.recovery import Recovery
    from kunderejse_tui.tui.recovery_service import JourneyGuard
    from kunderejse_tui.tui.screens.recovery import ChoiceDialog


def guard_of(screen: Any) -> JourneyGuard | None:
    guard = getattr(screen, "safety_guard", None)
    if guard is None:
        return None
    from kunderejse_tui.tui.recovery_service import JourneyGuard

    return guard if isinstance(guard, JourneyGuard) else None


# ---- the app


def install(app: Any) -> None:
    """Signal handlers (SIGHUP, SIGTERM) and ctrl+t (take the open journey over)."""
    from kunderejse_tui.tui.recovery_service import install_signal_handlers

    install_signal_handlers(app)

    def take_over() -> None:
        screen = app.open_map()
        guard = guard_of(screen)
        if guard is None or not guard.read_only:
            return
        guard.take_over()
        screen._update_title()
        app.notify(tr(app.lang, "safety.took_over"))

    app.action_safety_take_over = take_over
    app.bind("ctrl+t", "safety_take_over", description=tr(app.lang, "key.take_over"), show=False)


def app_focused(app: Any) -> None:
    """Back from another window: has the file changed meanwhile?"""
    screen = app.open_map()
    guard = guard_of(screen)
    if guard is None or not guard.changed_on_disk():
        return
    if not guard.document.dirty:
        disk = guard.read_disk()
        if disk.loaded is not None:
            guard.adopt(disk, disk.loaded.data, label="Reload from disk")
            app.notify(tr(app.lang, "safety.reloaded_clean", file=guard.path.name))
        return
    screen.run_worker(_resolve_then_save(screen, guard), group="safety-disk", exclusive=True)


async def _resolve_then_save(screen: Any, guard: JourneyGuard) -> None:
    from kunderejse_tui.tui.screens.disk_conflict import resolve

    if await resolve(screen, guard):
        screen.start_save()


def discarded(screen: Any) -> None:
    """The user chose to throw the unsaved edits away: the recovery copy goes too."""
    guard = guard_of(screen)
    if guard is not None:
        guard.close(discarded=True)


# ---- the journey map


def on_map_mount(screen: Any) -> None:
    from kunderejse_tui.tui.recovery_service import JourneyGuard

    guard = JourneyGuard(screen.document)
    screen.safety_guard = guard
    screen._safety_copy_pending = False
    screen._safety_unsubscribe = screen.document.editor.subscribe(
        lambda change: _changed(screen, guard)
    )
    screen.run_worker(_open(screen, guard), group="safety-open", exclusive=True)


def on_map_unmount(screen: Any) -> None:
    guard = guard_of(screen)
    if guard is not None:
        guard.close()
        screen._safety_unsubscribe()


def title_prefix(screen: Any) -> str:
    guard = guard_of(screen)
    if guard is None or not guard.read_only:
        return ""
    return f"[{tr(screen.app.lang, 'safety.read_only_mark')}] "


async def _open(screen: Any, guard: JourneyGuard) -> None:
    from kunderejse_tui.tui.screens.recovery import Choice, ChoiceDialog, DiffScreen, difference

    app = screen.app
    doc = guard.document
    other = guard.claim()
    if other is not None:
        info = other.info
        choice = await app.push_screen_wait(
            ChoiceDialog(
                "safety.other_title",
                (
                    "safety.other_body",
                    {"pid": info.pid, "host": info.hostname, "file": doc.path.name},
                ),
                [
                    Choice("read-only", "safety.read_only", "r", "primary"),
                    Choice("take-over", "safety.take_over", "t", "warning"),
                ],
                cancel_id="read-only",
            )
        )
        if choice == "take-over":
            guard.take_over()
            app.notify(tr(app.lang, "safety.took_over"))
        screen._update_title()
    if guard.read_only:
        return
    rec = guard.waiting_copy()
    while rec is not None:
        choice = await app.push_screen_wait(recovery_dialog(app.lang, rec))
        if choice == "restore":
            guard.restore(rec)
            app.notify(tr(app.lang, "safety.restored"))
            return
        if choice == "discard":
            guard.discard_copy()
            app.notify(tr(app.lang, "safety.discarded"))
            return
        header = tr(app.lang, "safety.diff_recovery")
        await app.push_screen_wait(DiffScreen(difference(doc.data, rec.data, header)))


def recovery_dialog(lang: str, rec: Recovery) -> ChoiceDialog:
    from kunderejse_tui.tui.screens.recovery import Choice, ChoiceDialog

    when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(rec.time))
    body = tr(lang, "safety.recovery_body", file=rec.path.name, when=when, pid=rec.pid)
    if not rec.base_on_disk():
        body += "\n\n" + tr(lang, "safety.recovery_moved_on")
    return ChoiceDialog(
        "safety.recovery_title",
        body,
        [
            Choice("restore", "safety.restore", "r", "primary"),
            Choice("diff", "safety.show_difference", "d"),
            Choice("discard", "safety.discard", "x", "error"),
        ],
        # Escape must not quietly keep the old version on screen: the next edit's
        # copy would then replace the one waiting here.
        cancel_id="diff",
    )


def _changed(screen: Any, guard: JourneyGuard) -> None:
    from kunderejse_tui.tui.recovery_service import RECOVERY_DELAY

    if guard.read_only:
        return
    if not guard.document.dirty:
        guard.discard_copy()
        return
    if not screen._safety_copy_pending:
        screen._safety_copy_pending = True
        screen.set_timer(RECOVERY_DELAY, lambda: _copy(screen, guard))


def _copy(screen: Any, guard: JourneyGuard) -> None:
    screen._safety_copy_pending = False
    if guard.read_only:
        return
    if not guard.still_ours():
        guard.lost_lock()
        screen._update_title()
        screen.notify(tr(screen.app.lang, "safety.taken_over"), severity="warning", timeout=10)
        return
    snapshot = guard.snapshot_for_copy()
    if snapshot is None:
        return

    def write() -> None:
        had_error = guard.last_copy_error is not None
        if not guard.write_copy(snapshot) and not had_error:
            error = explain_os_error(guard.last_copy_error or OSError(), screen.app.lang)
            screen.app.call_from_thread(
                screen.notify,
                tr(screen.app.lang, "safety.copy_failed", error=error),
                severity="warning",
            )

    screen.run_worker(write, thread=True, group="safety-copy")


async def before_save(screen: Any) -> bool:
    """False: do not write (read-only, taken over, or the user chose otherwise on a disk change)."""
    guard = guard_of(screen)
    if guard is None:
        return True
    lang = screen.app.lang
    if guard.read_only:
        screen.notify(tr(lang, "safety.read_only_save"), severity="warning", timeout=8)
        return False
    if not guard.still_ours():
        guard.lost_lock()
        screen._update_title()
        screen.notify(tr(lang, "safety.taken_over"), severity="warning", timeout=10)
        return False
    if not guard.changed_on_disk():
        return True
    from kunderejse_tui.tui.screens.disk_conflict import resolve

    return await resolve(screen, guard)


def after_save(screen: Any, snapshot: Snapshot) -> None:
    guard = guard_of(screen)
    if guard is not None:
        guard.saved(snapshot)


def save_failed(screen: Any, exc: Exception) -> str:
    """The message for a save that did not happen; the recovery copy is brought up to date."""
    guard = guard_of(screen)
    if guard is not None:
        guard.copy_now()
    if isinstance(exc, OSError):
        return explain_os_error(exc, screen.app.lang)
    return tr(screen.app.lang, "save.failed", error=str(exc))


# ---- the home screen


def home_status(path: Path, status: str, lang: str, waiting: set[Path] | None = None) -> str:
    """``status`` with a mark when a recovery copy waits for ``path``."""
    from kunderejse_tui.journey.recovery import absolute
    from kunderejse_tui.tui.recovery_service import journeys_with_recovery

    if waiting is None:
        waiting = set(journeys_with_recovery())
    if absolute(path) in waiting:
        return f"{tr(lang, 'safety.home_recovery')} · {status}"
    return status
