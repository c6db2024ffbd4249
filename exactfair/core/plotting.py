"""matplotlib, set up once for writing image files (floats are fine in pictures, never in tables)."""

from __future__ import annotations

from .errors import ExactfairError

__all__ = ["pyplot"]


def pyplot():
    """``matplotlib.pyplot`` on the non-interactive Agg backend; a clear error if matplotlib is missing.

    >>> pyplot().get_backend().lower()
    'agg'
    """
    try:
        import matplotlib
    except ImportError:
        raise ExactfairError("plotting needs matplotlib: pip install 'exactfair[plot]'") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    return plt
