"""What changed between two journeys, in workshop words rather than YAML lines.

Items are matched by id, so a renamed stage is a rename and a touchpoint that
went from one stage to another is a move, never a delete plus an add. Items the
format gives no id (customer questions, interview answers, list entries such as
key messages) are matched by content, then by similarity, so an edited
question reads as a change of that question.

Both journeys are plain parsed mappings that may be broken (see access.py):
wrong types are compared as values, never trusted.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from kunderejse_tui.journey.access import as_dict, dicts, text
from kunderejse_tui.journey.i18n.catalog import known, t

__all__ = [
    "ADDED",
    "CHANGED",
    "MOVED",
    "REMOVED",
    "RENAMED",
    "Change",
    "answer_ids",
    "diff_journeys",
    "render_markdown",
    "render_text",
    "state_heading",
]

ADDED, REMOVED, RENAMED, MOVED, CHANGED = "added", "removed", "renamed", "moved", "changed"

# Below this, an edited text is more likely a different text than the same one reworded.
SIMILAR = 0.6


@dataclass(frozen=True)
class Change:
    """One change, located by ids.

    ``item`` is journey | persona | stage | touchpoint | question | messaging |
    interview | answer. ``ids`` locates it: ``(persona_id,)``, ``(stage_id,)``,
    ``(stage_id, touchpoint_id)`` (the stage it is in now, or was in when
    removed), ``(stage_id, question_text)``, ``(stage_id,)`` for messaging,
    ``(interview_id,)``, ``(interview_id, "question" | "ask", label)`` for an
    answer.

    ``kind`` with an empty ``field`` is about the whole item: ``added`` and
    ``removed`` carry the item mapping in ``new`` / ``old``. With a ``field``
    (dotted for nested mappings: ``demographics.age``): ``changed`` carries the
    old and new values (None when absent), ``added`` / ``removed`` one entry of
    a list field. ``renamed`` is a change of ``name``. ``moved`` has field
    ``position`` (1-based places in the old and new list) or, for a touchpoint
    that changed stage, ``stage`` (old and new stage ids).
    """

    kind: str
    item: str
    ids: tuple[str, ...] = ()
    field: str = ""
    old: Any = None
    new: Any = None


# --- comparing -----------------------------------------------------------------


def _same(a: Any, b: Any) -> bool:
    """Equal as journey data: 3, 3.0, "3" and True all differ; key order does not count."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a) and math.isnan(b):
        return True
    return bool(a == b)


def _keyed(value: Any) -> dict[str, tuple[int, dict[str, Any]]]:
    """Items of a list by id, with their index. Broken files still compare.

    An item without an id is keyed by its place, and a repeated id keeps both
    items under distinct keys rather than losing one.
    """
    out: dict[str, tuple[int, dict[str, Any]]] = {}
    for i, item in dicts(value):
        raw = item.get("id")
        key = raw if isinstance(raw, str) and raw else f"#{i + 1}"
        n = 1
        base = key
        while key in out:
            n += 1
            key = f"{base}#{n}"
        out[key] = (i, item)
    return out


def _lcs(a: Sequence[str], b: Sequence[str]) -> set[str]:
    """Members of a longest common subsequence: the items that kept their order."""
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if a[i] == b[j]:
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    kept: set[str] = set()
    i = j = 0
    while i < n and j < m:
        if a[i] == b[j]:
            kept.add(a[i])
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return kept


def _moved(old_order: list[str], new_order: list[str]) -> list[str]:
    """Ids present on both sides that changed place relative to the others.

    Only the common ids are compared, so an insertion or removal elsewhere does
    not make everything after it look moved.
    """
    common = set(old_order) & set(new_order)
    a = [k for k in old_order if k in common]
    b = [k for k in new_order if k in common]
    kept = _lcs(a, b)
    return [k for k in b if k not in kept]


def _is_scalar_list(value: Any) -> bool:
    return value is None or (
        isinstance(value, list) and not any(isinstance(x, (dict, list)) for x in value)
    )


T = TypeVar("T")


def _ratio(a: str, b: str) -> float:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    # quick_ratio is an upper bound: skip the expensive ratio for clear misses.
    if matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()


def _take_exact(
    olds: list[T], news: list[T], same: Callable[[T, T], bool]
) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """Pair each old entry with the first unpaired new one it equals (in order)."""
    pairs: list[tuple[T, T]] = []
    rest_new = list(news)
    rest_old: list[T] = []
    for o in olds:
        for j, n in enumerate(rest_new):
            if same(o, n):
                pairs.append((o, n))
                del rest_new[j]
                break
        else:
            rest_old.append(o)
    return pairs, rest_old, rest_new


def _take_similar(
    olds: list[T], news: list[T], key: Callable[[T], str]
) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """Pair the most similar texts first; what stays unpaired was added or removed."""
    scored = sorted(
        (
            (r, i, j)
            for i, o in enumerate(olds)
            for j, n in enumerate(news)
            if (r := _ratio(key(o), key(n))) >= SIMILAR
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    matched: list[tuple[int, int]] = []
    for _, i, j in scored:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            matched.append((i, j))
    matched.sort(key=lambda ij: ij[1])
    pairs = [(olds[i], news[j]) for i, j in matched]
    return (
        pairs,
        [o for i, o in enumerate(olds) if i not in used_old],
        [n for j, n in enumerate(news) if j not in used_new],
    )


def _list_changes(
    item: str, ids: tuple[str, ...], field: str, old: list[Any], new: list[Any]
) -> Iterator[Change]:
    _, removed, added = _take_exact(old, new, _same)
    if not removed and not added:
        if not _same(old, new):  # same entries, other order
            yield Change(CHANGED, item, ids, field, old, new)
        return
    old_texts = [x for x in removed if isinstance(x, str)]
    new_texts = [x for x in added if isinstance(x, str)]
    edited, _, _ = _take_similar(old_texts, new_texts, lambda s: s)
    for o, n in edited:
        yield Change(CHANGED, item, ids, field, o, n)
    edited_old = {id(o) for o, _ in edited}
    edited_new = {id(n) for _, n in edited}
    for x in removed:
        if not (isinstance(x, str) and id(x) in edited_old):
            yield Change(REMOVED, item, ids, field, old=x)
    for x in added:
        if not (isinstance(x, str) and id(x) in edited_new):
            yield Change(ADDED, item, ids, field, new=x)


def _fields(
    item: str,
    ids: tuple[str, ...],
    old: dict[str, Any],
    new: dict[str, Any],
    skip: frozenset[str] = frozenset(),
    prefix: str = "",
) -> Iterator[Change]:
    """Field-by-field changes of two mappings; nested mappings give dotted fields."""
    keys = list(old) + [k for k in new if k not in old]
    for key in keys:
        if key in skip:
            continue
        a, b = old.get(key), new.get(key)
        if _same(a, b):
            continue
        name = prefix + key
        if isinstance(a, (dict, type(None))) and isinstance(b, (dict, type(None))):
            yield from _fields(item, ids, as_dict(a), as_dict(b), prefix=name + ".")
        elif _is_scalar_list(a) and _is_scalar_list(b):
            yield from _list_changes(item, ids, name, a or [], b or [])
        else:
            yield Change(CHANGED, item, ids, name, a, b)


def _item_fields(
    item: str, ids: tuple[str, ...], old: dict[str, Any], new: dict[str, Any], skip: set[str]
) -> Iterator[Change]:
    """A rename first, then the other fields, so a reader sees the new name early."""
    if not _same(old.get("name"), new.get("name")):
        yield Change(RENAMED, item, ids, "name", old.get("name"), new.get("name"))
    yield from _fields(item, ids, old, new, frozenset(skip | {"id", "name"}))


# --- the journey ---------------------------------------------------------------


def diff_journeys(old: Any, new: Any) -> list[Change]:
    """Every change from ``old`` to ``new``, in reading order of the new journey."""
    old_j, new_j = as_dict(old), as_dict(new)
    changes: list[Change] = []
    changes.extend(
        _fields("journey", (), old_j, new_j, frozenset({"personas", "stages", "interviews"}))
    )
    changes.extend(_keyed_items("persona", old_j.get("personas"), new_j.get("personas")))
    changes.extend(_stages(old_j.get("stages"), new_j.get("stages")))
    changes.extend(_interviews(old_j.get("interviews"), new_j.get("interviews")))
    return changes


def _keyed_items(item: str, old_list: Any, new_list: Any) -> Iterator[Change]:
    old_items, new_items = _keyed(old_list), _keyed(new_list)
    for key in _moved(list(old_items), list(new_items)):
        yield Change(MOVED, item, (key,), "position", old_items[key][0] + 1, new_items[key][0] + 1)
    for key, (_, n) in new_items.items():
        if key not in old_items:
            yield Change(ADDED, item, (key,), new=n)
        else:
            yield from _item_fields(item, (key,), old_items[key][1], n, set())
    for key, (_, o) in old_items.items():
        if key not in new_items:
            yield Change(REMOVED, item, (key,), old=o)


_Where = tuple[str, int, dict[str, Any]]  # stage key, index in the stage, the touchpoint


def _touchpoint_index(stages: dict[str, tuple[int, dict[str, Any]]]) -> dict[str, _Where]:
    """Touchpoints by id across all stages: the format makes them unique journey-wide."""
    out: dict[str, _Where] = {}
    for skey, (_, stage) in stages.items():
        for tkey, (ti, tp) in _keyed(stage.get("touchpoints")).items():
            # A repeated id in a broken file: the first occurrence is the touchpoint.
            out.setdefault(tkey, (skey, ti, tp))
    return out


def _stages(old_list: Any, new_list: Any) -> Iterator[Change]:
    old_st, new_st = _keyed(old_list), _keyed(new_list)
    old_tp, new_tp = _touchpoint_index(old_st), _touchpoint_index(new_st)
    moved_stages = set(_moved(list(old_st), list(new_st)))
    for skey, (si, stage) in new_st.items():
        if skey not in old_st:
            yield Change(ADDED, "stage", (skey,), new=stage)
            yield from _stage_touchpoints(skey, old_tp, new_tp)
            continue
        oi, old_stage = old_st[skey]
        if skey in moved_stages:
            yield Change(MOVED, "stage", (skey,), "position", oi + 1, si + 1)
        yield from _item_fields(
            "stage", (skey,), old_stage, stage, {"customer_questions", "touchpoints", "messaging"}
        )
        yield from _questions(skey, old_stage, stage)
        yield from _stage_touchpoints(skey, old_tp, new_tp)
        old_msg, new_msg = old_stage.get("messaging"), stage.get("messaging")
        if isinstance(old_msg, (dict, type(None))) and isinstance(new_msg, (dict, type(None))):
            yield from _fields("messaging", (skey,), as_dict(old_msg), as_dict(new_msg))
        elif not _same(old_msg, new_msg):
            yield Change(CHANGED, "stage", (skey,), "messaging", old_msg, new_msg)
    for skey, (_, stage) in old_st.items():
        if skey not in new_st:
            yield Change(REMOVED, "stage", (skey,), old=stage)
            yield from _stage_touchpoints(skey, old_tp, new_tp)


def _stage_touchpoints(
    skey: str, old_tp: dict[str, _Where], new_tp: dict[str, _Where]
) -> Iterator[Change]:
    """Touchpoints that are in stage ``skey`` now, or were there and are gone."""
    here_new = sorted((ti, tkey) for tkey, (s, ti, _) in new_tp.items() if s == skey)
    here_old = sorted((ti, tkey) for tkey, (s, ti, _) in old_tp.items() if s == skey)
    # Order within the stage only counts among touchpoints that were here before too.
    stayed_old = [k for _, k in here_old if k in new_tp and new_tp[k][0] == skey]
    stayed_new = [k for _, k in here_new if k in old_tp and old_tp[k][0] == skey]
    reordered = set(_moved(stayed_old, stayed_new))
    for ti, tkey in here_new:
        ids = (skey, tkey)
        tp = new_tp[tkey][2]
        if tkey not in old_tp:
            yield Change(ADDED, "touchpoint", ids, new=tp)
            continue
        from_stage, oi, old_item = old_tp[tkey]
        if from_stage != skey:
            yield Change(MOVED, "touchpoint", ids, "stage", from_stage, skey)
        elif tkey in reordered:
            yield Change(MOVED, "touchpoint", ids, "position", oi + 1, ti + 1)
        yield from _item_fields("touchpoint", ids, old_item, tp, set())
    for _, tkey in here_old:
        if tkey not in new_tp:
            yield Change(REMOVED, "touchpoint", (skey, tkey), old=old_tp[tkey][2])


def _in_order(
    pairs: list[tuple[T, T]], added: list[T], all_new: list[T]
) -> list[tuple[T | None, T]]:
    """Edited and added entries together, in the order of the new list."""
    place = {id(n): i for i, n in enumerate(all_new)}
    both: list[tuple[T | None, T]] = [*pairs, *((None, n) for n in added)]
    return sorted(both, key=lambda on: place[id(on[1])])


def _question_text(q: dict[str, Any]) -> str:
    return text(q.get("text"))


def _questions(skey: str, old_stage: dict[str, Any], stage: dict[str, Any]) -> Iterator[Change]:
    olds = [q for _, q in dicts(old_stage.get("customer_questions"))]
    news = all_new = [q for _, q in dicts(stage.get("customer_questions"))]
    _, olds, news = _take_exact(olds, news, _same)
    same_text, olds, news = _take_exact(
        olds, news, lambda a, b: _question_text(a) == _question_text(b)
    )
    similar, olds, news = _take_similar(olds, news, _question_text)
    # In the order of the new list: a reader walks the stage as it is now.
    for o, n in _in_order(same_text + similar, news, all_new):
        if o is None:
            yield Change(ADDED, "question", (skey, _question_text(n)), new=n)
        else:
            yield from _fields("question", (skey, _question_text(n)), o, n)
    for o in olds:
        yield Change(REMOVED, "question", (skey, _question_text(o)), old=o)


def _interviews(old_list: Any, new_list: Any) -> Iterator[Change]:
    old_items, new_items = _keyed(old_list), _keyed(new_list)
    for key, (_, n) in new_items.items():
        if key not in old_items:
            yield Change(ADDED, "interview", (key,), new=n)
            continue
        o = old_items[key][1]
        yield from _fields("interview", (key,), o, n, frozenset({"id", "answers"}))
        yield from _answers(key, o, n)
    for key, (_, o) in old_items.items():
        if key not in new_items:
            yield Change(REMOVED, "interview", (key,), old=o)


def answer_ids(interview_id: str, answer: dict[str, Any]) -> tuple[str, str, str]:
    """How an answer is named: by its question-bank id, or by its own question."""
    question = answer.get("question")
    if isinstance(question, str) and question:
        return (interview_id, "question", question)
    return (interview_id, "ask", text(answer.get("ask")))


def _answer_key(a: dict[str, Any]) -> str:
    return f"{text(a.get('question'))}\n{text(a.get('ask'))}\n{text(a.get('text'))}"


def _answers(key: str, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    olds = [a for _, a in dicts(old.get("answers"))]
    news = all_new = [a for _, a in dicts(new.get("answers"))]
    _, olds, news = _take_exact(olds, news, _same)
    same_q, olds, news = _take_exact(
        olds, news, lambda a, b: answer_ids("", a) == answer_ids("", b)
    )
    similar, olds, news = _take_similar(olds, news, _answer_key)
    for o, n in _in_order(same_q + similar, news, all_new):
        if o is None:
            yield Change(ADDED, "answer", answer_ids(key, n), new=n)
        else:
            yield from _fields("answer", answer_ids(key, n), o, n)
    for o in olds:
        yield Change(REMOVED, "answer", answer_ids(key, o), old=o)


def _state(journey: Any) -> str:
    state = as_dict(journey).get("state")
    # A journey that does not say is the current state: future ones must say so.
    return state if state in ("current", "future") else "current"


# --- words ---------------------------------------------------------------------

# The words are in the catalog (``i18n/tables/diff.py``: diff.item.*, diff.field.*,
# diff.word.*, diff.group.*); a field key not listed there (typo, x-*) is shown as is.

# The Markdown groups, in the order they are listed.
_GROUPS = ("journey", "persona", "stage", "touchpoint", "question", "messaging", "interview")

_SIGN = {ADDED: "+", REMOVED: "-", RENAMED: "~", CHANGED: "~", MOVED: ">"}


def state_heading(old: Any, new: Any, lang: str = "en") -> str | None:
    """The heading for a current/future pair, or None for two versions of one state."""
    old_state, new_state = _state(old), _state(new)
    if old_state == new_state:
        return None
    key = "future_vs_current" if new_state == "future" else "current_vs_future"
    return _words(lang, key)


def _words(lang: str, key: str) -> str:
    return t(lang, f"diff.word.{key}")


def _field_label(field: str, lang: str) -> str:
    return " ".join(_field_word(part, lang) for part in field.split("."))


def _field_word(part: str, lang: str) -> str:
    key = f"diff.field.{part}"
    return t(lang, key) if known(key) else part


def _item(name: str, lang: str) -> str:
    return t(lang, f"diff.item.{name}")


# --- describing one change as tokens (shared by the text and Markdown renderers) --

# A line is built from tokens so that each renderer can quote user text its own way:
# ("w", our wording), ("id", an id), ("v", a user value), ("pair", (old, new)),
# (":", None) for a colon glued to the previous token.
_Token = tuple[str, Any]


def _word(s: str) -> _Token:
    return ("w", s)


def _subject(c: Change, lang: str) -> list[_Token]:
    if c.item == "journey":
        return [_word(_item("journey", lang))]
    if c.item in ("messaging", "question"):
        return [_word(_item("stage", lang)), ("id", c.ids[0])]
    if c.item == "answer":
        return [_word(_item("interview", lang)), ("id", c.ids[0])]
    return [_word(_item(c.item, lang)), ("id", c.ids[-1])]


def _context(c: Change, lang: str) -> list[_Token]:
    """What follows ``subject:`` for items inside another item (messaging, questions, answers)."""
    if c.item == "messaging":
        return [_word(_item("messaging", lang))]
    if c.item == "question":
        return [_word(_item("question", lang)), ("v", c.ids[1])]
    if c.item == "answer":
        _, how, label = c.ids
        return [_word(_item("answer", lang)), ("id", label) if how == "question" else ("v", label)]
    return []


def _item_summary(c: Change, lang: str, item: Any) -> list[_Token]:
    """The rest of an added/removed line: the item's name and where it is."""
    data = as_dict(item)
    if c.item in ("persona", "stage", "touchpoint"):
        out: list[_Token] = [("v", data["name"])] if "name" in data else []
        if c.item == "touchpoint":
            out += [_word(_words(lang, "in")), ("id", c.ids[0])]
        return out
    if c.item == "interview":
        out = [("v", data["respondent"])] if "respondent" in data else []
        n = sum(1 for _ in dicts(data.get("answers")))
        if n:
            out.append(_word(t(lang, "diff.answers", n=n)))
        return out
    if c.item == "answer":
        return [("v", data.get("text"))]
    return []


def _emotion_trend(c: Change, lang: str) -> list[_Token]:
    a, b = c.old, c.new
    if c.field != "emotion" or type(a) is not int or type(b) is not int or a == b:
        return []
    return [_word(_words(lang, "better" if b > a else "worse"))]


def _describe(c: Change, lang: str) -> list[_Token]:
    subject = _subject(c, lang)
    context = _context(c, lang)
    if c.kind == MOVED:
        if c.field == "stage":
            return [
                *subject,
                _word(_words(lang, "moved_from")),
                ("id", c.old),
                _word(_words(lang, "to")),
                ("id", c.new),
            ]
        out = [*subject, _word(_words(lang, "moved_from_position")), _word(str(c.old))]
        out += [_word(_words(lang, "to")), _word(str(c.new))]
        if c.item == "touchpoint":
            out += [_word(_words(lang, "in")), ("id", c.ids[0])]
        return out
    if not c.field:  # a whole item added or removed
        item = c.new if c.kind == ADDED else c.old
        if context:
            return [*subject, (":", None), *context, *_item_summary(c, lang, item)]
        return [*subject, *_item_summary(c, lang, item)]
    head = [*subject, (":", None)]
    if c.item == "question" and c.field == "text" and c.kind == CHANGED:
        return [*head, _word(_item("question", lang)), ("pair", (c.old, c.new))]
    if context:
        head += context
        if c.item != "messaging":
            head.append((":", None))
    label = _word(_field_label(c.field, lang))
    if c.kind in (CHANGED, RENAMED):
        return [*head, label, ("pair", (c.old, c.new)), *_emotion_trend(c, lang)]
    return [*head, label, ("v", c.new if c.kind == ADDED else c.old)]


# --- values --------------------------------------------------------------------


def _shorten(s: str, limit: int) -> str:
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _shorten_pair(a: str, b: str, limit: int) -> tuple[str, str]:
    """Two long texts cut down to where they differ, with a little context."""
    if len(a) <= limit and len(b) <= limit:
        return a, b
    pre = 0
    while pre < min(len(a), len(b)) and a[pre] == b[pre]:
        pre += 1
    suf = 0
    while suf < min(len(a), len(b)) - pre and a[-1 - suf] == b[-1 - suf]:
        suf += 1
    ctx = 15
    start = max(0, pre - ctx)

    def cut(s: str) -> str:
        end = min(len(s), len(s) - suf + ctx)
        piece = s[start:end]
        return ("…" if start else "") + _shorten(piece, limit) + ("…" if end < len(s) else "")

    return cut(a), cut(b)


def _plain(value: Any, lang: str, limit: int) -> str:
    """A value as one line: strings quoted (escapes for line breaks), numbers bare."""
    if value is None:
        return _words(lang, "none")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return json.dumps(_shorten(value, limit), ensure_ascii=False)
    return _shorten(json.dumps(value, ensure_ascii=False, default=str), limit)


def _plain_pair(a: Any, b: Any, lang: str, limit: int) -> tuple[str, str]:
    if isinstance(a, str) and isinstance(b, str):
        a, b = _shorten_pair(a, b, limit)
        return json.dumps(a, ensure_ascii=False), json.dumps(b, ensure_ascii=False)
    return _plain(a, lang, limit), _plain(b, lang, limit)


_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")

TEXT_LIMIT = 60
MARKDOWN_LIMIT = 120


def _join(parts: list[tuple[str, bool]]) -> str:
    """Join rendered tokens with spaces; glued ones (colons) attach to the left."""
    out = ""
    for s, glue in parts:
        if not s:
            continue
        out += s if (glue or not out) else " " + s
    return out


# --- plain text ------------------------------------------------------------------

_COLORS = {"+": "32", "-": "31", "~": "33", ">": "36"}


def _text_line(c: Change, lang: str) -> str:
    parts: list[tuple[str, bool]] = []
    for tag, value in _describe(c, lang):
        if tag == ":":
            parts.append((":", True))
        elif tag == "w":
            parts.append((value, False))
        elif tag == "id":
            # Ids from a broken file may hold anything, line breaks included.
            slug = isinstance(value, str) and _SLUG.match(value)
            parts.append((value if slug else _plain(value, lang, 40), False))
        elif tag == "v":
            parts.append((_plain(value, lang, TEXT_LIMIT), False))
        else:
            a, b = _plain_pair(value[0], value[1], lang, TEXT_LIMIT)
            parts.append((f"{a} -> {b}", False))
    return f"{_SIGN[c.kind]} {_join(parts)}"


def render_text(
    changes: Sequence[Change], lang: str = "en", color: bool = False, heading: str | None = None
) -> str:
    """One line per change, git-style signs: + added, - removed, ~ changed, > moved."""
    lines: list[str] = []
    if heading:
        lines.append(f"\x1b[1m{heading}\x1b[0m" if color else heading)
    if not changes:
        lines.append(_words(lang, "no_changes"))
    for c in changes:
        line = _text_line(c, lang)
        if color:
            line = f"\x1b[{_COLORS[_SIGN[c.kind]]}m{line}\x1b[0m"
        lines.append(line)
    return "\n".join(lines) + "\n"


# --- Markdown --------------------------------------------------------------------

# Everything Markdown, GitHub's extensions (strikethrough, tables, math, autolinks
# of "www." and "https:") or HTML could read as markup; a backslash makes
# CommonMark print any of them as is.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-!|~&$.:])")


def _md_escape(s: str) -> str:
    s = _MD_SPECIAL.sub(r"\\\1", s)
    # A zero-width space after @ keeps a pasted "@team" from notifying people.
    return s.replace("@", "@\u200b")


def _md_token(tag: str, value: Any, lang: str) -> tuple[str, bool]:
    if tag == ":":
        return ":", True
    if tag == "w":
        return _md_escape(value), False
    if tag == "id":
        if isinstance(value, str) and _SLUG.match(value):
            return f"`{value}`", False
        return _md_escape(_plain(value, lang, 40)), False
    if tag == "v":
        return _md_escape(_plain(value, lang, MARKDOWN_LIMIT)), False
    a, b = _plain_pair(value[0], value[1], lang, MARKDOWN_LIMIT)
    return f"{_md_escape(a)} → {_md_escape(b)}", False


def _group(c: Change) -> str:
    return "interview" if c.item == "answer" else c.item


def render_markdown(changes: Sequence[Change], lang: str = "en", heading: str | None = None) -> str:
    """A pull-request comment: a heading, then one bullet list per kind of item."""
    out = [f"### {_md_escape(heading or _words(lang, 'heading'))}", ""]
    if not changes:
        out += [f"_{_words(lang, 'no_changes')}_", ""]
        return "\n".join(out)
    for group in _GROUPS:
        title = t(lang, f"diff.group.{group}")
        members = [c for c in changes if _group(c) == group]
        if not members:
            continue
        out += [f"**{title}**", ""]
        for c in members:
            line = _join([_md_token(tag, value, lang) for tag, value in _describe(c, lang)])
            out.append(f"- `{_SIGN[c.kind]}` {line}")
        out.append("")
    return "\n".join(out)
