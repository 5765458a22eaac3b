"""The journeys the benchmarks run on: small (a sample), large and huge.

large is ``generate_journey()``'s default (12 stages x 60 touchpoints, 400
interviews x 8 answers, about 1.4 MB); huge is ten times large (600
touchpoints per stage, 4,000 interviews, about 14 MB, under the loader's
32 MB cap). The files are written once into ``benchmarks/out/`` in the
canonical layout and rewritten only when the generator or the writer change.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmarks.proc import OUT, PYTHON, ROOT, child_env

SMALL_SAMPLE = ROOT / "sample_journeys" / "energiraadgivning-livscyklus.journey.yaml"

# Keyword arguments of benchmarks.generate.generate_journey per generated size.
GENERATED: dict[str, dict[str, int]] = {
    "large": {},
    "huge": {"touchpoints_per_stage": 600, "interviews": 4000},
}
ORDER = ("small", "large", "huge")


@dataclass(frozen=True)
class Journey:
    name: str
    path: Path
    bytes: int
    stages: int
    touchpoints: int
    interviews: int
    answers: int
    first_stage: str  # the first stage's name: the map is on screen when it shows

    def describe(self) -> str:
        size = (
            f"{self.bytes / 1e6:.2f} MB" if self.bytes >= 100_000 else f"{self.bytes / 1e3:.0f} kB"
        )
        return (
            f"{self.name}: {size}, {self.stages} stages, {self.touchpoints} touchpoints, "
            f"{self.interviews} interviews, {self.answers} answers ({self._shown_path()})"
        )

    def _shown_path(self) -> str:
        try:
            return str(self.path.relative_to(ROOT))
        except ValueError:
            return str(self.path)


def _counts(data: dict[str, Any]) -> tuple[int, int, int, int]:
    stages = [s for s in data.get("stages") or [] if isinstance(s, dict)]
    interviews = [i for i in data.get("interviews") or [] if isinstance(i, dict)]
    return (
        len(stages),
        sum(len(s.get("touchpoints") or []) for s in stages),
        len(interviews),
        sum(len(i.get("answers") or []) for i in interviews),
    )


def _stamp(kwargs: dict[str, int]) -> str:
    digest = hashlib.sha256(json.dumps(kwargs, sort_keys=True).encode())
    for source in ("benchmarks/generate.py", "kunderejse_tui/journey/dump.py"):
        digest.update((ROOT / source).read_bytes())
    return digest.hexdigest()


def _generate(name: str, kwargs: dict[str, int]) -> Path:
    from benchmarks.generate import generate_journey
    from kunderejse_tui.journey.dump import dump
    from kunderejse_tui.journey.validate import validate_file
    from kunderejse_tui.journey.yamlio import MAX_BYTES

    path = OUT / f"{name}.journey.yaml"
    stamp = OUT / f"{name}.stamp"
    wanted = _stamp(kwargs)
    if path.exists() and stamp.exists() and stamp.read_text() == wanted:
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    text = dump(generate_journey(**kwargs))
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise SystemExit(
            f"benchmarks: the {name} journey is {size / 1e6:.1f} MB, over the loader's "
            f"{MAX_BYTES / 1e6:.1f} MB cap; make it smaller in benchmarks/sizes.py"
        )
    path.write_text(text, encoding="utf-8")
    # The benchmarks measure the valid path: a generated file must be valid.
    _, problems = validate_file(path)
    if problems:
        shown = "\n".join(p.format("en") for p in problems[:5])
        raise SystemExit(f"benchmarks: the generated {name} journey is not valid:\n{shown}")
    stamp.write_text(wanted)
    return path


def _prepare_here(names: list[str]) -> list[Journey]:
    from kunderejse_tui.journey.yamlio import load_file

    out = []
    for name in names:
        if name == "small":
            path = SMALL_SAMPLE
        elif name in GENERATED:
            path = _generate(name, GENERATED[name])
        else:
            raise SystemExit(f"benchmarks: unknown size {name!r} (use {', '.join(ORDER)})")
        data = load_file(path).data
        stages, touchpoints, interviews, answers = _counts(data)
        first = next((s.get("name") for s in data.get("stages") or [] if isinstance(s, dict)), "")
        out.append(
            Journey(
                name,
                path,
                path.stat().st_size,
                stages,
                touchpoints,
                interviews,
                answers,
                first if isinstance(first, str) else "",
            )
        )
    return out


def prepare(names: list[str]) -> dict[str, Journey]:
    """The journeys for ``names`` (generated when missing or out of date).

    The work happens in a child process: the harness must stay small, because a
    child's peak RSS on Linux starts at its parent's size when it was started.
    """
    done = subprocess.run(
        [PYTHON, "-m", "benchmarks.sizes", *names],
        cwd=ROOT,
        env=child_env(),
        check=False,
        stdout=subprocess.PIPE,
    )
    if done.returncode:
        raise SystemExit(done.returncode)
    out = {}
    for item in json.loads(done.stdout):
        item["path"] = Path(item["path"])
        out[item["name"]] = Journey(**item)
    return out


def main(argv: list[str]) -> None:
    journeys = _prepare_here(argv)
    json.dump([{**asdict(j), "path": str(j.path)} for j in journeys], sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
