"""Current vs future state, side by side: where the future changes the journey.

The stages of the two journeys are matched by id (the current state on the
left, the future state on the right). A stage only one side has is shown
against an empty place saying so. Per stage the touchpoints with their
emotion and the messaging are listed; every difference carries a marker, so
colour is never the only cue: ``+`` new, ``−`` removed, ``~`` changed, ``→``
moved. Under the stages, the list of every change from the core's
``diff_journeys`` can be walked with the arrow keys (or n / N from anywhere);
the stage of the highlighted change scrolls into view.

``open_compare_for`` finds the pair for the open journey: its ``based_on``
when it is a future state, else the future states in the same folder that
name it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Literal, Protocol

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from kunderejse_tui.journey.access import as_dict, dicts, language, text, texts
from kunderejse_tui.journey.confinement import current as current_confinement
from kunderejse_tui.journey.document import Snapshot
from kunderejse_tui.journey.problems import JourneyLoadError
from kunderejse_tui.journey.semantic_diff import (
    ADDED,
    CHANGED,
    MOVED,
    REMOVED,
    RENAMED,
    Change,
    diff_journeys,
    render_text,
    state_heading,
)
from kunderejse_tui.journey.yamlio import load_file, load_text, read_bytes
from kunderejse_tui.tui.i18n import all_strings, tr
from kunderejse_tui.tui.localized import Localized, Speaking
from kunderejse_tui.tui.widgets.emotion import COLOURS, GLYPHS, emotion_marker, emotion_value
from kunderejse_tui.tui.widgets.key_footer import KeyFooter
from kunderejse_tui.tui.widgets.nav_list import NavList
from kunderejse_tui.tui.widgets.title_header import TitleHeader

__all__ = ["CompareScreen", "future_journeys", "open_compare_for", "pair_stages"]

LANGS = ("da", "en")
JOURNEY_SUFFIXES = (".journey.yaml", ".journey.yml")

# Markers: the change is readable without colour.
NEW, GONE, EDITED, MOVED_MARK, SAME = "+", "−", "~", "→", " "
MARK_STYLES = {
    NEW: "bold $text-success",
    GONE: "bold $text-error",
    EDITED: "bold $text-warning",
    MOVED_MARK: "bold $text-accent",
    SAME: "",
}
KIND_MARKS = {ADDED: NEW, REMOVED: GONE, CHANGED: EDITED, RENAMED: EDITED, MOVED: MOVED_MARK}

# Journey fields every current/future pair differs in by design: not news in the list.
PAIR_FIELDS = frozenset({"id", "state", "based_on"})


class CompareDocument(Protocol):
    """What ``open_compare_for`` needs of the open journey (a JourneyDocument)."""

    path: Path

    def snapshot(self) -> Snapshot: ...


# --- pairing the stages (pure) ------------------------------------------------------


def keyed(value: object) -> dict[str, tuple[int, dict[str, object]]]:
    """Items of a list by id, with their index: the same keys ``diff_journeys`` uses.

    An item without an id is keyed by its place; a repeated id gets ``id#2``.
    """
    out: dict[str, tuple[int, dict[str, object]]] = {}
    for i, item in dicts(value):
        raw = item.get("id")
        base = raw if isinstance(raw, str) and raw else f"#{i + 1}"
        key, n = base, 1
        while key in out:
            n += 1
            key = f"{base}#{n}"
        out[key] = (i, item)
    return out


@dataclass(frozen=True)
class StagePair:
    """One row of the screen: a stage of the current state, the future state or both."""

    key: str
    current: dict[str, object] | None
    future: dict[str, object] | None


def pair_stages(current: object, future: object) -> list[StagePair]:
    """Stages in the future's order; a removed stage follows the stage it followed before."""
    old = keyed(as_dict(current).get("stages"))
    new = keyed(as_dict(future).get("stages"))
    pairs = [StagePair(k, old[k][1] if k in old else None, stage) for k, (_, stage) in new.items()]
    order = list(old)
    for pos, key in enumerate(order):
        if key in new:
            continue
        at = 0
        if pos:
            before = order[pos - 1]
            at = next(i for i, p in enumerate(pairs) if p.key == before) + 1
        pairs.insert(at, StagePair(key, old[key][1], None))
    return pairs


def stage_of(change: Change) -> str | None:
    """The stage a change belongs to (where a moved touchpoint is now), if any."""
    if change.item in ("stage", "touchpoint", "question", "messaging") and change.ids:
        return change.ids[0]
    return None


def shown_changes(current: object, future: object) -> list[Change]:
    """``diff_journeys`` without the journey fields a pair always differs in."""
    return [
        c
        for c in diff_journeys(current, future)
        if not (c.item == "journey" and c.field.split(".")[0] in PAIR_FIELDS)
    ]


@dataclass
class ChangeIndex:
    """The changes, filed by what they are about, for drawing the two sides."""

    stages: dict[str, list[Change]] = field(default_factory=dict)
    touchpoints: dict[str, list[Change]] = field(default_factory=dict)
    messaging: dict[str, list[Change]] = field(default_factory=dict)

    @classmethod
    def of(cls, changes: Iterable[Change]) -> ChangeIndex:
        index = cls()
        for c in changes:
            if c.item == "stage" and c.ids:
                index.stages.setdefault(c.ids[0], []).append(c)
            elif c.item == "touchpoint" and c.ids:
                # Touchpoint ids are unique journey-wide: the id alone finds it on both sides.
                index.touchpoints.setdefault(c.ids[-1], []).append(c)
            elif c.item == "messaging" and c.ids:
                index.messaging.setdefault(c.ids[0], []).append(c)
        return index


# --- drawing one side of a stage -----------------------------------------------------


def _mark(marker: str) -> Content:
    return Content.styled(marker, MARK_STYLES[marker])


def _line(marker: str, *parts: str | Content | tuple[str, str]) -> Content:
    return Content.assemble(_mark(marker), " ", *parts)


def _detail(*parts: str | Content | tuple[str, str]) -> Content:
    """An indented note under an item: what changed about it."""
    return Content.assemble("    ", *parts)


def _quoted(value: object) -> str:
    return f"“{text(value)}”"


def _label(lang: str, prefix: str, value: object) -> str:
    """A translated enum value (``tone.inform`` -> "informere"); unknown values as written."""
    key = f"{prefix}.{text(value)}"
    return tr(lang, key) if key in all_strings() else text(value)


def _emotion(value: object, lang: str) -> Content:
    """``3 –`` / ``4 ☺`` in the score's colour; ``!7`` when invalid."""
    if value is None:
        return Content.styled(tr(lang, "cmp.none"), "dim")
    score = emotion_value(value)
    if score is None:
        return Content.styled(f"!{text(value)}", "bold $text-error")
    return Content.styled(f"{score} {GLYPHS[score]}", f"bold {COLOURS[score]}")


def emotion_change(old: object, new: object, lang: str) -> Content:
    """``følelse 2 ☹ → 4 ☺ (bedre)``: the arrow and the word carry it without colour."""
    a, b = emotion_value(old), emotion_value(new)
    trend = ""
    if a is not None and b is not None and a != b:
        trend = " (" + tr(lang, "cmp.better" if b > a else "cmp.worse") + ")"
    return Content.assemble(
        (tr(lang, "cmp.emotion") + " ", "bold"),
        _emotion(old, lang),
        (" → ", "bold"),
        _emotion(new, lang),
        (trend, "bold"),
    ).stylize("on $warning-muted")


def _is_entry_change(change: Change, name: str) -> bool:
    """A change of one entry of list field ``name`` (not of the list as a whole)."""
    if change.field != name:
        return False
    if change.kind in (ADDED, REMOVED):
        return True
    return isinstance(change.old, str) and isinstance(change.new, str)


def _stage_names(journey: dict[str, object]) -> dict[str, str]:
    return {k: text(s.get("name")) or k for k, (_, s) in keyed(journey.get("stages")).items()}


def _field_names(changes: Iterable[Change], lang: str, skip: set[str]) -> str:
    names: list[str] = []
    for c in changes:
        top = c.field.split(".")[0]
        if not top or top in skip:
            continue
        key = f"cmp.f.{top}"
        name = tr(lang, key) if key in all_strings() else top
        if name not in names:
            names.append(name)
    return ", ".join(names)


@dataclass
class Side:
    """Draws the current (``future=False``) or the future side of the stage rows."""

    lang: str
    future: bool
    index: ChangeIndex
    current_names: dict[str, str]
    future_names: dict[str, str]

    def t(self, key: str, **kwargs: object) -> str:
        return tr(self.lang, key, **kwargs)

    def stage(self, pair: StagePair) -> Content:
        stage = pair.future if self.future else pair.current
        if stage is None:
            key = "cmp.stage_removed" if self.future else "cmp.stage_added"
            return Content.styled(self.t(key), "italic $text-muted")
        lines = self._header(pair, stage)
        lines += self._touchpoints(stage)
        lines += self._messaging(pair.key, stage)
        return Content("\n").join(lines)

    def _header(self, pair: StagePair, stage: dict[str, object]) -> list[Content]:
        changes = self.index.stages.get(pair.key, [])
        name = text(stage.get("name")) or self.t("cmp.unnamed")
        renamed = next((c for c in changes if c.kind == RENAMED), None)
        if pair.current is None:
            marker = NEW
        elif pair.future is None:
            marker = GONE
        else:
            marker = EDITED if any(c.kind != MOVED for c in changes) else SAME
            if marker == SAME and any(c.kind == MOVED for c in changes):
                marker = MOVED_MARK
        lines = [_line(marker, (name, "bold strike" if marker == GONE else "bold"))]
        facts = [Content.styled(text(stage.get("id")) or pair.key, "dim")]
        if self.future and renamed is not None:
            facts.append(Content(self.t("cmp.renamed_from", old=_quoted(renamed.old))))
        moved = next((c for c in changes if c.kind == MOVED), None)
        if self.future and moved is not None:
            facts.append(Content(self.t("cmp.stage_moved", old=moved.old, new=moved.new)))
        lines.append(Content("  ") + Content(" · ").join(facts))
        fields = [c for c in changes if c.kind in (CHANGED, ADDED, REMOVED) and c.field]
        others = _field_names(fields, self.lang, {"name"})
        if self.future and others:
            lines.append(_detail((self.t("cmp.also_changed", fields=others), "dim")))
        return lines

    def _touchpoints(self, stage: dict[str, object]) -> list[Content]:
        items = keyed(stage.get("touchpoints"))
        lines = [Content.styled(self.t("cmp.touchpoints", n=len(items)), "bold $text-primary")]
        for key, (_, tp) in items.items():
            lines += self._touchpoint(key, tp)
        return lines

    def _touchpoint(self, key: str, tp: dict[str, object]) -> list[Content]:
        changes = self.index.touchpoints.get(key, [])
        kinds = {c.kind for c in changes}
        moved_stage = next((c for c in changes if c.kind == MOVED and c.field == "stage"), None)
        reordered = next((c for c in changes if c.kind == MOVED and c.field == "position"), None)
        edits = [c for c in changes if c.kind in (CHANGED, RENAMED)]
        name = text(tp.get("name")) or self.t("cmp.unnamed")
        details: list[Content] = []
        if not self.future:
            if REMOVED in kinds:
                marker = GONE
            elif moved_stage is not None:
                marker = MOVED_MARK
                stage = self.future_names.get(text(moved_stage.new), text(moved_stage.new))
                details.append(_detail(self.t("cmp.moved_to", stage=stage)))
            else:
                marker = EDITED if edits else SAME
        else:
            if ADDED in kinds:
                marker = NEW
            elif moved_stage is not None or reordered is not None:
                marker = MOVED_MARK
            else:
                marker = EDITED if edits else SAME
            if moved_stage is not None:
                stage = self.current_names.get(text(moved_stage.old), text(moved_stage.old))
                details.append(_detail(self.t("cmp.moved_from", stage=stage)))
            if reordered is not None:
                details.append(
                    _detail(self.t("cmp.reordered", old=reordered.old, new=reordered.new))
                )
            for c in edits:
                if c.kind == RENAMED:
                    details.append(_detail(self.t("cmp.renamed_from", old=_quoted(c.old))))
                elif c.field == "emotion":
                    details.append(_detail(emotion_change(c.old, c.new, self.lang)))
            others = _field_names(edits, self.lang, {"name", "emotion"})
            if others:
                details.append(_detail((self.t("cmp.also_changed", fields=others), "dim")))
        style = "strike" if marker == GONE else ""
        head = _line(marker, emotion_marker(tp.get("emotion")), " ", (name, style))
        return [head, *details]

    def _messaging(self, skey: str, stage: dict[str, object]) -> list[Content]:
        messaging = stage.get("messaging")
        if not isinstance(messaging, dict) or not messaging:
            return []
        changes = self.index.messaging.get(skey, [])
        by_field: dict[str, list[Change]] = {}
        for c in changes:
            by_field.setdefault(c.field, []).append(c)
        lines = [Content.styled(self.t("cmp.messaging"), "bold $text-primary")]

        tone = messaging.get("tone")
        tone_change = next((c for c in by_field.get("tone", []) if c.kind == CHANGED), None)
        if tone is not None:
            if tone_change is None:
                marker = SAME
            elif self.future:
                marker = NEW if tone_change.old is None else EDITED
            else:
                marker = GONE if tone_change.new is None else EDITED
            label = _label(self.lang, "tone", tone)
            lines.append(_line(marker, (self.t("cmp.tone") + " ", "bold"), label))
            if self.future and tone_change is not None and tone_change.old is not None:
                was = _label(self.lang, "tone", tone_change.old)
                lines.append(_detail(self.t("cmp.was", old=was)))

        # Key messages: the diff gives one change per entry (added, removed, reworded).
        entries = by_field.get("key_messages", [])
        added = {text(c.new) for c in entries if c.kind == ADDED}
        removed = {text(c.old) for c in entries if c.kind == REMOVED}
        reworded = [c for c in entries if c.kind == CHANGED and isinstance(c.old, str)]
        for message in texts(messaging.get("key_messages")):
            if self.future:
                if message in added:
                    marker = NEW
                else:
                    marker = EDITED if any(text(c.new) == message for c in reworded) else SAME
            elif message in removed:
                marker = GONE
            else:
                marker = EDITED if any(text(c.old) == message for c in reworded) else SAME
            style = "italic strike" if marker == GONE else "italic"
            lines.append(_line(marker, (_quoted(message), style)))

        cta = messaging.get("call_to_action")
        if cta is not None:
            cta_changed = by_field.get("call_to_action")
            lines.append(
                _line(
                    EDITED if cta_changed else SAME,
                    (self.t("cmp.cta") + " ", "bold"),
                    text(cta),
                )
            )
        if self.future:
            # Reworded, added and removed key messages are marked above; the rest is named.
            rest = [c for c in changes if not _is_entry_change(c, "key_messages")]
            others = _field_names(rest, self.lang, {"tone", "call_to_action"})
            if others:
                lines.append(_detail((self.t("cmp.also_changed", fields=others), "dim")))
        return lines


def change_line(change: Change, lang: str) -> Content:
    """One change as the list shows it: our marker, then the words ``kunderejse diff`` uses."""
    words = render_text([change], lang).rstrip("\n")[2:]
    marker = KIND_MARKS.get(change.kind, SAME)
    return Content.assemble(_mark(marker), " ", words)


# --- the screen ------------------------------------------------------------------------


class CompareScreen(Localized[None]):
    """The current state (left) and the future state (right), stage by stage.

    | Key | Action |
    | :- | :- |
    | ↑ ↓ | choose a change in the list (its stage scrolls into view) |
    | n / shift+n | next / previous change, from anywhere on the screen |
    | tab | switch between the stages and the list of changes |
    | escape | close |
    """

    CSS_PATH = "compare.tcss"
    AUTO_FOCUS = "#cmp-changes"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "cmp.key.close"),
        Binding("n", "step(1)", "cmp.key.next"),
        Binding("N", "step(-1)", "cmp.key.previous", key_display="shift+n"),
        Binding("tab", "switch_focus", "cmp.key.focus", show=False),
    ]

    def __init__(
        self,
        current: dict[str, object],
        future: dict[str, object],
        lang: str,
        current_name: str,
        future_name: str,
        *,
        also: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.current = current
        self.future = future
        self.current_name = current_name
        self.future_name = future_name
        self.also = list(also)
        self._lang = lang if lang in LANGS else "en"
        self._follow_app = False
        self.pairs = pair_stages(current, future)
        self.changes = shown_changes(current, future)
        self.index = ChangeIndex.of(self.changes)
        self._row_of = {pair.key: i for i, pair in enumerate(self.pairs)}
        self._current_row: int | None = None

    @property
    def lang(self) -> str:
        return self._lang

    def apply_language(self) -> None:
        # Opened in a language; after that it follows the app's switches (ctrl+p).
        app = self.app
        app_lang = app.lang if isinstance(app, Speaking) else None
        if self._follow_app and app_lang in LANGS:
            self._lang = app_lang
        self._follow_app = True
        super().apply_language()

    # ---- layout

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with Horizontal(id="cmp-heads"):
            yield Label(id="cmp-head-current", classes="cmp-head")
            yield Label(id="cmp-head-future", classes="cmp-head")
        with VerticalScroll(id="cmp-stages"):
            for i, pair in enumerate(self.pairs):
                with Horizontal(id=f"cmp-stage-{i}", classes="cmp-stage"):
                    yield Static(
                        classes="cmp-side cmp-old" + (" -missing" if pair.current is None else "")
                    )
                    yield Static(
                        classes="cmp-side cmp-new" + (" -missing" if pair.future is None else "")
                    )
        yield Label(id="cmp-changes-title")
        yield NavList(id="cmp-changes")
        yield Static(id="cmp-legend")
        yield KeyFooter()  # keeps Quit and Help at 80 columns

    def refresh_texts(self) -> None:
        lang = self.lang
        self.title = state_heading(self.current, self.future, lang) or self.t("cmp.title")
        self.sub_title = f"{self.current_name} → {self.future_name}"
        self.query_one("#cmp-head-current", Label).update(
            Content(self.t("cmp.current", name=self.current_name))
        )
        future_head = self.t("cmp.future", name=self.future_name)
        if self.also:
            future_head += " · " + self.t("cmp.also", names=", ".join(self.also))
        self.query_one("#cmp-head-future", Label).update(Content(future_head))

        names = (_stage_names(self.current), _stage_names(self.future))
        sides = [Side(lang, future, self.index, *names) for future in (False, True)]
        for i, pair in enumerate(self.pairs):
            row = self.query_one(f"#cmp-stage-{i}", Horizontal)
            for side, widget in zip(sides, row.query_children(Static), strict=True):
                widget.update(side.stage(pair))

        self.query_one("#cmp-changes-title", Label).update(
            self.t("cmp.changes", n=len(self.changes))
        )
        changes = self.query_one("#cmp-changes", NavList)
        highlighted = changes.highlighted
        if self.changes:
            changes.set_options(Option(change_line(c, lang)) for c in self.changes)
            changes.highlighted = highlighted if highlighted is not None else 0
        else:
            changes.set_options([Option(self.t("cmp.no_changes"), disabled=True)])
        self.query_one("#cmp-legend", Static).update(self.t("cmp.legend"))

    # ---- following the list of changes

    @on(OptionList.OptionHighlighted, "#cmp-changes")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if 0 <= event.option_index < len(self.changes):
            self.show_change(self.changes[event.option_index])

    def show_change(self, change: Change) -> None:
        """Scroll the stage of ``change`` into view and mark its row."""
        key = stage_of(change)
        row = self._row_of.get(key) if key is not None else None
        if self._current_row is not None:
            self.query_one(f"#cmp-stage-{self._current_row}").set_class(False, "-shown")
        self._current_row = row
        if row is None:
            return
        widget = self.query_one(f"#cmp-stage-{row}")
        widget.set_class(True, "-shown")
        # After the next refresh: on mount the rows have no place on screen yet.
        self.call_after_refresh(
            self.query_one("#cmp-stages", VerticalScroll).scroll_to_widget,
            widget,
            animate=False,
            top=True,
        )

    # ---- actions

    def action_step(self, delta: int) -> None:
        if not self.changes:
            self.app.bell()
            return
        changes = self.query_one("#cmp-changes", NavList)
        n = len(self.changes)
        if changes.highlighted is None:
            changes.highlighted = 0 if delta > 0 else n - 1
        else:
            changes.highlighted = (changes.highlighted + delta) % n

    def action_switch_focus(self) -> None:
        changes = self.query_one("#cmp-changes", NavList)
        target = self.query_one("#cmp-stages") if changes.has_focus else changes
        target.focus()

    def action_close(self) -> None:
        self.dismiss(None)


# --- finding the pair ------------------------------------------------------------------


def _is_journey_file(path: Path) -> bool:
    return path.name.endswith(JOURNEY_SUFFIXES) and path.is_file()


def future_journeys(current_path: Path) -> list[tuple[Path, dict[str, object]]]:
    """Future-state journeys next to ``current_path`` whose ``based_on`` names it, by name.

    Files that cannot be read are skipped: the map of each shows its own problems.
    """
    folder = current_path.parent
    try:
        target = current_path.resolve()
        candidates = sorted(p for p in folder.iterdir() if _is_journey_file(p))
    except OSError:
        return []
    found: list[tuple[Path, dict[str, object]]] = []
    for path in candidates:
        if path.resolve() == target:
            continue
        try:
            raw = read_bytes(path)
            # Most files in a folder are no future state: skip them before parsing.
            if b"based_on" not in raw:
                continue
            data = load_text(raw, str(path)).data
        except JourneyLoadError:
            continue
        based_on = data.get("based_on")
        if data.get("state") != "future" or not isinstance(based_on, str) or not based_on:
            continue
        try:
            if (folder / based_on).resolve() == target:
                found.append((path, data))
        except (OSError, ValueError):
            continue
    return found


def open_compare_for(document: CompareDocument, lang: str | None = None) -> CompareScreen | str:
    """The compare screen for the open journey, or why there is none (in ``lang``).

    A future state is compared with the journey its ``based_on`` names (relative
    to its own folder); a current state with the future states in its folder
    that name it (the first by file name; the others are named in the heading).
    Reads files: call it from a worker for folders of large journeys.
    """
    data = document.snapshot().data
    lang = lang if lang in LANGS else language(data)
    path = Path(document.path)
    if data.get("state") == "future":
        based_on = data.get("based_on")
        if not isinstance(based_on, str) or not based_on.strip():
            return tr(lang, "cmp.err.no_based_on")
        confined = current_confinement()
        if not confined.allows(path.parent / based_on):
            return tr(lang, "serve.outside", path=based_on, root=str(confined.root))
        try:
            current = load_file(path.parent / based_on).data
        except JourneyLoadError as exc:
            problem_lang: Literal["da", "en"] = "da" if lang == "da" else "en"
            problem = exc.problems[0].message(problem_lang) if exc.problems else str(exc)
            return tr(lang, "cmp.err.unreadable", file=based_on, problem=problem)
        return CompareScreen(current, data, lang, based_on, path.name)
    futures = future_journeys(path)
    if not futures:
        folder = path.parent.name or str(path.parent)
        return tr(lang, "cmp.err.no_future", folder=folder, file=path.name)
    future_path, future = futures[0]
    return CompareScreen(
        data, future, lang, path.name, future_path.name, also=[p.name for p, _ in futures[1:]]
    )
