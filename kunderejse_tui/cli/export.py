"""``kunderejse export FILE --to FORMAT``: Markdown or Mermaid, to stdout or a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kunderejse_tui.cli.common import UsageError, journey_file, load_journey, warn, write_output

if TYPE_CHECKING:
    from kunderejse_tui.journey.yamlio import Loaded

FORMATS = ("markdown", "mermaid-journey", "mermaid-flowchart")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export",
        help="write a journey as a Markdown document or a Mermaid diagram",
        description="Export a journey file. Headings and labels follow the journey's language "
        "unless --lang says otherwise. Exit 0 on success, 1 when the file cannot be read or a "
        "diagram is too large for Mermaid, 2 on usage errors.",
    )
    p.add_argument("file", metavar="FILE", help="the journey file to export")
    p.add_argument("--to", required=True, choices=FORMATS, help="what to write")
    p.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        default=None,
        help="file to write (default, or '-': standard output)",
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
        help="Markdown: also quote interviews without consent: true",
    )
    p.add_argument(
        "--anonymise",
        "--anonymize",
        action="store_true",
        help="Markdown: name respondents 'Kunde A', 'Kunde B'... in order of appearance",
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
    from kunderejse_tui.journey import export

    path = journey_file(args.file, "export")
    to_stdout = args.output in (None, "-")
    if args.split and args.to == "markdown":
        raise UsageError("--split is for the Mermaid exports")
    if args.split and to_stdout:
        raise UsageError("--split writes one file per stage: give -o FILE")

    loaded = load_journey(path, args.lang)
    if loaded is None:
        return 1
    journey = loaded.data
    _say_if_invalid(loaded, path)

    if args.persona is not None and args.persona not in export.persona_ids(journey):
        known = ", ".join(export.persona_ids(journey)) or "none"
        raise UsageError(f"unknown persona '{args.persona}' (known: {known})")
    if args.to != "markdown" and (args.include_unconsented or args.anonymise):
        warn("--include-unconsented and --anonymise only change the Markdown export")

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
