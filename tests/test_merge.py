"""Three-way merge by identity: edits to different items merge, the same item conflicts."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kunderejse_tui.journey.edits import MISSING, EditError, Editor
from kunderejse_tui.journey.merge import Conflict, merge

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "sample_journeys").glob("*.journey.yaml"))


def base_journey() -> dict[str, Any]:
    return {
        "format": "kunderejse/1",
        "id": "bil",
        "title": "Bilkøb",
        "x-top": {"keep": True},
        "personas": [{"id": "mette", "name": "Mette", "traits": ["prisbevidst"]}],
        "stages": [
            {
                "id": "attract",
                "name": "Tiltræk",
                "customer_questions": [{"text": "Købe eller lease?", "persona": "mette"}],
                "touchpoints": [
                    {"id": "facebook-annonce", "name": "Annonce", "emotion": 3, "pains": ["pris"]},
                    {"id": "tv-spot", "name": "TV", "emotion": 2},
                ],
                "x-stage": "keep",
            },
            {
                "id": "convert",
                "name": "Konverter",
                "touchpoints": [{"id": "proevetur", "name": "Prøvetur", "emotion": 4}],
            },
            {"id": "retain", "name": "Fasthold"},
        ],
        "interviews": [
            {
                "id": "kunde-a",
                "persona": "mette",
                "answers": [
                    {"question": "need-discovery", "text": "Leasing udløb.", "tags": ["a"]},
                    {"ask": "Hvorfor?", "text": "Pris."},
                ],
            }
        ],
    }


def edited(base: dict[str, Any], change: Callable[[Editor], object]) -> dict[str, Any]:
    """A copy of ``base`` changed through the Editor, as the app would change it."""
    data = copy.deepcopy(base)
    change(Editor(data))
    return data


def exact(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


def stage(data: dict[str, Any], stage_id: str) -> dict[str, Any]:
    return next(s for s in data["stages"] if s["id"] == stage_id)


def tp(data: dict[str, Any], tp_id: str) -> dict[str, Any]:
    return next(t for s in data["stages"] for t in s.get("touchpoints", []) if t["id"] == tp_id)


def merged_ok(base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    inputs = exact([base, mine, theirs])
    result = merge(base, mine, theirs)
    assert result.conflicts == [], [str(c) for c in result.conflicts]
    assert result.ok and result.merged is not None
    assert exact([base, mine, theirs]) == inputs, "merge changed its inputs"
    return result.merged


def only_conflict(base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any]) -> Conflict:
    result = merge(base, mine, theirs)
    assert result.merged is None and not result.ok
    assert len(result.conflicts) == 1, [str(c) for c in result.conflicts]
    return result.conflicts[0]


# ------------------------------------------------------------------ no change on one side


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_one_sided_changes_come_through_exactly(path: Path) -> None:
    base = yaml.safe_load(path.read_text(encoding="utf-8"))
    changed = edited(base, lambda e: (e.duplicate(("stages",), 0), e.move_stage(0, 2)))
    assert exact(merged_ok(base, changed, base)) == exact(changed)
    assert exact(merged_ok(base, base, changed)) == exact(changed)
    assert exact(merged_ok(base, changed, changed)) == exact(changed)


# ------------------------------------------------------------------ disjoint edits merge


def test_edits_in_different_stages_merge() -> None:
    base = base_journey()
    mine = edited(base, lambda e: e.set(("stages", 0, "customer_goal"), "Finde en bil"))
    theirs = edited(base, lambda e: e.set(("stages", 1, "name"), "Køb"))
    merged = merged_ok(base, mine, theirs)
    assert stage(merged, "attract")["customer_goal"] == "Finde en bil"
    assert stage(merged, "convert")["name"] == "Køb"
    assert list(stage(merged, "attract")) == list(stage(mine, "attract"))


def test_renamed_touchpoint_and_emotion_in_another_stage_merge() -> None:
    base = base_journey()
    mine = edited(base, lambda e: e.set(("stages", 0, "touchpoints", 0, "name"), "FB-annonce"))
    theirs = edited(base, lambda e: e.set(("stages", 1, "touchpoints", 0, "emotion"), 1))
    merged = merged_ok(base, mine, theirs)
    assert tp(merged, "facebook-annonce")["name"] == "FB-annonce"
    assert tp(merged, "proevetur")["emotion"] == 1


def test_renamed_touchpoint_id_and_emotion_in_another_stage_merge() -> None:
    base = base_journey()
    base["interviews"][0]["answers"][0]["touchpoints"] = ["facebook-annonce"]
    mine = edited(base, lambda e: e.rename_id("touchpoint", "facebook-annonce", "fb"))
    theirs = edited(base, lambda e: e.set(("stages", 1, "touchpoints", 0, "emotion"), 1))
    merged = merged_ok(base, mine, theirs)
    assert [t["id"] for t in stage(merged, "attract")["touchpoints"]] == ["fb", "tv-spot"]
    assert merged["interviews"][0]["answers"][0]["touchpoints"] == ["fb"]
    assert tp(merged, "proevetur")["emotion"] == 1


def test_both_sides_add_different_stages() -> None:
    base = base_journey()
    mine = edited(base, lambda e: e.add_stage("Mit nye trin", index=1))
    theirs = edited(base, lambda e: (e.add_stage("Deres trin", index=2), e.add_stage("Sidst")))
    merged = merged_ok(base, mine, theirs)
    assert [s["id"] for s in merged["stages"]] == [
        "attract",
        "mit-nye-trin",
        "convert",
        "deres-trin",
        "retain",
        "sidst",
    ]


def test_both_add_touchpoints_and_answers() -> None:
    base = base_journey()
    mine = edited(
        base,
        lambda e: (
            e.add_touchpoint(0, "Google", index=1),
            e.add_answer(0, "Mit svar", ask="Mit spørgsmål"),
            e.insert(("stages", 0, "touchpoints", 0, "pains"), None, "tid"),
        ),
    )
    theirs = edited(
        base,
        lambda e: (
            e.add_touchpoint(0, "Radio"),
            e.add_answer(0, "Deres svar", question="why-us"),
            e.insert(("stages", 0, "touchpoints", 0, "pains"), None, "tillid"),
        ),
    )
    merged = merged_ok(base, mine, theirs)
    assert [t["id"] for t in stage(merged, "attract")["touchpoints"]] == [
        "facebook-annonce",
        "google",
        "tv-spot",
        "radio",
    ]
    assert [a["text"] for a in merged["interviews"][0]["answers"]] == [
        "Leasing udløb.",
        "Pris.",
        "Mit svar",
        "Deres svar",
    ]
    assert tp(merged, "facebook-annonce")["pains"] == ["pris", "tid", "tillid"]


def test_touchpoint_moved_on_one_side_and_edited_on_the_other() -> None:
    base = base_journey()
    mine = edited(base, lambda e: e.move_touchpoint_to_stage(0, 1, 2))
    theirs = edited(base, lambda e: e.set(("stages", 0, "touchpoints", 1, "emotion"), 5))
    merged = merged_ok(base, mine, theirs)
    assert [t["id"] for t in stage(merged, "attract")["touchpoints"]] == ["facebook-annonce"]
    assert stage(merged, "retain")["touchpoints"] == [{"id": "tv-spot", "name": "TV", "emotion": 5}]
    # and the other way round
    merged = merged_ok(base, theirs, mine)
    assert stage(merged, "retain")["touchpoints"] == [{"id": "tv-spot", "name": "TV", "emotion": 5}]


def test_stage_order_changed_on_one_side_follows_that_side() -> None:
    base = base_journey()
    mine = edited(base, lambda e: e.set(("stages", 2, "name"), "Loyalitet"))
    theirs = edited(base, lambda e: e.move_stage(2, -2))
    merged = merged_ok(base, mine, theirs)
    assert [s["id"] for s in merged["stages"]] == ["retain", "attract", "convert"]
    assert merged["stages"][0]["name"] == "Loyalitet"


def test_same_answer_changed_in_different_fields_merges() -> None:
    base = base_journey()
    mine = edited(base, lambda e: e.set(("interviews", 0, "answers", 0, "text"), "Ny tekst"))
    theirs = edited(base, lambda e: e.insert(("interviews", 0, "answers", 0, "tags"), None, "b"))
    merged = merged_ok(base, mine, theirs)
    assert merged["interviews"][0]["answers"][0] == {
        "question": "need-discovery",
        "text": "Ny tekst",
        "tags": ["a", "b"],
    }


def test_delete_on_one_side_and_unrelated_edit_on_the_other() -> None:
    base = base_journey()
    mine = edited(base, lambda e: e.remove(("stages",), 2))
    theirs = edited(base, lambda e: e.set(("title",), "Ny titel"))
    merged = merged_ok(base, mine, theirs)
    assert [s["id"] for s in merged["stages"]] == ["attract", "convert"]
    assert merged["title"] == "Ny titel"


def test_unknown_and_x_keys_survive() -> None:
    base = base_journey()
    base["stages"][0]["touchpoints"][0]["x-tp"] = {"keep": [1, 2]}
    base["unknwon_typo"] = "keep"

    def mine_edits(e: Editor) -> None:
        e.set(("x-mine",), [1])
        e.set(("stages", 1, "x-stage-mine"), "m")
        e.set(("stages", 0, "touchpoints", 0, "emotion"), 4)

    def theirs_edits(e: Editor) -> None:
        e.set(("x-theirs",), {"a": None})
        e.set(("stages", 0, "touchpoints", 1, "x-tp-theirs"), 1.5)
        e.set(("stages", 0, "touchpoints", 0, "x-tp", "keep"), [1, 2, 3])

    mine = edited(base, mine_edits)
    theirs = edited(base, theirs_edits)
    merged = merged_ok(base, mine, theirs)
    assert merged["x-top"] == {"keep": True}
    assert merged["unknwon_typo"] == "keep"
    assert merged["x-mine"] == [1] and merged["x-theirs"] == {"a": None}
    assert stage(merged, "attract")["x-stage"] == "keep"
    assert stage(merged, "convert")["x-stage-mine"] == "m"
    assert tp(merged, "facebook-annonce") == {
        "id": "facebook-annonce",
        "name": "Annonce",
        "emotion": 4,
        "pains": ["pris"],
        "x-tp": {"keep": [1, 2, 3]},
    }
    assert tp(merged, "tv-spot")["x-tp-theirs"] == 1.5
    # Theirs' new key comes right after its predecessor in theirs.
    assert list(merged)[-2:] == ["x-mine", "x-theirs"]


def test_wrong_types_are_merged_as_plain_data() -> None:
    base = base_journey()
    base["stages"][1]["touchpoints"] = "not a list"
    mine = edited(base, lambda e: e.set(("stages", 0, "name"), "A"))
    theirs = edited(base, lambda e: e.set(("stages", 1, "touchpoints"), "still not a list"))
    merged = merged_ok(base, mine, theirs)
    assert stage(merged, "convert")["touchpoints"] == "still not a list"
    assert stage(merged, "attract")["name"] == "A"


def test_duplicate_touchpoint_ids_fall_back_to_matching_inside_each_stage() -> None:
    base = base_journey()
    base["stages"][1]["touchpoints"].append({"id": "tv-spot", "name": "Dublet"})
    mine = edited(base, lambda e: e.set(("stages", 0, "touchpoints", 1, "emotion"), 1))
    theirs = edited(base, lambda e: e.add_touchpoint(1, "Ny", index=0))
    merged = merged_ok(base, mine, theirs)
    assert stage(merged, "attract")["touchpoints"][1]["emotion"] == 1
    assert [t["id"] for t in stage(merged, "convert")["touchpoints"]] == [
        "ny",
        "proevetur",
        "tv-spot",
    ]


# ------------------------------------------------------------------ conflicts


def test_same_item_changed_differently_is_a_conflict() -> None:
    base = base_journey()
    mine = edited(base, lambda e: e.set(("stages", 0, "touchpoints", 0, "emotion"), 1))
    theirs = edited(base, lambda e: e.set(("stages", 0, "touchpoints", 0, "emotion"), 5))
    conflict = only_conflict(base, mine, theirs)
    assert conflict.kind == "changed"
    assert conflict.item == ("touchpoint", "facebook-annonce")
    assert conflict.path == ("stages", 0, "touchpoints", 0, "emotion")
    assert conflict.location == "stages[0].touchpoints[0].emotion"
    assert (conflict.base, conflict.mine, conflict.theirs) == (3, 1, 5)
    assert conflict.where("en") == "stage 'attract' › touchpoint 'facebook-annonce' › emotion"
    assert str(conflict) == (
        "stage 'attract' › touchpoint 'facebook-annonce' › emotion: "
        "changed differently in mine (1) and theirs (5)"
    )
    assert conflict.message("da", mine="appen", theirs="filen på disken") == (
        "fase 'attract' › berøringspunkt 'facebook-annonce' › emotion: "
        "ændret forskelligt i appen (1) og filen på disken (5)"
    )


def test_identical_edits_on_both_sides_are_not_a_conflict() -> None:
    base = base_journey()

    def change(e: Editor) -> None:
        e.set(("stages", 0, "touchpoints", 0, "emotion"), 1)
        e.add_stage("Samme nye fase")
        e.rename_id("persona", "mette", "mette-m")

    mine, theirs = edited(base, change), edited(base, change)
    assert exact(merged_ok(base, mine, theirs)) == exact(mine)


def test_same_field_of_a_journey_is_a_conflict() -> None:
    base = base_journey()
    conflict = only_conflict(
        base,
        edited(base, lambda e: e.set(("title",), "Mine")),
        edited(base, lambda e: e.set(("title",), "Theirs")),
    )
    assert conflict.item == ("journey", "title") and conflict.path == ("title",)
    assert str(conflict) == 'title: changed differently in mine ("Mine") and theirs ("Theirs")'


def test_deleted_on_one_side_changed_on_the_other() -> None:
    base = base_journey()
    mine = edited(base, lambda e: e.remove(("stages", 1, "touchpoints"), 0))
    theirs = edited(base, lambda e: e.set(("stages", 1, "touchpoints", 0, "name"), "Prøvetur+"))
    conflict = only_conflict(base, mine, theirs)
    assert conflict.kind == "deleted" and conflict.item == ("touchpoint", "proevetur")
    assert conflict.mine is MISSING
    assert "deleted in mine but changed in theirs" in str(conflict)
    conflict = only_conflict(base, theirs, mine)
    assert "deleted in theirs but changed in mine" in str(conflict)


def test_stage_deleted_while_its_touchpoint_changed() -> None:
    base = base_journey()
    mine = edited(base, lambda e: e.remove(("stages",), 1))
    theirs = edited(base, lambda e: e.set(("stages", 1, "touchpoints", 0, "emotion"), 1))
    conflict = only_conflict(base, mine, theirs)
    assert conflict.item == ("touchpoint", "proevetur") and conflict.kind == "deleted"


def test_touchpoint_moved_into_a_stage_the_other_side_deleted() -> None:
    base = base_journey()
    mine = edited(base, lambda e: e.move_touchpoint_to_stage(0, 1, 2))
    theirs = edited(base, lambda e: e.remove(("stages",), 2))
    conflict = only_conflict(base, mine, theirs)
    assert conflict.kind == "orphaned" and conflict.item == ("touchpoint", "tv-spot")
    assert "belongs to stage 'retain', which theirs deleted" in str(conflict)


def test_touchpoint_moved_to_different_stages() -> None:
    base = base_journey()
    mine = edited(base, lambda e: e.move_touchpoint_to_stage(0, 1, 1))
    theirs = edited(base, lambda e: e.move_touchpoint_to_stage(0, 1, 2))
    conflict = only_conflict(base, mine, theirs)
    assert conflict.kind == "moved"
    assert "moved to stage 'convert' in mine and to stage 'retain' in theirs" in str(conflict)


def test_stages_reordered_differently() -> None:
    base = base_journey()
    conflict = only_conflict(
        base,
        edited(base, lambda e: e.move_stage(0, 1)),
        edited(base, lambda e: e.move_stage(2, -1)),
    )
    assert conflict.kind == "order" and conflict.where("en") == "stages"


def test_renamed_id_on_one_side_and_the_item_edited_on_the_other() -> None:
    base = base_journey()
    mine = edited(base, lambda e: e.rename_id("touchpoint", "tv-spot", "tv"))

    def theirs_edits(e: Editor) -> None:
        e.set(("stages", 0, "touchpoints", 1, "emotion"), 4)
        # a new reference to the old id: the merge points it at the new one
        e.add_answer(0, "Så reklamen", touchpoints=["tv-spot"])

    theirs = edited(base, theirs_edits)
    for a, b in ((mine, theirs), (theirs, mine)):
        merged = merged_ok(base, a, b)
        assert stage(merged, "attract")["touchpoints"][1] == {
            "id": "tv",
            "name": "TV",
            "emotion": 4,
        }
        assert merged["interviews"][0]["answers"][-1]["touchpoints"] == ["tv"]


def test_renamed_stage_keeps_the_touchpoints_the_other_side_added() -> None:
    base = base_journey()
    mine = edited(base, lambda e: e.rename_id("stage", "convert", "koeb"))
    theirs = edited(base, lambda e: e.add_touchpoint(1, "Forhandler"))
    merged = merged_ok(base, mine, theirs)
    assert [s["id"] for s in merged["stages"]] == ["attract", "koeb", "retain"]
    assert [t["id"] for t in merged["stages"][1]["touchpoints"]] == ["proevetur", "forhandler"]


def test_renamed_differently_on_both_sides() -> None:
    base = base_journey()
    mine = edited(base, lambda e: e.rename_id("persona", "mette", "mette-a"))
    theirs = edited(base, lambda e: e.rename_id("persona", "mette", "mette-b"))
    result = merge(base, mine, theirs)
    assert result.merged is None
    # The id, and each reference both sides rewrote, are reported.
    assert [c.path for c in result.conflicts] == [
        ("personas", 0, "id"),
        ("stages", 0, "customer_questions", 0, "persona"),
        ("interviews", 0, "persona"),
    ]
    conflict = result.conflicts[0]
    assert conflict.item == ("persona", "mette")
    assert str(conflict) == (
        'persona \'mette\' › id: changed differently in mine ("mette-a") and theirs ("mette-b")'
    )


def test_renamed_and_changed_on_one_side_is_a_delete_and_an_add() -> None:
    # Without the rest of the item staying the same, nothing says the new id is the old item.
    base = base_journey()

    def mine_edits(e: Editor) -> None:
        e.rename_id("touchpoint", "tv-spot", "tv")
        e.set(("stages", 0, "touchpoints", 1, "name"), "Tv-reklame")

    mine = edited(base, mine_edits)
    theirs = edited(base, lambda e: e.set(("stages", 0, "touchpoints", 1, "emotion"), 4))
    conflict = only_conflict(base, mine, theirs)
    assert conflict.kind == "deleted" and conflict.item == ("touchpoint", "tv-spot")


def test_same_string_in_a_list_changed_differently() -> None:
    base = base_journey()
    path = ("personas", 0, "traits", 0)
    conflict = only_conflict(
        base,
        edited(base, lambda e: e.set(path, "sparsom")),
        edited(base, lambda e: e.set(path, "rig")),
    )
    assert conflict.item == ("persona", "mette")
    assert conflict.where("en") == "persona 'mette' › traits #1"


def test_every_conflict_is_reported() -> None:
    base = base_journey()

    def title_and_stage_name(value: str) -> Callable[[Editor], None]:
        def change(e: Editor) -> None:
            e.set(("title",), value)
            e.set(("stages", 2, "name"), value)

        return change

    mine = edited(base, title_and_stage_name("A"))
    theirs = edited(base, title_and_stage_name("B"))
    result = merge(base, mine, theirs)
    assert [c.item for c in result.conflicts] == [("journey", "title"), ("stage", "retain")]


# ------------------------------------------------------------------ random disjoint edits


def _edit_one_stage(editor: Editor, draw: st.DataObject, index: int) -> None:
    try:
        action = draw.draw(st.sampled_from(["name", "goal", "tp", "emotion", "question", "x"]))
        if action == "name":
            editor.set(("stages", index, "name"), draw.draw(st.text(max_size=5)))
        elif action == "goal":
            editor.delete(("stages", index, "customer_goal"))
        elif action == "tp":
            editor.add_touchpoint(index, f"tp {index} {draw.draw(st.text('abc', max_size=3))}")
        elif action == "emotion":
            for ti, _ in enumerate(editor.data["stages"][index].get("touchpoints", [])):
                editor.set(
                    ("stages", index, "touchpoints", ti, "emotion"), draw.draw(st.integers(1, 5))
                )
        elif action == "question":
            editor.add_question(index, draw.draw(st.text(max_size=5)))
        else:
            editor.set(("stages", index, "x-note"), draw.draw(st.text(max_size=5)))
    except EditError:
        pass


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_edits_to_different_stages_always_merge(draw: st.DataObject) -> None:
    base = base_journey()
    mine_stage = draw.draw(st.integers(0, 2))
    theirs_stage = draw.draw(st.integers(0, 2).filter(lambda i: i != mine_stage))

    def three_edits_to(stage: int) -> Callable[[Editor], None]:
        def change(e: Editor) -> None:
            for _ in range(3):
                _edit_one_stage(e, draw, stage)

        return change

    mine = edited(base, three_edits_to(mine_stage))
    theirs = edited(base, three_edits_to(theirs_stage))
    merged = merged_ok(base, mine, theirs)
    for index, source in ((mine_stage, mine), (theirs_stage, theirs)):
        assert exact(merged["stages"][index]) == exact(source["stages"][index])
    untouched = ({0, 1, 2} - {mine_stage, theirs_stage}).pop()
    assert exact(merged["stages"][untouched]) == exact(base["stages"][untouched])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_edits_on_one_side_come_through_exactly(draw: st.DataObject) -> None:
    base = base_journey()
    changes = draw.draw(st.lists(st.integers(0, 2), min_size=1, max_size=6))

    def change(e: Editor) -> None:
        for i in changes:
            _edit_one_stage(e, draw, i)

    changed = edited(base, change)
    assert exact(merged_ok(base, changed, base)) == exact(changed)
    assert exact(merged_ok(base, base, changed)) == exact(changed)
