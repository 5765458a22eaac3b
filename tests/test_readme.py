"""The README is part of the contract: its problem-code table matches the code."""

from __future__ import annotations

import re
from pathlib import Path

from kunderejse_tui.journey.problems import CODES

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_problem_code_is_listed_with_its_name_and_severity() -> None:
    rows = re.findall(r"^\| `([LSXW]\d{3})` \| `([a-z0-9-]+)` \| (error|warning) \|", README, re.M)
    assert rows == [(c.code, c.name, c.severity) for c in CODES.values()]


def test_the_two_commands_are_documented() -> None:
    assert "make run" in README and "make test" in README
