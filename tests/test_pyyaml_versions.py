"""Too-deep nesting is L007, at the same place, under the oldest and the newest PyYAML.

The package allows ``pyyaml>=6.0.1``; the lock holds the newest release as of the
last ``make lock``. PyYAML 6.0.4's libyaml started refusing deep flow nesting on
its own (a syntax error, which was L008 here), so the decision is ours: this test
runs the loader under both ends of the range, in a venv of its own for the oldest
one (hashed requirements in tests/pyyaml-oldest.txt, refreshed by ``make lock``).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
OLDEST = REPO / "tests" / "pyyaml-oldest.txt"
HEAD = "format: kunderejse/1\nid: dyb\ntitle: Dyb\nlanguage: da\nstages: []\n"

CASES = {
    "flow-sequences-100k": HEAD + "x-deep: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "flow-mappings-100k": HEAD + "x-deep: " + "{a: " * 100_000 + "}" * 100_000 + "\n",
    "flow-unclosed-100k": HEAD + "x-deep: " + "[" * 100_000 + "\n",
    "flow-in-block-list": HEAD + "x-deep:\n  - " + "[" * 5_000 + "\n",
    "flow-after-quoted-brackets": HEAD + 'x-a: "]]]]"\nx-deep: ' + "[" * 2_000 + "\n",
    "block-sequences-100k": HEAD + "x-deep:\n" + "- " * 100_000 + "x\n",
    "flow-200": HEAD + "x-deep: " + "[" * 200 + "]" * 200 + "\n",
}

PROBE = """
import json, sys, yaml
from kunderejse_tui.journey.problems import JourneyLoadError
from kunderejse_tui.journey.yamlio import load_text
cases = json.load(sys.stdin)
out = {"version": yaml.__version__, "libyaml": yaml.__with_libyaml__, "results": {}}
for name, text in cases.items():
    try:
        load_text(text, "deep.journey.yaml")
        out["results"][name] = None
    except JourneyLoadError as exc:
        p = exc.problems[0]
        out["results"][name] = [p.code, p.line, p.col]
print(json.dumps(out))
"""


def probe(python: Path | str) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [str(python), "-c", PROBE],
        input=json.dumps(CASES),
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


@pytest.fixture(scope="module")
def oldest_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv with nothing but the oldest allowed PyYAML (our code comes from PYTHONPATH)."""
    venv = tmp_path_factory.mktemp("pyyaml-oldest") / "venv"
    uv = Path(sys.executable).with_name("uv")
    subprocess.run(
        [uv, "venv", "--quiet", "--python", sys.executable, str(venv)], check=True, timeout=120
    )
    python = venv / "bin" / "python"
    install = ["pip", "install", "--quiet", "--python", str(python), "--require-hashes"]
    subprocess.run(
        [uv, *install, "--requirement", str(OLDEST)],
        check=True,
        timeout=300,
    )
    return python


def allowed_minimum() -> str:
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    m = re.search(r'"pyyaml>=([0-9.]+)', pyproject)
    assert m, "pyproject.toml no longer names a PyYAML lower bound"
    return m.group(1)


def test_the_oldest_set_is_the_lower_bound_of_pyproject() -> None:
    pins = re.findall(r"^pyyaml==(\S+)", OLDEST.read_text(encoding="utf-8"), re.M)
    assert pins == [allowed_minimum()]


@pytest.mark.slow
def test_deep_nesting_is_l007_at_the_same_place_under_oldest_and_newest(
    oldest_python: Path,
) -> None:
    newest = probe(sys.executable)
    oldest = probe(oldest_python)
    assert oldest["version"] == allowed_minimum()
    assert newest["version"] == yaml.__version__
    # The C parser is what PyYAML uses when it has it, and the one whose limits changed.
    assert oldest["libyaml"] and newest["libyaml"]
    results = newest["results"]
    assert isinstance(results, dict)
    for name, got in results.items():
        assert got is not None and got[0] == "L007", (name, got)
    assert oldest["results"] == results
    # The root mapping is level 1, so the 64th bracket after "x-deep: " (column 9) is
    # the one too many.
    assert results["flow-sequences-100k"] == ["L007", 6, 9 + 63]
    assert results["flow-unclosed-100k"] == ["L007", 6, 9 + 63]
    assert results["flow-after-quoted-brackets"] == ["L007", 7, 9 + 63]
