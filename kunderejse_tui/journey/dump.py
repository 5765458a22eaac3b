"""The canonical journey layout: one deterministic text for one journey.

Our own emitter rather than PyYAML's: the structure is simple, and owning it
gives one layout (block style, sequences indented under their key, format key
order with ``x-`` keys last, literal blocks for multi-line text, no wrapping)
and quoting that every YAML 1.1 and 1.2 reader reads back as the same data.
Whatever is written is re-read and compared before it reaches disk (fileio).
"""

from __future__ import annotations

import math
import re
from typing import Any

from yaml.nodes import ScalarNode
from yaml.resolver import Resolver as _Yaml11Resolver

# Key order as in journey-format.md. Keys not listed keep their order after these
# (typos, future fields), and x-* keys come last.
KEY_ORDER: dict[str, tuple[str, ...]] = {
    "journey": (
        "format", "id", "title", "language", "market", "model", "state", "based_on",
        "description", "owner", "updated", "time_to_purchase", "personas", "stages",
        "interviews",
    ),
    "persona": (
        "id", "name", "summary", "demographics", "job", "geography", "traits", "needs",
        "pains",
    ),
    "demographics": ("age", "gender", "education"),
    "job": ("title", "company_type", "buying_role"),
    "stage": (
        "id", "name", "customer_goal", "customer_questions", "touchpoints", "messaging",
        "kpis", "duration", "owner", "notes",
    ),
    "question": ("text", "persona"),
    "touchpoint": (
        "id", "name", "channel", "kind", "emotion", "personas", "pains", "opportunities",
        "notes",
    ),
    "messaging": ("tone", "key_messages", "content", "call_to_action"),
    "interview": (
        "id", "persona", "date", "interviewer", "respondent", "consent", "notes", "answers",
    ),
    "answer": ("question", "ask", "text", "stages", "touchpoints", "tags"),
}  # fmt: skip

# What a mapping under KEY is, given the kind of mapping holding it.
CHILD_KIND: dict[tuple[str, str], str] = {
    ("journey", "personas"): "persona",
    ("journey", "stages"): "stage",
    ("journey", "interviews"): "interview",
    ("persona", "demographics"): "demographics",
    ("persona", "job"): "job",
    ("stage", "customer_questions"): "question",
    ("stage", "touchpoints"): "touchpoint",
    ("stage", "messaging"): "messaging",
    ("interview", "answers"): "answer",
}

_ORDER_INDEX = {kind: {k: i for i, k in enumerate(keys)} for kind, keys in KEY_ORDER.items()}

# Characters a plain or block scalar may hold. Everything else is escaped inside
# double quotes, where no reader can misread it.
_UNSAFE_CHARS = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]"
)
_UNSAFE_BLOCK_CHARS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]"
)
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")

_CORE12_NON_STR = re.compile(
    r"^(?:true|True|TRUE|false|False|FALSE|~|null|Null|NULL"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_YAML11 = _Yaml11Resolver()


def _needs_quotes(s: str) -> bool:
    if not s or s != s.strip(" ") or s[0] in _INDICATORS or s[0] == "\t" or s[-1] == "\t":
        return True
    if _UNSAFE_CHARS.search(s) or "\t" in s:
        return True
    if ": " in s or " #" in s or s.endswith(":") or s.startswith(("---", "...")):
        return True
    if _CORE12_NON_STR.match(s):
        return True
    # YAML 1.1 readers (PyYAML's default, many tools) must see a string too:
    # yes/no/on/off, 1:30, 2026-11-03, 0b101, 1_000, '<<', '='.
    # types-PyYAML leaves Resolver.resolve unannotated.
    resolved = _YAML11.resolve(ScalarNode, s, (True, False))  # type: ignore[no-untyped-call]
    return bool(resolved != "tag:yaml.org,2002:str")


_ESCAPES = {
    "\0": "\\0", "\x07": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\x0b": "\\v",
    "\x0c": "\\f", "\r": "\\r", "\x1b": "\\e", '"': '\\"', "\\": "\\\\", "\x85": "\\N",
    "\xa0": "\\_", "\u2028": "\\L", "\u2029": "\\P",
}  # fmt: skip
_DQ_SPECIAL = re.compile('["\\\\\x00-\x1f\x7f-\xa0\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]')


def _dq_escape(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    code = ord(ch)
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}"


def quote(s: str) -> str:
    """A double-quoted YAML scalar; every reader decodes it to exactly ``s``."""
    return '"' + _DQ_SPECIAL.sub(lambda m: _dq_escape(m.group()), s) + '"'


def scalar(value: Any) -> str:
    """One-line text of a scalar value (strings quoted only when needed)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)
        # YAML 1.1 floats need a dot: 1e+16 must be written 1.0e+16.
        if "." not in text and "e" in text:
            mantissa, exp = text.split("e")
            text = f"{mantissa}.0e{exp}"
        return text
    s = str(value)
    return quote(s) if _needs_quotes(s) else s


def _block_ok(s: str) -> bool:
    """Can ``s`` be a literal block (|) that reads back exactly?"""
    if "\n" not in s or _UNSAFE_BLOCK_CHARS.search(s) or "\t" in s:
        return False
    lines = s.rstrip("\n").split("\n")
    # Trailing spaces and whitespace-only lines are where PyYAML and libyaml
    # disagree with each other; double quotes are exact.
    # "|+" (keep trailing blank lines) would swallow the blank line that
    # separates sections, so such text goes in double quotes.
    return (
        all(line == line.rstrip(" ") for line in lines)
        and not s.startswith("\n")
        and not s.endswith("\n\n")
    )


def _block(s: str, indent: int) -> list[str]:
    """Header indicator and the indented lines of a literal block."""
    body = s.rstrip("\n")
    chomp = "" if s.endswith("\n") else "-"
    indicator = "2" if body.startswith(" ") else ""
    pad = " " * indent
    lines = [(pad + line) if line else "" for line in body.split("\n")]
    return [f"|{indicator}{chomp}", *lines]


def ordered_keys(mapping: dict[str, Any], kind: str | None) -> list[str]:
    order = _ORDER_INDEX.get(kind or "", {})
    known = sorted((k for k in mapping if k in order), key=order.__getitem__)
    other = [k for k in mapping if k not in order and not k.startswith("x-")]
    ext = [k for k in mapping if k not in order and k.startswith("x-")]
    return known + other + ext


def _emit_value(out: list[str], prefix: str, value: Any, indent: int, kind: str | None) -> None:
    """Emit ``prefix`` (``key:`` or ``-``) followed by ``value`` at ``indent``."""
    if isinstance(value, dict):
        if not value:
            out.append(f"{prefix} {{}}")
        elif prefix.endswith(":"):
            out.append(prefix)
            _emit_mapping(out, value, indent + 2, kind)
        else:
            _emit_item_mapping(out, prefix, value, indent, kind)
    elif isinstance(value, list):
        if not value:
            out.append(f"{prefix} []")
        elif prefix.endswith(":"):
            out.append(prefix)
            _emit_sequence(out, value, indent + 2, kind)
        else:
            start = len(out)
            _emit_sequence(out, value, indent + 2, kind)
            out[start] = prefix + " " + out[start][indent + 2 :]
    elif isinstance(value, str) and _block_ok(value):
        header, *lines = _block(value, indent + 2)
        out.append(f"{prefix} {header}")
        out.extend(lines)
    else:
        out.append(f"{prefix} {scalar(value)}")


def _emit_item_mapping(
    out: list[str], prefix: str, value: dict[str, Any], indent: int, kind: str | None
) -> None:
    start = len(out)
    _emit_mapping(out, value, indent + 2, kind)
    # "- " takes the place of the first key's indentation: `- id: x`.
    out[start] = prefix + " " + out[start][indent + 2 :]


def _emit_mapping(out: list[str], mapping: dict[str, Any], indent: int, kind: str | None) -> None:
    pad = " " * indent
    for key in ordered_keys(mapping, kind):
        value = mapping[key]
        child = CHILD_KIND.get((kind or "", key))
        if kind == "journey" and isinstance(value, list) and value and key in (
            "personas", "stages", "interviews",
        ):  # fmt: skip
            out.append("")  # a blank line before each big section reads well in review
        _emit_value(out, f"{pad}{scalar(key)}:", value, indent, child)


def _emit_sequence(out: list[str], items: list[Any], indent: int, kind: str | None) -> None:
    pad = " " * indent
    for item in items:
        _emit_value(out, f"{pad}-", item, indent, kind)


def dump(data: dict[str, Any], schema_line: str | None = None) -> str:
    """The canonical text of a journey (line breaks are always ``\\n``)."""
    out: list[str] = []
    if schema_line:
        out.append(schema_line)
    if not data:
        # An empty mapping must still read back as one, not as an empty file.
        out.append("{}")
    _emit_mapping(out, data, 0, "journey")
    if out and out[0] == "":
        out.pop(0)
    return "\n".join(out) + "\n"
