"""The map's "make a future-state version" (V, and the command palette).

The core writes the file (``journey/future_state.py``); this module asks what
must be asked first and says what happened:

- a future state has no future state of its own: it says so;
- ``NAME.future.journey.yaml`` exists already: it is never overwritten, the
  user may open it instead;
- unsaved changes: the future state is based on the *file*, so it offers to
  save first (or nothing happens).

It returns the file to open; the map screen opens it in place of itself, where
``v`` compares the two.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from kunderejse_tui.journey.fileio import SaveError
from kunderejse_tui.journey.future_state import (
    NotACurrentState,
    create_future_state,
    future_path,
    is_future,
)
from kunderejse_tui.tui.journey_files import shown_path
from kunderejse_tui.tui.screens.recovery import Choice, ChoiceDialog
from kunderejse_tui.tui.session import JourneySession


async def make_future_state(session: JourneySession) -> Path | None:
    """Make (or find) the future state of the session's journey; None: nothing to open."""
    app = session.app
    doc = session.document
    if is_future(doc.data):
        app.notify(session.t("future.already_future"), severity="warning", timeout=6)
        return None
    target = future_path(doc.path)
    if target.exists():
        return await _offer_existing(session, target)
    if doc.dirty:
        choice = await app.push_screen_wait(
            ChoiceDialog(
                "cmp.make.save_first_title",
                ("cmp.make.save_first_body", {"file": doc.path.name}),
                [
                    Choice("save", "cmp.make.save_and_make", "s", "primary"),
                    Choice("cancel", "safety.cancel", "c"),
                ],
            )
        )
        if choice != "save" or not await session.save():
            return None
    snapshot = doc.snapshot()
    try:
        created = await asyncio.to_thread(
            create_future_state, snapshot.data, doc.path, today=session.today()
        )
    except NotACurrentState as exc:
        app.notify(exc.reason.text(session.lang), severity="warning", timeout=6)
        return None
    except FileExistsError:
        # Made by someone else between the look and the write.
        return await _offer_existing(session, target)
    except (SaveError, OSError) as exc:
        app.notify(session.t("cmp.make.failed", error=str(exc)), severity="error", timeout=10)
        return None
    if created.schema_installed is not None:
        app.notify(session.t("future.schema_installed", file=shown_path(created.schema_installed)))
    app.notify(session.t("cmp.make.made", file=created.path.name), timeout=8)
    return created.path


async def _offer_existing(session: JourneySession, target: Path) -> Path | None:
    choice = await session.app.push_screen_wait(
        ChoiceDialog(
            "cmp.make.exists_title",
            ("cmp.make.exists_body", {"file": target.name}),
            [
                Choice("open", "cmp.make.open", "o", "primary"),
                Choice("cancel", "safety.cancel", "c"),
            ],
        )
    )
    return target if choice == "open" else None
