"""The app dates what it saves: `updated:` is the app clock's today after a save with
changes, and a save without changes writes nothing at all."""

from __future__ import annotations

import datetime
from pathlib import Path

from kunderejse_tui.journey.yamlio import load_file
from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from tests.tui.helpers import settle, shows, the_document

SIZE = (120, 40)


async def test_ctrl_s_dates_the_change_and_ctrl_z_takes_the_date_back(funnel: Path) -> None:
    app = KunderejseApp(funnel, today=lambda: datetime.date(2027, 1, 5))
    async with app.run_test(size=SIZE) as pilot:
        await shows(pilot, JourneyMapScreen)
        await settle(pilot)
        await pilot.press("ctrl+s")  # nothing changed: nothing written, no date
        await settle(pilot)
        assert load_file(funnel).data["updated"] == "2026-11-20"
        await pilot.press("d")  # delete the first stage
        await settle(pilot)
        await pilot.press("x")  # the stage holds items: confirm
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = funnel.read_bytes()
        assert load_file(funnel).data["updated"] == "2027-01-05"
        doc = the_document(app)
        assert doc.data["updated"] == "2027-01-05" and not doc.dirty
        await pilot.press("ctrl+s")  # saved already: the same bytes stay
        await settle(pilot)
        assert funnel.read_bytes() == saved
        await pilot.press("ctrl+z")  # the stage comes back, and the old date with it
        await settle(pilot)
        assert doc.data["updated"] == "2026-11-20" and doc.dirty
