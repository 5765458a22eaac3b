"""The built-in templates, question bank and channels, checked against docs/templates.md."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kunderejse_tui.journey.channels import CHANNELS, channel_label, suggest_channels
from kunderejse_tui.journey.dump import KEY_ORDER, dump
from kunderejse_tui.journey.slugs import SLUG_RE, slugify, unique_slug
from kunderejse_tui.journey.templates import (
    FOLLOW_UPS,
    QUESTION_BANK,
    QUESTION_IDS,
    TEMPLATES,
    follow_ups_for,
    new_journey,
    question_text,
    template_names,
)
from kunderejse_tui.journey.validate import validate_loaded
from kunderejse_tui.journey.yamlio import load_text

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schemas" / "journey.schema.json"

# Copied by hand from docs/templates.md: the ids end up in users' files,
# so a change here must be a deliberate change to the product.
EXPECTED_TEMPLATES: dict[str, list[tuple[str, str, str]]] = {
    "funnel-5": [
        ("attract", "Tiltræk", "Attract"),
        ("interest", "Interesse", "Interest"),
        ("convert", "Konverter", "Convert"),
        ("close", "Luk", "Close"),
        ("delight", "Begejstre", "Delight"),
    ],
    "content-5": [
        ("awareness", "Erkendelse", "Awareness"),
        ("consideration", "Overvejelse", "Consideration"),
        ("decision", "Beslutning", "Decision"),
        ("retention", "Fastholdelse", "Retention"),
        ("advocacy", "Begejstring", "Advocacy"),
    ],
    "lifecycle-12": [
        ("need", "Behovsidentifikation", "Need identification"),
        ("awareness", "Bevidsthed", "Awareness"),
        ("information", "Informationsindsamling", "Information gathering"),
        ("consideration", "Overvejelse", "Consideration"),
        ("decision", "Beslutning", "Decision"),
        ("purchase", "Købsoplevelsen", "Purchase experience"),
        ("onboarding", "Levering og onboarding", "Delivery and onboarding"),
        ("engagement", "Brug og engagement", "Use and engagement"),
        ("retention", "Fastholdelse", "Retention"),
        ("satisfaction", "Tilfredshed", "Satisfaction"),
        ("advocacy", "Advokering", "Advocacy"),
        ("reactivation", "Reaktivering", "Reactivation"),
    ],
    "digital-4": [
        ("need", "Behov", "Need"),
        ("research", "Research", "Research"),
        ("visit", "Besøg", "Visit"),
        ("outcome", "Køb eller frafald", "Buy or leave"),
    ],
}

EXPECTED_QUESTIONS: list[tuple[str, str, str]] = [
    (
        "need-discovery",
        "Hvornår og hvordan opdagede du, at du havde et behov?",
        "When and how did you discover that you had a need?",
    ),
    (
        "first-contact",
        "Hvordan og hvornår stødte du første gang på os?",
        "How and when did you first come across us?",
    ),
    (
        "information-search",
        "Hvordan søgte du information, og hvor ledte du efter svar?",
        "How did you search for information, and where did you look for answers?",
    ),
    (
        "evaluation",
        "Hvad vurderede du alternativerne ud fra, og hvor fandt du svarene?",
        "What did you judge the alternatives on, and where did you find the answers?",
    ),
    ("why-us", "Hvorfor valgte du at købe hos os?", "Why did you choose to buy from us?"),
    (
        "retention",
        "Hvad skal der til, for at du bliver ved med at købe hos os?",
        "What would make you keep buying from us?",
    ),
    (
        "time-to-purchase",
        "Hvor lang tid gik der fra din første kontakt med os til købet?",
        "How long was it from your first contact with us to the purchase?",
    ),
    (
        "improvement",
        "Kunne din rejse have været bedre? Hvordan?",
        "Could your journey have been better? How?",
    ),
]

EXPECTED_FOLLOW_UPS: list[tuple[str, str]] = [
    ("Hvem var ellers med til at beslutte?", "Who else took part in the decision?"),
    ("Hvilke overvejelser gjorde du dig undervejs?", "What did you weigh up along the way?"),
    ("Hvad søgte du på?", "What did you search for?"),
]

COMBINATIONS = [
    (template, lang, suggestions)
    for template in EXPECTED_TEMPLATES
    for lang in ("da", "en")
    for suggestions in (False, True)
]


@pytest.fixture(scope="module")
def schema_validator() -> jsonschema.Draft7Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def all_touchpoints(journey: dict[str, Any]) -> list[dict[str, Any]]:
    return [tp for stage in journey["stages"] for tp in stage.get("touchpoints", [])]


# --- stage templates -------------------------------------------------------------


def test_template_ids_and_order() -> None:
    assert list(TEMPLATES) == list(EXPECTED_TEMPLATES)


@pytest.mark.parametrize("template_id", list(EXPECTED_TEMPLATES))
def test_template_stages_match_templates_md(template_id: str) -> None:
    stages = TEMPLATES[template_id].stages
    assert [(s.id, s.name.da, s.name.en) for s in stages] == EXPECTED_TEMPLATES[template_id]


def test_template_names_per_language() -> None:
    da = template_names("da")
    en = template_names("en")
    assert [tid for tid, _ in da] == list(EXPECTED_TEMPLATES)
    assert [tid for tid, _ in en] == list(EXPECTED_TEMPLATES)
    assert dict(da)["lifecycle-12"] == "Hele livscyklussen (12 trin)"
    assert dict(en)["funnel-5"] == "Sales funnel (5 stages)"
    assert all(d != e for (_, d), (_, e) in zip(da, en, strict=True))


@pytest.mark.parametrize("template_id", list(EXPECTED_TEMPLATES))
def test_every_stage_carries_suggestions(template_id: str) -> None:
    known_channels = {c.slug for c in CHANNELS}
    for stage in TEMPLATES[template_id].stages:
        assert stage.goal.da and stage.goal.en
        assert 2 <= len(stage.touchpoints) <= 4
        for tp in stage.touchpoints:
            assert tp.name.da and tp.name.en
            assert tp.channel in known_channels
            assert tp.kind in ("owned", "paid", "earned", "offline")
        assert stage.tone in ("inspire", "inform", "persuade", "sell")


def test_tone_moves_from_soft_to_selling_before_the_purchase() -> None:
    # docs/domain.md: early soft and value-giving, further down the funnel more sales-oriented.
    rank = {"inspire": 0, "inform": 1, "persuade": 2, "sell": 3}
    before_purchase = {
        "funnel-5": ["attract", "interest", "convert", "close"],
        "content-5": ["awareness", "consideration", "decision"],
        "lifecycle-12": ["need", "awareness", "information", "consideration", "decision"],
        "digital-4": ["need", "research", "visit", "outcome"],
    }
    for template_id, stage_ids in before_purchase.items():
        by_id = {s.id: s for s in TEMPLATES[template_id].stages}
        tones = [rank[by_id[sid].tone] for sid in stage_ids]
        assert tones == sorted(tones), template_id
        assert tones[0] == rank["inspire"] and tones[-1] == rank["sell"], template_id


def test_lifecycle_touchpoints_named_in_domain() -> None:
    stages = {s.id: s for s in TEMPLATES["lifecycle-12"].stages}
    assert {tp.channel for tp in stages["need"].touchpoints} >= {
        "social-media",
        "tv-print",
        "word-of-mouth",
    }
    assert {tp.channel for tp in stages["decision"].touchpoints} >= {
        "checkout",
        "landing-page",
        "customer-service",
    }


# --- new_journey -----------------------------------------------------------------


@pytest.mark.parametrize(("template", "lang", "suggestions"), COMBINATIONS)
def test_new_journey_is_valid_against_schema(
    schema_validator: jsonschema.Draft7Validator, template: str, lang: str, suggestions: bool
) -> None:
    journey = new_journey(template, lang, "Mette køber ny bil", with_suggestions=suggestions)
    errors = [e.message for e in schema_validator.iter_errors(journey)]
    assert errors == []


@pytest.mark.parametrize(("template", "lang", "suggestions"), COMBINATIONS)
def test_new_journey_shape(template: str, lang: str, suggestions: bool) -> None:
    journey = new_journey(template, lang, "Mette køber ny bil", with_suggestions=suggestions)
    assert list(journey) == ["format", "id", "title", "language", "model", "stages"]
    assert journey["format"] == "kunderejse/1"
    assert journey["id"] == "mette-koeber-ny-bil"
    assert journey["language"] == lang
    assert journey["model"] == template
    column = 1 if lang == "da" else 2
    assert [(s["id"], s["name"]) for s in journey["stages"]] == [
        (row[0], row[column]) for row in EXPECTED_TEMPLATES[template]
    ]
    if not suggestions:
        assert all(set(s) == {"id", "name"} for s in journey["stages"])


@pytest.mark.parametrize(("template", "lang"), [(t, lang) for t, lang, s in COMBINATIONS if s])
def test_suggested_touchpoint_ids_unique_across_journey(template: str, lang: str) -> None:
    journey = new_journey(template, lang, "Test", with_suggestions=True)
    ids = [tp["id"] for tp in all_touchpoints(journey)]
    assert ids
    assert len(ids) == len(set(ids))
    assert all(SLUG_RE.match(i) for i in ids)


def test_suggestions_are_in_the_chosen_language_and_format_key_order() -> None:
    da = new_journey("lifecycle-12", "da", "Varmepumpe", with_suggestions=True)
    en = new_journey("lifecycle-12", "en", "Heat pump", with_suggestions=True)
    need_da, need_en = da["stages"][0], en["stages"][0]
    assert list(need_da) == ["id", "name", "customer_goal", "touchpoints", "messaging"]
    assert need_da["customer_goal"] == "Opdage et behov eller et problem, der skal løses."
    assert need_en["customer_goal"] == "Discover a need or a problem to solve."
    assert [tp["name"] for tp in need_da["touchpoints"]] == [
        "Sociale medier",
        "TV og print",
        "Mund-til-mund",
    ]
    assert need_da["touchpoints"][0] == {
        "id": "sociale-medier",
        "name": "Sociale medier",
        "channel": "social-media",
        "kind": "paid",
    }
    assert need_da["messaging"] == {"tone": "inspire"}
    order = KEY_ORDER["touchpoint"]
    for tp in all_touchpoints(da):
        assert list(tp) == sorted(tp, key=order.index)


def test_repeated_suggestion_gets_numbered_id() -> None:
    journey = new_journey("lifecycle-12", "da", "X", with_suggestions=True)
    cs_ids = [tp["id"] for tp in all_touchpoints(journey) if tp["channel"] == "customer-service"]
    # Kundeservice is suggested in decision, onboarding, retention and satisfaction.
    assert cs_ids == ["kundeservice", "kundeservice-2", "kundeservice-3", "kundeservice-4"]


@pytest.mark.parametrize(("template", "lang", "suggestions"), COMBINATIONS)
def test_new_journey_saves_and_validates_cleanly(
    template: str, lang: str, suggestions: bool
) -> None:
    journey = new_journey(template, lang, "Bilkøb", with_suggestions=suggestions)
    text = dump(journey)
    loaded = load_text(text)
    assert loaded.data == journey
    assert "{" not in text and "[" not in text  # block style throughout
    assert [p.format() for p in validate_loaded(loaded)] == []


def test_new_journey_explicit_id_and_market() -> None:
    journey = new_journey("digital-4", "en", "Shoes", journey_id="shoes-2027", market="B2C")
    assert journey["id"] == "shoes-2027"
    assert list(journey)[:6] == ["format", "id", "title", "language", "market", "model"]
    assert journey["market"] == "B2C"


def test_new_journey_title_without_letters_still_gets_an_id() -> None:
    assert new_journey("funnel-5", "da", "???")["id"] == "kunderejse"
    assert new_journey("funnel-5", "en", "")["id"] == "journey"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"template": "funnel-6", "lang": "da"}, "unknown stage template 'funnel-6'"),
        ({"template": "custom", "lang": "da"}, "unknown stage template 'custom'"),
        ({"template": "funnel-5", "lang": "de"}, "unknown language 'de'"),
        ({"template": "funnel-5", "lang": "da", "journey_id": "Not A Slug"}, "not a slug"),
        ({"template": "funnel-5", "lang": "da", "market": "b2b"}, "unknown market"),
    ],
)
def test_new_journey_rejects_bad_arguments(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        new_journey(title="T", **kwargs)


def test_template_names_rejects_unknown_language() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        template_names("sv")


@given(st.text(max_size=60))
def test_new_journey_id_is_always_a_slug(title: str) -> None:
    journey = new_journey("content-5", "da", title)
    assert SLUG_RE.match(journey["id"])
    assert journey["title"] == title


# --- question bank ---------------------------------------------------------------


def test_question_bank_order_and_wording() -> None:
    assert [(q.id, q.text.da, q.text.en) for q in QUESTION_BANK] == EXPECTED_QUESTIONS


def test_question_text_lookup() -> None:
    assert question_text("why-us", "da") == "Hvorfor valgte du at købe hos os?"
    assert question_text("why-us", "en") == "Why did you choose to buy from us?"
    assert question_text("no-such-question", "da") is None


def test_follow_ups() -> None:
    # The domain's useful follow-ups are all offered, each where it fits.
    offered = {(f.text.da, f.text.en) for f in FOLLOW_UPS}
    assert set(EXPECTED_FOLLOW_UPS) <= offered
    assert len({f.id for f in FOLLOW_UPS}) == len(FOLLOW_UPS)


def test_follow_ups_fit_the_question_they_follow() -> None:
    search = [f.text.da for f in follow_ups_for("information-search")]
    assert search[0] == "Hvad søgte du på?"
    assert "Hvem var ellers med til at beslutte?" in [f.text.da for f in follow_ups_for("why-us")]
    assert "Hvem var ellers med til at beslutte?" not in search
    anywhere = [f.id for f in follow_ups_for(None)]
    assert anywhere == ["any.1", "any.2"] == [f.id for f in follow_ups_for("no-such-question")]
    for qid in QUESTION_IDS:
        ids = [f.id for f in follow_ups_for(qid)]
        assert ids == [f"{qid}.1", f"{qid}.2", "any.1", "any.2"]


# --- slugs -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Købsoplevelsen", "koebsoplevelsen"),
        ("Levering og onboarding", "levering-og-onboarding"),
        ("Ærø Æbleplantage", "aeroe-aebleplantage"),
        ("Åbent hus på Østerbro", "aabent-hus-paa-oesterbro"),
        ("Café  --  Müller!", "cafe-muller"),
    ],
)
def test_slugify_folds_danish_letters(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_unique_slug_numbers_duplicates() -> None:
    assert unique_slug("Mette", {"mette", "mette-2"}) == "mette-3"


# --- channels --------------------------------------------------------------------


def test_channels_cover_domain_list() -> None:
    slugs = [c.slug for c in CHANNELS]
    assert len(slugs) == len(set(slugs))
    assert set(slugs) >= {
        "social-media",
        "search-engine",
        "blog",
        "website",
        "e-mail",
        "newsletter",
        "landing-page",
        "checkout",
        "customer-service",
        "physical-shop",
        "review-site",
        "word-of-mouth",
        "tv-print",
        "support-portal",
        "loyalty-programme",
        "events",
        "sales-meeting",
        "phone",
    }
    assert all(SLUG_RE.match(s) for s in slugs)


def test_channel_label() -> None:
    assert channel_label("word-of-mouth", "da") == "Mund-til-mund"
    assert channel_label("word-of-mouth", "en") == "Word of mouth"
    # channel is free text in the format: a client's own value is shown as written.
    assert channel_label("messe-i-herning", "da") == "messe-i-herning"


def test_suggest_channels() -> None:
    # Slugs that start with it first, then synonyms that do ("site", "shop").
    assert suggest_channels("s") == [
        "social-media",
        "search-engine",
        "support-portal",
        "sales-meeting",
        "sms",
        "website",
        "physical-shop",
    ]
    # Anywhere in the name, and the common words for a channel (issue 16).
    assert suggest_channels("email")[0] == "e-mail"
    assert suggest_channels("mail")[0] == "e-mail"
    assert suggest_channels("chat")[0] == "chat"
    assert suggest_channels("SMS")[0] == "sms"
    assert suggest_channels("butik")[0] == "physical-shop"
    assert "review-site" in suggest_channels("anmeld")
    assert "customer-service" in suggest_channels("service")
    assert channel_label("email", "da") == "E-mail" and channel_label("sms", "en") == "Text message"
    assert suggest_channels("SOC") == ["social-media"]
    # Label matches follow slug matches: a Danish user typing "kund" or "nyh".
    assert suggest_channels("kund") == ["customer-service"]
    assert suggest_channels("nyh") == ["newsletter"]
    assert suggest_channels("") == [c.slug for c in CHANNELS]
    assert suggest_channels("zzz") == []


def test_the_bank_and_the_templates_take_their_words_from_the_catalog() -> None:
    # Validation and the exports read wording.py's ids and the catalog's wording table,
    # so they need not import the templates.
    from kunderejse_tui.journey import wording
    from kunderejse_tui.journey.export.labels import question_label, value_label
    from kunderejse_tui.journey.i18n.catalog import texts
    from kunderejse_tui.journey.templates import QUESTION_BANK, TEMPLATES

    assert tuple(q.id for q in QUESTION_BANK) == wording.QUESTION_IDS
    for q in QUESTION_BANK:
        assert (q.text.da, q.text.en) == texts(f"wording.question.{q.id}")
        assert question_label(q.id, "da") == q.text.da
        assert question_label(q.id, "en") == q.text.en
    assert tuple(TEMPLATES) == wording.TEMPLATE_IDS
    for tid, template in TEMPLATES.items():
        assert value_label("model", tid, "en") == template.name.en
    assert question_label("no-such-question", "da") == "no-such-question"
