"""Strings of the map's layout: the curve key, the fit-all overview, presentation mode (da, en)."""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Entry

MESSAGES: dict[str, Entry] = {
    # ---- keys
    "layout.key.curve": ("Vis / skjul følelseskurven", "Show / hide the emotion curve"),
    "layout.key.overview": ("Overblik over alle faser", "Overview of all stages"),
    "layout.key.present": ("Præsentation", "Present"),
    "layout.key.open_stage": ("Vis fasen", "Show the stage"),
    "layout.key.back": ("Tilbage", "Back"),
    "layout.key.prev_stage": ("Forrige fase", "Previous stage"),
    "layout.key.next_stage": ("Næste fase", "Next stage"),
    "layout.key.first_stage": ("Første fase", "First stage"),
    "layout.key.last_stage": ("Sidste fase", "Last stage"),
    "layout.key.toggle_overview": (
        "Skift mellem fasen og overblikket",
        "Switch between the stage and the overview",
    ),
    # ---- the cards
    "layout.pain": ("Smerte:", "Pain:"),
    "layout.opportunity": ("Mulighed:", "Opportunity:"),
    "layout.curve.short_title": ("Følelseskurve", "Emotion curve"),
    "layout.no_emotion": ("ingen følelse angivet", "no emotion given"),
    # ---- the overview screen
    "layout.overview.title": ("Overblik: {title}", "Overview: {title}"),
    "layout.overview.empty": (
        "Rejsen har ingen faser endnu.",
        "The journey has no stages yet.",
    ),
    # ---- presentation
    "layout.present.stage_of": ("Fase {i} af {n}", "Stage {i} of {n}"),
    "layout.present.persona": ("Persona:", "Persona:"),
    "layout.present.personas": ("Personaer:", "Personas:"),
    "layout.present.goal": ("Kundens mål", "The customer's goal"),
    "layout.present.questions": ("Kundens spørgsmål", "The customer's questions"),
    "layout.present.touchpoints": ("Berøringspunkter", "Touchpoints"),
    "layout.present.messaging": ("Det skal vi sige", "What we say"),
    "layout.present.cta": ("Handlingsopfordring", "Call to action"),
    "layout.present.pains": ("Smerter", "Pains"),
    "layout.present.opportunities": ("Muligheder", "Opportunities"),
    "layout.present.nothing": ("(intet endnu)", "(nothing yet)"),
    "layout.present.no_stages": (
        "Rejsen har ingen faser endnu.",
        "The journey has no stages yet.",
    ),
    "help.intro.PresentationScreen": (
        "Præsentationen viser én fase ad gangen i stor tekst, til en projektor eller en delt "
        "skærm. Piletasterne bladrer mellem faserne, o skifter til overblikket over alle "
        "faser. Intet kan redigeres her; Esc går tilbage til kortet.",
        "The presentation shows one stage at a time in large text, for a projector or a "
        "shared screen. The arrow keys step through the stages, o switches to the overview "
        "of all stages. Nothing can be edited here; Escape returns to the map.",
    ),
    "help.intro.OverviewScreen": (
        "Alle faser side om side: navn, følelse og belæg. Vælg en fase med piletasterne og "
        "tryk Enter for at gå til den på kortet.",
        "All stages side by side: name, emotion and evidence. Pick a stage with the arrow "
        "keys and press Enter to go to it on the map.",
    ),
}
