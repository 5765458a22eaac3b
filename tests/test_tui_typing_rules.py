"""Rules the type checker cannot enforce in the Textual layer (kunderejse_tui/tui).

1. No explicit ``Any``: beyond ``*args: Any`` / ``**kwargs: Any`` handed on to
   Textual, an ``Any`` switches the checker off for whatever flows through it
   (``app: Any`` once let ``self.app.no_such_method()`` pass).
2. No attribute written onto an object the code did not create: not onto a
   parameter (``screen._flag = False``), not onto the app or a screen reached
   from elsewhere (``app.action_x = f``, ``self.app.x = ...``), and no private
   attribute onto anything but ``self``. Objects talk through methods,
   messages and signals instead.

Journey data (JSON) is ``object`` here, read through the core's accessors
(``kunderejse_tui.journey.access``: ``as_dict``, ``as_list``, ``text``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TUI = Path(__file__).resolve().parents[1] / "kunderejse_tui" / "tui"

# The one place that writes Textual's binding map (no public hook; see its docstring).
WRITES_ALLOWED = {("key_descriptions.py", "node._bindings")}


def modules() -> list[Path]:
    return sorted(TUI.rglob("*.py"))


def _is_any(node: ast.AST) -> bool:
    return (isinstance(node, ast.Name) and node.id == "Any") or (
        isinstance(node, ast.Attribute) and node.attr == "Any"
    )


def explicit_any(tree: ast.AST) -> list[int]:
    """Lines that use ``Any``, leaving out ``*args: Any`` and ``**kwargs: Any``."""
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.arguments):
            for star in (node.vararg, node.kwarg):
                if star is not None and star.annotation is not None and _is_any(star.annotation):
                    allowed.add(id(star.annotation))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and any(a.name == "Any" for a in node.names):
            continue  # the import itself; each use is counted
        if _is_any(node) and id(node) not in allowed:
            lines.append(node.lineno)  # type: ignore[attr-defined]
        elif (  # string annotations ("dict[str, Any]") count too
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and "Any" in node.value
            and _annotation_text(node.value)
        ):
            lines.append(node.lineno)
    return lines


def _annotation_text(value: str) -> bool:
    try:
        parsed = ast.parse(value, mode="eval")
    except SyntaxError:
        return False
    return any(_is_any(n) for n in ast.walk(parsed))


def _attribute_chain(node: ast.expr) -> list[str]:
    names: list[str] = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        names.append(node.id)
    return list(reversed(names))


def _targets(target: ast.expr) -> list[ast.Attribute]:
    if isinstance(target, ast.Attribute):
        return [target]
    if isinstance(target, ast.Tuple | ast.List):
        return [a for element in target.elts for a in _targets(element)]
    if isinstance(target, ast.Starred):
        return _targets(target.value)
    return []


def foreign_writes(tree: ast.Module) -> list[tuple[int, str]]:
    """``x.attr = ...`` onto objects handed in or reached from elsewhere.

    A parameter whose annotation is a class of the same module is the module's
    own record (the interview's answer slots), so it may be written.
    """
    own = {n.name for n in tree.body if isinstance(n, ast.ClassDef)}
    found: list[tuple[int, str]] = []
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        args = func.args
        every = [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]
        params = {
            a.arg
            for a in every
            if a is not None and not (isinstance(a.annotation, ast.Name) and a.annotation.id in own)
        } - {"self", "cls"}
        for node in ast.walk(func):
            targets: list[ast.expr] = []
            if isinstance(node, ast.Assign):
                targets = list(node.targets)
            elif isinstance(node, ast.AugAssign | ast.AnnAssign):
                targets = [node.target]
            for target in targets:
                for t in _targets(target):
                    chain = _attribute_chain(t.value)
                    where = ".".join([*chain, t.attr])
                    if not chain:
                        continue
                    handed_in = chain[0] in params
                    app_or_screen = "app" in chain or "screen" in chain
                    private = t.attr.startswith("_") and chain != ["self"]
                    if handed_in or app_or_screen or private:
                        found.append((t.lineno, where))
    return found


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(TUI)))
def test_no_explicit_any(path: Path) -> None:
    lines = explicit_any(ast.parse(path.read_text(encoding="utf-8")))
    assert lines == [], f"{path.relative_to(TUI)}: Any on lines {lines}"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(TUI)))
def test_no_attribute_written_onto_foreign_objects(path: Path) -> None:
    name = str(path.relative_to(TUI))
    writes = foreign_writes(ast.parse(path.read_text(encoding="utf-8")))
    writes = [(line, w) for line, w in writes if (name, w) not in WRITES_ALLOWED]
    assert writes == [], f"{name}: {writes}"


def test_the_rules_catch_what_they_are_for() -> None:
    bad = ast.parse(
        "from typing import Any\n"
        "def install(app, screen):\n"
        "    app.action_take_over = print\n"
        "    screen._safety_copy_pending = False\n"
        "class S:\n"
        "    application: Any\n"
        "    def f(self, *args: Any, **kwargs: Any) -> None:\n"
        "        self.app.x = 1\n"
        "        self.ok = 1\n"
    )
    assert explicit_any(bad) == [6]
    assert [line for line, _ in foreign_writes(bad)] == [3, 4, 8]
