"""``kunderejse export``: formats, output, options and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from golden.regen import GOLDEN, sample_stems

from kunderejse_tui.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_journeys"
BILKOEB = SAMPLES / "bilkoeb-privat.journey.yaml"
FORMATS = {"markdown": "md", "mermaid-journey": "mmd", "mermaid-flowchart": "mmd"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("stem", sample_stems())
@pytest.mark.parametrize("to", list(FORMATS))
def test_every_sample_exports_to_stdout(
    capsys: pytest.CaptureFixture[str], stem: str, to: str
) -> None:
    code, out, err = run(capsys, "export", str(SAMPLES / f"{stem}.journey.yaml"), "--to", to)
    assert (code, err) == (0, "")
    assert out == (GOLDEN / stem / f"{to}.{FORMATS[to]}").read_text(encoding="utf-8")


def test_output_file_and_dash(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "rejse.md"
    code, out, _ = run(capsys, "export", str(BILKOEB), "--to", "markdown", "-o", str(target))
    assert (code, out) == (0, "")
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Privatkunder køber ny bil\n")
    code, out, _ = run(capsys, "export", str(BILKOEB), "--to", "markdown", "-o", "-")
    assert (code, out) == (0, text)


def test_options_reach_the_export(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "export",
        str(BILKOEB),
        "--to",
        "markdown",
        "--persona",
        "kasper",
        "--include-unconsented",
        "--anonymise",
    )
    assert code == 0
    golden = GOLDEN / "bilkoeb-privat" / "markdown.kasper-all-anonymised.md"
    assert out == golden.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "export", str(BILKOEB), "--to", "mermaid-journey", "--lang", "en")
    assert code == 0
    code, out, _ = run(capsys, "export", str(BILKOEB), "--to", "markdown", "--lang", "en")
    assert "## Touchpoints" in out and "## Berøringspunkter" not in out


def test_markdown_only_options_warn_on_diagrams(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", str(BILKOEB), "--to", "mermaid-journey", "--anonymise")
    assert code == 0 and out.startswith("journey\n")
    assert "do not change the Mermaid exports" in err


def test_unknown_persona_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", str(BILKOEB), "--to", "markdown", "--persona", "ole")
    assert (code, out) == (2, "")
    assert "unknown persona 'ole'" in err and "mette, kasper" in err


def test_missing_file_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "export", str(tmp_path / "nope.yaml"), "--to", "markdown")
    assert code == 2 and "no such file" in err


def test_unreadable_journey_reports_problems(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.journey.yaml"
    bad.write_text("format: kunderejse/1\nid: x\ntitle: [unclosed\n", encoding="utf-8")
    code, out, err = run(capsys, "export", str(bad), "--to", "mermaid-journey")
    assert (code, out) == (1, "")
    assert err.startswith(f"{bad}:") and "error[L" in err


def test_broken_but_readable_journey_still_exports(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.journey.yaml"
    broken.write_text(
        "format: kunderejse/1\nid: x\ntitle: X\nstages: oops\npersonas: 3\n", encoding="utf-8"
    )
    for to in FORMATS:
        code, out, _ = run(capsys, "export", str(broken), "--to", to)
        assert code == 0 and out


def big_journey(path: Path, stages: int) -> Path:
    data = {
        "format": "kunderejse/1",
        "id": "big",
        "title": "Big",
        "stages": [
            {"id": f"s-{i}", "name": f"Fase {i}", "touchpoints": [{"id": f"t-{i}", "name": "T"}]}
            for i in range(stages)
        ],
    }
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_too_big_flowchart_is_refused_with_advice(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = big_journey(tmp_path / "big.journey.yaml", 520)
    target = tmp_path / "map.mmd"
    code, out, err = run(capsys, "export", str(src), "--to", "mermaid-flowchart", "-o", str(target))
    assert (code, out) == (1, "")
    assert "519 links" in err and "--split" in err
    assert not target.exists()


def test_split_writes_one_diagram_per_stage(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "kort.mmd"
    code, out, _ = run(
        capsys, "export", str(BILKOEB), "--to", "mermaid-flowchart", "--split", "-o", str(target)
    )
    assert code == 0
    names = [Path(line).name for line in out.splitlines()]
    assert names == [
        "kort.01-attract.mmd",
        "kort.02-interest.mmd",
        "kort.03-convert.mmd",
        "kort.04-close.mmd",
        "kort.05-delight.mmd",
    ]
    assert 'subgraph S2["Interesse"]' in (tmp_path / names[1]).read_text(encoding="utf-8")
    assert not target.exists()


@pytest.mark.parametrize(
    "argv,message",
    [
        (["--to", "mermaid-journey", "--split"], "give -o FILE"),
        (["--to", "mermaid-journey", "--split", "-o", "-"], "give -o FILE"),
        (["--to", "markdown", "--split", "-o", "x.md"], "for the Mermaid exports"),
    ],
)
def test_split_usage_errors(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _, err = run(capsys, "export", str(BILKOEB), *argv)
    assert code == 2 and message in err


def test_format_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(BILKOEB)])
    assert exit_.value.code == 2
