"""A change on disk while a big save renders and verifies is never overwritten
(issue 15, item 4).

A 6 MB journey takes seconds from the disk check to the rename. Another writer
(a ``git pull``, a colleague's editor) replaces the file in between: here from
inside the save, right after the text is rendered, through the real file
system. The other writer's bytes must survive, the app must show its
"changed on disk" dialog, and it must never say "Saved".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import generate_journey
from kunderejse_tui.journey import fileio
from kunderejse_tui.journey.dump import dump
from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from kunderejse_tui.tui.screens.recovery import ChoiceDialog
from tests.tui.helpers import settle, shows


@pytest.fixture
def six_mb_journey(tmp_path: Path) -> Path:
    data = generate_journey(touchpoints_per_stage=250, interviews=1700)
    (tmp_path / "work").mkdir()
    path = tmp_path / "work" / "stor.journey.yaml"
    path.write_text(dump(data), encoding="utf-8")
    assert path.stat().st_size > 5_500_000
    return path


async def test_a_change_during_a_slow_save_is_kept_and_asked_about(
    six_mb_journey: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    theirs = six_mb_journey.read_bytes().replace(
        b"title: Stor kunderejse til benchmarks", b"title: Deres version", 1
    )
    real_render = fileio.render_journey
    renders: list[int] = []

    def render_then_someone_saves(*args: Any, **kwargs: Any) -> str:
        text = real_render(*args, **kwargs)
        if not renders:  # the first save only: the other writer saves once
            six_mb_journey.write_bytes(theirs)
        renders.append(1)
        return text

    monkeypatch.setattr(fileio, "render_journey", render_then_someone_saves)
    app = KunderejseApp(six_mb_journey)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await shows(pilot, JourneyMapScreen, lambda s: not s.document.partial, timeout=120)
        await settle(pilot, timeout=60)
        screen.document.editor.set(("title",), "Vores version")
        await pilot.press("ctrl+s")
        dialog = await shows(pilot, ChoiceDialog, timeout=120)
        assert dialog.title_key == "safety.changed_title"
        assert renders, "the save never rendered"
        assert six_mb_journey.read_bytes() == theirs
        said = [n.message for n in app._notifications]
        assert not any(m.startswith("Gemt") for m in said), said
        assert screen.document.dirty
    assert six_mb_journey.read_bytes() == theirs
