from kunderejse_tui.cli import main

raise SystemExit(main())
