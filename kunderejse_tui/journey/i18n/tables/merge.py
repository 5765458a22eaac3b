"""Merge conflicts (``kunderejse merge``, saving over a changed file): where, and what."""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Entry

MESSAGES: dict[str, Entry] = {
    "merge.mine": ("min version", "mine"),
    "merge.theirs": ("deres version", "theirs"),
    "merge.the_journey": ("kunderejsen", "the journey"),
    "merge.nth": ("{key} nr. {n}", "{key} #{n}"),
    "merge.item": ("{kind} '{id}'", "{kind} '{id}'"),
    "merge.deleted_value": ("slettet", "deleted"),
    "merge.deleted": (
        "{where}: slettet i {deleted}, men ændret i {changed}",
        "{where}: deleted in {deleted} but changed in {changed}",
    ),
    "merge.order": (
        "{where}: rækkefølgen er ændret forskelligt i {mine} og {theirs}",
        "{where}: the order was changed differently in {mine} and {theirs}",
    ),
    "merge.moved": (
        "{where}: flyttet til fasen '{to_mine}' i {mine} og til fasen '{to_theirs}' i {theirs}",
        "{where}: moved to stage '{to_mine}' in {mine} and to stage '{to_theirs}' in {theirs}",
    ),
    "merge.orphaned": (
        "{where}: ligger i fasen '{stage}', som er slettet i {side}",
        "{where}: belongs to stage '{stage}', which {side} deleted",
    ),
    "merge.changed": (
        "{where}: ændret forskelligt i {mine} ({mine_value}) og {theirs} ({theirs_value})",
        "{where}: changed differently in {mine} ({mine_value}) and {theirs} ({theirs_value})",
    ),
}
