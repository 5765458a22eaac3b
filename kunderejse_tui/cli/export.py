"""``kunderejse export FILE --to FORMAT``: Markdown, Mermaid, the map as a picture,
hand-over documents.

The map (svg, png, pdf, html) is drawn by ``journey.export.picture``, the office
formats (pptx, docx, xlsx, csv) by ``journey.export.office``; their libraries are
imported only when such an export runs, so the other commands never pay for them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kunderejse_tui.cli.common import UsageError, journey_file, load_journey, warn, write_output

if TYPE_CHECKING:
    from kunderejse_tui.journey.yamlio import Loaded

FORMATS = (
    "markdown",
    "mermaid-journey",
    "mermaid-flowchart",
    "svg",
    "png",
    "pdf",
    "html",
    "pptx",
    "docx",
    "xlsx",
    "csv",
)
PICTURES = ("svg", "png", "pdf", "html")
# Kept here, not imported from export.office: registering the command must stay cheap.
OFFICE_FILES = ("pptx", "docx", "xlsx")
# Never written to a terminal: they would garble it.
BINARY = ("png", "pdf", *OFFICE_FILES)
TEMPLATED = ("pptx", "docx")
TABLES = ("touchpoints", "backlog", "interviews", "personas")
PAPERS = ("a4", "a3", "a2")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export",
        help="write a journey as a document, a diagram, the map as a picture, a deck or a "
        "spreadsheet",
        description="Export a journey file. Headings and labels follow the journey's language "
        "unless --lang says otherwise. svg, png, pdf and html draw the journey map (stages, "
        "lanes, the emotion curve); png and pdf need the picture extra, pptx, docx, xlsx and "
        "csv the office extra (pip install 'kunderejse-tui[picture,office]'). Binary formats "
        "are not written to a terminal. Exit 0 on success, 1 when the file cannot be read or "
        "a diagram is too large for Mermaid, 2 on usage errors (and when an extra is missing).",
    )
    p.add_argument("file", metavar="FILE", help="the journey file (NAME.journey.yaml)")
    p.add_argument(
        "--to",
        required=True,
        choices=FORMATS,
        help="what to write: a Markdown document, a Mermaid diagram, the map as svg, png, pdf "
        "or html (one self-contained page), a PowerPoint deck (pptx), a Word document (docx), "
        "an Excel workbook (xlsx) or one table as CSV (csv)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        default=None,
        help="file to write (default, or '-': standard output; png and pdf need a file "
        "unless the output is piped, pptx, docx and xlsx a file or '-' into a pipe). A map of "
        "several pages as svg or png writes OUT's NAME.01.svg, NAME.02.svg...",
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
        help="Markdown, the map and office formats: also use interviews without consent: true",
    )
    p.add_argument(
        "--anonymise",
        "--anonymize",
        action="store_true",
        help="Markdown, the map and office formats: name respondents 'Kunde A', 'Kunde B'... "
        "in order of appearance",
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
        "DIR/NAME.02-STAGE.mmd... (for journeys too large for one diagram). The map: fewer, "
        "wider stages per page, over as many pages as it takes",
    )
    p.add_argument(
        "--paper",
        choices=PAPERS,
        default="a3",
        help="the map: landscape paper size (default: a3, which holds twelve stages)",
    )
    p.add_argument(
        "--lanes",
        metavar="LIST",
        default=None,
        help="the map: comma-separated lanes to draw, from questions, touchpoints, emotion, "
        "pains, opportunities, messaging, evidence, kpis (default: every lane with content)",
    )
    p.add_argument(
        "--compare",
        metavar="OTHER",
        default=None,
        help="the map: draw OTHER journey's emotion curve dashed beside this one (default for "
        "a future-state journey: the journey in its based_on)",
    )
    p.set_defaults(func=run)


def _split_path(out: Path, n: int, stage_id: str) -> Path:
    from kunderejse_tui.journey.slugs import slugify

    suffix = out.suffix or ".mmd"
    # The number keeps the files in stage order in a directory listing.
    return out.with_name(f"{out.stem}.{n:02d}-{slugify(stage_id, 'stage')}{suffix}")


def run(args: argparse.Namespace) -> int:
    from kunderejse_tui.journey import export

    path = journey_file(args.file, "export")
    to_stdout = args.output in (None, "-")
    picture = args.to in PICTURES
    if args.to in BINARY and to_stdout and sys.stdout.isatty():
        raise UsageError(f"{args.to} is binary and would garble the terminal: give -o FILE")
    if not picture and (args.paper != "a3" or args.lanes is not None or args.compare is not None):
        raise UsageError("--paper, --lanes and --compare are for the map (svg, png, pdf, html)")
    lanes = _lanes(args.lanes) if picture else None
    _check_office_options(args)
    if args.split and not (picture or args.to.startswith("mermaid")):
        raise UsageError("--split is for the Mermaid exports and the map")
    if args.split and to_stdout and not picture:
        raise UsageError("--split writes one file per stage: give -o FILE")

    loaded = load_journey(path, args.lang)
    if loaded is None:
        return 1
    journey = loaded.data
    _say_if_invalid(loaded, path)

    if args.persona is not None and args.persona not in export.persona_ids(journey):
        known = ", ".join(export.persona_ids(journey)) or "none"
        raise UsageError(f"unknown persona '{args.persona}' (known: {known})")
    if args.to.startswith("mermaid") and (args.include_unconsented or args.anonymise):
        warn("--include-unconsented and --anonymise do not change the Mermaid exports")
    if picture:
        return _write_picture(args, journey, path, lanes)

    try:
        if args.to in OFFICE_FILES or args.to == "csv":
            return _write_office(args, journey, path)
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
                path,
                args.lang,
            )
            return 0
        if args.split:
            return _write_split(args, journey, path, Path(args.output))
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
        write_output(diagram, args.output, path, args.lang)
        return 0
    except OSError as exc:
        print(f"kunderejse: error: cannot write the export: {exc}", file=sys.stderr)
        return 1


def _say_if_invalid(loaded: Loaded, path: Path) -> None:
    """An export of a journey with errors is allowed (a workshop's draft), but never silent."""
    from kunderejse_tui.journey.validate import validate_loaded

    errors = [p for p in validate_loaded(loaded, path.parent) if p.severity == "error"]
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        warn(
            f"{path} has {len(errors)} error{'s' if len(errors) > 1 else ''}, the first at "
            f"line {first.line}, column {first.col}{more}; exporting it anyway "
            f"(kunderejse validate {path} lists them)"
        )


def _write_split(
    args: argparse.Namespace, journey: dict[str, object], path: Path, out: Path
) -> int:
    from kunderejse_tui.cli.common import refuse_outputs
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
    refuse_outputs(
        [_split_path(out, n, stage_id) for n, (stage_id, _) in enumerate(parts, start=1)],
        path,
        args.lang,
    )
    status = 0
    for n, (stage_id, diagram) in enumerate(parts, start=1):
        target = _split_path(out, n, stage_id)
        too_big = export.check_mermaid_limits(diagram)
        if too_big:
            for reason in too_big:
                warn(f"{args.file}: stage {stage_id}: {reason}; not written")
            status = 1
            continue
        write_output(diagram, str(target), path, args.lang)
        print(target)
    return status


def _lanes(raw: str | None) -> list[str] | None:
    from kunderejse_tui.journey.export.picture.layout import LANES

    if raw is None:
        return None
    lanes = [lane.strip() for lane in raw.split(",") if lane.strip()]
    unknown = [lane for lane in lanes if lane not in LANES]
    if unknown or not lanes:
        raise UsageError(
            f"--lanes: unknown lane {', '.join(repr(u) for u in unknown) or 'list'!s} "
            f"(lanes: {', '.join(LANES)})"
        )
    return lanes


def _compare_journey(args: argparse.Namespace, journey: dict[str, object], path: Path) -> object:
    """The journey to draw dashed beside this one: --compare, or a future state's based_on.

    A --compare that cannot be read is the user's mistake (exit 1 with its problems);
    a based_on that cannot be read only loses the comparison (a warning).
    """
    from kunderejse_tui.journey.access import text
    from kunderejse_tui.journey.problems import JourneyLoadError
    from kunderejse_tui.journey.yamlio import load_file

    if args.compare is not None:
        other = Path(args.compare)
        if not other.is_file():
            raise UsageError(f"--compare {args.compare}: no such file")
        return load_file(other).data  # JourneyLoadError: reported by the caller
    based_on = text(journey.get("based_on"))
    if text(journey.get("state")) != "future" or not based_on:
        return None
    other = path.parent / based_on
    try:
        return load_file(other).data
    except (JourneyLoadError, OSError):
        warn(f"{args.file}: based_on {based_on} cannot be read; the map has no comparison")
        return None


def _page_path(out: Path, n: int) -> Path:
    return out.with_name(f"{out.stem}.{n:02d}{out.suffix}")


def _write_picture(
    args: argparse.Namespace, journey: dict[str, object], path: Path, lanes: list[str] | None
) -> int:
    from kunderejse_tui.cli.common import refuse_outputs, write_bytes_output, write_output
    from kunderejse_tui.journey.export import picture
    from kunderejse_tui.journey.problems import JourneyLoadError

    try:
        compare = _compare_journey(args, journey, path)
    except JourneyLoadError as exc:
        for problem in exc.problems:
            print(problem.format(args.lang or "en"), file=sys.stderr)
        return 1
    opt = picture.Options(
        lang=args.lang,
        persona=args.persona,
        include_unconsented=args.include_unconsented,
        anonymise=args.anonymise,
        paper=args.paper,
        split=args.split,
        lanes=lanes,
        compare=compare,
        source=path.name,
        # A map split over pages nobody asked for, or cells that hide names, is said.
        notice=lambda message: warn(f"{args.file}: {message}"),
    )
    to_stdout = args.output in (None, "-")
    try:
        if args.to == "html":
            write_output(picture.export_html(journey, opt), args.output, path, args.lang)
            return 0
        if args.to == "pdf":
            write_bytes_output(picture.export_pdf(journey, opt), args.output, path, args.lang)
            return 0
        if args.to == "svg":
            svgs = picture.export_svg_pages(journey, opt)
            if len(svgs) == 1:
                write_output(svgs[0], args.output, path, args.lang)
                return 0
            pages = [svg.encode("utf-8") for svg in svgs]
        else:
            pages = picture.export_png_pages(journey, opt)
            if len(pages) == 1:
                write_bytes_output(pages[0], args.output, path, args.lang)
                return 0
        if to_stdout:
            raise UsageError(
                f"the map has {len(pages)} pages, one {args.to} file each: give -o FILE "
                "(or --to pdf or html for one file)"
            )
        out = Path(args.output)
        targets = [_page_path(out, n) for n in range(1, len(pages) + 1)]
        refuse_outputs(targets, path, args.lang)
        for target, one in zip(targets, pages, strict=True):
            write_bytes_output(one, str(target), path, args.lang)
            print(target)
        return 0
    except OSError as exc:
        print(f"kunderejse: error: cannot write the export: {exc}", file=sys.stderr)
        return 1
    except ModuleNotFoundError as exc:
        if exc.name not in ("resvg_py", "fpdf"):
            raise
        raise UsageError(
            f"--to {args.to} needs the 'picture' extra: pip install 'kunderejse-tui[picture]' "
            "(--to svg and --to html work without it)"
        ) from None


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
    if args.to in OFFICE_FILES:
        if args.output is None:
            raise UsageError(f"--to {args.to} writes a file: give -o FILE.{args.to}")
        if args.output == "-" and sys.stdout.isatty():
            raise UsageError(
                f"refusing to write a binary .{args.to} to the terminal: "
                f"give -o FILE.{args.to} or pipe the output"
            )


def _write_office(args: argparse.Namespace, journey: dict[str, object], path: Path) -> int:
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
    write_bytes_output(payload, args.output, path, args.lang)
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
