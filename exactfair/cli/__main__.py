"""``python -m exactfair.cli`` — the same command as ``exactfair`` and ``python -m exactfair``."""

import sys

from . import main

sys.exit(main())
