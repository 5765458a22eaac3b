"""Fuzzing the loader, the writer and the exporters with a fixed budget.

Under CI (CI=true) every property runs a fixed, derandomised set of examples so
a run is reproducible and its time bounded; locally the examples are random, so
repeated runs keep exploring. ``KUNDEREJSE_FUZZ_EXAMPLES=5000`` digs deeper.
"""

from __future__ import annotations

import os
import string
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kunderejse_tui.journey import export
from kunderejse_tui.journey.fileio import _same, render_journey, save_journey
from kunderejse_tui.journey.problems import CODES, JourneyLoadError
from kunderejse_tui.journey.validate import validate_loaded
from kunderejse_tui.journey.yamlio import load_file, load_text

CI = os.environ.get("CI") == "true"
BUDGET = settings(
    max_examples=int(os.environ.get("KUNDEREJSE_FUZZ_EXAMPLES", 200 if CI else 100)),
    derandomize=CI,
    deadline=None,
    database=None if CI else settings().database,  # settings(): the default profile's
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

VALID = (
    "# yaml-language-server: $schema=../schemas/journey.schema.json\n"
    "format: kunderejse/1\n"
    "id: bil\n"
    "title: Bilkøb\n"
    "language: da\n"
    "personas:\n"
    "  - id: anna\n"
    "    name: Anna\n"
    "stages:\n"
    "  - id: awareness\n"
    "    name: Opmærksomhed\n"
    "    customer_questions:\n"
    "      - text: Hvad koster det?\n"
    "        persona: anna\n"
    "    touchpoints:\n"
    "      - id: annonce\n"
    "        name: Annonce\n"
    "        channel: social\n"
    "        emotion: 3\n"
    "        personas: [anna]\n"
    "    messaging:\n"
    "      tone: Venlig\n"
    "interviews:\n"
    "  - id: i1\n"
    "    persona: anna\n"
    '    date: "2024-05-01"\n'
    "    consent: true\n"
    "    answers:\n"
    "      - question: Hvad koster det?\n"
    "        text: |\n"
    "          For meget.\n"
    "        stages: [awareness]\n"
)


def _loads_or_refuses(source: str | bytes) -> None:
    """The loader's whole contract: a journey, or JourneyLoadError with coded problems."""
    try:
        loaded = load_text(source, "fuzz.journey.yaml")
    except JourneyLoadError as exc:
        assert exc.problems and all(p.code in CODES and p.line >= 1 for p in exc.problems)
        return
    for p in validate_loaded(loaded):
        assert p.code in CODES and p.line >= 1 and p.col >= 1
    # What loads can be written back without losing anything.
    assert _same(load_text(render_journey(loaded.data, loaded.schema_line)).data, loaded.data)


# ---- the loader never raises anything but JourneyLoadError


@BUDGET
@given(st.binary(max_size=2000))
def test_random_bytes(raw: bytes) -> None:
    _loads_or_refuses(raw)


YAMLISH_TOKENS = [
    "\n", "\n", "  ", " ", "- ", ": ", ":", "? ", ",", "[", "]", "{", "}", "&a ", "*a",
    "!!str ", "!x ", "|", "|-", ">", "'", '"', "# c", "---", "...", "%YAML 1.2\n",
    "\t", "\r\n", "\r", "\\", "\\u00e6", "\\x00", "<<<<<<< HEAD", "=======", "<<: ",
    "format: kunderejse/1", "id", "stages", "title", "x-k", "0", "1.10", "0o17", "-.inf",
    "no", "null", "~", "2024-01-02", "æøå", "🚗", "\x00", "\x85", "\u2028", "\ufeff",
    "é", "\ud800", "a" * 50,
]  # fmt: skip
YAMLISH = st.sampled_from(YAMLISH_TOKENS)


@BUDGET
@given(st.lists(YAMLISH, max_size=60).map("".join))
def test_random_yamlish_text(text: str) -> None:
    _loads_or_refuses(text)
    _loads_or_refuses(text.encode("utf-8", "surrogatepass"))


@BUDGET
@given(st.data())
def test_damaged_journeys(data: st.DataObject) -> None:
    raw = bytearray(VALID.encode())
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(raw)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        if action == "insert":
            raw[at:at] = data.draw(
                st.binary(min_size=1, max_size=8)
                | YAMLISH.map(lambda t: t.encode("utf-8", "surrogatepass"))
            )
        elif action == "delete":
            del raw[at : at + data.draw(st.integers(1, 20))]
        else:
            raw[at : at + 1] = data.draw(st.binary(min_size=1, max_size=1))
    _loads_or_refuses(bytes(raw))


# ---- journeys in memory survive the trip to text and back exactly

NASTY = [
    "no", "yes", "on", "off", "y", "n", "1.10", "0755", "0o17", "0x1F", "1e3", "2024-01-02",
    "12:30", "null", "~", "true", "", " ", "  x", "x  ", "\t", "a\nb", "a\n\nb\n", "\n",
    "trailing \n", "\x85", "\u2028", "\u2029", "\ufeff", "\x00", "\x1b", "\x7f", "#", "x #y",
    ": x", "- x", "? x", "|", ">", "'", '"', "%x", "@x", "`x", "&a", "*a", "!x", "{a}", "[a]",
    "<<", "---", "...", "=", "😀", "æøå ÆØÅ", "ﬁ", "\u00a0", "\u200b",
]  # fmt: skip

KEYS = (
    st.sampled_from(
        ["id", "name", "title", "stages", "touchpoints", "personas", "notes", "format", "emotion"]
    )
    | st.text(min_size=1, max_size=12).map(lambda s: "x-" + s)
    | st.sampled_from(NASTY)
)
STRINGS = st.sampled_from(NASTY) | st.text(max_size=40)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | STRINGS
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=25,
)


@BUDGET
@given(st.dictionaries(KEYS, VALUES, max_size=8))
def test_random_journeys_round_trip_exactly(data: dict[str, Any]) -> None:
    text = render_journey(data)
    assert _same(load_text(text).data, data)
    # Saving twice gives the same bytes: the layout is a function of the data.
    assert render_journey(load_text(text).data) == text


@BUDGET
@given(st.dictionaries(KEYS, VALUES, min_size=1, max_size=6), st.booleans(), st.booleans())
def test_random_journeys_round_trip_through_a_file(
    tmp_path_factory: Any, data: dict[str, Any], bom: bool, crlf: bool
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "x.journey.yaml"
    raw = save_journey(path, data, newline="\r\n" if crlf else "\n", bom=bom)
    assert path.read_bytes() == raw
    loaded = load_file(path)
    assert _same(loaded.data, data)
    assert (loaded.bom, loaded.newline) == (bom, "\r\n" if crlf else "\n")


# ---- exporters never crash on journeys of any shape

IDS = st.sampled_from(["a", "b", "anna", "awareness", "kunde-1", "æ", "", "A B"])


def _either(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly the right type, sometimes anything: broken files open too."""
    return st.one_of(good, good, good, VALUES)


def _items(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return _either(
        st.lists(
            _either(st.fixed_dictionaries({}, optional={k: _either(v) for k, v in fields.items()})),
            max_size=4,
        )
    )


TOUCHPOINTS = _items(
    id=IDS,
    name=STRINGS,
    channel=st.sampled_from(["social", "email", "web", "store", "phone", "ukendt"]),
    kind=st.sampled_from(["owned", "paid", "earned", "x"]),
    emotion=st.integers(-2, 8),
    personas=st.lists(IDS, max_size=3),
    pains=st.lists(STRINGS, max_size=3),
    opportunities=st.lists(STRINGS, max_size=3),
    notes=STRINGS,
)
STAGES = _items(
    id=IDS,
    name=STRINGS,
    customer_goal=STRINGS,
    customer_questions=_items(text=STRINGS, persona=IDS),
    touchpoints=TOUCHPOINTS,
    messaging=st.fixed_dictionaries(
        {},
        optional={
            "tone": STRINGS,
            "key_messages": st.lists(STRINGS, max_size=3),
            "call_to_action": STRINGS,
        },
    ),
    kpis=st.lists(STRINGS, max_size=3),
    duration=STRINGS,
    owner=STRINGS,
    notes=STRINGS,
)
JOURNEYS = st.fixed_dictionaries(
    {"id": _either(IDS)},
    optional={
        "format": _either(st.just("kunderejse/1")),
        "title": _either(STRINGS),
        "language": _either(st.sampled_from(["da", "en"])),
        "market": _either(st.sampled_from(["B2C", "B2B"])),
        "description": _either(STRINGS),
        "personas": _items(
            id=IDS, name=STRINGS, summary=STRINGS, needs=st.lists(STRINGS), pains=st.lists(STRINGS)
        ),
        "stages": STAGES,
        "interviews": _items(
            id=IDS,
            persona=IDS,
            date=st.sampled_from(["2024-05-01", "2024-02-30", "igår"]),
            respondent=STRINGS,
            consent=st.booleans(),
            notes=STRINGS,
            answers=_items(
                question=STRINGS,
                ask=STRINGS,
                text=STRINGS,
                stages=st.lists(IDS, max_size=3),
                touchpoints=st.lists(IDS, max_size=3),
                tags=st.lists(STRINGS, max_size=3),
            ),
        ),
    },
)


@BUDGET
@given(
    JOURNEYS,
    st.sampled_from([None, "da", "en"]),
    st.booleans(),
    st.booleans(),
    st.data(),
)
def test_exporters_never_crash(
    journey: dict[str, Any], lang: str | None, unconsented: bool, anon: bool, data: st.DataObject
) -> None:
    known = export.persona_ids(journey)
    persona = data.draw(st.none() | st.sampled_from(known)) if known else None
    md = export.export_markdown(
        journey, lang=lang, persona=persona, include_unconsented=unconsented, anonymise=anon
    )
    assert isinstance(md, str)
    for make in (export.export_mermaid_journey, export.export_mermaid_flowchart):
        diagram = make(journey, lang=lang, persona=persona)
        assert isinstance(diagram, str)
        assert isinstance(export.check_mermaid_limits(diagram), list)
    for split in (
        export.export_mermaid_journey_per_stage,
        export.export_mermaid_flowchart_per_stage,
    ):
        for name, diagram in split(journey, lang=lang, persona=persona):
            assert isinstance(name, str) and isinstance(diagram, str)
    # And what the app would save of it reads back exactly.
    assert _same(load_text(render_journey(journey)).data, journey)


def test_the_alphabet_of_damage_reaches_every_rejection() -> None:
    # Cheap guard that the YAML-ish tokens keep provoking the interesting paths.
    tokens = set(YAMLISH_TOKENS)
    assert {"&a ", "*a", "!!str ", "\t", "\x00", "\x85", "<<<<<<< HEAD"} <= tokens
    assert set(string.digits) & {t[0] for t in tokens if t}
