"""The ``kunderejse`` command line: argument parsing and exit codes, no logic.

Each command lives in its own module with ``register(subparsers)``; heavy imports
stay inside the command functions so ``kunderejse validate`` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from kunderejse_tui import __version__
from kunderejse_tui.cli.common import UsageError, error

# Order is the order in --help.
COMMAND_MODULES = ["validate", "fmt", "new", "export", "diff", "report", "schema_cmd", "open_cmd"]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse exits with 2 already; we only make the text look like ours.
        self.print_usage(sys.stderr)
        error(message)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kunderejse",
        description="Customer journey workshops in the terminal. "
        "Run 'kunderejse [FILE|DIR]' to open the app, or one of the commands below.",
    )
    parser.add_argument("--version", action="version", version=f"kunderejse {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"kunderejse_tui.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"kunderejse_tui.cli.{name}":
                raise
            continue
        module.register(sub)
    return parser


def _subcommands(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    commands = set(_subcommands(parser))
    # `kunderejse`, `kunderejse FILE`, `kunderejse DIR --lang en` open the app.
    first = next((a for a in args_list if not a.startswith("-")), None)
    if (first is None and not {"-h", "--help", "--version"} & set(args_list)) or (
        first is not None and first not in commands
    ):
        args_list = ["open", *args_list]
    args = parser.parse_args(args_list)
    try:
        return int(args.func(args))
    except UsageError as exc:
        error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `kunderejse export x | head` is not an error worth a traceback.
        return EXIT_OK
