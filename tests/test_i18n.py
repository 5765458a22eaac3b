"""The catalog: every message in both languages, with the same placeholders."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kunderejse_tui.journey.i18n import Message, Plural, decimal, integer, t
from kunderejse_tui.journey.i18n.catalog import CORE_AREAS, TABLES, UI_TABLES, Entry, table

PACKAGE = Path(__file__).resolve().parents[1] / "kunderejse_tui"


def _placeholders(text: str) -> list[str]:
    # A sentence may show a placeholder twice in one language only ('quote it ("{key}")').
    return sorted(set(re.findall(r"{(\w*)[^{}]*}", text)))


def untranslated(messages: dict[str, Entry]) -> list[str]:
    """What is wrong with a table: a text missing, or placeholders that differ."""
    wrong = []
    for key, value in messages.items():
        if isinstance(value, Plural):
            forms = {"da one": value.da[0], "da other": value.da[1]}
            forms |= {"en one": value.en[0], "en other": value.en[1]}
        else:
            forms = {"da": value[0], "en": value[1]}
        if any(not isinstance(text, str) or not text.strip() for text in forms.values()):
            wrong.append(f"{key}: a language is missing")
        elif isinstance(value, Plural) and any("{n}" not in text for text in forms.values()):
            wrong.append(f"{key}: a plural form does not show {{n}}")
        elif len({tuple(_placeholders(text)) for text in forms.values()}) > 1:
            wrong.append(f"{key}: the placeholders differ")
    return wrong


@pytest.mark.parametrize("name", TABLES)
def test_every_message_exists_in_both_languages(name: str) -> None:
    assert table(name)
    assert untranslated(table(name)) == []


def test_a_message_without_a_translation_is_caught() -> None:
    assert untranslated({"edit.new": ("Ny besked", "")}) == ["edit.new: a language is missing"]
    assert untranslated({"edit.new": ("{name} findes", "{path} exists")}) == [
        "edit.new: the placeholders differ"
    ]
    one_form = Plural(da=("{n} fil", "{n} filer"), en=("{n} file", "  "))
    assert untranslated({"cli.files": one_form}) == ["cli.files: a language is missing"]
    fixed = Plural(da=("1 fil", "{n} filer"), en=("1 file", "{n} files"))
    assert untranslated({"cli.files": fixed}) == ["cli.files: a plural form does not show {n}"]


def test_each_id_lives_in_the_table_its_area_names() -> None:
    ui = {key for name in UI_TABLES for key in table(name)}
    assert sum(len(table(name)) for name in UI_TABLES) == len(ui), "an app id defined twice"
    assert not {key.partition(".")[0] for key in ui} & set(CORE_AREAS)
    for name in set(CORE_AREAS.values()):
        assert {CORE_AREAS.get(key.partition(".")[0]) for key in table(name)} == {name}


def _literal_ids(path: Path) -> list[tuple[int, str]]:
    """Ids written as a literal in calls to t, tr, self.t and Message."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        args = node.args
        if name in ("t", "tr") and len(args) >= 2:
            first = args[1]
        elif name in ("Message", "EditError") and args:
            first = args[0]
        else:
            continue
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.append((node.lineno, first.value))
    return found


def test_every_id_the_code_names_is_in_the_catalog() -> None:
    known = {key for name in TABLES for key in table(name)}
    missing = [
        f"{path.relative_to(PACKAGE)}:{line}: {key}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line, key in _literal_ids(path)
        if "." in key and key not in known
    ]
    assert missing == []


def test_plurals_pick_the_form_by_count() -> None:
    assert t("da", "ed.discard.body", n=1) == "Du har ændret 1 felt i formularen."
    assert t("da", "ed.discard.body", n=2) == "Du har ændret 2 felter i formularen."
    assert t("da", "ed.discard.body", n=0) == "Du har ændret 0 felter i formularen."
    assert t("en", "ed.discard.body", n=1) == "You have changed 1 field in this form."
    assert t("en", "ed.discard.body", n=1234) == "You have changed 1,234 fields in this form."
    assert t("da", "ed.discard.body", n=1234) == "Du har ændret 1.234 felter i formularen."


def test_numbers_are_written_the_languages_way() -> None:
    assert (integer("da", 1234567), integer("en", 1234567)) == ("1.234.567", "1,234,567")
    assert (integer("da", 999), integer("en", -1234)) == ("999", "-1,234")
    assert (decimal("da", 3.7), decimal("en", 3.7)) == ("3,7", "3.7")
    assert (decimal("da", 1234.5), decimal("en", 1234.25, 2)) == ("1.234,5", "1,234.25")


def test_a_message_is_translated_when_read_with_its_arguments() -> None:
    inner = Message("ed.discard.body", n=3)
    assert inner == Message("ed.discard.body", n=3) != Message("ed.discard.body", n=4)
    assert len({inner, Message("ed.discard.body", n=3)}) == 1
    assert inner.text("da") == "Du har ændret 3 felter i formularen."
    assert inner.text("en") == "You have changed 3 fields in this form."
    with pytest.raises(AttributeError):
        inner.key = "other"


def test_ids_made_from_data_are_in_the_catalog() -> None:
    """Ids built at run time (f"problem.kind.{kind}") escape the literal-id test above."""
    from kunderejse_tui.journey.export.labels import FACES
    from kunderejse_tui.journey.wording import QUESTION_IDS, TEMPLATE_IDS

    made = [f"wording.question.{qid}" for qid in QUESTION_IDS]
    made += [f"wording.template.{tid}" for tid in TEMPLATE_IDS]
    made += [f"export.emotion.{score}" for score in FACES]
    made += [f"problem.kind.{k}" for k in ("persona", "stage", "touchpoint", "interview")]
    made += ["problem.kind.question"]
    made += [f"problem.noun.{k}" for k in ("persona", "stage", "interview", "touchpoint")]
    made += ["problem.noun.question", "problem.noun.answer"]
    made += [f"problem.type.{n}" for n in ("string", "integer", "number", "boolean")]
    made += [f"problem.type.{n}" for n in ("array", "object", "null")]
    known = {key for name in TABLES for key in table(name)}
    assert [key for key in made if key not in known] == []
    bank = [key for key in table("wording") if key.startswith("wording.question.")]
    assert bank == [f"wording.question.{qid}" for qid in QUESTION_IDS], "same ids, same order"
