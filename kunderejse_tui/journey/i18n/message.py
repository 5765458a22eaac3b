"""A message kept untranslated: an id and its arguments, read in a language later.

An ``EditError`` or a ``Problem`` is made deep in the core, long before the screen or
the command that shows it knows the reader's language; it carries a ``Message``.
"""

from __future__ import annotations


class Message:
    """``Message("edit.not_found", path="stages[2]")``: translated by ``text(lang)``."""

    __slots__ = ("args", "key")
    key: str
    args: tuple[tuple[str, str | int | Message], ...]

    def __init__(self, key: str, /, **args: str | int | Message) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "args", tuple(sorted(args.items())))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Message is immutable")

    def text(self, lang: str) -> str:
        # The catalog is imported by the first message read, not by the code that makes
        # one: a journey that loads and checks clean never pays for the tables.
        from kunderejse_tui.journey.i18n.catalog import t

        return t(lang, self.key, **dict(self.args))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.key, self.args) == (other.key, other.args)

    def __hash__(self) -> int:
        return hash((self.key, self.args))

    def __repr__(self) -> str:
        args = "".join(f", {name}={value!r}" for name, value in self.args)
        return f"Message({self.key!r}{args})"
