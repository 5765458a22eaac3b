"""A new journey from one of the four stage templates, in Danish or English.

Asks for the template, the journey's language, the title and the file name
(made from the title until the user types one), then writes the file with the
core's one path for new journey files (``journey/create.py``, as ``kunderejse new``:
the schema line, and the schema installed when the repository has none) and
dismisses with its path.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from kunderejse_tui.journey.confinement import current as current_confinement
from kunderejse_tui.journey.create import create_journey_file
from kunderejse_tui.journey.fileio import SaveError
from kunderejse_tui.journey.slugs import slugify
from kunderejse_tui.journey.templates import new_journey, template_names
from kunderejse_tui.tui.journey_files import SUFFIX, shown_path
from kunderejse_tui.tui.localized import Localized
from kunderejse_tui.tui.widgets.choice_buttons import ChoiceButtons
from kunderejse_tui.tui.widgets.tick_box import TickBox


def file_name_for(title: str) -> str:
    return slugify(title, fallback="kunderejse") + SUFFIX


class NewJourneyScreen(Localized[Path | None], ModalScreen[Path | None]):
    """| Key | Action |
    | :- | :- |
    | tab / shift+tab | next / previous field |
    | ctrl+s | create the journey |
    | escape | cancel |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "create", "new.create"),
        Binding("escape", "cancel", "prompt.cancel"),
    ]

    def __init__(self, directory: Path) -> None:
        super().__init__(classes="dialog")
        self.directory = directory
        self._name_typed = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box new-journey"):
            yield Label(id="dialog-title", classes="dialog-title")
            # The fields scroll at 80x24; the buttons under them stay on screen.
            with VerticalScroll(classes="dialog-body-scroll"):
                yield Label(id="new-template-label")
                yield Select[str](
                    [(label, tid) for tid, label in template_names(self.lang)],
                    id="new-template",
                    allow_blank=False,
                )
                yield Label(id="new-lang-label")
                yield Select[str](
                    [("Dansk", "da"), ("English", "en")], id="new-lang", allow_blank=False
                )
                yield Label(id="new-title-label")
                yield Input(id="new-title")
                yield Label(id="new-file-label")
                yield Input(id="new-file")
                yield TickBox(id="new-suggestions")
                yield Static(id="new-error", classes="dialog-error")
            with ChoiceButtons(classes="dialog-buttons"):
                yield Button(id="create", variant="primary", compact=True)
                yield Button(id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#new-lang", Select).value = self.lang
        self.query_one("#new-title", Input).focus()

    def refresh_texts(self) -> None:
        self.query_one("#dialog-title", Label).update(self.t("new.title"))
        self.query_one("#new-template-label", Label).update(self.t("new.template"))
        template = self.query_one("#new-template", Select)
        current = template.value
        template.set_options([(label, tid) for tid, label in template_names(self.lang)])
        if isinstance(current, str):
            template.value = current
        self.query_one("#new-lang-label", Label).update(self.t("new.language"))
        self.query_one("#new-title-label", Label).update(self.t("new.journey_title"))
        self.query_one("#new-title", Input).placeholder = self.t("new.title_placeholder")
        self.query_one("#new-file-label", Label).update(
            self.t("new.file", dir=shown_path(self.directory))
        )
        self.query_one("#new-suggestions", Checkbox).label = self.t("new.suggestions")
        self.query_one("#create", Button).label = f"{self.t('new.create')} (ctrl+s)"
        self.query_one("#cancel", Button).label = f"{self.t('prompt.cancel')} (Esc)"
        self.query_one(ChoiceButtons).fit_columns()

    @on(Input.Changed, "#new-title")
    def title_changed(self, event: Input.Changed) -> None:
        if not self._name_typed:
            file_input = self.query_one("#new-file", Input)
            with file_input.prevent(Input.Changed):
                file_input.value = file_name_for(event.value) if event.value.strip() else ""

    @on(Input.Changed, "#new-file")
    def file_changed(self) -> None:
        self._name_typed = True

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_create()

    @on(Button.Pressed, "#create")
    def create_pressed(self) -> None:
        self.action_create()

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.action_cancel()

    def _error(self, key: str, **kwargs: object) -> None:
        self.query_one("#new-error", Static).update(self.t(key, **kwargs))

    def action_create(self) -> None:
        title = self.query_one("#new-title", Input).value.strip()
        if not title:
            self._error("new.need_title")
            self.query_one("#new-title", Input).focus()
            return
        name = self.query_one("#new-file", Input).value.strip() or file_name_for(title)
        if not name.endswith((".yaml", ".yml")):
            name += SUFFIX
        path = self.directory / name
        if not current_confinement().allows(path):
            self._error("serve.outside", path=name, root=str(current_confinement().root))
            return
        if path.exists():
            self._error("new.exists", file=name)
            return
        template = self.query_one("#new-template", Select).value
        lang = self.query_one("#new-lang", Select).value
        suggestions = self.query_one("#new-suggestions", Checkbox).value
        try:
            data = new_journey(str(template), str(lang), title, with_suggestions=suggestions)
            path.parent.mkdir(parents=True, exist_ok=True)
            create_journey_file(path, data)
        except FileExistsError:
            self._error("new.exists", file=name)
            return
        except (ValueError, OSError, SaveError) as exc:
            self._error("new.failed", error=str(exc))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
