"""The ``kunderejse`` parser: every command, help, usage errors."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Any

from kunderejse_tui import __version__
from kunderejse_tui.cli import COMMAND_MODULES, COMMANDS, EXIT_USAGE
from kunderejse_tui.cli.common import command_hint, command_list, error


class _Formatter(argparse.HelpFormatter):
    # argparse builds a formatter for every add_argument; the stock one imports
    # shutil (with bz2 and lzma) just to ask the terminal's width.
    def __init__(self, prog: str, **kwargs: Any) -> None:
        if kwargs.get("width") is None:
            kwargs["width"] = _terminal_width() - 2
        super().__init__(prog, **kwargs)


def _terminal_width() -> int:
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 80
    except (OSError, ValueError):
        return 80


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse exits with 2 already; we only make the text look like ours.
        self.print_usage(sys.stderr)
        error(message)
        raise SystemExit(EXIT_USAGE)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; ``only`` registers just that command (what ``kunderejse CMD ...``
    needs: the other command modules and their imports are not loaded)."""
    parser = _Parser(
        prog="kunderejse",
        description="Customer journey workshops in the terminal. "
        "Run 'kunderejse [FILE|DIR]' to open the app, or one of the commands below.",
    )
    parser.add_argument("--version", action="version", version=f"kunderejse {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in [only] if only else COMMAND_MODULES:
        try:
            module = importlib.import_module(f"kunderejse_tui.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"kunderejse_tui.cli.{name}":
                raise
            continue
        module.register(sub)
    return parser


def _command_parsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Each registered command's own parser, by command name."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _subcommands(parser: argparse.ArgumentParser) -> list[str]:
    return list(_command_parsers(parser))


def _refuse_a_mistyped_command(args_list: list[str]) -> None:
    """``kunderejse valdate x.journey.yaml`` names the commands instead of opening "valdate".

    A first word that is no file is a command gone wrong when it is close to one, or
    when more words follow it (the app takes a single path).
    """
    positional = []
    takes_value = False
    for arg in args_list:
        if takes_value:
            takes_value = False
        elif arg.startswith("-"):
            takes_value = "=" not in arg  # --lang en: "en" is the option's value
        else:
            positional.append(arg)
    if not positional or positional[0] in COMMANDS or os.path.exists(positional[0]):
        return
    first = positional[0]
    hint = command_hint(first)
    if hint or len(positional) >= 2:
        error(f"'{first}' is neither a command nor a file{hint or '; ' + command_list()}")
        raise SystemExit(EXIT_USAGE)


def parse(args_list: list[str]) -> argparse.Namespace:
    """The arguments after ``kunderejse``, read as ``main`` routes them."""
    first = next((a for a in args_list if not a.startswith("-")), None)
    wants_help = bool({"-h", "--help", "--version"} & set(args_list))
    if not wants_help:
        _refuse_a_mistyped_command(args_list)
    # Register only the command that runs, so `kunderejse validate` does not import
    # the modules (and their imports) of the seven others.
    if first is not None and args_list[0] == first and first in COMMANDS:
        parser = build_parser(only=COMMANDS[first])
        if first in _subcommands(parser):
            return parser.parse_args(args_list)
    elif first not in COMMANDS and not wants_help:
        # `kunderejse`, `kunderejse FILE`, `kunderejse DIR --lang en` open the app.
        parser = build_parser(only="open_cmd")
        if "open" in _subcommands(parser):
            return parser.parse_args(["open", *args_list])
    # --help, --version, options before the command: the full parser says it all.
    parser = build_parser()
    commands = set(_subcommands(parser))
    if (first is None and not wants_help) or (first is not None and first not in commands):
        args_list = ["open", *args_list]
    return parser.parse_args(args_list)
