"""Text typed into an open editor form survives a kill -9 and a closed terminal (tmux, real
signals): the recovery copy holds it, and restoring then saving puts it in the file.
(Issue 15, item 5.)"""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from kunderejse_tui.journey.locks import lock_file
from kunderejse_tui.journey.recovery import list_recoveries
from kunderejse_tui.journey.yamlio import load_file
from tests.tmux_app import ROOT, TmuxApp, wait_until

SAMPLE = ROOT / "sample_journeys" / "bilkoeb-privat.journey.yaml"
TYPED = " efter workshoppen"
NAME = "Tiltræk"  # the first stage, whose form Enter opens on a fresh map
DELAY = 0.3


def start(apps: list[TmuxApp], journey: Path, state: Path) -> TmuxApp:
    app = TmuxApp([journey], state, DELAY)
    apps.append(app)
    return app


@pytest.mark.parametrize("how", ["SIGKILL", "SIGHUP"])
def test_text_typed_in_an_open_form_is_restored_after_a_crash(
    apps: list[TmuxApp], journey: Path, state: Path, how: str
) -> None:
    original = journey.read_bytes()
    app = start(apps, journey, state)
    app.wait_for(NAME)
    wait_until("the session lock", lock_file(journey).exists)
    app.keys("Enter")  # the first stage's form; the cursor waits at the end of its name
    app.wait_for(f"Stage · {NAME}")
    app.type(TYPED)
    app.wait_for(NAME + TYPED)
    # Past the copy's delay: the typed text (never applied) must be in a copy by now.
    wait_until(
        "a copy holding the typed text",
        lambda: any(rec.data["stages"][0]["name"] == NAME + TYPED for rec in list_recoveries()),
        timeout=DELAY * 10 + 10,
    )
    app.signal(getattr(signal, how))
    app.wait_gone()
    assert journey.read_bytes() == original
    again = start(apps, journey, state)
    again.wait_for("Unsaved changes found")
    again.keys("r")
    again.wait_for(NAME + TYPED.rstrip()[:10])  # on the map, in the first stage's column
    again.keys("C-s")
    wait_until("the save", lambda: journey.read_bytes() != original)
    assert load_file(journey).data["stages"][0]["name"] == NAME + TYPED
    wait_until("the copy to go after the save", lambda: not list_recoveries())
    again.keys("C-q")
    again.wait_gone()


def test_a_form_closed_without_applying_leaves_no_copy(
    apps: list[TmuxApp], journey: Path, state: Path
) -> None:
    """Escape, then Discard: the typed text was thrown away on purpose, so its copy goes."""
    app = start(apps, journey, state)
    app.wait_for(NAME)
    wait_until("the session lock", lock_file(journey).exists)
    app.keys("Enter")
    app.wait_for(f"Stage · {NAME}")
    app.type(TYPED)
    wait_until("a copy of the typed text", list_recoveries, timeout=DELAY * 10 + 10)
    app.keys("Escape")
    app.wait_for("Discard")
    app.keys("d")
    wait_until("the copy to go", lambda: not list_recoveries())
    time.sleep(DELAY * 3)  # and no later copy brings it back
    assert not list_recoveries()
    app.keys("C-q")
    app.wait_gone()
