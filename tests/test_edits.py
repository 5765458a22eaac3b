"""The edit operations and the Editor: every change undoes exactly, ids follow renames."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kunderejse_tui.journey.edits import (
    MISSING,
    Change,
    EditError,
    Editor,
    Group,
    InsertItem,
    Kind,
    MoveItem,
    Operation,
    RemoveItem,
    SetValue,
    label_text,
    touched_items,
)
from kunderejse_tui.journey.i18n import Message

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "sample_journeys").glob("*.journey.yaml"))


def journey() -> dict[str, Any]:
    """The format document's example, plus what the app must never drop or break."""
    return {
        "format": "kunderejse/1",
        "id": "bilkoeb-privat",
        "title": "Mette køber ny bil",
        "language": "da",
        "x-team": {"owner": "mette", "tags": ["a", "b"]},
        "unknown_key": 42,
        "personas": [
            {"id": "mette", "name": "Mette", "traits": ["prisbevidst"], "x-note": "mette"},
            {"id": "kasper", "name": "Kasper"},
        ],
        "stages": [
            {
                "id": "attract",
                "name": "Tiltræk",
                "customer_goal": "Finde ud af om den gamle bil skal skiftes.",
                "customer_questions": [
                    {"text": "Skal jeg købe eller privatlease?", "persona": "mette"},
                    {"text": "Hvad koster det?"},
                ],
                "touchpoints": [
                    {
                        "id": "facebook-annonce",
                        "name": "Annonce på Facebook",
                        "kind": "paid",
                        "emotion": 3,
                        "personas": ["mette", "kasper"],
                        "pains": ["Annoncen siger intet om pris"],
                    },
                    {"id": "tv-spot", "name": "TV", "personas": "mette", "emotion": True},
                ],
                "messaging": {"tone": "inspire", "key_messages": ["Find bilen"]},
                "kpis": ["rækkevidde"],
            },
            {
                "id": "convert",
                "name": "Konverter",
                "touchpoints": [{"id": "proevetur", "name": "Prøvetur", "emotion": 5}],
                "x-stage-extra": [1, 2],
            },
            {"id": "retain", "name": "Fasthold"},
        ],
        "interviews": [
            {
                "id": "2026-11-03-kunde-a",
                "persona": "mette",
                "date": "2026-11-03",
                "consent": True,
                "answers": [
                    {
                        "question": "need-discovery",
                        "text": "Leasingaftalen udløb.",
                        "stages": ["attract", "convert"],
                        "touchpoints": ["facebook-annonce"],
                        "x-ref": "facebook-annonce",
                    },
                    {"ask": "Hvorfor?", "text": "Pris.", "stages": "attract"},
                ],
            }
        ],
    }


def exact(data: Any) -> str:
    """Data as text with key order kept: == on this means same values, types and order."""
    return json.dumps(data, ensure_ascii=False)


# ------------------------------------------------------------------ operations


OPS: list[tuple[str, Operation]] = [
    ("set existing", SetValue(("title",), "Ny titel")),
    ("set new key", SetValue(("owner",), "Marketing")),
    ("set nested under missing", SetValue(("stages", 2, "messaging", "tone"), "sell")),
    ("set deep missing", SetValue(("x-new", "a", "b"), [1])),
    ("delete middle key", SetValue(("language",), MISSING)),
    ("delete first key", SetValue(("format",), MISSING)),
    ("delete nested key", SetValue(("stages", 0, "touchpoints", 0, "kind"), MISSING)),
    ("delete x- key", SetValue(("x-team",), MISSING)),
    ("set list element", SetValue(("stages", 0, "kpis", 0), "konvertering")),
    ("set wrong type", SetValue(("stages", 0, "touchpoints", 1, "emotion"), 2)),
    ("replace root", SetValue((), {"format": "kunderejse/1", "id": "x", "stages": []})),
    ("insert first", InsertItem(("stages",), 0, {"id": "new", "name": "Ny"})),
    ("insert middle", InsertItem(("personas",), 1, {"id": "ny", "name": "Ny"})),
    ("insert end", InsertItem(("stages", 0, "kpis"), 1, "salg")),
    ("insert into absent list", InsertItem(("stages", 2, "touchpoints"), 0, {"id": "t"})),
    ("insert under absent map", InsertItem(("stages", 2, "messaging", "content"), 0, "blog")),
    ("remove first", RemoveItem(("stages",), 0)),
    ("remove last", RemoveItem(("stages", 1, "touchpoints"), 0)),
    ("move forward", MoveItem(("stages",), 0, 2)),
    ("move back", MoveItem(("stages", 0, "touchpoints"), 1, 0)),
    (
        "group",
        Group(
            "several",
            (
                SetValue(("title",), "A"),
                InsertItem(("stages",), 3, {"id": "z", "name": "Z"}),
                MoveItem(("stages",), 3, 0),
                SetValue(("stages", 0, "name"), "ZZ"),
                RemoveItem(("personas",), 0),
            ),
        ),
    ),
]


@pytest.mark.parametrize(("name", "op"), OPS, ids=[n for n, _ in OPS])
def test_every_operation_undoes_exactly(name: str, op: Operation) -> None:
    data = journey()
    before = exact(data)
    inverse = op.apply(data)
    after = exact(data)
    assert after != before, "the operation changed nothing"
    redo = inverse.apply(data)
    assert exact(data) == before
    redo.apply(data)
    assert exact(data) == after


def test_insert_into_null_list_restores_the_null() -> None:
    data = {"stages": None}
    inverse = InsertItem(("stages",), 0, {"id": "a", "name": "A"}).apply(data)
    assert data == {"stages": [{"id": "a", "name": "A"}]}
    inverse.apply(data)
    assert data == {"stages": None}


def test_undo_of_a_deletion_puts_the_key_back_in_place() -> None:
    data = {"a": 1, "b": 2, "c": 3}
    SetValue(("b",), MISSING).apply(data).apply(data)
    assert list(data) == ["a", "b", "c"]


def test_live_references_stay_valid_when_a_key_is_reinserted() -> None:
    data = journey()
    stage = data["stages"][0]
    SetValue(("stages", 0, "name"), MISSING).apply(data).apply(data)
    assert data["stages"][0] is stage and list(stage)[1] == "name"


def test_values_are_copied_in_and_out() -> None:
    data = journey()
    editor = Editor(data)
    item: dict[str, Any] = {"id": "ny", "name": "Ny", "pains": ["a"]}
    editor.insert(("stages",), None, item)
    item["pains"].append("changed by the caller later")
    assert data["stages"][-1]["pains"] == ["a"]

    stage = data["stages"][0]
    editor.remove(("stages",), 0)
    stage["name"] = "mutated after removal"
    editor.undo()
    assert data["stages"][0]["name"] == "Tiltræk"

    data["stages"][0]["name"] = "mutated outside the editor"
    editor.undo()
    editor.redo()
    assert data["stages"][-1]["pains"] == ["a"]


@pytest.mark.parametrize(
    "op",
    [
        SetValue(("stages", 9, "name"), "x"),
        SetValue(("title", "sub"), "x"),
        SetValue(("stages", 0, "kpis", 0), MISSING),
        SetValue((), "not a mapping"),
        InsertItem(("stages",), 9, {}),
        InsertItem(("title",), 0, "x"),
        InsertItem(("nothing",), 3, "x"),
        RemoveItem(("stages",), 3),
        RemoveItem(("nothing",), 0),
        MoveItem(("stages",), 0, 3),
        Group("g", (SetValue(("title",), "changed"), RemoveItem(("stages",), 7))),
    ],
)
def test_impossible_operations_raise_and_leave_the_journey_alone(op: Operation) -> None:
    data = journey()
    before = exact(data)
    with pytest.raises(EditError):
        op.apply(data)
    assert exact(data) == before


def test_a_broken_journey_is_edited_around_its_problems() -> None:
    data: dict[str, Any] = {"stages": "oops", "personas": [1, {"id": "a"}], "x-y": None}
    editor = Editor(data)
    with pytest.raises(EditError, match="stages is not a list"):
        editor.add_stage("Ny")
    editor.add_persona("Ny")
    assert data == {
        "stages": "oops",
        "personas": [1, {"id": "a"}, {"id": "ny", "name": "Ny"}],
        "x-y": None,
    }
    refusal = EditError(Message("edit.delete_journey"))
    assert refusal.message("da") == "kan ikke slette hele kunderejsen"
    assert str(refusal) == refusal.message("en") == "cannot delete the whole journey"


# ------------------------------------------------------------------ the editor


def test_undo_and_redo_fifty_steps() -> None:
    data = journey()
    editor = Editor(data)
    states = [exact(data)]
    for i in range(50):
        if i % 3 == 0:
            editor.add_touchpoint(i % 3, f"Kontakt {i}", emotion=i % 5 + 1)
        elif i % 3 == 1:
            editor.set(("stages", 1, "name"), f"Navn {i}")
        else:
            editor.move_stage(0, 1)
        states.append(exact(data))
    for i in range(50, 0, -1):
        assert editor.can_undo
        assert editor.undo()
        assert exact(data) == states[i - 1]
    assert not editor.can_undo and not editor.undo()
    for i in range(1, 51):
        assert editor.redo()
        assert exact(data) == states[i]
    assert not editor.can_redo and not editor.redo()


def test_a_new_edit_clears_redo() -> None:
    editor = Editor(journey())
    editor.set(("title",), "A")
    editor.set(("title",), "B")
    editor.undo()
    assert editor.can_redo and editor.redo_label == "Set title"
    editor.set(("owner",), "C")
    assert not editor.can_redo and editor.redo_label is None
    assert not editor.redo()
    assert editor.data["title"] == "A"


def test_revision_and_dirty_follow_the_state() -> None:
    editor = Editor(journey())
    assert not editor.dirty and editor.revision == editor.saved_revision
    editor.set(("title",), "A")
    first = editor.revision
    assert editor.dirty
    editor.mark_saved()
    assert not editor.dirty
    editor.set(("title",), "B")
    assert editor.dirty and editor.revision != first
    editor.undo()
    assert editor.revision == first and not editor.dirty
    editor.undo()
    assert editor.dirty and editor.revision == 0
    editor.redo()
    assert not editor.dirty
    editor.redo()
    assert editor.dirty
    revisions = {editor.revision}
    editor.undo()
    editor.set(("title",), "C")
    assert editor.revision not in revisions | {first, 0}


def test_a_set_to_the_same_value_is_not_a_step() -> None:
    editor = Editor(journey())
    editor.set(("title",), "Mette køber ny bil")
    editor.set(("stages", 0, "touchpoints", 0, "emotion"), 3)
    editor.delete(("no-such-key",))
    editor.move(("stages",), 1, 1)
    assert not editor.can_undo and not editor.dirty
    # true and 1 are different values in YAML
    editor.set(("stages", 0, "touchpoints", 1, "emotion"), 1)
    assert editor.can_undo


def test_group_is_one_step() -> None:
    data = journey()
    before = exact(data)
    editor = Editor(data)
    with editor.group("Workshop batch"):
        editor.add_stage("Ny fase")
        with editor.group("inner"):
            editor.set(("title",), "X")
            editor.move_stage(0, 2)
        editor.delete(("stages", 0, "name"))
    assert editor.undo_label == "Workshop batch"
    editor.undo()
    assert exact(data) == before and not editor.can_undo
    editor.redo()
    assert data["title"] == "X" and data["stages"][-1]["id"] == "ny-fase"


def test_a_failing_group_rolls_back_and_leaves_no_step() -> None:
    data = journey()
    before = exact(data)
    editor = Editor(data)
    editor.set(("owner",), "A")
    after_first = exact(data)
    with pytest.raises(EditError), editor.group("broken"):
        editor.add_stage("Ny")
        editor.remove(("stages",), 42)
    assert exact(data) == after_first
    assert editor.undo_label == "Set owner"
    editor.undo()
    assert exact(data) == before


def test_a_failing_inner_group_rolls_back_only_itself() -> None:
    data = journey()
    editor = Editor(data)
    with editor.group("outer"):
        editor.set(("title",), "kept")
        try:
            with editor.group("inner"):
                editor.set(("owner",), "gone")
                raise RuntimeError
        except RuntimeError:
            pass
    assert data["title"] == "kept" and "owner" not in data
    editor.undo()
    assert data["title"] == "Mette køber ny bil"


def test_replace_swaps_the_whole_journey_in_place_and_undoes() -> None:
    data = journey()
    before = exact(data)
    editor = Editor(data)
    editor.replace({"format": "kunderejse/1", "id": "ny", "title": "Ny", "stages": []})
    assert editor.data is data and data["id"] == "ny" and "personas" not in data
    editor.undo()
    assert exact(data) == before


def test_undo_inside_a_group_is_refused() -> None:
    editor = Editor(journey())
    editor.set(("title",), "A")
    with pytest.raises(EditError), editor.group("g"):
        editor.undo()


def test_empty_group_adds_nothing() -> None:
    editor = Editor(journey())
    with editor.group("nothing"):
        pass
    assert not editor.can_undo and editor.revision == 0


def test_undo_depth_can_be_capped() -> None:
    editor = Editor(journey(), max_undo=3)
    for i in range(5):
        editor.set(("title",), str(i))
    assert sum(editor.undo() for _ in range(10)) == 3
    assert editor.data["title"] == "1"


def test_listeners_hear_what_changed() -> None:
    editor = Editor(journey())
    heard: list[Change] = []
    unsubscribe = editor.subscribe(heard.append)
    editor.set(("stages", 0, "touchpoints", 0, "emotion"), 1)
    editor.undo()
    editor.redo()
    editor.rename_id("stage", "convert", "konverter")
    unsubscribe()
    editor.set(("title",), "not heard")
    assert [c.kind for c in heard] == ["apply", "undo", "redo", "apply"]
    assert heard[0].paths == (("stages", 0, "touchpoints", 0, "emotion"),)
    assert heard[0].items == {("touchpoint", "facebook-annonce")}
    assert heard[1].revision == 0 and heard[2].revision == heard[0].revision
    assert heard[3].label == "Rename stage convert → konverter"
    assert heard[3].items == {
        ("stage", "convert"),
        ("stage", "konverter"),
        ("interview", "2026-11-03-kunde-a"),
    }


def test_coalesced_typing_is_one_step_but_a_save_splits_it() -> None:
    editor = Editor(journey())
    for text in ["M", "Me", "Met"]:
        editor.set(("stages", 0, "name"), text, coalesce=True)
    editor.mark_saved()
    editor.set(("stages", 0, "name"), "Mett", coalesce=True)
    editor.set(("stages", 0, "name"), "Mette", coalesce=True)
    editor.undo()
    assert editor.data["stages"][0]["name"] == "Met" and not editor.dirty
    editor.undo()
    assert editor.data["stages"][0]["name"] == "Tiltræk" and not editor.can_undo
    editor.redo()
    editor.redo()
    assert editor.data["stages"][0]["name"] == "Mette"


# ------------------------------------------------------------------ convenience edits


def test_added_items_get_ids_from_their_names() -> None:
    data = journey()
    editor = Editor(data)
    assert editor.add_stage("Købsoplevelsen") == "koebsoplevelsen"
    assert editor.add_stage("Købsoplevelsen", index=0) == "koebsoplevelsen-2"
    assert data["stages"][0] == {"id": "koebsoplevelsen-2", "name": "Købsoplevelsen"}
    # Touchpoint ids are unique across the journey, not just in their stage.
    assert editor.add_touchpoint(4, "Prøvetur", emotion=4) == "proevetur-2"
    assert data["stages"][4]["touchpoints"] == [
        {"id": "proevetur-2", "name": "Prøvetur", "emotion": 4}
    ]
    assert editor.add_persona("Mette") == "mette-2"
    assert editor.add_question(1, "Hvad med service?", persona="mette") == 2
    assert data["stages"][1]["customer_questions"][2] == {
        "text": "Hvad med service?",
        "persona": "mette",
    }
    # The id is the date and a neutral word (or the persona), never the respondent's name.
    assert editor.add_interview(date="2026-11-04", respondent="Lone 41 Valby", consent=True) == (
        "2026-11-04-interview"
    )
    assert data["interviews"][1] == {
        "id": "2026-11-04-interview",
        "date": "2026-11-04",
        "respondent": "Lone 41 Valby",
        "consent": True,
    }
    assert editor.add_interview(date="2026-11-04", persona="mette") == "2026-11-04-mette"
    assert editor.add_interview(date="2026-11-04", persona="mette") == "2026-11-04-mette-2"
    assert editor.add_interview(date="2026-11-04") == "2026-11-04-interview-2"
    assert editor.add_answer(1, "Svar", question="why-us", stages=["attract"]) == 0
    assert data["interviews"][1]["answers"] == [
        {"question": "why-us", "text": "Svar", "stages": ["attract"]}
    ]
    with pytest.raises(EditError, match="not both"):
        editor.add_answer(1, "Svar", question="why-us", ask="Hvorfor?")
    with pytest.raises(EditError, match="already used"):
        editor.add_interview("2026-11-04-interview")
    with pytest.raises(EditError):
        editor.add_touchpoint(17, "Nowhere")


def test_duplicate_stage_gives_fresh_ids_to_it_and_its_touchpoints() -> None:
    data = journey()
    editor = Editor(data)
    before = exact(data)
    assert editor.duplicate(("stages",), 0) == 1
    copy_ = data["stages"][1]
    assert copy_["id"] == "attract-2"
    assert [tp["id"] for tp in copy_["touchpoints"]] == ["facebook-annonce-2", "tv-spot-2"]
    all_tp_ids = [tp["id"] for s in data["stages"] for tp in s.get("touchpoints", [])]
    assert len(all_tp_ids) == len(set(all_tp_ids))
    # Everything else is a faithful copy, and the original is untouched.
    original = data["stages"][0]
    assert copy_["customer_questions"] == original["customer_questions"]
    assert copy_["touchpoints"][0]["pains"] == original["touchpoints"][0]["pains"]
    assert copy_["touchpoints"][0]["pains"] is not original["touchpoints"][0]["pains"]
    assert data["interviews"][0]["answers"][0]["touchpoints"] == ["facebook-annonce"]
    assert editor.duplicate(("stages",), 1) == 2
    assert data["stages"][2]["id"] == "attract-3"
    editor.undo()
    editor.undo()
    assert exact(data) == before


def test_duplicate_other_items() -> None:
    data = journey()
    editor = Editor(data)
    editor.duplicate(("stages", 1, "touchpoints"), 0)
    assert [tp["id"] for tp in data["stages"][1]["touchpoints"]] == ["proevetur", "proevetur-2"]
    editor.duplicate(("personas",), 0)
    assert data["personas"][1]["id"] == "mette-2"
    assert data["personas"][1]["x-note"] == "mette"
    editor.duplicate(("interviews",), 0)
    assert data["interviews"][1]["id"] == "2026-11-03-kunde-a-2"
    editor.duplicate(("stages", 0, "customer_questions"), 1)
    assert data["stages"][0]["customer_questions"][1:] == [{"text": "Hvad koster det?"}] * 2
    editor.duplicate(("stages", 0, "kpis"), 0)
    assert data["stages"][0]["kpis"] == ["rækkevidde", "rækkevidde"]


def test_move_stage_and_items_by_delta() -> None:
    data = journey()
    editor = Editor(data)
    assert editor.move_stage(0, 1) == 1
    assert [s["id"] for s in data["stages"]] == ["convert", "attract", "retain"]
    assert editor.move_stage(0, -1) == 0  # already first: stays, no step
    assert editor.move_stage(2, 1) == 2
    assert editor.undo_label == "Move stages[0]"
    assert editor.move_item(("stages", 1, "touchpoints"), 1, -1) == 0
    assert [t["id"] for t in data["stages"][1]["touchpoints"]] == ["tv-spot", "facebook-annonce"]
    with pytest.raises(EditError):
        editor.move_item(("stages", 1, "touchpoints"), 5, 1)


def test_move_touchpoint_to_another_stage_is_one_step() -> None:
    data = journey()
    before = exact(data)
    editor = Editor(data)
    assert "touchpoints" not in data["stages"][2]
    assert editor.move_touchpoint_to_stage(0, 0, 2) == 0
    assert data["stages"][2]["touchpoints"][0]["id"] == "facebook-annonce"
    assert [t["id"] for t in data["stages"][0]["touchpoints"]] == ["tv-spot"]
    assert editor.move_touchpoint_to_stage(0, 0, 1, 0) == 0
    assert [t["id"] for t in data["stages"][1]["touchpoints"]] == ["tv-spot", "proevetur"]
    assert data["stages"][0]["touchpoints"] == []
    assert editor.move_touchpoint_to_stage(1, 0, 1) == 1
    assert [t["id"] for t in data["stages"][1]["touchpoints"]] == ["proevetur", "tv-spot"]
    for _ in range(3):
        editor.undo()
    assert exact(data) == before
    with pytest.raises(EditError):
        editor.move_touchpoint_to_stage(0, 0, 9)
    assert exact(data) == before


def test_delete_removes_keys_and_list_items() -> None:
    data = journey()
    before = exact(data)
    editor = Editor(data)
    editor.delete(("stages", 0, "touchpoints", 0))
    editor.delete(("stages", 0, "messaging"))
    assert [t["id"] for t in data["stages"][0]["touchpoints"]] == ["tv-spot"]
    assert "messaging" not in data["stages"][0]
    editor.undo()
    editor.undo()
    assert exact(data) == before


# ------------------------------------------------------------------ ids and references


def test_rename_persona_updates_every_reference_in_one_step() -> None:
    data = journey()
    before = exact(data)
    editor = Editor(data)
    editor.rename_id("persona", "mette", "mette-m")
    assert data["personas"][0]["id"] == "mette-m"
    stage = data["stages"][0]
    assert stage["customer_questions"][0]["persona"] == "mette-m"
    assert stage["touchpoints"][0]["personas"] == ["mette-m", "kasper"]
    assert stage["touchpoints"][1]["personas"] == "mette-m"  # a lone string, still a reference
    assert data["interviews"][0]["persona"] == "mette-m"
    # x-* keys are the user's: a value that happens to equal the id is not a reference.
    assert data["x-team"]["owner"] == "mette"
    assert data["personas"][0]["x-note"] == "mette"
    # Nothing else says "mette": the three values above are all that keep the old id.
    assert exact(data).count('"mette"') == 2
    editor.undo()
    assert exact(data) == before and not editor.can_undo


def test_rename_stage_and_touchpoint_update_answers() -> None:
    data = journey()
    before = exact(data)
    editor = Editor(data)
    editor.rename_id("stage", "attract", "tiltraek")
    editor.rename_id("touchpoint", "facebook-annonce", "fb")
    answers = data["interviews"][0]["answers"]
    assert data["stages"][0]["id"] == "tiltraek"
    assert answers[0]["stages"] == ["tiltraek", "convert"]
    assert answers[1]["stages"] == "tiltraek"
    assert data["stages"][0]["touchpoints"][0]["id"] == "fb"
    assert answers[0]["touchpoints"] == ["fb"]
    assert answers[0]["x-ref"] == "facebook-annonce"
    editor.rename_id("interview", "2026-11-03-kunde-a", "kunde-a")
    assert data["interviews"][0]["id"] == "kunde-a"
    assert editor.undo_label == "Rename interview 2026-11-03-kunde-a → kunde-a"
    for _ in range(3):
        editor.undo()
    assert exact(data) == before


@pytest.mark.parametrize(
    ("kind", "old", "new", "message"),
    [
        ("persona", "mette", "kasper", "already used by another persona"),
        ("touchpoint", "tv-spot", "proevetur", "already used"),
        ("stage", "attract", "Tiltræk", "not a valid id"),
        ("stage", "attract", "to ord", "not a valid id"),
        ("stage", "attract", "", "not a valid id"),
        ("stage", "attract", "-a", "not a valid id"),
        ("stage", "attract", "tiltræk", "not a valid id"),
        ("stage", "nope", "ok", "no stage has the id 'nope'|there is no stage"),
        ("thing", "mette", "ok", "unknown kind"),
    ],
)
def test_rename_refuses_clearly(kind: Any, old: str, new: str, message: str) -> None:
    data = journey()
    before = exact(data)
    editor = Editor(data)
    with pytest.raises(EditError, match=message) as info:
        editor.rename_id(kind, old, new)
    assert info.value.message("da") != ""
    assert exact(data) == before and not editor.can_undo


def test_rename_to_the_same_id_does_nothing() -> None:
    editor = Editor(journey())
    editor.rename_id("stage", "attract", "attract")
    assert not editor.can_undo


def test_rename_of_a_duplicated_id_leaves_references_alone() -> None:
    data = journey()
    data["personas"].append({"id": "mette", "name": "Anden Mette"})
    editor = Editor(data)
    editor.rename_id("persona", "mette", "mette-2", at=("personas", 2))
    assert [p["id"] for p in data["personas"]] == ["mette", "kasper", "mette-2"]
    assert data["interviews"][0]["persona"] == "mette"
    with pytest.raises(EditError):
        editor.rename_id("persona", "kasper", "k", at=("personas", 0))


def test_touched_items_names_items_by_id() -> None:
    data = journey()
    before = exact(data)
    ops: list[Operation] = [
        SetValue(("stages", 0, "touchpoints", 1, "name"), "TV-spot"),
        SetValue(("stages", 1, "customer_goal"), "Købe"),
        RemoveItem(("personas",), 1),
        InsertItem(("stages",), 0, {"id": "ny", "name": "Ny"}),
        MoveItem(("stages",), 3, 0),
        SetValue(("interviews", 0, "answers", 0, "text"), "Andet"),
        SetValue(("title",), "Titel"),
        Group("g", (SetValue(("stages", 1, "id"), "first"),)),
    ]
    assert touched_items(ops, data) == {
        ("touchpoint", "tv-spot"),
        ("stage", "convert"),
        ("persona", "kasper"),
        ("stage", "ny"),
        ("stage", "retain"),
        ("interview", "2026-11-03-kunde-a"),
        ("journey", "title"),
        ("stage", "ny"),
        ("stage", "first"),
    }
    assert exact(data) == before


# ------------------------------------------------------------------ random sequences

ACTIONS = [
    "set",
    "delete",
    "add_stage",
    "add_touchpoint",
    "add_persona",
    "add_question",
    "remove",
    "move_stage",
    "move_tp",
    "duplicate",
    "rename",
    "group",
]


# Loaded once: parsing YAML would dominate the run time of the property test.
SOURCES: list[dict[str, Any]] = [journey()] + [
    yaml.safe_load(p.read_text(encoding="utf-8")) for p in SAMPLES
]


def _random_edit(editor: Editor, draw: st.DataObject, action: str) -> None:
    data = editor.data
    stages = data.get("stages") or []
    n = len(stages)

    def pick(hi: int) -> int:
        return draw.draw(st.integers(0, max(hi - 1, 0)))

    names = st.text(alphabet="abcæøå ÆØÅ-1", min_size=0, max_size=8)
    try:
        if action == "set" and n:
            key = draw.draw(st.sampled_from(["name", "customer_goal", "x-extra", "duration"]))
            editor.set(("stages", pick(n), key), draw.draw(names | st.integers() | st.none()))
        elif action == "delete" and n:
            editor.delete(("stages", pick(n), draw.draw(st.sampled_from(["name", "touchpoints"]))))
        elif action == "add_stage":
            editor.add_stage(draw.draw(names), index=draw.draw(st.none() | st.integers(0, n)))
        elif action == "add_touchpoint" and n:
            editor.add_touchpoint(pick(n), draw.draw(names), emotion=draw.draw(st.integers(1, 5)))
        elif action == "add_persona":
            editor.add_persona(draw.draw(names))
        elif action == "add_question" and n:
            editor.add_question(pick(n), draw.draw(names), persona=draw.draw(st.none() | names))
        elif action == "remove" and n:
            editor.remove(("stages",), pick(n))
        elif action == "move_stage" and n:
            editor.move_stage(pick(n), draw.draw(st.integers(-2, 2)))
        elif action == "move_tp" and n:
            src = pick(n)
            tps = stages[src].get("touchpoints") or []
            if tps:
                editor.move_touchpoint_to_stage(src, pick(len(tps)), pick(n))
        elif action == "duplicate" and n:
            editor.duplicate(("stages",), pick(n))
        elif action == "rename":
            kind: Kind = draw.draw(st.sampled_from(["persona", "stage", "touchpoint", "interview"]))
            ids = sorted(editor.ids(kind))
            if ids:
                new = draw.draw(st.sampled_from([*ids, "ny-id", "ny-id-2", "Bad Id"]))
                editor.rename_id(kind, draw.draw(st.sampled_from(ids)), new)
        elif action == "group":
            with editor.group("batch"):
                editor.add_stage("I gruppe")
                editor.move_stage(len(editor.data["stages"]) - 1, -1)
                editor.set(("title",), draw.draw(names))
    except EditError:
        pass  # refusals are part of the game: they must leave no trace


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_edits_undo_back_to_the_original(draw: st.DataObject) -> None:
    source = draw.draw(st.sampled_from(SOURCES))
    data = copy.deepcopy(source)
    editor = Editor(data)
    states = [exact(data)]
    for action in draw.draw(st.lists(st.sampled_from(ACTIONS), min_size=1, max_size=25)):
        _random_edit(editor, draw, action)
        if exact(data) != states[-1]:
            states.append(exact(data))
        # Every touchpoint id stays unique however the journey is edited.
        tp_ids = [
            tp.get("id")
            for stage in data.get("stages") or []
            for tp in stage.get("touchpoints") or []
        ]
        assert len(tp_ids) == len(set(tp_ids))
    final = states[-1]
    steps = 0
    while editor.undo():
        steps += 1
        assert exact(data) == states[-1 - steps]
    assert exact(data) == exact(source)
    assert not editor.dirty
    while editor.redo():
        pass
    assert exact(data) == final


def test_undo_labels_exist_in_danish() -> None:
    editor = Editor(journey())
    editor.rename_id("touchpoint", "tv-spot", "tv")
    assert label_text(editor.undo_label or "", "da") == "Omdøb berøringspunkt tv-spot → tv"
    editor.duplicate(("stages",), 0)
    assert label_text(editor.undo_label or "", "da") == "Dupliker fase"
    editor.set(("stages", 0, "name"), "X")
    assert label_text(editor.undo_label or "", "da") == "Ændr stages[0].name"
    assert label_text(editor.undo_label or "", "en") == "Set stages[0].name"
    with editor.group("Workshop-runde"):
        editor.set(("title",), "Y")
    assert label_text(editor.undo_label or "", "da") == "Workshop-runde"


def test_steps_from_saved_counts_the_edits_a_recovery_copy_holds() -> None:
    editor = Editor({"title": "a", "owner": "b"})
    assert editor.steps_from_saved() == 0
    editor.apply(SetValue(("title",), "x"))
    editor.apply(SetValue(("owner",), "y"))
    assert editor.steps_from_saved() == 2
    editor.mark_saved()
    editor.apply(SetValue(("title",), "z"))
    assert editor.steps_from_saved() == 1
    editor.undo()
    editor.undo()  # past the save: one step away, in the redo direction
    assert editor.steps_from_saved() == 1
    editor.apply(SetValue(("owner",), "w"))  # the saved state is now out of reach
    assert editor.steps_from_saved() >= 1
