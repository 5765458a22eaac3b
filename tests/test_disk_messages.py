"""What the program says about a disk failure is true and in the user's language
(issue 15, item 8): translated errnos, the real size of a file that is too big."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from kunderejse_tui.journey.disk import explain_os_error
from kunderejse_tui.journey.fileio import write_bytes_atomic
from kunderejse_tui.journey.problems import JourneyLoadError
from kunderejse_tui.journey.yamlio import load_file

USUAL = [
    "EISDIR",
    "ENOENT",
    "EACCES",
    "EPERM",
    "ENOSPC",
    "EROFS",
    "EDQUOT",
    "ENAMETOOLONG",
    "EEXIST",
    "ENOTDIR",
    "EBUSY",
    "ETXTBSY",
    "EXDEV",
    "EIO",
]


def test_writing_onto_a_directory_is_said_in_danish(tmp_path: Path) -> None:
    folder = tmp_path / "j.journey.yaml"
    folder.mkdir()
    with pytest.raises(OSError) as caught:
        write_bytes_atomic(folder, b"title: x\n")
    assert caught.value.errno == errno.EISDIR
    said = explain_os_error(caught.value, "da")
    assert "Is a directory" not in said
    assert "mappe" in said


@pytest.mark.parametrize("name", USUAL)
def test_the_usual_errnos_are_translated(name: str) -> None:
    code = getattr(errno, name)
    exc = OSError(code, os.strerror(code))
    da, en = explain_os_error(exc, "da"), explain_os_error(exc, "en")
    assert os.strerror(code) not in da, da
    assert da != en


def test_an_unusual_errno_falls_back_to_strerror() -> None:
    exc = OSError(errno.ENOLINK, os.strerror(errno.ENOLINK))
    assert os.strerror(errno.ENOLINK) in explain_os_error(exc, "da")


def test_a_file_too_large_is_reported_with_its_real_size(tmp_path: Path) -> None:
    big = tmp_path / "big.journey.yaml"
    with big.open("wb") as fh:
        fh.truncate(41_900_000)  # sparse: 41.9 MB, decimal
    with pytest.raises(JourneyLoadError) as caught:
        load_file(big)
    (problem,) = caught.value.problems
    assert problem.message("da") == "filen fylder 41,9 MB; rejser må højst fylde 33,6 MB"
    assert problem.message("en") == "the file is 41.9 MB; journeys are capped at 33.6 MB"
