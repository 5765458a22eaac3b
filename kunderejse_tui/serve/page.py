"""Our own web page for the served app.

textual-serve's page loads a web font from the internet; a workshop's page must
make no request outside the server (a client's network may block it, and who
follows the workshop is nobody else's business). This page loads textual-serve's
terminal script, its stylesheet and its bundled Roboto Mono from the server,
under the token's path (relative URLs, so it works behind a tunnel too).

What it adds to textual-serve's page: the tab keeps a session id (in
sessionStorage), so a page reloaded after a dropped link reattaches to the same
app process; and when the websocket closes it asks the server whether that
process is still there, and reconnects, says the session ended, or says the
server is full.
"""

from __future__ import annotations

import html
import json

from kunderejse_tui.journey.i18n import t
from kunderejse_tui.serve.tokens import Role

STYLE = """
@font-face { font-family: "Roboto Mono"; font-weight: 100 900;
  src: url("static/fonts/RobotoMono-VariableFont_wght.ttf") format("truetype"); }
html, body { margin: 0; height: 100%; background: #0c181f; }
#terminal { position: absolute; inset: 0; }
.textual-terminal { opacity: 0; transition: opacity 0.3s ease-out; }
body.-first-byte .textual-terminal { opacity: 1; }
.notice { position: absolute; inset: 0; display: none; z-index: 10;
  align-items: center; justify-content: center; flex-direction: column;
  font: 16px "Roboto Mono", monospace; color: rgba(255, 255, 255, 0.95);
  background: rgba(12, 24, 31, 0.92); text-align: center; padding: 2em; }
body:not(.-first-byte):not(.-closed) #starting { display: flex; }
body.-closed.-reconnecting #reconnecting { display: flex; }
body.-closed.-ended #ended { display: flex; }
body.-closed.-full #full { display: flex; }
button { margin-top: 1.5em; padding: 0.8em 2em; border: none; cursor: pointer;
  background: #5e0ba7; color: white; font: inherit; }
"""

# Runs before textual.js's window.onload: it points the terminal at this tab's
# app process, waits for the font (the terminal measures its cells once), and
# watches for a closed connection.
SCRIPT = """
(function () {
  const cfg = JSON.parse(document.getElementById("serve-config").textContent);
  const key = "kunderejse-session-" + cfg.role;
  let sid = sessionStorage.getItem(key);
  if (!sid) { sid = cfg.fresh_sid; sessionStorage.setItem(key, sid); }
  const base = cfg.ws_base || ((location.protocol === "https:" ? "wss://" : "ws://")
    + location.host + location.pathname.replace(/\\/?$/, "/"));
  document.getElementById("terminal").dataset.sessionWebsocketUrl = base + "ws/" + sid;
  const body = document.body;
  const start = window.onload;
  window.onload = function (event) {
    document.fonts.load('16px "Roboto Mono"').finally(function () { start(event); });
  };
  window.kunderejseRestart = function () {
    sessionStorage.removeItem(key);
    location.reload();
  };
  let asking = false;
  function ask() {
    fetch("state/" + sid, {cache: "no-store"}).then(function (r) { return r.json(); })
      .then(function (answer) {
        if (answer.state === "alive") { location.reload(); return; }
        body.classList.remove("-reconnecting");
        body.classList.add(answer.state === "full" ? "-full" : "-ended");
        if (answer.state !== "alive") { sessionStorage.removeItem(key); }
      })
      .catch(function () { setTimeout(ask, 2000); });
  }
  new MutationObserver(function () {
    if (body.classList.contains("-closed") && !asking) {
      asking = true;
      body.classList.add("-reconnecting");
      setTimeout(ask, 500);
    }
  }).observe(body, {attributes: true, attributeFilter: ["class"]});
})();
"""


def render(
    *, lang: str, role: Role, fresh_sid: str, ws_base: str | None, limit: int, font_size: int
) -> str:
    """The page for one role; ``ws_base`` is the websocket address from --public-url, if any."""
    title = t(lang, f"serve.page_title_{role}")
    config = json.dumps({"role": role, "fresh_sid": fresh_sid, "ws_base": ws_base})
    # "</" cannot end the script element early: json.dumps leaves "/" alone.
    config = config.replace("</", "<\\/")

    def notice(id_: str, text: str, button: bool) -> str:
        restart = (
            '<button type="button" onclick="kunderejseRestart()">'
            f"{html.escape(t(lang, 'serve.page_restart'))}</button>"
            if button
            else ""
        )
        return f'<div class="notice" id="{id_}"><div>{html.escape(text)}</div>{restart}</div>'

    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<title>{html.escape(title)}</title>
<link rel="stylesheet" href="static/css/xterm.css">
<style>{STYLE}</style>
<script src="static/js/textual.js"></script>
</head>
<body>
{notice("starting", t(lang, "serve.page_starting"), False)}
{notice("reconnecting", t(lang, "serve.page_reconnecting"), False)}
{notice("ended", t(lang, "serve.page_ended"), True)}
{notice("full", t(lang, "serve.page_full", n=limit), True)}
<div id="terminal" class="textual-terminal" data-font-size="{font_size}"></div>
<script type="application/json" id="serve-config">{config}</script>
<script>{SCRIPT}</script>
</body>
</html>
"""
