"""``kunderejse recover``: the recovery copies waiting in the state folder, from the shell.

Every copy is reachable here, also one whose journey was renamed, moved or
deleted since (the app offers a copy when its journey opens, which such a copy's
journey never does again). ``--restore ID`` writes a copy out as a journey
(atomically, never over another file); ``--discard ID`` removes it.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import time
from pathlib import Path
from typing import TYPE_CHECKING

from kunderejse_tui.cli.common import UsageError, add_lang_option

if TYPE_CHECKING:
    from kunderejse_tui.journey.recovery import Recovery


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "recover",
        help="list, restore or discard the recovery copies of unsaved edits",
        description="List the recovery copies of unsaved edits (newest first), write one "
        "out as a journey, or discard one. ID is the first column of the list.",
    )
    action = p.add_mutually_exclusive_group()
    action.add_argument("--restore", metavar="ID", help="write copy ID out as a journey")
    action.add_argument("--discard", metavar="ID", help="remove copy ID")
    p.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="with --restore: the new journey file (default: the copy's own journey, "
        "if it is gone or unchanged since the edits began)",
    )
    add_lang_option(p)
    p.set_defaults(func=run)


def ident(rec: Recovery) -> str:
    """The copy's id: its session's (copies from before sessions: the record's name)."""
    return rec.session or rec.record.stem


def _changed_lines(rec: Recovery) -> int:
    """How many lines of the journey the copy changes, against the file (or the version
    the edits started from when the file is gone)."""
    from kunderejse_tui.journey.dump import dump
    from kunderejse_tui.journey.problems import JourneyLoadError
    from kunderejse_tui.journey.yamlio import load_file

    base: object = rec.extra.get("base")
    with contextlib.suppress(JourneyLoadError, OSError):
        base = load_file(rec.path).data
    old = dump(base).splitlines() if isinstance(base, dict) else []
    new = dump(rec.data).splitlines()
    return sum(
        1
        for line in difflib.unified_diff(old, new, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    )


def run(args: argparse.Namespace) -> int:
    from kunderejse_tui.journey.i18n import t
    from kunderejse_tui.journey.recovery import list_recoveries

    lang = args.lang or "en"
    copies = list_recoveries()
    if args.output and not args.restore:
        raise UsageError(t(lang, "cli.recover.output_needs_restore"))
    if not (args.restore or args.discard):
        if not copies:
            print(t(lang, "cli.recover.none"))
            return 0
        for rec in copies:
            when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(rec.time))
            where = str(rec.path)
            if not rec.path.exists():
                where += " " + t(lang, "cli.recover.missing")
            size = t(lang, "cli.recover.lines", n=_changed_lines(rec))
            if rec.changes is not None:
                # The count the home screen shows (undo steps), beside the lines.
                size = t(lang, "cli.recover.changes", n=rec.changes) + ", " + size
            who = t(lang, "cli.recover.session", pid=rec.pid, host=rec.hostname)
            print(f"{ident(rec)}  {when}  {where}  {size}  {who}")
        return 0
    wanted = args.restore or args.discard
    found = [rec for rec in copies if ident(rec) == wanted]
    if not found:
        raise UsageError(t(lang, "cli.recover.unknown", id=wanted))
    rec = found[0]
    if args.discard:
        rec.record.unlink(missing_ok=True)
        print(t(lang, "cli.recover.discarded", id=wanted))
        return 0
    return _restore(rec, Path(args.output) if args.output else None, lang)


def _restore(rec: Recovery, output: Path | None, lang: str) -> int:
    from kunderejse_tui.journey.disk import os_reason
    from kunderejse_tui.journey.fileio import SaveError
    from kunderejse_tui.journey.i18n import t

    if output is None:
        # The journey itself, but only when that loses nothing: it is gone, or it is
        # still the version the edits started from.
        if rec.path.exists() and not rec.base_on_disk():
            raise UsageError(t(lang, "cli.recover.moved_on", file=str(rec.path)))
        output = rec.path
    elif output.exists() or output.is_symlink():
        raise UsageError(t(lang, "cli.recover.exists", file=str(output)))
    try:
        rec.write_to(output)
    except OSError as exc:
        # Not the app's "your edits are still open here": nothing is open in a command.
        reason = os_reason(exc, lang)
        raise UsageError(
            t(lang, "cli.recover.not_written", file=str(output), reason=reason)
        ) from None
    except SaveError as exc:
        raise UsageError(f"{output}: {exc}") from None
    print(t(lang, "cli.recover.restored", id=ident(rec), file=str(output)))
    return 0
