"""Calling the user's code: whatever it raises becomes one :class:`~exactfair.core.errors.UserCodeError`.

A value function, a claims file, the functions given to ``define_axiom``/``define_mechanism`` are
code the user wrote.  When it raises (anything but an interruption), the error says what ran, on
what (``for v({a,b})``, ``at n = 4, C = {1,2}``), which exception with its message, and where in the
user's file; the user's own traceback travels with it (``exactfair --debug`` prints it), and the
original exception is its ``__cause__``.  ``SystemExit`` from user code is an error too (a module
calling ``sys.exit()`` on import must not end the command silently); ``KeyboardInterrupt`` and the
command's termination pass through untouched.  This module depends only on the errors.
"""

from __future__ import annotations

import functools
import hashlib
import os
import traceback
import types
from typing import Any, Callable, Iterator

from .errors import ExactfairError, UserCodeError

__all__ = ["call_user", "iter_user", "user_error", "describe_callable", "code_fingerprint", "run_user_file"]

#: Longest exception message quoted in the one-line error (the rest is in the --debug traceback).
_MESSAGE_LIMIT = 300


def describe_callable(fn: Any) -> str:
    """``module:qualname`` of a callable (how errors and caches name a user's function).

    >>> describe_callable(describe_callable)
    'exactfair.core.usercode:describe_callable'
    """
    target = getattr(fn, "func", fn)                     # functools.partial
    module = getattr(target, "__module__", None) or type(target).__module__
    name = getattr(target, "__qualname__", None) or type(target).__qualname__
    return f"{module}:{name}"


#: Types whose ``repr`` is stable across runs (fingerprinted by value).
_PLAIN = (type(None), bool, int, float, complex, str, bytes, type(Ellipsis))


def _digest_value(value: Any, out: "hashlib._Hash") -> bool:
    """Feed a constant, default or bound argument into the hash; False when it has no stable form."""
    if isinstance(value, types.CodeType):
        _digest_code(value, out)
    elif isinstance(value, _PLAIN):
        out.update(f"{type(value).__name__}:{value!r};".encode())
    elif isinstance(value, (tuple, list)):
        out.update(f"{type(value).__name__}[".encode())
        if not all(_digest_value(x, out) for x in value):
            return False
        out.update(b"]")
    elif isinstance(value, (frozenset, set)):                 # iteration order varies between runs: sort
        out.update(repr(sorted(repr(x) for x in value)).encode())
    elif isinstance(value, dict):
        out.update(b"{")
        for key in sorted(value, key=repr):
            if not (_digest_value(key, out) and _digest_value(value[key], out)):
                return False
        out.update(b"}")
    else:
        return False
    return True


def _digest_code(code: types.CodeType, out: "hashlib._Hash") -> None:
    out.update(code.co_code)
    out.update(repr((code.co_names, code.co_varnames, code.co_freevars, code.co_cellvars, code.co_argcount,
                     code.co_kwonlyargcount, code.co_flags)).encode())
    for const in code.co_consts:
        _digest_value(const, out)


def code_fingerprint(fn: Any) -> str | None:
    """A hash of what a function computes, stable across runs: its byte code, constants, names and defaults
    (nested functions included; line numbers and file name left out), and the bound arguments of a
    ``functools.partial``.  None when there is no code to hash or a part has no stable form (a builtin, a
    callable object, an argument that is not plain data).  Globals and closure values are not part of it.

    >>> code_fingerprint(lambda C: len(C)) == code_fingerprint(lambda C: len(C))
    True
    >>> code_fingerprint(lambda C: len(C)) == code_fingerprint(lambda C: 2 * len(C)), code_fingerprint(len)
    (False, None)
    """
    out = hashlib.sha256()
    target = fn
    if isinstance(fn, functools.partial):
        if not (_digest_value(fn.args, out) and _digest_value(dict(fn.keywords), out)):
            return None
        target = fn.func
    code = getattr(target, "__code__", None)
    if not isinstance(code, types.CodeType):
        return None
    _digest_code(code, out)
    defaults = (getattr(target, "__defaults__", None), getattr(target, "__kwdefaults__", None))
    if not _digest_value(defaults, out):
        return None
    return out.hexdigest()[:32]


def _source_file(fn: Any) -> str | None:
    code = getattr(getattr(fn, "func", fn), "__code__", None)
    return code.co_filename if code is not None else None


def user_error(what: str, exc: BaseException, *, context: str = "", file: str | None = None,
               skip: int = 1) -> UserCodeError:
    """The :class:`UserCodeError` for ``exc``, raised while running ``what`` (``context``: on what).

    ``skip`` frames of exactfair's own (the caller's) are left out of the traceback; ``file`` is the
    user's file: the traceback starts at its first frame (leaving out library frames such as ``runpy``'s),
    and its innermost frame gives the line named (otherwise the first frame of user code).

    >>> def f(C):
    ...     return {}[C]
    >>> try:
    ...     call_user(f, "x", what="the value function f", context="for v({x})")
    ... except UserCodeError as e:
    ...     print(str(e).split(" (")[0])
    the value function f for v({x}) raised KeyError: 'x'
    """
    tb = exc.__traceback__
    for _ in range(skip):
        if tb is not None:
            tb = tb.tb_next
    file = os.path.abspath(file) if file else None
    start = tb                                           # the traceback starts at the user's file, if it is in it
    while file is not None and start is not None and os.path.abspath(start.tb_frame.f_code.co_filename) != file:
        start = start.tb_next
    tb = start or tb
    frames = traceback.extract_tb(tb)
    where = None
    if isinstance(exc, SyntaxError) and exc.filename:
        where = (exc.filename, exc.lineno)
    elif frames:
        mine = [f for f in frames if file is not None and os.path.abspath(f.filename) == file]
        frame = mine[-1] if mine else frames[0]
        where = (frame.filename, frame.lineno)
    if isinstance(exc, SystemExit):
        detail = f"exit status {exc.code!r}"
    elif isinstance(exc, SyntaxError):
        detail = exc.msg or ""                           # str() repeats the file and line named below
    else:
        detail = str(exc)
    if len(detail) > _MESSAGE_LIMIT:
        detail = detail[:_MESSAGE_LIMIT] + "…"
    what = f"{what} {context}" if context else what
    if isinstance(exc, ExactfairError):                  # exactfair refused something the user's code asked for
        message = f"{what}: {detail}"
    else:
        message = f"{what} raised {type(exc).__name__}" + (f": {detail}" if detail else "")
    if where is not None:
        message += f" ({_shown(where[0])}, line {where[1]})"
    text = "".join(traceback.format_exception(type(exc), exc, tb))
    return UserCodeError(message, text)


def _shown(path: str) -> str:
    """A file as the user would write it: relative to the working directory when it lies below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative


def call_user(fn: Callable, *args: Any, what: str, context: str | Callable[[], str] = "",
              file: str | None = None) -> Any:
    """``fn(*args)``; an exception from it (or ``SystemExit``) is raised as a :class:`UserCodeError`.

    ``context`` (text, or a function giving it, called only on failure) says on what ``fn`` ran.

    >>> call_user(len, "abc", what="len")
    3
    >>> call_user(lambda: 1 / 0, what="my function", context="at n = 4")
    Traceback (most recent call last):
    ...
    exactfair.core.errors.UserCodeError: my function at n = 4 raised ZeroDivisionError: division by zero (<doctest exactfair.core.usercode.call_user[1]>, line 1)
    """
    try:
        return fn(*args)
    except UserCodeError:
        raise
    except (Exception, SystemExit) as exc:
        text = context() if callable(context) else context           # built only when something failed
        raise user_error(what, exc, context=text, file=file or _source_file(fn)) from exc


def iter_user(fn: Callable, *args: Any, what: str, context: str = "") -> Iterator[Any]:
    """The items of the iterable ``fn(*args)``, each step guarded like :func:`call_user` (a generator of the
    user's can raise at any item).

    >>> def items(n):
    ...     yield 1
    ...     raise ValueError("no second item")
    >>> list(iter_user(items, 2, what="instances"))
    Traceback (most recent call last):
    ...
    exactfair.core.errors.UserCodeError: instances raised ValueError: no second item (<doctest exactfair.core.usercode.iter_user[0]>, line 3)
    """
    file = _source_file(fn)
    result = call_user(fn, *args, what=what, context=context, file=file)
    try:
        iterator = iter(result)
    except TypeError:
        where = f"{what} {context}" if context else what
        raise UserCodeError(f"{where} returned {result!r}, not an iterable (of formulas)") from None
    while True:
        try:
            item = next(iterator)
        except StopIteration:
            return
        except (Exception, SystemExit) as exc:
            raise user_error(what, exc, context=context, file=file) from exc
        yield item


def run_user_file(spec: str, what: str) -> tuple[str, str, dict]:
    """Run the Python file of ``FILE.py:NAME`` (code the user asked to run, like a test file) and return
    ``(path, NAME, its namespace)``; a missing file or a failure in it is one error naming the file and line.

    >>> run_user_file("no/such/file.py:X", "claims")
    Traceback (most recent call last):
    ...
    exactfair.core.errors.ExactfairError: no such claims file: no/such/file.py
    """
    import runpy

    path, _, name = spec.rpartition(":")
    if not path.endswith(".py") or not name:
        raise ExactfairError(f"expected FILE.py:NAME for your own {what}, got {spec!r}")
    if not os.path.isfile(path):
        raise ExactfairError(f"no such {what} file: {path}")
    namespace = call_user(lambda: runpy.run_path(path, run_name=f"exactfair_{what}_file"),
                          what=f"the {what} file {path}", file=os.path.abspath(path))
    return path, name, namespace
