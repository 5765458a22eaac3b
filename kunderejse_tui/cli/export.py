"""``kunderejse export FILE --to FORMAT``: Markdown, Mermaid, hand-over documents.

The office formats (pptx, docx, xlsx, csv) are written by
``journey.export.office``; their libraries are imported only when such an export
runs, so the other commands never pay for them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kunderejse_tui.cli.common import UsageError, warn

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

FORMATS = ("markdown", "mermaid-journey", "mermaid-flowchart", "pptx", "docx", "xlsx", "csv")
# Kept here, not imported from export.office: registering the command must stay cheap.
BINARY = ("pptx", "docx", "xlsx")
TEMPLATED = ("pptx", "docx")
TABLES = ("touchpoints", "backlog", "interviews", "personas")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    p = sub.add_parser(
        "export",
        help="write a journey as a document, a diagram, a deck or a spreadsheet",
        description="Export a journey file. Headings and labels follow the journey's language "
        "unless --lang says otherwise. pptx, docx and xlsx are files (give -o); they and csv "
        "need the office extra: pip install 'kunderejse-tui[office]'. Exit 0 on success, 1 when "
        "the file cannot be read or a diagram is too large for Mermaid, 2 on usage errors "
        "(and when the office extra is missing).",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--to",
        required=True,
        choices=FORMATS,
        help="what to write: a Markdown document, a Mermaid diagram, a PowerPoint deck (pptx), "
        "a Word document (docx), an Excel workbook (xlsx) or one table as CSV (csv)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        default=None,
        help="file to write (default, or '-': standard output; pptx, docx and xlsx need a "
        "file, or '-' into a pipe)",
    )
    p.add_argument(
        "--lang",
        choices=["da", "en"],
        default=None,
        help="language of headings and labels (default: the journey's own language)",
    )
    p.add_argument("--persona", metavar="ID", help="only what this persona meets")
    p.add_argument(
        "--include-unconsented",
        action="store_true",
        help="Markdown and office formats: also quote interviews without consent: true",
    )
    p.add_argument(
        "--anonymise",
        "--anonymize",
        action="store_true",
        help="Markdown and office formats: name respondents 'Kunde A', 'Kunde B'... in order "
        "of appearance",
    )
    p.add_argument(
        "--template",
        metavar="FILE",
        default=None,
        help="pptx, docx: a client's .pptx or .docx whose masters, theme and styles to use "
        "(its own slides or text are left out)",
    )
    p.add_argument(
        "--table",
        choices=TABLES,
        default=None,
        help="csv: which table to write: touchpoints, backlog (every pain and opportunity), "
        "interviews (answers) or personas",
    )
    p.add_argument(
        "--delimiter",
        metavar="C",
        default=None,
        help="csv: the field separator, one character or 'tab' (default: ';' for --lang da, "
        "Danish Excel's list separator; ',' for en)",
    )
    p.add_argument(
        "--split",
        action="store_true",
        help="Mermaid: one diagram per stage; -o DIR/NAME.mmd writes DIR/NAME.01-STAGE.mmd, "
        "DIR/NAME.02-STAGE.mmd... (for journeys too large for one diagram)",
    )
    p.set_defaults(func=run)


def _split_path(out: Path, n: int, stage_id: str) -> Path:
    from kunderejse_tui.journey.slugs import slugify

    suffix = out.suffix or ".mmd"
    # The number keeps the files in stage order in a directory listing.
    return out.with_name(f"{out.stem}.{n:02d}-{slugify(stage_id, 'stage')}{suffix}")


def run(args: argparse.Namespace) -> int:
    from kunderejse_tui.cli.common import write_output
    from kunderejse_tui.journey import export
    from kunderejse_tui.journey.problems import JourneyLoadError
    from kunderejse_tui.journey.yamlio import load_file

    path = Path(args.file)
    if path.is_dir():
        raise UsageError(f"{args.file}: is a directory; export takes one journey file")
    if not path.exists():
        raise UsageError(f"{args.file}: no such file")
    to_stdout = args.output in (None, "-")
    _check_office_options(args)
    if args.split and not args.to.startswith("mermaid"):
        raise UsageError("--split is for the Mermaid exports")
    if args.split and to_stdout:
        raise UsageError("--split writes one file per stage: give -o FILE")

    try:
        loaded = load_file(path)
    except JourneyLoadError as exc:
        for problem in exc.problems:
            print(problem.format(args.lang or "en"), file=sys.stderr)
        return 1
    journey = loaded.data

    if args.persona is not None and args.persona not in export.persona_ids(journey):
        known = ", ".join(export.persona_ids(journey)) or "none"
        raise UsageError(f"unknown persona '{args.persona}' (known: {known})")
    if args.to.startswith("mermaid") and (args.include_unconsented or args.anonymise):
        warn("--include-unconsented and --anonymise do not change the Mermaid exports")

    try:
        if args.to in BINARY or args.to == "csv":
            return _write_office(args, journey)
        if args.to == "markdown":
            write_output(
                export.export_markdown(
                    journey,
                    lang=args.lang,
                    persona=args.persona,
                    include_unconsented=args.include_unconsented,
                    anonymise=args.anonymise,
                ),
                args.output,
            )
            return 0
        if args.split:
            return _write_split(args, journey, Path(args.output))
        make = (
            export.export_mermaid_journey
            if args.to == "mermaid-journey"
            else export.export_mermaid_flowchart
        )
        diagram = make(journey, lang=args.lang, persona=args.persona)
        too_big = export.check_mermaid_limits(diagram)
        if too_big:
            # A diagram over the limits shows as nothing on GitHub: better no file.
            for reason in too_big:
                warn(f"{args.file}: {reason}")
            warn("nothing written; use --split -o FILE to write one diagram per stage")
            return 1
        write_output(diagram, args.output)
        return 0
    except OSError as exc:
        print(f"kunderejse: error: cannot write the export: {exc}", file=sys.stderr)
        return 1


def _write_split(args: argparse.Namespace, journey: dict[str, object], out: Path) -> int:
    from kunderejse_tui.cli.common import write_output
    from kunderejse_tui.journey import export

    make = (
        export.export_mermaid_journey_per_stage
        if args.to == "mermaid-journey"
        else export.export_mermaid_flowchart_per_stage
    )
    parts = make(journey, lang=args.lang, persona=args.persona)
    if not parts:
        warn(f"{args.file}: the journey has no stages; nothing written")
        return 1
    status = 0
    for n, (stage_id, diagram) in enumerate(parts, start=1):
        target = _split_path(out, n, stage_id)
        too_big = export.check_mermaid_limits(diagram)
        if too_big:
            for reason in too_big:
                warn(f"{args.file}: stage {stage_id}: {reason}; not written")
            status = 1
            continue
        write_output(diagram, str(target))
        print(target)
    return status


def _delimiter(raw: str) -> str:
    value = "\t" if raw in ("tab", "\\t") else raw
    if len(value) != 1 or value in '"\r\n':
        raise UsageError(f"--delimiter takes one character or 'tab', not {raw!r}")
    return value


def _check_office_options(args: argparse.Namespace) -> None:
    """Options that only one kind of export reads, refused elsewhere: nothing is ignored."""
    if args.template is not None:
        if args.to not in TEMPLATED:
            raise UsageError("--template is for --to pptx and --to docx")
        template = Path(args.template)
        if not template.is_file():
            raise UsageError(f"{args.template}: no such template file")
        if template.suffix.lower() != f".{args.to}":
            raise UsageError(f"--to {args.to} takes a .{args.to} template, not {template.name}")
    if args.to != "csv" and (args.table is not None or args.delimiter is not None):
        raise UsageError("--table and --delimiter are for --to csv")
    if args.to == "csv" and args.table is None:
        raise UsageError(f"--to csv writes one table: give --table {'|'.join(TABLES)}")
    if args.to in BINARY:
        if args.output is None:
            raise UsageError(f"--to {args.to} writes a file: give -o FILE.{args.to}")
        if args.output == "-" and sys.stdout.isatty():
            raise UsageError(
                f"refusing to write a binary .{args.to} to the terminal: "
                f"give -o FILE.{args.to} or pipe the output"
            )


def _write_office(args: argparse.Namespace, journey: dict[str, object]) -> int:
    from kunderejse_tui.cli.common import write_bytes_output
    from kunderejse_tui.journey.export.office import MissingExtraError

    common: dict[str, object] = {
        "lang": args.lang,
        "persona": args.persona,
        "include_unconsented": args.include_unconsented,
        "anonymise": args.anonymise,
    }
    try:
        if args.to == "csv":
            from kunderejse_tui.journey.export.office.csv_tables import export_csv

            delimiter = None if args.delimiter is None else _delimiter(args.delimiter)
            payload = export_csv(journey, table=args.table, delimiter=delimiter, **common)  # type: ignore[arg-type]
        elif args.to == "xlsx":
            from kunderejse_tui.journey.export.office.xlsx import export_xlsx

            payload = export_xlsx(journey, **common)  # type: ignore[arg-type]
        else:
            payload = _document(args, journey, common)
    except MissingExtraError as exc:
        raise UsageError(str(exc)) from exc
    write_bytes_output(payload, args.output)
    return 0


def _document(
    args: argparse.Namespace, journey: dict[str, object], common: dict[str, object]
) -> bytes:
    from kunderejse_tui.journey.export.office import require
    from kunderejse_tui.journey.export.office.map_image import map_png

    require(args.to)  # before the picture is drawn: a missing extra says so first
    picture = map_png(journey, lang=args.lang, persona=args.persona)
    import zipfile

    bad_package: type[Exception]
    if args.to == "pptx":
        from pptx.exc import PackageNotFoundError as bad_package

        from kunderejse_tui.journey.export.office.pptx import export_pptx as make
    else:
        from docx.opc.exceptions import PackageNotFoundError as bad_package

        from kunderejse_tui.journey.export.office.docx import export_docx as make
    try:
        return make(journey, template=args.template, map_png=picture, **common)  # type: ignore[arg-type]
    except (KeyError, ValueError, zipfile.BadZipFile, bad_package) as exc:
        if args.template is None:
            raise
        # python-pptx and python-docx say "no such part" or "not a zip file" for a
        # file that is not a usable template: the user's mistake, not ours.
        raise UsageError(f"{args.template}: cannot use it as a template ({exc})") from exc
