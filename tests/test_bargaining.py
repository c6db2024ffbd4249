"""Fair-set bargaining on any finite game: exact numbers and sets, validity, the outcome, the file format.

Hand-worked examples beside hypothesis properties; the adversarial cases (fair sets that must not be
proved valid: empty slices, non-convex slices, open graphs, maps leaving the simplex, jumps) are kept
as fixed tests.
"""

from __future__ import annotations

import json
import re
import time
from fractions import Fraction

import pytest
import sympy
import z3
from hypothesis import given, settings, strategies as st

from exactfair.errors import ExactfairError, GameFileError
from exactfair.fairsets import atoms as A
from exactfair.fairsets.algebraic import NumberField, Real, common_field, from_z3, real_roots
from exactfair.fairsets.core import FairSet, StrategicGame
from exactfair.fairsets.critical import critical_values
from exactfair.fairsets.examples import bargain
from exactfair.fairsets.exactsets import holds_near, is_empty
from exactfair.fairsets.optimum import lexicographic_outcome, maximise, region_formula
from exactfair.fairsets.post import Bargain
from exactfair.fairsets.report import analyse, check_same_set, parse_order
from exactfair.fairsets.spec import bargain_from_dict, default_coordinates, read_bargain
from exactfair.fairsets.validity import check_map, check_validity

PD = StrategicGame.two_by_two("p", "q", "2*q - p", "2*p - q")
P, Q = PD.symbols()
X = sympy.Symbol("x")


# ----------------------------------------------------------------------------- algebraic numbers
def test_field_arithmetic_and_signs():
    r2 = real_roots([1, 0, -2])[1]
    assert str(r2 * r2) == "2" and (r2 - Fraction(141, 100)).sign() == 1 and (r2 - Fraction(142, 100)).sign() == -1
    assert str((1 + r2) / (1 - r2)) == "-3 - 2*sqrt(2)"
    cube = real_roots([1, 0, 0, -2])[0]
    assert str(cube) == "CRootOf(x**3 - 2, 0)" and str(cube ** 3) == "2"
    assert Fraction(125, 100) < cube < Fraction(126, 100)


def test_common_field_keeps_values():
    a, b = real_roots([1, 0, -2])[1], real_roots([1, 0, -3])[1]
    a2, b2 = common_field([a, b])
    assert a2.field == b2.field and str(a2 * a2) == "2" and str(b2 * b2) == "3"
    assert a2 < b2 and (a2 + b2).sign() == 1


def test_from_z3_rational_and_algebraic():
    x = z3.Real("x")
    s = z3.Solver()
    s.add(x * x * x == 5, x > 0)
    assert s.check() == z3.sat
    value = from_z3(s.model()[x])
    assert str(value ** 3) == "5"
    assert from_z3(z3.RealVal("3/7")).to_fraction() == Fraction(3, 7)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-6, 6), min_size=2, max_size=5).filter(lambda c: c[0] != 0))
def test_real_roots_are_roots_and_sorted(coeffs):
    roots = real_roots(coeffs)
    for r in roots:
        value = Real.rational(0)
        for c in coeffs:
            value = value * r + c
        assert value.sign() == 0
    assert all(a < b for a, b in zip(roots, roots[1:]))
    assert len(roots) == len(set(sympy.Poly.from_list(coeffs, X).real_roots()))


@settings(max_examples=60, deadline=None)
@given(st.fractions(max_denominator=20), st.fractions(max_denominator=20), st.integers(2, 7))
def test_quadratic_field_matches_sympy(a, b, d):
    k = NumberField([-d, 0, 1], 1) if sympy.sqrt(d).is_irrational else None
    if k is None:
        return
    value = Real(k, [a, b]) * Real(k, [b, a]) - Real(k, [a, 1])
    expected = (a + b * sympy.sqrt(d)) * (b + a * sympy.sqrt(d)) - (a + sympy.sqrt(d))
    assert sympy.simplify(value.to_sympy() - expected) == 0
    assert value.sign() == (1 if expected.evalf(60) > 0 else -1 if expected.evalf(60) < 0 else 0)


# ----------------------------------------------------------------------------- formulas and exact sets
CONDITIONS = st.sampled_from([
    "Min(p, q) >= 1/3", "Max(p, 2*q - 1) <= p*q + 1/4", "~(p < q) | Eq(q, 1/2)",
    "Piecewise((p, q < 1/2), (1 - p, True)) >= q", "Min(p, q, 1/2) <= Max(p*p, q - 1/5)",
    "Ne(p, q) & (p + q <= 1)",
])


@settings(max_examples=80, deadline=None)
@given(CONDITIONS, st.fractions(0, 1, max_denominator=12), st.fractions(0, 1, max_denominator=12), st.booleans())
def test_formula_agrees_with_sympy(text, p, q, positive):
    cond = FairSet.from_action_set(PD, 0, text).value
    f = A.formula(cond, [P, Q], positive=positive)
    truth = bool(cond.subs({P: sympy.Rational(p.numerator, p.denominator),
                            Q: sympy.Rational(q.numerator, q.denominator)}))
    assert A.evaluate(f, {P: p, Q: q}) == (truth if positive else not truth)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(-3, 3), st.integers(-3, 3), st.integers(-3, 3), st.sampled_from([">=", ">"])),
                min_size=1, max_size=4))
def test_is_empty_univariate_matches_z3(rows):
    atoms = [("atom", A.Atom(sympy.expand(a * X * X + b * X + c), op)) for a, b, c, op in rows]
    f = A.conjunction(atoms)
    s = z3.Solver()
    s.add(A.to_z3(f, {X: z3.Real("x")}))
    assert is_empty(f, [X]) == (s.check() == z3.unsat)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(-3, 3), st.integers(-3, 3), st.integers(-3, 3), st.sampled_from([">=", ">", "=="])),
                min_size=1, max_size=5))
def test_fourier_motzkin_matches_z3(rows):
    atoms = [("atom", A.Atom(sympy.expand(a * P + b * Q + c), op)) for a, b, c, op in rows]
    f = A.conjunction(atoms)
    s = z3.Solver()
    s.add(A.to_z3(f, {P: z3.Real("p"), Q: z3.Real("q")}))
    assert is_empty(f, [P, Q]) == (s.check() == z3.unsat)


def test_holds_near_and_critical_values():
    f = A.formula((P < Q) & (P * Q >= 0), [P, Q])
    assert holds_near(f, {P: 0, Q: 0}, {P: 0, Q: 1}) and not holds_near(f, {P: 0, Q: 0}, {P: 1, Q: 0})
    assert [str(c) for c in critical_values(P * Q, [P + Q - 1], [P, Q])] == ["1/4"]
    assert critical_values(P * Q, [P - 2, P - 3], [P, Q]) == []          # inconsistent: no critical point


def test_maximise_irrational_and_empty():
    region = A.formula((P >= 0) & (Q >= 0) & (P * P + Q * Q <= 1), [P, Q])
    best = maximise(region, [P, Q], P + 2 * Q)
    assert best.status == "proved" and sympy.simplify(best.value.to_sympy() - sympy.sqrt(5)) == 0
    empty = maximise(A.formula((P >= 1) & (P <= 0), [P]), [P], P)
    assert empty.status == "empty" and empty.value is None


# ----------------------------------------------------------------------------- validity: proved
def test_post_fair_sets_are_valid_in_every_form():
    for fs in [FairSet.from_action_set(PD, 0, "p <= q"), FairSet.from_utility_condition(PD, 1, "U1 <= U2"),
               FairSet.from_map(PD, 0, "Min(p, (40*q + 23)/70)"), FairSet.from_map(PD, 1, ("0", "p"))]:
        v = check_validity(fs)
        assert v.verdict.verdict == "proved" and v.post_definition == "proved", fs.describe()
        assert v.verdict.second_solver["agrees"] in (True, None) or v.verdict.second_solver.get("applicable") is False


def test_vector_map_for_a_three_action_player():
    g = bargain("demand").game
    a_l, a_m = g.coordinates[0]
    b_l, _ = g.coordinates[1]
    fs = FairSet.from_map(g, 0, [f"Min({a_l}, {b_l})", f"Min({a_m}, 1 - Min({a_l}, {b_l}))"])
    v = check_validity(fs)
    assert v.verdict.verdict == "proved" and [p.verdict for p in check_map(fs)] == ["proved", "proved"]


def test_continuous_piecewise_map_is_proved_and_a_jump_is_not():
    smooth = FairSet.from_map(PD, 0, "Piecewise((q, q < 1/2), (1/2, True))")
    assert check_map(smooth)[1].verdict == "proved"
    jump = FairSet.from_map(PD, 0, "Piecewise((0, q < 1/2), (1, True))")
    assert check_map(jump)[1].verdict != "proved"                     # never "proved" for a jump
    v = check_validity(jump)
    assert v.verdict.verdict == "refuted" and v.post_definition == "refuted"     # F1 = {p = 0 if q < 1/2}: not closed


# ----------------------------------------------------------------------------- validity: the adversary
@pytest.mark.parametrize("kind, text, violation", [
    ("set", "p < q", "empty"),                                   # empty slice at q = 0
    ("set", "p >= q + 1/2", "empty"),
    ("utility", "U1 > U2", "empty"),
    ("set", "p*(1 - p) <= 1/8", "not convex"),                   # two intervals
    ("set", "(p <= 1/3) | (p >= 2/3)", "not convex"),
    ("set", "(p < q) | Eq(q, 0) | Eq(p, 0)", "not closed"),      # slices [0, q) ∪ {0}: graph not closed
    ("map", "2*p", "empty"),                                     # fixed set {p = 0} is fine, but 2p leaves [0, 1] ...
])
def test_invalid_fair_sets_are_refuted_with_exact_witnesses(kind, text, violation):
    fs = {"set": FairSet.from_action_set, "utility": FairSet.from_utility_condition,
          "map": FairSet.from_map}[kind](PD, 0, text)
    v = check_validity(fs)
    if kind == "map":       # ... F1 = {p = 0} itself is valid: only the map fails
        assert v.verdict.verdict == "proved" and check_map(fs)[0].verdict == "refuted"
        return
    assert v.verdict.verdict == "refuted", (text, v.to_dict())
    assert violation in v.verdict.witness.violation or (violation == "not closed" and "not closed" in
                                                         v.verdict.witness.violation)
    point = {sympy.Symbol(k, real=True): Fraction(x) for k, x in v.witness.items()}
    assert point, "an exact witness"
    if violation == "empty":                    # re-check by hand: no rational grid point of the slice is fair
        cond = fs.condition()
        for k in range(0, 65):
            assert not bool(cond.subs({**{s: sympy.Rational(x) for s, x in point.items()}, P: sympy.Rational(k, 64)}))


def test_not_closed_witness_rechecks():
    fs = FairSet.from_action_set(PD, 0, "(p < q) | Eq(q, 0) | Eq(p, 0)")
    v = check_validity(fs)
    limit, towards = v.points
    limit = {sympy.Symbol(k, real=True): Fraction(x) for k, x in limit.items()}
    towards = {sympy.Symbol(k, real=True): Fraction(x) for k, x in towards.items()}
    cond = A.formula(fs.condition(), PD.symbols())
    assert not A.evaluate(cond, limit)
    assert holds_near(cond, limit, {k: towards[k] - limit[k] for k in limit})


def test_post_definition_is_weaker_than_the_slice_criterion():
    """The finding: a continuous f_1(p, q) = p² is Kakutani (post) but its slices {0, 1} are not convex."""
    v = check_validity(FairSet.from_map(PD, 0, "p**2"))
    assert v.verdict.verdict == "refuted" and "not convex" in v.verdict.witness.violation
    assert v.post_definition == "proved"
    same_set = check_validity(FairSet.from_action_set(PD, 0, "Eq(p*(1 - p), 0)"))
    assert same_set.verdict.verdict == "refuted" and same_set.post_definition == "undecided"


# ----------------------------------------------------------------------------- the outcome
def test_post_examples_outcomes_unchanged():
    assert analyse(bargain("post-example2")).to_dict()["outcome"] == {"p": "23/30", "q": "23/30"}
    one = analyse(bargain("post-example1")).to_dict()
    assert one["outcome"] == {"p": "1", "q": "1"} and one["unique"] is True
    three = [analyse(bargain("post-example3"), order).to_dict()["outcome"] for order in ("1,2", "2,1")]
    assert three == [{"p": "0", "q": "1"}, {"p": "1", "q": "1"}]


def test_ultimatum_outcome():
    d = analyse(bargain("ultimatum")).to_dict()
    assert d["outcome"] == {"p": "2/5", "q": "5/6"} and d["utilities"] == ["5", "4"]
    assert [d["nonempty"], d["lexicographic"], d["pareto"]] == ["proved"] * 3


def test_empty_intersection_is_refuted():
    b = Bargain("empty", PD, [FairSet.from_action_set(PD, 0, "p >= 3/4"), FairSet.from_action_set(PD, 1, "p <= 1/4")])
    d = analyse(b).to_dict()
    assert d["nonempty"] == "refuted" and d["outcome"] is None and d["utilities"] is None


@pytest.mark.slow
def test_demand_and_volunteers_outcomes():
    demand = analyse(bargain("demand")).to_dict()
    assert demand["utilities"] == ["44/9", "35/9"] and demand["unique"] is False
    volunteers = analyse(bargain("volunteers")).to_dict()
    assert all(sympy.simplify(sympy.sympify(v) - (1 - sympy.sqrt(6) / 6)) == 0 for v in volunteers["outcome"].values())


LINEAR_SETS = st.sampled_from(["U1 >= U2 - 1", "U1 >= 0", "p <= q + 1/2", "U1 >= Min(U2, 1/2)", "p >= q - 1/3"])
SWAP = {"U1": "U2", "U2": "U1", "p": "q", "q": "p"}


def _grid_check(values, first, second):
    """Random 2×2 games: the exact outcome is in F and no point of a rational grid in F beats it."""
    payoffs = {(a, b): (values[2 * (2 * a + b)], values[2 * (2 * a + b) + 1]) for a in range(2) for b in range(2)}
    g = StrategicGame.from_payoffs([2, 2], payoffs, coordinate_names=[["p"], ["q"]])
    mirrored = re.sub(r"\b(U1|U2|p|q)\b", lambda m: SWAP[m.group()], second)      # player 2's version
    fair = [FairSet.from_utility_condition(g, i, text) if "U" in text else FairSet.from_action_set(g, i, text)
            for i, text in enumerate([first, mirrored])]
    out = lexicographic_outcome(g, fair, budget=10)
    region = region_formula(g, fair)
    grid = [{P: Fraction(a, 8), Q: Fraction(b, 8)} for a in range(9) for b in range(9)]
    if out.nonempty.verdict == "refuted":
        assert not any(A.evaluate(region, pt) for pt in grid)
        return
    if not out.point:
        return                                    # no attained optimum within the budget: never a wrong one
    assert A.evaluate(region, out.point)
    best = tuple(out.utilities[k] for k in out.order)
    for pt in grid:
        if A.evaluate(region, pt):
            u = tuple(A.poly_value(g.utilities[k], pt) for k in out.order)
            assert not (u > best), (pt, u, best)


@settings(max_examples=4, deadline=None)
@given(st.lists(st.integers(-3, 4), min_size=8, max_size=8), LINEAR_SETS, LINEAR_SETS)
def test_outcome_is_lexicographically_best_on_a_grid(values, first, second):
    _grid_check(values, first, second)


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-3, 4), min_size=8, max_size=8), LINEAR_SETS, LINEAR_SETS)
def test_outcome_is_lexicographically_best_on_a_grid_many(values, first, second):
    _grid_check(values, first, second)


# ----------------------------------------------------------------------------- the file format
GAME = {"players": ["A", "B"], "actions": [["L", "M", "H"], ["L", "R"]],
        "payoffs": [{"profile": [a, b], "utilities": [str(i), str(j)]} for i, a in enumerate("LMH")
                    for j, b in enumerate("LR")],
        "fair_sets": [{"utility": "U1 >= U2 - 1/10"}, {"set": "B_L >= 0"}]}


def test_format_defaults_and_utilities():
    b = bargain_from_dict(GAME)
    assert [[c.name for c in cs] for cs in b.game.coordinates] == [["A_L", "A_M"], ["B_L"]]
    assert b.game.actions == [["L", "M", "H"], ["L", "R"]] and b.game.names == ["A", "B"]
    a_l, a_m = b.game.coordinates[0]
    assert sympy.expand(b.game.utilities[0] - (a_m + 2 * (1 - a_l - a_m))) == 0
    assert default_coordinates(["Player 1", "B"], [["x", "y"], ["U1", "z"]]) == [["x1_1"], ["B_U1"]]


@pytest.mark.parametrize("change, message", [
    ({"payoffs": GAME["payoffs"][:-1]}, "no entry for the profile"),
    ({"payoffs": GAME["payoffs"] + GAME["payoffs"][:1]}, "listed twice"),
    ({"coordinates": [["a"], ["b"]]}, "give 2"),
    ({"coordinates": [["a", "U1"], ["b"]]}, "reserved"),
    ({"coordinates": [["a", "a"], ["b"]]}, "used twice"),
    ({"coordinates": [["a", "a__b"], ["b"]]}, "not a name"),
    ({"coordinates": 5}, "'coordinates' must be a list"),
    ({"fair_sets": "U1 >= U2"}, "'fair_sets' must be a list"),
    ({"fair_sets": ["U1 >= U2", {"set": "B_L >= 0"}]}, "fair_sets[0] must be an object"),
    ({"fair_sets": [{"set": "A_L >= 0", "utility": "U1 >= 0"}, {"set": "B_L >= 0"}]}, "exactly one"),
    ({"fair_sets": [{"map": ["A_L"]}, {"set": "B_L >= 0"}]}, "one expression per coordinate"),
    ({"fair_sets": [{"set": 5.5}, {"set": "B_L >= 0"}]}, "must be an expression"),
    ({"fair_sets": [{"set": "zz >= 0"}, {"set": "B_L >= 0"}]}, "undeclared symbol"),
    ({"nfg": 5}, "'nfg' must be the path"),
    ({"players": ["A"]}, "give 2 to"),
    ({"actions": [["L"], ["L", "R"]]}, "at least two distinct"),
    ({"payoffs": [{"profile": ["L", "Q"], "utilities": ["1", "2"]}]}, "'Q' is not an action of B"),
    ({"payoffs": [{"profile": ["L", "L"], "utilities": [True, "2"]}]}, "must be a number"),
    ({"extra": 1}, "unknown key 'extra'"),
])
def test_malformed_files_are_refused_with_a_clear_message(change, message):
    with pytest.raises(GameFileError) as info:
        bargain_from_dict({**GAME, **change}, source="bad.json")
    assert message in str(info.value) and str(info.value).startswith("bad.json: ")


def test_top_level_must_be_an_object():
    for data in ("a string", [1, 2], 5, None):
        with pytest.raises(GameFileError, match="JSON object"):
            bargain_from_dict(data)


def test_nfg_game_of_any_size_and_legacy_format(tmp_path):
    nfg = tmp_path / "g.nfg"
    nfg.write_text('NFG 1 R "3x2" { "A" "B" } { 3 2 }\n' + " ".join(f"{i} {j}" for j in range(2) for i in range(3)))
    (tmp_path / "b.json").write_text(json.dumps({"nfg": "g.nfg", "fair_sets": [{"set": "A_1 >= 0"},
                                                                                {"utility": "U2 >= 0"}]}))
    b = read_bargain(tmp_path / "b.json")
    assert [[c.name for c in cs] for cs in b.game.coordinates] == [["A_1", "A_2"], ["B_1"]]
    legacy = tmp_path / "legacy.json"
    legacy.write_text(json.dumps({"coordinates": ["p", "q"], "utilities": ["2*q - p", "2*p - q"],
                                  "fair_sets": [{"interval": ["0", "q"]}, {"map": "Min(p, q)"}]}))
    assert [fs.kind for fs in read_bargain(legacy).fair_sets] == ["map", "map"]


def test_parse_order_and_same_set():
    assert parse_order("B, A", ["A", "B"]) == (1, 0)
    with pytest.raises(ExactfairError, match="every player once"):
        parse_order("1,1", ["A", "B"])
    with pytest.raises(ExactfairError, match="neither a player"):
        parse_order("C", ["A", "B"])
    v = check_same_set(PD, P <= Q, P < Q, "closed = open?")
    assert v.verdict == "refuted" and "first set only" in v.witness.violation


def test_cli_json_fields(capsys):
    from exactfair.cli import main
    assert main(["bargain", "ultimatum", "--json", "--order", "Responder,Proposer"]) == 0
    d = json.loads(capsys.readouterr().out)
    for key in ("valid", "nonempty", "outcome", "utilities", "pareto"):
        assert key in d
    assert set(d["valid"][0]) >= {"player", "verdict", "witness"} and d["order"] == ["Responder", "Proposer"]
    assert d["outcome"] == {"p": "2/5", "q": "5/6"}


def test_cli_plot_for_a_three_action_game(tmp_path, capsys):
    from exactfair.cli import main
    png = tmp_path / "demand.png"
    assert main(["bargain", "post-example1", "--plot", str(tmp_path / "pd.png")]) == 0
    (tmp_path / "g.json").write_text(json.dumps({**GAME, "fair_sets": [{"utility": "U1 >= 0"}, {"set": "B_L >= 0"}]}))
    assert main(["bargain", str(tmp_path / "g.json"), "--plot", str(png)]) == 0
    assert png.read_bytes()[:4] == b"\x89PNG" and "outcome" in capsys.readouterr().out


# ----------------------------------------------------------------------------- the second solver
def test_a_proof_cvc5_does_not_confirm_says_so(monkeypatch):
    import exactfair.smt.isolated as isolated
    monkeypatch.setattr(isolated, "cvc5_answers", lambda scripts, **kw: ["unknown"] * len(scripts))
    report = analyse(bargain("post-example2"))
    d = report.to_dict()
    assert [v["verdict"] for v in d["valid"]] == ["proved (z3 only)"] * 2
    assert d["pareto"] == "proved (z3 only)" and d["lexicographic"] == "proved (z3 only)"
    assert d["nonempty"] == "proved"                        # an exact point needs no second solver
    text = report.to_text()
    assert "PROVED BY Z3 ONLY" in text and "cvc5 could not confirm" in text


def test_cvc5_child_is_killed_when_it_overruns(monkeypatch):
    import exactfair.smt.isolated as isolated
    monkeypatch.setattr(isolated, "_WORKER", "import sys, time\nfor line in sys.stdin:\n    time.sleep(60)\n")
    start = time.perf_counter()
    assert isolated.cvc5_answers(["(check-sat)", "(check-sat)"], timeout=0.3) == ["unknown", "unknown"]
    assert time.perf_counter() - start < 10


def test_cli_exit_status_says_what_happened(tmp_path, capsys):
    from exactfair.cli import main
    invalid = tmp_path / "invalid.json"
    invalid.write_text(json.dumps({**GAME, "fair_sets": [{"utility": "U1 >= 5/2"}, {"set": "B_L >= 0"}]}))
    assert main(["bargain", str(invalid)]) == 1                       # a fair set refuted
    assert "REFUTED" in capsys.readouterr().out
    assert main(["bargain", "post-example3", "--json"]) == 0


def test_coordinates_named_like_internal_symbols():
    b = bargain_from_dict({**GAME, "coordinates": [["x", "theta"], ["v"]],
                           "fair_sets": [{"set": "x + theta >= v/2"}, {"utility": "U2 >= U1 - 1"}]})
    d = analyse(b).to_dict()
    assert [v["verdict"] for v in d["valid"]] == ["proved", "proved"] and d["pareto"] == "proved"
    assert set(d["outcome"]) == {"x", "theta", "v"}
