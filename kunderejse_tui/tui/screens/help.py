"""F1 / ?: the keys of the screen underneath, in the UI language.

Built from that screen's live bindings (and the app's), so the help can never
list a key that does not work; a short text per screen explains the rest.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen, ScreenResultType
from textual.widgets import Label, Static

from kunderejse_tui.tui import key_descriptions
from kunderejse_tui.tui.i18n import all_strings
from kunderejse_tui.tui.key_descriptions import describe
from kunderejse_tui.tui.localized import Localized

# Keys some screens handle through their widgets rather than bindings.
EXTRA_KEYS: dict[str, list[tuple[str, str]]] = {
    "HomeScreen": [("↑ ↓", "home.choose"), ("enter", "home.open"), ("tab", "home.tab")],
    "PersonasScreen": [("↑ ↓", "personas.choose")],
}


def help_rows(screen: Screen[ScreenResultType], lang: str) -> list[tuple[str, str]]:
    """(keys, description) for every documented action of ``screen`` and the app."""
    app = screen.app
    rows: list[tuple[str, str]] = [
        (keys, describe(lang, desc)) for keys, desc in EXTRA_KEYS.get(type(screen).__name__, [])
    ]
    by_action: dict[tuple[int, str], tuple[list[str], Binding]] = {}
    for owner, node in enumerate((screen, app)):
        declared = key_descriptions.declared(node)
        if not declared:
            # A screen that does not use string keys (an editor form): its shown bindings.
            declared = key_descriptions.shown(node)
        for key, binding in declared:
            if node.check_action(binding.action, ()) is False:
                continue
            keys, _ = by_action.setdefault((owner, binding.action), ([], binding))
            shown = binding.key_display or app.get_key_display(
                Binding(key, binding.action, binding.description)
            )
            if shown not in keys:
                keys.append(shown)
    seen: set[str] = set()
    for (_, action), (keys, binding) in by_action.items():
        if action in seen:
            continue
        seen.add(action)
        rows.append((" / ".join(keys), describe(lang, binding.description)))
    return rows


class HelpScreen(Localized[None], ModalScreen[None]):
    """| Key | Action |
    | :- | :- |
    | escape / f1 / ? | close the help |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "help.close"),
    ]

    def __init__(self, target: Screen[ScreenResultType]) -> None:
        super().__init__(classes="dialog")
        self.target = target

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box help-box"):
            yield Label(id="dialog-title", classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(id="help-intro", classes="dialog-body")
                yield Static(id="help-keys")
            yield Static(id="help-hint", classes="dialog-hint")

    def refresh_texts(self) -> None:
        name = type(self.target).__name__
        self.query_one("#dialog-title", Label).update(
            self.t("help.title", screen=self.target.title or self.app.title)
        )
        intro_key = f"help.intro.{name}"
        self.query_one("#help-intro", Static).update(
            self.t(intro_key) if intro_key in all_strings() else ""
        )
        rows = help_rows(self.target, self.lang)
        width = max((len(k) for k, _ in rows), default=0) + 2
        lines = [
            Content.assemble((keys.ljust(width), "bold $accent"), description)
            for keys, description in rows
        ]
        self.query_one("#help-keys", Static).update(Content("\n").join(lines))
        self.query_one("#help-hint", Static).update(self.t("help.hint"))

    def action_close(self) -> None:
        self.dismiss(None)
