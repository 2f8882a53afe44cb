"""The layouts a table is written in as text, one module each, and which one a table uses.

Each module has ``NAME``, ``matches(counts)`` (do the table's lines look like this
layout?) and ``rows(lines, sink)`` (the table's rows, with the layout's artefacts
removed: border pipes, trailing separators, indentation). The layout is decided for
each table before its rows are made; a new layout is a new module here and a place
in ``LAYOUTS``.
"""

from __future__ import annotations

from operator import attrgetter

from govparse.frontends.text.layouts import cells, markdown, pipe, spaced, tab
from govparse.frontends.text.lines import CellLine, SeparatorLines

# Tried in this order: the first that matches is the table's layout (tab matches all).
LAYOUTS = (markdown, pipe, cells, spaced, tab)


class LineCounts:
    """What deciding a layout looks at: how many lines have separators, how many a
    pipe, how many are one indented cell, how many start with a border pipe; how
    many have no separator, and of those how many a figure after a blank."""

    __slots__ = ("separated", "piped", "one_cell", "bordered", "plain", "spaced")

    def __init__(self, lines: list[CellLine | SeparatorLines]) -> None:
        # Each line's signs were told as its pieces were read (lines.layout_signs),
        # once while the same line keeps coming; SeparatorLines count their lines'.
        # The counts are their sums, taken in C.
        (self.separated, self.piped, self.one_cell, self.bordered, self.plain,
         self.spaced) = [sum(signs) for signs in zip(*map(_signs, lines))] or [0] * 6


_signs = attrgetter("signs")


def detect_layout(lines: list[CellLine | SeparatorLines]):
    """The layout module the table's lines are written in."""
    counts = LineCounts(lines)
    return next(layout for layout in LAYOUTS if layout.matches(counts))
