"""The ids of the question bank, apart from its wording: validation needs only these.

templates.QUESTION_BANK holds the questions themselves (a test keeps the two equal).
"""

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
