"""What `kunderejse serve` says: its console lines, its web page, and the folder a
browser session is kept inside (da, en)."""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Entry, Plural

MESSAGES: dict[str, Entry] = {
    # ---- the console of `kunderejse serve`
    "serve.serving": ("Kunderejse serveres: {path}", "Serving Kunderejse: {path}"),
    "serve.editor_url": (
        "Redaktør (kan rette og gemme):  {url}",
        "Editor (can edit and save):     {url}",
    ),
    "serve.viewer_url": (
        "Tilskuer (ser med, live):       {url}",
        "Viewer (follows live):          {url}",
    ),
    "serve.stop_hint": (
        "Stop med ctrl+c (alle app-processer lukkes). Højst {n} ad gangen.",
        "Stop with ctrl+c (every app process is ended). At most {n} at a time.",
    ),
    "serve.no_token_warning": (
        "Uden adgangskode: alle på denne maskine kan åbne begge links.",
        "Without a token: anyone on this machine can open both links.",
    ),
    "serve.limit_reached": Plural(
        da=(
            "Grænsen er nået: {n} app-proces kører allerede; en ny forbindelse blev afvist.",
            "Grænsen er nået: {n} app-processer kører allerede; en ny forbindelse blev afvist.",
        ),
        en=(
            "The limit is reached: {n} app process is running; a new connection was refused.",
            "The limit is reached: {n} app processes are running; a new connection was refused.",
        ),
    ),
    "serve.stopping": Plural(
        da=("Stopper {n} app-proces …", "Stopper {n} app-processer …"),
        en=("Stopping {n} app process …", "Stopping {n} app processes …"),
    ),
    "serve.stopped": ("Stoppet.", "Stopped."),
    "serve.port_taken": (
        "{host}:{port} kan ikke bruges: {error}",
        "{host}:{port} cannot be used: {error}",
    ),
    "serve.public_host_needs_token": (
        "--no-token er kun tilladt på 127.0.0.1/::1/localhost, ikke på {host}",
        "--no-token is only allowed on 127.0.0.1/::1/localhost, not on {host}",
    ),
    "serve.no_such_path": (
        "{path}: filen eller mappen findes ikke",
        "{path}: no such file or folder",
    ),
    "serve.bad_max_sessions": (
        "--max-sessions skal være mindst 1",
        "--max-sessions must be at least 1",
    ),
    "serve.bad_grace": (
        "--reconnect-grace kan ikke være negativ",
        "--reconnect-grace cannot be negative",
    ),
    "serve.bad_port": ("--port {port}: ikke et portnummer", "--port {port}: not a port number"),
    "serve.bad_public_url": (
        "--public-url skal begynde med http:// eller https://: {url}",
        "--public-url must start with http:// or https://: {url}",
    ),
    "serve.missing_extra": (
        "serve kræver pakken textual-serve: pip install 'kunderejse-tui[serve]'",
        "serve needs the textual-serve package: pip install 'kunderejse-tui[serve]'",
    ),
    # ---- the web page
    "serve.page_title_editor": ("Kunderejse · redaktør", "Kunderejse · editor"),
    "serve.page_title_viewer": ("Kunderejse · tilskuer", "Kunderejse · viewer"),
    "serve.page_starting": ("Starter …", "Starting …"),
    "serve.page_reconnecting": (
        "Forbindelsen blev afbrudt. Prøver igen …",
        "The connection dropped. Trying again …",
    ),
    "serve.page_ended": ("Sessionen er slut.", "The session has ended."),
    "serve.page_full": Plural(
        da=(
            "Der er ikke plads til flere lige nu: {n} plads er i brug. Prøv igen om lidt.",
            "Der er ikke plads til flere lige nu: alle {n} pladser er i brug. Prøv igen om lidt.",
        ),
        en=(
            "There is no room for more right now: {n} place is in use. Try again shortly.",
            "There is no room for more right now: all {n} places are in use. Try again shortly.",
        ),
    ),
    "serve.page_restart": ("Start igen", "Start again"),
    "serve.forbidden": (
        "Adgang nægtet: linket mangler den rigtige adgangskode.",
        "Access denied: the link lacks the right token.",
    ),
    # ---- the served folder (journey/confinement.py)
    "serve.outside": (
        "{path} ligger uden for den serverede mappe {root}",
        "{path} lies outside the served folder {root}",
    ),
}
