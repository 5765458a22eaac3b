"""The journey core: reading, checking, writing and exporting journey files.

Nothing in this package imports Textual (tests/test_architecture.py enforces it):
the CLI and the TUI are thin layers over these functions.
"""
