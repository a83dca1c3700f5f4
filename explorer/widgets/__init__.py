"""Widgets of the app, one per file (`rows.py` holds the shared row wording)."""
