"""The core never imports Textual: the CLI and the TUI are thin layers over it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "kunderejse_tui" / "journey"


def test_no_core_module_imports_textual_in_its_source() -> None:
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {n}" for n in names if n.split(".")[0] in {"textual", "rich"}
            ]
    assert offenders == []


def test_importing_every_core_module_does_not_load_textual() -> None:
    modules = sorted(
        "kunderejse_tui.journey." + ".".join(p.relative_to(CORE).with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if p.name != "__init__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
    assert len(modules) > 10


def test_the_cli_does_not_load_textual_for_validate() -> None:
    code = (
        "import sys\nfrom kunderejse_tui.cli import main\n"
        "main(['validate', 'sample_journeys'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('textual')))\n"
    )
    repo = CORE.parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=repo)
    assert out.stdout.strip().endswith("[]")
