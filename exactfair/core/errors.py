"""Exceptions raised by exactfair.

Every error derives from :class:`ValueError` or :class:`TypeError` so that
callers who do not care about the distinction can catch the builtin, and every
message says what was wrong and how to fix it.
"""

from __future__ import annotations

__all__ = [
    "ExactfairError",
    "InexactValueError",
    "GameDefinitionError",
    "NotMonotoneError",
    "TooLargeError",
    "GameFileError",
    "UndecidedComparisonError",
    "ExpressionError",
    "UserCodeError",
]


class ExactfairError(ValueError):
    """Base class of the value errors raised by exactfair.

    >>> issubclass(ExactfairError, ValueError)
    True
    """


class InexactValueError(TypeError):
    """A value that cannot be represented exactly (a float, NaN, infinity).

    >>> issubclass(InexactValueError, TypeError)
    True
    """


class GameDefinitionError(ExactfairError):
    """A game is ill-formed: missing, duplicate or unknown coalition, v(∅) ≠ 0, …

    >>> issubclass(GameDefinitionError, ExactfairError)
    True
    """


class NotMonotoneError(ExactfairError):
    """A mechanism that requires a monotone game was given a non-monotone one.

    >>> issubclass(NotMonotoneError, ValueError)
    True
    """


class TooLargeError(ExactfairError):
    """The requested object would not fit in memory; refused before allocating.

    >>> issubclass(TooLargeError, ValueError)
    True
    """


class GameFileError(ExactfairError):
    """A game file is malformed (bad JSON/CSV, wrong keys, bad value).

    >>> issubclass(GameFileError, ValueError)
    True
    """


class UndecidedComparisonError(ExactfairError):
    """Two exact (irrational) numbers could not be compared with certainty.

    >>> issubclass(UndecidedComparisonError, ExactfairError)
    True
    """


class ExpressionError(ExactfairError):
    """An expression given as text (``--rho``, a parametric value, a fair-set map) is refused.

    The text is parsed by a whitelisting grammar (:mod:`exactfair.core.expressions`), never evaluated.

    >>> issubclass(ExpressionError, ExactfairError)
    True
    """


class UserCodeError(ExactfairError):
    """The user's own code (a value function, a claims file, a ``define_axiom`` function) raised or misbehaved.

    The message names what ran, on what (the coalition, n) and where (file, line);
    ``user_traceback`` holds the traceback of the user's code alone (``exactfair --debug`` prints it).
    It survives pickling, so a worker process can send it back.

    >>> import pickle
    >>> e = pickle.loads(pickle.dumps(UserCodeError("f raised KeyError: 'x'", "Traceback ...")))
    >>> str(e), e.user_traceback
    ("f raised KeyError: 'x'", 'Traceback ...')
    """

    def __init__(self, message: str, user_traceback: str = "") -> None:
        super().__init__(message)
        self.user_traceback = user_traceback

    def __reduce__(self):
        return (type(self), (self.args[0], self.user_traceback))
