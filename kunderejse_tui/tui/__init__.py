"""The Textual app: a thin layer over kunderejse_tui.journey."""
