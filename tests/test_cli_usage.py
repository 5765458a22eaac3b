"""How the command line treats a user who is finding their way: typos, --help, odd names."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kunderejse_tui.cli.parser import _command_parsers, build_parser

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_journeys" / "bilkoeb-privat.journey.yaml"


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "100"}
    return subprocess.run(
        [sys.executable, "-m", "kunderejse_tui", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "suggestion"),
    [
        (["valdate", "x.journey.yaml"], "validate"),
        (["valdate"], "validate"),
        (["exprot", "x.journey.yaml", "--to", "markdown"], "export"),
        (["fomt", "."], "fmt"),
    ],
)
def test_a_mistyped_command_names_the_nearest_one(
    tmp_path: Path, args: list[str], suggestion: str
) -> None:
    done = cli(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert f"did you mean '{suggestion}'?" in done.stderr
    assert (
        "commands: validate, fmt, new, export, diff, report, schema, recover, open" in done.stderr
    )
    assert "unrecognized arguments" not in done.stderr
    assert "Traceback" not in done.stderr


def test_a_missing_file_is_still_a_missing_file(tmp_path: Path) -> None:
    done = cli("workshop.journey.yaml", cwd=tmp_path)
    assert done.returncode == 2
    assert (
        done.stderr.strip() == "kunderejse: error: workshop.journey.yaml: no such file or directory"
    )


def test_two_words_that_are_no_command_list_the_commands(tmp_path: Path) -> None:
    done = cli("hello", "world", cwd=tmp_path)
    assert done.returncode == 2
    assert "'hello' is neither a command nor a file" in done.stderr
    assert "commands: validate" in done.stderr


def test_every_option_and_argument_has_help() -> None:
    parser = build_parser()
    missing = [
        f"{name} {action.option_strings or action.dest}"
        for name, sub in _command_parsers(parser).items()
        for action in sub._actions
        if not isinstance(action, argparse._HelpAction) and not action.help
    ]
    assert missing == []


def test_new_help_shows_the_defaults(tmp_path: Path) -> None:
    done = cli("new", "--help", cwd=tmp_path)
    assert done.returncode == 0
    text = " ".join(done.stdout.split())
    assert "(default: funnel-5)" in text
    assert "(default: da)" in text


def test_new_warns_when_the_name_lacks_the_journey_suffix(tmp_path: Path) -> None:
    done = cli("new", "z.yaml", "--title", "Z", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "z.yaml does not end in .journey.yaml" in done.stderr
    assert (tmp_path / "z.yaml").is_file()
    done = cli("new", "z.journey.yaml", "--title", "Z", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "does not end in" not in done.stderr


def test_export_of_a_journey_with_errors_says_so_and_still_exports(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    good = tmp_path / "good.journey.yaml"
    good.write_text(text, encoding="utf-8")
    done = cli("export", good.name, "--to", "markdown", cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == ""

    bad = tmp_path / "bad.journey.yaml"
    bad.write_text(text.replace("emotion: 2", "emotion: 9", 1), encoding="utf-8")
    done = cli("export", bad.name, "--to", "markdown", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.startswith("# ")
    line = text[: text.index("emotion: 2")].count("\n") + 1
    assert f"bad.journey.yaml has 1 error, the first at line {line}, column" in done.stderr
    assert "exporting it anyway" in done.stderr
