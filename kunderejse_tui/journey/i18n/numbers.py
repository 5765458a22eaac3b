"""Numbers as each language writes them: "1.234,5" in Danish, "1,234.5" in English."""

from __future__ import annotations

# The separators are swapped by hand rather than through Babel or locale: Babel costs
# a command more than its whole margin at start-up, and locale depends on the machine.


_SWAP = str.maketrans(",.", ".,")


def _danish(english: str) -> str:
    return english.translate(_SWAP)


def integer(lang: str, n: int) -> str:
    """A whole number with a thousands separator: 1.234 (da), 1,234 (en)."""
    grouped = f"{n:,}"
    return _danish(grouped) if lang == "da" else grouped


def decimal(lang: str, value: float, places: int = 1) -> str:
    """A number to ``places`` decimals: 3,7 (da), 3.7 (en); thousands grouped too."""
    english = f"{value:,.{places}f}"
    return _danish(english) if lang == "da" else english


def shortest(lang: str, value: float) -> str:
    """A number as few digits as say it exactly, no grouping (data files): 2,5 / 2.5; 3."""
    english = repr(value) if value != int(value) else str(int(value))
    return _danish(english) if lang == "da" else english
