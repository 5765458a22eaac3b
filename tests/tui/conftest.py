"""Fixtures for the app's Pilot and snapshot tests (helpers: tests/tui/helpers.py).

``async def`` tests run under ``asyncio.run`` (the project has no async pytest
plugin); fixtures work as usual.
"""

from __future__ import annotations

import asyncio
import inspect
import os
import shutil
import subprocess
import sys
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from kunderejse_tui.journey import recovery
from kunderejse_tui.tui import recovery_service
from tests.tui.helpers import FUNNEL, HOLDER, LIFECYCLE, settle


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture
def settled() -> Callable[..., Awaitable[None]]:
    return settle


@pytest.fixture
def funnel(tmp_path: Path) -> Path:
    """A private copy of the funnel sample (the tests edit and save it), alone in its folder."""
    (tmp_path / "work").mkdir()
    target = tmp_path / "work" / FUNNEL.name
    shutil.copyfile(FUNNEL, target)
    return target


@pytest.fixture
def lifecycle(tmp_path: Path) -> Path:
    (tmp_path / "work").mkdir(exist_ok=True)
    target = tmp_path / "work" / LIFECYCLE.name
    shutil.copyfile(LIFECYCLE, target)
    return target


@pytest.fixture(autouse=True)
def steady_cursors(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cursors that never blink: a screenshot taken mid-blink would differ from run to
    run. The app itself blinks as Textual does; this switch lives in the tests only."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


@pytest.fixture(autouse=True)
def private_state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Locks and recovery copies of app tests never touch the user's real state folder."""
    state = tmp_path / "kunderejse-state"
    monkeypatch.setenv("KUNDEREJSE_STATE_DIR", str(state))
    return state


@pytest.fixture
def quick_copies(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A state folder apart from the journey's (so "no file appeared there" can be
    checked) and recovery copies 0.05 s behind the keyboard: for the safety tests."""
    directory = tmp_path_factory.mktemp("state")
    monkeypatch.setenv(recovery.ENV_STATE_DIR, str(directory))
    monkeypatch.setattr(recovery_service, "RECOVERY_DELAY", 0.05)
    return directory


@pytest.fixture
def big_journey(tmp_path: Path) -> Path:
    """The funnel sample with its interviews repeated 120 times (~0.4 MB): big enough
    for the map to show a preview while the interviews are read."""
    from kunderejse_tui.journey.dump import dump
    from kunderejse_tui.journey.yamlio import load_file

    loaded = load_file(FUNNEL)
    data = loaded.data
    data["interviews"] = [
        {**iv, "id": f"{iv['id']}-{n}"} for n in range(120) for iv in data["interviews"]
    ]
    (tmp_path / "work").mkdir(exist_ok=True)
    target = tmp_path / "work" / "stor.journey.yaml"
    target.write_text(dump(data, loaded.schema_line), encoding="utf-8")
    return target


@pytest.fixture
def other_session(funnel: Path) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(funnel)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "Lock"
    yield proc
    proc.kill()
    proc.wait()
