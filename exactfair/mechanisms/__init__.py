"""Reward mechanisms: pure functions ``Game -> RewardTable``."""

from .balanced_reciprocity import balanced_reciprocity, trace_coalition
from .banzhaf import banzhaf, equal_split
from .rho_shapley import rho_shapley
from .shapley import shapley, shapley_value

__all__ = ["balanced_reciprocity", "trace_coalition", "rho_shapley", "shapley", "shapley_value", "banzhaf",
           "equal_split", "MECHANISMS"]

#: The built-in mechanisms by their CLI name (every registered mechanism, a user's own too, is also accepted
#: by name where a mechanism is asked for: :func:`exactfair.axioms.registry.get_mechanism`).
MECHANISMS = {
    "balanced-reciprocity": balanced_reciprocity,
    "shapley": shapley,
    "banzhaf": banzhaf,
    "equal-split": equal_split,
    "rho-shapley": rho_shapley,
}
