"""``kunderejse schema``: print the JSON Schema, or install it into a repository."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "schema",
        help="print the journey JSON Schema or install it into a repository",
        description="Without options, print the schema. With --install, write it to "
        "DIR/.kunderejse/journey.schema.json (DIR defaults to the git repository of the "
        "current directory) so that journeys there get a schema line that works for "
        "everyone who clones the repository.",
    )
    p.add_argument(
        "--install",
        nargs="?",
        const="",
        metavar="DIR",
        default=None,
        help="write it to DIR/.kunderejse/journey.schema.json instead of printing it "
        "(DIR defaults to the git repository of the current directory)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kunderejse_tui.journey.schema_ref import install_schema, packaged_schema_text, repo_root

    if args.install is None:
        sys.stdout.write(packaged_schema_text())
        return 0
    root = Path(args.install) if args.install else repo_root(Path.cwd())
    target = install_schema(root)
    print(f"wrote {target}", file=sys.stderr)
    return 0
