"""User text made safe to draw, and wrapped to a width by the font's real metrics.

Safe to draw: one line, no control characters, no bidi overrides or isolates (a
right-to-left override in a touchpoint name would mirror the rest of the cell),
nothing XML cannot carry. Markup characters stay as typed: the writers escape them.
"""

from __future__ import annotations

from kunderejse_tui.journey.export.escape import one_line
from kunderejse_tui.journey.export.picture.fonts import measure
from kunderejse_tui.journey.lazy_re import LazyPattern

# Bidi embeddings, overrides, isolates and marks; zero-width and invisible
# formatting characters; the soft hyphen (we hyphenate ourselves); surrogates and
# the characters XML 1.0 forbids.
_INVISIBLE = LazyPattern(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb"
    "\ud800-\udfff\ufffe\uffff]"
)
ELLIPSIS = "…"
VOWELS = frozenset("aeiouyæøåéèêëáàâäöüóòôíìîïAEIOUYÆØÅÉÈÊËÁÀÂÄÖÜÓÒÔÍÌÎÏ")


def clean(value: str) -> str:
    """One visible line of user text, safe for every writer."""
    s = one_line(value)
    if not s.isascii():
        s = " ".join(_INVISIBLE.sub("", s).split())
    return s


def _is_consonant(ch: str) -> bool:
    return ch.isalpha() and ch not in VOWELS


# Endings that take a linking s in a Danish compound: Informations-, Forsyning-s...
LINKING_S = ("tions", "ings", "heds", "elses", "skabs", "doms", "ners", "ters")


def _break_points(word: str) -> list[list[int]]:
    """Where a long word may be hyphenated, best rule first, leaving at least two
    letters on each side. First: after a hyphen it has, and after the linking s of
    a Danish compound (Informations-indsamling). Then: between two consonants
    before a vowel (In-for-ma-tionsind-sam-ling). Last: between a vowel and a
    consonant-vowel syllable (Informa-tions)."""
    best: list[int] = []
    good: list[int] = []
    fair: list[int] = []
    lower = word.lower()
    for i in range(2, len(word) - 1):
        before, here, after = word[i - 1], word[i], word[i + 1]
        if before == "-" or (here.isalpha() and lower[:i].endswith(LINKING_S)):
            best.append(i)
        elif not (before.isalpha() and here.isalpha() and after in VOWELS):
            continue
        elif _is_consonant(before) and _is_consonant(here):
            good.append(i)
        elif before in VOWELS and _is_consonant(here):
            fair.append(i)
    return [best, good, fair]


def _head(word: str, i: int) -> str:
    return word[:i] if word[i - 1] == "-" else word[:i] + "-"


def _split_word(word: str, width: float, size: float, bold: bool) -> list[str]:
    """A word wider than ``width`` as pieces that each fit, hyphenated by the rules
    above, or anywhere when no rule point fits (a 40-letter part number)."""
    pieces: list[str] = []
    while measure(word, size, bold) > width:
        cut = 0
        for tier in _break_points(word):
            fitting = [i for i in tier if measure(_head(word, i), size, bold) <= width]
            if fitting:
                cut = fitting[-1]
                break
        if cut:
            head = _head(word, cut)
        else:
            cut = 1
            while cut < len(word) - 1 and measure(word[: cut + 1] + "-", size, bold) <= width:
                cut += 1
            head = word[:cut] + ("-" if word[cut - 1].isalnum() and cut > 1 else "")
            if measure(head, size, bold) > width:
                head = word[:cut]
        pieces.append(head)
        word = word[cut:]
    pieces.append(word)
    return pieces


def wrap(s: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap of cleaned text; every line measures at most ``width``."""
    if not s:
        return []
    space = measure(" ", size, bold)
    lines: list[str] = []
    current = ""
    current_w = 0.0
    for word in s.split(" "):
        if not word:
            continue
        w = measure(word, size, bold)
        if current and current_w + space + w <= width:
            current += " " + word
            current_w += space + w
            continue
        if current:
            lines.append(current)
        if w <= width:
            current, current_w = word, w
            continue
        pieces = _split_word(word, width, size, bold)
        lines.extend(pieces[:-1])
        current = pieces[-1]
        current_w = measure(current, size, bold)
    if current:
        lines.append(current)
    return lines


def ellipsize(s: str, width: float, size: float, bold: bool = False) -> str:
    """``s`` cut to fit ``width`` with an ellipsis at the end (or whole if it fits)."""
    if measure(s, size, bold) <= width:
        return s
    while s and measure(s.rstrip() + ELLIPSIS, size, bold) > width:
        s = s[:-1]
    return s.rstrip() + ELLIPSIS if s else ""
