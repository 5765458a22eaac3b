from kunderejse_tui.cli import entry

entry()
