"""The two secrets of a served workshop: one link edits, the other only watches."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from typing import Literal

Role = Literal["editor", "viewer"]


@dataclass(frozen=True)
class Tokens:
    editor: str
    viewer: str

    @classmethod
    def new(cls) -> Tokens:
        # 32 random bytes each, drawn separately: knowing one says nothing about the other.
        return cls(secrets.token_urlsafe(32), secrets.token_urlsafe(32))

    @classmethod
    def plain(cls) -> Tokens:
        """``--no-token`` (loopback only): fixed words in place of secrets."""
        return cls("editor", "viewer")

    def role(self, token: str) -> Role | None:
        """The role ``token`` gives, or None. Compared in constant time."""
        given = token.encode()
        if hmac.compare_digest(given, self.editor.encode()):
            return "editor"
        if hmac.compare_digest(given, self.viewer.encode()):
            return "viewer"
        return None

    def of(self, role: Role) -> str:
        return self.editor if role == "editor" else self.viewer
