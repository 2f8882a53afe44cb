"""Where the gap is in a short table row.

A row of the template has N columns, but the source sometimes gives only k < N
figure cells, and nothing in the text marks which columns they skip. Assuming that
the last columns are the missing ones put wrong figures in real reports. A wrong
figure is the worst outcome: it reads like any other and nothing flags it, while a
missing figure comes with an error and can be looked up. So a gap is placed only
where something tells where it is:

- the figures' horizontal positions under the header (``placement_by_position``);
- the template's arithmetic, when exactly one placement breaks none of the table's
  relations (``unique_consistent``).

Otherwise the caller leaves the row's figures missing, with an error.

Pure functions on plain data, stdlib only, and no import from govparse, so that the
reading core can import this module without cycles.
"""

from __future__ import annotations

import math
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Decimal, localcontext
from itertools import combinations
from typing import Iterable, Iterator, Mapping, Sequence

Number = int | Decimal | None
Ref = tuple[str, str]  # (row id, column id) within one table
Relation = tuple[tuple[Ref, ...], tuple[Ref, ...]]  # sum(left) == sum(right)
MAX_PLACEMENTS = 10_000  # combinations tried at most

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
    k, n = len(values), len(columns)
    if math.comb(n, k) > limit:
        return None
    # Exact sums: the default context would round past 28 digits.
    with localcontext(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN):
        sides = _row_sides(columns, row, relations, known)
        found = []
        for placement in placements(k, n):
            figures: list[Number] = [None] * n
            for value, column in zip(values, placement):
                figures[column] = value
            found.append((placement, sum(_broken(left, right, figures) for left, right in sides)))
    return found


def broken_counts_in_place(rows: Iterable[Sequence[Number]], columns: Sequence[str], row: str,
                           relations: Iterable[Relation], known: Mapping[Ref, Number]
                           ) -> list[int]:
    """For each of several readings of the row (a value a column, in order), how many
    relations it breaks: broken_counts of its one placement, with the relations
    split once for all of them."""
    with localcontext(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN):
        sides = _row_sides(columns, row, relations, known)
        return [sum(_broken(left, right, values) for left, right in sides)
                for values in rows]


def _row_sides(columns: Sequence[str], row: str, relations: Iterable[Relation],
               known: Mapping[Ref, Number]) -> list[tuple[_Side, _Side]]:
    """The relations that name a column of the row, each side split (_split). A
    relation that names none does not depend on the placement; were it broken (by
    other rows), it would rule out every placement."""
    index = {column: i for i, column in enumerate(columns)}
    sides = []
    for left, right in relations:
        pair = _split(left, row, index, known), _split(right, row, index, known)
        if pair[0][2] or pair[1][2]:
            sides.append(pair)
    return sides


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


def _split(refs: tuple[Ref, ...], row: str, index: Mapping[str, int],
           known: Mapping[Ref, Number]) -> _Side:
    total: Number = 0
    unknown = False
    mine = []
    for ref in refs:
        if ref[0] == row and ref[1] in index:
            mine.append(index[ref[1]])
        elif (value := known.get(ref)) is None:
            unknown = True
        else:
            total += value
    return total, unknown, tuple(mine)


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
    index = {column: i for i, column in enumerate(columns)}
    figures: list[Number] = [None] * len(columns)
    for value, column in zip(values, placement):
        figures[column] = value
    confirmed: set[int] = set()
    with localcontext(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN):
        for left, right in relations:
            sides = _split(left, row, index, known), _split(right, row, index, known)
            mine = sides[0][2] + sides[1][2]
            if not mine:
                continue
            (lsum, lunknown), (rsum, runknown) = (_sum(sides[0], figures),
                                                  _sum(sides[1], figures))
            if not lunknown and not runknown and lsum == rsum:
                confirmed.update(mine)
    return all(column in confirmed for value, column in zip(values, placement)
               if value is not None)
