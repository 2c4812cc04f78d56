"""Entry script for frozen builds: the same main() as the ``matrixdesk`` console script."""

import sys

from matrixdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
