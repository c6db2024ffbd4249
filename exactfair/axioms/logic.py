"""A small, back-end neutral formula language for axioms and game classes.

Axioms are written once in this language (see :mod:`exactfair.axioms`) and then

* evaluated exactly on concrete games and tables (:func:`evaluate`), and
* compiled to z3 over symbolic games and tables (:mod:`exactfair.kernel.compile`).

Terms are linear combinations of *value* atoms ``v_C`` (:class:`Value`) and
*reward* atoms ``M_i^C`` (:class:`Reward`); ``game=1`` refers to the second game
``v'`` of a two-game axiom (F4).  Coalitions and players are bitmasks / indices.

>>> f = Implies(TRUE, le(reward(0, 0b11), value(0b11)))
>>> evaluate(f, lambda atom: {Value(3): 5, Reward(0, 3): 4}[atom])
True
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Callable, Iterable, Iterator, Union


from ..core.exact import Exact, _as_sympy, compare

__all__ = [
    "Value", "Reward", "Linear", "Compare", "And", "Or", "Implies", "Not", "TRUE", "FALSE",
    "Formula", "value", "reward", "eq", "le", "lt", "ge", "gt", "evaluate", "atoms",
    "evaluate_linear", "render_linear", "conj", "disj",
]


@dataclass(frozen=True, order=True)
class Value:
    """The atom ``v_C`` (``game=1``: ``v'_C``).

    >>> Value(3), Value(3, game=1)
    (Value(coalition=3, game=0), Value(coalition=3, game=1))
    """

    coalition: int
    game: int = 0


@dataclass(frozen=True, order=True)
class Reward:
    """The atom ``M_i^C`` (``game=1``: ``M(v')_i^C``).

    >>> Reward(0, 3)
    Reward(player=0, coalition=3, game=0)
    """

    player: int
    coalition: int
    game: int = 0


Atom = Union[Value, Reward]


@dataclass(frozen=True)
class Linear:
    """``const + Σ coef · atom`` with rational (int or Fraction) coefficients.

    >>> (value(3) - reward(0, 3) + 2).const, len((value(3) - value(3)).terms)
    (Fraction(2, 1), 0)
    """

    terms: tuple[tuple[Atom, int | Fraction], ...]
    const: Fraction = Fraction(0)

    @staticmethod
    def of(x: "Linear | Atom | int | Fraction") -> "Linear":
        if isinstance(x, Linear):
            return x
        if isinstance(x, (Value, Reward)):
            return Linear(((x, 1),))
        return Linear((), Fraction(x))

    def _combine(self, other: "Linear", sign: int) -> "Linear":
        coefs: dict[Atom, int | Fraction] = {}
        for atom, c in self.terms:
            coefs[atom] = coefs.get(atom, 0) + c
        for atom, c in other.terms:
            coefs[atom] = coefs.get(atom, 0) + sign * c
        terms = tuple((a, c) for a, c in coefs.items() if c != 0)
        return Linear(terms, self.const + sign * other.const)

    def __add__(self, other):
        return self._combine(Linear.of(other), 1)

    def __radd__(self, other):
        return Linear.of(other)._combine(self, 1)

    def __sub__(self, other):
        return self._combine(Linear.of(other), -1)

    def __rsub__(self, other):
        return Linear.of(other)._combine(self, -1)

    def __mul__(self, k):
        """Scalar multiple by an int or Fraction (a product of two terms is not linear)."""
        if isinstance(k, bool) or not isinstance(k, (int, Fraction)):
            if isinstance(k, Linear):
                raise TypeError("the product of two terms is not linear; multiply by a number (int or Fraction)")
            return NotImplemented
        if k == 0:
            return Linear((), Fraction(0))
        return Linear(tuple((a, c * k) for a, c in self.terms), self.const * k)

    __rmul__ = __mul__

    def __truediv__(self, k):
        if isinstance(k, bool) or not isinstance(k, (int, Fraction)) or k == 0:
            raise TypeError("a term can only be divided by a non-zero int or Fraction")
        return self * (Fraction(1) / k)

    def __neg__(self):
        return self * -1

    def atoms(self) -> tuple:
        """The atoms of the term.

        >>> value(3).atoms()
        (Value(coalition=3, game=0),)
        """
        return tuple(a for a, _ in self.terms)


def value(coalition: int, game: int = 0) -> Linear:
    """Term ``v_C`` as a :class:`Linear`.

    >>> evaluate(eq(value(3), 5), lambda atom: Fraction(5))
    True
    """
    return Linear(((Value(coalition, game), 1),))


def reward(player: int, coalition: int, game: int = 0) -> Linear:
    """Term ``M_i^C`` as a :class:`Linear`.

    >>> evaluate(ge(reward(1, 3), 0), lambda atom: Fraction(-1))
    False
    """
    return Linear(((Reward(player, coalition, game), 1),))


@dataclass(frozen=True)
class Compare:
    """``left op right`` with ``op`` one of ``== <= < >= >``.

    >>> le(reward(0, 3), value(3)).op
    '<='
    """

    op: str
    left: Linear
    right: Linear


@dataclass(frozen=True)
class And:
    """Conjunction of formulas.

    >>> evaluate(And((TRUE, Not(FALSE))), lambda atom: 0)
    True
    """

    parts: tuple["Formula", ...]


@dataclass(frozen=True)
class Or:
    """Disjunction of formulas.

    >>> evaluate(Or((FALSE, TRUE)), lambda atom: 0)
    True
    """

    parts: tuple["Formula", ...]


@dataclass(frozen=True)
class Implies:
    """``hypothesis ⇒ conclusion``.

    >>> evaluate(Implies(FALSE, FALSE), lambda atom: 0)
    True
    """

    hypothesis: "Formula"
    conclusion: "Formula"


@dataclass(frozen=True)
class Not:
    """Negation.

    >>> evaluate(Not(TRUE), lambda atom: 0)
    False
    """

    body: "Formula"


@dataclass(frozen=True)
class _Const:
    truth: bool


TRUE = _Const(True)
FALSE = _Const(False)

Formula = Union[Compare, And, Or, Implies, Not, _Const]


def _cmp(op: str):
    def build(left, right) -> Compare:
        return Compare(op, Linear.of(left), Linear.of(right))
    build.__name__ = {"==": "eq", "<=": "le", "<": "lt", ">=": "ge", ">": "gt"}[op]
    build.__doc__ = (f"``left {op} right``.\n\n    >>> {build.__name__}(value(1), 0).op\n    '{op}'\n"
                     f"    >>> evaluate({build.__name__}(value(1), 1), lambda atom: Fraction(1))\n"
                     f"    {op in ('==', '<=', '>=')}\n")
    return build


eq = _cmp("==")
le = _cmp("<=")
lt = _cmp("<")
ge = _cmp(">=")
gt = _cmp(">")


def conj(parts: Iterable[Formula]) -> Formula:
    """Conjunction, flattening trivial cases (empty → TRUE).

    >>> conj([]) is TRUE, conj([TRUE, FALSE]) is FALSE
    (True, True)
    """
    parts = tuple(p for p in parts if p is not TRUE)
    if any(p is FALSE for p in parts):
        return FALSE
    if not parts:
        return TRUE
    return parts[0] if len(parts) == 1 else And(parts)


def disj(parts: Iterable[Formula]) -> Formula:
    """Disjunction, flattening trivial cases (empty → FALSE).

    >>> disj([]) is FALSE, disj([FALSE, TRUE]) is TRUE
    (True, True)
    """
    parts = tuple(p for p in parts if p is not FALSE)
    if any(p is TRUE for p in parts):
        return TRUE
    if not parts:
        return FALSE
    return parts[0] if len(parts) == 1 else Or(parts)


_OPS = {
    "==": lambda c: c == 0,
    "<=": lambda c: c <= 0,
    "<": lambda c: c < 0,
    ">=": lambda c: c >= 0,
    ">": lambda c: c > 0,
}


def evaluate_linear(term: Linear, lookup: Callable[[Atom], Exact]) -> Exact:
    """Exact value of a linear term under ``lookup`` (atom → exact number).

    >>> evaluate_linear(value(3) - value(1), lambda atom: [0, 1, 2, 5][atom.coalition])
    Fraction(4, 1)
    """
    values = [(lookup(atom), c) for atom, c in term.terms]
    if all(isinstance(x, (Fraction, int)) for x, _ in values):
        total = Fraction(term.const)
        for x, c in values:
            total += c * x
        return total
    total = _as_sympy(term.const)
    for x, c in values:
        total += c * _as_sympy(x)
    return total


def evaluate(formula: Formula, lookup: Callable[[Atom], Exact], memo: dict | None = None) -> bool:
    """Truth of ``formula`` with atoms looked up exactly (certified comparisons).

    ``memo`` (optional) caches results of shared sub-formulas by identity across calls — the
    axioms reuse one hypothesis object for many instances.

    >>> evaluate(lt(value(1), value(3)), lambda atom: Fraction(atom.coalition))
    True
    """
    if memo is not None:
        hit = memo.get(id(formula))
        if hit is not None:
            return hit[1]
    if isinstance(formula, Compare):
        c = compare(evaluate_linear(formula.left, lookup), evaluate_linear(formula.right, lookup))
        result = _OPS[formula.op](c)
    elif isinstance(formula, And):
        result = all(evaluate(p, lookup, memo) for p in formula.parts)
    elif isinstance(formula, Or):
        result = any(evaluate(p, lookup, memo) for p in formula.parts)
    elif isinstance(formula, Implies):
        result = (not evaluate(formula.hypothesis, lookup, memo)) or evaluate(formula.conclusion, lookup, memo)
    elif isinstance(formula, Not):
        result = not evaluate(formula.body, lookup, memo)
    elif isinstance(formula, _Const):
        result = formula.truth
    else:
        raise TypeError(f"not a formula: {formula!r}")
    if memo is not None:
        memo[id(formula)] = (formula, result)  # keep the object alive so its id stays unique
    return result


def atoms(formula: Formula) -> Iterator[Compare]:
    """The comparison atoms of a formula, in order.

    >>> [a.op for a in atoms(Implies(le(value(1), 0), gt(value(3), 1)))]
    ['<=', '>']
    """
    if isinstance(formula, Compare):
        yield formula
    elif isinstance(formula, (And, Or)):
        for p in formula.parts:
            yield from atoms(p)
    elif isinstance(formula, Implies):
        yield from atoms(formula.hypothesis)
        yield from atoms(formula.conclusion)
    elif isinstance(formula, Not):
        yield from atoms(formula.body)


def render_atom(atom: Atom, labels: Callable[[int], str], coalition_name: Callable[[int], str]) -> str:
    """Paper notation for an atom: ``v_{1,2}``, ``M_1^{1,2}``, ``v'_{…}``, ``M(v')_1^{…}``."""
    if isinstance(atom, Value):
        prime = "'" if atom.game else ""
        return f"v{prime}_{coalition_name(atom.coalition)}"
    prefix = "M(v')" if atom.game else "M"
    return f"{prefix}_{labels(atom.player)}^{coalition_name(atom.coalition)}"


def render_linear(term: Linear, labels: Callable[[int], str], coalition_name: Callable[[int], str]) -> str:
    """Human-readable linear term, e.g. ``M_1^{1,2} - M_1^{1}``.

    >>> render_linear(reward(0, 3) - reward(0, 1), lambda i: str(i + 1), lambda m: '{' + str(m) + '}')
    'M_1^{3} - M_1^{1}'
    """
    out = []
    for atom, c in term.terms:
        text = render_atom(atom, labels, coalition_name)
        if c == 1:
            out.append(("+", text))
        elif c == -1:
            out.append(("-", text))
        else:
            out.append(("+" if c > 0 else "-", f"{abs(c)}·{text}"))
    if term.const or not out:
        out.append(("+" if term.const >= 0 else "-", str(abs(term.const))))
    first_sign, first = out[0]
    text = ("-" if first_sign == "-" else "") + first
    for s, t in out[1:]:
        text += f" {s} {t}"
    return text

