"""The workshop app: which screen opens first, the UI language, quitting, the palette.

Everything about the open journey lives in its ``JourneySession`` (made here,
handed to the map screen); the app knows which screens exist and asks the open
journey, if any, before it quits.
"""

from __future__ import annotations

import datetime
import gc
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import ClassVar, Protocol, runtime_checkable

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.reactive import reactive
from textual.screen import Screen, ScreenResultType

from kunderejse_tui.journey.confinement import Confinement
from kunderejse_tui.journey.confinement import install as install_confinement
from kunderejse_tui.tui import key_descriptions
from kunderejse_tui.tui.browser_keys import QUIT, SECOND_KEYS, TAKE_OVER, KeyPair
from kunderejse_tui.tui.i18n import tr
from kunderejse_tui.tui.localized import Localized
from kunderejse_tui.tui.messages import OpenJourney, SaveJourney
from kunderejse_tui.tui.screens.confirm import QuitChoice, QuitDialog
from kunderejse_tui.tui.screens.help import HelpScreen
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
from kunderejse_tui.tui.screens.loading import LoadingScreen
from kunderejse_tui.tui.session import JourneySession

LANGS = ("da", "en")


# The longest start-up may go without garbage collection (see run_app).
GC_PAUSE = 3.0


@runtime_checkable
class Flushing(Protocol):
    """A screen that keeps typing for a moment before it writes it (the interview)."""

    def flush(self) -> None: ...


class KunderejseApp(App[int]):
    """Keys that work on every screen:

    | Key | Action |
    | :- | :- |
    | ctrl+q, f10 | quit (asks first when there are unsaved changes) |
    | ctrl+p | command palette: every action of the current screen |
    | f1 / ? | help: the keys of the current screen |
    | ctrl+t, f9 | take over a journey another session has (offered only then) |

    The second keys are for a browser, which keeps ctrl+q, ctrl+t and ctrl+w for
    itself (browser_keys.py).
    """

    CSS_PATH = "app.tcss"
    TITLE = "Kunderejse"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(QUIT.keys, "quit", "key.quit", priority=True),
        Binding("ctrl+p", "command_palette", "key.palette", show=False, priority=True),
        Binding("f1", "help", "key.help", key_display="F1"),
        Binding("question_mark", "help", "key.help", show=False),
        # In the key bar, help and palette only while the journey is read-only (check_action).
        Binding(TAKE_OVER.keys, "safety_take_over", "key.take_over"),
    ]

    lang: reactive[str] = reactive("da", init=False)

    def __init__(
        self,
        path: Path,
        lang: str | None = None,
        *,
        gc_paused: bool = False,
        present: bool = False,
        today: Callable[[], datetime.date] = datetime.date.today,
        viewer: bool = False,
        confinement: Confinement | None = None,
    ) -> None:
        """``present``: open the journey straight in presentation mode (``--present``)."""
        super().__init__()
        self.start_present = present
        self.today = today  # the journeys' clock: `updated:` on save (tests fix it)
        # Served roles (`kunderejse serve`): a viewer opens every journey read-only in
        # presentation mode (screens/viewer.py) and follows its file; a confined app
        # touches nothing outside the served folder.
        self.viewer = viewer
        self.confinement = confinement or Confinement.none()
        install_confinement(self.confinement)
        self.start_path = Path(path)
        self.lang_override = lang is not None
        self.start_lang = lang or "da"
        self.set_reactive(KunderejseApp.lang, self.start_lang)
        self.gc_paused = gc_paused  # see run_app
        self._safety_installed = False
        self.journey: JourneySession | None = None
        # A recovery copy chosen on the home screen, restored once its journey is read.
        self._restore_next: Path | None = None

    @property
    def in_browser(self) -> bool:
        """Drawn in a browser: served by `kunderejse serve` (which confines every app it
        starts) or by any web driver. Its keys and notices avoid what a browser takes."""
        return self.is_web or self.confinement.active

    def key_name(self, pair: KeyPair) -> str:
        """The key of ``pair`` that works where the app runs, as a message names it."""
        return pair.name(self.in_browser)

    def get_key_display(self, binding: Binding) -> str:
        # One Binding holds both keys of a pair, so its key_display cannot say "F9".
        if binding.key in SECOND_KEYS and binding.key_display is None:
            return binding.key.upper()
        return super().get_key_display(binding)

    def startup_done(self) -> None:
        """The first journey is on screen: the garbage collector may run again, and
        the signal handlers that write recovery copies go in (nothing to lose before)."""
        if self.gc_paused:
            self.gc_paused = False
            gc.enable()
        self._install_safety()

    def _install_safety(self) -> None:
        """Signal handlers (SIGHUP, SIGTERM) that write recovery copies."""
        if self._safety_installed:
            return
        self._safety_installed = True
        from kunderejse_tui.tui.recovery_service import install_signal_handlers

        install_signal_handlers(self)

    def action_live_sharing(self) -> None:
        """F6: save a few seconds after each change, so viewers follow as it goes."""
        if self.journey is not None:
            self.journey.toggle_sharing()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "safety_take_over":
            # A key for a rare moment: offered while the journey is read-only, else not at all.
            journey = self.journey
            return journey is not None and not journey.viewer and journey.read_only
        return True

    def action_safety_take_over(self) -> None:
        if self.journey is not None:
            self.journey.take_over()

    def on_mount(self) -> None:
        if self.gc_paused:
            self.set_timer(GC_PAUSE, self.startup_done)
        else:
            self._install_safety()
        key_descriptions.translate(self, self.lang)
        if not self.viewer:
            # In the footer only in a browser: that is where viewers watch.
            self.bind(
                "f6",
                "live_sharing",
                description=tr(self.lang, "key.live_sharing"),
                show=self.is_web,
                key_display="F6",
            )
        if self.start_path.is_dir():
            from kunderejse_tui.tui.screens.home import HomeScreen  # not needed for a file

            self.push_screen(HomeScreen(self.start_path))
        else:
            self.push_screen(self._loading(self.start_path))

    # ---- language

    def set_language(self, lang: str, *, override: bool = True) -> None:
        """Switch the UI to ``lang``; ``override`` stops journeys from switching it back."""
        if override:
            self.lang_override = True
        if lang == self.lang:
            return
        self.lang = lang

    def home_language(self) -> None:
        """Back on the home screen no journey is open: the language the app started in."""
        if not self.lang_override:
            self.set_language(self.start_lang, override=False)

    def follow_journey_language(self, lang: str) -> None:
        """The UI follows the open journey's language unless the user chose one."""
        if not self.lang_override and lang in LANGS:
            self.set_language(lang, override=False)

    def watch_lang(self) -> None:
        key_descriptions.translate(self, self.lang)
        for screen in self.screen_stack:
            if isinstance(screen, Localized):
                screen.apply_language()

    def action_switch_language(self) -> None:
        self.set_language("en" if self.lang == "da" else "da")
        self.notify(tr(self.lang, "app.language_switched"))

    def on_app_focus(self, event: events.AppFocus) -> None:
        # Back from the editor or the terminal where `git pull` ran: did the file change?
        if self.journey is not None:
            self.journey.app_focused()

    # ---- opening journeys

    def on_open_journey(self, message: OpenJourney) -> None:
        if not self.confinement.allows(message.path):
            self.notify(self.outside(message.path), severity="error")
            return
        self._restore_next = message.restore
        self.push_screen(self._loading(message.path))

    def _loading(self, path: Path) -> LoadingScreen:
        # A viewer's screen follows the file only once it is read whole (live_follow):
        # no preview of a big journey's first part.
        return LoadingScreen(path, preview=not self.viewer)

    def outside(self, path: Path) -> str:
        """What a served app says about a path outside its folder."""
        return tr(self.lang, "serve.outside", path=str(path), root=str(self.confinement.root))

    def on_loading_screen_loaded(self, message: LoadingScreen.Loaded) -> None:
        """The journey is read: its session, and its map in place of the loading screen."""
        self.journey = JourneySession(self, message.document, today=self.today, viewer=self.viewer)
        self.journey.restore_first, self._restore_next = self._restore_next, None
        if self.viewer:
            # The presentation, with no map underneath for Escape to reach.
            from kunderejse_tui.tui.screens.viewer import ViewerScreen

            self.switch_screen(ViewerScreen(self.journey))
            return
        self.switch_screen(JourneyMapScreen(self.journey, message.whole_file))
        if self.start_present:
            # Over the map, which Escape returns to (screens/presentation.py).
            from kunderejse_tui.tui.screens.presentation import PresentationScreen

            self.start_present = False
            self.push_screen(PresentationScreen(self.journey))

    def journey_closed(self, session: JourneySession) -> None:
        if self.journey is session:
            self.journey = None

    def on_save_journey(self, message: SaveJourney) -> None:
        if self.journey is not None:
            self.run_worker(self.journey.save(), group="save", exclusive=True)

    # ---- quitting

    async def action_quit(self) -> None:
        if isinstance(self.screen, QuitDialog):
            return
        # The interview screen keeps what is typed after a short pause; the words of
        # the last moment count for "unsaved changes?" too.
        if isinstance(self.screen, Flushing):
            self.screen.flush()
        journey = self.journey
        if journey is None or not journey.unsaved:
            self.exit(0)
            return
        self.push_screen(QuitDialog(journey.document.title), self._quit_answered)

    def _quit_answered(self, choice: QuitChoice | None) -> None:
        journey = self.journey
        if journey is None:
            self.exit(0)
        elif choice == "discard":
            journey.close(discarded=True)
            self.exit(0)
        elif choice == "save":
            self.run_worker(self._save_then_exit(journey), group="save", exclusive=True)

    async def _save_then_exit(self, journey: JourneySession) -> None:
        # What is typed into an open form is saved too, or the form says why it cannot be.
        if journey.apply_draft() and await journey.save():
            self.exit(0)

    def action_help_quit(self) -> None:
        # Textual's own hint is in English; ctrl+c is a reflex worth answering in the UI language.
        self.notify(
            tr(self.lang, "app.quit_hint", shortcut=self.key_name(QUIT)),
            title=tr(self.lang, "app.quit_hint_title"),
        )

    # ---- help and the command palette

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(self.screen))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            placeholder = tr(self.lang, "app.palette_placeholder")
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    def get_system_commands(self, screen: Screen[ScreenResultType]) -> Iterable[SystemCommand]:
        """Every action of ``screen`` (from its bindings) plus the app-wide ones, translated."""
        lang = self.lang
        seen: set[str] = set()
        for node in (screen, self):
            for _key, binding in key_descriptions.declared(node):
                if binding.action in seen or node.check_action(binding.action, ()) is False:
                    continue
                seen.add(binding.action)
                shown = binding.key_display or self.get_key_display(binding)
                yield SystemCommand(
                    tr(lang, binding.description),
                    tr(lang, "app.palette_key", keys=shown),
                    partial(node.run_action, binding.action),
                )
        yield SystemCommand(
            tr(lang, "app.switch_language"),
            tr(lang, "app.switch_language_help"),
            self.action_switch_language,
        )
        yield SystemCommand(
            tr(lang, "app.theme"), tr(lang, "app.theme_help"), self.action_change_theme
        )


def run_app(
    path: Path,
    lang: str | None = None,
    *,
    present: bool = False,
    viewer: bool = False,
    confinement: Confinement | None = None,
) -> int:
    # Starting up allocates hundreds of thousands of objects (modules, widgets,
    # styles, the journey) and frees few: the cyclic collector walked them again
    # and again, a tenth of the time to the first frame. What is imported by now
    # lives as long as the process (freeze), and collecting waits until the first
    # journey is on screen (startup_done) or GC_PAUSE seconds have passed.
    gc.freeze()
    gc.disable()
    app = KunderejseApp(
        path, lang, gc_paused=True, present=present, viewer=viewer, confinement=confinement
    )
    result = app.run()
    # The status says what happened: 128+N after signal N (see install_signal_handlers),
    # 1 after an unexpected error (Textual sets it with the traceback), else 0.
    if app.return_code:
        return app.return_code
    return int(result or 0)
