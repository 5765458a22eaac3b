"""``kunderejse serve [FILE|DIR]``: the workshop app in a browser (the ``serve`` extra)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kunderejse_tui.cli.common import UsageError

# Each app process is a Python interpreter with Textual (some 60-80 MB and a
# share of a core while it draws): eight fit a two-core laptop with room to spare.
DEFAULT_MAX_SESSIONS = 8
# How long an app waits for its tab to come back after the link dropped.
DEFAULT_GRACE = 120.0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "serve",
        help="serve the app in a browser: an editor link and a viewer link",
        description="Serve the app to browsers (textual-serve). Prints two links with "
        "random tokens: the editor link edits as the app does; the viewer link shows the "
        "journey read-only and follows the file live. Runs until ctrl+c, which ends every "
        "app process it started.",
    )
    p.add_argument(
        "path",
        nargs="?",
        default=".",
        metavar="FILE|DIR",
        help="the journey or folder to serve; sessions cannot leave its folder (default: .)",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0: any free port)")
    p.add_argument(
        "--public-url",
        metavar="URL",
        default=None,
        help="the address participants use, e.g. a tunnel's https://... (the links and "
        "the websocket are built from it)",
    )
    p.add_argument(
        "--max-sessions",
        type=int,
        default=DEFAULT_MAX_SESSIONS,
        metavar="N",
        help=f"at most N app processes at once, one per browser tab (default: {DEFAULT_MAX_SESSIONS})",
    )
    p.add_argument(
        "--reconnect-grace",
        type=float,
        default=DEFAULT_GRACE,
        metavar="SECONDS",
        help="how long a tab's app waits for it after the link dropped "
        f"(default: {DEFAULT_GRACE:.0f})",
    )
    p.add_argument(
        "--no-token",
        action="store_true",
        help="links without a token (only on a loopback address)",
    )
    p.add_argument("--lang", choices=["da", "en"], default=None, help="language of the app")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kunderejse_tui.journey.i18n import t

    lang = args.lang or "da"
    path = Path(args.path)
    if not path.exists():
        raise UsageError(t(lang, "serve.no_such_path", path=str(args.path)))
    if args.max_sessions < 1:
        raise UsageError(t(lang, "serve.bad_max_sessions"))
    if args.reconnect_grace < 0:
        raise UsageError(t(lang, "serve.bad_grace"))
    if not 0 <= args.port <= 65535:
        raise UsageError(t(lang, "serve.bad_port", port=args.port))
    if args.public_url is not None and not args.public_url.startswith(("http://", "https://")):
        raise UsageError(t(lang, "serve.bad_public_url", url=args.public_url))
    try:
        from kunderejse_tui.serve.server import WorkshopServer, is_loopback
    except ModuleNotFoundError as exc:
        if exc.name not in {"aiohttp", "textual_serve"}:
            raise
        raise UsageError(t(lang, "serve.missing_extra")) from None
    from kunderejse_tui.serve.tokens import Role, Tokens

    if args.no_token and not is_loopback(args.host):
        raise UsageError(t(lang, "serve.public_host_needs_token", host=args.host))
    tokens = Tokens.plain() if args.no_token else Tokens.new()
    served = path.resolve()
    confine = served if served.is_dir() else served.parent

    def argv(role: Role) -> list[str]:
        command = [sys.executable, "-m", "kunderejse_tui", "open", "--confine", str(confine)]
        if role == "viewer":
            command.append("--viewer")
        if args.lang:
            command += ["--lang", args.lang]
        return [*command, "--", str(served)]

    def say(line: str) -> None:
        print(line, flush=True)

    server = WorkshopServer(
        tokens=tokens,
        argv=argv,
        host=args.host,
        port=args.port,
        lang=lang,
        public_url=args.public_url,
        max_sessions=args.max_sessions,
        grace=args.reconnect_grace,
        say=say,
    )

    def ready(port: int) -> None:
        host = f"[{args.host}]" if ":" in args.host else args.host
        base = (args.public_url or f"http://{host}:{port}").rstrip("/")
        say(t(lang, "serve.serving", path=str(served)))
        say(t(lang, "serve.editor_url", url=f"{base}/{tokens.editor}/"))
        say(t(lang, "serve.viewer_url", url=f"{base}/{tokens.viewer}/"))
        if args.no_token:
            say(t(lang, "serve.no_token_warning"))
        say(t(lang, "serve.stop_hint", n=args.max_sessions))

    import asyncio
    import logging

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    try:
        asyncio.run(server.run(ready))
    except OSError as exc:
        raise UsageError(
            t(lang, "serve.port_taken", host=args.host, port=args.port, error=exc.strerror or exc)
        ) from None
    return 0
