"""The generated fast schema check is current and agrees with jsonschema."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kunderejse_tui.journey.schema import schema_is_valid
from kunderejse_tui.journey.validate import schema_ok

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "schemas" / "journey.schema.json").read_text(encoding="utf-8"))
FULL = jsonschema.Draft7Validator(SCHEMA)
SAMPLES = sorted((ROOT / "sample_journeys").glob("*.journey.yaml"))


def test_generated_module_is_up_to_date() -> None:
    r = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gen_schema_validator.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def base() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SAMPLES[0].read_text(encoding="utf-8"))
    return data


MUTATIONS = [
    lambda d: d.update(titlez="typo"),
    lambda d: d.update(format="kunderejse/9"),
    lambda d: d.pop("title"),
    lambda d: d.update(language="de"),
    lambda d: d.update(updated="20-11-2026"),
    lambda d: d["stages"][0].update(id="Ikke Slug"),
    lambda d: d["stages"][0].update(name=""),
    lambda d: d["stages"][0]["touchpoints"][0].update(emotion=6),
    lambda d: d["stages"][0]["touchpoints"][0].update(emotion=True),
    lambda d: d["stages"][0]["touchpoints"][0].update(emotion=2.5),
    lambda d: d["stages"][0]["touchpoints"][0].update(kind="owned-ish"),
    lambda d: d["stages"][0]["touchpoints"][0].update(personas="mette"),
    lambda d: d["stages"][0]["messaging"].update(tone="shout"),
    lambda d: d["stages"][0].update(**{"x-anything": {"deep": [1, None]}}),
    lambda d: d["interviews"][0].update(consent="yes"),
    lambda d: d["interviews"][0]["answers"][0].update(ask="and a custom question?"),
    lambda d: d["interviews"][0]["answers"][0].pop("question"),
    lambda d: d["personas"][0].update(demographics={"age": "35-45"}),
    lambda d: d["personas"][0].update(demographics={"age": [35]}),
    lambda d: d.update(stages="none"),
    lambda d: d.update(stages=[]),
]


@pytest.mark.parametrize("mutate", MUTATIONS)
def test_fast_check_agrees_with_jsonschema_on_targeted_changes(mutate: Any) -> None:
    data = base()
    mutate(data)
    assert schema_ok(data) == FULL.is_valid(data) == schema_is_valid(data)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_samples_pass_both(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert schema_ok(data) and FULL.is_valid(data)


leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 8),
    st.sampled_from(["", "a", "Ab c", "2026-01-02", "x-y"]),
)
fields = st.sampled_from(
    [
        "id",
        "name",
        "emotion",
        "kind",
        "tone",
        "personas",
        "touchpoints",
        "pains",
        "x-z",
        "zz",
        "text",
    ]
)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 30), fields, st.one_of(leaf, st.lists(leaf, max_size=2))),
        max_size=4,
    )
)
def test_fast_check_agrees_with_jsonschema_on_random_damage(
    edits: list[tuple[int, str, Any]],
) -> None:
    data = base()
    targets: list[dict[str, Any]] = [data]
    for stage in data["stages"]:
        targets.append(stage)
        targets.extend(stage.get("touchpoints", []))
    for index, key, value in edits:
        targets[index % len(targets)][key] = copy.deepcopy(value)
    assert schema_ok(data) == FULL.is_valid(data) == schema_is_valid(data)
