"""Use cases. Each public method is one unit of work; no Qt here."""
