"""The ``kunderejse`` command line: argument parsing and exit codes, no logic.

Each command lives in its own module with ``register(subparsers)``; heavy imports
stay inside the command functions so ``kunderejse validate`` starts fast.
``parser.py`` (argparse) reads every call.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from kunderejse_tui.cli.common import UsageError, error, reader_gone

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from typing import NoReturn

# Order is the order in --help.
COMMAND_MODULES = [
    "validate",
    "fmt",
    "new",
    "export",
    "diff",
    "report",
    "schema_cmd",
    "recover",
    "open_cmd",
    "serve",
]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


# Each command and the module that registers it (a test keeps this equal to the
# full parser's commands), so that one command can be set up without the others.
COMMANDS = {
    "validate": "validate",
    "fmt": "fmt",
    "new": "new",
    "export": "export",
    "diff": "diff",
    "textconv": "diff",
    "report": "report",
    "schema": "schema_cmd",
    "recover": "recover",
    "open": "open_cmd",
    "serve": "serve",
}


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # Here, not at the top: parser.py imports the tables above.
    from kunderejse_tui.cli.parser import parse

    return _run(parse(args_list))


def entry() -> NoReturn:
    """The ``kunderejse`` console script and ``python -m kunderejse_tui``."""
    _exit(main())


def _exit(code: int) -> NoReturn:
    # A command that never started the app has nothing left to clean up once its
    # output is flushed: its files are written and closed. The interpreter's
    # teardown of every module and object would be a noticeable share of a small
    # journey's validate. The app (threads, the terminal) gets the usual, orderly exit.
    threading = sys.modules.get("threading")
    if "textual" in sys.modules or (threading is not None and threading.active_count() > 1):
        raise SystemExit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (BrokenPipeError, ValueError):
            pass  # a reader that went away (`| head`), or a closed stream
    import os

    os._exit(code)


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args))
    except UsageError as exc:
        error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        reader_gone()
        return EXIT_OK
