"""Synthesis: every answer to a question across all interviews, side by side; tags.

The first tab lists the questions (the eight of the bank, always, then the own
questions) with how many answers each has; the chosen question's answers are
shown next to it, with who said them and when. Persona and tag filters narrow
both. The second tab is the tag overview: each tag, how many answers carry
it and in which interviews; Enter on a tag filters the first tab by it.
"""

from __future__ import annotations

import textwrap
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import (
    DataTable,
    Label,
    OptionList,
    Select,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.option_list import Option

from kunderejse_tui.journey import access
from kunderejse_tui.journey.access import as_dict, as_list
from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.evidence import QuestionSynthesis, TagCount, synthesis, tag_overview
from kunderejse_tui.journey.export.select import has_consent, persona_names
from kunderejse_tui.tui import key_descriptions
from kunderejse_tui.tui.localized import Localized
from kunderejse_tui.tui.screens.coverage import open_quote
from kunderejse_tui.tui.widgets.evidence import QuoteList, answers_label, interviews_label
from kunderejse_tui.tui.widgets.key_footer import KeyFooter
from kunderejse_tui.tui.widgets.nav_list import NavList
from kunderejse_tui.tui.widgets.title_header import TitleHeader


def filtered(
    journey: object,
    lang: str,
    persona: str | None,
    tag: str | None,
    include_unconsented: bool = True,
) -> list[QuestionSynthesis]:
    """The per-question synthesis the screen shows (the core's, with its filter rules)."""
    return synthesis(
        journey, lang, persona=persona, tag=tag, include_unconsented=include_unconsented
    )


QUESTION_WIDTH = 44  # text width inside the question list


class SynthesisScreen(Localized[None]):
    """| Key | Action |
    | :- | :- |
    | 1 / 2 | by question / tag overview |
    | ↑ ↓ | pick a question: its answers show on the right |
    | enter / tab | to the answers; on an answer: open its interview there |
    | p | filter by persona |
    | m / t | filter by tag |
    | u | include interviews without consent, or leave them out |
    | o | the coverage view (as on the map) |
    | escape | back (from the answers: back to the questions) |
    """

    CSS_PATH = "synthesis.tcss"
    AUTO_FOCUS = "#syn-questions"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "tab('syn-by-question')", "iv.key.by_question", show=False),
        Binding("2", "tab('syn-by-tag')", "iv.key.tag_overview", show=False),
        Binding("p", "filter('persona')", "iv.key.persona_filter"),
        Binding("m,t", "filter('tag')", "iv.key.tag_filter"),
        Binding("u", "unconsented", "iv.key.unconsented"),
        Binding("o", "coverage", "iv.key.coverage"),
        Binding("escape", "back", "iv.key.back"),
    ]

    def __init__(
        self, document: JourneyDocument, *, persona: str | None = None, tag: str | None = None
    ) -> None:
        super().__init__()
        self.document = document
        self.persona = persona
        self.tag = tag
        self.include_unconsented = True
        self.questions: list[QuestionSynthesis] = []
        self.tags: list[TagCount] = []

    @property
    def data(self) -> dict[str, object]:
        return self.document.data

    def compose(self) -> ComposeResult:
        # Rich Text prompts: plain (no markup) and found by the list's type-to-search.
        personas = [(Text(name), pid) for pid, name in persona_names(self.data).items()]
        tags = [(Text(t.tag), t.tag) for t in tag_overview(self.data)]
        yield TitleHeader()
        with Horizontal(id="syn-filters"):
            yield Label(id="syn-persona-label", classes="syn-label")
            yield Select[str](personas, allow_blank=True, id="syn-persona", compact=True)
            yield Label(id="syn-tag-label", classes="syn-label")
            yield Select[str](tags, allow_blank=True, id="syn-tag", compact=True)
            yield Static(id="syn-count")
        with TabbedContent(id="syn-tabs"):
            with TabPane("", id="syn-by-question"), Horizontal(id="syn-body"):
                yield SynQuestionList(id="syn-questions")
                yield QuoteList(id="syn-quotes")
            with TabPane("", id="syn-by-tag"):
                yield DataTable(id="syn-tag-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="syn-hint", classes="iv-screen-hint")
        yield KeyFooter()  # keeps Quit and Help at 80 columns

    def on_mount(self) -> None:
        if self.persona is not None:
            self.query_one("#syn-persona", Select).value = self.persona
        if self.tag is not None:
            self.query_one("#syn-tag", Select).value = self.tag

    def refresh_texts(self) -> None:
        self.title = self.t("iv.syn.title")
        self.sub_title = self.document.title
        self.query_one("#syn-persona-label", Label).update(self.t("iv.syn.persona"))
        self.query_one("#syn-tag-label", Label).update(self.t("iv.syn.tag"))
        self.query_one("#syn-persona", Select).prompt = self.t("iv.syn.all_personas")
        self.query_one("#syn-tag", Select).prompt = self.t("iv.syn.all_tags")
        tabs = self.query_one(TabbedContent)
        tabs.get_tab("syn-by-question").label = self.t("iv.syn.tab_questions")
        tabs.get_tab("syn-by-tag").label = self.t("iv.syn.tab_tags")
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_columns(
            self.t("iv.syn.col_tag"), self.t("iv.syn.col_count"), self.t("iv.syn.col_interviews")
        )
        key_descriptions.translate(self.query_one(QuoteList), self.lang)
        self._hint()
        self.recompute()

    def on_screen_resume(self) -> None:
        if self.is_attached:
            self.recompute()

    def _hint(self) -> None:
        active = self.query_one(TabbedContent).active
        key = "iv.syn.tags_hint" if active == "syn-by-tag" else "iv.syn.hint"
        self.query_one("#syn-hint", Static).update(self.t(key))

    # ---- the numbers

    def recompute(self) -> None:
        data = self.data
        self.questions = filtered(
            data, access.language(data), self.persona, self.tag, self.include_unconsented
        )
        self.tags = tag_overview(data, include_unconsented=self.include_unconsented)
        listing = self.query_one(SynQuestionList)
        keep = listing.highlighted
        listing.set_options(Option(self._question_row(n, q)) for n, q in enumerate(self.questions))
        listing.highlighted = min(keep or 0, len(self.questions) - 1)
        answers = sum(len(q.answers) for q in self.questions)
        interviews = len({a.interview_index for q in self.questions for a in q.answers})
        self.query_one("#syn-count", Static).update(
            Content.styled(
                self.t(
                    "iv.syn.count",
                    answers=answers_label(answers, self.lang),
                    interviews=interviews_label(interviews, self.lang),
                ),
                "dim",
            )
        )
        self._show_answers()
        self._fill_tags()

    def _question_row(self, n: int, q: QuestionSynthesis) -> Content:
        prefix = "↳ " if q.custom else f"{n + 1}. "
        words = f"{q.question} ({len(q.answers)})"
        lines = textwrap.wrap(words, QUESTION_WIDTH - len(prefix)) or [""]
        style = "" if q.answers else "dim"
        out = Content.styled(prefix, "bold" if not q.custom else "dim")
        out += Content.styled(lines[0], style)
        for line in lines[1:]:
            out = out.append("\n" + " " * len(prefix)).append(Content.styled(line, style))
        return out

    def _show_answers(self) -> None:
        listing = self.query_one(SynQuestionList)
        index = listing.highlighted
        quotes = self.query_one(QuoteList)
        if index is None or not 0 <= index < len(self.questions):
            quotes.show([], self.lang, empty=self.t("iv.syn.no_answers"))
            return
        quotes.show(
            self.questions[index].answers,
            self.lang,
            empty=self.t("iv.syn.no_answers"),
            show_question=False,
            personas=persona_names(self.data),
        )

    def _fill_tags(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        if not self.tags:
            table.add_row(Text(self.t("iv.syn.no_tags"), style="dim italic"), "", "")
            return
        items = as_list(self.data.get("interviews"))
        unconsented = " ⚠ " + self.t("iv.consent.no")
        for t in self.tags:
            # Rich Text, not str: a tag like "[vigtig]" must not be read as markup.
            who = Text()
            for n, (index, ident) in enumerate(
                zip(t.interview_indices, t.interviews, strict=False)
            ):
                if n:
                    who.append(", ")
                who.append(ident)
                if not has_consent(as_dict(items[index]) if index < len(items) else {}):
                    who.append(unconsented, style="bold yellow")
            table.add_row(Text(t.tag), Text(str(t.count)), who, key=t.tag)

    # ---- events

    @on(OptionList.OptionHighlighted, "#syn-questions")
    def _question_highlighted(self) -> None:
        self._show_answers()

    @on(OptionList.OptionSelected, "#syn-questions")
    def _to_answers(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one(QuoteList).focus()

    @on(OptionList.OptionSelected, "#syn-quotes")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        quote = self.query_one(QuoteList).quote_at(event.option_index)
        if quote is not None:
            open_quote(self.app, self.document, quote)

    @on(Select.Changed, "#syn-persona")
    def _persona_changed(self, event: Select.Changed) -> None:
        self.persona = event.value if isinstance(event.value, str) else None
        self._filtered()

    @on(Select.Changed, "#syn-tag")
    def _tag_changed(self, event: Select.Changed) -> None:
        self.tag = event.value if isinstance(event.value, str) else None
        self._filtered()

    def _filtered(self) -> None:
        self.recompute()
        # Back to the questions: ↓ on a closed Select would only open it again.
        if self.query_one(TabbedContent).active == "syn-by-question":
            self.query_one(SynQuestionList).focus()

    @on(DataTable.RowSelected, "#syn-tag-table")
    def _tag_chosen(self, event: DataTable.RowSelected) -> None:
        tag = event.row_key.value
        if not tag:
            return
        self.query_one("#syn-tag", Select).value = tag  # Select.Changed recomputes
        self.action_tab("syn-by-question")

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self._hint()

    # ---- actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # An open filter list searches as you type: its letters are not keys here.
        if action in ("tab", "filter", "unconsented", "coverage"):
            focused = self.focused
            if focused is not None and isinstance(focused.parent, Select):
                return False
        return True

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        target = "#syn-questions" if tab == "syn-by-question" else "#syn-tag-table"
        self.query_one(target).focus()

    def action_filter(self, which: str) -> None:
        select = self.query_one(f"#syn-{which}", Select)
        select.focus()
        select.action_show_overlay()

    def action_unconsented(self) -> None:
        self.include_unconsented = not self.include_unconsented
        self.recompute()

    def action_coverage(self) -> None:
        from kunderejse_tui.tui.screens.coverage import CoverageScreen

        self.app.switch_screen(CoverageScreen(self.document))

    def action_back(self) -> None:
        if self.query_one(QuoteList).has_focus:
            self.query_one(SynQuestionList).focus()
            return
        self.dismiss(None)


class SynQuestionList(NavList):
    """The questions with their answer counts; Enter goes to the answers."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", show=False)]
