"""devjournal: a local-first desktop journal for coaching sprints and a mentorship log."""

__version__ = "0.1.0"
APP_NAME = "devjournal"
