"""UI strings, one module per area of the UI (see tui/i18n.py)."""
