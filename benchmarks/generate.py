"""Big, valid journeys for benchmarks and stress tests.

The default size is the issue's speed target: 12 stages x 60 touchpoints and
400 interviews x 8 answers, about 1.4 MB of YAML. The content is Danish-ish
filler drawn from a seeded generator, so the same arguments always give the
same journey (and the same bytes).

    python -m benchmarks.generate > big.journey.yaml
"""

from __future__ import annotations

import random
import sys
from typing import Any

FORMAT = "kunderejse/1"

_WORD_TEXT = (
    "kunde bil elbil pris leasing aftale forhandler prøvetur værksted service garanti "
    "familie pendler rækkevidde opladning ladeboks finansiering byttebil levering "
    "anmeldelse sammenligning annonce nyhedsbrev hjemmeside beregner tilbud møde "
    "rådgivning hverdag tryghed økonomi bagagerum autostol vinter sommer weekend "
    "hurtig langsom dyr billig nem svær god dårlig ny brugt stor lille"
)
_WORDS = _WORD_TEXT.split()
_CHANNEL_TEXT = (
    "social-media search-engine blog website e-mail newsletter landing-page checkout "
    "customer-service physical-shop review-site word-of-mouth tv-print support-portal"
)
_CHANNELS = _CHANNEL_TEXT.split()
_KINDS = ("owned", "paid", "earned", "offline")
_TONES = ("inspire", "inform", "persuade", "sell")
_QUESTIONS = (
    "need-discovery",
    "first-contact",
    "information-search",
    "evaluation",
    "why-us",
    "retention",
    "time-to-purchase",
    "improvement",
)


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def _persona(rng: random.Random, i: int) -> dict[str, Any]:
    return {
        "id": f"persona-{i + 1}",
        "name": f"Persona {i + 1}",
        "summary": _sentence(rng, 8, 14),
        "demographics": {"age": rng.randint(22, 70), "gender": rng.choice(["kvinde", "mand"])},
        "geography": rng.choice(["Roskilde", "Aarhus", "Odense", "Aalborg", "Holbæk"]),
        "needs": [_sentence(rng, 3, 6) for _ in range(3)],
        "pains": [_sentence(rng, 3, 6) for _ in range(3)],
    }


def _touchpoint(rng: random.Random, s: int, t: int, personas: list[str]) -> dict[str, Any]:
    tp: dict[str, Any] = {
        "id": f"tp-{s + 1}-{t + 1}",
        "name": _sentence(rng, 2, 5).rstrip("."),
        "channel": rng.choice(_CHANNELS),
        "kind": rng.choice(_KINDS),
        "emotion": rng.randint(1, 5),
    }
    if rng.random() < 0.5:
        tp["personas"] = rng.sample(personas, rng.randint(1, len(personas)))
    tp["pains"] = [_sentence(rng, 4, 9) for _ in range(rng.randint(0, 2))]
    tp["opportunities"] = [_sentence(rng, 4, 9) for _ in range(rng.randint(0, 2))]
    return tp


def _stage(rng: random.Random, s: int, touchpoints: int, personas: list[str]) -> dict[str, Any]:
    return {
        "id": f"stage-{s + 1}",
        "name": f"Fase {s + 1}",
        "customer_goal": _sentence(rng, 6, 12),
        "customer_questions": [
            {"text": _sentence(rng, 5, 10).rstrip(".") + "?", "persona": rng.choice(personas)}
            for _ in range(4)
        ],
        "touchpoints": [_touchpoint(rng, s, t, personas) for t in range(touchpoints)],
        "messaging": {
            "tone": _TONES[min(3, s * 4 // 12)],
            "key_messages": [_sentence(rng, 4, 8) for _ in range(2)],
            "content": [_sentence(rng, 2, 4) for _ in range(3)],
            "call_to_action": _sentence(rng, 2, 4),
        },
        "kpis": [_sentence(rng, 1, 3) for _ in range(2)],
        "duration": f"{rng.randint(1, 6)} uger",
    }


def generate_journey(
    stages: int = 12,
    touchpoints_per_stage: int = 60,
    interviews: int = 400,
    answers: int = 8,
    seed: int = 0,
) -> dict[str, Any]:
    """A valid journey of the given size; the same arguments give the same journey."""
    rng = random.Random(seed)
    persona_ids = [f"persona-{i + 1}" for i in range(3)]
    stage_list = [_stage(rng, s, touchpoints_per_stage, persona_ids) for s in range(stages)]
    tp_ids = [tp["id"] for st in stage_list for tp in st["touchpoints"]]
    stage_ids = [st["id"] for st in stage_list]
    interview_list = []
    for i in range(interviews):
        answer_list = []
        for a in range(answers):
            answer: dict[str, Any] = {"question": _QUESTIONS[a % len(_QUESTIONS)]}
            answer["text"] = " ".join(_sentence(rng, 8, 16) for _ in range(rng.randint(1, 2)))
            answer["stages"] = [rng.choice(stage_ids)] if stage_ids else []
            if tp_ids:
                answer["touchpoints"] = rng.sample(tp_ids, min(2, len(tp_ids)))
            answer["tags"] = [rng.choice(_WORDS) for _ in range(2)]
            answer_list.append(answer)
        interview_list.append(
            {
                "id": f"interview-{i + 1}",
                "persona": rng.choice(persona_ids),
                "date": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "interviewer": rng.choice(["Anne", "Bo", "Camilla"]),
                "respondent": f"Kunde {i + 1}",
                "consent": True,
                "answers": answer_list,
            }
        )
    journey: dict[str, Any] = {
        "format": FORMAT,
        "id": "stor-kunderejse",
        "title": "Stor kunderejse til benchmarks",
        "language": "da",
        "market": "B2C",
        "model": "lifecycle-12" if stages == 12 else "custom",
        "description": "Genereret af benchmarks/generate.py.\n",
        "personas": [_persona(rng, i) for i in range(len(persona_ids))],
        "stages": stage_list,
        "interviews": interview_list,
    }
    return journey


def main() -> None:
    from kunderejse_tui.journey.dump import dump

    sys.stdout.write(dump(generate_journey()))


if __name__ == "__main__":
    main()
