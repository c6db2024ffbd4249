"""Reward mechanisms: pure functions ``Game -> RewardTable``."""

from .balanced_reciprocity import balanced_reciprocity, trace_coalition
from .rho_shapley import rho_shapley
from .shapley import shapley, shapley_value

__all__ = ["balanced_reciprocity", "trace_coalition", "rho_shapley", "shapley", "shapley_value", "MECHANISMS"]

#: Mechanisms by their CLI name.
MECHANISMS = {
    "balanced-reciprocity": balanced_reciprocity,
    "shapley": shapley,
    "rho-shapley": rho_shapley,
}
