"""User-level operations, each one audited transaction, called by the UI and the CLI."""
