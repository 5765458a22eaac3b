"""Interview mode with the keyboard: start, answer, follow up, tag, link, save, reopen.

The app runs as the user meets it (the map first); the interview screens are
pushed the way the map's "interview" key pushes them (``open_interviews``).
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from kunderejse_tui.journey import recovery
from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.recovery import find_recovery
from kunderejse_tui.journey.templates import QUESTION_BANK, QUESTION_IDS
from kunderejse_tui.journey.validate import validate_loaded
from kunderejse_tui.journey.yamlio import load_file
from kunderejse_tui.tui import recovery_service
from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens import interview as interview_module
from kunderejse_tui.tui.screens.evidence_picker import PickerScreen
from kunderejse_tui.tui.screens.interview import (
    InterviewScreen,
    InterviewSession,
    QuestionList,
    build_slots,
)
from kunderejse_tui.tui.screens.interview_start import (
    InterviewList,
    InterviewStartScreen,
    open_interviews,
    valid_date,
)
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from tests.tui.helpers import focused, open_map, settle

SIZE = (120, 40)
TODAY = datetime.date(2026, 11, 24)


@pytest.fixture(autouse=True)
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Recovery copies and locks in a private folder, written moments after an edit."""
    directory = tmp_path / "state"
    monkeypatch.setenv(recovery.ENV_STATE_DIR, str(directory))
    monkeypatch.setattr(recovery_service, "RECOVERY_DELAY", 0.05)
    return directory


def the_map(app: KunderejseApp) -> JourneyMapScreen:
    screen = open_map(app)
    assert screen is not None
    return screen


def the_interview(app: KunderejseApp) -> InterviewScreen:
    screen = app.screen
    assert isinstance(screen, InterviewScreen), screen
    return screen


async def type_text(pilot: Pilot[Any], text: str) -> None:
    keys = {" ": "space", "\n": "enter"}
    await pilot.press(*[keys.get(c, c) for c in text])


async def written(pilot: Pilot[Any], timeout: float = 5.0) -> None:
    """Past the moment between a keystroke and the journey holding it (however busy the machine)."""
    await pilot.pause(interview_module.WRITE_DELAY + 0.05)
    for _ in range(int(timeout / 0.05)):
        screen = pilot.app.screen
        if not isinstance(screen, InterviewScreen) or screen._write_timer is None:
            break
        await pilot.pause(0.05)
    await pilot.pause()


async def start_interview(
    pilot: Pilot[Any], respondent: str, *, persona_steps: int = 0, consent: bool = True
) -> InterviewScreen:
    app = pilot.app
    assert isinstance(app, KunderejseApp)
    open_interviews(app, the_map(app).document, today=lambda: TODAY)
    await settle(pilot)
    assert isinstance(app.screen, InterviewStartScreen)
    assert app.focused is app.screen.query_one("#ivs-respondent", Input)
    await type_text(pilot, respondent)
    if persona_steps:
        await pilot.press("tab", "enter", *["down"] * persona_steps, "enter")
        await pilot.pause()
    if consent:
        app.screen.query_one("#ivs-consent", Checkbox).focus()
        await pilot.press("space")
    app.screen.query_one("#ivs-respondent", Input).focus()
    await pilot.press("enter")
    await settle(pilot)
    return the_interview(app)


# --------------------------------------------------------------------------- the whole interview


ANSWERS = [
    "Leasingaftalen udløb, og vi ventede tvillinger.",
    "En kollega viste mig sin nye bil.",
    "Jeg googlede og læste tests.",
    "Pris pr. måned og plads til barnevogn.",
    "Fast pris på byttebilen.",
    "God service ved første eftersyn.",
    "Cirka seks uger.",
    "Hurtigere svar på mail.",
]


async def test_a_whole_interview_is_kept_saved_and_valid(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        doc = the_map(app).document
        before = len(doc.data["interviews"])
        screen = await start_interview(pilot, "Jens Hansen", persona_steps=1)
        interview = doc.data["interviews"][before]
        assert interview == {
            "id": "2026-11-24-mette",  # the date and the persona: no name in the id
            "persona": "mette",
            "date": "2026-11-24",
            "interviewer": "Lars",  # the interviewer of the last interview, as a default
            "respondent": "Jens Hansen",
            "consent": True,
        }
        assert app.focused is screen.answer_box

        # The eight bank questions in order, in the journey's language.
        shown = screen.query_one("#iv-question", Static)
        for n, answer in enumerate(ANSWERS):
            assert str(shown.render()) == QUESTION_BANK[n].text.da
            await type_text(pilot, answer)
            if n == 1:
                # A follow-up right after the second question: a suggestion, stored with ask:.
                await pilot.press("f4")
                await pilot.pause()
                assert isinstance(app.screen, PickerScreen)
                picker = app.screen
                # The suggestions fit "how did you first come across us?" first.
                assert picker.items[0].key == "Hvor præcis så eller hørte du om os første gang?"
                await pilot.press("enter")  # the first suggestion
                await pilot.pause()
                assert str(shown.render()) == "Hvor præcis så eller hørte du om os første gang?"
                # Counted as the list counts: no number of its own, 8 bank questions.
                status = str(screen.query_one("#iv-status", Static).render())
                assert status.startswith("Opfølgning på spørgsmål 2 af 8 ·"), status
                await type_text(pilot, "Min kone.")
                # Link it to a stage and a touchpoint, tag it with a new and an old tag.
                await pilot.press("f3")
                await pilot.pause()
                await type_text(pilot, "luk")
                await pilot.press("tab")  # the stage "Luk", marked; the filter starts over
                await type_text(pilot, "trustpilot")
                await pilot.press("enter")  # marks the touchpoint and finishes
                await pilot.pause()
                await pilot.press("ctrl+g")
                await pilot.pause()
                await type_text(pilot, "familie")
                await pilot.press("tab")
                await type_text(pilot, "pris")
                await pilot.press("enter")
                await pilot.pause()
            await pilot.press("pagedown")
            await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        assert the_map(app) is app.screen

        answers = doc.data["interviews"][before]["answers"]
        assert [a.get("question") or a.get("ask") for a in answers] == [
            *QUESTION_IDS[:2],
            "Hvor præcis så eller hørte du om os første gang?",
            *QUESTION_IDS[2:],
        ]
        assert [a["text"] for a in answers if "question" in a] == ANSWERS
        assert answers[2] == {
            "ask": "Hvor præcis så eller hørte du om os første gang?",
            "text": "Min kone.",
            "stages": ["close"],
            "touchpoints": ["trustpilot"],
            "tags": ["familie", "pris"],
        }
        doc.save()

    loaded = load_file(funnel)
    assert loaded.data["interviews"][before]["answers"] == answers
    assert loaded.data["interviews"][before]["consent"] is True
    assert validate_loaded(loaded, funnel.parent) == []
    reopened = JourneyDocument.load(funnel)
    assert reopened.data == loaded.data


async def test_ctrl_s_saves_from_the_interview_through_the_map(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_interview(pilot, "Kunde C")
        await type_text(pilot, "Et svar")
        await pilot.press("ctrl+s")  # the box is written first, then the map saves
        await settle(pilot)
        assert not the_map(app).document.dirty
    saved = load_file(funnel).data["interviews"][-1]
    assert saved["answers"] == [{"question": "need-discovery", "text": "Et svar"}]
    assert saved["consent"] is True


# --------------------------------------------------------------------------- typing


async def test_answers_go_into_the_journey_as_you_type_one_undo_step_each(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        doc = the_map(app).document
        await start_interview(pilot, "Kunde D")
        editor = doc.editor
        steps = len(editor._undo)
        await type_text(pilot, "Vi")
        await written(pilot)
        answers = doc.data["interviews"][-1]["answers"]
        assert answers == [
            {"question": "need-discovery", "text": "Vi"}
        ]  # no key pressed but letters
        await type_text(pilot, " fik tvillinger")
        await written(pilot)
        await type_text(pilot, ", og bilen var for lille.")
        await written(pilot)
        assert answers[0]["text"] == "Vi fik tvillinger, og bilen var for lille."
        # Created once, then the typing is one coalesced step (not one per write).
        assert len(editor._undo) == steps + 2
        await pilot.press("pagedown")
        await type_text(pilot, "Face")
        await written(pilot)
        await type_text(pilot, "book")
        await written(pilot)
        await type_text(pilot, " og Google")
        await written(pilot)
        assert len(editor._undo) == steps + 4
        assert [a["text"] for a in answers] == [
            "Vi fik tvillinger, og bilen var for lille.",
            "Facebook og Google",
        ]


async def test_no_empty_answer_is_saved_and_clearing_removes_it(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        doc = the_map(app).document
        screen = await start_interview(pilot, "Kunde E")
        iv = doc.data["interviews"][-1]
        await pilot.press("pagedown", "pagedown", "pagedown")  # three skipped: nothing written
        await pilot.press("pageup")
        await type_text(pilot, "   ")  # blanks are no answer either
        await written(pilot)
        assert "answers" not in iv

        # Tags before any text wait for the text.
        await pilot.press("f2")
        await type_text(pilot, "venter")
        await pilot.press("enter")
        await pilot.pause()
        assert "answers" not in iv
        await type_text(pilot, "Google")
        await written(pilot)
        assert iv["answers"] == [
            {"question": "information-search", "text": "Google", "tags": ["venter"]}
        ]

        screen.answer_box.focus()
        await pilot.press("ctrl+u")  # the TextArea: delete to the start of the line
        await written(pilot)
        assert "answers" not in iv  # removed, and no `answers: []` left behind
        assert "✓" not in str(screen.query_one(QuestionList).options[2].prompt)
        await type_text(pilot, "Bing")  # back: the tags come with it
        await written(pilot)
        assert iv["answers"] == [
            {"question": "information-search", "text": "Bing", "tags": ["venter"]}
        ]

        # An answer before it goes into its place in the file, after the earlier ones.
        await pilot.press("pageup", "pageup")
        await type_text(pilot, "Behovet")
        await pilot.press("pagedown", "pagedown", "pagedown")
        await type_text(pilot, "Pris")
        await pilot.press("escape")
        await settle(pilot)
        assert [a["question"] for a in iv["answers"]] == [
            "need-discovery",
            "information-search",
            "evaluation",
        ]
        assert doc.problems() == []


async def test_typing_in_an_interview_gets_a_recovery_copy(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_interview(pilot, "Kunde F")
        await type_text(pilot, "Ikke gemt endnu")
        await settle(pilot, interview_module.WRITE_DELAY + recovery_service.RECOVERY_DELAY + 0.3)
        copy = find_recovery(funnel)
        assert copy is not None
        assert copy.data["interviews"][-1]["answers"][0]["text"] == "Ikke gemt endnu"


# --------------------------------------------------------------------------- moving around


async def test_skip_goes_to_the_next_unanswered_question_and_the_ends_are_told(
    funnel: Path,
) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        doc = the_map(app).document
        screen = await start_interview(pilot, "Kunde G")
        await pilot.press("pageup")
        assert screen.position == 0
        assert any("first question" in n.message for n in app._notifications)
        await type_text(pilot, "a")
        await pilot.press("pagedown", "pagedown")
        await type_text(pilot, "c")
        await pilot.press("pageup", "pageup")  # back on the first (answered) question
        await pilot.press("f5")
        assert screen.position == 1  # the second has no answer
        await pilot.press("f5")
        assert screen.position == 3  # the third has one
        await pilot.press("ctrl+o")
        assert app.focused is screen.query_one(QuestionList)
        await pilot.press("end", "enter")
        assert screen.position == 7 and focused(app) is screen.answer_box
        await pilot.press("pagedown")
        assert screen.position == 7
        assert any("last question" in n.message for n in app._notifications)
        assert "Question 8 of 8 · 2 answered" in str(screen.query_one("#iv-status").render())
        assert len(doc.data["interviews"][-1]["answers"]) == 2


async def test_continue_an_interview_from_the_list_at_its_first_open_question(
    funnel: Path,
) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        doc = the_map(app).document
        open_interviews(app, doc, today=lambda: TODAY)
        await settle(pilot)
        listing = app.screen.query_one(InterviewList)
        rows = [str(o.prompt) for o in listing.options]
        assert rows[0].startswith("2026-11-03  Kunde A · Mette · Anne · 6 svar")
        assert "uden samtykke" not in rows[0]
        assert rows[1].endswith("⚠ uden samtykke")  # consent absent: marked
        await pilot.press("ctrl+o")
        assert app.focused is listing
        await pilot.press("home", "down", "enter")  # Kunde B
        await settle(pilot)
        screen = the_interview(app)
        # Her answers in file order, the bank questions she was not asked in between.
        slots = screen.session.slots
        assert [s.question or s.ask for s in slots] == [
            "need-discovery",
            "first-contact",
            "information-search",
            "evaluation",
            "why-us",
            "time-to-purchase",
            "retention",
            "improvement",
            "Hvad søgte du på?",
        ]
        assert slots[screen.position].question == "first-contact"  # the first one not answered
        assert "uden samtykke" in str(screen.query_one("#iv-status").render())
        assert screen.has_class("-unconsented")

        await pilot.press("f8")  # she consents after all
        await pilot.pause()
        assert doc.data["interviews"][1]["consent"] is True
        assert "uden samtykke" not in str(screen.query_one("#iv-status").render())
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is the_map(app)  # the start screen was replaced, not stacked


async def test_the_date_defaults_to_today_and_must_be_a_real_date(funnel: Path) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        doc = the_map(app).document
        count = len(doc.data["interviews"])
        open_interviews(app, doc, today=lambda: TODAY)
        await settle(pilot)
        date = app.screen.query_one("#ivs-date", Input)
        assert date.value == "2026-11-24"
        date.value = "2026-02-30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewStartScreen)
        assert "real date" in str(app.screen.query_one("#ivs-error", Static).render())
        assert app.focused is date
        assert len(doc.data["interviews"]) == count
        date.value = ""  # no date at all is allowed
        await pilot.press("enter")
        await settle(pilot)
        assert doc.data["interviews"][-1] == {
            "id": "interview",
            "interviewer": "Lars",
            "consent": False,
        }


def test_valid_date() -> None:
    assert valid_date("2026-11-03")
    assert not valid_date("2026-11-3")
    assert not valid_date("2026-13-01")
    assert not valid_date("3. november")


# --------------------------------------------------------------------------- changes from elsewhere


async def test_a_journey_replaced_underneath_is_followed(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        doc = the_map(app).document
        screen = await start_interview(pilot, "Kunde H")
        await type_text(pilot, "Først")
        await written(pilot)
        # A reload from disk (or a merge) puts in a journey where the interview moved
        # and its first answer says something else.
        data = doc.snapshot().data
        moved = data["interviews"].pop()
        moved["answers"][0]["text"] = "Fra disken"
        data["interviews"].insert(0, moved)
        doc.editor.replace(data, label="Reload from disk")
        await settle(pilot)
        assert screen.session.interview_index == 0
        assert screen.answer_box.text == "Fra disken"
        await type_text(pilot, " og mere")
        await written(pilot)
        assert doc.data["interviews"][0]["answers"][0]["text"] == "Fra disken og mere"


# --------------------------------------------------------------------------- the slots


def test_slots_follow_the_file_with_missing_bank_questions_in_bank_order() -> None:
    answers = [
        {"question": "first-contact", "text": "a"},
        {"ask": "Hvem?", "text": "b"},
        {"question": "why-us", "text": "c"},
        "broken",
        {"question": "not-in-the-bank", "text": "d"},
    ]
    slots = build_slots(answers)
    assert [(s.question or s.ask, s.index) for s in slots] == [
        ("need-discovery", None),
        ("first-contact", 0),
        ("Hvem?", 1),
        ("information-search", None),
        ("evaluation", None),
        ("why-us", 2),
        ("not-in-the-bank", 4),
        ("retention", None),
        ("time-to-purchase", None),
        ("improvement", None),
    ]


def test_a_session_inserts_answers_in_walk_order(funnel: Path) -> None:
    doc = JourneyDocument.load(funnel)
    session = InterviewSession(doc.editor, 1)  # Kunde B: answers 0 nd, 1 is, 2 ttp, 3 ret, 4 imp
    first_contact = session.slots[1]
    session.write_text(first_contact, "Ny")
    answers = doc.data["interviews"][1]["answers"]
    assert [a.get("question") for a in answers[:3]] == [
        "need-discovery",
        "first-contact",
        "information-search",
    ]
    assert [s.index for s in session.slots if s.index is not None] == list(range(7))
    session.write_text(first_contact, "")
    assert len(answers) == 6 and first_contact.index is None
    assert [s.index for s in session.slots if s.index is not None] == list(range(6))


async def test_the_start_screen_offers_personas_and_the_unconsented_default(funnel: Path) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        open_interviews(app, the_map(app).document, today=lambda: TODAY)
        await settle(pilot)
        select = app.screen.query_one("#ivs-persona", Select)
        assert [str(label) for label, _ in select._options[1:]] == ["Mette", "Kasper"]
        assert app.screen.query_one("#ivs-consent", Checkbox).value is False
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is the_map(app)
        assert not the_map(app).document.dirty  # looking is not editing


async def test_the_answer_box_is_a_textarea_with_its_own_undo(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        doc = the_map(app).document
        screen = await start_interview(pilot, "Kunde I")
        assert isinstance(screen.answer_box, TextArea)
        await type_text(pilot, "Første linje\nAnden linje")
        await written(pilot)
        assert doc.data["interviews"][-1]["answers"][0]["text"] == "Første linje\nAnden linje"
        await pilot.press("ctrl+z")  # the box's own undo; the journey follows it
        await written(pilot)
        box = screen.answer_box.text.rstrip()
        assert box != "Første linje\nAnden linje"
        kept = doc.data["interviews"][-1].get("answers", [{"text": ""}])[0]["text"]
        assert kept == box


async def test_quitting_right_after_typing_saves_the_last_words(funnel: Path) -> None:
    app = KunderejseApp(funnel)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_interview(pilot, "Kunde J")
        await type_text(pilot, "Sidste ord")
        await pilot.press("ctrl+q")  # before the box was written: the question flushes it
        await pilot.pause()
        await pilot.press("s")
        await settle(pilot)
    assert load_file(funnel).data["interviews"][-1]["answers"] == [
        {"question": "need-discovery", "text": "Sidste ord"}
    ]


async def test_the_map_keys_open_interview_mode(funnel: Path) -> None:
    app = KunderejseApp(funnel, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, InterviewStartScreen)
        await pilot.press("escape", "o")
        await settle(pilot)
        assert type(app.screen).__name__ == "CoverageScreen"
        await pilot.press("escape", "y")
        await settle(pilot)
        assert type(app.screen).__name__ == "SynthesisScreen"
