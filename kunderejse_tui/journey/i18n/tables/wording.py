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
    # Follow-ups offered after each bank question (and after its follow-ups), then the
    # ones that fit anywhere. Saved as `ask:` in words, so they may change freely.
    "wording.follow_up.need-discovery.1": (
        "Hvad fik dig til at gøre noget ved det netop dér?",
        "What made you act on it just then?",
    ),
    "wording.follow_up.need-discovery.2": (
        "Hvem talte du med om det først?",
        "Who did you talk to about it first?",
    ),
    "wording.follow_up.first-contact.1": (
        "Hvor præcis så eller hørte du om os første gang?",
        "Where exactly did you first see or hear about us?",
    ),
    "wording.follow_up.first-contact.2": (
        "Hvad var dit første indtryk af os?",
        "What was your first impression of us?",
    ),
    "wording.follow_up.information-search.1": ("Hvad søgte du på?", "What did you search for?"),
    "wording.follow_up.information-search.2": (
        "Hvilke kilder stolede du mest på, og hvorfor?",
        "Which sources did you trust most, and why?",
    ),
    "wording.follow_up.evaluation.1": (
        "Hvilke andre muligheder overvejede du?",
        "Which other options did you consider?",
    ),
    "wording.follow_up.evaluation.2": (
        "Hvilke overvejelser gjorde du dig undervejs?",
        "What did you weigh up along the way?",
    ),
    "wording.follow_up.why-us.1": (
        "Hvem var ellers med til at beslutte?",
        "Who else took part in the decision?",
    ),
    "wording.follow_up.why-us.2": (
        "Var der noget, der nær havde fået dig til at vælge anderledes?",
        "Was there anything that nearly made you choose otherwise?",
    ),
    "wording.follow_up.retention.1": (
        "Hvad kunne få dig til at skifte til en anden?",
        "What could make you switch to someone else?",
    ),
    "wording.follow_up.retention.2": (
        "Har du anbefalet os til andre? Hvad sagde du?",
        "Have you recommended us to others? What did you say?",
    ),
    "wording.follow_up.time-to-purchase.1": (
        "Hvad tog længst tid?",
        "What took the longest?",
    ),
    "wording.follow_up.time-to-purchase.2": (
        "Hvad kunne have gjort det hurtigere?",
        "What could have made it quicker?",
    ),
    "wording.follow_up.improvement.1": (
        "Hvor på rejsen var det sværest?",
        "Where on the journey was it hardest?",
    ),
    "wording.follow_up.improvement.2": (
        "Hvis du kunne ændre én ting, hvad skulle det være?",
        "If you could change one thing, what would it be?",
    ),
    "wording.follow_up.any.1": ("Kan du give et eksempel?", "Can you give an example?"),
    "wording.follow_up.any.2": (
        "Hvordan havde du det med det?",
        "How did you feel about that?",
    ),
    "wording.template.funnel-5": ("Salgstragt (5 faser)", "Sales funnel (5 stages)"),
    "wording.template.content-5": ("Indholdsrejse (5 trin)", "Content journey (5 steps)"),
    "wording.template.lifecycle-12": ("Hele livscyklussen (12 trin)", "Full lifecycle (12 steps)"),
    "wording.template.digital-4": ("Fysisk og digital (4 trin)", "Physical and digital (4 steps)"),
}
