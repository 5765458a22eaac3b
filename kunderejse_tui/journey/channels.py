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
    "chat",
    "physical-shop",
    "review-site",
    "word-of-mouth",
    "tv-print",
    "support-portal",
    "loyalty-programme",
    "events",
    "sales-meeting",
    "phone",
    "sms",
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

# What people type for a channel, in Danish or English: each word means the slug it
# points at. "email" and "mail" are the e-mail channel, so a file that says
# `channel: email` is shown as "E-mail" too.
SYNONYMS: dict[str, str] = {
    "email": "e-mail",
    "mail": "e-mail",
    "e-post": "e-mail",
    "mails": "e-mail",
    "livechat": "chat",
    "live-chat": "chat",
    "chatbot": "chat",
    "messenger": "chat",
    "tekstbesked": "sms",
    "text-message": "sms",
    "facebook": "social-media",
    "instagram": "social-media",
    "linkedin": "social-media",
    "tiktok": "social-media",
    "some": "social-media",
    "google": "search-engine",
    "seo": "search-engine",
    "web": "website",
    "site": "website",
    "webshop": "website",
    "butik": "physical-shop",
    "shop": "physical-shop",
    "trustpilot": "review-site",
    "anbefaling": "word-of-mouth",
    "telefon": "phone",
    "opkald": "phone",
}


def canonical_channel(value: str) -> str | None:
    """The slug ``value`` names exactly (a slug, a synonym or a label); None otherwise."""
    v = value.strip().casefold()
    if v in _KNOWN:
        return v
    if v in SYNONYMS:
        return SYNONYMS[v]
    return next((s for s in _SLUGS if v in (n.casefold() for n in texts(f"channel.{s}"))), None)


def channel_label(slug: str, lang: str) -> str:
    """The label of a known channel (or a synonym of one); any other value is shown as is."""
    if slug in _KNOWN:
        return t(lang, f"channel.{slug}")
    known = SYNONYMS.get(slug.strip().casefold())
    return t(lang, f"channel.{known}") if known else slug


def suggest_channels(prefix: str) -> list[str]:
    """Slugs for completing what the user has typed so far, best first.

    An exact slug, synonym or label comes first ("email" -> e-mail); then slugs,
    labels (Danish or English) and synonyms that start with it, so a consultant
    typing "kund" finds customer-service; then, from two letters on, those that
    hold it anywhere ("mail" -> e-mail, "shop" -> physical-shop).
    """
    p = prefix.strip().casefold()
    out: list[str] = []

    def take(slugs: list[str]) -> None:
        out.extend(s for s in slugs if s not in out)

    def names(slug: str) -> list[str]:
        words = [slug, *(n.casefold() for n in texts(f"channel.{slug}"))]
        return words + [w for w, target in SYNONYMS.items() if target == slug]

    exact = canonical_channel(p) if p else None
    if exact is not None:
        take([exact])
    take([slug for slug in _SLUGS if slug.startswith(p)])
    take([slug for slug in _SLUGS if any(n.startswith(p) for n in names(slug))])
    if len(p) >= 2:
        take([slug for slug in _SLUGS if any(p in n for n in names(slug))])
    return out
