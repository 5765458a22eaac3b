"""The semantic diff: every kind of change on hand-made pairs, its renderings and its CLI."""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path
from typing import Any

import pytest

from kunderejse_tui.cli import diff as diff_cli
from kunderejse_tui.cli import main
from kunderejse_tui.journey.dump import dump
from kunderejse_tui.journey.semantic_diff import (
    ADDED,
    CHANGED,
    MOVED,
    REMOVED,
    RENAMED,
    Change,
    diff_journeys,
    render_markdown,
    render_text,
    state_heading,
)
from kunderejse_tui.journey.yamlio import load_text

BASE_YAML = """\
format: kunderejse/1
id: bilkoeb
title: Mette køber bil
language: da
state: current
personas:
  - id: mette
    name: Mette
    demographics:
      age: 38
    needs:
      - plads til to autostole
  - id: kasper
    name: Kasper
stages:
  - id: attract
    name: Tiltræk
    customer_questions:
      - text: Skal jeg købe eller privatlease?
        persona: mette
      - text: Hvad koster det?
    touchpoints:
      - id: facebook-annonce
        name: Annonce på Facebook
        channel: social-media
        emotion: 3
      - id: blog
        name: Blogindlæg
        emotion: 4
    messaging:
      tone: inspire
      key_messages:
        - Find den bil der passer til jeres hverdag
        - Elbil er billigere end du tror
      call_to_action: Prøv beregneren
  - id: interest
    name: Interesse
    touchpoints:
      - id: google
        name: Google-søgning
        emotion: 3
  - id: convert
    name: Konverter
    touchpoints:
      - id: proevetur
        name: Prøvetur
        emotion: 2
interviews:
  - id: kunde-a
    persona: mette
    respondent: Kunde A
    answers:
      - question: need-discovery
        text: Leasingaftalen udløb.
      - ask: Hvorfor valgte du os?
        text: Prisen.
"""


def base() -> dict[str, Any]:
    return load_text(BASE_YAML).data


def stage(j: dict[str, Any], sid: str) -> dict[str, Any]:
    return next(s for s in j["stages"] if s["id"] == sid)


def tp(j: dict[str, Any], tid: str) -> dict[str, Any]:
    return next(t for s in j["stages"] for t in s.get("touchpoints", []) if t["id"] == tid)


def changed(edit: Any) -> list[Change]:
    old = base()
    new = copy.deepcopy(old)
    edit(new)
    return diff_journeys(old, new)


def kinds(changes: list[Change]) -> list[tuple[str, str, tuple[str, ...], str]]:
    return [(c.kind, c.item, c.ids, c.field) for c in changes]


def text_lines(changes: list[Change], lang: str = "en") -> list[str]:
    return render_text(changes, lang).splitlines()


# --- no change -----------------------------------------------------------------


def test_identical_journeys_have_no_changes_and_key_order_does_not_count() -> None:
    old = base()
    new = copy.deepcopy(old)
    new["stages"][0] = dict(reversed(list(new["stages"][0].items())))
    assert diff_journeys(old, new) == []
    assert render_text([], "en") == "No changes.\n"
    assert render_text([], "da") == "Ingen ændringer.\n"


def test_types_count_three_is_not_the_text_three() -> None:
    changes = changed(lambda j: tp(j, "blog").update(emotion="4"))
    assert [(c.field, c.old, c.new) for c in changes] == [("emotion", 4, "4")]
    assert text_lines(changes) == ['~ touchpoint blog: emotion 4 -> "4"']


# --- journey facts and personas --------------------------------------------------


def test_journey_facts() -> None:
    def edit(j: dict[str, Any]) -> None:
        j["title"] = "Mette køber elbil"
        j["owner"] = "Marketing"
        del j["language"]

    changes = changed(edit)
    assert [(c.kind, c.item, c.field, c.old, c.new) for c in changes] == [
        (CHANGED, "journey", "title", "Mette køber bil", "Mette køber elbil"),
        (CHANGED, "journey", "language", "da", None),
        (CHANGED, "journey", "owner", None, "Marketing"),
    ]
    assert text_lines(changes) == [
        '~ journey: title "Mette køber bil" -> "Mette køber elbil"',
        '~ journey: language "da" -> (none)',
        '~ journey: owner (none) -> "Marketing"',
    ]
    assert (
        text_lines(changes, "da")[0] == '~ rejsen: titel "Mette køber bil" -> "Mette køber elbil"'
    )


def test_personas_added_removed_renamed_and_fields() -> None:
    def edit(j: dict[str, Any]) -> None:
        mette = j["personas"][0]
        mette["name"] = "Mette Hansen"
        mette["demographics"]["age"] = 39
        mette["needs"].append("faste udgifter")
        j["personas"].pop(1)
        j["personas"].append({"id": "ole", "name": "Ole"})

    changes = changed(edit)
    assert kinds(changes) == [
        (RENAMED, "persona", ("mette",), "name"),
        (CHANGED, "persona", ("mette",), "demographics.age"),
        (ADDED, "persona", ("mette",), "needs"),
        (ADDED, "persona", ("ole",), ""),
        (REMOVED, "persona", ("kasper",), ""),
    ]
    assert text_lines(changes) == [
        '~ persona mette: name "Mette" -> "Mette Hansen"',
        "~ persona mette: demographics age 38 -> 39",
        '+ persona mette: need "faste udgifter"',
        '+ persona ole "Ole"',
        '- persona kasper "Kasper"',
    ]


def test_persona_order() -> None:
    changes = changed(lambda j: j["personas"].reverse())
    assert len(changes) == 1 and changes[0].kind == MOVED
    assert text_lines(changes)[0].startswith("> persona ")


# --- stages --------------------------------------------------------------------


def test_a_renamed_stage_is_a_rename_not_a_delete_and_add() -> None:
    changes = changed(lambda j: stage(j, "attract").update(name="Tiltræk kunden"))
    assert changes == [Change(RENAMED, "stage", ("attract",), "name", "Tiltræk", "Tiltræk kunden")]
    assert text_lines(changes) == ['~ stage attract: name "Tiltræk" -> "Tiltræk kunden"']
    assert text_lines(changes, "da") == ['~ fase attract: navn "Tiltræk" -> "Tiltræk kunden"']


def test_stage_added_and_removed_with_their_touchpoints() -> None:
    def edit(j: dict[str, Any]) -> None:
        j["stages"].pop(2)  # convert, with proevetur
        j["stages"].insert(
            1, {"id": "consider", "name": "Overvej", "touchpoints": [{"id": "faq", "name": "FAQ"}]}
        )

    changes = changed(edit)
    assert kinds(changes) == [
        (ADDED, "stage", ("consider",), ""),
        (ADDED, "touchpoint", ("consider", "faq"), ""),
        (REMOVED, "stage", ("convert",), ""),
        (REMOVED, "touchpoint", ("convert", "proevetur"), ""),
    ]
    assert text_lines(changes) == [
        '+ stage consider "Overvej"',
        '+ touchpoint faq "FAQ" in consider',
        '- stage convert "Konverter"',
        '- touchpoint proevetur "Prøvetur" in convert',
    ]


def test_stage_reorder_is_one_move_and_an_insertion_moves_nothing() -> None:
    swapped = changed(lambda j: j["stages"].insert(2, j["stages"].pop(1)))  # interest <-> convert
    assert len(swapped) == 1
    move = swapped[0]
    assert (move.kind, move.item, move.field) == (MOVED, "stage", "position")
    assert text_lines(swapped) in (
        ["> stage interest moved from position 2 to 3"],
        ["> stage convert moved from position 3 to 2"],
    )
    to_front = changed(lambda j: j["stages"].insert(0, j["stages"].pop(2)))
    assert text_lines(to_front) == ["> stage convert moved from position 3 to 1"]
    inserted = changed(lambda j: j["stages"].insert(0, {"id": "new", "name": "Ny"}))
    assert kinds(inserted) == [(ADDED, "stage", ("new",), "")]


def test_stage_fields() -> None:
    def edit(j: dict[str, Any]) -> None:
        stage(j, "interest")["customer_goal"] = "Forstå modellerne"
        stage(j, "interest")["kpis"] = ["tid på siden"]

    assert text_lines(changed(edit)) == [
        '~ stage interest: customer goal (none) -> "Forstå modellerne"',
        '+ stage interest: KPI "tid på siden"',
    ]


# --- touchpoints ---------------------------------------------------------------


def test_a_touchpoint_moved_between_stages_is_a_move_not_a_delete_and_add() -> None:
    def edit(j: dict[str, Any]) -> None:
        moved = stage(j, "attract")["touchpoints"].pop(0)
        stage(j, "interest")["touchpoints"].append(moved)

    changes = changed(edit)
    assert changes == [
        Change(
            MOVED, "touchpoint", ("interest", "facebook-annonce"), "stage", "attract", "interest"
        )
    ]
    assert text_lines(changes) == ["> touchpoint facebook-annonce moved from attract to interest"]
    assert text_lines(changes, "da") == [
        "> berøringspunkt facebook-annonce flyttet fra attract til interest"
    ]


def test_a_moved_and_edited_touchpoint_is_one_move_plus_its_edits() -> None:
    def edit(j: dict[str, Any]) -> None:
        moved = stage(j, "attract")["touchpoints"].pop(0)
        moved["name"] = "Annonce på Instagram"
        moved["emotion"] = 1
        stage(j, "convert")["touchpoints"].insert(0, moved)

    assert text_lines(changed(edit)) == [
        "> touchpoint facebook-annonce moved from attract to convert",
        '~ touchpoint facebook-annonce: name "Annonce på Facebook" -> "Annonce på Instagram"',
        "~ touchpoint facebook-annonce: emotion 3 -> 1 (worse)",
    ]


def test_a_touchpoint_moved_into_a_new_stage_whose_old_stage_is_gone() -> None:
    def edit(j: dict[str, Any]) -> None:
        google = stage(j, "interest")["touchpoints"][0]
        j["stages"].remove(stage(j, "interest"))
        j["stages"].append({"id": "research", "name": "Research", "touchpoints": [google]})

    assert kinds(changed(edit)) == [
        (ADDED, "stage", ("research",), ""),
        (MOVED, "touchpoint", ("research", "google"), "stage"),
        (REMOVED, "stage", ("interest",), ""),
    ]


def test_emotion_changes_and_touchpoint_fields() -> None:
    def edit(j: dict[str, Any]) -> None:
        tp(j, "facebook-annonce").update(emotion=1, channel="paid-social")
        tp(j, "google")["emotion"] = 5
        tp(j, "google")["pains"] = ["Forhandlernes sider ligner hinanden"]

    changes = changed(edit)
    assert text_lines(changes) == [
        '~ touchpoint facebook-annonce: channel "social-media" -> "paid-social"',
        "~ touchpoint facebook-annonce: emotion 3 -> 1 (worse)",
        "~ touchpoint google: emotion 3 -> 5 (better)",
        '+ touchpoint google: pain "Forhandlernes sider ligner hinanden"',
    ]
    assert "~ berøringspunkt google: følelse 3 -> 5 (bedre)" in text_lines(changes, "da")


def test_touchpoints_added_removed_renamed_and_reordered_in_a_stage() -> None:
    def edit(j: dict[str, Any]) -> None:
        tps = stage(j, "attract")["touchpoints"]
        tps.reverse()  # blog before facebook-annonce
        tp(j, "blog")["name"] = "Guide"
        stage(j, "convert")["touchpoints"] = [{"id": "showroom", "name": "Showroom", "emotion": 4}]

    lines = text_lines(changed(edit))
    # Swapping two is one move; either of the two may be the one that moved.
    moves = [line for line in lines if line.startswith(">")]
    assert moves in (
        ["> touchpoint blog moved from position 2 to 1 in attract"],
        ["> touchpoint facebook-annonce moved from position 1 to 2 in attract"],
    )
    assert [line for line in lines if not line.startswith(">")] == [
        '~ touchpoint blog: name "Blogindlæg" -> "Guide"',
        '+ touchpoint showroom "Showroom" in convert',
        '- touchpoint proevetur "Prøvetur" in convert',
    ]


# --- questions and messaging -----------------------------------------------------


def test_customer_questions_added_removed_and_changed() -> None:
    def edit(j: dict[str, Any]) -> None:
        qs = stage(j, "attract")["customer_questions"]
        qs[0]["text"] = "Skal jeg købe, lease eller privatlease?"  # reworded: a change
        qs[1]["persona"] = "kasper"
        stage(j, "interest")["customer_questions"] = [{"text": "Hvor langt kører den?"}]
        qs.append({"text": "Kan jeg få en prøvetur?"})

    changes = changed(edit)
    assert text_lines(changes) == [
        '~ stage attract: question "Skal jeg købe eller privatlease?" -> '
        '"Skal jeg købe, lease eller privatlease?"',
        '~ stage attract: question "Hvad koster det?": persona (none) -> "kasper"',
        '+ stage attract: question "Kan jeg få en prøvetur?"',
        '+ stage interest: question "Hvor langt kører den?"',
    ]
    removed = changed(lambda j: stage(j, "attract")["customer_questions"].pop(1))
    assert text_lines(removed) == ['- stage attract: question "Hvad koster det?"']


def test_a_new_question_is_not_mistaken_for_an_edit_of_an_unrelated_one() -> None:
    def edit(j: dict[str, Any]) -> None:
        qs = stage(j, "attract")["customer_questions"]
        qs[1] = {"text": "Hvornår kan bilen leveres?"}

    assert kinds(changed(edit)) == [
        (ADDED, "question", ("attract", "Hvornår kan bilen leveres?"), ""),
        (REMOVED, "question", ("attract", "Hvad koster det?"), ""),
    ]


def test_messaging_tone_key_messages_and_call_to_action() -> None:
    def edit(j: dict[str, Any]) -> None:
        m = stage(j, "attract")["messaging"]
        m["tone"] = "inform"
        m["key_messages"] = [
            "Find den bil, der passer til jeres hverdag",  # edited
            "Prøv en elbil i en weekend",  # new; "Elbil er billigere" removed
        ]
        m["call_to_action"] = "Book en prøvetur"
        stage(j, "convert")["messaging"] = {"tone": "sell"}

    changes = changed(edit)
    assert text_lines(changes) == [
        '~ stage attract: messaging tone "inspire" -> "inform"',
        '~ stage attract: messaging key message "Find den bil der passer til jeres hverdag" -> '
        '"Find den bil, der passer til jeres hverdag"',
        '- stage attract: messaging key message "Elbil er billigere end du tror"',
        '+ stage attract: messaging key message "Prøv en elbil i en weekend"',
        '~ stage attract: messaging call to action "Prøv beregneren" -> "Book en prøvetur"',
        '~ stage convert: messaging tone (none) -> "sell"',
    ]
    assert {c.item for c in changes} == {"messaging"}
    assert text_lines(changes, "da")[0] == '~ fase attract: budskaber tone "inspire" -> "inform"'


def test_reordered_key_messages_are_one_change() -> None:
    changes = changed(lambda j: stage(j, "attract")["messaging"]["key_messages"].reverse())
    assert kinds(changes) == [(CHANGED, "messaging", ("attract",), "key_messages")]


# --- interviews and answers ------------------------------------------------------


def test_interviews_and_answers() -> None:
    def edit(j: dict[str, Any]) -> None:
        iv = j["interviews"][0]
        iv["consent"] = True
        iv["answers"][0]["text"] = "Leasingaftalen udløb, og vi fik barn nummer to."
        iv["answers"][1]["tags"] = ["pris"]
        iv["answers"].append({"question": "why-us", "text": "Hurtigt svar."})
        j["interviews"].append(
            {
                "id": "kunde-b",
                "respondent": "Kunde B",
                "answers": [{"question": "evaluation", "text": "x"}],
            }
        )

    changes = changed(edit)
    assert kinds(changes) == [
        (CHANGED, "interview", ("kunde-a",), "consent"),
        (CHANGED, "answer", ("kunde-a", "question", "need-discovery"), "text"),
        (ADDED, "answer", ("kunde-a", "ask", "Hvorfor valgte du os?"), "tags"),
        (ADDED, "answer", ("kunde-a", "question", "why-us"), ""),
        (ADDED, "interview", ("kunde-b",), ""),
    ]
    assert text_lines(changes) == [
        "~ interview kunde-a: consent (none) -> true",
        '~ interview kunde-a: answer to need-discovery: text "Leasingaftalen udløb." -> '
        '"Leasingaftalen udløb, og vi fik barn nummer to."',
        '+ interview kunde-a: answer to "Hvorfor valgte du os?": tag "pris"',
        '+ interview kunde-a: answer to why-us "Hurtigt svar."',
        '+ interview kunde-b "Kunde B" (1 answer)',
    ]
    gone = changed(lambda j: j.pop("interviews"))
    assert text_lines(gone) == ['- interview kunde-a "Kunde A" (2 answers)']


# --- current vs future -----------------------------------------------------------


def test_future_state_against_current_state() -> None:
    old = base()
    new = copy.deepcopy(old)
    new["state"] = "future"
    new["based_on"] = "bilkoeb.journey.yaml"
    tp(new, "proevetur")["emotion"] = 4
    changes = diff_journeys(old, new)
    assert state_heading(old, new, "en") == "Future state vs current state"
    assert state_heading(old, new, "da") == "Fremtidig tilstand over for nuværende tilstand"
    assert state_heading(new, old, "en") == "Current state vs future state"
    assert state_heading(old, old, "en") is None
    # A journey that does not say its state is the current one.
    unsaid = {k: v for k, v in old.items() if k != "state"}
    assert state_heading(unsaid, new, "en") == "Future state vs current state"
    out = render_text(changes, "en", heading=state_heading(old, new, "en"))
    assert out.splitlines()[0] == "Future state vs current state"
    assert "~ touchpoint proevetur: emotion 2 -> 4 (better)" in out
    md = render_markdown(changes, "en", heading=state_heading(old, new, "en"))
    assert md.startswith("### Future state vs current state\n")


# --- rendering ---------------------------------------------------------------------


def test_colour_only_when_asked() -> None:
    changes = changed(lambda j: stage(j, "attract").update(name="X"))
    assert "\x1b[" not in render_text(changes, "en", color=False)
    coloured = render_text(changes, "en", color=True)
    assert coloured.startswith("\x1b[33m~ stage attract")
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == render_text(changes, "en")


def test_long_texts_are_cut_to_where_they_differ_and_stay_on_one_line() -> None:
    start = "Privatkunders rejse fra den første tanke om en ny bil, til de kører hjem\n"
    end = " og anbefaler os til andre. " * 5

    def edit(j: dict[str, Any]) -> None:
        j["description"] = start + "fra forhandleren" + end

    old = base()
    old["description"] = start + "fra butikken" + end
    new = copy.deepcopy(old)
    edit(new)
    (line,) = text_lines(diff_journeys(old, new))
    assert "forhandleren" in line and "butikken" in line
    assert len(line) < 160
    assert "\n" not in line


def test_markdown_groups_and_headings() -> None:
    def edit(j: dict[str, Any]) -> None:
        stage(j, "attract")["name"] = "Tiltræk kunden"
        tp(j, "blog")["emotion"] = 2
        stage(j, "attract")["messaging"]["tone"] = "sell"

    md = render_markdown(changed(edit), "en")
    assert md.splitlines() == [
        "### Journey changes",
        "",
        "**Stages**",
        "",
        '- `~` stage `attract`: name "Tiltræk" → "Tiltræk kunden"',
        "",
        "**Touchpoints**",
        "",
        "- `~` touchpoint `blog`: emotion 4 → 2 \\(worse\\)",
        "",
        "**Messaging**",
        "",
        '- `~` stage `attract`: messaging tone "inspire" → "sell"',
    ]
    assert render_markdown([], "da").startswith("### Ændringer i kunderejsen\n\n_Ingen ændringer._")
    assert "**Berøringspunkter**" in render_markdown(changed(edit), "da")


def test_markdown_escapes_user_text() -> None:
    cmarkgfm = pytest.importorskip("cmarkgfm")
    evil = "<img src=x onerror=alert(1)> [klik](https://evil.example) **fed** `kode` @team #12 $x$"

    def edit(j: dict[str, Any]) -> None:
        stage(j, "attract")["name"] = evil
        j["stages"].append({"id": "ny", "name": "| a | b |\n|---|---|"})

    md = render_markdown(changed(edit), "en")
    html = cmarkgfm.github_flavored_markdown_to_html(md)
    assert "<img" not in html
    assert "<a " not in html
    assert "<strong>fed" not in html
    assert "<code>kode" not in html
    assert "<table" not in html
    assert "@team" not in html  # a zero-width space keeps GitHub from notifying the team
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "[klik](https://evil.example)" in html  # shown as written, not as a link


def test_broken_journeys_compare_without_crashing() -> None:
    broken: dict[str, Any] = {
        "stages": [
            "oops",
            {"name": "no id"},
            {"id": "a", "name": 5, "touchpoints": "none", "messaging": "loud"},
            {"id": "a", "name": "twice", "touchpoints": [{"id": "t"}, {"id": "t"}]},
        ],
        "personas": {"not": "a list"},
        "interviews": [{"id": "i", "answers": ["x", {"text": None}]}],
    }
    for old, new in [(broken, base()), (base(), broken), (broken, {}), ({}, broken), ([], "x")]:
        changes = diff_journeys(old, new)
        render_text(changes, "en")
        render_markdown(changes, "da")
    edited = copy.deepcopy(broken)
    edited["stages"][2]["messaging"] = {"tone": "sell"}
    edited["stages"][3]["touchpoints"][1]["name"] = "T"
    lines = text_lines(diff_journeys(broken, edited))
    assert lines[0] == '~ stage a: messaging "loud" -> {"tone": "sell"}'
    assert len(lines) == 2


# --- the command ---------------------------------------------------------------------


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(dump(data), encoding="utf-8")
    return path


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old = base()
    new = copy.deepcopy(old)
    stage(new, "attract")["name"] = "Tiltræk kunden"
    tp(new, "facebook-annonce")["emotion"] = 1
    return write(tmp_path / "old.journey.yaml", old), write(tmp_path / "new.journey.yaml", new)


def test_cli_diff_two_files(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    old, new = pair
    assert main(["diff", str(old), str(new), "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        '~ stage attract: name "Tiltræk" -> "Tiltræk kunden"',
        "~ touchpoint facebook-annonce: emotion 3 -> 1 (worse)",
    ]
    # The journey says language: da, so that is the default.
    assert main(["diff", str(old), str(new)]) == 0
    assert capsys.readouterr().out.startswith('~ fase attract: navn "Tiltræk"')
    assert main(["diff", str(old), str(new), "--to", "markdown", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("### Journey changes\n")


def test_cli_exit_code(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    old, new = pair
    assert main(["diff", str(old), str(new), "--exit-code"]) == 1
    assert main(["diff", str(old), str(old), "--exit-code"]) == 0
    assert main(["diff", str(old), str(old)]) == 0
    assert "Ingen ændringer." in capsys.readouterr().out


def test_cli_colour(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    old, new = pair
    assert main(["diff", str(old), str(new), "--color", "always"]) == 0
    assert "\x1b[" in capsys.readouterr().out
    assert main(["diff", str(old), str(new)]) == 0  # auto, and captured output is no terminal
    assert "\x1b[" not in capsys.readouterr().out

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdout", Tty())
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert diff_cli._use_color("auto") is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert diff_cli._use_color("auto") is False
    assert diff_cli._use_color("always") is True


def test_cli_unreadable_side(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    old, _ = pair
    bad = old.parent / "bad.journey.yaml"
    bad.write_text("format: kunderejse/1\nid: a\nid: b\n", encoding="utf-8")
    assert main(["diff", str(old), str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:3:1: error[L013]" in err
    assert main(["diff", str(old), str(old.parent / "missing.journey.yaml")]) == 1
    assert "L017" in capsys.readouterr().err


def test_cli_future_state_finds_its_based_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    current = write(tmp_path / "bilkoeb.journey.yaml", base())
    future_data = base()
    future_data.update(state="future", based_on=current.name)
    tp(future_data, "proevetur")["emotion"] = 4
    future = write(tmp_path / "bilkoeb-fremtid.journey.yaml", future_data)
    assert main(["diff", str(future), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Future state vs current state"
    assert "~ touchpoint proevetur: emotion 2 -> 4 (better)" in out
    assert main(["diff", str(current), str(future), "--to", "markdown", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("### Future state vs current state\n")


def test_cli_usage_errors(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    old, new = pair
    assert main(["diff", str(old)]) == 2  # no --rev and no based_on
    assert "based_on" in capsys.readouterr().err
    assert main(["diff", str(old), str(new), "--rev", "HEAD"]) == 2
    assert main(["diff", str(old), str(new), str(new)]) == 2
