"""The template's tables placed on a grid of text, as converters and PDF tools lay a
table out: each spanning cell (govparse/emit/spanned.py) at its grid row and column,
the columns' widths in display columns (a CJK character is two wide), text wrapped
inside a cell as w3m wraps it. The ``grid`` layout (w3m's box-drawing grid) and the
``aligned`` layout (``pdftotext -layout``'s space-aligned columns) draw from it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from govparse.emit.rendering import char_width, display_width
from govparse.emit.spanned import Spanned

# What a line may not be broken inside: a run of letters, digits and the marks a
# figure or a numbering holds (1., 246900元 keeps its digits together, 3.50).
_WORD = re.compile(r"[0-9A-Za-z.+\-%]+|\s+|.", re.S)


class Placed(NamedTuple):
    """A cell at its place: grid row and column, spans, its text."""

    row: int
    column: int
    rowspan: int
    colspan: int
    text: str


def place(rows: list[list[Spanned]]) -> list[Placed]:
    """Each cell of rows written as HTML writes them at its grid place (the places
    a span covers skipped, as a browser does)."""
    placed: list[Placed] = []
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        column = 0
        for cell in row:
            while (r, column) in covered:
                column += 1
            placed.append(Placed(r, column, cell.rowspan, cell.colspan, cell.text))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    covered.add((r + dr, column + dc))
            column += cell.colspan
    return placed


def shape(placed: list[Placed]) -> tuple[int, int]:
    """The grid's rows and columns."""
    return (max(p.row + p.rowspan for p in placed), max(p.column + p.colspan for p in placed))


def shortest(text: str) -> int:
    """The narrowest a cell's text can be wrapped to: its widest unbreakable word."""
    return max((display_width(w) for w in _WORD.findall(text) if not w.isspace()), default=0)


def wrap(text: str, width: int) -> list[str]:
    """The text's lines in a cell ``width`` display columns wide: as many words as
    fit on each line (a CJK character is a word of its own; a run of letters and
    digits is one, broken only when it is wider than the cell)."""
    if display_width(text) <= width:
        return [text] if text else []
    lines: list[str] = []
    line, used = "", 0
    for word in _WORD.findall(text):
        size = display_width(word)
        if used + size > width and line:
            lines.append(line.rstrip())
            line, used = "", 0
            if word.isspace():
                continue
        if size > width:  # a word wider than the cell: broken by characters
            for char in word:
                if used + char_width(char) > width and line:
                    lines.append(line)
                    line, used = "", 0
                line += char
                used += char_width(char)
            continue
        line += word
        used += size
    if line.strip():
        lines.append(line.rstrip())
    return lines


def column_widths(placed: list[Placed], columns: int, gap: int, most: int | None) -> list[int]:
    """Each column's width: wide enough for its cells unwrapped (a spanning cell's
    text spread over the columns it spans, ``gap`` columns between two), then, while
    the table is wider than ``most``, the widest column narrowed by one, never below
    the widest word of a cell that is its own (as w3m fits a table to its screen)."""
    widths = [0] * columns
    least = [1] * columns
    for p in sorted(placed, key=lambda p: p.colspan):
        natural = display_width(p.text)
        if p.colspan == 1:
            widths[p.column] = max(widths[p.column], natural)
            least[p.column] = max(least[p.column], shortest(p.text))
            continue
        span = range(p.column, p.column + p.colspan)
        have = sum(widths[c] for c in span) + gap * (p.colspan - 1)
        for i in range(natural - have):  # the rest spread over the spanned columns
            widths[span[i % p.colspan]] += 1
    widths = [max(w, m) for w, m in zip(widths, least)]
    if most is not None:
        while sum(widths) + gap * (columns - 1) > most:
            narrowest = [i for i, w in enumerate(widths) if w > least[i]]
            if not narrowest:
                break
            widest = max(narrowest, key=lambda i: (widths[i], -i))
            widths[widest] -= 1
    return widths


def span_width(widths: list[int], column: int, colspan: int, gap: int) -> int:
    return sum(widths[column:column + colspan]) + gap * (colspan - 1)


def padded(text: str, width: int, align: str = "left") -> str:
    """The text in ``width`` display columns, the rest blanks."""
    room = width - display_width(text)
    if room <= 0:
        return text
    if align == "right":
        return " " * room + text
    if align == "center":
        return " " * (room // 2) + text + " " * (room - room // 2)
    return text + " " * room
