"""Start a new interview, or continue one of the journey's interviews.

The form asks what the file records about an interview: the respondent, the
persona they match, the date (today unless changed), the interviewer (the one
of the last interview, since a consultant runs several) and whether the
respondent consents. Enter starts; the interview screen then replaces this one,
so Escape there goes straight back to where the user came from.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult, ReturnType
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    OptionList,
    Select,
    Static,
)
from textual.widgets.option_list import Option

from kunderejse_tui.journey import access
from kunderejse_tui.journey.access import as_dict, text
from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.edits import EditError
from kunderejse_tui.journey.export.select import has_consent
from kunderejse_tui.tui import key_descriptions
from kunderejse_tui.tui.localized import Localized
from kunderejse_tui.tui.screens.interview import InterviewScreen
from kunderejse_tui.tui.widgets.evidence import answers_label, consent_mark
from kunderejse_tui.tui.widgets.key_footer import KeyFooter
from kunderejse_tui.tui.widgets.nav_list import NavList
from kunderejse_tui.tui.widgets.tick_box import TickBox
from kunderejse_tui.tui.widgets.title_header import TitleHeader

Today = Callable[[], datetime.date]


def valid_date(value: str) -> bool:
    """``YYYY-MM-DD`` naming a day that exists."""
    if len(value) != 10:
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def interview_row(interview: dict[str, object], personas: dict[str, str], lang: str) -> Content:
    """``2026-01-05  Jens Hansen · Pia · Anne · 4 svar  ⚠ uden samtykke``."""
    who = text(interview.get("respondent")) or text(interview.get("id")) or "?"
    answered = sum(
        1 for _, a in access.dicts(interview.get("answers")) if text(a.get("text")).strip()
    )
    details = [
        personas.get(text(interview.get("persona")), text(interview.get("persona"))),
        text(interview.get("interviewer")),
        answers_label(answered, lang),
    ]
    row = Content.assemble(
        (text(interview.get("date")) or "—", "bold"),
        "  ",
        (who, "bold"),
        (" · " + " · ".join(d for d in details if d), "dim"),
    )
    mark = consent_mark(has_consent(interview), lang)
    return row + Content("  ") + mark if mark.plain else row


class InterviewStartScreen(Localized[None]):
    """| Key | Action |
    | :- | :- |
    | tab / shift+tab | next / previous field |
    | enter | in the form: start the interview; in the list: continue that interview |
    | ctrl+s | start the interview |
    | ctrl+o | to the list of interviews |
    | escape | back |
    """

    CSS_PATH = "interview_start.tcss"
    AUTO_FOCUS = "#ivs-respondent"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "start", "iv.key.start"),
        Binding("enter", "start", "iv.key.start", show=False),
        Binding("ctrl+o", "list", "iv.key.continue"),
        Binding("escape", "back", "iv.key.back"),
    ]

    def __init__(self, document: JourneyDocument, *, today: Today | None = None) -> None:
        super().__init__()
        self.document = document
        self.today = today or datetime.date.today

    @property
    def data(self) -> dict[str, object]:
        return self.document.data

    def _personas(self) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for p in access.personas(self.data):
            pid = text(p.get("id"))
            if pid and pid not in dict(out):
                out.append((pid, text(p.get("name")) or pid))
        return out

    def _interviews(self) -> list[tuple[int, dict[str, object]]]:
        return list(access.dicts(self.data.get("interviews")))

    # ---- layout

    def compose(self) -> ComposeResult:
        last = self._interviews()[-1][1] if self._interviews() else {}
        yield TitleHeader()
        with VerticalScroll(id="ivs"):
            yield Label(id="ivs-new-title", classes="ivs-section")
            with Vertical(id="ivs-form"):
                with Horizontal(classes="ivs-row"):
                    yield Label(id="ivs-respondent-label", classes="ivs-label")
                    yield Input(id="ivs-respondent", compact=True)
                with Horizontal(classes="ivs-row"):
                    yield Label(id="ivs-persona-label", classes="ivs-label")
                    yield Select[str](
                        # Rich Text: plain (no markup), and found by type-to-search.
                        [(Text(name), pid) for pid, name in self._personas()],
                        allow_blank=True,
                        id="ivs-persona",
                        compact=True,
                    )
                with Horizontal(classes="ivs-row"):
                    yield Label(id="ivs-date-label", classes="ivs-label")
                    yield Input(
                        self.today().isoformat(), id="ivs-date", max_length=10, compact=True
                    )
                with Horizontal(classes="ivs-row"):
                    yield Label(id="ivs-interviewer-label", classes="ivs-label")
                    yield Input(
                        text(as_dict(last).get("interviewer")), id="ivs-interviewer", compact=True
                    )
                with Horizontal(classes="ivs-row"):
                    yield Label(id="ivs-consent-label", classes="ivs-label")
                    yield ConsentBox(id="ivs-consent", compact=True)
                yield Static(id="ivs-error")
                with Horizontal(id="ivs-buttons"):
                    yield Button(id="ivs-start", variant="primary", compact=True)
            yield Label(id="ivs-list-title", classes="ivs-section")
            yield InterviewList(id="ivs-list")
            yield Static(id="ivs-hint", classes="iv-screen-hint")
        yield KeyFooter()  # keeps Quit and Help at 80 columns

    def refresh_texts(self) -> None:
        self.title = self.t("iv.start.title")
        self.sub_title = self.document.title
        for name, key in (
            ("new-title", "iv.start.new"),
            ("respondent-label", "iv.start.respondent"),
            ("persona-label", "iv.start.persona"),
            ("date-label", "iv.start.date"),
            ("interviewer-label", "iv.start.interviewer"),
            ("consent-label", "iv.start.consent"),
        ):
            self.query_one(f"#ivs-{name}", Label).update(self.t(key))
        self.query_one("#ivs-respondent", Input).placeholder = self.t(
            "iv.start.respondent_placeholder"
        )
        self.query_one("#ivs-persona", Select).prompt = self.t("iv.start.no_persona")
        self.query_one("#ivs-consent", Checkbox).label = self.t("iv.start.consent_label")
        self.query_one("#ivs-start", Button).label = self.t("iv.start.start")
        self.query_one("#ivs-hint", Static).update(self.t("iv.start.hint"))
        key_descriptions.translate(self.query_one(InterviewList), self.lang)
        self._fill()

    def _fill(self) -> None:
        interviews = self._interviews()
        self.query_one("#ivs-list-title", Label).update(
            self.t("iv.start.existing", n=len(interviews))
        )
        listing = self.query_one(InterviewList)
        personas = dict(self._personas())
        if interviews:
            listing.set_options(
                Option(interview_row(iv, personas, self.lang)) for _, iv in interviews
            )
            listing.indices = [i for i, _ in interviews]
            listing.highlighted = len(interviews) - 1
        else:
            listing.set_options(
                [Option(Content.styled(self.t("iv.start.none"), "dim italic"), disabled=True)]
            )
            listing.indices = []

    # ---- starting

    def action_start(self) -> None:
        date = self.query_one("#ivs-date", Input).value.strip()
        error = self.query_one("#ivs-error", Static)
        if date and not valid_date(date):
            error.update(self.t("iv.start.bad_date", example=self.today().isoformat()))
            self.query_one("#ivs-date", Input).focus()
            return
        error.update("")
        persona = self.query_one("#ivs-persona", Select).value
        respondent = self.query_one("#ivs-respondent", Input).value.strip()
        interviewer = self.query_one("#ivs-interviewer", Input).value.strip()
        consent = self.query_one("#ivs-consent", Checkbox).value
        editor = self.document.editor
        try:
            interview_id = editor.add_interview(
                persona=persona if isinstance(persona, str) else None,
                date=date or None,
                interviewer=interviewer or None,
                respondent=respondent or None,
                consent=consent,
            )
        except EditError as exc:
            error.update(exc.message(self.lang))
            return
        index = len(access.as_list(self.data.get("interviews"))) - 1
        self.notify(self.t("iv.start.started", id=interview_id), timeout=3)
        self.app.switch_screen(InterviewScreen(self.document, index))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_start()

    @on(Button.Pressed, "#ivs-start")
    def _pressed(self) -> None:
        self.action_start()

    # ---- continuing

    def action_list(self) -> None:
        self.query_one(InterviewList).focus()

    @on(OptionList.OptionSelected, "#ivs-list")
    def _continue(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        listing = self.query_one(InterviewList)
        if 0 <= event.option_index < len(listing.indices):
            index = listing.indices[event.option_index]
            self.app.switch_screen(InterviewScreen(self.document, index))

    def action_back(self) -> None:
        self.dismiss(None)


class ConsentBox(TickBox, inherit_bindings=False):
    """Space ticks it; Enter starts the interview like everywhere else in the form.

    (A plain Checkbox toggles on Enter too: pressing Enter to start would take the
    consent away again.)
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_button", show=False),
    ]


class InterviewList(NavList):
    """The journey's interviews; Enter continues the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "iv.key.continue", show=True),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.indices: list[int] = []


def open_interviews(
    app: App[ReturnType], document: JourneyDocument, *, today: Today | None = None
) -> None:
    """What the map's "interview" key does: this screen over the map."""
    app.push_screen(InterviewStartScreen(document, today=today))
