"""A snapshot of the compare screen on the sample pair (120x40), in Danish and in English.

The stage of the seventh change (a new touchpoint) is scrolled into view, so the
rename, the emotion change, the added and the removed touchpoint and the marked
row are all on screen. Update after a deliberate change with
``pytest --snapshot-update tests/tui/test_snapshots_compare.py`` and look at the SVGs.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot

from kunderejse_tui.journey.yamlio import load_file
from kunderejse_tui.tui.screens.compare import CompareScreen
from tests.tui.helpers import REPO, settle

PAIR = REPO / "tests" / "data" / "compare"
SIZE = (120, 40)


class Host(App[None]):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def on_mount(self) -> None:
        current = load_file(PAIR / "bilkoeb.journey.yaml").data
        future = load_file(PAIR / "bilkoeb-fremtid.journey.yaml").data
        self.push_screen(
            CompareScreen(
                current, future, self.lang, "bilkoeb.journey.yaml", "bilkoeb-fremtid.journey.yaml"
            )
        )


async def to_the_added_touchpoint(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press(*["n"] * 6)
    await settle(pilot)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_compare_screen(lang: str, snap_compare: Any) -> None:
    assert snap_compare(Host(lang), terminal_size=SIZE, run_before=to_the_added_touchpoint)
