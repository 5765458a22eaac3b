"""LazyPattern compiles on first use and then answers as the compiled pattern."""

from __future__ import annotations

import re

from kunderejse_tui.journey.lazy_re import LazyPattern


def test_nothing_is_compiled_until_first_use() -> None:
    lazy = LazyPattern(r"(?:ab)+c", re.IGNORECASE)
    assert "sub" not in vars(lazy)
    assert lazy.sub("-", "xABabcx") == "x-x"
    # The compiled pattern's own methods now sit on the instance.
    assert vars(lazy)["search"].__self__ is re.compile(r"(?:ab)+c", re.IGNORECASE)


def test_every_method_answers_like_the_compiled_pattern() -> None:
    text = "abc ABC ab-c abcabc"
    compiled = re.compile(r"(ab)c", re.IGNORECASE)
    for method in ("match", "fullmatch", "search"):
        lazy = LazyPattern(r"(ab)c", re.IGNORECASE)
        got, want = getattr(lazy, method)(text), getattr(compiled, method)(text)
        assert (got and got.span()) == (want and want.span())
    lazy = LazyPattern(r"(ab)c", re.IGNORECASE)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.findall(text) == compiled.findall(text) == ["ab", "AB", "ab", "ab"]
    assert lazy.split(text) == compiled.split(text)
    assert lazy.groups == 1  # any other attribute comes from the compiled pattern
