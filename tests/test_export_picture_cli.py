"""`kunderejse export --to svg|png|pdf|html`: files, pages, refusals."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from kunderejse_tui.cli import main

SAMPLES = Path(__file__).parent.parent / "sample_journeys"
BILKOEB = SAMPLES / "bilkoeb-privat.journey.yaml"
TWELVE = SAMPLES / "energiraadgivning-livscyklus.journey.yaml"


def test_png_and_pdf_are_written_to_a_file(tmp_path: Path) -> None:
    assert main(["export", str(BILKOEB), "--to", "png", "-o", str(tmp_path / "m.png")]) == 0
    assert (tmp_path / "m.png").read_bytes().startswith(b"\x89PNG")
    assert main(["export", str(BILKOEB), "--to", "pdf", "-o", str(tmp_path / "m.pdf")]) == 0
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")


def test_binary_is_not_written_to_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["export", str(BILKOEB), "--to", "png"]) == 2
    assert "give -o FILE" in capsys.readouterr().err


def test_several_pages_are_numbered_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "map.svg"
    assert main(["export", str(TWELVE), "--to", "svg", "--paper", "a4", "-o", str(out)]) == 0
    assert capsys.readouterr().out.split() == [
        str(tmp_path / "map.01.svg"),
        str(tmp_path / "map.02.svg"),
    ]
    assert not out.exists()


def test_a_split_nobody_asked_for_is_said_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "map.pdf"
    assert main(["export", str(TWELVE), "--to", "pdf", "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""  # twelve stages, one A3 page, every name whole
    assert main(["export", str(TWELVE), "--to", "pdf", "--paper", "a4", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "warning" in err and "split over 2 pages" in err and "A4" in err
    assert main(["export", str(TWELVE), "--to", "pdf", "--split", "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""  # asked for


def test_unknown_lane_and_map_options_on_text_exports_are_usage_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert (
        main(
            [
                "export",
                str(BILKOEB),
                "--to",
                "svg",
                "--lanes",
                "pains,nope",
                "-o",
                str(tmp_path / "x.svg"),
            ]
        )
        == 2
    )
    assert "nope" in capsys.readouterr().err
    assert not (tmp_path / "x.svg").exists()
    assert main(["export", str(BILKOEB), "--to", "markdown", "--paper", "a4"]) == 2


def test_compare_with_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "m.html"
    assert (
        main(["export", str(BILKOEB), "--to", "html", "--compare", "nope.yaml", "-o", str(target)])
        == 2
    )
    assert not target.exists()


def test_html_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(BILKOEB), "--to", "html", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and ">Touchpoints<" in out
    assert io.StringIO(out).read().count("<svg") == 1


@pytest.mark.parametrize(("to", "module"), [("png", "resvg_py"), ("pdf", "fpdf")])
def test_without_the_picture_extra_the_export_names_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    to: str,
    module: str,
) -> None:
    # None in sys.modules makes the import fail as if the package were not installed.
    monkeypatch.setitem(sys.modules, module, None)
    out = tmp_path / f"map.{to}"
    code = main(
        ["export", str(SAMPLES / "bilkoeb-privat.journey.yaml"), "--to", to, "-o", str(out)]
    )
    assert code == 2
    assert "pip install 'kunderejse-tui[picture]'" in capsys.readouterr().err
    assert not out.exists()
