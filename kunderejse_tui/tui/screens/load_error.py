"""A journey that cannot be read at all: what is wrong and where, never a traceback.

Shows each problem as ``file:line:col`` with its message, and the lines
around the first one, so a merge conflict or a YAML typo can be found and
fixed in an editor; ``r`` then tries again.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from kunderejse_tui.journey.problems import Problem
from kunderejse_tui.journey.yamlio import MAX_BYTES
from kunderejse_tui.tui.journey_files import shown_path
from kunderejse_tui.tui.localized import Localized
from kunderejse_tui.tui.widgets.key_footer import KeyFooter
from kunderejse_tui.tui.widgets.title_header import TitleHeader

CONTEXT_LINES = 3


def excerpt(path: Path, line: int) -> Content:
    """The lines around ``line`` with numbers, the offending one marked."""
    try:
        # Only a regular file of sane size: a pipe would block the UI, /dev/zero never ends.
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return Content("")
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return Content("")
    start = max(line - 1 - CONTEXT_LINES, 0)
    end = min(line + CONTEXT_LINES, len(lines))
    width = len(str(end))
    out: list[Content] = []
    for n in range(start, end):
        mark = "▶" if n + 1 == line else " "
        style = "bold #e05a4f" if n + 1 == line else "dim"
        out.append(Content.styled(f"{mark} {n + 1:>{width}} │ {lines[n]}", style))
    return Content("\n").join(out)


class LoadErrorScreen(Localized[None]):
    """| Key | Action |
    | :- | :- |
    | r | read the file again (after fixing it elsewhere) |
    | escape | back to the list of journeys |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retry", "load_error.retry"),
        Binding("escape", "back", "key.back"),
    ]

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        super().__init__()
        self.path = path
        self.problems = problems

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with VerticalScroll(id="load-error"):
            yield Static(id="load-error-title", classes="screen-title")
            yield Static(id="load-error-problems")
            yield Static(id="load-error-excerpt")
            yield Static(id="load-error-hint", classes="dialog-hint")
        yield KeyFooter()  # keeps Quit and Help at 80 columns

    def refresh_texts(self) -> None:
        self.title = self.t("load_error.title")
        self.sub_title = shown_path(self.path)
        self.query_one("#load-error-title", Static).update(
            self.t("load_error.heading", file=shown_path(self.path))
        )
        rows = [
            Content.assemble(
                (f"{shown_path(self.path)}:{p.line}:{p.col}: ", "bold"),
                (f"[{p.code}] ", "dim"),
                p.message(self.lang),  # type: ignore[arg-type]
            )
            for p in self.problems
        ]
        self.query_one("#load-error-problems", Static).update(Content("\n").join(rows))
        first = self.problems[0].line if self.problems else 0
        self.query_one("#load-error-excerpt", Static).update(
            excerpt(self.path, first) if first else ""
        )
        # The merge conflict is named only when the file has its markers (L006).
        conflict = any(p.code == "L006" for p in self.problems)
        hint = "load_error.hint_conflict" if conflict else "load_error.hint"
        self.query_one("#load-error-hint", Static).update(self.t(hint))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "back" or len(self.app.screen_stack) > 2

    def action_retry(self) -> None:
        # Imported here: the loading screen opens this one when a file cannot be read.
        from kunderejse_tui.tui.screens.loading import LoadingScreen

        self.app.switch_screen(LoadingScreen(self.path))

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
