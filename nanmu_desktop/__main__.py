from nanmu_desktop.cli import main

raise SystemExit(main())
