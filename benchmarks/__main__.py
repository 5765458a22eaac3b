"""``python -m benchmarks``: every speed goal of the project, side by side in one run.

    python -m benchmarks                      # all sizes, 5 alternating rounds
    python -m benchmarks --quick              # small and large, 3 rounds
    python -m benchmarks --sizes large --runs 9
    python -m benchmarks --only cli|app       # one half
    python -m benchmarks --readme             # also write the tables into README.md
    python -m benchmarks --profile            # cProfile of each command on large

See benchmarks/README.md for what is measured and how.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time

from benchmarks.proc import OUT, ROOT, missing_bytecode, precompile
from benchmarks.report import (
    Figure,
    Goal,
    figures_table,
    goals_table,
    growth_table,
    update_readme,
)
from benchmarks.sizes import ORDER, prepare


def _parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    p.add_argument("--quick", action="store_true", help="sizes small,large and 3 rounds")
    p.add_argument("--sizes", default=None, help="comma-separated: small,large,huge (default all)")
    p.add_argument(
        "--runs", type=int, default=None, help="alternating rounds per group (default 5)"
    )
    p.add_argument("--only", choices=["cli", "app"], default=None, help="measure one half only")
    p.add_argument("--readme", action="store_true", help="write the result into README.md")
    p.add_argument("--profile", action="store_true", help="profile the commands on large instead")
    return p.parse_args(argv)


def _growth(
    figures: list[Figure], sizes: dict[str, int], names: list[tuple[str, str]]
) -> list[tuple[str, float, float, float]]:
    """(label, wall huge/large, CPU huge/large, bytes huge/large) per (label, figure name)."""
    if "large" not in sizes or "huge" not in sizes:
        return []
    by_key = {(f.size, f.name): f for f in figures}
    out = []
    for label, name in names:
        large, huge = by_key.get(("large", name)), by_key.get(("huge", name))
        if large is None or huge is None:
            continue
        out.append(
            (label, huge.wall / large.wall, huge.cpu / large.cpu, sizes["huge"] / sizes["large"])
        )
    return out


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    names = (args.sizes or ("small,large" if args.quick else ",".join(ORDER))).split(",")
    rounds = args.runs or (3 if args.quick else 5)
    OUT.mkdir(parents=True, exist_ok=True)
    precompile()
    missing = missing_bytecode()
    if missing:
        print(f"warning: no bytecode for {', '.join(missing)}; figures will be too slow")
    if args.profile:
        from benchmarks.profiles import profile_all

        profile_all(prepare(["large"])["large"], app=args.only != "cli")
        return 0

    began = time.monotonic()
    load_at_start = os.getloadavg()[0]
    journeys = prepare(names)
    for journey in journeys.values():
        print(journey.describe())

    goals: list[Goal] = []
    figures: list[Figure] = []
    notes: list[str] = []
    from benchmarks import cli_bench

    growth_names: list[tuple[str, str]] = []
    if args.only in (None, "cli"):
        if not cli_bench.clib_available():
            notes.append(
                "ruamel.yaml.clib is not installed: check-jsonschema ran in its slow, pure form"
            )
        if not cli_bench.export_available():
            notes.append("`kunderejse export` does not exist yet: goal 3 not measured")
        cli = cli_bench.run(journeys, rounds)
        goals += cli.goals
        figures += cli.figures
        growth_names += [(name, name) for name in cli_bench.GROWTH]
    if args.only in (None, "app"):
        from benchmarks import app_bench

        app = app_bench.run(journeys, rounds, quick=args.quick)
        goals += app.goals
        figures += app.figures
        notes += app.notes
        growth_names += app.growth

    sizes = {name: j.bytes for name, j in journeys.items()}
    growth = _growth(figures, sizes, growth_names)
    goals.sort(key=lambda g: g.number)
    load_before, load_after = load_at_start, os.getloadavg()[0]
    section = [
        f"Run of {time.strftime('%Y-%m-%d')} on {platform.system()} {platform.machine()} "
        f"({os.cpu_count()} CPUs, load average {load_before:.1f} at the start and "
        f"{load_after:.1f} at the end), Python {platform.python_version()}, {rounds} "
        f"alternating rounds ({time.monotonic() - began:.0f} s). Ratios are medians of "
        "per-round ratios; times are medians of whole processes.",
        "",
        goals_table(goals),
        "",
        "All figures (medians; CPU is user + system time of the process):",
        "",
        figures_table(figures),
    ]
    if growth:
        section += [
            "",
            "From large to huge (time per byte 1.00 = linear; CPU where there is one, since "
            "large and huge run minutes apart under whatever load the machine has then):",
            "",
            growth_table(growth),
        ]
    import resource

    harness_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    notes.append(
        f"peak RSS reads no lower than the harness's own {harness_mb:.0f} MB (Linux starts a "
        "child's peak at its parent's size)"
    )
    section += ["", *(f"- {n}" for n in notes)]
    text = "\n".join(section)
    print()
    print(text)
    failed = [g for g in goals if g.verdict == "FAIL"]
    print()
    print(f"{len(failed)} goal(s) failed" if failed else "all measured goals pass")
    if args.readme:
        readme = ROOT / "README.md"
        if update_readme(readme, text):
            print(f"wrote the result into {readme.relative_to(ROOT)}")
        else:
            print("README.md has no <!-- bench:start --> / <!-- bench:end --> markers; not written")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
