"""Golden files of the exports: every sample journey x every export, plus the corpus.

    python tests/golden/regen.py          # rewrite all golden files
    python tests/golden/regen.py --check  # exit 1 if any is out of date

Review the diff of the regenerated files like code: a change in export output must
be intended. tests/test_export_golden.py compares against the same cases.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).resolve().parent
ROOT = GOLDEN.parents[1]
SAMPLES = ROOT / "sample_journeys"

if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from kunderejse_tui.journey.export import (  # noqa: E402
    export_markdown,
    export_mermaid_flowchart,
    export_mermaid_journey,
)
from tests.golden.corpus import corpus_journey  # noqa: E402

EXPORTS: dict[str, tuple[str, Callable[..., str]]] = {
    "markdown": ("md", export_markdown),
    "mermaid-journey": ("mmd", export_mermaid_journey),
    "mermaid-flowchart": ("mmd", export_mermaid_flowchart),
}


@dataclass(frozen=True)
class Case:
    source: str  # a sample's stem ("bilkoeb-privat") or "corpus"
    export: str
    variant: str = ""
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        ext = EXPORTS[self.export][0]
        name = self.export + (f".{self.variant}" if self.variant else "") + f".{ext}"
        return GOLDEN / self.source / name

    def journey(self) -> dict[str, Any]:
        if self.source == "corpus":
            return corpus_journey()
        from kunderejse_tui.journey.yamlio import load_file

        return load_file(SAMPLES / f"{self.source}.journey.yaml").data

    def render(self) -> str:
        return EXPORTS[self.export][1](self.journey(), **self.options)


def sample_stems() -> list[str]:
    return sorted(p.name.removesuffix(".journey.yaml") for p in SAMPLES.glob("*.journey.yaml"))


def cases() -> list[Case]:
    out = [Case(stem, export) for stem in sample_stems() for export in EXPORTS]
    if "bilkoeb-privat" in sample_stems():
        out += [
            Case("bilkoeb-privat", "markdown", "en", {"lang": "en"}),
            Case(
                "bilkoeb-privat",
                "markdown",
                "kasper-all-anonymised",
                {"persona": "kasper", "include_unconsented": True, "anonymise": True},
            ),
            Case("bilkoeb-privat", "mermaid-journey", "mette", {"persona": "mette"}),
            Case("bilkoeb-privat", "mermaid-flowchart", "en", {"lang": "en"}),
        ]
    out += [Case("corpus", export) for export in EXPORTS]
    out += [
        Case(
            "corpus",
            "markdown",
            "en-all-anonymised",
            {"lang": "en", "include_unconsented": True, "anonymise": True},
        ),
        Case("corpus", "mermaid-journey", "p1", {"persona": "p1"}),
    ]
    return out


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    wanted = set()
    for case in cases():
        wanted.add(case.path)
        text = case.render()
        current = case.path.read_text(encoding="utf-8") if case.path.exists() else None
        if current == text:
            continue
        stale.append(case.path)
        if not check:
            case.path.parent.mkdir(parents=True, exist_ok=True)
            case.path.write_bytes(text.encode("utf-8"))
    # Only this file's own folders: other goldens (e.g. golden/report/) live beside them.
    folders = {case.path.parent for case in cases()}
    orphans = [
        p
        for folder in sorted(folders)
        for p in sorted(folder.glob("*"))
        if p.suffix in (".md", ".mmd") and p not in wanted
    ]
    for path in orphans:
        stale.append(path)
        if not check:
            path.unlink()
    for path in stale:
        print(("out of date: " if check else "updated: ") + str(path.relative_to(ROOT)))
    return 1 if check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
