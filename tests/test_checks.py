"""Cross-reference checks: each problem with its code, line, column and a suggestion."""

from __future__ import annotations

from pathlib import Path

from kunderejse_tui.journey.checks import check_references
from kunderejse_tui.journey.yamlio import load_text

TEXT = """\
format: kunderejse/1
id: bil
title: Bil
updated: "2026-02-30"
based_on: nowhere.journey.yaml
personas:
  - id: mette
    name: Mette
  - id: mette
    name: Mette igen
stages:
  - id: attract
    name: Tiltræk
    customer_questions:
      - text: Købe eller lease?
        persona: mete
    touchpoints:
      - id: fb
        name: Facebook
        personas:
          - mette
          - jens
  - id: interest
    name: Interesse
    touchpoints:
      - id: fb
        name: Facebook igen
interviews:
  - id: i1
    persona: mette
    date: "2026-13-01"
    answers:
      - question: need-discovry
        text: Svar
        stages:
          - attrakt
        touchpoints:
          - fbb
  - id: i1
"""


def problems() -> list[tuple[str, int, int, str]]:
    loaded = load_text(TEXT, "bil.journey.yaml")
    found = check_references(loaded.data, loaded.locate, loaded.file, Path("/nonexistent-dir"))
    return sorted((p.code, p.line, p.col, p.message("en")) for p in found)


def test_every_cross_reference_problem_with_line_and_column() -> None:
    assert problems() == [
        ("W301", 5, 1, "based_on: nowhere.journey.yaml does not exist (relative to this file)"),
        ("X201", 9, 5, "persona id 'mette' is used twice (first at line 7)"),
        ("X201", 26, 9, "touchpoint id 'fb' is used twice (first at line 18)"),
        ("X201", 39, 5, "interview id 'i1' is used twice (first at line 29)"),
        ("X202", 16, 9, "mete: no such persona; did you mean mette?"),
        ("X202", 22, 13, "jens: no such persona (known: mette)"),
        ("X203", 36, 13, "attrakt: no such stage; did you mean attract?"),
        ("X204", 38, 13, "fbb: no such touchpoint; did you mean fb?"),
        ("X205", 33, 9, "need-discovry: no such question in the question bank; did you mean need-discovery?"),
        ("X206", 4, 1, "2026-02-30 is not a date in the calendar"),
        ("X206", 31, 5, "2026-13-01 is not a date in the calendar"),
    ]  # fmt: skip


def test_messages_exist_in_danish_with_the_same_codes() -> None:
    loaded = load_text(TEXT, "bil.journey.yaml")
    found = check_references(loaded.data, loaded.locate, loaded.file, None)
    by_code = {p.code: p.message("da") for p in found}
    assert by_code["X203"] == "attrakt: fase findes ikke; mente du attract?"
    assert "bruges to gange" in by_code["X201"]
    assert "W301" not in by_code  # no base dir, no file-system check


def test_based_on_an_existing_file_is_fine(tmp_path: Path) -> None:
    (tmp_path / "nu.journey.yaml").write_text("x")
    data = {"format": "kunderejse/1", "id": "a", "title": "A", "stages": [],
            "based_on": "nu.journey.yaml"}  # fmt: skip
    assert check_references(data, lambda p: (1, 1), "a", tmp_path) == []


def test_wrong_shapes_are_left_to_the_schema_and_never_crash() -> None:
    data = {
        "stages": "oops",
        "personas": [1, None, {"id": 5}],
        "interviews": [{"answers": {"a": 1}}, {"answers": [{"stages": "nope"}]}],
    }
    found = check_references(data, lambda p: (1, 1), "broken", None)
    assert [(p.code, p.message("en")) for p in found] == [("X203", "nope: no such stage")]
