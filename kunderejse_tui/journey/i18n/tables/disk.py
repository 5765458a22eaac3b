"""Why a save failed, in words a person in a workshop can act on."""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Entry

MESSAGES: dict[str, Entry] = {
    "disk.not_saved": (
        "Rejsen er ikke gemt: {reason}. Filen på disken er uændret, og dine ændringer "
        "er stadig åbne her (og i gendannelseskopien).",
        "The journey was not saved: {reason}. The file on disk is unchanged and your edits "
        "are still open here (and in the recovery copy).",
    ),
    "disk.reason.enospc": ("disken er fuld", "the disk is full"),
    "disk.reason.edquot": ("din diskkvote er brugt op", "your disk quota is used up"),
    "disk.reason.eacces": (
        "du har ikke tilladelse til at skrive der",
        "you do not have permission to write there",
    ),
    "disk.reason.eperm": (
        "du har ikke tilladelse til at skrive der",
        "you do not have permission to write there",
    ),
    "disk.reason.erofs": (
        "disken eller mappen er skrivebeskyttet",
        "the disk or folder is read-only",
    ),
    "disk.reason.eio": (
        "disken meldte en ind/ud-fejl (input/output)",
        "the disk reported an input/output error",
    ),
    "disk.reason.enoent": ("mappen findes ikke længere", "the folder no longer exists"),
    "disk.reason.enametoolong": ("filnavnet er for langt", "the file name is too long"),
}
