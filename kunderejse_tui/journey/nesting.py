"""Where flow collections (``[...]``, ``{...}``) first nest too deep, decided by us.

Too-deep nesting must be ``L007`` with its line and column under every PyYAML the
package allows. The libyaml inside PyYAML 6.0.4 refuses flow nesting past its own
limit, and on ``[[[[...`` it scans that far ahead (a simple key may still follow)
before the parser hands out a single event, so the event scan in ``yamlio`` never
sees the level past ours and the file would get libyaml's syntax error instead.

``flow_overflow`` reads the text itself and names the bracket that opens one level
too many; ``yamlio`` then scans events only up to that bracket, which libyaml can
always do, and reports the exact place. The reading is a cheap upper bound of
libyaml's: it skips quoted scalars and comments and counts a bracket in block
context only where a node can start, so a bracket in prose never counts. Anything
it counts that libyaml would not is settled by that event scan.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"""[\[\]{}"'#]""")


def flow_overflow(text: str, limit: int) -> int | None:
    """Offset of the first ``[`` or ``{`` that opens flow level ``limit + 1``, or None."""
    depth = 0
    pos = 0
    search = _TOKEN.search
    while (m := search(text, pos)) is not None:
        i = m.start()
        ch = text[i]
        pos = i + 1
        if ch in "[{":
            if depth or _block_node_start(text, i):
                depth += 1
                if depth > limit:
                    return i
        elif ch in "]}":
            if depth:
                depth -= 1
        elif ch == "#":
            if i == 0 or text[i - 1] in " \t\n":
                end = text.find("\n", i)
                if end < 0:
                    return None
                pos = end + 1
        elif _flow_node_start(text, i) if depth else _block_node_start(text, i):
            end = _quote_end(text, i)
            if end < 0:
                return None
            pos = end + 1
    return None


def _block_node_start(text: str, i: int) -> bool:
    """Can a node start at ``i`` in block context (after indentation, ``- ``, ``? ``, ``: ``)?"""
    line = text[text.rfind("\n", 0, i) + 1 : i]
    head = line.rstrip(" ")
    if not head:
        return True
    if len(head) == len(line):
        return False
    return head[-1] == ":" or (head[-1] in "-?" and (len(head) == 1 or head[-2] == " "))


def _flow_node_start(text: str, i: int) -> bool:
    """Can a node start at ``i`` inside a flow collection (after ``[``, ``{``, ``,``, ``:``)?"""
    j = i - 1
    while j >= 0 and text[j] in " \t\n":
        j -= 1
    return j < 0 or text[j] in "[{,:"


def _quote_end(text: str, i: int) -> int:
    """Offset of the quote that closes the quoted scalar opening at ``i``, or -1."""
    quote = text[i]
    j = i + 1
    while True:
        j = text.find(quote, j)
        if j < 0:
            return -1
        if quote == "'":
            if text.startswith("''", j):
                j += 2
                continue
            return j
        backslashes = 0
        while text[j - 1 - backslashes] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            return j
        j += 1
