"""Validation = strict loading + the JSON Schema + cross-reference checks."""

from __future__ import annotations

from pathlib import Path

from kunderejse_tui.journey.checks import check_references
from kunderejse_tui.journey.problems import JourneyLoadError, Problem, sort_key
from kunderejse_tui.journey.yamlio import Loaded, load_file


def validate_loaded(loaded: Loaded, base_dir: Path | None = None) -> list[Problem]:
    """Every problem of a loaded journey, sorted by position."""
    from kunderejse_tui.journey.schema import schema_is_valid, schema_problems

    problems: list[Problem] = []
    # The yes/no check is fast; the detailed walk with positions runs only when it says no.
    if not schema_is_valid(loaded.data):
        problems.extend(schema_problems(loaded.data, loaded.locate, loaded.file))
    problems.extend(check_references(loaded.data, loaded.locate, loaded.file, base_dir))
    return sorted(problems, key=sort_key)


def validate_file(path: Path | str) -> tuple[Loaded | None, list[Problem]]:
    """Load and validate; an unreadable file gives (None, its load problems)."""
    try:
        loaded = load_file(path)
    except JourneyLoadError as exc:
        return None, exc.problems
    return loaded, validate_loaded(loaded, Path(path).parent)
