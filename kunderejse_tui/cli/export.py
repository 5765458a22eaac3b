"""``kunderejse export FILE --to FORMAT``: Markdown, Mermaid or the map as a picture."""

from __future__ import annotations

import sys
from pathlib import Path

from kunderejse_tui.cli.common import UsageError, warn

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from kunderejse_tui.journey.yamlio import Loaded

FORMATS = ("markdown", "mermaid-journey", "mermaid-flowchart", "svg", "png", "pdf", "html")
PICTURES = ("svg", "png", "pdf", "html")
BINARY = ("png", "pdf")
PAPERS = ("a4", "a3", "a2")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    p = sub.add_parser(
        "export",
        help="write a journey as Markdown, a Mermaid diagram or the journey map as a picture",
        description="Export a journey file. Headings and labels follow the journey's language "
        "unless --lang says otherwise. svg, png, pdf and html draw the journey map (stages, "
        "lanes, the emotion curve); png and pdf are binary and need -o. Exit 0 on success, 1 "
        "when the file cannot be read or a diagram is too large for Mermaid, 2 on usage errors.",
    )
    p.add_argument("file", metavar="FILE", help="the journey file (NAME.journey.yaml)")
    p.add_argument(
        "--to",
        required=True,
        choices=FORMATS,
        help="what to write: markdown, mermaid-journey, mermaid-flowchart, or the map as "
        "svg, png, pdf or html (one self-contained page)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        default=None,
        help="file to write (default, or '-': standard output; png and pdf need a file "
        "unless the output is piped). A map of several pages as svg or png writes "
        "OUT's NAME.01.svg, NAME.02.svg...",
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
        help="Markdown and the map: also use interviews without consent: true",
    )
    p.add_argument(
        "--anonymise",
        "--anonymize",
        action="store_true",
        help="Markdown and the map: name respondents 'Kunde A', 'Kunde B'... in order of "
        "appearance",
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
    picture = args.to in PICTURES
    if args.to in BINARY and to_stdout and sys.stdout.isatty():
        raise UsageError(f"{args.to} is binary and would garble the terminal: give -o FILE")
    if not picture and (args.paper != "a3" or args.lanes is not None or args.compare is not None):
        raise UsageError("--paper, --lanes and --compare are for the map (svg, png, pdf, html)")
    lanes = _lanes(args.lanes) if picture else None
    if args.split and args.to == "markdown":
        raise UsageError("--split is for the Mermaid exports")
    if args.split and to_stdout and not picture:
        raise UsageError("--split writes one file per stage: give -o FILE")

    try:
        loaded = load_file(path)
    except JourneyLoadError as exc:
        for problem in exc.problems:
            print(problem.format(args.lang or "en"), file=sys.stderr)
        return 1
    journey = loaded.data
    _say_if_invalid(loaded, path)

    if args.persona is not None and args.persona not in export.persona_ids(journey):
        known = ", ".join(export.persona_ids(journey)) or "none"
        raise UsageError(f"unknown persona '{args.persona}' (known: {known})")
    if args.to.startswith("mermaid") and (args.include_unconsented or args.anonymise):
        warn("--include-unconsented and --anonymise only change the Markdown export and the map")
    if picture:
        return _write_picture(args, journey, path, lanes)

    try:
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
    from kunderejse_tui.cli.common import write_output
    from kunderejse_tui.journey.export import picture
    from kunderejse_tui.journey.fileio import write_bytes_atomic
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
            write_output(picture.export_html(journey, opt), args.output)
            return 0
        if args.to == "pdf":
            payload = picture.export_pdf(journey, opt)
            if to_stdout:
                return _binary_to_stdout(payload)
            write_bytes_atomic(Path(args.output), payload)
            return 0
        if args.to == "svg":
            svgs = picture.export_svg_pages(journey, opt)
            if len(svgs) == 1:
                write_output(svgs[0], args.output)
                return 0
            pages = [svg.encode("utf-8") for svg in svgs]
        else:
            pages = picture.export_png_pages(journey, opt)
            if len(pages) == 1:
                if to_stdout:
                    return _binary_to_stdout(pages[0])
                write_bytes_atomic(Path(args.output), pages[0])
                return 0
        if to_stdout:
            raise UsageError(
                f"the map has {len(pages)} pages, one {args.to} file each: give -o FILE "
                "(or --to pdf or html for one file)"
            )
        out = Path(args.output)
        for n, one in enumerate(pages, start=1):
            target = _page_path(out, n)
            write_bytes_atomic(target, one)
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


def _binary_to_stdout(payload: bytes) -> int:
    from kunderejse_tui.cli.common import reader_gone

    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        reader_gone()
    return 0
