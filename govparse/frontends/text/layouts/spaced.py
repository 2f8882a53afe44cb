"""``spaced``: one row a line, cells parted by blanks only, as PDF tools, copy-paste
out of a PDF viewer and converters of tables without borders print them
(``pdftotext -layout``, w3m): ``规章      0      0      3``,
``一、本年新收政府信息公开申请数量 95 0 0 0 0 0 95``.

A line's words are its runs of text without a blank. Each word that reads as a
figure (a number, with a unit or a sign; a placeholder) is a cell of its own; the
other words are labels, words parted by a single blank one label (``1. 属于…``),
by two blanks or more two (``（三）不  4.保护第三方合法权益``), and two column headers
parted by one blank two as well (``自然人 法人或其他组织 总计``). Every cell keeps its
horizontal extent on the line (display columns: a CJK character is two wide), so that
the core can place the figures of a row that is short of one by the header cells
above them (GP316), and otherwise says it cannot (GP314).

Chosen for a table none (or hardly any) of whose lines has a tab or a pipe, and one
of which at least holds a figure after a blank (the review table's one row).
"""

from __future__ import annotations

from typing import Iterator

from govparse.core.cells import EMPTY, LABEL, Cell, new_cell
from govparse.diagnostics import DiagnosticSink
from govparse.frontends.text.lines import (CellLine, MarkedLine, SeparatorLines, char_width,
                                           display_width, reading, remembered, remembered_width)

NAME = "spaced"


def matches(counts) -> bool:
    return counts.spaced >= 1 and counts.separated * 10 <= counts.plain


def rows(lines: list[CellLine | SeparatorLines], sink: DiagnosticSink
         ) -> Iterator[tuple[Cell, ...]]:
    for index, ln in enumerate(lines):
        lines[index] = None  # the line goes as its row is made (a large table)
        if type(ln) is SeparatorLines:
            continue
        if ln.separators:  # (a stray tab: its cells as the tab layout has them)
            if ln.has_text:
                yield ln.cells
            continue
        # A line with no separator is one piece, split here by its blanks (the
        # line's own cell is not made): its text starts after the blanks before it.
        kind, text, blanks, _, _ = ln.pieces[0]
        if kind == EMPTY:
            continue
        if type(ln) is MarkedLine:
            # (a converter's markup taken away: each word where the source has it, so
            # that its column is the source's and it lines up with the header's words
            # as the writer aligned them, markup and all)
            from govparse.frontends.text.markup import aligned_without_markup

            aligned, source, marked = aligned_without_markup(ln.raw, char_width)
            if source is not None:
                first = len(aligned) - len(aligned.lstrip())
                cells = _cells(aligned.strip(), ln.line, ln.column + first)
                for cell in cells:  # (located in the source's columns)
                    at = cell.column - ln.column
                    cell.column = ln.column + source[at]
                    if at in marked and cell.x is not None:
                        # (its extent from its markup's start: the writer may have
                        # aligned the cell by it, [9]{…} under 商业企业 one column left)
                        cell.x = (ln.column - 1 + marked[at], cell.x[1])
                yield tuple(cells)
                continue
        yield tuple(_cells(text, ln.line, ln.column + blanks))


def _two_headers(label: str, word: str) -> bool:
    """Whether a word after one blank starts a header cell of its own: the label so far
    and the word are each a column's header (自然人 法人或其他组织 总计, as a converter
    prints a header line with one blank between its cells), and together no label."""
    from govparse.template.spec import every_table_label, label_key

    headers, labels = every_table_label()
    return (label_key(word) in headers and label_key(label) in headers
            and label_key(f"{label} {word}") not in labels)


# The one blank two display columns wide (every other blank is one: test_spaced_layout.py
# holds it).
_WIDE_BLANK = "\u3000"


def _cells(text: str, line: int, column: int) -> list[Cell]:
    """The cells of a line's text, which starts at ``column`` of ``line``."""
    cells: list[Cell] = []
    first = last = -1  # the label being read: where its first word starts, its last ends
    left_of_label = 0  # the display column where that label starts
    at, x = 0, column - 1  # a character of the text, and the display column it starts at
    # (the blanks before a word are as wide as they are long, but for ideographic spaces)
    wide_blanks = _WIDE_BLANK in text
    # The words: str.split's blanks are re's \s (str.isspace), and each word is found
    # from the end of the one before, the blanks between scanned in C (re's search for
    # \S+ tried a match at every blank of a line that is mostly blanks).
    for raw in text.split():
        start = text.find(raw, at)
        end = start + len(raw)
        x += start - at  # the blanks before the word
        if wide_blanks:
            x += text.count(_WIDE_BLANK, at, start)
        left, x = x, x + (end - start if raw.isascii()
                          else remembered_width(raw) or display_width(raw))
        at = end
        # (each word read as classify reads it, remembered: the same words come back)
        kind, body, _, value, unit = remembered(raw) or reading(raw)
        if kind == LABEL:
            if first >= 0:
                if start == last + 1 and text[last] == " " \
                        and not _two_headers(text[first:last], raw):
                    last, right_of_label = end, x  # one blank between two words: one label
                    continue
                cells.append(new_cell(LABEL, text[first:last], line, column + first, None,
                                      None, (left_of_label, right_of_label)))
            first, last, left_of_label, right_of_label = start, end, left, x
            continue
        if first >= 0:
            cells.append(new_cell(LABEL, text[first:last], line, column + first, None, None,
                                  (left_of_label, right_of_label)))
            first = -1
        cells.append(new_cell(kind, body, line, column + start, value, unit, (left, x)))
    if first >= 0:
        cells.append(new_cell(LABEL, text[first:last], line, column + first, None, None,
                              (left_of_label, right_of_label)))
    return cells
