"""Undoable edits of a journey mapping: the one place every change goes through.

The journey is the parsed mapping itself (see CORE_API.md beside this module), so
an operation addresses a place in it by a key path such as ``("stages", 0,
"touchpoints", 2, "emotion")`` and changes only that place: keys the app does not know,
``x-*`` keys and values of the wrong type around it are left as they are.

Every operation's ``apply(data)`` mutates ``data`` in place and returns the
operation that undoes it exactly (the same values, the same key order), so
undo/redo, recovery copies, merge and the semantic diff can all work from the
same small vocabulary. Values are deep-copied on the way in and on the way
out: a caller that keeps a reference to a dict it handed over, or one it read
from the journey, cannot reach into the history and change the past.
"""

from __future__ import annotations

import copy
import enum
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal, TypeAlias, TypeVar

from .access import as_dict, as_list, dicts, text
from .i18n.message import Message
from .paths import KeyPath as KeyPath  # re-exported: the app imports it from here
from .slugs import SLUG_RE, unique_slug

ItemKey: TypeAlias = tuple[str, str]
"""``("stage", "attract")``, ``("touchpoint", "facebook-annonce")``, ``("journey", "title")``."""

IdSet: TypeAlias = set[str]  # the Editor has a method named `set`
Kind = Literal["persona", "stage", "touchpoint", "interview"]
KINDS: tuple[Kind, ...] = ("persona", "stage", "touchpoint", "interview")


class _Missing(enum.Enum):
    MISSING = "MISSING"

    def __repr__(self) -> str:
        return "MISSING"


# An enum member survives deepcopy as itself, so `is MISSING` holds in copies too.
MISSING = _Missing.MISSING
"""As a value: the key is absent (``SetValue(path, MISSING)`` deletes it)."""


class EditError(ValueError):
    """An edit that cannot be made; the journey is left unchanged.

    It carries the reason as a catalog ``Message``: the core does not know the
    reader's language, the screen that catches it does.
    """

    def __init__(self, reason: Message) -> None:
        super().__init__(reason.text("en"))
        self.reason = reason

    def message(self, lang: str = "en") -> str:
        return self.reason.text(lang)


def _kind_name(kind: str) -> Message | str:
    """A kind of item in words ("fase" in Danish); an unknown kind as written."""
    return Message(f"edit.kind.{kind}") if kind in KINDS else kind


def format_path(path: KeyPath) -> str:
    """``("stages", 0, "name")`` -> ``stages[0].name`` (how the problems panel writes it)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out or "(journey)"


# --------------------------------------------------------------------------- navigation


def _is_index(key: object) -> bool:
    return isinstance(key, int) and not isinstance(key, bool)


def _step(node: Any, key: str | int, path: KeyPath) -> Any:
    """The child at ``key``; MISSING when a mapping lacks the key; EditError otherwise."""
    if isinstance(node, dict):
        return node.get(key, MISSING) if isinstance(key, str) else _bad_key(path)
    if isinstance(node, list):
        if not _is_index(key):
            _bad_key(path)
        assert isinstance(key, int)
        if not 0 <= key < len(node):
            raise EditError(Message("edit.no_such_index", path=format_path(path), n=len(node)))
        return node[key]
    raise EditError(Message("edit.not_a_container", path=format_path(path[:-1])))


def _bad_key(path: KeyPath) -> Any:
    raise EditError(Message("edit.wrong_key", path=format_path(path)))


def get_path(data: Any, path: KeyPath) -> Any:
    """The value at ``path``, or MISSING if a mapping on the way lacks the key."""
    node = data
    for depth, key in enumerate(path):
        node = _step(node, key, path[: depth + 1])
        if node is MISSING:
            return MISSING
    return node


def _insert_key(mapping: dict[str, Any], key: str, value: Any, at: int | None) -> None:
    if at is None or at >= len(mapping):
        mapping[key] = value
        return
    # dicts cannot insert in the middle: rebuild in place so references to the
    # mapping (the live journey, a stage the TUI holds) stay valid.
    items = list(mapping.items())
    items.insert(max(at, 0), (key, value))
    mapping.clear()
    mapping.update(items)


_Op = TypeVar("_Op")


def _new(cls: type[_Op], **fields: Any) -> _Op:
    """Build an operation from values the module already owns (skips the defensive copy)."""
    obj = object.__new__(cls)
    for name, value in fields.items():
        object.__setattr__(obj, name, value)
    return obj


# --------------------------------------------------------------------------- operations


@dataclass(frozen=True)
class SetValue:
    """Set the value at ``path``; ``MISSING`` deletes the key.

    Setting below a key that does not exist creates the missing mappings on
    the way (``stages[0].messaging.tone`` on a stage without ``messaging``).
    ``at`` is the position of the key when it is created, so that undoing a
    deletion puts the key back where it was.
    """

    path: KeyPath
    value: Any
    at: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", tuple(self.path))
        object.__setattr__(self, "value", copy.deepcopy(self.value))

    @property
    def label(self) -> str:
        verb = "Delete" if self.value is MISSING else "Set"
        return f"{verb} {format_path(self.path)}"

    def apply(self, data: dict[str, Any]) -> Operation:
        path, value = self.path, self.value
        if not path:
            return self._replace_root(data)
        node: Any = data
        for depth, key in enumerate(path[:-1]):
            child = _step(node, key, path[: depth + 1])
            if child is MISSING:
                if value is MISSING:
                    return _new(SetValue, path=path, value=MISSING, at=None)
                rest = path[depth + 1 :]
                if not all(isinstance(k, str) for k in rest):
                    raise EditError(
                        Message("edit.no_such_path", path=format_path(path[: depth + 1]))
                    )
                for k in reversed(rest):
                    value = {k: value}
                path = path[: depth + 1]
                break
            node = child
        key = path[-1]
        if isinstance(node, dict):
            if not isinstance(key, str):
                _bad_key(path)
            assert isinstance(key, str)
            if key in node:
                old = node[key]
                if value is MISSING:
                    position = list(node).index(key)
                    del node[key]
                    return _new(SetValue, path=path, value=copy.deepcopy(old), at=position)
                node[key] = copy.deepcopy(value)
                return _new(SetValue, path=path, value=copy.deepcopy(old), at=None)
            if value is MISSING:
                return _new(SetValue, path=path, value=MISSING, at=None)
            _insert_key(node, key, copy.deepcopy(value), self.at)
            return _new(SetValue, path=path, value=MISSING, at=None)
        if isinstance(node, list):
            _step(node, key, path)  # validates the index
            assert isinstance(key, int)
            if value is MISSING:
                raise EditError(Message("edit.list_item", path=format_path(path)))
            old = node[key]
            node[key] = copy.deepcopy(value)
            return _new(SetValue, path=path, value=copy.deepcopy(old), at=None)
        raise EditError(Message("edit.not_a_container", path=format_path(path[:-1])))

    def _replace_root(self, data: dict[str, Any]) -> Operation:
        if not isinstance(self.value, dict):
            raise EditError(Message("edit.root_not_mapping"))
        old = copy.deepcopy(data)
        data.clear()
        data.update(copy.deepcopy(self.value))
        return _new(SetValue, path=(), value=old, at=None)


@dataclass(frozen=True)
class InsertItem:
    """Insert ``item`` at ``index`` of the list at ``list_path`` (created if absent or null)."""

    list_path: KeyPath
    index: int
    item: Any

    def __post_init__(self) -> None:
        object.__setattr__(self, "list_path", tuple(self.list_path))
        object.__setattr__(self, "item", copy.deepcopy(self.item))

    @property
    def label(self) -> str:
        return f"Insert into {format_path(self.list_path)}"

    def apply(self, data: dict[str, Any]) -> Operation:
        current = get_path(data, self.list_path)
        if current is MISSING or current is None:
            if self.index != 0:
                raise EditError(
                    Message(
                        "edit.insert_into_empty", path=format_path(self.list_path), index=self.index
                    )
                )
            # Undoing this restores the absent key (or the null) rather than
            # leaving an empty list behind: the file comes back byte for byte.
            return SetValue(self.list_path, [self.item]).apply(data)
        lst = _require_list(current, self.list_path)
        if not _is_index(self.index) or not 0 <= self.index <= len(lst):
            raise EditError(
                Message(
                    "edit.insert_out_of_range",
                    index=self.index,
                    path=format_path(self.list_path),
                    n=len(lst),
                )
            )
        lst.insert(self.index, copy.deepcopy(self.item))
        return _new(RemoveItem, list_path=self.list_path, index=self.index)


@dataclass(frozen=True)
class RemoveItem:
    list_path: KeyPath
    index: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "list_path", tuple(self.list_path))

    @property
    def label(self) -> str:
        return f"Remove {format_path((*self.list_path, self.index))}"

    def apply(self, data: dict[str, Any]) -> Operation:
        lst = _require_list(get_path(data, self.list_path), self.list_path)
        _step(lst, self.index, (*self.list_path, self.index))
        item = lst.pop(self.index)
        # The caller may still hold the removed item: the history keeps its own copy.
        return _new(
            InsertItem, list_path=self.list_path, index=self.index, item=copy.deepcopy(item)
        )


@dataclass(frozen=True)
class MoveItem:
    """Move the item at ``src`` so that it ends up at index ``dst``."""

    list_path: KeyPath
    src: int
    dst: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "list_path", tuple(self.list_path))

    @property
    def label(self) -> str:
        return f"Move {format_path((*self.list_path, self.src))}"

    def apply(self, data: dict[str, Any]) -> Operation:
        lst = _require_list(get_path(data, self.list_path), self.list_path)
        _step(lst, self.src, (*self.list_path, self.src))
        _step(lst, self.dst, (*self.list_path, self.dst))
        lst.insert(self.dst, lst.pop(self.src))
        return _new(MoveItem, list_path=self.list_path, src=self.dst, dst=self.src)


@dataclass(frozen=True)
class Group:
    """Several operations as one: applied in order, undone in reverse, all or nothing."""

    label: str
    ops: tuple[Operation, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "ops", tuple(self.ops))

    def apply(self, data: dict[str, Any]) -> Operation:
        return _apply_tracked(self, data, None)


Operation: TypeAlias = SetValue | InsertItem | RemoveItem | MoveItem | Group


def _require_list(value: Any, path: KeyPath) -> list[Any]:
    if value is MISSING:
        raise EditError(Message("edit.no_such_path", path=format_path(path)))
    if not isinstance(value, list):
        raise EditError(Message("edit.not_a_list", path=format_path(path)))
    return value


def op_paths(op: Operation) -> tuple[KeyPath, ...]:
    """The places an operation changes (a list operation names the list position)."""
    if isinstance(op, Group):
        return tuple(p for sub in op.ops for p in op_paths(sub))
    if isinstance(op, SetValue):
        return (op.path,)
    if isinstance(op, (InsertItem, RemoveItem)):
        return ((*op.list_path, op.index),)
    return (op.list_path,)


# --------------------------------------------------------------------------- item keys

_ID_LISTS: dict[str, str] = {"personas": "persona", "stages": "stage", "interviews": "interview"}


def _id_or_index(item: Any, index: int) -> str:
    value = as_dict(item).get("id")
    # A broken file may have items without an id; the position still names them.
    return value if isinstance(value, str) and value else f"#{index}"


def item_key(data: Any, path: KeyPath) -> ItemKey:
    """The journey item that owns ``path`` in ``data``: the unit merge and diff reason about.

    A touchpoint is its own item; questions belong to their stage, answers to
    their interview; any other top-level key is ``("journey", key)`` and the
    whole document is ``("journey", "*")``.
    """
    if not path:
        return ("journey", "*")
    top = str(path[0])
    kind = _ID_LISTS.get(top)
    if kind is None or len(path) < 2 or not _is_index(path[1]):
        return ("journey", top)
    index = path[1]
    assert isinstance(index, int)
    items = as_list(as_dict(data).get(top))
    item = items[index] if 0 <= index < len(items) else None
    if kind == "stage" and len(path) >= 4 and path[2] == "touchpoints" and _is_index(path[3]):
        tp_index = path[3]
        assert isinstance(tp_index, int)
        tps = as_list(as_dict(item).get("touchpoints"))
        tp = tps[tp_index] if 0 <= tp_index < len(tps) else None
        return ("touchpoint", _id_or_index(tp, tp_index))
    return (kind, _id_or_index(item, index))


def _apply_tracked(op: Operation, data: dict[str, Any], items: set[ItemKey] | None) -> Operation:
    """Apply ``op``; with ``items``, also collect the items it touches.

    Items are resolved against the data just before and just after each
    primitive operation, because indices in a sequence refer to the state
    the previous operations left behind, and a renamed id is both items.
    """
    if isinstance(op, Group):
        inverses: list[Operation] = []
        try:
            for sub in op.ops:
                inverses.append(_apply_tracked(sub, data, items))
        except BaseException:
            for inverse in reversed(inverses):
                inverse.apply(data)
            raise
        return _new(Group, label=op.label, ops=tuple(reversed(inverses)))
    if items is None:
        return op.apply(data)
    if isinstance(op, SetValue):
        items.add(item_key(data, op.path))
        inverse = op.apply(data)
        items.add(item_key(data, op.path))
    elif isinstance(op, InsertItem):
        inverse = op.apply(data)
        items.add(item_key(data, (*op.list_path, op.index)))
    elif isinstance(op, RemoveItem):
        items.add(item_key(data, (*op.list_path, op.index)))
        inverse = op.apply(data)
    else:
        items.add(item_key(data, (*op.list_path, op.src)))
        inverse = op.apply(data)
    return inverse


def touched_items(ops: Iterable[Operation], data: Mapping[str, Any]) -> set[ItemKey]:
    """The items a sequence of operations touches, applied to ``data`` (the state before).

    ``data`` is needed because operations address items by position; it is
    not changed (the operations run on a copy).
    """
    scratch = copy.deepcopy(dict(data))
    items: set[ItemKey] = set()
    for op in ops:
        _apply_tracked(op, scratch, items)
    return items


# --------------------------------------------------------------------------- the editor


@dataclass(frozen=True)
class Change:
    """What a listener is told after every apply, undo and redo."""

    kind: Literal["apply", "undo", "redo"]
    op: Operation
    """The operation that was applied to the data (for an undo: the inverse)."""
    label: str
    paths: tuple[KeyPath, ...]
    items: frozenset[ItemKey]
    revision: int


@dataclass
class _Step:
    label: str
    forward: Operation
    inverse: Operation
    before: int
    after: int
    items: frozenset[ItemKey]


@dataclass
class _OpenGroup:
    label: str
    ops: list[Operation] = field(default_factory=list)
    inverses: list[Operation] = field(default_factory=list)
    items: set[ItemKey] = field(default_factory=set)


def same_value(a: Any, b: Any) -> bool:
    """Equal as YAML would write it: ``1``, ``1.0`` and ``true`` are different values."""
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, (dict, list)) and a != b:
        return False  # the fast C comparison settles most differences
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_value(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


_COPY_SUFFIX = re.compile(r"^(.+?)-\d{1,2}$")


class Editor:
    """The journey being edited, with unlimited (or capped) undo and redo.

    ``revision`` names the state of the data: every apply gives a new number,
    undo and redo return to the number the state had before, so ``dirty`` is
    false again after undoing back to the saved state.
    """

    def __init__(self, data: dict[str, Any], *, max_undo: int | None = None) -> None:
        self.data = data
        self._undo: deque[_Step] = deque(maxlen=max_undo)
        self._redo: list[_Step] = []
        self._counter = 0
        self.revision = 0
        self.saved_revision = 0
        self._listeners: list[Callable[[Change], None]] = []
        self._group: _OpenGroup | None = None

    # ---- state

    @property
    def dirty(self) -> bool:
        return self.revision != self.saved_revision

    def mark_saved(self) -> None:
        self.saved_revision = self.revision

    def steps_from_saved(self) -> int:
        """How many undo steps lie between the saved state and now (0 when clean).

        Counted back through undo, or forward through redo when undo went past the
        save; when the saved state is in neither (undo capped), every step there is.
        """
        if not self.dirty:
            return 0
        for back, step in enumerate(reversed(self._undo), 1):
            if step.before == self.saved_revision:
                return back
        for forward, step in enumerate(reversed(self._redo), 1):
            if step.after == self.saved_revision:
                return forward
        return max(len(self._undo), 1)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    @property
    def redo_label(self) -> str | None:
        return self._redo[-1].label if self._redo else None

    def get(self, path: KeyPath, default: Any = None) -> Any:
        value = get_path(self.data, tuple(path))
        return default if value is MISSING else value

    def subscribe(self, callback: Callable[[Change], None]) -> Callable[[], None]:
        """Call ``callback`` after every change; returns a function that unsubscribes."""
        self._listeners.append(callback)

        def unsubscribe() -> None:
            if callback in self._listeners:
                self._listeners.remove(callback)

        return unsubscribe

    # ---- applying, undo, redo

    def apply(self, op: Operation, label: str | None = None) -> None:
        if _is_noop(op, self.data):
            return
        if self._group is not None:
            inverse = _apply_tracked(op, self.data, self._group.items)
            self._group.ops.append(op)
            self._group.inverses.append(inverse)
            return
        items: set[ItemKey] = set()
        inverse = _apply_tracked(op, self.data, items)
        self._push(label or op.label, op, inverse, frozenset(items))

    def _push(
        self, label: str, forward: Operation, inverse: Operation, items: frozenset[ItemKey]
    ) -> None:
        before = self.revision
        self._counter += 1
        self.revision = self._counter
        self._undo.append(_Step(label, forward, inverse, before, self.revision, items))
        self._redo.clear()
        self._notify(Change("apply", forward, label, op_paths(forward), items, self.revision))

    def _notify(self, change: Change) -> None:
        for callback in list(self._listeners):
            callback(change)

    def undo(self) -> bool:
        self._no_open_group(Message("edit.undo_in_group"))
        if not self._undo:
            return False
        step = self._undo.pop()
        items: set[ItemKey] = set()
        try:
            forward = _apply_tracked(step.inverse, self.data, items)
        except BaseException:
            self._undo.append(step)
            raise
        self.revision = step.before
        self._redo.append(
            _Step(step.label, forward, step.inverse, step.before, step.after, step.items)
        )
        self._notify(
            Change(
                "undo",
                step.inverse,
                step.label,
                op_paths(step.inverse),
                frozenset(items),
                self.revision,
            )
        )
        return True

    def redo(self) -> bool:
        self._no_open_group(Message("edit.redo_in_group"))
        if not self._redo:
            return False
        step = self._redo.pop()
        items: set[ItemKey] = set()
        try:
            inverse = _apply_tracked(step.forward, self.data, items)
        except BaseException:
            self._redo.append(step)
            raise
        self.revision = step.after
        self._undo.append(
            _Step(step.label, step.forward, inverse, step.before, step.after, step.items)
        )
        self._notify(
            Change(
                "redo",
                step.forward,
                step.label,
                op_paths(step.forward),
                frozenset(items),
                self.revision,
            )
        )
        return True

    def _no_open_group(self, refusal: Message) -> None:
        if self._group is not None:
            raise EditError(refusal)

    @contextmanager
    def group(self, label: str) -> Iterator[Editor]:
        """Everything applied inside is one undo step; an exception undoes all of it.

        A group inside a group folds into the outer one.
        """
        outer = self._group
        if outer is not None:
            start = len(outer.ops)
            try:
                yield self
            except BaseException:
                for inverse in reversed(outer.inverses[start:]):
                    inverse.apply(self.data)
                del outer.ops[start:]
                del outer.inverses[start:]
                raise
            return
        current = _OpenGroup(label)
        self._group = current
        try:
            yield self
        except BaseException:
            self._group = None
            for inverse in reversed(current.inverses):
                inverse.apply(self.data)
            raise
        self._group = None
        if current.ops:
            self._push(
                label,
                Group(label, tuple(current.ops)),
                _new(Group, label=label, ops=tuple(reversed(current.inverses))),
                frozenset(current.items),
            )

    # ---- convenience edits (what the TUI calls)

    def set(
        self, path: KeyPath, value: Any, *, label: str | None = None, coalesce: bool = False
    ) -> None:
        """Set a value. With ``coalesce``, a run of sets of the same path is one undo step.

        Coalescing is for typing: the form can write on every keystroke and
        undo still goes back to the text before the field was edited. A save
        in between starts a new step, so the saved state stays reachable.
        """
        path = tuple(path)
        op = SetValue(path, value)
        top = self._undo[-1] if self._undo else None
        if (
            coalesce
            and self._group is None
            and top is not None
            and top.after == self.revision
            and top.after != self.saved_revision
            and isinstance(top.forward, SetValue)
            and top.forward.path == path
            and not _is_noop(op, self.data)
        ):
            op.apply(self.data)
            self._undo.pop()
            self._counter += 1
            self.revision = self._counter
            self._undo.append(
                _Step(top.label, op, top.inverse, top.before, self.revision, top.items)
            )
            self._redo.clear()
            items = frozenset({item_key(self.data, path)}) | top.items
            self._notify(Change("apply", op, top.label, (path,), items, self.revision))
            return
        self.apply(op, label)

    def set_with_last(self, path: KeyPath, value: Any) -> None:
        """Set a value as part of the last undo step, not as a step of its own.

        For what follows from an edit rather than being one: the date a save
        writes as ``updated:`` belongs to the changes it dates, so undoing the
        last change takes the date back with it, and no undo step is spent on
        something the user never did. With no step to join (or inside a
        group), it is an ordinary ``set``.
        """
        path = tuple(path)
        op = SetValue(path, value)
        if _is_noop(op, self.data):
            return
        top = self._undo[-1] if self._undo else None
        if self._group is not None or top is None or top.after != self.revision:
            self.apply(op)
            return
        items: set[ItemKey] = set()
        inverse = _apply_tracked(op, self.data, items)
        self._undo.pop()
        self._counter += 1
        self.revision = self._counter
        forward = Group(top.label, (top.forward, op))
        backward = _new(Group, label=top.label, ops=(inverse, top.inverse))
        joined = top.items | frozenset(items)
        self._undo.append(_Step(top.label, forward, backward, top.before, self.revision, joined))
        self._redo.clear()
        self._notify(Change("apply", op, top.label, (path,), frozenset(items), self.revision))

    def replace(self, data: dict[str, Any], *, label: str = "Replace journey") -> None:
        """Replace the whole journey in place (a merge result, say) as one undoable step."""
        self.apply(SetValue((), data), label)

    def reset(self, data: dict[str, Any], *, label: str = "Read the whole file") -> None:
        """Take ``data`` (owned by the caller from now on) as the saved state, in place.

        For a document shown from a preview of its file while the rest was read:
        no undo step, nothing unsaved. Refused once there is history, since that
        history would no longer fit the data.
        """
        if self._undo or self._redo or self.dirty or self._group is not None:
            raise EditError(Message("edit.reset_edited"))
        self.data.clear()
        self.data.update(data)
        self._counter += 1
        self.revision = self.saved_revision = self._counter
        op = _new(SetValue, path=(), value=self.data, at=None)
        self._notify(Change("apply", op, label, ((),), frozenset(), self.revision))

    def delete(self, path: KeyPath, *, label: str | None = None) -> None:
        """Delete a key, or remove a list item when ``path`` ends in a list index."""
        path = tuple(path)
        if not path:
            raise EditError(Message("edit.delete_journey"))
        parent = get_path(self.data, path[:-1])
        if isinstance(parent, list) and _is_index(path[-1]):
            index = path[-1]
            assert isinstance(index, int)
            self.apply(RemoveItem(path[:-1], index), label)
        else:
            self.apply(SetValue(path, MISSING), label)

    def insert(
        self, list_path: KeyPath, index: int | None, item: Any, *, label: str | None = None
    ) -> int:
        """Insert ``item`` (at the end when ``index`` is None); returns its index."""
        list_path = tuple(list_path)
        if index is None:
            index = len(as_list(get_path(self.data, list_path)))
        self.apply(InsertItem(list_path, index, item), label)
        return index

    def remove(self, list_path: KeyPath, index: int, *, label: str | None = None) -> None:
        self.apply(RemoveItem(tuple(list_path), index), label)

    def move(self, list_path: KeyPath, src: int, dst: int, *, label: str | None = None) -> None:
        self.apply(MoveItem(tuple(list_path), src, dst), label)

    def move_item(self, list_path: KeyPath, index: int, delta: int) -> int:
        """Move an item ``delta`` places; at either end it stays. Returns its new index."""
        list_path = tuple(list_path)
        lst = _require_list(get_path(self.data, list_path), list_path)
        _step(lst, index, (*list_path, index))
        target = index + delta
        if target == index or not 0 <= target < len(lst):
            return index
        self.apply(MoveItem(list_path, index, target))
        return target

    def move_stage(self, index: int, delta: int) -> int:
        return self.move_item(("stages",), index, delta)

    def move_touchpoint_to_stage(
        self, from_stage: int, tp_index: int, to_stage: int, to_index: int | None = None
    ) -> int:
        """Move a touchpoint to another stage (default: its end); returns the new index."""
        src_path: KeyPath = ("stages", from_stage, "touchpoints")
        dst_path: KeyPath = ("stages", to_stage, "touchpoints")
        tps = _require_list(get_path(self.data, src_path), src_path)
        _step(tps, tp_index, (*src_path, tp_index))
        if from_stage == to_stage:
            target = len(tps) - 1 if to_index is None else to_index
            self.move(src_path, tp_index, target, label="Move touchpoint")
            return target
        stage = _step(as_list(self.data.get("stages")), to_stage, ("stages", to_stage))
        if not isinstance(stage, dict):
            raise EditError(Message("edit.not_a_stage", index=to_stage))
        touchpoint = copy.deepcopy(tps[tp_index])
        with self.group("Move touchpoint to another stage"):
            self.apply(RemoveItem(src_path, tp_index))
            return self.insert(dst_path, to_index, touchpoint)

    def duplicate(self, list_path: KeyPath, index: int) -> int:
        """Put a deep copy after the item; ids get fresh unique values. Returns the copy's index.

        A copied stage's touchpoints get new ids too, since touchpoint ids are
        unique across the whole journey. References elsewhere keep pointing
        at the original.
        """
        list_path = tuple(list_path)
        lst = _require_list(get_path(self.data, list_path), list_path)
        item = copy.deepcopy(_step(lst, index, (*list_path, index)))
        kind = _list_kind(list_path)
        if kind is not None and isinstance(item, dict) and isinstance(item.get("id"), str):
            item["id"] = unique_slug(_copy_base(item["id"]), self.ids(kind), fallback=kind)
        if kind == "stage" and isinstance(item, dict):
            taken = self.ids("touchpoint")
            for _, tp in dicts(item.get("touchpoints")):
                if isinstance(tp.get("id"), str):
                    tp["id"] = unique_slug(_copy_base(tp["id"]), taken, fallback="touchpoint")
                    taken.add(tp["id"])
        self.apply(InsertItem(list_path, index + 1, item), f"Duplicate {kind or 'item'}")
        return index + 1

    def add_stage(self, name: str, index: int | None = None, **fields: Any) -> str:
        stage_id = unique_slug(name, self.ids("stage"), fallback="stage")
        self.insert(("stages",), index, {"id": stage_id, "name": name, **fields}, label="Add stage")
        return stage_id

    def add_touchpoint(
        self, stage_index: int, name: str, index: int | None = None, **fields: Any
    ) -> str:
        stage = _step(as_list(self.data.get("stages")), stage_index, ("stages", stage_index))
        if not isinstance(stage, dict):
            raise EditError(Message("edit.not_a_stage", index=stage_index))
        tp_id = unique_slug(name, self.ids("touchpoint"), fallback="touchpoint")
        item = {"id": tp_id, "name": name, **fields}
        self.insert(("stages", stage_index, "touchpoints"), index, item, label="Add touchpoint")
        return tp_id

    def add_persona(self, name: str, index: int | None = None, **fields: Any) -> str:
        persona_id = unique_slug(name, self.ids("persona"), fallback="persona")
        self.insert(
            ("personas",), index, {"id": persona_id, "name": name, **fields}, label="Add persona"
        )
        return persona_id

    def add_question(
        self, stage_index: int, text: str, persona: str | None = None, index: int | None = None
    ) -> int:
        item: dict[str, Any] = {"text": text}
        if persona is not None:
            item["persona"] = persona
        path: KeyPath = ("stages", stage_index, "customer_questions")
        return self.insert(path, index, item, label="Add customer question")

    def add_interview(
        self,
        interview_id: str | None = None,
        *,
        persona: str | None = None,
        date: str | None = None,
        interviewer: str | None = None,
        respondent: str | None = None,
        index: int | None = None,
        **fields: Any,
    ) -> str:
        """Add an interview; its id is made from the date and the persona unless given.

        Never from the respondent: an id goes into git, into every reference and
        into places ``--anonymise`` does not rewrite, so it must not hold a name.
        Two interviews of a day with the same persona get a counter (``-2``).
        """
        taken = self.ids("interview")
        if interview_id is None:
            basis = " ".join(p for p in (date, persona or "interview") if p)
            interview_id = unique_slug(basis, taken, fallback="interview")
        else:
            _check_new_id("interview", interview_id, taken)
        item: dict[str, Any] = {"id": interview_id}
        for key, value in (
            ("persona", persona),
            ("date", date),
            ("interviewer", interviewer),
            ("respondent", respondent),
        ):
            if value is not None:
                item[key] = value
        item.update(fields)
        self.insert(("interviews",), index, item, label="Add interview")
        return interview_id

    def add_answer(
        self,
        interview_index: int,
        text: str,
        *,
        question: str | None = None,
        ask: str | None = None,
        index: int | None = None,
        **fields: Any,
    ) -> int:
        """Add an answer; one without ``question`` or ``ask`` is allowed (the checks flag it)."""
        if question is not None and ask is not None:
            raise EditError(Message("edit.question_and_ask"))
        interview = _step(
            as_list(self.data.get("interviews")), interview_index, ("interviews", interview_index)
        )
        if not isinstance(interview, dict):
            raise EditError(Message("edit.not_an_interview", index=interview_index))
        item: dict[str, Any] = {}
        if question is not None:
            item["question"] = question
        if ask is not None:
            item["ask"] = ask
        item["text"] = text
        item.update(fields)
        path: KeyPath = ("interviews", interview_index, "answers")
        return self.insert(path, index, item, label="Add answer")

    # ---- ids and references

    def ids(self, kind: Kind) -> IdSet:
        """The ids in use for ``kind`` (touchpoints: across the whole journey)."""
        return {item_id for _, item_id in self._items(kind)}

    def _items(self, kind: Kind) -> Iterator[tuple[KeyPath, str]]:
        return id_holders(self.data, kind)

    def find(self, kind: Kind, item_id: str) -> KeyPath | None:
        """The path of the first item of ``kind`` with this id."""
        return next((path for path, i in self._items(kind) if i == item_id), None)

    def rename_id(self, kind: Kind, old: str, new: str, *, at: KeyPath | None = None) -> None:
        """Change an id and every reference to it, as one undo step.

        When the old id is used by more than one item (a broken file), only
        the item at ``at`` (default: the first) is renamed and references are
        left alone: they cannot say which of the two they meant.
        """
        if kind not in KINDS:
            raise EditError(Message("edit.unknown_kind", kind=repr(kind)))
        holders = [path for path, item_id in self._items(kind) if item_id == old]
        if not holders:
            raise EditError(Message("edit.no_such_id", kind=_kind_name(kind), id=old))
        target = holders[0] if at is None else tuple(at)
        if target not in holders:
            raise EditError(
                Message(
                    "edit.not_the_item", path=format_path(target), kind=_kind_name(kind), id=old
                )
            )
        if new == old:
            return
        _check_new_id(kind, new, self.ids(kind))
        with self.group(f"Rename {kind} {old} → {new}"):
            self.apply(SetValue((*target, "id"), new))
            if len(holders) == 1:
                for path in list(references(self.data, kind, old)):
                    self.apply(SetValue(path, new))


def id_holders(data: Any, kind: Kind) -> Iterator[tuple[KeyPath, str]]:
    """(path, id) of every item of ``kind`` that has a string id, in file order."""
    data = as_dict(data)
    if kind == "touchpoint":
        for si, stage in dicts(data.get("stages")):
            for ti, tp in dicts(stage.get("touchpoints")):
                if isinstance(tp.get("id"), str):
                    yield ("stages", si, "touchpoints", ti), tp["id"]
        return
    top = {"persona": "personas", "stage": "stages", "interview": "interviews"}[kind]
    for i, item in dicts(data.get(top)):
        if isinstance(item.get("id"), str):
            yield (top, i), item["id"]


def references(data: Any, kind: Kind, item_id: str) -> Iterator[KeyPath]:
    """Every place that refers to the ``kind`` ``item_id`` (x-* keys are not references)."""
    data = as_dict(data)
    if kind == "persona":
        for si, stage in dicts(data.get("stages")):
            for qi, q in dicts(stage.get("customer_questions")):
                if q.get("persona") == item_id:
                    yield ("stages", si, "customer_questions", qi, "persona")
            for ti, tp in dicts(stage.get("touchpoints")):
                yield from _refs_in(tp, "personas", item_id, ("stages", si, "touchpoints", ti))
        for ii, interview in dicts(data.get("interviews")):
            if interview.get("persona") == item_id:
                yield ("interviews", ii, "persona")
    elif kind in ("stage", "touchpoint"):
        key = "stages" if kind == "stage" else "touchpoints"
        for ii, interview in dicts(data.get("interviews")):
            for ai, answer in dicts(interview.get("answers")):
                yield from _refs_in(answer, key, item_id, ("interviews", ii, "answers", ai))


# The core's undo labels are English text (``Editor.undo_label``, ``Change.label``); the
# catalog's ``edit.label.*`` entries say them in Danish too. A label made from a
# template ("Set {path}") is matched against its English form and filled in again.
@cache
def _label_patterns() -> list[tuple[re.Pattern[str], str]]:
    from kunderejse_tui.journey.i18n.catalog import table, texts

    found = []
    for key in table("edits"):
        if key.startswith("edit.label."):
            english = texts(key)[1]
            parts = re.split(r"{(\w+)}", english)
            names = parts[1::2]
            pattern = "".join(
                re.escape(part)
                if i % 2 == 0
                else f"(?P<{part}>.+{'?' if i < len(parts) - 2 else ''})"
                for i, part in enumerate(parts)
            )
            found.append((len(names), re.compile(pattern), key))
    # Whole labels first ("Move touchpoint"), then templates ("Move {path}").
    return [(pattern, key) for _, pattern, key in sorted(found, key=lambda f: f[0])]


def label_text(label: str, lang: str = "en") -> str:
    """An undo label as the UI shows it, from the catalog; a label the caller chose
    (group labels) is already in its language and is shown as is."""
    from kunderejse_tui.journey.i18n.catalog import known, t

    for pattern, key in _label_patterns():
        match = pattern.fullmatch(label)
        if match is None:
            continue
        args: dict[str, object] = dict(match.groupdict())
        kind = args.get("kind")
        if kind is not None:
            if not known(f"edit.kind.{kind}"):
                continue
            args["kind"] = Message(f"edit.kind.{kind}")
        return t(lang, key, **args)
    return label


def _refs_in(item: dict[str, Any], key: str, old: str, base: KeyPath) -> Iterator[KeyPath]:
    value = item.get(key)
    if isinstance(value, str):
        # A lone string where a list belongs still means that one id.
        if value == old:
            yield (*base, key)
        return
    for i, ref in enumerate(as_list(value)):
        if ref == old:
            yield (*base, key, i)


def _check_new_id(kind: Kind, new: Any, taken: set[str]) -> None:
    if not isinstance(new, str) or not SLUG_RE.match(new):
        raise EditError(Message("edit.bad_id", id=text(new)))
    if new in taken:
        raise EditError(Message("edit.id_taken", id=new, kind=_kind_name(kind)))


def _list_kind(list_path: KeyPath) -> Kind | None:
    if list_path == ("personas",):
        return "persona"
    if list_path == ("stages",):
        return "stage"
    if list_path == ("interviews",):
        return "interview"
    if len(list_path) == 3 and list_path[0] == "stages" and list_path[2] == "touchpoints":
        return "touchpoint"
    return None


def _copy_base(item_id: str) -> str:
    # A copy of "attract-2" becomes "attract-3", not "attract-2-2".
    match = _COPY_SUFFIX.match(item_id)
    return match.group(1) if match else item_id


def _is_noop(op: Operation, data: dict[str, Any]) -> bool:
    """A set to the value already there, or a move to the same place: not worth an undo step."""
    if isinstance(op, MoveItem):
        try:
            lst = get_path(data, op.list_path)
        except EditError:
            return False
        return op.src == op.dst and isinstance(lst, list) and 0 <= op.src < len(lst)
    if isinstance(op, SetValue) and op.path:
        try:
            current = get_path(data, op.path)
        except EditError:
            return False
        if op.value is MISSING:
            return current is MISSING
        return current is not MISSING and same_value(current, op.value)
    return False
