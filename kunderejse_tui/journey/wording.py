"""The words a label needs, apart from the templates and the question bank objects.

Validation needs the question ids; the exports need the wording of the questions and the
templates' names. ``templates`` builds its QUESTION_BANK and TEMPLATES from these, so the
words live in one place; importing this module costs next to nothing.
"""

from __future__ import annotations

# Question-bank id -> (Danish, English), in the order an interview asks them.
QUESTION_WORDING: dict[str, tuple[str, str]] = {
    "need-discovery": (
        "Hvornår og hvordan opdagede du, at du havde et behov?",
        "When and how did you discover that you had a need?",
    ),
    "first-contact": (
        "Hvordan og hvornår stødte du første gang på os?",
        "How and when did you first come across us?",
    ),
    "information-search": (
        "Hvordan søgte du information, og hvor ledte du efter svar?",
        "How did you search for information, and where did you look for answers?",
    ),
    "evaluation": (
        "Hvad vurderede du alternativerne ud fra, og hvor fandt du svarene?",
        "What did you judge the alternatives on, and where did you find the answers?",
    ),
    "why-us": (
        "Hvorfor valgte du at købe hos os?",
        "Why did you choose to buy from us?",
    ),
    "retention": (
        "Hvad skal der til, for at du bliver ved med at købe hos os?",
        "What would make you keep buying from us?",
    ),
    "time-to-purchase": (
        "Hvor lang tid gik der fra din første kontakt med os til købet?",
        "How long was it from your first contact with us to the purchase?",
    ),
    "improvement": (
        "Kunne din rejse have været bedre? Hvordan?",
        "Could your journey have been better? How?",
    ),
}
QUESTION_IDS: tuple[str, ...] = tuple(QUESTION_WORDING)


def question_text(qid: str, lang: str) -> str | None:
    """The wording of a question-bank id, or None for an id the bank does not have."""
    wording = QUESTION_WORDING.get(qid)
    if wording is None:
        return None
    return wording[1] if lang == "en" else wording[0]


# Template id -> (Danish, English) name, in the order to offer them.
TEMPLATE_NAMES: dict[str, tuple[str, str]] = {
    "funnel-5": ("Salgstragt (5 faser)", "Sales funnel (5 stages)"),
    "content-5": ("Indholdsrejse (5 trin)", "Content journey (5 steps)"),
    "lifecycle-12": ("Hele livscyklussen (12 trin)", "Full lifecycle (12 steps)"),
    "digital-4": ("Fysisk og digital (4 trin)", "Physical and digital (4 steps)"),
}
