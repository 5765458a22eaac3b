"""Messages to the app from whichever screen asks: open a journey, save the open one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message


@dataclass
class OpenJourney(Message):
    """Open the journey file at ``path`` (from the home screen); ``restore``: the record of
    a recovery copy to restore into it at once (chosen on the home screen already)."""

    path: Path
    restore: Path | None = None


@dataclass
class SaveJourney(Message):
    """Save the open journey (ctrl+s on a screen over the map: an interview, the personas)."""
