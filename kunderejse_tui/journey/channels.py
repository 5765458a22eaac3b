"""The common touchpoint channels, offered as suggestions.

``channel`` is free text in the format (every client names channels their own
way), so nothing here is a check: an unknown slug is simply shown as written.
"""

from __future__ import annotations


class Channel:
    # A plain class, not a dataclass: the exports import this module, and dataclasses
    # brings inspect with it (see problems.py).
    __slots__ = ("da", "en", "slug")

    def __init__(self, slug: str, da: str, en: str) -> None:
        self.slug, self.da, self.en = slug, da, en

    def __repr__(self) -> str:
        return f"Channel({self.slug!r}, {self.da!r}, {self.en!r})"

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.da


# Order is the order of suggestions: roughly the order a customer meets them,
# from the top of the funnel to after the purchase, then the offline extras.
CHANNELS: tuple[Channel, ...] = (
    Channel("social-media", "Sociale medier", "Social media"),
    Channel("search-engine", "Søgemaskine", "Search engine"),
    Channel("blog", "Blog", "Blog"),
    Channel("website", "Hjemmeside", "Website"),
    Channel("e-mail", "E-mail", "E-mail"),
    Channel("newsletter", "Nyhedsbrev", "Newsletter"),
    Channel("landing-page", "Landingsside", "Landing page"),
    Channel("checkout", "Checkout", "Checkout"),
    Channel("customer-service", "Kundeservice", "Customer service"),
    Channel("physical-shop", "Fysisk butik", "Physical shop"),
    Channel("review-site", "Anmeldelsesportal", "Review site"),
    Channel("word-of-mouth", "Mund-til-mund", "Word of mouth"),
    Channel("tv-print", "TV og print", "TV and print"),
    Channel("support-portal", "Supportportal", "Support portal"),
    Channel("loyalty-programme", "Loyalitetsprogram", "Loyalty programme"),
    Channel("events", "Events og messer", "Events and fairs"),
    Channel("sales-meeting", "Salgsmøde", "Sales meeting"),
    Channel("phone", "Telefon", "Phone"),
    Channel("home-visit", "Besøg i hjemmet", "Home visit"),
    Channel("app", "App", "App"),
)

_BY_SLUG: dict[str, Channel] = {c.slug: c for c in CHANNELS}


def channel_label(slug: str, lang: str) -> str:
    """The label of a known channel; any other value is the user's own, shown as is."""
    channel = _BY_SLUG.get(slug)
    return channel.label(lang) if channel else slug


def suggest_channels(prefix: str) -> list[str]:
    """Slugs for completing what the user has typed so far.

    Slug matches come first; a match on the Danish or English label follows, so
    a consultant typing "kund" in a Danish workshop still finds customer-service.
    """
    p = prefix.strip().casefold()
    by_slug = [c.slug for c in CHANNELS if c.slug.startswith(p)]
    by_label = [
        c.slug
        for c in CHANNELS
        if c.slug not in by_slug
        and (c.da.casefold().startswith(p) or c.en.casefold().startswith(p))
    ]
    return by_slug + by_label
