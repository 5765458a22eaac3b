"""Interview ids with a respondent's name in them are found and renamed
(`kunderejse fmt --anonymise`); new ids never hold one (test_edits.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from kunderejse_tui.journey.anonymise import (
    anonymise_interview_ids,
    holds_a_name,
    named_interview_ids,
)
from kunderejse_tui.journey.dump import dump
from kunderejse_tui.journey.edits import Editor
from kunderejse_tui.journey.validate import validate_file
from kunderejse_tui.journey.yamlio import load_file

REPO = Path(__file__).resolve().parents[1]
FUNNEL = REPO / "sample_journeys" / "bilkoeb-privat.journey.yaml"


def _named() -> dict[str, Any]:
    data = load_file(FUNNEL).data
    iv = data["interviews"][0]
    iv["id"], iv["respondent"], iv["persona"] = (
        "2026-11-03-lone-41-valby",
        "Lone (41), Valby",
        "mette",
    )
    data["interviews"].append({"id": "2026-11-03-mette", "date": "2026-11-03"})  # taken
    return data


def test_an_id_holds_a_name_when_it_has_a_word_of_it() -> None:
    assert holds_a_name("2026-12-04-lone-41-valby", "Lone 41 Valby")
    assert holds_a_name("soeren-2", "Søren")
    assert not holds_a_name("2026-12-04-mette", "Lone 41 Valby")
    assert not holds_a_name("2026-12-04-interview", "")
    assert not holds_a_name("2026-12-04-41", "41 Bo")  # numbers and two letters are no name


def test_named_ids_get_the_date_and_the_persona() -> None:
    assert named_interview_ids(_named()) == [
        ("2026-11-03-lone-41-valby", "2026-11-03-mette-2"),  # -mette is taken
        ("2026-11-10-kunde-b", "2026-11-10-kasper"),  # an alias is a name too
    ]


def test_anonymising_renames_in_one_undo_step() -> None:
    data = _named()
    editor = Editor(data)
    assert [new for _, new in anonymise_interview_ids(editor)] == [
        "2026-11-03-mette-2",
        "2026-11-10-kasper",
    ]
    ids = [iv["id"] for iv in data["interviews"]]
    assert ids == ["2026-11-03-mette-2", "2026-11-10-kasper", "2026-11-03-mette"]
    assert editor.undo_label == "Anonymise interview ids"
    assert editor.undo() and data["interviews"][0]["id"] == "2026-11-03-lone-41-valby"
    assert anonymise_interview_ids(Editor({"interviews": []})) == []


def test_fmt_anonymise_rewrites_the_file(tmp_path: Path) -> None:
    target = tmp_path / "a.journey.yaml"
    target.write_text(dump(_named()), encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "kunderejse_tui", "fmt", "--anonymise", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    assert "interview 2026-11-03-lone-41-valby -> 2026-11-03-mette-2" in r.stderr
    text = target.read_text(encoding="utf-8")
    assert "lone-41-valby" not in text and "id: 2026-11-03-mette-2\n" in text
    assert validate_file(target)[1] == []
