"""Turning user text into Markdown and Mermaid source that shows exactly that text.

The rule for both: whatever the user typed must come out as the same visible
text, never as markup. Each escape below names the reader it defends against.
"""

from __future__ import annotations

import re

from kunderejse_tui.journey.lazy_re import LazyPattern

# ---------------------------------------------------------------------------
# Shared clean-up


# Unicode category Cc is exactly U+0000-U+001F and U+007F-U+009F; \t, \n, \r and
# U+0085 are handled by the callers (tab -> space, the rest split lines).
_CONTROLS = LazyPattern("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")


def _drop_controls(s: str) -> str:
    # NUL and friends are invisible in any renderer but break some (cmark turns NUL
    # into U+FFFD, Mermaid's lexer chokes); tabs become spaces (markdownlint MD010).
    if "\t" in s:
        s = s.replace("\t", " ")
    return _CONTROLS.sub("", s)


def lines_of(s: str) -> list[str]:
    """The lines of a text, each stripped; leading and trailing blank lines dropped.

    ``splitlines`` also splits on U+2028/U+2029/U+0085, which Markdown and Mermaid
    would otherwise treat inconsistently.
    """
    if s.isprintable():
        # The common case: one line without control or separator characters.
        s = s.strip()
        return [s] if s else []
    lines = [line.strip() for line in _drop_controls(s).splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def one_line(s: str) -> str:
    """All whitespace (newlines included) collapsed to single spaces."""
    return " ".join(_drop_controls(s).split())


# ---------------------------------------------------------------------------
# Markdown (GitHub Flavored Markdown as cmark-gfm and markdownlint read it)

# Inline markup anywhere in a line: emphasis, code, links, raw HTML, tables, GFM
# strikethrough, GitHub math ($), and backslash itself; and "@", which GFM would
# autolink as part of an e-mail address.
_MD_SPECIAL = LazyPattern(r"[\\`*_\[\]<>|~$#@]")
# An entity reference would be decoded (&amp; -> &), so its & is escaped.
_ENTITY = LazyPattern(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
# At the start of a line these open a block: list items, ordered lists, setext
# underlines. (# and > are always escaped above.)
_LINE_START = LazyPattern(r"^(?:([-+=])|(\d{1,9})([.)]))")
# GFM turns bare URLs into links and markdownlint (MD034) wants them marked up; an
# autolink <...> keeps the visible text and the link. GFM's trailing-punctuation
# rule decides where the URL ends.
_URL = LazyPattern(r"(?:https?|ftp)://[^\s<>|`\"\\\[\]]+", re.IGNORECASE)
_URL_TRAILING = "?!.,:;*_~'"
# "www." and e-mail addresses are autolinked by GFM as well; an escape breaks the
# recognition without changing the visible text.
_WWW = LazyPattern(r"(?i)\bwww\.")


def _trim_url(url: str) -> str:
    while url and (
        url[-1] in _URL_TRAILING or (url[-1] == ")" and url.count(")") > url.count("("))
    ):
        url = url[:-1]
    return url


def _md_escape_plain(s: str) -> str:
    if "&" in s:
        s = _ENTITY.sub("&amp;", s)
    if _MD_SPECIAL.search(s):  # most text has none: skip the substitution
        s = _MD_SPECIAL.sub(r"\\\g<0>", s)
    if "w" in s or "W" in s:
        s = _WWW.sub(lambda m: m.group(0)[:3] + "\\.", s)
    return s


def md_line(s: str) -> str:
    """One line of user text as inline Markdown (the caller has removed newlines)."""
    # Most lines hold no URL: escape them in one go.
    line = _md_line_with_urls(s) if "://" in s else _md_escape_plain(s)
    start = _LINE_START.match(line)
    if start and start.group(1):
        line = "\\" + line
    elif start:
        digits = start.group(2)
        line = digits + "\\" + line[len(digits) :]
    return line


def _md_line_with_urls(s: str) -> str:
    parts: list[str] = []
    pos = 0
    for m in _URL.finditer(s):
        url = _trim_url(m.group(0))
        if "://" not in url or url.endswith("://"):
            continue
        parts.append(_md_escape_plain(s[pos : m.start()]))
        parts.append(f"<{url}>")
        pos = m.start() + len(url)
    parts.append(_md_escape_plain(s[pos:]))
    return "".join(parts)


def md_inline(s: str) -> str:
    """User text for a table cell or list item: one source line, line breaks as <br>."""
    return "<br>".join(md_line(line) for line in lines_of(s))


def md_block(s: str) -> str:
    """User text as paragraphs: blank lines separate them, line breaks are kept."""
    paragraphs: list[list[str]] = [[]]
    for line in lines_of(s):
        if line:
            paragraphs[-1].append(md_line(line))
        elif paragraphs[-1]:
            paragraphs.append([])
    # A backslash at the end of a line is a hard line break in CommonMark.
    return "\n\n".join("\\\n".join(p) for p in paragraphs if p)


# markdownlint MD026 rejects a heading ending in one of these (its default list).
_HEADING_TRAILING = ".,;:!。，；：！"


def md_heading(s: str) -> str:
    """A heading's text: one line; trailing punctuation as a character reference
    (&#33;), which shows the same character but is not punctuation to MD026."""
    line = md_line(one_line(s))
    end = ""
    while line and line[-1] in _HEADING_TRAILING and not line.endswith("\\" + line[-1]):
        end = f"&#{ord(line[-1])};" + end
        line = line[:-1]
    return line + end


def md_table(header: list[str], rows: list[list[str]]) -> str:
    """A table of cells that are Markdown already (escaped by the caller)."""

    def row(cells: list[str]) -> str:
        # markdownlint's "compact" table style (MD060): one space each side of the
        # content, and an empty cell is a single space.
        return "|" + "|".join(f" {c} " if c else " " for c in cells) + "|"

    lines = [row(header), "| " + " | ".join("---" for _ in header) + " |"]
    lines.extend(row(r) for r in rows)
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Mermaid

# Mermaid turns "#name;" / "#123;" into placeholders before parsing and back into
# character references after rendering, so an entity is the only escape its
# grammars have. Both diagrams need these:
#   # ; :  comment, statement end, task/score/actor separator (journey); a typed
#          "#59;" must stay "#59;"
#   <      "<b x="1">" is rewritten (attribute quotes) before parsing
#   %      "%%" starts a comment, "%%{" a directive anywhere, "%" a comment at the
#          start of a task
#   ° ¶    Mermaid's own placeholders are "ﬂ°°NN¶ß" ("fl°°" in older releases): a
#          typed "¶ß" would come out as ";"
# Flowchart labels are HTML, so they need more (_FLOWCHART_ENTITIES).
_ENTITIES = {"#": "#35;", ";": "#59;", ":": "#58;", "<": "#60;"}
_FLOWCHART_ENTITIES = {
    **_ENTITIES,
    '"': "#quot;",  # ends the quoted label
    ">": "#62;",  # with < : no label turns into HTML
    "&": "#38;",  # "&amp;" would be decoded
    "`": "#96;",  # '"`...`"' is a Markdown string
    "$": "#36;",
    "%": "#37;",
    "°": "#176;",
    "¶": "#182;",
}

# The journey lexer reads a line starting with one of these keywords (any case) as
# the keyword, not as a task: "Title deed check: 3" would become the diagram title.
_JOURNEY_KEYWORD = LazyPattern(r"(?i)^(?:title|section|journey|acctitle|accdescr)(?![A-Za-z0-9_])")


def _entity(ch: str) -> str:
    return f"#{ord(ch)};"


# Every character _journey_escape may replace (besides ``extra``).
_JOURNEY_SPECIAL = frozenset(_ENTITIES) | {"%", "°", "¶"}


def _journey_escape(s: str, extra: str = "") -> str:
    # Journey text is drawn as plain text, so only what the parser or Mermaid's
    # placeholder pass would misread is escaped; fewer placeholders also keep the
    # actor legend's word breaking (which counts placeholder characters) rare.
    if _JOURNEY_SPECIAL.isdisjoint(s) and (not extra or set(extra).isdisjoint(s)):
        return s  # most names: nothing to look at character by character
    out = []
    for i, ch in enumerate(s):
        before, after = s[max(0, i - 2) : i], s[i + 1 : i + 2]
        if (
            ch in _ENTITIES
            or ch in extra
            or (ch == "%" and (i == 0 or before.endswith("%") or after == "%"))
            or (ch == "°" and (before.endswith("ﬂ") or before == "fl"))
            or (ch == "¶" and after == "ß")
        ):
            out.append(_ENTITIES.get(ch) or _entity(ch))
        else:
            out.append(ch)
    return "".join(out)


def mm_text(s: str) -> str:
    """A journey title or section name: one line (a journey diagram has no line breaks)."""
    return _journey_escape(one_line(s))


def mm_task(s: str) -> str:
    name = one_line(s)
    escaped = _journey_escape(name)
    if _JOURNEY_KEYWORD.match(name):
        escaped = _entity(name[0]) + escaped[1:]
    return escaped


def mm_actor(s: str) -> str:
    # Actors are split on "," after the second ":".
    return _journey_escape(one_line(s), extra=",")


def mm_escape(s: str) -> str:
    """Text inside a quoted flowchart label."""
    return "".join(_FLOWCHART_ENTITIES.get(ch, ch) for ch in s)


# Flowchart labels are decoded (entities become characters) and sanitised *before*
# Mermaid looks for KaTeX ("$$"), Font Awesome icons ("fa:fa-car"), the two-character
# line break "\n", and before a second pass over its own entity placeholders ("¶ß",
# "ﬂ°" / "fl°" in older releases). Entities cannot hide these, so an invisible U+2060
# WORD JOINER is put between the characters: the text looks the same, the pattern is
# gone.
WORD_JOINER = "\u2060"
_FLOWCHART_BREAKS = (
    LazyPattern(r"\$(?=\$)"),
    LazyPattern(r"\\(?=n)"),
    LazyPattern(r"fa[bklrs]?:(?=fa-)"),
    LazyPattern(r"¶(?=ß)"),
    LazyPattern(r"(?:ﬂ|fl)(?=°)"),
)


def _break_patterns(s: str) -> str:
    for pattern in _FLOWCHART_BREAKS:
        s = pattern.sub(lambda m: m.group(0) + WORD_JOINER, s)
    return s


def mm_label(s: str) -> str:
    """A quoted flowchart label; line breaks become <br>, which Mermaid shows as such."""
    return "<br>".join(mm_escape(_break_patterns(" ".join(line.split()))) for line in lines_of(s))
