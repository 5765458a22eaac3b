"""Hand-over documents: PowerPoint, Word, an Excel workbook and CSV tables.

The office libraries (python-pptx, python-docx, openpyxl) are the optional extra
``kunderejse-tui[office]``. They are imported only inside the export functions, so
validating, formatting and the Markdown export never load them; :func:`require`
turns their absence into one message that names the extra.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType

OFFICE_FORMATS = ("pptx", "docx", "xlsx", "csv")
BINARY_FORMATS = ("pptx", "docx", "xlsx")
EXTRA_HINT = "pip install 'kunderejse-tui[office]'"

# The library behind each format, as pip and the import system name it.
LIBRARIES = {
    "pptx": ("python-pptx", "pptx"),
    "docx": ("python-docx", "docx"),
    "xlsx": ("openpyxl", "openpyxl"),
}


class MissingExtraError(ImportError):
    """The library a format needs is not installed; the message says how to get it."""

    def __init__(self, fmt: str) -> None:
        package = LIBRARIES[fmt][0]
        super().__init__(f"--to {fmt} needs {package}, from the office extra: {EXTRA_HINT}")
        self.fmt = fmt


def require(fmt: str) -> ModuleType:
    """The library for ``fmt``, imported now; MissingExtraError when it is not installed."""
    import importlib

    module = LIBRARIES[fmt][1]
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(fmt) from exc
