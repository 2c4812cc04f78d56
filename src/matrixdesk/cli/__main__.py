"""``python -m matrixdesk.cli``: the ``matrixdesk`` command."""

import sys

from . import main

sys.exit(main())
