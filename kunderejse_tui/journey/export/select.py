"""What an export shows: the persona filter, the interview evidence, anonymised names.

All exports go through these views so that ``--persona``, consent and anonymising
mean the same in the Markdown document and in both diagrams. Every read is
defensive (``access``): a broken file exports what it can instead of crashing.
"""

from __future__ import annotations

from kunderejse_tui.journey import access
from kunderejse_tui.journey.access import as_dict, text, texts
from kunderejse_tui.journey.export.escape import one_line
from kunderejse_tui.journey.export.labels import label, question_label, respondent_letter

# typing is imported by the type checker only: a command starts faster without it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class UnknownPersonaError(ValueError):
    """``persona`` names no persona of the journey; ``known`` lists the ids that exist."""

    def __init__(self, persona: str, known: list[str]) -> None:
        self.persona = persona
        self.known = known
        listed = ", ".join(known) if known else "none"
        super().__init__(f"unknown persona {persona!r} (known: {listed})")


def export_lang(journey: Any, lang: str | None) -> str:
    if lang in ("da", "en"):
        return lang
    return access.language(journey)


def persona_ids(journey: Any) -> list[str]:
    return [pid for p in access.personas(journey) if (pid := text(p.get("id")))]


def check_persona(journey: Any, persona: str | None) -> None:
    if persona is not None and persona not in persona_ids(journey):
        raise UnknownPersonaError(persona, persona_ids(journey))


def _shown(value: Any) -> str:
    """The text, stripped, or '' when nothing of it would be visible (blank, controls)."""
    raw = text(value)
    return raw.strip() if one_line(raw) else ""


def persona_name(p: dict[str, Any], index: int) -> str:
    return _shown(p.get("name")) or _shown(p.get("id")) or f"Persona {index + 1}"


def persona_names(journey: Any) -> dict[str, str]:
    """id -> display name; the first persona wins when a broken file repeats an id."""
    names: dict[str, str] = {}
    for i, p in enumerate(access.personas(journey)):
        pid = text(p.get("id"))
        if pid and pid not in names:
            names[pid] = persona_name(p, i)
    return names


def visible_personas(journey: Any, persona: str | None) -> list[dict[str, Any]]:
    return [p for p in access.personas(journey) if persona is None or text(p.get("id")) == persona]


def meets(touchpoint: dict[str, Any], persona: str | None) -> bool:
    """A touchpoint naming no personas is met by all of them."""
    named = texts(touchpoint.get("personas"))
    return persona is None or not named or persona in named


def visible_touchpoints(stage: Any, persona: str | None) -> list[dict[str, Any]]:
    return [t for t in access.touchpoints(stage) if meets(t, persona)]


def visible_questions(stage: Any, persona: str | None) -> list[dict[str, Any]]:
    out = []
    for _, q in access.dicts(as_dict(stage).get("customer_questions")):
        owner = text(q.get("persona"))
        if persona is None or not owner or owner == persona:
            out.append(q)
    return out


def stage_name(stage: dict[str, Any], index: int, lang: str) -> str:
    name = _shown(stage.get("name")) or _shown(stage.get("id"))
    return name or f"{label('stage', lang)} {index + 1}"


def touchpoint_name(tp: dict[str, Any]) -> str:
    return _shown(tp.get("name")) or _shown(tp.get("id")) or "?"


def actor_names(tp: dict[str, Any], journey: Any, persona: str | None) -> list[str]:
    """The personas who meet a touchpoint, by name; an unknown id is shown as written."""
    names = persona_names(journey)
    if persona is not None:
        return [names.get(persona, persona)]
    named = texts(tp.get("personas"))
    ids = named or list(names)
    out: list[str] = []
    for pid in ids:
        name = names.get(pid, pid)
        if name not in out:
            out.append(name)
    return out


class Quote:
    # Mutable (anonymising renames ``who`` afterwards), so a plain class.
    __slots__ = ("consent", "date", "persona", "question", "text", "touchpoints", "who")

    def __init__(
        self,
        text: str,
        who: str,
        date: str,
        question: str,
        touchpoints: list[str],
        consent: bool,
        persona: str = "",
    ) -> None:
        self.text = text
        self.who = who
        self.date = date
        self.question = question
        self.touchpoints = touchpoints
        self.consent = consent
        self.persona = persona  # the interview's persona id ("" when it names none)


class Evidence:
    # A plain class, not a dataclass: importing dataclasses costs every export ~10 ms.
    def __init__(self) -> None:
        self.by_stage: dict[int, list[Quote]] = {}
        self.unlinked: list[Quote] = []
        self.left_out = 0  # interviews without consent that were not shown


class Anonymiser:
    """Stable stand-in names, lettered in the order respondents first appear."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._names: dict[str, str] = {}

    def name(self, key: str) -> str:
        if key not in self._names:
            letter = respondent_letter(len(self._names))
            self._names[key] = label("respondent", self.lang, letter=letter)
        return self._names[key]


def respondent_key(interview: dict[str, Any], index: int) -> str:
    """Interviews with the same respondent are one person; one without is its own person."""
    who = text(interview.get("respondent")).strip()
    if who:
        return "respondent:" + who
    return f"interview:{text(interview.get('id'))}:{index}"


def has_consent(interview: dict[str, Any]) -> bool:
    # Only a real `true`: the string "yes" is not consent (YAML 1.2 reads it as text).
    return interview.get("consent") is True


def evidence(
    journey: Any,
    *,
    lang: str,
    persona: str | None,
    include_unconsented: bool,
    anonymise: bool,
) -> Evidence:
    """Quotes per stage index, in interview then answer order.

    An answer counts for the stages it names and for the stages of the touchpoints
    it names, once per stage.
    """
    stages = access.stages(journey)
    stage_by_id: dict[str, int] = {}
    tp_stage: dict[str, int] = {}
    tp_name: dict[str, str] = {}
    for i, stage in enumerate(stages):
        stage_by_id.setdefault(text(stage.get("id")), i)
        for tp in access.touchpoints(stage):
            tid = text(tp.get("id"))
            tp_stage.setdefault(tid, i)
            tp_name.setdefault(tid, touchpoint_name(tp))

    ev = Evidence()
    # Collected first, named after: anonymous letters follow the order of the document.
    collected: list[tuple[list[int], str, dict[str, Any], Quote]] = []
    for index, interview in enumerate(access.interviews(journey)):
        owner = text(interview.get("persona"))
        if persona is not None and owner and owner != persona:
            continue
        consent = has_consent(interview)
        if not consent and not include_unconsented:
            ev.left_out += 1
            continue
        key = respondent_key(interview, index)
        who = text(interview.get("respondent")).strip() or text(interview.get("id")).strip()
        for _, answer in access.dicts(interview.get("answers")):
            body = text(answer.get("text")).strip()
            if not body:
                continue
            if "question" in answer and text(answer.get("question")):
                asked = question_label(answer.get("question"), lang)
            else:
                asked = text(answer.get("ask")).strip()
            linked_tps = texts(answer.get("touchpoints"))
            targets: list[int] = []
            for sid in texts(answer.get("stages")):
                if sid in stage_by_id and stage_by_id[sid] not in targets:
                    targets.append(stage_by_id[sid])
            for tid in linked_tps:
                if tid in tp_stage and tp_stage[tid] not in targets:
                    targets.append(tp_stage[tid])
            quote = Quote(
                text=body,
                who=who,
                date=text(interview.get("date")).strip(),
                question=asked,
                touchpoints=[tp_name.get(t, t) for t in linked_tps],
                consent=consent,
                persona=owner,
            )
            collected.append((sorted(targets), key, interview, quote))

    for targets, _, _, quote in collected:
        if targets:
            for i in targets:
                ev.by_stage.setdefault(i, []).append(quote)
        else:
            ev.unlinked.append(quote)

    if anonymise:
        anon = Anonymiser(lang)
        by_quote = {id(q): key for _, key, _, q in collected}
        for quote in document_order(ev):
            quote.who = anon.name(by_quote[id(quote)])
    return ev


def document_order(ev: Evidence) -> list[Quote]:
    ordered = [q for i in sorted(ev.by_stage) for q in ev.by_stage[i]]
    return ordered + ev.unlinked
