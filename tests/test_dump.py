"""The canonical layout: golden bytes, small diffs, exact round trips."""

from __future__ import annotations

import copy
import difflib
import os
import stat
import threading
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kunderejse_tui.journey import fileio
from kunderejse_tui.journey.dump import dump
from kunderejse_tui.journey.fileio import SaveError, render_journey, save_journey
from kunderejse_tui.journey.yamlio import load_file, load_text

SCHEMA = "# yaml-language-server: $schema=../schemas/journey.schema.json"

JOURNEY: dict[str, Any] = {
    "stages": [
        {
            "name": "Tiltræk",
            "id": "attract",
            "x-color": "blue",
            "touchpoints": [
                {
                    "personas": ["mette"],
                    "emotion": 3,
                    "kind": "paid",
                    "name": "Annonce på Facebook",
                    "id": "facebook-annonce",
                }
            ],
            "customer_questions": [{"persona": "mette", "text": "Skal jeg købe eller lease?"}],
            "messaging": {"call_to_action": "Prøv beregneren", "tone": "inspire"},
        }
    ],
    "title": "Mette køber ny bil",
    "format": "kunderejse/1",
    "x-internal": {"b": 1, "a": 2},
    "description": "Privatkunders rejse\nfra behov til ny bil.\n",
    "updated": "2026-11-20",
    "id": "bilkoeb-privat",
    "personas": [{"id": "mette", "name": "Mette", "demographics": {"age": 38}}],
    "interviews": [],
}

GOLDEN = f"""{SCHEMA}
format: kunderejse/1
id: bilkoeb-privat
title: Mette køber ny bil
description: |
  Privatkunders rejse
  fra behov til ny bil.
updated: "2026-11-20"

personas:
  - id: mette
    name: Mette
    demographics:
      age: 38

stages:
  - id: attract
    name: Tiltræk
    customer_questions:
      - text: Skal jeg købe eller lease?
        persona: mette
    touchpoints:
      - id: facebook-annonce
        name: Annonce på Facebook
        kind: paid
        emotion: 3
        personas:
          - mette
    messaging:
      tone: inspire
      call_to_action: Prøv beregneren
    x-color: blue
interviews: []
x-internal:
  b: 1
  a: 2
"""


def test_golden_layout() -> None:
    assert dump(JOURNEY, SCHEMA) == GOLDEN


def test_unknown_keys_keep_their_order_between_known_and_x_keys() -> None:
    data = {"x-z": 1, "titel": "typo", "format": "kunderejse/1", "stagez": [], "id": "a"}
    assert dump(data) == "format: kunderejse/1\nid: a\ntitel: typo\nstagez: []\nx-z: 1\n"


def test_saving_unchanged_canonical_data_gives_identical_bytes() -> None:
    loaded = load_text(GOLDEN)
    assert dump(loaded.data, loaded.schema_line) == GOLDEN


def test_one_field_changes_only_its_own_line() -> None:
    data = load_text(GOLDEN).data
    data["stages"][0]["touchpoints"][0]["emotion"] = 1
    diff = [
        line
        for line in difflib.unified_diff(GOLDEN.splitlines(), dump(data, SCHEMA).splitlines(), n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert diff == ["-        emotion: 3", "+        emotion: 1"]


def test_adding_a_list_item_adds_only_its_lines() -> None:
    data = load_text(GOLDEN).data
    data["stages"][0]["touchpoints"][0]["personas"].append("jens")
    diff = [
        line
        for line in difflib.unified_diff(GOLDEN.splitlines(), dump(data, SCHEMA).splitlines(), n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert diff == ["+          - jens"]


NASTY = [
    "no", "yes", "on", "Off", "y", "n", "1.10", "0755", "2024-01-02", "1:30", "~", "null", "",
    " lead", "trail ", "a: b", "a #b", "#x", "- x", "? x", "key:", "[x]", "{x}", "*a", "&a",
    "!t", "|", ">", "%", "@", "`", "'q'", '"q"', ":;#|\"", "x\x85y", "l\u2028s", "p\u2029q",
    "emoji 😀", "æøå ÆØÅ", "tab\there", "multi\nline", "trailing \nspace", "\nleading",
    "ends\n\n", "  indented\nblock\n", "---", "...", "<<", "=", "0b101", "1_000", ".inf",
    "\ufeffbom", "nul\x00", "bell\x07", "\\back", "nbsp\xa0x", "0o17", "0x1F", "+1", "1e3",
]  # fmt: skip


@pytest.mark.parametrize("value", NASTY)
def test_nasty_strings_read_back_exactly_in_both_yaml_versions(value: str) -> None:
    data = {"format": "kunderejse/1", "id": "a", "title": value, "stages": [{"x-v": [value]}]}
    text = dump(data)
    assert load_text(text).data == data
    # YAML 1.1 readers (PyYAML's default loader, many tools) see the same strings.
    assert yaml.safe_load(text) == data


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.sampled_from(NASTY),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=30),
)
keys = st.one_of(
    st.sampled_from(["id", "name", "no", "on", "1", "x-a", "emotion"]), st.text(max_size=8)
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=4)
    ),
    max_leaves=20,
)
journeys = st.fixed_dictionaries(
    {"format": st.just("kunderejse/1"), "id": st.just("j"), "title": st.sampled_from(NASTY)},
    optional={"stages": st.lists(st.dictionaries(keys, values, max_size=5), max_size=3),
              "x-extra": values},
)  # fmt: skip

PROFILE = settings(
    max_examples=150 if os.environ.get("CI") else 300,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow],
    deadline=None,
)


@PROFILE
@given(journeys)
def test_load_save_round_trip_and_idempotence(data: dict[str, Any]) -> None:
    text = render_journey(data, SCHEMA)  # verified against the data, or SaveError
    back = load_text(text).data
    assert fileio._same(back, data)
    assert dump(back, SCHEMA) == text


def test_atomic_save_keeps_the_file_mode_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "a.journey.yaml"
    path.write_text("old\n")
    os.chmod(path, 0o640)
    save_journey(path, copy.deepcopy(JOURNEY), schema_line=SCHEMA)
    assert path.read_text(encoding="utf-8") == GOLDEN
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.journey.yaml"]


def test_crlf_and_bom_are_written_back_as_they_came(tmp_path: Path) -> None:
    path = tmp_path / "w.journey.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + GOLDEN.replace("\n", "\r\n").encode())
    loaded = load_file(path)
    save_journey(path, loaded.data, schema_line=loaded.schema_line, newline=loaded.newline,
                 bom=loaded.bom)  # fmt: skip
    raw = path.read_bytes()
    assert raw == b"\xef\xbb\xbf" + GOLDEN.replace("\n", "\r\n").encode()
    assert raw.count(b"\n") == raw.count(b"\r\n")  # never half-and-half


def test_a_text_that_reads_back_differently_is_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.journey.yaml"
    path.write_bytes(b"original\n")
    monkeypatch.setattr("kunderejse_tui.journey.dump.dump", lambda data, line=None: "id: other\n")
    with pytest.raises(SaveError):
        save_journey(path, copy.deepcopy(JOURNEY))
    assert path.read_bytes() == b"original\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.journey.yaml"]


def test_a_failing_rename_leaves_the_original_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.journey.yaml"
    path.write_bytes(b"original\n")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_journey(path, copy.deepcopy(JOURNEY))
    assert path.read_bytes() == b"original\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.journey.yaml"]


def test_writing_to_a_device_never_replaces_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    fileio.write_text_atomic(fifo, "hej\n")
    reader.join(timeout=10)
    assert got == [b"hej\n"]
    # Had it been renamed over, the pipe would now be a regular file (and -o
    # /dev/null, as root, would have replaced the device).
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_an_empty_mapping_reads_back_as_a_mapping() -> None:
    assert dump({}) == "{}\n"
    assert load_text(render_journey({}, SCHEMA)).data == {}
