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
    "disk.not_saved_no_copy": (
        "Rejsen er ikke gemt: {reason}. Filen på disken er uændret, og dine ændringer er "
        "stadig åbne her, men gendannelseskopien kunne heller ikke skrives: gem som en ny "
        "fil et andet sted.",
        "The journey was not saved: {reason}. The file on disk is unchanged and your edits "
        "are still open here, but the recovery copy could not be written either: save as "
        "a new file somewhere else.",
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
    "disk.reason.eisdir": (
        "der ligger en mappe med det navn",
        "there is a folder with that name",
    ),
    "disk.reason.eexist": ("filen findes allerede", "the file already exists"),
    "disk.reason.enotdir": (
        "en del af stien er en fil, ikke en mappe",
        "part of the path is a file, not a folder",
    ),
    "disk.reason.ebusy": (
        "filen eller disken er optaget af et andet program",
        "the file or disk is busy in another program",
    ),
    "disk.reason.etxtbsy": (
        "filen er i brug af et kørende program",
        "the file is in use by a running program",
    ),
    "disk.reason.exdev": (
        "filen kan ikke flyttes mellem to diske",
        "the file cannot be moved between two disks",
    ),
    "disk.reason.efbig": ("filen er for stor til disken", "the file is too large for the disk"),
    "disk.reason.eloop": (
        "stien har for mange symbolske links i ring",
        "the path has too many symbolic links in a loop",
    ),
    "disk.reason.emfile": (
        "programmet har for mange filer åbne",
        "the program has too many files open",
    ),
}
