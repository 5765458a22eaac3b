"""An export never writes over the journey it reads (issue 15, item 3).

Every format, ``report -o`` and the files ``--split`` and a map of several pages
write: an output that is the input file (the same device and inode, reached by
the same name, through ``..``, a symlink or a hard link) is refused with exit 2
and a message naming the file, and the journey keeps its bytes.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kunderejse_tui.cli import main

ROOT = Path(__file__).resolve().parents[1]
BILKOEB = ROOT / "sample_journeys" / "bilkoeb-privat.journey.yaml"
LIFECYCLE = ROOT / "sample_journeys" / "energiraadgivning-livscyklus.journey.yaml"

EXPORTS = [
    ["export", "--to", "markdown"],
    ["export", "--to", "mermaid-journey"],
    ["export", "--to", "mermaid-flowchart"],
    ["export", "--to", "svg"],
    ["export", "--to", "png"],
    ["export", "--to", "pdf"],
    ["export", "--to", "html"],
    ["export", "--to", "pptx"],
    ["export", "--to", "docx"],
    ["export", "--to", "xlsx"],
    ["export", "--to", "csv", "--table", "touchpoints"],
    ["report"],
    ["report", "--to", "markdown"],
]


def _journey(tmp_path: Path) -> Path:
    folder = tmp_path / "rejser"
    folder.mkdir()
    journey = folder / "j.journey.yaml"
    shutil.copyfile(BILKOEB, journey)
    return journey


def _ways_to_name(journey: Path, how: str) -> str:
    """The journey file named another way: itself, through ``..``, a symlink, a hard link."""
    if how == "same":
        return str(journey)
    if how == "dotdot":
        sub = journey.parent / "sub"
        sub.mkdir()
        return str(sub / ".." / journey.name)
    if how == "symlink":
        link = journey.parent / "link.md"
        link.symlink_to(journey)
        return str(link)
    link = journey.parent / "hard.md"
    os.link(journey, link)
    return str(link)


@pytest.mark.parametrize("how", ["same", "dotdot", "symlink", "hardlink"])
@pytest.mark.parametrize("command", EXPORTS, ids=lambda c: "-".join(c[:3]).replace("--", ""))
def test_an_output_that_is_the_input_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str], how: str
) -> None:
    journey = _journey(tmp_path)
    before = journey.read_bytes()
    out = _ways_to_name(journey, how)
    code = main([command[0], str(journey), *command[1:], "-o", out])
    _, err = capsys.readouterr()
    assert code == 2, err
    assert out in err and "journey file itself" in err
    assert journey.read_bytes() == before
    assert sorted(p.name for p in journey.parent.iterdir() if p.name.endswith(".tmp")) == []


def test_the_message_follows_lang(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    journey = _journey(tmp_path)
    code = main(["export", str(journey), "--to", "markdown", "--lang", "da", "-o", str(journey)])
    _, err = capsys.readouterr()
    assert code == 2
    assert f"{journey} er selve rejsefilen" in err


def test_split_refuses_before_writing_any_stage(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The journey named like the third stage's file: no stage file is written at all."""
    folder = tmp_path / "ud"
    folder.mkdir()
    journey = folder / "j.03-convert.mmd"  # what --split -o ud/j.mmd writes for stage 3
    shutil.copyfile(BILKOEB, journey)
    before = journey.read_bytes()
    code = main(
        ["export", str(journey), "--to", "mermaid-journey", "--split", "-o", str(folder / "j.mmd")]
    )
    _, err = capsys.readouterr()
    stage3 = sorted(folder.glob("j.03-*.mmd"))
    assert [p.name for p in stage3] == ["j.03-convert.mmd"], "the stage ids changed"
    assert code == 2, err
    assert str(journey) in err
    assert journey.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [journey.name]


def test_pages_of_a_map_refuse_before_writing_any(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A map of several pages writes NAME.01.svg, NAME.02.svg...: none of them may be the journey."""
    folder = tmp_path / "ud"
    folder.mkdir()
    journey = folder / "kort.02.svg"
    shutil.copyfile(LIFECYCLE, journey)
    before = journey.read_bytes()
    code = main(
        [
            "export",
            str(journey),
            "--to",
            "svg",
            "--split",
            "--paper",
            "a4",
            "-o",
            str(folder / "kort.svg"),
        ]
    )
    _, err = capsys.readouterr()
    assert code == 2, err
    assert str(journey) in err
    assert journey.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [journey.name]


def test_same_file_is_the_one_check_of_cli_and_app(tmp_path: Path) -> None:
    """The app's export screen asks the same core function as the command line."""
    from kunderejse_tui.journey.journey_path import same_file
    from kunderejse_tui.tui import export_files

    journey = _journey(tmp_path)
    (journey.parent / "sub").mkdir()
    link = journey.parent / "l.yaml"
    link.symlink_to(journey)
    other = journey.parent / "other.md"
    other.write_text("x")
    assert vars(export_files)["same_file"] is same_file
    assert same_file(link, journey)
    assert same_file(journey.parent / "sub" / ".." / journey.name, journey)
    assert not same_file(other, journey)
    assert not same_file(journey.parent / "missing.md", journey)
