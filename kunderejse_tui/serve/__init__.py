"""`kunderejse serve`: the app in a browser, on textual-serve (an optional extra).

Only this package and ``cli/serve.py`` import textual-serve and aiohttp; the rest
of the app never needs them. The modules:

- ``tokens``: the editor and viewer tokens, and which role a token gives;
- ``processes``: one app process per browser tab, kept a while after its link
  drops, a limit on how many, and ending them all (also a stopped one);
- ``page``: our own web page (no request leaves the server);
- ``server``: the aiohttp routes, each checking the token first.
"""
