"""Entry point: ``devjournal`` and ``python -m devjournal``."""

from __future__ import annotations

import sys


def main() -> None:
    """Parse argv, then open the window or run a command."""
    from devjournal.cli import run  # noqa: PLC0415

    sys.exit(run())


if __name__ == "__main__":
    main()
