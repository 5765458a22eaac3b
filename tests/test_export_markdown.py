"""The Markdown export: what it says, and that GitHub's renderer shows it as intended.

The document is rendered with cmarkgfm (cmark-gfm, GitHub's renderer) with raw HTML
let through, so that any HTML smuggled in by user text would show up as a tag here.
"""

from __future__ import annotations

import copy
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kunderejse_tui.journey.channels import CHANNELS
from kunderejse_tui.journey.export import UnknownPersonaError, export_markdown
from kunderejse_tui.journey.export.labels import label, value_label
from kunderejse_tui.journey.export.mermaid import MAX_TEXT_SIZE
from kunderejse_tui.journey.yamlio import load_file
from tests.golden.corpus import NASTY, corpus_journey
from tests.golden.regen import Case, cases
from tests.render.harness import MARKDOWNLINT, require_markdownlint

ROOT = Path(__file__).resolve().parents[1]
BILKOEB = ROOT / "sample_journeys" / "bilkoeb-privat.journey.yaml"
MARKDOWN_CASES = [c for c in cases() if c.export == "markdown"]
CASE_IDS = [f"{c.source}/{c.path.name}" for c in MARKDOWN_CASES]


# ---------------------------------------------------------------------------
# Rendering as GitHub does


def github_html(markdown: str) -> str:
    # UNSAFE: keep raw HTML, so that a leak of user HTML is visible to the checks.
    html: str = cmarkgfm.github_flavored_markdown_to_html(
        markdown, options=Options.CMARK_OPT_UNSAFE
    )
    return html


class Page(HTMLParser):
    """Tags, visible text (outside code blocks) and tables of rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.comments: list[str] = []
        self.text: list[str] = []
        self.tables: list[list[list[str]]] = []
        self.links: list[tuple[str, str]] = []
        self._pre = 0
        self._cell: list[str] | None = None
        self._link: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "pre":
            self._pre += 1
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "a":
            self._link = (dict(attrs).get("href") or "", [])
        if tag == "br" or tag in ("p", "li", "h1", "h2", "h3", "h4", "td", "th", "tr"):
            self._data("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self._pre -= 1
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "a" and self._link is not None:
            self.links.append((self._link[0], "".join(self._link[1])))
            self._link = None
        if tag in ("p", "li", "h1", "h2", "h3", "h4", "td", "th"):
            self._data("\n")

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def handle_data(self, data: str) -> None:
        self._data(data)

    def _data(self, data: str) -> None:
        if self._pre:
            return
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._link is not None:
            self._link[1].append(data)

    def visible(self) -> str:
        return norm("".join(self.text))


def norm(s: str) -> str:
    return " ".join(s.split())


def parse(markdown: str) -> Page:
    page = Page()
    page.feed(github_html(markdown))
    return page


# What may appear: the document's own structure, <br> for line breaks in cells, and
# links (autolinked URLs typed by the user). Anything else came from user text.
ALLOWED_TAGS = {
    "h1", "h2", "h3", "h4", "p", "ul", "li", "strong", "br", "a",
    "table", "thead", "tbody", "tr", "th", "td", "pre", "code",
}  # fmt: skip


def gfm_cells(row: str) -> int:
    """How many cells GFM splits a table row into: unescaped pipes, as cmark-gfm does."""
    inner = row.strip()[1:-1]
    count, i = 1, 0
    while i < len(inner):
        if inner[i] == "\\" and i + 1 < len(inner):
            i += 2
            continue
        if inner[i] == "|":
            count += 1
        i += 1
    return count


# ---------------------------------------------------------------------------
# The user's text in a journey (what must come out visibly)


def _strings(value: Any) -> list[str]:
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return [str(value)] if str(value).strip() else []
    return []


def user_texts(journey: dict[str, Any]) -> list[str]:
    slugs = {c.slug for c in CHANNELS}
    out = _strings([journey.get(k) for k in ("title", "description", "owner", "time_to_purchase")])
    for p in journey.get("personas", []):
        out += _strings([p.get("name"), p.get("summary"), p.get("geography")])
        out += _strings(list(p.get("demographics", {}).values()))
        out += _strings(list(p.get("job", {}).values()))
        out += _strings([p.get("traits"), p.get("needs"), p.get("pains")])
    for s in journey.get("stages", []):
        out += _strings([s.get("name"), s.get("customer_goal"), s.get("kpis"), s.get("duration")])
        out += _strings([q.get("text") for q in s.get("customer_questions", [])])
        m = s.get("messaging", {})
        out += _strings([m.get("key_messages"), m.get("content"), m.get("call_to_action")])
        for t in s.get("touchpoints", []):
            out += _strings([t.get("name"), t.get("pains"), t.get("opportunities")])
            if t.get("channel") not in slugs:
                out += _strings([t.get("channel")])
    for iv in journey.get("interviews", []):
        out += _strings([iv.get("respondent"), iv.get("date")])
        for a in iv.get("answers", []):
            out += _strings([a.get("text"), a.get("ask")])
    return out


def case_markdown(case: Case) -> str:
    return case.path.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# GitHub rendering


@pytest.mark.parametrize("case", MARKDOWN_CASES, ids=CASE_IDS)
def test_no_html_from_user_text(case: Case) -> None:
    page = parse(case_markdown(case))
    assert set(page.tags) <= ALLOWED_TAGS, set(page.tags) - ALLOWED_TAGS
    assert page.comments == []
    for href, text in page.links:
        # Only URLs and e-mail addresses the user typed become links (GitHub links
        # an address even when escaped), and they show as typed.
        assert href in (text, f"mailto:{text}", f"http://{text}"), (href, text)
        assert href.startswith(("http://", "https://", "ftp://", "mailto:")), href


@pytest.mark.parametrize("case", MARKDOWN_CASES, ids=CASE_IDS)
def test_tables_have_one_cell_per_column(case: Case) -> None:
    markdown = case_markdown(case)
    blocks = re.findall(r"(?m)(?:^\|.*\|\n)+", markdown)
    assert blocks
    for block in blocks:
        rows = block.splitlines()
        header = gfm_cells(rows[0])
        assert all(gfm_cells(r) == header for r in rows), block
    for table in parse(markdown).tables:
        assert all(len(row) == len(table[0]) for row in table)


@pytest.mark.parametrize(
    "journey,name",
    [(corpus_journey(), "corpus"), (load_file(BILKOEB).data, "bilkoeb-privat")],
    ids=["corpus", "bilkoeb-privat"],
)
def test_user_text_is_visible_as_typed(journey: dict[str, Any], name: str) -> None:
    page = parse(export_markdown(journey, include_unconsented=True))
    visible = page.visible()
    missing = [t for t in user_texts(journey) if norm(t) not in visible]
    assert missing == []


def test_corpus_cells_hold_exactly_their_text() -> None:
    journey = corpus_journey()
    page = parse(export_markdown(journey))
    # Tables in order: the overview, then one touchpoint table per stage with some.
    overview, *touchpoint_tables = page.tables
    names = [s.get("name") or s["id"] for s in journey["stages"]]
    assert [norm(c) for c in overview[0][1:]] == [norm(n) for n in names]
    stages = [s for s in journey["stages"] if s.get("touchpoints")]
    assert len(touchpoint_tables) == len(stages)
    for table, stage in zip(touchpoint_tables, stages, strict=True):
        for row, tp in zip(table[1:], stage["touchpoints"], strict=True):
            assert norm(row[0]) == norm(tp["name"])
            assert norm(row[-1]) == norm(" ".join(tp["opportunities"]))


def test_every_corpus_label_survives() -> None:
    visible = parse(export_markdown(corpus_journey())).visible()
    assert [t for t in NASTY if norm(t) not in visible] == []


# ---------------------------------------------------------------------------
# Content


@pytest.fixture
def bilkoeb() -> dict[str, Any]:
    return load_file(BILKOEB).data


def test_sections_in_order_danish(bilkoeb: dict[str, Any]) -> None:
    md = export_markdown(bilkoeb)
    headings = re.findall(r"(?m)^## (.*)$", md)
    assert headings == [
        "Fakta",
        "Personaer",
        "Overblik over rejsen",
        "Faserne",
        "Interviewfund",
        "Rejsediagram",
    ]
    for word in ("Berøringspunkter", "Kundens spørgsmål", "Budskaber", "Nøglebudskaber"):
        assert word in md
    assert md.startswith("# Privatkunder køber ny bil\n")
    assert "```mermaid\njourney\n" in md


def test_english_labels(bilkoeb: dict[str, Any]) -> None:
    md = export_markdown(bilkoeb, lang="en")
    for word in ("Touchpoints", "Customer questions", "Messaging", "Journey overview", "Facts"):
        assert word in md
    for word in ("Berøringspunkter", "Budskaber", "Fakta"):
        assert word not in md
    # The question bank is worded in the export language.
    assert "When and how did you discover that you had a need?" in md


def test_language_defaults_to_the_journey_then_danish(bilkoeb: dict[str, Any]) -> None:
    bilkoeb["language"] = "en"
    assert "## Facts" in export_markdown(bilkoeb)
    del bilkoeb["language"]
    assert "## Fakta" in export_markdown(bilkoeb)


def test_every_enum_value_has_a_label_in_both_languages() -> None:
    # Completeness of the words themselves is the catalog's test (tests/test_i18n.py).
    values = {
        "kind": ("owned", "paid", "earned", "offline"),
        "tone": ("inspire", "inform", "persuade", "sell"),
        "state": ("current", "future"),
        "market": ("B2C", "B2B"),
    }
    for kind, options in values.items():
        for value in options:
            for lang in ("da", "en"):
                assert value_label(kind, value, lang).strip(), (kind, value, lang)
    assert value_label("tone", "sell", "da") == "Sælge"
    assert value_label("tone", "shout", "da") == "shout"  # unknown: shown as typed


def test_emotion_does_not_rely_on_colour(bilkoeb: dict[str, Any]) -> None:
    md = export_markdown(bilkoeb)
    assert "| 3/5 😐 neutral |" in md
    assert "| 2/5 🙁 utilfreds |" in md
    assert "| 5/5 😄 begejstret |" in md
    # The overview shows the stage's mean, to one decimal (Danish comma).
    assert "3,7/5 🙂 tilfreds" in md
    assert "3.7/5 🙂 pleased" in export_markdown(bilkoeb, lang="en")


def test_unconsented_interviews_are_left_out(bilkoeb: dict[str, Any]) -> None:
    md = export_markdown(bilkoeb)
    assert "Kunde B" not in md
    assert "benzinregningen løb løbsk" not in md
    assert "1 interview uden samtykke er udeladt." in md
    everything = export_markdown(bilkoeb, include_unconsented=True)
    assert "benzinregningen løb løbsk" in everything
    assert "(Kunde B, 2026-11-10, uden samtykke)" in everything
    assert "udeladt" not in everything


def test_consent_must_be_true_not_a_yes_string(bilkoeb: dict[str, Any]) -> None:
    bilkoeb["interviews"][1]["consent"] = "yes"
    assert "benzinregningen" not in export_markdown(bilkoeb)
    bilkoeb["interviews"][1]["consent"] = True
    assert "benzinregningen" in export_markdown(bilkoeb)


def evidence_section(md: str) -> str:
    return md.split("## Interviewfund", 1)[1].split("## Rejsediagram", 1)[0]


def test_answer_linked_to_a_touchpoint_counts_for_its_stage(bilkoeb: dict[str, Any]) -> None:
    answer = bilkoeb["interviews"][0]["answers"][1]
    answer.pop("stages")
    answer["touchpoints"] = ["udlevering"]  # a touchpoint of the fifth stage
    ev = evidence_section(export_markdown(bilkoeb))
    fifth = ev.split("### 5. Begejstre", 1)[1]
    assert "Jeg så en annonce på Facebook" in fifth
    assert "- **Berøringspunkter:** Udlevering af bilen" in fifth


def test_an_answer_is_quoted_once_per_stage(bilkoeb: dict[str, Any]) -> None:
    # stages: [attract] and a touchpoint of attract: one quote, not two.
    ev = evidence_section(export_markdown(bilkoeb))
    assert ev.count("Jeg så en annonce på Facebook") == 1


def test_answers_show_question_wording_or_ask(bilkoeb: dict[str, Any]) -> None:
    ev = evidence_section(export_markdown(bilkoeb))
    assert "- **Spørgsmål:** Hvornår og hvordan opdagede du, at du havde et behov?" in ev
    assert "- **Spørgsmål:** Hvem var ellers med til at beslutte?" in ev


def test_unlinked_answers_have_their_own_section(bilkoeb: dict[str, Any]) -> None:
    bilkoeb["interviews"][0]["answers"][0].pop("stages")
    ev = evidence_section(export_markdown(bilkoeb))
    assert "### Ikke knyttet til en fase" in ev
    assert ev.split("### Ikke knyttet til en fase")[1].count("Leasingaftalen udløb") == 1


def test_anonymise_letters_respondents_in_order_of_appearance() -> None:
    journey = {
        "format": "kunderejse/1",
        "id": "x",
        "title": "X",
        "stages": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
        "interviews": [
            {
                "id": "2026-11-01-hans-hansen",
                "respondent": "Hans Hansen",
                "consent": True,
                "answers": [{"ask": "?", "text": "Hans siger noget", "stages": ["b"]}],
            },
            {
                "id": "2026-11-02-grete",
                "respondent": "Grete",
                "consent": True,
                "answers": [{"ask": "?", "text": "Grete siger noget", "stages": ["a"]}],
            },
        ],
    }
    md = export_markdown(journey, anonymise=True)
    # Grete is quoted first (stage A), so she is Kunde A although interviewed second.
    assert "- »Grete siger noget« (Kunde A)" in md
    assert "- »Hans siger noget« (Kunde B)" in md
    assert "Hansen" not in md.replace("Hans siger", "") and "hans-hansen" not in md
    en = export_markdown(journey, anonymise=True, lang="en")
    assert "- “Grete siger noget” (Customer A)" in en


def test_anonymise_keeps_one_letter_per_respondent(bilkoeb: dict[str, Any]) -> None:
    bilkoeb["interviews"][0]["respondent"] = "Mette Jensen"
    bilkoeb["interviews"][1]["respondent"] = "Mette Jensen"
    bilkoeb["interviews"][1]["consent"] = True
    md = export_markdown(bilkoeb, anonymise=True)
    assert "Jensen" not in md
    assert "Kunde A" in md and "Kunde B" not in md


def test_persona_narrows_the_document(bilkoeb: dict[str, Any]) -> None:
    md = export_markdown(bilkoeb, persona="kasper")
    assert "Dette udsnit viser det, personaen Kasper møder." in md
    assert "### Mette" not in md and "### Kasper" in md
    assert "Annonce på Facebook" not in md  # Mette's touchpoint
    assert "Blogguide om elbil eller benzin" in md  # Kasper's
    assert "Kollega fortæller om sin nye bil" in md  # everyone's
    assert "Skal vi købe eller privatlease?" not in md  # Mette's question
    assert "Leasingaftalen udløb" not in md  # Mette's interview


def test_unknown_persona_is_an_error(bilkoeb: dict[str, Any]) -> None:
    with pytest.raises(UnknownPersonaError) as err:
        export_markdown(bilkoeb, persona="nobody")
    assert err.value.known == ["mette", "kasper"]


def test_duplicate_persona_names_get_distinct_headings(bilkoeb: dict[str, Any]) -> None:
    bilkoeb["personas"][1]["name"] = "Mette"
    md = export_markdown(bilkoeb)
    assert "### Mette\n" in md and "### Mette (kasper)\n" in md


def test_empty_stage_is_shown(bilkoeb: dict[str, Any]) -> None:
    bilkoeb["stages"].append({"id": "tom", "name": "Tom"})
    md = export_markdown(bilkoeb)
    assert "### 6. Tom\n\n#### Berøringspunkter\n\nIngen berøringspunkter endnu.\n" in md


def test_too_big_diagram_is_replaced_by_a_note(bilkoeb: dict[str, Any]) -> None:
    tps = bilkoeb["stages"][0]["touchpoints"]
    for i in range(MAX_TEXT_SIZE // 40):
        tps.append({"id": f"x-{i}", "name": f"Berøringspunkt nummer {i}"})
    md = export_markdown(bilkoeb)
    assert "```mermaid" not in md
    assert label("diagram_too_big", "da") in md


def test_minimal_journey(bilkoeb: dict[str, Any]) -> None:
    md = export_markdown({"format": "kunderejse/1", "id": "x", "title": "", "stages": []})
    assert md.startswith("# Kunderejse\n")
    assert md.endswith("```\n")


# A broken file still opens, so its export must not crash, whatever the types.
_junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
_keys = st.sampled_from(
    ["title", "description", "stages", "personas", "interviews", "language", "market", "model"]
)
_stage_keys = st.sampled_from(
    ["name", "id", "touchpoints", "customer_questions", "messaging", "kpis", "duration"]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    top=st.dictionaries(_keys, _junk, max_size=4),
    stage=st.dictionaries(_stage_keys, _junk, max_size=4),
    tp=st.dictionaries(
        st.sampled_from(["name", "id", "emotion", "personas", "pains", "channel", "kind"]),
        _junk,
        max_size=4,
    ),
    answer=st.dictionaries(
        st.sampled_from(["text", "question", "ask", "stages", "touchpoints"]), _junk, max_size=4
    ),
)
def test_broken_journeys_export_without_crashing(
    top: dict[str, Any], stage: dict[str, Any], tp: dict[str, Any], answer: dict[str, Any]
) -> None:
    from kunderejse_tui.journey.export import (
        export_mermaid_flowchart,
        export_mermaid_journey,
    )

    base = copy.deepcopy(load_file(BILKOEB).data)
    base["stages"][0].update(stage)
    base["stages"][1]["touchpoints"][0].update(tp)
    base["interviews"][0]["answers"][0].update(answer)
    base["interviews"][0]["consent"] = True
    base.update(top)
    for journey in (base, top, [top], "oops"):
        for anonymise in (False, True):
            assert isinstance(export_markdown(journey, anonymise=anonymise), str)
        assert export_mermaid_journey(journey).startswith("journey\n")
        assert export_mermaid_flowchart(journey).startswith("flowchart LR\n")


# ---------------------------------------------------------------------------
# markdownlint


@pytest.mark.render
def test_markdownlint_passes(tmp_path: Path) -> None:
    require_markdownlint()
    files = []
    for case in MARKDOWN_CASES:
        files.append(case.path)
    broken = load_file(BILKOEB).data
    broken["personas"][1]["name"] = "Mette"  # duplicate sibling headings (MD024)
    broken["stages"][0]["name"] = "Luk!"  # trailing punctuation (MD026)
    broken["stages"][1]["touchpoints"] = []
    extra = tmp_path / "broken.md"
    extra.write_text(export_markdown(broken, persona="mette", anonymise=True), encoding="utf-8")
    files.append(extra)
    proc = subprocess.run(
        [str(MARKDOWNLINT), "--config", str(ROOT / ".markdownlint-cli2.jsonc"), *map(str, files)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"Linting: {len(files)} file(s)" in proc.stdout + proc.stderr


def test_emotion_average_rounds_half_up_like_decimal() -> None:
    # The label rounds in whole numbers; Decimal's ROUND_HALF_UP is the reference.
    import itertools
    from decimal import ROUND_HALF_UP, Decimal

    from kunderejse_tui.journey.export.labels import emotion_average_label

    for n in range(1, 7):
        for scores in itertools.combinations_with_replacement(range(1, 6), n):
            mean = Decimal(sum(scores)) / n
            shown = format(mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP).normalize(), "f")
            word = int(mean.quantize(Decimal("1"), rounding=ROUND_HALF_UP))
            assert emotion_average_label(list(scores), "en") == emotion_average_label(
                [word], "en"
            ).replace(f"{word}/5", f"{shown}/5", 1)
    assert emotion_average_label([3, 4, 4], "da").startswith("3,7/5")
