"""What the journey rests on: each stage and touchpoint with the answers that back it.

"Observed" means at least one interview answer backs it, "assumed" means none
does yet, so the team knows where to ask next. Selecting an item shows its
quotes with who said them and when; Enter on a quote opens its interview at
that answer. The counting rules are the core's (``journey.evidence.coverage``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from kunderejse_tui.journey import access
from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.edits import KeyPath
from kunderejse_tui.journey.evidence import (
    Coverage,
    Quote,
    StageCoverage,
    TouchpointCoverage,
    coverage,
    quotes_for,
)
from kunderejse_tui.journey.export.select import persona_names
from kunderejse_tui.tui import key_descriptions
from kunderejse_tui.tui.localized import Localized
from kunderejse_tui.tui.screens.interview import InterviewScreen
from kunderejse_tui.tui.widgets.badge import ASSUMED_STYLE, OBSERVED_STYLE
from kunderejse_tui.tui.widgets.evidence import (
    QuoteList,
    answers_label,
    interviews_label,
)
from kunderejse_tui.tui.widgets.key_footer import KeyFooter
from kunderejse_tui.tui.widgets.nav_list import NavList
from kunderejse_tui.tui.widgets.title_header import TitleHeader

ROW_WIDTH = 40  # text width inside the item list


@dataclass(frozen=True)
class Entry:
    kind: Literal["stage", "touchpoint", "unlinked"]
    stage: StageCoverage | None = None
    touchpoint: TouchpointCoverage | None = None

    @property
    def count(self) -> int:
        item = self.touchpoint or self.stage
        return item.count if item is not None else 0

    @property
    def name(self) -> str:
        item = self.touchpoint or self.stage
        return (item.name if item is not None else "") or "?"


def entries(cov: Coverage, *, only_assumed: bool = False) -> list[Entry]:
    """The rows of the list: each stage, its touchpoints under it, then the unlinked answers.

    With ``only_assumed`` a stage stays when it or one of its touchpoints is assumed
    (an observed stage is kept as the heading of its assumed touchpoints).
    """
    rows: list[Entry] = []
    for stage in cov.stages:
        tps = [t for t in stage.touchpoints if not (only_assumed and t.observed)]
        if only_assumed and stage.observed and not tps:
            continue
        rows.append(Entry("stage", stage))
        rows.extend(Entry("touchpoint", stage, t) for t in tps)
    if cov.unlinked and not only_assumed:
        rows.append(Entry("unlinked"))
    return rows


def _fit(name: str, width: int) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


class CoverageScreen(Localized[None]):
    """| Key | Action |
    | :- | :- |
    | ↑ ↓ | pick a stage or touchpoint: its quotes show on the right |
    | enter / tab | to the quotes; on a quote: open its interview at that answer |
    | a | show only the assumed (no interview backs them) |
    | u | count interviews without consent, or leave them out |
    | y | the synthesis view (as on the map) |
    | escape | back (from the quotes: back to the list) |
    """

    CSS_PATH = "coverage.tcss"
    AUTO_FOCUS = "#cov-items"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "only_assumed", "iv.key.only_assumed"),
        Binding("u", "unconsented", "iv.key.unconsented"),
        Binding("y", "synthesis", "iv.key.synthesis"),
        Binding("escape", "back", "iv.key.back"),
    ]

    def __init__(self, document: JourneyDocument, select: KeyPath | None = None) -> None:
        """``select``: the key path of a stage or touchpoint (or something in one) to
        open on, so its quotes show at once (the map passes its current item)."""
        super().__init__()
        self.document = document
        self._select = select
        self.only_assumed = False
        self.include_unconsented = True
        self.cov: Coverage = coverage(document.data)
        self.rows: list[Entry] = []

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        yield Static(id="cov-summary")
        with Horizontal(id="cov-body"):
            yield CoverageList(id="cov-items")
            with Vertical(id="cov-right"):
                yield Static(id="cov-quotes-title")
                yield QuoteList(id="cov-quotes")
        yield Static(id="cov-hint", classes="iv-screen-hint")
        yield KeyFooter()  # keeps Quit and Help at 80 columns

    def refresh_texts(self) -> None:
        self.title = self.t("iv.cov.title")
        self.sub_title = self.document.title
        self.query_one("#cov-hint", Static).update(self.t("iv.cov.hint"))
        key_descriptions.translate(self.query_one(QuoteList), self.lang)
        self.recount()

    def on_screen_resume(self) -> None:
        # Back from an interview opened from a quote: its answers may have changed.
        if self.is_attached:
            self.recount()

    # ---- the numbers

    def recount(self) -> None:
        data = self.document.data
        self.cov = coverage(data, include_unconsented=self.include_unconsented)
        self._summary()
        listing = self.query_one(CoverageList)
        keep = self.current
        self.rows = entries(self.cov, only_assumed=self.only_assumed)
        if not self.rows:
            empty = "iv.cov.no_stages" if not self.cov.stages else "iv.cov.all_observed"
            listing.set_options(
                [Option(Content.styled(self.t(empty), "dim italic"), disabled=True)]
            )
            self._show_quotes()
            return
        listing.set_options(Option(self._row(e)) for e in self.rows)
        select, self._select = self._select, None
        listing.highlighted = self._find_path(select) if select is not None else self._find(keep)
        self._show_quotes()

    def _find(self, keep: Entry | None) -> int:
        if keep is None:
            return 0
        for n, e in enumerate(self.rows):
            if e.kind != keep.kind:
                continue
            if e.kind == "unlinked":
                return n
            same_stage = (e.stage and e.stage.id) == (keep.stage and keep.stage.id)
            same_tp = (e.touchpoint and e.touchpoint.id) == (keep.touchpoint and keep.touchpoint.id)
            if same_stage and same_tp:
                return n
        return 0

    def _find_path(self, path: KeyPath) -> int:
        """The row of the touchpoint or stage ``path`` lies in (the stage when its
        touchpoint is not listed)."""
        best, best_len = 0, 0
        for n, e in enumerate(self.rows):
            item = e.touchpoint or e.stage
            if item is None:
                continue
            size = len(item.path)
            if tuple(path[:size]) == item.path and size > best_len:
                best, best_len = n, size
        return best

    def _summary(self) -> None:
        cov = self.cov
        parts = [
            self.t(
                "iv.cov.summary",
                interviews=interviews_label(cov.interviews, self.lang),
                answers=answers_label(cov.answers, self.lang),
            )
        ]
        if cov.unconsented:
            parts.append(self.t("iv.cov.unconsented", n=cov.unconsented))
        if cov.left_out:
            parts.append(self.t("iv.cov.hidden", n=cov.left_out))
        lines = [Content(" · ".join(parts))]
        stages, tps = len(cov.assumed_stages), len(cov.assumed_touchpoints)
        if stages or tps:
            lines.append(
                Content.styled(
                    self.t("iv.cov.assumed_summary", stages=stages, touchpoints=tps), ASSUMED_STYLE
                )
            )
        elif cov.stages:
            lines.append(Content.styled(self.t("iv.cov.all_observed"), OBSERVED_STYLE))
        if cov.unknown:
            lines.append(
                Content.styled(self.t("iv.cov.unknown", n=len(cov.unknown)), "$text-warning")
            )
        self.query_one("#cov-summary", Static).update(Content("\n").join(lines))

    def _status(self, entry: Entry) -> tuple[str, str]:
        if entry.kind == "unlinked":
            return answers_label(len(self.cov.unlinked), self.lang), "dim"
        if entry.count:
            return answers_label(entry.count, self.lang), OBSERVED_STYLE
        return self.t("iv.cov.assumed"), ASSUMED_STYLE

    def _row(self, entry: Entry) -> Content:
        status, style = self._status(entry)
        if entry.kind == "unlinked":
            name, name_style, indent = self.t("iv.cov.unlinked"), "italic", ""
        elif entry.kind == "stage":
            name, name_style, indent = entry.name, "bold", ""
        else:
            name, name_style, indent = entry.name, "", "  "
        room = ROW_WIDTH - len(indent) - len(status) - 1
        shown = _fit(name, room)
        return Content.assemble(
            indent,
            (shown, name_style),
            " " * (room - len(shown) + 1),
            (status, style),
        )

    # ---- the quotes

    @property
    def current(self) -> Entry | None:
        if not self.is_attached:
            return None
        index = self.query_one(CoverageList).highlighted
        if index is None or not 0 <= index < len(self.rows):
            return None
        return self.rows[index]

    def quotes(self, entry: Entry) -> list[Quote]:
        data = self.document.data
        lang = access.language(data)
        include = self.include_unconsented
        if entry.kind == "unlinked":
            unlinked = set(self.cov.unlinked)
            return [
                q
                for q in quotes_for(data, lang=lang, include_unconsented=include)
                if q.path in unlinked
            ]
        if entry.touchpoint is not None:
            return quotes_for(
                data, touchpoint_id=entry.touchpoint.id, lang=lang, include_unconsented=include
            )
        assert entry.stage is not None
        return quotes_for(data, stage_id=entry.stage.id, lang=lang, include_unconsented=include)

    def _show_quotes(self) -> None:
        entry = self.current
        title = self.query_one("#cov-quotes-title", Static)
        quote_list = self.query_one(QuoteList)
        if entry is None:
            title.update("")
            quote_list.show([], self.lang)
            return
        status, style = self._status(entry)
        name = self.t("iv.cov.unlinked") if entry.kind == "unlinked" else entry.name
        if entry.kind == "touchpoint" and entry.stage is not None:
            name = f"{name} ‹ {entry.stage.name}"
        title.update(Content.assemble((name, "bold"), " · ", (status, style)))
        quote_list.show(
            self.quotes(entry),
            self.lang,
            empty=self.t("iv.cov.no_quotes"),
            personas=persona_names(self.document.data),
        )
        quote_list.highlighted = 0 if quote_list.quotes else None

    @on(OptionList.OptionHighlighted, "#cov-items")
    def _highlighted(self) -> None:
        self._show_quotes()

    @on(OptionList.OptionSelected, "#cov-items")
    def _to_quotes(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one(QuoteList).focus()

    @on(OptionList.OptionSelected, "#cov-quotes")
    def _open_quote(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        quote = self.query_one(QuoteList).quote_at(event.option_index)
        if quote is not None:
            open_quote(self.app, self.document, quote)

    # ---- actions

    def action_only_assumed(self) -> None:
        self.only_assumed = not self.only_assumed
        self.notify(
            self.t("iv.cov.only_assumed_on" if self.only_assumed else "iv.cov.only_assumed_off"),
            timeout=2,
        )
        self.recount()
        self.query_one(CoverageList).focus()

    def action_unconsented(self) -> None:
        self.include_unconsented = not self.include_unconsented
        self.recount()

    def action_synthesis(self) -> None:
        from kunderejse_tui.tui.screens.synthesis import SynthesisScreen

        self.app.switch_screen(SynthesisScreen(self.document))

    def action_back(self) -> None:
        if self.query_one(QuoteList).has_focus:
            self.query_one(CoverageList).focus()
            return
        self.dismiss(None)


class CoverageList(NavList):
    """Stages and touchpoints with their counts; Enter goes to the quotes."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", show=False)]


def open_quote(app: App[object], document: JourneyDocument, quote: Quote) -> None:
    """Open the quote's interview at the quote's answer, over the current screen."""
    answer = quote.path[3]
    index = answer if isinstance(answer, int) else None
    app.push_screen(InterviewScreen(document, quote.interview_index, index))
