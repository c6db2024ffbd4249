"""Parametric games: reward tables as exact piecewise-affine functions of unknown values.

A :class:`ParametricGame` has coalition values that are affine expressions in declared
real parameters (each with optional bounds).  Algorithm 1 only adds, subtracts and
takes an argmax, so on a parametric game it is executed symbolically: at each
coalition the parameter region is split by which member is the *first* maximiser of
the provisional rewards (the same tie-break as :func:`exactfair.balanced_reciprocity`),
and empty branches are pruned with z3.  The leaves partition the admissible region;
for every reward the leaves are then grouped by their (affine) expression into pieces,
so there is exactly one piece per distinct expression and no empty piece.

With one parameter every piece's region is a union of intervals, simplified exactly;
with more parameters a piece's region is a union of polyhedra (an ``Or`` of ``And``\\ s of
linear inequalities with redundant constraints removed).

>>> g = ParametricGame.from_game(__import__("exactfair").examples.example1(), {(1, 3): "t"}, {"t": (0, None)})
>>> g.admissible_region()
(1 <= t) & (t <= 6)
"""

from __future__ import annotations


import time
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Mapping, Sequence

import sympy
import z3

from ..axioms import AXIOMS, Axiom, game_class_formula, get_axiom
from ..core.coalitions import members
from ..core.errors import ExactfairError, GameDefinitionError
from ..core.escape import latex_text, markdown_text
from ..core.exact import to_exact
from ..core.coalitions import format_coalition
from ..core.game import Game
from ..axioms.logic import And as LAnd, Compare, Implies as LImplies, Linear, Not as LNot, Or as LOr, Value, _Const
from ..kernel.solvers import CheckedSolver, recording
from .regions import _interval_of, _simplify_region, _z3  # noqa: F401  (_interval_of: tests, 0.1 callers)
from ..kernel.verdicts import Refuted, Unknown, Witness, combine_agreements, confirmed

__all__ = ["ParametricGame", "ParametricTable", "Piece", "parametric_balanced_reciprocity", "axiom_regions"]


@dataclass
class ParametricGame:
    """Coalition values affine in declared parameters; ``bounds[name] = (lower, upper)`` (None = open).

    >>> g = ParametricGame.from_values(['0', '1', '2', 't'], {'t': (0, 10)})
    >>> g.admissible_region()
    (2 <= t) & (t <= 10)
    """

    players: tuple
    values: tuple                      # sympy expressions, bitmask order
    parameters: dict                   # name -> sympy Symbol
    bounds: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        from ..core.game import _check_players
        self.players = _check_players(self.players)
        n = len(self.players)
        if len(self.values) != 1 << n:
            raise GameDefinitionError(f"a parametric game of {n} players needs {1 << n} values")
        syms = set(self.parameters.values())
        for m, v in enumerate(self.values):
            unknown = v.free_symbols - syms
            if unknown:
                raise ExactfairError(f"v({format_coalition(self.labels(m))}) = {v} uses undeclared symbol(s) "
                                     f"{sorted(map(str, unknown))}; declare them in 'parameters'")
            if v.free_symbols and not all(sympy.Poly(v, *sorted(syms, key=str)).total_degree() <= 1 for _ in [0]):
                raise ExactfairError(f"v({format_coalition(self.labels(m))}) = {v} is not affine in the parameters; "
                                     "the piecewise-affine method needs linear parameter dependence")
        if self.values[0] != 0:
            raise GameDefinitionError(f"v(∅) must be 0, got {self.values[0]}")

    @property
    def n(self) -> int:
        return len(self.players)

    def labels(self, mask: int) -> tuple:
        return tuple(self.players[i] for i in members(mask))

    @classmethod
    def from_game(cls, game: Game, changes: Mapping[Any, Any], bounds: Mapping[str, tuple] | None = None
                  ) -> "ParametricGame":
        """A concrete game with some coalition values replaced by parameter expressions."""
        bounds = dict(bounds or {})
        params = {name: sympy.Symbol(name, real=True) for name in sorted(bounds)}

        def declare(name: str) -> sympy.Symbol:    # names used in ``changes`` are parameters too
            return params.setdefault(name, sympy.Symbol(name, real=True))
        for expr in changes.values():
            if isinstance(expr, str):
                _parse(expr, declare)
        params = dict(sorted(params.items()))
        values = [sympy.Rational(v.numerator, v.denominator) for v in game.values]
        for coalition, expr in changes.items():
            values[game.mask(coalition)] = _parse(expr, params)
        return cls(game.players, tuple(values), params, {k: _bound(v) for k, v in bounds.items()})

    @classmethod
    def from_values(cls, values: Sequence[Any], parameters: Mapping[str, tuple | None],
                    players: Sequence | None = None) -> "ParametricGame":
        params = {name: sympy.Symbol(name, real=True) for name in parameters}
        exprs = tuple(_parse(v, params) for v in values)
        n = len(exprs).bit_length() - 1
        return cls(tuple(players or range(1, n + 1)), exprs, params,
                   {k: _bound(v) for k, v in parameters.items() if v})

    def symbols(self) -> list[sympy.Symbol]:
        return [self.parameters[k] for k in sorted(self.parameters)]

    def bound_condition(self) -> sympy.Basic:
        parts = []
        for name, (lo, hi) in self.bounds.items():
            s = self.parameters[name]
            if lo is not None:
                parts.append(s >= lo)
            if hi is not None:
                parts.append(s <= hi)
        return sympy.And(*parts) if parts else sympy.true

    def class_condition(self, game_class: str = "monotone") -> list[sympy.Basic]:
        formula = game_class_formula(game_class, self.n)
        parts = formula.parts if isinstance(formula, LAnd) else ((formula,) if isinstance(formula, Compare) else ())
        return [_compare_to_sympy(p, self.values) for p in parts]

    def admissible_region(self, game_class: str = "monotone") -> sympy.Basic:
        """Bounds ∧ game class, with constraints implied by the others removed (exact).

        Raises :class:`~exactfair.core.errors.ExactfairError` naming conflicting constraints when empty.
        """
        constraints = [c for c in [self.bound_condition()] + self.class_condition(game_class)
                       if c is not sympy.true]
        flat = []
        for c in constraints:
            flat += list(sympy.And.make_args(c))
        flat = [c for c in flat if c is not sympy.true]
        if any(c is sympy.false for c in flat):
            bad = [c for c in self.class_condition(game_class) if c is sympy.false]
            raise ExactfairError(f"the admissible region is empty: a {game_class} constraint is false for every "
                                 f"parameter value ({len(bad)} such)")
        env = {s: z3.Real(s.name) for s in self.symbols()}
        s = z3.Solver()
        tracked = {}
        for k, c in enumerate(flat):
            b = z3.Bool(f"c{k}")
            tracked[str(b)] = c
            s.assert_and_track(_z3(c, env), b)
        answer = s.check()
        if answer == z3.unknown:
            raise ExactfairError(f"z3 could not decide whether the admissible region is empty ({s.reason_unknown()})")
        if answer == z3.unsat:
            core = [str(tracked[str(b)]) for b in s.unsat_core()]
            raise ExactfairError(f"the admissible region is empty: these constraints conflict: {'; '.join(core)}")
        return _simplify_region(sympy.And(*flat), self.symbols())

    def instantiate(self, point: Mapping[str, Any]) -> Game:
        """The concrete game at a parameter point (exact)."""
        subs = _point_subs(self.parameters, point)
        values = []
        for v in self.values:
            x = v.subs(subs)
            if x.free_symbols:
                raise ExactfairError(f"missing parameter values for {sorted(map(str, x.free_symbols))}")
            values.append(Fraction(int(x.p), int(x.q)))
        return Game(self.players, tuple(values))


def _bound(spec) -> tuple:
    if spec is None:
        return (None, None)
    if isinstance(spec, Mapping):
        spec = (spec.get("min"), spec.get("max"))
    lo, hi = spec
    return (_bound_value(lo), _bound_value(hi))


def _bound_value(x: Any) -> sympy.Rational | None:
    if x is None:
        return None
    value = to_exact(x, what="a parameter bound")
    return sympy.Rational(value.numerator, value.denominator)


def _point_subs(parameters: Mapping[str, sympy.Symbol], point: Mapping[str, Any]) -> dict:
    """Exact substitution for a parameter point; unknown names are refused."""
    unknown = set(point) - set(parameters)
    if unknown:
        raise ExactfairError(f"unknown parameter(s) {sorted(unknown)}; the game's parameters are {sorted(parameters)}")
    out = {}
    for k, v in point.items():
        value = to_exact(v, what=f"parameter {k}")
        out[parameters[k]] = sympy.Rational(value.numerator, value.denominator)
    return out


def _exact_value(x: sympy.Basic, where: str) -> Fraction:
    if not x.is_Rational:
        raise ExactfairError(f"{where} = {x} is not a rational number at this point (missing parameter values?)")
    return Fraction(int(x.p), int(x.q))


def _parse(expr: Any, params: Mapping[str, sympy.Symbol] | Any) -> sympy.Expr:
    """A coalition value: a number or an expression in the parameters (whitelisting parser, never eval)."""
    from ..core.expressions import parse_expression

    if isinstance(expr, sympy.Basic):
        out = expr
    else:
        if isinstance(expr, float):
            raise ExactfairError(f"{expr!r} is a float; write it as a string such as \"0.1\"")
        out = parse_expression(expr if isinstance(expr, (int, Fraction)) else str(expr), symbols=params,
                               what=f"the value {str(expr)[:60]!r}")
    if out.has(sympy.Float):
        raise ExactfairError(f"the value {expr!r} contains a float; write it exactly")
    if not callable(params):
        unknown = {s.name for s in out.free_symbols} - set(params)
        if unknown:
            raise ExactfairError(f"value {expr!r} uses undeclared symbol(s) {sorted(unknown)}; declare them in "
                                 "'parameters'")
    return out


def _linear_to_sympy(term: Linear, values, rewards=None) -> sympy.Expr:
    total = sympy.Rational(term.const.numerator, term.const.denominator)
    for atom, c in term.terms:
        if atom.game != 0:
            raise ExactfairError("a parametric table speaks of one game; this formula speaks of a second game (v′)")
        if isinstance(atom, Value):
            total += c * values[atom.coalition]
        else:
            total += c * rewards[atom.coalition][atom.player]
    return total


def _compare_to_sympy(p: Compare, values, rewards=None) -> sympy.Basic:
    lhs, rhs = _linear_to_sympy(p.left, values, rewards), _linear_to_sympy(p.right, values, rewards)
    return {"==": sympy.Eq, "<=": sympy.Le, "<": sympy.Lt, ">=": sympy.Ge, ">": sympy.Gt}[p.op](lhs, rhs)


def _formula_to_sympy(f, values, rewards) -> sympy.Basic:
    if isinstance(f, Compare):
        return _compare_to_sympy(f, values, rewards)
    if isinstance(f, LAnd):
        return sympy.And(*[_formula_to_sympy(p, values, rewards) for p in f.parts])
    if isinstance(f, LOr):
        return sympy.Or(*[_formula_to_sympy(p, values, rewards) for p in f.parts])
    if isinstance(f, LImplies):
        return sympy.Implies(_formula_to_sympy(f.hypothesis, values, rewards),
                             _formula_to_sympy(f.conclusion, values, rewards))
    if isinstance(f, LNot):
        return sympy.Not(_formula_to_sympy(f.body, values, rewards))
    if isinstance(f, _Const):
        return sympy.true if f.truth else sympy.false
    raise TypeError(f)


@dataclass(frozen=True)
class Piece:
    """One piece of a piecewise reward: on ``region`` the reward equals ``value`` (affine).

    >>> Piece(sympy.true, sympy.Integer(1)).to_dict()
    {'region': 'True', 'value': '1'}
    """

    region: sympy.Basic
    value: sympy.Expr

    def to_dict(self) -> dict:
        return {"region": sympy.sstr(self.region), "value": sympy.sstr(self.value)}


@dataclass
class ParametricTable:
    """Leaves of the symbolic execution and per-reward pieces.

    >>> g = ParametricGame.from_values(['0', '1', '2', 't'], {'t': (2, 10)})
    >>> table = parametric_balanced_reciprocity(g)
    >>> table.pieces(1, (1, 2)), table.pieces(2, (1, 2))[0].value
    ([Piece(region=(2 <= t) & (t <= 10), value=t - 1)], t)
    """

    game: ParametricGame
    region: sympy.Basic
    leaves: list                     # (region conjunction, rows[mask][player] sympy)
    seconds: float = 0.0
    #: cvc5's re-checks of the solver answers that pruned the branches (a proof over the leaves rests on them)
    agreements: list = field(default_factory=list)

    def pieces(self, player: Any, coalition: Any) -> list[Piece]:
        """The pieces of M_player^coalition (labels): one per distinct expression, regions simplified."""
        try:
            i = self.game.players.index(player)
            mask = 0
            for label in coalition:
                mask |= 1 << self.game.players.index(label)
        except (ValueError, TypeError):
            raise ExactfairError(f"no reward M_{player}^{coalition}: the players are "
                                 f"{', '.join(map(str, self.game.players))} and a coalition is a collection of them") from None
        return self._pieces(i, mask)

    def _pieces(self, i: int, mask: int) -> list[Piece]:
        groups: dict = {}
        for region, rows in self.leaves:
            value = sympy.expand(rows[mask][i])
            groups.setdefault(value, []).append(region)
        syms = self.game.symbols()
        env = {s: z3.Real(s.name) for s in syms}
        merged = {value: (sympy.Or(*regions) if len(regions) > 1 else regions[0]) for value, regions in groups.items()}
        # a piece whose region another expression also describes exactly is redundant: merge it
        changed = True
        while changed and len(merged) > 1:
            changed = False
            for value, region in sorted(merged.items(), key=lambda kv: len(str(kv[1]))):
                for other in merged:
                    if other == value:
                        continue
                    with recording() as agreement:              # merged only when cvc5 agrees too
                        s = CheckedSolver()
                        s.add(_z3(region, env), _z3(sympy.Ne(value, other), env))
                        answer = s.check()
                    if answer == z3.unsat and confirmed(combine_agreements(agreement)):
                        merged[other] = sympy.Or(merged[other], region)
                        del merged[value]
                        changed = True
                        break
                if changed:
                    break
        out = [Piece(_simplify_region(region, syms), value) for value, region in merged.items()]
        return sorted(out, key=lambda p: str(p.region))

    def breakpoints(self, player: Any, coalition: Any) -> list:
        """One parameter: the exact parameter values where the piece changes."""
        syms = self.game.symbols()
        if len(syms) != 1:
            raise ExactfairError("breakpoints are defined for one parameter")
        t = syms[0]
        points = set()
        for piece in self.pieces(player, coalition):
            points |= set(_interval_of(piece.region, t).boundary)
        return sorted(points - set(_interval_of(self.region, t).boundary))

    def evaluate(self, point: Mapping[str, Any]) -> list[list[Fraction]]:
        """Rows (bitmask order) of the table at a parameter point, from the leaf containing it."""
        subs = _point_subs(self.game.parameters, point)
        missing = set(self.game.symbols()) - set(subs)
        if missing:
            raise ExactfairError(f"missing value(s) for the parameter(s) {sorted(map(str, missing))}")
        for region, rows in self.leaves:
            truth = region.subs(subs)
            if truth is sympy.true:
                return [[_exact_value(x.subs(subs), f"M_{self.game.players[i]}^{format_coalition(self.game.labels(m))}")
                         for i, x in enumerate(row)] for m, row in enumerate(rows)]
            if truth is not sympy.false:
                raise ExactfairError(f"could not decide the region {region} at {dict(point)} exactly")
        raise ExactfairError(f"{dict(point)} is outside the admissible region {self.region}")

    def piecewise(self, player: Any, coalition: Any) -> sympy.Piecewise:
        """The reward as a sympy ``Piecewise`` (for LaTeX/pretty printing)."""
        return sympy.Piecewise(*[(p.value, p.region) for p in self.pieces(player, coalition)])

    def render(self, fmt: str = "text", min_size: int = 2) -> str:
        lines = []
        for mask in sorted(range(1 << self.game.n), key=lambda m: (bin(m).count("1"), members(m))):
            if bin(mask).count("1") < min_size:
                continue
            for i in members(mask):
                pieces = self._pieces(i, mask)
                name = f"M_{self.game.players[i]}^{format_coalition(self.game.labels(mask))}"
                if fmt == "latex":
                    expr = sympy.Piecewise(*[(p.value, p.region) for p in pieces])
                    coalition = ",".join(latex_text(label) for label in self.game.labels(mask))
                    lines.append(f"M_{{{latex_text(self.game.players[i])}}}^{{{coalition}}} = {sympy.latex(expr)}")
                elif fmt == "markdown":
                    body = "; ".join(f"{sympy.sstr(p.value)} if {sympy.sstr(p.region)}" for p in pieces)
                    lines.append(f"| {markdown_text(name)} | {body} |")
                else:
                    body = "; ".join(f"{sympy.sstr(p.value)} if {sympy.sstr(p.region)}" for p in pieces)
                    lines.append(f"{name} = {body}")
        if fmt == "markdown":
            lines = ["| reward | pieces |", "|---|---|"] + lines
        return "\n".join(lines)

    def to_dict(self) -> dict:
        rewards = []
        for mask in range(1 << self.game.n):
            rewards.append({"coalition": list(self.game.labels(mask)),
                            "rewards": {str(self.game.players[i]): [p.to_dict() for p in self._pieces(i, mask)]
                                        for i in range(self.game.n)}})
        return {"players": list(self.game.players), "mechanism": "balanced-reciprocity",
                "parameters": {k: {"min": None if lo is None else str(lo), "max": None if hi is None else str(hi)}
                               for k, (lo, hi) in ((k, self.game.bounds.get(k, (None, None)))
                                                   for k in self.game.parameters)},
                "admissible_region": sympy.sstr(self.region), "rewards": rewards}


def parametric_balanced_reciprocity(game: ParametricGame, game_class: str = "monotone",
                                    timeout: float = 30.0) -> ParametricTable:
    """Algorithm 1 executed symbolically over the admissible region (see module docstring).

    >>> from exactfair import examples
    >>> g = ParametricGame.from_game(examples.example1(), {(1, 3): "t"})
    >>> table = parametric_balanced_reciprocity(g)
    >>> [(str(p.region), str(p.value)) for p in table.pieces(2, (1, 2, 3, 4))]
    [('(1 <= t) & (t <= 3)', '6'), ('(t <= 6) & (3 < t)', '9 - t')]
    """
    start = time.perf_counter()
    region = game.admissible_region(game_class)
    syms = game.symbols()
    env = {s: z3.Real(s.name) for s in syms}
    n = game.n
    v = game.values
    singles = [v[1 << i] for i in range(n)]

    def feasible(constraints) -> bool:
        s = CheckedSolver(timeout)                      # a branch is pruned on z3's unsat; cvc5 re-checks it
        s.add([_z3(c, env) for c in constraints])
        answer = s.check()
        if answer == z3.unknown:
            raise ExactfairError("z3 could not decide a region's feasibility")
        return answer == z3.sat

    with recording() as agreements:
        leaves = _leaves(region, n, v, singles, feasible)
    out_leaves = []
    for constraints, rows in leaves:
        cond = sympy.And(*constraints) if constraints else sympy.true
        out_leaves.append((cond, [rows[c] for c in range(1 << n)]))
    return ParametricTable(game, region, out_leaves, time.perf_counter() - start, agreements)


def _leaves(region, n: int, v, singles, feasible) -> list:
    """Algorithm 1's branches over the region: (constraints, rows) per feasible choice of k."""
    order = sorted(range(1 << n), key=lambda m: bin(m).count("1"))
    leaves = [(list(sympy.And.make_args(region)) if region is not sympy.true else [], {})]
    for c in order:
        ms = members(c)
        new_leaves = []
        for constraints, rows in leaves:
            rows = dict(rows)
            if len(ms) <= 1:
                rows[c] = list(singles)
                new_leaves.append((constraints, rows))
                continue
            j = ms[0]
            m = {i: (v[c] if i == j else sympy.expand(v[c] - rows[c & ~(1 << i)][j] + rows[c & ~(1 << j)][i]))
                 for i in ms}
            for pos, k in enumerate(ms):
                cond = [sympy.Gt(m[k], m[i]) for i in ms[:pos]] + [sympy.Ge(m[k], m[i]) for i in ms[pos + 1:]]
                cond = [x for x in cond if x is not sympy.true]
                if any(x is sympy.false for x in cond):
                    continue
                branch = constraints + cond
                if cond and not feasible(branch):
                    continue
                row = list(singles)
                for i in ms:
                    row[i] = sympy.expand(v[c] - rows[c & ~(1 << i)][k] + rows[c & ~(1 << k)][i])
                new_rows = dict(rows)
                new_rows[c] = row
                new_leaves.append((branch, new_rows))
        leaves = new_leaves
    return leaves


def axiom_regions(table: ParametricTable, axioms: Sequence[Axiom | str] = tuple(a for a in AXIOMS if a.games == 1),
                  timeout: float = 30.0) -> dict:
    """For each single-game axiom: Proved on the whole region, or Refuted with the failing sub-region
    (exact) and a witness point (re-checked with the exact checker on the instantiated game).

    >>> from exactfair import examples
    >>> g = ParametricGame.from_game(examples.example1(), {(1, 3): "t"})
    >>> axiom_regions(parametric_balanced_reciprocity(g), ["F5"])["F5"].verdict
    'proved'
    """
    from ..axioms.check import check_axiom
    from ..mechanisms import balanced_reciprocity
    from ..kernel.solvers import summary
    from ..kernel.verdicts import solver_proved

    game = table.game
    syms = game.symbols()
    env = {s: z3.Real(s.name) for s in syms}
    out = {}
    chosen = []
    for axiom in axioms:
        try:
            axiom = get_axiom(axiom) if isinstance(axiom, str) else axiom
        except (KeyError, ValueError) as exc:
            raise ExactfairError(str(exc.args[0] if exc.args else exc)) from None
        if axiom.games != 1:
            raise ExactfairError(f"{axiom.name} speaks of two games (v and v′); axiom_regions checks single-game "
                                 "axioms of one parametric table")
        chosen.append(axiom)
    for axiom in chosen:
        start = time.perf_counter()
        failing = []
        undecided: list[str] = []
        witness = None
        with recording() as log:
            for region, rows in table.leaves:
                for inst in axiom.instances(game.n):
                    bad = sympy.And(region, _formula_to_sympy(inst.hypothesis, game.values, rows),
                                    sympy.Not(_formula_to_sympy(inst.conclusion, game.values, rows)))
                    if bad is sympy.false:
                        continue
                    s = CheckedSolver(timeout)            # every answer re-checked by cvc5
                    s.add(_z3(bad, env))
                    answer = s.check()
                    if answer == z3.unknown:       # never read as "no violation"
                        undecided.append(f"{inst.axiom} at coalition {inst.coalition}, players {inst.players}: z3 {s.reason_unknown()}")
                        continue
                    if answer == z3.sat:
                        failing.append(bad)
                        if witness is None:
                            from ..kernel.compile import to_fraction
                            model = s.model()
                            witness = {sym.name: to_fraction(model.eval(env[sym], model_completion=True)) for sym in syms}
        if not failing and undecided:
            out[axiom.name] = Unknown(axiom.name, f"admissible region {table.region}", game.n,
                                      time.perf_counter() - start,
                                      reason=f"{len(undecided)} instance(s) undecided, e.g. {undecided[0]}")
            continue
        if not failing:
            out[axiom.name] = solver_proved(axiom.name, f"whole admissible region {table.region}", game.n,
                                            time.perf_counter() - start,
                                            second_solver=summary(list(table.agreements) + log))
            continue
        concrete = game.instantiate(witness)
        result = check_axiom(axiom, balanced_reciprocity(concrete, method="reference"))
        if result.holds:
            from ..kernel.verdicts import InternalCheckError
            raise InternalCheckError(f"{axiom.name}: the witness point {witness} does not fail exactly")
        out[axiom.name] = Refuted(axiom.name, f"fails on {_simplify_region(sympy.Or(*failing), syms)}", game.n,
                                  time.perf_counter() - start, (),
                                  Witness((concrete,), (), str(result.violations[0]),
                                          points=({k: str(v) for k, v in witness.items()},)))
    return out



