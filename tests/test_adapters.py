"""Games handed over from shapiq and pyDVL in one line; exact values equal theirs within float error."""

from fractions import Fraction

import numpy as np
import pytest

from exactfair import Game, banzhaf, shapley
from exactfair.errors import ExactfairError


# ----------------------------------------------------------------------------------------------- shapiq
def _soum():
    """A shapiq game: a constant 2.48 plus weighted unanimity games (v(∅) = 2.48, as shapiq's SOUM games)."""
    shapiq = pytest.importorskip("shapiq")

    class Unanimity(shapiq.Game):
        def __init__(self, normalize=False, **kwargs):
            self.basis = [(np.array([1, 1, 0, 0], bool), 1.5), (np.array([0, 0, 1, 0], bool), 0.25),
                          (np.array([1, 0, 1, 1], bool), 2.0)]
            super().__init__(n_players=4, normalize=normalize, **kwargs)

        def value_function(self, coalitions):
            out = np.full(coalitions.shape[0], 2.48)
            for members, weight in self.basis:
                out += weight * np.all(coalitions[:, members], axis=1)
            return out
    return shapiq, Unanimity


def test_shapiq_game_in_one_line_and_its_values():
    shapiq, Unanimity = _soum()
    game = Unanimity()
    with pytest.raises(ExactfairError, match=r"v\(∅\) = .* ≈ 2\.48 .*normalise_empty=True"):
        Game.from_shapiq(game)                                          # v(∅) is never silently 0
    exact = Game.from_shapiq(game, normalise_empty=True, floats="decimal:6")
    assert exact.players == (0, 1, 2, 3) and exact.metadata["empty_value"] == "62/25"
    assert exact[0, 1] == Fraction(3, 2) and exact[0, 1, 2, 3] == Fraction(15, 4)
    computer = shapiq.ExactComputer(n_players=4, game=game)
    sv, bv = computer("SV", 1), computer("BV", 1)
    for i in range(4):
        assert abs(float(shapley(exact)[i, (0, 1, 2, 3)]) - sv[(i,)]) < 1e-9
        assert abs(float(banzhaf(exact)[i, (0, 1, 2, 3)]) - bv[(i,)]) < 1e-9
    # hand-worked: Shapley of a unanimity game splits its weight among its members
    assert shapley(exact)[0, (0, 1, 2, 3)] == Fraction(3, 4) + Fraction(2, 3)


def test_shapiq_names_normalisation_cache_and_jobs(tmp_path):
    _, Unanimity = _soum()
    named = Unanimity(player_names=["w", "x", "y", "z"])
    game = Game.from_shapiq(named, normalise_empty=True, floats="decimal:6")
    assert game.players == ("w", "x", "y", "z")
    centred = Unanimity(normalize=True, normalization_value=2.48)      # shapiq's own normalisation is kept
    assert Game.from_shapiq(centred, floats="decimal:6") == game.__class__.from_scaled(
        (0, 1, 2, 3), game.numerators, game.denominator)
    cached = Game.from_shapiq(named, normalise_empty=True, floats="decimal:6", cache=tmp_path / "c.jsonl", jobs=2)
    assert cached == game and cached.metadata["computed"] == 16
    other = Unanimity(player_names=["w", "x", "y", "z"])
    other.basis[0] = (other.basis[0][0], 9.0)                            # another game: its cache is another's
    with pytest.raises(ExactfairError, match="holds the values of the value function"):
        Game.from_shapiq(other, normalise_empty=True, cache=tmp_path / "c.jsonl")
    with pytest.raises(ExactfairError, match="players= names 2 players, but the game has 4"):
        Game.from_shapiq(named, players=["a", "b"])


def test_not_a_shapiq_game():
    with pytest.raises(ExactfairError, match="from_shapiq needs a shapiq.Game"):
        Game.from_shapiq(lambda c: 1)


# ----------------------------------------------------------------------------------------------- pyDVL
def _owners_utility(groups=(0, 0, 1, 1, 1, 2, 2, 2, 2, 2)):
    pytest.importorskip("pydvl.valuation")
    from sklearn.datasets import load_iris
    from sklearn.linear_model import LogisticRegression

    from pydvl.valuation.dataset import Dataset, GroupedDataset
    from pydvl.valuation.scorers import SupervisedScorer
    from pydvl.valuation.utility import ModelUtility

    x, y = load_iris(return_X_y=True)
    rng = np.random.default_rng(0)
    order = rng.permutation(len(y))
    train, test = order[:30], order[30:]
    owner = np.array([groups[k % len(groups)] for k in range(len(train))])
    data = GroupedDataset(x[train], y[train], data_groups=owner, group_names=["H1", "H2", "H3"])
    test_data = Dataset(x[test], y[test])
    utility = ModelUtility(LogisticRegression(max_iter=500), SupervisedScorer("accuracy", test_data, default=0.0))
    return utility.with_dataset(data)


def test_pydvl_utility_in_one_line():
    utility = _owners_utility()
    from pydvl.valuation.types import Sample
    game = Game.from_pydvl(utility, floats="decimal:6")
    assert game.players == ("H1", "H2", "H3") and game.metadata["empty_value"] == "0"
    for coalition, indices in [(("H1",), [0]), (("H2", "H3"), [1, 2]), (("H1", "H2", "H3"), [0, 1, 2])]:
        expected = utility(Sample(None, np.array(indices)))
        assert abs(float(game[coalition]) - expected) < 1e-6


def test_pydvl_exact_shapley_agrees():
    utility = _owners_utility()
    from pydvl.valuation import DeterministicUniformSampler, NoStopping, ShapleyValuation
    game = Game.from_pydvl(utility)
    # the deterministic sampler enumerates every subset once; NoStopping lets it finish
    valuation = ShapleyValuation(utility, DeterministicUniformSampler(), NoStopping(), progress=False)
    valuation.fit(utility.training_data)
    theirs = valuation.values()
    ours = shapley(game).grand_coalition()
    for name, value in zip(theirs.names, theirs.values):
        assert abs(float(ours[str(name)]) - value) < 1e-9


def test_not_a_pydvl_utility():
    with pytest.raises(ExactfairError, match="from_pydvl needs a pyDVL utility with its training data"):
        Game.from_pydvl(lambda c: 1)
