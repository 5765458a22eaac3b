"""Noticing that a journey changed on disk (git pull, another editor) before saving over it."""

from __future__ import annotations

import os
from pathlib import Path

from kunderejse_tui.journey.disk import (
    changed_on_disk,
    fingerprint,
    fingerprint_bytes,
    hash_bytes,
)

TEXT = b"format: kunderejse/1\nid: bil\ntitle: Bil\nstages: []\n"


def test_the_fingerprint_is_size_mtime_and_hash(tmp_path: Path) -> None:
    path = tmp_path / "bil.journey.yaml"
    path.write_bytes(TEXT)
    fp = fingerprint(path)
    assert fp is not None
    assert (fp.size, fp.mtime_ns, fp.sha256) == (
        len(TEXT),
        path.stat().st_mtime_ns,
        hash_bytes(TEXT),
    )
    assert fingerprint_bytes(path, TEXT) == fp
    assert fingerprint(tmp_path / "missing.journey.yaml") is None


def test_an_edit_that_keeps_size_and_mtime_is_still_a_change(tmp_path: Path) -> None:
    # A colleague fixes a typo of the same length, and git or a coarse filesystem
    # clock leaves the mtime as it was: only the content can tell.
    path = tmp_path / "bil.journey.yaml"
    path.write_bytes(TEXT)
    fp = fingerprint(path)
    st = path.stat()
    path.write_bytes(TEXT.replace(b"Bil", b"Bus"))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert fp is not None and path.stat().st_size == fp.size
    assert path.stat().st_mtime_ns == st.st_mtime_ns
    assert changed_on_disk(path, fp)


def test_touching_or_rewriting_the_same_bytes_is_not_a_change(tmp_path: Path) -> None:
    path = tmp_path / "bil.journey.yaml"
    path.write_bytes(TEXT)
    fp = fingerprint(path)
    os.utime(path, ns=(1, 1))
    assert not changed_on_disk(path, fp)
    path.write_bytes(TEXT)
    assert not changed_on_disk(path, fp)


def test_appearing_and_disappearing_count_as_changes(tmp_path: Path) -> None:
    path = tmp_path / "bil.journey.yaml"
    path.write_bytes(TEXT)
    fp = fingerprint(path)
    path.unlink()
    assert changed_on_disk(path, fp)
    # A journey that was new (never on disk) and now exists: someone else created it.
    assert not changed_on_disk(path, None)
    path.write_bytes(TEXT)
    assert changed_on_disk(path, None)


def test_a_change_between_reading_and_fingerprinting_is_not_missed(tmp_path: Path) -> None:
    path = tmp_path / "bil.journey.yaml"
    path.write_bytes(TEXT)
    raw = path.read_bytes()
    path.write_bytes(TEXT + b"owner: someone\n")  # lands before we take the fingerprint
    fp = fingerprint_bytes(path, raw)
    assert changed_on_disk(path, fp)
