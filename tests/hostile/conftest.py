"""Every test here that takes ``hostile`` or ``friendly`` runs once per corpus case."""

from __future__ import annotations

import pytest

from tests.hostile.hostile_corpus import FRIENDLY, HOSTILE


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "hostile" in metafunc.fixturenames:
        metafunc.parametrize("hostile", HOSTILE, ids=[c.name for c in HOSTILE])
    if "friendly" in metafunc.fixturenames:
        metafunc.parametrize("friendly", FRIENDLY, ids=[c.name for c in FRIENDLY])
