"""One module a subcommand; each exposes `register(subparsers)` and sets `handler`."""
