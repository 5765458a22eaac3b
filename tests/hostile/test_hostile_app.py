"""The hostile corpus opened in the app: the load-error screen names line, column and code,
nothing crashes or hangs, and nothing is written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_corpus import HOSTILE, Case
from test_hostile_cli import snapshot

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("app_probe.py")
# Files that can block a reader get a process of their own, so that one hang
# cannot hide the results of the others.
ALONE = {"fifo", "dev-zero", "fifty-megabytes"}

# One probe opens the whole corpus (about a minute): the module's tests go to one
# pytest-xdist worker (make test uses --dist loadgroup) so it runs once, not per worker.
pytestmark = pytest.mark.xdist_group("hostile-app")


def run_probe(paths: list[Path], state: Path, timeout: float) -> dict[str, dict[str, str]]:
    """What the app showed per file; a traceback anywhere in the run is charged to each file."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), KUNDEREJSE_STATE_DIR=str(state))
    try:
        done = subprocess.run(
            [sys.executable, str(PROBE), *map(str, paths)],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            stdin=subprocess.DEVNULL,
        )
        out, err = done.stdout, done.stderr
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        err = "timeout"
    results = {str(p): {"screen": "NO ANSWER", "shown": ""} for p in paths}
    results.update({r["file"]: r for r in map(json.loads, out.splitlines())})
    if "Traceback" in out + err:
        for r in results.values():
            r["traceback"] = err[-3000:]
    return results


@pytest.fixture(scope="module")
def shown(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict[str, str], bool]]:
    """What the app showed for every case, and whether the case's folder stayed untouched."""
    root = tmp_path_factory.mktemp("hostile-app")
    state = tmp_path_factory.mktemp("state")
    paths: dict[str, Path] = {}
    for case in HOSTILE:
        directory = root / case.name
        directory.mkdir()
        case.make(directory / case.filename)
        paths[case.name] = directory / case.filename
    before = {name: snapshot(p.parent) for name, p in paths.items()}
    results = run_probe([p for n, p in paths.items() if n not in ALONE], state, 600)
    for name in ALONE:
        results.update(run_probe([paths[name]], state, 60))
    return {
        name: (
            results[str(p)],
            snapshot(p.parent) == before[name],
        )
        for name, p in paths.items()
    }


@pytest.mark.parametrize("case", HOSTILE, ids=[c.name for c in HOSTILE])
def test_the_app_shows_the_problem_and_writes_nothing(
    case: Case, shown: dict[str, tuple[dict[str, str], bool]]
) -> None:
    result, untouched = shown[case.name]
    assert "traceback" not in result, result["traceback"]
    assert result["screen"] == "LoadErrorScreen", result
    found = result["shown"]
    assert f"[{case.code}]" in found, found
    if case.line is not None and case.col is not None:
        assert f":{case.line}:{case.col}: " in found, found
    assert untouched
