"""The escaping corpus: labels that break naive Markdown or Mermaid output.

Every label is used as a stage name, a touchpoint name, a persona name, a question,
a pain, a message and a quote somewhere in ``corpus_journey()``, so all three exports
meet all of them. The render and Markdown tests check that each comes out as the
same visible text; the golden files pin the escaped source.
"""

from __future__ import annotations

from typing import Any

# Why each one is here, briefly.
NASTY: list[str] = [
    "Pris: 1.000 kr.; inkl. moms # ca.",  # journey separators and comment
    "end",  # closes a flowchart subgraph
    "End",
    "Title deed check",  # journey keyword "title " at the start of a task
    "title",
    "Section review",  # journey keyword "section "
    "section",
    "Journey planning",  # journey keyword
    "accTitle: hemmelig",  # accessibility keywords
    "accDescr {x}",
    "%% note",  # Mermaid comment: the task would vanish
    "a%%b",  # "%%" after one character is a comment too
    "%%{init: {'theme': 'dark'}}%%",  # a directive
    "Kunde 😀 med emoji 👨‍👩‍👧 og ✔︎",
    "Æble, øl og årstid: ÆØÅ æøå",
    "<script>alert(1)</script>",
    "<b>fed</b> og <br> linje <img src=x onerror=alert(1)>",
    "#59; skrevet bogstaveligt",  # a typed entity must not be decoded
    "#quot; og &amp; og &copy; og &#35;",
    "Første linje\nAnden linje\n\nTredje efter tom linje",
    "Citat \"med\" anførselstegn og 'enkelte'",
    "back`tick` og ```fence```",
    "*stjerne* _understreg_ **fed** __fed__ ~~slet~~ ~slet~",
    "[link](http://example.com) ![billede](x.png) [ref]",
    "| pipe | i celle |",
    "# ikke en overskrift",
    "- ikke en liste",
    "+ heller ikke",
    "1. ikke nummereret",
    "2) heller ikke",
    "> ikke et citat",
    "===",
    "---",
    "***",
    "back\\slash og \\n og \\*",
    "$$x^2$$ og $5 og $10",  # KaTeX in flowcharts, math on GitHub
    "fa:fa-car ikon",  # Font Awesome in flowchart labels
    "fl°°58¶ß Mermaid-intern",  # Mermaid's own entity placeholder
    "Se https://example.com/a_b?c=d&e=f. Tak",  # bare URL (MD034)
    "Skriv til mail@example.com eller www.example.com",
    "style:#fff;",  # Mermaid's style-line preprocessing
    "classDef x fill:#f00;",
    "A-->B --> C -.-> D ==> E",  # links inside a label
    "o-node x-node",
    "  mellemrum før og efter  ",
    "tab\there",
    "1,5 mio.; 3:1",  # commas split actors
    "Luk!",  # markdownlint MD026: trailing punctuation in a heading
    "Slut.",
    "<!-- kommentar -->",
    "&lt;b&gt;",
    "{{krøllet}} [firkantet] (rund) <<dobbelt>>",
    "C# og F#",
    "100% sikker",
    "Mål: 5/5 ☆ ★",
    "&",
    "#",
]


def corpus_journey(language: str = "da") -> dict[str, Any]:
    """A journey where every field the exports show holds corpus labels."""
    stages: list[dict[str, Any]] = []
    personas = [
        {"id": "p1", "name": "Mette, K.; #1", "summary": NASTY[19], "traits": NASTY[20:24]},
        {"id": "p2", "name": "Ole: <b>chef</b> %% x", "needs": [NASTY[0]]},
        {"id": "p3", "name": "Title Tom", "pains": NASTY[24:28]},
    ]
    per_stage = 5
    chunks = [NASTY[i : i + per_stage] for i in range(0, len(NASTY), per_stage)]
    tp_counter = 0
    for s, chunk in enumerate(chunks):
        touchpoints = []
        for k, name in enumerate(chunk):
            tp_counter += 1
            tp: dict[str, Any] = {
                "id": f"tp-{tp_counter}",
                "name": name,
                "channel": ["social-media", "review-site", name][k % 3],
                "kind": ["owned", "paid", "earned", "offline"][k % 4],
                "pains": [name],
                "opportunities": [NASTY[(tp_counter * 7) % len(NASTY)]],
            }
            if k % 5 != 4:
                tp["emotion"] = k % 5 + 1
            if k % 3 == 1:
                tp["personas"] = ["p1", "p2"]
            elif k % 3 == 2:
                tp["personas"] = ["p3"]
            touchpoints.append(tp)
        stages.append(
            {
                "id": f"stage-{s + 1}",
                "name": chunk[0],
                "customer_goal": chunk[-1],
                "customer_questions": [
                    {"text": q, **({"persona": "p1"} if j % 2 else {})} for j, q in enumerate(chunk)
                ],
                "touchpoints": touchpoints,
                "messaging": {
                    "tone": ["inspire", "inform", "persuade", "sell"][s % 4],
                    "key_messages": chunk[:2],
                    "content": chunk[2:],
                    "call_to_action": chunk[1],
                },
                "kpis": chunk[::2],
                "duration": chunk[-1],
            }
        )
    # A stage without touchpoints still shows (placeholder task), and one named by its
    # id only.
    stages.append({"id": "tom-fase", "name": "Tom fase: ingen berøringspunkter"})
    stages.append({"id": "kun-id"})

    answers = [
        {
            "question": "need-discovery",
            "text": NASTY[i],
            "stages": [f"stage-{i % len(chunks) + 1}"],
        }
        for i in range(0, len(NASTY), 3)
    ]
    answers.append({"ask": NASTY[2], "text": NASTY[4], "touchpoints": ["tp-7"]})
    answers.append({"ask": "Uden fase?", "text": NASTY[13]})
    return {
        "format": "kunderejse/1",
        "id": "corpus",
        "title": 'Korpus: <b>#1</b>; 100% "svært" `tekst`',
        "language": language,
        "market": "B2B",
        "model": "custom",
        "description": "\n".join(NASTY[:30]),
        "owner": NASTY[17],
        "updated": "2026-11-20",
        "time_to_purchase": NASTY[47],
        "personas": personas,
        "stages": stages,
        "interviews": [
            {
                "id": "i-1",
                "persona": "p1",
                "date": "2026-11-03",
                "respondent": "Hans <Jensen>; #1",
                "consent": True,
                "answers": answers,
            },
            {
                "id": "i-2",
                "date": "2026-11-04",
                "respondent": "Grete: *anonym*",
                "answers": [{"question": "why-us", "text": NASTY[5], "stages": ["stage-2"]}],
            },
        ],
    }
