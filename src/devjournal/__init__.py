"""devjournal: a local-first desktop journal for coaching sprints and a mentorship log."""

__version__ = "0.1.0"
APP_NAME = "devjournal"
APP_ID = "io.github.devjournal.DevJournal"
"""The reverse-DNS id the desktop knows the app by: the .desktop file's and the AppStream
file's names, the icon's name, Qt's desktop file name and the window class."""
