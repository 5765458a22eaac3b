"""Making a future-state version of a journey (core, and `kunderejse new --future-of`),
and the one path every new journey file is written by (journey/create.py)."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kunderejse_tui.journey.create import create_journey_file, write_new_file
from kunderejse_tui.journey.edits import id_holders
from kunderejse_tui.journey.future_state import (
    NotACurrentState,
    create_future_state,
    future_journey,
    future_path,
)
from kunderejse_tui.journey.semantic_diff import diff_journeys
from kunderejse_tui.journey.templates import new_journey
from kunderejse_tui.journey.validate import validate_file
from kunderejse_tui.journey.yamlio import load_file

REPO = Path(__file__).resolve().parents[1]
FUNNEL = REPO / "sample_journeys" / "bilkoeb-privat.journey.yaml"


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kunderejse_tui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
    )


@pytest.fixture
def current(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the repository the journey lives in
    target = tmp_path / "journeys" / FUNNEL.name
    target.parent.mkdir()
    shutil.copyfile(FUNNEL, target)
    return target


def test_future_path_sits_beside_the_current_journey() -> None:
    assert future_path(Path("a/bil.journey.yaml")) == Path("a/bil.future.journey.yaml")
    assert future_path(Path("bil.yaml")) == Path("bil.future.journey.yaml")
    assert future_path(Path("bil.journey.yml")) == Path("bil.future.journey.yaml")


def test_future_journey_keeps_every_id_and_names_its_current_state(current: Path) -> None:
    data = load_file(current).data
    target = current.parent / "future" / "x.journey.yaml"
    future = future_journey(data, current, target, today=datetime.date(2026, 12, 24))
    assert future["state"] == "future"
    assert future["based_on"] == "../" + current.name
    assert future["updated"] == "2026-12-24"
    assert future["title"] == data["title"] + " (fremtidig tilstand)"
    for kind in ("persona", "stage", "touchpoint"):
        assert [i for _, i in id_holders(future, kind)] == [i for _, i in id_holders(data, kind)]
    # Interviews are today's evidence; the future state does not copy respondents' words.
    assert "interviews" not in future and data["interviews"]
    # A copy: the open journey is not touched, and shares nothing with the new one.
    assert data.get("state") != "future"
    future["stages"][0]["name"] = "Ændret"
    assert data["stages"][0]["name"] != "Ændret"


def test_create_future_state_writes_a_valid_file_that_diff_compares(current: Path) -> None:
    created = create_future_state(load_file(current).data, current)
    target = current.with_name("bilkoeb-privat.future.journey.yaml")
    assert created.path == target and target.read_bytes() == created.raw
    assert validate_file(target)[1] == []
    text = target.read_text(encoding="utf-8")
    # The shared path: the schema line, with the schema installed at the repository root.
    assert text.startswith("# yaml-language-server: $schema=../.kunderejse/journey.schema.json\n")
    assert created.schema_installed == current.parent.parent / ".kunderejse" / "journey.schema.json"
    assert "based_on: bilkoeb-privat.journey.yaml\n" in text
    changes = diff_journeys(load_file(current).data, load_file(target).data)
    # Same ids: nothing but the journey's own facts and the interviews differ.
    assert {c.item for c in changes} == {"journey", "interview"}, changes


def test_an_existing_future_state_is_never_overwritten(current: Path) -> None:
    target = future_path(current)
    target.write_text("mine\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        create_future_state(load_file(current).data, current)
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_a_future_state_has_no_future_state(current: Path) -> None:
    created = create_future_state(load_file(current).data, current)
    with pytest.raises(NotACurrentState):
        create_future_state(load_file(created.path).data, created.path)


def test_write_new_file_refuses_a_name_that_is_taken_and_leaves_no_temp_file(
    tmp_path: Path,
) -> None:
    target = tmp_path / "a.journey.yaml"
    write_new_file(target, b"one\n")
    with pytest.raises(FileExistsError):
        write_new_file(target, b"two\n")
    assert target.read_bytes() == b"one\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.journey.yaml"]


def test_create_journey_file_uses_the_repositorys_own_schema(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "journey.schema.json").write_text("{}")
    (tmp_path / "j").mkdir()
    created = create_journey_file(
        tmp_path / "j" / "n.journey.yaml", new_journey("funnel-5", "da", "N")
    )
    assert created.schema_installed is None
    assert created.raw.startswith(
        b"# yaml-language-server: $schema=../schemas/journey.schema.json\n"
    )
    assert not (tmp_path / ".kunderejse").exists()


def test_cli_new_future_of(current: Path) -> None:
    r = cli("new", "--future-of", str(current))
    assert r.returncode == 0, r.stderr
    target = future_path(current)
    assert (
        "bilkoeb-privat.future.journey.yaml (fremtidig tilstand, bygger på bilkoeb-privat.journey.yaml)"
        in r.stderr
    )
    assert load_file(target).data["state"] == "future"
    assert cli("validate", str(target)).returncode == 0
    # kunderejse diff finds the current state through based_on by itself.
    d = cli("diff", str(target), "--lang", "en")
    assert d.returncode == 0 and "Future state vs current state" in d.stdout
    again = cli("new", "--future-of", str(current))
    assert again.returncode == 1 and "findes allerede" in again.stderr
    assert "Traceback" not in again.stderr
    of_future = cli("new", "--future-of", str(target), str(current.parent / "x.journey.yaml"))
    assert of_future.returncode == 1 and "state: future" in of_future.stderr


def test_cli_new_future_of_elsewhere_with_a_title(current: Path) -> None:
    out = current.parent / "plan" / "bil-2027.journey.yaml"
    out.parent.mkdir()
    r = cli("new", "--future-of", str(current), str(out), "--title", "Bilkøb 2027")
    assert r.returncode == 0, r.stderr
    data = load_file(out).data
    assert data["title"] == "Bilkøb 2027" and data["based_on"] == "../" + current.name
    assert validate_file(out)[1] == []


def test_cli_new_usage_errors(current: Path) -> None:
    assert cli("new", str(current.parent / "n.journey.yaml")).returncode == 2  # no --title
    assert cli("new", "--title", "x").returncode == 2  # no FILE
    r = cli("new", "--future-of", str(current), "--template", "content-5")
    assert r.returncode == 2 and "do not apply" in r.stderr
    assert cli("new", "--future-of", str(current.parent / "nope.journey.yaml")).returncode == 2
