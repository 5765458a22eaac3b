"""Problems found in a journey file, with a stable code and a position.

A problem's reason is a catalog ``Message``, read in English or Danish when it is
shown; the code is the same in both, so CI scripts and editors can match on it
whatever language the user reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from kunderejse_tui.journey.paths import KeyPath

if TYPE_CHECKING:
    from kunderejse_tui.journey.i18n.message import Message

Severity = Literal["error", "warning"]
Lang = Literal["en", "da"]


# Plain classes, not dataclasses: every command imports this module, and dataclasses
# brings inspect with it, which `make bench` shows as a failed goal on a small
# journey's export.
class _Record:
    """An immutable record compared and hashed by its fields (in ``_FIELDS`` order)."""

    __slots__: tuple[str, ...] = ()
    _FIELDS: tuple[str, ...] = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._FIELDS)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._FIELDS)
        return f"{type(self).__name__}({fields})"


class Code(_Record):
    __slots__ = ("code", "name", "severity", "summary")
    _FIELDS = __slots__
    code: str
    name: str
    severity: Severity
    summary: str

    def __init__(self, code: str, name: str, severity: Severity, summary: str) -> None:
        init = object.__setattr__
        init(self, "code", code)
        init(self, "name", name)
        init(self, "severity", severity)
        init(self, "summary", summary)


# The public list of problem codes (also printed in the README). Codes are never
# reused for another meaning: tools match on them.
CODES: dict[str, Code] = {
    c.code: c
    for c in [
        # Reading the file (L): the file cannot be read as a journey at all.
        Code("L001", "file-too-large", "error", "the file is larger than the size cap"),
        Code("L002", "empty-file", "error", "the file holds no YAML document"),
        Code("L003", "not-utf8", "error", "the bytes are not valid UTF-8"),
        Code("L004", "control-character", "error", "a NUL or other control character"),
        Code("L005", "surrogate", "error", "a lone UTF-16 surrogate"),
        Code("L006", "merge-conflict", "error", "git merge-conflict markers"),
        Code("L007", "too-deep", "error", "nesting deeper than any journey needs"),
        Code("L008", "yaml-syntax", "error", "the text is not valid YAML"),
        Code("L009", "tab-indent", "error", "a tab used as indentation"),
        Code("L010", "several-documents", "error", "more than one YAML document"),
        Code("L011", "alias", "error", "an anchor (&) or alias (*)"),
        Code("L012", "explicit-tag", "error", "an explicit tag such as !!python/... or !!set"),
        Code("L013", "duplicate-key", "error", "the same key twice in one mapping"),
        Code("L014", "non-string-key", "error", "a key that is not a string"),
        Code("L015", "not-a-mapping", "error", "the top level is not a mapping"),
        Code("L016", "unknown-format", "error", "a format version this program does not know"),
        Code("L017", "unreadable", "error", "the file cannot be opened or read"),
        Code("L018", "line-separator", "error", "a raw U+0085, U+2028 or U+2029 character"),
        # The JSON Schema (S): the document has the wrong shape.
        Code("S101", "missing-key", "error", "a required key is missing"),
        Code("S102", "unknown-key", "error", "a key the format does not define (typo?)"),
        Code("S103", "wrong-type", "error", "a value of the wrong type"),
        Code("S104", "not-allowed", "error", "a value outside the allowed set (enum)"),
        Code("S105", "bad-id", "error", "an id that is not a slug (a-z, 0-9, -)"),
        Code("S106", "emotion-range", "error", "an emotion outside 1..5"),
        Code("S107", "bad-date", "error", "a date that is not YYYY-MM-DD"),
        Code("S108", "answer-question", "error", "an answer needs exactly one of question/ask"),
        Code("S109", "schema", "error", "any other schema rule"),
        # Cross-references (X): the pieces do not fit together.
        Code("X201", "duplicate-id", "error", "an id used twice"),
        Code("X202", "unknown-persona", "error", "a reference to a persona that does not exist"),
        Code("X203", "unknown-stage", "error", "a reference to a stage that does not exist"),
        Code(
            "X204", "unknown-touchpoint", "error", "a reference to a touchpoint that does not exist"
        ),
        Code(
            "X205", "unknown-question", "error", "an answer to a question not in the question bank"
        ),
        Code("X206", "bad-calendar-date", "error", "a YYYY-MM-DD date that is not in the calendar"),
        # Warnings (W): worth a look, never change the exit code.
        Code("W301", "based-on-missing", "warning", "based_on names a file that does not exist"),
        Code("W302", "comments-dropped", "warning", "the file has comments that saving drops"),
    ]
}


class Problem(_Record):
    """One problem at one place. ``line`` and ``col`` are 1-based; ``col`` counts characters."""

    __slots__ = ("code", "col", "file", "line", "path", "reason")
    _FIELDS = ("file", "line", "col", "code", "reason", "path")
    file: str
    line: int
    col: int
    code: str
    reason: Message
    path: KeyPath

    def __init__(
        self,
        file: str,
        line: int,
        col: int,
        code: str,
        reason: Message,
        path: KeyPath = (),
    ) -> None:
        init = object.__setattr__
        init(self, "file", file)
        init(self, "line", line)
        init(self, "col", col)
        init(self, "code", code)
        init(self, "reason", reason)
        init(self, "path", path)

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    @property
    def name(self) -> str:
        return CODES[self.code].name

    def message(self, lang: Lang = "en") -> str:
        return self.reason.text(lang)

    def format(self, lang: Lang = "en") -> str:
        """The ``FILE:LINE:COL: error[CODE]: message`` line editors and CI parse."""
        return f"{self.file}:{self.line}:{self.col}: {self.severity}[{self.code}]: {self.message(lang)}"

    def as_json(self, lang: Lang = "en") -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message(lang),
            "path": list(self.path),
        }


def sort_key(p: Problem) -> tuple[str, int, int, str]:
    return (p.file, p.line, p.col, p.code)


class JourneyLoadError(Exception):
    """The file cannot be read as a journey; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems[0].format() if problems else "cannot load journey")
        self.problems = problems
