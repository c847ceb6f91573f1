"""The domain: frozen dataclasses, enums and rules. Standard library only."""
