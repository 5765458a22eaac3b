"""Making a future-state version of a journey (``future_state.py``), in the app and the CLI."""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Entry

MESSAGES: dict[str, Entry] = {
    "future.title": ("{title} (fremtidig tilstand)", "{title} (future state)"),
    "future.already_future": (
        "Rejsen er selv en fremtidig tilstand (state: future); den har en nuværende"
        " tilstand, ikke en fremtidig.",
        "This journey is a future state itself (state: future); it has a current state,"
        " not a future one.",
    ),
    "future.exists": (
        "{file} findes allerede; den overskrives ikke.",
        "{file} already exists; it is not overwritten.",
    ),
    "future.wrote": (
        "Skrev {file} (fremtidig tilstand, bygger på {based_on}).",
        "Wrote {file} (future state, based on {based_on}).",
    ),
    "future.schema_installed": (
        "Skemaet er lagt i {file}, så editorer kan tjekke rejsen.",
        "Installed the schema at {file}, so that editors can check the journey.",
    ),
}
