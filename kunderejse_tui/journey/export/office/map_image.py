"""The map picture the PowerPoint and Word documents embed, when it can be had.

The picture itself is another export (``export.picture``, the journey map as
SVG/PNG). Until that module exists, or when it cannot render here, the documents
leave the picture out rather than show a stand-in: ``map_png`` returns None.

Wiring it is this module's business alone: when ``export.picture`` lands, point
``_RENDERER`` at its PNG function (one line) and the CLI and both documents follow.
"""

from __future__ import annotations

from typing import Any

# (module, function): function(journey, *, lang, persona) -> PNG bytes.
_RENDERER = ("kunderejse_tui.journey.export.picture", "export_png")


def map_png(journey: Any, *, lang: str | None, persona: str | None) -> bytes | None:
    """The map as PNG bytes, or None when no renderer is installed or it cannot draw."""
    import importlib

    module_name, function = _RENDERER
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    render = getattr(module, function, None)
    if render is None:
        return None
    try:
        png = render(journey, lang=lang, persona=persona)
    except (OSError, RuntimeError):
        # A renderer that needs a tool this machine lacks: the documents go without.
        return None
    return png if isinstance(png, bytes) and png else None
