"""``kunderejse report``: golden outputs, consent, anonymising, valid Markdown, exit codes."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from kunderejse_tui.cli import main
from kunderejse_tui.journey.export.escape import lines_of
from kunderejse_tui.journey.report import (
    render_report,
    report_markdown,
    report_text,
)
from kunderejse_tui.journey.yamlio import load_file
from tests.golden.corpus import NASTY, corpus_journey
from tests.golden.report.regen import Case, cases
from tests.render.harness import MARKDOWNLINT, require_markdownlint

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_journeys"
FIXTURE = ROOT / "tests" / "data" / "evidence-known.yaml"
BILKOEB = SAMPLES / "bilkoeb-privat.journey.yaml"


def fixture() -> dict[str, Any]:
    data = load_file(FIXTURE).data
    assert isinstance(data, dict)
    return data


def run_cli(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- golden files ----------------------------------------------------------------


@pytest.mark.parametrize("case", cases(), ids=lambda c: f"{c.source}/{c.path.name}")
def test_golden(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Through the real command, written with -o: the bytes of the golden file.
    Regenerate with: python tests/golden/report/regen.py"""
    out = tmp_path / "out"
    code, stdout, stderr = run_cli(*case.cli_args(), "-o", str(out), capsys=capsys)
    assert (code, stdout, stderr) == (0, "", "")
    assert out.read_bytes() == case.path.read_bytes()


def test_every_sample_and_format_has_a_golden_file() -> None:
    stems = {p.name.removesuffix(".journey.yaml") for p in SAMPLES.glob("*.journey.yaml")}
    covered = {(c.source, c.to) for c in cases() if not c.variant}
    assert {(s, to) for s in stems for to in ("text", "markdown")} <= covered
    assert all(c.path.exists() for c in cases())


def test_stdout_is_the_same_as_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _ = run_cli("report", str(BILKOEB), "--to", "markdown", capsys=capsys)
    assert code == 0
    assert stdout == (ROOT / "tests/golden/report/bilkoeb-privat/report.md").read_text("utf-8")


# --- what the report says --------------------------------------------------------


def test_report_shows_the_known_numbers() -> None:
    text = report_text(fixture(), include_unconsented=True)
    assert "Rapporten bygger på 3 interviews med 8 svar." in text
    assert "3 af 4 faser og 3 af 4 berøringspunkter er bakket op af interviewsvar." in text
    assert "1. Fase A: observeret (4 svar)" in text
    assert "   observeret  Berøring X (2)" in text
    assert "3. Fase C: antaget (0 svar)" in text
    assert "  Fase: 3. Fase C\n  Berøringspunkt: Berøring W (3. Fase C)\n" in text
    assert "2 svar er ikke knyttet til en fase eller et berøringspunkt." in text
    assert "tæller ikke med: nope." in text
    md = report_markdown(fixture(), include_unconsented=True)
    assert "| 1. Fase A | observeret | 4 | Berøring X (2)<br>Berøring Y (1) | |" in md
    assert "| 3. Fase C | antaget | 0 | | Berøring W |" in md


def test_unconsented_left_out_by_default_with_a_line_saying_so() -> None:
    for render in (report_text, report_markdown):
        out = render(fixture())
        assert "Mona Berg" not in out
        assert "Svar 2.1" not in out
        assert "1 interview uden samtykke er udeladt." in out
        assert "Rapporten bygger på 2 interviews med 5 svar." in out
        english = render(fixture(), lang="en")
        assert "1 interview without consent is left out." in english


def test_unconsented_included_and_marked_with_the_flag() -> None:
    md = report_markdown(fixture(), include_unconsented=True)
    assert "| Svar 2.1 om fase A. | Mona Berg (uden samtykke) | 2026-01-12 | Per | |" in md
    assert "1 interview uden samtykke er medtaget og markeret." in md
    assert "udeladt" not in md
    text = report_text(fixture(), include_unconsented=True)
    assert "   Mona Berg (uden samtykke), 2026-01-12, Per; tags: service\n" in text


def test_anonymised_respondents_in_order_of_first_appearance() -> None:
    md = report_markdown(fixture(), include_unconsented=True, anonymise=True)
    assert "Jens" not in md and "Mona" not in md
    assert "Svarpersonerne er anonymiseret." in md
    # Jens Hansen (two interviews, one person) answers first, then Mona Berg.
    assert md.index("| Kunde A |") < md.index("| Kunde B (uden samtykke) |")
    assert "| Svar 3.1 om fase D. | Kunde A | 2026-02-02 | Pia | tid |" in md
    # Interview ids often hold names: the tag overview uses the stand-ins too.
    assert "| tid | 3 | Kunde A |" in md
    assert "i1" not in md.split("## Tags")[1]
    text = report_text(fixture(), include_unconsented=True, anonymise=True)
    assert "tid: 3 svar (Kunde A)" in text
    assert "service: 1 svar (Kunde B)" in text
    english = report_text(fixture(), lang="en", anonymise=True)
    assert "Customer A, 2026-01-05" in english and "Customer B" not in english


def test_no_interviews_and_no_stages() -> None:
    empty = {"format": "kunderejse/1", "id": "x", "title": "Tom", "stages": []}
    text = report_text(empty)
    assert "Rejsen har ingen faser endnu." in text
    assert "Ingen interviewsvar at vise." in text
    assert "Ingen svar har tags endnu." in text
    md = report_markdown(empty, lang="en")
    assert "The journey has no stages yet." in md
    assert "No interview answers to show." in md


def test_everything_observed() -> None:
    journey = {
        "title": "T",
        "stages": [{"id": "s", "name": "S"}],
        "interviews": [{"id": "i", "consent": True, "answers": [{"ask": "?", "text": "x", "stages": ["s"]}]}],
    }  # fmt: skip
    assert "Every stage and touchpoint is backed" in report_markdown(journey, lang="en")


@pytest.mark.parametrize("broken", [None, "oops", {"stages": "x", "interviews": [None, 3]}])
def test_broken_journeys_still_report(broken: Any) -> None:
    assert report_text(broken).startswith("Interviewrapport: Kunderejse\n")
    assert report_markdown(broken, lang="en").startswith("# Interview report: Customer journey\n")


def test_render_report_rejects_an_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown report format"):
        render_report({}, "html")


def test_text_output_drops_terminal_escape_sequences() -> None:
    journey = fixture()
    journey["interviews"][0]["answers"][0]["text"] = "Pris\x1b[2J\x1b]0;hacked\x07 ok"
    journey["interviews"][0]["respondent"] = "Jens\x1b[31m"
    text = report_text(journey)
    assert "\x1b" not in text and "\x07" not in text
    assert "Pris[2J]0;hacked ok" in text


# --- the Markdown is valid GitHub Markdown that shows the text as typed ------------


def nasty_journey() -> dict[str, Any]:
    journey = copy.deepcopy(corpus_journey())
    k = 0
    for interview in journey["interviews"]:
        for answer in interview["answers"]:
            answer["tags"] = [NASTY[k % len(NASTY)], NASTY[(k + 7) % len(NASTY)]]
            k += 1
    journey["interviews"][1]["respondent"] = NASTY[16]
    return journey


class _Tables(HTMLParser):
    """Tables as rows of cell texts, as a browser shows them (<br> is a line break)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.cell: list[str] | None = None
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def _html(md: str) -> str:
    # UNSAFE only so that raw HTML would show up in the output if the escaping failed.
    html: str = cmarkgfm.github_flavored_markdown_to_html(md, options=Options.CMARK_OPT_UNSAFE)
    return html


@pytest.mark.parametrize("lang", ["da", "en"])
def test_nasty_text_renders_as_typed(lang: str) -> None:
    journey = nasty_journey()
    md = report_markdown(journey, lang=lang, include_unconsented=True)
    parser = _Tables()
    parser.feed(_html(md))
    # Only the HTML Markdown makes itself: no <script>, <b>, <img> from user text.
    assert parser.tags <= {
        "h1", "h2", "h3", "p", "table", "thead", "tbody", "tr", "th", "td",
        "br", "ul", "li", "strong", "a",
    }  # fmt: skip
    for table in parser.tables:
        assert len({len(row) for row in table}) == 1, table[0]
    answer_cells = {row[0] for table in parser.tables[1:-1] for row in table[1:]}
    tag_cells = {row[0] for row in parser.tables[-1][1:]}
    for interview in journey["interviews"]:
        for answer in interview["answers"]:
            assert "\n".join(lines_of(answer["text"])) in answer_cells
            for tag in answer["tags"]:
                assert " ".join(tag.split()) in tag_cells, tag


def test_markdownlint_passes_on_every_markdown_report(tmp_path: Path) -> None:
    require_markdownlint()
    files = [c.path for c in cases() if c.to == "markdown"]
    for lang in ("da", "en"):
        target = tmp_path / f"nasty-{lang}.md"
        md = report_markdown(nasty_journey(), lang=lang, include_unconsented=True, anonymise=True)
        target.write_text(md, encoding="utf-8")
        files.append(target)
    config = ROOT / ".markdownlint-cli2.jsonc"
    proc = subprocess.run(
        [str(MARKDOWNLINT), "--config", str(config), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


# --- the command -----------------------------------------------------------------


def test_cli_missing_file_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli("report", "nope.journey.yaml", capsys=capsys)
    assert (code, out) == (2, "")
    assert "nope.journey.yaml: no such file" in err


def test_cli_directory_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli("report", str(SAMPLES), capsys=capsys)
    assert code == 2
    assert "is a directory" in err


def test_cli_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["report", str(BILKOEB), "--to", "html"])
    assert exc.value.code == 2
    assert "invalid choice: 'html'" in capsys.readouterr().err


def test_cli_unreadable_journey_prints_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.journey.yaml"
    path.write_text("format: kunderejse/1\n<<<<<<< HEAD\ntitle: A\n=======\n", encoding="utf-8")
    code, out, err = run_cli("report", str(path), capsys=capsys)
    assert (code, out) == (1, "")
    assert err.startswith(f"{path}:2:1: error[L006]: ")
    code, _, err = run_cli("report", str(path), "--lang", "da", capsys=capsys)
    assert code == 1 and "error[L006]" in err


def test_cli_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(
        "report", str(BILKOEB), "-o", str(tmp_path / "missing-dir" / "r.md"), capsys=capsys
    )
    assert (code, out) == (1, "")
    assert "cannot write" in err


def test_cli_flags(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(
        "report", str(FIXTURE), "--include-unconsented", "--anonymize", "--lang", "en",
        capsys=capsys,
    )  # fmt: skip
    assert code == 0
    assert out == report_text(fixture(), lang="en", include_unconsented=True, anonymise=True)


def test_cli_in_a_real_process_without_textual() -> None:
    code = (
        "import sys\nfrom kunderejse_tui.cli import main\n"
        f"rc = main(['report', {str(BILKOEB)!r}, '--to', 'markdown', '-o', {os.devnull!r}])\n"
        "print(rc, sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            cwd=tmp,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            timeout=60,
        )
    assert proc.stdout.strip() == "0 []", proc.stderr


def test_cli_help_lists_report(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "report" in capsys.readouterr().out
