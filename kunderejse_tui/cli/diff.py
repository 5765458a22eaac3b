"""``kunderejse diff`` (what changed, in journey terms) and ``kunderejse textconv`` (for git).

Both live here because they are the two halves of journeys in git: ``diff`` for
a person or a pull-request comment, ``textconv`` for git's own ``git diff``,
``git log -p`` and ``git show``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kunderejse_tui.cli.common import UsageError, print_problems

if TYPE_CHECKING:
    from kunderejse_tui.journey.yamlio import Loaded

EXIT_OK, EXIT_CHANGES, EXIT_UNREADABLE = 0, 1, 1


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "diff",
        help="show what changed between two journeys, in journey terms",
        description="Compare two journeys by id: stages, touchpoints and personas added, "
        "removed, renamed or moved; emotion, question and messaging changes; interviews "
        "and answers. 'diff OLD NEW' compares two files, 'diff FILE --rev REV' compares "
        "FILE with its version in a git revision, and 'diff FUTURE' compares a future-state "
        "journey with the journey its based_on names. Exit 0 on success whether or not "
        "anything changed (1 for changes with --exit-code), 1 when a journey cannot be "
        "read, 2 on usage errors (also: not in git, file not in REV).",
    )
    p.add_argument("paths", nargs="+", metavar="FILE", help="OLD NEW, or FILE with --rev")
    p.add_argument("--rev", metavar="REV", help="compare FILE with its version in git revision REV")
    p.add_argument("--to", choices=["text", "markdown"], default="text", help="output format")
    p.add_argument(
        "--lang",
        choices=["en", "da"],
        default=None,
        help="language of the output (default: the newer journey's language)",
    )
    p.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour text output (auto: only on a terminal, and not when NO_COLOR is set)",
    )
    p.add_argument(
        "--exit-code", action="store_true", help="exit 1 when there are changes, like git diff"
    )
    p.set_defaults(func=run)

    t = sub.add_parser(
        "textconv",
        help="print a journey as line-oriented text for git's diff.<driver>.textconv",
        description="Print FILE as one fact per line so that 'git diff', 'git log -p' and "
        "'git show' show journey changes in words. Set up with: a .gitattributes line "
        "'*.journey.yaml diff=kunderejse' and "
        "'git config diff.kunderejse.textconv \"kunderejse textconv\"'. A file that cannot "
        "be read prints its problems and its raw text; the exit code is 0 either way, "
        "since git would abort the whole diff otherwise.",
    )
    t.add_argument("file", metavar="FILE", help="the file git hands over (a version of a journey)")
    t.set_defaults(func=run_textconv)


# --- diff ------------------------------------------------------------------------


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    # https://no-color.org: set and not empty means no colour.
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("--rev needs git, and git is not installed") from None


def _read_at_rev(path: Path, rev: str) -> bytes:
    """The bytes of ``path`` in revision ``rev`` of the repository the file is in."""
    folder = path.parent if path.parent != Path("") else Path(".")
    if not folder.is_dir():
        raise UsageError(f"{path}: no such directory {folder}")
    if _git(["rev-parse", "--is-inside-work-tree"], folder).returncode != 0:
        raise UsageError(f"{path}: not inside a git repository, so --rev {rev} cannot be read")
    if _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], folder).returncode != 0:
        raise UsageError(f"--rev {rev}: no such revision in the repository of {path}")
    # "REV:./NAME" is relative to the working directory git runs in: the file's folder.
    shown = _git(["show", f"{rev}:./{path.name}"], folder)
    if shown.returncode != 0:
        raise UsageError(f"{path}: the file is not in revision {rev}")
    return shown.stdout


def _based_on(loaded: Loaded, path: Path) -> Path:
    from kunderejse_tui.journey.access import text

    based_on = text(loaded.data.get("based_on"))
    if not based_on:
        raise UsageError(
            f"{path}: one FILE needs --rev REV, or a future-state journey with based_on "
            "(otherwise give OLD NEW)"
        )
    return path.parent / based_on


def run(args: argparse.Namespace) -> int:
    from kunderejse_tui.journey.access import language
    from kunderejse_tui.journey.problems import JourneyLoadError
    from kunderejse_tui.journey.semantic_diff import (
        diff_journeys,
        render_markdown,
        render_text,
        state_heading,
    )
    from kunderejse_tui.journey.yamlio import load_file, load_text

    paths = [Path(p) for p in args.paths]
    if args.rev is not None and len(paths) != 1:
        raise UsageError("--rev compares one FILE with a revision: give exactly one FILE")
    if len(paths) > 2:
        raise UsageError("give OLD NEW, or one FILE with --rev REV")
    try:
        if args.rev is not None:
            raw = _read_at_rev(paths[0], args.rev)
            old = load_text(raw, f"{args.rev}:{paths[0]}")
            new = load_file(paths[0])
        elif len(paths) == 1:
            new = load_file(paths[0])
            old = load_file(_based_on(new, paths[0]))
        else:
            old, new = load_file(paths[0]), load_file(paths[1])
    except JourneyLoadError as exc:
        print_problems(exc.problems, args.lang)
        return EXIT_UNREADABLE
    lang = args.lang or language(new.data)
    changes = diff_journeys(old.data, new.data)
    heading = state_heading(old.data, new.data, lang)
    if args.to == "markdown":
        out = render_markdown(changes, lang, heading=heading)
    else:
        out = render_text(changes, lang, color=_use_color(args.color), heading=heading)
    sys.stdout.write(out)
    sys.stdout.flush()
    return EXIT_CHANGES if (args.exit_code and changes) else EXIT_OK


# --- textconv --------------------------------------------------------------------


def run_textconv(args: argparse.Namespace) -> int:
    from kunderejse_tui.journey.outline import render_outline
    from kunderejse_tui.journey.problems import JourneyLoadError
    from kunderejse_tui.journey.yamlio import load_text

    path = Path(args.file)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        sys.stdout.write(f"(cannot read {path}: {exc.strerror or exc})\n")
        return EXIT_OK
    try:
        loaded = load_text(raw, str(path))
    except JourneyLoadError as exc:
        # Git hands textconv a temporary file name: leave it out, so both sides of a
        # diff print the same line for the same problem. The raw text follows, so
        # git still shows what changed in a file that cannot be read as a journey.
        out = ["# this file cannot be read as a journey:"]
        out += [f"# {p.line}:{p.col}: {p.severity}[{p.code}]: {p.message()}" for p in exc.problems]
        out.append("")
        out.append(raw.decode("utf-8", errors="replace"))
        sys.stdout.write("\n".join(out).rstrip("\n") + "\n")
        return EXIT_OK
    sys.stdout.write(render_outline(loaded.data))
    return EXIT_OK
