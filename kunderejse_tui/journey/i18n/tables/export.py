"""Every word an export adds to the user's own text (Markdown, Mermaid, pictures, documents).

The exports are documents handed to clients, so no label may fall back to the other
language: the catalog test checks both languages for every id.
"""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Entry, Plural

MESSAGES: dict[str, Entry] = {
    "export.untitled": ("Kunderejse", "Customer journey"),
    "export.persona_scope": (
        "Dette udsnit viser det, personaen {name} møder.",
        "This view shows what the persona {name} meets.",
    ),
    # Facts
    "export.facts": ("Fakta", "Facts"),
    "export.market": ("Marked", "Market"),
    "export.model": ("Fasemodel", "Stage model"),
    "export.state": ("Tilstand", "State"),
    "export.based_on": ("Bygger på", "Based on"),
    "export.time_to_purchase": ("Tid til køb", "Time to purchase"),
    "export.owner": ("Ejer", "Owner"),
    "export.updated": ("Opdateret", "Updated"),
    # Personas
    "export.personas": ("Personaer", "Personas"),
    "export.age": ("Alder", "Age"),
    "export.gender": ("Køn", "Gender"),
    "export.education": ("Uddannelse", "Education"),
    "export.job_title": ("Stilling", "Job title"),
    "export.company_type": ("Virksomhedstype", "Type of company"),
    "export.buying_role": ("Rolle i købet", "Role in the purchase"),
    "export.geography": ("Geografi", "Geography"),
    "export.traits": ("Træk og præferencer", "Traits and preferences"),
    "export.needs": ("Behov", "Needs"),
    "export.pains": ("Smertepunkter", "Pains"),
    # Overview and stages
    "export.overview": ("Overblik over rejsen", "Journey overview"),
    "export.stage": ("Fase", "Stage"),
    "export.stages": ("Faserne", "The stages"),
    "export.customer_goal": ("Kundens mål", "Customer's goal"),
    "export.customer_questions": ("Kundens spørgsmål", "Customer questions"),
    "export.touchpoints": ("Berøringspunkter", "Touchpoints"),
    "export.emotion": ("Følelse", "Emotion"),
    "export.tone": ("Tone", "Tone"),
    "export.key_messages": ("Nøglebudskaber", "Key messages"),
    "export.messaging": ("Budskaber", "Messaging"),
    "export.content": ("Indhold", "Content"),
    "export.call_to_action": ("Handlingsopfordring", "Call to action"),
    "export.kpis": ("KPI'er", "KPIs"),
    "export.duration": ("Varighed", "Duration"),
    "export.name": ("Navn", "Name"),
    "export.channel": ("Kanal", "Channel"),
    "export.kind": ("Type", "Kind"),
    "export.opportunities": ("Muligheder", "Opportunities"),
    "export.no_touchpoints": ("Ingen berøringspunkter endnu.", "No touchpoints yet."),
    # Shown as a Mermaid task, so no full stop: it reads as a label.
    "export.placeholder_task": ("(ingen berøringspunkter endnu)", "(no touchpoints yet)"),
    # Interview evidence
    "export.evidence": ("Interviewfund", "Interview evidence"),
    "export.unlinked": ("Ikke knyttet til en fase", "Not linked to a stage"),
    "export.question": ("Spørgsmål", "Question"),
    "export.no_consent": ("uden samtykke", "no consent"),
    "export.no_evidence": ("Ingen interviewsvar at vise.", "No interview answers to show."),
    "export.left_out": Plural(
        da=("{n} interview uden samtykke er udeladt.", "{n} interviews uden samtykke er udeladt."),
        en=(
            "{n} interview without consent is left out.",
            "{n} interviews without consent are left out.",
        ),
    ),
    "export.csv_delimiter": (";", ","),
    "export.respondent": ("Kunde {letter}", "Customer {letter}"),
    "export.quote_open": ("»", "“"),
    "export.quote_close": ("«", "”"),
    # Diagram
    "export.diagram": ("Rejsediagram", "Journey diagram"),
    "export.diagram_left_out_stage": (
        "Fasen {name} har ingen berøringspunkter og er ikke med i diagrammet",
        "The stage {name} has no touchpoints and is left out of the diagram",
    ),
    "export.diagram_left_out": Plural(
        da=(
            "Diagrammet viser kun faser med berøringspunkter; {n} fase er udeladt: {names}.",
            "Diagrammet viser kun faser med berøringspunkter; {n} faser er udeladt: {names}.",
        ),
        en=(
            "The diagram shows only stages with touchpoints; {n} stage is left out: {names}.",
            "The diagram shows only stages with touchpoints; {n} stages are left out: {names}.",
        ),
    ),
    "export.diagram_too_big": (
        "Diagrammet er for stort til, at Mermaid kan vise det. Eksportér det fase for fase med kunderejse export --to mermaid-journey --split.",
        "The diagram is too large for Mermaid to show. Export it stage by stage with kunderejse export --to mermaid-journey --split.",
    ),
    # The journey map picture (SVG, PNG, PDF, HTML)
    "export.emotion_curve": ("Følelseskurve", "Emotion curve"),
    "export.average": ("Gennemsnit", "Average"),
    "export.answers": Plural(da=("{n} svar", "{n} svar"), en=("{n} answer", "{n} answers")),
    "export.assumed": ("antaget", "assumed"),
    "export.more": ("+{n} mere", "+{n} more"),
    "export.legend": ("Forklaring", "Legend"),
    "export.page": ("Side {n} af {of}", "Page {n} of {of}"),
    "export.made_with": ("lavet med kunderejse", "made with kunderejse"),
    "export.dashed": ("{state} (stiplet)", "{state} (dashed)"),
    "export.cut_note": Plural(
        da=(
            "{n} punkt er ikke vist (se »+N«); hele rejsen står i Markdown-eksporten.",
            "{n} punkter er ikke vist (se »+N«); hele rejsen står i Markdown-eksporten.",
        ),
        en=(
            "{n} item is not shown (see “+N”); the Markdown export has the whole journey.",
            "{n} items are not shown (see “+N”); the Markdown export has the whole journey.",
        ),
    ),
    "export.no_stages": ("Rejsen har ingen faser endnu.", "The journey has no stages yet."),
    "export.tone_scale": ("blød – salg", "soft – sales"),
    # Hand-over documents (PowerPoint, Word, spreadsheets)
    "export.continued": ("{title} (fortsat)", "{title} (continued)"),
    "export.curve_average": ("Alle (gennemsnit)", "Everyone (average)"),
    "export.journey_map": ("Kunderejsekortet", "The journey map"),
    "export.evidence_for": ("Interviewfund: {stage}", "Interview evidence: {stage}"),
    "export.backlog": ("Backlog", "Backlog"),
    "export.interview_answers": ("Interviewsvar", "Interview answers"),
    "export.touchpoint": ("Berøringspunkt", "Touchpoint"),
    "export.persona": ("Persona", "Persona"),
    "export.id": ("Id", "Id"),
    "export.summary": ("Resumé", "Summary"),
    "export.category": ("Kategori", "Category"),
    "export.pain": ("Smertepunkt", "Pain"),
    "export.opportunity": ("Mulighed", "Opportunity"),
    "export.text": ("Tekst", "Text"),
    "export.evidence_count": ("Interviewbelæg", "Evidence"),
    "export.responsible": ("Ansvarlig", "Owner"),
    "export.priority": ("Prioritet", "Priority"),
    "export.status": ("Status", "Status"),
    "export.respondent_col": ("Respondent", "Respondent"),
    "export.date": ("Dato", "Date"),
    "export.answer": ("Svar", "Answer"),
    "export.stage_list": ("Faser", "Stages"),
    "export.consent": ("Samtykke", "Consent"),
    "export.yes": ("ja", "yes"),
    "export.no": ("nej", "no"),
}
# The words for the format's enum values: export.value.<key>.<value>.
MESSAGES |= {
    "export.value.kind.owned": ("Ejet", "Owned"),
    "export.value.kind.paid": ("Betalt", "Paid"),
    "export.value.kind.earned": ("Fortjent", "Earned"),
    "export.value.kind.offline": ("Offline", "Offline"),
    "export.value.tone.inspire": ("Inspirere", "Inspire"),
    "export.value.tone.inform": ("Informere", "Inform"),
    "export.value.tone.persuade": ("Overbevise", "Persuade"),
    "export.value.tone.sell": ("Sælge", "Sell"),
    "export.value.state.current": ("Nuværende", "Current"),
    "export.value.state.future": ("Fremtidig", "Future"),
    "export.value.market.B2C": ("B2C (forbrugere)", "B2C (consumers)"),
    "export.value.market.B2B": ("B2B (virksomheder)", "B2B (businesses)"),
    "export.value.model.custom": ("Egen model", "Custom"),
}
# The word for each emotion score (the face beside it is no language's).
MESSAGES |= {
    "export.emotion.1": ("frustreret", "frustrated"),
    "export.emotion.2": ("utilfreds", "unhappy"),
    "export.emotion.3": ("neutral", "neutral"),
    "export.emotion.4": ("tilfreds", "pleased"),
    "export.emotion.5": ("begejstret", "delighted"),
}
