"""The file changed on disk while the app has unsaved edits: never overwrite silently.

Offers Merge (when the two sides touched different items), Reload (after
confirming), Keep mine and overwrite, Save mine as a new file, and Show the
difference. ``resolve`` returns True when the caller should go on and save.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from kunderejse_tui.journey.confinement import current as current_confinement
from kunderejse_tui.journey.disk import explain_os_error
from kunderejse_tui.journey.fileio import SaveError, save_journey
from kunderejse_tui.tui.journey_files import SUFFIX, numbered_name
from kunderejse_tui.tui.recovery_service import JourneyGuard
from kunderejse_tui.tui.screens.prompt import PromptDialog
from kunderejse_tui.tui.screens.recovery import Choice, ChoiceDialog, DiffScreen, difference

if TYPE_CHECKING:
    from kunderejse_tui.tui.session import JourneySession


def suggested_name(path: Path) -> str:
    """Where "save mine as a new file" proposes to write: ``NAME-mine.journey.yaml``."""
    return numbered_name(path.parent, path.name, "mine")


def conflict_choices(*, mergeable: bool, reloadable: bool) -> list[Choice]:
    """The answers to "changed on disk": all six when the disk's version can be read
    and the two sides touched different items."""
    out = []
    if mergeable:
        out.append(Choice("merge", "safety.merge", "m", "primary"))
    if reloadable:
        out.append(Choice("reload", "safety.reload", "r", "error"))
    out += [
        Choice("keep", "safety.keep_mine", "k", "warning"),
        Choice("new", "safety.save_as_new", "n"),
        Choice("diff", "safety.show_difference", "d"),
        Choice("cancel", "safety.cancel", "c"),
    ]
    return out


def conflict_dialog(body: str, choices: list[Choice]) -> ChoiceDialog:
    """The question itself; "Show the difference" has the focus (it changes nothing)."""
    return ChoiceDialog("safety.changed_title", body, choices, focus_id="diff")


def merge_conflicts_notice(conflicts: str) -> ChoiceDialog:
    """The merge found items both sides changed: nothing was merged."""
    return ChoiceDialog(
        "safety.merge_conflicts_title",
        ("safety.merge_conflicts_body", {"conflicts": conflicts}),
        [Choice("ok", "safety.diff_close", "o", "primary")],
        cancel_id="ok",
    )


def reload_question() -> ChoiceDialog:
    """Reloading loses the app's changes: asked once more, No focused."""
    return ChoiceDialog(
        "safety.reload_confirm_title",
        ("safety.reload_confirm_body", {}),
        [
            Choice("yes", "safety.reload_yes", "y", "error"),
            Choice("no", "safety.cancel", "c"),
        ],
        cancel_id="no",
        focus_id="no",
    )


async def resolve(session: JourneySession, guard: JourneyGuard) -> bool:
    """Ask until the user has decided; True means "now save what the app holds"."""
    app = session.app
    lang: Literal["en", "da"] = "en" if app.lang == "en" else "da"
    doc = guard.document
    while True:
        disk = guard.read_disk()
        body = session.t("safety.changed_body", file=doc.path.name)
        if disk.loaded is None and disk.error is not None:
            # In words, not the FILE:LINE:COL: error[CODE] line made for editors and CI,
            # whose English "error" would sit in the middle of a Danish sentence.
            problem = disk.error.problems[0]
            where = f"{Path(problem.file).name}:{problem.line}:{problem.col}"
            body += "\n\n" + session.t(
                "safety.changed_unreadable", problem=f"{where}: {problem.message(lang)}"
            )
        choices = conflict_choices(
            mergeable=guard.can_merge(disk), reloadable=disk.loaded is not None
        )
        choice = await app.push_screen_wait(conflict_dialog(body, choices))
        if choice == "merge" and guard.can_merge(disk):
            result = guard.merge_with(disk)
            if result.merged is not None:
                guard.adopt(disk, result.merged, label="Merge with the file on disk")
                app.notify(session.t("safety.merged"))
                return True
            conflicts = "\n".join(f"• {c.message(lang)}" for c in result.conflicts[:8])
            await app.push_screen_wait(merge_conflicts_notice(conflicts))
        elif choice == "reload" and disk.loaded is not None:
            sure = await app.push_screen_wait(reload_question())
            if sure == "yes":
                guard.adopt(disk, disk.loaded.data, label="Reload from disk")
                app.notify(session.t("safety.reloaded"))
                return False
        elif choice == "keep":
            guard.overwrite_acknowledged(disk)
            return True
        elif choice == "new":
            if await save_as_new(session, guard):
                return False
        elif choice == "diff":
            theirs = disk.loaded.data if disk.loaded is not None else None
            header = session.t("safety.diff_disk")
            await app.push_screen_wait(DiffScreen(difference(theirs, doc.data, header)))
        else:
            return False


async def save_as_new(session: JourneySession, guard: JourneyGuard) -> bool:
    """Write the app's version to a new file beside the old one and keep editing it there."""
    app = session.app
    doc = guard.document
    directory = doc.path.parent
    while not directory.is_dir() and directory != directory.parent:
        directory = directory.parent  # the folder was renamed or deleted: the nearest one left

    def check(name: str) -> str | None:
        target = directory / name
        if not name.endswith(SUFFIX) or not target.parent.is_dir():
            return session.t("safety.new_file_bad")
        if target.exists():
            return session.t("safety.new_file_exists", file=name)
        confinement = current_confinement()
        if not confinement.allows(target):  # a served app writes only in its folder
            return session.t("serve.outside", path=name, root=str(confinement.root))
        return None

    name = await app.push_screen_wait(
        PromptDialog(
            "safety.new_file_title",
            "safety.new_file_label",
            value=suggested_name(directory / doc.path.name),
            check=check,
        )
    )
    if name is None:
        return False
    target = directory / name
    snapshot = doc.snapshot()
    # A new file of changed content is a save like any other: it carries today's date.
    dated = doc.dated(snapshot, session.today()) if doc.dirty else None
    try:
        raw = await asyncio.to_thread(
            save_journey,
            target,
            snapshot.data,
            schema_line=doc.schema_line,
            newline=doc.newline,
            bom=doc.bom,
        )
    except OSError as exc:
        app.notify(explain_os_error(exc, app.lang), severity="error", timeout=10)
        return False
    except SaveError as exc:
        app.notify(str(exc), severity="error", timeout=10)
        return False
    guard.moved_to(target, raw)
    doc.mark_saved(snapshot, doc.fingerprint, dated)  # type: ignore[arg-type]
    guard.saved(snapshot)
    app.notify(session.t("safety.saved_as", file=name))
    return True
