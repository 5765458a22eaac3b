"""The journey JSON Schema, and its errors explained in plain words.

``journey.schema.json`` in this package is the copy the program uses; the same file
lives in ``schemas/`` for editors and pre-commit. jsonschema's own messages
("... is not valid under any of the given schemas") mean nothing to a workshop
consultant, so every error becomes a Problem with a code from ``problems.CODES``,
the place in words ('stage "attract", touchpoint 2') and a message in English and
Danish.
"""

from __future__ import annotations

import copy
import difflib
import json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft7Validator, ValidationError, validators
from jsonschema.exceptions import best_match

from kunderejse_tui.journey.i18n.message import Message
from kunderejse_tui.journey.paths import KeyPath, Locate, PathPart
from kunderejse_tui.journey.problems import Problem
from kunderejse_tui.journey.slugs import ID_PATTERN, slugify

# The schema's date rule; S107 is recognised by this exact pattern.
DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

_SCHEMA_PACKAGE = "kunderejse_tui.journey"
_SCHEMA_FILE = "journey.schema.json"


@cache
def _ecma_regex(pattern: str) -> re.Pattern[str]:
    # Editors and check-jsonschema run `pattern` as ECMA-262 regex: `\d` is ASCII and
    # `$` is the very end of the text. Python's `$` also matches before a final
    # newline, so without this an id such as "mette\n" would pass here and fail there.
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern, re.ASCII)


def _pattern_keyword(
    validator: Any, pattern: str, instance: object, schema: object
) -> Iterator[ValidationError]:
    if isinstance(instance, str) and not _ecma_regex(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


# types-jsonschema leaves validators.extend unannotated.
_JourneyValidator = validators.extend(  # type: ignore[no-untyped-call]
    Draft7Validator, {"pattern": _pattern_keyword}
)


@cache
def _schema() -> dict[str, Any]:
    text = resources.files(_SCHEMA_PACKAGE).joinpath(_SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def load_schema() -> dict[str, Any]:
    """The journey JSON Schema (draft-07) shipped in the package.

    The file is read once; each call returns a copy, because the cached original
    drives the validator and must not be changed by a caller.
    """
    return copy.deepcopy(_schema())


@cache
def _validator() -> Any:
    return _JourneyValidator(_schema())


def _string_keys(value: object) -> object:
    if isinstance(value, dict):
        return {k if isinstance(k, str) else str(k): _string_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_string_keys(v) for v in value]
    return value


def _errors(data: object) -> list[ValidationError]:
    try:
        return list(_validator().iter_errors(data))
    except TypeError:
        # jsonschema crashes on a non-string key instead of reporting it. The loader
        # rejects those (L014); data built in memory is judged with the keys as text.
        return list(_validator().iter_errors(_string_keys(data)))


def schema_is_valid(data: object) -> bool:
    """True if ``data`` follows the schema: the quick yes/no, without explanations."""
    try:
        return bool(_validator().is_valid(data))
    except TypeError:
        return bool(_validator().is_valid(_string_keys(data)))


# --- Places in words ------------------------------------------------------------------

# (kind of the parent, list key) -> kind of the items (its noun is problem.noun.<kind>)
_ITEMS: dict[tuple[str, str], str] = {
    ("journey", "personas"): "persona",
    ("journey", "stages"): "stage",
    ("journey", "interviews"): "interview",
    ("stage", "touchpoints"): "touchpoint",
    ("stage", "customer_questions"): "question",
    ("interview", "answers"): "answer",
}
_NAMED_BY_ID = {"persona", "stage", "interview", "touchpoint"}

# Words in no language (a key, a value as written) stay text; the rest is a message.
Words = str | Message


def _get(node: object, key: PathPart) -> object:
    if isinstance(node, dict):
        return node.get(key)
    if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
        return node[key]
    return None


def _short(text: str, limit: int = 40) -> str:
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return json.dumps(text, ensure_ascii=False)


def _item_label(kind: str, index: int, item: object) -> Message:
    ident = item.get("id") if isinstance(item, dict) else None
    named = kind in _NAMED_BY_ID and isinstance(ident, str) and ident.strip()
    name = _short(ident) if named and isinstance(ident, str) else str(index + 1)
    return Message("problem.place.item", noun=Message(f"problem.noun.{kind}"), name=name)


def _items_along(data: object, path: KeyPath) -> tuple[list[Words], KeyPath, str]:
    """The labelled items along ``path``, the rest of the path after the last one,
    and what the value at ``path`` is ("stage", "answer"... or "" for a plain value)."""
    labels: list[Words] = []
    kind, node, i, rest_from = "journey", data, 0, 0
    while i < len(path):
        key = path[i]
        child = _get(node, key)
        item_kind = _ITEMS.get((kind, key)) if isinstance(key, str) else None
        if item_kind and i + 1 < len(path) and isinstance(path[i + 1], int):
            index = path[i + 1]
            assert isinstance(index, int)
            node = _get(child, index)
            kind = item_kind
            labels.append(_item_label(kind, index, node))
            i += 2
            rest_from = i
        else:
            # Inside a plain key, lists hold values, not journey items.
            node, kind = child, ""
            i += 1
    return labels, path[rest_from:], kind


def _key_words(rest: KeyPath) -> Words:
    """'tags item 2', 'x-notes.owner': the keys as written, list items counted from 1."""
    words: Words = ""
    for part in rest:
        if isinstance(part, int):
            n = str(part + 1)
            if words:
                words = Message("problem.place.key_item", key=words, n=n)
            else:
                words = Message("problem.place.list_item", n=n)
        else:
            words = Message("problem.place.key", key=words, sub=part) if words else part
    return words


def _join(labels: list[Words]) -> Words:
    """The labels one after another, separated by commas ('' for none)."""
    if not labels:
        return ""
    joined = labels[0]
    for label in labels[1:]:
        joined = Message("problem.place.and", first=joined, then=label)
    return joined


def _place(data: object, path: KeyPath) -> Words:
    """Where an object is: 'stage "attract", touchpoint 2' or '' for the journey."""
    labels, rest, _ = _items_along(data, path)
    if rest:
        labels.append(_key_words(rest))
    return _join(labels)


def _subject(data: object, path: KeyPath) -> tuple[Words, Words]:
    """(place, subject) for a value: ('stage "attract", touchpoint 2', 'emotion')."""
    labels, rest, _ = _items_along(data, path)
    subject: Words
    if rest:
        subject = _key_words(rest)
    elif labels:
        subject = labels.pop()
    else:
        subject = Message("problem.place.journey")
    return _join(labels), subject


def _say(place: Words, text: Message) -> Message:
    return Message("problem.at", place=place, text=text) if place else text


# --- Values in words ------------------------------------------------------------------

_TYPES = {"string", "integer", "number", "boolean", "array", "object", "null"}
_ID_RULE = Message("problem.rule.id")
_DATE_RULE = Message("problem.rule.date")


def _value(value: object) -> Words:
    if value is None:
        return Message("problem.value.null")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _short(value)
    if isinstance(value, list):
        return Message("problem.value.list")
    if isinstance(value, dict):
        return Message("problem.value.mapping")
    return str(value)


def _one_of(values: Iterable[object]) -> Message:
    shown = ", ".join(v if isinstance(v, str) else json.dumps(v) for v in values)
    return Message("problem.rule.one_of", values=shown)


def _rule(schema: dict[str, Any]) -> Words | None:
    """What a value must be, in words, when the schema says more than a type."""
    if "enum" in schema:
        return _one_of(schema["enum"])
    if "const" in schema:
        return json.dumps(schema["const"], ensure_ascii=False)
    if schema.get("pattern") == ID_PATTERN:
        return _ID_RULE
    if schema.get("pattern") == DATE_PATTERN:
        return _DATE_RULE
    if schema.get("type") == "integer" and "minimum" in schema and "maximum" in schema:
        low, high = str(schema["minimum"]), str(schema["maximum"])
        return Message("problem.rule.range", low=low, high=high)
    return None


def _type_words(expected: object) -> Words:
    names = expected if isinstance(expected, list) else [expected]
    words = [Message(f"problem.type.{n}") if n in _TYPES else str(n) for n in names]
    joined = words[0]
    for word in words[1:]:
        joined = Message("problem.type.or", first=joined, then=word)
    return joined


def _close(word: str, known: Iterable[str]) -> str | None:
    by_lower = {k.lower(): k for k in known}
    if word.lower() in by_lower:
        return by_lower[word.lower()]
    match = difflib.get_close_matches(word.lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[match[0]] if match else None


# --- Errors to problems ---------------------------------------------------------------

_VALUE_KEYWORDS = [  # best explanation first, when one value breaks several rules
    "enum",
    "const",
    "type",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "multipleOf",
    "format",
]
_COMBINATORS = {"oneOf", "anyOf", "allOf", "not"}


def _path(error: ValidationError) -> KeyPath:
    return tuple(error.absolute_path)


class _Explainer:
    def __init__(self, data: object, locate: Locate, file: str) -> None:
        self.data, self.locate, self.file = data, locate, file

    def problem(self, code: str, path: KeyPath, reason: Message) -> Problem:
        line, col = self.locate(path)
        return Problem(self.file, line, col, code, reason, path)

    def explain(self, error: ValidationError) -> list[Problem]:
        kw = str(error.validator)
        if kw == "required":
            return self.missing_keys(error)
        if kw == "additionalProperties":
            return self.unknown_keys(error)
        if kw in ("oneOf", "anyOf"):
            return self.alternatives(error)
        return [self.value_problem(error)]

    def missing_keys(self, error: ValidationError) -> list[Problem]:
        instance, path = error.instance, _path(error)
        if not isinstance(instance, dict):
            return []
        required = error.schema.get("required", []) if isinstance(error.schema, dict) else []
        typos = self.typo_targets(instance, error.schema)
        place = _place(self.data, path) if path else Message("problem.place.journey")
        return [
            self.problem("S101", path, _say(place, Message("problem.schema.missing_key", key=key)))
            for key in required
            # A misspelt key already says "did you mean KEY?": one fault, one problem.
            if key not in instance and key not in typos
        ]

    def typo_targets(self, instance: dict[str, Any], schema: Any) -> set[str]:
        known = schema.get("properties", {}) if isinstance(schema, dict) else {}
        return {s for k in self.unknown(instance, schema) if (s := _close(k, known)) is not None}

    @staticmethod
    def unknown(instance: dict[str, Any], schema: Any) -> list[str]:
        if not isinstance(schema, dict):
            return []
        known = schema.get("properties", {})
        patterns = list(schema.get("patternProperties", {}))
        return [
            k
            for k in instance
            if isinstance(k, str) and k not in known and not any(re.search(p, k) for p in patterns)
        ]

    def unknown_keys(self, error: ValidationError) -> list[Problem]:
        instance, path = error.instance, _path(error)
        if not isinstance(instance, dict):
            return []
        known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        place = _place(self.data, path)
        problems = []
        for key in self.unknown(instance, error.schema):
            shown = key if re.fullmatch(r"[\w.-]+", key) else _short(key)
            if key[:2] in ("x_", "X-", "X_", "x."):
                suggestion: str | None = "x-" + key[2:]
            else:
                suggestion = _close(key, known)
            if suggestion:
                reason = Message("problem.schema.unknown_key_guess", key=shown, near=suggestion)
            else:
                reason = Message("problem.schema.unknown_key", key=shown)
            problems.append(self.problem("S102", (*path, key), _say(place, reason)))
        return problems

    def alternatives(self, error: ValidationError) -> list[Problem]:
        path = _path(error)
        _, rest, kind = _items_along(self.data, path)
        if kind == "answer" and not rest:
            return self.answer_question(error)
        if error.context:
            # A branch whose type fits is the one the author meant: its complaint
            # ("one of S, M") says more than "must be a whole number" from the others.
            fitting = [e for e in error.context if e.validator != "type"]
            best = best_match(fitting or error.context)
            if best is not None:
                return self.explain(best)
        place, subject = _subject(self.data, path)
        reason = Message("problem.schema.no_form", subject=subject)
        return [self.problem("S109", path, _say(place, reason))]

    def answer_question(self, error: ValidationError) -> list[Problem]:
        instance, path = error.instance, _path(error)
        if not isinstance(instance, dict):
            return []  # the answer's wrong type is reported on its own
        place = _place(self.data, path)
        both = "question" in instance and "ask" in instance
        reason = Message(f"problem.schema.question_{'and' if both else 'or'}_ask")
        return [self.problem("S108", path, _say(place, reason))]

    def value_problem(self, error: ValidationError) -> Problem:
        kw, path, value = str(error.validator), _path(error), error.instance
        schema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
        place, subject = _subject(self.data, path)
        got = _value(value)
        rule = _rule(schema)
        code = "S109"
        if kw == "type":
            code = "S103"
            must = rule or _type_words(error.validator_value)
            as_text = rule is None and schema.get("type") == "string"
            as_text = as_text and isinstance(value, int | float)
            key = "problem.schema.must_be_text" if as_text else "problem.schema.must_be"
            text = Message(key, rule=must, got=got)
        elif kw in ("enum", "const"):
            code = "S104"
            allowed = rule or _one_of(schema.get("enum", []))
            key = "problem.schema.must_be_listed" if kw == "enum" else "problem.schema.must_be"
            text = Message(key, rule=allowed, got=got)
            options = [o for o in schema.get("enum", []) if isinstance(o, str)]
            near = _close(value, options) if isinstance(value, str) else None
            if near:
                text = Message("problem.did_you_mean", text=text, near=near)
        elif kw == "pattern" and error.validator_value in (ID_PATTERN, DATE_PATTERN):
            code = "S105" if error.validator_value == ID_PATTERN else "S107"
            shape = _ID_RULE if code == "S105" else _DATE_RULE
            text = Message("problem.schema.must_be", rule=shape, got=got)
            if code == "S105" and isinstance(value, str) and value.strip():
                text = Message("problem.schema.try", text=text, slug=_short(slugify(value)))
        elif kw in ("minimum", "maximum") and path and path[-1] == "emotion" and rule:
            code = "S106"
            text = Message("problem.schema.must_be", rule=rule, got=got)
        elif kw in ("minimum", "maximum"):
            key = "problem.schema.at_least" if kw == "minimum" else "problem.schema.at_most"
            text = Message(key, limit=str(error.validator_value), got=got)
        elif kw == "minLength":
            text = Message("problem.schema.not_empty")
        else:
            text = Message("problem.schema.other_rule", rule=kw, got=got)
        return self.problem(
            code, path, _say(place, Message("problem.subject", subject=subject, text=text))
        )


def _keep(errors: list[ValidationError]) -> list[ValidationError]:
    """One explanation per fault: a value that breaks several rules is told about the
    most helpful one, and an object of the wrong type is not also told it fails a
    oneOf (a string passes `required` vacuously, so oneOf sees two matches)."""
    by_path: dict[KeyPath, list[ValidationError]] = {}
    for error in errors:
        by_path.setdefault(_path(error), []).append(error)
    kept: list[ValidationError] = []
    seen_object_rules: set[tuple[KeyPath, str]] = set()
    for path, group in by_path.items():
        values = [e for e in group if e.validator in _VALUE_KEYWORDS]
        wrong_type = any(e.validator == "type" for e in group)
        if values:
            kept.append(min(values, key=lambda e: _VALUE_KEYWORDS.index(str(e.validator))))
        for error in group:
            kw = str(error.validator)
            if kw in _VALUE_KEYWORDS or (wrong_type and kw in _COMBINATORS):
                continue
            if kw in ("required", "additionalProperties"):
                # jsonschema reports each missing key separately; we list them ourselves.
                if (path, kw) in seen_object_rules:
                    continue
                seen_object_rules.add((path, kw))
            kept.append(error)
    return kept


def _path_order(path: KeyPath) -> tuple[tuple[int, int, str], ...]:
    return tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in path)


def schema_problems(data: object, locate: Locate, file: str) -> list[Problem]:
    """Every way ``data`` breaks the journey schema, as Problems (codes S101..S109).

    ``locate(path)`` gives the 1-based (line, col) of a JSON path; an unknown key is
    located by the path that ends in the key itself. The list is sorted by position
    and holds one problem per fault.
    """
    explainer = _Explainer(data, locate, file)
    found: dict[tuple[KeyPath, str, str], Problem] = {}
    # Problems are told apart and ordered by their English text, as they always were.
    for error in _keep(_errors(data)):
        for problem in explainer.explain(error):
            found.setdefault((problem.path, problem.code, problem.message("en")), problem)
    return sorted(
        found.values(),
        key=lambda p: (p.line, p.col, _path_order(p.path), p.code, p.message("en")),
    )
