"""Messages the screens send each other."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message

from kunderejse_tui.journey.edits import KeyPath


@dataclass
class OpenJourney(Message):
    """Open the journey file at ``path`` (from the home screen)."""

    path: Path


@dataclass
class JumpTo(Message):
    """Show the item at ``path`` in the journey (a problem or a search hit was chosen)."""

    path: KeyPath


@dataclass
class ProblemsCounted(Message):
    """The latest validation found ``errors`` errors and ``warnings`` warnings."""

    errors: int
    warnings: int
