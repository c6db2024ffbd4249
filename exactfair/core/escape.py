"""Text from the user (player labels, file names, messages of their code) made safe for where it is printed.

Player labels are checked once, when a game is made (:func:`label_problem`): no control, format or
line-separator characters, so a label can never break a table row or an error message into lines
(or forge a "Traceback" line, or a terminal escape).  What is still special in an output format is
escaped there: :func:`latex_text` for LaTeX (``\\input{…}`` in a label stays text),
:func:`markdown_text` for Markdown tables (``a|b`` stays one cell).  :func:`one_line` is the last
guard of the command line: whatever an error message holds, it is printed as one line.
This module depends on nothing else in exactfair.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["label_problem", "latex_text", "markdown_text", "one_line", "MAX_LABEL_DIGITS"]

#: Categories refused in labels and escaped in messages: controls (``\n``, ``\x1b``, …), format characters
#: (bidirectional overrides, zero-width characters), line and paragraph separators, surrogates.
_INVISIBLE = {"Cc", "Cf", "Zl", "Zp", "Cs"}
#: An int label may have at most this many digits (it is printed in every table and message).
MAX_LABEL_DIGITS = 4000

_LATEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
                  "^": r"\^{}", "_": r"\_", "%": r"\%", "~": r"\textasciitilde{}"}
_LATEX_PLAIN = re.compile(r"[A-Za-z0-9]*")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!#])")


def _invisible(ch: str) -> bool:
    return unicodedata.category(ch) in _INVISIBLE


def label_problem(label: object) -> str | None:
    """Why ``label`` cannot be a player label in printed output, or None when it can.

    >>> label_problem("H1"), label_problem(7)
    (None, None)
    >>> label_problem("a\\nb")
    "player label 'a\\\\nb' contains the control character U+000A; labels are printed in tables and messages, so use visible characters"
    """
    if isinstance(label, int):
        if label.bit_length() > MAX_LABEL_DIGITS * 3.33:
            return f"a player label is an int of more than {MAX_LABEL_DIGITS:,} digits; use a shorter label"
        return None
    if isinstance(label, str):
        for ch in label:
            if _invisible(ch):
                kind = {"Cc": "control", "Cf": "invisible formatting", "Zl": "line separator",
                        "Zp": "paragraph separator", "Cs": "surrogate"}[unicodedata.category(ch)]
                return (f"player label {label!r} contains the {kind} character U+{ord(ch):04X}; labels are printed "
                        "in tables and messages, so use visible characters")
    return None


def latex_text(label: object) -> str:
    """A label for LaTeX math mode: digits and ASCII letters as they are, anything else as escaped text.

    >>> latex_text(3), latex_text("H1"), latex_text(r"\\input{/etc/passwd}")
    ('3', 'H1', '\\\\mbox{\\\\textbackslash{}input\\\\{/etc/passwd\\\\}}')
    """
    text = str(label)
    if _LATEX_PLAIN.fullmatch(text):
        return text
    return r"\mbox{" + "".join(_LATEX_SPECIAL.get(ch, ch) for ch in text) + "}"


def markdown_text(text: object) -> str:
    """Text for a Markdown (GFM) table cell: the characters that make cells, links, emphasis, code or HTML
    backslash-escaped (CommonMark renders an escaped ASCII punctuation character as itself).

    >>> markdown_text("a|b"), markdown_text("<b>x</b>"), markdown_text("{1,2}")
    ('a\\\\|b', '\\\\<b\\\\>x\\\\</b\\\\>', '{1,2}')
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def one_line(message: str) -> str:
    """``message`` with every control, format or line-separator character written as an escape: one line.

    >>> one_line("bad\\nTraceback (most recent call last):")
    'bad\\\\nTraceback (most recent call last):'
    """
    if not any(_invisible(ch) for ch in message):
        return message
    escapes = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return "".join(escapes.get(ch, _escape(ord(ch))) if _invisible(ch) else ch for ch in message)


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
