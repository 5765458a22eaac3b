"""The product's built-in content: stage templates and the interview question bank.

Template, stage and question ids end up in users' files, so they never change;
the wording may. Source: docs/templates.md (ids, names) and docs/domain.md
(per-stage goals, touchpoints and tone, offered as suggestions to delete).
"""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

from kunderejse_tui.journey.i18n.catalog import texts
from kunderejse_tui.journey.slugs import SLUG_RE, slugify, unique_slug

# The bank's ids and wording live in wording.py (validation and exports need only
# that); re-exported here beside the bank.
from kunderejse_tui.journey.wording import QUESTION_IDS as QUESTION_IDS
from kunderejse_tui.journey.wording import question_text as question_text

Lang = Literal["da", "en"]
Kind = Literal["owned", "paid", "earned", "offline"]
Tone = Literal["inspire", "inform", "persuade", "sell"]
LANGS: tuple[Lang, ...] = ("da", "en")
FORMAT = "kunderejse/1"


class Text(NamedTuple):
    """One piece of wording in both product languages."""

    da: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.da


class TouchpointSuggestion(NamedTuple):
    name: Text
    channel: str  # a slug from channels.CHANNELS
    kind: Kind


class StageTemplate(NamedTuple):
    id: str
    name: Text
    goal: Text
    touchpoints: tuple[TouchpointSuggestion, ...]
    tone: Tone


class JourneyTemplate(NamedTuple):
    id: str
    name: Text
    stages: tuple[StageTemplate, ...]


class Question(NamedTuple):
    id: str
    text: Text


class FollowUp(NamedTuple):
    # Follow-ups are saved as `ask:` in words, not by id; the id is only for the UI.
    id: str
    text: Text


def _tp(da: str, en: str, channel: str, kind: Kind) -> TouchpointSuggestion:
    return TouchpointSuggestion(Text(da, en), channel, kind)


def _stage(
    sid: str,
    name: tuple[str, str],
    goal: tuple[str, str],
    tone: Tone,
    *touchpoints: TouchpointSuggestion,
) -> StageTemplate:
    return StageTemplate(sid, Text(*name), Text(*goal), tuple(touchpoints), tone)


# Touchpoints reused across templates, so the same channel reads the same everywhere.
_SOCIAL_ADS = _tp("Annoncer på sociale medier", "Social media ads", "social-media", "paid")
_SOCIAL_EARNED = _tp(
    "Opslag og omtale på sociale medier",
    "Posts and mentions on social media",
    "social-media",
    "earned",
)
_SEARCH = _tp("Søgeresultat", "Search result", "search-engine", "earned")
_SEARCH_ADS = _tp("Søgeannonce", "Search ad", "search-engine", "paid")
_BLOG = _tp("Blogindlæg", "Blog post", "blog", "owned")
_WEBSITE = _tp("Hjemmeside", "Website", "website", "owned")
_LANDING = _tp("Landingsside", "Landing page", "landing-page", "owned")
_NEWSLETTER = _tp("Nyhedsbrev", "Newsletter", "newsletter", "owned")
_REVIEWS = _tp("Anmeldelser", "Reviews", "review-site", "earned")
_WORD_OF_MOUTH = _tp(
    "Anbefaling fra venner og familie",
    "Recommendation from friends and family",
    "word-of-mouth",
    "earned",
)
_TV_PRINT = _tp("TV og print", "TV and print", "tv-print", "paid")
_CHECKOUT = _tp("Checkout", "Checkout", "checkout", "owned")
_CUSTOMER_SERVICE = _tp("Kundeservice", "Customer service", "customer-service", "owned")
_SUPPORT_PORTAL = _tp("Supportportal", "Support portal", "support-portal", "owned")
_LOYALTY = _tp("Loyalitetsprogram", "Loyalty programme", "loyalty-programme", "owned")
_SHOP = _tp("Fysisk butik", "Physical shop", "physical-shop", "offline")
_SURVEY = _tp("Tilfredshedsundersøgelse", "Satisfaction survey", "e-mail", "owned")
_CASES = _tp("Kundecases og referencer", "Customer cases and references", "website", "owned")


TEMPLATES: dict[str, JourneyTemplate] = {
    t.id: t
    for t in [
        JourneyTemplate(
            "funnel-5",
            Text(*texts("wording.template.funnel-5")),
            (
                _stage(
                    "attract",
                    ("Tiltræk", "Attract"),
                    (
                        "Blive inspireret og opdage, at der er et behov.",
                        "Get inspired and notice that there is a need.",
                    ),
                    "inspire",
                    _BLOG,
                    _SOCIAL_ADS,
                    _SEARCH,
                ),
                _stage(
                    "interest",
                    ("Interesse", "Interest"),
                    (
                        "Forstå behovet og finde mulige løsninger.",
                        "Understand the need and find possible solutions.",
                    ),
                    "inform",
                    _tp("Guide på hjemmesiden", "Guide on the website", "website", "owned"),
                    _LANDING,
                    _SEARCH_ADS,
                ),
                _stage(
                    "convert",
                    ("Konverter", "Convert"),
                    (
                        "Sammenligne alternativerne og tage kontakt.",
                        "Compare the alternatives and get in touch.",
                    ),
                    "persuade",
                    _tp("Tilmelding til nyhedsbrev", "Newsletter sign-up", "newsletter", "owned"),
                    _tp("Kontaktformular", "Contact form", "landing-page", "owned"),
                    _REVIEWS,
                    _tp("E-mail-forløb", "E-mail nurture flow", "e-mail", "owned"),
                ),
                _stage(
                    "close",
                    ("Luk", "Close"),
                    (
                        "Træffe beslutningen og købe trygt.",
                        "Make the decision and buy with confidence.",
                    ),
                    "sell",
                    _CASES,
                    _tp(
                        "Møde med sælger", "Meeting with a salesperson", "sales-meeting", "offline"
                    ),
                    _CHECKOUT,
                ),
                _stage(
                    "delight",
                    ("Begejstre", "Delight"),
                    (
                        "Få værdi af købet og dele den gode oplevelse.",
                        "Get value from the purchase and share the experience.",
                    ),
                    "inspire",
                    _tp("Opfølgende e-mail", "Follow-up e-mail", "e-mail", "owned"),
                    _SURVEY,
                    _SOCIAL_EARNED,
                    _tp("Personlig kontakt", "Personal contact", "phone", "offline"),
                ),
            ),
        ),
        JourneyTemplate(
            "content-5",
            Text(*texts("wording.template.content-5")),
            (
                _stage(
                    "awareness",
                    ("Erkendelse", "Awareness"),
                    (
                        "Sætte ord på et problem eller et behov.",
                        "Put a problem or a need into words.",
                    ),
                    "inspire",
                    _BLOG,
                    _tp("Opslag på sociale medier", "Social media posts", "social-media", "owned"),
                    _SEARCH,
                ),
                _stage(
                    "consideration",
                    ("Overvejelse", "Consideration"),
                    (
                        "Finde og sammenligne mulige løsninger.",
                        "Find and compare possible solutions.",
                    ),
                    "inform",
                    _tp("Guide eller e-bog", "Guide or e-book", "landing-page", "owned"),
                    _NEWSLETTER,
                    _REVIEWS,
                ),
                _stage(
                    "decision",
                    ("Beslutning", "Decision"),
                    ("Vælge den rigtige leverandør og købe.", "Choose the right supplier and buy."),
                    "sell",
                    _CASES,
                    _tp(
                        "Landingsside med tilbud",
                        "Landing page with an offer",
                        "landing-page",
                        "owned",
                    ),
                    _CUSTOMER_SERVICE,
                ),
                _stage(
                    "retention",
                    ("Fastholdelse", "Retention"),
                    (
                        "Komme godt i gang og få mest muligt ud af købet.",
                        "Get started well and make the most of the purchase.",
                    ),
                    "inform",
                    _tp("Onboarding-e-mails", "Onboarding e-mails", "e-mail", "owned"),
                    _SUPPORT_PORTAL,
                    _NEWSLETTER,
                ),
                _stage(
                    "advocacy",
                    ("Begejstring", "Advocacy"),
                    (
                        "Dele en god oplevelse og blive belønnet for det.",
                        "Share a good experience and be rewarded for it.",
                    ),
                    "inspire",
                    _REVIEWS,
                    _WORD_OF_MOUTH,
                    _LOYALTY,
                ),
            ),
        ),
        JourneyTemplate(
            "lifecycle-12",
            Text(*texts("wording.template.lifecycle-12")),
            (
                _stage(
                    "need",
                    ("Behovsidentifikation", "Need identification"),
                    (
                        "Opdage et behov eller et problem, der skal løses.",
                        "Discover a need or a problem to solve.",
                    ),
                    "inspire",
                    _tp("Sociale medier", "Social media", "social-media", "paid"),
                    _TV_PRINT,
                    _tp("Mund-til-mund", "Word of mouth", "word-of-mouth", "earned"),
                ),
                _stage(
                    "awareness",
                    ("Bevidsthed", "Awareness"),
                    (
                        "Blive opmærksom på mulige løsninger og udbydere.",
                        "Become aware of possible solutions and suppliers.",
                    ),
                    "inspire",
                    _SEARCH_ADS,
                    _SOCIAL_ADS,
                    _BLOG,
                ),
                _stage(
                    "information",
                    ("Informationsindsamling", "Information gathering"),
                    (
                        "Samle viden om løsningerne og hvad de koster.",
                        "Gather knowledge about the solutions and what they cost.",
                    ),
                    "inform",
                    _WEBSITE,
                    _tp("Guides og blogindlæg", "Guides and blog posts", "blog", "owned"),
                    _SEARCH,
                    _REVIEWS,
                ),
                _stage(
                    "consideration",
                    ("Overvejelse", "Consideration"),
                    (
                        "Sammenligne alternativerne og indsnævre valget.",
                        "Compare the alternatives and narrow down the choice.",
                    ),
                    "persuade",
                    _tp(
                        "Sammenligning på hjemmesiden",
                        "Comparison on the website",
                        "website",
                        "owned",
                    ),
                    _tp("Anmeldelsesportaler", "Review sites", "review-site", "earned"),
                    _NEWSLETTER,
                ),
                _stage(
                    "decision",
                    ("Beslutning", "Decision"),
                    (
                        "Vælge leverandør og beslutte sig for at købe.",
                        "Choose a supplier and decide to buy.",
                    ),
                    "sell",
                    _CHECKOUT,
                    _tp("Landingssider", "Landing pages", "landing-page", "owned"),
                    _CUSTOMER_SERVICE,
                ),
                _stage(
                    "purchase",
                    ("Købsoplevelsen", "Purchase experience"),
                    ("Gennemføre købet nemt og trygt.", "Complete the purchase easily and safely."),
                    "sell",
                    _tp("Webshop", "Web shop", "checkout", "owned"),
                    _SHOP,
                    _tp("Ordrebekræftelse", "Order confirmation", "e-mail", "owned"),
                ),
                _stage(
                    "onboarding",
                    ("Levering og onboarding", "Delivery and onboarding"),
                    ("Få leveret og komme godt i gang.", "Receive the delivery and get started."),
                    "inform",
                    _tp("Leveringsinformation", "Delivery information", "e-mail", "owned"),
                    _tp("Onboarding-materiale", "Onboarding material", "support-portal", "owned"),
                    _CUSTOMER_SERVICE,
                ),
                _stage(
                    "engagement",
                    ("Brug og engagement", "Use and engagement"),
                    (
                        "Bruge produktet og få værdi af det i hverdagen.",
                        "Use the product and get value from it day to day.",
                    ),
                    "inform",
                    _SUPPORT_PORTAL,
                    _NEWSLETTER,
                    _tp(
                        "Brugerfællesskab på sociale medier",
                        "User community on social media",
                        "social-media",
                        "owned",
                    ),
                ),
                _stage(
                    "retention",
                    ("Fastholdelse", "Retention"),
                    (
                        "Have gode grunde til at blive som kunde.",
                        "Have good reasons to stay a customer.",
                    ),
                    "persuade",
                    _LOYALTY,
                    _tp(
                        "Personlige tilbud på e-mail",
                        "Personal offers by e-mail",
                        "e-mail",
                        "owned",
                    ),
                    _CUSTOMER_SERVICE,
                ),
                _stage(
                    "satisfaction",
                    ("Tilfredshed", "Satisfaction"),
                    (
                        "Opleve at forventningerne blev indfriet.",
                        "Feel that expectations were met.",
                    ),
                    "inform",
                    _SURVEY,
                    _CUSTOMER_SERVICE,
                    _REVIEWS,
                ),
                _stage(
                    "advocacy",
                    ("Advokering", "Advocacy"),
                    ("Anbefale virksomheden til andre.", "Recommend the company to others."),
                    "inspire",
                    _REVIEWS,
                    _WORD_OF_MOUTH,
                    _SOCIAL_EARNED,
                ),
                _stage(
                    "reactivation",
                    ("Reaktivering", "Reactivation"),
                    (
                        "Blive mindet om virksomheden og finde en grund til at vende tilbage.",
                        "Be reminded of the company and find a reason to come back.",
                    ),
                    "persuade",
                    _tp("Win-back-e-mail", "Win-back e-mail", "e-mail", "owned"),
                    _tp("Retargeting-annoncer", "Retargeting ads", "social-media", "paid"),
                    _tp("Personligt tilbud", "Personal offer", "phone", "offline"),
                ),
            ),
        ),
        JourneyTemplate(
            "digital-4",
            Text(*texts("wording.template.digital-4")),
            (
                _stage(
                    "need",
                    ("Behov", "Need"),
                    ("Erkende et behov.", "Realise a need."),
                    "inspire",
                    _SOCIAL_ADS,
                    _TV_PRINT,
                    _WORD_OF_MOUTH,
                ),
                _stage(
                    "research",
                    ("Research", "Research"),
                    (
                        "Undersøge mulighederne online før købet.",
                        "Research the options online before buying.",
                    ),
                    "inform",
                    _SEARCH,
                    _REVIEWS,
                    _WEBSITE,
                ),
                _stage(
                    "visit",
                    ("Besøg", "Visit"),
                    (
                        "Se produktet og få svar på de sidste spørgsmål.",
                        "See the product and get the last questions answered.",
                    ),
                    "persuade",
                    _SHOP,
                    _tp("Webshop", "Web shop", "website", "owned"),
                    _LANDING,
                ),
                _stage(
                    "outcome",
                    ("Køb eller frafald", "Buy or leave"),
                    # About 69% of online carts are abandoned (docs/domain.md): leaving is the norm.
                    (
                        "Købe, eller forlade kurven uden at købe.",
                        "Buy, or leave the cart without buying.",
                    ),
                    "sell",
                    _CHECKOUT,
                    _tp("Påmindelse om forladt kurv", "Abandoned cart reminder", "e-mail", "owned"),
                    _tp("Retargeting-annoncer", "Retargeting ads", "social-media", "paid"),
                ),
            ),
        ),
    ]
}


QUESTION_BANK: tuple[Question, ...] = tuple(
    Question(qid, Text(*texts(f"wording.question.{qid}"))) for qid in QUESTION_IDS
)

FOLLOW_UPS: tuple[FollowUp, ...] = tuple(
    FollowUp(f"{qid}.{k}", Text(*texts(f"wording.follow_up.{qid}.{k}")))
    for qid in (*QUESTION_IDS, "any")
    for k in (1, 2)
)
"""Every follow-up: two per bank question (``need-discovery.1`` ...), then two that fit
any answer (``any.1``, ``any.2``). ``follow_ups_for`` picks the ones for a question."""


def follow_ups_for(question_id: str | None) -> list[FollowUp]:
    """The follow-ups that fit after the bank question ``question_id`` (or after one of
    its follow-ups), then those that fit anywhere; just those for no or an unknown id."""
    fitting = [f for f in FOLLOW_UPS if question_id and f.id.startswith(f"{question_id}.")]
    return fitting + [f for f in FOLLOW_UPS if f.id.startswith("any.")]


def template_names(lang: str) -> list[tuple[str, str]]:
    """``(template id, label)`` in the order to offer them."""
    _check_lang(lang)
    return [(t.id, t.name.get(lang)) for t in TEMPLATES.values()]


def new_journey(
    template: str,
    lang: str,
    title: str,
    journey_id: str | None = None,
    with_suggestions: bool = False,
    *,
    market: str | None = None,
) -> dict[str, Any]:
    """A fresh, valid journey mapping with the template's stages, in file key order.

    Without suggestions every stage is just ``id`` and ``name``: a workshop starts
    empty, and suggestions nobody asked for would have to be deleted by hand.
    """
    tmpl = TEMPLATES.get(template)
    if tmpl is None:
        known = ", ".join(TEMPLATES)
        raise ValueError(f"unknown stage template {template!r} (known: {known})")
    _check_lang(lang)
    if market is not None and market not in ("B2C", "B2B"):
        raise ValueError(f"unknown market {market!r} (known: B2C, B2B)")
    if journey_id is None:
        journey_id = slugify(title, fallback="kunderejse" if lang == "da" else "journey")
    elif not SLUG_RE.match(journey_id):
        raise ValueError(
            f"journey id {journey_id!r} is not a slug (lowercase letters, digits and '-')"
        )

    journey: dict[str, Any] = {
        "format": FORMAT,
        "id": journey_id,
        "title": title,
        "language": lang,
    }
    if market is not None:
        journey["market"] = market
    journey["model"] = tmpl.id

    taken: set[str] = set()
    stages: list[dict[str, Any]] = []
    for st in tmpl.stages:
        stage: dict[str, Any] = {"id": st.id, "name": st.name.get(lang)}
        if with_suggestions:
            stage["customer_goal"] = st.goal.get(lang)
            touchpoints = []
            for tp in st.touchpoints:
                name = tp.name.get(lang)
                # Ids are unique across the whole journey, and templates reuse a
                # channel in several stages ("Kundeservice" in four of twelve).
                tp_id = unique_slug(name, taken, fallback="touchpoint")
                taken.add(tp_id)
                touchpoints.append(
                    {"id": tp_id, "name": name, "channel": tp.channel, "kind": tp.kind}
                )
            stage["touchpoints"] = touchpoints
            stage["messaging"] = {"tone": st.tone}
        stages.append(stage)
    journey["stages"] = stages
    return journey


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r} (known: da, en)")
