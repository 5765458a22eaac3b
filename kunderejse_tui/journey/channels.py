"""The common touchpoint channels, offered as suggestions.

``channel`` is free text in the format (every client names channels their own
way), so nothing here is a check: an unknown slug is simply shown as written.
"""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import t, texts

# Order is the order of suggestions: roughly the order a customer meets them,
# from the top of the funnel to after the purchase, then the offline extras.
# Their names are in the catalog (``i18n/tables/channels.py``: channel.<slug>).
_SLUGS = (
    "social-media",
    "search-engine",
    "blog",
    "website",
    "e-mail",
    "newsletter",
    "landing-page",
    "checkout",
    "customer-service",
    "physical-shop",
    "review-site",
    "word-of-mouth",
    "tv-print",
    "support-portal",
    "loyalty-programme",
    "events",
    "sales-meeting",
    "phone",
    "home-visit",
    "app",
)


class Channel:
    """A common channel: its slug, and its name in the catalog."""

    __slots__ = ("slug",)

    def __init__(self, slug: str) -> None:
        self.slug = slug

    def __repr__(self) -> str:
        return f"Channel({self.slug!r})"

    def label(self, lang: str) -> str:
        return t(lang, f"channel.{self.slug}")


CHANNELS: tuple[Channel, ...] = tuple(Channel(slug) for slug in _SLUGS)

_KNOWN = frozenset(_SLUGS)


def channel_label(slug: str, lang: str) -> str:
    """The label of a known channel; any other value is the user's own, shown as is."""
    return t(lang, f"channel.{slug}") if slug in _KNOWN else slug


def suggest_channels(prefix: str) -> list[str]:
    """Slugs for completing what the user has typed so far.

    Slug matches come first; a match on the Danish or English label follows, so
    a consultant typing "kund" in a Danish workshop still finds customer-service.
    """
    p = prefix.strip().casefold()
    by_slug = [slug for slug in _SLUGS if slug.startswith(p)]
    by_label = [
        slug
        for slug in _SLUGS
        if slug not in by_slug
        and any(name.casefold().startswith(p) for name in texts(f"channel.{slug}"))
    ]
    return by_slug + by_label
