"""A whitelisting parser for the expressions that arrive as data.

Strings from files and command-line options (``--rho``, parametric coalition values and
bounds, fair-set maps and conditions) are never handed to :func:`sympy.sympify` or
:func:`eval`: sympy's string parser evaluates Python, so a game file could run code.
Instead :func:`parse_expression` tokenises the text itself, accepts only

* numbers (integers, decimals such as ``0.1`` or ``1e-3`` read exactly, and ``p/q``),
* the declared names (parameters, strategy coordinates, ``U1`` … ``Un``),
* ``+ - * /``, integer powers ``**`` (or ``^``), parentheses,
* the functions of a declared vocabulary (by default ``log``, ``sqrt`` and the constants
  ``E``, ``pi``; fair sets add ``Min``/``Max``, ``Piecewise``, ``Eq``, relations and ``& | ~``),

and builds the sympy object from the parsed tree directly.  Everything else — attribute
access, subscripts, strings, lambdas, unknown names or functions, keyword arguments — is
refused with a one-line message naming the offending token.  Sizes are limited before any
number is built: the text's length, the nesting depth, the number of digits and the size of a
decimal exponent (``1e-99999999`` would otherwise take hours to turn into a fraction), and the
bit size of an integer power.

>>> parse_expression("log(3, 2) - 1")
-1 + log(3)/log(2)
>>> t = sympy.Symbol("t", real=True)
>>> parse_expression("0.5*t + 1/3", symbols={"t": t})
t/2 + 1/3
>>> parse_expression("__import__('os').system('true')")
Traceback (most recent call last):
...
exactfair.core.errors.ExpressionError: expression: unexpected character '_' at position 1
>>> parse_expression("exec(1)")
Traceback (most recent call last):
...
exactfair.core.errors.ExpressionError: expression: unknown function 'exec'; allowed functions: log, sqrt at position 1
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable, Mapping

import sympy

from .errors import ExpressionError

__all__ = ["Vocabulary", "ARITHMETIC", "FAIR_SETS", "parse_expression", "parse_decimal",
           "MAX_LENGTH", "MAX_DIGITS", "MAX_EXPONENT", "MAX_POWER_BITS", "MAX_DEPTH"]

#: Longest expression accepted (characters).
MAX_LENGTH = 4096
#: Most digits in one number literal.
MAX_DIGITS = 4000
#: Largest |exponent| of a decimal literal such as ``1e-30``.
MAX_EXPONENT = 4000
#: Largest bit size of the result of an integer power of a number.
MAX_POWER_BITS = 65536
#: Deepest nesting of parentheses and operators.
MAX_DEPTH = 64

_NUMBER = re.compile(r"^[+-]?(?P<int>\d*)(\.(?P<frac>\d*))?([eE](?P<exp>[+-]?\d+))?$")


def parse_decimal(text: str, *, what: str = "value") -> Fraction:
    """The exact value of a decimal or fraction literal, refused by size before it is built.

    >>> parse_decimal("1.25e-2")
    Fraction(1, 80)
    >>> parse_decimal("-3/4")
    Fraction(-3, 4)
    >>> parse_decimal("1e-99999999")
    Traceback (most recent call last):
    ...
    exactfair.core.errors.ExpressionError: value '1e-99999999' has a 8-digit decimal exponent; the limit is ±4000 (write the value as a fraction p/q if it really is that small or large)
    """
    text = text.strip()
    if "/" in text:
        num, _, den = text.partition("/")
        q = parse_decimal(den, what=what)
        if q == 0:
            raise ZeroDivisionError(f"{what} {text!r} divides by zero")
        return parse_decimal(num, what=what) / q
    m = _NUMBER.match(text)
    if not m or not (m.group("int") or m.group("frac")):
        raise ExpressionError(f"{what} {text!r} is not a number; write a decimal (\"0.1\") or a fraction (\"3/2\")")
    digits = len(m.group("int")) + len(m.group("frac") or "")
    if digits > MAX_DIGITS:
        raise ExpressionError(f"{what} has {digits} digits; the limit is {MAX_DIGITS}")
    exp_text = m.group("exp")
    if exp_text is not None:
        size = len(exp_text.lstrip("+-"))
        if size > 6 or abs(int(exp_text)) > MAX_EXPONENT:
            shown = f"a {size}-digit decimal exponent" if size > 6 else f"the decimal exponent {int(exp_text)}"
            raise ExpressionError(f"{what} {text[:40]!r} has {shown}; the limit is ±{MAX_EXPONENT} (write the value "
                                  "as a fraction p/q if it really is that small or large)")
    return Fraction(text)


@dataclass(frozen=True)
class Vocabulary:
    """What an expression may use besides numbers, declared names and ``+ - * / **``.

    ``functions`` maps a name to ``(builder, arities)``; ``constants`` maps a name to a sympy
    value; ``relations`` allows ``< <= > >= == !=`` and ``& | ~`` (and ``True``/``False``).

    >>> sorted(ARITHMETIC.functions), sorted(ARITHMETIC.constants)
    (['log', 'sqrt'], ['E', 'pi'])
    """

    functions: Mapping[str, tuple]
    constants: Mapping[str, Any]
    relations: bool = False


def _log(*args: sympy.Expr) -> sympy.Expr:
    return sympy.log(*args)


ARITHMETIC = Vocabulary(
    functions={"log": (_log, (1, 2)), "sqrt": (sympy.sqrt, (1,))},
    constants={"E": sympy.E, "pi": sympy.pi},
)

FAIR_SETS = Vocabulary(
    functions={"Min": (sympy.Min, None), "Max": (sympy.Max, None), "min": (sympy.Min, None),
               "max": (sympy.Max, None), "Eq": (sympy.Eq, (2,)), "Ne": (sympy.Ne, (2,)),
               "Piecewise": (None, None), "And": (sympy.And, None), "Or": (sympy.Or, None),
               "Not": (sympy.Not, (1,))},
    constants={"True": sympy.true, "False": sympy.false},
    relations=True,
)

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<num>(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)
  | (?P<name>[A-Za-z][A-Za-z0-9_]*)
  | (?P<op>\*\*|<=|>=|==|!=|[-+*/^(),<>&|~])
""", re.VERBOSE)

_RELATIONS = {"<": sympy.Lt, "<=": sympy.Le, ">": sympy.Gt, ">=": sympy.Ge, "==": sympy.Eq, "!=": sympy.Ne}


class _Parser:
    def __init__(self, text: str, symbols: Mapping[str, Any] | Callable[[str], Any], vocab: Vocabulary,
                 what: str) -> None:
        self.text, self.symbols, self.vocab, self.what = text, symbols, vocab, what
        self.tokens: list[tuple[str, str, int]] = []
        pos = 0
        while pos < len(text):
            m = _TOKEN.match(text, pos)
            if not m:
                raise self.error(f"unexpected character {text[pos]!r}", pos)
            if m.lastgroup != "ws":
                self.tokens.append((m.lastgroup, m.group(), pos))
            pos = m.end()
        self.i = 0
        self.depth = 0

    def error(self, message: str, pos: int | None = None) -> ExpressionError:
        where = f" at position {pos + 1}" if pos is not None else ""
        return ExpressionError(f"{self.what}: {message}{where}")

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self, value: str | None = None) -> tuple[str, str, int]:
        tok = self.peek()
        if tok is None:
            raise self.error("unexpected end of the expression" + (f" (expected {value!r})" if value else ""))
        if value is not None and tok[1] != value:
            raise self.error(f"expected {value!r}, found {tok[1]!r}", tok[2])
        self.i += 1
        return tok

    def at(self, *values: str) -> bool:
        tok = self.peek()
        return tok is not None and tok[0] == "op" and tok[1] in values

    def enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            tok = self.peek()
            raise self.error(f"nested more than {MAX_DEPTH} levels deep", tok[2] if tok else None)

    def parse(self) -> sympy.Basic:
        if not self.tokens:
            raise self.error("empty expression")
        out = self.boolean()
        tok = self.peek()
        if tok is not None:
            raise self.error(f"unexpected {tok[1]!r}", tok[2])
        return out

    # Boolean layer (only with relations allowed)
    def boolean(self) -> sympy.Basic:
        if not self.vocab.relations:
            return self.sum()
        self.enter()
        left = self.conjunction()
        while self.at("|"):
            self.take()
            left = sympy.Or(left, self.conjunction())
        self.depth -= 1
        return left

    def conjunction(self) -> sympy.Basic:
        left = self.negation()
        while self.at("&"):
            self.take()
            left = sympy.And(left, self.negation())
        return left

    def negation(self) -> sympy.Basic:
        if self.at("~"):
            self.take()
            self.enter()
            out = sympy.Not(self.negation())
            self.depth -= 1
            return out
        return self.relation()

    def relation(self) -> sympy.Basic:
        left = self.sum()
        parts = []
        while self.at(*_RELATIONS):
            op = self.take()[1]
            right = self.sum()
            parts.append(_RELATIONS[op](left, right))
            left = right
        if not parts:
            return left
        return parts[0] if len(parts) == 1 else sympy.And(*parts)

    # Arithmetic layer
    def sum(self) -> sympy.Basic:
        self.enter()
        left = self.product()
        while self.at("+", "-"):
            op = self.take()[1]
            right = self.product()
            left = left + right if op == "+" else left - right
        self.depth -= 1
        return left

    def product(self) -> sympy.Basic:
        left = self.unary()
        while self.at("*", "/"):
            _, op, pos = self.take()
            right = self.unary()
            if op == "/":
                if right == 0:
                    raise self.error("division by zero", pos)
                left = left / right
            else:
                left = left * right
        return left

    def unary(self) -> sympy.Basic:
        if self.at("+", "-"):
            op = self.take()[1]
            self.enter()
            out = self.unary()
            self.depth -= 1
            return -out if op == "-" else out
        return self.power()

    def power(self) -> sympy.Basic:
        base = self.atom()
        if self.at("**", "^"):
            _, _, pos = self.take()
            self.enter()
            exponent = self.unary()
            self.depth -= 1
            if not (isinstance(exponent, sympy.Integer)):
                raise self.error(f"only integer powers are allowed, got the exponent {exponent}", pos)
            k = int(exponent)
            if isinstance(base, sympy.Rational):
                bits = max(abs(int(base.p)).bit_length(), int(base.q).bit_length()) * abs(k)
                if bits > MAX_POWER_BITS:
                    raise self.error(f"the power would have about {bits} bits; the limit is {MAX_POWER_BITS}", pos)
                if base == 0 and k < 0:
                    raise self.error("division by zero", pos)
            elif abs(k) > 64:
                raise self.error(f"the exponent {k} of a symbolic base is larger than 64", pos)
            return base ** k
        return base

    def atom(self) -> sympy.Basic:
        kind, value, pos = self.take()
        if kind == "num":
            return _rational(parse_decimal(value, what=f"{self.what}: the number"))
        if kind == "op" and value == "(":
            self.enter()
            first = self.boolean()
            if self.at(","):            # a tuple: only as an argument of Piecewise
                raise self.error("unexpected ','", self.peek()[2])
            self.take(")")
            self.depth -= 1
            return first
        if kind == "name":
            if self.at("("):
                return self.call(value, pos)
            if value in self.vocab.constants:
                return self.vocab.constants[value]
            symbol = self.lookup(value)
            if symbol is not None:
                return symbol
            if value in self.vocab.functions:
                raise self.error(f"the function {value!r} needs arguments in parentheses", pos)
            raise self.error(f"undeclared symbol {value!r}", pos)
        raise self.error(f"unexpected {value!r}", pos)

    def lookup(self, name: str) -> Any:
        if callable(self.symbols):
            return self.symbols(name)
        return self.symbols.get(name)

    def call(self, name: str, pos: int) -> sympy.Basic:
        if name not in self.vocab.functions:
            raise self.error(f"unknown function {name!r}; allowed functions: "
                             f"{', '.join(sorted(self.vocab.functions)) or 'none'}", pos)
        builder, arities = self.vocab.functions[name]
        self.take("(")
        self.enter()
        args = []
        if not self.at(")"):
            while True:
                if name == "Piecewise":
                    args.append(self.piece())
                else:
                    args.append(self.boolean())
                if not self.at(","):
                    break
                self.take(",")
        self.take(")")
        self.depth -= 1
        if arities is not None and len(args) not in arities:
            raise self.error(f"{name} takes {' or '.join(map(str, arities))} argument(s), got {len(args)}", pos)
        if not args:
            raise self.error(f"{name} needs at least one argument", pos)
        if name == "Piecewise":
            return sympy.Piecewise(*args)
        return builder(*args)

    def piece(self) -> tuple:
        self.take("(")
        value = self.sum()
        self.take(",")
        condition = self.boolean()
        self.take(")")
        return (value, condition)


def _rational(value: Fraction) -> sympy.Rational:
    return sympy.Rational(value.numerator, value.denominator)


def parse_expression(text: Any, *, symbols: Mapping[str, Any] | Callable[[str], Any] | None = None,
                     vocabulary: Vocabulary = ARITHMETIC, what: str = "expression",
                     max_length: int = MAX_LENGTH) -> sympy.Basic:
    """Parse a string into an exact sympy object with the whitelisting grammar above.

    Parameters
    ----------
    text:
        The string (an ``int`` or :class:`~fractions.Fraction` is accepted as its value).
    symbols:
        Declared names: a mapping from name to sympy symbol, or a function returning the symbol
        for a name (or ``None`` to refuse it).
    vocabulary:
        The functions, constants and relations allowed (:data:`ARITHMETIC` or :data:`FAIR_SETS`).
    what:
        How to name the text in an error message.

    Examples
    --------
    >>> p, q = sympy.symbols("p q", real=True)
    >>> parse_expression("Min(p, (40*q + 23)/70)", symbols={"p": p, "q": q}, vocabulary=FAIR_SETS)
    Min(p, 4*q/7 + 23/70)
    >>> parse_expression("p <= q & q == 1", symbols={"p": p, "q": q}, vocabulary=FAIR_SETS)
    Eq(q, 1) & (p <= q)
    >>> parse_expression("2**0.5")
    Traceback (most recent call last):
    ...
    exactfair.core.errors.ExpressionError: expression: only integer powers are allowed, got the exponent 1/2 at position 2
    """
    if isinstance(text, bool) or isinstance(text, float):
        raise ExpressionError(f"{what} is the {type(text).__name__} {text!r}; write it as a string such as \"0.1\"")
    if isinstance(text, (int, Fraction)):
        return _rational(Fraction(text))
    if not isinstance(text, str):
        raise ExpressionError(f"{what} must be a string, got {type(text).__name__}")
    if len(text) > max_length:
        raise ExpressionError(f"{what} is {len(text)} characters long; the limit is {max_length}")
    parser = _Parser(text, symbols if symbols is not None else {}, vocabulary, what)
    try:
        return parser.parse()
    except ExpressionError as exc:
        if "undeclared symbol" in str(exc) and not callable(parser.symbols):
            names = sorted(set(parser.symbols) | set(vocabulary.constants))
            raise ExpressionError(f"{exc}; allowed names: {', '.join(names) or 'none'}; functions: "
                                  f"{', '.join(sorted(vocabulary.functions)) or 'none'}") from None
        raise
    except (TypeError, ValueError, RecursionError) as exc:      # sympy refusing a combination (e.g. Min of a relation)
        raise ExpressionError(f"{what} {text[:80]!r} is not a valid expression: {exc}") from None
