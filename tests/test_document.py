"""JourneyDocument: load, save only when dirty, snapshots, fingerprints, problems."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from kunderejse_tui.journey.disk import fingerprint
from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.edits import Change
from kunderejse_tui.journey.problems import JourneyLoadError
from kunderejse_tui.journey.templates import new_journey

SAMPLE = Path(__file__).resolve().parents[1] / "sample_journeys" / "bilkoeb-privat.journey.yaml"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / SAMPLE.name
    shutil.copyfile(SAMPLE, target)
    return target


def test_load_remembers_how_the_file_was_written(path: Path) -> None:
    doc = JourneyDocument.load(path)
    assert doc.title == "Privatkunder køber ny bil"
    assert doc.language == "da"
    assert doc.schema_line is not None and doc.schema_line.startswith("# yaml-language-server")
    assert doc.newline == "\n" and not doc.bom and not doc.has_comments
    assert doc.fingerprint == fingerprint(path)
    assert not doc.dirty and not doc.changed_on_disk()


def test_crlf_bom_and_comments_are_noticed(tmp_path: Path) -> None:
    target = tmp_path / "x.journey.yaml"
    text = SAMPLE.read_text(encoding="utf-8").replace("market: B2C", "market: B2C # note")
    target.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    doc = JourneyDocument.load(target)
    assert doc.newline == "\r\n" and doc.bom and doc.has_comments
    doc.editor.set(("title",), "Ny titel")
    assert doc.save()
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"# note" not in raw
    assert not doc.has_comments  # they are gone now: no second warning


def test_saving_an_unchanged_journey_writes_nothing(path: Path) -> None:
    before = path.stat().st_mtime_ns
    doc = JourneyDocument.load(path)
    assert not doc.save()
    assert path.stat().st_mtime_ns == before
    assert doc.save(force=True)  # the sample is canonical: the same bytes
    assert path.read_bytes() == SAMPLE.read_bytes()


def test_save_marks_the_snapshot_revision_saved_not_later_edits(path: Path) -> None:
    doc = JourneyDocument.load(path)
    doc.editor.set(("title",), "A")
    snap = doc.snapshot()
    doc.editor.set(("title",), "B")  # typed while the save ran in its thread
    doc.mark_saved(snap, doc.write(snap))
    assert doc.dirty
    assert "title: A" in path.read_text(encoding="utf-8")
    assert not doc.changed_on_disk()
    doc.editor.undo()
    assert not doc.dirty


def test_a_snapshot_is_a_private_copy(path: Path) -> None:
    doc = JourneyDocument.load(path)
    snap = doc.snapshot()
    doc.editor.set(("stages", 0, "name"), "Ændret")
    assert snap.data["stages"][0]["name"] == "Tiltræk"
    assert snap.revision == 0


def test_someone_else_changing_the_file_is_noticed(path: Path) -> None:
    doc = JourneyDocument.load(path)
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert doc.changed_on_disk()


def test_problems_point_at_the_file_and_at_the_would_be_saved_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8").replace("emotion: 3", "emotion: 8", 1)
    path.write_text(text, encoding="utf-8")
    doc = JourneyDocument.load(path)
    [problem] = doc.problems()
    assert problem.code == "S106"
    assert problem.line == text.splitlines().index("        emotion: 8") + 1
    assert problem.path[:4] == ("stages", 0, "touchpoints", 0)

    doc.editor.set(("stages", 0, "touchpoints", 0, "emotion"), 4)
    assert doc.problems() == []
    doc.editor.set(("personas",), "oops")
    codes = {p.code for p in doc.problems()}
    assert "S103" in codes


def test_problems_can_run_in_a_thread(path: Path) -> None:
    doc = JourneyDocument.load(path)
    doc.editor.set(("stages", 0, "touchpoints", 0, "emotion"), 0)
    found: list[str] = []
    worker = threading.Thread(target=lambda: found.extend(p.code for p in doc.problems()))
    worker.start()
    worker.join()
    assert found == ["S106"]


def test_unreadable_files_raise_load_errors_with_positions(tmp_path: Path) -> None:
    with pytest.raises(JourneyLoadError) as missing:
        JourneyDocument.load(tmp_path / "nope.journey.yaml")
    assert missing.value.problems[0].code == "L017"
    bad = tmp_path / "bad.journey.yaml"
    bad.write_text("format: kunderejse/1\nid: x\ntitle: [oops\n", encoding="utf-8")
    with pytest.raises(JourneyLoadError) as syntax:
        JourneyDocument.load(bad)
    assert syntax.value.problems[0].code == "L008"
    assert syntax.value.problems[0].line >= 3


def test_create_writes_a_new_file_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "ny.journey.yaml"
    doc = JourneyDocument.create(target, new_journey("funnel-5", "da", "Ny rejse"))
    assert target.is_file() and doc.problems() == []
    assert doc.fingerprint == fingerprint(target)
    with pytest.raises(FileExistsError):
        JourneyDocument.create(target, new_journey("funnel-5", "da", "Igen"))


def _big(tmp_path: Path, copies: int = 120) -> Path:
    """The funnel sample with its interviews repeated: over PREVIEW_BYTES, still valid."""
    from kunderejse_tui.journey.dump import dump
    from kunderejse_tui.journey.yamlio import load_file

    loaded = load_file(SAMPLE)
    data = loaded.data
    interviews = data["interviews"]
    data["interviews"] = [
        {**iv, "id": f"{iv['id']}-{n}"} for n in range(copies) for iv in interviews
    ]
    target = tmp_path / "big.journey.yaml"
    target.write_text(dump(data, loaded.schema_line), encoding="utf-8")
    return target


def test_a_small_file_has_no_preview(path: Path) -> None:
    assert JourneyDocument.preview(path, path.read_bytes()) is None


def test_a_preview_shows_the_stages_and_completes_to_the_whole_file(tmp_path: Path) -> None:
    from kunderejse_tui.journey.document import PREVIEW_BYTES

    big = _big(tmp_path)
    raw = big.read_bytes()
    assert len(raw) > PREVIEW_BYTES
    preview = JourneyDocument.preview(big, raw)
    assert preview is not None and preview.partial
    whole = JourneyDocument.from_bytes(big, raw)
    assert "interviews" not in preview.data
    assert preview.data["stages"] == whole.data["stages"]
    assert preview.data["personas"] == whole.data["personas"]

    heard: list[Change] = []
    preview.editor.subscribe(heard.append)
    data_object = preview.data
    preview.complete(whole)
    assert preview.data is data_object  # listeners keep their reference
    assert preview.data == JourneyDocument.load(big).data
    assert not preview.partial and not preview.dirty and not preview.editor.can_undo
    assert [c.paths for c in heard] == [((),)]
    assert preview.fingerprint == fingerprint(big)
    assert preview.problems() == []
    assert preview.save() is False and big.read_bytes() == raw  # nothing to write


def test_no_preview_when_the_interviews_come_first_or_the_head_does_not_read(
    tmp_path: Path,
) -> None:
    big = _big(tmp_path)
    text = big.read_text(encoding="utf-8")
    head, _, rest = text.partition("\ninterviews:")
    moved = tmp_path / "moved.journey.yaml"
    stages_at = head.index("\nstages:")
    moved.write_text(
        head[:stages_at] + "\ninterviews:" + rest + head[stages_at:] + "\n", encoding="utf-8"
    )
    assert JourneyDocument.preview(moved, moved.read_bytes()) is None
    broken = tmp_path / "broken.journey.yaml"
    broken.write_text(text.replace("\nstages:", "\nstages:\n  - [", 1), encoding="utf-8")
    assert JourneyDocument.preview(broken, broken.read_bytes()) is None


def test_reset_is_refused_once_the_journey_was_edited(path: Path) -> None:
    from kunderejse_tui.journey.edits import EditError

    doc = JourneyDocument.load(path)
    doc.editor.set(("title",), "Ny titel")
    with pytest.raises(EditError):
        doc.editor.reset({"title": "x"})
    assert doc.data["title"] == "Ny titel"
