"""Hostile files through ``validate``, ``fmt`` and ``export`` as real processes.

Each must answer with FILE:LINE:COL and a code, exit 1 (not 2, not a signal),
print no traceback, finish in bounded time and write nothing: the file keeps
its bytes and mtime and no file appears beside it. BOM and CRLF files work,
and ``fmt`` writes them back as they came, never half-and-half.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from kunderejse_tui.journey.yamlio import load_text
from tests.hostile.hostile_corpus import HOSTILE, Case, Friendly, snapshot

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 20  # seconds; the slowest case (50 MB) needs well under 2

COMMANDS = {
    "validate": ["validate"],
    "fmt": ["fmt"],
    "export": ["export", "--to", "markdown"],
}


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def both(self) -> str:
        return self.out + self.err


def kunderejse(args: list[str], cwd: Path, state: Path) -> Run:
    env = dict(os.environ, PYTHONPATH=str(ROOT), KUNDEREJSE_STATE_DIR=str(state))
    proc = subprocess.run(
        [sys.executable, "-m", "kunderejse_tui", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=TIMEOUT,
        stdin=subprocess.DEVNULL,
    )
    return Run(
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )


def _command(name: str, path: Path) -> list[str]:
    # export takes FILE before its options; validate and fmt take paths only.
    args = COMMANDS[name]
    return [args[0], str(path), *args[1:]]


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each hostile file alone in its own directory, generated once for the session."""
    root = tmp_path_factory.mktemp("hostile")
    paths = {}
    for case in HOSTILE:
        directory = root / case.name
        directory.mkdir()
        case.make(directory / case.filename)
        paths[case.name] = directory / case.filename
    return paths


@pytest.mark.parametrize("command", list(COMMANDS))
def test_hostile_file_is_refused_with_a_line_and_a_code_and_nothing_written(
    hostile: Case, command: str, corpus: dict[str, Path], tmp_path: Path
) -> None:
    path = corpus[hostile.name]
    before = snapshot(path.parent)
    run = kunderejse(_command(command, path), path.parent, tmp_path / "state")
    assert "Traceback" not in run.both, run.both[-3000:]
    assert run.code == 1, f"exit {run.code}\n{run.both[-3000:]}"
    found = re.findall(
        re.escape(str(path)) + r":(\d+):(\d+): error\[([LSXW]\d{3})\]: (\S.*)", run.both
    )
    assert found, f"no FILE:LINE:COL: error[CODE]: message in\n{run.both[-3000:]}"
    line, col, code, message = found[0]
    assert code == hostile.code, message
    if hostile.line is not None:
        assert int(line) == hostile.line, message
    if hostile.col is not None:
        assert int(col) == hostile.col, message
    assert snapshot(path.parent) == before, "a hostile file was written, or a file appeared"
    assert not (path.parent / "PWNED").exists()


def test_the_corpus_covers_what_the_issue_lists() -> None:
    codes = {c.code for c in HOSTILE}
    # L005 (lone surrogate) is reachable only from text already in memory: as bytes
    # a surrogate is invalid UTF-8 (L003), which surrogate-raw-bytes covers.
    assert {f"L{n:03d}" for n in range(1, 19)} - {"L005"} <= codes
    assert len(HOSTILE) >= 50


@pytest.fixture
def friendly_file(friendly: Friendly, tmp_path: Path) -> Path:
    path = tmp_path / "work" / friendly.filename
    path.parent.mkdir()
    path.write_bytes(friendly.raw)
    return path


def _assert_line_endings(raw: bytes, friendly: Friendly) -> None:
    assert raw.startswith(b"\xef\xbb\xbf") == friendly.bom
    assert raw.count(b"\xef\xbb\xbf") == int(friendly.bom)
    if friendly.crlf:
        assert raw.count(b"\n") == raw.count(b"\r\n") > 0, "some lines lost their CR"
    else:
        assert b"\r" not in raw


def test_bom_and_crlf_files_validate_and_export(
    friendly: Friendly, friendly_file: Path, tmp_path: Path
) -> None:
    state = tmp_path / "state"
    run = kunderejse(["validate", str(friendly_file)], friendly_file.parent, state)
    assert run.code == 0 and "Traceback" not in run.both, run.both
    run = kunderejse(_command("export", friendly_file), friendly_file.parent, state)
    assert run.code == 0 and "Traceback" not in run.both, run.both
    assert run.out.startswith("# Bilkøb")


def test_fmt_writes_bom_and_crlf_back_as_they_came(
    friendly: Friendly, friendly_file: Path, tmp_path: Path
) -> None:
    state = tmp_path / "state"
    data = load_text(friendly.raw).data
    run = kunderejse(["fmt", str(friendly_file)], friendly_file.parent, state)
    assert run.code == 0 and "Traceback" not in run.both, run.both
    formatted = friendly_file.read_bytes()
    _assert_line_endings(formatted, friendly)
    assert load_text(formatted).data == data
    assert os.listdir(friendly_file.parent) == [friendly_file.name]
    # Canonical now: a second run and --check leave the bytes alone.
    mtime = friendly_file.stat().st_mtime_ns
    again = kunderejse(["fmt", str(friendly_file)], friendly_file.parent, state)
    assert again.code == 0 and "0 files reformatted, 1 unchanged" in again.err, again.both
    check = kunderejse(["fmt", "--check", str(friendly_file)], friendly_file.parent, state)
    assert check.code == 0, check.both
    assert friendly_file.read_bytes() == formatted
    assert friendly_file.stat().st_mtime_ns == mtime
