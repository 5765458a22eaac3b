"""The editor forms, driven by keys as a consultant would: type, save, undo, cancel."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.dump import dump
from kunderejse_tui.tui.screens.editors import (
    JourneyForm,
    MessagingForm,
    PersonaForm,
    QuestionForm,
    StageForm,
    TouchpointForm,
    editor_for,
)
from kunderejse_tui.tui.screens.editors.discard import DiscardDialog
from kunderejse_tui.tui.widgets.string_list import StringList, StringListItems
from kunderejse_tui.tui.widgets.tick_box import TickBox

SAMPLE = Path(__file__).parents[2] / "sample_journeys" / "bilkoeb-privat.journey.yaml"
SIZE = (100, 40)


class Host(App[None]):
    """A bare app that opens one form and records how it was dismissed."""

    def __init__(self, document: JourneyDocument, path: tuple[Any, ...], lang: str = "da"):
        super().__init__()
        self.document = document
        self.form_path = path
        self.lang = lang
        self.results: list[bool | None] = []

    def on_mount(self) -> None:
        form = editor_for(self.document, self.form_path, self.lang)
        assert form is not None
        self.push_screen(form, self.results.append)


@pytest.fixture
def doc(tmp_path: Path) -> JourneyDocument:
    path = tmp_path / "bilkoeb-privat.journey.yaml"
    shutil.copy(SAMPLE, path)
    return JourneyDocument.load(path)


def doc_with(tmp_path: Path, data: dict[str, Any]) -> JourneyDocument:
    return JourneyDocument.create(tmp_path / "broken.journey.yaml", data)


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])


async def focus(pilot: Pilot[None], selector: str) -> None:
    pilot.app.screen.query_one(selector).focus()
    await pilot.pause()


async def replace_text(pilot: Pilot[None], selector: str, text: str) -> None:
    await focus(pilot, selector)
    await pilot.press("end", "ctrl+u")
    await type_text(pilot, text)


async def choose(pilot: Pilot[None], selector: str, value: Any) -> None:
    """Pick a value in a Select with the keyboard: open, move to it, Enter."""
    select = pilot.app.screen.query_one(selector, Select)
    select.focus()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    values = [v for _, v in select._options]
    target = values.index(value)
    await pilot.press("home", *["down"] * target, "enter")
    await pilot.pause()
    assert select.value == value


async def save(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()


# --------------------------------------------------------------------------- picking forms


def test_editor_for_picks_the_form_for_each_path(doc: JourneyDocument) -> None:
    cases = {
        (): JourneyForm,
        ("personas", 1): PersonaForm,
        ("stages", 2): StageForm,
        ("stages", 0, "customer_questions", 1): QuestionForm,
        ("stages", 0, "touchpoints", 2): TouchpointForm,
        ("stages", 0, "messaging"): MessagingForm,
    }
    for path, form in cases.items():
        assert type(editor_for(doc, path, "da")) is form, path


def test_editor_for_refuses_what_it_cannot_edit(tmp_path: Path) -> None:
    document = doc_with(
        tmp_path,
        {
            "format": "kunderejse/1",
            "id": "x",
            "title": "X",
            "personas": ["just a string"],
            "stages": [{"id": "a", "name": "A", "messaging": "loud", "touchpoints": "none"}],
        },
    )
    for path in [
        ("personas", 0),  # not a mapping
        ("personas", 5),  # out of range
        ("stages", 0, "messaging"),  # a string where a mapping belongs
        ("stages", 0, "touchpoints", 0),  # the list is a string
        ("interviews", 0),  # no form for interviews
        ("stages", "0"),  # not an index
    ]:
        assert editor_for(document, path, "da") is None, path
    # A stage without messaging gets a form that creates it.
    document.editor.set(("stages", 0, "messaging"), None)
    assert isinstance(editor_for(document, ("stages", 0, "messaging"), "da"), MessagingForm)


# --------------------------------------------------------------------------- each form


async def test_journey_form_saves_changed_fields_as_one_undo_step(doc: JourneyDocument) -> None:
    before = copy.deepcopy(doc.data)
    app = Host(doc, ())
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.query_one("#f-title", Input).value == "Privatkunder køber ny bil"
        assert app.focused is app.screen.query_one("#f-title")
        await replace_text(pilot, "#f-title", "Familier køber elbil på én weekend")
        await replace_text(pilot, "#f-owner", "")  # emptied: removed, not ""
        await choose(pilot, "#f-market", "B2B")
        await choose(pilot, "#f-state", Select.NULL)
        await replace_text(pilot, "#f-updated", "2026-12-01")
        await save(pilot)
        assert app.results == [True]
    assert doc.data["title"] == "Familier køber elbil på én weekend"
    assert "owner" not in doc.data and "state" not in doc.data
    assert doc.data["market"] == "B2B"
    assert doc.data["updated"] == "2026-12-01"
    # Nothing else moved: the rest of the journey is exactly as it was.
    rest = {k: v for k, v in doc.data.items() if k not in ("title", "market", "updated")}
    assert rest == {
        k: v for k, v in before.items() if k not in ("title", "market", "updated", "owner", "state")
    }
    assert doc.editor.undo_label == "Ret rejsens fakta"
    assert doc.editor.undo() and doc.data == before
    assert not doc.editor.can_undo


async def test_multiline_description_keeps_its_block_shape(doc: JourneyDocument) -> None:
    app = Host(doc, ())
    async with app.run_test(size=SIZE) as pilot:
        await focus(pilot, "#f-description")
        await type_text(pilot, " Også B2B.")
        await save(pilot)
    assert doc.data["description"].endswith("overvejer elbil. Også B2B.\n")
    assert doc.data["description"].count("\n") == 4


async def test_persona_form_edits_every_field_kind(doc: JourneyDocument) -> None:
    doc.editor.set(("personas", 0, "x-crm-id"), "C-17")
    doc.editor.mark_saved()
    before = copy.deepcopy(doc.data)
    app = Host(doc, ("personas", 0))
    async with app.run_test(size=SIZE) as pilot:
        shown = app.screen.query_one("#f-id", Static)
        assert "mette" in str(shown.render())
        await replace_text(pilot, "#f-name", "Mette Ø. Åberg")
        await replace_text(pilot, "#f-demographics-age", "35-45")
        await replace_text(pilot, "#f-demographics-gender", "")
        await replace_text(pilot, "#f-job-buying-role", "medbeslutter")
        await focus(pilot, "#f-traits StringListEntry")
        await type_text(pilot, "kører med trailer")
        await pilot.press("enter")
        await save(pilot)
    persona = doc.data["personas"][0]
    assert persona["id"] == "mette"  # the name changes, the id does not
    assert persona["name"] == "Mette Ø. Åberg"
    assert persona["demographics"] == {"age": "35-45", "education": "sygeplejerske"}
    assert persona["job"]["buying_role"] == "medbeslutter"
    assert persona["traits"][-1] == "kører med trailer"
    assert persona["x-crm-id"] == "C-17"
    assert doc.editor.undo() and doc.data == before


async def test_age_is_stored_as_a_number_and_empty_mappings_go(doc: JourneyDocument) -> None:
    app = Host(doc, ("personas", 1))
    async with app.run_test(size=SIZE) as pilot:
        await replace_text(pilot, "#f-demographics-age", "41")
        await save(pilot)
    assert doc.data["personas"][1]["demographics"]["age"] == 41
    app = Host(doc, ("personas", 1))
    async with app.run_test(size=SIZE) as pilot:
        for field in ("age", "gender", "education"):
            await replace_text(pilot, f"#f-demographics-{field}", "")
        await save(pilot)
    assert "demographics" not in doc.data["personas"][1]
    assert doc.editor.undo()
    assert doc.data["personas"][1]["demographics"]["age"] == 41


async def test_stage_form_reorders_and_removes_kpis(doc: JourneyDocument) -> None:
    before = copy.deepcopy(doc.data)
    app = Host(doc, ("stages", 0))
    async with app.run_test(size=SIZE) as pilot:
        await replace_text(pilot, "#f-duration", "3 uger")
        await focus(pilot, "#f-kpis StringListEntry")
        await pilot.press("up")  # into the list, on the last KPI
        await pilot.press("ctrl+up", "ctrl+up")  # ... moved to the top
        await pilot.press("down", "delete")  # remove "rækkevidde" (now second)
        await save(pilot)
    stage = doc.data["stages"][0]
    assert stage["kpis"] == ["nye besøgende på hjemmesiden", "klik til beregneren"]
    assert stage["duration"] == "3 uger"
    assert doc.editor.undo() and doc.data == before


async def test_question_form_picks_a_persona_of_the_journey(doc: JourneyDocument) -> None:
    path = ("stages", 0, "customer_questions", 2)
    assert "persona" not in doc.editor.get(path)
    app = Host(doc, path)
    async with app.run_test(size=SIZE) as pilot:
        await replace_text(pilot, "#f-text", "Hvad koster en familiebil om måneden?")
        await choose(pilot, "#f-persona", "kasper")
        await save(pilot)
    assert doc.editor.get(path) == {
        "text": "Hvad koster en familiebil om måneden?",
        "persona": "kasper",
    }
    app = Host(doc, path)
    async with app.run_test(size=SIZE) as pilot:
        await choose(pilot, "#f-persona", Select.NULL)
        await save(pilot)
    assert doc.editor.get(path) == {"text": "Hvad koster en familiebil om måneden?"}


async def test_touchpoint_form_emotion_channel_personas(doc: JourneyDocument) -> None:
    path = ("stages", 0, "touchpoints", 0)
    before = copy.deepcopy(doc.data)
    app = Host(doc, path)
    async with app.run_test(size=SIZE) as pilot:
        await focus(pilot, "#f-emotion")
        await pilot.press("5")
        await replace_text(pilot, "#f-channel", "kund")
        await pilot.press("right")  # takes customer-service, found by its Danish name
        assert app.screen.query_one("#f-channel", Input).value == "customer-service"
        await choose(pilot, "#f-kind", "owned")
        await focus(pilot, "#f-personas-0")
        await pilot.press("space", "tab", "space")  # Mette off, Kasper on: one Tab stop each
        await focus(pilot, "#f-opportunities StringListEntry")
        await pilot.press("up", "delete")  # the last opportunity goes
        await save(pilot)
    tp = doc.editor.get(path)
    assert tp["emotion"] == 5 and type(tp["emotion"]) is int
    assert tp["channel"] == "customer-service"
    assert tp["kind"] == "owned"
    assert tp["personas"] == ["kasper"]
    assert tp["opportunities"] == ["Link til leasingberegner"]
    assert tp["id"] == "facebook-annonce"
    assert doc.editor.undo() and doc.data == before


async def test_channel_suggester_completes_slugs(doc: JourneyDocument) -> None:
    app = Host(doc, ("stages", 0, "touchpoints", 0))
    async with app.run_test(size=SIZE) as pilot:
        await replace_text(pilot, "#f-channel", "news")
        await pilot.pause()
        await pilot.press("right")
        assert app.screen.query_one("#f-channel", Input).value == "newsletter"
        hint = app.screen.query_one(".field-hint", Static)
        assert "Nyhedsbrev" in str(hint.render())


async def test_typing_email_selects_the_e_mail_channel(doc: JourneyDocument) -> None:
    path = ("stages", 0, "touchpoints", 0)
    app = Host(doc, path)
    async with app.run_test(size=SIZE) as pilot:
        await replace_text(pilot, "#f-channel", "email")
        await pilot.pause()
        hint = app.screen.query_one(".field-hint", Static)
        assert str(hint.render()) == "E-mail"  # recognised, shown by its name
        await save(pilot)
    assert doc.editor.get((*path, "channel")) == "e-mail"


async def test_messaging_form_creates_and_removes_messaging(tmp_path: Path) -> None:
    document = doc_with(
        tmp_path,
        {"format": "kunderejse/1", "id": "x", "title": "X", "stages": [{"id": "a", "name": "A"}]},
    )
    path = ("stages", 0, "messaging")
    app = Host(document, path)
    async with app.run_test(size=SIZE) as pilot:
        await choose(pilot, "#f-tone", "sell")
        await focus(pilot, "#f-key-messages StringListEntry")
        await type_text(pilot, "Book et møde i dag")
        await pilot.press("enter")
        await replace_text(pilot, "#f-call-to-action", "Book møde")
        await save(pilot)
    assert document.data["stages"][0]["messaging"] == {
        "tone": "sell",
        "key_messages": ["Book et møde i dag"],
        "call_to_action": "Book møde",
    }
    app = Host(document, path)
    async with app.run_test(size=SIZE) as pilot:
        await choose(pilot, "#f-tone", Select.NULL)
        await replace_text(pilot, "#f-call-to-action", "")
        await focus(pilot, "#f-key-messages StringListEntry")
        await pilot.press("up", "delete")
        await save(pilot)
    assert document.data["stages"][0] == {"id": "a", "name": "A"}


# --------------------------------------------------------------------------- broken files


BROKEN: dict[str, Any] = {
    "format": "kunderejse/1",
    "id": "x",
    "title": "X",
    "personas": [
        {"id": "mette", "name": "Mette", "demographics": "kvinde, 38", "x-note": {"a": 1}}
    ],
    "stages": [
        {
            "id": "a",
            "name": "A",
            "touchpoints": [
                {
                    "id": "t",
                    "name": "T",
                    "emotion": "high",
                    "kind": "social",
                    "personas": "mette",
                    "pains": "one string",
                    "channel": 7,
                    "x-score": 3,
                    "typo_key": "kept",
                }
            ],
        }
    ],
}


async def test_wrong_types_are_shown_and_left_alone(tmp_path: Path) -> None:
    document = doc_with(tmp_path, copy.deepcopy(BROKEN))
    path = ("stages", 0, "touchpoints", 0)
    app = Host(document, path)
    async with app.run_test(size=SIZE) as pilot:
        emotion = app.screen.query_one("#f-emotion", Select)
        assert "high" in str(emotion.query_one("SelectCurrent #label", Static).render())
        assert app.screen.query_one("#f-channel", Input).value == "7"
        ticks = list(app.screen.query("#f-personas TickBox").results(TickBox))
        assert [t.value for t in ticks] == [True]  # "mette", the one id in the file
        await replace_text(pilot, "#f-name", "Tæt på")
        await save(pilot)
    tp = document.data["stages"][0]["touchpoints"][0]
    expected = copy.deepcopy(BROKEN["stages"][0]["touchpoints"][0])
    expected["name"] = "Tæt på"
    assert tp == expected  # emotion "high", kind, personas, pains, channel 7, x-, typo: untouched


async def test_a_wrong_emotion_is_replaced_only_when_chosen(tmp_path: Path) -> None:
    document = doc_with(tmp_path, copy.deepcopy(BROKEN))
    app = Host(document, ("stages", 0, "touchpoints", 0))
    async with app.run_test(size=SIZE) as pilot:
        await focus(pilot, "#f-emotion")
        await pilot.press("2")
        await save(pilot)
    assert document.data["stages"][0]["touchpoints"][0]["emotion"] == 2


async def test_a_structure_where_a_mapping_belongs_is_locked(tmp_path: Path) -> None:
    document = doc_with(tmp_path, copy.deepcopy(BROKEN))
    app = Host(document, ("personas", 0))
    async with app.run_test(size=SIZE) as pilot:
        locked = app.screen.query_one("#f-demographics-age", Static)
        assert "kvinde, 38" in str(locked.render())
        await replace_text(pilot, "#f-geography", "Køge")
        await save(pilot)
    persona = document.data["personas"][0]
    assert persona["demographics"] == "kvinde, 38"
    assert persona["x-note"] == {"a": 1}
    assert persona["geography"] == "Køge"


# --------------------------------------------------------------------------- closing


async def test_escape_without_changes_closes_at_once(doc: JourneyDocument) -> None:
    app = Host(doc, ("stages", 1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [False]
    assert not doc.editor.can_undo


async def test_save_without_changes_makes_no_undo_step(doc: JourneyDocument) -> None:
    text_before = dump(doc.data)
    app = Host(doc, ("stages", 0, "touchpoints", 1))
    async with app.run_test(size=SIZE) as pilot:
        await save(pilot)
        assert app.results == [False]
    assert not doc.editor.can_undo and dump(doc.data) == text_before


async def test_escape_with_changes_asks_and_discards(doc: JourneyDocument) -> None:
    before = copy.deepcopy(doc.data)
    app = Host(doc, ("stages", 0))
    async with app.run_test(size=SIZE) as pilot:
        await replace_text(pilot, "#f-name", "Opdag")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DiscardDialog)
        await pilot.press("escape")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, StageForm)
        assert app.screen.query_one("#f-name", Input).value == "Opdag"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert app.results == [False]
    assert doc.data == before and not doc.editor.can_undo


async def test_escape_with_changes_can_still_save(doc: JourneyDocument) -> None:
    app = Host(doc, ("stages", 0))
    async with app.run_test(size=SIZE) as pilot:
        await replace_text(pilot, "#f-name", "Opdag")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert app.results == [True]
    assert doc.data["stages"][0]["name"] == "Opdag"


async def test_typed_but_unsubmitted_list_text_counts(doc: JourneyDocument) -> None:
    app = Host(doc, ("stages", 1))
    async with app.run_test(size=SIZE) as pilot:
        await focus(pilot, "#f-kpis StringListEntry")
        await type_text(pilot, "leads")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DiscardDialog)
        await pilot.press("s")
        await pilot.pause()
    assert doc.data["stages"][1]["kpis"][-1] == "leads"


async def test_a_required_field_cannot_be_emptied(doc: JourneyDocument) -> None:
    before = copy.deepcopy(doc.data)
    app = Host(doc, ("stages", 0, "touchpoints", 0))
    async with app.run_test(size=SIZE) as pilot:
        await replace_text(pilot, "#f-name", "")
        await save(pilot)
        assert app.results == []
        assert isinstance(app.screen, TouchpointForm)
        assert app.focused is app.screen.query_one("#f-name")
    assert doc.data == before


async def test_english_labels(doc: JourneyDocument) -> None:
    app = Host(doc, ("stages", 0, "touchpoints", 0), lang="en")
    async with app.run_test(size=SIZE):
        labels = [str(w.render()) for w in app.screen.query(".editor-label")]
        assert labels[:4] == ["Id", "Name *", "Channel", "Kind"]
        emotion = app.screen.query_one("#f-emotion", Select)
        assert "neutral" in str(emotion.query_one("SelectCurrent #label", Static).render())


# --------------------------------------------------------------------------- the list widget


class ListHost(App[None]):
    def compose(self):  # type: ignore[no-untyped-def]
        yield StringList(["en", "to", "tre"], lang="da", id="l")
        yield Input(id="after")


async def test_string_list_adds_edits_removes_and_reorders() -> None:
    app = ListHost()
    async with app.run_test() as pilot:
        widget = app.query_one(StringList)
        widget.focus()
        await pilot.pause()
        await type_text(pilot, "fire")
        await pilot.press("enter")
        assert widget.items == ["en", "to", "tre", "fire"]
        await pilot.press("up")  # on "fire"
        assert isinstance(app.focused, StringListItems)
        hint = widget.query_one(".string-list--hint", Static)
        assert hint.display and "Del: fjern" in str(hint.render())
        await pilot.press("up", "up", "alt+up")  # "to" to the top
        assert widget.items == ["to", "en", "tre", "fire"]
        await pilot.press("down", "shift+down")  # "en" down one
        assert widget.items == ["to", "tre", "en", "fire"]
        await pilot.press("backspace")
        assert widget.items == ["to", "tre", "fire"]
        await pilot.press("enter")  # edit the highlighted item ("fire", now at index 2)
        assert widget.query_one(Input).has_focus
        await pilot.press("ctrl+u")
        await type_text(pilot, "fem")
        await pilot.press("enter")
        assert widget.items == ["to", "tre", "fem"]
        await pilot.press("up", "e", "escape")  # start editing, then undo the edit
        assert widget.items == ["to", "tre", "fem"] and widget.editing is None
        await pilot.press("down", "tab")  # back to the entry line, then on
        assert app.focused is app.query_one("#after")


async def test_string_list_is_one_tab_stop() -> None:
    app = ListHost()
    async with app.run_test() as pilot:
        await pilot.press("tab")
        assert app.focused is app.query_one(StringList).query_one(Input)
        await pilot.press("tab")
        assert app.focused is app.query_one("#after")
        await pilot.press("shift+tab")
        assert app.focused is app.query_one(StringList).query_one(Input)
