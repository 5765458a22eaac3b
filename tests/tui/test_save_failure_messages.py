"""The app's words after a failure are true (issue 15, item 8): a failed save does not
claim a recovery copy when that failed too; the merge-conflict hint only for conflicts."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from textual.widgets import Static

from kunderejse_tui.journey import recovery
from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from kunderejse_tui.tui.screens.load_error import LoadErrorScreen
from tests.tui.helpers import FUNNEL, settle

SIZE = (120, 40)


def _full(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


async def test_no_copy_is_claimed_when_writing_it_failed_too(
    funnel: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, JourneyMapScreen)
        screen.document.editor.set(("title",), "Ny titel")
        monkeypatch.setattr(JourneyDocument, "write", _full)
        monkeypatch.setattr(recovery, "write_bytes_atomic", _full)
        await pilot.press("ctrl+s")
        await settle(pilot)
        said = [n.message for n in app._notifications]
        failed = [m for m in said if "ikke gemt" in m]
        assert failed, said
        assert "disken er fuld" in failed[-1]
        # Not "(og i gendannelseskopien)": that copy could not be written either.
        assert "og i gendannelseskopien" not in failed[-1], failed[-1]
        assert "gendannelseskopien kunne heller ikke skrives" in failed[-1]
        assert screen.document.dirty


async def test_the_copy_is_mentioned_when_it_was_written(
    funnel: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, JourneyMapScreen)
        screen.document.editor.set(("title",), "Ny titel")
        monkeypatch.setattr(JourneyDocument, "write", _full)
        await pilot.press("ctrl+s")
        await settle(pilot)
        failed = [n.message for n in app._notifications if "ikke gemt" in n.message]
        assert failed and "og i gendannelseskopien" in failed[-1]


def _hint(app: KunderejseApp) -> str:
    assert isinstance(app.screen, LoadErrorScreen)
    return str(app.screen.query_one("#load-error-hint", Static).render())


@pytest.mark.parametrize("kind", ["empty", "fifo"])
async def test_no_merge_conflict_hint_without_conflict_markers(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "x.journey.yaml"
    if kind == "empty":
        path.write_bytes(b"")
    else:
        os.mkfifo(path)  # opening it would block: it must be refused before that
    app = KunderejseApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, timeout=10)
        hint = _hint(app)
        assert "merge" not in hint and "konflikt" not in hint, hint
        assert "r" in hint


async def test_the_merge_conflict_hint_when_there_are_markers(tmp_path: Path) -> None:
    path = tmp_path / "x.journey.yaml"
    lines = FUNNEL.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4:5] = ["<<<<<<< HEAD\n", "language: da\n", "=======\n", "language: en\n", ">>>>>>> x\n"]
    path.write_text("".join(lines), encoding="utf-8")
    app = KunderejseApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "merge-konflikt" in _hint(app)
