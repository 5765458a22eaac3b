"""A symlinked journey stays a symlink, and its target gets the saved text (issue 15, item 9).

Saving (``fmt``, the core's save, the app's ctrl+s) writes through the link
to its final target, atomically in the target's own folder (the test puts the
target on another filesystem, where a temp file next to the link could not be
renamed over it); locks and recovery copies are keyed by the resolved path.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kunderejse_tui.cli import main
from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.locks import OtherSession, acquire, holder, lock_file
from kunderejse_tui.journey.recovery import find_recovery, write_recovery
from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from tests.tui.helpers import FUNNEL as BILKOEB
from tests.tui.helpers import settle

OTHER_FS = Path("/dev/shm")


@pytest.fixture
def elsewhere() -> Iterator[Path]:
    """A folder on another filesystem than tmp_path (tmpfs), when the machine has one."""
    base = OTHER_FS if OTHER_FS.is_dir() and os.access(OTHER_FS, os.W_OK) else None
    folder = Path(tempfile.mkdtemp(prefix="kunderejse-target-", dir=base))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _linked(tmp_path: Path, elsewhere: Path, text: bytes) -> tuple[Path, Path]:
    target = elsewhere / "real.journey.yaml"
    target.write_bytes(text)
    (tmp_path / "work").mkdir()
    link = tmp_path / "work" / "link.journey.yaml"
    link.symlink_to(target)
    return link, target


def test_fmt_writes_through_the_link(tmp_path: Path, elsewhere: Path) -> None:
    raw = BILKOEB.read_bytes().replace(b"\ntitle: ", b"\ntitle:    ", 1)
    assert raw != BILKOEB.read_bytes()
    link, target = _linked(tmp_path, elsewhere, raw)
    assert main(["fmt", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == BILKOEB.read_bytes()
    assert [p.name for p in elsewhere.iterdir()] == ["real.journey.yaml"]
    assert sorted(p.name for p in link.parent.iterdir()) == ["link.journey.yaml"]


def test_a_chain_of_links_writes_the_final_target(tmp_path: Path, elsewhere: Path) -> None:
    link, target = _linked(tmp_path, elsewhere, BILKOEB.read_bytes())
    outer = link.parent / "outer.journey.yaml"
    outer.symlink_to(link.name)  # relative, to the link
    doc = JourneyDocument.load(outer)
    doc.editor.set(("title",), "Gemt gennem to links")
    assert doc.save()
    assert outer.is_symlink() and link.is_symlink()
    assert b"title: Gemt gennem to links\n" in target.read_bytes()
    assert not doc.changed_on_disk()


async def test_the_app_saves_through_the_link(
    tmp_path: Path, elsewhere: Path, private_state_dir: Path
) -> None:
    link, target = _linked(tmp_path, elsewhere, BILKOEB.read_bytes())
    app = KunderejseApp(link)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, JourneyMapScreen)
        screen.document.editor.set(("title",), "Gemt i appen")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not screen.document.dirty
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert b"title: Gemt i appen\n" in target.read_bytes()


def test_locks_and_copies_are_keyed_by_the_resolved_path(
    tmp_path: Path, elsewhere: Path, private_state_dir: Path
) -> None:
    from kunderejse_tui.journey.journey_path import resolved_journey_path

    link, target = _linked(tmp_path, elsewhere, BILKOEB.read_bytes())
    assert resolved_journey_path(link) == target.resolve()
    assert lock_file(link) == lock_file(target)
    lock = acquire(link)
    assert not isinstance(lock, OtherSession)
    try:
        mine = holder(target)
        assert mine is not None and mine.pid == os.getpid()
    finally:
        lock.release()
    write_recovery(link, {"title": "x"}, None)
    rec = find_recovery(target)
    assert rec is not None and rec.path == target.resolve()
