"""Counted words are Plurals: "1 felt" / "2 felter", never "felt(er)" or "1 advarsler".

Scans the whole catalog (and the code, for words that never reached it) so that a
new message with a count cannot slip in as a plain pair.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kunderejse_tui.journey.i18n import Message, Plural, t
from kunderejse_tui.journey.i18n.catalog import all_messages

PACKAGE = Path(__file__).resolve().parents[1] / "kunderejse_tui"
# "felt(er)", "fil(er)", "answer(s)", "besvarelse(r)": both forms at once.
BOTH_FORMS = re.compile(r"[^\W\d_]\((?:er|e|s|r|en|ne|erne|ene)\)")
# A bare count right before a word that would change with it. (Placeholders such as
# {files} or {answers} hold a counted phrase read from a Plural: "{files} tjekket".)
COUNTED = re.compile(r"\{(n|count)\} ([^\W\d_]+)")
# Words after a count that do not change with it: "Side {n} af {of}", "+{n} mere",
# "Fund {i} af {n} for ...", "{n} uden samtykke", "Højst {n} ad gangen" (at a time).
NOT_COUNTED = {"af", "of", "mere", "more", "for", "uden", "without", "ad", "at"}


def _forms(value: tuple[str, str] | Plural) -> list[str]:
    if isinstance(value, Plural):
        return [*value.da, *value.en]
    return list(value)


def test_no_message_writes_both_forms_at_once() -> None:
    wrong = [
        (key, text)
        for key, value in all_messages().items()
        for text in _forms(value)
        if BOTH_FORMS.search(text)
    ]
    assert wrong == []


def test_a_count_followed_by_a_counted_word_is_a_plural() -> None:
    wrong = []
    for key, value in all_messages().items():
        if isinstance(value, Plural):
            continue
        for text in value:
            for m in COUNTED.finditer(text):
                if m.group(2).casefold() not in NOT_COUNTED:
                    wrong.append((key, text))
    assert wrong == []


def test_the_scans_catch_what_they_are_for() -> None:
    assert BOTH_FORMS.search("Du har ændret 2 felt(er)")
    assert BOTH_FORMS.search("3 answer(s)")
    tree = ast.parse('"""The persona(s)."""\ndef f():\n    """Doc(s)."""\n    return "fil(er)"\n')
    docstrings = _docstrings(tree)
    assert [
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and id(n) in docstrings
    ] == [
        "The persona(s).",
        "Doc(s).",
    ]
    assert not BOTH_FORMS.search("Ændringer (3)")
    m = COUNTED.search("⚠ {n} advarsler")
    assert m is not None and m.group(2) not in NOT_COUNTED
    assert all(m.group(2) in NOT_COUNTED for m in COUNTED.finditer("Side {n} af {of} · +{n} mere"))


def _docstrings(tree: ast.Module) -> set[int]:
    """Docstrings are for developers, never shown to a user: "persona(s)" may stay."""
    owners = [
        tree,
        *(
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        ),
    ]
    return {
        id(owner.body[0].value)
        for owner in owners
        if owner.body
        and isinstance(owner.body[0], ast.Expr)
        and isinstance(owner.body[0].value, ast.Constant)
        and isinstance(owner.body[0].value.value, str)
    }


def _string_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_code_writes_both_forms_at_once() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "schema_validator.py":  # generated from the schema
            continue
        for line, value in _string_literals(path):
            if BOTH_FORMS.search(value):
                wrong.append(f"{path.relative_to(PACKAGE)}:{line}: {value!r}")
    assert wrong == []


@pytest.mark.parametrize(
    ("key", "da", "en"),
    [
        ("home.warnings", ("⚠ 1 advarsel", "⚠ 2 advarsler"), ("⚠ 1 warning", "⚠ 2 warnings")),
        ("home.errors", ("✗ 1 fejl", "✗ 2 fejl"), ("✗ 1 error", "✗ 2 errors")),
        ("map.n_warnings", ("1 advarsel", "2 advarsler"), ("1 warning", "2 warnings")),
        ("search.count", ("1 fund", "2 fund"), ("1 hit", "2 hits")),
        ("iv.badge.answers", ("1 svar", "2 svar"), ("1 answer", "2 answers")),
        ("iv.n.interviews", ("1 interview", "2 interviews"), ("1 interview", "2 interviews")),
        (
            "map.content",
            ("Indhold: 1 stk.", "Indhold: 2 stk."),
            ("Content: 1 item", "Content: 2 items"),
        ),
        ("cli.validate.files", ("1 fil", "2 filer"), ("1 file", "2 files")),
    ],
)
def test_counted_messages_read_right_for_one_and_for_more(
    key: str, da: tuple[str, str], en: tuple[str, str]
) -> None:
    assert (t("da", key, n=1), t("da", key, n=2)) == da
    assert (t("en", key, n=1), t("en", key, n=2)) == en


def test_the_core_counts_list_items_in_words() -> None:
    one = Message("edit.no_such_index", path="stages[3]", n=1)
    assert one.text("da") == "stages[3] findes ikke (listen har 1 element)"
    assert (
        Message("edit.no_such_index", path="x", n=4).text("en").endswith("(the list has 4 items)")
    )
