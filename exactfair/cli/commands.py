"""The table commands' helpers under their earlier names (``exactfair.commands`` is an alias of this module).

Each command now has its own module (:mod:`exactfair.cli.rewards`, :mod:`~exactfair.cli.check`,
:mod:`~exactfair.cli.valuate`); what they share is in :mod:`exactfair.cli.common`.

May import: the cli modules beside it.
"""

from __future__ import annotations

from .check import certificate_lines
from .check import run as cmd_check
from .common import GAME_HELP, TEXT_MAX_N, apply_repair, chosen_mechanism, load_game
from .rewards import run as cmd_rewards
from .valuate import run as cmd_valuate

__all__ = ["load_game", "chosen_mechanism", "apply_repair", "cmd_rewards", "cmd_check", "cmd_valuate", "TEXT_MAX_N",
           "GAME_HELP", "certificate_lines"]
