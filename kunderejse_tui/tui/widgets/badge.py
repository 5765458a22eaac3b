"""How the map marks evidence: the words and their styles, apart from the counting.

Kept apart from ``widgets.evidence`` (which imports the evidence rules and their
exports): the map column needs only these few lines to open.
"""

from __future__ import annotations

from textual.content import Content

from kunderejse_tui.tui.i18n import tr

UNCONSENTED_STYLE = "bold $text-warning"
ASSUMED_STYLE = "italic $text-warning"
OBSERVED_STYLE = "$text-success"


def badge_content(badge: str, lang: str) -> Content:
    """``❝ 4 svar`` (answers back it) or ``○ antaget`` (none do): words, not only colour."""
    if badge == tr(lang, "iv.badge.assumed"):
        return Content.styled("○ " + badge, ASSUMED_STYLE)
    return Content.styled("❝ " + badge, OBSERVED_STYLE)
