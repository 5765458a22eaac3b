"""``/`` search: names, goals, questions, pains, opportunities and messages (no Textual)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kunderejse_tui.journey.access import as_dict, dicts, text, texts
from kunderejse_tui.journey.edits import KeyPath


@dataclass(frozen=True)
class Hit:
    path: KeyPath
    """The item to show: a stage, question, touchpoint, messaging or persona."""
    where: str
    """The stage (or persona) name, to tell hits with the same text apart."""
    text: str


def _fields(journey: object) -> Iterator[tuple[KeyPath, str, str]]:
    for i, stage in dicts(as_dict(journey).get("stages")):
        where = text(stage.get("name"))
        base: KeyPath = ("stages", i)
        yield base, where, where
        yield (*base, "customer_goal"), where, text(stage.get("customer_goal"))
        for j, q in dicts(stage.get("customer_questions")):
            yield (*base, "customer_questions", j), where, text(q.get("text"))
        for j, tp in dicts(stage.get("touchpoints")):
            path: KeyPath = (*base, "touchpoints", j)
            yield path, where, text(tp.get("name"))
            for value in (*texts(tp.get("pains")), *texts(tp.get("opportunities"))):
                yield path, where, value
        messaging = as_dict(stage.get("messaging"))
        m_path: KeyPath = (*base, "messaging")
        for value in (*texts(messaging.get("key_messages")), *texts(messaging.get("content"))):
            yield m_path, where, value
        yield m_path, where, text(messaging.get("call_to_action"))
    # Personas last: a hit there leaves the map for the persona list.
    for p, persona in dicts(as_dict(journey).get("personas")):
        name = text(persona.get("name"))
        yield ("personas", p), name, name
        yield ("personas", p), name, text(persona.get("summary"))


def search(journey: object, query: str) -> list[Hit]:
    """Every place whose text contains ``query`` (case-insensitive), in map order.

    An item that matches in several fields is one hit, so ``n`` moves to the
    next item rather than to the next field of the same one.
    """
    needle = query.strip().casefold()
    if not needle:
        return []
    hits: list[Hit] = []
    seen: set[KeyPath] = set()
    for path, where, value in _fields(journey):
        if value and needle in value.casefold() and path not in seen:
            seen.add(path)
            hits.append(Hit(path, where, value))
    return hits
