"""The command line: output formats, exit codes, fmt, new — and never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kunderejse_tui import __version__
from kunderejse_tui.cli import main

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "sample_journeys"

VALID = """\
format: kunderejse/1
id: a
title: A
stages:
  - id: attract
    name: Tiltræk
"""

BAD_REF = """\
format: kunderejse/1
id: a
title: A
stages:
  - id: attract
    name: Tiltræk
interviews:
  - id: i1
    answers:
      - question: why-us
        text: Pris
        stages:
          - attrakt
"""

CONFLICT = """\
format: kunderejse/1
id: a
<<<<<<< HEAD
title: A
=======
title: B
>>>>>>> theirs
stages: []
"""


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command in a subprocess (what users and CI see)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "kunderejse_tui", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
    )


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_valid_file(tmp_path: Path) -> None:
    r = cli("validate", str(write(tmp_path, "a.journey.yaml", VALID)))
    assert (r.returncode, r.stdout) == (0, "")
    assert "1 file checked: 0 errors" in r.stderr


def test_validate_bad_reference_prints_editor_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "a.journey.yaml", BAD_REF)
    r = cli("validate", str(path))
    assert r.returncode == 1
    assert r.stdout == (
        f"{path}:13:13: error[X203]: attrakt: no such stage; did you mean attract?\n"
    )
    r_da = cli("validate", "--lang", "da", str(path))
    assert (
        r_da.stdout == f"{path}:13:13: error[X203]: attrakt: fase findes ikke; mente du attract?\n"
    )


def test_validate_merge_conflict_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = write(tmp_path, "c.journey.yaml", CONFLICT)
    r = cli("validate", str(path))
    assert r.returncode == 1
    assert r.stdout.startswith(f"{path}:3:1: error[L006]: ")
    assert "resolve the merge conflict first" in r.stdout
    assert "Traceback" not in r.stdout + r.stderr


def test_validate_json_has_the_same_facts(tmp_path: Path) -> None:
    path = write(tmp_path, "a.journey.yaml", BAD_REF)
    doc = json.loads(cli("validate", "--format", "json", str(path)).stdout)
    assert doc["errors"] == 1 and doc["files"][0]["valid"] is False
    assert doc["files"][0]["problems"][0] == {
        "file": str(path), "line": 13, "col": 13, "code": "X203", "name": "unknown-stage",
        "severity": "error", "message": "attrakt: no such stage; did you mean attract?",
        "path": ["interviews", 0, "answers", 0, "stages", 0],
    }  # fmt: skip


def test_validate_github_annotations_parse_back(tmp_path: Path) -> None:
    path = write(tmp_path, "a.journey.yaml", BAD_REF)
    line = cli("validate", "--format", "github", str(path)).stdout.strip()
    head, message = line[2:].split("::", 1)
    level, props = head.split(" ", 1)
    fields = dict(kv.split("=", 1) for kv in props.split(","))
    assert level == "error"
    assert fields["line"] == "13" and fields["col"] == "13"
    assert fields["file"] == str(path).replace(":", "%3A")
    assert message == "attrakt: no such stage; did you mean attract?"


def test_validate_directory_means_every_journey_below_it(tmp_path: Path) -> None:
    write(tmp_path, "a.journey.yaml", VALID)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "b.journey.yaml", BAD_REF)
    write(tmp_path, "notes.yaml", CONFLICT)  # not a journey by name: not checked
    r = cli("validate", str(tmp_path))
    assert r.returncode == 1
    assert "2 files checked: 1 error," in r.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    r = cli("validate", str(tmp_path / "missing.journey.yaml"))
    assert r.returncode == 2 and "no such file or directory" in r.stderr
    r = cli("validate", "--format", "xml", str(tmp_path))
    assert r.returncode == 2
    assert "Traceback" not in r.stderr


def test_serve_usage_errors_in_the_users_language(tmp_path: Path) -> None:
    r = cli("serve", str(tmp_path / "ingen"), "--lang", "da")
    assert r.returncode == 2 and "filen eller mappen findes ikke" in r.stderr
    r = cli("serve", str(tmp_path), "--max-sessions", "0", "--lang", "da")
    assert r.returncode == 2 and "skal være mindst 1" in r.stderr
    r = cli("serve", str(tmp_path), "--port", "70000", "--lang", "en")
    assert r.returncode == 2 and "not a port number" in r.stderr
    assert "Traceback" not in r.stderr


def test_version_and_help() -> None:
    assert cli("--version").stdout.strip() == f"kunderejse {__version__}"
    help_text = cli("--help").stdout
    for command in ("validate", "fmt", "new", "export", "schema"):
        assert command in help_text


def test_fmt_twice_on_a_hand_written_file(tmp_path: Path) -> None:
    hand = write(
        tmp_path,
        "h.journey.yaml",
        "title: Håndskrevet\nid: h\nformat: kunderejse/1\nstages: [{name: Tiltræk, id: attract}]\n"
        "updated: 2026-11-20\nx-note: {b: 1}\n",
    )
    assert cli("fmt", "--check", str(hand)).returncode == 1
    first = cli("fmt", str(hand))
    assert first.returncode == 0 and "1 file reformatted" in first.stderr
    once = hand.read_bytes()
    assert once.decode() == (
        'format: kunderejse/1\nid: h\ntitle: Håndskrevet\nupdated: "2026-11-20"\n\n'
        "stages:\n  - id: attract\n    name: Tiltræk\nx-note:\n  b: 1\n"
    )
    second = cli("fmt", str(hand))
    assert "0 files reformatted, 1 unchanged" in second.stderr
    assert hand.read_bytes() == once
    assert cli("fmt", "--check", str(hand)).returncode == 0


def test_fmt_diff_shows_and_changes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, "a.journey.yaml", "id: a\nformat: kunderejse/1\ntitle: A\nstages: []\n")
    before = path.read_bytes()
    r = cli("fmt", "--diff", str(path))
    assert r.returncode == 1
    assert "+format: kunderejse/1\n id: a\n-format: kunderejse/1\n" in r.stdout
    assert path.read_bytes() == before


def test_fmt_refuses_comments_unless_told(tmp_path: Path) -> None:
    path = write(tmp_path, "a.journey.yaml", "# vigtigt\n" + VALID)
    before = path.read_bytes()
    r = cli("fmt", str(path))
    assert r.returncode == 1 and "--drop-comments" in r.stderr and ":1:1:" in r.stderr
    assert path.read_bytes() == before
    assert cli("fmt", "--drop-comments", str(path)).returncode == 0
    assert b"vigtigt" not in path.read_bytes()


def test_fmt_leaves_unreadable_files_alone(tmp_path: Path) -> None:
    path = write(tmp_path, "c.journey.yaml", CONFLICT)
    r = cli("fmt", str(path))
    assert r.returncode == 1 and "L006" in r.stderr and "left unchanged" in r.stderr
    assert path.read_text() == CONFLICT


def test_fmt_keeps_an_existing_schema_line_and_finds_one_when_missing(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "journey.schema.json").write_text("{}")
    (tmp_path / "journeys").mkdir()
    path = write(tmp_path / "journeys", "a.journey.yaml", VALID)
    cli("fmt", str(path))
    assert path.read_text().startswith(
        "# yaml-language-server: $schema=../schemas/journey.schema.json\n"
    )
    custom = "# yaml-language-server: $schema=https://example.org/s.json\n"
    path.write_text(custom + VALID)
    cli("fmt", str(path))
    assert path.read_text().startswith(custom)


def test_new_writes_a_valid_journey_and_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    target = tmp_path / "nyt.journey.yaml"
    r = cli("new", str(target), "--template", "lifecycle-12", "--lang", "da", "--title", "Ny rejse")
    assert r.returncode == 0, r.stderr
    # Outside this repository the schema comes along, and the line points at it relatively.
    assert (tmp_path / ".kunderejse" / "journey.schema.json").is_file()
    text = target.read_text()
    assert text.startswith("# yaml-language-server: $schema=.kunderejse/journey.schema.json\n")
    assert "id: ny-rejse\n" in text and "name: Købsoplevelsen\n" in text
    assert cli("validate", str(target)).returncode == 0
    assert cli("fmt", "--check", str(target)).returncode == 0
    again = cli("new", str(target), "--title", "Andet")
    assert again.returncode == 1 and "already exists" in again.stderr
    assert target.read_text() == text


def test_python_m_and_main_agree(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SAMPLES)]) == 0
    assert "errors" in capsys.readouterr().err


def test_every_command_is_registered_by_the_module_the_fast_path_loads() -> None:
    # main() builds a parser with only the running command's module; a command
    # missing from COMMANDS (or mapped to the wrong module) would fall back to the
    # full, slower parser or fail to parse.
    from kunderejse_tui.cli import COMMANDS
    from kunderejse_tui.cli.parser import _subcommands, build_parser

    assert set(COMMANDS) == set(_subcommands(build_parser()))
    for command, module in COMMANDS.items():
        assert command in _subcommands(build_parser(only=module))


def test_validate_does_not_load_the_other_commands() -> None:
    code = (
        "import sys; from kunderejse_tui.cli import main; "
        f"main(['validate', {str(SAMPLES)!r}]); "
        "print(sorted(m for m in sys.modules if m.startswith(('kunderejse_tui.cli.', 'textual', 'jsonschema', 'dataclasses'))))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == (
        "['kunderejse_tui.cli.common', 'kunderejse_tui.cli.parser', 'kunderejse_tui.cli.validate']"
    )


def test_top_level_and_per_command_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "validate" in out and "report" in out
    with pytest.raises(SystemExit):
        main(["validate", "--help"])
    assert "--format" in capsys.readouterr().out


def test_exports_start_without_dataclasses_decimal_shutil_or_the_templates() -> None:
    # What a small journey's export costs is mostly start-up: keep these out of it.
    code = (
        "import sys, io, contextlib; from kunderejse_tui.cli import main\n"
        "for to in ('markdown', 'mermaid-journey'):\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        f"        main(['export', {str(SAMPLES / 'bilkoeb-privat.journey.yaml')!r}, '--to', to])\n"
        "print(sorted(m for m in ('dataclasses', 'decimal', 'shutil',"
        " 'kunderejse_tui.journey.templates') if m in sys.modules))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"
