"""Why a journey file has a problem: the reasons behind the codes in ``problems.CODES``.

Reading (L) from ``yamlio``, the schema (S) from ``schema``, references (X, W) from
``checks``. Schema sentences are built from pieces (a place, a subject, a rule, the
value found), each a message of its own, so that both languages build them alike.
"""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Entry

# Reading the file (L).
MESSAGES: dict[str, Entry] = {
    "problem.load.utf16": (
        "filen er UTF-16; gem den som UTF-8",
        "the file is UTF-16; save it as UTF-8",
    ),
    "problem.load.bad_byte": (
        "byte 0x{byte} er ikke gyldig UTF-8 (er filen gemt som Latin-1 eller "
        "Windows-1252?); gem den som UTF-8",
        "byte 0x{byte} is not valid UTF-8 (is the file Latin-1 or Windows-1252?); save it as UTF-8",
    ),
    "problem.load.empty": ("filen er tom", "the file is empty"),
    "problem.load.conflict": (
        "git-flettekonfliktmarkering: løs flettekonflikten først",
        "git merge-conflict marker: resolve the merge conflict first",
    ),
    "problem.load.surrogate": (
        "enlig surrogat U+{code}: teksten er ikke gyldig Unicode",
        "lone surrogate U+{code}: the text is not valid Unicode",
    ),
    "problem.load.control": (
        "kontroltegnet {char} er ikke tilladt i en rejsefil",
        "control character {char} is not allowed in a journey file",
    ),
    "problem.load.line_separator": (
        "tegnet U+{code} er et usynligt linjeskift, som YAML-læsere tolker forskelligt; "
        "erstat det med et almindeligt linjeskift",
        "character U+{code} is an invisible line separator that YAML readers disagree on; "
        "replace it with a normal line break",
    ),
    "problem.load.alias": (
        "alias *{anchor}: rejser bruger ikke ankre eller aliasser; skriv værdien ud",
        "alias *{anchor}: journeys do not use anchors or aliases; write the value out",
    ),
    "problem.load.anchor": (
        "anker &{anchor}: rejser bruger ikke ankre eller aliasser",
        "anchor &{anchor}: journeys do not use anchors or aliases",
    ),
    "problem.load.tag": (
        "eksplicit tag {tag}: rejser bruger kun almindelige værdier; fjern tagget",
        "explicit tag {tag}: journeys use plain values only; remove the tag",
    ),
    "problem.load.too_deep": (
        "indlejring dybere end {depth} niveauer; en rejse har brug for ca. 7",
        "nesting deeper than {depth} levels; a journey needs about 7",
    ),
    "problem.load.second_document": (
        "her begynder et YAML-dokument mere; en rejsefil rummer præcis ét",
        "a second YAML document starts here; a journey file holds exactly one",
    ),
    "problem.load.tab": (
        "et tabulatortegn bruges til indrykning; YAML indrykker kun med mellemrum",
        "a tab is used for indentation; YAML indents with spaces only",
    ),
    "problem.load.invalid_yaml": ("ugyldig YAML: {detail}", "invalid YAML: {detail}"),
    "problem.load.long_number": (
        "et tal med {digits} cifre er for langt til at læse; "
        "sæt det i anførselstegn, hvis det er tekst",
        "a number with {digits} digits is too long to read; quote it if it is text",
    ),
    "problem.load.key_not_text": (
        "nøglen {key} er ikke en tekst; sæt den i anførselstegn",
        'key {key} is not a string; quote it ("{key}")',
    ),
    "problem.load.duplicate_key": (
        "nøglen '{key}' står to gange (første gang i linje {first}); "
        "YAML-læsere ville i stilhed kun beholde den ene",
        "duplicate key '{key}' (first at line {first}); YAML readers would silently keep only one",
    ),
    "problem.load.no_document": (
        "filen rummer intet YAML-dokument (kun kommentarer eller tomme linjer)",
        "the file holds no YAML document (only comments or blank lines)",
    ),
    "problem.load.not_a_mapping": (
        "øverste niveau skal være en mapping (format:, id:, title:, stages: ...)",
        "the top level must be a mapping (format:, id:, title:, stages: ...)",
    ),
    "problem.load.megabytes": ("{whole},{tenth}", "{whole}.{tenth}"),
    "problem.load.too_large": (
        "filen fylder {size} MB; rejser må højst fylde {cap} MB",
        "the file is {size} MB; journeys are capped at {cap} MB",
    ),
    "problem.load.unknown_format": (
        "formatet {format} kendes ikke af denne version af kunderejse, som læser {known}; "
        "opgrader kunderejse",
        "format {format} is not known to this version of kunderejse, which reads {known}; "
        "upgrade kunderejse",
    ),
    "problem.load.not_regular": (
        "ikke en almindelig fil (et rør eller en enhed?)",
        "not a regular file (a pipe or a device?)",
    ),
    "problem.load.directory": ("er en mappe", "is a directory"),
    "problem.load.no_such_file": ("filen findes ikke", "no such file"),
    "problem.load.unreadable": ("filen kan ikke læses: {reason}", "cannot read the file: {reason}"),
}

# References (X) and warnings (W): the kinds of item, then the sentences.
MESSAGES |= {
    "problem.kind.persona": ("persona", "persona"),
    "problem.kind.stage": ("fase", "stage"),
    "problem.kind.touchpoint": ("berøringspunkt", "touchpoint"),
    "problem.kind.interview": ("interview", "interview"),
    "problem.kind.question": ("spørgsmål i spørgsmålsbanken", "question in the question bank"),
    "problem.ref.duplicate_id": (
        "{kind}-id'et '{id}' bruges to gange (første gang i linje {first})",
        "{kind} id '{id}' is used twice (first at line {first})",
    ),
    "problem.ref.no_such": ("{value}: {kind} findes ikke", "{value}: no such {kind}"),
    "problem.ref.known": ("{text} (findes: {known})", "{text} (known: {known})"),
    "problem.ref.bad_date": (
        "{value} er ikke en dato i kalenderen",
        "{value} is not a date in the calendar",
    ),
    "problem.ref.based_on_missing": (
        "based_on: {file} findes ikke (i forhold til denne fil)",
        "based_on: {file} does not exist (relative to this file)",
    ),
    # Shared by references and the schema: a guess at what was meant.
    "problem.did_you_mean": ("{text}; mente du {near}?", "{text}; did you mean {near}?"),
}

# The schema (S). Places: 'stage "attract", touchpoint 2, emotion'.
MESSAGES |= {
    "problem.noun.persona": ("persona", "persona"),
    "problem.noun.stage": ("fase", "stage"),
    "problem.noun.interview": ("interview", "interview"),
    "problem.noun.touchpoint": ("berøringspunkt", "touchpoint"),
    "problem.noun.question": ("kundespørgsmål", "customer question"),
    "problem.noun.answer": ("svar", "answer"),
    "problem.place.item": ("{noun} {name}", "{noun} {name}"),
    "problem.place.list_item": ("punkt {n}", "item {n}"),
    "problem.place.key_item": ("{key} punkt {n}", "{key} item {n}"),
    "problem.place.key": ("{key}.{sub}", "{key}.{sub}"),
    "problem.place.and": ("{first}, {then}", "{first}, {then}"),
    "problem.place.journey": ("rejsen", "the journey"),
    "problem.at": ("{place}: {text}", "{place}: {text}"),
    "problem.subject": ("{subject} {text}", "{subject} {text}"),
}

# The schema (S): what a value is and what it must be.
MESSAGES |= {
    "problem.type.string": ("en tekst", "a text"),
    "problem.type.integer": ("et helt tal", "a whole number"),
    "problem.type.number": ("et tal", "a number"),
    "problem.type.boolean": ("true eller false", "true or false"),
    "problem.type.array": ("en liste", "a list"),
    "problem.type.object": ("en mapping (nøgle: værdi)", "a mapping (key: value)"),
    "problem.type.null": ("tom (null)", "empty (null)"),
    "problem.type.or": ("{first} eller {then}", "{first} or {then}"),
    "problem.rule.id": (
        'et id (små bogstaver a-z, cifre 0-9 og enkelte bindestreger, f.eks. "kunde-a")',
        'an id (lowercase a-z, digits 0-9 and single hyphens, e.g. "kunde-a")',
    ),
    "problem.rule.date": ("en dato skrevet ÅÅÅÅ-MM-DD", "a date written YYYY-MM-DD"),
    "problem.rule.one_of": ("en af {values}", "one of {values}"),
    "problem.rule.range": (
        "et helt tal fra {low} til {high}",
        "a whole number from {low} to {high}",
    ),
    "problem.value.null": ("ingenting (null)", "nothing (null)"),
    "problem.value.list": ("en liste", "a list"),
    "problem.value.mapping": ("en mapping", "a mapping"),
}

# The schema (S): the sentences.
MESSAGES |= {
    "problem.schema.missing_key": (
        'mangler den påkrævede nøgle "{key}"',
        'missing required key "{key}"',
    ),
    "problem.schema.unknown_key_guess": (
        "{key}: ukendt nøgle; mente du {near}?",
        "{key}: unknown key; did you mean {near}?",
    ),
    "problem.schema.unknown_key": (
        "{key}: ukendt nøgle (egne nøgler skal starte med x-)",
        "{key}: unknown key (keys of your own must start with x-)",
    ),
    "problem.schema.no_form": (
        "{subject} passer ikke til nogen af de tilladte former",
        "{subject} matches none of the allowed forms",
    ),
    "problem.schema.question_and_ask": (
        "angiv enten question (et id fra spørgsmålsbanken) eller ask "
        "(et spørgsmål med dine egne ord), ikke begge",
        "give either question (an id from the question bank) or ask "
        "(a question in your own words), not both",
    ),
    "problem.schema.question_or_ask": (
        "mangler question (et id fra spørgsmålsbanken) eller ask (et spørgsmål med dine egne ord)",
        "needs question (an id from the question bank) or ask (a question in your own words)",
    ),
    "problem.schema.must_be": ("skal være {rule}, fik {got}", "must be {rule}, got {got}"),
    "problem.schema.must_be_text": (
        "skal være {rule}, fik {got} (sæt anførselstegn om for at beholde det som tekst)",
        "must be {rule}, got {got} (put it in quotes to keep it as text)",
    ),
    # A list of options ends in a comma-separated run: "; got" keeps it apart.
    "problem.schema.must_be_listed": ("skal være {rule}; fik {got}", "must be {rule}; got {got}"),
    "problem.schema.try": ("{text}; prøv {slug}", "{text}; try {slug}"),
    "problem.schema.at_least": (
        "skal være {limit} eller mere, fik {got}",
        "must be {limit} or more, got {got}",
    ),
    "problem.schema.at_most": (
        "skal være {limit} eller mindre, fik {got}",
        "must be {limit} or less, got {got}",
    ),
    "problem.schema.not_empty": ("må ikke være tom", "must not be empty"),
    "problem.schema.other_rule": (
        "passer ikke til rejseformatet ({rule}-reglen), fik {got}",
        "does not fit the journey format (the {rule} rule), got {got}",
    ),
}
