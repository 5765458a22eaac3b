"""A served (confined) app: nothing outside the served folder is opened, exported to,
compared with or listed; an export in a browser is delivered to it as well."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from kunderejse_tui.journey import confinement
from kunderejse_tui.journey.confinement import Confinement
from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.export_files import _based_on
from kunderejse_tui.tui.messages import OpenJourney
from kunderejse_tui.tui.screens.export import ExportScreen
from kunderejse_tui.tui.screens.home import HomeScreen
from kunderejse_tui.tui.screens.prompt import PromptDialog
from tests.tui.helpers import FUNNEL, settle, shows

SIZE = (120, 40)


@pytest.fixture(autouse=True)
def unconfined_afterwards() -> Iterator[None]:
    yield
    confinement.install(Confinement.none())


def notes(app: KunderejseApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_confined_app_opens_and_exports_nothing_outside(
    funnel: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.copyfile(FUNNEL, outside / FUNNEL.name)
    app = KunderejseApp(funnel, confinement=Confinement.to(funnel.parent))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.post_message(OpenJourney(outside / FUNNEL.name))
        await settle(pilot)
        assert any("uden for den serverede mappe" in n for n in notes(app))
        assert app.journey is not None and app.journey.document.path == funnel
        await pilot.press("e")
        screen = await shows(pilot, ExportScreen)
        target = outside / "leak.md"
        screen.query_one("#export-path", Input).value = str(target)
        screen.action_write()
        await settle(pilot)
        assert not target.exists()
        said = notes(app)
        assert any("leak.md" in n and "uden for den serverede mappe" in n for n in said), said


async def test_a_confined_home_lists_no_samples(tmp_path: Path) -> None:
    folder = tmp_path / "served"
    folder.mkdir()
    shutil.copyfile(FUNNEL, folder / FUNNEL.name)
    app = KunderejseApp(folder, confinement=Confinement.to(folder))
    async with app.run_test(size=SIZE) as pilot:
        home = await shows(pilot, HomeScreen)
        await settle(pilot)
        assert home.files == [folder / FUNNEL.name]
        assert home.samples == []
    free = KunderejseApp(folder)
    async with free.run_test(size=SIZE) as pilot:
        home = await shows(pilot, HomeScreen)
        assert home.samples  # the same home unconfined offers them: the test can fail


def test_based_on_outside_is_not_read(tmp_path: Path) -> None:
    served = tmp_path / "served"
    served.mkdir()
    shutil.copyfile(FUNNEL, tmp_path / "current.journey.yaml")
    data = {"state": "future", "based_on": "../current.journey.yaml"}
    journey = served / "future.journey.yaml"
    assert _based_on(data, journey) is not None  # unconfined: read
    confinement.install(Confinement.to(served))
    assert _based_on(data, journey) is None


async def test_an_export_in_a_browser_is_delivered_too(
    funnel: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    delivered: list[Path] = []
    monkeypatch.setattr(KunderejseApp, "is_web", property(lambda self: True))

    def deliver(self: KunderejseApp, path: Path, **kwargs: object) -> str:
        delivered.append(Path(path))
        return "key"

    monkeypatch.setattr(KunderejseApp, "deliver_binary", deliver)
    doc = JourneyDocument.load(funnel)
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ExportScreen(doc, "da"))
        await shows(pilot, ExportScreen)
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert delivered == [funnel.parent / "bilkoeb-privat.md"]
    assert delivered[0].exists()


async def test_save_as_in_a_confined_app_writes_nothing_outside(
    funnel: Path, tmp_path: Path
) -> None:
    app = KunderejseApp(funnel, confinement=Confinement.to(funnel.parent))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("S")
        prompt = await shows(pilot, PromptDialog)
        field = prompt.query_one(Input)
        field.value = "../leak.journey.yaml"
        await pilot.press("enter")
        await settle(pilot)
        leak = funnel.parent.parent / "leak.journey.yaml"
        assert not leak.exists()
        assert isinstance(app.screen, PromptDialog)  # refused in place, with the reason
        assert "uden for den serverede mappe" in str(app.screen.query_one("#prompt-error").render())
        field.value = "inside.journey.yaml"
        await pilot.press("enter")
        await settle(pilot)
        assert (funnel.parent / "inside.journey.yaml").exists()
