"""Every case of the official YAML test suite: no crash, no hang, no traceback.

Each case either loads (and then validates, formats and exports like any
journey) or is refused with a Problem that has a code and a position. The same
cases also go through the real command line, all in one process per command.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kunderejse_tui.journey import export
from kunderejse_tui.journey.fileio import _same, render_journey
from kunderejse_tui.journey.problems import CODES, JourneyLoadError, Problem
from kunderejse_tui.journey.validate import validate_loaded
from kunderejse_tui.journey.yamlio import load_text

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "yaml-test-suite" / "cases.jsonl"


def _load_cases() -> list[dict[str, Any]]:
    header, *lines = DATA.read_text(encoding="utf-8").splitlines()
    cases = [json.loads(line) for line in lines]
    assert len(cases) == json.loads(header)["cases"]
    return cases


CASES = _load_cases()


def _check_problems(problems: list[Problem], text: str) -> None:
    assert problems
    n_lines = text.count("\n") + 2
    for p in problems:
        assert p.code in CODES
        assert p.message("en") and p.message("da")
        assert 1 <= p.line <= n_lines and p.col >= 1, p.format()


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case_loads_or_gives_a_problem_with_a_code(case: dict[str, Any]) -> None:
    text = case["yaml"]
    for source in (text, text.encode("utf-8")):
        try:
            loaded = load_text(source, f"{case['id']}.journey.yaml")
        except JourneyLoadError as exc:
            _check_problems(exc.problems, text)
            continue
        _check_problems(validate_loaded(loaded), text)
        # Whatever loads can be saved without losing anything (fmt, the app).
        back = load_text(render_journey(loaded.data, loaded.schema_line)).data
        assert _same(back, loaded.data)
        # And exported, whatever shape it has.
        assert isinstance(export.export_markdown(loaded.data), str)
        assert isinstance(export.export_mermaid_journey(loaded.data), str)
        assert isinstance(export.export_mermaid_flowchart(loaded.data), str)


def test_the_whole_suite_is_there() -> None:
    assert len(CASES) >= 400
    assert len({c["id"] for c in CASES}) == len(CASES)
    assert sum(c["fail"] for c in CASES) >= 90


@pytest.fixture(scope="module")
def suite_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("yaml-suite")
    for case in CASES:
        (directory / f"{case['id']}.journey.yaml").write_bytes(case["yaml"].encode("utf-8"))
    return directory


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), KUNDEREJSE_STATE_DIR=str(cwd / ".state"))
    return subprocess.run(
        [sys.executable, "-m", "kunderejse_tui", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=180,
        stdin=subprocess.DEVNULL,
    )


def test_validate_runs_the_whole_suite_in_one_process(suite_dir: Path) -> None:
    before = {p.name: p.read_bytes() for p in suite_dir.iterdir()}
    run = _run(["validate", "."], suite_dir)
    assert "Traceback" not in run.stdout + run.stderr, run.stderr[-3000:]
    assert run.returncode == 1, run.stderr[-3000:]
    reported = set(
        re.findall(r"^(.+?\.journey\.yaml):\d+:\d+: error\[[LSX]\d{3}\]: \S", run.stdout, re.M)
    )
    # None of the suite's documents is a journey, so every file has at least one error.
    assert reported == set(before), sorted(set(before) ^ reported)[:10]
    assert f"{len(CASES)} files checked" in run.stderr
    assert {p.name: p.read_bytes() for p in suite_dir.iterdir()} == before


def test_fmt_check_runs_the_whole_suite_in_one_process(suite_dir: Path) -> None:
    before = {p.name: p.read_bytes() for p in suite_dir.iterdir()}
    run = _run(["fmt", "--check", "."], suite_dir)
    assert "Traceback" not in run.stdout + run.stderr, run.stderr[-3000:]
    assert run.returncode == 1, run.stderr[-3000:]
    assert {p.name: p.read_bytes() for p in suite_dir.iterdir()} == before
