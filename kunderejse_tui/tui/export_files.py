"""The export screen's file formats: the map as a picture and the hand-over documents.

These have no text preview; the screen shows a short summary (:func:`facts`) and
writes the file (:func:`write_export`). Both run in a worker thread on a snapshot
and only call the core's exporters (``journey.export.picture`` and
``journey.export.office``), with the options the CLI passes them. The optional
libraries are imported when a file is made, never when the screen opens.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from pathlib import Path

from kunderejse_tui.journey import disk
from kunderejse_tui.journey.access import as_dict, personas, stages, text, touchpoints
from kunderejse_tui.journey.i18n import Message
from kunderejse_tui.journey.journey_path import same_file
from kunderejse_tui.tui.i18n import tr

MAP_FORMATS = ("svg", "png", "pdf", "html")
DOCUMENT_FORMATS = ("pptx", "docx", "xlsx", "csv")
FILE_FORMATS = (*MAP_FORMATS, *DOCUMENT_FORMATS)
# The CSV tables, as ``journey.export.office.tables.TABLES`` names them (the test checks).
TABLES = ("touchpoints", "backlog", "interviews", "personas")
# A format's file, after the journey's name: bilkoeb.map.pdf, bilkoeb.pptx, bilkoeb.backlog.csv.
SUFFIXES = {
    "svg": ".map.svg",
    "png": ".map.png",
    "pdf": ".map.pdf",
    "html": ".map.html",
    "pptx": ".pptx",
    "docx": ".docx",
    "xlsx": ".xlsx",
}
EXTRAS = {fmt: "picture" for fmt in ("png", "pdf")} | {
    fmt: "office" for fmt in ("pptx", "docx", "xlsx")
}
# The optional library each format imports.
LIBRARIES = {
    "png": "resvg_py",
    "pdf": "fpdf",
    "pptx": "pptx",
    "docx": "docx",
    "xlsx": "openpyxl",
}
# Write failures a user can act on: errno -> message id. The save's reasons, with the
# ones that only a path the user typed can cause worded for an export.
REASONS: dict[int, str] = {
    **disk.REASONS,
    errno.ENOENT: "exp.reason.enoent",
    errno.EISDIR: "exp.reason.eisdir",
    errno.ENOTDIR: "exp.reason.enotdir",
}


@dataclass(frozen=True)
class FileOptions:
    """The screen's options, as the CLI's --lang, --persona, --include-unconsented, --anonymise."""

    lang: str
    persona: str | None
    include_unconsented: bool
    anonymise: bool


@dataclass(frozen=True)
class Facts:
    """What the files will hold, counted in the worker: the summary is made from these."""

    stages: int
    touchpoints: int
    personas: int
    pages: int
    # table name -> (its title in the export's language, its rows)
    tables: dict[str, tuple[str, int]] = field(default_factory=dict)
    # The formats whose optional library is not installed.
    missing: frozenset[str] = frozenset()
    lang: str = "da"  # the export's language (the CSV separator follows it)


def installed(module: str) -> bool:
    """Whether ``module`` can be imported, without importing it."""
    import importlib.util

    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


class MissingExtra(Exception):
    """A format's optional library is not installed: ``extra`` names what to install."""

    def __init__(self, fmt: str, extra: str) -> None:
        super().__init__(f"{fmt} needs the {extra} extra")
        self.fmt = fmt
        self.extra = extra


class RefusedTarget(Exception):
    """The target is the journey file itself: an export never writes over it."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def default_file(journey_path: Path, stem: str, fmt: str, table: str) -> Path:
    """Where ``fmt`` goes by default: next to the journey, named after it."""
    suffix = f".{table}.csv" if fmt == "csv" else SUFFIXES[fmt]
    return journey_path.parent / f"{stem}{suffix}"


def page_paths(target: Path, pages: int) -> list[Path]:
    """One file, or NAME.01.png, NAME.02.png... for a map of several pages (as the CLI)."""
    if pages == 1:
        return [target]
    return [target.with_name(f"{target.stem}.{n:02d}{target.suffix}") for n in range(1, pages + 1)]


def _picture_options(data: object, options: FileOptions, journey_path: Path) -> object:
    from kunderejse_tui.journey.export.picture import Options

    return Options(
        lang=options.lang,
        persona=options.persona,
        include_unconsented=options.include_unconsented,
        anonymise=options.anonymise,
        compare=_based_on(data, journey_path),
        source=journey_path.name,
    )


def _based_on(data: object, journey_path: Path) -> object:
    """A future-state journey's current state, drawn dashed on the curve (as the CLI does)."""
    from kunderejse_tui.journey.problems import JourneyLoadError
    from kunderejse_tui.journey.yamlio import load_file

    journey = as_dict(data)
    based_on = text(journey.get("based_on"))
    if text(journey.get("state")) != "future" or not based_on:
        return None
    from kunderejse_tui.journey.confinement import current

    if not current().allows(journey_path.parent / based_on):
        return None  # a served session reads nothing outside its folder
    try:
        return load_file(journey_path.parent / based_on).data
    except (JourneyLoadError, OSError):
        return None


def facts(data: object, options: FileOptions, journey_path: Path) -> Facts:
    """Counts for the summary: stages, touchpoints, personas, map pages, table rows."""
    from kunderejse_tui.journey.export.office.tables import build_tables
    from kunderejse_tui.journey.export.picture import Options
    from kunderejse_tui.journey.export.picture.layout import lay_out

    common = {
        "lang": options.lang,
        "persona": options.persona,
        "include_unconsented": options.include_unconsented,
        "anonymise": options.anonymise,
    }
    pages = lay_out(data, Options(**common))  # type: ignore[arg-type]
    tables = {t.name: (t.title, len(t.rows)) for t in build_tables(data, **common)}  # type: ignore[arg-type]
    all_stages = stages(data)
    return Facts(
        stages=len(all_stages),
        touchpoints=sum(len(touchpoints(s)) for s in all_stages),
        personas=len(personas(data)) if options.persona is None else 1,
        pages=len(pages),
        tables=tables,
        missing=frozenset(fmt for fmt, module in LIBRARIES.items() if not installed(module)),
        lang=options.lang,
    )


def render(
    data: object, fmt: str, table: str, options: FileOptions, journey_path: Path
) -> list[bytes]:
    """The file's bytes (a list: a map of several pages as SVG or PNG is one file a page)."""
    try:
        if fmt in MAP_FORMATS:
            return _picture(data, fmt, options, journey_path)
        return [_document(data, fmt, table, options)]
    except ModuleNotFoundError as exc:
        if exc.name in ("resvg_py", "fpdf"):
            raise MissingExtra(fmt, "picture") from exc
        raise
    except ImportError as exc:
        from kunderejse_tui.journey.export.office import MissingExtraError

        if isinstance(exc, MissingExtraError):
            raise MissingExtra(fmt, "office") from exc
        raise


def _picture(data: object, fmt: str, options: FileOptions, journey_path: Path) -> list[bytes]:
    from kunderejse_tui.journey.export import picture

    opt = _picture_options(data, options, journey_path)
    assert isinstance(opt, picture.Options)
    if fmt == "svg":
        return [svg.encode("utf-8") for svg in picture.export_svg_pages(data, opt)]
    if fmt == "png":
        return picture.export_png_pages(data, opt)
    if fmt == "pdf":
        return [picture.export_pdf(data, opt)]
    return [picture.export_html(data, opt).encode("utf-8")]


def _document(data: object, fmt: str, table: str, options: FileOptions) -> bytes:
    from kunderejse_tui.journey.export.office import require

    lang, persona = options.lang, options.persona
    unconsented, anonymise = options.include_unconsented, options.anonymise
    if fmt == "csv":
        from kunderejse_tui.journey.export.office.csv_tables import export_csv

        return export_csv(
            data,
            table=table,
            lang=lang,
            persona=persona,
            include_unconsented=unconsented,
            anonymise=anonymise,
        )
    require(fmt)  # before the picture is drawn: a missing extra says so first
    if fmt == "xlsx":
        from kunderejse_tui.journey.export.office.xlsx import export_xlsx

        return export_xlsx(
            data, lang=lang, persona=persona, include_unconsented=unconsented, anonymise=anonymise
        )
    from kunderejse_tui.journey.export.office.map_image import map_png

    picture = map_png(data, lang=lang, persona=persona)
    if fmt == "pptx":
        from kunderejse_tui.journey.export.office.pptx import export_pptx as make
    else:
        from kunderejse_tui.journey.export.office.docx import export_docx as make
    return make(
        data,
        lang=lang,
        persona=persona,
        include_unconsented=unconsented,
        anonymise=anonymise,
        map_png=picture,
    )


def write_export(
    data: object, fmt: str, table: str, options: FileOptions, journey_path: Path, target: Path
) -> list[Path]:
    """Make the file and write it atomically; the paths written. Never over the journey."""
    from kunderejse_tui.journey.fileio import write_bytes_atomic

    if same_file(target, journey_path):
        raise RefusedTarget(target)
    payloads = render(data, fmt, table, options, journey_path)
    paths = page_paths(target, len(payloads))
    for path in paths:
        if same_file(path, journey_path):
            raise RefusedTarget(path)
    for path, payload in zip(paths, payloads, strict=True):
        write_bytes_atomic(path, payload)
    return paths


def failure(exc: Exception, lang: str, path: str) -> str:
    """Why the file was not written, in the user's language."""
    if isinstance(exc, MissingExtra):
        return tr(lang, "exp.missing_extra", fmt=tr(lang, f"exp.file.{exc.fmt}"), extra=exc.extra)
    if isinstance(exc, RefusedTarget):
        return tr(lang, "exp.is_journey", path=path)
    if isinstance(exc, OSError):
        reason = REASONS.get(exc.errno if exc.errno is not None else -1)
        because = Message(reason).text(lang) if reason else exc.strerror or str(exc)
        return tr(lang, "exp.write_failed", path=path, error=because)
    return tr(lang, "exp.failed", error=str(exc) or type(exc).__name__)


def summary(fmt: str, table: str, found: Facts | None, lang: str, target: str) -> str:
    """What the file will hold, a few lines instead of a preview."""
    lines = [tr(lang, f"exp.about.{fmt}")]
    if found is not None:
        if fmt in MAP_FORMATS:
            lines.append(
                tr(lang, "exp.map_size", stages=found.stages, touchpoints=found.touchpoints)
            )
            lines.append(tr(lang, "exp.pages", n=found.pages))
            if found.pages > 1 and fmt in ("svg", "png"):
                first, *_, last = page_paths(Path(target), found.pages)
                lines.append(tr(lang, "exp.page_files", first=first.name, last=last.name))
        elif fmt == "csv":
            title, rows = found.tables.get(table, (table, 0))
            lines.append(tr(lang, "exp.csv_table", table=title, n=rows))
            lines.append(tr(lang, f"exp.csv_sep.{'da' if found.lang == 'da' else 'en'}"))
        elif fmt == "xlsx":
            sheets = ", ".join(f"{title} ({rows})" for title, rows in found.tables.values())
            lines.append(tr(lang, "exp.sheets", sheets=sheets))
        else:
            lines.append(
                tr(
                    lang,
                    "exp.doc_size",
                    personas=found.personas,
                    stages=found.stages,
                    touchpoints=found.touchpoints,
                )
            )
        if fmt in found.missing:
            lines.append(tr(lang, "exp.needs_extra", extra=EXTRAS[fmt]))
        elif fmt in ("pptx", "docx") and "png" in found.missing:
            lines.append(tr(lang, "exp.no_map_picture"))
    lines.append(tr(lang, "exp.no_preview"))
    return "\n".join(lines)
