"""Strict loading: every rejection with its code, line and column; YAML 1.2 scalars."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kunderejse_tui.journey.problems import JourneyLoadError
from kunderejse_tui.journey.yamlio import MAX_BYTES, load_file, load_text

HEAD = "format: kunderejse/1\nid: x\ntitle: T\n"


def rejection(source: str | bytes) -> tuple[str, int, int, str]:
    with pytest.raises(JourneyLoadError) as info:
        load_text(source, "j.journey.yaml")
    p = info.value.problems[0]
    assert p.file == "j.journey.yaml"
    assert p.message("en") and p.message("da") and p.message("en") != p.message("da")
    return p.code, p.line, p.col, p.message("en")


@pytest.mark.parametrize(
    ("source", "code", "line", "col", "words"),
    [
        (
            HEAD + "stages: []\ntitle: Igen\n",
            "L013",
            5,
            1,
            "duplicate key 'title' (first at line 3)",
        ),
        (
            HEAD + "stages:\n  - id: a\n    name: A\n    name: B\n",
            "L013",
            7,
            5,
            "duplicate key 'name'",
        ),
        (HEAD + "stages: &s []\n", "L011", 4, 9, "anchor &s"),
        (HEAD + "x-a: &a 1\nx-b: *a\nstages: []\n", "L011", 4, 6, "anchor &a"),
        (HEAD + "stages: !!python/object/apply:os.system [ls]\n", "L012", 4, 9, "python/object"),
        (HEAD + "stages: []\nx-b: !!binary aGVq\n", "L012", 5, 6, "binary"),
        (HEAD + "stages: []\nx-s: !!set {a}\n", "L012", 5, 6, "set"),
        (HEAD + "stages: []\nx-t: !!timestamp 2024-01-01\n", "L012", 5, 6, "timestamp"),
        (HEAD + "stages: []\nx-c: !custom 1\n", "L012", 5, 6, "!custom"),
        (HEAD + "stages: []\n1: one\n", "L014", 5, 1, "key 1 is not a string"),
        (HEAD + "stages: []\ntrue: yes\n", "L014", 5, 1, "is not a string"),
        (HEAD + "stages: []\n? [a, b]\n: c\n", "L014", 5, 3, "not a string"),
        (HEAD + "stages:\n\t- id: a\n", "L009", 5, 1, "tab"),
        (HEAD + "stages: []\n---\nid: y\n", "L010", 5, 1, "second YAML document"),
        ("<<<<<<< HEAD\nid: a\n=======\nid: b\n>>>>>>> main\n", "L006", 1, 1, "merge conflict"),
        (
            HEAD + "stages:\n<<<<<<< ours\n  - id: a\n=======\n  - id: b\n>>>>>>> theirs\n",
            "L006",
            5,
            1,
            "resolve the merge conflict first",
        ),
        ("", "L002", 1, 1, "empty"),
        ("\n  \n", "L002", 1, 1, "empty"),
        ("# only a comment\n", "L002", 1, 1, "no YAML document"),
        ("- a\n- b\n", "L015", 1, 1, "top level must be a mapping"),
        ("just text\n", "L015", 1, 1, "mapping"),
        (HEAD + "stages: []\nx: a\x00b\n", "L004", 5, 5, "NUL"),
        (HEAD + "stages: []\nx: a\x1bb\n", "L004", 5, 5, "U+001B"),
        (HEAD + "stages: []\nx: a\rb\n", "L004", 5, 5, "carriage return"),
        (HEAD + "stages: []\nx: a\x85b\n", "L018", 5, 5, "U+0085"),
        (HEAD + "stages: []\nx: a\u2028b\n", "L018", 5, 5, "U+2028"),
        (HEAD + 'stages: []\nx: "\\ud800"\n', "L008", 5, 7, "invalid YAML"),
        (HEAD + "stages: []\nx: a\ud800b\n", "L005", 5, 5, "lone surrogate"),
        ("format: kunderejse/2\nid: x\ntitle: T\nstages: []\n", "L016", 1, 1, "kunderejse/2"),
        (HEAD + "stages: [\n", "L008", 5, 1, "invalid YAML"),
        (HEAD + "stages: a: b\n", "L008", 4, 10, "mapping values are not allowed"),
    ],
)
def test_rejections_name_code_line_and_column(
    source: str, code: str, line: int, col: int, words: str
) -> None:
    got = rejection(source)
    assert got[:3] == (code, line, col), got
    assert words in got[3]


def test_every_odd_character_is_refused_where_it_stands() -> None:
    # The prescan first asks whether the text is printable but for line feeds and
    # tabs; each character of the exact classes must make that ask fail.
    import re

    from kunderejse_tui.journey.yamlio import _BAD_CHAR, _LINE_SEP

    odd = [
        chr(c)
        for c in range(0x110000)
        if re.fullmatch(f"{_BAD_CHAR.pattern}|{_LINE_SEP.pattern}", chr(c))
    ]
    # Cc but tab and line feed, the surrogates, U+FFFE/U+FFFF, U+2028/U+2029.
    assert len(odd) == 63 + 2048 + 2 + 2
    for ch in odd:
        got = rejection(HEAD + f"stages: []\nx: æ{ch}\tø\n")
        assert got[:3] == (
            "L018" if _LINE_SEP.fullmatch(ch) else "L005" if "\ud800" <= ch <= "\udfff" else "L004",
            5,
            5,
        ), (hex(ord(ch)), got)


def test_unusual_but_allowed_characters_load() -> None:
    # No-break space, zero-width joiner, private use: not printable, not refused.
    text = HEAD + 'stages: []\nx: "a\u00a0b\u200dc\ue000\tz"\n'
    assert load_text(text).data["x"] == "a\u00a0b\u200dc\ue000\tz"


def test_non_utf8_bytes_point_at_the_byte() -> None:
    raw = (HEAD + "stages: []\nx: Bl\xe5b\xe6r\n").encode("latin-1")
    code, line, col, message = rejection(raw)
    assert (code, line, col) == ("L003", 5, 6)
    assert "0xE5" in message and "UTF-8" in message


def test_utf8_encoded_surrogate_bytes_are_refused() -> None:
    raw = (HEAD + "stages: []\nx: ").encode() + b"\xed\xa0\x80\n"
    assert rejection(raw)[:3] == ("L003", 5, 4)


def test_utf16_is_refused() -> None:
    assert rejection((HEAD + "stages: []\n").encode("utf-16"))[0] == "L003"


def test_size_cap_before_parsing() -> None:
    code, *_ = rejection(b"#" * (MAX_BYTES + 1))
    assert code == "L001"


def test_size_cap_from_disk_does_not_read_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.journey.yaml"
    with big.open("wb") as fh:
        fh.truncate(MAX_BYTES + 10)
    monkeypatch.setattr("pathlib.Path.read_bytes", lambda self: pytest.fail("read the file"))
    with pytest.raises(JourneyLoadError) as info:
        load_file(big)
    assert info.value.problems[0].code == "L001"


@pytest.mark.parametrize("levels", [200, 100_000])
def test_deep_flow_nesting_is_refused_without_crashing(levels: int) -> None:
    text = HEAD + "x-deep: " + "[" * levels + "]" * levels + "\nstages: []\n"
    code, line, col, _ = rejection(text)
    assert (code, line) == ("L007", 4)
    # The root mapping is level 1, so the 64th bracket (column 9 + 63) is one too many.
    assert col == 9 + 63


def test_deep_block_nesting_is_refused() -> None:
    lines = [HEAD + "stages: []"]
    for depth in range(100):
        lines.append("  " * depth + f"k{depth}:")
    lines.append("  " * 100 + "v")
    assert rejection("\n".join(lines) + "\n")[0] == "L007"


def test_alias_bomb_is_refused_quickly() -> None:
    rows = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    rows += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    code, line, col, _ = rejection("\n".join(rows) + "\n")
    assert (code, line, col) == ("L011", 1, 5)


def test_all_duplicate_keys_are_reported_at_once() -> None:
    with pytest.raises(JourneyLoadError) as info:
        load_text(HEAD + "stages: []\nid: y\ntitle: U\n")
    assert [(p.code, p.line) for p in info.value.problems] == [("L013", 5), ("L013", 6)]


@pytest.mark.parametrize(
    ("plain", "value"),
    [
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("1:30", "1:30"),
        ("2026-11-03", "2026-11-03"),
        ("0755", 755),
        ("0o17", 15),
        ("0x1F", 31),
        ("1.10", 1.1),
        ("-3", -3),
        (".5", 0.5),
        ("1e3", 1000.0),
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("FALSE", False),
        ("~", None),
        ("null", None),
        ("Null", None),
        ("", None),
        ("1_000", "1_000"),
        ("0b101", "0b101"),
        (".inf", float("inf")),
        ("-.Inf", float("-inf")),
        ("<<", "<<"),
    ],
)
def test_plain_scalars_follow_yaml_1_2_core(plain: str, value: object) -> None:
    data = load_text(f"{HEAD}stages: []\nx-v: {plain}\n").data
    assert data["x-v"] == value
    assert type(data["x-v"]) is type(value)


# The YAML 1.2 core schema's rules as the spec writes them (10.3.2), tried in order.
CORE_12 = [
    ("bool", r"true|True|TRUE|false|False|FALSE"),
    ("null", r"~|null|Null|NULL|"),
    ("int", r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"),
    (
        "float",
        r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
    ),
]
NUMBERISH = st.text(alphabet="0123456789+-.eExXoOabfinINFNaA_: ", max_size=8)


@settings(max_examples=1500, derandomize=True, deadline=None)
@given(
    st.one_of(
        NUMBERISH,
        st.sampled_from(["true", "NULL", "~", "nan", ".NaN", "-.inf", "0o8", "-٣", "2²"]),
        st.text(max_size=6),
    )
)
def test_plain_scalars_resolve_as_the_core_schema_says(plain: str) -> None:
    import re

    from yaml.nodes import ScalarNode

    from kunderejse_tui.journey.yamlio import _Loader

    want = next(
        (f"tag:yaml.org,2002:{tag}" for tag, rule in CORE_12 if re.fullmatch(rule, plain)),
        "tag:yaml.org,2002:str",
    )
    assert _Loader.resolve(None, ScalarNode, plain, (True, False)) == want  # type: ignore[arg-type]


def test_yaml_1_2_keys_are_strings() -> None:
    data = load_text(HEAD + "stages: []\non: 1\nno: 2\n2026-01-02: 3\n").data
    assert data["on"] == 1 and data["no"] == 2 and data["2026-01-02"] == 3


def test_bom_and_crlf_are_accepted_and_remembered() -> None:
    raw = b"\xef\xbb\xbf" + (HEAD + "stages: []\n").replace("\n", "\r\n").encode()
    loaded = load_text(raw, "w.journey.yaml")
    assert loaded.bom is True
    assert loaded.newline == "\r\n"
    assert loaded.data["title"] == "T"
    assert loaded.locate(("title",)) == (3, 1)


def test_locate_points_at_keys_items_and_falls_back_to_ancestors() -> None:
    text = (
        HEAD
        + "stages:\n"
        + "  - id: attract\n"
        + "    name: Tiltræk\n"
        + "    touchpoints:\n"
        + "      - id: fb\n"
        + "        name: Annonce på Facebook\n"
        + "        emotion: 7\n"
    )
    loaded = load_text(text)
    assert loaded.locate(("stages", 0, "touchpoints", 0, "emotion")) == (10, 9)
    assert loaded.locate(("stages", 0, "touchpoints", 0)) == (8, 9)
    assert loaded.locate(("stages", 0, "name")) == (6, 5)
    # A missing key points at the item that should have held it.
    assert loaded.locate(("stages", 0, "messaging")) == (5, 5)
    assert loaded.locate(("stages", 5)) == (5, 3)  # the list itself


def test_columns_count_characters_not_bytes() -> None:
    loaded = load_text(HEAD + "stages: []\nx-æøå: {bæ: 1, ø: 2}\n")
    node_line, node_col = loaded.locate(("x-æøå", "ø"))
    assert (node_line, node_col) == (5, 16)


def test_comments_are_detected_but_hash_in_text_is_not_a_comment() -> None:
    schema = "# yaml-language-server: $schema=../schemas/journey.schema.json\n"
    clean = load_text(
        schema + HEAD + 'stages: []\nx-a: "Kampagne #1"\nx-b: |\n  # ikke en kommentar\nx-c: a#b\n'
    )
    assert clean.schema_line == schema.strip()
    assert clean.has_comments is False
    assert load_text(HEAD + "stages: []  # kommentar\n").has_comments is True
    assert load_text("# top\n" + HEAD + "stages: []\n").has_comments is True


def test_unreadable_paths_are_problems_not_tracebacks(tmp_path: Path) -> None:
    for path, words in [(tmp_path / "nope.yaml", "no such file"), (tmp_path, "directory")]:
        with pytest.raises(JourneyLoadError) as info:
            load_file(path)
        assert info.value.problems[0].code == "L017"
        assert words in info.value.problems[0].message("en")
