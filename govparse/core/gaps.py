"""Where the gap is in a short table row.

A row of the template has N columns, but the source sometimes gives only k < N
figure cells, and nothing in the text marks which columns they skip. Assuming that
the last columns are the missing ones put wrong figures in real reports. A wrong
figure is the worst outcome: it reads like any other and nothing flags it, while a
missing figure comes with an error and can be looked up. So a gap is placed only
where something tells where it is:

- the figures' horizontal positions under the header (``placement_by_position``), or
  in the columns the table's full rows stand in (``columns_of_full_rows``);
- the template's arithmetic, when exactly one placement breaks none of the table's
  relations (``unique_consistent``).

Otherwise the caller leaves the row's figures missing, with an error.

Pure functions on plain data, stdlib only, and no import from govparse, so that the
reading core can import this module without cycles.
"""

from __future__ import annotations

import math
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal, localcontext
from itertools import combinations
from typing import Iterable, Iterator, Mapping, Sequence

Number = int | Decimal | None
Ref = tuple[str, str]  # (row id, column id) within one table
Relation = tuple[tuple[Ref, ...], tuple[Ref, ...]]  # sum(left) == sum(right)
MAX_PLACEMENTS = 10_000  # combinations tried at most

# The context of exact sums (the default one rounds past 28 digits), made once: a
# ``localcontext`` of it copies it, about 7,600 instructions, where one made from the
# current context with three fields set takes 12,800 (a report with rows in doubt
# asks for some fifteen). Nothing summed here rounds or signals, so the fields it
# does not set (rounding, traps) are never read.
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)

# A side of a relation, split into what no placement changes and what it does:
# (sum of the known figures of other rows, whether one of those is unknown,
#  the indices of this row's columns it names).
_Side = tuple[Number, bool, tuple[int, ...]]


def placements(k: int, n: int) -> Iterator[tuple[int, ...]]:
    """Every strictly increasing tuple of k column indices out of range(n), in
    lexicographic order: the figures keep their reading order."""
    return combinations(range(n), k)


def consistent_placements(values: Sequence[Number], columns: Sequence[str], row: str,
                          relations: Iterable[Relation], known: Mapping[Ref, Number],
                          limit: int = MAX_PLACEMENTS) -> list[tuple[int, ...]] | None:
    """Every placement of the row's ``values`` (k figures in reading order, None for
    a cell without a number) into its ``columns`` under which no relation is broken,
    or None when there are more than ``limit`` placements to try.

    ``known`` holds the figures of the table's other rows (None when missing; a ref
    absent from it is unknown too). Under a placement, the columns that get no
    figure are unknown, and so are None values. A relation is broken when no
    assignment of numbers >= 0 to its unknowns makes it hold.
    """
    counted = broken_counts(values, columns, row, relations, known, limit)
    return None if counted is None else [p for p, broken in counted if not broken]


def broken_counts(values: Sequence[Number], columns: Sequence[str], row: str,
                  relations: Iterable[Relation], known: Mapping[Ref, Number],
                  limit: int = MAX_PLACEMENTS) -> list[tuple[tuple[int, ...], int]] | None:
    """Every placement with how many relations it breaks (as consistent_placements
    has it), or None when there are more than ``limit`` placements to try."""
    relations = RowRelations(columns, row, relations)
    return relations.broken_counts(values, relations.sides(known), limit)


def broken_counts_in_place(rows: Iterable[Sequence[Number]], columns: Sequence[str], row: str,
                           relations: Iterable[Relation], known: Mapping[Ref, Number]
                           ) -> list[int]:
    """For each of several readings of the row (a value a column, in order), how many
    relations it breaks: broken_counts of its one placement, with the relations
    split once for all of them."""
    relations = RowRelations(columns, row, relations)
    return relations.broken_counts_in_place(rows, relations.sides(known))


class RowRelations:
    """The relations that name a column of one row, each side parted once into the
    row's columns (their indices) and the other places it names: what no placement of
    the row changes. Made once for a row of the template, then asked with the figures
    a table has (``known``) as often as its rows in doubt need. A relation that names
    none of the row's columns does not depend on the placement; were it broken (by
    other rows), it would rule out every placement."""

    __slots__ = ("columns", "parted", "own")

    def __init__(self, columns: Sequence[str], row: str, relations: Iterable[Relation]) -> None:
        index = {column: i for i, column in enumerate(columns)}
        self.columns = len(columns)
        parted = []
        for left, right in relations:
            pair = _parted(left, row, index), _parted(right, row, index)
            if pair[0][0] or pair[1][0]:
                parted.append(pair)
        self.parted: tuple[tuple[tuple[tuple[int, ...], tuple[Ref, ...]], ...], ...] = \
            tuple(parted)
        # the relations among the row's own columns alone (its total): own_broken
        self.own = tuple((left[0], right[0]) for left, right in parted
                         if not left[1] and not right[1])

    def own_broken(self, values: Sequence[Number]) -> bool:
        """Whether one of the relations among the row's own columns alone (its total)
        does not hold with these values (a value a column; None: not checked)."""
        if not self.own:
            return False
        with localcontext(_EXACT):
            for left, right in self.own:
                lefts, rights = [values[i] for i in left], [values[i] for i in right]
                if None not in lefts and None not in rights and sum(lefts) != sum(rights):
                    return True
        return False

    def own_broken_whatever_unknown(self, values: Sequence[Number | None]) -> bool:
        """Whether one of the row's own relations does not hold with these values
        whatever the unknown ones (None) are: counts are never below 0, so a side
        with an unknown is at least its known figures (2 + 4 + 3 > 2)."""
        with localcontext(_EXACT):  # (each side as a _Side of the row's columns alone)
            return any(_broken((0, False, left), (0, False, right), values)
                       for left, right in self.own)

    def own_cut_explains(self, values: Sequence[Number], cut: Sequence[int]) -> bool:
        """Whether each of the row's own relations that does not hold with these values
        (a value a column, every one known) would hold were the figures of the columns
        ``cut`` the first lines of longer numbers: a number cut short is smaller than
        the number, by nine times itself at the least (138 of 1380 or more), one alone
        its digits the first of the number the relation wants (138 where 13832 would
        hold)."""
        broken = False
        with localcontext(_EXACT):
            for left, right in self.own:
                short = sum(values[i] for i in right) - sum(values[i] for i in left)
                if not short:
                    continue
                broken = True
                on_left = [i for i in cut if i in left]
                on_right = [i for i in cut if i in right]
                if on_left and on_right:
                    continue  # (either side may be the longer)
                side = on_left if short > 0 else on_right
                if not side:
                    return False  # (a cut makes its own side only larger)
                if len(side) == 1:
                    shown = values[side[0]]
                    wanted = str(shown + abs(short))
                    if not (len(wanted) > len(str(shown)) and wanted.startswith(str(shown))):
                        return False
                elif abs(short) < 9 * min(values[i] for i in side):
                    return False
        return broken

    def own_confirm(self, values: Sequence[Number]) -> bool:
        """Whether the row's own relations (its totals) hold with these values (a value
        a column) and between them name every column: each figure confirmed in its
        place by the row alone."""
        if not self.own or None in values or len(values) != self.columns:
            return False
        named: set[int] = set()
        with localcontext(_EXACT):
            for left, right in self.own:
                if sum(values[i] for i in left) != sum(values[i] for i in right):
                    return False
                named.update(left)
                named.update(right)
        return len(named) == self.columns

    def sides(self, known: Mapping[Ref, Number]) -> list[tuple[_Side, _Side]]:
        """Each relation's sides with the figures of the other places they name
        summed (_Side): what the methods below take, made once for the figures a
        table has so far."""
        with localcontext(_EXACT):
            return [(_summed(left, known), _summed(right, known)) for left, right in self.parted]

    def broken_counts(self, values: Sequence[Number], sides: list[tuple[_Side, _Side]],
                      limit: int = MAX_PLACEMENTS
                      ) -> list[tuple[tuple[int, ...], int]] | None:
        k, n = len(values), self.columns
        if math.comb(n, k) > limit:
            return None
        found = []
        # Exact sums: the default context would round past 28 digits.
        with localcontext(_EXACT):
            for placement in placements(k, n):
                figures = _in_columns(values, placement, n)
                found.append((placement,
                              sum(_broken(left, right, figures) for left, right in sides)))
        return found

    def broken_counts_in_place(self, rows: Iterable[Sequence[Number]],
                               sides: list[tuple[_Side, _Side]]) -> list[int]:
        with localcontext(_EXACT):
            return [sum(_broken(left, right, values) for left, right in sides)
                    for values in rows]

    def supported(self, values: Sequence[Number], sides: list[tuple[_Side, _Side]],
                  placement: Sequence[int]) -> bool:
        """See supported()."""
        figures = _in_columns(values, placement, self.columns)
        confirmed: set[int] = set()
        with localcontext(_EXACT):
            for left, right in sides:
                (lsum, lunknown), (rsum, runknown) = _sum(left, figures), _sum(right, figures)
                if not lunknown and not runknown and lsum == rsum:
                    confirmed.update(left[2])
                    confirmed.update(right[2])
        return all(column in confirmed for value, column in zip(values, placement)
                   if value is not None)


def unique_consistent(values: Sequence[Number], columns: Sequence[str], row: str,
                      relations: Iterable[Relation], known: Mapping[Ref, Number],
                      limit: int = MAX_PLACEMENTS) -> tuple[int, ...] | None:
    """The one consistent placement if there is exactly one, else None (none,
    several, or too many to try)."""
    found = consistent_placements(values, columns, row, relations, known, limit)
    return found[0] if found is not None and len(found) == 1 else None


def placement_by_position(figures: Sequence[tuple[float, float]],
                          headers: Sequence[tuple[float, float] | None]
                          ) -> tuple[int, ...] | None:
    """The column of each figure from horizontal extents (x0, x1): a figure belongs
    to the one column whose header extent it overlaps (touching ends do not
    overlap). None when a header extent is missing, a figure overlaps no header or
    several, or the columns are not strictly increasing (two figures under one
    column, or figures out of order)."""
    if any(header is None for header in headers):
        return None
    placement = []
    for x0, x1 in figures:
        under = [i for i, (h0, h1) in enumerate(headers) if x0 < h1 and h0 < x1]
        if len(under) != 1:
            return None
        placement.append(under[0])
    if any(a >= b for a, b in zip(placement, placement[1:])):
        return None
    return tuple(placement)


def runs_into_a_gap(figures: Sequence[tuple[float, float]],
                     headers: Sequence[tuple[float, float]], placement: Sequence[int]) -> bool:
    """Whether, under ``placement`` (placement_by_position's), a figure next to a
    column that gets none reaches past the middle between its own column's header
    and that column's: two figures that touch where a column is narrower than its
    numbers (pdftotext writes 403962 and 76172 as one word, 40396276172) stand as one
    figure over both columns, and the empty one is not empty."""
    taken = set(placement)
    for (x0, x1), column in zip(figures, placement):
        h0, h1 = headers[column]
        if column + 1 < len(headers) and column + 1 not in taken \
                and 2 * x1 > h1 + headers[column + 1][0]:
            return True
        if column > 0 and column - 1 not in taken and 2 * x0 < headers[column - 1][1] + h0:
            return True
    return False


def apart(extents: Sequence[tuple[float, float]]) -> bool:
    """Whether extents (x0, x1) stand left to right, no two overlapping (touching ends
    do not overlap)."""
    return all(left[1] <= right[0] for left, right in zip(extents, extents[1:]))


def stands_under(figures: Sequence[tuple[float, float]],
                 headers: Sequence[tuple[float, float] | None],
                 headers_apart: bool | None = None) -> bool:
    """Whether each figure stands under its own header, the i-th under the i-th:
    ``placement_by_position(figures, headers) == (0, 1, …)``, found without trying
    every header for every figure where the headers stand left to right apart (an
    extent overlaps a run of such headers next to each other: its neighbours tell).
    ``headers_apart``: ``apart(headers)``, where the caller knows it of headers with
    no None among them (asked of many rows under one header)."""
    n = len(headers)
    if len(figures) != n:
        return False
    if headers_apart is None:
        if any(header is None for header in headers):
            return False
        headers_apart = apart(headers)
    if not headers_apart:
        return placement_by_position(figures, headers) == tuple(range(n))
    for i, (x0, x1) in enumerate(figures):
        h0, h1 = headers[i]
        if not (x0 < h1 and h0 < x1) \
                or i > 0 and x0 < headers[i - 1][1] and headers[i - 1][0] < x1 \
                or i + 1 < n and x0 < headers[i + 1][1] and headers[i + 1][0] < x1:
            return False
    return True


MIN_FULL_ROWS = 3  # full rows that must agree on where the columns stand


def columns_of_full_rows(rows: Sequence[tuple[Sequence[tuple[float, float]], float]],
                         spans_out: list | None = None) -> list[tuple[float, float]] | None:
    """Where each column stands, from a table's full rows (a figure in every column),
    nearest the row to place first: each row's figures' extents (x0, x1) and where
    its label ends. The rows are taken in order for as long as they agree (each
    column's figures share a place, and no two columns' overlap: a converter lays out
    each page on a grid of its own), and a column's place is what every such row's
    figure in it covers. None where those rows do not show columns that stand apart
    whatever the labels: fewer than MIN_FULL_ROWS of them, or labels that end too near
    one another for places that stay put to be told from places that follow the label
    (cells parted by one blank each: there a label's end moves every figure after it,
    and figures whose labels end far apart share no place). ``spans_out``, a list:
    extended with what each column's figures in those rows cover, from the leftmost
    figure's left edge to the rightmost's right."""
    places: list[tuple[float, float]] | None = None
    spans: list[tuple[float, float]] = []
    taken: list[float] = []  # the label ends of the rows that agree
    widest = 0.0
    for extents, label_end in rows:
        if places is None:
            if len(extents) < 2:
                return None
            joined, joined_spans = list(extents), list(extents)
        elif len(extents) != len(places):
            break
        else:
            joined = [(max(p[0], e[0]), min(p[1], e[1])) for p, e in zip(places, extents)]
            joined_spans = [(min(s[0], e[0]), max(s[1], e[1])) for s, e in zip(spans, extents)]
        if any(x0 >= x1 for x0, x1 in joined) or not apart(joined_spans):
            break
        places, spans = joined, joined_spans
        taken.append(label_end)
        widest = max(widest, max(x1 - x0 for x0, x1 in extents))
    if places is None or len(taken) < MIN_FULL_ROWS or max(taken) - min(taken) <= widest:
        return None
    if spans_out is not None:  # (what all those rows' figures in each column cover)
        spans_out.extend(spans)
    return places


def _in_columns(values: Sequence[Number], placement: Sequence[int], n: int) -> list[Number]:
    """A row of ``n`` columns with the values in the columns of the placement, None in
    the others."""
    figures: list[Number] = [None] * n
    for value, column in zip(values, placement):
        figures[column] = value
    return figures


def _parted(refs: tuple[Ref, ...], row: str, index: Mapping[str, int]
            ) -> tuple[tuple[int, ...], tuple[Ref, ...]]:
    """A side's places: the row's columns (their indices) and the others."""
    mine, others = [], []
    for ref in refs:
        if ref[0] == row and ref[1] in index:
            mine.append(index[ref[1]])
        else:
            others.append(ref)
    return tuple(mine), tuple(others)


def _summed(side: tuple[tuple[int, ...], tuple[Ref, ...]], known: Mapping[Ref, Number]) -> _Side:
    """A parted side as _Side: the sum of its other places' figures, whether one of
    them is unknown (missing, or not in ``known``), and the row's columns."""
    mine, others = side
    values = list(map(known.get, others))
    if None in values:
        return sum([v for v in values if v is not None]), True, mine
    return sum(values), False, mine


def _broken(left: _Side, right: _Side, figures: Sequence[Number]) -> bool:
    (lsum, lunknown), (rsum, runknown) = _sum(left, figures), _sum(right, figures)
    if lunknown and runknown:
        return False
    # Unknowns are >= 0: they can only raise their side's sum.
    if lunknown:
        return lsum > rsum
    if runknown:
        return rsum > lsum
    return lsum != rsum


def _sum(side: _Side, figures: Sequence[Number]) -> tuple[Number, bool]:
    total, unknown, mine = side
    for column in mine:
        if (value := figures[column]) is None:
            unknown = True
        else:
            total += value
    return total, unknown


def supported(values: Sequence[Number], columns: Sequence[str], row: str,
              relations: Iterable[Relation], known: Mapping[Ref, Number],
              placement: Sequence[int]) -> bool:
    """Whether, under ``placement``, every figure placed is in a relation that can be
    checked (no unknown in it) and holds: evidence that it stands in its column. A
    placement that fits only because its unknowns absorb what does not add up (a
    report whose own arithmetic is off) is no evidence of anything."""
    relations = RowRelations(columns, row, relations)
    return relations.supported(values, relations.sides(known), placement)
