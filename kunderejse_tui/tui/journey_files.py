"""Finding journey files and summing them up for the home screen (no Textual here)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

import kunderejse_tui
from kunderejse_tui.journey.access import as_dict, interviews, stages, text, touchpoints
from kunderejse_tui.journey.validate import validate_file

SUFFIX = ".journey.yaml"


def find_journeys(directory: Path) -> list[Path]:
    """``*.journey.yaml`` below ``directory``, skipping hidden folders (.git, .venv)."""
    found: list[Path] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules")
        found.extend(Path(root) / f for f in sorted(files) if f.endswith(SUFFIX))
    return found


def samples_dir() -> Path | None:
    """The bundled sample journeys: inside the installed package, or in the repository."""
    package = Path(kunderejse_tui.__file__).resolve().parent
    for candidate in (package / "sample_journeys", package.parent / "sample_journeys"):
        if candidate.is_dir():
            return candidate
    return None


def numbered_name(directory: Path, name: str, word: str) -> str:
    """The first of ``STEM-WORD.journey.yaml``, ``STEM-WORD-2.journey.yaml``, … that no
    file in ``directory`` has: a new file beside ``name`` (Save as, a restored copy)."""
    stem = name.removesuffix(SUFFIX)
    for n in range(1, 1000):
        candidate = f"{stem}-{word}{'' if n == 1 else f'-{n}'}{SUFFIX}"
        if not (directory / candidate).exists():
            return candidate
    return f"{stem}-{word}{SUFFIX}"  # pragma: no cover


def shown_path(path: Path) -> str:
    """``path`` relative to the working directory when it is below it (no absolute tmp paths)."""
    try:
        relative = str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
    # "." says nothing on a home screen; the folder's own name does.
    return relative if relative != "." else path.resolve().name or "/"


class JourneySummary(NamedTuple):
    path: Path
    title: str
    stages: int
    touchpoints: int
    interviews: int
    errors: int
    warnings: int
    readable: bool


def summarize(path: Path) -> JourneySummary:
    """What the home screen shows for one file; validates it, so call it from a worker."""
    loaded, problems = validate_file(path)
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    if loaded is None:
        return JourneySummary(path, "", 0, 0, 0, errors, warnings, readable=False)
    data = loaded.data
    return JourneySummary(
        path=path,
        title=text(as_dict(data).get("title")),
        stages=len(stages(data)),
        touchpoints=sum(len(touchpoints(s)) for s in stages(data)),
        interviews=len(interviews(data)),
        errors=errors,
        warnings=warnings,
        readable=True,
    )
