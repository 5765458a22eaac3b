"""``kunderejse validate PATH...``: problems as FILE:LINE:COL lines, JSON or GitHub annotations."""

from __future__ import annotations

import argparse
import sys

from kunderejse_tui.cli.common import add_lang_option, journey_files
from kunderejse_tui.journey.problems import Lang


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "validate",
        help="check journeys against the schema and cross-references",
        description="Check journey files. A directory means every *.journey.yaml below it. "
        "Exit 0 when all are valid, 1 when any has problems, 2 on usage errors.",
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="journey files, or folders to search for *.journey.yaml",
    )
    p.add_argument(
        "--format",
        choices=["text", "json", "github"],
        default="text",
        help="text: FILE:LINE:COL lines; json: one document; github: Actions annotations "
        "(default: %(default)s)",
    )
    add_lang_option(p)
    p.set_defaults(func=run)


def _github_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def run(args: argparse.Namespace) -> int:
    from kunderejse_tui.journey.validate import validate_file

    lang: Lang = args.lang or "en"
    files = journey_files(args.paths)
    report = []
    errors = warnings = bad_files = 0
    out = sys.stdout
    for path in files:
        _, problems = validate_file(path)
        file_errors = sum(p.severity == "error" for p in problems)
        errors += file_errors
        warnings += len(problems) - file_errors
        bad_files += file_errors > 0
        if args.format == "json":
            report.append(
                {
                    "file": str(path),
                    "valid": file_errors == 0,
                    "problems": [p.as_json(lang) for p in problems],
                }
            )
        elif args.format == "github":
            for p in problems:
                level = "error" if p.severity == "error" else "warning"
                out.write(
                    f"::{level} file={_github_escape(p.file, True)},line={p.line},col={p.col},"
                    f"title={p.code} {p.name}::{_github_escape(p.message(lang))}\n"
                )
        else:
            for p in problems:
                out.write(p.format(lang) + "\n")
    if args.format == "json":
        import json

        json.dump(
            {"files": report, "errors": errors, "warnings": warnings},
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    from kunderejse_tui.journey.i18n import Message, t

    summary = t(
        lang,
        "cli.validate.summary",
        files=Message("cli.validate.files", n=len(files)),
        errors=Message("cli.validate.errors", n=errors),
        warnings=Message("cli.validate.warnings", n=warnings),
        bad_files=Message("cli.validate.files", n=bad_files),
    )
    print(summary, file=sys.stderr)
    return 1 if errors else 0
