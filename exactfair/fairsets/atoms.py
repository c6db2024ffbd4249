"""Conditions as Boolean combinations of polynomial sign atoms — Min, Max and Piecewise split into cases.

A fair-set condition arrives as a sympy Boolean over the strategy coordinates (relations between
polynomials, ``Min``, ``Max``, ``Piecewise``, ``& | ~``).  :func:`formula` rewrites it, exactly, as a
formula in negation normal form whose atoms are ``g ⋈ 0`` with ``g`` a polynomial over Q and ``⋈``
one of ``>= > == !=``: every ``Min``/``Max``/``Piecewise`` inside a relation becomes a disjunction of
cases (``Min(a, b) <= c`` is ``(a <= b ∧ a <= c) ∨ (b <= a ∧ b <= c)``), so a solver only ever sees
polynomial constraints.  Formulas are plain nested tuples:

``("atom", Atom)``, ``("and", (f, …))``, ``("or", (f, …))``, ``("const", bool)``.


>>> p, q = sympy.symbols("p q", real=True)
>>> f = formula(sympy.Min(p, q) >= sympy.Rational(1, 2), [p, q])
>>> show(f)
'(p - 1/2 >= 0 & -p + q >= 0) | (q - 1/2 >= 0 & p - q >= 0)'
>>> evaluate(f, {p: 1, q: Fraction(2, 3)}), evaluate(f, {p: 1, q: 0})
(True, False)
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction  # noqa: F401  (the doctests use it)
from typing import Any, Iterable, Mapping, Sequence

import sympy

from ..core.errors import ExactfairError
from .algebraic import Real, as_real, common_field

__all__ = ["Atom", "formula", "evaluate", "closure", "is_closed_form", "atoms", "to_z3", "show", "conjunction",
           "substitute", "dnf", "negate", "poly_value", "TRUE", "FALSE"]

TRUE = ("const", True)
FALSE = ("const", False)
_OPS = (">=", ">", "==", "!=")
#: Most cases one condition may split into (each Min/Max/Piecewise multiplies them).
MAX_CASES = 4096


@dataclass(frozen=True)
class Atom:
    """``poly ⋈ 0`` with ``poly`` an expanded polynomial over Q and ``op`` in ``>= > == !=``.

    >>> p = sympy.Symbol("p")
    >>> Atom(p - 1, ">=").negated()
    Atom(poly=1 - p, op='>')
    """

    poly: sympy.Expr
    op: str

    def negated(self) -> "Atom":
        return {">=": Atom(sympy.expand(-self.poly), ">"), ">": Atom(sympy.expand(-self.poly), ">="),
                "==": Atom(self.poly, "!="), "!=": Atom(self.poly, "==")}[self.op]

    def holds(self, sign: int) -> bool:
        """Whether the atom holds when ``poly`` has the given sign."""
        return {">=": sign >= 0, ">": sign > 0, "==": sign == 0, "!=": sign != 0}[self.op]


def _atom(expr: sympy.Expr, op: str, gens: Sequence[sympy.Symbol]):
    expr = sympy.expand(expr)
    if expr.is_number:
        if not expr.is_Rational:
            raise ExactfairError(f"the constant {expr} is not rational")
        return ("const", Atom(sympy.Integer(0), op).holds(int(sympy.sign(expr))))
    if not expr.is_polynomial(*gens):
        raise ExactfairError(f"{expr} is not a polynomial in the coordinates; fair sets, maps and utilities must be "
                             "polynomial (with Min, Max, Piecewise)")
    unknown = expr.free_symbols - set(gens)
    if unknown:
        raise ExactfairError(f"{expr} mentions {sorted(map(str, unknown))}, which are not coordinates")
    poly = sympy.Poly(expr, *gens)
    if not all(c.is_Rational for c in poly.coeffs()):
        raise ExactfairError(f"{expr} has a coefficient that is not rational")
    return ("atom", Atom(expr, op))


def _first_piecewise_node(expr: sympy.Basic):
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, (sympy.Min, sympy.Max, sympy.Piecewise)):
            return node
    return None


def _cases(node) -> list[tuple[sympy.Basic, sympy.Expr]]:
    """(condition, value) for each case of a Min, Max or Piecewise node."""
    if isinstance(node, (sympy.Min, sympy.Max)):
        args = list(node.args)
        pick = sympy.Le if isinstance(node, sympy.Min) else sympy.Ge
        return [(sympy.And(*[pick(a, b) for b in args if b is not a]), a) for a in args]
    pieces = list(node.args)
    if pieces[-1][1] != sympy.true:
        raise ExactfairError(f"{node}: a Piecewise needs a final (value, True) piece so it is defined everywhere")
    out, earlier = [], []
    for value, cond in pieces:
        out.append((sympy.And(cond, *[sympy.Not(c) for c in earlier]), value))
        earlier.append(cond)
    return out


def formula(condition: Any, gens: Sequence[sympy.Symbol], *, positive: bool = True):
    """``condition`` (a sympy Boolean) as a formula of polynomial atoms in negation normal form.

    ``gens`` are the variables (coordinates and number-field generators); ``positive=False`` gives
    the formula of ``¬condition``.

    >>> p = sympy.Symbol("p")
    >>> show(formula(sympy.Piecewise((p, p < sympy.Rational(1, 2)), (1 - p, True)) > 0, [p]))
    '(p > 0 & 1/2 - p > 0) | (p - 1/2 >= 0 & 1 - p > 0)'
    """
    out = _formula(condition, tuple(gens), positive, [0])
    return out


def _formula(b: Any, gens: tuple, positive: bool, budget: list):
    budget[0] += 1
    if budget[0] > MAX_CASES:
        raise ExactfairError(f"the condition splits into more than {MAX_CASES} cases (Min/Max/Piecewise); simplify it")
    if b is sympy.true or b is True:
        return ("const", positive)
    if b is sympy.false or b is False:
        return ("const", not positive)
    if isinstance(b, sympy.Not):
        return _formula(b.args[0], gens, not positive, budget)
    if isinstance(b, (sympy.And, sympy.Or)):
        conj = isinstance(b, sympy.And) == positive
        return _join("and" if conj else "or", [_formula(a, gens, positive, budget) for a in b.args])
    if isinstance(b, sympy.Implies):
        return _formula(sympy.Or(sympy.Not(b.args[0]), b.args[1]), gens, positive, budget)
    if isinstance(b, sympy.core.relational.Relational):
        lhs, rhs = b.lhs, b.rhs
        expr = lhs - rhs
        node = _first_piecewise_node(expr)
        if node is not None:
            parts = []
            for cond, value in _cases(node):
                rel = type(b)(lhs.xreplace({node: value}), rhs.xreplace({node: value}), evaluate=False)
                parts.append(sympy.And(cond, rel) if positive else sympy.And(cond, sympy.Not(rel)))
            # ¬rel under the case split: the cases partition space, so ¬(∨ cond_k ∧ rel_k) = ∨ cond_k ∧ ¬rel_k
            return _join("or", [_formula(p, gens, True, budget) for p in parts])
        op = {sympy.Ge: (">=", 1), sympy.Gt: (">", 1), sympy.Le: (">=", -1), sympy.Lt: (">", -1),
              sympy.Eq: ("==", 1), sympy.Ne: ("!=", 1)}.get(type(b))
        if op is None:
            raise ExactfairError(f"unsupported relation {b}")
        name, orient = op
        atom_formula = _atom(orient * expr, name, gens)
        return atom_formula if positive else negate(atom_formula)
    raise ExactfairError(f"{b} is not a condition (use relations such as <=, ==, and & | ~)")


def _join(kind: str, parts: list):
    flat = []
    for p in parts:
        if p[0] == "const":
            if p[1] == (kind == "or"):
                return p
            continue
        if p[0] == kind:
            flat.extend(p[1])
        else:
            flat.append(p)
    flat = list(dict.fromkeys(flat))
    if not flat:
        return ("const", kind == "and")
    return flat[0] if len(flat) == 1 else (kind, tuple(flat))


def conjunction(parts: Iterable) -> tuple:
    """The conjunction of formulas.

    >>> show(conjunction([TRUE, formula(sympy.Symbol("p") >= 0, [sympy.Symbol("p")])]))
    'p >= 0'
    """
    return _join("and", list(parts))


def negate(f):
    """¬f in negation normal form.

    >>> p = sympy.Symbol("p")
    >>> show(negate(formula(p >= 0, [p])))
    '-p > 0'
    """
    if f[0] == "const":
        return ("const", not f[1])
    if f[0] == "atom":
        return ("atom", f[1].negated())
    return _join("or" if f[0] == "and" else "and", [negate(g) for g in f[1]])


def atoms(f) -> list[Atom]:
    """The atoms of a formula, each once, in order of appearance.

    >>> p = sympy.Symbol("p")
    >>> [a.op for a in atoms(formula((p >= 0) & (p < 1) | sympy.Eq(p, 2), [p]))]
    ['==', '>=', '>']
    """
    if f[0] == "atom":
        return [f[1]]
    if f[0] == "const":
        return []
    return list(dict.fromkeys(a for g in f[1] for a in atoms(g)))


def closure(f):
    """A closed formula containing the closure of ``f``'s set: strict atoms made weak, ``!=`` dropped.

    For continuous atoms cl{g > 0} ⊆ {g ≥ 0}, closure distributes over ∨ and is contained in the
    intersection over ∧, so ``closure(f)`` ⊇ cl(f).

    >>> p = sympy.Symbol("p")
    >>> show(closure(formula((p < 1) & sympy.Ne(p, 0), [p])))
    '1 - p >= 0'
    """
    if f[0] == "const":
        return f
    if f[0] == "atom":
        a = f[1]
        if a.op == ">":
            return ("atom", Atom(a.poly, ">="))
        if a.op == "!=":
            return TRUE
        return f
    return _join(f[0], [closure(g) for g in f[1]])


def is_closed_form(f) -> bool:
    """True when ``f`` has only ``>=`` and ``==`` atoms (so its set is closed).

    >>> p = sympy.Symbol("p")
    >>> is_closed_form(formula(p <= 1, [p])), is_closed_form(formula(p < 1, [p]))
    (True, False)
    """
    return all(a.op in (">=", "==") for a in atoms(f))


def substitute(f, mapping: Mapping[sympy.Symbol, Any], gens: Sequence[sympy.Symbol]):
    """``f`` with symbols replaced by sympy expressions (e.g. a point's rational coordinates, a segment).

    >>> p, q = sympy.symbols("p q")
    >>> show(substitute(formula(p <= q, [p, q]), {q: sympy.Rational(1, 2)}, [p]))
    '1/2 - p >= 0'
    """
    if f[0] == "const":
        return f
    if f[0] == "atom":
        a = f[1]
        return _atom(a.poly.xreplace(dict(mapping)), a.op, gens)
    return _join(f[0], [substitute(g, mapping, gens) for g in f[1]])


def poly_value(expr: sympy.Expr, point: Mapping[sympy.Symbol, Any]) -> Real:
    """The exact value of a polynomial at a point whose coordinates are ints, Fractions or :class:`Real`.

    >>> p, q = sympy.symbols("p q")
    >>> str(poly_value(2*q - p, {p: Fraction(1, 3), q: 1}))
    '5/3'
    """
    gens = sorted(expr.free_symbols, key=lambda s: s.name)
    if not gens:
        return as_real(sympy.Rational(expr))
    values = [as_real(point[g]) for g in gens]
    poly = sympy.Poly(expr, *gens)
    total = Real.rational(0)
    powers: dict = {}
    for monom, coeff in poly.terms():
        term = Real.rational(sympy.Rational(coeff))
        for g, (value, e) in enumerate(zip(values, monom)):
            if e:
                key = (g, e)
                if key not in powers:
                    powers[key] = value ** e
                term = term * powers[key]
        total = total + term
    return total


def evaluate(f, point: Mapping[sympy.Symbol, Any]) -> bool:
    """Exact truth of a formula at a point (coordinates int, Fraction or :class:`Real` of one field).

    >>> p = sympy.Symbol("p")
    >>> from exactfair.fairsets.algebraic import real_roots
    >>> evaluate(formula(p * p <= 2, [p]), {p: real_roots([1, 0, -2])[1]})
    True
    """
    values = list(point.values())
    if len({v.field for v in values if isinstance(v, Real) and v.field is not None}) > 1:
        point = dict(zip(point, common_field(values)))
    return _evaluate(f, point)


def _evaluate(f, point) -> bool:
    if f[0] == "const":
        return f[1]
    if f[0] == "atom":
        return f[1].holds(poly_value(f[1].poly, point).sign())
    if f[0] == "and":
        return all(_evaluate(g, point) for g in f[1])
    return any(_evaluate(g, point) for g in f[1])


def to_z3(f, env: Mapping[sympy.Symbol, Any]):
    """The formula as a z3 Boolean over the z3 variables ``env[symbol]``.

    >>> import z3
    >>> p = sympy.Symbol("p")
    >>> to_z3(formula((p >= 0) & (p < 1), [p]), {p: z3.Real("p")})
    And(p >= 0, -1*p + 1 > 0)
    """
    import z3
    if f[0] == "const":
        return z3.BoolVal(f[1])
    if f[0] == "atom":
        a = f[1]
        g = poly_to_z3(a.poly, env)
        return {">=": lambda: g >= 0, ">": lambda: g > 0, "==": lambda: g == 0, "!=": lambda: g != 0}[a.op]()
    parts = [to_z3(g, env) for g in f[1]]
    return z3.And(parts) if f[0] == "and" else z3.Or(parts)


def poly_to_z3(expr: sympy.Expr, env: Mapping[sympy.Symbol, Any]):
    """A polynomial over Q as a z3 term (a sum of monomials).

    >>> import z3
    >>> p, q = sympy.symbols("p q")
    >>> poly_to_z3(2*p*q - 1, {p: z3.Real("p"), q: z3.Real("q")})
    2*p*q + -1
    """
    import z3
    expr = sympy.expand(expr)
    gens = sorted(expr.free_symbols, key=lambda s: s.name)
    if not gens:
        return z3.RealVal(str(sympy.Rational(expr)))
    terms = []
    for monom, coeff in sympy.Poly(expr, *gens).terms():
        factors = [z3.RealVal(str(sympy.Rational(coeff)))] if coeff != 1 or not any(monom) else []
        for g, e in zip(gens, monom):
            factors += [env[g]] * e
        terms.append(factors[0] if len(factors) == 1 else z3.Product(factors))
    return terms[0] if len(terms) == 1 else z3.Sum(terms)


def show(f) -> str:
    """A readable rendering of a formula.

    >>> p = sympy.Symbol("p")
    >>> show(formula((p >= 0) | (p > 1), [p]))
    'p >= 0 | p - 1 > 0'
    """
    if f[0] == "const":
        return str(f[1])
    if f[0] == "atom":
        return f"{f[1].poly} {f[1].op} 0"
    sep = " & " if f[0] == "and" else " | "
    return sep.join(f"({show(g)})" if g[0] in ("and", "or") else show(g) for g in f[1])


def dnf(f, limit: int = 512) -> list[list[Atom]] | None:
    """Disjunctive normal form as lists of atoms (``!=`` split into two strict atoms); None beyond ``limit``.

    >>> p = sympy.Symbol("p")
    >>> [[show(("atom", a)) for a in c] for c in dnf(formula(sympy.Ne(p, 0), [p]))]
    [['p > 0'], ['-p > 0']]
    """
    if f[0] == "const":
        return [[]] if f[1] else []
    if f[0] == "atom":
        a = f[1]
        if a.op == "!=":
            return [[Atom(a.poly, ">")], [Atom(sympy.expand(-a.poly), ">")]]
        return [[a]]
    if f[0] == "or":
        out = []
        for g in f[1]:
            part = dnf(g, limit)
            if part is None:
                return None
            out += part
            if len(out) > limit:
                return None
        return out
    out = [[]]
    for g in f[1]:
        part = dnf(g, limit)
        if part is None:
            return None
        out = [a + b for a in out for b in part]
        if len(out) > limit:
            return None
    return out

