"""What add, duplicate, delete and move mean on each kind of map row.

Pure functions over the core ``Editor`` (no Textual): each makes one undoable
edit and returns the path the map should focus afterwards, or None when the
row has nothing to act on. Kept apart from the screen so the rules can be
read, and tested, in one place.
"""

from __future__ import annotations

from typing import Literal

from kunderejse_tui.journey.access import as_dict, as_list, text
from kunderejse_tui.journey.edits import MISSING, Editor, KeyPath, get_path
from kunderejse_tui.tui.widgets.stage_column import Row

AddKind = Literal["stage", "question", "touchpoint"]
IdKind = Literal["stage", "touchpoint"]


def _stage(row: Row) -> int:
    index = row.path[1]
    assert isinstance(index, int)
    return index


def _item(row: Row) -> int | None:
    """The index of a question or touchpoint row; None for other rows."""
    if row.kind in ("question", "touchpoint"):
        index = row.path[3]
        assert isinstance(index, int)
        return index
    return None


def add_kind(row: Row) -> AddKind:
    """``a`` adds a stage on stage rows, a question among questions, a touchpoint among touchpoints."""
    if row.kind in ("goal", "question", "add-question"):
        return "question"
    if row.kind in ("touchpoint", "add-touchpoint"):
        return "touchpoint"
    return "stage"


def add(editor: Editor, row: Row, name: str) -> KeyPath:
    """Add an item named ``name`` after the row (at the end of its list on "+ add" rows)."""
    i = _stage(row)
    kind = add_kind(row)
    if kind == "stage":
        editor.add_stage(name, index=i + 1)
        return ("stages", i + 1)
    j = _item(row)
    at = None if j is None else j + 1
    if kind == "question":
        index = editor.add_question(i, name, index=at)
        return ("stages", i, "customer_questions", index)
    editor.add_touchpoint(i, name, index=at)
    index = at if at is not None else len(as_list(editor.get(("stages", i, "touchpoints")))) - 1
    return ("stages", i, "touchpoints", index)


def duplicate(editor: Editor, row: Row) -> KeyPath | None:
    if row.kind == "stage":
        return ("stages", editor.duplicate(("stages",), _stage(row)))
    j = _item(row)
    if j is None:
        return None
    list_path = row.path[:3]
    return (*list_path, editor.duplicate(list_path, j))


def delete(editor: Editor, row: Row) -> KeyPath | None:
    """Delete the row's item; returns where the focus goes (the next item, or the list)."""
    i = _stage(row)
    if row.kind == "stage":
        count = len(as_list(editor.get(("stages",))))
        editor.remove(("stages",), i, label="Delete stage")
        return ("stages", min(i, count - 2)) if count > 1 else None
    j = _item(row)
    if j is not None:
        list_path = row.path[:3]
        editor.remove(list_path, j)
        remaining = len(as_list(editor.get(list_path)))
        return (*list_path, j) if j < remaining else (*list_path, j - 1) if j else list_path
    if row.kind in ("goal", "messaging") and get_path(editor.data, row.path) is not MISSING:
        editor.delete(row.path)
        return row.path
    return None


def move(editor: Editor, row: Row, dx: int, dy: int) -> KeyPath | None:
    """Move the row's item: dx across stages, dy within its list. None: it cannot go there."""
    i = _stage(row)
    stages = len(as_list(editor.get(("stages",))))
    j = _item(row)
    if j is None:
        if dx == 0 or row.kind in ("add-question", "add-touchpoint"):
            return None
        k = editor.move_stage(i, dx)
        return None if k == i else ("stages", k, *row.path[2:])
    list_path = row.path[:3]
    if dy:
        k = editor.move_item(list_path, j, dy)
        return None if k == j else (*list_path, k)
    target = i + dx
    if not 0 <= target < stages or not isinstance(get_path(editor.data, ("stages", target)), dict):
        return None
    if row.kind == "touchpoint":
        k = editor.move_touchpoint_to_stage(i, j, target)
        return ("stages", target, "touchpoints", k)
    question = as_list(editor.get(list_path))[j]
    target_list: KeyPath = ("stages", target, "customer_questions")
    with editor.group("Move customer question to another stage"):
        editor.remove(list_path, j)
        k = editor.insert(target_list, None, question)
    return (*target_list, k)


def id_of(editor: Editor, row: Row) -> tuple[IdKind, str, KeyPath] | None:
    """The id a rename would change on this row: stages and touchpoints have one."""
    if row.kind == "stage":
        kind: IdKind = "stage"
        path = row.path
    elif row.kind == "touchpoint":
        kind, path = "touchpoint", row.path
    else:
        return None
    item_id = text(as_dict(get_path(editor.data, path)).get("id"))
    return (kind, item_id, path) if item_id else None
