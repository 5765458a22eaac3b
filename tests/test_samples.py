"""The sample journeys: the first thing users see, and the source of export goldens."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from kunderejse_tui.cli import main
from kunderejse_tui.journey.templates import QUESTION_IDS, TEMPLATES

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_journeys"
SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/journey.schema.json"

BILKOEB = SAMPLES / "bilkoeb-privat.journey.yaml"
LIFECYCLE = SAMPLES / "energiraadgivning-livscyklus.journey.yaml"
B2B = SAMPLES / "b2b-software.journey.yaml"
ALL = sorted(SAMPLES.glob("*.journey.yaml"))


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def touchpoints(journey: dict[str, Any]) -> list[dict[str, Any]]:
    return [tp for stage in journey["stages"] for tp in stage.get("touchpoints", [])]


def answers(journey: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for iv in journey.get("interviews", []) for a in iv.get("answers", [])]


def stage_ids(template: str) -> list[str]:
    return [s.id for s in TEMPLATES[template].stages]


def test_the_three_samples_exist() -> None:
    assert {BILKOEB, LIFECYCLE, B2B} <= set(ALL)


# --- every sample ----------------------------------------------------------------


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_sample_starts_with_schema_line_and_has_no_other_comments(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == SCHEMA_LINE
    # Only the schema line may be a comment: fmt would refuse to drop others silently.
    assert not any(line.lstrip().startswith("#") for line in lines[1:])


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_sample_is_block_style(path: Path) -> None:
    node = yaml.compose(path.read_text(encoding="utf-8"))
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, yaml.MappingNode):
            assert not n.flow_style, f"flow mapping at line {n.start_mark.line + 1}"
            for k, v in n.value:
                stack.extend((k, v))
        elif isinstance(n, yaml.SequenceNode):
            # `[]` is the one flow form the canonical layout allows.
            assert not n.flow_style or not n.value, f"flow list at line {n.start_mark.line + 1}"
            stack.extend(n.value)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_sample_is_valid_against_schema(path: Path) -> None:
    schema = json.loads((ROOT / "schemas" / "journey.schema.json").read_text(encoding="utf-8"))
    errors = [
        f"{list(e.absolute_path)}: {e.message}"
        for e in jsonschema.Draft7Validator(schema).iter_errors(load(path))
    ]
    assert errors == []


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_sample_ids_and_references_hold(path: Path) -> None:
    # Checked here independently of the validator, so a validator bug cannot hide a
    # broken sample (the golden export files are made from these).
    journey = load(path)
    assert journey["id"] == path.name.removesuffix(".journey.yaml")
    personas = [p["id"] for p in journey.get("personas", [])]
    stages = [s["id"] for s in journey["stages"]]
    tps = [tp["id"] for tp in touchpoints(journey)]
    interviews = [iv["id"] for iv in journey.get("interviews", [])]
    for ids in (personas, stages, tps, interviews):
        assert len(ids) == len(set(ids))
    for stage in journey["stages"]:
        for q in stage.get("customer_questions", []):
            assert "persona" not in q or q["persona"] in personas
        for tp in stage.get("touchpoints", []):
            assert set(tp.get("personas", [])) <= set(personas)
            assert tp.get("emotion", 3) in range(1, 6)
    for iv in journey.get("interviews", []):
        assert iv["persona"] in personas
        for a in iv["answers"]:
            assert ("question" in a) != ("ask" in a)
            assert "question" not in a or a["question"] in QUESTION_IDS
            assert set(a.get("stages", [])) <= set(stages)
            assert set(a.get("touchpoints", [])) <= set(tps)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_sample_has_journey_metadata(path: Path) -> None:
    journey = load(path)
    assert list(journey)[:3] == ["format", "id", "title"]
    assert journey["format"] == "kunderejse/1"
    assert isinstance(journey["updated"], str) and len(journey["updated"]) == 10
    assert journey["owner"]
    assert journey["time_to_purchase"]
    if journey["model"] != "custom":
        assert [s["id"] for s in journey["stages"]] == stage_ids(journey["model"])


# --- bilkoeb-privat ----------------------------------------------------------------


def test_bilkoeb_is_a_danish_b2c_funnel_with_two_personas() -> None:
    journey = load(BILKOEB)
    assert (journey["language"], journey["market"], journey["model"]) == ("da", "B2C", "funnel-5")
    assert len(journey["personas"]) == 2
    assert "description: |\n" in BILKOEB.read_text(encoding="utf-8")
    assert journey["description"].count("\n") >= 2


def test_bilkoeb_every_stage_is_filled_in() -> None:
    journey = load(BILKOEB)
    for stage in journey["stages"]:
        assert stage["customer_goal"]
        assert 2 <= len(stage["customer_questions"]) <= 3
        assert 2 <= len(stage["touchpoints"]) <= 4
        for tp in stage["touchpoints"]:
            assert {"channel", "kind", "emotion"} <= set(tp)
            assert tp.get("pains") or tp.get("opportunities")
        assert set(stage["messaging"]) == {"tone", "key_messages", "content", "call_to_action"}
        assert stage["kpis"] and stage["duration"]
    questions = [q for s in journey["stages"] for q in s["customer_questions"]]
    assert any("persona" in q for q in questions)
    assert any("persona" not in q for q in questions)


def test_bilkoeb_emotion_curve_has_a_dip() -> None:
    journey = load(BILKOEB)
    means = [
        sum(tp["emotion"] for tp in s["touchpoints"]) / len(s["touchpoints"])
        for s in journey["stages"]
    ]
    low = min(means)
    assert low < means[0] and low < means[-1]
    assert 0 < means.index(low) < len(means) - 1
    assert {tp["emotion"] for tp in touchpoints(journey)} >= {2, 3, 4, 5}


def test_bilkoeb_interviews() -> None:
    journey = load(BILKOEB)
    interviews = journey["interviews"]
    assert len(interviews) == 2
    assert [iv.get("consent") for iv in interviews] == [True, None]
    assert "consent" not in interviews[1]  # absent, not false: the format's meaning of "no"
    for iv in interviews:
        banked = [a for a in iv["answers"] if "question" in a]
        asked = [a for a in iv["answers"] if "ask" in a]
        assert len(banked) >= 3
        assert len(asked) == 1
        assert all(a["stages"] and a["tags"] for a in iv["answers"])
        assert any(a.get("touchpoints") for a in iv["answers"])
        assert any("\n" in a["text"] for a in iv["answers"])


# --- energiraadgivning-livscyklus -------------------------------------------------


def test_lifecycle_has_all_twelve_stages_in_template_order() -> None:
    journey = load(LIFECYCLE)
    assert (journey["language"], journey["model"]) == ("da", "lifecycle-12")
    expected = [(s.id, s.name.da) for s in TEMPLATES["lifecycle-12"].stages]
    assert [(s["id"], s["name"]) for s in journey["stages"]] == expected
    assert len(expected) == 12
    assert 1 <= len(journey["personas"]) <= 2
    assert all(s.get("customer_goal") and s.get("messaging") for s in journey["stages"])
    with_touchpoints = [s for s in journey["stages"] if s.get("touchpoints")]
    assert len(with_touchpoints) >= 10


# --- b2b-software ------------------------------------------------------------------


def test_b2b_has_an_english_buying_group() -> None:
    journey = load(B2B)
    assert (journey["language"], journey["market"]) == ("en", "B2B")
    personas = journey["personas"]
    assert len(personas) >= 3
    for p in personas:
        assert {"title", "company_type", "buying_role"} <= set(p["job"])
    assert len({p["job"]["buying_role"] for p in personas}) == len(personas)
    # Touchpoints name who in the buying group meets them, several at a time.
    named = [tp for tp in touchpoints(journey) if tp.get("personas")]
    assert len(named) >= len(touchpoints(journey)) // 2
    assert any(len(tp["personas"]) >= 2 for tp in named)
    assert len(journey["interviews"]) == 1


def test_b2b_stage_names_are_english() -> None:
    journey = load(B2B)
    model = journey["model"]
    if model != "custom":
        names = [s.name.en for s in TEMPLATES[model].stages]
        assert [s["name"] for s in journey["stages"]] == names


# --- the command line on the samples ---------------------------------------------


def test_validate_reports_no_problems(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", str(SAMPLES)])
    out, err = capsys.readouterr()
    assert code == 0, out + err


def test_samples_are_canonical(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["fmt", "--check", str(SAMPLES)])
    out, err = capsys.readouterr()
    assert code == 0, out + err
