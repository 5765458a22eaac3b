"""``kunderejse report FILE``: the interview coverage and answers per question."""

from __future__ import annotations

import argparse
import sys

from kunderejse_tui.cli.common import journey_file, load_journey, write_output


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "report",
        help="show what a journey rests on: interview coverage, answers per question, tags",
        description="Report on a journey's interviews: per stage the answers that back it and "
        "the touchpoints observed or only assumed, every answer per question, and the tags. "
        "The report is a document for others, so interviews without consent are left out "
        "unless --include-unconsented. Exit 0 on success, 1 when the file cannot be read "
        "or the output not written, 2 on usage errors.",
    )
    p.add_argument("file", metavar="FILE", help="the journey file to report on")
    p.add_argument(
        "--to",
        choices=["text", "markdown"],
        default="text",
        help="text for the terminal (default) or Markdown for a document or pull request",
    )
    p.add_argument(
        "--lang",
        choices=["da", "en"],
        default=None,
        help="language of headings and labels (default: the journey's own language)",
    )
    p.add_argument(
        "--include-unconsented",
        action="store_true",
        help="also show interviews without consent: true (marked as such)",
    )
    p.add_argument(
        "--anonymise",
        "--anonymize",
        action="store_true",
        help="name respondents 'Kunde A', 'Kunde B'... in order of appearance",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        default=None,
        help="file to write (default, or '-': standard output)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kunderejse_tui.journey.report import render_report

    path = journey_file(args.file, "report")
    loaded = load_journey(path, args.lang)
    if loaded is None:
        return 1

    report = render_report(
        loaded.data,
        args.to,
        lang=args.lang,
        include_unconsented=args.include_unconsented,
        anonymise=args.anonymise,
    )
    try:
        write_output(report, args.output, path, args.lang)
    except OSError as exc:
        print(f"kunderejse: error: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
        return 1
    return 0
