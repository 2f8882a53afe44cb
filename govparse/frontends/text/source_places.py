"""What a report says stands somewhere in a text, said where the source has it.

The text front-end reads a text whose places it changed: tabs that align a
space-aligned text expanded to blanks at tab stops (tab_stops.py: each such line's
columns), and a form feed after text on its line opening a line of its own
(locations.line_ends_normalized: a PDF's text layer ends no page's last line, and its
last row and the next page's heading would be one line; every line after it one
down). The report's figures, organisation and year, sections, paragraphs and
diagnostics are moved back to the source's lines and columns, as an editor or
``grep -n`` counts them."""

from __future__ import annotations

import re
from typing import Callable, Container

import attrs

Place = tuple  # (line, column)


def moved_report(report, lines: Container[int], moved: Callable[[int, int | None], Place]):
    """The report with what stands on ``lines`` at the place ``moved(line, column)``
    gives."""

    def evolved(item, with_column: bool = True):
        if item.line not in lines:
            return item
        line, column = moved(item.line, item.column if with_column else None)
        if line == item.line and (not with_column or column == item.column):
            return item
        return attrs.evolve(item, line=line, column=column) if with_column \
            else attrs.evolve(item, line=line)

    figures = [(table, row, column, at)
               for table, row, column, figure in report.table_figures()
               if (at := evolved(figure)) is not figure]
    if figures:
        report = report.replace_figures(figures)
    sections = tuple(attrs.evolve(evolved(s, with_column=False),
                                  paragraphs=tuple(map(evolved, s.paragraphs)))
                     for s in report.sections)
    def with_figures(diagnostic):
        """A diagnostic, and the figures it is about, where the source has them."""
        diagnostic = evolved(diagnostic)
        if not any(f.line in lines for f in diagnostic.figures):
            return diagnostic
        figures = []
        for f in diagnostic.figures:
            if f.line in lines:
                line, col = moved(f.line, f.col)
                f = attrs.evolve(f, line=line, col=col)
            figures.append(f)
        return attrs.evolve(diagnostic, figures=tuple(figures))

    return attrs.evolve(
        report, organization=evolved(report.organization), year=evolved(report.year),
        preamble=tuple(map(evolved, report.preamble)), sections=sections,
        diagnostics=tuple(map(with_figures, report.diagnostics)))


def in_source_lines(report, lines: tuple):
    """The report with what stands on the lines a form feed moved (``lines``:
    locations.lines_moved_by_form_feeds') put back on the source's: its line, and
    its column after the text before the form feed."""
    where = {line: (source, before) for line, source, before in lines}

    def moved(line: int, column: int | None) -> Place:
        source, before = where[line]
        return source, column + before if column is not None else None

    def line_of(number: re.Match) -> str:
        line = int(number.group())
        return str(where[line][0]) if line in where else number.group()

    def lines_of(named: re.Match) -> str:
        return named.group(1) + _NUMBER.sub(line_of, named.group(2))

    report = moved_report(report, where, moved)
    # (the lines a diagnostic's message names too: "(line 156)", "on lines 61 and 62")
    return attrs.evolve(report, diagnostics=tuple(
        attrs.evolve(d, message=_NAMED_LINES.sub(lines_of, d.message))
        if _NAMED_LINES.search(d.message) else d for d in report.diagnostics))


# The line numbers a message names: "(line 156)", "on lines 61 and 62", "lines 40 to
# 42", "(lines 2, 3)"
_NAMED_LINES = re.compile(r"\b(lines? )(\d+(?:(?:, and |, | and | to )\d+)*)")
_NUMBER = re.compile(r"\d+")
