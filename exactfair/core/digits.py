"""Big integers as decimal text, at any size up to a stated limit, without Python's int-string limit.

Python refuses ``str(x)`` for an int of more than 4,300 digits (``sys.set_int_max_str_digits``, a
guard against slow conversions of untrusted text) — but an exact reward table of a valid game can
hold such numbers (1/(10³⁹⁹⁹+1) − 1/(10³⁹⁹⁹+3) has an 8,000-digit denominator), and a command-line
user cannot change that setting.  :func:`format_integer` writes any int up to
:data:`MAX_PRINT_DIGITS` digits through :class:`decimal.Decimal` (exact, and not subject to the
limit) and refuses larger ones with a message saying what to do; :func:`parse_integer` reads such
text back under a digit limit the caller states.  This module depends on nothing else in exactfair
except the errors.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .errors import TooLargeError

__all__ = ["format_integer", "parse_integer", "MAX_PRINT_DIGITS"]

#: The largest number of digits printed for one integer (about 0.2 s to convert at this size).
MAX_PRINT_DIGITS = 100_000
#: Below this many bits ``str`` is always allowed (4,300 digits need more than 14,000 bits).
_SMALL_BITS = 14_000
_INTEGER = re.compile(r"[+-]?[0-9]+")


def format_integer(x: int, *, what: str = "a number") -> str:
    """The decimal digits of ``x``, at any size up to :data:`MAX_PRINT_DIGITS` digits.

    >>> format_integer(-12)
    '-12'
    >>> len(format_integer(10 ** 8000))
    8001
    >>> format_integer(10 ** 200_000, what="a reward")
    Traceback (most recent call last):
    ...
    exactfair.core.errors.TooLargeError: a reward has about 200,001 digits, more than the 100,000 digits exactfair prints or writes; give the game values with smaller denominators (fewer distinct prime factors) or fewer players
    """
    if x.bit_length() < _SMALL_BITS:
        return str(x)
    digits = int(x.bit_length() * 0.30103) + 1
    if digits > MAX_PRINT_DIGITS + 1:
        raise TooLargeError(f"{what} has about {digits:,} digits, more than the {MAX_PRINT_DIGITS:,} digits exactfair "
                            "prints or writes; give the game values with smaller denominators (fewer distinct prime "
                            "factors) or fewer players")
    return str(Decimal(x))


def parse_integer(text: str, *, max_digits: int, what: str = "the integer") -> int:
    """An int from decimal text (an optional sign and digits), refused beyond ``max_digits`` digits.

    >>> parse_integer("-" + "9" * 5000, max_digits=10_000) == -(10 ** 5000 - 1)
    True
    >>> parse_integer("12a", max_digits=10)
    Traceback (most recent call last):
    ...
    ValueError: the integer is '12a', not a decimal integer
    """
    text = text.strip()
    if not _INTEGER.fullmatch(text):
        raise ValueError(f"{what} is {text[:40]!r}, not a decimal integer")
    if len(text.lstrip("+-")) > max_digits:
        raise TooLargeError(f"{what} has {len(text.lstrip('+-')):,} digits; the limit is {max_digits:,}")
    if len(text) < 4000:
        return int(text)
    return int(Decimal(text))
