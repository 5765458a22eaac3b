"""The console script ends a command without the interpreter's teardown: its output
must still arrive whole, its exit code stand, and a reader that leaves early
(``| head``) must not cause a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kunderejse_tui.journey.dump import dump
from kunderejse_tui.journey.export import export_markdown
from kunderejse_tui.journey.yamlio import load_file

FUNNEL = Path(__file__).parent.parent / "sample_journeys" / "bilkoeb-privat.journey.yaml"


@pytest.fixture
def long_journey(tmp_path: Path) -> Path:
    """The funnel sample with its interviews repeated: a Markdown export of several
    pipe buffers (64 KiB each on Linux)."""
    loaded = load_file(FUNNEL)
    data = loaded.data
    data["interviews"] = [
        {**iv, "id": f"{iv['id']}-{n}"} for n in range(200) for iv in data["interviews"]
    ]
    target = tmp_path / "lang.journey.yaml"
    target.write_text(dump(data, loaded.schema_line), encoding="utf-8")
    return target


def _kunderejse(*args: str) -> list[str]:
    return [sys.executable, "-m", "kunderejse_tui", *args]


# Buffered, as a user's shell has it: PYTHONUNBUFFERED would hide a missing flush.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


def test_all_of_a_long_export_arrives_through_a_pipe(long_journey: Path) -> None:
    want = export_markdown(load_file(long_journey).data)
    assert len(want.encode()) > 4 * 65536
    r = subprocess.run(
        _kunderejse("export", str(long_journey), "--to", "markdown"),
        capture_output=True,
        timeout=60,
        env=ENV,
    )
    assert (r.returncode, r.stderr) == (0, b"")
    assert r.stdout.decode("utf-8") == want


def test_problems_and_the_summary_arrive_with_exit_code_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.journey.yaml"
    bad.write_text(FUNNEL.read_text(encoding="utf-8").replace("format: kunderejse/1", "format: x"))
    r = subprocess.run(
        _kunderejse("validate", str(bad)), capture_output=True, text=True, timeout=60, env=ENV
    )
    assert r.returncode == 1
    assert r.stdout.startswith(f"{bad}:2:1: error[S104]")
    assert r.stderr.startswith("1 file checked: 1 error,")


@pytest.mark.parametrize("command", ["export", "report"])
def test_a_reader_that_stops_early_gets_no_traceback(command: str, long_journey: Path) -> None:
    proc = subprocess.Popen(
        _kunderejse(command, str(long_journey), "--to", "markdown"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(100).startswith(b"# ")
    proc.stdout.close()  # as `| head -c 100` does
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 0
    assert err == b""
