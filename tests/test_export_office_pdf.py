"""A real client opens them: LibreOffice converts every sample's deck, document and
workbook to PDF, and the PDF's text holds the stage names.

Needs LibreOffice (``soffice``; .ci/run installs Debian's ``libreoffice-*-nogui``):
skipped locally without it (with the reason), a failure under CI=true. One
``soffice`` run converts all nine files, with its own profile directory so
parallel test workers never share one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kunderejse_tui.journey.yamlio import load_file

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("pptx")
pytest.importorskip("docx")
pytest.importorskip("openpyxl")

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "sample_journeys").glob("*.journey.yaml"))
FORMATS = ("pptx", "docx", "xlsx")


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        message = "LibreOffice (soffice) is not installed; install with: apt-get install " + (
            "libreoffice-impress-nogui libreoffice-writer-nogui libreoffice-calc-nogui"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {message}", pytrace=False)
        pytest.skip(message)
    return found


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    from kunderejse_tui.journey.export.office.docx import export_docx
    from kunderejse_tui.journey.export.office.pptx import export_pptx
    from kunderejse_tui.journey.export.office.xlsx import export_xlsx

    soffice = _soffice()
    work = tmp_path_factory.mktemp("office-pdf")
    makers: dict[str, Any] = {"pptx": export_pptx, "docx": export_docx, "xlsx": export_xlsx}
    sources = []
    for sample in SAMPLES:
        journey = load_file(sample).data
        stem = sample.name.split(".")[0]
        for fmt in FORMATS:
            # One stem per file: soffice names each PDF after its source's stem.
            path = work / f"{stem}-{fmt}.{fmt}"
            path.write_bytes(makers[fmt](journey))
            sources.append(path)
    profile = work / "profile"
    out = work / "pdf"
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, sources),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return {(p.stem.rsplit("-", 1)[0], p.suffix[1:]): out / f"{p.stem}.pdf" for p in sources}


def _text(pdf: Path) -> str:
    reader = pypdf.PdfReader(str(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name.split(".")[0])
def test_libreoffice_opens_it_and_shows_every_stage(
    pdfs: dict[tuple[str, str], Path], sample: Path, fmt: str
) -> None:
    pdf = pdfs[(sample.name.split(".")[0], fmt)]
    assert pdf.exists(), f"LibreOffice made no PDF of the {fmt}"
    text = _text(pdf)
    journey = load_file(sample).data
    for stage in journey["stages"]:
        if fmt == "xlsx" and not stage.get("touchpoints"):
            continue  # the workbook's tables list touchpoints; a stage without any has no row
        name = " ".join(str(stage.get("name") or stage["id"]).split())
        assert name in text, f"{name!r} is not in the PDF of the {fmt}"
