"""The folder a served app may touch, and nothing outside it.

`kunderejse serve DIR` hands the app to whoever has the link: a browser session
must neither read nor write outside DIR (opening, exports, Save as, new files,
``based_on``, the recovery copies the home screen lists). Every such place asks
one ``Confinement`` before it touches a path. The check resolves symbolic links
and ``..`` first, so ``DIR/link-to-home/.ssh`` is outside too.

Without ``serve`` the app runs unconfined (``Confinement.none()`` allows all).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from kunderejse_tui.journey.i18n import Message


class OutsideError(ValueError):
    """A path outside the served folder; ``message`` says which, in either language."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.key)
        self.message = message


@dataclass(frozen=True)
class Confinement:
    root: Path | None
    """The served folder (resolved), or None: no limit."""

    @classmethod
    def none(cls) -> Confinement:
        return cls(None)

    @classmethod
    def to(cls, served: Path) -> Confinement:
        """Keep a session inside ``served``: the folder itself, or a file's folder."""
        folder = served if served.is_dir() else served.parent
        return cls(Path(os.path.realpath(folder)))

    @property
    def active(self) -> bool:
        return self.root is not None

    def allows(self, path: Path | str) -> bool:
        if self.root is None:
            return True
        # realpath, not resolve(strict=True): a file about to be created has no
        # target yet, and its parent's links are what could lead outside.
        real = Path(os.path.realpath(path))
        return real == self.root or real.is_relative_to(self.root)

    def check(self, path: Path | str) -> Path:
        """``path`` when it is inside; OutsideError otherwise."""
        if not self.allows(path):
            raise OutsideError(Message("serve.outside", path=str(path), root=str(self.root)))
        return Path(path)

    def keep(self, paths: list[Path]) -> list[Path]:
        """The paths that are inside, in their order."""
        return [p for p in paths if self.allows(p)]

    def as_argument(self) -> str | None:
        return None if self.root is None else str(self.root)


# One app per process: the confinement it was started with, for the places that
# choose a path deep inside a screen (export targets, based_on, new files) without
# reaching for the app. Set once, by the app, at start.
_current = Confinement.none()


def install(confinement: Confinement) -> None:
    global _current
    _current = confinement


def current() -> Confinement:
    return _current
