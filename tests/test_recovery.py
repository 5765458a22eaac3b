"""Recovery copies: unsaved edits written aside, found again by path, private, atomic."""

from __future__ import annotations

import errno
import json
import math
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import platformdirs
import pytest

from kunderejse_tui.journey import recovery
from kunderejse_tui.journey.disk import hash_bytes
from kunderejse_tui.journey.fileio import _same
from kunderejse_tui.journey.recovery import (
    discard_recovery,
    find_recovery,
    list_recoveries,
    recovery_file,
    state_dir,
    write_recovery,
)

NASTY: dict[str, Any] = {
    "format": "kunderejse/1",
    "id": "nasty",
    "title": "Kundeoplevelse på æøå 🚗 \u2028 \x85 trailing  ",
    "x-numbers": [0, -1, 10**30, 1.5, 1e-300, math.inf, -math.inf, 1.0, True, False, None],
    "x-strings": ["no", "1.10", "0755", "2024-01-02", "", " ", "\t", "a\nb\n", "\ud800"],
    "stages": [{"id": "a", "name": "A", "touchpoints": [{"id": "t", "emotion": 3}]}],
    "x-nested": {"a": {"b": {"c": [[], {}, [{}]]}}},
}


@pytest.fixture(autouse=True)
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "state"
    monkeypatch.setenv(recovery.ENV_STATE_DIR, str(directory))
    return directory


@pytest.fixture
def journey(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    work.mkdir()
    path = work / "bil.journey.yaml"
    path.write_bytes(b"format: kunderejse/1\nid: bil\ntitle: Bil\nstages: []\n")
    return path


def test_a_copy_restores_the_data_exactly_including_odd_values(journey: Path) -> None:
    base = hash_bytes(journey.read_bytes())
    write_recovery(journey, NASTY, base)
    rec = find_recovery(journey)
    assert rec is not None
    # _same compares types too (True is not 1, 1.0 is not 1) and NaN to NaN.
    assert _same(rec.data, NASTY)
    nan = {"x": math.nan}
    write_recovery(journey, nan, base)
    again = find_recovery(journey)
    assert again is not None and math.isnan(again.data["x"])


def test_the_record_says_where_from_which_version_and_who(journey: Path) -> None:
    base = hash_bytes(journey.read_bytes())
    record = write_recovery(journey, NASTY, base, extra={"newline": "\r\n", "bom": True})
    raw = json.loads(record.read_bytes())
    assert raw["path"] == str(journey.resolve())
    assert raw["base_sha256"] == base
    assert raw["pid"] == os.getpid()
    assert isinstance(raw["time"], float)
    rec = find_recovery(journey)
    assert rec is not None
    assert (rec.path, rec.base_hash, rec.pid) == (journey.resolve(), base, os.getpid())
    assert rec.extra == {"newline": "\r\n", "bom": True}


def test_copies_are_private_files_in_the_state_directory_not_the_workshop(
    journey: Path, state: Path
) -> None:
    before = sorted(os.listdir(journey.parent))
    record = write_recovery(journey, NASTY, None)
    assert record.parent.parent == state
    assert stat.S_IMODE(record.stat().st_mode) == 0o600
    assert stat.S_IMODE(record.parent.stat().st_mode) & 0o077 == 0
    assert sorted(os.listdir(journey.parent)) == before


def test_the_default_state_directory_is_the_platform_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(recovery.ENV_STATE_DIR)
    assert state_dir() == Path(platformdirs.user_state_dir("kunderejse"))


def test_every_spelling_of_a_path_finds_the_same_copy(
    journey: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_recovery(journey, NASTY, None)
    link = journey.parent / "link.journey.yaml"
    link.symlink_to(journey)
    monkeypatch.chdir(journey.parent)
    for spelling in (journey, Path("bil.journey.yaml"), Path("./sub/../bil.journey.yaml"), link):
        rec = find_recovery(spelling)
        assert rec is not None and _same(rec.data, NASTY), spelling
    other = journey.parent / "other.journey.yaml"
    assert find_recovery(other) is None
    assert recovery_file(other) != recovery_file(journey)
    # The name is a hash: nothing of the (maybe confidential) client name leaks into it.
    assert "bil" not in recovery_file(journey).name


def test_discard_removes_the_copy_and_tolerates_none(journey: Path) -> None:
    write_recovery(journey, NASTY, None)
    discard_recovery(journey)
    assert find_recovery(journey) is None
    assert not recovery_file(journey).exists()
    discard_recovery(journey)


def test_the_list_is_newest_first_and_skips_damaged_records(tmp_path: Path) -> None:
    a, b = tmp_path / "a.journey.yaml", tmp_path / "b.journey.yaml"
    write_recovery(a, {"id": "a"}, None)
    write_recovery(b, {"id": "b"}, None)
    # Make the order independent of the clock's resolution.
    rec_a = json.loads(recovery_file(a).read_bytes())
    rec_a["time"] += 10
    recovery_file(a).write_text(json.dumps(rec_a))
    (recovery_file(a).parent / "junk.json").write_text("{not json")
    (recovery_file(a).parent / "other.json").write_text('{"kunderejse-recovery": 99}')
    found = list_recoveries()
    assert [r.data["id"] for r in found] == ["a", "b"]
    assert [r.path for r in found] == [a.resolve(), b.resolve()]


def test_a_damaged_copy_is_reported_absent_but_kept(journey: Path) -> None:
    write_recovery(journey, NASTY, None)
    recovery_file(journey).write_bytes(b'{"kunderejse-recovery": 1, "data": ')
    assert find_recovery(journey) is None
    assert recovery_file(journey).exists()


def test_a_failed_write_keeps_the_previous_copy_and_leaves_no_temp_file(
    journey: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_recovery(journey, {"v": 1}, None)
    before = recovery_file(journey).read_bytes()

    def full(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as m, pytest.raises(OSError):
        m.setattr("kunderejse_tui.journey.fileio.os.replace", full)
        write_recovery(journey, {"v": 2}, None)
    assert recovery_file(journey).read_bytes() == before
    assert os.listdir(recovery_file(journey).parent) == [recovery_file(journey).name]


def test_base_on_disk_tells_whether_the_file_moved_on(journey: Path) -> None:
    write_recovery(journey, NASTY, hash_bytes(journey.read_bytes()))
    rec = find_recovery(journey)
    assert rec is not None and rec.base_on_disk()
    journey.write_bytes(journey.read_bytes() + b"owner: someone else\n")
    assert not rec.base_on_disk()
    journey.unlink()
    assert not rec.base_on_disk()
    write_recovery(journey, NASTY, None)
    fresh = find_recovery(journey)
    assert fresh is not None and fresh.base_on_disk()


def test_writer_alive_distinguishes_a_running_session_from_a_dead_one(journey: Path) -> None:
    write_recovery(journey, NASTY, None)
    mine = find_recovery(journey)
    assert mine is not None and mine.writer_alive()
    code = (
        "import sys; from kunderejse_tui.journey.recovery import write_recovery; "
        "write_recovery(sys.argv[1], {'id': 'x'}, None)"
    )
    subprocess.run([sys.executable, "-c", code, str(journey)], check=True, env=os.environ)
    dead = find_recovery(journey)
    assert dead is not None and dead.data == {"id": "x"}
    assert dead.pid != os.getpid()
    assert not dead.writer_alive()
