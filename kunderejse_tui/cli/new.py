"""``kunderejse new FILE --template T --lang da|en --title "..."``, and
``kunderejse new --future-of CURRENT [FILE]``: a future-state version of a journey.

A future state is a new journey file like any other (never over an existing
one, with the schema line), so it is an option of ``new`` rather than a command
of its own: the same rules, the same place to look for them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kunderejse_tui.cli.common import UsageError

TEMPLATES = ("funnel-5", "content-5", "lifecycle-12", "digital-4")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "new",
        help="write a new journey from a stage template, or a future-state version of one",
        description="Write a valid journey from a stage template, or (--future-of) a "
        "future-state version of an existing journey. Never overwrites a file.",
    )
    p.add_argument(
        "file",
        metavar="FILE",
        nargs="?",
        help="the file to write; name it NAME.journey.yaml so it is found "
        "(with --future-of: default NAME.future.journey.yaml beside the current journey)",
    )
    p.add_argument(
        "--future-of",
        metavar="CURRENT",
        default=None,
        help="copy the journey CURRENT as its future state: the same ids, state: future, "
        "based_on: CURRENT, no interviews",
    )
    p.add_argument(
        "--template",
        choices=TEMPLATES,
        default=None,
        help="the stage model to start from (default: funnel-5)",
    )
    p.add_argument(
        "--lang",
        choices=["da", "en"],
        default=None,
        help="language of the stage names and of the app for this journey (default: da)",
    )
    p.add_argument(
        "--title",
        default=None,
        help="the journey's title, shown everywhere (required, except with --future-of)",
    )
    p.add_argument(
        "--id", dest="journey_id", default=None, help="journey id (default: from the title)"
    )
    p.add_argument(
        "--suggestions",
        action="store_true",
        help="fill in the template's typical goals, touchpoints and tones",
    )
    p.set_defaults(func=run)


def _say(key: str, lang: str, *, prefix: str = "", **args: object) -> None:
    from kunderejse_tui.journey.i18n import t

    print(prefix + t(lang, key, **args), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if args.future_of is not None:
        return _future(args)
    if args.file is None:
        raise UsageError("FILE is required (or --future-of CURRENT)")
    if args.title is None:
        raise UsageError("--title is required for a new journey")
    from kunderejse_tui.journey.create import create_journey_file
    from kunderejse_tui.journey.templates import new_journey

    path = Path(args.file)
    _warn_suffix(path)
    if path.exists():
        print(f"kunderejse: error: {path} already exists; not overwriting it", file=sys.stderr)
        return 1
    if not path.parent.is_dir():
        raise UsageError(f"{path.parent}: no such directory")
    try:
        data = new_journey(
            args.template or "funnel-5",
            args.lang or "da",
            args.title,
            args.journey_id,
            with_suggestions=args.suggestions,
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    try:
        created = create_journey_file(path, data)
    except FileExistsError:
        print(f"kunderejse: error: {path} already exists; not overwriting it", file=sys.stderr)
        return 1
    if created.schema_installed is not None:
        print(f"installed the schema at {created.schema_installed}", file=sys.stderr)
    print(f"wrote {path}", file=sys.stderr)
    return 0


def _warn_suffix(path: Path) -> None:
    if not path.name.endswith(".journey.yaml"):
        print(
            f"kunderejse: warning: {path.name} does not end in .journey.yaml; the home screen, "
            "'validate DIR' and the pre-commit hooks find journeys by that suffix",
            file=sys.stderr,
        )


def _future(args: argparse.Namespace) -> int:
    from kunderejse_tui.journey.access import language
    from kunderejse_tui.journey.fileio import SaveError
    from kunderejse_tui.journey.future_state import NotACurrentState, create_future_state
    from kunderejse_tui.journey.problems import JourneyLoadError
    from kunderejse_tui.journey.yamlio import load_file

    if args.template or args.suggestions or args.journey_id:
        raise UsageError(
            "--future-of copies the current journey: --template, --suggestions "
            "and --id do not apply"
        )
    current = Path(args.future_of)
    if not current.is_file():
        raise UsageError(f"{current}: no such file")
    try:
        loaded = load_file(current)
    except JourneyLoadError as exc:
        for problem in exc.problems:
            print(problem.format(args.lang or "en"), file=sys.stderr)
        return 1
    lang = args.lang or language(loaded.data)
    target = Path(args.file) if args.file is not None else None
    if target is not None:
        _warn_suffix(target)
        if not target.parent.is_dir():
            raise UsageError(f"{target.parent}: no such directory")
    try:
        created = create_future_state(loaded.data, current, target, title=args.title)
    except NotACurrentState as exc:
        print(f"kunderejse: error: {exc.reason.text(lang)}", file=sys.stderr)
        return 1
    except FileExistsError as exc:
        name = Path(exc.filename).name if exc.filename else str(target)
        _say("future.exists", lang, prefix="kunderejse: error: ", file=name)
        return 1
    except (SaveError, OSError) as exc:
        print(f"kunderejse: error: {exc}", file=sys.stderr)
        return 1
    if created.schema_installed is not None:
        _say("future.schema_installed", lang, file=created.schema_installed)
    based_on = os.path.relpath(current.resolve(), created.path.resolve().parent)
    _say("future.wrote", lang, file=created.path, based_on=Path(based_on).as_posix())
    return 0
