"""The usual calls of ``validate``, ``export`` and ``open``, parsed without argparse.

On a small journey most of what ``kunderejse validate`` costs is start-up, and
argparse with gettext and locale is several milliseconds of it. A plain, well-formed
call (``validate PATH... [--format F] [--lang L]``, ``export FILE --to F [-o OUT]``,
``kunderejse FILE``) is read here; anything else (help, a mistake, an abbreviated
option, ``--``) returns None and the full parser deals with it, messages and all.

The table below must say what the commands' ``register`` functions say; tests hold
the two equal, and hold that whatever this module accepts, argparse reads the same.
"""

from __future__ import annotations

import types

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    # A positional: its dest and how many values it takes ("1", "?" or "+").
    # An option: its dest, its choices (None: any value) and whether it takes a value.
    _Positional = tuple[str, str]
    _Option = tuple[str, tuple[str, ...] | None, bool]


class Spec:
    """One command as the quick parser knows it."""

    __slots__ = ("defaults", "module", "options", "positional", "required")

    def __init__(
        self,
        module: str,
        positional: _Positional,
        options: dict[str, _Option],
        defaults: dict[str, object],
        required: tuple[str, ...] = (),
    ) -> None:
        self.module = module
        self.positional = positional
        self.options = options
        self.defaults = defaults
        self.required = required


LANGS_EN_DA = ("en", "da")
LANGS_DA_EN = ("da", "en")

SPECS: dict[str, Spec] = {
    "validate": Spec(
        "validate",
        ("paths", "+"),
        {
            "--format": ("format", ("text", "json", "github"), True),
            "--lang": ("lang", LANGS_EN_DA, True),
        },
        {"format": "text", "lang": None},
    ),
    "export": Spec(
        "export",
        ("file", "1"),
        {
            "--to": (
                "to",
                (
                    "markdown",
                    "mermaid-journey",
                    "mermaid-flowchart",
                    "svg",
                    "png",
                    "pdf",
                    "html",
                    "pptx",
                    "docx",
                    "xlsx",
                    "csv",
                ),
                True,
            ),
            "-o": ("output", None, True),
            "--output": ("output", None, True),
            "--lang": ("lang", LANGS_DA_EN, True),
            "--persona": ("persona", None, True),
            "--include-unconsented": ("include_unconsented", None, False),
            "--anonymise": ("anonymise", None, False),
            "--anonymize": ("anonymise", None, False),
            "--split": ("split", None, False),
            "--paper": ("paper", ("a4", "a3", "a2"), True),
            "--lanes": ("lanes", None, True),
            "--compare": ("compare", None, True),
            "--template": ("template", None, True),
            "--table": ("table", ("touchpoints", "backlog", "interviews", "personas"), True),
            "--delimiter": ("delimiter", None, True),
        },
        {
            "output": None,
            "lang": None,
            "persona": None,
            "include_unconsented": False,
            "anonymise": False,
            "split": False,
            "paper": "a3",
            "lanes": None,
            "compare": None,
            "template": None,
            "table": None,
            "delimiter": None,
        },
        required=("to",),
    ),
    "open": Spec(
        "open_cmd",
        ("path", "?"),
        {"--lang": ("lang", LANGS_DA_EN, True)},
        {"path": ".", "lang": None},
    ),
}


def parse(argv: Sequence[str], commands: dict[str, str]) -> types.SimpleNamespace | None:
    """What argparse would make of ``argv`` (the arguments after ``kunderejse``), or
    None when the call is not one of the plain ones. ``commands`` are all the
    command names: anything else first means ``open``, as in the full parser."""
    if argv and argv[0] in commands:
        command, rest = argv[0], argv[1:]
    elif next((a for a in argv if not a.startswith("-")), None) in commands:
        # `--lang=da export`: the full parser routes it to `export` (and refuses it).
        return None
    else:
        command, rest = "open", argv
    spec = SPECS.get(command)
    if spec is None:
        return None
    values = _read(spec, rest)
    if values is None:
        return None
    from importlib import import_module

    module = import_module(f"kunderejse_tui.cli.{spec.module}")
    return types.SimpleNamespace(command=command, **values, func=module.run)


def _read(spec: Spec, tokens: Sequence[str]) -> dict[str, object] | None:
    values = dict(spec.defaults)
    dest, nargs = spec.positional
    found: list[str] = []
    run_ended = False  # argparse takes the positionals from one unbroken run only
    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if not token:
            return None
        if token[0] != "-":
            if run_ended:
                return None
            found.append(token)
            continue
        if found:
            run_ended = True
        name, eq, value = token.partition("=") if token.startswith("--") else (token, "", "")
        option = spec.options.get(name)
        if option is None:
            return None
        option_dest, choices, takes_value = option
        if not takes_value:
            if eq:
                return None
            values[option_dest] = True
            continue
        if not eq:
            if i == len(tokens):
                return None
            value = tokens[i]
            i += 1
        if not value or value[0] == "-" or (choices is not None and value not in choices):
            return None
        values[option_dest] = value
    if any(values.get(r) is None for r in spec.required):
        return None
    if nargs == "+":
        if not found:
            return None
        values[dest] = found
    elif nargs == "1":
        if len(found) != 1:
            return None
        values[dest] = found[0]
    elif len(found) > 1:
        return None
    elif found:
        values[dest] = found[0]
    return values
