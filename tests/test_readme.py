"""The README is part of the contract: its problem-code table matches the code."""

from __future__ import annotations

import re
from pathlib import Path

from kunderejse_tui.journey.problems import CODES

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_problem_code_is_listed_with_its_name_and_severity() -> None:
    rows = re.findall(r"^\| `([LSXW]\d{3})` \| `([a-z0-9-]+)` \| (error|warning) \|", README, re.M)
    assert rows == [(c.code, c.name, c.severity) for c in CODES.values()]


def test_the_two_commands_are_documented() -> None:
    assert "make run" in README and "make test" in README


LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def relative_links(markdown: Path) -> list[str]:
    text = markdown.read_text(encoding="utf-8")
    # Code blocks hold examples (URLs to fill in, paths in a user's repository).
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    return [
        target.split("#", 1)[0]
        for target in LINK.findall(text)
        if not re.match(r"[a-z][a-z0-9+.-]*:", target) and not target.startswith("#")
    ]


def test_every_relative_link_resolves_inside_the_repository() -> None:
    """A clone has nothing beside it: the README and the docs it links stand alone."""
    repo = Path(__file__).resolve().parents[1]
    pages = [repo / "README.md", *sorted((repo / "docs").glob("*.md"))]
    checked = 0
    for page in pages:
        for target in relative_links(page):
            resolved = (page.parent / target).resolve()
            assert resolved.is_relative_to(repo), f"{page.name}: {target} points outside"
            assert resolved.exists(), f"{page.name}: {target} does not exist"
            checked += 1
    assert checked >= 3
    assert "../shared" not in README


def test_the_link_reader_sees_what_a_renderer_sees(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        '[a](docs/x.md) ![b](img.png "t") [c](https://e.x) [d](#top)\n```\n[e](f.md)\n```\n',
        encoding="utf-8",
    )
    assert relative_links(page) == ["docs/x.md", "img.png"]
