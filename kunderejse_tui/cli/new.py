"""``kunderejse new FILE --template T --lang da|en --title "..."``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kunderejse_tui.cli.common import UsageError

TEMPLATES = ("funnel-5", "content-5", "lifecycle-12", "digital-4")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "new",
        help="write a new journey from a stage template",
        description="Write a valid journey from a stage template. Never overwrites a file.",
    )
    p.add_argument(
        "file", metavar="FILE", help="the file to write; name it NAME.journey.yaml so it is found"
    )
    p.add_argument(
        "--template",
        choices=TEMPLATES,
        default="funnel-5",
        help="the stage model to start from (default: %(default)s)",
    )
    p.add_argument(
        "--lang",
        choices=["da", "en"],
        default="da",
        help="language of the stage names and of the app for this journey (default: %(default)s)",
    )
    p.add_argument("--title", required=True, help="the journey's title, shown everywhere")
    p.add_argument(
        "--id", dest="journey_id", default=None, help="journey id (default: from the title)"
    )
    p.add_argument(
        "--suggestions",
        action="store_true",
        help="fill in the template's typical goals, touchpoints and tones",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kunderejse_tui.journey.fileio import save_journey
    from kunderejse_tui.journey.schema_ref import install_schema, repo_root, schema_line_for
    from kunderejse_tui.journey.templates import new_journey

    path = Path(args.file)
    if not path.name.endswith(".journey.yaml"):
        print(
            f"kunderejse: warning: {path.name} does not end in .journey.yaml; the home screen, "
            "'validate DIR' and the pre-commit hooks find journeys by that suffix",
            file=sys.stderr,
        )
    if path.exists():
        print(f"kunderejse: error: {path} already exists; not overwriting it", file=sys.stderr)
        return 1
    if not path.parent.is_dir():
        raise UsageError(f"{path.parent}: no such directory")
    try:
        data = new_journey(
            args.template, args.lang, args.title, args.journey_id, with_suggestions=args.suggestions
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    schema_line = schema_line_for(path)
    if schema_line is None:
        # Outside this repository: bring the schema along so editors can check the file.
        target = install_schema(repo_root(path.parent))
        print(f"installed the schema at {target}", file=sys.stderr)
        schema_line = schema_line_for(path)
    save_journey(path, data, schema_line=schema_line)
    print(f"wrote {path}", file=sys.stderr)
    return 0
