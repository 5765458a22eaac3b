"""A quick picker: type to filter, pick one or several, optionally something new.

The interview screen uses it three ways: the stages and touchpoints an answer
is evidence for (several at once, each touchpoint shown with its stage), the
answer's tags (several, new ones allowed) and a follow-up question (one of the
suggestions or a question of your own). The focus stays in the filter field the
whole time, so typing never has to stop: ↑ ↓ move, Tab marks, Enter finishes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from kunderejse_tui.journey import access
from kunderejse_tui.journey.access import as_dict, text
from kunderejse_tui.journey.evidence import TagCount
from kunderejse_tui.journey.export.escape import one_line
from kunderejse_tui.tui.i18n import tr
from kunderejse_tui.tui.localized import Localized

NEW = "\x00new"  # the option key of "+ something new"; no real key starts with a NUL


@dataclass(frozen=True)
class PickItem:
    key: str
    label: Content
    search: str  # what the filter matches, besides the key
    indent: int = 0
    name: str = ""  # how the list of picked items names it (default: the key)

    @property
    def shown_name(self) -> str:
        return self.name or self.key


def matches(item: PickItem, query: str) -> bool:
    """Every word of ``query`` occurs in the item's label, key or search text (any case)."""
    haystack = f"{item.label.plain} {item.key} {item.search}".casefold()
    return all(word in haystack for word in query.casefold().split())


def rank(item: PickItem, query: str) -> int:
    """How well ``item`` matches: 0 the same words, 1 begins with them, 2 a word does, 3 inside."""
    q = " ".join(query.casefold().split())
    names = (item.key.casefold(), item.label.plain.strip().casefold())
    if q in names:
        return 0
    if any(n.startswith(q) for n in names):
        return 1
    if any(w.startswith(q) for n in names for w in n.replace("-", " ").split()):
        return 2
    return 3


def link_key(kind: str, item_id: str) -> str:
    return f"{kind}:{item_id}"


def link_items(journey: object, lang: str) -> list[PickItem]:
    """Every stage, then its touchpoints indented under it, keyed ``stage:ID``/``touchpoint:ID``.

    A touchpoint names its stage too, so filtering on a touchpoint shows where it sits.
    Items without an id cannot be referred to and are left out.
    """
    items: list[PickItem] = []
    seen: set[str] = set()
    stage_word = tr(lang, "iv.pick.stage")
    for _, stage in access.dicts(as_dict(journey).get("stages")):
        sid = text(stage.get("id")).strip()
        sname = one_line(text(stage.get("name"))) or sid
        if sid and link_key("stage", sid) not in seen:
            seen.add(link_key("stage", sid))
            label = Content.assemble((sname, "bold"), (f"  {stage_word} · {sid}", "dim"))
            items.append(PickItem(link_key("stage", sid), label, sid, name=sname))
        for _, tp in access.dicts(stage.get("touchpoints")):
            tid = text(tp.get("id")).strip()
            if not tid or link_key("touchpoint", tid) in seen:
                continue
            seen.add(link_key("touchpoint", tid))
            tname = one_line(text(tp.get("name"))) or tid
            label = Content.assemble(tname, (f"  ‹ {sname}", "dim"))
            items.append(
                PickItem(link_key("touchpoint", tid), label, f"{tid} {sname}", indent=1, name=tname)
            )
    return items


def tag_items(overview: Iterable[TagCount], lang: str) -> list[PickItem]:
    """The journey's tags, most used first, each with how often it is used."""
    return [
        PickItem(
            t.tag,
            Content.assemble(t.tag, (f"  {tr(lang, 'iv.pick.uses', n=t.count)}", "dim")),
            "",
        )
        for t in overview
    ]


def plain_items(texts: Iterable[str]) -> list[PickItem]:
    return [PickItem(t, Content(t), "") for t in texts]


class PickerScreen(Localized[list[str] | None], ModalScreen[list[str] | None]):
    """Pick from a list that filters as you type.

    | Key | Action |
    | :- | :- |
    | (typing) | filter the list |
    | ↑ ↓ / pgup pgdn | move in the list |
    | tab | mark / unmark the highlighted item (several at once) |
    | enter | finish; with a filter typed, the highlighted item is picked too |
    | escape | cancel: nothing changes |

    Dismisses with the picked keys (those given first, then in the order marked), or None.
    """

    CSS_PATH = "evidence_picker.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "iv.key.previous", show=False, priority=True),
        Binding("down", "move(1)", "iv.key.next", show=False, priority=True),
        Binding("pageup", "move(-10)", "iv.key.previous", show=False, priority=True),
        Binding("pagedown", "move(10)", "iv.key.next", show=False, priority=True),
        Binding("tab", "mark", "iv.key.toggle", priority=True),
        Binding("escape", "cancel", "iv.key.cancel"),
    ]

    def __init__(
        self,
        title_key: str,
        items: Sequence[PickItem],
        selected: Iterable[str] = (),
        *,
        multi: bool = True,
        new_key: str | None = None,
        placeholder_key: str = "iv.pick.filter",
        subtitle: str = "",
    ) -> None:
        super().__init__()
        self.title_key = title_key
        self.items = list(items)
        self.selected: list[str] = []
        known = {i.key for i in self.items}
        for key in selected:
            if key not in self.selected:
                self.selected.append(key)
            if key not in known:  # a tag nobody else uses yet: still shown, still marked
                self.items.append(PickItem(key, Content(key), ""))
                known.add(key)
        self.multi = multi
        self.new_key = new_key
        self.placeholder_key = placeholder_key
        self.subtitle = subtitle
        self.shown: list[str] = []  # option keys in list order (NEW for the new entry)

    # ---- layout

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Label(id="picker-title")
            if self.subtitle:
                yield Static(Content(self.subtitle), id="picker-subtitle")
            yield Input(id="picker-filter")
            yield PickerList(id="picker-list")
            yield Static(id="picker-count")
            yield Static(id="picker-hint")

    def on_mount(self) -> None:
        # As tall as the list needs (up to a screenful), and no taller: no jumping while typing.
        rows = len(self.items) + (1 if self.new_key else 0)
        room = max(self.app.size.height - 16, 5)  # title, field, hints, borders
        self.query_one(PickerList).styles.height = min(max(rows, 3), 20, room) + 2
        self.query_one(Input).focus()

    def refresh_texts(self) -> None:
        self.query_one("#picker-title", Label).update(self.t(self.title_key))
        self.query_one(Input).placeholder = self.t(self.placeholder_key)
        hint = "iv.pick.hint_multi" if self.multi else "iv.pick.hint_single"
        self.query_one("#picker-hint", Static).update(self.t(hint))
        self._fill()

    # ---- the list

    @property
    def query_text(self) -> str:
        return self.query_one(Input).value.strip()

    def _new_text(self) -> str | None:
        """The typed text as a new entry, when new entries are allowed and it is new."""
        typed = " ".join(self.query_text.split())
        if self.new_key is None or not typed:
            return None
        if any(i.key.casefold() == typed.casefold() for i in self.items):
            return None
        return typed

    def _fill(self) -> None:
        listing = self.query_one(PickerList)
        keep = self._highlighted_key()
        query = self.query_text
        visible = [i for i in self.items if matches(i, query)]
        if query:  # the best matches first; the order of the list otherwise
            visible.sort(key=lambda i: rank(i, query))
        options: list[Option] = []
        self.shown = []
        for item in visible:
            options.append(Option(self._row(item)))
            self.shown.append(item.key)
        new = self._new_text()
        if new is not None:
            assert self.new_key is not None
            label = Content.styled("+ " + self.t(self.new_key, text=new), "bold $text-accent")
            options.append(Option(label))
            self.shown.append(NEW)
        if not options:
            empty = "iv.pick.no_match" if self.items else "iv.pick.nothing"
            options.append(Option(Content.styled(self.t(empty), "dim italic"), disabled=True))
        listing.set_options(options)
        if self.shown:
            # Typing puts the best match on top; moving keeps the item the user is on.
            listing.highlighted = self.shown.index(keep) if keep in self.shown and not query else 0
        self._count()

    def _row(self, item: PickItem) -> Content:
        indent = "    " * item.indent
        if not self.multi:
            return Content(indent) + item.label
        mark = (
            Content.styled("[x] ", "bold $text-success")
            if item.key in self.selected
            else Content.styled("[ ] ", "dim")
        )
        return Content(indent) + mark + item.label

    def _count(self) -> None:
        """What is picked so far, also what the filter hides."""
        count = self.query_one("#picker-count", Static)
        count.display = self.multi
        if not self.multi:
            return
        if not self.selected:
            count.update(Content.styled(self.t("iv.pick.none_selected"), "dim"))
            return
        names = {i.key: i.shown_name for i in self.items}
        items = ", ".join(names.get(k, k) for k in self.selected)
        count.update(
            Content.styled(self.t("iv.pick.selected", n=len(self.selected), items=items), "dim")
        )

    def _highlighted_key(self) -> str | None:
        if not self.is_attached:
            return None
        index = self.query_one(PickerList).highlighted
        if index is None or not 0 <= index < len(self.shown):
            return None
        return self.shown[index]

    @on(Input.Changed, "#picker-filter")
    def _filtered(self) -> None:
        self._fill()

    # ---- actions

    def action_move(self, delta: int) -> None:
        listing = self.query_one(PickerList)
        if not self.shown:
            return
        current = listing.highlighted or 0
        listing.highlighted = max(0, min(len(self.shown) - 1, current + delta))

    def _toggle(self, key: str) -> None:
        if key == NEW:
            new = self._new_text()
            if new is None:
                return
            self.items.append(PickItem(new, Content(new), ""))
            key = new
        if key in self.selected:
            self.selected.remove(key)
        else:
            self.selected.append(key)

    def action_mark(self) -> None:
        if not self.multi:
            return
        key = self._highlighted_key()
        if key is None:
            return
        self._toggle(key)
        field = self.query_one(Input)
        if field.value:
            field.value = ""  # the next item is typed from scratch; _fill runs on the change
        else:
            self._fill()

    def _finish(self) -> None:
        key = self._highlighted_key()
        if not self.multi:
            picked = self._new_text() if key == NEW else key
            if picked:
                self.dismiss([picked])
            return
        if self.query_text and key is not None:
            picked = self._new_text() if key == NEW else key
            if picked is not None and picked not in self.selected:
                self._toggle(key)
        self.dismiss(list(self.selected))

    @on(Input.Submitted, "#picker-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._finish()

    @on(OptionList.OptionSelected, "#picker-list")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        """A click marks (several) or picks (one); the keyboard never gets here."""
        event.stop()
        if self.multi:
            self.action_mark()
        else:
            self._finish()
        self.query_one(Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


class PickerList(OptionList, can_focus=False):
    """The options under the filter field; the field keeps the keyboard."""
