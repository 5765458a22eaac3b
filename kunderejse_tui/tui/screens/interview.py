"""Interview mode: one question at a time, the answer kept in the journey as it is typed.

The screen walks the question bank in order (the eight built-in questions in
the journey's language) plus any follow-up or own question added on the way.
Each question is a *slot*; a slot has an answer in the file only once it has
text, because an answer without text is not a valid answer: the first letter
creates it, and clearing the box removes it again (its tags and links wait in
the slot in case the text comes back).

Typing is never slowed down: the box is the truth while the user types, and a
timer a moment behind the keyboard writes it into the journey through the
document's ``Editor``, coalesced into one undo step per answer. From there the
map's recovery copy (``safety``) picks it up within seconds, like any other edit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from kunderejse_tui.journey import access
from kunderejse_tui.journey.access import as_dict, as_list, text, texts
from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.edits import Change, EditError, Editor, KeyPath
from kunderejse_tui.journey.evidence import tag_overview
from kunderejse_tui.journey.export.escape import one_line
from kunderejse_tui.journey.export.select import has_consent
from kunderejse_tui.journey.i18n import Message
from kunderejse_tui.journey.templates import follow_ups_for
from kunderejse_tui.journey.wording import QUESTION_IDS, question_text
from kunderejse_tui.tui import key_descriptions
from kunderejse_tui.tui.i18n import tr
from kunderejse_tui.tui.localized import Localized
from kunderejse_tui.tui.messages import SaveJourney
from kunderejse_tui.tui.screens.evidence_picker import (
    PickerScreen,
    link_items,
    link_key,
    plain_items,
    tag_items,
)
from kunderejse_tui.tui.widgets.evidence import consent_mark
from kunderejse_tui.tui.widgets.key_footer import KeyFooter
from kunderejse_tui.tui.widgets.nav_list import NavList
from kunderejse_tui.tui.widgets.title_header import TitleHeader

# Seconds between a keystroke and the journey holding it (at most one write per
# this long while typing). The recovery copy follows the journey seconds later
# anyway; this only keeps a burst of typing from costing a write per key.
WRITE_DELAY = 0.3
LIST_TEXT_WIDTH = 26
EXTRA_KEYS = ("tags", "stages", "touchpoints")


# ---------------------------------------------------------------------------
# The questions of one interview, and where their answers live


@dataclass
class Slot:
    """One question of the interview and, once it has text, its answer in the file."""

    question: str = ""  # a bank id; "" for an own question
    ask: str = ""  # the own question in words
    index: int | None = None  # the answer's position in the interview's answers
    pending: dict[str, object] = field(default_factory=dict)  # tags/links before there is text

    @property
    def key(self) -> tuple[str, str]:
        return (self.question, self.ask)


def build_slots(answers: object) -> list[Slot]:
    """The answers in file order, with the bank questions nobody answered yet in between.

    A missing bank question goes right before the first answer to a later bank
    question, so the walk follows the bank and follow-ups stay where they were asked.
    """
    answered = {
        text(a.get("question")) for _, a in access.dicts(answers) if text(a.get("question"))
    }
    missing = [qid for qid in QUESTION_IDS if qid not in answered]
    slots: list[Slot] = []
    for j, answer in access.dicts(answers):
        qid = text(answer.get("question")).strip()
        if qid in QUESTION_IDS:
            position = QUESTION_IDS.index(qid)
            while missing and QUESTION_IDS.index(missing[0]) < position:
                slots.append(Slot(question=missing.pop(0)))
        ask = "" if qid else text(answer.get("ask"))
        slots.append(Slot(question=qid, ask=ask, index=j))
    slots.extend(Slot(question=qid) for qid in missing)
    return slots


class InterviewSession:
    """The slots of one interview and every write to its answers (no Textual in here).

    The interview is found by its index, checked against its id, so a journey
    replaced underneath (a reload from disk) still finds it if it moved.
    """

    def __init__(self, editor: Editor, interview_index: int, lang: str = "da") -> None:
        self.editor = editor
        self.lang = lang
        self.interview_index: int | None = interview_index
        self.interview_id = text(as_dict(self._interview_at(interview_index)).get("id"))
        self.writing = False  # True while this session edits (the screen ignores its own changes)
        self.slots: list[Slot] = []
        self.rebuild()

    # ---- finding things

    def _interview_at(self, index: int | None) -> object:
        items = as_list(self.editor.data.get("interviews"))
        return items[index] if index is not None and 0 <= index < len(items) else None

    def locate(self) -> int | None:
        """Where the interview is now (None when it is gone)."""
        current = self._interview_at(self.interview_index)
        if isinstance(current, dict) and text(current.get("id")) == self.interview_id:
            return self.interview_index
        if self.interview_id:
            for i, iv in access.dicts(self.editor.data.get("interviews")):
                if text(iv.get("id")) == self.interview_id:
                    return i
        return None

    @property
    def interview(self) -> dict[str, object] | None:
        item = self._interview_at(self.interview_index)
        return item if isinstance(item, dict) else None

    @property
    def path(self) -> KeyPath:
        assert self.interview_index is not None
        return ("interviews", self.interview_index)

    def answers(self) -> list[object]:
        return as_list(as_dict(self.interview).get("answers"))

    def answer(self, slot: Slot) -> dict[str, object] | None:
        answers = self.answers()
        if slot.index is None or not 0 <= slot.index < len(answers):
            return None
        item = answers[slot.index]
        return item if isinstance(item, dict) else None

    def rebuild(self) -> None:
        """Read the slots from the file again (after a change this session did not make).

        Own questions that have no answer yet exist only here; they are kept after
        the slot they followed.
        """
        self.interview_index = self.locate()
        unsaved = [
            (self.slots[k - 1].key if k else None, s)
            for k, s in enumerate(self.slots)
            if s.index is None and not s.question
        ]
        self.slots = build_slots(as_dict(self.interview).get("answers"))
        for after, slot in unsaved:
            at = next((k + 1 for k, s in enumerate(self.slots) if s.key == after), len(self.slots))
            self.slots.insert(at, slot)

    # ---- reading a slot

    def question(self, slot: Slot, lang: str | None = None) -> str:
        if slot.question:
            return question_text(slot.question, lang or self.lang) or slot.question
        return one_line(slot.ask)

    def text_of(self, slot: Slot) -> str:
        answer = self.answer(slot)
        return text(answer.get("text")) if answer is not None else ""

    def values(self, slot: Slot, key: str) -> list[str]:
        answer = self.answer(slot)
        return texts(answer.get(key)) if answer is not None else texts(slot.pending.get(key))

    def bank_question_at(self, position: int) -> str | None:
        """The bank question a slot is, or follows (the nearest one before it)."""
        for slot in reversed(self.slots[: position + 1]):
            if slot.question:
                return slot.question
        return None

    def numbered(self, position: int) -> tuple[int, int]:
        """``(k, of)``: the slot is (or follows) question k of the numbered ones, as the
        list numbers them: bank questions count, follow-ups do not (k is 0 before any)."""
        numbered = [k for k, s in enumerate(self.slots) if s.question]
        return sum(1 for k in numbered if k <= position), len(numbered)

    def answered(self, slot: Slot) -> bool:
        return bool(self.text_of(slot).strip())

    @property
    def answered_count(self) -> int:
        return sum(1 for s in self.slots if self.answered(s))

    # ---- writing

    @contextmanager
    def _mine(self) -> Iterator[None]:
        self.writing = True
        try:
            yield
        finally:
            self.writing = False

    def _shift(self, start: int, delta: int, skip: Slot | None = None) -> None:
        for s in self.slots:
            if s is not skip and s.index is not None and s.index >= start:
                s.index += delta

    def _insert_position(self, slot: Slot) -> int:
        k = self.slots.index(slot)
        before = [s.index for s in self.slots[:k] if s.index is not None]
        return max(before) + 1 if before else 0

    def write_text(self, slot: Slot, value: str) -> None:
        """Keep ``value`` as the slot's answer: created on the first text, removed when empty."""
        if self.interview_index is None:
            raise EditError(Message("edit.interview_gone"))
        value = value.strip()  # blank lines and spaces around the words are no part of them
        answer = self.answer(slot)
        with self._mine():
            if not value.strip():
                if answer is None or slot.index is None:
                    return
                keep = {k: v for k, v in answer.items() if k not in ("question", "ask", "text")}
                index = slot.index
                with self.editor.group(self._label("iv.undo.answer")):
                    self.editor.remove((*self.path, "answers"), index)
                    if not self.answers():  # no `answers: []` left behind
                        self.editor.delete((*self.path, "answers"))
                slot.index, slot.pending = None, keep
                self._shift(index + 1, -1)
                return
            if answer is None:
                position = self._insert_position(slot)
                fields = {k: v for k, v in slot.pending.items() if v not in (None, [], "")}
                self.editor.add_answer(
                    self.interview_index,
                    value,
                    question=slot.question or None,
                    ask=None if slot.question else (slot.ask or None),
                    index=position,
                    **fields,
                )
                self._shift(position, 1)
                slot.index, slot.pending = position, {}
                return
            assert slot.index is not None
            self.editor.set(
                (*self.path, "answers", slot.index, "text"),
                value,
                label=self._label("iv.undo.answer"),
                coalesce=True,
            )

    def set_values(self, slot: Slot, values: dict[str, list[str]], label_key: str) -> bool:
        """Set tags or links (``{"tags": [...]}``); False when they wait for the answer's text."""
        answer = self.answer(slot)
        if answer is None or slot.index is None:
            slot.pending.update(values)
            return False
        base = (*self.path, "answers", slot.index)
        with self._mine(), self.editor.group(self._label(label_key)):
            for key, items in values.items():
                if items:
                    self.editor.set((*base, key), list(items))
                elif key in answer:
                    self.editor.delete((*base, key))
        return True

    def add_ask(self, after: int, ask: str) -> int:
        """A follow-up or own question right after slot ``after``; returns its position."""
        at = min(after + 1, len(self.slots))
        self.slots.insert(at, Slot(ask=ask))
        return at

    def set_consent(self, consent: bool) -> None:
        with self._mine():
            self.editor.set((*self.path, "consent"), consent, label=self._label("iv.undo.consent"))

    def _label(self, key: str) -> str:
        return tr(self.lang, key, id=self.interview_id or "?")


def first_open_slot(session: InterviewSession) -> int:
    """Where to continue an interview: the first question without an answer (else the first)."""
    return next((k for k, s in enumerate(session.slots) if not session.answered(s)), 0)


# ---------------------------------------------------------------------------
# The screen


class InterviewScreen(Localized[None]):
    """| Key | Action |
    | :- | :- |
    | (typing) | the answer; it goes into the journey as you type |
    | pgdn / tab / ctrl+n / ctrl+↓ | next question |
    | pgup / shift+tab / ctrl+↑ | previous question |
    | f5 | skip: the next question without an answer |
    | f4 / ctrl+f | add a follow-up or own question after this one |
    | f2 / ctrl+g | tags of the answer |
    | f3 / ctrl+l | link the answer to stages and touchpoints |
    | ctrl+o | the list of questions (enter jumps to one) |
    | f8 | consent yes / no |
    | ctrl+s | save the file |
    | escape | back (from the list: back to the answer) |
    """

    CSS_PATH = "interview.tcss"
    AUTO_FOCUS = "#iv-answer"
    # A laptop terminal: the list of questions and the long hint give way to the answer.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 (Textual's API)
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "pagedown,tab,ctrl+n,ctrl+down",
            "step(1)",
            "iv.key.next",
            key_display="PgDn",
            priority=True,
        ),
        Binding(
            "pageup,shift+tab,ctrl+up",
            "step(-1)",
            "iv.key.previous",
            key_display="PgUp",
            priority=True,
            show=False,
        ),
        Binding("f5", "skip", "iv.key.skip", show=False),
        Binding("f4,ctrl+f", "follow_up", "iv.key.follow_up"),
        Binding("f2,ctrl+g", "tags", "iv.key.tags"),
        Binding("f3,ctrl+l", "link", "iv.key.link"),
        Binding("ctrl+o", "questions", "iv.key.questions", show=False),
        Binding("f8", "consent", "iv.key.consent", show=False),
        Binding("ctrl+s", "save", "iv.key.save"),
        Binding("escape", "back", "iv.key.back"),
    ]

    def __init__(
        self, document: JourneyDocument, interview_index: int, answer_index: int | None = None
    ) -> None:
        super().__init__()
        self.document = document
        self.session = InterviewSession(
            document.editor, interview_index, access.language(document.data)
        )
        self.position = first_open_slot(self.session)
        if answer_index is not None:
            self.position = next(
                (k for k, s in enumerate(self.session.slots) if s.index == answer_index),
                self.position,
            )
        self._write_timer: Timer | None = None
        self._resync_pending = False
        self._last_error = ""
        self._unsubscribe: Callable[[], None] | None = None

    # ---- layout

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with Horizontal(id="iv-body"):
            yield QuestionList(id="iv-questions")
            with Vertical(id="iv-main"):
                yield Static(id="iv-status")
                yield Static(id="iv-question")
                yield Static(id="iv-kind")
                yield TextArea(
                    id="iv-answer", soft_wrap=True, tab_behavior="focus", show_line_numbers=False
                )
                yield Static(id="iv-meta")
                yield Static(id="iv-hint")
        yield KeyFooter()  # keeps Quit and Help at 80 columns

    @property
    def answer_box(self) -> TextArea:
        return self.query_one("#iv-answer", TextArea)

    @property
    def slot(self) -> Slot:
        return self.session.slots[self.position]

    def on_mount(self) -> None:
        self._unsubscribe = self.document.editor.subscribe(self._changed)
        if self.session.interview is None:
            self.notify(self.t("iv.not_found"), severity="error")
            self.call_after_refresh(self.dismiss, None)
            return
        self._load_slot()
        self.answer_box.focus()

    def on_unmount(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()

    def on_screen_suspend(self) -> None:
        # Anything over this screen (a picker, the quit question) sees the words typed so far.
        self.flush()

    def refresh_texts(self) -> None:
        interview = as_dict(self.session.interview)
        who = text(interview.get("respondent")) or self.session.interview_id
        self.title = self.t("iv.title", who=who)
        details = [text(interview.get(k)) for k in ("date", "interviewer")]
        persona = text(interview.get("persona"))
        if persona:
            names = {
                text(p.get("id")): text(p.get("name")) for p in access.personas(self.document.data)
            }
            details.insert(1, names.get(persona) or persona)
        self.sub_title = " · ".join(d for d in details if d)
        self.answer_box.placeholder = self.t("iv.answer_placeholder")
        self.query_one("#iv-hint", Static).update(self.t("iv.hint"))
        key_descriptions.translate(self.query_one(QuestionList), self.lang)
        if self.session.slots:
            self._show()

    # ---- showing the current question

    def _load_slot(self) -> None:
        """Put the current slot's answer in the box (its own undo history starts here)."""
        box = self.answer_box
        box.load_text(self.session.text_of(self.slot).rstrip("\n"))
        box.move_cursor(box.document.end)
        self._show()

    def _show(self) -> None:
        if not self.is_attached or not self.session.slots:
            return
        session, slot = self.session, self.slot
        consent = has_consent(as_dict(session.interview))
        # Counted as the list numbers them: "Spørgsmål 6 af 8", and a follow-up is
        # "Opfølgning på spørgsmål 6 af 8", not a number of its own.
        k, of = session.numbered(self.position)
        key = (
            "iv.progress" if slot.question else "iv.progress_follow_up" if k else "iv.progress_own"
        )
        status = Content(self.t(key, i=k, n=of, answered=session.answered_count))
        mark = consent_mark(consent, self.lang)
        if mark.plain:
            status = status + Content("   ") + mark
        self.query_one("#iv-status", Static).update(status)
        self.query_one("#iv-question", Static).update(Content(session.question(slot)))
        if slot.question and slot.question in QUESTION_IDS:
            kind = self.t("iv.kind.bank")
        elif slot.question:
            kind = self.t("iv.kind.unknown", id=slot.question)
        elif slot.ask:
            kind = self.t("iv.kind.custom")
        else:
            kind = self.t("iv.no_question")
        self.query_one("#iv-kind", Static).update(Content.styled(kind, "dim"))
        self._show_meta()
        self.query_one(QuestionList).show(session, self.position)
        self.set_class(not consent, "-unconsented")

    def _show_meta(self) -> None:
        session, slot = self.session, self.slot
        tags = session.values(slot, "tags")
        none = Content.styled(self.t("iv.none"), "dim")
        tag_line = Content.styled(self.t("iv.tags") + ": ", "bold") + (
            Content.styled(" ".join("#" + t for t in tags), "$text-secondary") if tags else none
        )
        links = self._link_names(
            session.values(slot, "stages"), session.values(slot, "touchpoints")
        )
        link_line = Content.styled(self.t("iv.links") + ": ", "bold") + (
            Content(", ".join(links)) if links else none
        )
        self.query_one("#iv-meta", Static).update(Content("\n").join([tag_line, link_line]))

    def _link_names(self, stages: list[str], touchpoints: list[str]) -> list[str]:
        stage_names: dict[str, str] = {}
        tp_names: dict[str, str] = {}
        for stage in access.stages(self.document.data):
            sname = one_line(text(stage.get("name"))) or text(stage.get("id"))
            stage_names.setdefault(text(stage.get("id")), sname)
            for tp in access.touchpoints(stage):
                tname = one_line(text(tp.get("name"))) or text(tp.get("id"))
                tp_names.setdefault(text(tp.get("id")), f"{tname} ‹ {sname}")
        return [stage_names.get(s, s) for s in stages] + [tp_names.get(t, t) for t in touchpoints]

    # ---- typing

    @on(TextArea.Changed, "#iv-answer")
    def _typed(self) -> None:
        if self._unchanged():
            return
        if self._write_timer is None:
            self._write_timer = self.set_timer(WRITE_DELAY, self.flush)

    def _unchanged(self) -> bool:
        return self.answer_box.text.strip() == self.session.text_of(self.slot).strip()

    def flush(self) -> None:
        """Write what the box holds into the journey now (navigation, pickers, saving call it)."""
        if self._write_timer is not None:
            self._write_timer.stop()
            self._write_timer = None
        if not self.is_attached or not self.session.slots or self._unchanged():
            return
        was = self.session.answered(self.slot)
        try:
            self.session.write_text(self.slot, self.answer_box.text)
        except EditError as exc:
            message = self.t("iv.write_failed", message=exc.message(self.lang))
            if message != self._last_error:  # once, not on every keystroke
                self._last_error = message
                self.notify(message, severity="error", timeout=8)
            return
        self._last_error = ""
        if was != self.session.answered(self.slot):
            self._show()  # answered count, the list's mark

    # ---- changes made elsewhere (a reload from disk, a merge)

    def _changed(self, change: Change) -> None:
        if self.session.writing or self._resync_pending:
            return
        self._resync_pending = True
        self.call_after_refresh(self._resync)

    def _resync(self) -> None:
        self._resync_pending = False
        if not self.is_attached:
            return
        typed = self.answer_box.text
        had_typing = self._write_timer is not None
        key = self.slot.key if self.session.slots else None
        occurrence = sum(1 for s in self.session.slots[: self.position] if s.key == key)
        self.session.rebuild()
        if self.session.interview is None:
            self.notify(self.t("iv.not_found"), severity="error")
            self.dismiss(None)
            return
        same = [k for k, s in enumerate(self.session.slots) if s.key == key]
        self.position = same[min(occurrence, len(same) - 1)] if same else 0
        if had_typing:
            self.flush()  # the words just typed win over the version from elsewhere
            if self.answer_box.text != typed:
                self.answer_box.load_text(typed)
            self._show()
        else:
            self._load_slot()

    # ---- moving between questions

    def go(self, position: int) -> None:
        self.flush()
        self.position = max(0, min(position, len(self.session.slots) - 1))
        self._load_slot()
        self.answer_box.focus()

    def action_step(self, delta: int) -> None:
        target = self.position + delta
        if target >= len(self.session.slots):
            self.flush()
            self.notify(self.t("iv.last_question"))
            return
        if target < 0:
            self.notify(self.t("iv.first_question"))
            return
        self.go(target)

    def action_skip(self) -> None:
        self.flush()
        n = len(self.session.slots)
        order = [(self.position + d) % n for d in range(1, n)]
        target = next((k for k in order if not self.session.answered(self.session.slots[k])), None)
        if target is None:
            self.notify(self.t("iv.all_answered"))
            return
        self.go(target)

    def action_questions(self) -> None:
        self.add_class("-list")  # shown even where the terminal is too narrow for it
        self.call_after_refresh(self.query_one(QuestionList).focus)

    @on(OptionList.OptionSelected, "#iv-questions")
    def _question_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.remove_class("-list")
        self.go(event.option_index)

    # ---- follow-ups, tags, links

    def action_follow_up(self) -> None:
        self.flush()
        lang = self.session.lang
        asked = self.session.bank_question_at(self.position)
        suggestions = plain_items(f.text.get(lang) for f in follow_ups_for(asked))

        def chosen(picked: list[str] | None) -> None:
            if picked:
                self.go(self.session.add_ask(self.position, picked[0]))
                self.notify(self.t("iv.follow_up_added"), timeout=2)

        self.app.push_screen(
            PickerScreen(
                "iv.pick.follow_up_title",
                suggestions,
                multi=False,
                new_key="iv.pick.new_question",
                placeholder_key="iv.pick.question_filter",
                subtitle=self.session.question(self.slot),
            ),
            chosen,
        )

    def action_tags(self) -> None:
        self.flush()
        slot = self.slot
        items = tag_items(tag_overview(self.document.data), self.lang)

        def chosen(picked: list[str] | None) -> None:
            if picked is not None:
                self._set_values(slot, {"tags": picked}, "iv.undo.tags")

        self.app.push_screen(
            PickerScreen(
                "iv.pick.tags_title",
                items,
                self.session.values(slot, "tags"),
                new_key="iv.pick.new_tag",
                placeholder_key="iv.pick.tag_filter",
                subtitle=self.session.question(slot),
            ),
            chosen,
        )

    def action_link(self) -> None:
        self.flush()
        slot = self.slot
        items = link_items(self.document.data, self.lang)
        known = {i.key for i in items}
        stages = self.session.values(slot, "stages")
        touchpoints = self.session.values(slot, "touchpoints")
        selected = [link_key("stage", s) for s in stages] + [
            link_key("touchpoint", t) for t in touchpoints
        ]
        # References to ids the journey does not have are kept as they are.
        unknown_stages = [s for s in stages if link_key("stage", s) not in known]
        unknown_tps = [t for t in touchpoints if link_key("touchpoint", t) not in known]

        def chosen(picked: list[str] | None) -> None:
            if picked is None:
                return
            kinds: dict[str, list[str]] = {"stage": [], "touchpoint": []}
            for key in picked:
                kind, _, item_id = key.partition(":")
                if kind in kinds:
                    kinds[kind].append(item_id)
            values = {
                "stages": kinds["stage"] + unknown_stages,
                "touchpoints": kinds["touchpoint"] + unknown_tps,
            }
            self._set_values(slot, values, "iv.undo.links")

        self.app.push_screen(
            PickerScreen(
                "iv.pick.links_title",
                items,
                [k for k in selected if k in known],
                subtitle=self.session.question(slot),
            ),
            chosen,
        )

    def _set_values(self, slot: Slot, values: dict[str, list[str]], label_key: str) -> None:
        try:
            stored = self.session.set_values(slot, values, label_key)
        except EditError as exc:
            self.notify(exc.message(self.lang), severity="error")
            return
        if not stored:
            self.notify(self.t("iv.type_first"), timeout=4)
        self._show_meta()

    # ---- consent, saving, leaving

    def action_consent(self) -> None:
        self.flush()
        consent = not has_consent(as_dict(self.session.interview))
        try:
            self.session.set_consent(consent)
        except EditError as exc:
            self.notify(exc.message(self.lang), severity="error")
            return
        self.notify(self.t("iv.consent_now_yes" if consent else "iv.consent_now_no"))
        self._show()

    def action_save(self) -> None:
        self.flush()
        self.post_message(SaveJourney())

    def action_back(self) -> None:
        if self.query_one(QuestionList).has_focus:
            self.remove_class("-list")
            self.answer_box.focus()
            return
        self.flush()
        if self.document.dirty:
            self.notify(self.t("iv.left"), timeout=4)
        self.dismiss(None)


class QuestionList(NavList):
    """The interview's questions, answered ones ticked; Enter jumps to one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "iv.key.continue", show=False),
    ]

    def show(self, session: InterviewSession, position: int) -> None:
        options: list[Option] = []
        number = 0
        for slot in session.slots:
            done = session.answered(slot)
            mark = Content.styled("✓ ", "bold $text-success") if done else Content("  ")
            words = session.question(slot) or "?"
            if slot.question:
                number += 1
                prefix = f"{number}. "
            else:
                prefix = "↳ "
            room = LIST_TEXT_WIDTH - len(prefix)
            if len(words) > room:
                words = words[: room - 1].rstrip() + "…"
            options.append(Option(mark + Content(prefix + words)))
        self.set_options(options)
        self.highlighted = position
