"""Exports: summaries and calendars built from the services' values (no Qt, no widgets)."""
