"""Strings of the current-vs-future compare screen (keys start with "cmp.")."""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Entry

MESSAGES: dict[str, Entry] = {
    "cmp.title": ("Sammenlign rejser", "Compare journeys"),
    "cmp.current": ("Nuværende: {name}", "Current: {name}"),
    "cmp.future": ("Fremtidig: {name}", "Future: {name}"),
    "cmp.also": ("Andre fremtidige rejser: {names}", "Other future journeys: {names}"),
    "cmp.changes": ("Ændringer ({n})", "Changes ({n})"),
    "cmp.no_changes": ("Ingen ændringer.", "No changes."),
    "cmp.legend": (
        "+ ny · − fjernet · ~ ændret · → flyttet · ↑↓ ændringer · n/N næste/forrige · Esc luk",
        "+ new · − removed · ~ changed · → moved · ↑↓ changes · n/N next/previous · Esc close",
    ),
    "cmp.touchpoints": ("Berøringspunkter ({n})", "Touchpoints ({n})"),
    "cmp.messaging": ("Budskaber", "Messaging"),
    "cmp.tone": ("Tone:", "Tone:"),
    "cmp.cta": ("Handlingsopfordring:", "Call to action:"),
    "cmp.unnamed": ("(uden navn)", "(no name)"),
    "cmp.stage_added": ("+ ny fase i den fremtidige rejse", "+ new stage in the future state"),
    "cmp.stage_removed": (
        "− fasen er fjernet i den fremtidige rejse",
        "− the stage is gone in the future state",
    ),
    "cmp.renamed_from": ("omdøbt fra {old}", "renamed from {old}"),
    "cmp.stage_moved": ("flyttet fra plads {old} til {new}", "moved from place {old} to {new}"),
    "cmp.moved_to": ("flyttet til fasen {stage}", "moved to the stage {stage}"),
    "cmp.moved_from": ("flyttet fra fasen {stage}", "moved from the stage {stage}"),
    "cmp.reordered": ("flyttet fra plads {old} til {new}", "moved from place {old} to {new}"),
    "cmp.removed": ("fjernet", "removed"),
    "cmp.emotion": ("følelse", "emotion"),
    "cmp.better": ("bedre", "better"),
    "cmp.worse": ("værre", "worse"),
    "cmp.also_changed": ("også ændret: {fields}", "also changed: {fields}"),
    "cmp.none": ("ingen", "none"),
    "cmp.was": ("før: {old}", "was: {old}"),
    "cmp.f.channel": ("kanal", "channel"),
    "cmp.f.kind": ("type", "kind"),
    "cmp.f.personas": ("personaer", "personas"),
    "cmp.f.pains": ("smertepunkter", "pain points"),
    "cmp.f.opportunities": ("muligheder", "opportunities"),
    "cmp.f.key_messages": ("nøglebudskaber", "key messages"),
    "cmp.f.content": ("indhold", "content"),
    "cmp.f.customer_goal": ("kundens mål", "customer goal"),
    "cmp.f.kpis": ("KPI'er", "KPIs"),
    "cmp.f.duration": ("varighed", "duration"),
    "cmp.f.owner": ("ansvarlig", "owner"),
    "cmp.f.notes": ("noter", "notes"),
    # For the map's binding that opens the screen (its palette command too).
    "cmp.key.open": (
        "Sammenlign nuværende og fremtidig tilstand",
        "Compare the current and future state",
    ),
    "cmp.key.close": ("Luk sammenligningen", "Close the comparison"),
    "cmp.key.next": ("Næste ændring", "Next change"),
    "cmp.key.previous": ("Forrige ændring", "Previous change"),
    "cmp.key.focus": ("Skift mellem faser og ændringer", "Switch between stages and changes"),
    "cmp.err.no_based_on": (
        "Den fremtidige rejse siger ikke, hvilken nuværende rejse den bygger på"
        " (based_on i rejsens fakta).",
        "This future-state journey does not say which current journey it is based on"
        " (based_on in the journey facts).",
    ),
    "cmp.err.unreadable": (
        "Kan ikke læse {file}, som rejsen bygger på: {problem}",
        "Cannot read {file}, which this journey is based on: {problem}",
    ),
    "cmp.err.no_future": (
        "Ingen fremtidig rejse i {folder} bygger på {file}. Tryk V for at lave en.",
        "No future-state journey in {folder} is based on {file}. Press V to make one.",
    ),
    # Making a future-state version (future_state.py), from the map's V and the palette.
    "cmp.key.make_future": (
        "Lav en fremtidig version af rejsen",
        "Make a future-state version of the journey",
    ),
    "cmp.make.exists_title": ("Den fremtidige version findes", "The future state exists"),
    "cmp.make.exists_body": (
        "{file} findes allerede, og den overskrives ikke. Vil du åbne den?",
        "{file} already exists, and it is not overwritten. Open it?",
    ),
    "cmp.make.open": ("Åbn den", "Open it"),
    "cmp.make.save_first_title": ("Gem først?", "Save first?"),
    "cmp.make.save_first_body": (
        "Den fremtidige version bygger på filen {file}, og den har ændringer, der ikke er"
        " gemt. Gem dem, og lav så versionen?",
        "The future state is based on the file {file}, which has unsaved changes."
        " Save them, then make the future state?",
    ),
    "cmp.make.save_and_make": ("Gem og lav den", "Save and make it"),
    "cmp.make.failed": (
        "Kunne ikke lave den fremtidige version: {error}",
        "Could not make the future state: {error}",
    ),
    "cmp.make.made": (
        "Lavede {file}: samme faser og berøringspunkter, state: future. v sammenligner.",
        "Made {file}: the same stages and touchpoints, state: future. v compares.",
    ),
}
