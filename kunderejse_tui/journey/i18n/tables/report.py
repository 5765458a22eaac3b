"""The words of ``kunderejse report`` and the outline, around the user's own text."""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Entry, Plural

MESSAGES: dict[str, Entry] = {
    "report.title": ("Interviewrapport", "Interview report"),
    "report.untitled": ("Kunderejse", "Customer journey"),
    "report.based_on": (
        "Rapporten bygger på {interviews} med {answers}.",
        "Based on {interviews} with {answers}.",
    ),
    "report.n_interviews": Plural(
        da=("{n} interview", "{n} interviews"), en=("{n} interview", "{n} interviews")
    ),
    "report.n_answers": Plural(da=("{n} svar", "{n} svar"), en=("{n} answer", "{n} answers")),
    "report.n_included": Plural(
        da=(
            "{n} interview uden samtykke er medtaget og markeret.",
            "{n} interviews uden samtykke er medtaget og markeret.",
        ),
        en=(
            "{n} interview without consent is included and marked.",
            "{n} interviews without consent are included and marked.",
        ),
    ),
    "report.anonymised": ("Svarpersonerne er anonymiseret.", "Respondents are anonymised."),
    # Coverage
    "report.coverage": ("Dækning", "Coverage"),
    "report.coverage_summary": (
        "{stages} af {n_stages} faser og {tps} af {n_tps} berøringspunkter er bakket op af interviewsvar.",
        "{stages} of {n_stages} stages and {tps} of {n_tps} touchpoints are backed by interview answers.",
    ),
    "report.n_unlinked": Plural(
        da=(
            "{n} svar er ikke knyttet til en fase eller et berøringspunkt.",
            "{n} svar er ikke knyttet til en fase eller et berøringspunkt.",
        ),
        en=(
            "{n} answer is not linked to a stage or touchpoint.",
            "{n} answers are not linked to a stage or touchpoint.",
        ),
    ),
    "report.unknown": (
        "Disse henvisninger peger på noget, der ikke findes i rejsen, og tæller ikke med: {ids}.",
        "These references point to nothing in the journey and do not count: {ids}.",
    ),
    "report.stage": ("Fase", "Stage"),
    "report.touchpoint": ("Berøringspunkt", "Touchpoint"),
    "report.status": ("Status", "Status"),
    "report.answers": ("Svar", "Answers"),
    "report.observed": ("observeret", "observed"),
    "report.assumed": ("antaget", "assumed"),
    "report.observed_touchpoints": ("Observerede berøringspunkter", "Observed touchpoints"),
    "report.assumed_touchpoints": ("Antagne berøringspunkter", "Assumed touchpoints"),
    "report.assumed_heading": ("Antaget, ikke observeret", "Assumed, not observed"),
    "report.assumed_intro": (
        "Intet interviewsvar bakker op om disse. Spørg ind til dem i de næste interviews.",
        "No interview answer backs these. Ask about them in the next interviews.",
    ),
    "report.nothing_assumed": (
        "Alle faser og berøringspunkter er bakket op af mindst ét interviewsvar.",
        "Every stage and touchpoint is backed by at least one interview answer.",
    ),
    "report.no_stages": ("Rejsen har ingen faser endnu.", "The journey has no stages yet."),
    # Synthesis
    "report.synthesis": ("Svar pr. spørgsmål", "Answers by question"),
    "report.answer": ("Svar", "Answer"),
    "report.who": ("Hvem", "Who"),
    "report.date": ("Dato", "Date"),
    "report.persona": ("Persona", "Persona"),
    "report.tags": ("Tags", "Tags"),
    "report.no_answers": ("Ingen svar.", "No answers."),
    "report.no_answers_at_all": ("Ingen interviewsvar at vise.", "No interview answers to show."),
    "report.no_question": ("(uden spørgsmål)", "(no question)"),
    # Tags
    "report.tag": ("Tag", "Tag"),
    "report.interviews": ("Interviews", "Interviews"),
    "report.no_tags": ("Ingen svar har tags endnu.", "No answers are tagged yet."),
}
# The outline (the TUI's text view) names a score by its own words, not the exports'.
MESSAGES |= {
    "report.outline.emotion.1": ("frustreret", "frustrated"),
    "report.outline.emotion.2": ("utilfreds", "unhappy"),
    "report.outline.emotion.3": ("neutral", "neutral"),
    "report.outline.emotion.4": ("tilfreds", "satisfied"),
    "report.outline.emotion.5": ("begejstret", "delighted"),
}
