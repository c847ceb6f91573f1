"""PySide6 widgets. No SQL here: pages call services and listen to events."""
