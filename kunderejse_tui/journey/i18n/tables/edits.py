"""Why an edit cannot be made (``EditError``), and the names of the kinds of item."""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Entry, Plural

MESSAGES: dict[str, Entry] = {
    "edit.kind.persona": ("persona", "persona"),
    "edit.kind.stage": ("fase", "stage"),
    "edit.kind.touchpoint": ("berøringspunkt", "touchpoint"),
    "edit.kind.interview": ("interview", "interview"),
    "edit.no_such_index": Plural(
        da=(
            "{path} findes ikke (listen har {n} element)",
            "{path} findes ikke (listen har {n} elementer)",
        ),
        en=(
            "{path} does not exist (the list has {n} item)",
            "{path} does not exist (the list has {n} items)",
        ),
    ),
    "edit.no_such_path": ("{path} findes ikke", "{path} does not exist"),
    "edit.not_a_container": (
        "{path} er hverken en mapping eller en liste",
        "{path} is not a mapping or a list",
    ),
    "edit.wrong_key": ("{path}: forkert nøgle", "{path}: wrong kind of key"),
    "edit.list_item": (
        "{path} er et listeelement: fjern det i stedet",
        "{path} is a list item: remove it instead",
    ),
    "edit.root_not_mapping": ("en kunderejse skal være en mapping", "a journey must be a mapping"),
    "edit.insert_into_empty": (
        "{path} er tom: kan ikke indsætte på {index}",
        "{path} is empty: cannot insert at {index}",
    ),
    "edit.insert_out_of_range": Plural(
        da=(
            "kan ikke indsætte på {index} i {path} ({n} element)",
            "kan ikke indsætte på {index} i {path} ({n} elementer)",
        ),
        en=(
            "cannot insert at {index} in {path} ({n} item)",
            "cannot insert at {index} in {path} ({n} items)",
        ),
    ),
    "edit.not_a_list": ("{path} er ikke en liste", "{path} is not a list"),
    "edit.undo_in_group": (
        "det kan ikke lade sig gøre at fortryde inde i en gruppe",
        "cannot undo inside a group",
    ),
    "edit.redo_in_group": (
        "det kan ikke lade sig gøre at gentage inde i en gruppe",
        "cannot redo inside a group",
    ),
    "edit.reset_edited": (
        "kunderejsen er redigeret; den kan ikke nulstilles",
        "the journey was edited; it cannot be reset",
    ),
    "edit.delete_journey": ("kan ikke slette hele kunderejsen", "cannot delete the whole journey"),
    "edit.not_a_stage": ("stages[{index}] er ikke en fase", "stages[{index}] is not a stage"),
    "edit.question_and_ask": (
        "et svar har enten et spørgsmål fra banken eller sit eget, ikke begge",
        "an answer has either a question from the bank or its own ask, not both",
    ),
    "edit.not_an_interview": (
        "interviews[{index}] er ikke et interview",
        "interviews[{index}] is not an interview",
    ),
    "edit.unknown_kind": ("ukendt slags element: {kind}", "unknown kind of item: {kind}"),
    "edit.no_such_id": (
        "der er ingen {kind} med id'et '{id}'",
        "there is no {kind} with the id '{id}'",
    ),
    "edit.not_the_item": ("{path} er ikke {kind} '{id}'", "{path} is not the {kind} '{id}'"),
    "edit.bad_id": (
        "'{id}' er ikke et gyldigt id: brug små bogstaver a-z, tal og '-' (for eksempel 'mette-2')",
        "'{id}' is not a valid id: use lowercase letters a-z, digits and '-' "
        "(for example 'mette-2')",
    ),
    "edit.id_taken": (
        "id'et '{id}' bruges allerede af en anden {kind}",
        "the id '{id}' is already used by another {kind}",
    ),
    # The app's refusals, raised as EditErrors so every screen shows them the same way.
    "edit.read_only": (
        "rejsen er åben skrivebeskyttet: en anden session har den (overtag med {shortcut})",
        "this journey is open read-only: another session has it (take over with {shortcut})",
    ),
    "edit.interview_gone": ("interviewet findes ikke længere", "the interview is gone"),
    # Undo labels (the core keeps them in English; see edits.label_text)
    "edit.label.replace_journey": ("Erstat kunderejsen", "Replace journey"),
    "edit.label.move_touchpoint": ("Flyt berøringspunkt", "Move touchpoint"),
    "edit.label.move_touchpoint_to_another_stage": (
        "Flyt berøringspunkt til en anden fase",
        "Move touchpoint to another stage",
    ),
    "edit.label.duplicate_stage": ("Dupliker fase", "Duplicate stage"),
    "edit.label.duplicate_touchpoint": ("Dupliker berøringspunkt", "Duplicate touchpoint"),
    "edit.label.duplicate_persona": ("Dupliker persona", "Duplicate persona"),
    "edit.label.duplicate_interview": ("Dupliker interview", "Duplicate interview"),
    "edit.label.duplicate_item": ("Dupliker element", "Duplicate item"),
    "edit.label.add_stage": ("Tilføj fase", "Add stage"),
    "edit.label.add_touchpoint": ("Tilføj berøringspunkt", "Add touchpoint"),
    "edit.label.add_persona": ("Tilføj persona", "Add persona"),
    "edit.label.add_customer_question": ("Tilføj kundespørgsmål", "Add customer question"),
    "edit.label.add_interview": ("Tilføj interview", "Add interview"),
    "edit.label.add_answer": ("Tilføj svar", "Add answer"),
    "edit.label.insert_into": ("Indsæt i {path}", "Insert into {path}"),
    "edit.label.set": ("Ændr {path}", "Set {path}"),
    "edit.label.delete": ("Slet {path}", "Delete {path}"),
    "edit.label.remove": ("Fjern {path}", "Remove {path}"),
    "edit.label.move": ("Flyt {path}", "Move {path}"),
    "edit.label.rename": ("Omdøb {kind} {change}", "Rename {kind} {change}"),
}
