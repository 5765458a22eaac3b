"""A unified diff of two canonical journey texts, found item by item.

difflib compares whole sequences: for a 6 MB journey (180,000 lines a side)
that is 15-20 s of CPU. A canonical text is a tree written by indentation,
so the difference is found top-down instead: the common start and end are cut
off, the rest is split into items (lines indented no deeper than a level),
items are matched whole, and only items that differ are split again one level
deeper, until difflib gets the few lines that really changed. Two texts small
enough for difflib itself still go to difflib, so their diff reads exactly as
before. The output has difflib's unified format and counts lines in the whole
texts.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence

__all__ = ["unified_diff"]

# Up to this many lines on both sides together, difflib compares the lines itself.
SMALL = 2000
# Indentation beyond which a text is not split further (a deep block of prose).
DEEPEST = 40

Opcode = tuple[str, int, int, int, int]


def unified_diff(a: Sequence[str], b: Sequence[str], n: int = 2) -> list[str]:
    """The hunks of ``difflib.unified_diff(a, b, lineterm="", n=n)``, without its two file lines."""
    if len(a) + len(b) <= SMALL:
        return list(difflib.unified_diff(a, b, lineterm="", n=n))[2:]
    return list(_format(a, b, _grouped(_opcodes(a, b), n)))


def _opcodes(a: Sequence[str], b: Sequence[str]) -> list[Opcode]:
    start = 0
    limit = min(len(a), len(b))
    while start < limit and a[start] == b[start]:
        start += 1
    end = 0
    while end < limit - start and a[len(a) - 1 - end] == b[len(b) - 1 - end]:
        end += 1
    ops: list[Opcode] = []
    if start:
        ops.append(("equal", 0, start, 0, start))
    _middle(a, b, start, len(a) - end, start, len(b) - end, 0, ops)
    if end:
        ops.append(("equal", len(a) - end, len(a), len(b) - end, len(b)))
    merged: list[Opcode] = []
    for op in ops:
        if op[1] == op[2] and op[3] == op[4]:
            continue
        if merged and merged[-1][0] == op[0] == "equal":
            last = merged[-1]
            merged[-1] = ("equal", last[1], op[2], last[3], op[4])
        else:
            merged.append(op)
    return merged


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _items(lines: Sequence[str], lo: int, hi: int, level: int) -> list[tuple[int, int]]:
    """``lines[lo:hi]`` cut before every line indented no deeper than ``level``."""
    starts = [lo] + [
        i for i in range(lo + 1, hi) if lines[i].strip() and _indent(lines[i]) <= level
    ]
    return list(zip(starts, [*starts[1:], hi], strict=True))


def _middle(
    a: Sequence[str],
    b: Sequence[str],
    alo: int,
    ahi: int,
    blo: int,
    bhi: int,
    level: int,
    ops: list[Opcode],
) -> None:
    if alo == ahi or blo == bhi:
        if alo != ahi or blo != bhi:
            ops.append(("delete" if blo == bhi else "insert", alo, ahi, blo, bhi))
        return
    if (ahi - alo) + (bhi - blo) <= SMALL or level > DEEPEST:
        matcher = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            ops.append((tag, alo + i1, alo + i2, blo + j1, blo + j2))
        return
    ia, ib = _items(a, alo, ahi, level), _items(b, blo, bhi, level)
    if len(ia) == 1 and len(ib) == 1:
        _middle(a, b, alo, ahi, blo, bhi, level + 2, ops)
        return
    # Items compared whole, as one string each: a few thousand of them at most.
    ka = ["\n".join(a[s:e]) for s, e in ia]
    kb = ["\n".join(b[s:e]) for s, e in ib]
    matcher = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a1 = ia[i1][0] if i1 < len(ia) else ahi
        a2 = ia[i2 - 1][1] if i2 > i1 else a1
        b1 = ib[j1][0] if j1 < len(ib) else bhi
        b2 = ib[j2 - 1][1] if j2 > j1 else b1
        if tag == "replace":
            _middle(a, b, a1, a2, b1, b2, level + 2, ops)
        else:
            ops.append((tag, a1, a2, b1, b2))


def _grouped(codes: list[Opcode], n: int) -> Iterator[list[Opcode]]:
    """Hunks with ``n`` lines of context, as ``SequenceMatcher.get_grouped_opcodes``."""
    if not codes:
        codes = [("equal", 0, 1, 0, 1)]
    if codes[0][0] == "equal":
        tag, i1, i2, j1, j2 = codes[0]
        codes[0] = tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2
    if codes[-1][0] == "equal":
        tag, i1, i2, j1, j2 = codes[-1]
        codes[-1] = tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)
    group: list[Opcode] = []
    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal" and i2 - i1 > n + n:
            group.append((tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)))
            yield group
            group = []
            i1, j1 = max(i1, i2 - n), max(j1, j2 - n)
        group.append((tag, i1, i2, j1, j2))
    if group and not (len(group) == 1 and group[0][0] == "equal"):
        yield group


def _range(start: int, stop: int) -> str:
    beginning, length = start + 1, stop - start
    if length == 1:
        return str(beginning)
    if not length:
        beginning -= 1
    return f"{beginning},{length}"


def _format(a: Sequence[str], b: Sequence[str], groups: Iterator[list[Opcode]]) -> Iterator[str]:
    for group in groups:
        first, last = group[0], group[-1]
        yield f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                yield from (" " + line for line in a[i1:i2])
                continue
            if tag in ("replace", "delete"):
                yield from ("-" + line for line in a[i1:i2])
            if tag in ("replace", "insert"):
                yield from ("+" + line for line in b[j1:j2])
