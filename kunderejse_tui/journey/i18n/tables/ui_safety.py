"""Strings of the safety net: recovery copies, other sessions, changes on disk (da, en)."""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Entry

MESSAGES: dict[str, Entry] = {
    # ---- recovery copy waiting
    "safety.recovery_title": ("Ikke-gemte ændringer fundet", "Unsaved changes found"),
    "safety.recovery_body": (
        "Der er en gendannelseskopi af {file} fra {when} (proces {pid}), som aldrig blev gemt.",
        "There is a recovery copy of {file} from {when} (process {pid}) that was never saved.",
    ),
    "safety.recovery_moved_on": (
        "Filen er ændret siden da; gendanner du, bliver du bedt om at flette, når du gemmer.",
        "The file has changed since; if you restore, you will be asked to merge when you save.",
    ),
    "safety.recovery_form": (
        "Kopien rummer også det, der var skrevet i den åbne formular ({form}), men ikke "
        "anvendt; gendanner du, står det i rejsen.",
        "The copy also holds what was typed into the open form ({form}) but not applied; "
        "if you restore, it is in the journey.",
    ),
    "safety.recovery_place": (
        "Kopi {k} af {n}, den nyeste først; de andre venter, til du vælger for dem.",
        "Copy {k} of {n}, newest first; the others wait until you choose for them.",
    ),
    "safety.recovery_next": ("Næste kopi", "Next copy"),
    "key.save_as": ("Gem som ny fil", "Save as a new file"),
    "safety.save_failed_save_as": ("Gem som en ny fil med S.", "Save as a new file with S."),
    "safety.restore": ("Gendan", "Restore"),
    "safety.show_difference": ("Vis forskellen", "Show the difference"),
    "safety.discard": ("Kassér kopien", "Discard the copy"),
    "safety.restored": (
        "Gendannet fra gendannelseskopien. Gem med ctrl+s; ctrl+z fortryder.",
        "Restored from the recovery copy. Save with ctrl+s; ctrl+z undoes it.",
    ),
    "safety.discarded": ("Gendannelseskopien er kasseret.", "The recovery copy was discarded."),
    "safety.copy_failed": (
        "Gendannelseskopien kunne ikke skrives: {error}",
        "The recovery copy could not be written: {error}",
    ),
    "safety.state_unavailable": (
        "Gendannelseskopier og låse er ikke tilgængelige. Mappen til dem kan ikke skrives "
        "({error}). Du kan arbejde og gemme som normalt, men ikke-gemte ændringer lægges "
        "ikke til side, og en anden session på samme rejse opdages ikke.",
        "Recovery copies and locks are unavailable. Their folder cannot be written "
        "({error}). You can work and save as usual, but unsaved edits are not copied "
        "aside, and another session on the same journey is not noticed.",
    ),
    "safety.home_recovery": ("⚠ kopi venter", "⚠ copy waiting"),
    # ---- another session
    "safety.other_title": ("Rejsen er åben et andet sted", "The journey is open elsewhere"),
    "safety.other_body": (
        "En anden kunderejse-session (proces {pid} på {host}) har {file} åben. "
        "Åbn den skrivebeskyttet, eller overtag den (den anden session kan så ikke gemme).",
        "Another kunderejse session (process {pid} on {host}) has {file} open. "
        "Open it read-only, or take it over (the other session can then no longer save).",
    ),
    "safety.read_only": ("Skrivebeskyttet", "Read-only"),
    "safety.take_over": ("Overtag", "Take over"),
    "safety.read_only_mark": ("skrivebeskyttet", "read-only"),
    "safety.read_only_save": (
        "Rejsen er åben skrivebeskyttet; en anden session har den. Overtag med {shortcut}, "
        "eller gem som en ny fil med S.",
        "The journey is open read-only; another session has it. Take over with {shortcut}, "
        "or save as a new file with S.",
    ),
    "safety.taken_over": (
        "En anden session har overtaget rejsen; dine ændringer er ikke gemt, men ligger "
        "stadig her. Gem dem som en ny fil med S, eller overtag igen med {shortcut}.",
        "Another session took the journey over; your edits are not saved but are still "
        "here. Save them as a new file with S, or take over again with {shortcut}.",
    ),
    "safety.took_over": ("Du har overtaget rejsen.", "You took the journey over."),
    # ---- changed on disk
    "safety.changed_title": ("Filen er ændret på disken", "The file changed on disk"),
    "safety.changed_body": (
        "{file} er ændret uden for appen (git pull, en anden editor), mens du havde "
        "ikke-gemte ændringer. Intet bliver overskrevet, før du vælger.",
        "{file} was changed outside the app (git pull, another editor) while you had "
        "unsaved edits. Nothing is overwritten until you choose.",
    ),
    "safety.changed_unreadable": (
        "Versionen på disken kan ikke læses ({problem}), så den kan ikke flettes eller "
        "genindlæses.",
        "The version on disk cannot be read ({problem}), so it cannot be merged or reloaded.",
    ),
    "safety.merge": ("Flet", "Merge"),
    "safety.reload": ("Genindlæs (mist mine)", "Reload (lose mine)"),
    "safety.keep_mine": ("Behold mine og overskriv", "Keep mine and overwrite"),
    "safety.save_as_new": ("Gem mine som ny fil", "Save mine as a new file"),
    "safety.cancel": ("Annullér", "Cancel"),
    "safety.merged": (
        "Flettet med ændringerne på disken. Gemmer…",
        "Merged with the changes on disk. Saving…",
    ),
    "safety.merge_conflicts_title": ("Fletningen har konflikter", "The merge has conflicts"),
    "safety.merge_conflicts_body": (
        "Begge sider har ændret det samme:\n{conflicts}\n\nVælg en anden løsning.",
        "Both sides changed the same thing:\n{conflicts}\n\nChoose another way.",
    ),
    "safety.reload_confirm_title": ("Mist dine ændringer?", "Lose your edits?"),
    "safety.reload_confirm_body": (
        "Genindlæsning erstatter dine ikke-gemte ændringer med versionen på disken "
        "(ctrl+z kan hente dem tilbage, så længe appen er åben).",
        "Reloading replaces your unsaved edits with the version on disk "
        "(ctrl+z brings them back while the app is open).",
    ),
    "safety.reload_yes": ("Genindlæs", "Reload"),
    "safety.reloaded": ("Genindlæst fra disken.", "Reloaded from disk."),
    "safety.reloaded_clean": (
        "{file} er ændret på disken og er genindlæst.",
        "{file} changed on disk and was reloaded.",
    ),
    "safety.new_file_title": ("Gem som ny fil", "Save as a new file"),
    "safety.new_file_label": ("Filnavn:", "File name:"),
    "safety.new_file_exists": ("{file} findes allerede.", "{file} already exists."),
    "safety.new_file_bad": (
        "Navnet skal ende på .journey.yaml og ligge i en mappe, der findes.",
        "The name must end in .journey.yaml, in a folder that exists.",
    ),
    "safety.saved_as": ("Gemt som {file}.", "Saved as {file}."),
    "safety.diff_title": ("Forskellen", "The difference"),
    "safety.diff_recovery": (
        "--- på disken\n+++ gendannelseskopien",
        "--- on disk\n+++ the recovery copy",
    ),
    "safety.diff_disk": ("--- på disken\n+++ i appen", "--- on disk\n+++ in the app"),
    "safety.diff_none": ("Ingen forskel.", "No difference."),
    "safety.diff_close": ("Luk", "Close"),
    "key.take_over": ("Overtag rejsen", "Take the journey over"),
}
