"""Small helpers shared by the command modules."""

from __future__ import annotations

import sys
from pathlib import Path


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


def add_lang_option(parser: object, help_text: str = "language of messages (default: en)") -> None:
    parser.add_argument("--lang", choices=["en", "da"], default=None, help=help_text)  # type: ignore[attr-defined]


def reader_gone() -> None:
    """`kunderejse export x | head`: the reader has what it wanted, which is no error.

    What is still buffered goes to /dev/null, instead of failing again at exit.
    """
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def write_output(text: str, out: str | None) -> None:
    """Write to stdout (no ``-o`` or ``-o -``) or atomically to a file."""
    if out is None or out == "-":
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            reader_gone()  # the export's own OSError handler must not report it
        return
    from kunderejse_tui.journey.fileio import write_text_atomic

    write_text_atomic(Path(out), text)


def write_bytes_output(payload: bytes, out: str | None) -> None:
    """Bytes to stdout (``-o -``, into a pipe) or atomically to a file: never half-written."""
    if out is None or out == "-":
        try:
            sys.stdout.flush()
            sys.stdout.buffer.write(payload)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            reader_gone()
        return
    from kunderejse_tui.journey.fileio import write_bytes_atomic

    write_bytes_atomic(Path(out), payload)
