"""One stage of the journey map: a virtualized list of its rows.

A column is a single OptionList, so a stage with 60 touchpoints costs one
widget, and only the rows on screen are rendered. Each row remembers the key
path of the item it shows; the map works with paths, never with widgets.
"""

from __future__ import annotations

import textwrap
from typing import Literal, NamedTuple

from rich.cells import cell_len
from textual.content import Content
from textual.css.styles import RulesMap
from textual.widgets.option_list import Option

from kunderejse_tui.journey.access import as_dict, as_list, text, texts
from kunderejse_tui.journey.channels import channel_label
from kunderejse_tui.journey.edits import KeyPath
from kunderejse_tui.tui.i18n import all_strings, tr
from kunderejse_tui.tui.widgets.badge import badge_content
from kunderejse_tui.tui.widgets.emotion import emotion_marker
from kunderejse_tui.tui.widgets.nav_list import NavList

RowKind = Literal[
    "stage", "goal", "question", "add-question", "touchpoint", "add-touchpoint", "messaging"
]
# Rows that stand for a whole list ("+ add"): the best match for the list, never for an item.
ADD_ROWS = {"add-question", "add-touchpoint"}
# Text width inside a column of the narrowest width, 34: borders, padding and a
# scrollbar take 6. Wider columns (a wide terminal, few stages) wrap wider.
TEXT_WIDTH = 28
COLUMN_CHROME = 6
PAIN_STYLE = "#e05a4f"
OPPORTUNITY_STYLE = "#3fb950"


class Row(NamedTuple):
    kind: RowKind
    path: KeyPath


class PrewrappedContent(Content):
    """A row that ``build_rows`` has already wrapped: as tall as its lines when they fit.

    OptionList asks every option of every column for its height when a column is
    shown, and Content answers by wrapping the text again: for a map of 720
    touchpoints that was most of the time to the first frame. A row whose longest
    line fits the width needs no wrapping to know its height; a wider one (a long
    stage name) still asks Content.
    """

    def __init__(self, content: Content) -> None:
        super().__init__(content.plain, list(content.spans), content.cell_length, False)
        self._widest = max(cell_len(line) for line in content.plain.split("\n"))
        self._lines = content.plain.count("\n") + 1

    def get_height(self, rules: RulesMap, width: int) -> int:
        if width >= self._widest and not rules.get("line_pad", 0):
            return self._lines
        return super().get_height(rules, width)


def _label(lang: str, prefix: str, value: object) -> str:
    """A translated enum value (``kind.paid`` -> "betalt"); unknown values as written."""
    key = f"{prefix}.{text(value)}"
    return tr(lang, key) if key in all_strings() else text(value)


def _hang(prefix: Content, body: str, style: str = "", width: int = TEXT_WIDTH) -> Content:
    """``prefix`` then ``body`` wrapped with a hanging indent, so wrapped lines line up."""
    indent = prefix.cell_length
    lines = textwrap.wrap(body, max(width - indent, 8)) or [""]
    out = prefix + Content.styled(lines[0], style)
    for line in lines[1:]:
        out = out.append("\n" + " " * indent).append(Content.styled(line, style))
    return out


def _muted(s: str) -> Content:
    return Content.styled(s, "dim")


def _section(title: str) -> Content:
    return Content.styled(f"── {title} ", "bold")


def build_rows(
    stage: object,
    index: int,
    lang: str,
    personas: dict[str, str],
    evidence: tuple[str, dict[str, str]] = ("", {}),
    limit: int | None = None,
    width: int = TEXT_WIDTH,
) -> list[tuple[Row | None, Content]]:
    """The rows of stage ``index``; ``None`` rows are section headings (not selectable).

    ``evidence`` is ``widgets.evidence.stage_evidence``: the stage's badge and its
    touchpoints' by id (empty while the journey has no answers). ``limit``: stop
    after about that many rows (a first screenful; the caller redraws in full).
    ``width``: the text width of the column. Ids are not shown: they are words for
    the file, edited in the forms (r renames one), not for the room.
    """
    stage_badge, tp_badges = evidence
    base: KeyPath = ("stages", index)
    rows: list[tuple[Row | None, Content]] = []
    if not isinstance(stage, dict):
        rows.append((Row("stage", base), Content.styled(tr(lang, "map.bad_stage"), "bold red")))
        return rows

    name = text(stage.get("name")) or tr(lang, "map.unnamed")
    header = Content.styled(name, "bold")
    if text(stage.get("duration")):
        header = header.append("\n").append(_muted(text(stage.get("duration"))))
    if stage_badge:
        header = header.append("\n").append(badge_content(stage_badge, lang))
    rows.append((Row("stage", base), header))

    goal = text(stage.get("customer_goal"))
    goal_label = Content.styled(tr(lang, "map.goal") + " ", "bold")
    rows.append(
        (Row("goal", (*base, "customer_goal")), goal_label + (goal if goal else _muted("—")))
    )

    questions = as_list(stage.get("customer_questions"))
    rows.append((None, _section(tr(lang, "map.questions", n=len(questions)))))
    for j, question in enumerate(questions):
        q = as_dict(question)
        words = text(q.get("text")) if q else text(question)
        persona = text(q.get("persona"))
        if persona:
            words += " — " + personas.get(persona, persona)
        content = _hang(Content.styled("? ", "bold"), words, width=width)
        rows.append((Row("question", (*base, "customer_questions", j)), content))
    rows.append(
        (
            Row("add-question", (*base, "customer_questions")),
            _muted("+ " + tr(lang, "map.add_question")),
        )
    )

    touchpoints = as_list(stage.get("touchpoints"))
    rows.append((None, _section(tr(lang, "map.touchpoints", n=len(touchpoints)))))
    for j, touchpoint in enumerate(touchpoints):
        if limit is not None and len(rows) >= limit:
            return rows
        rows.append(
            (
                Row("touchpoint", (*base, "touchpoints", j)),
                _touchpoint(as_dict(touchpoint), lang, personas, tp_badges, width),
            )
        )
    rows.append(
        (
            Row("add-touchpoint", (*base, "touchpoints")),
            _muted("+ " + tr(lang, "map.add_touchpoint")),
        )
    )

    rows.append((None, _section(tr(lang, "map.messaging"))))
    messaging = _messaging(stage.get("messaging"), lang, width)
    rows.append((Row("messaging", (*base, "messaging")), messaging))
    return rows


def _touchpoint(
    tp: dict[str, object],
    lang: str,
    personas: dict[str, str],
    badges: dict[str, str],
    width: int = TEXT_WIDTH,
) -> Content:
    name = text(tp.get("name")) or text(tp.get("id")) or tr(lang, "map.unnamed")
    content = _hang(emotion_marker(tp.get("emotion")) + " ", name, "bold", width)
    details = [
        channel_label(text(tp.get("channel")), lang) if text(tp.get("channel")) else "",
        _label(lang, "kind", tp.get("kind")) if tp.get("kind") is not None else "",
    ]
    line = " · ".join(d for d in details if d)
    if line:
        content = content.append("\n").append(_hang(Content("     "), line, "dim", width))
    who = [personas.get(p, p) for p in texts(tp.get("personas"))]
    if who:
        content = content.append("\n").append(
            _hang(Content("     "), ", ".join(who), "italic", width)
        )
    badge = badges.get(text(tp.get("id")))
    if badge:
        content = content.append("\n     ").append(badge_content(badge, lang))
    # Pains and opportunities, compact: a search hit on one shows why the card lit up.
    for key, mark, style in (
        ("pains", "− ", PAIN_STYLE),
        ("opportunities", "+ ", OPPORTUNITY_STYLE),
    ):
        for item in texts(tp.get(key)):
            prefix = Content("     ").append(Content.styled(mark, f"bold {style}"))
            content = content.append("\n").append(_hang(prefix, item, "", width))
    return content


def _messaging(value: object, lang: str, width: int = TEXT_WIDTH) -> Content:
    messaging = as_dict(value)
    if not messaging:
        return _muted(tr(lang, "map.no_messaging"))
    parts: list[Content] = []
    if messaging.get("tone") is not None:
        parts.append(
            Content.assemble(
                (tr(lang, "map.tone") + " ", "bold"), _label(lang, "tone", messaging.get("tone"))
            )
        )
    parts.extend(_hang(Content("• "), m, width=width) for m in texts(messaging.get("key_messages")))
    content = texts(messaging.get("content"))
    if content:
        parts.append(_muted(tr(lang, "map.content", n=len(content))))
    cta = text(messaging.get("call_to_action"))
    if cta:
        # "Handlingsopfordring:" is long: the call itself goes on the lines below it.
        label = Content.styled(tr(lang, "map.cta"), "bold")
        parts.append(label.append("\n").append(_hang(Content("→ "), cta, width=width)))
    return Content("\n").join(parts) if parts else _muted(tr(lang, "map.no_messaging"))


class StageColumn(NavList, can_focus=False):
    """The rows of one stage; ``rows[i]`` is the item behind option ``i``.

    Never focused: the map screen owns the keys and marks its current column
    with the ``-current`` class.
    """

    def __init__(self, index: int) -> None:
        super().__init__(id=f"stage-column-{index}", classes="stage-column")
        self.index = index
        self.rows: list[Row | None] = []
        self.signature: object = None

    def show(self, rows: list[tuple[Row | None, Content]], signature: object) -> None:
        """Replace the rows, keeping the highlight on the same item when it is still there."""
        keep = self.current_row()
        self.signature = signature
        self.rows = [row for row, _ in rows]
        options = [
            Option(PrewrappedContent(content), disabled=row is None) for row, content in rows
        ]
        self.set_options(options)
        if keep is not None and self.select_path(keep.path):
            return
        self.highlighted = 0 if options else None

    def place(self, index: int, total: int, width: int) -> None:
        """Stage ``index`` of ``total``, ``width`` cells wide: its number and its width."""
        self.index = index
        self.border_title = f"{index + 1}/{total}"
        self.styles.width = width

    def current_row(self) -> Row | None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.rows):
            return None
        return self.rows[index]

    def find(self, path: KeyPath) -> int | None:
        """The row showing ``path``, or the row of its nearest ancestor shown here."""
        path = tuple(path)
        best: int | None = None
        best_len = -1
        for i, row in enumerate(self.rows):
            if row is None:
                continue
            n = len(row.path)
            if (
                path[:n] == row.path
                and n > best_len
                and (row.kind not in ADD_ROWS or path == row.path)
            ):
                best, best_len = i, n
        return best

    def select_path(self, path: KeyPath) -> bool:
        index = self.find(path)
        if index is None:
            return False
        self.highlighted = index
        return True

    def select_like(self, row: Row | None, ordinal: int) -> None:
        """Highlight the row most like ``row`` (same kind, same position in its section)."""
        if row is None:
            self.highlighted = 0
            return
        same = [i for i, r in enumerate(self.rows) if r is not None and r.kind == row.kind]
        if same:
            self.highlighted = same[min(ordinal, len(same) - 1)]
            return
        fallback = {"question": "add-question", "touchpoint": "add-touchpoint"}.get(row.kind)
        for i, r in enumerate(self.rows):
            if r is not None and r.kind == fallback:
                self.highlighted = i
                return
        self.highlighted = 0

    def ordinal(self) -> int:
        """The position of the highlighted row among the rows of its kind."""
        row = self.current_row()
        if row is None or self.highlighted is None:
            return 0
        return sum(1 for r in self.rows[: self.highlighted] if r is not None and r.kind == row.kind)
