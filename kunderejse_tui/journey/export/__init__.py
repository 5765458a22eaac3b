"""Exports of a journey: a Markdown document and two Mermaid diagrams.

Pure functions (data in, text out, deterministic byte for byte) that never crash
on a broken file. ``lang`` None means the journey's own ``language`` (absent: da).
"""

from __future__ import annotations

from kunderejse_tui.journey.export.markdown import export_markdown
from kunderejse_tui.journey.export.mermaid import (
    MAX_EDGES,
    MAX_TEXT_SIZE,
    check_mermaid_limits,
    export_mermaid_flowchart,
    export_mermaid_flowchart_per_stage,
    export_mermaid_journey,
    export_mermaid_journey_per_stage,
)
from kunderejse_tui.journey.export.select import Anonymiser, UnknownPersonaError, persona_ids

FORMATS = ("markdown", "mermaid-journey", "mermaid-flowchart")

__all__ = [
    "FORMATS",
    "MAX_EDGES",
    "MAX_TEXT_SIZE",
    "Anonymiser",
    "UnknownPersonaError",
    "check_mermaid_limits",
    "export_markdown",
    "export_mermaid_flowchart",
    "export_mermaid_flowchart_per_stage",
    "export_mermaid_journey",
    "export_mermaid_journey_per_stage",
    "persona_ids",
]
