"""exactfair — compute and verify fair reward mechanisms for cooperative games, exactly.

>>> from exactfair import examples, balanced_reciprocity
>>> print(balanced_reciprocity(examples.example1()).to_text(coalitions=[(1, 2, 3, 4)]))
C    {1,2,3,4}
M_1  5
M_2  5
M_3  8
M_4  9
"""

from . import _aliases

_aliases.install()                       # old import paths (0.1) keep working: CHANGELOG.md

from .data import examples
from .smt import lemmas as _paper_lemmas  # noqa: F401  registers the paper's lemmas in the kernel's LEMMAS (kernel.lemma)
from .axioms import AXIOMS, Axiom, get_axiom
from .axioms import logic
from .axioms.check import AxiomResult, Violation, check_axiom, check_axioms, check_pair
from .data.choose import reward_table
from .claims.api import Claim, all_n, prove
from .claims.explore import Landscape, explore
from .axioms.registry import Mechanism, define_axiom, define_mechanism
from .core.errors import (
    ExactfairError, GameDefinitionError, GameFileError, InexactValueError, NotMonotoneError, TooLargeError,
    UndecidedComparisonError,
)
from .core.exact import to_exact
from .core.game import Game, PropertyResult
from .data.io import read_game
from .mechanisms import (
    MECHANISMS, balanced_reciprocity, banzhaf, equal_split, rho_shapley, shapley, shapley_value, trace_coalition,
)
from .core.table import RewardTable

__version__ = "0.1.0"

__all__ = [
    "Game", "PropertyResult", "RewardTable", "read_game", "to_exact",
    "balanced_reciprocity", "trace_coalition", "shapley", "shapley_value", "rho_shapley", "banzhaf",
    "equal_split", "MECHANISMS", "reward_table",
    "AXIOMS", "Axiom", "get_axiom", "check_axiom", "check_axioms", "check_pair", "AxiomResult", "Violation",
    "ExactfairError", "GameDefinitionError", "GameFileError", "InexactValueError", "NotMonotoneError",
    "TooLargeError", "UndecidedComparisonError", "examples",
    "Claim", "prove", "all_n", "define_axiom", "define_mechanism", "Mechanism", "logic", "explore", "Landscape",
]

_aliases.protect()                       # e.g. the old module path exactfair.explore never hides the function


def __getattr__(name: str):
    """``exactfair.game`` and the other old module paths as attributes, as in 0.1 (CHANGELOG.md)."""
    return _aliases.attribute(__name__, name)
