"""The journey JSON Schema and the plain-words problems made from its errors."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kunderejse_tui.journey.problems import CODES, Problem
from kunderejse_tui.journey.schema import (
    DATE_PATTERN,
    _Explainer,
    load_schema,
    schema_is_valid,
    schema_problems,
)
from kunderejse_tui.journey.slugs import ID_PATTERN

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "schemas" / "journey.schema.json"
PACKAGED_FILE = ROOT / "kunderejse_tui" / "journey" / "journey.schema.json"

# The example from journey-format.md, verbatim.
EXAMPLE_YAML = textwrap.dedent(
    """\
    # yaml-language-server: $schema=../schemas/journey.schema.json
    format: kunderejse/1
    id: bilkoeb-privat
    title: Mette køber ny bil
    language: da            # da | en: language of export headings and templates
    market: B2C             # B2C | B2B
    model: funnel-5         # the stage template it started from, or custom
    description: |
      Privatkunders rejse fra behov til ny bil.
    owner: Marketing
    updated: "2026-11-20"
    time_to_purchase: 6 uger     # first interaction to purchase, free text

    personas:
      - id: mette
        name: Mette
        summary: Travl mor til to, kører 20.000 km om året.
        demographics: {age: 38, gender: kvinde, education: sygeplejerske}
        job: {title: Afdelingssygeplejerske, company_type: Region, buying_role: beslutningstager}
        geography: Roskilde
        traits: [prisbevidst, læser anmeldelser]
        needs: [plads til to autostole]
        pains: [for lidt tid til at sammenligne]

    stages:
      - id: attract
        name: Tiltræk
        customer_goal: Finde ud af om den gamle bil skal skiftes.
        customer_questions:
          - text: Skal jeg købe eller privatlease?
            persona: mette                    # optional
        touchpoints:
          - id: facebook-annonce
            name: Annonce på Facebook
            channel: social-media
            kind: paid                        # owned | paid | earned | offline
            emotion: 3                        # 1 (frustrated) .. 5 (delighted)
            personas: [mette]                 # optional, default: all
            pains: [Annoncen siger intet om pris]
            opportunities: [Link til leasingberegner]
        messaging:
          tone: inspire                       # inspire | inform | persuade | sell
          key_messages: [Find den bil der passer til jeres hverdag]
          content: [blogindlæg, køb-vs-leasing-beregner]
          call_to_action: Prøv beregneren
        kpis: [rækkevidde]
        duration: 2-4 uger

    interviews:
      - id: 2026-11-03-kunde-a
        persona: mette
        date: "2026-11-03"
        interviewer: Anne
        respondent: Kunde A
        consent: true
        answers:
          - question: need-discovery          # id from the question bank, or
            text: |                           # a custom question in `ask:`
              Leasingaftalen udløb, og vi havde fået barn nummer to.
            stages: [attract]
            touchpoints: [facebook-annonce]
            tags: [livsbegivenhed]
    """
)

# Optional fields the project adds to the format (documented in the schema).
ADDED_FIELDS = {("stage", "owner"), ("stage", "notes")}


def locate(path: tuple[Any, ...]) -> tuple[int, int]:
    return len(path) + 1, 1


def example() -> dict[str, Any]:
    data = yaml.safe_load(EXAMPLE_YAML)
    assert isinstance(data, dict)
    return data


def problems(data: object) -> list[Problem]:
    return schema_problems(data, locate, "j.journey.yaml")


def only(data: object) -> Problem:
    found = problems(data)
    assert len(found) == 1, [p.message("en") for p in found]
    return found[0]


def property_schemas(schema: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(owner, property name, property schema with its $ref followed) for every property."""
    definitions = schema["definitions"]

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        ref = node.get("$ref")
        if ref is None:
            return node
        assert ref.startswith("#/definitions/"), ref
        return resolve(definitions[ref.removeprefix("#/definitions/")])

    def walk(owner: str, node: Any) -> Iterator[tuple[str, str, dict[str, Any]]]:
        if isinstance(node, dict):
            for name, prop in node.get("properties", {}).items():
                yield owner, name, resolve(prop)
            for key, value in node.items():
                if key != "definitions":
                    yield from walk(owner, value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(owner, value)

    yield from walk("journey", schema)
    for name, definition in definitions.items():
        yield from walk(name, definition)


def object_schemas(schema: dict[str, Any]) -> list[dict[str, Any]]:
    found = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "object" or "properties" in node:
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return found


# --- The schema file --------------------------------------------------------------------


def test_schema_is_valid_draft_07() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)


def test_the_two_copies_are_byte_identical() -> None:
    assert SCHEMA_FILE.read_bytes() == PACKAGED_FILE.read_bytes()


def test_load_schema_reads_the_packaged_copy_and_cannot_be_spoilt_by_callers() -> None:
    schema = load_schema()
    assert schema == json.loads(PACKAGED_FILE.read_text(encoding="utf-8"))
    schema["properties"].clear()
    schema["required"] = ["nothing-like-this"]
    assert load_schema() == json.loads(PACKAGED_FILE.read_text(encoding="utf-8"))
    assert schema_is_valid(example())


def test_every_property_at_every_level_has_a_title_and_a_danish_english_description() -> None:
    schema = load_schema()
    seen = 0
    for owner, name, prop in property_schemas(schema):
        seen += 1
        where = f"{owner}.{name}"
        assert isinstance(prop.get("title"), str) and prop["title"].strip(), where
        description = prop.get("description")
        assert isinstance(description, str) and description.strip(), where
        # Danish first, then English, separated by " / ".
        assert " / " in description, where
    for name, definition in schema["definitions"].items():
        assert definition.get("title") and definition.get("description"), name
    assert seen > 60


def test_every_object_is_closed_but_allows_x_keys() -> None:
    objects = object_schemas(load_schema())
    assert len(objects) == 10  # the journey and its nine kinds of nested object
    for node in objects:
        assert node["additionalProperties"] is False, node["title"]
        assert node["patternProperties"] == {"^x-": {}}, node["title"]


def test_ids_references_and_dates_use_the_shared_patterns() -> None:
    schema = load_schema()
    patterns = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "pattern" in node:
                patterns.append(node["pattern"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    assert set(patterns) == {ID_PATTERN, DATE_PATTERN}
    for owner, name, prop in property_schemas(schema):
        if name == "id":
            assert prop["pattern"] == ID_PATTERN, owner


def test_the_enums_are_the_format_documents() -> None:
    schema = load_schema()
    props, defs = schema["properties"], schema["definitions"]
    assert props["format"]["const"] == "kunderejse/1"
    assert props["language"]["enum"] == ["da", "en"]
    assert props["market"]["enum"] == ["B2C", "B2B"]
    assert props["model"]["enum"] == [
        "funnel-5",
        "content-5",
        "lifecycle-12",
        "digital-4",
        "custom",
    ]
    assert props["state"]["enum"] == ["current", "future"]
    assert defs["touchpoint"]["properties"]["kind"]["enum"] == [
        "owned",
        "paid",
        "earned",
        "offline",
    ]
    assert defs["messaging"]["properties"]["tone"]["enum"] == [
        "inspire",
        "inform",
        "persuade",
        "sell",
    ]
    emotion = defs["touchpoint"]["properties"]["emotion"]
    assert (emotion["type"], emotion["minimum"], emotion["maximum"]) == ("integer", 1, 5)
    assert schema["required"] == ["format", "id", "title", "stages"]
    for name in ("persona", "stage", "touchpoint"):
        assert defs[name]["required"] == ["id", "name"]
    assert defs["customer_question"]["required"] == ["text"]
    assert defs["interview"]["required"] == ["id"]
    assert defs["answer"]["required"] == ["text"]


def test_the_full_example_uses_every_field_but_the_projects_additions() -> None:
    schema = load_schema()
    data = example()
    # The example is a current-state journey; a future-state one adds these two.
    data.update(state="future", based_on="bil.journey.yaml")
    assert problems(data) == []
    used: set[tuple[str, str]] = set()

    def mark(kind: str, obj: dict[str, Any]) -> None:
        used.update((kind, key) for key in obj)

    mark("journey", data)
    for persona in data["personas"]:
        mark("persona", persona)
        mark("demographics", persona["demographics"])
        mark("job", persona["job"])
    for stage in data["stages"]:
        mark("stage", stage)
        mark("messaging", stage["messaging"])
        for question in stage["customer_questions"]:
            mark("customer_question", question)
        for touchpoint in stage["touchpoints"]:
            mark("touchpoint", touchpoint)
    for interview in data["interviews"]:
        mark("interview", interview)
        for answer in interview["answers"]:
            mark("answer", answer)
    # `ask` is the other half of question/ask: one answer cannot show both.
    used.add(("answer", "ask"))
    defined = {("journey", name) for name in schema["properties"]} | {
        (kind, name)
        for kind, definition in schema["definitions"].items()
        for name in definition["properties"]
    }
    assert defined - used == ADDED_FIELDS
    assert used <= defined


# --- Valid documents ----------------------------------------------------------------------


def test_a_minimal_journey_is_valid() -> None:
    data = {"format": "kunderejse/1", "id": "tom", "title": "Tom", "stages": []}
    assert problems(data) == []
    assert schema_is_valid(data)


def test_the_full_example_is_valid() -> None:
    assert problems(example()) == []
    assert schema_is_valid(example())


def test_empty_stage_and_added_stage_fields_are_valid() -> None:
    data = example()
    data["stages"].append({"id": "interest", "name": "Interesse"})
    data["stages"][0].update(owner="Marketing", notes="Fund fra interviews:\n- pris\n")
    assert problems(data) == []


def test_age_may_be_a_number_or_a_text() -> None:
    for age in (38, 38.5, "35-45"):
        data = example()
        data["personas"][0]["demographics"]["age"] = age
        assert problems(data) == [], age


def add_x_keys(node: Any) -> int:
    """Put an x-* key on every mapping; returns how many mappings got one."""
    count = 0
    if isinstance(node, dict):
        for value in list(node.values()):
            count += add_x_keys(value)
        node["x-note"] = {"any": ["thing", 1, None]}
        count += 1
    elif isinstance(node, list):
        for value in node:
            count += add_x_keys(value)
    return count


def test_x_keys_are_accepted_at_every_level() -> None:
    data = example()
    assert add_x_keys(data) == 10  # the journey and one of each nested kind of object
    assert problems(data) == []
    assert schema_is_valid(data)


# --- One targeted fault per code ----------------------------------------------------------

Mutation = Callable[[dict[str, Any]], object]


def set_in(path: tuple[Any, ...], value: object) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        node: Any = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return mutate


def delete(path: tuple[Any, ...]) -> Mutation:
    def mutate(data: dict[str, Any]) -> None:
        node: Any = data
        for part in path[:-1]:
            node = node[part]
        del node[path[-1]]

    return mutate


ANSWER = ("interviews", 0, "answers", 0)
TOUCHPOINT = ("stages", 0, "touchpoints", 0)

CASES = [
    (
        "S101",
        delete(("stages", 0, "name")),
        ("stages", 0),
        'stage "attract": missing required key "name"',
        'fase "attract": mangler den påkrævede nøgle "name"',
    ),
    (
        "S101",
        delete(("stages",)),
        (),
        'the journey: missing required key "stages"',
        'rejsen: mangler den påkrævede nøgle "stages"',
    ),
    (
        "S101",
        delete((*ANSWER, "text")),
        ANSWER,
        'interview "2026-11-03-kunde-a", answer 1: missing required key "text"',
        'interview "2026-11-03-kunde-a", svar 1: mangler den påkrævede nøgle "text"',
    ),
    (
        "S102",
        set_in(("stages", 0, "touchpointz"), []),
        ("stages", 0, "touchpointz"),
        'stage "attract": touchpointz: unknown key; did you mean touchpoints?',
        'fase "attract": touchpointz: ukendt nøgle; mente du touchpoints?',
    ),
    (
        "S102",
        set_in(("personas", 0, "demographics", "Age"), 40),
        ("personas", 0, "demographics", "Age"),
        'persona "mette", demographics: Age: unknown key; did you mean age?',
        'persona "mette", demographics: Age: ukendt nøgle; mente du age?',
    ),
    (
        "S102",
        set_in(("x_owner",), "Anne"),
        ("x_owner",),
        "x_owner: unknown key; did you mean x-owner?",
        "x_owner: ukendt nøgle; mente du x-owner?",
    ),
    (
        "S102",
        set_in(("stages", 0, "messaging", "budget"), 5),
        ("stages", 0, "messaging", "budget"),
        'stage "attract", messaging: budget: unknown key (keys of your own must start with x-)',
        'fase "attract", messaging: budget: ukendt nøgle (egne nøgler skal starte med x-)',
    ),
    (
        "S103",
        set_in(("interviews", 0, "consent"), "yes"),
        ("interviews", 0, "consent"),
        'interview "2026-11-03-kunde-a": consent must be true or false, got "yes"',
        'interview "2026-11-03-kunde-a": consent skal være true eller false, fik "yes"',
    ),
    (
        "S103",
        set_in(("time_to_purchase",), 6),
        ("time_to_purchase",),
        "time_to_purchase must be a text, got 6 (put it in quotes to keep it as text)",
        "time_to_purchase skal være en tekst, fik 6 "
        "(sæt anførselstegn om for at beholde det som tekst)",
    ),
    (
        "S103",
        set_in(("stages",), "oops"),
        ("stages",),
        'stages must be a list, got "oops"',
        'stages skal være en liste, fik "oops"',
    ),
    (
        "S103",
        set_in(("stages", 0, "touchpoints", 0, "pains"), [None]),
        (*TOUCHPOINT, "pains", 0),
        'stage "attract", touchpoint "facebook-annonce": pains item 1 must be a text, '
        "got nothing (null)",
        'fase "attract", berøringspunkt "facebook-annonce": pains punkt 1 skal være en tekst, '
        "fik ingenting (null)",
    ),
    (
        "S103",
        set_in(("personas", 0, "demographics", "age"), [38]),
        ("personas", 0, "demographics", "age"),
        'persona "mette": demographics.age must be a number or a text, got a list',
        'persona "mette": demographics.age skal være et tal eller en tekst, fik en liste',
    ),
    (
        "S103",
        set_in((*TOUCHPOINT, "emotion"), 3.5),
        (*TOUCHPOINT, "emotion"),
        'stage "attract", touchpoint "facebook-annonce": emotion must be a whole number '
        "from 1 to 5, got 3.5",
        'fase "attract", berøringspunkt "facebook-annonce": emotion skal være et helt tal '
        "fra 1 til 5, fik 3.5",
    ),
    (
        "S104",
        set_in((*TOUCHPOINT, "kind"), "Paid"),
        (*TOUCHPOINT, "kind"),
        'stage "attract", touchpoint "facebook-annonce": kind must be one of owned, paid, '
        'earned, offline; got "Paid"; did you mean paid?',
        'fase "attract", berøringspunkt "facebook-annonce": kind skal være en af owned, paid, '
        'earned, offline; fik "Paid"; mente du paid?',
    ),
    (
        "S104",
        set_in(("market",), 5),
        ("market",),
        "market must be one of B2C, B2B; got 5",
        "market skal være en af B2C, B2B; fik 5",
    ),
    (
        "S104",
        set_in(("format",), "kunderejse/2"),
        ("format",),
        'format must be "kunderejse/1", got "kunderejse/2"',
        'format skal være "kunderejse/1", fik "kunderejse/2"',
    ),
    (
        "S105",
        set_in(("stages", 0, "id"), "Tiltræk"),
        ("stages", 0, "id"),
        'stage "Tiltræk": id must be an id (lowercase a-z, digits 0-9 and single hyphens, '
        'e.g. "kunde-a"), got "Tiltræk"; try "tiltraek"',
        'fase "Tiltræk": id skal være et id (små bogstaver a-z, cifre 0-9 og enkelte '
        'bindestreger, f.eks. "kunde-a"), fik "Tiltræk"; prøv "tiltraek"',
    ),
    (
        "S105",
        set_in((*TOUCHPOINT, "personas"), ["Mette"]),
        (*TOUCHPOINT, "personas", 0),
        'stage "attract", touchpoint "facebook-annonce": personas item 1 must be an id '
        '(lowercase a-z, digits 0-9 and single hyphens, e.g. "kunde-a"), got "Mette"; '
        'try "mette"',
        'fase "attract", berøringspunkt "facebook-annonce": personas punkt 1 skal være et id '
        '(små bogstaver a-z, cifre 0-9 og enkelte bindestreger, f.eks. "kunde-a"), '
        'fik "Mette"; prøv "mette"',
    ),
    (
        "S105",
        # Editors match patterns as ECMA-262, where `$` never matches before a final newline.
        set_in(("personas", 0, "id"), "mette\n"),
        ("personas", 0, "id"),
        'persona "mette\\n": id must be an id (lowercase a-z, digits 0-9 and single hyphens, '
        'e.g. "kunde-a"), got "mette\\n"; try "mette"',
        'persona "mette\\n": id skal være et id (små bogstaver a-z, cifre 0-9 og enkelte '
        'bindestreger, f.eks. "kunde-a"), fik "mette\\n"; prøv "mette"',
    ),
    (
        "S106",
        set_in((*TOUCHPOINT, "emotion"), 7),
        (*TOUCHPOINT, "emotion"),
        'stage "attract", touchpoint "facebook-annonce": emotion must be a whole number '
        "from 1 to 5, got 7",
        'fase "attract", berøringspunkt "facebook-annonce": emotion skal være et helt tal '
        "fra 1 til 5, fik 7",
    ),
    (
        "S106",
        set_in((*TOUCHPOINT, "emotion"), 0),
        (*TOUCHPOINT, "emotion"),
        'stage "attract", touchpoint "facebook-annonce": emotion must be a whole number '
        "from 1 to 5, got 0",
        'fase "attract", berøringspunkt "facebook-annonce": emotion skal være et helt tal '
        "fra 1 til 5, fik 0",
    ),
    (
        "S107",
        set_in(("interviews", 0, "date"), "03-11-2026"),
        ("interviews", 0, "date"),
        'interview "2026-11-03-kunde-a": date must be a date written YYYY-MM-DD, got "03-11-2026"',
        'interview "2026-11-03-kunde-a": date skal være en dato skrevet ÅÅÅÅ-MM-DD, '
        'fik "03-11-2026"',
    ),
    (
        "S107",
        # Python's \d takes any Unicode digit; the editors' ECMA-262 \d does not.
        set_in(("updated",), "２０２６-11-20"),
        ("updated",),
        'updated must be a date written YYYY-MM-DD, got "２０２６-11-20"',
        'updated skal være en dato skrevet ÅÅÅÅ-MM-DD, fik "２０２６-11-20"',
    ),
    (
        "S108",
        set_in((*ANSWER, "ask"), "Hvem var med?"),
        ANSWER,
        'interview "2026-11-03-kunde-a", answer 1: give either question (an id from the '
        "question bank) or ask (a question in your own words), not both",
        'interview "2026-11-03-kunde-a", svar 1: angiv enten question (et id fra '
        "spørgsmålsbanken) eller ask (et spørgsmål med dine egne ord), ikke begge",
    ),
    (
        "S108",
        delete((*ANSWER, "question")),
        ANSWER,
        'interview "2026-11-03-kunde-a", answer 1: needs question (an id from the question '
        "bank) or ask (a question in your own words)",
        'interview "2026-11-03-kunde-a", svar 1: mangler question (et id fra '
        "spørgsmålsbanken) eller ask (et spørgsmål med dine egne ord)",
    ),
    (
        "S109",
        set_in(("personas", 0, "name"), ""),
        ("personas", 0, "name"),
        'persona "mette": name must not be empty',
        'persona "mette": name må ikke være tom',
    ),
    (
        "S109",
        set_in(("personas", 0, "demographics", "age"), -3),
        ("personas", 0, "demographics", "age"),
        'persona "mette": demographics.age must be 0 or more, got -3',
        'persona "mette": demographics.age skal være 0 eller mere, fik -3',
    ),
]


@pytest.mark.parametrize(
    ("code", "mutate", "path", "en", "da"),
    CASES,
    ids=[f"{c[0]}-{'.'.join(map(str, c[2])) or 'root'}-{i}" for i, c in enumerate(CASES)],
)
def test_each_fault_gives_its_code_path_and_words(
    code: str, mutate: Mutation, path: tuple[Any, ...], en: str, da: str
) -> None:
    data = example()
    mutate(data)
    problem = only(data)
    assert problem.code == code
    assert problem.path == path
    assert problem.file == "j.journey.yaml"
    assert (problem.line, problem.col) == locate(path)
    assert problem.message("en") == en
    assert problem.message("da") == da
    assert not schema_is_valid(data)


def test_every_schema_code_has_a_case() -> None:
    schema_codes = {c for c in CODES if c.startswith("S")}
    assert {case[0] for case in CASES} == schema_codes


def test_the_brief_example_message_for_a_touchpoint_without_an_id() -> None:
    data = example()
    data["stages"][0]["touchpoints"].append({"name": "Uden id", "emotion": 7, "x-id": 1})
    found = problems(data)
    assert [(p.code, p.path) for p in found] == [
        ("S101", ("stages", 0, "touchpoints", 1)),
        ("S106", ("stages", 0, "touchpoints", 1, "emotion")),
    ]
    assert found[1].message("en") == (
        'stage "attract", touchpoint 2: emotion must be a whole number from 1 to 5, got 7'
    )
    assert found[1].message("da") == (
        'fase "attract", berøringspunkt 2: emotion skal være et helt tal fra 1 til 5, fik 7'
    )


def test_unknown_key_is_located_at_the_key_itself() -> None:
    asked: list[tuple[Any, ...]] = []

    def recording_locate(path: tuple[Any, ...]) -> tuple[int, int]:
        asked.append(path)
        return 42, 7

    data = example()
    data["stages"][0]["touchpointz"] = []
    [problem] = schema_problems(data, recording_locate, "f")
    assert asked == [("stages", 0, "touchpointz")]
    assert (problem.line, problem.col) == (42, 7)
    assert problem.format() == (
        'f:42:7: error[S102]: stage "attract": touchpointz: unknown key; did you mean touchpoints?'
    )


# --- One fault, one problem -------------------------------------------------------------


def test_a_misspelt_required_key_is_one_problem_not_two() -> None:
    data = example()
    stage = data["stages"][0]
    stage["nmae"] = stage.pop("name")
    problem = only(data)
    assert (problem.code, problem.path) == ("S102", ("stages", 0, "nmae"))
    assert problem.message("en").endswith("nmae: unknown key; did you mean name?")


def test_an_answer_of_the_wrong_type_is_not_also_a_question_ask_problem() -> None:
    data = example()
    data["interviews"][0]["answers"].append("Hun sagde ja")
    problem = only(data)
    assert (problem.code, problem.path) == ("S103", ("interviews", 0, "answers", 1))
    assert problem.message("en") == (
        'interview "2026-11-03-kunde-a": answer 2 must be a mapping (key: value), '
        'got "Hun sagde ja"'
    )


def test_several_missing_and_unknown_keys_are_each_reported_once() -> None:
    data = {"stages": [{"x-ok": 1, "foo": 1, "bar": 2}]}
    found = problems(data)
    assert [(p.code, p.path, p.message("en")) for p in found] == [
        ("S101", (), 'the journey: missing required key "format"'),
        ("S101", (), 'the journey: missing required key "id"'),
        ("S101", (), 'the journey: missing required key "title"'),
        ("S101", ("stages", 0), 'stage 1: missing required key "id"'),
        ("S101", ("stages", 0), 'stage 1: missing required key "name"'),
        (
            "S102",
            ("stages", 0, "bar"),
            "stage 1: bar: unknown key (keys of your own must start with x-)",
        ),
        (
            "S102",
            ("stages", 0, "foo"),
            "stage 1: foo: unknown key (keys of your own must start with x-)",
        ),
    ]


def test_order_is_by_position_and_repeatable() -> None:
    data = example()
    data["title"] = 5
    data["stages"][0]["touchpoints"][0]["emotion"] = 9
    data["personas"][0]["name"] = ""
    lines = {("title",): 3, ("personas", 0, "name"): 20, (*TOUCHPOINT, "emotion"): 40}

    def by_line(path: tuple[Any, ...]) -> tuple[int, int]:
        return lines[path], 5

    first = schema_problems(data, by_line, "f")
    assert [p.line for p in first] == [3, 20, 40]
    assert schema_problems(copy.deepcopy(data), by_line, "f") == first


def test_a_wrong_top_level_is_explained_not_crashed_on() -> None:
    for data, got in ([], "a list"), (None, "nothing (null)"), ("tekst", '"tekst"'):
        problem = only(data)
        assert (problem.code, problem.path) == ("S103", ())
        assert problem.message("en") == f"the journey must be a mapping (key: value), got {got}"


def test_a_non_string_key_is_reported_as_an_unknown_key() -> None:
    data: dict[Any, Any] = example()
    data[1] = "one"
    problem = only(data)
    assert (problem.code, problem.path) == ("S102", ("1",))
    assert not schema_is_valid(data)


def test_messages_never_show_raw_jsonschema_text() -> None:
    data = example()
    data["x"] = 1
    data["language"] = "dk"
    data["stages"][0]["touchpoints"][0].update(emotion="high", kind=None, personas="mette")
    data["interviews"][0]["answers"].append({"text": "", "question": "a", "ask": "b"})
    found = problems(data)
    assert sorted(p.code for p in found) == ["S102", "S103", "S103", "S104", "S104", "S108", "S109"]
    for p in found:
        for message in (p.message("en"), p.message("da")):
            for raw in ("is not valid under", "is not of type", "does not match", "^[", "'"):
                assert raw not in message, message


def test_one_of_and_any_of_are_explained_by_the_branch_the_author_meant() -> None:
    # The journey schema's only oneOf is the answer's; these ad-hoc schemas cover the rest.
    size = {"oneOf": [{"type": "integer", "minimum": 3}, {"type": "string", "enum": ["S", "M"]}]}
    [error] = jsonschema.Draft7Validator({"properties": {"size": size}}).iter_errors({"size": "L"})
    [problem] = _Explainer({"size": "L"}, locate, "f").explain(error)
    assert (problem.code, problem.path) == ("S104", ("size",))
    assert problem.message("en") == 'size must be one of S, M; got "L"'
    assert problem.message("da") == 'size skal være en af S, M; fik "L"'

    flag = {"anyOf": [{"type": "integer"}, {"type": "boolean"}]}
    [error] = jsonschema.Draft7Validator({"properties": {"flag": flag}}).iter_errors({"flag": "x"})
    [problem] = _Explainer({"flag": "x"}, locate, "f").explain(error)
    assert (problem.code, problem.path) == ("S103", ("flag",))
    assert problem.message("en") in (
        'flag must be a whole number, got "x"',
        'flag must be true or false, got "x"',
    )


KNOWN_KEYS = sorted(
    {name for _, name, _ in property_schemas(load_schema())} | {"x-a", "touchpointz", "Name"}
)
SCALARS = st.none() | st.booleans() | st.integers(-3, 9) | st.floats(allow_nan=False) | st.text()
JSONISH = st.recursive(
    SCALARS | st.sampled_from(["attract", "kunderejse/1", "paid", "2026-11-03", ""]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(KNOWN_KEYS) | st.text(max_size=4), inner, max_size=5)
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(KNOWN_KEYS), JSONISH, max_size=8))
def test_any_data_gets_problems_that_agree_with_the_quick_check(data: dict[str, Any]) -> None:
    found = problems(data)
    assert schema_is_valid(data) == (found == [])
    assert len({(p.path, p.code, p.message("en")) for p in found}) == len(found)
    for p in found:
        assert p.code in CODES and p.code.startswith("S")
        assert p.message("en") and p.message("da")
        assert "is not valid under" not in p.message("en")
        assert "is not of type" not in p.message("en")
    assert problems(data) == found


# --- check-jsonschema, as pre-commit and CI run it ---------------------------------------


def check_jsonschema() -> str:
    found = Path(sys.executable).with_name("check-jsonschema")
    if found.exists():
        return str(found)
    on_path = shutil.which("check-jsonschema")
    if on_path is None:
        pytest.skip("check-jsonschema is not installed (pip install -e .[dev])")
    return on_path


def run_check_jsonschema(tmp_path: Path, text: str) -> subprocess.CompletedProcess[str]:
    target = tmp_path / "bil.journey.yaml"
    target.write_text(text, encoding="utf-8")
    return subprocess.run(
        [check_jsonschema(), "--schemafile", str(SCHEMA_FILE), str(target)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_jsonschema_accepts_the_example(tmp_path: Path) -> None:
    # Unquoted dates are strings in YAML 1.2, which is how check-jsonschema reads them.
    text = EXAMPLE_YAML.replace('"2026-11-20"', "2026-11-20") + "x-review: {by: Anne}\n"
    result = run_check_jsonschema(tmp_path, text)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("emotion: 3", "emotion: 7"),
        ("  - id: attract", "  - touchpointz: []\n    id: attract"),
        ("id: mette", 'id: "mette\\n"'),
        ("consent: true", "consent: yes"),
    ],
)
def test_check_jsonschema_rejects_what_schema_problems_rejects(
    tmp_path: Path, old: str, new: str
) -> None:
    assert old in EXAMPLE_YAML
    text = EXAMPLE_YAML.replace(old, new, 1)
    result = run_check_jsonschema(tmp_path, text)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "bil.journey.yaml" in result.stdout + result.stderr
    # PyYAML reads `yes` as true (YAML 1.1); quote it so both readers see the same string.
    data = yaml.safe_load(text.replace("consent: yes", 'consent: "yes"'))
    assert len(problems(data)) == 1
