"""``python -m exactfair`` is the ``exactfair`` command."""

import sys

from .cli import main

sys.exit(main())
