"""Every modal screen of the app, made the way the app makes it, over one journey.

The layout tests (test_dialog_layout.py) open each at 80x24 and check that every
button is on screen; the snapshots (test_snapshots_dialogs.py) draw each at three
sizes. A new ModalScreen class without an entry here fails ``test_every_modal_is_listed``.
"""

from __future__ import annotations

import importlib
import pkgutil
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.screen import ModalScreen, Screen

import kunderejse_tui.tui
from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.journey.evidence import tag_overview
from kunderejse_tui.journey.recovery import Recovery
from kunderejse_tui.tui.delete_questions import persona_question, stage_question
from kunderejse_tui.tui.i18n import tr
from kunderejse_tui.tui.screens.confirm import CommentsDialog, QuitDialog
from kunderejse_tui.tui.screens.disk_conflict import (
    conflict_choices,
    conflict_dialog,
    merge_conflicts_notice,
    reload_question,
)
from kunderejse_tui.tui.screens.editors import editor_for
from kunderejse_tui.tui.screens.editors.discard import DiscardDialog
from kunderejse_tui.tui.screens.evidence_picker import PickerScreen, link_items, tag_items
from kunderejse_tui.tui.screens.help import HelpScreen
from kunderejse_tui.tui.screens.new_journey import NewJourneyScreen
from kunderejse_tui.tui.screens.prompt import PromptDialog
from kunderejse_tui.tui.screens.recovery import DiffScreen, difference, other_session_dialog
from kunderejse_tui.tui.screens.search import SearchScreen
from kunderejse_tui.tui.session import recovery_dialog
from tests.tui.helpers import FUNNEL

Make = Callable[["Dialogs"], Screen[Any]]


class Dialogs:
    """A private copy of the funnel sample and what the dialogs are about."""

    def __init__(self, folder: Path, lang: str = "da") -> None:
        self.folder = folder
        self.lang = lang
        path = folder / FUNNEL.name
        shutil.copyfile(FUNNEL, path)
        self.document = JourneyDocument.load(path)

    @property
    def data(self) -> dict[str, Any]:
        return self.document.data

    def form(self, path: tuple[Any, ...]) -> Screen[Any]:
        form = editor_for(self.document, path, self.lang)
        assert form is not None
        return form


def _conflict(d: Dialogs) -> Screen[Any]:
    body = tr(d.lang, "safety.changed_body", file=FUNNEL.name)
    return conflict_dialog(body, conflict_choices(mergeable=True, reloadable=True))


def _recovery(d: Dialogs) -> Screen[Any]:
    rec = Recovery(
        path=d.document.path,
        base_hash=None,  # "the file has changed since": the longest body
        pid=4242,
        hostname="laptop",
        time=0.0,
        data=d.data,
        record=d.folder / "copy.json",
    )
    return recovery_dialog(d.lang, rec)


def _diff(d: Dialogs) -> Screen[Any]:
    theirs = {**d.data, "title": "Mette køber en elbil", "owner": "Salg"}
    return DiffScreen(difference(theirs, d.data, tr(d.lang, "safety.diff_disk")))


def _stage(d: Dialogs) -> Screen[Any]:
    question = stage_question(d.lang, d.data["stages"][0])
    assert question is not None
    return question


def _persona(d: Dialogs) -> Screen[Any]:
    question = persona_question(d.lang, d.data, d.data["personas"][0])
    assert question is not None
    return question


# Dialogs: asked at three sizes. Forms: at 80x24 (test_snapshots_editors.py covers 100x40).
DIALOGS: dict[str, Make] = {
    "quit": lambda d: QuitDialog(d.document.title),
    "leave": lambda d: QuitDialog(d.document.title, leaving=True),
    "comments": lambda d: CommentsDialog(FUNNEL.name),
    "conflict": _conflict,
    "conflict_unmergeable": lambda d: conflict_dialog(
        tr(d.lang, "safety.changed_body", file=FUNNEL.name),
        conflict_choices(mergeable=False, reloadable=True),
    ),
    "merge_conflicts": lambda d: merge_conflicts_notice(
        "• stages[0].name: begge har ændret den\n• stages[1].touchpoints[0].emotion: begge"
    ),
    "reload": lambda d: reload_question(),
    "recovery": _recovery,
    "other_session": lambda d: other_session_dialog(4242, "laptop", FUNNEL.name),
    "diff": _diff,
    "discard": lambda d: DiscardDialog(d.lang, 3),
    "add_touchpoint": lambda d: PromptDialog("add.touchpoint.title", "add.touchpoint.label"),
    "rename": lambda d: PromptDialog(
        "rename.title", "rename.label", "facebook-annonce", id="facebook-annonce"
    ),
    "save_as_new": lambda d: PromptDialog(
        "safety.new_file_title", "safety.new_file_label", value="bilkoeb-privat-mine.journey.yaml"
    ),
    "delete_stage": _stage,
    "delete_persona": _persona,
    "search": lambda d: SearchScreen(d.data, "elbil"),
    "new_journey": lambda d: NewJourneyScreen(d.folder),
    "pick_tags": lambda d: PickerScreen(
        "iv.pick.tags_title",
        tag_items(tag_overview(d.data), d.lang),
        ["pris"],
        new_key="iv.pick.new_tag",
        placeholder_key="iv.pick.tag_filter",
    ),
    "pick_links": lambda d: PickerScreen("iv.pick.links_title", link_items(d.data, d.lang)),
}

FORMS: dict[str, tuple[Any, ...]] = {
    "journey": (),
    "persona": ("personas", 0),
    "stage": ("stages", 0),
    "question": ("stages", 0, "customer_questions", 0),
    "touchpoint": ("stages", 0, "touchpoints", 0),
    "messaging": ("stages", 0, "messaging"),
}


class Host(App[None]):
    """A bare app in ``lang`` with the app's styles that shows one screen (the help
    screen: of its own screen)."""

    CSS_PATH = str(Path(kunderejse_tui.tui.__file__).with_name("app.tcss"))

    def __init__(self, make: Callable[[], Screen[Any]] | None, lang: str = "da") -> None:
        super().__init__()
        self.make = make
        self.lang = lang

    def on_mount(self) -> None:
        self.push_screen(self.make() if self.make is not None else HelpScreen(self.screen))


def host(dialogs: Dialogs, name: str) -> Host:
    """A Host for the dialog or form called ``name`` (``help``: the help screen)."""
    if name == "help":
        return Host(None, dialogs.lang)
    if name in FORMS:
        return Host(lambda: dialogs.form(FORMS[name]), dialogs.lang)
    return Host(lambda: DIALOGS[name](dialogs), dialogs.lang)


def modal_classes() -> set[type[ModalScreen[Any]]]:
    """Every ModalScreen subclass the app defines (its modules imported first)."""
    for info in pkgutil.walk_packages(kunderejse_tui.tui.__path__, "kunderejse_tui.tui."):
        importlib.import_module(info.name)
    found: set[type[ModalScreen[Any]]] = set()
    todo: list[type[Any]] = [ModalScreen]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("kunderejse_tui."):
                found.add(sub)
    return found
