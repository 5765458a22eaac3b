"""Every export of every sample journey (and the escaping corpus) against its golden file.

A difference is either a bug or an intended change: regenerate with
``python tests/golden/regen.py`` and review the diff of the golden files.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.golden.regen import EXPORTS, SAMPLES, Case, cases, sample_stems

CASES = cases()


def test_every_sample_has_every_export() -> None:
    assert sample_stems(), f"no sample journeys in {SAMPLES}"
    covered = {(c.source, c.export) for c in CASES if not c.variant}
    for stem in [*sample_stems(), "corpus"]:
        for export in EXPORTS:
            assert (stem, export) in covered


@pytest.mark.parametrize(
    "case", CASES, ids=[str(c.path.relative_to(c.path.parents[1])) for c in CASES]
)
def test_export_matches_golden(case: Case) -> None:
    assert case.path.exists(), f"{case.path} is missing: run python tests/golden/regen.py"
    expected = case.path.read_bytes().decode("utf-8")
    actual = case.render()
    assert actual == expected, (
        f"{case.path.name} differs from the export; if the change is intended, run "
        "python tests/golden/regen.py and review the diff"
    )


def test_exports_do_not_depend_on_hash_seed() -> None:
    # Byte-for-byte determinism across processes: set or dict ordering that leaked
    # into the output would differ under another hash seed.
    script = Path(__file__).parent / "golden" / "regen.py"
    env = {**os.environ, "PYTHONHASHSEED": "4242"}
    proc = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, env=env
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
