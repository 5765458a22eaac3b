"""Golden files of ``kunderejse report``: every sample and the known-numbers fixture,
text and Markdown, as is and in the other language with everything anonymised.

    python tests/golden/report/regen.py          # rewrite all report golden files
    python tests/golden/report/regen.py --check  # exit 1 if any is out of date

Files live one directory deeper than the export goldens (report/SOURCE/...), so the
export's regen.py, which tidies tests/golden/*/*, leaves them alone. Review the
diff of regenerated files like code: a change in report output must be intended.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SAMPLES = ROOT / "sample_journeys"
# Not *.journey.yaml: it is invalid on purpose, and `kunderejse validate DIR` must not
# pick it up.
FIXTURE = ROOT / "tests" / "data" / "evidence-known.yaml"

if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from kunderejse_tui.journey.report import render_report  # noqa: E402
from kunderejse_tui.journey.yamlio import load_file  # noqa: E402

EXT = {"text": "txt", "markdown": "md"}


@dataclass(frozen=True)
class Case:
    source: str  # a sample's stem, or "evidence-known" (the test fixture)
    to: str
    variant: str = ""
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        name = "report" + (f".{self.variant}" if self.variant else "") + f".{EXT[self.to]}"
        return HERE / self.source / name

    @property
    def file(self) -> Path:
        if self.source == FIXTURE.name.removesuffix(".yaml"):
            return FIXTURE
        return SAMPLES / f"{self.source}.journey.yaml"

    def cli_args(self) -> list[str]:
        args = ["report", str(self.file), "--to", self.to]
        if "lang" in self.options:
            args += ["--lang", self.options["lang"]]
        if self.options.get("include_unconsented"):
            args.append("--include-unconsented")
        if self.options.get("anonymise"):
            args.append("--anonymise")
        return args

    def render(self) -> str:
        return render_report(load_file(self.file).data, self.to, **self.options)


def sources() -> list[tuple[str, str]]:
    """(stem, the other language) for every sample and the fixture."""
    out = []
    for path in [*sorted(SAMPLES.glob("*.journey.yaml")), FIXTURE]:
        lang = load_file(path).data.get("language", "da")
        stem = path.name.removesuffix(".yaml").removesuffix(".journey")
        out.append((stem, "da" if lang == "en" else "en"))
    return out


def cases() -> list[Case]:
    out = []
    for stem, other in sources():
        for to in EXT:
            out.append(Case(stem, to))
            out.append(
                Case(
                    stem,
                    to,
                    f"{other}-all-anonymised",
                    {"lang": other, "include_unconsented": True, "anonymise": True},
                )
            )
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
    orphans = [p for p in HERE.glob("*/report*") if p not in wanted]
    for path in orphans:
        stale.append(path)
        if not check:
            path.unlink()
    for path in stale:
        print(("out of date: " if check else "updated: ") + str(path.relative_to(ROOT)))
    return 1 if check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
