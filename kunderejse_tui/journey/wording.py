"""The question bank's and the templates' ids; their words are in the catalog.

Validation needs the question ids and never their wording, so this module stays tiny
and the catalog's ``wording`` table is loaded only by what shows a question or a
template's name (``templates`` builds its QUESTION_BANK and TEMPLATES from it).
"""

from __future__ import annotations

# Question-bank ids in the order an interview asks them; their wording is the catalog's
# wording.question.<id>.
QUESTION_IDS: tuple[str, ...] = (
    "need-discovery",
    "first-contact",
    "information-search",
    "evaluation",
    "why-us",
    "retention",
    "time-to-purchase",
    "improvement",
)


def question_text(qid: str, lang: str) -> str | None:
    """The wording of a question-bank id, or None for an id the bank does not have."""
    if qid not in QUESTION_IDS:
        return None
    from kunderejse_tui.journey.i18n.catalog import t

    return t(lang, f"wording.question.{qid}")


# Template ids in the order to offer them; their names are wording.template.<id>.
TEMPLATE_IDS: tuple[str, ...] = ("funnel-5", "content-5", "lifecycle-12", "digital-4")
