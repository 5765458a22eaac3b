"""The ``# yaml-language-server: $schema=...`` line that makes editors check journeys.

The line must work for every teammate who clones the repository, so it is
always a path relative to the journey file, to a schema inside the same
repository: ``schemas/journey.schema.json`` (this project's layout) or
``.kunderejse/journey.schema.json`` (what ``kunderejse schema --install``
writes into another repository). Never an absolute or machine-specific path.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

SCHEMA_FILE = "journey.schema.json"
CANDIDATES = ("schemas/journey.schema.json", ".kunderejse/journey.schema.json")
SCHEMA_LINE_PREFIX = "# yaml-language-server: $schema="


def packaged_schema_text() -> str:
    return (resources.files("kunderejse_tui.journey") / SCHEMA_FILE).read_text(encoding="utf-8")


def find_schema(start_dir: Path) -> Path | None:
    """The nearest schema at or above ``start_dir``, not leaving the git repository."""
    directory = start_dir.resolve()
    for d in (directory, *directory.parents):
        for candidate in CANDIDATES:
            if (d / candidate).is_file():
                return d / candidate
        if (d / ".git").exists():
            break
    return None


def repo_root(start_dir: Path) -> Path:
    """The git work tree holding ``start_dir``, or ``start_dir`` itself outside git."""
    directory = start_dir.resolve()
    for d in (directory, *directory.parents):
        if (d / ".git").exists():
            return d
    return directory


def schema_line_for(journey_path: Path) -> str | None:
    """The schema line for a journey at ``journey_path``, if a schema can be found."""
    directory = journey_path.resolve().parent
    schema = find_schema(directory)
    if schema is None:
        return None
    rel = Path(os.path.relpath(schema, directory)).as_posix()
    return SCHEMA_LINE_PREFIX + rel


def install_schema(root: Path) -> Path:
    """Write the packaged schema to ``ROOT/.kunderejse/journey.schema.json``."""
    from kunderejse_tui.journey.fileio import write_text_atomic

    target = root / ".kunderejse" / SCHEMA_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(target, packaged_schema_text())
    return target
