"""Strings of the export screen (keys start with "exp.")."""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Entry

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
    "exp.markdown_options": ("Kun Markdown:", "Markdown only:"),
    "exp.unconsented": ("Medtag interviews uden samtykke", "Include interviews without consent"),
    "exp.anonymise": ("Anonymisér", "Anonymise"),
    "exp.target": ("Fil", "File"),
    "exp.write": ("Skriv fil", "Write file"),
    "exp.copy": ("Kopiér", "Copy"),
    "exp.close": ("Luk", "Close"),
    "exp.hint": (
        "1-3: format · ctrl+s: skriv fil · c: kopiér · Tab: felter · Esc: luk",
        "1-3: format · ctrl+s: write file · c: copy · Tab: fields · Esc: close",
    ),
    "exp.key.markdown": ("Vis Markdown", "Show Markdown"),
    "exp.key.journey": ("Vis Mermaid-rejse", "Show Mermaid journey"),
    "exp.key.flowchart": ("Vis Mermaid-flowchart", "Show Mermaid flowchart"),
    "exp.key.write": ("Skriv eksporten til fil", "Write the export to a file"),
    "exp.key.copy": ("Kopiér eksporten", "Copy the export"),
    "exp.key.close": ("Luk eksport", "Close export"),
    "exp.working": ("Laver eksporten …", "Exporting …"),
    "exp.written": ("Skrev {path}", "Wrote {path}"),
    "exp.copied": (
        "Kopieret til udklipsholderen ({n} tegn)",
        "Copied to the clipboard ({n} characters)",
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
    "exp.preview_cut": (
        "Forhåndsvisningen viser de første {n} tegn; filen og udklipsholderen får det hele.",
        "The preview shows the first {n} characters; the file and the clipboard get it all.",
    ),
}
