"""What the command line says besides the problems themselves."""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Entry, Plural

MESSAGES: dict[str, Entry] = {
    # `kunderejse validate` ends with one line: "2 filer tjekket: 1 fejl, 0 advarsler i 1 fil".
    "cli.validate.summary": (
        "{files} tjekket: {errors}, {warnings} i {bad_files}",
        "{files} checked: {errors}, {warnings} in {bad_files}",
    ),
    "cli.validate.files": Plural(da=("{n} fil", "{n} filer"), en=("{n} file", "{n} files")),
    "cli.validate.errors": Plural(da=("{n} fejl", "{n} fejl"), en=("{n} error", "{n} errors")),
    "cli.validate.warnings": Plural(
        da=("{n} advarsel", "{n} advarsler"), en=("{n} warning", "{n} warnings")
    ),
}
MESSAGES |= {
    # `kunderejse fmt` speaks English only (it has no --lang), but its words live here too.
    "cli.fmt.reformatted": Plural(
        da=(
            "{n} fil omformateret, {unchanged} uændret",
            "{n} filer omformateret, {unchanged} uændret",
        ),
        en=(
            "{n} file reformatted, {unchanged} unchanged",
            "{n} files reformatted, {unchanged} unchanged",
        ),
    ),
    "cli.fmt.would_reformat": Plural(
        da=(
            "{n} fil ville blive omformateret, {unchanged} uændret",
            "{n} filer ville blive omformateret, {unchanged} uændret",
        ),
        en=(
            "{n} file would be reformatted, {unchanged} unchanged",
            "{n} files would be reformatted, {unchanged} unchanged",
        ),
    ),
}
MESSAGES |= {
    # export -o / report -o naming the journey itself (by any name: .., a link).
    "cli.output_is_input": (
        "{path} er selve rejsefilen; vælg et andet filnavn til -o",
        "{path} is the journey file itself; choose another file name for -o",
    ),
    # `kunderejse recover`
    "cli.recover.none": ("Ingen gendannelseskopier venter.", "No recovery copies are waiting."),
    "cli.recover.missing": ("(findes ikke længere)", "(missing)"),
    "cli.recover.lines": Plural(
        da=("{n} ændret linje", "{n} ændrede linjer"), en=("{n} changed line", "{n} changed lines")
    ),
    "cli.recover.changes": Plural(
        da=("{n} ændring", "{n} ændringer"), en=("{n} change", "{n} changes")
    ),
    "cli.recover.session": ("proces {pid} på {host}", "process {pid} on {host}"),
    "cli.recover.unknown": (
        "ingen gendannelseskopi med id {id} (se listen: kunderejse recover)",
        "no recovery copy with id {id} (see the list: kunderejse recover)",
    ),
    "cli.recover.discarded": ("Kopi {id} er kasseret.", "Copy {id} was discarded."),
    "cli.recover.restored": (
        "Kopi {id} er skrevet til {file}.",
        "Copy {id} was written to {file}.",
    ),
    "cli.recover.not_written": (
        "{file} er ikke skrevet: {reason}. Kopien er urørt; vælg en anden fil med -o FIL",
        "{file} was not written: {reason}. The copy is kept; choose another file with -o FILE",
    ),
    "cli.recover.exists": (
        "{file} findes allerede; vælg et andet navn med -o",
        "{file} already exists; choose another name with -o",
    ),
    "cli.recover.moved_on": (
        "{file} er ændret, siden redigeringen begyndte; skriv kopien til en ny fil med -o",
        "{file} changed since the edits began; write the copy to a new file with -o",
    ),
    "cli.recover.output_needs_restore": (
        "-o hører sammen med --restore ID",
        "-o goes with --restore ID",
    ),
}
