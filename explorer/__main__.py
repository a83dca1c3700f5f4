"""`python -m explorer` runs the same entry point as the `explorer` script."""

from explorer.cli import main

raise SystemExit(main())
