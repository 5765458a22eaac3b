"""Strings of interview mode, the evidence picker, coverage and synthesis (da, en)."""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Entry, Plural

MESSAGES: dict[str, Entry] = {
    # ---- keys (binding descriptions: footer, help, command palette)
    "iv.key.interviews": ("Interviews", "Interviews"),
    "iv.key.next": ("Næste spørgsmål", "Next question"),
    "iv.key.previous": ("Forrige spørgsmål", "Previous question"),
    "iv.key.skip": ("Spring over", "Skip"),
    "iv.key.follow_up": ("Opfølgning", "Follow-up"),
    "iv.key.tags": ("Mærker", "Tags"),
    "iv.key.link": ("Knyt til", "Link"),
    "iv.key.questions": ("Spørgsmålslisten", "Question list"),
    "iv.key.consent": ("Skift samtykke", "Toggle consent"),
    "iv.key.save": ("Gem", "Save"),
    "iv.key.back": ("Tilbage", "Back"),
    "iv.key.start": ("Start interview", "Start interview"),
    "iv.key.continue": ("Fortsæt interview", "Continue interview"),
    "iv.key.open_quote": ("Åbn interviewet", "Open the interview"),
    "iv.key.only_assumed": ("Kun antagne", "Only assumed"),
    "iv.key.synthesis": ("Syntese", "Synthesis"),
    "iv.key.coverage": ("Dækning", "Coverage"),
    "iv.key.unconsented": ("Vis/skjul uden samtykke", "Show/hide unconsented"),
    "iv.key.by_question": ("Pr. spørgsmål", "By question"),
    "iv.key.tag_overview": ("Mærkeoversigt", "Tag overview"),
    "iv.key.persona_filter": ("Filtrér på persona", "Filter by persona"),
    "iv.key.tag_filter": ("Filtrér på mærke", "Filter by tag"),
    "iv.key.quotes": ("Til citaterne", "To the quotes"),
    "iv.key.toggle": ("Vælg/fravælg", "Select/deselect"),
    "iv.key.confirm": ("OK", "OK"),
    "iv.key.cancel": ("Fortryd", "Cancel"),
    # ---- consent, everywhere an interview or a quote is shown
    "iv.consent.yes": ("samtykke", "consent"),
    "iv.consent.no": ("uden samtykke", "no consent"),
    # ---- starting or continuing an interview
    "iv.start.title": ("Interviews", "Interviews"),
    "iv.start.new": ("Nyt interview", "New interview"),
    "iv.start.respondent": ("Respondent", "Respondent"),
    "iv.start.respondent_placeholder": (
        "Navn eller alias, f.eks. Kunde A",
        "Name or alias, e.g. Customer A",
    ),
    "iv.start.persona": ("Persona", "Persona"),
    "iv.start.no_persona": ("Ingen persona", "No persona"),
    "iv.start.date": ("Dato", "Date"),
    "iv.start.interviewer": ("Interviewer", "Interviewer"),
    "iv.start.consent": ("Samtykke", "Consent"),
    "iv.start.consent_label": (
        "Respondenten giver samtykke til, at svarene bruges",
        "The respondent consents to the answers being used",
    ),
    "iv.start.start": ("Start interview (ctrl+s)", "Start interview (ctrl+s)"),
    "iv.start.existing": ("Fortsæt et interview ({n})", "Continue an interview ({n})"),
    "iv.start.none": ("Ingen interviews endnu.", "No interviews yet."),
    "iv.start.bad_date": (
        "Datoen skal være en rigtig dato skrevet ÅÅÅÅ-MM-DD, f.eks. {example}.",
        "The date must be a real date written YYYY-MM-DD, e.g. {example}.",
    ),
    "iv.start.hint": (
        "Udfyld og tryk Enter for at starte. ctrl+o går til listen, hvor Enter fortsætter et "
        "interview.",
        "Fill in and press Enter to start. ctrl+o goes to the list, where Enter continues an "
        "interview.",
    ),
    "iv.start.started": ("Interviewet {id} er startet.", "Interview {id} has started."),
    # ---- the interview
    "iv.title": ("Interview · {who}", "Interview · {who}"),
    "iv.progress": (
        "Spørgsmål {i} af {n} · {answered} besvaret",
        "Question {i} of {n} · {answered} answered",
    ),
    "iv.progress_follow_up": (
        "Opfølgning på spørgsmål {i} af {n} · {answered} besvaret",
        "Follow-up to question {i} of {n} · {answered} answered",
    ),
    "iv.progress_own": (
        "Eget spørgsmål før spørgsmål 1 af {n} · {answered} besvaret",
        "Own question before question 1 of {n} · {answered} answered",
    ),
    "iv.kind.bank": ("Fra spørgsmålsbanken", "From the question bank"),
    "iv.kind.custom": ("Opfølgning / eget spørgsmål", "Follow-up / own question"),
    "iv.kind.unknown": ("Ukendt spørgsmål «{id}»", "Unknown question «{id}»"),
    "iv.no_question": ("(svar uden spørgsmål)", "(answer without a question)"),
    "iv.answer_placeholder": (
        "Skriv svaret her. Det kommer i rejsen, mens du skriver.",
        "Type the answer here. It goes into the journey as you type.",
    ),
    "iv.tags": ("Mærker", "Tags"),
    "iv.links": ("Knyttet til", "Linked to"),
    "iv.none": ("ingen", "none"),
    "iv.not_answered": ("ikke besvaret", "not answered"),
    "iv.hint": (
        "Svaret står i rejsen, mens du skriver; ctrl+s gemmer filen. Tab/PgDn: næste · "
        "PgUp: forrige · F5: spring over · ctrl+o: listen · F8: samtykke · uden F-taster: "
        "ctrl+f opfølgning, ctrl+g mærker, ctrl+l knyt til",
        "The answer is in the journey as you type; ctrl+s saves the file. Tab/PgDn: next · "
        "PgUp: previous · F5: skip · ctrl+o: the list · F8: consent · without F keys: "
        "ctrl+f follow-up, ctrl+g tags, ctrl+l link",
    ),
    "iv.last_question": (
        "Det var sidste spørgsmål. F4 tilføjer en opfølgning; Esc afslutter.",
        "That was the last question. F4 adds a follow-up; Esc finishes.",
    ),
    "iv.first_question": ("Det er første spørgsmål.", "This is the first question."),
    "iv.all_answered": ("Alle spørgsmål har et svar.", "Every question has an answer."),
    "iv.left": (
        "Svarene står i rejsen. Gem filen med ctrl+s.",
        "The answers are in the journey. Save the file with ctrl+s.",
    ),
    "iv.consent_now_yes": ("Samtykke: ja.", "Consent: yes."),
    "iv.consent_now_no": (
        "Samtykke: nej. Interviewet holdes ude af eksporter.",
        "Consent: no. The interview is left out of exports.",
    ),
    "iv.not_found": (
        "Interviewet findes ikke længere i rejsen.",
        "The interview is no longer in the journey.",
    ),
    "iv.write_failed": (
        "Svaret kunne ikke gemmes: {message}",
        "The answer was not kept: {message}",
    ),
    "iv.type_first": (
        "Mærker og links gemmes med svaret, når du skriver det.",
        "Tags and links are kept with the answer once you type it.",
    ),
    "iv.follow_up_added": ("Opfølgning tilføjet.", "Follow-up added."),
    "iv.undo.answer": ("Svar i interview {id}", "Answer in interview {id}"),
    "iv.undo.tags": ("Mærker på svar", "Tags of an answer"),
    "iv.undo.links": ("Knyt svar til faser og berøringspunkter", "Link an answer"),
    "iv.undo.consent": ("Samtykke i interview {id}", "Consent of interview {id}"),
    "iv.undo.new": ("Nyt interview {id}", "New interview {id}"),
    # ---- the picker
    "iv.pick.links_title": (
        "Knyt svaret til faser og berøringspunkter",
        "Link the answer to stages and touchpoints",
    ),
    "iv.pick.tags_title": ("Mærker på svaret", "Tags of the answer"),
    "iv.pick.follow_up_title": ("Opfølgende eller eget spørgsmål", "Follow-up or own question"),
    "iv.pick.filter": ("Skriv for at filtrere …", "Type to filter …"),
    "iv.pick.tag_filter": ("Skriv et mærke …", "Type a tag …"),
    "iv.pick.question_filter": (
        "Vælg et forslag, eller skriv dit eget spørgsmål …",
        "Pick a suggestion, or type your own question …",
    ),
    "iv.pick.hint_multi": (
        "↑↓ flyt · Tab vælg/fravælg · Enter gem (og vælg den markerede, hvis du har skrevet) "
        "· Esc fortryd",
        "↑↓ move · Tab select/deselect · Enter save (and select the highlighted one if you "
        "typed) · Esc cancel",
    ),
    "iv.pick.hint_single": (
        "↑↓ flyt · Enter vælg · Esc fortryd",
        "↑↓ move · Enter pick · Esc cancel",
    ),
    "iv.pick.new_tag": ("Nyt mærke: {text}", "New tag: {text}"),
    "iv.pick.new_question": ("Eget spørgsmål: {text}", "Own question: {text}"),
    "iv.pick.no_match": ("Intet passer.", "Nothing matches."),
    "iv.pick.nothing": ("Intet at vælge imellem.", "Nothing to choose from."),
    "iv.pick.selected": ("Valgt ({n}): {items}", "Selected ({n}): {items}"),
    "iv.pick.none_selected": ("Intet valgt.", "Nothing selected."),
    "iv.pick.stage": ("fase", "stage"),
    "iv.pick.uses": ("{n}×", "{n}×"),
    # ---- coverage
    "iv.cov.title": ("Dækning", "Coverage"),
    "iv.cov.summary": ("{interviews} · {answers}", "{interviews} · {answers}"),
    "iv.n.interviews": Plural(
        da=("{n} interview", "{n} interviews"), en=("{n} interview", "{n} interviews")
    ),
    "iv.cov.unconsented": ("{n} uden samtykke tæller med", "{n} without consent counted"),
    "iv.cov.hidden": (
        "{n} uden samtykke er skjult (u viser dem)",
        "{n} without consent hidden (u shows them)",
    ),
    "iv.cov.assumed_summary": (
        "Antaget (intet interview bakker dem op): faser {stages} · berøringspunkter {touchpoints}",
        "Assumed (no interview backs them): stages {stages} · touchpoints {touchpoints}",
    ),
    "iv.cov.all_observed": (
        "Alle faser og berøringspunkter er observeret i interviews.",
        "Every stage and touchpoint is observed in interviews.",
    ),
    "iv.cov.unknown": (
        "Henvisninger til faser eller berøringspunkter, der ikke findes: {n}",
        "References to stages or touchpoints that do not exist: {n}",
    ),
    "iv.cov.assumed": ("antaget", "assumed"),
    "iv.cov.observed": ("observeret", "observed"),
    "iv.cov.unlinked": ("Svar uden kobling", "Answers linked to nothing"),
    "iv.cov.no_stages": ("Rejsen har ingen faser endnu.", "The journey has no stages yet."),
    "iv.cov.no_quotes": (
        "Intet interview bakker dette op endnu. Spørg ind til det i næste interview.",
        "No interview backs this yet. Ask about it in the next interview.",
    ),
    "iv.cov.quotes_title": ("{name} · {status}", "{name} · {status}"),
    "iv.cov.hint": (
        "↑↓ vælg en fase eller et berøringspunkt · Tab til citaterne · Enter på et citat åbner "
        "interviewet",
        "↑↓ pick a stage or touchpoint · Tab to the quotes · Enter on a quote opens the interview",
    ),
    "iv.cov.only_assumed_on": ("Viser kun antagne.", "Showing only assumed."),
    "iv.cov.only_assumed_off": ("Viser alle.", "Showing all."),
    # ---- synthesis
    "iv.syn.title": ("Syntese", "Synthesis"),
    "iv.syn.persona": ("Persona", "Persona"),
    "iv.syn.all_personas": ("Alle personaer", "All personas"),
    "iv.syn.tag": ("Mærke", "Tag"),
    "iv.syn.all_tags": ("Alle mærker", "All tags"),
    "iv.syn.tab_questions": ("Pr. spørgsmål (1)", "By question (1)"),
    "iv.syn.tab_tags": ("Mærker (2)", "Tags (2)"),
    "iv.syn.col_tag": ("Mærke", "Tag"),
    "iv.syn.col_count": ("Svar", "Answers"),
    "iv.syn.col_interviews": ("Interviews", "Interviews"),
    "iv.syn.count": ("{answers} fra {interviews}", "{answers} from {interviews}"),
    "iv.syn.no_answers": ("Ingen svar på dette spørgsmål.", "No answers to this question."),
    "iv.syn.no_tags": ("Ingen mærker endnu.", "No tags yet."),
    "iv.syn.hint": (
        "↑↓ vælg et spørgsmål · Tab til svarene · Enter på et svar åbner interviewet · "
        "p/m filtrerer",
        "↑↓ pick a question · Tab to the answers · Enter on an answer opens the interview · "
        "p/m filter",
    ),
    "iv.syn.tags_hint": (
        "Enter på et mærke viser dets svar pr. spørgsmål.",
        "Enter on a tag shows its answers by question.",
    ),
    # ---- map badges
    "iv.badge.answers": Plural(da=("{n} svar", "{n} svar"), en=("{n} answer", "{n} answers")),
    "iv.badge.assumed": ("antaget", "assumed"),
}
