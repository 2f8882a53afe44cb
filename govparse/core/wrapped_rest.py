"""A row with more figures than its columns over lines of a PDF's text: some of them
the rests of numbers wrapped in their cells.

A word processor wraps a number wider than its column inside its cell, and a PDF's
text layer (pypdfium2's, a viewer's copy) writes each height of a row's cells as a
line of its own, figures one blank apart (pdftotext at their columns, a number's
parts maybe above and below the row's line): 47494, the total of a row whose cells hold
four digits a line, comes out as ``… 7901 6345 7845`` / ``4749`` / ``4``. Read one
line at a time the row has a figure too many, and which two figures make one number,
and which columns each line's figures stand in, the text does not say. Here every
such reading is made: figures of a line joined each to one of a line before it (the
rest after its first part), as many as the row has too many, then the figures left
spread over the row's columns, each line's in their order, the lines' in any. The
table reader places the row only where the readings that fit the template's
arithmetic give one set of figures and it confirms each figure (GP329); else none
(GP320), never a number's first part as a figure.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from itertools import combinations
from math import comb

from govparse.core.cells import NUMBER, Cell, classify
from govparse.core.stacked import in_characters, overlaps, spread, spread_count, stands_over

# Numbers wrapped in one row's cells joined at most, and readings of a row tried at
# most, choices of joins counted first (a row of seven over two lines once joined, six
# figures and one: 7 readings a choice)
_MOST_WRAPPED = 3
_MOST_READINGS = 1024


class Joined:
    """A reading of a row with numbers wrapped in their cells: its cells, one a column,
    and ``wraps``: (first part, rest, the number they make) for each."""

    __slots__ = ("cells", "wraps")

    def __init__(self, cells: list[Cell], wraps: list[tuple[Cell, Cell, Cell]]) -> None:
        self.cells = cells
        self.wraps = wraps


def readings_with_wrapped_numbers(data: list[Cell], columns: int) -> list[Joined] | None:
    """Every reading of a row's figures, more than its ``columns`` by up to three, as
    that many numbers wrapped in their cells (a figure joined to one of a line before
    it: pdftotext may write a number's parts above and below the row's line) and the
    rest a figure a column, each line's in their order, whatever places the text gives
    them (a Chinese label before a line's figures moves them off their columns). Past
    three joins, or with too many readings (a text that gives no columns, pypdfium2's
    ``2074 1515`` / ``1000`` / ``0`` / ``1626 495 6902`` / ``2261`` / ``2``, whose lines
    spread over seven columns in thousands of ways), only those its layout gives
    (readings_as_laid_out). None where the row is not so (a figure that is not a whole
    number of digits)."""
    extra = len(data) - columns
    if extra > _MOST_WRAPPED:
        return readings_as_laid_out(data, columns)
    if extra < 1 or not _whole_numbers(data):
        return None
    lines = sorted({c.line for c in data})
    by_line = {line: [c for c in data if c.line == line] for line in lines}
    pairs = [(first, rest) for i, before in enumerate(lines) for after in lines[i + 1:]
             for rest in by_line[after] for first in by_line[before] if _may_go_on(first, rest)]
    if comb(len(pairs), extra) > _MOST_READINGS:
        return readings_as_laid_out(data, columns)  # (each choice makes one at least)
    out: list[Joined] = []
    for chosen in combinations(pairs, extra):
        firsts, rests = {id(f) for f, _ in chosen}, {id(r) for _, r in chosen}
        if len(firsts) < extra or len(rests) < extra or firsts & rests:
            continue  # (a figure is one number's first part or rest, once)
        wraps = [(first, rest, _joined(first, rest)) for first, rest in chosen]
        if any(number.kind != NUMBER for _, _, number in wraps):
            continue  # (digits too many for a count)
        numbers = {id(first): number for first, _, number in wraps}
        cells = [numbers.get(id(c), c) for c in data if id(c) not in rests]
        groups = [g for g in ([c for c in cells if c.line == line] for line in lines) if g]
        if spread_count(groups) + len(out) > _MOST_READINGS:
            return readings_as_laid_out(data, columns)  # (counted before they are made)
        out += [Joined(reading, wraps) for reading in spread(groups, columns)]
    return out or None


def readings_as_laid_out(data: list[Cell], columns: int) -> list[Joined] | None:
    """The readings of a row with more figures than its columns that the text's own
    layout gives (_joined_by_place: each rest under its first part; _joined_in_order: a
    cell's lines one after another), never a first part and a rest the layout does not
    pair: for the review table, whose fifteen figures and three sums leave a report's
    own slip (a total's digits swapped) one reading that fits, 12 and 155 for 125 and
    15. None where the layout gives none."""
    if len(data) <= columns or not _whole_numbers(data):
        return None
    return _joined_by_place(data, columns) or _joined_in_order(data, columns)


def _whole_numbers(data: list[Cell]) -> bool:
    """Whether every figure is a whole number of ASCII digits (a number's parts join)."""
    return all(c.kind == NUMBER and c.text.isdigit() and c.text.isascii() for c in data)


def _joined_by_place(data: list[Cell], columns: int) -> list[Joined] | None:
    """The one reading of a row over two lines, a figure a column on the upper and
    each of the lower's standing under one of them, no two under one (the template's
    narrow cells as LibreOffice lays them out, numbers of five digits wrapped:
    ``6739 3243 3601 …`` / ``1    6    4 …``): the lower's the rests of the numbers
    they stand under; or over three lines one after another, the middle's figures one
    line high, standing over no rest and under no first part, between the wrapped
    ones (cells centred in their height: the review table's ``108    176 …`` /
    ``   279    249 …`` / ``0      8 …``), read left to right (_across); None where
    the row is not so."""
    lines = sorted({c.line for c in data})
    if len(lines) not in (2, 3) or len(lines) == 3 and lines[2] - lines[0] != 2 \
            or any(c.x is None for c in data):
        return None
    upper = [c for c in data if c.line == lines[0]]
    lower = [c for c in data if c.line == lines[-1]]
    middle = [c for c in data if c.line == lines[1]] if len(lines) == 3 else []
    if len(upper) + len(middle) != columns:
        return None
    wraps = []
    for rest in lower:
        over = [first for first in upper if stands_over(first, rest)]
        if len(over) != 1 or not _may_go_on(over[0], rest):
            return None
        wraps.append((over[0], rest, _joined(over[0], rest)))
    if len({id(first) for first, _, _ in wraps}) < len(wraps) \
            or any(number.kind != NUMBER for _, _, number in wraps):
        return None
    # (a figure of the middle line over a rest in characters: no order, _across)
    orders = [upper] if not middle else _across(upper, middle, lower)
    numbers = {id(first): number for first, _, number in wraps}
    return [Joined([numbers.get(id(c), c) for c in cells], wraps) for cells in orders] or None


def _across(upper: list[Cell], middle: list[Cell], lower: list[Cell]) -> list[list[Cell]]:
    """The cells of the upper and the middle line left to right, by each measure of a
    text's places in which no cell of the middle line stands over or under a cell of
    the other two: display columns (a Chinese character two wide) and characters
    (pdftotext gives one a column: the row's label before the middle line's figures
    moves them, on a screen, against the lines over and under it, which have none:
    ``495`` over the ``2`` of ``2261`` / ``2`` in display columns, far left of it in
    characters). Each order once; where the two differ, the arithmetic is left to
    tell. None without an order in characters, where pdftotext sets each character:
    an order in display columns alone is the label's doing, and a row's own total
    holds in any order (``1000`` touching ``1626`` in characters, clear of it on a
    screen, read 10000 2074 1515 for 2074 1515 10000; a reviewer's case)."""
    orders: list[list[Cell]] = []
    for overlap, start in ((in_characters, _character_start), (overlaps, _display_start)):
        if all(start(c) is not None for c in (*upper, *middle, *lower)) \
                and not any(overlap(a, b) for a in (*upper, *lower) for b in middle):
            order = sorted((*upper, *middle), key=start)
            if not any(all(x is y for x, y in zip(order, o)) for o in orders):
                orders.append(order)
        elif not orders:
            return []  # (no order in characters: one in display columns alone is none)
    return orders


def _display_start(cell: Cell):
    return cell.x[0]


def _character_start(cell: Cell):
    return cell.column


def _joined_in_order(data: list[Cell], columns: int) -> list[Joined] | None:
    """Every reading of a row written a cell's lines after another's, as a PDF's text
    layer writes them (pypdfium2: ``6739`` / ``1`` / ``3243`` / ``6`` …, numbers of five
    digits wrapped in the template's narrow cells; cells one line high on one line,
    ``279 249``, where they stand side by side), with more numbers wrapped than
    readings_with_wrapped_numbers tries: figures alone on their lines joined each to
    the next, as many pairs as the row has figures too many, no figure in two; None
    where the row is not so, or has too many readings."""
    extra = len(data) - columns
    if any(c.line is None for c in data):
        return None
    on_line = Counter(c.line for c in data)
    joinable = [i for i in range(len(data) - 1)
                if data[i].line < data[i + 1].line and _may_go_on(data[i], data[i + 1])
                and on_line[data[i].line] == 1 == on_line[data[i + 1].line]]
    if _apart_count(joinable, extra) > _MOST_READINGS * 16:
        return None
    out: list[Joined] = []
    for chosen in _apart(joinable, extra):
        wraps = [(data[i], data[i + 1], _joined(data[i], data[i + 1])) for i in chosen]
        if any(number.kind != NUMBER for _, _, number in wraps):
            continue
        numbers = {i: number for i, (_, _, number) in zip(chosen, wraps)}
        rests = {i + 1 for i in chosen}
        out.append(Joined([numbers.get(i, c) for i, c in enumerate(data) if i not in rests],
                          wraps))
        if len(out) > _MOST_READINGS:
            return None
    return out or None


def _apart(places: list[int], count: int, start: int = 0):
    """Each choice of ``count`` of the sorted ``places``, no two next to each other (a
    figure is one number's first part or rest, once): made one by one, so that a row
    of fifteen cells, ten wrapped, is a handful of choices and not the millions of
    combinations of its places."""
    if count == 0:
        yield ()
        return
    for k in range(start, len(places) - count + 1):
        after = bisect_left(places, places[k] + 2, k + 1)
        for rest in _apart(places, count - 1, after):
            yield (places[k], *rest)


def _apart_count(places: list[int], count: int) -> int:
    """How many choices _apart makes, counted without making them."""
    # ways[k][n]: choices of n places from places[k:]
    ways = [[0] * (count + 1) for _ in range(len(places) + 2)]
    for row in ways:
        row[0] = 1
    for k in range(len(places) - 1, -1, -1):
        after = bisect_left(places, places[k] + 2, k + 1)
        for n in range(1, count + 1):
            ways[k][n] = ways[k + 1][n] + ways[after][n - 1]
    return ways[0][count]


def _may_go_on(first: Cell, rest: Cell) -> bool:
    """Whether a figure may be a number's first part and the other its rest: no number
    starts with 0, and the first part fills its cell, the rest no wider (``2`` / ``6902``
    is no number wrapped)."""
    return first.text[0] != "0" and len(rest.text) <= len(first.text)


def _joined(first: Cell, rest: Cell) -> Cell:
    """One number of the two figures' digits, where the first stands."""
    number = classify(first.text + rest.text, first.line, first.column)
    number.source, number.x, number.row = first.source, first.x, first.row
    return number
