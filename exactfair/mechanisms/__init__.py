"""Reward mechanisms: pure functions ``Game -> RewardTable``, computed exactly.

Algorithm 1 of the paper (:mod:`~exactfair.mechanisms.balanced_reciprocity`), Shapley, ρ-Shapley, Banzhaf
and equal split.  A mechanism here is an implementation; its *relation* (what the provers reason about)
is in :mod:`exactfair.axioms.relations`, and the registry that ties the two is
:mod:`exactfair.axioms.registry`.  To add a mechanism: a module here, then ``define_mechanism`` (or a
registry entry) with its relation.

May import: core.
"""

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
