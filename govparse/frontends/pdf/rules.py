"""The ruling lines of a PDF page: the straight horizontal and vertical strokes (and
rectangles' edges) a table's grid is drawn with, in points from the page's bottom
left, and the cell of the grid a point stands in (``Rules.cell_at``).

Read from the page's path objects with pypdfium2 (each path's segments through its
matrix), as pdfplumber reads a page's ``edges``; curves are no rules. Only the page's
objects and those of the form XObjects it draws are looked at.
"""

from __future__ import annotations

import ctypes
import math
import struct
from bisect import bisect_left
from operator import itemgetter

MIN_LENGTH = 2.0  # points: a shorter stroke is a dot or a line's end, no rule
SLANT = 0.5  # points: how far a rule's ends may stand apart across it
JOIN = 3.0  # points: the widest gap between two pieces of one rule (a dashed line's)


class Rules:
    """A page's ruling lines: ``horizontal`` as (y, x0, x1), ``vertical`` as
    (x, y0, y1); and the page's own left and right sides (``sides``: None, unknown)."""

    __slots__ = ("horizontal", "vertical", "sides", "_sorted", "_across", "_along")

    def __init__(self, horizontal=(), vertical=(), sides: tuple[float, float] | None = None
                 ) -> None:
        self.horizontal: list[tuple[float, float, float]] = list(horizontal)
        self.vertical: list[tuple[float, float, float]] = list(vertical)
        self.sides = sides
        self._sorted = None  # (cell_at: each kind sorted by where it stands, and those places)
        # (cell_at: the vertical rules found last, left and right of a point, and the
        # horizontal ones below and above it, each with the places where the same two
        # are the answer: _passing's. Like _sorted, they hold as long as the rules do:
        # a page's are made once, and never changed.)
        self._across = self._along = _NOWHERE

    def __bool__(self) -> bool:
        return bool(self.horizontal and self.vertical)

    def cell_at(self, x: float, y: float) -> tuple[float, float, float, float] | None:
        """The cell of the grid the point stands in: the nearest rule on each side
        that passes it (left, bottom, right, top), or None when a side has none."""
        # (Asked for every character of a table's labels and figures. The rules found
        # for the point before are the answer again wherever _passing says they hold:
        # most often, the characters of one cell, and the cells of a row, which are
        # between the same two horizontal rules.)
        across, along = self._across, self._along
        if not (across[2] < x < across[3] and across[4] < y < across[5]):
            across = self._across = _passing(self._rules()[0], x, y)
            if across is None:
                self._across = _NOWHERE
                return None
        if not (along[2] < y < along[3] and along[4] < x < along[5]):
            along = self._along = _passing(self._rules()[1], y, x)
            if along is None:
                self._along = _NOWHERE
                return None
        return (across[0], along[0], across[1], along[1])

    def _rules(self):
        """The vertical and the horizontal rules, each sorted by where they stand: the
        rules with where each stands rounded as a cell's sides are, and the places
        unrounded (bisected)."""
        if self._sorted is None:
            vertical, horizontal = sorted(self.vertical), sorted(self.horizontal)
            self._sorted = (([(round(r[0], 1), r[1], r[2]) for r in vertical],
                             [r[0] for r in vertical]),
                            ([(round(r[0], 1), r[1], r[2]) for r in horizontal],
                             [r[0] for r in horizontal]))
        return self._sorted

    def on_the_page(self, x: float) -> float:
        """``x``, or where it stands past a side of the page, a point inside that side:
        a table wider than its page is cut there (the office suite draws no more of it),
        and what stands past the side is in the cell the side cuts (1 296 of a total
        whose cell the page's right side cuts: its 296 past the side, its 1 before)."""
        sides = self.sides
        if sides is None or sides[0] + _INSIDE <= x <= sides[1] - _INSIDE:
            return x
        return sides[0] + _INSIDE if x < sides[0] + _INSIDE else sides[1] - _INSIDE


_INSIDE = 1.0  # points: a place inside a side of the page (a grid's lines end half a point in)


def _passing(kind: tuple[list, list], at: float, along: float) -> tuple | None:
    """Of rules of one kind (Rules._rules': each rounded, and where each stands), the
    nearest before ``at`` and the nearest after it that pass ``along`` (start <= along
    <= end), where each stands rounded; then the open range of ``at`` between the two,
    and the open range of ``along`` where each of the two passes and none of the rules
    between them does: for any place in both ranges, the answer is the same two rules
    (empty ranges where rules stand at ``at`` itself, passed over unasked). None: a
    side has no such rule."""
    # (The rules after ``at`` are found from where those before it end, past any that
    # stand at ``at`` itself: a bisection costs more than that step, most often none.)
    rules, places = kind
    after = bisect_left(places, at)  # (the rules from here on stand at ``at`` or after it)
    found = _nearest(rules, range(after - 1, -1, -1), along, _BELOW_ALL, _ABOVE_ALL)
    if found is None:
        return None
    before, low, high = found
    first, stop = after, len(places)
    while first < stop and places[first] == at:
        first += 1
    found = _nearest(rules, range(first, stop), along, low, high)
    if found is None:
        return None
    i, low, high = found
    if first > after:
        return rules[before][0], rules[i][0], at, at, low, high
    return rules[before][0], rules[i][0], places[before], places[i], low, high


def _nearest(rules: list, order: range, along: float, low: float, high: float
             ) -> tuple[int, float, float] | None:
    """The first of the rules, in ``order`` (their indices), that passes ``along``, and
    the open range of ``along`` (``low``, ``high``) narrowed to where it passes and none
    of those passed over before it does: (its index, low, high); None: none passes."""
    # (comparisons, not max and min: a call each costs more than the search's step)
    for i in order:
        _, start, end = rules[i]
        if start <= along <= end:
            return i, start if start > low else low, end if end < high else high
        if end < along:
            if end > low:
                low = end
        elif start < high:
            high = start
    return None


_BELOW_ALL, _ABOVE_ALL = -math.inf, math.inf
_NOWHERE = (None, None, 0.0, 0.0, 0.0, 0.0)  # (a _passing answer that holds nowhere)


def page_rules(page) -> Rules:
    """The ruling lines of a pypdfium2 page, those drawn inside form XObjects too
    (through their matrices). A page drawn with more than ``MAX_SEGMENTS`` path
    segments (a map, a chart) is taken to have none."""
    from govparse.frontends.pdf import pdfium_calls as pdfium

    rules = Rules()
    handle = pdfium.handle(page.raw)
    try:
        _walk(pdfium, pdfium.get_object, pdfium.argument(handle), pdfium.count_objects(handle),
              None, rules, [MAX_SEGMENTS], 0)
    except _TooMany:
        return Rules()
    left, _, right, _ = page.get_bbox()
    horizontal, vertical = _joined(rules.horizontal), _joined(rules.vertical)
    return Rules(horizontal + _cut_ends(horizontal, vertical), vertical, (left, right))


def _cut_ends(horizontal: list[tuple[float, float, float]],
              vertical: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """The lines where a page break cuts a table whose cells the page leaves open: a
    browser draws no line under a row it breaks across pages, nor over the rest of it
    on the next page, and the columns' lines stop there, the lowest or highest of the
    page's. Where two columns' lines or more stop there with no rule across, a rule
    from the first to the last of them closes the cells (else they stand in no cell of
    the grid)."""
    if not vertical:
        return []
    ys = [rule[0] for rule in horizontal]  # (horizontal: sorted by where each stands)
    lowest, highest = min(rule[1] for rule in vertical), max(rule[2] for rule in vertical)
    open_ends: dict[float, list[float]] = {}
    for x, bottom, top in vertical:
        for y in (bottom, top):
            if (y - lowest <= JOIN or highest - y <= JOIN) \
                    and not _ruled_across(horizontal, ys, x, y):
                open_ends.setdefault(round(y), []).append(x)
    return [(float(y), min(xs), max(xs)) for y, xs in open_ends.items() if len(xs) > 1]


def _ruled_across(horizontal, ys, x: float, y: float) -> bool:
    """Whether a horizontal rule passes (x, y), within JOIN of it."""
    for at in range(bisect_left(ys, y - JOIN), len(ys)):
        rule_y, start, end = horizontal[at]
        if rule_y > y + JOIN:
            return False
        if start - JOIN <= x <= end + JOIN:
            return True
    return False


def _joined(rules: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Rules on one line whose ends lie within JOIN of each other made one (a dashed
    line, a rule drawn a cell at a time), as pdfplumber joins a page's edges."""
    lines: list[list[tuple[float, float, float]]] = []  # rules within SLANT across
    line: list[tuple[float, float, float]] = []
    line_at = None  # (where the last line's first rule stands)
    # (sorted by where each stands alone: a line's rules are sorted by where each
    # starts below, and those that start at one place are joined alike in any order;
    # comparing whole tuples, most of a page's rules standing on a few lines, took
    # half the time of the join)
    for rule in sorted(rules, key=itemgetter(0)):
        if line_at is not None and rule[0] - line_at <= SLANT:
            line.append(rule)
        else:
            line, line_at = [rule], rule[0]
            lines.append(line)
    out: list[tuple[float, float, float]] = []
    for line in lines:
        at = line[0][0]
        pieces = iter(sorted(line, key=itemgetter(1)))  # (by where each starts)
        _, start, end = next(pieces)
        for _, a, b in pieces:
            if a - end <= JOIN:
                if b > end:  # (as max(end, b))
                    end = b
                continue
            out.append((at, start, end))
            start, end = a, b
        out.append((at, start, end))
    return out


MAX_SEGMENTS = 50_000
MAX_DEPTH = 4  # forms inside forms


class _TooMany(Exception):
    pass


Matrix = tuple[float, float, float, float, float, float]  # a b c d e f: x' = ax + cy + e
_MATRIX = struct.Struct("6f")  # pdfium's FS_MATRIX, in the machine's own order


def _walk(pdfium, get_object, owner: int, count: int, outer: Matrix | None, rules: Rules,
          budget: list[int], depth: int) -> None:
    """The rules of the path objects among the ``count`` objects of a page or form
    (``get_object(owner, i)``: pdfium's handles, as Handles or arguments:
    govparse/frontends/pdf/pdfium_calls.py) and of the forms among them. (pdfium's
    functions are taken into locals once: a page asks them ten thousand times.)"""
    fs = pdfium.Matrix()
    fs_at = ctypes.byref(fs)  # (a reference made once: object_matrix converts nothing)
    get_type, get_matrix = pdfium.object_type, pdfium.object_matrix
    count_segments, path_segments = pdfium.count_segments, pdfium.path_segments
    path, form = pdfium.PATH, pdfium.FORM
    line_to, move_to = pdfium.LINE_TO, pdfium.MOVE_TO
    for obj_index in range(max(count, 0)):
        obj = get_object(owner, obj_index)
        kind = get_type(obj)
        if kind != path and kind != form:
            continue
        if not get_matrix(obj, fs_at):
            continue
        matrix = _MATRIX.unpack_from(fs)  # (a, b, c, d, e, f: the struct's floats at once)
        if outer is not None:
            matrix = _then(matrix, outer)
        if kind == form:
            if depth < MAX_DEPTH:
                _walk(pdfium, pdfium.form_get_object, obj, pdfium.form_count_objects(obj),
                      matrix, rules, budget, depth + 1)
            continue
        segments = count_segments(obj)
        budget[0] -= max(segments, 0)
        if budget[0] < 0:
            raise _TooMany
        a, b, c, d, e, f = matrix
        x0 = y0 = x = y = None  # (where the subpath starts; where the pen is: None, nowhere)
        horizontal, vertical = rules.horizontal, rules.vertical
        for px, py, segment_kind, closes in path_segments(obj, segments):
            to_x, to_y = a * px + c * py + e, b * px + d * py + f
            if segment_kind == line_to and x is not None:
                _add(horizontal, vertical, x, y, to_x, to_y)
                x, y = to_x, to_y
                # (only such a line's end closes its subpath with a rule: a move's
                # closes nothing, and nothing after a curve is a rule)
                if closes:
                    _add(horizontal, vertical, x, y, x0, y0)
                    x, y = x0, y0
            elif segment_kind == move_to:
                x0, y0 = x, y = to_x, to_y
            else:
                x = None  # a curve, or a line from its end: no rule until a move


def _then(first: Matrix, second: Matrix) -> Matrix:
    """The matrix that applies ``first``, then ``second``."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = second
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


def _add(horizontal: list, vertical: list, ax: float, ay: float, bx: float, by: float) -> None:
    """The segment from (ax, ay) to (bx, by) as a rule, where it is one."""
    across, along = abs(ay - by), abs(ax - bx)
    if across <= SLANT and along >= MIN_LENGTH:
        horizontal.append(((ay + by) / 2, bx, ax) if ax > bx else ((ay + by) / 2, ax, bx))
    elif along <= SLANT and across >= MIN_LENGTH:
        vertical.append(((ax + bx) / 2, by, ay) if ay > by else ((ax + bx) / 2, ay, by))
