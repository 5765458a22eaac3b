"""Large letters for presentation mode: a small pixel font drawn with half blocks.

A terminal cannot change its font size, so a stage name meant for the back of
the room is drawn as a picture: each letter is a bitmap six pixels tall (the
top row holds the ring of Å), two pixel rows per text row (``▀ ▄ █``), and the
whole picture is scaled up by a whole number for as long as it fits the space
given. Danish letters are in the font; other accented letters fall back to
their base letter, anything else to ``?``.
"""

from __future__ import annotations

import unicodedata

from textual.content import Content

# One bitmap per character: rows of "#" (ink) and "." (paper), all six rows as wide.
# Row 0 is above the capitals (the ring of Å); the letters use rows 1 to 5.
_F: dict[str, tuple[str, ...]] = {
    "A": ("...", "###", "#.#", "###", "#.#", "#.#"),
    "B": ("...", "##.", "#.#", "##.", "#.#", "##."),
    "C": ("...", ".##", "#..", "#..", "#..", ".##"),
    "D": ("...", "##.", "#.#", "#.#", "#.#", "##."),
    "E": ("...", "###", "#..", "##.", "#..", "###"),
    "F": ("...", "###", "#..", "##.", "#..", "#.."),
    "G": ("....", ".###", "#...", "#.##", "#..#", ".###"),
    "H": ("...", "#.#", "#.#", "###", "#.#", "#.#"),
    "I": ("...", "###", ".#.", ".#.", ".#.", "###"),
    "J": ("...", "..#", "..#", "..#", "#.#", ".#."),
    "K": ("...", "#.#", "#.#", "##.", "#.#", "#.#"),
    "L": ("...", "#..", "#..", "#..", "#..", "###"),
    "M": (".....", "#...#", "##.##", "#.#.#", "#...#", "#...#"),
    "N": ("....", "#..#", "##.#", "#.##", "#..#", "#..#"),
    "O": ("....", ".##.", "#..#", "#..#", "#..#", ".##."),
    "P": ("...", "##.", "#.#", "##.", "#..", "#.."),
    "Q": ("....", ".##.", "#..#", "#..#", "#.#.", ".#.#"),
    "R": ("...", "##.", "#.#", "##.", "#.#", "#.#"),
    "S": ("...", ".##", "#..", ".#.", "..#", "##."),
    "T": ("...", "###", ".#.", ".#.", ".#.", ".#."),
    "U": ("...", "#.#", "#.#", "#.#", "#.#", "###"),
    "V": ("...", "#.#", "#.#", "#.#", "#.#", ".#."),
    "W": (".....", "#...#", "#...#", "#.#.#", "##.##", "#...#"),
    "X": ("...", "#.#", "#.#", ".#.", "#.#", "#.#"),
    "Y": ("...", "#.#", "#.#", ".#.", ".#.", ".#."),
    "Z": ("...", "###", "..#", ".#.", "#..", "###"),
    "Æ": (".....", ".####", "#.#..", "#####", "#.#..", "#.###"),
    "Ø": ("....", ".###", "#.##", "####", "##.#", "###."),
    "Å": (".#.", "###", "#.#", "###", "#.#", "#.#"),
    "0": ("...", "###", "#.#", "#.#", "#.#", "###"),
    "1": ("...", ".#.", "##.", ".#.", ".#.", "###"),
    "2": ("...", "###", "..#", "###", "#..", "###"),
    "3": ("...", "###", "..#", ".##", "..#", "###"),
    "4": ("...", "#.#", "#.#", "###", "..#", "..#"),
    "5": ("...", "###", "#..", "###", "..#", "###"),
    "6": ("...", "###", "#..", "###", "#.#", "###"),
    "7": ("...", "###", "..#", "..#", "..#", "..#"),
    "8": ("...", "###", "#.#", "###", "#.#", "###"),
    "9": ("...", "###", "#.#", "###", "..#", "###"),
    " ": ("..", "..", "..", "..", "..", ".."),
    "-": ("...", "...", "...", "###", "...", "..."),
    ".": (".", ".", ".", ".", ".", "#"),
    ",": (".", ".", ".", ".", "#", "#"),
    ":": (".", ".", "#", ".", "#", "."),
    "!": (".", "#", "#", "#", ".", "#"),
    "?": ("...", "###", "..#", ".##", "...", ".#."),
    "'": (".", "#", "#", ".", ".", "."),
    "/": ("...", "..#", "..#", ".#.", "#..", "#.."),
    "&": ("...", ".#.", "#.#", ".#.", "#.#", ".##"),
    "+": ("...", "...", ".#.", "###", ".#.", "..."),
    "(": ("..", ".#", "#.", "#.", "#.", ".#"),
    ")": ("..", "#.", ".#", ".#", ".#", "#."),
}
PIXEL_ROWS = 6
ROWS_PER_SCALE = PIXEL_ROWS // 2  # text rows of one line of letters at scale 1
HALF = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def _glyph(ch: str) -> tuple[str, ...]:
    upper = ch.upper()
    if upper in _F:
        return _F[upper]
    base = unicodedata.normalize("NFKD", upper)[:1]
    return _F.get(base, _F["?"])


def _pixels(line: str) -> list[str]:
    """The bitmap of a line of text: one string of # and . per pixel row."""
    rows = [""] * PIXEL_ROWS
    for k, ch in enumerate(line):
        glyph = _glyph(ch)
        for r in range(PIXEL_ROWS):
            rows[r] += ("." if k else "") + glyph[r]
    return rows


def pixel_width(line: str) -> int:
    return len(_pixels(line)[0])


def _draw(line: str, scale: int) -> list[str]:
    rows = ["".join(px * scale for px in row) for row in _pixels(line) for _ in range(scale)]
    out = []
    for top in range(0, len(rows), 2):
        upper, lower = rows[top], rows[top + 1]
        out.append("".join(HALF[a == "#", b == "#"] for a, b in zip(upper, lower, strict=True)))
    return out


def _wrap(words: list[str], width: int, scale: int) -> list[str] | None:
    """Greedy lines of ``words`` no wider than ``width`` cells at ``scale``, or None."""
    lines: list[str] = []
    for word in words:
        if pixel_width(word) * scale > width:
            return None
        if lines and pixel_width(lines[-1] + " " + word) * scale <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def banner_lines(text: str, width: int, height: int, max_scale: int = 3) -> list[str] | None:
    """``text`` in large letters within ``width`` x ``height`` cells, as large as fits.

    Wraps at spaces when a line is too wide; ``None`` when even the smallest
    letters do not fit (the caller shows plain text instead).
    """
    words = text.split()
    if not words or width <= 0:
        return None
    for scale in range(max_scale, 0, -1):
        lines = _wrap(words, width, scale)
        if lines is None:
            continue
        rows = len(lines) * ROWS_PER_SCALE * scale + (len(lines) - 1)
        if rows > height:
            continue
        drawn: list[str] = []
        for n, line in enumerate(lines):
            if n:
                drawn.append("")
            drawn.extend(_draw(line, scale))
        # A name without Å leaves the accent row blank: no empty line above the letters.
        while drawn and not drawn[0].strip():
            drawn.pop(0)
        return drawn
    return None


def banner(text: str, width: int, height: int, style: str = "bold", max_scale: int = 3) -> Content:
    """``banner_lines`` styled, or ``text`` itself in ``style`` when no size fits."""
    lines = banner_lines(text, width, height, max_scale)
    if lines is None:
        return Content.styled(text, style)
    return Content.styled("\n".join(lines), style)
