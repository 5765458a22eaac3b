"""Strings of the app shell: home, map, problems, dialogs, help, keys (da, en)."""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Entry, Plural

MESSAGES: dict[str, Entry] = {
    # ---- keys (binding descriptions: footer, help, command palette)
    "key.quit": ("Afslut", "Quit"),
    "key.help": ("Hjælp", "Help"),
    "key.palette": ("Alle handlinger", "All actions"),
    "key.edit": ("Redigér", "Edit"),
    "key.add": ("Tilføj", "Add"),
    "key.delete": ("Slet", "Delete"),
    "key.duplicate": ("Kopiér", "Duplicate"),
    "key.undo": ("Fortryd", "Undo"),
    "key.redo": ("Gentag", "Redo"),
    "key.save": ("Gem", "Save"),
    "key.search": ("Søg", "Search"),
    "key.next_hit": ("Næste søgeresultat", "Next search hit"),
    "key.previous_hit": ("Forrige søgeresultat", "Previous search hit"),
    "key.personas": ("Personaer", "Personas"),
    "key.problems": ("Problemer", "Problems"),
    "key.facts": ("Rejsens fakta", "Journey facts"),
    "key.export": ("Eksportér", "Export"),
    "key.rename": ("Omdøb id", "Rename id"),
    "key.prev_stage": ("Forrige fase", "Previous stage"),
    "key.next_stage": ("Næste fase", "Next stage"),
    "key.prev_item": ("Forrige element", "Previous item"),
    "key.next_item": ("Næste element", "Next item"),
    "key.prev_next_item": ("Forrige / næste element", "Previous / next item"),
    "key.first_item": ("Første element i fasen", "First item in the stage"),
    "key.last_item": ("Sidste element i fasen", "Last item in the stage"),
    "key.page_up": ("En side op", "Page up"),
    "key.page_down": ("En side ned", "Page down"),
    "key.move_left": (
        "Flyt fasen (eller elementet) til venstre",
        "Move the stage (or the item) left",
    ),
    "key.move_right": (
        "Flyt fasen (eller elementet) til højre",
        "Move the stage (or the item) right",
    ),
    "key.move_up": ("Flyt op", "Move up"),
    "key.move_down": ("Flyt ned", "Move down"),
    "key.back": ("Tilbage", "Back"),
    "key.back_to_map": ("Tilbage til kortet", "Back to the map"),
    # ---- app
    "app.language_switched": ("Sproget er nu dansk.", "The language is now English."),
    "app.switch_language": ("Skift sprog til engelsk", "Switch language to Danish"),
    "app.switch_language_help": (
        "Brugerfladen på engelsk (English)",
        "The user interface in Danish (dansk)",
    ),
    "app.theme": ("Skift farvetema", "Change the colour theme"),
    "app.theme_help": ("Vælg et andet farvetema", "Pick another colour theme"),
    "app.palette_placeholder": ("Søg efter en handling…", "Search for an action…"),
    "app.palette_key": ("Tast: {keys}", "Key: {keys}"),
    "app.quit_hint": ("Tryk {shortcut} for at afslutte.", "Press {shortcut} to quit."),
    "app.quit_hint_title": ("Vil du afslutte?", "Do you want to quit?"),
    # ---- home
    "home.title": ("Kunderejser", "Customer journeys"),
    "home.intro": (
        "Vælg en kunderejse og tryk Enter. n: ny rejse fra en skabelon. F1: hjælp.",
        "Pick a customer journey and press Enter. n: new journey from a template. F1: help.",
    ),
    "home.journeys_in": ("Rejser i {dir}", "Journeys in {dir}"),
    "home.empty": (
        "Her er ingen *.journey.yaml-filer endnu. Tryk n for at lave en ny rejse.",
        "There are no *.journey.yaml files here yet. Press n to make a new journey.",
    ),
    "home.samples": (
        "Eksempler (åbnes som en kopi i mappen)",
        "Samples (opened as a copy in the folder)",
    ),
    "home.col.file": ("Fil", "File"),
    "home.col.title": ("Titel", "Title"),
    "home.col.stages": ("Faser", "Stages"),
    "home.col.touchpoints": ("Berøringspunkter", "Touchpoints"),
    "home.col.interviews": ("Interviews", "Interviews"),
    "home.col.status": ("Status", "Status"),
    "home.checking": ("tjekker…", "checking…"),
    "home.unreadable": ("✗ kan ikke læses", "✗ cannot be read"),
    "home.errors": Plural(da=("✗ {n} fejl", "✗ {n} fejl"), en=("✗ {n} error", "✗ {n} errors")),
    "home.warnings": Plural(
        da=("⚠ {n} advarsel", "⚠ {n} advarsler"), en=("⚠ {n} warning", "⚠ {n} warnings")
    ),
    "home.valid": ("✓ gyldig", "✓ valid"),
    "home.open": ("Åbn", "Open"),
    "home.new": ("Ny rejse", "New journey"),
    "home.rescan": ("Læs mappen igen", "Read the folder again"),
    "home.choose": ("Vælg en rejse", "Choose a journey"),
    "home.tab": (
        "Skift mellem dine rejser og eksemplerne",
        "Between your journeys and the samples",
    ),
    # ---- recovery copies waiting (every one, also of journeys that are gone)
    "home.copies": ("Gendannelseskopier, der venter", "Recovery copies waiting"),
    "home.copies_hint": (
        "Ikke-gemte ændringer fra sessioner, der sluttede. Enter: gendan eller kassér.",
        "Unsaved edits from sessions that ended. Enter: restore or discard.",
    ),
    "home.col.where": ("Mappe", "Folder"),
    "home.col.when": ("Tidspunkt", "When"),
    "home.col.changes": ("Ændringer", "Changes"),
    "home.copy_name_word": ("gendannet", "recovered"),  # bilkoeb-gendannet.journey.yaml
    "home.copy_changes": Plural(
        da=("Den rummer {n} ændring.", "Den rummer {n} ændringer."),
        en=("It holds {n} change.", "It holds {n} changes."),
    ),
    "home.copy_gone": ("(væk)", "(gone)"),
    "home.copy_title": ("Gendannelseskopi", "Recovery copy"),
    "home.copy_body": (
        "{file} i {folder}, fra {when} (proces {pid}), blev aldrig gemt.",
        "{file} in {folder}, from {when} (process {pid}), was never saved.",
    ),
    "home.copy_body_gone": (
        "Filen er her ikke længere (mappen er omdøbt, eller filen er slettet). Gendan gemmer "
        "kopien som en ny rejse i {dir}.",
        "The file is no longer there (the folder was renamed or the file deleted). Restore "
        "saves the copy as a new journey in {dir}.",
    ),
    "home.copy_body_there": (
        "Gendan åbner rejsen med kopiens ændringer; de er gemt, når du gemmer.",
        "Restore opens the journey with the copy's edits; they are saved when you save.",
    ),
    "home.copy_discard_title": ("Kassér gendannelseskopien?", "Discard the recovery copy?"),
    "home.copy_discard_body": (
        "De ikke-gemte ændringer i {file} fra {when} er tabt for altid.",
        "The unsaved edits of {file} from {when} are lost for good.",
    ),
    "home.copy_keep": ("Behold den", "Keep it"),
    "home.copy_restored_as": (
        "Kopien er gemt som {file}.",
        "The copy was saved as {file}.",
    ),
    "home.sample_copied": ("Eksemplet er kopieret til {file}.", "The sample was copied to {file}."),
    "home.sample_exists": (
        "{file} findes allerede; den åbnes.",
        "{file} already exists; opening it.",
    ),
    "home.sample_copy_failed": (
        "Kunne ikke kopiere eksemplet til {folder} ({error}); intet er åbnet.",
        "Could not copy the sample into {folder} ({error}); nothing was opened.",
    ),
    # ---- new journey
    "new.title": ("Ny kunderejse", "New customer journey"),
    "new.template": ("Skabelon (fasemodel)", "Template (stage model)"),
    "new.language": ("Rejsens sprog", "Language of the journey"),
    "new.journey_title": ("Titel", "Title"),
    "new.title_placeholder": ("fx Privatkunder køber ny bil", "e.g. Private customers buy a car"),
    "new.file": ("Filnavn (i {dir})", "File name (in {dir})"),
    "new.suggestions": (
        "Med forslag til mål, berøringspunkter og tone",
        "With suggested goals, touchpoints and tone",
    ),
    "new.create": ("Opret", "Create"),
    "new.need_title": ("Skriv en titel.", "Type a title."),
    "new.exists": (
        "{file} findes allerede; vælg et andet navn.",
        "{file} already exists; pick another name.",
    ),
    "new.failed": ("Kunne ikke oprette rejsen: {error}", "Could not create the journey: {error}"),
    # ---- loading and unreadable files
    "loading.title": ("Åbner…", "Opening…"),
    "loading.reading": ("Læser {file}…", "Reading {file}…"),
    "load_error.title": ("Filen kan ikke læses", "The file cannot be read"),
    "load_error.heading": (
        "{file} kan ikke åbnes som en kunderejse:",
        "{file} cannot be opened as a customer journey:",
    ),
    "load_error.hint": (
        "Ret filen i en editor, og tryk r for at prøve igen.",
        "Fix the file in an editor and press r to try again.",
    ),
    "load_error.hint_conflict": (
        "Ret filen i en editor (fx løs merge-konflikten), og tryk r for at prøve igen.",
        "Fix the file in an editor (e.g. resolve the merge conflict) and press r to try again.",
    ),
    "load_error.retry": ("Prøv igen", "Try again"),
    # ---- the map
    "map.goal": ("Mål:", "Goal:"),
    "map.questions": ("Kundens spørgsmål ({n})", "Customer questions ({n})"),
    "map.touchpoints": ("Berøringspunkter ({n})", "Touchpoints ({n})"),
    "map.messaging": ("Budskaber", "Messaging"),
    "map.add_question": ("Tilføj spørgsmål", "Add a question"),
    "map.add_touchpoint": ("Tilføj berøringspunkt", "Add a touchpoint"),
    "map.no_messaging": ("(ingen budskaber endnu)", "(no messaging yet)"),
    "map.tone": ("Tone:", "Tone:"),
    "map.cta": ("Handlingsopfordring:", "Call to action:"),
    "map.content": Plural(
        da=("Indhold: {n} stk.", "Indhold: {n} stk."),
        en=("Content: {n} item", "Content: {n} items"),
    ),
    "map.unnamed": ("(uden navn)", "(no name)"),
    "map.bad_stage": ("(ikke en fase i filen)", "(not a stage in the file)"),
    # Two counts: each is its own Plural (map.n_errors, map.n_warnings), read into this.
    "map.problem_count": ("{errors}, {warnings}", "{errors}, {warnings}"),
    "map.n_errors": Plural(da=("{n} fejl", "{n} fejl"), en=("{n} error", "{n} errors")),
    "map.n_warnings": Plural(
        da=("{n} advarsel", "{n} advarsler"), en=("{n} warning", "{n} warnings")
    ),
    "map.no_problems": ("ingen problemer", "no problems"),
    "map.reading_rest": ("læser interviewene …", "reading the interviews …"),
    "map.check_failed": (
        "Tjekket af rejsen fejlede (en fejl i programmet): {error}",
        "Checking the journey failed (a bug in the program): {error}",
    ),
    "map.not_editable": (
        "Dette kan ikke redigeres i en formular (forkert type i filen).",
        "This cannot be edited in a form (wrong type in the file).",
    ),
    "map.not_on_map": (
        "Det sted vises ikke på kortet; se linjenummeret i problemlisten.",
        "That place is not shown on the map; see the line number in the problems list.",
    ),
    "map.cannot_duplicate": (
        "Kun faser, spørgsmål og berøringspunkter kan kopieres.",
        "Only stages, questions and touchpoints can be duplicated.",
    ),
    "map.deleted": ("{what} er slettet.", "{what} was deleted."),
    "map.deleted_undo": ("Slettet. ctrl+z fortryder.", "Deleted. ctrl+z undoes it."),
    "map.undone": ("Fortrudt.", "Undone."),
    "map.redone": ("Gentaget.", "Redone."),
    "map.nothing_to_undo": ("Der er intet at fortryde.", "Nothing to undo."),
    "map.nothing_to_redo": ("Der er intet at gentage.", "Nothing to redo."),
    "map.no_id_here": (
        "Vælg en fase eller et berøringspunkt for at omdøbe dets id.",
        "Pick a stage or a touchpoint to rename its id.",
    ),
    "kind.owned": ("ejet", "owned"),
    "kind.paid": ("betalt", "paid"),
    "kind.earned": ("fortjent", "earned"),
    "kind.offline": ("offline", "offline"),
    "tone.inspire": ("inspirere", "inspire"),
    "tone.inform": ("informere", "inform"),
    "tone.persuade": ("overbevise", "persuade"),
    "tone.sell": ("sælge", "sell"),
    "curve.title": (
        "Følelseskurve (gennemsnit pr. fase, 1 ☹☹ … 5 ☺☺)",
        "Emotion curve (average per stage, 1 ☹☹ … 5 ☺☺)",
    ),
    "curve.everyone": ("alle", "everyone"),
    # ---- adding, renaming
    "add.stage.title": ("Ny fase", "New stage"),
    "add.stage.label": (
        "Fasens navn (id'et laves af navnet)",
        "Name of the stage (the id is made from it)",
    ),
    "add.question.title": ("Nyt spørgsmål", "New question"),
    "add.question.label": (
        "Kundens spørgsmål, med kundens ord",
        "The customer's question, in their words",
    ),
    "add.touchpoint.title": ("Nyt berøringspunkt", "New touchpoint"),
    "add.touchpoint.label": (
        "Berøringspunktets navn (id'et laves af navnet)",
        "Name of the touchpoint (the id is made from it)",
    ),
    "rename.title": ("Omdøb id '{id}'", "Rename id '{id}'"),
    "rename.label": (
        "Nyt id (små bogstaver, tal og -); alle henvisninger følger med",
        "New id (lowercase letters, digits and -); every reference follows",
    ),
    "rename.done": Plural(
        da=(
            "Id'et {old} hedder nu {new}; {n} henvisning opdateret.",
            "Id'et {old} hedder nu {new}; {n} henvisninger opdateret.",
        ),
        en=(
            "The id {old} is now {new}; {n} reference updated.",
            "The id {old} is now {new}; {n} references updated.",
        ),
    ),
    "prompt.hint": ("Enter: OK · Esc: annullér", "Enter: OK · Esc: cancel"),
    "prompt.empty": ("Skriv noget først.", "Type something first."),
    "prompt.cancel": ("Annullér", "Cancel"),
    # ---- search
    "search.title": ("Søg i rejsen", "Search the journey"),
    "search.placeholder": (
        "Navne, mål, spørgsmål, budskaber…",
        "Names, goals, questions, messages…",
    ),
    "search.count": Plural(da=("{n} fund", "{n} fund"), en=("{n} hit", "{n} hits")),
    "search.next": ("Næste fund", "Next hit"),
    "search.previous": ("Forrige fund", "Previous hit"),
    "search.showing": (
        "Fund {i} af {n} for '{query}' (n: næste)",
        "Hit {i} of {n} for '{query}' (n: next)",
    ),
    # ---- personas
    "personas.title": ("Personaer", "Personas"),
    "personas.hint": (
        "Enter: redigér · a: tilføj · c: kopiér · d: slet · shift+↑↓: flyt · r: omdøb id · Esc: tilbage",
        "Enter: edit · a: add · c: duplicate · d: delete · shift+↑↓: move · r: rename id · Esc: back",
    ),
    "personas.none": (
        "Rejsen har ingen personaer endnu. Tryk a.",
        "The journey has no personas yet. Press a.",
    ),
    "personas.add": ("Tilføj persona", "Add persona"),
    "personas.add_title": ("Ny persona", "New persona"),
    "personas.add_label": (
        "Personaens navn (id'et laves af navnet)",
        "Name of the persona (the id is made from it)",
    ),
    "personas.choose": ("Vælg en persona", "Choose a persona"),
    # ---- problems
    "problems.error": ("fejl", "error"),
    "problems.warning": ("advarsel", "warning"),
    "problems.line": ("linje {line}", "line {line}"),
    "problems.none": ("Ingen problemer.", "No problems."),
    "problems.title": (
        "Problemer ({n}) · F8: ind i listen / skjul · Enter: gå til",
        "Problems ({n}) · F8: into the list / hide · Enter: go there",
    ),
    # ---- saving and quitting
    "save.nothing": ("Ingen ændringer at gemme.", "No changes to save."),
    "save.done": ("Gemt: {file}", "Saved: {file}"),
    "save.with_problems": Plural(
        da=(
            "Gemt: {file} — men rejsen har {n} fejl (se F8).",
            "Gemt: {file} — men rejsen har {n} fejl (se F8).",
        ),
        en=(
            "Saved: {file} — but the journey has {n} error (see F8).",
            "Saved: {file} — but the journey has {n} errors (see F8).",
        ),
    ),
    "save.failed": (
        "Kunne ikke gemme; filen er uændret: {error}",
        "Could not save; the file is unchanged: {error}",
    ),
    "save.cancelled": ("Ikke gemt.", "Not saved."),
    "confirm.quit_title": ("Afslut uden at gemme?", "Quit without saving?"),
    "confirm.leave_title": ("Luk rejsen uden at gemme?", "Close the journey without saving?"),
    "confirm.unsaved_body": (
        "'{title}' har ændringer, der ikke er gemt.",
        "'{title}' has changes that are not saved.",
    ),
    "confirm.save": ("Gem", "Save"),
    "confirm.discard": ("Kassér", "Discard"),
    "confirm.cancel": ("Annullér", "Cancel"),
    "confirm.save_button": ("Gem (s)", "Save (s)"),
    "confirm.discard_button": ("Kassér ændringer (d)", "Discard changes (d)"),
    "confirm.cancel_button": ("Annullér (Esc)", "Cancel (Esc)"),
    "confirm.comments_title": ("Kommentarer forsvinder", "Comments will be lost"),
    "confirm.comments_body": (
        "{file} indeholder kommentarer (# ...). Når rejsen gemmes, skrives filen pænt "
        "og ensartet, og kommentarerne kommer ikke med. Gem alligevel?",
        "{file} contains comments (# ...). Saving writes the file in the canonical "
        "layout, and the comments do not survive. Save anyway?",
    ),
    "confirm.save_anyway": ("Gem alligevel", "Save anyway"),
    "confirm.save_anyway_button": ("Gem alligevel (s)", "Save anyway (s)"),
    # ---- help
    "help.title": ("Hjælp: {screen}", "Help: {screen}"),
    "help.close": ("Luk hjælpen", "Close the help"),
    "help.hint": ("Esc: luk · ctrl+p: alle handlinger", "Esc: close · ctrl+p: every action"),
    "help.intro.JourneyMapScreen": (
        "Kortet viser faserne side om side. Piletasterne (eller h j k l) flytter mellem faser og "
        "elementer; Enter redigerer det valgte. a tilføjer der, hvor du står: en fase på fasens "
        "navn, et spørgsmål blandt spørgsmålene, et berøringspunkt blandt berøringspunkterne. "
        "Alt kan fortrydes med ctrl+z. Inde i et tekstfelt gælder feltets egne taster.",
        "The map shows the stages side by side. The arrow keys (or h j k l) move between stages "
        "and items; Enter edits the focused one. a adds where you are: a stage on the stage's "
        "name, a question among the questions, a touchpoint among the touchpoints. Everything "
        "can be undone with ctrl+z. Inside a text field the field's own keys apply.",
    ),
    "help.intro.HomeScreen": (
        "Her er kunderejserne i mappen. Vælg en og tryk Enter, eller lav en ny med n.",
        "These are the customer journeys in the folder. Pick one and press Enter, or make a "
        "new one with n.",
    ),
    "help.intro.PersonasScreen": (
        "Personaerne er de typiske kunder, rejsen handler om. Berøringspunkter og spørgsmål kan "
        "henvise til dem.",
        "Personas are the typical customers the journey is about. Touchpoints and questions "
        "can refer to them.",
    ),
    "help.intro.LoadErrorScreen": (
        "Filen kunne ikke læses. Ret den i en editor og tryk r.",
        "The file could not be read. Fix it in an editor and press r.",
    ),
}
