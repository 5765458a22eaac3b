"""The words an export adds to the user's own text: the catalog's ``export.*`` ids.

The exports are documents handed to clients, so no label may fall back to the
other language: the catalog test checks both languages for every id.
"""

from __future__ import annotations

from typing import Any

from kunderejse_tui.journey.access import text
from kunderejse_tui.journey.channels import channel_label
from kunderejse_tui.journey.i18n.catalog import known, t
from kunderejse_tui.journey.i18n.numbers import decimal, integer
from kunderejse_tui.journey.wording import TEMPLATE_IDS, question_text

LANGS = ("da", "en")

# Emotion must not rely on colour: a number, a face and a word (export.emotion.<score>).
FACES: dict[int, str] = {1: "😠", 2: "🙁", 3: "😐", 4: "🙂", 5: "😄"}


def label(key: str, lang: str, **fields: Any) -> str:
    """The export's word ``key`` (``export.<key>`` in the catalog), filled in."""
    return t(lang, f"export.{key}", **fields)


def value_label(kind: str, value: Any, lang: str) -> str:
    """The label of an enum value; a value the format does not know is shown as typed."""
    raw = text(value)
    if kind == "channel":
        return channel_label(raw, lang)
    if kind == "model" and raw in TEMPLATE_IDS:
        return t(lang, f"wording.template.{raw}")
    key = f"export.value.{kind}.{raw}"
    return t(lang, key) if known(key) else raw


def question_label(qid: Any, lang: str) -> str:
    raw = text(qid)
    return question_text(raw, lang) or raw


def emotion_value(value: Any) -> int | None:
    """A usable emotion score, or None: a broken file may hold 7, "high" or true."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 1 <= value <= 5 else None


def emotion_word(score: int, lang: str) -> str:
    """The word for a score 1..5: 'tilfreds' / 'pleased'."""
    return t(lang, f"export.emotion.{score}")


def emotion_label(score: int, lang: str, *, face: bool = True) -> str:
    """'4/5 🙂 tilfreds'; without the face ('4/5 tilfreds') where no emoji font may be."""
    shown = f" {FACES[score]}" if face else ""
    return f"{score}/5{shown} {emotion_word(score, lang)}"


def emotion_average_label(scores: list[int], lang: str, *, face: bool = True) -> str:
    """'3,7/5 🙂 tilfreds': the mean to one decimal, the word of the rounded mean."""
    if not scores:
        return ""
    # Half up in whole numbers (scores are ints 1..5): exact, unlike float rounding,
    # and without importing decimal on every export.
    total, n = sum(scores), len(scores)
    tenths = (20 * total + n) // (2 * n)
    word_score = (2 * total + n) // (2 * n)
    whole, tenth = divmod(tenths, 10)
    number = integer(lang, whole) if tenth == 0 else decimal(lang, tenths / 10)
    shown = f" {FACES[word_score]}" if face else ""
    return f"{number}/5{shown} {emotion_word(word_score, lang)}"


def respondent_letter(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: letters as in spreadsheet columns."""
    letters = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters
