"""Validation = strict loading + the JSON Schema + cross-reference checks."""

from __future__ import annotations

from pathlib import Path

from kunderejse_tui.journey.checks import check_references
from kunderejse_tui.journey.problems import JourneyLoadError, Problem, sort_key
from kunderejse_tui.journey.yamlio import Loaded, load_file


def schema_ok(data: object) -> bool:
    """The generated yes/no check: far faster than jsonschema, which is kept for explaining."""
    from kunderejse_tui.journey import schema_validator

    try:
        # Generated code, untyped (its header switches mypy off for it).
        schema_validator.validate(data)  # type: ignore[no-untyped-call]
    except Exception:
        # Any doubt (a mismatch, or data the generated code did not expect) goes
        # to jsonschema, which explains every problem.
        return False
    return True


def validate_loaded(loaded: Loaded, base_dir: Path | None = None) -> list[Problem]:
    """Every problem of a loaded journey, sorted by position."""
    problems: list[Problem] = []
    # A valid file pays only for the fast check; jsonschema and the positions
    # of problems are loaded only when it says no.
    if not schema_ok(loaded.data):
        from kunderejse_tui.journey.schema import schema_problems

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
