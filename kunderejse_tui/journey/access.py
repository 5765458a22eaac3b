"""Defensive reads of a journey mapping that may be broken.

A file with problems still opens, so readers (exports, the map, checks) must not
crash on a ``stages: "oops"``. These helpers turn wrong types into empty values.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def text(value: Any) -> str:
    """A scalar as the user would read it; containers and None become ''."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def texts(value: Any) -> list[str]:
    """A list of strings; a lone string counts as a one-item list."""
    if isinstance(value, str):
        return [value] if value else []
    return [text(v) for v in as_list(value) if text(v)]


def dicts(value: Any) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, item) for the items of a list that are mappings."""
    for i, item in enumerate(as_list(value)):
        if isinstance(item, dict):
            yield i, item


def stages(journey: Any) -> list[dict[str, Any]]:
    return [s for _, s in dicts(as_dict(journey).get("stages"))]


def personas(journey: Any) -> list[dict[str, Any]]:
    return [p for _, p in dicts(as_dict(journey).get("personas"))]


def interviews(journey: Any) -> list[dict[str, Any]]:
    return [p for _, p in dicts(as_dict(journey).get("interviews"))]


def touchpoints(stage: Any) -> list[dict[str, Any]]:
    return [t for _, t in dicts(as_dict(stage).get("touchpoints"))]


def language(journey: Any) -> str:
    lang = as_dict(journey).get("language")
    return lang if lang in ("da", "en") else "da"
