"""Small helpers shared by the command modules."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from kunderejse_tui.journey.problems import Lang, Problem
    from kunderejse_tui.journey.yamlio import Loaded


class UsageError(Exception):
    """A mistake in how the command was called: exit code 2, message on stderr."""


def error(message: str) -> None:
    print(f"kunderejse: error: {message}", file=sys.stderr)


def warn(message: str) -> None:
    print(f"kunderejse: warning: {message}", file=sys.stderr)


def command_hint(word: str) -> str:
    """ "; did you mean 'validate'?" and the list of commands, for a word close to a
    command; "" for anything else (a file name that does not exist, say)."""
    import difflib

    from kunderejse_tui.cli import COMMANDS

    commands = [c for c in COMMANDS if c != "textconv"]
    close = difflib.get_close_matches(word, commands, n=1, cutoff=0.6)
    if not close:
        return ""
    return f"; did you mean '{close[0]}'?\n{command_list()}"


def command_list() -> str:
    from kunderejse_tui.cli import COMMANDS

    names = ", ".join(c for c in COMMANDS if c != "textconv")
    return f"commands: {names} (kunderejse --help says more)"


def journey_files(paths: list[str]) -> list[Path]:
    """Expand PATH arguments: a directory means every ``*.journey.yaml`` below it.

    A path that does not exist is a usage error (exit 2), not a problem in a journey.
    """
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(
                sorted(
                    f
                    for f in p.rglob("*.journey.yaml")
                    if f.is_file()
                    and not any(part.startswith(".") for part in f.relative_to(p).parts)
                )
            )
        elif p.exists():
            out.append(p)
        else:
            raise UsageError(f"{raw}: no such file or directory")
    return out


def journey_file(raw: str, command: str) -> Path:
    """FILE of a command that takes one journey (export, report): a directory or a
    missing file is a usage error (exit 2), not a problem in a journey."""
    path = Path(raw)
    if path.is_dir():
        raise UsageError(f"{raw}: is a directory; {command} takes one journey file")
    if not path.exists():
        raise UsageError(f"{raw}: no such file")
    return path


def print_problems(problems: Iterable[Problem], lang: Lang | None) -> None:
    """Why a journey cannot be loaded, on stderr in the lines editors and CI parse."""
    for problem in problems:
        print(problem.format(lang or "en"), file=sys.stderr)


def load_journey(path: Path, lang: Lang | None) -> Loaded | None:
    """The journey at ``path``, or None once its load problems are printed (exit 1)."""
    from kunderejse_tui.journey.problems import JourneyLoadError
    from kunderejse_tui.journey.yamlio import load_file

    try:
        return load_file(path)
    except JourneyLoadError as exc:
        print_problems(exc.problems, lang)
        return None


def add_lang_option(
    parser: argparse.ArgumentParser, help_text: str = "language of messages (default: en)"
) -> None:
    parser.add_argument("--lang", choices=["en", "da"], default=None, help=help_text)


def reader_gone() -> None:
    """`kunderejse export x | head`: the reader has what it wanted, which is no error.

    What is still buffered goes to /dev/null, instead of failing again at exit.
    """
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def refuse_outputs(outputs: list[Path], source: Path, lang: str | None) -> None:
    """Exit 2, naming it, when one of ``outputs`` is the journey file itself (by any
    name: ``..``, a symlink, a hard link); checked before anything is written."""
    from kunderejse_tui.journey.journey_path import OutputIsInput, refuse_input

    try:
        refuse_input(outputs, source)
    except OutputIsInput as exc:
        from kunderejse_tui.journey.i18n import t

        raise UsageError(t(lang or "en", "cli.output_is_input", path=exc.output)) from None


def write_output(text: str, out: str | None, source: Path, lang: str | None) -> None:
    """Write to stdout (no ``-o`` or ``-o -``) or atomically to a file, never onto ``source``."""
    if out is None or out == "-":
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            reader_gone()  # the export's own OSError handler must not report it
        return
    from kunderejse_tui.journey.fileio import write_text_atomic

    refuse_outputs([Path(out)], source, lang)
    write_text_atomic(Path(out), text)


def write_bytes_output(payload: bytes, out: str | None, source: Path, lang: str | None) -> None:
    """Bytes to stdout (``-o -``, into a pipe) or atomically to a file: never half-written,
    never onto ``source``."""
    if out is None or out == "-":
        try:
            sys.stdout.flush()
            sys.stdout.buffer.write(payload)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            reader_gone()
        return
    from kunderejse_tui.journey.fileio import write_bytes_atomic

    refuse_outputs([Path(out)], source, lang)
    write_bytes_atomic(Path(out), payload)
