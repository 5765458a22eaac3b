"""After the journey's folder is renamed, saving fails; the failure leads into Save as
(S), which writes the edits to a new file in the nearest folder that still exists.
(Issue 15, item 6: the app's part.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from kunderejse_tui.journey.fileio import _same
from kunderejse_tui.journey.yamlio import load_file
from kunderejse_tui.tui import recovery_service
from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens.prompt import PromptDialog
from kunderejse_tui.tui.screens.recovery import ChoiceDialog
from tests.tui.helpers import settle, shows


async def test_a_save_into_a_renamed_folder_leads_into_save_as(
    funnel: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(recovery_service, "RECOVERY_DELAY", 0.05)
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("x")  # the stage holds items: confirm
        await settle(pilot)
        assert app.journey is not None
        edited = app.journey.document.snapshot().data
        funnel.parent.rename(tmp_path / "renamed")
        await pilot.press("ctrl+s")
        dialog = await shows(pilot, ChoiceDialog)  # the file is gone from where it was
        body = str(dialog.query_one("#dialog-body").render())
        assert "no such file" in body and ": error" not in body  # words, not the CI line
        await pilot.press("k")  # keep mine: write it there anyway, which fails
        await settle(pilot)
        failed = [n.message for n in app._notifications if n.severity == "error"]
        assert failed and "Save as a new file with S" in failed[-1]
        await pilot.press("S")
        await shows(pilot, PromptDialog)
        await pilot.press("enter")
        await settle(pilot)
        assert not app.journey.document.dirty
    new = tmp_path / funnel.name.replace(".journey.yaml", "-mine.journey.yaml")
    assert _same(load_file(new).data, {**edited, "updated": app.today().isoformat()})
