"""Interview evidence: coverage counts, quotes, synthesis filters, consent, tags.

The fixture tests/data/evidence-known.yaml has numbers counted by hand (below).
It is deliberately not quite valid, and so not named *.journey.yaml: one answer
has no text yet (as while typing in an interview) and one names a stage that does
not exist, because both happen in real files and must not be counted.

    interview  persona consent respondent   answer  links                tags
    i1 (0)     p1      yes     Jens Hansen  0 nd    stage a + tp x       pris
                                            1 fc    tp x                 pris, tid
                                            2 ask   stage b              tid
                                            3 why   stage c, NO TEXT
    i2 (1)     p2      absent  Mona Berg    0 nd    stage a
                                            1 ask   tp z, tp y           service
                                            2 imp   stage "nope" (unknown)
    i3 (2)     p1      yes     Jens Hansen  0 why   stage d              tid
                                            1 ask   (nothing)            ånd, zebra, ærlig

    stage a (tps x, y): i1.0 (named twice, counted once), i1.1 (via x), i2.0, i2.1 (via y) = 4
    stage b (tp z):     i1.2, i2.1 (via z)                                               = 2
    stage c (tp w):     nothing (i1.3 has no text)                               -> assumed
    stage d:            i3.0                                                             = 1
    x = 2, y = 1, z = 1, w = 0
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from kunderejse_tui.journey.evidence import (
    QuestionSynthesis,
    Quote,
    coverage,
    quotes_for,
    synthesis,
    tag_overview,
)
from kunderejse_tui.journey.templates import QUESTION_IDS, question_text
from kunderejse_tui.journey.yamlio import load_file

FIXTURE = Path(__file__).resolve().parent / "data" / "evidence-known.yaml"
SAMPLES = Path(__file__).resolve().parents[1] / "sample_journeys"


def A(i: int, j: int) -> tuple[str, int, str, int]:
    return ("interviews", i, "answers", j)


@pytest.fixture
def journey() -> dict[str, Any]:
    data = load_file(FIXTURE).data
    assert isinstance(data, dict)
    return data


# --- coverage --------------------------------------------------------------------


def test_stage_counts_with_touchpoint_rule_and_double_naming(journey: dict[str, Any]) -> None:
    cov = coverage(journey)
    counts = {s.id: s.count for s in cov.stages}
    assert counts == {"a": 4, "b": 2, "c": 0, "d": 1}
    assert cov.stage("a") is not None
    assert cov.stage("a").answers == (A(0, 0), A(0, 1), A(1, 0), A(1, 1))  # type: ignore[union-attr]
    assert cov.stage("b").answers == (A(0, 2), A(1, 1))  # type: ignore[union-attr]


def test_touchpoint_counts(journey: dict[str, Any]) -> None:
    cov = coverage(journey)
    assert {t.id: t.count for t in cov.touchpoints} == {"x": 2, "y": 1, "z": 1, "w": 0}
    x = cov.touchpoint("x")
    assert x is not None and x.answers == (A(0, 0), A(0, 1))
    assert x.path == ("stages", 0, "touchpoints", 0)
    assert cov.touchpoint("w").path == ("stages", 2, "touchpoints", 0)  # type: ignore[union-attr]


def test_assumed_and_observed(journey: dict[str, Any]) -> None:
    cov = coverage(journey)
    assert [s.id for s in cov.assumed_stages] == ["c"]
    assert [t.id for t in cov.assumed_touchpoints] == ["w"]
    a = cov.stage("a")
    assert a is not None and a.observed
    assert [t.id for t in a.observed_touchpoints] == ["x", "y"]
    assert cov.stage("c").assumed_touchpoints[0].id == "w"  # type: ignore[union-attr]


def test_totals_unlinked_and_unknown_references(journey: dict[str, Any]) -> None:
    cov = coverage(journey)
    # 9 answers in the file, one without text.
    assert (cov.interviews, cov.answers) == (3, 8)
    assert (cov.unconsented, cov.left_out) == (1, 0)
    # i2.2 names only a stage that does not exist; i3.1 names nothing.
    assert cov.unlinked == (A(1, 2), A(2, 1))
    assert cov.unknown == (((*A(1, 2), "stages", 0), "nope"),)


def test_unconsented_interviews_count_by_default_and_can_be_left_out(
    journey: dict[str, Any],
) -> None:
    cov = coverage(journey, include_unconsented=False)
    assert {s.id: s.count for s in cov.stages} == {"a": 2, "b": 1, "c": 0, "d": 1}
    assert {t.id: t.count for t in cov.touchpoints} == {"x": 2, "y": 0, "z": 0, "w": 0}
    assert (cov.interviews, cov.answers, cov.unconsented, cov.left_out) == (2, 5, 0, 1)
    assert cov.unlinked == (A(2, 1),)
    assert [t.id for t in cov.assumed_touchpoints] == ["y", "z", "w"]


def test_consent_must_be_literally_true(journey: dict[str, Any]) -> None:
    # "yes" is a string under YAML 1.2: not consent, as in the exports.
    journey["interviews"][1]["consent"] = "yes"
    assert coverage(journey, include_unconsented=False).left_out == 1
    journey["interviews"][1]["consent"] = True
    assert coverage(journey, include_unconsented=False).left_out == 0


def test_touchpoint_named_twice_in_one_answer_counts_once() -> None:
    journey = {
        "stages": [{"id": "s", "name": "S", "touchpoints": [{"id": "t", "name": "T"}]}],
        "interviews": [
            {"id": "i", "answers": [{"ask": "?", "text": "x", "stages": ["s", "s"], "touchpoints": ["t", "t"]}]}
        ],
    }  # fmt: skip
    cov = coverage(journey)
    assert cov.stages[0].count == 1
    assert cov.stages[0].touchpoints[0].count == 1


def test_first_of_a_repeated_id_gets_the_evidence() -> None:
    journey = {
        "stages": [
            {"id": "s", "name": "First", "touchpoints": [{"id": "t", "name": "T1"}]},
            {"id": "s", "name": "Second", "touchpoints": [{"id": "t", "name": "T2"}]},
        ],
        "interviews": [{"id": "i", "answers": [{"ask": "?", "text": "x", "touchpoints": ["t"]}]}],
    }
    cov = coverage(journey)
    assert [s.count for s in cov.stages] == [1, 0]
    assert [t.count for t in cov.touchpoints] == [1, 0]


@pytest.mark.parametrize(
    "broken",
    [
        None,
        "oops",
        [],
        {"stages": "oops", "interviews": "oops"},
        {"stages": [None, "x", {"touchpoints": "x"}], "interviews": [None, {"answers": "x"}]},
        {
            "stages": [{"id": 3, "touchpoints": [{"id": None}]}],
            "interviews": [
                {"consent": "yes", "answers": [{"text": ["a"], "stages": "a"}, {"text": 5}]}
            ],
        },
    ],
)
def test_broken_files_never_crash(broken: Any) -> None:
    cov = coverage(broken)
    assert cov.answers >= 0
    assert isinstance(quotes_for(broken), list)
    assert len(synthesis(broken, "da", anonymise=True)) >= len(QUESTION_IDS)
    assert isinstance(tag_overview(broken), list)


def test_paths_skip_non_mapping_items_but_keep_file_indices() -> None:
    journey = {
        "stages": ["junk", {"id": "s", "name": "S", "touchpoints": [None, {"id": "t"}]}],
        "interviews": ["junk", {"id": "i", "answers": [None, {"ask": "?", "text": "x", "touchpoints": ["t"]}]}],
    }  # fmt: skip
    cov = coverage(journey)
    assert cov.stages[0].path == ("stages", 1)
    assert cov.stages[0].index == 0
    assert cov.touchpoints[0].path == ("stages", 1, "touchpoints", 1)
    assert cov.stages[0].answers == (A(1, 1),)


def test_no_interviews_means_everything_is_assumed() -> None:
    journey = load_file(SAMPLES / "bilkoeb-privat.journey.yaml").data
    del journey["interviews"]
    cov = coverage(journey)
    assert cov.answers == 0
    assert len(cov.assumed_stages) == len(cov.stages) == 5
    assert len(cov.assumed_touchpoints) == len(cov.touchpoints)


def test_sample_bilkoeb_coverage() -> None:
    # Counted from the sample by hand; Kunde B (no consent) is the second interview.
    journey = load_file(SAMPLES / "bilkoeb-privat.journey.yaml").data
    cov = coverage(journey)
    assert {s.id: s.count for s in cov.stages} == {
        "attract": 3,
        "interest": 2,
        "convert": 4,
        "close": 4,
        "delight": 1,
    }
    assert coverage(journey, include_unconsented=False).stage("interest").count == 0  # type: ignore[union-attr]
    assert cov.touchpoint("google-soegning").count == 2  # type: ignore[union-attr]


# --- quotes ----------------------------------------------------------------------


def test_quotes_for_a_stage_include_those_via_its_touchpoints(journey: dict[str, Any]) -> None:
    quotes = quotes_for(journey, "a")
    assert [q.path for q in quotes] == [A(0, 0), A(0, 1), A(1, 0), A(1, 1)]
    first = quotes[0]
    assert first == Quote(
        text="Svar 1.1 nævner både fase A og X.",
        question_id="need-discovery",
        question=question_text("need-discovery", "da") or "",
        interview_id="i1",
        respondent="Jens Hansen",
        date="2026-01-05",
        persona="p1",
        consent=True,
        tags=("pris",),
        stages=("a",),
        touchpoints=("x",),
        path=A(0, 0),
    )
    assert first.interview_index == 0
    assert quotes[3].text == "Svar 2.2 nævner Z og Y,\npå to linjer."
    assert quotes[3].consent is False
    assert quotes[3].question == "Hvem var ellers med?"
    assert quotes[3].question_id == ""


def test_quotes_for_a_touchpoint_and_for_both(journey: dict[str, Any]) -> None:
    assert [q.path for q in quotes_for(journey, touchpoint_id="x")] == [A(0, 0), A(0, 1)]
    assert [q.path for q in quotes_for(journey, touchpoint_id="z")] == [A(1, 1)]
    assert [q.path for q in quotes_for(journey, "b", "z")] == [A(1, 1)]
    # Both: backs the stage and names the touchpoint. i2.1 backs a (via y) and names z.
    assert [q.path for q in quotes_for(journey, "a", "z")] == [A(1, 1)]
    assert quotes_for(journey, "d", "x") == []
    assert quotes_for(journey, "c") == []
    assert quotes_for(journey, "nope") == []
    assert quotes_for(journey, touchpoint_id="nope") == []


def test_quotes_for_nothing_is_every_answer_with_text(journey: dict[str, Any]) -> None:
    assert len(quotes_for(journey)) == 8
    assert len(quotes_for(journey, include_unconsented=False)) == 5


def test_quotes_language_follows_lang(journey: dict[str, Any]) -> None:
    assert quotes_for(journey, "d", lang="en")[0].question == question_text("why-us", "en")
    assert quotes_for(journey, "d")[0].question == question_text("why-us", "da")


def test_quote_who_falls_back_to_the_interview_id() -> None:
    journey = {"interviews": [{"id": "i-9", "answers": [{"ask": "?", "text": "x"}]}]}
    assert quotes_for(journey)[0].who == "i-9"


# --- synthesis -------------------------------------------------------------------


def _paths(result: list[QuestionSynthesis]) -> dict[str, list[Any]]:
    return {(qs.question_id or qs.question): [q.path for q in qs.answers] for qs in result}


def test_synthesis_bank_questions_in_order_then_custom_grouped(journey: dict[str, Any]) -> None:
    result = synthesis(journey, "da")
    assert [qs.question_id for qs in result] == [*QUESTION_IDS, ""]
    assert [qs.question for qs in result[:8]] == [question_text(q, "da") for q in QUESTION_IDS]
    # The third ask has other whitespace but the same words: one group.
    assert result[8].question == "Hvem var ellers med?"
    assert result[8].custom
    assert _paths(result) == {
        "need-discovery": [A(0, 0), A(1, 0)],
        "first-contact": [A(0, 1)],
        "information-search": [],
        "evaluation": [],
        "why-us": [A(2, 0)],  # i1.3 has no text
        "retention": [],
        "time-to-purchase": [],
        "improvement": [A(1, 2)],
        "Hvem var ellers med?": [A(0, 2), A(1, 1), A(2, 1)],
    }


def test_synthesis_in_english(journey: dict[str, Any]) -> None:
    result = synthesis(journey, "en")
    assert result[0].question == "When and how did you discover that you had a need?"
    assert result[0].answers[0].question == result[0].question


def test_synthesis_filter_by_persona(journey: dict[str, Any]) -> None:
    assert _paths(synthesis(journey, "da", persona="p1")) == {
        "need-discovery": [A(0, 0)],
        "first-contact": [A(0, 1)],
        "information-search": [],
        "evaluation": [],
        "why-us": [A(2, 0)],
        "retention": [],
        "time-to-purchase": [],
        "improvement": [],
        "Hvem var ellers med?": [A(0, 2), A(2, 1)],
    }
    p2 = _paths(synthesis(journey, "da", persona="p2"))
    assert [p for ps in p2.values() for p in ps] == [A(1, 0), A(1, 2), A(1, 1)]


def test_persona_filter_keeps_interviews_without_a_persona(journey: dict[str, Any]) -> None:
    # Like the exports: an interview naming no persona is about any of them.
    del journey["interviews"][1]["persona"]
    p1 = _paths(synthesis(journey, "da", persona="p1"))
    assert A(1, 0) in p1["need-discovery"]


def test_synthesis_filter_by_tag(journey: dict[str, Any]) -> None:
    result = _paths(synthesis(journey, "da", tag="tid"))
    assert {k: v for k, v in result.items() if v} == {
        "first-contact": [A(0, 1)],
        "why-us": [A(2, 0)],
        "Hvem var ellers med?": [A(0, 2)],
    }
    # A custom question with no answer left after filtering is not listed at all.
    assert list(_paths(synthesis(journey, "da", tag="service"))) == [
        *QUESTION_IDS,
        "Hvem var ellers med?",
    ]
    assert list(_paths(synthesis(journey, "da", tag="ingen"))) == list(QUESTION_IDS)


def test_synthesis_filters_combine(journey: dict[str, Any]) -> None:
    result = _paths(synthesis(journey, "da", persona="p1", tag="pris"))
    assert [p for ps in result.values() for p in ps] == [A(0, 0), A(0, 1)]
    assert not any(_paths(synthesis(journey, "da", persona="p2", tag="pris")).values())


def test_synthesis_consent(journey: dict[str, Any]) -> None:
    everyone = synthesis(journey, "da")
    assert {q.respondent for qs in everyone for q in qs.answers} == {"Jens Hansen", "Mona Berg"}
    consented = synthesis(journey, "da", include_unconsented=False)
    assert {q.respondent for qs in consented for q in qs.answers} == {"Jens Hansen"}
    assert _paths(consented)["improvement"] == []


def test_synthesis_anonymises_in_order_of_first_appearance(journey: dict[str, Any]) -> None:
    result = synthesis(journey, "da", anonymise=True)
    who = [(q.path, q.respondent) for qs in result for q in qs.answers]
    # Jens (i1 and i3: one person) is met first, in the first question; then Mona.
    assert who[:2] == [(A(0, 0), "Kunde A"), (A(1, 0), "Kunde B")]
    assert {p: r for p, r in who}[A(2, 0)] == "Kunde A"
    assert {r for _, r in who} == {"Kunde A", "Kunde B"}
    english = synthesis(journey, "en", anonymise=True)
    assert english[0].answers[1].respondent == "Customer B"
    # Left out interviews take no letter: Jens is still A, nobody is B.
    consented = synthesis(journey, "da", include_unconsented=False, anonymise=True)
    assert {q.respondent for qs in consented for q in qs.answers} == {"Kunde A"}


def test_anonymised_letters_follow_the_filtered_result(journey: dict[str, Any]) -> None:
    result = synthesis(journey, "da", persona="p2", anonymise=True)
    assert {q.respondent for qs in result for q in qs.answers} == {"Kunde A"}


def test_respondentless_interviews_are_separate_people_when_anonymised() -> None:
    journey = {
        "interviews": [
            {"id": "i1", "answers": [{"question": "why-us", "text": "a"}]},
            {"id": "i2", "answers": [{"question": "why-us", "text": "b"}]},
        ]
    }
    result = synthesis(journey, "en", anonymise=True)
    assert [q.who for q in result[4].answers] == ["Customer A", "Customer B"]


def test_unknown_question_id_is_shown_as_typed_among_the_custom_ones() -> None:
    journey = {
        "interviews": [
            {
                "id": "i",
                "answers": [
                    {"question": "why-uss", "text": "a"},
                    {"ask": "Noget andet?", "text": "b"},
                    {"question": "why-us", "ask": "ignored", "text": "c"},
                ],
            }
        ]
    }
    result = synthesis(journey, "da")
    assert [(qs.question_id, qs.question) for qs in result[8:]] == [
        ("", "why-uss"),
        ("", "Noget andet?"),
    ]
    assert [q.text for q in result[4].answers] == ["c"]


# --- tags ------------------------------------------------------------------------


def test_tag_overview_counts_and_order(journey: dict[str, Any]) -> None:
    tags = tag_overview(journey)
    assert [(t.tag, t.count, t.interviews) for t in tags] == [
        ("tid", 3, ("i1", "i3")),
        ("pris", 2, ("i1",)),
        # Ties alphabetically, the Danish letters last in Danish order.
        ("service", 1, ("i2",)),
        ("zebra", 1, ("i3",)),
        ("ærlig", 1, ("i3",)),
        ("ånd", 1, ("i3",)),
    ]
    assert tags[0].answers == (A(0, 1), A(0, 2), A(2, 0))
    assert tags[0].interview_indices == (0, 2)


def test_tag_overview_consent_and_duplicates(journey: dict[str, Any]) -> None:
    assert "service" not in {t.tag for t in tag_overview(journey, include_unconsented=False)}
    changed = copy.deepcopy(journey)
    changed["interviews"][0]["answers"][0]["tags"] = ["pris", " pris ", "pris"]
    assert next(t for t in tag_overview(changed) if t.tag == "pris").count == 2


def test_tag_overview_case_is_kept_and_sorted_together() -> None:
    journey = {
        "interviews": [
            {
                "id": "i",
                "answers": [
                    {"ask": "?", "text": "a", "tags": ["b", "Pris"]},
                    {"ask": "?", "text": "b", "tags": ["pris", "A"]},
                ],
            }
        ]
    }
    assert [t.tag for t in tag_overview(journey)] == ["A", "b", "Pris", "pris"]
