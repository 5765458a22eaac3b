"""`updated:` is the date of the last saved change: the app's save sets it, nothing else
(tests/tui/test_updated_date_app.py has the app's side)."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
from pathlib import Path

from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.edits import Editor

REPO = Path(__file__).resolve().parents[1]
FUNNEL = REPO / "sample_journeys" / "bilkoeb-privat.journey.yaml"
CHRISTMAS = datetime.date(2026, 12, 24)


def _doc(tmp_path: Path) -> JourneyDocument:
    target = tmp_path / FUNNEL.name
    shutil.copyfile(FUNNEL, target)
    return JourneyDocument.load(target)


def _save(doc: JourneyDocument, today: datetime.date) -> None:
    snapshot = doc.snapshot()
    dated = doc.dated(snapshot, today)
    doc.mark_saved(snapshot, doc.write(snapshot), dated)


def test_a_saved_change_is_dated_and_the_date_joins_its_undo_step(tmp_path: Path) -> None:
    doc = _doc(tmp_path)
    assert doc.data["updated"] == "2026-11-20"
    doc.editor.set(("title",), "Ny titel")
    _save(doc, CHRISTMAS)
    assert not doc.dirty
    assert doc.data["updated"] == "2026-12-24"
    assert 'updated: "2026-12-24"\n' in doc.path.read_text(encoding="utf-8")
    # One undo takes back the change and its date: the journey is as it was loaded.
    assert doc.editor.undo_label == "Set title"
    doc.editor.undo()
    assert doc.data["updated"] == "2026-11-20" and doc.data["title"] != "Ny titel"
    doc.editor.redo()
    assert doc.data["updated"] == "2026-12-24" and not doc.dirty


def test_a_journey_without_the_key_gets_it(tmp_path: Path) -> None:
    doc = _doc(tmp_path)
    doc.editor.delete(("updated",))
    _save(doc, CHRISTMAS)  # deleting the date is a change too: the save dates it
    assert doc.data["updated"] == "2026-12-24"


def test_a_second_save_the_same_day_adds_no_step(tmp_path: Path) -> None:
    doc = _doc(tmp_path)
    doc.editor.set(("title",), "A")
    _save(doc, CHRISTMAS)
    doc.editor.set(("title",), "B")
    revision = doc.editor.revision
    _save(doc, CHRISTMAS)
    assert doc.editor.revision == revision and not doc.dirty


def test_a_failed_write_leaves_the_journey_undated(tmp_path: Path) -> None:
    doc = _doc(tmp_path)
    doc.editor.set(("title",), "Ny titel")
    snapshot = doc.snapshot()
    assert doc.dated(snapshot, CHRISTMAS) == "2026-12-24"
    assert snapshot.data["updated"] == "2026-12-24"
    assert doc.data["updated"] == "2026-11-20" and doc.dirty  # the live journey: not yet


def test_edits_made_while_writing_stay_unsaved_and_undated(tmp_path: Path) -> None:
    doc = _doc(tmp_path)
    doc.editor.set(("title",), "A")
    snapshot = doc.snapshot()
    dated = doc.dated(snapshot, CHRISTMAS)
    fingerprint = doc.write(snapshot)
    doc.editor.set(("owner",), "Salg")  # typed while the worker wrote
    doc.mark_saved(snapshot, fingerprint, dated)
    assert doc.dirty  # the owner is not saved; the next save dates it


def test_set_with_last_without_a_step_is_a_step_of_its_own() -> None:
    editor = Editor({"title": "x"})
    editor.set_with_last(("updated",), "2026-12-24")
    assert editor.data["updated"] == "2026-12-24" and editor.can_undo
    editor.undo()
    assert "updated" not in editor.data


def test_fmt_never_dates_a_journey(tmp_path: Path) -> None:
    target = tmp_path / "a.journey.yaml"
    target.write_text(FUNNEL.read_text(encoding="utf-8").replace("title:", "title:  "))
    r = subprocess.run(
        [sys.executable, "-m", "kunderejse_tui", "fmt", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    assert 'updated: "2026-11-20"\n' in target.read_text(encoding="utf-8")
