"""The difference the recovery and "changed on disk" dialogs show (issue 15, item 11).

A 6 MB journey's "show the difference" handed difflib both whole texts (about
180,000 lines each): 15-20 s of CPU. The difference is now found item by item,
so difflib only ever sees the few lines of the items that changed; for a small
journey the output is exactly difflib's. How long it takes is a `make bench`
row (benchmarks/diff_bench.py), not a timed test.
"""

from __future__ import annotations

import copy
import difflib
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import generate_journey
from kunderejse_tui.journey.dump import dump
from kunderejse_tui.journey.yamlio import load_file
from kunderejse_tui.tui.screens.recovery import difference

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "sample_journeys").glob("*.journey.yaml"))


def _plain(old: dict[str, Any], new: dict[str, Any]) -> str:
    lines = list(
        difflib.unified_diff(dump(old).splitlines(), dump(new).splitlines(), lineterm="", n=2)
    )[2:]
    return "H\n" + "\n".join(lines) if lines else ""


def _edits(data: dict[str, Any]) -> list[dict[str, Any]]:
    """A few kinds of edit: a rename, a deleted stage, an added interview, a moved item."""
    out = []
    a = copy.deepcopy(data)
    a["title"] = "Ny titel"
    out.append(a)
    b = copy.deepcopy(data)
    del b["stages"][1]
    out.append(b)
    c = copy.deepcopy(data)
    c.setdefault("interviews", []).append({"id": "ny", "answers": [{"text": "hej"}]})
    out.append(c)
    d = copy.deepcopy(data)
    d["stages"].insert(0, d["stages"].pop())
    d["stages"][2]["name"] = "Omdøbt"
    out.append(d)
    return out


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_small_journeys_read_exactly_as_difflib(sample: Path) -> None:
    data = load_file(sample).data
    for new in _edits(data):
        assert difference(data, new, "H") == _plain(data, new)
    assert difference(data, copy.deepcopy(data), "H") == ""


class _Spy(difflib.SequenceMatcher):  # type: ignore[type-arg]
    largest = 0

    def set_seqs(self, a: Any, b: Any) -> None:
        _Spy.largest = max(_Spy.largest, len(a) + len(b))
        super().set_seqs(a, b)


def test_a_6_mb_journey_never_hands_difflib_the_whole_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = generate_journey(touchpoints_per_stage=250, interviews=1700)
    new = copy.deepcopy(old)
    new["stages"][0]["touchpoints"][0]["name"] = "Ændret først"
    new["interviews"][-1]["answers"][0]["text"] = "Ændret sidst"
    del new["stages"][5]["touchpoints"][100]
    monkeypatch.setattr(difflib, "SequenceMatcher", _Spy)
    text = difference(old, new, "H")
    lines = text.splitlines()
    assert "-        name: " + old["stages"][0]["touchpoints"][0]["name"] in lines
    assert "+        name: Ændret først" in lines
    assert "+        text: Ændret sidst" in lines
    removed = old["stages"][5]["touchpoints"][100]["id"]
    assert f"-      - id: {removed}" in lines
    assert _Spy.largest < 5_000, _Spy.largest
    # Hunk headers count lines in the whole texts, as difflib's do.
    first = (
        dump(old).splitlines().index("        name: " + old["stages"][0]["touchpoints"][0]["name"])
    )
    assert lines[1].startswith(f"@@ -{first - 1},")
