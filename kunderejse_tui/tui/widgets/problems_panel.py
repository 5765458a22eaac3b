"""The problems panel: what the checks found, one row per problem; Enter jumps to it."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from kunderejse_tui.journey.edits import KeyPath
from kunderejse_tui.journey.problems import Problem
from kunderejse_tui.tui.i18n import tr


def problem_row(problem: Problem, lang: str) -> Content:
    severity = "bold #e05a4f" if problem.severity == "error" else "bold #f0913a"
    word = tr(lang, f"problems.{problem.severity}")
    return Content.assemble(
        (f"{word:<8}", severity),
        (f"{tr(lang, 'problems.line', line=problem.line):<10}", "dim"),
        problem.message(lang),  # type: ignore[arg-type]
        (f"  [{problem.code}]", "dim"),
    )


class ProblemsPanel(OptionList, can_focus=False):
    """Fed by the map's validation worker; selecting a row posts ``JumpTo(problem.path)``.

    The map makes it focusable only while the user works in it (F8).
    """

    @dataclass
    class JumpTo(Message):
        """Show the item at ``path`` in the journey (a problem was chosen)."""

        path: KeyPath

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.problems: list[Problem] = []

    def show(self, problems: list[Problem], lang: str) -> None:
        keep = self.highlighted
        self.problems = problems
        self.border_title = tr(lang, "problems.title", n=len(problems))
        if problems:
            self.set_options(Option(problem_row(p, lang)) for p in problems)
        else:
            self.set_options(
                [Option(Content.styled(tr(lang, "problems.none"), "dim"), disabled=True)]
            )
        if problems:
            self.highlighted = min(keep or 0, len(problems) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.problems):
            self.post_message(self.JumpTo(self.problems[event.option_index].path))
