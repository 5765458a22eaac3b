"""Strings of the served app: the viewer that follows the file, the editor's live sharing (da, en)."""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Entry

MESSAGES: dict[str, Entry] = {
    "live.sharing_mark": ("deler live", "sharing live"),
    "live.viewer_mark": ("ser med live", "following live"),
    "live.sharing_on": (
        "Live-deling er slået til: ændringer gemmes et par sekunder efter, så tilskuerne ser dem.",
        "Live sharing is on: changes are saved a few seconds later, so viewers see them.",
    ),
    "live.sharing_off": (
        "Live-deling er slået fra: tilskuerne ser ændringerne, når du gemmer.",
        "Live sharing is off: viewers see the changes when you save.",
    ),
    "live.sharing_stopped": (
        "Live-deling er stoppet, fordi der ikke blev gemt. Slå den til igen med F6.",
        "Live sharing stopped because nothing was saved. Switch it on again with F6.",
    ),
    "live.viewer_only": (
        "Du ser med som tilskuer: her kan du ikke rette, gemme eller overtage rejsen.",
        "You are following as a viewer: you cannot edit, save or take over the journey here.",
    ),
    "live.unreadable": (
        "{file} kan ikke læses lige nu; du ser den seneste version, der kunne.",
        "{file} cannot be read right now; you see the last version that could.",
    ),
    "key.live_sharing": ("Del live", "Share live"),
    "home.intro_viewer": (
        "Vælg en kunderejse og tryk Enter for at se den som præsentation. F1: hjælp.",
        "Pick a customer journey and press Enter to see it as a presentation. F1: help.",
    ),
    "home.empty_viewer": (
        "Her er ingen *.journey.yaml-filer endnu.",
        "There are no *.journey.yaml files here yet.",
    ),
    "live.key.back_to_list": ("Tilbage til listen", "Back to the list"),
    "help.intro.ViewerScreen": (
        "Du ser med som tilskuer: rejsen vises som præsentation og følger filen, så du ser "
        "hver ændring, når den er gemt. Piletasterne bladrer mellem faserne, o skifter til "
        "overblikket over alle faser. Her kan intet rettes eller gemmes.",
        "You are following as a viewer: the journey is shown as a presentation and follows "
        "the file, so you see each change once it is saved. The arrow keys step through the "
        "stages, o switches to the overview of all stages. Nothing can be edited or saved "
        "here.",
    ),
}
