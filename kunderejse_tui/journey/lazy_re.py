"""Regular expressions compiled on first use.

A command on a small journey is mostly start-up, and compiling every pattern of
every module it imports adds to it; many patterns (URLs in Markdown,
flowchart oddities) are never needed on a given run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any


class LazyPattern:
    """Stands in for ``re.compile(pattern, flags)`` until a method is first used.

    The first use compiles the pattern and puts its methods on the instance, so
    later calls cost what a compiled pattern's do: no ``__getattr__`` in between.
    """

    # Set on the instance by the first use (bare annotations make no class attributes).
    match: Callable[..., re.Match[str] | None]
    fullmatch: Callable[..., re.Match[str] | None]
    search: Callable[..., re.Match[str] | None]
    finditer: Callable[..., Iterator[re.Match[str]]]
    findall: Callable[..., list[Any]]
    sub: Callable[..., str]
    split: Callable[..., list[str]]

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> object:
        compiled = re.compile(self.pattern, self.flags)
        for method in ("match", "fullmatch", "search", "finditer", "findall", "sub", "split"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags!r})"
