"""``spaced``: one row a line, cells parted by blanks only, as PDF tools, copy-paste
out of a PDF viewer and converters of tables without borders print them
(``pdftotext -layout``, w3m): ``规章      0      0      3``,
``一、本年新收政府信息公开申请数量 95 0 0 0 0 0 95``.

A line's words are its runs of text without a blank. Each word that reads as a
figure (a number, with a unit or a sign; a placeholder) is a cell of its own; the
other words are labels, words parted by a single blank one label (``1. 属于…``),
by two blanks or more two (``（三）不  4.保护第三方合法权益``). Every cell keeps its
horizontal extent on the line (display columns: a CJK character is two wide), so that
the core can place the figures of a row that is short of one by the header cells
above them (GP316), and otherwise says it cannot (GP314).

Chosen for a table none (or hardly any) of whose lines has a tab or a pipe, and one
of which at least holds a figure after a blank (the review table's one row).
"""

from __future__ import annotations

import functools
import re
from typing import Iterator

from govparse.core.cells import LABEL, Cell, classify
from govparse.diagnostics import DiagnosticSink
from govparse.frontends.text.lines import CellLine, SeparatorLines, display_columns

NAME = "spaced"
_WORD = re.compile(r"[^\s\u3000]+")


@functools.cache
def _figure_after_blank() -> re.Pattern:
    return re.compile(r"[\s\u3000][-+]?[0-9０-９]")


def has_figure_after_blank(text: str) -> bool:
    """What makes a line of a spaced table: a figure after a blank."""
    return _figure_after_blank().search(text) is not None


def matches(counts) -> bool:
    return counts.spaced >= 1 and counts.separated * 10 <= counts.plain


def rows(lines: list[CellLine | SeparatorLines], sink: DiagnosticSink
         ) -> Iterator[tuple[Cell, ...]]:
    for index, ln in enumerate(lines):
        lines[index] = None  # the line goes as its row is made (a large table)
        if type(ln) is SeparatorLines or not ln.filled:
            continue
        if ln.separators:  # (a stray tab: its cells as the tab layout has them)
            yield ln.cells
            continue
        (cell,) = ln.filled
        yield tuple(_cells(cell.text, ln.line, cell.column))


def _cells(text: str, line: int, column: int) -> list[Cell]:
    """The cells of a line's text, which starts at ``column`` of ``line``."""
    cells: list[Cell] = []
    label: list[re.Match] = []  # the words of the label being read
    display = display_columns(text, column - 1)
    for word in _WORD.finditer(text):
        read = classify(word.group(), line, column + word.start())
        if read.kind == LABEL:
            if label and text[label[-1].end():word.start()] != " ":
                cells.append(_label(label, text, line, column, display))
                label = []
            label.append(word)
            continue
        if label:
            cells.append(_label(label, text, line, column, display))
            label = []
        read.x = (display[word.start()], display[word.end()])
        cells.append(read)
    if label:
        cells.append(_label(label, text, line, column, display))
    return cells


def _label(words: list[re.Match], text: str, line: int, column: int, display) -> Cell:
    start, end = words[0].start(), words[-1].end()
    cell = Cell(LABEL, text[start:end], line, column + start)
    cell.x = (display[start], display[end])
    return cell
