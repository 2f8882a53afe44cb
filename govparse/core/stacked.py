"""Figures that stand one above the other: a number wrapped inside its cell.

A word processor wraps a number wider than its column inside its cell (``55555`` as
``555`` / ``55``), and a text layer or ``pdftotext -layout`` then writes the two
parts on two lines. Read one line at a time, they are two figures: of one row, or the
first part the figure of the row above and the second that of the row below, and
either way every figure of the row after them stands one column out. Where the source
gives each cell's horizontal place (PDF, space-aligned text) the parts show: two
figures of one row overlapping in one column, a line of figures with no label that
continues a row which has figures on a line before it, or a line of figures that no
row takes standing over the next row's figures. (In the real positional
tables we have, a row's figures stand on one line.) The rows they touch are read as
missing (GP320), never as figures one column out, but for a row with a number in
every column whose own totals hold and name every column, running on from its
label's line with each line after the first starting at the row's left edge: its line
wrapped as a whole (lynx at 80 columns), which the table reader reads
(``_line_wrapped``)."""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate, combinations
from math import comb

from govparse.core.cells import EMPTY, NUMBER


def stacked_rows(rows, beneath: dict | None = None, two_heights: set | None = None,
                 own_pairs: dict | None = None, label_ends: dict | None = None
                 ) -> dict[int, tuple]:
    """``id(row.data)`` of each logical row whose figures cannot be placed, with the
    two cells that say why: (upper, lower). (A table whose labels have no place, a
    text's of tabs or pipes, has none: asked once, not of every cell.)

    ``beneath``, a dict: given, for each row so found only because a figure of it
    stands under the figures a labelled row has on lines after its first,
    ``id(row.data)``: that row's data (which may prove to be its line wrapped as a
    whole, the figures then its own: the table reader's to decide).

    ``two_heights``, a set: given, ``id(row.data)`` of each row whose figures stand
    at two heights, a figure a column (as many as the table's rows on one line hold),
    none over another, and none on its later line the first part of a number of the
    row below (each over none of that row's figures, or 0: no number starts 0…):
    its later line is its own, and the row below is not found for it (at_two_heights;
    the table reader reads such a row where its own totals confirm it).

    ``own_pairs``, a dict: given, for each row found for a figure of it under the
    later line of a labelled row and with two figures of its own one above the other,
    ``id(row.data)``: (that row's data, its own pair). Where the row above proves to
    own its later line, the row's own pair is what is in doubt (the table reader's to
    decide, once the row above is placed).

    ``label_ends``: for a row whose label goes on onto lines after its first
    (TableReader._continued_labels), ``id(row.data)``: the label's last line."""
    if not any(c.x is not None for row in rows for c in row.labels):
        return {}
    label_lines = {c.line for row in rows for c in row.labels}
    placed = [placed_figures(row.data) for row in rows]
    whole = _whole_row_size(placed)
    out: dict[int, tuple] = {}
    continued: list = []  # the previous row's figures on a line with no label
    continues = None  # the labelled row those figures go on from (None: no row's)
    for index, row in enumerate(rows):
        figures = placed[index]
        if not figures:
            continue
        below = under(continued, figures) if continued else None
        if below is not None:
            out[id(row.data)] = below
        pair = stacked(figures)
        # (a row of the Document's grid is one line of a text; a drawn grid's row, or a
        # PDF's whose figure its text put on a line apart, holds more: one row still)
        first = figures[0].row
        wrapped = [c for c in figures if c.row != first and c.line not in label_lines]
        if pair is None and wrapped:
            above = next(c for c in figures if c.row == first)
            pair = (above, wrapped[0])
        if pair is not None:
            out.setdefault(id(row.data), pair)
            if below is not None and continues is not None and own_pairs is not None:
                own_pairs[id(row.data)] = (continues, pair)
        elif below is not None and continues is not None and beneath is not None:
            beneath[id(row.data)] = continues
        # what may stand over the next row's figures: a row's figures on lines after
        # its first, or every figure of a line of figures with no label at all (the
        # first part of a number wrapped in the next row's cell, which no row takes)
        if row.labels and wrapped and two_heights is not None \
                and _own_later_line(figures, wrapped, whole, placed[index + 1:],
                                    (label_ends or {}).get(id(row.data))):
            two_heights.add(id(row.data))
            wrapped = []
        continued = wrapped if row.labels else \
            [c for c in figures if c.line not in label_lines]
        continues = row.data if row.labels else None
    return out


def _own_later_line(figures: list, wrapped: list, whole: int | None, after: list,
                    label_end: int | None = None) -> bool:
    """Whether a row's figures at two heights are all its own (see stacked_rows'
    ``two_heights``); ``after``: the figures of the rows below it. Those on a line
    above the last line of the row's own label (``label_end``: its label wrapped in
    its cell over them, ``（二）部分公开（区分处理的，只计这一情 … 2`` / ``0 1 0 0 0 1`` /
    ``形，不计其他情形）``) stand inside the row's cell: no first part of a number of
    the row below, whose cells start under it."""
    inside = label_end is not None and all(c.line < label_end for c in wrapped)
    if len(figures) != whole or not at_two_heights(figures, whole, inside):
        return False
    if inside:
        return True
    below = next((f for f in after if f), [])
    return all(c.text == "0" or not any(overlaps(c, b) or in_characters(c, b) for b in below)
               for c in wrapped)


def _whole_row_size(placed: list) -> int | None:
    """How many figures the table's rows (``placed``: each one's placed_figures) with
    all their figures on one line hold most often: a whole row's."""
    counts: dict[int, int] = {}
    for figures in placed:
        if figures and all(c.line == figures[0].line for c in figures):
            counts[len(figures)] = counts.get(len(figures), 0) + 1
    return max(counts, key=counts.get) if counts else None


def run_on(figures: list) -> bool:
    """Whether a text's figures stand on each line one blank after another, as a
    converter writes a row whose line it wraps as a whole (lynx: ``5695530 1034
    51133`` / ``6151 6288386``); a space-aligned table's cells stand at their columns
    (and the first parts of numbers wrapped in the cells of the row below, under
    those cells)."""
    if not all(in_display_columns(c) for c in figures):
        return False
    return all(b.x[0] == a.x[1] + 1 for a, b in zip(figures, figures[1:])
               if a.line == b.line)


def untaken_over(label_lines: set, row, below) -> tuple | None:
    """A figure of ``row``, whose figures no row of the table takes (its labels name
    none: the last header cell, or a piece of one, just above a table's first row), on
    a line that holds no label (``label_lines``: the lines of the table's labels),
    standing over a figure of the next row one or two lines below it, with it: the
    first part of a number wrapped in the next row's cell, which pdftotext -layout
    writes on a line of its own above the row's label (a cell centred in its row)
    while the rest stands on the line after it (`225124` / `行政许可` / `6`). Read as
    the row's figure, the rest (6) would be a wrong one."""
    upper = placed_figures(row.data)
    if not upper or not row.labels or row.labels[0].x is None:
        return None
    upper = [c for c in upper if c.line not in label_lines]
    lower = placed_figures(below.data)
    if len(upper) > _MOST or len(lower) > _MOST:
        return None  # (no row of a template's table: looked at pair by pair, in time)
    return next(((u, cell) for u in upper for cell in lower
                 if 0 < cell.line - u.line <= 2 and overlaps(u, cell)), None)


_MOST = 64  # figures: more than any row of the templates' tables has


def in_display_columns(cell) -> bool:
    """Whether a cell's extent is in a text's display columns (whole numbers, as the
    spaced layout measures a line), not in a PDF page's points."""
    return cell.x is not None and type(cell.x[0]) is int and type(cell.x[1]) is int


def side_by_side(figures: list) -> tuple | None:
    """A text's figures on several lines, one line holding two or more: the first
    figure of the first line and of the last, or None (figures on one line, or one a
    line: cells written a line each; a PDF's cells, which its front-end places by the
    page's grid)."""
    if not all(in_display_columns(c) for c in figures):
        return None
    lines: dict = {}
    for cell in figures:
        lines.setdefault(cell.line, []).append(cell)
    if len(lines) < 2 or all(len(cells) < 2 for cells in lines.values()):
        return None
    first, *_, last = sorted(lines)
    return lines[first][0], lines[last][0]


def stacked(figures: list) -> tuple | None:
    """Two of the figures on different lines, one above the other (their horizontal
    extents overlap), the upper first: of the first figure that has one after it,
    the first such."""
    if all(c.line == figures[0].line for c in figures):
        return None
    start = 0 if len(figures) <= _FEW else _first_over_or_under_a_later(figures)
    if start is None:
        return None
    for index in range(start, len(figures)):
        upper = figures[index]
        for lower in figures[index + 1:]:
            if lower.line != upper.line and overlaps(upper, lower):
                return (upper, lower) if upper.line < lower.line else (lower, upper)
    return None


# Figures a row may hold that are paired one by one (a template's row has 15 at most;
# a junk line thousands, which _first_over_or_under_a_later takes in n log n)
_FEW = 64


def _first_over_or_under_a_later(figures: list) -> int | None:
    """The index of the first figure that a figure after it in the list, on another
    line, overlaps; None where none does. The figures are taken from the last,
    each asked about those after it: a Fenwick tree by left edge keeps, for the left
    edges up to each, the two furthest right edges of different lines."""
    lefts = sorted({c.x[0] for c in figures})
    tree: list[tuple] = [()] * (len(lefts) + 1)
    found = None
    for index in range(len(figures) - 1, -1, -1):
        cell = figures[index]
        # the later figures whose left edge is left of this one's right edge
        best: tuple = ()
        at = bisect_left(lefts, cell.x[1])
        while at > 0:
            best = _two_furthest(best + tree[at])
            at -= at & -at
        if any(right > cell.x[0] and line != cell.line for right, line in best):
            found = index
        at = bisect_left(lefts, cell.x[0]) + 1
        while at < len(tree):
            tree[at] = _two_furthest(tree[at] + ((cell.x[1], cell.line),))
            at += at & -at
    return found


def _two_furthest(ends: tuple) -> tuple:
    """Of (right edge, line) pairs, the furthest right, and the furthest of another
    line: whatever the line asked about, one of them is the furthest of another."""
    if len(ends) <= 1:
        return ends
    first = max(ends)
    other = [end for end in ends if end[1] != first[1]]
    return (first, max(other)) if other else (first,)


def placed_figures(data) -> list:
    """The figures (and marks) of a row whose horizontal place the source gives."""
    return [c for c in data
            if c.kind != EMPTY and c.x is not None and c.line is not None]


def under(above: list, figures: list) -> tuple | None:
    """The first of those above that stands over one of the figures, with the first
    such figure. (Many against many, junk lines of thousands: each of those above
    asked, in log n, whether any figure starts left of its right edge and ends right
    of its left one.)"""
    if len(above) * len(figures) > _FEW * _FEW:
        ends = sorted((c.x[0], c.x[1]) for c in figures)
        lefts = [left for left, _ in ends]
        furthest = list(accumulate((right for _, right in ends), max))
        for upper in above:
            at = bisect_left(lefts, upper.x[1])
            if at and furthest[at - 1] > upper.x[0]:
                return upper, next(lower for lower in figures if overlaps(upper, lower))
        return None
    return next(((upper, lower) for upper in above for lower in figures
                 if overlaps(upper, lower)), None)


def stands_over(upper, lower) -> bool:
    """Whether one cell stands over the other: their extents overlap, or, in a text,
    their characters (pdftotext and lynx give a Chinese character one column)."""
    return overlaps(upper, lower) or (in_display_columns(upper) and in_display_columns(lower)
                                      and in_characters(upper, lower))


def stands_over_in_both(upper, lower) -> bool:
    """Whether one cell of a text stands over the other in display columns and in
    characters alike."""
    return overlaps(upper, lower) and in_display_columns(upper) \
        and in_display_columns(lower) and in_characters(upper, lower)


def fewer_and_shorter(upper: list, lower: list, as_long: bool = False) -> bool:
    """Whether the figures of ``lower`` are fewer than those of ``upper`` (a row's) and
    each shorter than the longest of them: as the rests of numbers wrapped in the row's
    cells are (the first line of a wrapped number fills its cell; the row's own figure
    at another height would be its total, as long as any of its others). ``as_long``:
    as many and as long at most (every number of the row wrapped, a rest as long as
    its first part: 1000 / 0000 of 10000000)."""
    slack = 1 if as_long else 0
    return bool(lower) and len(lower) < len(upper) + slack \
        and max(len(c.text) for c in lower) < max(len(u.text) for u in upper) + slack


def overlaps(a, b) -> bool:
    """Whether two cells' horizontal extents overlap (one stands over the other)."""
    return b.x[0] < a.x[1] and a.x[0] < b.x[1]


# Readings of a row over lines tried at most (C(7, 3) = 35: three figures on the later
# line of a row of seven)
_MOST_READINGS = 64


def readings_over_lines(data: list, columns: int) -> list[list] | None:
    """The readings of a row whose figures a text writes over two lines, one blank
    apart on each (a PDF's text layer, whose lines hold no columns: cells of one row
    set at two heights, ``0 0 0 0 0 0`` / ``0``, ``304 254 122 614 32 841`` /
    ``2167``), each figure on the second starting with a digit (not ``.5``), the two
    holding a figure a column. Which columns the second line's figures stand in the
    text does not say: a reading puts them, in order, in some of the columns, and the
    first line's, in order, in the rest; the last reading has them at the row's end.
    (Whether a number goes on from the first line to the second, wrapped in its cell,
    is the caller's to weigh: ``wrap_free``.) None where the row is not so."""
    if len(data) != columns or any(c.kind != NUMBER for c in data) \
            or not run_on(placed_figures(data)):
        return None
    parts = _two_lines(data)
    if parts is None:
        return None
    upper, lower = parts
    if any(not c.text[:1].isdigit() for c in lower) or len(upper) + len(lower) != columns:
        return None
    if comb(columns, len(lower)) > _MOST_READINGS:
        return None  # (counted before they are made: C(1000, 500) would never end)
    return spread([lower, upper], columns)


def spread(groups: list[list], columns: int) -> list[list]:
    """Every row of ``columns`` cells that puts each group's cells, in their order, in
    some of the columns, no column taken twice: the first group's in each choice of
    columns in turn (itertools.combinations' order), the others' in the columns left."""
    if len(groups) == 1:
        return [list(groups[0])]
    out = []
    first, rest = groups[0], groups[1:]
    for chosen in combinations(range(columns), len(first)):
        others = [i for i in range(columns) if i not in chosen]
        for tail in spread(rest, len(others)):
            row: list = [None] * columns
            for i, cell in zip(chosen, first):
                row[i] = cell
            for i, cell in zip(others, tail):
                row[i] = cell
            out.append(row)
    return out


def spread_count(groups: list[list]) -> int:
    """How many rows spread makes (the multinomial of the groups' sizes)."""
    count, left = 1, sum(map(len, groups))
    for group in groups:
        count *= comb(left, len(group))
        left -= len(group)
    return count


def wrap_free(cells: list, upper_line: int) -> bool:
    """Whether no number of a row over two lines can go on from its first line to the
    second, wrapped in its cell: each figure on the first is 0 (no number is written
    0…). Elsewhere a reading of the two lines as figures of their own is one among
    the row's numbers run on."""
    return all(c.text == "0" for c in cells if c.line == upper_line)


def figures_above_their_label(previous, label, label_lines: set) -> list | None:
    """The figures a text writes on the line above a row's ``label``, after a row
    whose own figures are all on the line before them (pdftotext -layout of a PDF
    whose row sets its figures above its label: ``4.无正当理由大量反复申请 0 0 0 0 0 0 0``
    / ``0 0 0 0 7 0 7`` / ``5.要求行政机关确认…``), where they cannot be the rest of
    the row above's numbers: each stands under one of its figures, and each of those
    is 0 (no number is written 0…). Read as the row above's they would make it two
    figures a column (GP320) and leave the row below none. The figures, or None."""
    if not previous.labels or not previous.has_figures or label.line is None:
        return None
    data = previous.data
    if any(c.kind == EMPTY or c.line is None or c.x is None for c in data):
        return None
    parts = _two_lines(data)
    if parts is None:
        return None
    upper, lower = parts
    line = lower[0].line
    if line in label_lines or not in_display_columns(data[0]) \
            or not 0 < label.line - line <= 2 or len(upper) != len(lower) \
            or data != upper + lower:
        return None
    if any(u.text != "0" or not c.text[:1].isdigit() for u, c in zip(upper, lower)):
        return None
    # each under its own, in display columns or in characters (pdftotext gives a
    # Chinese character one column)
    if all(overlaps(u, c) for u, c in zip(upper, lower)) \
            or all(in_characters(u, c) for u, c in zip(upper, lower)):
        return lower
    return None


def first_parts_above_their_label(previous, row, label_lines: set, of_no_row: bool = False
                                  ) -> list | None:
    """The figures a text writes at the end of the row above, on a line of their own
    right over ``row``'s label, that are the first parts of numbers wrapped in the
    row's cells, its cells centred in their height (pdftotext -layout of the
    template's narrow cells: ``1000        2261`` / ``二、上年结转… 2074 1515 1626 495
    6902`` / ``0           2``): the row's figures stand on its label's line and the
    line after, and each figure of that later line stands under one of them, each of
    them over one, and each longer than any figure of the row above standing over it
    (a first part fills its cell; under a longer figure it may be that one's rest).
    Read as the row above's they would give it figures too many, and this row its
    numbers' rests alone. The row above may be, where its labels name no row and stand
    on none of its figures' line (``of_no_row``, the caller's to tell), a label's rest
    and that line alone (``信息公开申请`` / ``1357`` / ``3.其他 275 … 344`` / ``2``): a
    row's one line of figures is its own. The figures, or None."""
    data = previous.data
    if not previous.labels or not row.labels or not row.has_figures or not data \
            or data[0].line == data[-1].line and not of_no_row:
        return None
    last = data[-1].line
    below = row.data
    if last is None or last in label_lines or row.labels[-1].line != last + 1 \
            or any(c.kind == EMPTY or c.x is None for c in (*data, *below)) \
            or {c.line for c in below} - {last + 3} not in ({last + 1, last + 2}, {last + 2}):
        return None  # (last + 3: the next row's first parts after the rests, its own)
    if data[0].line == last and all(c.line != last + 1 for c in below):
        return None  # (after a label's rest, only a row with figures beside its label)
    moved = [c for c in data if c.line == last]
    rests = [c for c in below if c.line == last + 2]
    above = [c for c in data if c.line == last - 1]
    # (every number of the row wrapped, none on its label's line, under a line of
    # figures of more than one length: those do not all fill their cells, so are not
    # all first parts, and the line over the label is not all their rests)
    whole = all(c.line != last + 1 for c in below) and len({len(c.text) for c in above}) > 1
    if len(moved) != len(rests) or any(c.text[:1] in ("0", "") for c in moved) \
            or not all(in_display_columns(c) for c in (*moved, *rests)) \
            or min(moved[0].x[0], rests[0].x[0]) <= min(
                (c.x[0] for c in (*previous.labels, *row.labels) if c.x is not None),
                default=moved[0].x[0]):
        return None  # (a text's places, right of its labels' margin: a text layer's
        # lines all start at its margin)
    for first, rest in zip(moved, rests):
        if not stands_over_in_both(first, rest) \
                or any(stands_over(other, rest) for other in moved if other is not first) \
                or not whole and any(len(first.text) <= len(c.text)
                                     for c in above if stands_over(c, first)):
            return None  # (the last: no longer than a figure over it, its rest maybe)
    return moved


def _two_lines(cells: list) -> tuple[list, list] | None:
    """The cells of the first line and of the second, where they stand on two lines
    (in reading order on each); else None."""
    lines = sorted({c.line for c in cells})
    if len(lines) != 2:
        return None
    return ([c for c in cells if c.line == lines[0]], [c for c in cells if c.line == lines[1]])


def in_characters(a, b, touching: bool = False) -> bool:
    """Whether two cells of a text overlap, their places counted in characters
    (``touching``: or stand side by side with no character between)."""
    if touching:
        return b.column <= a.column + len(a.text) and a.column <= b.column + len(b.text)
    return b.column < a.column + len(a.text) and a.column < b.column + len(b.text)


def at_two_heights(data: list, columns: int, characters_only: bool = False) -> bool:
    """Whether a row's figures stand on two lines of a text that sets its cells at
    their columns (pdftotext -layout of a row whose 总计 sits at its cell's top and
    the others lower, centred: ``1.申请人…处理其政 … 0`` / ``0 0 0 0 0 0``), a
    figure a column, none standing over another in display columns or in characters
    (the rest of a number wrapped in its cell stands under it; ``characters_only``: in
    characters only, for lines inside the row's own label, whose Chinese characters
    before them put display columns askew where pdftotext gives each one column):
    then read left to right, where the table's full rows show the columns
    (TableReader)."""
    if len(data) != columns or columns > _MOST \
            or any(c.kind == EMPTY or c.x is None or c.line is None for c in data):
        return False  # (no row of a template's tables: looked at pair by pair, in time)
    if _two_lines(data) is None or not all(in_display_columns(c) for c in data) \
            or run_on(data):
        return False
    return not any((not characters_only and overlaps(a, b)) or in_characters(a, b)
                   for i, a in enumerate(data) for b in data[i + 1:])
