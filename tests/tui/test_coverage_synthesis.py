"""The coverage and synthesis views on tests/data/evidence-known.yaml (numbers counted by hand).

The counts are documented in tests/test_evidence.py; here they must reach the
screen: each stage and touchpoint with its answers or "assumed", the quotes with
who said them and when, the jump to the interview, and the synthesis filters.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widgets import DataTable, OptionList, Select, Static, TabbedContent

from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.evidence import coverage
from kunderejse_tui.journey.templates import new_journey
from kunderejse_tui.tui.screens.coverage import CoverageList, CoverageScreen
from kunderejse_tui.tui.screens.interview import InterviewScreen
from kunderejse_tui.tui.screens.synthesis import SynQuestionList, SynthesisScreen
from kunderejse_tui.tui.widgets.evidence import QuoteList, evidence_badge, stage_evidence
from tests.tui.helpers import REPO, focused, settle

KNOWN = REPO / "tests" / "data" / "evidence-known.yaml"
SIZE = (120, 40)


class Host(App[None]):
    """One screen over an empty app, in a chosen UI language."""

    def __init__(self, make: Callable[[], Screen[Any]], lang: str = "da") -> None:
        super().__init__()
        self.make = make
        self.lang = lang

    def on_mount(self) -> None:
        self.push_screen(self.make())


@pytest.fixture
def known(tmp_path: Path) -> JourneyDocument:
    path = tmp_path / KNOWN.name
    shutil.copyfile(KNOWN, path)
    return JourneyDocument.load(path)


def rows(screen: CoverageScreen) -> list[tuple[str, str]]:
    """(name, status) of each row, as shown."""
    out = []
    for option in screen.query_one(CoverageList).options:
        text = str(option.prompt).strip()
        match = re.match(r"(.+?)\s{1,}(\d+ svar|\d+ answers?|antaget|assumed)$", text)
        assert match, text
        out.append((match.group(1).strip(), match.group(2)))
    return out


def quotes(screen: Screen[Any]) -> list[str]:
    return [str(o.prompt) for o in screen.query_one(QuoteList).options if not o.disabled]


# --------------------------------------------------------------------------- coverage


async def test_coverage_shows_the_known_counts(known: JourneyDocument) -> None:
    app = Host(lambda: CoverageScreen(known))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CoverageScreen)
        assert rows(screen) == [
            ("Fase A", "4 svar"),
            ("Berøring X", "2 svar"),
            ("Berøring Y", "1 svar"),
            ("Fase B", "2 svar"),
            ("Berøring Z", "1 svar"),
            ("Fase C", "antaget"),  # its only answer has no text yet
            ("Berøring W", "antaget"),
            ("Fase D", "1 svar"),
            ("Svar uden kobling", "2 svar"),  # i2.2 names a stage that does not exist; i3.1
        ]
        summary = str(screen.query_one("#cov-summary", Static).render())
        assert "3 interviews · 8 svar · 1 uden samtykke tæller med" in summary
        assert "Antaget (intet interview bakker dem op): faser 1 · berøringspunkter 1" in summary
        assert "Henvisninger til faser eller berøringspunkter, der ikke findes: 1" in summary

        # Fase A: four quotes in file order, with who and when; Mona's is marked.
        shown = quotes(screen)
        assert len(shown) == 4
        assert shown[0].startswith("❝ Svar 1.1 nævner både fase A og X.")
        assert "— Jens Hansen · 2026-01-05 · Pia" in shown[0]
        assert "— Mona Berg · 2026-01-12 · Per  ⚠ uden samtykke" in shown[2]
        assert "Hvornår og hvordan opdagede du, at du havde et behov?" in shown[0]
        assert "#pris" in shown[0]

        await pilot.press("down", "down")  # Berøring Y
        assert len(quotes(screen)) == 1 and "Svar 2.2 nævner Z og Y" in quotes(screen)[0]
        await pilot.press("down", "down", "down")  # Fase C
        assert quotes(screen) == []
        assert "Spørg ind til det i næste interview" in str(
            screen.query_one(QuoteList).options[0].prompt
        )
        await pilot.press("end")  # the answers linked to nothing
        assert [q.splitlines()[0] for q in quotes(screen)] == [
            "❝ Svar 2.3 peger på en fase, der ikke findes.",
            "❝ Svar 3.2 er ikke knyttet til noget.",
        ]


async def test_only_assumed_and_leaving_out_the_unconsented(known: JourneyDocument) -> None:
    app = Host(lambda: CoverageScreen(known), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CoverageScreen)
        await pilot.press("a")
        assert rows(screen) == [("Fase C", "assumed"), ("Berøring W", "assumed")]
        await pilot.press("a", "u")  # all again, without Mona (no consent)
        assert rows(screen)[:5] == [
            ("Fase A", "2 answers"),
            ("Berøring X", "2 answers"),
            ("Berøring Y", "assumed"),
            ("Fase B", "1 answer"),
            ("Berøring Z", "assumed"),
        ]
        summary = str(screen.query_one("#cov-summary", Static).render())
        assert "2 interviews · 5 answers · 1 without consent hidden (u shows them)" in summary
        assert all("no consent" not in q for q in quotes(screen))


async def test_a_quote_opens_its_interview_at_that_answer(known: JourneyDocument) -> None:
    app = Host(lambda: CoverageScreen(known))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        coverage_screen = app.screen
        await pilot.press("enter")  # Fase A: to its quotes
        assert app.focused is coverage_screen.query_one(QuoteList)
        await pilot.press("down", "down", "down", "enter")  # the fourth: Mona's i2.1
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.session.interview_index == 1
        assert screen.slot.index == 1
        assert screen.answer_box.text == "Svar 2.2 nævner Z og Y,\npå to linjer."
        assert str(screen.query_one("#iv-question", Static).render()) == "Hvem var ellers med?"
        assert "uden samtykke" in str(screen.query_one("#iv-status", Static).render())
        await pilot.press("f3")
        await pilot.pause()
        # The picker shows the answer's links marked.
        marked = [
            str(o.prompt).strip() for o in app.screen.query("OptionList").first(OptionList).options
        ]
        assert [m for m in marked if m.startswith("[x]")] == [
            "[x] Berøring Y  ‹ Fase A",
            "[x] Berøring Z  ‹ Fase B",
        ]
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert app.screen is coverage_screen
        await pilot.press("escape")  # from the quotes back to the list
        assert focused(app) is coverage_screen.query_one(CoverageList)


# --------------------------------------------------------------------------- synthesis


def question_rows(screen: SynthesisScreen) -> list[str]:
    return [" ".join(str(o.prompt).split()) for o in screen.query_one(SynQuestionList).options]


async def test_synthesis_filters_by_persona_and_tag(known: JourneyDocument) -> None:
    app = Host(lambda: SynthesisScreen(known))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SynthesisScreen)
        count = screen.query_one("#syn-count", Static)
        assert str(count.render()) == "8 svar fra 3 interviews"
        listed = question_rows(screen)
        assert listed[0] == "1. Hvornår og hvordan opdagede du, at du havde et behov? (2)"
        assert listed[4] == "5. Hvorfor valgte du at købe hos os? (1)"  # i1.3 has no text
        assert listed[8:] == ["↳ Hvem var ellers med? (3)"]  # three spellings, one question
        assert [q.splitlines()[0] for q in quotes(screen)] == [
            "❝ Svar 1.1 nævner både fase A og X.",
            "❝ Svar 2.1 om fase A.",
        ]

        # Persona Pia (p1) by the keyboard: p opens the filter.
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.persona == "p1"
        assert str(count.render()) == "5 svar fra 2 interviews"
        assert app.focused is screen.query_one(SynQuestionList)
        assert [q.splitlines()[0] for q in quotes(screen)] == [
            "❝ Svar 1.1 nævner både fase A og X."
        ]

        # And the tag "tid": Pia's answers that carry it.
        screen.query_one("#syn-tag", Select).value = "tid"
        await pilot.pause()
        assert str(count.render()) == "3 svar fra 2 interviews"
        assert question_rows(screen)[1] == "2. Hvordan og hvornår stødte du første gang på os? (1)"
        assert question_rows(screen)[4] == "5. Hvorfor valgte du at købe hos os? (1)"
        assert question_rows(screen)[8] == "↳ Hvem var ellers med? (1)"

        # Per (p2) has no answer tagged "tid".
        screen.query_one("#syn-persona", Select).value = "p2"
        await pilot.pause()
        assert str(count.render()) == "0 svar fra 0 interviews"
        assert quotes(screen) == []

        screen.query_one("#syn-persona", Select).clear()
        screen.query_one("#syn-tag", Select).clear()
        await pilot.pause()
        assert str(count.render()) == "8 svar fra 3 interviews"


async def test_the_tag_overview_and_a_tag_as_filter(known: JourneyDocument) -> None:
    app = Host(lambda: SynthesisScreen(known), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SynthesisScreen)
        await pilot.press("2")
        await pilot.pause()
        table = screen.query_one(DataTable)
        assert app.focused is table
        cells = [[str(c) for c in table.get_row_at(r)] for r in range(table.row_count)]
        assert cells[:2] == [["tid", "3", "i1, i3"], ["pris", "2", "i1"]]
        assert [c[0] for c in cells[2:]] == ["service", "zebra", "ærlig", "ånd"]
        assert cells[2][2] == "i2 ⚠ no consent"  # Mona's interview, marked here too
        await pilot.press("down", "enter")  # pris
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "syn-by-question"
        assert screen.tag == "pris"
        assert str(screen.query_one("#syn-count", Static).render()) == "2 answers from 1 interview"

        await pilot.press("u")  # without Mona: "service" goes from the overview
        await pilot.pause()
        assert "service" not in [t.tag for t in screen.tags]


async def test_synthesis_opens_an_answer_in_its_interview(known: JourneyDocument) -> None:
    app = Host(lambda: SynthesisScreen(known))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("end", "enter")  # the own question; to its answers
        await pilot.press("down", "down", "enter")  # the third: i3.1
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert (screen.session.interview_index, screen.slot.index) == (2, 1)
        assert screen.answer_box.text == "Svar 3.2 er ikke knyttet til noget."


async def test_coverage_and_synthesis_switch_into_each_other(known: JourneyDocument) -> None:
    app = Host(lambda: CoverageScreen(known))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("y")  # the map's keys: y synthesis, o coverage
        await settle(pilot)
        assert isinstance(app.screen, SynthesisScreen)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, CoverageScreen)
        assert len(app.screen_stack) == 2  # switched, never stacked


# --------------------------------------------------------------------------- badges, strings


def test_the_map_badge(known: JourneyDocument) -> None:
    cov = coverage(known.data)
    assert evidence_badge(cov, "da", stage_id="a") == "4 svar"
    assert evidence_badge(cov, "da", stage_id="c") == "antaget"
    assert evidence_badge(cov, "en", touchpoint_id="y") == "1 answer"
    assert evidence_badge(cov, "en", touchpoint_id="x") == "2 answers"
    assert evidence_badge(cov, "en", touchpoint_id="w") == "assumed"
    assert evidence_badge(cov, "da", stage_id="nope") == ""
    # A journey nobody has been interviewed for yet is not "assumed" everywhere.
    fresh = coverage(new_journey("funnel-5", "da", "Ny"))
    assert evidence_badge(fresh, "da", stage_id="attract") == ""
    # One call per map column.
    assert stage_evidence(cov, 0, "da") == ("4 svar", {"x": "2 svar", "y": "1 svar"})
    assert stage_evidence(cov, 2, "en") == ("assumed", {"w": "assumed"})
    assert stage_evidence(cov, 9, "da") == ("", {})
    assert stage_evidence(fresh, 0, "da") == ("", {})


async def test_letters_search_an_open_filter_list(known: JourneyDocument) -> None:
    app = Host(lambda: SynthesisScreen(known))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SynthesisScreen)
        await pilot.press("m")  # opens the tag filter
        await pilot.pause()
        await pilot.press("t", "i", "enter")  # "ti": the tag "tid", not the key t again
        await pilot.pause()
        assert screen.tag == "tid"
        assert str(screen.query_one("#syn-count", Static).render()) == "3 svar fra 2 interviews"


async def test_the_map_shows_the_known_counts_and_o_opens_the_quotes_of_the_item(
    known: JourneyDocument,
) -> None:
    from kunderejse_tui.tui.app import KunderejseApp
    from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen

    app = KunderejseApp(known.path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, JourneyMapScreen)

        def shown(column: int) -> list[str]:
            return [str(o.prompt) for o in screen.journey_map.columns[column].options]

        fase_a, fase_c = shown(0), shown(2)
        assert fase_a[0].splitlines()[-1] == "❝ 4 svar"
        kinds = [r.kind if r else None for r in screen.journey_map.columns[0].rows]
        touchpoints = [o for o, k in zip(fase_a, kinds, strict=True) if k == "touchpoint"]
        assert [t.splitlines()[-1].strip() for t in touchpoints] == ["❝ 2 svar", "❝ 1 svar"]
        assert fase_c[0].splitlines()[-1] == "○ antaget"
        assert "○ antaget" in next(o for o in fase_c if "Berøring W" in o)

        # On Berøring Y (second touchpoint of Fase A), o shows its one quote.
        column, _ = screen.journey_map.current() or (None, None)
        assert column is not None
        column.select_path(("stages", 0, "touchpoints", 1))
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, CoverageScreen)
        assert app.screen.current is not None and app.screen.current.name == "Berøring Y"
        assert len(quotes(app.screen)) == 1
        assert "Svar 2.2 nævner Z og Y" in quotes(app.screen)[0]
        await pilot.press("escape")
        await settle(pilot)

        # An answer linked to Fase C in the file: the column redraws with its count.
        assert isinstance(app.screen, JourneyMapScreen)
        doc = app.screen.document
        first = next(i for i, v in enumerate(doc.data["interviews"]) if v.get("consent"))
        doc.editor.add_answer(first, "Nyt svar om C", question="evaluation", stages=["c"])
        await settle(pilot)
        assert shown(2)[0].splitlines()[-1] == "❝ 1 svar"
