"""Interview answers as evidence: coverage, quotes, per-question synthesis, tags.

Pure functions over the parsed journey (data in, results out); every read goes
through ``access`` so a broken file gives what it can instead of crashing.

Rules, shared by the map, the coverage and synthesis views and ``kunderejse report``:

- An answer *backs* the stages and touchpoints it names. Naming a touchpoint also
  backs that touchpoint's stage; an answer that names both counts once.
- An answer with no text backs nothing: it is a question not answered yet (the
  interview screen creates the answer before the first keystroke).
- A reference to a stage or touchpoint that does not exist backs nothing; it is
  listed in ``Coverage.unknown`` (``kunderejse validate`` reports it as well).
  When a broken file repeats an id, the first item with it gets the evidence.
- Interviews without consent (``consent`` not literally ``true``) are real
  evidence, so they count by default here and in the app. They are only kept out
  of documents for others (exports, the report), which pass
  ``include_unconsented=False``. Consent and anonymous names follow the exports
  exactly (``export.select``), so a client sees the same "Kunde A" rules.
- A persona filter keeps the interviews of that persona and those that name no
  persona, like the exports do.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kunderejse_tui.journey import access
from kunderejse_tui.journey.access import as_dict, text, texts
from kunderejse_tui.journey.export.escape import one_line
from kunderejse_tui.journey.export.select import Anonymiser, has_consent, respondent_key
from kunderejse_tui.journey.paths import KeyPath
from kunderejse_tui.journey.wording import QUESTION_IDS, question_text

# ---------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class TouchpointCoverage:
    id: str
    name: str  # the name, else the id; may be "" in a broken file
    stage_index: int
    path: KeyPath  # ("stages", i, "touchpoints", j)
    answers: tuple[KeyPath, ...]  # the answers naming it, in file order

    @property
    def count(self) -> int:
        return len(self.answers)

    @property
    def observed(self) -> bool:
        return bool(self.answers)


@dataclass(frozen=True)
class StageCoverage:
    id: str
    name: str  # the name, else the id; may be "" in a broken file
    index: int  # position among the stages that are mappings (0-based)
    path: KeyPath  # ("stages", i)
    answers: tuple[KeyPath, ...]  # each backing answer once, in file order
    touchpoints: tuple[TouchpointCoverage, ...]

    @property
    def count(self) -> int:
        return len(self.answers)

    @property
    def observed(self) -> bool:
        return bool(self.answers)

    @property
    def observed_touchpoints(self) -> list[TouchpointCoverage]:
        return [t for t in self.touchpoints if t.observed]

    @property
    def assumed_touchpoints(self) -> list[TouchpointCoverage]:
        return [t for t in self.touchpoints if not t.observed]


@dataclass(frozen=True)
class Coverage:
    stages: tuple[StageCoverage, ...]
    interviews: int  # interviews counted (with or without answers)
    answers: int  # answers with text counted
    unconsented: int  # counted interviews without consent
    left_out: int  # interviews without consent not counted (include_unconsented=False)
    unlinked: tuple[KeyPath, ...]  # counted answers that back nothing
    unknown: tuple[tuple[KeyPath, str], ...]  # (path of the reference, the id named)

    def stage(self, stage_id: str) -> StageCoverage | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    def touchpoint(self, touchpoint_id: str) -> TouchpointCoverage | None:
        return next((t for t in self.touchpoints if t.id == touchpoint_id), None)

    @property
    def touchpoints(self) -> list[TouchpointCoverage]:
        return [t for s in self.stages for t in s.touchpoints]

    @property
    def assumed_stages(self) -> list[StageCoverage]:
        return [s for s in self.stages if not s.observed]

    @property
    def assumed_touchpoints(self) -> list[TouchpointCoverage]:
        return [t for t in self.touchpoints if not t.observed]


@dataclass(frozen=True)
class Quote:
    text: str  # the answer, stripped of surrounding blank space
    question_id: str  # the bank id; "" for a custom question (`ask`)
    question: str  # the bank wording in the language asked for, or the `ask` text
    interview_id: str
    respondent: str  # as written; the stand-in ("Kunde A") when anonymised
    date: str
    persona: str  # persona id of the interview, "" if none
    consent: bool
    tags: tuple[str, ...]
    stages: tuple[str, ...]  # stage ids as the answer names them
    touchpoints: tuple[str, ...]  # touchpoint ids as the answer names them
    path: KeyPath  # ("interviews", i, "answers", j): where to jump in the file

    @property
    def interview_index(self) -> int:
        index = self.path[1]
        assert isinstance(index, int)
        return index

    @property
    def who(self) -> str:
        """Who said it, for display: the respondent, else the interview id."""
        return self.respondent or self.interview_id


@dataclass(frozen=True)
class QuestionSynthesis:
    question_id: str  # the bank id; "" for a custom question
    question: str
    answers: tuple[Quote, ...]

    @property
    def custom(self) -> bool:
        return not self.question_id


@dataclass(frozen=True)
class TagCount:
    tag: str
    count: int  # answers carrying the tag
    interviews: tuple[str, ...]  # ids of the interviews it occurs in, in file order
    answers: tuple[KeyPath, ...]

    @property
    def interview_indices(self) -> tuple[int, ...]:
        seen: list[int] = []
        for path in self.answers:
            index = path[1]
            if isinstance(index, int) and index not in seen:
                seen.append(index)
        return tuple(seen)


# ---------------------------------------------------------------------------
# Walking the answers


@dataclass(frozen=True)
class _Answer:
    interview_index: int
    answer_index: int
    interview: dict[str, Any]
    answer: dict[str, Any]
    consent: bool

    @property
    def path(self) -> KeyPath:
        return ("interviews", self.interview_index, "answers", self.answer_index)


def _answers(
    journey: Any, *, include_unconsented: bool, persona: str | None = None
) -> Iterator[_Answer]:
    """Answers with text, in file order (interview, then answer)."""
    for i, interview in access.dicts(as_dict(journey).get("interviews")):
        if not _persona_matches(interview, persona):
            continue
        consent = has_consent(interview)
        if not consent and not include_unconsented:
            continue
        for j, answer in access.dicts(interview.get("answers")):
            if text(answer.get("text")).strip():
                yield _Answer(i, j, interview, answer, consent)


def _persona_matches(interview: dict[str, Any], persona: str | None) -> bool:
    owner = text(interview.get("persona"))
    return persona is None or not owner or owner == persona


def _tags(answer: dict[str, Any]) -> tuple[str, ...]:
    out: list[str] = []
    for tag in texts(answer.get("tags")):
        tag = tag.strip()
        if tag and tag not in out:
            out.append(tag)
    return tuple(out)


def _question(answer: dict[str, Any], lang: str) -> tuple[str, str]:
    """(bank id or "", wording). Same precedence as the export: `question` wins."""
    qid = text(answer.get("question")).strip()
    if qid:
        wording = question_text(qid, lang)
        if wording is not None:
            return qid, wording
        # An id the bank does not know (a typo) is shown as typed, as a custom question.
        return "", qid
    return "", one_line(text(answer.get("ask")))


def _lang(journey: Any, lang: str | None) -> str:
    return lang if lang in ("da", "en") else access.language(journey)


def _quote(a: _Answer, lang: str) -> Quote:
    qid, wording = _question(a.answer, lang)
    return Quote(
        text=text(a.answer.get("text")).strip(),
        question_id=qid,
        question=wording,
        interview_id=text(a.interview.get("id")).strip(),
        respondent=text(a.interview.get("respondent")).strip(),
        date=text(a.interview.get("date")).strip(),
        persona=text(a.interview.get("persona")).strip(),
        consent=a.consent,
        tags=_tags(a.answer),
        stages=tuple(texts(a.answer.get("stages"))),
        touchpoints=tuple(texts(a.answer.get("touchpoints"))),
        path=a.path,
    )


class _Index:
    """Where stage and touchpoint ids live; the first item wins on a repeated id."""

    def __init__(self, journey: Any) -> None:
        self.stages: list[tuple[int, dict[str, Any]]] = list(
            access.dicts(as_dict(journey).get("stages"))
        )
        self.stage_by_id: dict[str, int] = {}  # id -> position in self.stages
        self.tp_by_id: dict[str, tuple[int, int]] = {}  # id -> (stage pos, raw tp index)
        for pos, (_, stage) in enumerate(self.stages):
            sid = text(stage.get("id"))
            if sid:
                self.stage_by_id.setdefault(sid, pos)
            for t, tp in access.dicts(stage.get("touchpoints")):
                tid = text(tp.get("id"))
                if tid:
                    self.tp_by_id.setdefault(tid, (pos, t))

    def backed(
        self, a: _Answer, unknown: list[tuple[KeyPath, str]] | None = None
    ) -> tuple[list[int], list[tuple[int, int]]]:
        """The stage positions and touchpoints an answer backs, each once."""
        stage_positions: list[int] = []
        tps: list[tuple[int, int]] = []
        for k, sid in _refs(a.answer.get("stages")):
            pos = self.stage_by_id.get(sid)
            if pos is None:
                if unknown is not None:
                    unknown.append(((*a.path, "stages", k), sid))
            elif pos not in stage_positions:
                stage_positions.append(pos)
        for k, tid in _refs(a.answer.get("touchpoints")):
            where = self.tp_by_id.get(tid)
            if where is None:
                if unknown is not None:
                    unknown.append(((*a.path, "touchpoints", k), tid))
                continue
            if where not in tps:
                tps.append(where)
            if where[0] not in stage_positions:
                stage_positions.append(where[0])
        return stage_positions, tps


def _refs(value: Any) -> Iterator[tuple[int, str]]:
    """(index, id) of a list of ids; a lone string is a one-item list, as in ``texts``."""
    if isinstance(value, str):
        if value:
            yield 0, value
        return
    for k, item in enumerate(access.as_list(value)):
        ref = text(item)
        if ref:
            yield k, ref


# ---------------------------------------------------------------------------
# Coverage and quotes


def coverage(journey: Any, *, include_unconsented: bool = True) -> Coverage:
    """For each stage and touchpoint, the answers that back it (see the module rules)."""
    index = _Index(journey)
    stage_answers: dict[int, list[KeyPath]] = {}
    tp_answers: dict[tuple[int, int], list[KeyPath]] = {}
    unlinked: list[KeyPath] = []
    unknown: list[tuple[KeyPath, str]] = []
    answers = 0
    for a in _answers(journey, include_unconsented=include_unconsented):
        answers += 1
        stage_positions, tps = index.backed(a, unknown)
        for pos in stage_positions:
            stage_answers.setdefault(pos, []).append(a.path)
        for where in tps:
            tp_answers.setdefault(where, []).append(a.path)
        if not stage_positions:
            unlinked.append(a.path)

    stages: list[StageCoverage] = []
    for pos, (raw, stage) in enumerate(index.stages):
        tps_cov = tuple(
            TouchpointCoverage(
                id=text(tp.get("id")),
                name=_name(tp),
                stage_index=pos,
                path=("stages", raw, "touchpoints", t),
                answers=tuple(tp_answers.get((pos, t), [])),
            )
            for t, tp in access.dicts(stage.get("touchpoints"))
        )
        stages.append(
            StageCoverage(
                id=text(stage.get("id")),
                name=_name(stage),
                index=pos,
                path=("stages", raw),
                answers=tuple(stage_answers.get(pos, [])),
                touchpoints=tps_cov,
            )
        )

    included = left_out = unconsented = 0
    for _, interview in access.dicts(as_dict(journey).get("interviews")):
        if has_consent(interview):
            included += 1
        elif include_unconsented:
            included += 1
            unconsented += 1
        else:
            left_out += 1
    return Coverage(
        stages=tuple(stages),
        interviews=included,
        answers=answers,
        unconsented=unconsented,
        left_out=left_out,
        unlinked=tuple(unlinked),
        unknown=tuple(unknown),
    )


def _name(item: dict[str, Any]) -> str:
    return one_line(text(item.get("name"))) or text(item.get("id")).strip()


def quotes_for(
    journey: Any,
    stage_id: str | None = None,
    touchpoint_id: str | None = None,
    *,
    lang: str | None = None,
    include_unconsented: bool = True,
) -> list[Quote]:
    """The answers backing a stage and/or a touchpoint, in file order.

    With neither id: every answer with text. With both: the answers that back the
    stage and name the touchpoint. An id that does not exist gives no quotes.
    """
    lang = _lang(journey, lang)
    index = _Index(journey)
    stage_pos = index.stage_by_id.get(stage_id) if stage_id is not None else None
    tp_where = index.tp_by_id.get(touchpoint_id) if touchpoint_id is not None else None
    if (stage_id is not None and stage_pos is None) or (
        touchpoint_id is not None and tp_where is None
    ):
        return []
    out: list[Quote] = []
    for a in _answers(journey, include_unconsented=include_unconsented):
        stage_positions, tps = index.backed(a)
        if stage_pos is not None and stage_pos not in stage_positions:
            continue
        if tp_where is not None and tp_where not in tps:
            continue
        out.append(_quote(a, lang))
    return out


# ---------------------------------------------------------------------------
# Synthesis and tags


def synthesis(
    journey: Any,
    lang: str | None = None,
    *,
    persona: str | None = None,
    tag: str | None = None,
    include_unconsented: bool = True,
    anonymise: bool = False,
) -> list[QuestionSynthesis]:
    """All answers per question, side by side.

    The eight bank questions come first, in bank order and always (an empty one
    tells the team what nobody has been asked yet); then custom questions, grouped
    by their text (whitespace collapsed), in order of first appearance. Answers are
    in file order. ``anonymise`` replaces respondents by "Kunde A", "Kunde B"...
    lettered in order of first appearance in this result.
    """
    lang = _lang(journey, lang)
    wanted = tag.strip() if tag is not None else None
    bank: dict[str, list[Quote]] = {qid: [] for qid in QUESTION_IDS}
    custom: dict[str, list[Quote]] = {}
    interviews: dict[int, dict[str, Any]] = {}
    for a in _answers(journey, include_unconsented=include_unconsented, persona=persona):
        quote = _quote(a, lang)
        if wanted is not None and wanted not in quote.tags:
            continue
        interviews[a.interview_index] = a.interview
        if quote.question_id:
            bank[quote.question_id].append(quote)
        else:
            custom.setdefault(quote.question, []).append(quote)

    result = [
        QuestionSynthesis(qid, question_text(qid, lang) or qid, tuple(quotes))
        for qid, quotes in bank.items()
    ]
    result += [QuestionSynthesis("", q, tuple(quotes)) for q, quotes in custom.items()]
    if not anonymise:
        return result

    anon = Anonymiser(lang)
    names: dict[int, str] = {}
    for qs in result:
        for quote in qs.answers:
            i = quote.interview_index
            if i not in names:
                names[i] = anon.name(respondent_key(interviews[i], i))
    return [
        QuestionSynthesis(
            qs.question_id,
            qs.question,
            tuple(_renamed(q, names[q.interview_index]) for q in qs.answers),
        )
        for qs in result
    ]


def _renamed(quote: Quote, name: str) -> Quote:
    return Quote(**{**quote.__dict__, "respondent": name})


def tag_overview(journey: Any, *, include_unconsented: bool = True) -> list[TagCount]:
    """Each tag with the number of answers carrying it and the interviews it occurs in;
    most used first, then alphabetically (case-insensitive, æ ø å last)."""
    answers: dict[str, list[KeyPath]] = {}
    interviews: dict[str, dict[int, str]] = {}
    for a in _answers(journey, include_unconsented=include_unconsented):
        for tag in _tags(a.answer):
            answers.setdefault(tag, []).append(a.path)
            ident = text(a.interview.get("id")).strip() or f"#{a.interview_index + 1}"
            interviews.setdefault(tag, {}).setdefault(a.interview_index, ident)
    counts = [
        TagCount(tag, len(paths), tuple(interviews[tag].values()), tuple(paths))
        for tag, paths in answers.items()
    ]
    counts.sort(key=lambda c: (-c.count, _collation_key(c.tag), c.tag))
    return counts


# Code point order puts å before æ and ø; the Danish alphabet ends æ, ø, å. Private-use
# code points sort after every letter a tag can hold.
_DANISH_LAST = str.maketrans({"æ": "\U000f0000", "ø": "\U000f0001", "å": "\U000f0002"})


def _collation_key(s: str) -> str:
    return s.casefold().translate(_DANISH_LAST)
