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
}
