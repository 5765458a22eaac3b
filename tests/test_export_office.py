"""The hand-over documents, reopened with the library that wrote them.

Every stage, touchpoint and persona is in each document; the deck's emotion curve is
a native line chart whose values are the emotions; spreadsheet cells are strings in
the XML, never formulas; consent and anonymising hold; hostile labels give valid
documents. Expected values are computed here from the journey data.
"""

from __future__ import annotations

import copy
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from golden.corpus import NASTY, corpus_journey
from hostile.hostile_corpus import FRIENDLY

from kunderejse_tui.cli import main
from kunderejse_tui.journey.export.office.csv_tables import csv_value, export_csv
from kunderejse_tui.journey.export.office.docx import export_docx
from kunderejse_tui.journey.export.office.pptx import export_pptx
from kunderejse_tui.journey.export.office.xlsx import export_xlsx
from kunderejse_tui.journey.yamlio import load_file, load_text

docx = pytest.importorskip("docx")
pptx = pytest.importorskip("pptx")
openpyxl = pytest.importorskip("openpyxl")

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "sample_journeys").glob("*.journey.yaml"))
INJECTION = "=cmd|' /C calc'!A0"
SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def words(s: Any) -> str:
    return " ".join(str(s).split())


def shown(s: Any) -> str:
    """A label as the documents show it: XML-impossible characters gone, spaces folded."""
    return words(re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "", str(s)))


def stage_names(j: dict[str, Any]) -> list[str]:
    return [words(s.get("name") or s.get("id")) for s in j.get("stages", [])]


def touchpoint_names(j: dict[str, Any]) -> list[str]:
    return [words(t["name"]) for s in j.get("stages", []) for t in s.get("touchpoints", [])]


def persona_names(j: dict[str, Any]) -> list[str]:
    return [words(p["name"]) for p in j.get("personas", [])]


def pptx_text(blob: bytes) -> tuple[list[str], str]:
    """(slide titles, all text of text frames and table cells)."""
    prs = pptx.Presentation(io.BytesIO(blob))
    titles, parts = [], []
    for slide in prs.slides:
        if slide.shapes.title is not None:
            titles.append(words(slide.shapes.title.text_frame.text))
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return titles, words(" ".join(parts))


def docx_text(blob: bytes) -> tuple[list[tuple[str, str]], str]:
    """([(style, text) of headings], all text of paragraphs and tables)."""
    doc = docx.Document(io.BytesIO(blob))
    headings = [
        (p.style.name, words(p.text))
        for p in doc.paragraphs
        if p.style.name.startswith("Heading") or p.style.name == "Title"
    ]
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return headings, words(" ".join(parts))


def expected_curve(j: dict[str, Any]) -> dict[str, list[float | None]]:
    out: dict[str, list[float | None]] = {}

    def mean(xs: list[int]) -> float | None:
        return sum(xs) / len(xs) if xs else None

    scored = [
        [
            (t["emotion"], t.get("personas") or [])
            for t in s.get("touchpoints", [])
            if "emotion" in t
        ]
        for s in j.get("stages", [])
    ]
    out["average"] = [mean([e for e, _ in st]) for st in scored]
    for p in j.get("personas", []):
        out[p["name"]] = [mean([e for e, who in st if not who or p["id"] in who]) for st in scored]
    return out


def chart_series(blob: bytes) -> list[tuple[str, list[float | None]]]:
    """Each line series of the deck's charts: (name, values per category)."""
    from lxml import etree

    c = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
    out = []
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        charts = [n for n in z.namelist() if n.startswith("ppt/charts/chart")]
        assert charts, "the deck has no chart"
        for name in charts:
            root = etree.fromstring(z.read(name))
            line_charts = root.iter(f"{c}lineChart")
            for lc in line_charts:
                for ser in lc.iter(f"{c}ser"):
                    title = "".join(ser.find(f"{c}tx").iter(f"{c}v").__next__().itertext())
                    cache = ser.find(f"{c}val/{c}numRef/{c}numCache")
                    count = int(cache.find(f"{c}ptCount").get("val"))
                    values: list[float | None] = [None] * count
                    for pt in cache.iter(f"{c}pt"):
                        values[int(pt.get("idx"))] = float(pt.find(f"{c}v").text)
                    out.append((title, values))
    return out


@pytest.fixture(scope="module", params=SAMPLES, ids=lambda p: p.name.split(".")[0])
def sample(request: pytest.FixtureRequest) -> dict[str, Any]:
    return load_file(request.param).data


# ---------------------------------------------------------------------------
# PowerPoint


def test_the_deck_shows_every_stage_touchpoint_and_persona(sample: dict[str, Any]) -> None:
    blob = export_pptx(sample)
    titles, body = pptx_text(blob)
    prs = pptx.Presentation(io.BytesIO(blob))
    assert prs.slide_width * 9 == prs.slide_height * 16
    for i, name in enumerate(stage_names(sample)):
        assert f"{i + 1}. {name}" in titles
    for name in persona_names(sample):
        assert name in titles
    for name in touchpoint_names(sample):
        assert name in body
    assert words(sample["title"]) == titles[0]


def test_the_emotion_curve_is_a_native_line_chart_of_the_emotions(sample: dict[str, Any]) -> None:
    series = chart_series(export_pptx(sample))
    expected = expected_curve(sample)
    assert len(series) == len(expected)
    got = dict(series)
    assert series[0][0] in ("Alle (gennemsnit)", "Everyone (average)")
    for values_got, values_want in zip(
        [series[0][1]] + [got[n] for n in persona_names(sample)],
        [expected["average"]] + [expected[n] for n in persona_names(sample)],
        strict=True,
    ):
        assert len(values_got) == len(stage_names(sample))
        for g, w in zip(values_got, values_want, strict=True):
            assert (g is None) == (w is None)
            if g is not None and w is not None:
                assert g == pytest.approx(w, abs=0.01)


def test_a_persona_filter_keeps_its_series_and_the_average() -> None:
    j = load_file(ROOT / "sample_journeys" / "bilkoeb-privat.journey.yaml").data
    names = [n for n, _ in chart_series(export_pptx(j, persona="kasper"))]
    assert names == ["Alle (gennemsnit)", "Kasper"]


def test_long_lists_go_on_to_continued_slides_instead_of_overflowing() -> None:
    j = load_file(ROOT / "sample_journeys" / "bilkoeb-privat.journey.yaml").data
    j = copy.deepcopy(j)
    tps = j["stages"][0]["touchpoints"]
    tps[0]["pains"] = [f"Smertepunkt nummer {n} med en del ekstra tekst" for n in range(60)]
    titles, body = pptx_text(export_pptx(j))
    first = f"1. {words(j['stages'][0]['name'])}"
    assert sum(t.startswith(first) and "(fortsat)" in t for t in titles) >= 2
    for n in range(60):
        assert f"Smertepunkt nummer {n} med" in body


def test_a_template_brings_its_own_slide_size_and_drops_its_slides(tmp_path: Path) -> None:
    prs = pptx.Presentation()
    prs.slide_width, prs.slide_height = 9144000, 5143500  # 16:9 at 10 inches
    prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "Kundens eksempelslide"
    template = tmp_path / "kunde.pptx"
    prs.save(template)
    j = load_file(SAMPLES[0]).data
    blob = export_pptx(j, template=str(template))
    out = pptx.Presentation(io.BytesIO(blob))
    assert out.slide_width == 9144000
    titles, _ = pptx_text(blob)
    assert "Kundens eksempelslide" not in titles
    assert titles[0] == words(j["title"])


def test_the_map_picture_is_the_last_slide_when_given() -> None:
    from PIL import Image

    png = io.BytesIO()
    Image.new("RGB", (400, 100), "white").save(png, "PNG")
    blob = export_pptx(load_file(SAMPLES[0]).data, map_png=png.getvalue())
    last = list(pptx.Presentation(io.BytesIO(blob)).slides)[-1]
    assert any(s.shape_type == 13 for s in last.shapes)  # MSO_SHAPE_TYPE.PICTURE
    doc = docx.Document(io.BytesIO(export_docx(load_file(SAMPLES[0]).data, map_png=png.getvalue())))
    assert len(doc.inline_shapes) == 1


# ---------------------------------------------------------------------------
# Word


def test_the_word_document_uses_headings_tables_and_the_language(sample: dict[str, Any]) -> None:
    blob = export_docx(sample)
    headings, body = docx_text(blob)
    assert headings[0] == ("Title", words(sample["title"]))
    for i, name in enumerate(stage_names(sample)):
        assert ("Heading 2", f"{i + 1}. {name}") in headings
    for name in persona_names(sample):
        assert ("Heading 2", name) in headings
    for name in touchpoint_names(sample):
        assert name in body
    assert docx.Document(io.BytesIO(blob)).tables
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        styles = z.read("word/styles.xml").decode()
    tag = "en-GB" if sample.get("language") == "en" else "da-DK"
    vals = set(re.findall(r'<w:lang w:val="([^"]+)"', styles))
    assert vals == {tag}


def test_word_language_follows_lang() -> None:
    blob = export_docx(load_file(SAMPLES[1]).data, lang="en")
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        assert 'w:val="en-GB"' in z.read("word/styles.xml").decode()
    headings, _ = docx_text(blob)
    assert ("Heading 1", "The stages") in headings


# ---------------------------------------------------------------------------
# Spreadsheets


def sheet_xml(blob: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        return [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")]


def test_the_workbook_holds_every_touchpoint_and_string_cells(sample: dict[str, Any]) -> None:
    blob = export_xlsx(sample)
    wb = openpyxl.load_workbook(io.BytesIO(blob))
    ws = wb.worksheets[0]
    assert ws.freeze_panes == "A2"
    assert [n for n in ws.tables] == ["Touchpoints"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [words(r[1]) for r in rows] == touchpoint_names(sample)
    assert {words(r[0]) for r in rows} <= set(stage_names(sample))
    backlog = wb.worksheets[1]
    pains = [
        words(p)
        for s in sample["stages"]
        for t in s.get("touchpoints", [])
        for p in t.get("pains", [])
    ]
    assert [
        words(r[3])
        for r in backlog.iter_rows(min_row=2, values_only=True)
        if r[2] == "Smertepunkt" or r[2] == "Pain"
    ] == pains
    assert backlog.tables["Backlog"].autoFilter is not None
    assert [c.value for c in backlog[1]][-3:] in (
        ["Ansvarlig", "Prioritet", "Status"],
        ["Owner", "Priority", "Status"],
    )
    personas = wb.worksheets[3]
    assert [r[0] for r in personas.iter_rows(min_row=2, values_only=True)] == persona_names(sample)
    for xml in sheet_xml(blob):
        assert "<f>" not in xml and "<f " not in xml
        # Every cell is a string (shared or inline) or a plain number: no error type,
        # no formula result.
        assert set(re.findall(r'<c [^>]*?t="([^"]+)"', xml)) <= {"s", "inlineStr", "n"}


HOSTILE_CELLS = [
    INJECTION,
    "=1+1",
    "+45 12 34 56 78",
    "-5",
    "@SUM(A1)",
    "#N/A",
    "\tfane",
    '=HYPERLINK("http://x")',
]


def injection_journey() -> dict[str, Any]:
    return {
        "format": "kunderejse/1",
        "id": "inj",
        "title": INJECTION,
        "language": "da",
        "personas": [{"id": "p", "name": "=2*3"}],
        "stages": [
            {
                "id": "s",
                "name": "=A1",
                "touchpoints": [
                    {"id": f"t{n}", "name": v, "pains": [v], "opportunities": [v], "emotion": 2}
                    for n, v in enumerate(HOSTILE_CELLS)
                ],
            }
        ],
    }


def test_formulas_stay_text_in_the_workbook() -> None:
    blob = export_xlsx(injection_journey())
    for xml in sheet_xml(blob):
        assert "<f>" not in xml and "<f " not in xml
    ws = openpyxl.load_workbook(io.BytesIO(blob)).worksheets[0]
    cells = [r[1] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert cells == [v.strip() for v in HOSTILE_CELLS]
    assert all(
        c.data_type == "s" for row in ws.iter_rows() for c in row if isinstance(c.value, str)
    )


def test_formulas_are_defused_in_csv() -> None:
    text = export_csv(injection_journey(), table="touchpoints").decode("utf-8-sig")
    import csv

    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][0] == "Fase"
    assert rows[1][0] == "'=A1"
    assert [r[1] for r in rows[1:]] == [
        "'" + v.strip() if v.strip()[0] in "=+-@" else v.strip() for v in HOSTILE_CELLS
    ]
    assert rows[1][1] == "'" + INJECTION


def test_csv_is_excel_friendly_in_both_languages() -> None:
    j = load_file(ROOT / "sample_journeys" / "bilkoeb-privat.journey.yaml").data
    da = export_csv(j, table="backlog")
    assert da.startswith(b"\xef\xbb\xbf") and b"\r\n" in da
    assert da.decode("utf-8-sig").splitlines()[0].split(";")[:2] == ["Fase", "Berøringspunkt"]
    en = export_csv(j, table="backlog", lang="en").decode("utf-8-sig")
    assert en.splitlines()[0].startswith("Stage,Touchpoint,Category,Text")
    tab = export_csv(j, table="personas", delimiter="\t").decode("utf-8-sig")
    assert tab.splitlines()[0].split("\t")[:2] == ["Navn", "Id"]
    assert csv_value(3.5, "da") == "3,5" and csv_value(3.5, "en") == "3.5"
    assert csv_value(4, "da") == "4" and csv_value(None, "da") == ""


# ---------------------------------------------------------------------------
# Consent and anonymising, in all four


def consent_journey() -> dict[str, Any]:
    return {
        "format": "kunderejse/1",
        "id": "c",
        "title": "Samtykke",
        "language": "da",
        "stages": [
            {
                "id": "s",
                "name": "Fasen",
                "touchpoints": [{"id": "t", "name": "Butik", "emotion": 4}],
            }
        ],
        "interviews": [
            {
                "id": "i1",
                "respondent": "Hans Hemmelig",
                "consent": True,
                "answers": [{"ask": "Hvorfor?", "text": "Fordi det var nemt", "stages": ["s"]}],
            },
            {
                "id": "i2",
                "respondent": "Grete Gemt",
                "answers": [
                    {"ask": "Hvorfor?", "text": "Ingen samtykke her", "touchpoints": ["t"]}
                ],
            },
        ],
    }


def all_text(blob: bytes, fmt: str) -> str:
    if fmt == "pptx":
        return pptx_text(blob)[1]
    if fmt == "docx":
        return docx_text(blob)[1]
    wb = openpyxl.load_workbook(io.BytesIO(blob))
    return words(
        " ".join(
            str(c)
            for ws in wb.worksheets
            for r in ws.iter_rows(values_only=True)
            for c in r
            if c is not None
        )
    )


MAKERS = {"pptx": export_pptx, "docx": export_docx, "xlsx": export_xlsx}


@pytest.mark.parametrize("fmt", list(MAKERS))
def test_consent_and_anonymising_hold(fmt: str) -> None:
    j = consent_journey()
    plain = all_text(MAKERS[fmt](j), fmt)
    assert "Fordi det var nemt" in plain and "Hans Hemmelig" in plain
    assert "Ingen samtykke her" not in plain and "Grete Gemt" not in plain
    anon = all_text(MAKERS[fmt](j, anonymise=True), fmt)
    assert "Hans Hemmelig" not in anon and "Kunde A" in anon
    both = all_text(MAKERS[fmt](j, anonymise=True, include_unconsented=True), fmt)
    assert "Ingen samtykke her" in both and "Grete Gemt" not in both and "Kunde B" in both


def test_csv_interviews_follow_consent_and_anonymising() -> None:
    text = export_csv(consent_journey(), table="interviews", anonymise=True).decode("utf-8-sig")
    assert "Kunde A" in text and "Hans" not in text and "Grete" not in text


def test_evidence_counts_are_consented_answers() -> None:
    j = consent_journey()
    ws = openpyxl.load_workbook(io.BytesIO(export_xlsx(j))).worksheets[0]
    assert next(ws.iter_rows(min_row=2, values_only=True))[6] == 0
    ws = openpyxl.load_workbook(io.BytesIO(export_xlsx(j, include_unconsented=True))).worksheets[0]
    assert next(ws.iter_rows(min_row=2, values_only=True))[6] == 1


# ---------------------------------------------------------------------------
# Hostile input


def hostile_journey() -> dict[str, Any]:
    j = corpus_journey()
    # Characters XML cannot hold at all, as an escaped YAML string could bring them.
    j["stages"][0]["name"] = "Bil\x00køb\x1b\x0b fase"
    j["stages"][0]["touchpoints"][0]["pains"] = ["\x07klokke", INJECTION]
    j["stages"].append(
        {"id": "x", "name": 7, "touchpoints": "oops", "customer_questions": [None, 3]}
    )
    j["personas"].append({"id": ["odd"], "name": None})
    return j


@pytest.mark.parametrize("fmt", [*MAKERS, "csv"])
def test_hostile_labels_give_valid_documents(fmt: str) -> None:
    j = hostile_journey()
    if fmt == "csv":
        for table in ("touchpoints", "backlog", "interviews", "personas"):
            export_csv(j, table=table).decode("utf-8")
        return
    blob = MAKERS[fmt](j)
    text = all_text(blob, fmt)
    assert "Bilkøb fase" in text
    for label in NASTY:
        if fmt != "xlsx" and shown(label):
            # Every label is somewhere as typed (a stage, a pain, a question...).
            assert shown(label) in text, label


@pytest.mark.parametrize("friendly", FRIENDLY, ids=lambda f: f.name)
def test_odd_but_valid_files_export(friendly: Any) -> None:
    j = load_text(friendly.raw.decode("utf-8-sig"), friendly.filename).data
    for fmt, make in MAKERS.items():
        assert "Opmærksomhed" in all_text(make(j), fmt)


# ---------------------------------------------------------------------------
# The command line


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_writes_each_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = str(SAMPLES[1])
    for fmt in ("pptx", "docx", "xlsx"):
        out = tmp_path / f"x.{fmt}"
        assert run_cli(capsys, "export", src, "--to", fmt, "-o", str(out))[0] == 0
        assert zipfile.is_zipfile(out)
    code, out_text, _ = run_cli(
        capsys, "export", src, "--to", "csv", "--table", "backlog", "--lang", "en"
    )
    assert code == 0 and out_text.startswith("\ufeffStage,Touchpoint")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--to", "pptx"], "give -o FILE.pptx"),
        (["--to", "csv"], "give --table"),
        (["--to", "xlsx", "-o", "x.xlsx", "--template", "t.xlsx"], "--template is for"),
        (["--to", "docx", "-o", "x.docx", "--table", "backlog"], "--table and --delimiter"),
        (["--to", "csv", "--table", "backlog", "--delimiter", ";;"], "one character"),
        (["--to", "pptx", "-o", "x.pptx", "--template", "nowhere.pptx"], "no such template"),
        (["--to", "pptx", "-o", "x.pptx", "--split"], "--split is for"),
    ],
)
def test_cli_refuses_what_it_cannot_do(
    argv: list[str],
    message: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, "export", str(SAMPLES[0]), *argv)
    assert code == 2 and message in err


def test_a_bad_template_leaves_the_old_output_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "kunde.docx"
    bad.write_bytes(b"not a zip")
    out = tmp_path / "rapport.docx"
    out.write_bytes(b"old")
    code, _, err = run_cli(
        capsys, "export", str(SAMPLES[0]), "--to", "docx", "-o", str(out), "--template", str(bad)
    )
    assert code == 2 and "cannot use it as a template" in err
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kunde.docx", "rapport.docx"]


@pytest.mark.parametrize("fmt", ["pptx", "docx", "xlsx"])
def test_without_the_extra_the_cli_names_it(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    module = {"pptx": "pptx", "docx": "docx", "xlsx": "openpyxl"}[fmt]
    monkeypatch.setitem(sys.modules, module, None)  # `import pptx` now raises ImportError
    out = tmp_path / f"x.{fmt}"
    code, _, err = run_cli(capsys, "export", str(SAMPLES[0]), "--to", fmt, "-o", str(out))
    assert code == 2
    assert "pip install 'kunderejse-tui[office]'" in err
    assert not out.exists()


def test_validate_never_loads_the_office_libraries() -> None:
    code = (
        "import sys\nfrom kunderejse_tui.cli import main\n"
        "main(['validate', 'sample_journeys'])\n"
        "main(['export', 'sample_journeys/bilkoeb-privat.journey.yaml', '--to', 'markdown', '-o', '/dev/null'])\n"
        "from kunderejse_tui.cli.parser import build_parser\nbuild_parser()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pptx', 'docx', 'openpyxl', 'lxml', 'PIL')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_the_map_is_rendered_for_the_documents_when_resvg_is_there() -> None:
    from kunderejse_tui.journey.export.office.map_image import map_png

    png = map_png(load_file(SAMPLES[0]).data, lang=None, persona=None)
    assert png is not None and png.startswith(b"\x89PNG\r\n\x1a\n")


def test_without_resvg_the_documents_go_without_the_map(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from kunderejse_tui.journey.export.office.map_image import map_png

    monkeypatch.setitem(sys.modules, "resvg_py", None)
    assert map_png(load_file(SAMPLES[0]).data, lang=None, persona=None) is None
