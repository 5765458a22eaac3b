"""Strings of the export screen (keys start with "exp.")."""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Entry, Plural

MESSAGES: dict[str, Entry] = {
    "exp.title": ("Eksportér", "Export"),
    "exp.fmt.markdown": ("1 Markdown", "1 Markdown"),
    "exp.fmt.mermaid-journey": ("2 Mermaid-rejse", "2 Mermaid journey"),
    "exp.fmt.mermaid-flowchart": ("3 Mermaid-flowchart", "3 Mermaid flowchart"),
    "exp.persona": ("Persona", "Persona"),
    "exp.all_personas": ("Alle personaer", "All personas"),
    "exp.lang": ("Sprog", "Language"),
    "exp.lang.da": ("Dansk", "Danish"),
    "exp.lang.en": ("Engelsk", "English"),
    "exp.fmt.map": ("4 Kort", "4 Map"),
    "exp.fmt.documents": ("5 Dokumenter", "5 Documents"),
    "exp.interview_options": ("Interviews:", "Interviews:"),
    "exp.format": ("Format", "Format"),
    "exp.table": ("Tabel", "Table"),
    "exp.file.svg": ("SVG (billede)", "SVG (picture)"),
    "exp.file.png": ("PNG (billede)", "PNG (picture)"),
    "exp.file.pdf": ("PDF", "PDF"),
    "exp.file.html": ("HTML (én side)", "HTML (one page)"),
    "exp.file.pptx": ("PowerPoint", "PowerPoint"),
    "exp.file.docx": ("Word", "Word"),
    "exp.file.xlsx": ("Excel", "Excel"),
    "exp.file.csv": ("CSV", "CSV"),
    "exp.table.touchpoints": ("Berøringspunkter", "Touchpoints"),
    "exp.table.backlog": ("Backlog", "Backlog"),
    "exp.table.interviews": ("Interviewsvar", "Interview answers"),
    "exp.table.personas": ("Personaer", "Personas"),
    "exp.about.svg": (
        "Kunderejsekortet som SVG-billede: skarpt i alle størrelser, kan redigeres i Figma "
        "og Illustrator.",
        "The journey map as an SVG picture: sharp at any size, editable in Figma and Illustrator.",
    ),
    "exp.about.png": (
        "Kunderejsekortet som PNG-billede (A3 liggende, dobbelt opløsning).",
        "The journey map as a PNG picture (A3 landscape, double resolution).",
    ),
    "exp.about.pdf": (
        "Kunderejsekortet som PDF til print (A3 liggende); teksten kan søges og markeres.",
        "The journey map as a PDF for print (A3 landscape); its text can be searched and selected.",
    ),
    "exp.about.html": (
        "Kunderejsekortet som én selvstændig HTML-side: åbnes i enhver browser uden net, "
        "printes til A3.",
        "The journey map as one self-contained HTML page: opens in any browser offline, "
        "prints to A3.",
    ),
    "exp.about.pptx": (
        "PowerPoint (16:9): forside, personaer, overblik med følelseskurven, en slide pr. fase, "
        "citater og kortet.",
        "PowerPoint (16:9): title, personas, an overview with the emotion curve, a slide per "
        "stage, quotes and the map.",
    ),
    "exp.about.docx": (
        "Word-dokument med samme indhold som Markdown, Words overskrifter, tabeller og kortet.",
        "A Word document with the Markdown's content, Word's headings, tables and the map.",
    ),
    "exp.about.xlsx": (
        "Excel-projektmappe: et ark pr. tabel med filtre, backloggen klar til ejer og prioritet.",
        "An Excel workbook: a sheet per table with filters, the backlog ready for owner and "
        "priority.",
    ),
    "exp.about.csv": (
        "Én tabel som CSV (UTF-8 med BOM, så Excel læser æøå).",
        "One table as CSV (UTF-8 with a BOM, so Excel reads æøå).",
    ),
    "exp.csv_sep.da": (
        "Felterne adskilles med semikolon, som dansk Excel forventer.",
        "Fields are separated by semicolons, as Danish Excel expects.",
    ),
    "exp.csv_sep.en": (
        "Felterne adskilles med komma (engelsk eksport).",
        "Fields are separated by commas (English export).",
    ),
    "exp.map_size": (
        "{stages} faser, {touchpoints} berøringspunkter.",
        "{stages} stages, {touchpoints} touchpoints.",
    ),
    "exp.pages": Plural(da=("{n} side.", "{n} sider."), en=("{n} page.", "{n} pages.")),
    "exp.page_files": (
        "Én fil pr. side: {first} … {last}",
        "One file per page: {first} … {last}",
    ),
    "exp.doc_size": (
        "{personas} personaer, {stages} faser, {touchpoints} berøringspunkter.",
        "{personas} personas, {stages} stages, {touchpoints} touchpoints.",
    ),
    "exp.sheets": ("Ark: {sheets}", "Sheets: {sheets}"),
    "exp.csv_table": Plural(
        da=("Tabellen {table}: {n} række.", "Tabellen {table}: {n} rækker."),
        en=("The table {table}: {n} row.", "The table {table}: {n} rows."),
    ),
    "exp.needs_extra": (
        "Den valgfrie pakke mangler: pip install 'kunderejse-tui[{extra}]'",
        "The optional package is missing: pip install 'kunderejse-tui[{extra}]'",
    ),
    "exp.no_map_picture": (
        "Uden pakken 'picture' kommer kortet ikke med som billede: "
        "pip install 'kunderejse-tui[picture]'",
        "Without the package 'picture' the map is left out: pip install 'kunderejse-tui[picture]'",
    ),
    "exp.no_preview": (
        "Ingen forhåndsvisning af en fil som denne: ctrl+s skriver den.",
        "No preview of a file like this: ctrl+s writes it.",
    ),
    "exp.no_copy": (
        "Filen kan ikke kopieres som tekst; skriv den med ctrl+s.",
        "This file cannot be copied as text; write it with ctrl+s.",
    ),
    "exp.writing": ("Skriver {path} …", "Writing {path} …"),
    "exp.written_pages": Plural(
        da=("Skrev {n} fil: {path}", "Skrev {n} filer: {path}"),
        en=("Wrote {n} file: {path}", "Wrote {n} files: {path}"),
    ),
    "exp.missing_extra": (
        "{fmt} kræver den valgfrie pakke '{extra}': pip install 'kunderejse-tui[{extra}]'",
        "{fmt} needs the optional package '{extra}': pip install 'kunderejse-tui[{extra}]'",
    ),
    "exp.is_journey": (
        "{path} er selve rejsefilen; vælg et andet filnavn.",
        "{path} is the journey file itself; choose another file name.",
    ),
    "exp.reason.enoent": ("mappen findes ikke", "the folder does not exist"),
    "exp.reason.eisdir": ("det er en mappe", "it is a folder"),
    "exp.reason.enotdir": (
        "en del af stien er ikke en mappe",
        "part of the path is not a folder",
    ),
    "exp.unconsented": ("Medtag interviews uden samtykke", "Include interviews without consent"),
    "exp.anonymise": ("Anonymisér", "Anonymise"),
    "exp.target": ("Fil", "File"),
    "exp.write": ("Skriv fil", "Write file"),
    "exp.copy": ("Kopiér", "Copy"),
    "exp.close": ("Luk", "Close"),
    "exp.hint": (
        "1-5: format · ctrl+s: skriv fil · c: kopiér · Tab: felter · Esc: luk",
        "1-5: format · ctrl+s: write file · c: copy · Tab: fields · Esc: close",
    ),
    "exp.key.markdown": ("Vis Markdown", "Show Markdown"),
    "exp.key.journey": ("Vis Mermaid-rejse", "Show Mermaid journey"),
    "exp.key.flowchart": ("Vis Mermaid-flowchart", "Show Mermaid flowchart"),
    "exp.key.map": ("Kortet som billede eller PDF", "The map as a picture or PDF"),
    "exp.key.documents": ("PowerPoint, Word, Excel, CSV", "PowerPoint, Word, Excel, CSV"),
    "exp.key.write": ("Skriv eksporten til fil", "Write the export to a file"),
    "exp.key.copy": ("Kopiér eksporten", "Copy the export"),
    "exp.key.close": ("Luk eksport", "Close export"),
    "exp.working": ("Laver eksporten …", "Exporting …"),
    "exp.written": ("Skrev {path}", "Wrote {path}"),
    "exp.copied": Plural(
        da=("Kopieret til udklipsholderen ({n} tegn)", "Kopieret til udklipsholderen ({n} tegn)"),
        en=("Copied to the clipboard ({n} character)", "Copied to the clipboard ({n} characters)"),
    ),
    "exp.no_target": ("Skriv et filnavn først.", "Enter a file name first."),
    "exp.exists": (
        "{path} findes og er ikke eksportens egen fil. Tryk ctrl+s igen for at overskrive.",
        "{path} exists and is not this export's own file. Press ctrl+s again to overwrite.",
    ),
    "exp.write_failed": ("Kunne ikke skrive {path}: {error}", "Could not write {path}: {error}"),
    "exp.failed": ("Eksporten fejlede: {error}", "The export failed: {error}"),
    "exp.too_big_size": (
        "Diagrammet er {size} tegn; Mermaid (og GitHub) viser højst {limit}.",
        "The diagram is {size} characters; Mermaid (and GitHub) render at most {limit}.",
    ),
    "exp.too_big_edges": (
        "Diagrammet har {edges} forbindelser; Mermaid viser højst {limit}.",
        "The diagram has {edges} links; Mermaid renders at most {limit}.",
    ),
    "exp.too_big_hint": (
        "Vælg én persona, eller del kortet op i faser.",
        "Pick one persona, or split the map by stage.",
    ),
    "exp.preview_cut": Plural(
        da=(
            "Forhåndsvisningen viser det første {n} tegn; filen og udklipsholderen får det hele.",
            "Forhåndsvisningen viser de første {n} tegn; filen og udklipsholderen får det hele.",
        ),
        en=(
            "The preview shows the first {n} character; the file and the clipboard get it all.",
            "The preview shows the first {n} characters; the file and the clipboard get it all.",
        ),
    ),
}
