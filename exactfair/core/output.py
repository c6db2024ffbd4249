"""Output files of the command line: never one of the inputs, never half written, no temporary file left.

:func:`refuse_overwriting` refuses an output that is one of the command's inputs (the game file, the
value-function module, the cache, another output of the same run), the source of any module the
process has imported (a claims file, exactfair's own code) or any path inside exactfair's package
directory (where a new ``.py`` file would become, or shadow, a module of exactfair), before anything runs.
:func:`write_atomically` writes through an *unnamed* temporary file (Linux ``O_TMPFILE``) that is
given a name only for the instant of the final rename: a run killed during the write — even by
SIGKILL, which runs no clean-up — leaves no temporary file, and a reader never sees a half-written
output.  Where ``O_TMPFILE`` is unavailable a named temporary file is used, removed on every exit path
that can run code.  The output keeps an existing file's mode, or gets the mode a new file gets under
the umask.  This module depends only on the errors.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .errors import ExactfairError

__all__ = ["refuse_overwriting", "write_atomically", "write_output"]


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _loaded_source(target: os.stat_result) -> str | None:
    """The module whose source file ``target`` is, among the modules imported so far."""
    for name, module in list(sys.modules.items()):
        source = getattr(module, "__file__", None)
        if not source:
            continue
        try:
            if _same_file(os.stat(source), target):
                return name
        except OSError:
            continue
    return None


_PACKAGE = Path(__file__).resolve().parents[1]          # exactfair/


def _inside_package(target: Path) -> str | None:
    """The module name a path inside exactfair's package directory stands for (or its relative path)."""
    try:
        relative = target.resolve().relative_to(_PACKAGE)
    except (OSError, ValueError, RuntimeError):
        return None
    if relative.suffix == ".py":
        parts = relative.with_suffix("").parts
        return "module " + ".".join(("exactfair", *(parts[:-1] if parts[-1] == "__init__" else parts)))
    return f"package directory (exactfair/{relative.as_posix()})"


def refuse_overwriting(target: str | Path, inputs: Sequence[str | Path | None] = (), option: str = "--output",
                       role: str = "the input file") -> None:
    """Refuse (:class:`~exactfair.core.errors.ExactfairError`) writing ``target`` when it is one of ``inputs``
    (by path, or the same file under another name; ``role`` says what they are) or the source of an
    imported module, or inside exactfair's package directory (even where no file exists yet).

    >>> refuse_overwriting("out.json", ["game.json"])
    >>> refuse_overwriting(__file__)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    exactfair.core.errors.ExactfairError: --output ... is the source of the module exactfair.core.output; choose another output file
    """
    target = Path(target)
    try:
        stat = target.stat()
    except OSError:
        stat = None
    for spec in inputs:
        if not spec:
            continue
        source = Path(spec)
        same = os.path.abspath(source) == os.path.abspath(target)
        if not same and stat is not None:
            try:
                same = _same_file(source.stat(), stat)
            except OSError:
                pass
        if same:
            raise ExactfairError(f"{option} {target} is {role} {spec}; choose another file")
    if stat is not None:
        if not target.is_file():
            raise ExactfairError(f"{option} {target} exists and is not a regular file")
        module = _loaded_source(stat)
        if module is not None:
            raise ExactfairError(f"{option} {target} is the source of the module {module}; choose another output file")
    inside = _inside_package(target)
    if inside is not None:
        what = (f"is inside exactfair's package: it is the source of the {inside} for Python's import system"
                if inside.startswith("module") else f"is inside exactfair's {inside}")
        raise ExactfairError(f"{option} {target} {what}; choose another output file")


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(output: str | Path, writer: Callable[[str], None]) -> None:
    """Write ``output`` through ``writer(path)`` (which opens ``path`` and writes the whole content), atomically.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "x.txt"
    >>> write_atomically(out, lambda p: Path(p).write_text("hello"))
    >>> out.read_text(), [p.name for p in out.parent.iterdir()]
    ('hello', ['x.txt'])
    """
    target = Path(output)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise ExactfairError(f"cannot write {target}: the directory {directory} does not exist")
    mode = _mode_for(target)
    try:
        fd = os.open(directory, os.O_TMPFILE | os.O_WRONLY, 0o600)
    except (AttributeError, OSError):                 # no O_TMPFILE here (another OS or file system)
        _write_named(target, directory, mode, writer)
        return
    try:
        writer(f"/proc/self/fd/{fd}")
        os.fchmod(fd, mode)
        _link_into_place(fd, target, directory)
    finally:
        os.close(fd)


def _link_into_place(fd: int, target: Path, directory: Path) -> None:
    """Give the unnamed file a name (for the instant of the rename) and rename it over ``target``."""
    name = directory / f".{target.name}.{os.getpid()}.{fd}.tmp"
    proc = os.open("/proc/self/fd", os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(str(fd), name, src_dir_fd=proc, follow_symlinks=True)
    finally:
        os.close(proc)
    try:
        os.replace(name, target)
    except BaseException:
        os.unlink(name)
        raise


def _write_named(target: Path, directory: Path, mode: int, writer: Callable[[str], None]) -> None:
    """The fallback: a named temporary file, removed on any failure or interruption that runs code."""
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    try:
        writer(tmp)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_output(text: "str | Iterable[str]", output: "str | Path | None", *, inputs: Sequence = (),
                 option: str = "--output") -> None:
    """Write text (or chunks of it) to stdout, or atomically to ``output`` (:func:`write_atomically`), ending
    with a newline.

    The output is never one of the ``inputs`` nor the source of an imported module (refused before anything
    is written); the file gets the mode an existing file had, or the mode a new file gets under the umask.

    >>> write_output("hello", None)
    hello
    """
    chunks = [text] if isinstance(text, str) else text
    if output is None:
        last = ""
        for chunk in chunks:
            sys.stdout.write(chunk)
            last = chunk or last
        if not last.endswith("\n"):
            sys.stdout.write("\n")
        return
    refuse_overwriting(output, inputs, option)

    def write_text(path: str) -> None:
        with open(path, "w", encoding="utf-8") as handle:
            last = ""
            for chunk in chunks:
                handle.write(chunk)
                last = chunk or last
            if not last.endswith("\n"):
                handle.write("\n")
    write_atomically(output, write_text)
