"""``python -m benchmarks --profile``: where the time goes, per command, on large.

- CLI commands: cProfile of the whole process (``python -m cProfile``), top
  functions by own time and kunderejse's functions by cumulative time.
- App start-up: py-spy (all threads: the loading worker too) when it is
  installed, else cProfile of the main thread; until the map is painted.
- Typing: cProfile of the UI thread while keys are typed into a form.

Profiles are written to benchmarks/out/ (``*.prof`` for pstats/snakeviz,
``*.txt`` for py-spy's collapsed stacks).
"""

from __future__ import annotations

import collections
import pstats
import re
import shutil
import subprocess
from pathlib import Path

from benchmarks.children import HOOK_ENV
from benchmarks.proc import BIN, OUT, PYTHON, ROOT, Case, child_env, run_once
from benchmarks.sizes import Journey

TOP = 14
OWN = re.compile(r"kunderejse_tui")
IDLE = re.compile(r"'(poll|select)' of|_run_once|run_forever|run_until_complete")
# Where a keystroke's time goes: Textual's layout and rendering, and our code.
TYPING_FOCUS = re.compile(
    r"kunderejse_tui|_refresh_layout|_arrange_root|reflow|render_update|_on_key|_on_timer_update"
)


def _print_pstats(path: Path, title: str, focus: re.Pattern[str] = OWN) -> None:
    stats = pstats.Stats(str(path))
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"\n=== {title}: {total:.2f} s profiled ({path.relative_to(ROOT)})")
    rows = stats.stats  # type: ignore[attr-defined]
    # Waiting for input or a timer is not work.
    busy = {k: v for k, v in rows.items() if not IDLE.search(k[2])}
    by_own = sorted(busy.items(), key=lambda kv: -kv[1][2])[:TOP]
    print("  own time (tottime) - top functions:")
    for (file, line, func), (_cc, nc, tt, _ct, _callers) in by_own:
        print(
            f"    {tt:7.3f} s {100 * tt / total:5.1f}%  {nc:>9} calls  {_short(file)}:{line} {func}"
        )
    ours = [item for item in busy.items() if focus.search(f"{item[0][0]}:{item[0][2]}")]
    ours.sort(key=lambda kv: -kv[1][3])
    print(f"  {focus.pattern} by cumulative time:")
    for (file, line, func), (_cc, nc, _tt, ct, _callers) in ours[:TOP]:
        print(
            f"    {ct:7.3f} s {100 * ct / total:5.1f}%  {nc:>9} calls  {_short(file)}:{line} {func}"
        )


def _short(file: str) -> str:
    for marker in ("site-packages/", "kunderejse_tui/", "lib/python3"):
        i = file.find(marker)
        if i >= 0:
            return file[i:] if marker == "kunderejse_tui/" else file[i + len(marker) :]
    return file


def profile_cli(journey: Journey) -> None:
    commands = {
        "validate": ["validate", str(journey.path)],
        "export-markdown": ["export", str(journey.path), "--to", "markdown"],
        "export-mermaid-journey": ["export", str(journey.path), "--to", "mermaid-journey"],
    }
    for name, args in commands.items():
        out = OUT / f"prof-{name}-{journey.name}.prof"
        subprocess.run(
            [PYTHON, "-m", "cProfile", "-o", str(out), str(BIN / "kunderejse"), *args],
            cwd=ROOT,
            env=child_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        _print_pstats(out, f"kunderejse {' '.join(args[:1] + args[2:])} ({journey.name})")


def _collapsed_summary(path: Path, title: str) -> None:
    """py-spy's raw (collapsed) stacks: per thread, inclusive and own shares."""
    threads: collections.Counter[str] = collections.Counter()
    inclusive: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    own: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for line in path.read_text(encoding="utf-8").splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        thread = re.sub(r"^thread \(\d+\):?\s*", "", frames[0]).split(" ")[0] or "MainThread"
        n = int(count)
        threads[thread] += n
        seen = set()
        for frame in frames[1:]:
            frame = re.sub(r":\d+\)", ")", frame)
            if frame not in seen:
                inclusive[thread][frame] += n
                seen.add(frame)
        if len(frames) > 1:
            own[thread][re.sub(r":\d+\)", ")", frames[-1])] += n
    total = sum(threads.values())
    print(f"\n=== {title}: {total} samples ({path.relative_to(ROOT)})")
    for thread, n in threads.most_common(3):
        print(f"  thread {thread}: {100 * n / total:.0f}% of samples")
        interesting = [
            (f, c)
            for f, c in inclusive[thread].most_common(200)
            if re.search(r"kunderejse_tui|journey|compositor|_refresh|import|Stylesheet", f)
        ][:TOP]
        for frame, c in interesting:
            print(f"    {100 * c / total:5.1f}% incl  {frame}")
        for frame, c in own[thread].most_common(6):
            print(f"    {100 * c / total:5.1f}% own   {frame}")


def profile_startup(journey: Journey) -> None:
    launcher = (
        "import sys; from benchmarks.children import launch_with_hook; "
        "launch_with_hook(sys.argv[1:])"
    )
    py_spy = shutil.which("py-spy") or (str(BIN / "py-spy") if (BIN / "py-spy").exists() else None)
    if py_spy:
        out = OUT / f"prof-startup-{journey.name}.txt"
        argv: tuple[str, ...] = (py_spy, "record", "--threads", "-r", "400", "-f", "raw")
        argv += ("-o", str(out), "--", PYTHON, "-c", launcher, str(journey.path))
        run_once(Case("startup", argv, env={HOOK_ENV: "1"}, tty=True))
        _collapsed_summary(out, f"start-up to the painted map ({journey.name}, py-spy)")
        return
    out = OUT / f"prof-startup-{journey.name}.prof"
    argv = (PYTHON, "-m", "cProfile", "-o", str(out), "-c", launcher, str(journey.path))
    run_once(Case("startup", argv, env={HOOK_ENV: "1"}, tty=True))
    _print_pstats(out, f"start-up to the painted map ({journey.name}, main thread only)")


def profile_typing(journey: Journey) -> None:
    out = OUT / f"prof-typing-{journey.name}.prof"
    code = (
        "import sys; from benchmarks.children import typing_main; "
        "typing_main(sys.argv[1], 100, 70.0, profile=sys.argv[2])"
    )
    subprocess.run(
        [PYTHON, "-c", code, str(journey.path), str(out)],
        cwd=ROOT,
        env=child_env(),
        stdout=subprocess.DEVNULL,
        check=False,
    )
    _print_pstats(out, f"typing 100 keys into a form ({journey.name}, UI thread)", TYPING_FOCUS)


def profile_all(journey: Journey, app: bool = True) -> None:
    profile_cli(journey)
    if app:
        profile_startup(journey)
        profile_typing(journey)
