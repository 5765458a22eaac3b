"""The app goals: start-up until the map is on screen, typing in a form, memory.

Start-up (goal 4) runs whole processes on a 160x48 pseudo-terminal, in one
alternating group: a bare Textual app that shows one line, and
``kunderejse FILE`` on each size. The harness reads everything the process
draws and notes when the expected text first reaches the terminal: the bare
app's line, or the first stage's name on the map. Both apps then exit (the bare
app calls ``call_after_refresh(self.exit)`` in ``on_mount``; kunderejse does the
same on the map when ``KUNDEREJSE_BENCH_EXIT_AFTER_PAINT=1`` is set, or, while
the app lacks that hook, a launcher adds it from outside). The ratio compares
the times to screen; the whole lifetimes (with Textual's shutdown) are in the
figures.

Typing (goal 5) runs the app on large in a child process under Textual's
Pilot, on a headless driver that still renders every frame to terminal text.
A typist thread sends key events the way Textual's input thread does, into
the name field of the first touchpoint's form, eight keys at 70 ms then a
0.4 s pause (so debounced work runs in between, as in a real workshop). A
key's latency is the time until the first frame that shows it. The same
child reports its peak RSS. A bare Textual app with one Input is typed into
the same way, as a reference for the machine.
"""

from __future__ import annotations

import json
import math
import subprocess
from dataclasses import dataclass, field
from typing import Any

from benchmarks.children import BARE_TEXT, HOOK_ENV
from benchmarks.proc import (
    BIN,
    PYTHON,
    ROOT,
    Case,
    Run,
    alternate,
    child_env,
    median,
    paired_ratio,
)
from benchmarks.report import Figure, Goal, seconds
from benchmarks.sizes import Journey

BARE = "bare Textual app"
APP = "kunderejse FILE"
TYPING_KEYS, TYPING_KEYS_QUICK = 200, 64
TYPING_INTERVAL_MS = 70.0


def startup_name(size: str) -> str:
    return f"{APP} ({size})"


def app_ready() -> bool:
    tui = ROOT / "kunderejse_tui" / "tui"
    return (tui / "app.py").exists() and (tui / "screens" / "journey_map.py").exists()


def app_has_hook() -> bool:
    tui = ROOT / "kunderejse_tui" / "tui"
    return any(HOOK_ENV in p.read_text(encoding="utf-8") for p in tui.rglob("*.py"))


def startup_cases(journeys: dict[str, Journey]) -> list[Case]:
    bare_code = "from benchmarks.children import bare_main; bare_main()"
    out = [Case(BARE, (PYTHON, "-c", bare_code), tty=True, marker=BARE_TEXT)]
    hooked = app_has_hook()
    for size, journey in journeys.items():
        if hooked:
            argv: tuple[str, ...] = (str(BIN / "kunderejse"), str(journey.path))
        else:
            code = (
                "import sys; from benchmarks.children import launch_with_hook; "
                "launch_with_hook(sys.argv[1:])"
            )
            argv = (PYTHON, "-c", code, str(journey.path))
        out.append(
            Case(
                startup_name(size),
                argv,
                env={HOOK_ENV: "1"},
                tty=True,
                marker=journey.first_stage or None,
            )
        )
    return out


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def run_typing(path: str, keys: int, interval_ms: float = TYPING_INTERVAL_MS) -> dict[str, Any]:
    """Run the typing child on ``path`` ("" for the bare Input) and return its figures."""
    code = (
        "import sys; from benchmarks.children import typing_main; "
        "typing_main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]))"
    )
    done = subprocess.run(
        [PYTHON, "-c", code, path, str(keys), str(interval_ms)],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(
            "typing benchmark failed:\n" + done.stderr.decode("utf-8", "replace")[-3000:]
        )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@dataclass
class AppResult:
    figures: list[Figure] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    growth: list[tuple[str, str]] = field(default_factory=list)  # (label, figure name)
    runs: dict[str, list[Run]] = field(default_factory=dict)


def _startup(result: AppResult, journeys: dict[str, Journey], rounds: int) -> None:
    cases = startup_cases(journeys)
    print(f"app start-up: {len(cases)} apps x {rounds} rounds ", end="", flush=True)
    runs = alternate(cases, rounds)
    print()
    result.runs = runs
    for case in cases:
        rs = runs[case.name]
        size = "-" if case.name == BARE else case.name[len(APP) + 2 : -1]
        what = BARE if case.name == BARE else APP
        rss = max(r.maxrss_mb for r in rs)
        to_screen = median([r.to_screen for r in rs])
        result.figures.append(
            Figure(size, f"{what}: on screen", to_screen, float("nan"), float("nan"), len(rs))
        )
        whole = median([r.wall for r in rs])
        cpu = median([r.cpu for r in rs])
        result.figures.append(Figure(size, f"{what}: whole process", whole, cpu, rss, len(rs)))
    for size in journeys:
        name = startup_name(size)
        result.goals.append(
            Goal(
                "4",
                "start-up: map on screen vs bare Textual app",
                size,
                seconds(median([r.to_screen for r in runs[name]])),
                seconds(median([r.to_screen for r in runs[BARE]])),
                paired_ratio(runs[name], runs[BARE], "to_screen"),
                2.0 if size == "large" else None,
            )
        )
    result.growth.append(("start-up: map on screen (wall)", f"{APP}: on screen"))
    result.growth.append(("start-up: whole process", f"{APP}: whole process"))


def _typing(result: AppResult, large: Journey, quick: bool) -> None:
    keys = TYPING_KEYS_QUICK if quick else TYPING_KEYS
    print(f"app typing: {keys} keys into a form on large, and into a bare Input ...", flush=True)
    typing = run_typing(str(large.path), keys)
    bare = run_typing("", keys)
    lat, bare_lat = typing["latencies_ms"], bare["latencies_ms"]
    p95 = percentile(lat, 95)
    if typing["missing"] or not typing["typed_ok"]:
        result.notes.append(
            f"typing: {typing['missing']} of {typing['keys']} keys never showed in a frame"
            + ("" if typing["typed_ok"] else "; the field does not hold the typed text")
        )
        p95 = math.inf
    result.goals.append(
        Goal(
            "5",
            f"typing in a form: key to screen, p95 of {len(lat)} keys",
            "large",
            f"median {percentile(lat, 50):.1f} ms",
            f"bare Input: p95 {percentile(bare_lat, 95):.1f} ms",
            p95,
            16.0,
            unit="ms",
        )
    )
    startup_rss = max((r.maxrss_mb for r in result.runs.get(startup_name("large"), [])), default=0)
    peak = max(typing["maxrss_mb"], startup_rss)
    result.goals.append(
        Goal(
            "5",
            "peak memory of the app (RSS)",
            "large",
            f"start-up {startup_rss:.0f} MB, typing {typing['maxrss_mb']:.0f} MB",
            f"bare Input: {bare['maxrss_mb']:.0f} MB",
            peak,
            150.0,
            unit="MB",
        )
    )


def run(journeys: dict[str, Journey], rounds: int, quick: bool = False) -> AppResult:
    result = AppResult()
    if not app_ready():
        result.notes.append("the app (kunderejse_tui.tui) is not there yet: goals 4-5 not measured")
        return result
    if not app_has_hook():
        result.notes.append(
            f"the app does not honour {HOOK_ENV} yet: start-up was measured through a "
            "launcher that adds the exit-after-paint hook from outside"
        )
    _startup(result, journeys, rounds)
    if "large" in journeys:
        _typing(result, journeys["large"], quick)
    return result
