"""Fair-set bargaining: games, validity proofs, refutations, Pareto claims, the post's examples."""

import json
from fractions import Fraction

import pytest
import sympy

from exactfair.errors import ExactfairError, GameFileError, InexactValueError
from exactfair.examples import data_path
from exactfair.fairsets.analysis import (
    check_all_pareto, check_closed_graph, check_fixed_points, check_maps_into_simplex,
    check_nonempty_convex_values, check_unique_pareto, lexicographic_optimum,
)
from exactfair.fairsets.core import FairSet, StrategicGame
from exactfair.fairsets.nfg import parse_nfg, read_nfg
from exactfair.fairsets.parametric import translate_linear, validity_condition
from exactfair.fairsets.polygon import polygon
from exactfair.fairsets.post import example2, example3, post_claims
from exactfair.fairsets.spec import read_bargain

PD = StrategicGame.two_by_two("p", "q", "2*q - p", "2*p - q")
P, Q = PD.symbols()


def test_shipped_nfg_gives_the_posts_utilities():
    g = StrategicGame.from_nfg(read_nfg(data_path("prisoners_dilemma.nfg")), [["p"], ["q"]])
    assert [sympy.simplify(a - b) for a, b in zip(g.utilities, PD.utilities)] == [0, 0]


def test_nfg_payoff_format_and_errors():
    g = parse_nfg('NFG 1 R "t" { "A" "B" } { 2 2 }\n1 1 0 2 3 0 "x"'.replace(' "x"', " 1/2 0"))
    assert g.payoffs[(0, 1)] == (Fraction(3), Fraction(0)) and g.payoffs[(1, 1)] == (Fraction(1, 2), 0)
    with pytest.raises(GameFileError, match="line 2: expected a payoff .* found 'x'"):
        parse_nfg('NFG 1 R "t" { "A" } { 2 }\n1 x')
    with pytest.raises(GameFileError, match="found the end of the file"):
        parse_nfg('NFG 1 R "t" { "A" "B" } { 2 2 }\n1 1 0')
    with pytest.raises(GameFileError, match="expected the file type 'NFG'"):
        parse_nfg("XFG 1 R")


def test_bad_games():
    with pytest.raises(ExactfairError, match="not polynomial"):
        StrategicGame.two_by_two("p", "q", "1/p", "q")
    with pytest.raises(ExactfairError, match="undeclared symbol"):
        StrategicGame.two_by_two("p", "q", "2*r", "q")
    with pytest.raises(InexactValueError):
        StrategicGame.two_by_two("p", "q", 0.5, "q")
    with pytest.raises(ExactfairError, match="expected 2"):
        StrategicGame.from_payoffs([2, 2], {(a, b): (1,) for a in range(2) for b in range(2)})
    with pytest.raises(ExactfairError, match="2 players but 1 utilities"):
        StrategicGame([[P], [Q]], [P])


def test_map_leaving_the_simplex_is_refuted_with_a_point():
    fs = FairSet.from_map(PD, 0, "p + 1/2")
    v = check_maps_into_simplex(fs)
    assert v.verdict == "refuted"
    point = {k: Fraction(x) for k, x in v.witness.points[0].items()}
    assert point["p"] + Fraction(1, 2) > 1


def test_interval_maps_and_discontinuity():
    ok = FairSet.from_map(PD, 0, ("0", "q"))
    assert check_maps_into_simplex(ok).verdict == "proved"
    assert check_nonempty_convex_values(ok).verdict == "proved"
    empty = FairSet.from_map(PD, 0, ("q", "1/2"))
    assert check_nonempty_convex_values(empty).verdict == "refuted"
    jump = FairSet.from_map(PD, 0, "Piecewise((0, q < 1/2), (1, True))")
    v = check_closed_graph(jump)          # a disagreement of closures is no exact witness: unknown, never proved
    assert v.verdict == "unknown" and "may disagree" in v.reason
    from exactfair.fairsets.validity import check_validity
    assert check_validity(jump).verdict.verdict == "refuted"              # the slice criterion refutes it exactly
    # an earlier neighbour-by-neighbour check proved this discontinuous map continuous …
    three = FairSet.from_map(PD, 0, "Piecewise((0, q < 1/2), (2*q - 1, q > 2), (1, True))")
    assert check_closed_graph(three).verdict == "unknown"
    # … proved a division continuous …
    assert check_closed_graph(FairSet.from_map(PD, 0, "Max(0, Min(1, 1/(2*q - 1)))")).verdict == "unknown"
    # … and refuted this continuous one (it equals Min(q, 1/2) everywhere)
    same = FairSet.from_map(PD, 0, "Piecewise((q, (p < 1/2) & (q < 1/2)), (Min(q, 1/2), True))")
    assert check_closed_graph(same).verdict == "proved"
    smooth = FairSet.from_map(PD, 0, "Piecewise((q, q < 1/2), (1/2, True))")
    assert check_closed_graph(smooth).verdict == "proved"
    assert check_fixed_points(ok, P <= Q, "{p ≤ q}").verdict == "proved"


def test_wrong_pareto_claims_are_refuted():
    b = example2()
    v = check_unique_pareto(PD, b.region(), {P: 0, Q: 0}, "unique PO at (0,0)")
    assert v.verdict == "refuted" and "dominates" in v.witness.violation
    b3 = example3()
    v3 = check_unique_pareto(PD, b3.region(), {P: 1, Q: 1}, "unique PO at (1,1)")
    assert v3.verdict == "refuted" and "another Pareto optimum" in v3.witness.violation
    assert check_all_pareto(PD, b.region(), "all PO").verdict == "refuted"


def test_lexicographic_orders():
    b = example3()
    a = lexicographic_optimum(PD, b.region(), [0, 1])
    c = lexicographic_optimum(PD, b.region(), [1, 0])
    assert a["point"] == {"p": "0", "q": "1"} and c["point"] == {"p": "1", "q": "1"}
    assert a["unique"] and c["unique"]


def test_parametric_condition_example2_and_an_insufficient_vertex_condition():
    cond, verdict = validity_condition(PD, "Min(p, (b - c*a + (1 + 2*c)*q)/(2 + c))",
                                       {"a": (None, None), "b": (None, None), "c": (0, None)})
    a, b, c = sympy.symbols("a b c", real=True)
    assert verdict.verdict == "proved" and sympy.simplify(cond.lhs - cond.rhs - (b - a * c)) == 0
    _, v2 = validity_condition(PD, "4*t*q*(1 - q)", {"t": (0, None)})
    assert v2.verdict == "unknown"   # the vertices say nothing about the bump at q = 1/2: never a wrong formula


def test_translate_linear():
    cond = sympy.Rational(4, 5) - (2 * P - Q) >= sympy.Rational(1, 10) * (sympy.Rational(11, 10) - (2 * Q - P))
    assert translate_linear(PD, cond, P) == (P <= (40 * Q + 23) / 70)


def test_polygon_segment_and_kite():
    assert polygon(sympy.Eq(P, Q), P, Q) == [(0, 0), (1, 1)]
    assert sorted(polygon(example2().region(), P, Q)) == sorted(
        [(0, 0), (Fraction(23, 70), 0), (Fraction(23, 30), Fraction(23, 30)), (0, Fraction(23, 70))])


EXPECTED = {
    "post.claim": "proved", "post.example1.fair-sets": "proved", "post.example1.validity": "proved",
    "post.example1.fixed-points": "refuted", "post.example1.fixed-points-corrected": "proved",
    "post.example1.f2": "proved", "post.example1.intersection": "proved", "post.example1.outcome": "proved",
    "post.example2.translation": "proved", "post.example2.translation-literal": "refuted",
    "post.example2.validity": "proved", "post.example2.parametric": "proved", "post.example2.kite": "proved",
    "post.example2.outcome": "proved", "post.example3.validity": "proved", "post.example3.subset": "proved",
    "post.example3.intersection": "proved", "post.example3.outcome": "proved",
    "post.example3.underspecified": "proved",
}


def test_every_post_claim_gets_its_verdict():
    got = {c.id: c.check().verdict for c in post_claims()}
    assert got == EXPECTED


def test_json_spec_and_floats_refused(tmp_path):
    spec = {"coordinates": ["p", "q"], "nfg": str(data_path("prisoners_dilemma.nfg")),
            "fair_sets": [{"utility": "U2 <= U1"}, {"map": "Min(p, q)"}]}
    path = tmp_path / "b.json"
    path.write_text(json.dumps(spec))
    b = read_bargain(path)
    assert b.maps and b.fair_sets[0].condition() is not None
    path.write_text('{"coordinates": ["p", "q"], "utilities": ["2*q - 0.5*p", "p"], "fair_sets": []}'.replace(
        '"2*q - 0.5*p"', '"2*q - p"').replace('"fair_sets": []', '"fair_sets": [{"set": "p <= 0.5"}, {"set": 0.5}]'))
    with pytest.raises(GameFileError, match="float"):
        read_bargain(path)


def test_cli_bargain(tmp_path, capsys):
    from exactfair.cli import main
    png = tmp_path / "kite.png"
    assert main(["bargain", "post-example2", "--plot", str(png), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["outcome"] == {"p": "23/30", "q": "23/30"} and data["utilities"] == ["23/30", "23/30"]
    assert [v["verdict"] for v in data["valid"]] == ["proved", "proved"]
    assert all(v["verdict"] == "proved" for v in data["maps"])
    assert (data["nonempty"], data["pareto"], data["lexicographic"], data["unique"]) == ("proved", "proved", "proved", True)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
