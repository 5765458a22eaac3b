"""A recovery copy chosen on the home screen: restore it, or discard it (asking first).

A copy whose journey is still there opens that journey with the copy restored; a
copy whose journey is gone (a renamed folder, a deleted file) is written as a new
journey in the listed folder, never over a file, and opened. Kept apart from
``screens/home.py``, which lists the copies.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from kunderejse_tui.journey.confinement import current as current_confinement
from kunderejse_tui.journey.recovery import Recovery
from kunderejse_tui.tui.journey_files import SUFFIX, numbered_name, shown_path
from kunderejse_tui.tui.messages import OpenJourney

if TYPE_CHECKING:
    from kunderejse_tui.tui.screens.home import HomeScreen


def free_name(directory: Path, name: str, word: str = "recovered") -> str:
    """``name`` if no file in ``directory`` has it, else ``STEM-WORD[-N].journey.yaml``
    (``word``: "gendannet" in Danish, "recovered" in English)."""
    return name if not (directory / name).exists() else numbered_name(directory, name, word)


async def offer_copy(home: HomeScreen, rec: Recovery) -> None:
    """Restore or discard ``rec``, as the user answers (Enter on the home screen's list)."""
    from kunderejse_tui.tui.screens.recovery import Choice, ChoiceDialog

    when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(rec.time))
    body = home.t(
        "home.copy_body",
        file=rec.path.name,
        folder=shown_path(rec.path.parent),
        when=when,
        pid=rec.pid,
    )
    if rec.changes is not None:
        body += " " + home.t("home.copy_changes", n=rec.changes)
    gone = not rec.path.exists()
    more = ("home.copy_body_gone", {"dir": shown_path(home.directory)})
    key, args = more if gone else ("home.copy_body_there", {})
    body += "\n\n" + home.t(key, **args)
    choice = await home.app.push_screen_wait(
        ChoiceDialog(
            "home.copy_title",
            body,
            [
                Choice("restore", "safety.restore", "r", "primary"),
                Choice("discard", "safety.discard", "x", "error"),
                Choice("cancel", "safety.cancel", "c"),
            ],
        )
    )
    if choice == "restore" and gone:
        await _restore_as_new(home, rec)
    elif choice == "restore":
        home.post_message(OpenJourney(rec.path, restore=rec.record))
    elif choice == "discard":
        await _discard(home, rec, when)


async def _discard(home: HomeScreen, rec: Recovery, when: str) -> None:
    from kunderejse_tui.tui.screens.recovery import Choice, ChoiceDialog

    sure = await home.app.push_screen_wait(
        ChoiceDialog(
            "home.copy_discard_title",
            ("home.copy_discard_body", {"file": rec.path.name, "when": when}),
            [
                Choice("discard", "safety.discard", "x", "error"),
                Choice("keep", "home.copy_keep", "k"),
            ],
            cancel_id="keep",
            focus_id="keep",
        )
    )
    if sure != "discard":
        return
    with contextlib.suppress(FileNotFoundError):
        os.unlink(rec.record)
    home.notify(home.t("safety.discarded"))
    home.scan()


async def _restore_as_new(home: HomeScreen, rec: Recovery) -> None:
    """The copy's journey is gone: write the copy as a new journey in this folder
    (never over a file), then open it. Its edits are then saved, so the copy goes."""
    from kunderejse_tui.journey.disk import explain_os_error
    from kunderejse_tui.journey.fileio import SaveError
    from kunderejse_tui.tui.screens.prompt import PromptDialog

    directory = home.directory
    confinement = current_confinement()

    def check(name: str) -> str | None:
        target = directory / name
        if not name.endswith(SUFFIX) or not target.parent.is_dir():
            return home.t("safety.new_file_bad")
        if target.exists() or target.is_symlink():
            return home.t("safety.new_file_exists", file=name)
        if not confinement.allows(target):
            return home.t("serve.outside", path=name, root=str(confinement.root))
        return None

    name = await home.app.push_screen_wait(
        PromptDialog(
            "safety.new_file_title",
            "safety.new_file_label",
            value=free_name(directory, rec.path.name, home.t("home.copy_name_word")),
            check=check,
        )
    )
    if name is None:
        return
    target = directory / name
    try:
        await asyncio.to_thread(rec.write_to, target)
    except OSError as exc:
        home.notify(explain_os_error(exc, home.lang), severity="error", timeout=10)
        return
    except SaveError as exc:
        home.notify(str(exc), severity="error", timeout=10)
        return
    with contextlib.suppress(FileNotFoundError):
        os.unlink(rec.record)
    home.notify(home.t("home.copy_restored_as", file=shown_path(target)))
    home.post_message(OpenJourney(target))
