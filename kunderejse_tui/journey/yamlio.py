"""Strict loading of journey files.

Journeys are read the way check-jsonschema and editor plugins read them (YAML 1.2
core scalars), and everything a journey never needs and an attacker or a bad
merge might bring (aliases, tags, duplicate keys, conflict markers, absurd
nesting) is refused with a message that names the line.

The valid path is kept cheap: libyaml composes the node tree, one Python walk
builds the data and checks keys, and the node tree is dropped. Line numbers for
problems found later are recomputed from the text only when somebody asks.
"""

from __future__ import annotations

import gc
import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from kunderejse_tui.journey.i18n.message import Message
from kunderejse_tui.journey.lazy_re import LazyPattern
from kunderejse_tui.journey.nesting import flow_overflow
from kunderejse_tui.journey.paths import KeyPath
from kunderejse_tui.journey.problems import JourneyLoadError, Problem

try:  # libyaml when present: the whole point of the fast path
    from yaml._yaml import CParser as _Parser  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - exercised only without libyaml
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


__all__ = ["MAX_BYTES", "MAX_DEPTH", "Loaded", "dump", "load_file", "load_text"]

FORMAT = "kunderejse/1"
MAX_BYTES = 32 * 1024 * 1024
# A journey nests about 7 levels; 64 leaves room for x-* extensions and stays far
# below the ~100,000 levels at which libyaml's recursive composer kills the process.
MAX_DEPTH = 64

_SCHEMA_LINE = LazyPattern(r"^#\s*yaml-language-server:\s*\$schema=\S.*$")

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"


# Plain scalars by the YAML 1.2 core schema (what check-jsonschema sees), for
# _Loader.resolve. Words are looked up; the number patterns are compiled only for a
# scalar that could be a number and is not plain digits (most journeys: never).
_WORDS = {
    **dict.fromkeys(("true", "True", "TRUE", "false", "False", "FALSE"), BOOL),
    **dict.fromkeys(("~", "null", "Null", "NULL"), NULL),
}
_INT = LazyPattern(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = LazyPattern(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_NUMBER_FIRST = frozenset("-+.0123456789")
# Every character either pattern can match.
_NUMBER_CHARS = frozenset("0123456789+-.eEoxabcdefABCDEFinINFN")


def _number_tag(value: str) -> str:
    digits = value[1:] if value[0] in "+-" else value
    if digits.isdigit() and digits.isascii():
        return INT
    # A sign inside a number only follows an exponent's e: "2026-11-23" is text.
    if not _NUMBER_CHARS.issuperset(digits) or any(
        ch in "+-" and digits[i - 1] not in "eE" for i, ch in enumerate(digits)
    ):
        return STR
    if _INT.match(value):
        return INT
    return FLOAT if _FLOAT.match(value) else STR


SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"


class _Loader(_Parser, BaseResolver):
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        BaseResolver.__init__(self)

    # libyaml's composer calls these three for every node. BaseResolver's
    # versions handle path resolvers and lists of wildcards that journeys never
    # use; these do the same work for the 1.2 core schema in fewer steps.
    def resolve(self, kind: type, value: str | None, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0] and value is not None:
                if not value:
                    return NULL
                if value[0] in _NUMBER_FIRST:
                    return _number_tag(value)
                return _WORDS.get(value, STR)
            return STR
        return SEQ if kind is SequenceNode else MAP

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


def _scalar_value(node: ScalarNode) -> Any:
    tag, value = node.tag, node.value
    if tag == STR:
        return value
    if tag == NULL:
        return None
    if tag == BOOL:
        return value[0] in "tT"
    if tag == INT:
        if value.startswith("0o"):
            return int(value[2:], 8)
        if value.startswith("0x"):
            return int(value[2:], 16)
        return int(value)
    if tag == FLOAT:
        low = value.lower()
        if low.endswith(".inf"):
            return float("-inf") if low.startswith("-") else float("inf")
        if low == ".nan":
            return float("nan")
        return float(value)
    # Explicit tags never get here: the pre-scan refuses them.
    return value


class Loaded:
    """A journey read from text: the data plus what is needed to write it back."""

    def __init__(
        self,
        data: dict[str, Any],
        file: str,
        text: str,  # decoded, BOM removed, line breaks normalised to "\n"
        newline: str = "\n",
        bom: bool = False,
        schema_line: str | None = None,
        _root: Node | None = None,
    ) -> None:
        self.data = data
        self.file = file
        self.text = text
        self.newline = newline
        self.bom = bom
        self.schema_line = schema_line
        self._root = _root

    def __repr__(self) -> str:
        return f"Loaded(file={self.file!r}, newline={self.newline!r}, bom={self.bom!r})"

    def _node(self) -> Node:
        if self._root is None:
            # Only problems need positions: a valid file never pays for this.
            loader = _Loader(self.text)
            try:
                self._root = loader.get_single_node()
            finally:
                loader.dispose()
        assert self._root is not None
        return self._root

    def node_at(self, path: KeyPath) -> tuple[Node, bool]:
        """The deepest node along ``path``; the flag says whether the whole path exists.

        For a mapping entry the key's node is returned, so that problems point at
        the line where the item is named.
        """
        node = self._node()
        found: Node = node
        for i, part in enumerate(path):
            if isinstance(node, MappingNode) and isinstance(part, str):
                for key, value in node.value:
                    if isinstance(key, ScalarNode) and key.value == part:
                        if i == len(path) - 1:
                            return key, True
                        node = found = value
                        break
                else:
                    return found, False
            elif isinstance(node, SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    return found, False
                node = found = node.value[part]
            else:
                return found, False
        return found, True

    def locate(self, path: KeyPath) -> tuple[int, int]:
        """1-based (line, column) of the item at ``path`` (or its nearest ancestor)."""
        node, _ = self.node_at(path)
        mark = node.start_mark
        return mark.line + 1, mark.column + 1

    @property
    def has_comments(self) -> bool:
        """Comments other than the schema line (PyYAML cannot keep them on save)."""
        return bool(_comment_lines(self))


def dump(data: dict[str, Any], schema_line: str | None = None) -> str:
    """The canonical text (``dump.dump``, re-exported: load and dump live side by side).

    Imported on first use: reading a journey does not need the writer.
    """
    from kunderejse_tui.journey.dump import dump as _dump

    return _dump(data, schema_line)


def _fail(file: str, line: int, col: int, code: str, reason: Message) -> JourneyLoadError:
    return JourneyLoadError([Problem(file, line, col, code, reason)])


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


_CONFLICT = LazyPattern(r"^(?:<<<<<<<|>>>>>>>|\|\|\|\|\|\|\|)(?: |$)", re.MULTILINE)
# Only a text with an odd character needs to know which (compiling a Unicode class
# would otherwise be paid on every start).
_BAD_CHAR = LazyPattern(
    "[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]"
)
_LINE_SEP = LazyPattern("[\x85\u2028\u2029]")


def _maybe_odd(text: str) -> bool:
    """False when the text surely has no character of ``_BAD_CHAR`` or ``_LINE_SEP``.

    Every one of those is a Unicode "Other" or "Separator", so not printable; a text
    that is printable but for its line feeds and tabs has none. One pass in C, faster
    than a regex search and with nothing to compile. A no-break space or a
    zero-width joiner also makes it say True: then the exact classes decide.
    """
    plain = text.replace("\n", " ")
    if "\t" in plain:
        plain = plain.replace("\t", " ")
    return not plain.isprintable()


# Where an anchor, alias or tag could start a token. Text that merely contains
# '&' or '!' also matches; it then takes the slower, exact event scan.
_SUSPECT_CHAR_RE = re.compile(r"[&*!]")
# "^" with MULTILINE defeats the regex engine's literal-prefix scan; a leading "\n"
# keeps it (the first line is checked with match).
_DEEP_INDENT_RE = re.compile(rf"[ -]{{{MAX_DEPTH // 2}}}")
_DEEP_INDENT_NL_RE = re.compile(rf"\n[ -]{{{MAX_DEPTH // 2}}}")


def _suspect(text: str) -> bool:
    """Could an anchor, alias or tag start somewhere? (at a line start, after
    whitespace, '[', '{' or ','). Prose with '!' or '&' mid-word costs a few checks."""
    for m in _SUSPECT_CHAR_RE.finditer(text):
        i = m.start()
        if i == 0 or text[i - 1].isspace() or text[i - 1] in "[{,":
            return True
    return False


def _deep_indent(text: str) -> bool:
    return bool(_DEEP_INDENT_RE.match(text) or _DEEP_INDENT_NL_RE.search(text))


_TAB_INDENT = LazyPattern(r"^ *\t")

_CONTROL_NAMES = {"\x00": "NUL", "\x7f": "DEL", "\r": "a carriage return without a line feed"}


def _describe_char(ch: str) -> str:
    return _CONTROL_NAMES.get(ch, f"U+{ord(ch):04X}")


def decode(raw: bytes, file: str) -> tuple[str, bool]:
    """UTF-8 bytes (with or without a BOM) to text; refuses anything else with a line."""
    bom = raw.startswith(b"\xef\xbb\xbf")
    if bom:
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _fail(file, 1, 1, "L003", Message("problem.load.utf16"))
    try:
        return raw.decode("utf-8"), bom
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        col = len(raw[line_start : exc.start].decode("utf-8", "replace")) + 1
        byte = raw[exc.start]
        reason = Message("problem.load.bad_byte", byte=f"{byte:02X}")
        raise _fail(file, line, col, "L003", reason) from None


def _prescan(text: str, file: str) -> None:
    """Cheap checks on the raw text, before libyaml sees it."""
    if not text.strip():
        raise _fail(file, 1, 1, "L002", Message("problem.load.empty"))
    m = (
        _CONFLICT.search(text)
        if "<<<<<<<" in text or ">>>>>>>" in text or "|||||||" in text
        else None
    )
    if m and ("\n=======" in text or text.startswith("=======")):
        line, col = _line_col(text, m.start())
        raise _fail(file, line, col, "L006", Message("problem.load.conflict"))
    if not _maybe_odd(text):
        return
    m = _BAD_CHAR.search(text)
    if m:
        line, col = _line_col(text, m.start())
        ch = m.group()
        if "\ud800" <= ch <= "\udfff":
            reason = Message("problem.load.surrogate", code=f"{ord(ch):04X}")
            raise _fail(file, line, col, "L005", reason)
        reason = Message("problem.load.control", char=_describe_char(ch))
        raise _fail(file, line, col, "L004", reason)
    m = _LINE_SEP.search(text)
    if m:
        line, col = _line_col(text, m.start())
        reason = Message("problem.load.line_separator", code=f"{ord(m.group()):04X}")
        raise _fail(file, line, col, "L018", reason)


def _event_scan(text: str, file: str) -> None:
    """Exact check for anchors, aliases, tags and depth, on libyaml's event stream.

    Flow nesting past the limit is found by ``nesting.flow_overflow`` first and the
    events are read only up to that bracket: some libyaml builds give up on deep flow
    nesting with a syntax error of their own before they hand out the events.
    """
    cut = flow_overflow(text, MAX_DEPTH)
    if cut is not None:
        try:
            _scan_events(text[: cut + 1], file)
        except JourneyLoadError as exc:
            # The cut text ends inside a collection, so a syntax error there says
            # nothing about the file: the whole text decides.
            if exc.problems[0].code not in ("L008", "L010"):
                raise
    _scan_events(text, file)


def _scan_events(text: str, file: str) -> None:
    """The event parser keeps its stack on the heap, so unlike composing it survives
    any nesting; we stop at the first event past the limit."""
    loader = _Loader(text)
    depth = 0
    try:
        while True:
            event = loader.get_event()
            if event is None:
                break
            mark = event.start_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            if isinstance(event, yaml.AliasEvent):
                reason = Message("problem.load.alias", anchor=str(event.anchor))
                raise _fail(file, line, col, "L011", reason)
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                reason = Message("problem.load.anchor", anchor=str(anchor))
                raise _fail(file, line, col, "L011", reason)
            tag = getattr(event, "tag", None)
            if tag is not None:
                raise _fail(file, line, col, "L012", Message("problem.load.tag", tag=str(tag)))
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    reason = Message("problem.load.too_deep", depth=MAX_DEPTH)
                    raise _fail(file, line, col, "L007", reason)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, file) from None
    finally:
        loader.dispose()


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, file: str) -> JourneyLoadError:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    if "expected a single document" in str(exc):
        return _fail(file, line, col, "L010", Message("problem.load.second_document"))
    lines = text.split("\n")
    for n in (line, line - 1):
        if 1 <= n <= len(lines) and _TAB_INDENT.match(lines[n - 1]):
            tab = lines[n - 1].index("\t") + 1
            return _fail(file, n, tab, "L009", Message("problem.load.tab"))
    context = f" ({exc.context})" if exc.context else ""
    reason = Message("problem.load.invalid_yaml", detail=f"{problem}{context}")
    return _fail(file, line, col, "L008", reason)


class _Builder:
    """One walk over the node tree: data out, key problems collected."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def build(self, node: Node) -> Any:
        if isinstance(node, ScalarNode):
            try:
                return _scalar_value(node)
            except ValueError:
                # int() refuses more than 4300 digits (CPython's guard against slow parsing).
                mark = node.start_mark
                reason = Message("problem.load.long_number", digits=len(node.value))
                too_long = Problem(self.file, mark.line + 1, mark.column + 1, "L008", reason)
                self.problems.append(too_long)
                return None
        if isinstance(node, SequenceNode):
            return [self.build(child) for child in node.value]
        out: dict[str, Any] = {}
        seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            mark = key_node.start_mark
            if not isinstance(key_node, ScalarNode) or key_node.tag != STR:
                shown = key_node.value if isinstance(key_node, ScalarNode) else "a collection"
                reason = Message("problem.load.key_not_text", key=str(shown))
                self.problems.append(
                    Problem(self.file, mark.line + 1, mark.column + 1, "L014", reason)
                )
                continue
            key = key_node.value
            if key in seen:
                first = seen[key].start_mark.line + 1
                reason = Message("problem.load.duplicate_key", key=key, first=first)
                self.problems.append(
                    Problem(self.file, mark.line + 1, mark.column + 1, "L013", reason)
                )
                continue
            seen[key] = key_node
            out[key] = self.build(value_node)
        return out


def _compose_and_build(text: str, file: str) -> tuple[Node, dict[str, Any], list[Problem]]:
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, file) from None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml reader errors without marks
        reason = Message("problem.load.invalid_yaml", detail=str(exc))
        raise _fail(file, 1, 1, "L008", reason) from None
    finally:
        loader.dispose()
    if root is None:
        raise _fail(file, 1, 1, "L002", Message("problem.load.no_document"))
    if not isinstance(root, MappingNode):
        mark = root.start_mark
        reason = Message("problem.load.not_a_mapping")
        raise _fail(file, mark.line + 1, mark.column + 1, "L015", reason)
    builder = _Builder(file)
    data = builder.build(root)
    return root, data, builder.problems


def load_text(source: str | bytes, file: str = "<string>") -> Loaded:
    """Read a journey from text or bytes; raises JourneyLoadError naming line and column."""
    if isinstance(source, bytes):
        if len(source) > MAX_BYTES:
            raise _fail(file, 1, 1, "L001", _too_large(len(source)))
        text, bom = decode(source, file)
    else:
        text, bom = source, False
        if text.startswith("\ufeff"):
            text, bom = text[1:], True
    newline = "\r\n" if "\r\n" in text[: text.find("\n") + 1 or None] else "\n"
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    _prescan(text, file)
    if (
        _suspect(text)
        or text.count("[") - text.count("[]") + text.count("{") - text.count("{}") >= MAX_DEPTH // 2
        or _deep_indent(text)
    ):
        _event_scan(text, file)
    # Composing and building allocate hundreds of thousands of objects and no
    # reference cycles: the cyclic collector would only walk the growing tree
    # again and again (a large share of a large journey's load). Switched off
    # meanwhile; plain reference counting frees everything as usual.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        root, data, problems = _compose_and_build(text, file)
    finally:
        if gc_was_enabled:
            gc.enable()
    if problems:
        raise JourneyLoadError(problems)
    loaded = Loaded(
        data=data,
        file=file,
        text=text,
        newline=newline,
        bom=bom,
        schema_line=_schema_line(text),
    )
    fmt = data.get("format")
    if isinstance(fmt, str) and fmt.startswith("kunderejse/") and fmt != FORMAT:
        loaded._root = root
        line, col = loaded.locate(("format",))
        reason = Message("problem.load.unknown_format", format=fmt, known=FORMAT)
        raise _fail(file, line, col, "L016", reason)
    return loaded


def _megabytes(size: int) -> Message:
    """``size`` in decimal megabytes to one decimal, written with the reader's decimal sign."""
    whole, tenth = divmod(round(size / 100_000), 10)
    return Message("problem.load.megabytes", whole=whole, tenth=tenth)


def _too_large(size: int) -> Message:
    return Message("problem.load.too_large", size=_megabytes(size), cap=_megabytes(MAX_BYTES))


def load_file(path: Path | str) -> Loaded:
    """Read a journey file; every failure is a JourneyLoadError, never a traceback."""
    return load_text(read_bytes(path), str(path))


def read_bytes(path: Path | str) -> bytes:
    """The bytes of a journey file; every failure is a JourneyLoadError.

    Only regular files are read: a FIFO named like a journey would block
    forever and /dev/zero would never end. At most one byte past the cap is
    read, so load_text refuses an oversized (or growing) file without holding it.
    """
    p = Path(path)
    name = str(path)
    try:
        st = p.stat()
        if not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
            raise _fail(name, 1, 1, "L017", Message("problem.load.not_regular"))
        if st.st_size > MAX_BYTES:
            # Refuse before reading 50 MB into memory, with the file's real size.
            raise _fail(name, 1, 1, "L001", _too_large(st.st_size))
        with p.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
            if len(raw) > MAX_BYTES:  # it grew while we read: say how big it is now
                raise _fail(name, 1, 1, "L001", _too_large(os.fstat(fh.fileno()).st_size))
            return raw
    except IsADirectoryError:
        raise _fail(name, 1, 1, "L017", Message("problem.load.directory")) from None
    except FileNotFoundError:
        raise _fail(name, 1, 1, "L017", Message("problem.load.no_such_file")) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        message = Message("problem.load.unreadable", reason=reason)
        raise _fail(name, 1, 1, "L017", message) from None


def _schema_line(text: str) -> str | None:
    if not text.startswith("#"):
        return None
    first = text.split("\n", 1)[0].rstrip()
    return first if _SCHEMA_LINE.match(first) else None


_HASH = LazyPattern(r"(?:^|[ \t])#", re.MULTILINE)


def _comment_lines(loaded: Loaded) -> list[int]:
    """Lines that hold a comment, schema line excepted.

    A '#' after a space is a comment unless it sits inside a quoted or block
    scalar, so the candidates are checked against those scalars' spans.
    """
    text = loaded.text
    candidates = [m.end() - 1 for m in _HASH.finditer(text)]
    if loaded.schema_line is not None:
        candidates = [c for c in candidates if c >= len(loaded.schema_line)]
    if not candidates:
        return []
    spans: list[tuple[int, int]] = []
    stack: list[Node] = [loaded._node()]
    while stack:
        node = stack.pop()
        if isinstance(node, ScalarNode):
            if node.style in ('"', "'", "|", ">"):
                spans.append((node.start_mark.index, node.end_mark.index))
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for k, v in node.value:
                stack.extend((k, v))
    spans.sort()
    import bisect

    starts = [s for s, _ in spans]
    lines = []
    for c in candidates:
        i = bisect.bisect_right(starts, c) - 1
        if i >= 0 and spans[i][0] <= c < spans[i][1]:
            continue
        lines.append(text.count("\n", 0, c) + 1)
    return lines
