"""Every word an export adds to the user's own text, in Danish and English.

The exports are documents handed to clients, so no label may fall back to the
other language: tests check that both columns are filled for every key.
"""

from __future__ import annotations

from kunderejse_tui.journey.access import text
from kunderejse_tui.journey.channels import channel_label
from kunderejse_tui.journey.wording import TEMPLATE_NAMES, question_text

# typing is imported by the type checker only: a command starts faster without it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

LANGS = ("da", "en")

# key -> (da, en)
LABELS: dict[str, tuple[str, str]] = {
    "untitled": ("Kunderejse", "Customer journey"),
    "persona_scope": (
        "Dette udsnit viser det, personaen {name} møder.",
        "This view shows what the persona {name} meets.",
    ),
    # Facts
    "facts": ("Fakta", "Facts"),
    "market": ("Marked", "Market"),
    "model": ("Fasemodel", "Stage model"),
    "state": ("Tilstand", "State"),
    "based_on": ("Bygger på", "Based on"),
    "time_to_purchase": ("Tid til køb", "Time to purchase"),
    "owner": ("Ejer", "Owner"),
    "updated": ("Opdateret", "Updated"),
    # Personas
    "personas": ("Personaer", "Personas"),
    "age": ("Alder", "Age"),
    "gender": ("Køn", "Gender"),
    "education": ("Uddannelse", "Education"),
    "job_title": ("Stilling", "Job title"),
    "company_type": ("Virksomhedstype", "Type of company"),
    "buying_role": ("Rolle i købet", "Role in the purchase"),
    "geography": ("Geografi", "Geography"),
    "traits": ("Træk og præferencer", "Traits and preferences"),
    "needs": ("Behov", "Needs"),
    "pains": ("Smertepunkter", "Pains"),
    # Overview and stages
    "overview": ("Overblik over rejsen", "Journey overview"),
    "stage": ("Fase", "Stage"),
    "stages": ("Faserne", "The stages"),
    "customer_goal": ("Kundens mål", "Customer's goal"),
    "customer_questions": ("Kundens spørgsmål", "Customer questions"),
    "touchpoints": ("Berøringspunkter", "Touchpoints"),
    "emotion": ("Følelse", "Emotion"),
    "tone": ("Tone", "Tone"),
    "key_messages": ("Nøglebudskaber", "Key messages"),
    "messaging": ("Budskaber", "Messaging"),
    "content": ("Indhold", "Content"),
    "call_to_action": ("Handlingsopfordring", "Call to action"),
    "kpis": ("KPI'er", "KPIs"),
    "duration": ("Varighed", "Duration"),
    "name": ("Navn", "Name"),
    "channel": ("Kanal", "Channel"),
    "kind": ("Type", "Kind"),
    "opportunities": ("Muligheder", "Opportunities"),
    "no_touchpoints": ("Ingen berøringspunkter endnu.", "No touchpoints yet."),
    # Shown as a Mermaid task, so no full stop: it reads as a label.
    "placeholder_task": ("(ingen berøringspunkter endnu)", "(no touchpoints yet)"),
    # Interview evidence
    "evidence": ("Interviewfund", "Interview evidence"),
    "unlinked": ("Ikke knyttet til en fase", "Not linked to a stage"),
    "question": ("Spørgsmål", "Question"),
    "no_consent": ("uden samtykke", "no consent"),
    "no_evidence": ("Ingen interviewsvar at vise.", "No interview answers to show."),
    "left_out_one": (
        "1 interview uden samtykke er udeladt.",
        "1 interview without consent is left out.",
    ),
    "left_out_many": (
        "{n} interviews uden samtykke er udeladt.",
        "{n} interviews without consent are left out.",
    ),
    "respondent": ("Kunde {letter}", "Customer {letter}"),
    "quote_open": ("»", "“"),
    "quote_close": ("«", "”"),
    # Diagram
    "diagram": ("Rejsediagram", "Journey diagram"),
    "diagram_too_big": (
        "Diagrammet er for stort til, at Mermaid kan vise det. "
        "Eksportér det fase for fase med kunderejse export --to mermaid-journey --split.",
        "The diagram is too large for Mermaid to show. "
        "Export it stage by stage with kunderejse export --to mermaid-journey --split.",
    ),
    # The journey map picture (SVG, PNG, PDF, HTML)
    "emotion_curve": ("Følelseskurve", "Emotion curve"),
    "average": ("Gennemsnit", "Average"),
    "answers_one": ("1 svar", "1 answer"),
    "answers_many": ("{n} svar", "{n} answers"),
    "assumed": ("antaget", "assumed"),
    "more": ("+{n} mere", "+{n} more"),
    "legend": ("Forklaring", "Legend"),
    "page": ("Side {n} af {of}", "Page {n} of {of}"),
    "made_with": ("lavet med kunderejse", "made with kunderejse"),
    "dashed": ("{state} (stiplet)", "{state} (dashed)"),
    "cut_note_one": (
        "1 punkt er ikke vist (se »+N«); hele rejsen står i Markdown-eksporten.",
        "1 item is not shown (see “+N”); the Markdown export has the whole journey.",
    ),
    "cut_note": (
        "{n} punkter er ikke vist (se »+N«); hele rejsen står i Markdown-eksporten.",
        "{n} items are not shown (see “+N”); the Markdown export has the whole journey.",
    ),
    "no_stages": ("Rejsen har ingen faser endnu.", "The journey has no stages yet."),
    "tone_scale": ("blød – salg", "soft – sales"),
    # Hand-over documents (PowerPoint, Word, spreadsheets)
    "continued": ("{title} (fortsat)", "{title} (continued)"),
    "curve_average": ("Alle (gennemsnit)", "Everyone (average)"),
    "journey_map": ("Kunderejsekortet", "The journey map"),
    "evidence_for": ("Interviewfund: {stage}", "Interview evidence: {stage}"),
    "backlog": ("Backlog", "Backlog"),
    "interview_answers": ("Interviewsvar", "Interview answers"),
    "touchpoint": ("Berøringspunkt", "Touchpoint"),
    "persona": ("Persona", "Persona"),
    "id": ("Id", "Id"),
    "summary": ("Resumé", "Summary"),
    "category": ("Kategori", "Category"),
    "pain": ("Smertepunkt", "Pain"),
    "opportunity": ("Mulighed", "Opportunity"),
    "text": ("Tekst", "Text"),
    "evidence_count": ("Interviewbelæg", "Evidence"),
    "responsible": ("Ansvarlig", "Owner"),
    "priority": ("Prioritet", "Priority"),
    "status": ("Status", "Status"),
    "respondent_col": ("Respondent", "Respondent"),
    "date": ("Dato", "Date"),
    "answer": ("Svar", "Answer"),
    "stage_list": ("Faser", "Stages"),
    "consent": ("Samtykke", "Consent"),
    "yes": ("ja", "yes"),
    "no": ("nej", "no"),
}

_VALUES: dict[str, dict[str, tuple[str, str]]] = {
    "kind": {
        "owned": ("Ejet", "Owned"),
        "paid": ("Betalt", "Paid"),
        "earned": ("Fortjent", "Earned"),
        "offline": ("Offline", "Offline"),
    },
    "tone": {
        "inspire": ("Inspirere", "Inspire"),
        "inform": ("Informere", "Inform"),
        "persuade": ("Overbevise", "Persuade"),
        "sell": ("Sælge", "Sell"),
    },
    "state": {
        "current": ("Nuværende", "Current"),
        "future": ("Fremtidig", "Future"),
    },
    "market": {
        "B2C": ("B2C (forbrugere)", "B2C (consumers)"),
        "B2B": ("B2B (virksomheder)", "B2B (businesses)"),
    },
    "model": {"custom": ("Egen model", "Custom")},
}

# Emotion must not rely on colour: a number, a face and a word.
EMOTIONS: dict[int, tuple[str, str, str]] = {
    1: ("😠", "frustreret", "frustrated"),
    2: ("🙁", "utilfreds", "unhappy"),
    3: ("😐", "neutral", "neutral"),
    4: ("🙂", "tilfreds", "pleased"),
    5: ("😄", "begejstret", "delighted"),
}


def label(key: str, lang: str, **fields: Any) -> str:
    da, en = LABELS[key]
    chosen = en if lang == "en" else da
    return chosen.format(**fields) if fields else chosen


def value_label(kind: str, value: Any, lang: str) -> str:
    """The label of an enum value; a value the format does not know is shown as typed."""
    raw = text(value)
    if kind == "channel":
        return channel_label(raw, lang)
    if kind == "model" and raw in TEMPLATE_NAMES:
        da, en = TEMPLATE_NAMES[raw]
        return en if lang == "en" else da
    pair = _VALUES.get(kind, {}).get(raw)
    if pair is None:
        return raw
    return pair[1] if lang == "en" else pair[0]


def question_label(qid: Any, lang: str) -> str:
    raw = text(qid)
    return question_text(raw, lang) or raw


def emotion_value(value: Any) -> int | None:
    """A usable emotion score, or None: a broken file may hold 7, "high" or true."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 1 <= value <= 5 else None


def emotion_label(score: int, lang: str) -> str:
    face, da, en = EMOTIONS[score]
    return f"{score}/5 {face} {en if lang == 'en' else da}"


def emotion_average_label(scores: list[int], lang: str) -> str:
    """'3,7/5 🙂 tilfreds': the mean to one decimal, the word of the rounded mean."""
    if not scores:
        return ""
    # Half up in whole numbers (scores are ints 1..5): exact, unlike float rounding,
    # and without importing decimal on every export.
    total, n = sum(scores), len(scores)
    tenths = (20 * total + n) // (2 * n)
    word_score = (2 * total + n) // (2 * n)
    number = str(tenths // 10) if tenths % 10 == 0 else f"{tenths // 10}.{tenths % 10}"
    if lang != "en":
        number = number.replace(".", ",")
    face, da, en = EMOTIONS[word_score]
    return f"{number}/5 {face} {en if lang == 'en' else da}"


def respondent_letter(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: letters as in spreadsheet columns."""
    letters = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(ord("A") + rem) + letters
    return letters
