"""The common touchpoint channels by slug (``channels.CHANNELS`` gives their order)."""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Entry

MESSAGES: dict[str, Entry] = {
    "channel.social-media": ("Sociale medier", "Social media"),
    "channel.search-engine": ("Søgemaskine", "Search engine"),
    "channel.blog": ("Blog", "Blog"),
    "channel.website": ("Hjemmeside", "Website"),
    "channel.e-mail": ("E-mail", "E-mail"),
    "channel.newsletter": ("Nyhedsbrev", "Newsletter"),
    "channel.landing-page": ("Landingsside", "Landing page"),
    "channel.checkout": ("Checkout", "Checkout"),
    "channel.customer-service": ("Kundeservice", "Customer service"),
    "channel.chat": ("Chat", "Chat"),
    "channel.physical-shop": ("Fysisk butik", "Physical shop"),
    "channel.review-site": ("Anmeldelsesportal", "Review site"),
    "channel.word-of-mouth": ("Mund-til-mund", "Word of mouth"),
    "channel.tv-print": ("TV og print", "TV and print"),
    "channel.support-portal": ("Supportportal", "Support portal"),
    "channel.loyalty-programme": ("Loyalitetsprogram", "Loyalty programme"),
    "channel.events": ("Events og messer", "Events and fairs"),
    "channel.sales-meeting": ("Salgsmøde", "Sales meeting"),
    "channel.phone": ("Telefon", "Phone"),
    "channel.sms": ("SMS", "Text message"),
    "channel.home-visit": ("Besøg i hjemmet", "Home visit"),
    "channel.app": ("App", "App"),
}
