"""The fields of the editor forms: where a value lives in the item, and its widget.

A field remembers what its widget showed when the form opened and reports a
change only when the widget shows something else. So a value the form cannot
express (``emotion: high``, ``personas: mette``, a number where text belongs)
is shown, and written back only if the user actually changes that field.
Values that are structures where a scalar belongs are shown and locked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.suggester import Suggester
from textual.validation import Validator
from textual.widget import Widget
from textual.widgets import Input, Select, Static, TextArea

from kunderejse_tui.journey.access import text, texts
from kunderejse_tui.journey.channels import canonical_channel, channel_label, suggest_channels
from kunderejse_tui.journey.edits import MISSING
from kunderejse_tui.journey.paths import KeyPath
from kunderejse_tui.tui.i18n import tr
from kunderejse_tui.tui.widgets.emotion import GLYPHS
from kunderejse_tui.tui.widgets.form_input import FormInput
from kunderejse_tui.tui.widgets.string_list import StringList
from kunderejse_tui.tui.widgets.tick_box import TickBox


class _Keep:
    """The Select value that stands for "what the file says, untouched"."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP = _Keep()


def read(item: dict[str, object], key: KeyPath) -> tuple[object, bool]:
    """(value or MISSING, writable); a parent that is not a mapping cannot be written below."""
    node: object = item
    for part in key[:-1]:
        node = node.get(part, MISSING) if isinstance(node, dict) else MISSING
        if node is MISSING or node is None:
            return MISSING, True
        if not isinstance(node, dict):
            return node, False
    if not isinstance(node, dict):
        return MISSING, True
    return node.get(key[-1], MISSING), True


def short(value: object, limit: int = 60) -> str:
    shown = repr(value) if isinstance(value, (dict, list)) else text(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def widget_id(key: KeyPath) -> str:
    return "f-" + "-".join(map(str, key)).replace("_", "-")


class Field:
    """One value of the item, at ``key`` (one or two keys deep)."""

    def __init__(self, key: str | KeyPath, label: str, *, required: bool = False) -> None:
        self.key: KeyPath = (key,) if isinstance(key, str) else tuple(key)
        self.label_key = label
        self.required = required
        self.lang = "da"
        self.raw: object = MISSING
        self.locked = False
        self.widget: Widget | None = None
        self._initial: object = None

    def bind(self, item: dict[str, object], lang: str) -> None:
        self.lang = lang
        self.raw, writable = read(item, self.key)
        self.locked = not writable or not self.accepts(self.raw)

    def label(self) -> str:
        return tr(self.lang, self.label_key)

    def accepts(self, raw: object) -> bool:
        """Whether the widget can show ``raw`` faithfully enough to edit it."""
        return not isinstance(raw, (dict, list))

    def build(self) -> Widget:
        if self.locked:
            shown = self.raw if self.raw is not MISSING else ""
            self.widget = Static(
                Content(tr(self.lang, "ed.structured", value=short(shown))),
                id=widget_id(self.key),
                classes="locked",
            )
        else:
            self.widget = self.make()
        return self.widget

    # Subclasses: the widget (recording in ``_initial`` what it shows at first, in the
    # terms of ``current``), what it shows now, and the value to store.
    def make(self) -> Widget:
        raise NotImplementedError

    def current(self) -> object:
        raise NotImplementedError

    def result(self) -> object:
        """The value to store; MISSING removes the key."""
        raise NotImplementedError

    def changed(self) -> bool:
        return not self.locked and self.widget is not None and self.current() != self._initial

    def empty(self) -> bool:
        return self.result() is MISSING

    def focus(self) -> None:
        if self.widget is not None and not self.locked:
            self.widget.focus()


class ReadOnly(Field):
    """Shown, never written (the id: renamed from the map, with its references)."""

    def __init__(self, key: str, label: str, template: str = "{value}") -> None:
        super().__init__(key, label)
        self.template = template

    def accepts(self, raw: object) -> bool:
        return True

    def make(self) -> Widget:
        value = text(self.raw) if self.raw is not MISSING else tr(self.lang, "ed.blank")
        shown = tr(self.lang, self.template, id=value) if self.template != "{value}" else value
        return Static(Content(shown), id=widget_id(self.key), classes="readonly")

    def current(self) -> object:
        return None

    def result(self) -> object:
        return self.raw

    def changed(self) -> bool:
        return False


class TextField(Field):
    """Free text: a one-line Input, or a TextArea for text that may span lines."""

    def __init__(
        self,
        key: str | KeyPath,
        label: str,
        *,
        required: bool = False,
        multiline: bool = False,
        placeholder: str | None = None,
        suggester: Suggester | None = None,
        validators: Sequence[Validator] = (),
        convert: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(key, label, required=required)
        self.multiline = multiline
        self.placeholder = placeholder
        self.suggester = suggester
        self.validators = list(validators)
        self.convert = convert

    def shown(self) -> str:
        return "" if self.raw is MISSING else text(self.raw)

    def make(self) -> Widget:
        value = self.shown()
        placeholder = tr(self.lang, self.placeholder) if self.placeholder else ""
        if self.multiline or "\n" in value:
            # A block ends in a newline in YAML (`|`); an extra empty line would only confuse.
            self.multiline = True
            self._initial = value.rstrip("\n")
            area = TextBox(
                self._initial,
                soft_wrap=True,
                tab_behavior="focus",
                highlight_cursor_line=False,
                compact=True,
                placeholder=placeholder,
                id=widget_id(self.key),
            )
            return area
        self._initial = value
        return self.make_input(value, placeholder)

    def make_input(self, value: str, placeholder: str) -> Input:
        return FormInput(
            value,
            placeholder=placeholder,
            suggester=self.suggester,
            validators=self.validators or None,
            # Tabbing in must not arm the next keystroke to wipe the value.
            select_on_focus=False,
            compact=True,
            id=widget_id(self.key),
        )

    def current(self) -> str:
        if isinstance(self.widget, TextArea):
            return self.widget.text
        assert isinstance(self.widget, Input)
        return self.widget.value

    def result(self) -> object:
        value = str(self.current())
        if self.multiline:
            value = value.rstrip().lstrip("\n")
            if "\n" in value:
                value += "\n"
        else:
            value = value.strip()
        if not value:
            return MISSING
        return self.convert(value) if self.convert else value


class TextBox(TextArea):
    """Multi-line text that opens with the cursor at its end, ready to add to."""

    def on_mount(self) -> None:
        self.move_cursor(self.document.end)


def age_value(value: str) -> object:
    """``38`` is a number in the format, ``35-45`` stays text."""
    return int(value) if value.isascii() and value.isdigit() else value


class ChannelSuggester(Suggester):
    """Completes a channel slug as it is typed (the common ones, from channels.py)."""

    def __init__(self) -> None:
        super().__init__(use_cache=True, case_sensitive=False)

    async def get_suggestion(self, value: str) -> str | None:
        # Input shows a suggestion as the rest of what was typed, so only prefixes fit.
        return next((s for s in suggest_channels(value) if value and s.startswith(value)), None)


class ChannelInput(FormInput):
    """An Input whose → also takes a channel found by its Danish or English name."""

    def __init__(self, *args: Any, on_change: Callable[[], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._on_change = on_change

    @on(Input.Changed)
    def _tell_owner(self) -> None:
        self._on_change()

    def action_cursor_right(self, select: bool = False) -> None:
        if not select and self.cursor_at_end and not self._suggestion:
            matches = suggest_channels(self.value) if self.value.strip() else []
            if matches and matches[0] != self.value:
                self.value = matches[0]
                self.cursor_position = len(self.value)
                return
        super().action_cursor_right(select)


class ChannelField(TextField):
    """``channel``: free text, with the common channels suggested and named."""

    def __init__(self, key: str, label: str) -> None:
        super().__init__(key, label, placeholder="ed.ph.channel", suggester=ChannelSuggester())

    def make(self) -> Widget:
        value = self._initial = self.shown()
        self.input = ChannelInput(
            value,
            placeholder=tr(self.lang, "ed.ph.channel"),
            suggester=self.suggester,
            select_on_focus=False,
            compact=True,
            id=widget_id(self.key),
            on_change=self.update_hint,
        )
        self.hint = Static("", classes="field-hint")
        box = Vertical(self.input, self.hint, classes="field-box")
        self.update_hint()
        return box

    def update_hint(self) -> None:
        value = self.input.value.strip()
        if not value:
            hint = ""
        elif channel_label(value, self.lang) != value:
            hint = channel_label(value, self.lang)
        else:
            matches = [s for s in suggest_channels(value) if s != value][:3]
            hint = " · ".join(f"{s} ({channel_label(s, self.lang)})" for s in matches)
            hint = f"→ {hint}" if hint else ""
        self.hint.update(Content(hint))

    def current(self) -> str:
        """What was typed; a common channel typed by another name ("email", "Kundeservice")
        is that channel's slug. A value the file had is kept as written until edited."""
        value = self.input.value
        if value != self._initial:
            return canonical_channel(value) or value
        return value

    def focus(self) -> None:
        if not self.locked:
            self.input.focus()


class ChoiceField(Field):
    """One of a fixed set; a value outside it is shown as such and kept unless changed."""

    def __init__(
        self, key: str | KeyPath, label: str, options: Sequence[tuple[str, object]]
    ) -> None:
        super().__init__(key, label)
        self.options = list(options)

    def option_labels(self) -> list[tuple[str, object]]:
        # Keys are translated; labels such as "B2C" are the same in every language.
        return [
            (tr(self.lang, label) if label.startswith("ed.") else label, value)
            for label, value in self.options
        ]

    def known(self, raw: object) -> bool:
        # type() too: `true` is not 1 and `3.0` is not the emotion 3 in the file.
        return any(type(raw) is type(v) and raw == v for _, v in self.options)

    def select_class(self) -> type[Select[object]]:
        return Select

    def make(self) -> Widget:
        options: list[tuple[str | Content, object]] = [
            (Content(label), value) for label, value in self.option_labels()
        ]
        if self.raw is MISSING or self.raw is None:
            value: object = Select.NULL
        elif self.known(self.raw):
            value = self.raw
        else:
            options.append((Content(tr(self.lang, "ed.invalid", value=short(self.raw))), KEEP))
            value = KEEP
        self._initial = value
        return self.select_class()(
            options,
            value=value,
            prompt=tr(self.lang, "ed.blank"),
            allow_blank=True,
            compact=True,
            id=widget_id(self.key),
        )

    def current(self) -> object:
        assert isinstance(self.widget, Select)
        return self.widget.value

    def result(self) -> object:
        value = self.current()
        if value is KEEP:
            return self.raw
        return MISSING if value is Select.NULL else value


class EmotionSelect(Select[object]):
    """The emotion select; 1-5 pick a score directly, Delete clears it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *[Binding(str(n), f"score({n})", "ed.key.emotion", show=False) for n in range(1, 6)],
        Binding("delete,backspace", "score(0)", "ed.key.emotion_clear", show=False),
    ]

    def action_score(self, score: int) -> None:
        self.value = score if score else Select.NULL


SCORES = range(1, 6)
"""The emotion scores, 1 (worst) to 5 (best)."""


class EmotionField(ChoiceField):
    def __init__(self, key: str, label: str) -> None:
        super().__init__(key, label, [(f"ed.emotion.{n}", n) for n in SCORES])

    def option_labels(self) -> list[tuple[str, object]]:
        # The map's marker next to the word, so the form and the map look alike.
        return [(f"{n} {GLYPHS[n]:<2} {tr(self.lang, f'ed.emotion.{n}')}", n) for n in SCORES]

    def select_class(self) -> type[Select[object]]:
        return EmotionSelect


class PersonaField(ChoiceField):
    """One persona of the journey, by id; an unknown id is shown and kept."""

    def __init__(self, key: str, label: str, personas: Sequence[tuple[str, str]]) -> None:
        super().__init__(key, label, [])
        self.personas = list(personas)

    def option_labels(self) -> list[tuple[str, object]]:
        options: list[tuple[str, object]] = [
            (f"{name} ({pid})", pid) for pid, name in self.personas
        ]
        if self.known(self.raw) and all(pid != self.raw for pid, _ in self.personas):
            options.append((tr(self.lang, "ed.unknown_persona", id=self.raw), self.raw))
        return options

    def known(self, raw: object) -> bool:
        # Any id can be offered (an unknown one as such); only non-ids need KEEP.
        return isinstance(raw, str) and bool(raw)


class PersonasField(Field):
    """Several personas of the journey (none chosen means all of them).

    One tick box per persona, each its own Tab stop: a single list that looked like
    several fields took one Tab, and the next Tab landed on Save unnoticed.
    """

    def __init__(self, key: str, label: str, personas: Sequence[tuple[str, str]]) -> None:
        super().__init__(key, label)
        self.personas = list(personas)
        self.boxes: list[tuple[str, TickBox]] = []

    def accepts(self, raw: object) -> bool:
        if isinstance(raw, list):
            return all(isinstance(v, str) for v in raw)
        return not isinstance(raw, dict)

    def chosen(self) -> list[str]:
        return texts(self.raw) if self.raw is not MISSING else []

    def make(self) -> Widget:
        chosen = self.chosen()
        known = [pid for pid, _ in self.personas]
        rows: list[tuple[str, str, bool]] = [
            (f"{name} ({pid})", pid, pid in chosen) for pid, name in self.personas
        ]
        rows += [
            (tr(self.lang, "ed.unknown_persona", id=pid), pid, True)
            for pid in chosen
            if pid not in known
        ]
        self._initial = tuple(pid for _, pid, on in rows if on) if rows else None
        if not rows:
            return Static(tr(self.lang, "ed.no_personas"), id=widget_id(self.key), classes="muted")
        base = widget_id(self.key)
        self.boxes = [
            (pid, TickBox(Content(label), on, compact=True, id=f"{base}-{n}"))
            for n, (label, pid, on) in enumerate(rows)
        ]
        return Vertical(*(box for _, box in self.boxes), id=base, classes="persona-ticks")

    def current(self) -> tuple[str, ...] | None:
        if not self.boxes:
            return None
        # In list order, so the result does not depend on the order of clicks.
        return tuple(pid for pid, box in self.boxes if box.value)

    def result(self) -> object:
        chosen = self.current()
        return list(chosen) if chosen else MISSING

    def focus(self) -> None:
        if self.boxes and not self.locked:
            self.boxes[0][1].focus()


class ListField(Field):
    """A list of strings, edited as a list."""

    def accepts(self, raw: object) -> bool:
        if isinstance(raw, list):
            return all(not isinstance(v, (dict, list)) for v in raw)
        return not isinstance(raw, dict)

    def make(self) -> Widget:
        items = texts(self.raw) if self.raw is not MISSING else []
        self._initial = list(items)
        return StringList(items, lang=self.lang, id=widget_id(self.key))

    def current(self) -> list[str]:
        assert isinstance(self.widget, StringList)
        return self.widget.value

    def result(self) -> object:
        items = self.current()
        return items if items else MISSING


class Section:
    """A heading between fields (Demographics, Job)."""

    def __init__(self, label: str) -> None:
        self.label_key = label


FormRow = Field | Section
