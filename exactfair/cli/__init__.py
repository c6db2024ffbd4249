"""Command-line interface: ``exactfair <command>``, one module per command.

Each command is a module of this package with ``add_parser(command)`` (its options) and ``run(args)`` (the exit
status); :data:`COMMANDS` lists them in the order ``--help`` shows. To add a command, write such a module and add
it there. What they share (option types, loading a game, ``--repair``, refusing to overwrite inputs) is in
:mod:`exactfair.cli.common`.

May import: core, mechanisms, axioms, kernel, smt, symbolic, data, fairsets, claims.

Exit status: 0 success (``check``: every axiom holds), 1 ``check`` found a
violated axiom, 2 bad input (one-line message on stderr, nothing written).
"""

from __future__ import annotations

import argparse
import signal
import sys
from typing import Sequence

from ..core.errors import ExactfairError, InexactValueError, UserCodeError
from . import bargain, check, claims, explore, prove, rewards, search, valuate
from .common import MECHANISM_HELP, _error, _Parser

__all__ = ["main", "build_parser", "COMMANDS", "MECHANISM_HELP"]

#: The commands, in the order ``exactfair --help`` lists them: name → module with ``add_parser`` and ``run``.
COMMANDS = {"rewards": rewards, "check": check, "prove": prove, "search": search, "claims": claims,
            "explore": explore, "valuate": valuate, "bargain": bargain}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests).

    >>> build_parser().parse_args(['rewards', 'example1']).mechanism
    'balanced-reciprocity'
    """
    parser = _Parser(
        prog="exactfair",
        description="Compute and verify fair reward mechanisms for cooperative games, exactly.")
    parser.add_argument("--debug", action="store_true",
                        help="on an error, also print the traceback (of your own code, when it raised)")
    debug = argparse.ArgumentParser(add_help=False)
    debug.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    def command(name: str, **options) -> argparse.ArgumentParser:
        """A subcommand (each takes --debug too, after its name)."""
        return sub.add_parser(name, parents=[debug], **options)

    for module in COMMANDS.values():
        module.add_parser(command)
    return parser


class _Terminated(BaseException):
    """Raised in the main thread by SIGTERM, so that clean-up (workers, temporary files) runs."""


def _raise_terminated(signum, frame) -> None:
    raise _Terminated()


def _main_thread() -> bool:
    import threading
    return threading.current_thread() is threading.main_thread()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``exactfair`` command.

    >>> main(['rewards', 'theorem5', '--min-size', '3'])
    C    {1,2,3}
    M_1  3
    M_2  5
    M_3  6
    0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _raise_terminated) if _main_thread() else None
    try:
        return _run(args, parser)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Run the command; every error ends in one line on stderr (with ``--debug``, a traceback before it)."""
    import traceback

    try:
        if args.command in COMMANDS:
            return COMMANDS[args.command].run(args)
    except UserCodeError as exc:
        if args.debug:
            sys.stderr.write(exc.user_traceback)
            return _error(str(exc))
        return _error(f"{exc}; rerun with --debug for its traceback")
    except (ExactfairError, InexactValueError, KeyError, ValueError) as exc:
        if args.debug:
            traceback.print_exc()
        return _error(exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc))
    except OSError as exc:
        return _error(str(exc))
    except MemoryError:
        return _error("out of memory; try a smaller game or --grand-only")
    except RecursionError:
        return _error("input nested too deeply")
    except KeyboardInterrupt:
        print("exactfair: interrupted", file=sys.stderr)
        return 130
    except _Terminated:
        print("exactfair: terminated", file=sys.stderr)
        return 143
    except Exception as exc:                            # a defect of exactfair's own: still one line
        if args.debug:
            traceback.print_exc()
        return _error(f"internal error: {type(exc).__name__}: {exc}; please report it (rerun with --debug for the "
                      "traceback)", 1)
    parser.error(f"unknown command {args.command!r}")
    return 2

