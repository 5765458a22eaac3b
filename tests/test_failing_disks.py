"""Saves that fail at every step leave the original intact and the edits in hand.

CI runs as root, where a ``chmod 555`` directory is still writable, so the
failures are injected where the kernel would report them: creating the temp
file, writing, fsync, chmod and rename, each with ENOSPC, EACCES and EROFS (and
EIO, EDQUOT). One variant is a real kernel error: the temp file's descriptor is
swapped for ``/dev/full``, which answers every write with ENOSPC.
"""

from __future__ import annotations

import contextlib
import errno
import os
import pickle
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kunderejse_tui.journey import recovery
from kunderejse_tui.journey.disk import explain_os_error
from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.edits import SetValue
from kunderejse_tui.journey.recovery import find_recovery, write_recovery

ORIGINAL = (
    "# yaml-language-server: $schema=../schemas/journey.schema.json\r\n"
    "format: kunderejse/1\r\n"
    "id: bil\r\n"
    "title: Bilkøb\r\n"
    "stages:\r\n"
    "  - id: awareness\r\n"
    "    name: Opmærksomhed\r\n"
).encode()
ORIGINAL = b"\xef\xbb\xbf" + ORIGINAL  # BOM and CRLF: the least forgiving original

ERRNOS = [errno.ENOSPC, errno.EACCES, errno.EROFS, errno.EIO, errno.EDQUOT]


def _raise(code: int) -> Callable[..., Any]:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise OSError(code, os.strerror(code))

    return fail


class _FailingFile:
    """What ``os.fdopen`` hands back when the disk refuses the data."""

    def __init__(self, fh: Any, code: int) -> None:
        self._fh = fh
        self._code = code

    def __enter__(self) -> _FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.close()

    def write(self, data: bytes) -> int:
        # Half the bytes reach the temp file first, as on a disk that fills up mid-write.
        self._fh.write(data[: len(data) // 2])
        self._fh.flush()
        raise OSError(self._code, os.strerror(self._code))

    def fileno(self) -> int:
        fd: int = self._fh.fileno()
        return fd

    def flush(self) -> None:
        self._fh.flush()


@contextlib.contextmanager
def failing(stage: str, code: int) -> Iterator[None]:
    """Make the save's ``stage`` fail with ``code``; everything else works as usual."""
    mp = pytest.MonkeyPatch()
    real_fdopen = os.fdopen
    try:
        if stage == "create":
            mp.setattr(tempfile, "mkstemp", _raise(code))
        elif stage == "write":
            mp.setattr(
                os,
                "fdopen",
                lambda fd, mode="r", *a, **k: (
                    _FailingFile(real_fdopen(fd, mode), code)
                    if "w" in mode
                    else real_fdopen(fd, mode, *a, **k)
                ),
            )
        elif stage == "fsync":
            mp.setattr(os, "fsync", _raise(code))
        elif stage == "chmod":
            mp.setattr(os, "chmod", _raise(code))
        elif stage == "rename":
            mp.setattr(os, "replace", _raise(code))
        else:  # pragma: no cover
            raise AssertionError(stage)
        yield
    finally:
        mp.undo()


@contextlib.contextmanager
def dev_full() -> Iterator[None]:
    """Every temp file the save creates is secretly /dev/full: the kernel says ENOSPC."""
    mp = pytest.MonkeyPatch()
    real_mkstemp = tempfile.mkstemp

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        fd, name = real_mkstemp(*args, **kwargs)
        full = os.open("/dev/full", os.O_WRONLY)
        os.dup2(full, fd)
        os.close(full)
        return fd, name

    mp.setattr(tempfile, "mkstemp", mkstemp)
    try:
        yield
    finally:
        mp.undo()


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
    path.write_bytes(ORIGINAL)
    os.chmod(path, 0o640)
    return path


def _disk_state(path: Path) -> tuple[bytes, int, int, list[str]]:
    st = path.stat()
    return path.read_bytes(), st.st_mtime_ns, st.st_mode, sorted(os.listdir(path.parent))


def _edited(path: Path) -> JourneyDocument:
    doc = JourneyDocument.load(path)
    doc.editor.apply(SetValue(("stages", 0, "name"), "Opmærksomhed – efter workshoppen"))
    doc.editor.apply(SetValue(("x-notes",), "Kunden vil have en app\nog en hotline"))
    return doc


def _check_nothing_lost(doc: JourneyDocument, before: Any, edited: bytes, code: int) -> None:
    assert _disk_state(doc.path) == before, "the original file changed or a temp file was left"
    assert doc.dirty, "a failed save must not mark the journey saved"
    assert pickle.dumps(doc.data) == edited, "the edits in memory changed"


SCENARIOS = [
    (stage, code) for stage in ("create", "write", "fsync", "chmod", "rename") for code in ERRNOS
]


@pytest.mark.parametrize(
    ("stage", "code"), SCENARIOS, ids=[f"{s}-{errno.errorcode[c]}" for s, c in SCENARIOS]
)
def test_a_failing_save_keeps_the_original_and_the_edits(
    journey: Path, stage: str, code: int
) -> None:
    doc = _edited(journey)
    fp = doc.fingerprint
    edited = pickle.dumps(doc.data)
    before = _disk_state(journey)
    with failing(stage, code), pytest.raises(OSError) as info:
        doc.save()
    assert info.value.errno == code, "the reason must reach the user, not a generic failure"
    _check_nothing_lost(doc, before, edited, code)
    assert doc.fingerprint == fp
    assert not doc.changed_on_disk()
    # Once the disk recovers, the same edits save, with the file's BOM, CRLF and mode.
    assert doc.save()
    raw = journey.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\n") == raw.count(b"\r\n")
    assert "Opmærksomhed – efter workshoppen".encode() in raw
    assert journey.stat().st_mode == before[2]
    assert sorted(os.listdir(journey.parent)) == before[3]
    assert not doc.dirty


def test_a_really_full_disk_keeps_the_original_and_the_edits(journey: Path) -> None:
    doc = _edited(journey)
    edited = pickle.dumps(doc.data)
    before = _disk_state(journey)
    with dev_full(), pytest.raises(OSError) as info:
        doc.save()
    assert info.value.errno == errno.ENOSPC
    _check_nothing_lost(doc, before, edited, errno.ENOSPC)


@pytest.mark.parametrize("stage", ["create", "write", "fsync", "rename"])
def test_the_recovery_copy_survives_a_failing_save(journey: Path, stage: str) -> None:
    doc = _edited(journey)
    base = doc.fingerprint.sha256 if doc.fingerprint else None
    write_recovery(journey, doc.data, base)
    with failing(stage, errno.ENOSPC), pytest.raises(OSError):
        doc.save()
    rec = find_recovery(journey)
    assert rec is not None
    assert rec.data == doc.data
    assert rec.base_on_disk()


def test_a_failing_recovery_copy_keeps_the_previous_one(journey: Path) -> None:
    doc = _edited(journey)
    write_recovery(journey, {"older": True}, None)
    for stage in ("create", "write", "fsync", "rename"):
        with failing(stage, errno.EROFS), pytest.raises(OSError):
            write_recovery(journey, doc.data, None)
        rec = find_recovery(journey)
        assert rec is not None and rec.data == {"older": True}, stage
        assert os.listdir(recovery.recovery_file(journey).parent) == [
            recovery.recovery_file(journey).name
        ]


@pytest.mark.parametrize(
    ("code", "words_en", "words_da"),
    [
        (errno.ENOSPC, "disk is full", "disken er fuld"),
        (errno.EDQUOT, "disk quota", "diskkvote"),
        (errno.EACCES, "permission", "tilladelse"),
        (errno.EPERM, "permission", "tilladelse"),
        (errno.EROFS, "read-only", "skrivebeskyttet"),
        (errno.EIO, "input/output", "ind/ud"),
    ],
)
def test_failures_are_explained_in_plain_words(code: int, words_en: str, words_da: str) -> None:
    exc = OSError(code, os.strerror(code), "/x/bil.journey.yaml")
    en = explain_os_error(exc, "en")
    da = explain_os_error(exc, "da")
    assert words_en in en.lower() and words_da in da.lower()
    assert "not saved" in en.lower() and "ikke gemt" in da.lower()
    assert "still open" in en.lower() and "stadig åbne" in da.lower()
