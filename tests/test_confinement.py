"""The served folder: paths inside pass, anything that leads outside does not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kunderejse_tui.journey.confinement import Confinement, OutsideError


def test_inside_outside_and_the_ways_out(tmp_path: Path) -> None:
    served = tmp_path / "served"
    (served / "sub").mkdir(parents=True)
    (tmp_path / "secret").mkdir()
    os.symlink(tmp_path / "secret", served / "link")
    c = Confinement.to(served)
    assert c.allows(served / "a.journey.yaml")
    assert c.allows(served / "sub" / "new-file.md")  # not there yet: still inside
    assert c.allows(served)
    assert not c.allows(served / ".." / "secret" / "x.yaml")
    assert not c.allows(served / "link" / "x.yaml")  # a symbolic link out
    assert not c.allows(tmp_path / "served-but-not")  # a sibling whose name starts alike
    assert not c.allows("/etc/passwd")
    with pytest.raises(OutsideError) as refused:
        c.check(served / ".." / "secret")
    assert "uden for den serverede mappe" in refused.value.message.text("da")
    assert c.keep([served / "a", tmp_path / "b"]) == [served / "a"]


def test_a_file_is_served_with_its_folder_and_no_confinement_allows_all(tmp_path: Path) -> None:
    journey = tmp_path / "x.journey.yaml"
    journey.write_text("x", encoding="utf-8")
    assert Confinement.to(journey).root == tmp_path.resolve()
    assert Confinement.none().allows("/anything/at/all")
    assert not Confinement.none().active
