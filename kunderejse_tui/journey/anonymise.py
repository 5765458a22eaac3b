"""Interview ids that hold a respondent's name, and neutral ids in their place.

Ids used to be made from the date and the respondent (``2026-12-04-lone-41-valby``),
so a name went into git, into every reference and into places the exports'
``--anonymise`` never rewrites. New ids are the date and the persona
(``Editor.add_interview``); this finds the old kind and renames them through the
editor, so every reference follows (``kunderejse fmt --anonymise``).
"""

from __future__ import annotations

from typing import Any

from kunderejse_tui.journey import access
from kunderejse_tui.journey.access import text
from kunderejse_tui.journey.edits import Editor
from kunderejse_tui.journey.slugs import slugify, unique_slug


def _name_words(respondent: str) -> set[str]:
    """The parts of a respondent's name an id could hold: words of three letters or more."""
    return {w for w in slugify(respondent, "").split("-") if len(w) >= 3 and not w.isdigit()}


def holds_a_name(interview_id: str, respondent: str) -> bool:
    words = _name_words(respondent)
    return bool(words) and bool(words & set(interview_id.split("-")))


def named_interview_ids(journey: Any) -> list[tuple[str, str]]:
    """``(old id, new id)`` for each interview whose id holds its respondent's name.

    The new id is the date and the persona (or "interview"), with a counter when
    taken: the same id a new interview would get.
    """
    interviews = access.interviews(journey)
    taken = {text(iv.get("id")) for iv in interviews}
    out: list[tuple[str, str]] = []
    for iv in interviews:
        old = text(iv.get("id"))
        if not old or not holds_a_name(old, text(iv.get("respondent"))):
            continue
        basis = " ".join(
            p for p in (text(iv.get("date")), text(iv.get("persona")) or "interview") if p
        )
        new = unique_slug(basis, taken, fallback="interview")
        taken.add(new)
        out.append((old, new))
    return out


def anonymise_interview_ids(editor: Editor) -> list[tuple[str, str]]:
    """Rename every interview id that holds a respondent's name (references follow);
    one undo step. Returns what was renamed."""
    renames = named_interview_ids(editor.data)
    if renames:
        with editor.group("Anonymise interview ids"):
            for old, new in renames:
                editor.rename_id("interview", old, new)
    return renames
