"""Strings of keys and focus: stray typing, leaving the map, asking before a delete (da, en)."""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Entry, Plural

MESSAGES: dict[str, Entry] = {
    # ---- the map after a form closes, and leaving it
    "keys.stray_typing": (
        "Formularen er lukket: tasterne lige efter blev ikke brugt på kortet.",
        "The form is closed: the keys typed right after it were not used on the map.",
    ),
    "keys.escape_on_map": (
        "Esc gør intet på kortet. Luk rejsen med {shortcut}.",
        "Esc does nothing on the map. Close the journey with {shortcut}.",
    ),
    "keys.close_journey": ("Luk rejsen", "Close the journey"),
    # ---- a button that has the focus in a form
    "keys.typed_on_button": (
        "Markøren står på knappen »{button}«, ikke i et felt: det skrevne kom ingen steder hen. "
        "Shift+Tab går tilbage til felterne.",
        "The focus is on the button “{button}”, not in a field: what you typed went nowhere. "
        "Shift+Tab goes back to the fields.",
    ),
    "keys.enter_after_typing": (
        "Enter trykker ikke på »{button}«, når der lige er skrevet på knappen. "
        "Flyt til knappen igen med Tab, eller gem med ctrl+s.",
        "Enter does not press “{button}” right after typing on it. "
        "Move to the button again with Tab, or save with ctrl+s.",
    ),
    # ---- asking before a delete
    "keys.delete_title": ("Slet?", "Delete?"),
    "keys.delete_stage_body": (
        "Fasen »{name}« slettes med alt, hvad den rummer: {contents}.",
        "The stage “{name}” is deleted with everything it holds: {contents}.",
    ),
    "keys.delete_persona_body": (
        "Personaen »{name}« slettes. Den nævnes i {contents}; de henvisninger peger "
        "derefter på en persona, der ikke findes.",
        "The persona “{name}” is deleted. It is named in {contents}; those references "
        "will then point at a persona that does not exist.",
    ),
    "keys.delete_undo_hint": ("ctrl+z fortryder bagefter.", "ctrl+z undoes it afterwards."),
    "keys.delete_yes": ("Slet", "Delete"),
    "keys.delete_no": ("Behold", "Keep"),
    "keys.and": ("{rest} og {last}", "{rest} and {last}"),
    "keys.n_touchpoints": Plural(
        da=("{n} berøringspunkt", "{n} berøringspunkter"),
        en=("{n} touchpoint", "{n} touchpoints"),
    ),
    "keys.n_questions": Plural(
        da=("{n} kundespørgsmål", "{n} kundespørgsmål"),
        en=("{n} customer question", "{n} customer questions"),
    ),
    "keys.n_kpis": Plural(da=("{n} KPI", "{n} KPI'er"), en=("{n} KPI", "{n} KPIs")),
    "keys.goal": ("kundens mål", "the customer's goal"),
    "keys.messaging": ("budskaberne", "the messaging"),
    "keys.n_interviews": Plural(
        da=("{n} interview", "{n} interviews"),
        en=("{n} interview", "{n} interviews"),
    ),
}
