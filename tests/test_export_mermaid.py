"""The Mermaid exports' structure and escaping rules (the render test proves them in
real Mermaid; these pin the rules and run without a browser)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kunderejse_tui.journey.export import (
    MAX_EDGES,
    MAX_TEXT_SIZE,
    UnknownPersonaError,
    check_mermaid_limits,
    export_mermaid_flowchart,
    export_mermaid_flowchart_per_stage,
    export_mermaid_journey,
    export_mermaid_journey_per_stage,
)
from kunderejse_tui.journey.export.escape import mm_actor, mm_label, mm_task, mm_text, one_line
from kunderejse_tui.journey.export.mermaid import count_edges, mermaid_size
from kunderejse_tui.journey.yamlio import load_file

ROOT = Path(__file__).resolve().parents[1]
BILKOEB = ROOT / "sample_journeys" / "bilkoeb-privat.journey.yaml"


@pytest.fixture
def bilkoeb() -> dict[str, Any]:
    return load_file(BILKOEB).data


def journey(stages: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"format": "kunderejse/1", "id": "x", "title": "T", "stages": stages, **extra}


# ---------------------------------------------------------------------------
# journey diagram


def test_journey_sections_tasks_scores_actors(bilkoeb: dict[str, Any]) -> None:
    text = export_mermaid_journey(bilkoeb)
    lines = text.splitlines()
    assert lines[:3] == ["journey", "    title Privatkunder køber ny bil", "    section Tiltræk"]
    assert "        Annonce på Facebook: 3: Mette" in lines  # names one persona
    assert "        Kollega fortæller om sin nye bil: 4: Mette, Kasper" in lines  # names none
    assert [line.strip() for line in lines if "section" in line] == [
        "section Tiltræk",
        "section Interesse",
        "section Konverter",
        "section Luk",
        "section Begejstre",
    ]
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_journey_defaults_and_an_empty_stage_left_out() -> None:
    data = journey(
        [
            {"id": "a", "name": "A", "touchpoints": [{"id": "t", "name": "T1"}]},
            {"id": "b", "name": "B"},
            {"id": "c", "name": "C", "touchpoints": [{"id": "u", "name": "U", "emotion": 9}]},
        ]
    )
    assert export_mermaid_journey(data).splitlines()[2:] == [
        "    section A",
        "        T1: 3",  # no emotion: neutral; no personas at all: no actors
        # No invented step (it would be drawn as a neutral experience): a comment.
        "    %% Fasen B har ingen berøringspunkter og er ikke med i diagrammet",
        "    section C",
        "        U: 3",  # 9 is not an emotion
    ]
    en = export_mermaid_journey(data, lang="en")
    assert "    %% The stage B has no touchpoints and is left out of the diagram\n" in en
    assert "section B" not in en and "no touchpoints yet" not in en


def test_the_markdown_says_which_stages_the_diagram_leaves_out() -> None:
    from kunderejse_tui.journey.export import export_markdown

    data = journey(
        [
            {"id": "a", "name": "A", "touchpoints": [{"id": "t", "name": "T1"}]},
            {"id": "b", "name": "B"},
            {"id": "c", "name": "C"},
        ]
    )
    text = export_markdown(data)
    fence_end = text.index("```", text.index("```mermaid") + 3)
    after = text[fence_end:]
    assert "2 faser er udeladt: B, C." in after
    one = journey(
        [
            {"id": "a", "name": "A", "touchpoints": [{"id": "t", "name": "T"}]},
            {"id": "b", "name": "B"},
        ]
    )
    assert "1 stage is left out: B." in export_markdown(one, lang="en")
    full = journey([{"id": "a", "name": "A", "touchpoints": [{"id": "t", "name": "T"}]}])
    assert "udeladt" not in export_markdown(full)


def test_invisible_names_fall_back_to_the_id() -> None:
    data = journey([{"id": "s", "name": "\x1b", "touchpoints": [{"id": "tp", "name": " \x00 "}]}])
    assert export_mermaid_journey(data).splitlines()[2:] == ["    section s", "        tp: 3"]


def test_journey_persona_filter(bilkoeb: dict[str, Any]) -> None:
    text = export_mermaid_journey(bilkoeb, persona="mette")
    assert "Blogguide" not in text  # Kasper's only
    assert "        Kollega fortæller om sin nye bil: 4: Mette" in text.splitlines()
    assert "Kasper" not in text
    with pytest.raises(UnknownPersonaError):
        export_mermaid_journey(bilkoeb, persona="ghost")


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Title deed check", "#84;itle deed check"),
        ("section review", "#115;ection review"),
        ("JOURNEY", "#74;OURNEY"),
        ("accDescr {x}", "#97;ccDescr {x}"),
        ("Titles are fine", "Titles are fine"),
        ("%% note", "#37;#37; note"),
        ("a%%b", "a#37;#37;b"),
        ("100% sikker", "100% sikker"),
        ("#59; typed", "#35;59#59; typed"),
        ("Pris: 5; i alt", "Pris#58; 5#59; i alt"),
        ("two\nlines", "two lines"),
        ("¶ß and ﬂ°", "#182;ß and ﬂ#176;"),
        ("<b>", "#60;b>"),
    ],
)
def test_task_escaping(name: str, expected: str) -> None:
    assert mm_task(name) == expected


def test_actor_and_section_escaping() -> None:
    assert mm_actor("Mette, K.") == "Mette#44; K."
    assert mm_text("Fase: 1; #2") == "Fase#58; 1#59; #35;2"


def encode_entities(s: str) -> str:
    # Mermaid swaps entities for placeholders before lexing.
    return re.sub(r"#\w+;", lambda m: "\ufb02\xb0\xb0" + m.group(0)[1:-1] + "\xb6\xdf", s)


def lex_journey_line(line: str) -> tuple[str, str]:
    """Mermaid's journey lexer on one task line (first match wins, as in Jison)."""
    body = line.lstrip()
    rules = [
        (r"%(?!\{)[^\n]*", "comment"),
        (r"[^\}]%%[^\n]*", "comment"),
        (r"journey\b", "journey"),
        (r"title\s[^#\n;]+", "title"),
        (r"accTitle\s*:\s*", "acc_title"),
        (r"accDescr\s*:\s*", "acc_descr"),
        (r"accDescr\s*\{\s*", "acc_descr_multiline"),
        (r"section\s[^#:\n;]+", "section"),
        (r"[^#:\n;]+", "taskName"),
    ]
    encoded = encode_entities(body)
    for pattern, kind in rules:
        m = re.match(pattern, encoded, re.IGNORECASE)
        if m:
            return kind, m.group(0)
    return "INVALID", ""


@given(st.text(min_size=1, max_size=40).filter(lambda s: one_line(s)))
def test_any_task_name_lexes_as_one_task(name: str) -> None:
    escaped = mm_task(name)
    kind, token = lex_journey_line(f"        {escaped}: 3: A")
    assert kind == "taskName"
    assert not re.search(r"#(?!\w+;)|;|:|\n", re.sub(r"#\w+;", "", escaped))
    assert token == encode_entities(escaped)  # the whole name, up to the ":"


# ---------------------------------------------------------------------------
# flowchart


def test_flowchart_structure(bilkoeb: dict[str, Any]) -> None:
    text = export_mermaid_flowchart(bilkoeb)
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    assert lines[1:4] == [
        '    subgraph S1["Tiltræk"]',
        "        direction LR",
        '        S1_Q1>"Skal vi købe eller privatlease?"]',
    ]
    assert '        S1_T1["Annonce på Facebook<br>Sociale medier · 3/5 😐 neutral"]' in lines
    assert lines[-4:] == ["    S1 --> S2", "    S2 --> S3", "    S3 --> S4", "    S4 --> S5"]
    assert [line for line in lines if line.strip() == "end"] == ["    end"] * 5


def test_flowchart_ids_are_safe() -> None:
    # Ids made from user ids would break: "end" closes a subgraph, "o"/"x" after a
    # link make circle/cross edges.
    data = journey(
        [
            {"id": "end", "name": "end", "touchpoints": [{"id": "end", "name": "end"}]},
            {"id": "o", "name": "o", "touchpoints": [{"id": "x", "name": "x"}]},
        ]
    )
    text = export_mermaid_flowchart(data)
    ids = re.findall(r"^\s*(?:subgraph )?(\w+)[\[>(\"]", text, re.MULTILINE)
    ids += re.findall(r"--> (\w+)", text)
    assert ids
    for node_id in ids:
        assert node_id.lower() != "end" and node_id[0] not in "oOxX", node_id


def test_flowchart_label_escaping() -> None:
    assert mm_label('say "hi" <b> `x` & $$y$$') == (
        "say #quot;hi#quot; #60;b#62; #96;x#96; #38; #36;\u2060#36;y#36;\u2060#36;"
    )
    assert mm_label("one\ntwo\n\nthree") == "one<br>two<br><br>three"
    assert mm_label("fa:fa-car") == "fa#58;\u2060fa-car"
    assert mm_label("back\\n") == "back\\\u2060n"


def test_flowchart_persona_and_empty_stage() -> None:
    data = journey(
        [
            {
                "id": "a",
                "name": "A",
                "customer_questions": [{"text": "Q1", "persona": "p"}, {"text": "Q2"}],
                "touchpoints": [{"id": "t", "name": "T", "personas": ["q"]}],
            }
        ],
        personas=[{"id": "p", "name": "P"}, {"id": "q", "name": "Q"}],
    )
    text = export_mermaid_flowchart(data, persona="p")
    assert 'S1_Q1>"Q1"]' in text and 'S1_Q2>"Q2"]' in text
    assert '"T"' not in text
    assert 'S1_T0["(ingen berøringspunkter endnu)"]' in text


def test_per_stage_split(bilkoeb: dict[str, Any]) -> None:
    parts = export_mermaid_flowchart_per_stage(bilkoeb)
    assert [sid for sid, _ in parts] == ["attract", "interest", "convert", "close", "delight"]
    third = parts[2][1]
    assert '    subgraph S3["Konverter"]' in third  # the same ids as in the full map
    assert "subgraph S1" not in third and "-->" not in third
    journeys = export_mermaid_journey_per_stage(bilkoeb, lang="en")
    assert journeys[0][1].count("section") == 1
    assert "section Begejstre" in journeys[4][1]


# ---------------------------------------------------------------------------
# limits


def test_limits_ok_for_samples(bilkoeb: dict[str, Any]) -> None:
    assert check_mermaid_limits(export_mermaid_flowchart(bilkoeb)) == []
    assert check_mermaid_limits(export_mermaid_journey(bilkoeb)) == []


def test_too_many_links() -> None:
    data = journey([{"id": f"s{i}", "name": f"S{i}"} for i in range(MAX_EDGES + 2)])
    text = export_mermaid_flowchart(data)
    assert count_edges(text) == MAX_EDGES + 1
    problems = check_mermaid_limits(text)
    assert any("links" in p for p in problems)
    ok = journey([{"id": f"s{i}", "name": f"S{i}"} for i in range(MAX_EDGES + 1)])
    assert not any("links" in p for p in check_mermaid_limits(export_mermaid_flowchart(ok)))


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"])))
def test_text_size_is_the_utf16_length(s: str) -> None:
    assert mermaid_size(s) == len(s.encode("utf-16-le")) // 2


def test_text_size_counts_utf16_units() -> None:
    assert mermaid_size("😀") == 2  # JavaScript's length, which Mermaid compares
    just_over = "flowchart LR\n" + "😀" * ((MAX_TEXT_SIZE - 12) // 2)
    assert len(just_over) < MAX_TEXT_SIZE < mermaid_size(just_over)
    assert any("characters" in p for p in check_mermaid_limits(just_over))


def test_links_inside_labels_are_not_counted() -> None:
    assert count_edges('flowchart LR\n    A["a --> b -.-> c"] --> B\n    B ==> C') == 2
