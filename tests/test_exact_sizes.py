"""Exact at every size: numerators and denominators past int64, numbers past Python's 4,300-digit limit.

Issue 20, items 1–3: the F4 perturbations wrapped silently for denominators in [2⁶², 2⁶³) (a wrong
"F4 holds"), the .npz writers called ``np.int64(denominator)``, and 8,000-digit rewards could not be
printed.  Every numpy integer operation on scaled values now bounds its results first
(:func:`exactfair.scaled.widen`); these tests hold each path to the Fraction reference.
"""

from __future__ import annotations

import json
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import example, given, settings, strategies as st

from exactfair import Game, balanced_reciprocity, check_axioms, shapley
from exactfair.array_check import array_pair_violations, array_violations
from exactfair.axioms import AXIOMS_BY_NAME
from exactfair.check import check_axiom, check_pair, f4_perturbations
from exactfair.digits import MAX_PRINT_DIGITS, format_integer, parse_integer
from exactfair.errors import TooLargeError
from exactfair.exact import format_exact
from exactfair.fast import balanced_reciprocity_array, shapley_array, shapley_value_fast
from exactfair.io import read_game, write_game_npz
from exactfair.scaled import INT64_SAFE, add_where, widen
from exactfair.table import RewardTable

from .cli_runs import run_all
from .strategies import monotone_games

#: Denominators on both sides of every int64 boundary (2⁶² is where numerators leave int64, 2⁶³ where
#: a denominator stops fitting at all).
BOUNDARY_DENOMINATORS = [7, 2 ** 62 - 1, 2 ** 62 + 3, 2 ** 62 + 2 ** 61 + 1, 2 ** 63 - 25, 2 ** 63 + 1,
                         2 ** 64 + 13, 2 ** 200 + 1]


def top_member(game: Game) -> RewardTable:
    """A mechanism that violates F4: the highest member of C gets v_C, everyone else their stand-alone value."""
    n = game.n
    rows = []
    for m in range(1 << n):
        row = [game.value(1 << i) for i in range(n)]
        if m:
            row[m.bit_length() - 1] = game.value(m)
        rows.append(row)
    return RewardTable.from_rows(game, "top-member", rows)


MECHANISMS = {"top-member": top_member, "balanced-reciprocity": balanced_reciprocity, "shapley": shapley}


def rescaled(game: Game, denominator: int) -> Game:
    """The same game with every value divided by ``denominator`` (a different common denominator)."""
    return Game(game.players, [x / denominator for x in game.values])


def f4_outcome(game: Game, mechanism: str) -> tuple:
    mech = MECHANISMS[mechanism]
    r = check_axioms(mech(game), mechanism=mech, axioms=["F4"], max_violations=None)["F4"]
    return r.holds, r.violation_count, [(v.coalition, v.players) for v in r.violations]


# ----------------------------------------------------------------------------------------------- item 1: F4

def top_member_f4_violations(n: int) -> int:
    """Independent count for :func:`top_member`: against the perturbation at C, F4's hypothesis holds for
    (i, C′) exactly when i ∈ C ⊆ C′; the conclusion fails when i is not the highest member of C′ (i keeps
    v_i) unless C = {i} (then v_i itself was raised)."""
    return sum(1 for c in range(1, 1 << n) for c2 in range(1 << n) if c2 & c == c
               for i in range(n) if c >> i & 1 and i != c2.bit_length() - 1 and c != 1 << i)


def test_the_reported_wrong_verdict_is_gone():
    """The review's case: numerators near 2⁶² over a denominator in [2⁶², 2⁶³) wrapped, and F4 "held"."""
    for d in (7, 2 ** 62 + 2 ** 61 + 1):
        g = Game.from_bitmask_values([0, Fraction(d // 2 + 1, d), Fraction(d // 2 + 2, d), Fraction(d // 2 + 5, d),
                                      Fraction(d // 2 + 6, d), Fraction(d // 2 + 7, d), Fraction(d // 2 + 9, d),
                                      Fraction(d // 2 + 12, d)])
        holds, count, _ = f4_outcome(g, "top-member")
        assert (holds, count) == (False, top_member_f4_violations(3)), d
        assert f4_outcome(g, "balanced-reciprocity")[:2] == (True, 0)     # no false "not monotone" either


@pytest.mark.parametrize("denominator", BOUNDARY_DENOMINATORS)
@pytest.mark.parametrize("mechanism", sorted(MECHANISMS))
def test_f4_verdict_is_the_same_over_every_denominator_examples(denominator, mechanism):
    base = Game.from_bitmask_values([0, 3, 5, 9, 4, 8, 10, 15])
    assert f4_outcome(rescaled(base, denominator), mechanism) == f4_outcome(base, mechanism)


@settings(max_examples=60, deadline=None)
@given(game=monotone_games(n_min=2, n_max=3),
       denominator=st.one_of(st.integers(1, 10 ** 6), st.integers(2 ** 62 - 2 ** 20, 2 ** 63 + 2 ** 20),
                             st.integers(2 ** 63, 2 ** 300)),
       offset=st.integers(0, 2 ** 62), mechanism=st.sampled_from(sorted(MECHANISMS)))
@example(game=Game.from_bitmask_values([0, 1, 2, 4]), denominator=2 ** 62 + 2 ** 61 + 1, offset=2 ** 61,
         mechanism="top-member")
def test_f4_verdict_is_the_same_for_a_game_and_its_rescaling(game, denominator, offset, mechanism):
    """Rescaling every value by 1/D (after shifting every v_C, C ≠ ∅, by a constant, so numerators sit near the
    int64 edge) changes no F4 verdict, count or witness: each of these mechanisms scales with the game, and the
    shift adds the same amount to M(v) and M(v′) (c for Algorithm 1 and top-member, c/|C| for Shapley)."""
    shifted = Game(game.players, [x + (offset if m else 0) for m, x in enumerate(game.values)])
    assert f4_outcome(rescaled(shifted, denominator), mechanism) == f4_outcome(shifted, mechanism)


@pytest.mark.parametrize("denominator", BOUNDARY_DENOMINATORS)
def test_f4_perturbations_are_exact(denominator):
    g = rescaled(Game.from_bitmask_values([0, 3, 5, 9]), denominator)
    g = Game(g.players, [x + Fraction(denominator // 2, denominator) if m else 0 for m, x in enumerate(g.values)])
    for c, w in f4_perturbations(g, delta=3):
        assert w.values == tuple(x + (3 if m & c == c else 0) for m, x in enumerate(g.values))


def test_f4_perturbations_refuse_a_non_integer_delta():
    with pytest.raises(ValueError, match="delta"):
        list(f4_perturbations(Game.from_bitmask_values([0, 1, 2, 3]), delta=Fraction(1, 2)))


# ------------------------------------------------------------------------------- the audit: every array path

@settings(max_examples=40, deadline=None)
@given(game=monotone_games(n_min=2, n_max=4), denominator=st.sampled_from(BOUNDARY_DENOMINATORS),
       offset=st.sampled_from([0, 2 ** 61, 2 ** 62 - 1, 2 ** 63]))
def test_array_paths_agree_with_fractions_across_the_int64_boundary(game, denominator, offset):
    """Algorithm 1, Shapley (table and grand coalition), the array axiom checks and F4 on a pair, each on
    values pushed across int64 (a large offset, a large denominator), equal the Fraction references."""
    g = Game(game.players, [(x + offset) / denominator if m else 0 for m, x in enumerate(game.values)])
    fast = balanced_reciprocity(g, method="fast")
    assert fast == balanced_reciprocity(g, method="reference")
    arr, d = balanced_reciprocity_array(g.scaled(), g.n)
    assert [[Fraction(int(x), d) for x in row] for row in arr.tolist()] == [list(r) for r in fast.rewards]
    assert shapley(g) == shapley(g, method="reference")
    assert shapley_value_fast(g.scaled(), g.n) == list(shapley(g, method="reference").grand_coalition().values())
    def outcome(r):
        return r.holds, r.violations, r.violation_count, r.instances_checked

    for name in ("R1", "R2", "R3", "R4", "R5", "F1", "F2", "F3", "F5"):
        assert outcome(check_axiom(name, fast, method="array")) == outcome(check_axiom(name, fast, method="formula"))
    other = balanced_reciprocity(next(iter(f4_perturbations(g)))[1])
    assert outcome(check_pair(fast, other, method="array")) == outcome(check_pair(fast, other, method="formula"))


def test_tables_over_a_different_denominator_than_their_game_compare_exactly():
    """A table of zeros over 1 against a game over 2⁷⁰: rescaling the zeros by 2⁷⁰ must not overflow."""
    g = Game.from_bitmask_values([0, Fraction(1, 2 ** 70), Fraction(1, 2 ** 70), Fraction(1, 2 ** 69)])
    zeros = RewardTable.from_rows(g, "zeros", [[0, 0]] * 4)
    found, bad, count = array_violations(AXIOMS_BY_NAME["R4"], zeros, None)
    assert bad == count == 8                              # 0 < v_i = 1/2⁷⁰ for both players in all 4 coalitions
    assert array_pair_violations(zeros, zeros, None)[1] == 0


def test_widen_and_add_where_never_wrap():
    a = np.array([2 ** 62 - 1, -(2 ** 62 - 1)], dtype=np.int64)
    assert widen(a, INT64_SAFE - 1).dtype == np.int64 and widen(a, INT64_SAFE).dtype == object
    out = add_where(a, np.array([True, True]), 2 ** 63 - 1)
    assert out.tolist() == [2 ** 62 - 1 + 2 ** 63 - 1, 2 ** 63 - 1 - (2 ** 62 - 1)]
    back = add_where(out, np.array([True, True]), -(2 ** 63 - 1))
    assert back.tolist() == [2 ** 62 - 1, -(2 ** 62 - 1)] and back.dtype == np.int64    # refitted when it fits


def test_shapley_array_bound_covers_non_monotone_games():
    big = 2 ** 58
    g = Game.from_bitmask_values([0, big, -big, big, -big, big, -big, big])
    arr, d = shapley_array(g.scaled(), 3)
    assert [[Fraction(int(x), d) for x in row] for row in arr.tolist()] == \
        [list(r) for r in shapley(g, method="reference").rewards]


# ----------------------------------------------------------------------------------------------- item 2: npz

@pytest.mark.parametrize("denominator", BOUNDARY_DENOMINATORS)
def test_npz_games_round_trip_at_every_denominator(tmp_path, denominator):
    g = Game.from_bitmask_values([0, Fraction(1, denominator), Fraction(3, denominator), 1 + Fraction(1, denominator)],
                                 players=[1, 2 ** 70])
    write_game_npz(g, tmp_path / "g.npz")
    back = read_game(tmp_path / "g.npz")
    assert back.values == g.values and back.players == ("1", str(2 ** 70))  # labels past int64: all written as text


def test_npz_tables_are_exact_at_every_size(tmp_path):
    g = Game.from_bitmask_values([0, Fraction(1, 2 ** 70), 2 ** 80, 2 ** 81])
    table = balanced_reciprocity(g)
    table.write_npz(tmp_path / "t.npz")
    saved = np.load(tmp_path / "t.npz")
    num = [[int(x) for x in row] for row in saved["numerators"].tolist()]
    den = int(saved["denominator"].tolist())
    assert [[Fraction(x, den) for x in row] for row in num] == [list(r) for r in table.rewards]


# ------------------------------------------------------------------------------------- item 3: large numbers

def test_numbers_past_the_int_string_limit_are_printed_and_read_back():
    x = 10 ** 7999 + 12345
    assert format_integer(x) == "1" + "0" * 7994 + "12345"
    assert parse_integer(format_integer(-x), max_digits=10_000) == -x
    assert format_exact(Fraction(1, x)) == "1/" + format_integer(x)
    with pytest.raises(TooLargeError, match="digits exactfair prints"):
        format_integer(10 ** (MAX_PRINT_DIGITS + 10))
    with pytest.raises(TooLargeError, match="limit is 10"):
        parse_integer("1" * 11, max_digits=10)


def test_a_valid_game_with_8000_digit_rewards_renders_in_every_format():
    a, b = Fraction(1, 10 ** 3999 + 1), Fraction(1, 10 ** 3999 + 3)
    game = Game.from_bitmask_values([0, a, b, a + b + 1], players=["a", "b"])
    table = balanced_reciprocity(game)
    assert table == balanced_reciprocity(game, method="fast")
    # j = a: m_b = v_ab − v_a + v_b < m_a = v_ab, so k = a gets v_ab and b gets v_ab − v_a + v_b
    assert (table["a", ("a", "b")], table["b", ("a", "b")]) == (a + b + 1, 2 * b + 1)
    for fmt in ("text", "markdown", "latex", "json"):
        text = table.render(fmt)
        assert format_integer((10 ** 3999 + 1) * (10 ** 3999 + 3)) in text, fmt
        assert format_integer((a + b + 1).numerator) in text, fmt


# ------------------------------------------------------------------------------------ the real command (CLI)

def _game_json(values, players) -> str:
    return json.dumps({"players": players, "values": [format_exact(Fraction(x)) for x in values]})


def _near_half(d: int) -> list:
    return [0] + [Fraction(d // 2 + k, d) for k in (1, 2, 5, 6, 7, 9, 12)]


CLI_FILES = {
    "wrap.json": _game_json(_near_half(2 ** 62 + 2 ** 61 + 1), [1, 2, 3]),    # wrapped: false "not monotone"
    "huge_den.json": _game_json(_near_half(2 ** 63 + 1), [1, 2, 3]),         # OverflowError traceback
    "digits.json": _game_json([0, Fraction(1, 10 ** 3999 + 1), Fraction(1, 10 ** 3999 + 3), 1], ["a", "b"]),
    "tiny.py": "def f(C):\n    return 2.0 ** -70 * len(C)\n",
}

#: (name, argv, exit status, fragment of stdout, file that must exist afterwards)
CLI_TABLE = [
    ("check near 2^63", ["check", "wrap.json"], 0, "F4  holds", None),
    ("check past 2^63", ["check", "huge_den.json", "--format", "json"], 0, '"holds": true', None),
    ("rewards npz past 2^63", ["rewards", "huge_den.json", "--format", "npz", "-o", "t.npz"], 0, "", "t.npz"),
    ("valuate npz with 2^-70", ["valuate", "tiny:f", "--n", "2", "-o", "g.npz", "--quiet"], 0, "written: g.npz",
     "g.npz"),
    ("8000-digit rewards as text", ["rewards", "digits.json"], 0, format_integer((10 ** 3999 + 1) * (10 ** 3999 + 3)),
     None),
    ("8000-digit rewards as LaTeX", ["rewards", "digits.json", "--format", "latex"], 0, r"\frac", None),
    ("8000-digit rewards, check", ["check", "digits.json"], 0, "all axioms hold", None),
    ("8000-digit rewards, grand only", ["rewards", "digits.json", "--grand-only"], 0, "M_b", None),
]


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sizes")
    for name, text in CLI_FILES.items():
        (tmp / name).write_text(text)
    return tmp, run_all(CLI_TABLE, tmp)


@pytest.mark.parametrize("name, argv, status, fragment, created", CLI_TABLE, ids=[row[0] for row in CLI_TABLE])
def test_cli_is_exact_at_every_size(cli_runs, name, argv, status, fragment, created):
    tmp, out = cli_runs
    code, stdout, stderr, _ = out[name]
    assert code == status, stderr
    assert stderr == "" and fragment in stdout
    if created:
        assert (tmp / created).exists()


def test_cli_files_hold_the_exact_values(cli_runs):
    tmp, _ = cli_runs
    g = read_game(tmp / "g.npz")
    assert g.values == (0, Fraction(1, 2 ** 70), Fraction(1, 2 ** 70), Fraction(2, 2 ** 70))
    saved = np.load(tmp / "t.npz")
    den = int(saved["denominator"].tolist())
    game = read_game(tmp / "huge_den.json")
    table = balanced_reciprocity(game)
    assert [[Fraction(int(x), den) for x in row] for row in saved["numerators"].tolist()] == \
        [list(r) for r in table.rewards]
