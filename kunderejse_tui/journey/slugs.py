"""Ids made from names: lowercase slugs, Danish letters folded the Danish way."""

from __future__ import annotations

import re
import unicodedata

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# The format's id rule (also in the schema): lowercase letters, digits and '-'.
ID_PATTERN = SLUG_RE.pattern

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(name: str, fallback: str = "item") -> str:
    """``"Købsoplevelsen"`` -> ``"koebsoplevelsen"``; never returns an empty string."""
    text = name.translate(_DANISH)
    # Other accents (é, ü) lose their marks rather than the whole letter.
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_SLUG.sub("-", text.lower()).strip("-")
    return slug or fallback


def unique_slug(name: str, taken: set[str] | frozenset[str], fallback: str = "item") -> str:
    """A slug of ``name`` not in ``taken``: ``mette``, ``mette-2``, ``mette-3`` ..."""
    base = slugify(name, fallback)
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
