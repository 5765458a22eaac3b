"""A future-state version of a journey: the same map, marked as where it should go.

A workshop maps the journey as it is, then asks "how should it be?". The
future state starts as a copy of the current one, with the same ids (so that
``kunderejse diff``, the map picture's dashed curve and the app's compare view
match stages and touchpoints by id), ``state: future`` and ``based_on``
naming the current file relative to the new one. Interviews are left behind:
they are evidence of how things are today, and a copy would put every
respondent's words into a second file.

``NAME.journey.yaml`` gets ``NAME.future.journey.yaml`` beside it.
"""

from __future__ import annotations

import datetime
import os
import pickle
from pathlib import Path
from typing import Any

from kunderejse_tui.journey.access import language, text
from kunderejse_tui.journey.create import Created, create_journey_file
from kunderejse_tui.journey.i18n import Message

FUTURE_SUFFIX = ".future.journey.yaml"
_SUFFIXES = (".journey.yaml", ".journey.yml", ".yaml", ".yml")


class NotACurrentState(ValueError):
    """The journey is a future state itself: it has a current state, not a future one."""

    def __init__(self) -> None:
        self.reason = Message("future.already_future")
        super().__init__(self.reason.text("en"))


def is_future(data: dict[str, Any]) -> bool:
    return data.get("state") == "future"


def future_path(current: Path | str) -> Path:
    """Where the future state of ``current`` goes: ``NAME.future.journey.yaml`` beside it."""
    current = Path(current)
    name = current.name
    stem = next(
        (name[: -len(s)] for s in _SUFFIXES if name.endswith(s) and len(name) > len(s)), name
    )
    return current.with_name(stem + FUTURE_SUFFIX)


def future_journey(
    current: dict[str, Any],
    current_path: Path | str,
    target: Path | str,
    *,
    today: datetime.date | None = None,
) -> dict[str, Any]:
    """The future-state data for the journey ``current`` read from ``current_path``.

    Raises NotACurrentState when ``current`` is a future state already.
    """
    if is_future(current):
        raise NotACurrentState()
    # pickle: a deep copy of plain data, and nothing in the new journey shares a
    # list with the one still open in the app.
    data: dict[str, Any] = pickle.loads(pickle.dumps(current, pickle.HIGHEST_PROTOCOL))
    data.pop("interviews", None)
    data["state"] = "future"
    relative = os.path.relpath(Path(current_path).resolve(), Path(target).resolve().parent)
    data["based_on"] = Path(relative).as_posix()
    lang = language(current)
    title = text(current.get("title")).strip()
    if title:
        data["title"] = Message("future.title", title=title).text(lang)
    if today is not None:
        data["updated"] = today.isoformat()
    return data


def create_future_state(
    current: dict[str, Any],
    current_path: Path | str,
    target: Path | str | None = None,
    *,
    title: str | None = None,
    today: datetime.date | None = None,
) -> Created:
    """Write the future state of ``current`` (read from ``current_path``) to ``target``
    (default: ``future_path(current_path)``), titled ``title`` if given.

    Raises NotACurrentState, FileExistsError (the future state is there already:
    open it instead), SaveError or OSError; in every case nothing was written.
    """
    target = future_path(current_path) if target is None else Path(target)
    data = future_journey(current, current_path, target, today=today)
    if title is not None:
        data["title"] = title
    return create_journey_file(target, data)
