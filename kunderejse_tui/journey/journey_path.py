"""Which file a path names: one journey has one identity however it is reached.

A journey may be opened as ``./j.journey.yaml``, through ``..``, a symlink or a
hard link. Locks and recovery copies are keyed by the resolved path (a session
through a link and one on the target are the same journey), and no export may
write onto the file it reads, whatever name the output is given.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["OutputIsInput", "refuse_input", "resolved_journey_path", "same_file"]


def resolved_journey_path(path: Path | str) -> Path:
    """``path`` absolute, with ``..`` and every symlink resolved (it need not exist)."""
    return Path(os.path.abspath(path)).resolve()


def same_file(a: Path | str, b: Path | str) -> bool:
    """Whether ``a`` and ``b`` are one file: the same device and inode (a hard link
    counts), or the same resolved path when either does not exist yet."""
    try:
        sa, sb = os.stat(a), os.stat(b)
    except OSError:
        return resolved_journey_path(a) == resolved_journey_path(b)
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


class OutputIsInput(Exception):
    """An output that is the input file itself: written, it would destroy the journey."""

    def __init__(self, output: Path | str) -> None:
        super().__init__(str(output))
        self.output = str(output)


def refuse_input(outputs: list[Path] | list[str], source: Path | str) -> None:
    """Raise ``OutputIsInput`` for the first of ``outputs`` that is ``source``: checked
    for every file before any is written, so a refusal leaves no half an export."""
    for output in outputs:
        if same_file(output, source):
            raise OutputIsInput(output)
