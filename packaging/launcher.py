"""The bundle's entry point: the same ``main()`` as the ``devjournal`` command."""

import sys

from devjournal.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
