"""What a served viewer sees (``kunderejse serve``'s viewer link, ``open --viewer``).

The journey in presentation mode, following its file live, with no way to edit
it and no way onto the editing map: the viewer never has a map underneath.
So this screen owns the open journey's session as the map does for an editor:
it starts following the file (``session.guard_journey``: a viewer's guard takes
no lock and starts ``live_follow.LiveFollow``) and closes the session when it
goes. A reload from disk reaches it through the document's change notices, like
any edit does; the presentation keeps its stage (the last one, when the stage
shown was removed).

A viewer of a served folder goes back to its list of journeys with Escape or
ctrl+w / F4 (the map's keys for closing a journey) to pick another; a viewer of
one file stays here.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from kunderejse_tui.tui.browser_keys import CLOSE, TAKE_OVER
from kunderejse_tui.tui.screens.presentation import PresentationScreen
from kunderejse_tui.tui.session import JourneySession


class ViewerScreen(PresentationScreen):
    """| Key | Action |
    | :- | :- |
    | right, l, space, pagedown | next stage |
    | left, h, pageup | previous stage |
    | home / end | first / last stage |
    | o, tab | switch between the stage and the overview of all stages |
    | g | show / hide the emotion curve |
    | escape, ctrl+w, f4 | (a served folder) back to its list of journeys |
    | ctrl+s, f6, ctrl+t, f9 | nothing: says that a viewer cannot save, share or take over |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # Escape too: where the presentation returns to its map, a viewer returns to the list.
        Binding(f"escape,{CLOSE.keys}", "leave", "live.key.back_to_list", show=False),
        # No description: a key that only says no belongs in neither help nor palette.
        Binding(f"ctrl+s,f6,{TAKE_OVER.keys}", "viewer_only", show=False),
    ]

    def __init__(self, session: JourneySession) -> None:
        super().__init__(session, can_leave=False)

    def on_mount(self) -> None:
        session = self.session
        session.app.follow_journey_language(self.document.language)
        self.run_worker(session.guard_journey(), group="safety-open", exclusive=True)
        self.call_after_refresh(session.app.startup_done)

    def on_unmount(self) -> None:
        self.session.close()

    def title_mark(self) -> str:
        return self.t("live.viewer_mark")

    @property
    def has_list(self) -> bool:
        """Opened from a served folder's list of journeys (not on one file)."""
        stack = self.app.screen_stack
        return self in stack and stack.index(self) > 1

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave":
            return self.has_list
        return super().check_action(action, parameters)

    def action_leave(self) -> None:
        if self.has_list:
            self.dismiss(self.stage)

    def action_viewer_only(self) -> None:
        self.notify(self.t("live.viewer_only"), severity="warning")
