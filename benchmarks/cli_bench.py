"""The command-line goals: validate and export as whole processes.

Per size, one alternating group of five commands on the same file:

- floor: a fresh interpreter loads the file with PyYAML's CSafeLoader;
- ``kunderejse validate FILE``;
- ``check-jsonschema --schemafile schemas/journey.schema.json FILE``
  (with ruamel.yaml.clib, its fastest form);
- ``kunderejse export FILE --to markdown`` and ``--to mermaid-journey``
  (output to /dev/null);
- the journey map: ``--to svg`` against the floor, ``--to png`` and ``--to pdf``
  as ratios against the SVG (files in benchmarks/out/export/). The large journey
  does not fit one readable picture: it is summarised on one A3 page ("+N" in the
  crowded cells, and a note saying how much is left out).
"""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.proc import (
    BIN,
    OUT,
    PYTHON,
    ROOT,
    Case,
    Run,
    alternate,
    median,
    paired_ratio,
    run_once,
)
from benchmarks.report import Figure, Goal, seconds
from benchmarks.sizes import Journey

FLOOR_CODE = (
    "import sys, yaml; "
    "yaml.load(open(sys.argv[1], encoding='utf-8').read(), Loader=yaml.CSafeLoader)"
)
SCHEMA = "schemas/journey.schema.json"

FLOOR = "floor (CSafeLoader)"
VALIDATE = "kunderejse validate"
CHECK_JSONSCHEMA = "check-jsonschema"
EXPORT_MD = "kunderejse export markdown"
EXPORT_MERMAID = "kunderejse export mermaid-journey"
EXPORT_SVG = "kunderejse export svg"
EXPORT_PNG = "kunderejse export png"
EXPORT_PDF = "kunderejse export pdf"
GROWTH = (VALIDATE, FLOOR, CHECK_JSONSCHEMA, EXPORT_MD, EXPORT_MERMAID, EXPORT_SVG)


def export_available() -> bool:
    return (ROOT / "kunderejse_tui" / "cli" / "export.py").exists()


def clib_available() -> bool:
    try:
        import _ruamel_yaml  # type: ignore[import-not-found,unused-ignore]  # noqa: F401
    except ImportError:
        return False
    return True


def cases(journey: Journey) -> list[Case]:
    from benchmarks import diff_bench

    f = str(journey.path)
    out = [
        Case(FLOOR, (PYTHON, "-c", FLOOR_CODE, f)),
        Case(VALIDATE, (str(BIN / "kunderejse"), "validate", f)),
        Case(CHECK_JSONSCHEMA, (str(BIN / "check-jsonschema"), "--schemafile", SCHEMA, f)),
    ]
    if export_available():
        out += [
            Case(EXPORT_MD, (str(BIN / "kunderejse"), "export", f, "--to", "markdown")),
            _mermaid_case(journey),
            *picture_cases(journey),
        ]
    if journey.name != "small":
        out += diff_bench.cases(journey)
    return out


def picture_cases(journey: Journey) -> list[Case]:
    target = OUT / "export"
    target.mkdir(parents=True, exist_ok=True)
    out = []
    for name, fmt in ((EXPORT_SVG, "svg"), (EXPORT_PNG, "png"), (EXPORT_PDF, "pdf")):
        argv = (str(BIN / "kunderejse"), "export", str(journey.path), "--to", fmt)
        out.append(Case(name, (*argv, "-o", str(target / f"{journey.name}.map.{fmt}"))))
    return out


def picture_goals(runs: dict[str, list[Run]], size: str) -> list[Goal]:
    return [
        # The goal is the large journey's (issue 17); small and huge are reported.
        _goal(
            runs,
            size,
            "4",
            "export svg (the map) vs floor",
            EXPORT_SVG,
            FLOOR,
            1.5 if size == "large" else None,
        ),
        _goal(runs, size, "4", "export png vs export svg", EXPORT_PNG, EXPORT_SVG, None),
        _goal(runs, size, "4", "export pdf vs export svg", EXPORT_PDF, EXPORT_SVG, None),
    ]


def diff_goals(runs: dict[str, list[Run]], size: str) -> list[Goal]:
    """Goal 6 (issue 15): "show the difference" on a big journey, about a second."""
    from benchmarks.diff_bench import DIFF, DIFF_BASELINE, DIFF_DIFFLIB

    if size == "small":
        return []
    goals = [
        _goal(runs, size, "6", "show the difference vs dumping both versions", DIFF,
              DIFF_BASELINE, 1.5),
    ]  # fmt: skip
    if DIFF_DIFFLIB in runs:
        goals.append(
            _goal(runs, size, "6", "difflib on whole texts (before) vs dumping both versions",
                  DIFF_DIFFLIB, DIFF_BASELINE, None)
        )  # fmt: skip
    return goals


def _mermaid_case(journey: Journey) -> Case:
    """One diagram to stdout; or, when the journey is too big for one Mermaid diagram
    (the command refuses with exit 1), one diagram per stage with ``--split``."""
    argv = (str(BIN / "kunderejse"), "export", str(journey.path), "--to", "mermaid-journey")
    probe = run_once(Case(EXPORT_MERMAID, argv), capture=True)
    if probe.returncode == 1 and b"--split" in probe.output:
        target = OUT / "export" / f"{journey.name}.journey.mmd"
        target.parent.mkdir(parents=True, exist_ok=True)
        return Case(f"{EXPORT_MERMAID} --split", (*argv, "--split", "-o", str(target)))
    return Case(EXPORT_MERMAID, argv)


@dataclass
class CliResult:
    figures: list[Figure]
    goals: list[Goal]
    runs: dict[str, dict[str, list[Run]]]  # size -> command -> runs

    def wall(self, size: str, name: str) -> float:
        return median([r.wall for r in self.runs.get(size, {}).get(name, [])])


def _goal(
    runs: dict[str, list[Run]],
    size: str,
    number: str,
    measure: str,
    subject: str,
    baseline: str,
    limit: float | None,
) -> Goal:
    if subject not in runs and f"{subject} --split" in runs:
        subject = f"{subject} --split"
        measure += " (--split)"
    if subject not in runs or baseline not in runs:
        nan = float("nan")
        return Goal(number, measure, size, "n/a", "n/a", nan, limit)
    return Goal(
        number,
        measure,
        size,
        seconds(median([r.wall for r in runs[subject]])),
        seconds(median([r.wall for r in runs[baseline]])),
        paired_ratio(runs[subject], runs[baseline]),
        limit,
    )


def run(journeys: dict[str, Journey], rounds: int) -> CliResult:
    figures: list[Figure] = []
    goals: list[Goal] = []
    all_runs: dict[str, dict[str, list[Run]]] = {}
    for size, journey in journeys.items():
        group = cases(journey)
        # A command on the small journey lasts a tenth of a second, so one hiccup of
        # the machine moves its median by several percent: it gets three times the
        # rounds (about two seconds more per run of the benchmark).
        size_rounds = rounds * 3 if size == "small" else rounds
        print(f"cli {size}: {len(group)} commands x {size_rounds} rounds ", end="", flush=True)
        runs = alternate(group, size_rounds)
        print()
        all_runs[size] = runs
        for case in group:
            rs = runs[case.name]
            figures.append(
                Figure(
                    size,
                    case.name,
                    median([r.wall for r in rs]),
                    median([r.cpu for r in rs]),
                    max(r.maxrss_mb for r in rs),
                    len(rs),
                )
            )

        big = size != "small"
        goals += [
            _goal(runs, size, "1", "validate vs check-jsonschema", VALIDATE, CHECK_JSONSCHEMA,
                  0.6 if big else None),
            _goal(runs, size, "2", "validate vs floor", VALIDATE, FLOOR, 1.3),
            _goal(runs, size, "3", "export markdown vs floor", EXPORT_MD, FLOOR, 1.3),
            _goal(runs, size, "3", "export mermaid-journey vs floor", EXPORT_MERMAID, FLOOR, 1.3),
            *picture_goals(runs, size),
            *diff_goals(runs, size),
        ]  # fmt: skip
    goals.sort(key=lambda g: g.number)  # stable: sizes stay in order within a goal
    return CliResult(figures, goals, all_runs)


def picture_only(rounds: int = 5, size: str = "large") -> int:
    """Only the map's rows: ``python -c 'from benchmarks.cli_bench import picture_only;
    picture_only()'`` (the whole ``make bench`` takes half an hour)."""
    from benchmarks.proc import precompile
    from benchmarks.report import goals_table
    from benchmarks.sizes import prepare

    OUT.mkdir(parents=True, exist_ok=True)
    precompile()
    journey = prepare([size])[size]
    group = [Case(FLOOR, (PYTHON, "-c", FLOOR_CODE, str(journey.path))), *picture_cases(journey)]
    runs = alternate(group, rounds)
    print()
    for case in group:
        print(f"{case.name}: {seconds(median([r.wall for r in runs[case.name]]))}")
    print(goals_table(picture_goals(runs, size)))
    return 0
