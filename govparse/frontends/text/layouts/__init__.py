"""The layouts a table is written in as text, one module each, and which one a table uses.

Each module has ``NAME``, ``matches(counts)`` (do the table's lines look like this
layout?) and ``rows(lines, sink)`` (the table's rows, with the layout's artefacts
removed: border pipes, trailing separators, indentation). The layout is decided for
each table before its rows are made; a new layout is a new module here and a place
in ``LAYOUTS``.
"""

from __future__ import annotations

from govparse.frontends.text.layouts import cells, markdown, pipe, spaced, tab
from govparse.frontends.text.lines import PIPES, CellLine, SeparatorLines, bordered

# Tried in this order: the first that matches is the table's layout (tab matches all).
LAYOUTS = (markdown, pipe, cells, spaced, tab)


class LineCounts:
    """What deciding a layout looks at: how many lines have separators, how many a
    pipe, how many are one indented cell, how many start with a border pipe; how
    many have no separator, and of those how many a figure after a blank."""

    __slots__ = ("separated", "piped", "one_cell", "bordered", "plain", "spaced")

    def __init__(self, lines: list[CellLine | SeparatorLines]) -> None:
        # (counted in locals, set once: a count an attribute was most of a line's cost)
        separated = piped = one_cell = bordered_lines = 0
        plain = spaced_lines = 0  # lines without separators; of them, with a figure
        for ln in lines:
            if type(ln) is CellLine and not ln.separators:
                plain += 1
                spaced_lines += spaced.has_figure_after_blank(ln.pieces[0][1])  # (its one cell)
            elif type(ln) is SeparatorLines:
                separated += ln.count
                piped += ln.piped
                one_cell += ln.single  # a line of separators only is indented
                bordered_lines += ln.piped
            elif ln.separators:
                separated += 1
                has_pipe = not PIPES.isdisjoint(ln.separators)
                piped += has_pipe
                one_cell += ln.indented and len(ln.separators) == 1
                # a line of separators only is no sign either way (as SeparatorLines)
                bordered_lines += has_pipe and (bordered(ln) or not ln.has_text)
        self.separated, self.piped, self.one_cell = separated, piped, one_cell
        self.bordered, self.plain, self.spaced = bordered_lines, plain, spaced_lines


def detect_layout(lines: list[CellLine | SeparatorLines]):
    """The layout module the table's lines are written in."""
    counts = LineCounts(lines)
    return next(layout for layout in LAYOUTS if layout.matches(counts))
