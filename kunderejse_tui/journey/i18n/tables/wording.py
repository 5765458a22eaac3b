"""The question bank's wording and the templates' names, offered and exported as written.

The ids (and their order) stay in ``journey/wording.py``: validation needs them and
never the words.
"""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Entry

MESSAGES: dict[str, Entry] = {
    "wording.question.need-discovery": (
        "Hvornår og hvordan opdagede du, at du havde et behov?",
        "When and how did you discover that you had a need?",
    ),
    "wording.question.first-contact": (
        "Hvordan og hvornår stødte du første gang på os?",
        "How and when did you first come across us?",
    ),
    "wording.question.information-search": (
        "Hvordan søgte du information, og hvor ledte du efter svar?",
        "How did you search for information, and where did you look for answers?",
    ),
    "wording.question.evaluation": (
        "Hvad vurderede du alternativerne ud fra, og hvor fandt du svarene?",
        "What did you judge the alternatives on, and where did you find the answers?",
    ),
    "wording.question.why-us": (
        "Hvorfor valgte du at købe hos os?",
        "Why did you choose to buy from us?",
    ),
    "wording.question.retention": (
        "Hvad skal der til, for at du bliver ved med at købe hos os?",
        "What would make you keep buying from us?",
    ),
    "wording.question.time-to-purchase": (
        "Hvor lang tid gik der fra din første kontakt med os til købet?",
        "How long was it from your first contact with us to the purchase?",
    ),
    "wording.question.improvement": (
        "Kunne din rejse have været bedre? Hvordan?",
        "Could your journey have been better? How?",
    ),
    "wording.template.funnel-5": ("Salgstragt (5 faser)", "Sales funnel (5 stages)"),
    "wording.template.content-5": ("Indholdsrejse (5 trin)", "Content journey (5 steps)"),
    "wording.template.lifecycle-12": ("Hele livscyklussen (12 trin)", "Full lifecycle (12 steps)"),
    "wording.template.digital-4": ("Fysisk og digital (4 trin)", "Physical and digital (4 steps)"),
}
