"""``kunderejse fmt PATH...``: rewrite journeys in the canonical layout."""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from kunderejse_tui.cli.common import journey_files


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "fmt",
        help="rewrite journeys in the canonical layout",
        description="Rewrite journey files canonically (block style, format key order, "
        "x-* keys last). Files that cannot be read are left alone (exit 1).",
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="journey files, or folders to search for *.journey.yaml",
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a file would change"
    )
    mode.add_argument("--diff", action="store_true", help="show what would change; change nothing")
    p.add_argument(
        "--drop-comments",
        action="store_true",
        help="format files that have comments although the comments are lost",
    )
    p.add_argument(
        "--anonymise",
        action="store_true",
        help="also rename interview ids that hold the respondent's name (old ids were made "
        "from it) to the date and persona; every reference follows",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kunderejse_tui.journey.fileio import SaveError, encode, render_journey, write_bytes_atomic
    from kunderejse_tui.journey.problems import JourneyLoadError
    from kunderejse_tui.journey.schema_ref import schema_line_for
    from kunderejse_tui.journey.yamlio import _comment_lines, load_text, read_bytes

    status = 0
    changed = unchanged = 0
    for path in journey_files(args.paths):
        name = str(path)
        try:
            raw = read_bytes(path)
            loaded = load_text(raw, name)
        except JourneyLoadError as exc:
            for p in exc.problems:
                print(p.format(), file=sys.stderr)
            print(f"{name}: left unchanged (cannot be read)", file=sys.stderr)
            status = 1
            continue
        except OSError as exc:
            print(f"{name}:1:1: error[L017]: cannot read the file: {exc.strerror}", file=sys.stderr)
            status = 1
            continue
        if args.anonymise:
            from kunderejse_tui.journey.anonymise import anonymise_interview_ids
            from kunderejse_tui.journey.edits import Editor

            for old, new in anonymise_interview_ids(Editor(loaded.data)):
                print(f"{name}: interview {old} -> {new}", file=sys.stderr)
        schema_line = loaded.schema_line or schema_line_for(Path(path))
        try:
            new_text = render_journey(loaded.data, schema_line)
        except SaveError as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            status = 1
            continue
        new_raw = encode(new_text, loaded.newline, loaded.bom)
        if new_raw == raw:
            unchanged += 1
            continue
        comments = _comment_lines(loaded)
        if args.diff:
            old_lines = loaded.text.splitlines(keepends=True)
            sys.stdout.writelines(
                difflib.unified_diff(
                    old_lines, new_text.splitlines(keepends=True), name, f"{name} (formatted)"
                )
            )
            changed += 1
            status = 1
            continue
        if args.check:
            print(f"would reformat {name}", file=sys.stderr)
            changed += 1
            status = 1
            continue
        if comments and not args.drop_comments:
            lines = ", ".join(map(str, comments[:5]))
            print(
                f"{name}:{comments[0]}:1: refusing to format: the file has comments (line "
                f"{lines}) and saving cannot keep them; move them into x-notes keys or run "
                "again with --drop-comments",
                file=sys.stderr,
            )
            status = 1
            continue
        try:
            write_bytes_atomic(path, new_raw)
        except OSError as exc:
            print(f"{name}: not written: {exc.strerror or exc}", file=sys.stderr)
            status = 1
            continue
        changed += 1
    from kunderejse_tui.journey.i18n import t

    key = "cli.fmt.would_reformat" if (args.check or args.diff) else "cli.fmt.reformatted"
    print(t("en", key, n=changed, unchanged=unchanged), file=sys.stderr)
    return status
