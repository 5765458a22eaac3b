"""Interview evidence on screen: the map's badges, consent marks and a list of quotes.

The numbers come from ``journey.evidence`` (one set of rules for the map, the
coverage and synthesis views and ``kunderejse report``); this module only
words and draws them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets.option_list import Option

from kunderejse_tui.journey.evidence import Coverage, Quote
from kunderejse_tui.tui.i18n import tr
from kunderejse_tui.tui.widgets.badge import (
    ASSUMED_STYLE,
    OBSERVED_STYLE,
    UNCONSENTED_STYLE,
)
from kunderejse_tui.tui.widgets.nav_list import NavList


def answers_label(n: int, lang: str) -> str:
    """``1 svar`` / ``4 svar``; ``1 answer`` / ``4 answers``."""
    return tr(lang, "iv.badge.answers", n=n)


def interviews_label(n: int, lang: str) -> str:
    return tr(lang, "iv.n.interviews", n=n)


def evidence_badge(
    cov: Coverage, lang: str, *, stage_id: str | None = None, touchpoint_id: str | None = None
) -> str:
    """What the map shows next to a stage or touchpoint: ``4 svar``, ``antaget`` or nothing.

    Nothing while the journey has no answers at all (a fresh workshop map is not
    "assumed" everywhere), and nothing for an id the journey does not have. Pass
    ``touchpoint_id`` for a touchpoint, ``stage_id`` for a stage.
    """
    if cov.answers == 0:
        return ""
    item = (
        cov.touchpoint(touchpoint_id)
        if touchpoint_id is not None
        else cov.stage(stage_id)
        if stage_id is not None
        else None
    )
    if item is None:
        return ""
    return answers_label(item.count, lang) if item.count else tr(lang, "iv.badge.assumed")


def stage_evidence(cov: Coverage, stage_index: int, lang: str) -> tuple[str, dict[str, str]]:
    """The badges of the stage at ``stages[stage_index]`` and of its touchpoints (by id).

    For the map: one call per column, and the result can go into the column's
    signature so a column is redrawn when its evidence changes. Empty strings
    while the journey has no answers at all.
    """
    stage = next((s for s in cov.stages if s.path == ("stages", stage_index)), None)
    if stage is None or cov.answers == 0:
        return "", {}
    badges = {
        t.id: answers_label(t.count, lang) if t.count else tr(lang, "iv.badge.assumed")
        for t in reversed(stage.touchpoints)  # the first of a repeated id wins, as in coverage
        if t.id
    }
    head = answers_label(stage.count, lang) if stage.count else tr(lang, "iv.badge.assumed")
    return head, badges


def evidence_badge_content(
    cov: Coverage, lang: str, *, stage_id: str | None = None, touchpoint_id: str | None = None
) -> Content:
    """The badge styled: observed in the success colour, assumed in the warning colour."""
    badge = evidence_badge(cov, lang, stage_id=stage_id, touchpoint_id=touchpoint_id)
    if not badge:
        return Content("")
    item = cov.touchpoint(touchpoint_id) if touchpoint_id is not None else cov.stage(stage_id or "")
    observed = item is not None and item.observed
    return Content.styled(badge, OBSERVED_STYLE if observed else ASSUMED_STYLE)


def consent_mark(consent: bool, lang: str, *, always: bool = False) -> Content:
    """``⚠ uden samtykke`` for an interview without consent; ``✓ samtykke`` when ``always``."""
    if not consent:
        return Content.styled("⚠ " + tr(lang, "iv.consent.no"), UNCONSENTED_STYLE)
    if always:
        return Content.styled("✓ " + tr(lang, "iv.consent.yes"), "dim")
    return Content("")


def _hang(first: Content, body: str, width: int, indent: int, style: str = "") -> Content:
    """``first`` then ``body`` wrapped to ``width`` with a hanging indent of ``indent`` cells."""
    room = max(width - indent, 12)
    lines: list[str] = []
    for paragraph in body.splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, room) or [""])
    out = first + Content.styled(lines[0], style)
    for line in lines[1:]:
        out = out.append("\n" + " " * indent).append(Content.styled(line, style))
    return out


def quote_content(
    quote: Quote,
    lang: str,
    *,
    show_question: bool = True,
    personas: Mapping[str, str] | None = None,
    width: int = 72,
) -> Content:
    """A quote as the lists show it: the words, then who said it and when, tags, consent.

    ``personas`` maps persona ids to the names to show (an id it lacks is shown as is);
    the words are wrapped to ``width`` under the opening quote mark.
    """
    body = _hang(Content.styled("❝ ", "bold $text-accent"), quote.text, width, 2)
    meta = [quote.who]
    if quote.date:
        meta.append(quote.date)
    if quote.persona:
        meta.append((personas or {}).get(quote.persona, quote.persona))
    line = _hang(Content.styled("  — ", "dim"), " · ".join(meta), width, 4, "dim")
    if not quote.consent:
        line = line + Content("  ") + consent_mark(False, lang)
    parts = [body, line]
    if show_question and quote.question:
        parts.append(_hang(Content("    "), quote.question, width, 4, "italic dim"))
    if quote.tags:
        tags = " ".join("#" + t for t in quote.tags)
        parts.append(_hang(Content("    "), tags, width, 4, "$text-secondary"))
    return Content("\n").join(parts)


class QuoteList(NavList):
    """Quotes, one per option, with a rule between them; Enter opens the highlighted one.

    The screen handles ``OptionList.OptionSelected`` and reads ``quote_at``.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "iv.key.open_quote", show=True),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.quotes: list[Quote] = []
        # What the last show() was asked for (language, empty text, question, personas).
        self._shown: tuple[str, str, bool, dict[str, str]] | None = None
        self._width = 0

    def show(
        self,
        quotes: Sequence[Quote],
        lang: str,
        *,
        empty: str = "",
        show_question: bool = True,
        personas: Mapping[str, str] | None = None,
    ) -> None:
        keep = self.highlighted if list(quotes) == self.quotes else 0
        self.quotes = list(quotes)
        self._shown = (lang, empty, show_question, dict(personas or {}))
        self._render_quotes(keep)

    def _render_quotes(self, keep: int | None = 0) -> None:
        if self._shown is None:
            return  # nothing asked for yet
        lang, empty, show_question, personas = self._shown
        if not self.quotes:
            self.set_options([Option(Content.styled(empty, "dim italic"), disabled=True)])
            return
        # Wrapped by hand for the hanging indent; a resize wraps them again.
        self._width = self.scrollable_content_region.width
        width = (self._width or 74) - 1
        options: list[Option | None] = []
        for quote in self.quotes:
            content = quote_content(
                quote, lang, show_question=show_question, personas=personas, width=width
            )
            options.extend([Option(content), None])
        self.set_options(options[:-1])
        self.highlighted = min(keep or 0, len(self.quotes) - 1)

    def on_resize(self) -> None:
        if self._shown is not None and self.scrollable_content_region.width != self._width:
            self._render_quotes(self.highlighted)

    def quote_at(self, index: int | None) -> Quote | None:
        if index is None or not 0 <= index < len(self.quotes):
            return None
        return self.quotes[index]

    @property
    def current(self) -> Quote | None:
        return self.quote_at(self.highlighted)
