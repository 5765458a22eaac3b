"""``kunderejse [FILE|DIR]``: open the workshop app."""

from __future__ import annotations

import argparse
from pathlib import Path

from kunderejse_tui.cli.common import UsageError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "open",
        help="open the app on a journey file or a directory (the default command)",
        description="Open a journey in the app, or the home screen of a directory "
        "(default: the current directory).",
    )
    p.add_argument(
        "path",
        nargs="?",
        default=".",
        metavar="FILE|DIR",
        help="a journey to open, or a folder for the home screen (default: the current folder)",
    )
    p.add_argument("--lang", choices=["da", "en"], default=None, help="language of the app")
    p.add_argument(
        "--present",
        action="store_true",
        help="start in presentation mode (large text, one stage at a time; Escape: the map); "
        "needs a journey file",
    )
    p.add_argument(
        "--viewer",
        action="store_true",
        help="read-only, following the file live as it changes on disk (what serve's "
        "viewer link opens)",
    )
    p.add_argument(
        "--confine",
        metavar="DIR",
        default=None,
        help="read and write nothing outside DIR (what serve runs each browser session with)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if not path.exists():
        from kunderejse_tui.cli.common import command_hint

        raise UsageError(f"{args.path}: no such file or directory{command_hint(args.path)}")
    if args.present and path.is_dir():
        raise UsageError(f"{args.path}: --present needs a journey file, not a folder")
    from kunderejse_tui.journey.confinement import Confinement

    confinement = Confinement.none()
    if args.confine is not None:
        confinement = Confinement.to(Path(args.confine))
        if not Path(args.confine).is_dir() or not confinement.allows(path):
            raise UsageError(f"{args.path}: not inside --confine {args.confine}")
    from kunderejse_tui.tui.app import run_app

    return run_app(
        path, lang=args.lang, present=args.present, viewer=args.viewer, confinement=confinement
    )
