"""The diagrams render in real Mermaid and show exactly the text the user typed.

Every Mermaid export of the samples and of the escaping corpus (whole, per stage, per
persona, in both languages, plus seeded random labels) is rendered by
@mermaid-js/mermaid-cli in ONE browser session (tests/render/render.mjs). The SVG is
then read back (character references decoded, as a browser shows it) and compared
with the journey data: sections, task texts, scores, actors, subgraph and node labels.

The expected values are computed here from the journey data, independently of the
exporter's escaping: the escaping is what is under test.

Needs the tools from .ci/install-render-tools: skipped locally without them (with
the reason), a failure under CI=true.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kunderejse_tui.journey.export import (
    export_mermaid_flowchart,
    export_mermaid_flowchart_per_stage,
    export_mermaid_journey,
    export_mermaid_journey_per_stage,
)
from kunderejse_tui.journey.export.labels import (
    emotion_label,
    label,
    value_label,
)
from kunderejse_tui.journey.yamlio import load_file
from tests.golden.corpus import NASTY, corpus_journey
from tests.render.harness import Rendered, read_flowchart, read_journey, render_all

# Every diagram is rendered in one browser run (a module fixture): keep the module on
# one xdist worker (make test uses --dist loadgroup) so that run happens once.
pytestmark = [pytest.mark.render, pytest.mark.xdist_group("mermaid-render")]

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "sample_journeys").glob("*.journey.yaml"))
WORD_JOINER = "\u2060"  # invisible; the flowchart export uses it to defuse patterns


# ---------------------------------------------------------------------------
# What the user typed, as it should be seen


def one_line(s: Any) -> str:
    return " ".join(str(s).split()) if isinstance(s, (str, int, float)) else ""


def shown_lines(s: Any) -> list[str]:
    lines = [" ".join(line.split()) for line in str(s).splitlines()] if s else []
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def stage_title(stage: dict[str, Any], i: int, lang: str) -> str:
    return (
        one_line(stage.get("name"))
        or one_line(stage.get("id"))
        or f"{label('stage', lang)} {i + 1}"
    )


def meets(tp: dict[str, Any], persona: str | None) -> bool:
    return persona is None or not tp.get("personas") or persona in tp["personas"]


@dataclass
class Diagram:
    id: str
    kind: str  # "journey" | "flowchart"
    journey: dict[str, Any]
    lang: str
    persona: str | None
    only: int | None  # one stage (a --split part) or all
    text: str

    def stages(self) -> list[tuple[int, dict[str, Any]]]:
        all_stages = list(enumerate(self.journey["stages"]))
        return all_stages if self.only is None else [all_stages[self.only]]


def diagram(
    name: str,
    kind: str,
    journey: dict[str, Any],
    lang: str | None = None,
    persona: str | None = None,
) -> Diagram:
    make = export_mermaid_journey if kind == "journey" else export_mermaid_flowchart
    shown_lang = lang or journey.get("language", "da")
    suffix = "/".join(x for x in (lang, persona and f"@{persona}") if x)
    return Diagram(
        f"{name}/{kind}" + (f"/{suffix}" if suffix else ""),
        kind,
        journey,
        shown_lang,
        persona,
        None,
        make(journey, lang=lang, persona=persona),
    )


def split_diagrams(name: str, journey: dict[str, Any]) -> list[Diagram]:
    lang = journey.get("language", "da")
    out = []
    for kind, make in (
        ("flowchart", export_mermaid_flowchart_per_stage),
        ("journey", export_mermaid_journey_per_stage),
    ):
        for i, (sid, text) in enumerate(make(journey)):
            out.append(Diagram(f"{name}/{kind}/split-{sid}", kind, journey, lang, None, i, text))
    return out


def random_labels(seed: int, count: int) -> list[str]:
    """Seeded (so reproducible) labels drawn from the characters that need escaping."""
    pool = list(":;#,%\"'<>&`$°¶ß\\|*_[](){}~!-=+.\n\t æøå😀") + list("abcdefghijklmnop")
    words = ["end", "title", "section", "journey", "%%", "#59;", "fa:fa-x", "$$", "\\n", "o", "x"]
    rng = random.Random(seed)
    labels = []
    for _ in range(count):
        parts = [rng.choice(words) if rng.random() < 0.3 else rng.choice(pool) for _ in range(12)]
        text = "".join(parts)
        # A label must have something visible, or the exporter shows its id instead.
        labels.append(text if text.strip() else "x" + text)
    return labels


def fuzz_journey() -> dict[str, Any]:
    labels = random_labels(20261120, 60)
    stages = []
    for s in range(6):
        chunk = labels[s * 10 : (s + 1) * 10]
        stages.append(
            {
                "id": f"s{s}",
                "name": chunk[0],
                "customer_questions": [{"text": t} for t in chunk[1:4]],
                "touchpoints": [
                    {"id": f"t{s}-{k}", "name": t, "channel": chunk[0], "emotion": k % 5 + 1}
                    for k, t in enumerate(chunk[4:])
                ],
            }
        )
    return {
        "format": "kunderejse/1",
        "id": "fuzz",
        "title": labels[0],
        # Persona names are short words: Mermaid breaks a legend word wider than its
        # maxLabelWidth inside entity placeholders, garbling it (a Mermaid bug).
        "personas": [
            {"id": "a", "name": "Mette, K.; #1 %% <b> ¶ß"},
            {"id": "b", "name": "Ole: 100% title"},
        ],
        "stages": stages,
    }


def all_diagrams() -> list[Diagram]:
    # Each diagram costs a browser page (about a second), so the variants are chosen:
    # every sample's two exports, then languages, a persona and the per-stage split on
    # one sample, and the corpus and the seeded labels in both diagram kinds.
    out: list[Diagram] = []
    kinds = ("journey", "flowchart")
    for path in SAMPLES:
        journey = load_file(path).data
        name = path.name.removesuffix(".journey.yaml")
        out += [diagram(name, kind, journey) for kind in kinds]
        if path.name == "bilkoeb-privat.journey.yaml":
            persona = journey["personas"][0]["id"]
            out += [diagram(name, kind, journey, lang="en") for kind in kinds]
            out += [diagram(name, kind, journey, persona=persona) for kind in kinds]
            out += split_diagrams(name, journey)
    corpus = corpus_journey()
    for lang in ("da", "en"):
        out += [diagram("corpus", kind, corpus, lang=lang) for kind in kinds]
    out += [diagram("corpus", kind, corpus, persona="p1") for kind in kinds]
    out += [diagram("fuzz", kind, fuzz_journey()) for kind in kinds]
    return out


DIAGRAMS = all_diagrams()


@pytest.fixture(scope="module")
def rendered() -> Rendered:
    return render_all({d.id: d.text for d in DIAGRAMS})


# ---------------------------------------------------------------------------
# Expected content


def expected_actors(d: Diagram, tp: dict[str, Any]) -> list[str]:
    names: dict[str, str] = {}
    for p in d.journey.get("personas", []):
        names.setdefault(p["id"], one_line(p.get("name")) or p["id"])
    if d.persona is not None:
        return [names[d.persona]]
    ids = tp.get("personas") or list(names)
    return list(dict.fromkeys(names.get(i, i) for i in ids))


def clean(s: str) -> str:
    return s.replace(WORD_JOINER, "")


def check_journey(d: Diagram, svg: str) -> None:
    seen = read_journey(svg)
    assert seen.title == one_line(d.journey.get("title"))
    # A stage without touchpoints is left out (named in a %% comment), not invented.
    stages = [
        (i, s) for i, s in d.stages() if any(meets(t, d.persona) for t in s.get("touchpoints", []))
    ]
    assert seen.sections == [stage_title(s, i, d.lang) for i, s in stages]
    expected: list[tuple[str, object, list[str]]] = []
    for _, stage in stages:
        tps = [t for t in stage.get("touchpoints", []) if meets(t, d.persona)]
        for tp in tps:
            score = tp.get("emotion") if tp.get("emotion") in (1, 2, 3, 4, 5) else 3
            expected.append(
                (one_line(tp.get("name")) or one_line(tp["id"]), score, expected_actors(d, tp))
            )
    got = [(t.text, t.score, t.actors) for t in seen.tasks]
    assert [g[0] for g in got] == [e[0] for e in expected], "task texts"
    # The <text> fallback (for viewers without foreignObject) must say the same.
    assert [t.fallback_text for t in seen.tasks] == [e[0] for e in expected]
    assert [g[1] for g in got] == [e[1] for e in expected], "scores"
    assert [sorted(g[2]) for g in got] == [sorted(e[2]) for e in expected], "actors"
    legend = " ".join(" ".join(seen.legend).split())
    for _, _, actors in expected:
        for actor in actors:
            assert actor in legend


def check_flowchart(d: Diagram, svg: str) -> None:
    seen = read_flowchart(svg)
    clusters: dict[str, str] = {}
    nodes: dict[str, str] = {}
    for i, stage in d.stages():
        sid = f"S{i + 1}"
        # Unlike a journey section, a subgraph label keeps the user's line breaks.
        clusters[sid] = "\n".join(shown_lines(stage.get("name"))) or stage_title(stage, i, d.lang)
        questions = [
            q
            for q in stage.get("customer_questions", [])
            if d.persona is None or q.get("persona") in (None, d.persona)
        ]
        for j, q in enumerate(questions):
            nodes[f"{sid}_Q{j + 1}"] = "\n".join(shown_lines(q["text"]))
        tps = [t for t in stage.get("touchpoints", []) if meets(t, d.persona)]
        for j, tp in enumerate(tps):
            lines = shown_lines(tp.get("name")) or [tp["id"]]
            details = []
            if tp.get("channel"):
                details.append(one_line(value_label("channel", tp["channel"], d.lang)))
            if tp.get("emotion") in (1, 2, 3, 4, 5):
                details.append(emotion_label(tp["emotion"], d.lang))
            if details:
                lines.append(" · ".join(details))
            nodes[f"{sid}_T{j + 1}"] = "\n".join(lines)
        if not tps:
            nodes[f"{sid}_T0"] = label("placeholder_task", d.lang)
    assert {k: clean(v) for k, v in seen.clusters.items()} == clusters
    assert {k: clean(v) for k, v in seen.nodes.items()} == nodes
    ids = [f"S{i + 1}" for i, _ in d.stages()]
    assert sorted(seen.edges) == sorted(f"L_{a}_{b}_0" for a, b in itertools.pairwise(ids))


# ---------------------------------------------------------------------------


def test_every_diagram_renders(rendered: Rendered) -> None:
    assert not rendered.errors, "Mermaid rejected:\n" + "\n\n".join(
        f"{k}: {v}" for k, v in rendered.errors.items()
    )
    assert len(rendered.svgs) == len(DIAGRAMS)
    assert rendered.mermaid_version.startswith("11.")


@pytest.mark.parametrize("diagram", DIAGRAMS, ids=[d.id for d in DIAGRAMS])
def test_rendered_text_is_what_the_user_typed(rendered: Rendered, diagram: Diagram) -> None:
    if diagram.id in rendered.errors:
        pytest.fail(f"Mermaid rejected the diagram: {rendered.errors[diagram.id]}")
    svg = rendered.svgs[diagram.id]
    if diagram.kind == "journey":
        check_journey(diagram, svg)
    else:
        check_flowchart(diagram, svg)


def test_corpus_reaches_every_diagram_kind() -> None:
    # Guards the test itself: the corpus labels are really in what gets rendered.
    corpus = [d for d in DIAGRAMS if d.id.startswith("corpus/")]
    names = {t["name"] for s in corpus_journey()["stages"] for t in s.get("touchpoints", [])}
    assert names == set(NASTY)
    assert {d.kind for d in corpus} == {"journey", "flowchart"}
