"""Every modal screen at 80x24: each button lies inside the screen, is not covered by
another widget, and shows its key (issue 16: "Dialogs must show every choice")."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button

from kunderejse_tui.tui.screens.editors import EditorForm, form_class_for
from kunderejse_tui.tui.screens.help import HelpScreen
from kunderejse_tui.tui.widgets.choice_buttons import columns_for
from tests.tui.modals import DIALOGS, FORMS, Dialogs, host, modal_classes

# Screens whose answers are keys named in a hint line, not buttons.
WITHOUT_BUTTONS = {
    "add_touchpoint", "rename", "save_as_new", "search", "pick_tags", "pick_links", "help",
}  # fmt: skip
KEY_SHOWN = re.compile(r"[\[(][^\])]+[\])]\s*$")


def test_every_modal_is_listed(tmp_path: Path) -> None:
    dialogs = Dialogs(tmp_path)
    listed: set[type[Any]] = {type(make(dialogs)) for make in DIALOGS.values()}
    listed |= {cls for cls in map(form_class_for, FORMS.values()) if cls is not None}
    listed.add(HelpScreen)
    # EditorForm itself is only the base of the forms listed.
    assert modal_classes() - {EditorForm} <= listed, modal_classes() - listed


@pytest.mark.parametrize("name", [*DIALOGS, *FORMS, "help"])
async def test_every_button_is_on_screen_at_80x24(name: str, tmp_path: Path) -> None:
    app = host(Dialogs(tmp_path), name)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ModalScreen)
        buttons = list(screen.query(Button))
        assert bool(buttons) == (name not in WITHOUT_BUTTONS)
        for button in buttons:
            label = Content.from_text(button.label).plain
            region = button.region
            assert region.area > 0, label
            assert screen.region.contains_region(region), (label, region)
            # Not hidden behind another widget: what is drawn at each end is the button.
            for x in (region.x, region.right - 1):
                assert screen.get_widget_at(x, region.y)[0] is button, (label, region)
            assert KEY_SHOWN.search(label), f"{label!r} does not show its key"


@pytest.mark.parametrize("width", [80, 160, 220])
async def test_the_conflict_dialog_shows_all_six_choices(width: int, tmp_path: Path) -> None:
    app = host(Dialogs(tmp_path), "conflict")
    async with app.run_test(size=(width, 24 if width == 80 else 50)) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        buttons = list(screen.query(Button))
        assert [b.id for b in buttons] == [
            "choice-merge", "choice-reload", "choice-keep",
            "choice-new", "choice-diff", "choice-cancel",
        ]  # fmt: skip
        for button in buttons:
            assert screen.region.contains_region(button.region)
            region = button.region
            assert screen.get_widget_at(region.x + region.width // 2, region.y)[0] is button
        focused = app.focused
        assert isinstance(focused, Button) and focused.id == "choice-diff"
        assert screen.region.contains_region(focused.region)


def test_buttons_wrap_by_the_width_they_have() -> None:
    assert columns_for(66, widest=24, count=6) == 2
    assert columns_for(200, widest=24, count=6) == 6
    assert columns_for(20, widest=24, count=3) == 1
    assert columns_for(80, widest=5, count=2) == 2
