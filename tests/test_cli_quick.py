"""The quick parser reads the usual calls exactly as argparse would, and nothing else."""

from __future__ import annotations

import argparse
import contextlib
import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kunderejse_tui.cli import COMMANDS, quick
from kunderejse_tui.cli.parser import _command_parsers, build_parser, parse

SAMPLE = Path(__file__).parent.parent / "sample_journeys" / "bilkoeb-privat.journey.yaml"


def _full(argv: list[str]) -> dict[str, object] | None:
    """What the argparse route makes of argv, or None where it refuses."""
    try:
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            return vars(parse(list(argv)))
    except SystemExit:
        return None


def _quick(argv: list[str]) -> dict[str, object] | None:
    args = quick.parse(argv, COMMANDS)
    return None if args is None else vars(args)


def _command_parser(command: str) -> argparse.ArgumentParser:
    return _command_parsers(build_parser(only=quick.SPECS[command].module))[command]


@pytest.mark.parametrize("command", list(quick.SPECS))
def test_the_table_says_what_the_command_registers(command: str) -> None:
    spec = quick.SPECS[command]
    options: dict[str, tuple[str, tuple[str, ...] | None, bool]] = {}
    defaults: dict[str, object] = {}
    required: list[str] = []
    positionals = []
    for action in _command_parser(command)._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if not action.option_strings:
            positionals.append((action.dest, "1" if action.nargs is None else str(action.nargs)))
            if action.nargs == "?":
                defaults[action.dest] = action.default
            continue
        choices = tuple(action.choices) if action.choices is not None else None
        for flag in action.option_strings:
            options[flag] = (action.dest, choices, action.nargs != 0)
        if action.required:
            required.append(action.dest)
        else:
            defaults[action.dest] = action.default
    assert positionals == [spec.positional]
    assert options == spec.options
    assert defaults == spec.defaults
    assert tuple(required) == spec.required


COMMON_CALLS = [
    ["validate", "a.journey.yaml"],
    ["validate", "a.journey.yaml", "b.journey.yaml", "--format", "json"],
    ["validate", "--format=github", "--lang", "da", "journeys"],
    ["export", "a.journey.yaml", "--to", "markdown"],
    ["export", "--to", "mermaid-journey", "a.journey.yaml", "-o", "out.mmd", "--split"],
    ["export", "a.journey.yaml", "--to=markdown", "--persona", "kasper", "--anonymize"],
    ["export", "a.journey.yaml", "--to", "pptx", "-o", "a.pptx", "--template", "kunde.pptx"],
    ["export", "a.journey.yaml", "--to", "csv", "--table", "backlog", "--delimiter", "tab"],
    [],
    ["a.journey.yaml"],
    ["journeys", "--lang", "en"],
    ["open", "a.journey.yaml"],
]


@pytest.mark.parametrize("argv", COMMON_CALLS, ids=" ".join)
def test_the_usual_calls_take_the_quick_way_and_read_the_same(argv: list[str]) -> None:
    fast = _quick(argv)
    assert fast is not None
    assert fast == _full(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["validate"],  # argparse says what is missing
        ["validate", "--help"],
        ["--version"],
        ["validate", "a", "--form", "json"],  # an abbreviation: argparse knows it
        ["validate", "a", "--format", "yaml"],
        ["validate", "a", "--lang", "en", "b"],  # argparse refuses a broken run
        ["export", "a.journey.yaml"],  # --to is required
        ["export", "a", "b", "--to", "markdown"],
        ["export", "a", "--to", "markdown", "-o", "-"],
        ["export", "a", "--to", "markdown", "--split=yes"],
        ["validate", "--", "-odd-name.yaml"],
        ["fmt", "a.journey.yaml"],
        ["a", "b"],
        ["--lang=en", "validate"],  # the full parser routes this to validate
        ["--lang=da", "export", "a.journey.yaml"],
    ],
    ids=" ".join,
)
def test_anything_else_goes_to_argparse(argv: list[str]) -> None:
    assert _quick(argv) is None


# Words that trip parsers up: a lone dash, an empty word, a negative number, an
# option where a value should be.
ODD = ["-", "", "-1", "--split", "-h", "--form", "--", "yaml"]


@st.composite
def _calls(draw: st.DrawFn) -> list[str]:
    """Mostly well-formed calls of one command, in any order, some with an odd word."""
    command = draw(st.sampled_from([*quick.SPECS, "fmt"]))
    spec = quick.SPECS.get(command, quick.SPECS["open"])
    positionals = draw(st.sampled_from([["a.yaml"], ["a.yaml", "b"], [], ["validate"], ["export"]]))
    pieces: list[list[str]] = [[p] for p in positionals]
    flags = draw(st.lists(st.sampled_from(sorted(spec.options)), max_size=3))
    for flag in [*flags, *(f for f, o in spec.options.items() if o[0] in spec.required)]:
        _, choices, takes_value = spec.options[flag]
        if not takes_value:
            pieces.append(draw(st.sampled_from([[flag], [flag], [f"{flag}=1"]])))
            continue
        value = draw(st.sampled_from([*(choices or ("out.md", "kasper"))] * 3 + ODD))
        pieces.append(draw(st.sampled_from([[flag, value], [f"{flag}={value}"]])))
    if draw(st.integers(0, 3)) == 0:
        pieces.insert(draw(st.integers(0, len(pieces))), [draw(st.sampled_from(ODD))])
    pieces = draw(st.permutations(pieces))
    words = [w for piece in pieces for w in piece]
    return words if command == "open" and draw(st.booleans()) else [command, *words]


@settings(max_examples=600, derandomize=True, deadline=None)
@given(_calls())
def test_whatever_the_quick_parser_reads_argparse_reads_the_same(argv: list[str]) -> None:
    fast = _quick(argv)
    if fast is not None:
        assert fast == _full(argv)


def test_every_short_call_reads_the_same_both_ways() -> None:
    # All calls of up to three words from these: where the generated calls above
    # are many and long, these are all the short ones, orders and mistakes included.
    import itertools

    words = [
        "validate",
        "export",
        "open",
        "fmt",
        "a.yaml",
        "--lang=en",
        "--lang",
        "da",
        "--to=markdown",
        "-o",
    ]
    for n in range(4):
        for argv in itertools.product(words, repeat=n):
            fast = _quick(list(argv))
            if fast is not None:
                assert fast == _full(list(argv)), argv


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", str(SAMPLE)],
        ["export", str(SAMPLE), "--to", "markdown"],
        ["export", str(SAMPLE), "--to", "mermaid-journey"],
    ],
    ids=lambda a: " ".join(a[0:1] + a[2:]),
)
def test_validate_and_export_start_without_argparse(argv: list[str]) -> None:
    code = (
        "import sys, io, contextlib; from kunderejse_tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    code = main({argv!r})\n"
        "print(code, sorted(m for m in ('argparse', 'gettext', 'locale') if m in sys.modules))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "0 []"
