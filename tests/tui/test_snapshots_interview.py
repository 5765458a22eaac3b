"""Snapshots of interview mode, the picker, coverage and synthesis, in Danish and English.

Fixed size, a fixed "today" and a steady cursor. The Danish ones use the Danish
car sample, the English ones the English B2B sample, so the questions are in the
journey's language as they are in use. Update after a deliberate UI change with
``pytest --snapshot-update tests/tui/test_snapshots_interview.py`` and look at the SVGs.
"""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.tui.screens.coverage import CoverageScreen
from kunderejse_tui.tui.screens.interview import InterviewScreen
from kunderejse_tui.tui.screens.interview_start import InterviewStartScreen
from kunderejse_tui.tui.screens.synthesis import SynthesisScreen
from tests.tui.helpers import REPO, SAMPLES

SIZE = (110, 36)
Snap = Callable[..., bool]
SAMPLE = {"da": "bilkoeb-privat.journey.yaml", "en": "b2b-software.journey.yaml"}


class Host(App[None]):
    """One screen over an empty app, in a chosen UI language, with the cursor held still."""

    def __init__(self, make: Callable[[], Screen[Any]], lang: str) -> None:
        super().__init__()
        self.make = make
        self.lang = lang

    def on_mount(self) -> None:
        self.push_screen(self.make())


@pytest.fixture(autouse=True)
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def document(tmp_path: Path, lang: str) -> JourneyDocument:
    path = tmp_path / SAMPLE[lang]
    shutil.copyfile(SAMPLES / SAMPLE[lang], path)
    return JourneyDocument.load(path)


def keys(*presses: str) -> Callable[[Pilot[Any]], Any]:
    async def run(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press(*presses)
        await pilot.pause(0.1)

    return run


@pytest.mark.parametrize("lang", ["da", "en"])
def test_interview_screen(lang: str, tmp_path: Path, snap_compare: Snap) -> None:
    doc = document(tmp_path, lang)
    # The first interview, at its second answer: a linked and tagged one.
    app = Host(lambda: InterviewScreen(doc, 0, answer_index=1), lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys())


@pytest.mark.parametrize("lang", ["da", "en"])
def test_interview_screen_without_consent(lang: str, tmp_path: Path, snap_compare: Snap) -> None:
    doc = document(tmp_path, lang)
    doc.editor.delete(("interviews", 0, "consent"))
    app = Host(lambda: InterviewScreen(doc, 0, answer_index=0), lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("pagedown"))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_link_picker(lang: str, tmp_path: Path, snap_compare: Snap) -> None:
    doc = document(tmp_path, lang)
    app = Host(lambda: InterviewScreen(doc, 0, answer_index=1), lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("f3"))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_tag_picker_filtered(lang: str, tmp_path: Path, snap_compare: Snap) -> None:
    doc = document(tmp_path, lang)
    app = Host(lambda: InterviewScreen(doc, 0, answer_index=0), lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("f2", "p", "r"))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_follow_up_picker(lang: str, tmp_path: Path, snap_compare: Snap) -> None:
    doc = document(tmp_path, lang)
    app = Host(lambda: InterviewScreen(doc, 0, answer_index=0), lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("f4"))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_start_screen(lang: str, tmp_path: Path, snap_compare: Snap) -> None:
    doc = document(tmp_path, lang)
    today = datetime.date(2026, 11, 24)
    app = Host(lambda: InterviewStartScreen(doc, today=lambda: today), lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys())


@pytest.mark.parametrize("lang", ["da", "en"])
def test_coverage(lang: str, tmp_path: Path, snap_compare: Snap) -> None:
    doc = document(tmp_path, lang)
    app = Host(lambda: CoverageScreen(doc), lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("down"))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_synthesis(lang: str, tmp_path: Path, snap_compare: Snap) -> None:
    doc = document(tmp_path, lang)
    app = Host(lambda: SynthesisScreen(doc), lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("down"))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_synthesis_tag_overview(lang: str, tmp_path: Path, snap_compare: Snap) -> None:
    doc = document(tmp_path, lang)
    app = Host(lambda: SynthesisScreen(doc), lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=keys("2"))
