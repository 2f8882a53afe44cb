"""The ruling lines of a PDF page: the straight horizontal and vertical strokes (and
rectangles' edges) a table's grid is drawn with, in points from the page's bottom
left, and the cell of the grid a point stands in (``Rules.cell_at``).

Read from the page's path objects with pypdfium2 (each path's segments through its
matrix), as pdfplumber reads a page's ``edges``; curves are no rules. Only the page's
objects and those of the form XObjects it draws are looked at.
"""

from __future__ import annotations

import ctypes
from bisect import bisect_left, bisect_right

MIN_LENGTH = 2.0  # points: a shorter stroke is a dot or a line's end, no rule
SLANT = 0.5  # points: how far a rule's ends may stand apart across it
JOIN = 3.0  # points: the widest gap between two pieces of one rule (a dashed line's)


class Rules:
    """A page's ruling lines: ``horizontal`` as (y, x0, x1), ``vertical`` as
    (x, y0, y1)."""

    __slots__ = ("horizontal", "vertical", "_sorted")

    def __init__(self, horizontal=(), vertical=()) -> None:
        self.horizontal: list[tuple[float, float, float]] = list(horizontal)
        self.vertical: list[tuple[float, float, float]] = list(vertical)
        self._sorted = None  # (cell_at: each kind sorted by where it stands, and those places)

    def __bool__(self) -> bool:
        return bool(self.horizontal and self.vertical)

    def cell_at(self, x: float, y: float) -> tuple[float, float, float, float] | None:
        """The cell of the grid the point stands in: the nearest rule on each side
        that passes it (left, bottom, right, top), or None when a side has none."""
        if self._sorted is None:
            # (asked for every character of a table's labels: a bisection, not a look
            # at each of the page's rules)
            vertical, horizontal = sorted(self.vertical), sorted(self.horizontal)
            self._sorted = (vertical, [r[0] for r in vertical],
                            horizontal, [r[0] for r in horizontal])
        vertical, xs, horizontal, ys = self._sorted
        left, right = _nearest(vertical, xs, y, x)
        if left is None or right is None:
            return None
        bottom, top = _nearest(horizontal, ys, x, y)
        if top is None or bottom is None:
            return None
        return (round(left, 1), round(bottom, 1), round(right, 1), round(top, 1))


def _nearest(rules, places, along: float, across: float) -> tuple[float | None, float | None]:
    """Of the rules that pass the point (each: where it stands, and where it starts
    and ends along it; sorted, ``places`` where each stands), the nearest before it
    and the nearest after it."""
    before = after = None
    for index in range(bisect_left(places, across) - 1, -1, -1):
        at, start, end = rules[index]
        if start <= along <= end:
            before = at
            break
    for index in range(bisect_right(places, across), len(rules)):
        at, start, end = rules[index]
        if start <= along <= end:
            after = at
            break
    return before, after


def page_rules(page) -> Rules:
    """The ruling lines of a pypdfium2 page, those drawn inside form XObjects too
    (through their matrices). A page drawn with more than ``MAX_SEGMENTS`` path
    segments (a map, a chart) is taken to have none."""
    import pypdfium2.raw as raw

    rules = Rules()
    count = raw.FPDFPage_CountObjects(page.raw)
    get_object, handle = raw.FPDFPage_GetObject, page.raw
    objects = (get_object(handle, i) for i in range(max(count, 0)))
    try:
        _walk(raw, objects, None, rules, [MAX_SEGMENTS], 0)
    except _TooMany:
        return Rules()
    return Rules(_joined(rules.horizontal), _joined(rules.vertical))


def _joined(rules: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Rules on one line whose ends lie within JOIN of each other made one (a dashed
    line, a rule drawn a cell at a time), as pdfplumber joins a page's edges."""
    lines: list[list[tuple[float, float, float]]] = []  # rules within SLANT across
    for rule in sorted(rules):
        if lines and rule[0] - lines[-1][0][0] <= SLANT:
            lines[-1].append(rule)
        else:
            lines.append([rule])
    out: list[tuple[float, float, float]] = []
    for line in lines:
        at = line[0][0]
        start, end = None, None
        for _, a, b in sorted(line, key=lambda r: r[1]):
            if end is not None and a - end <= JOIN:
                end = max(end, b)
                continue
            if end is not None:
                out.append((at, start, end))
            start, end = a, b
        out.append((at, start, end))
    return out


MAX_SEGMENTS = 50_000
MAX_DEPTH = 4  # forms inside forms


class _TooMany(Exception):
    pass


Matrix = tuple[float, float, float, float, float, float]  # a b c d e f: x' = ax + cy + e


def _walk(raw, objects, outer: Matrix | None, rules: Rules, budget: list[int],
          depth: int) -> None:
    """The rules of the path objects among ``objects`` (raw pdfium handles; the page's
    own are walked with no wrapper made for each: a page may hold thousands, one a
    character) and of the forms among them. (pdfium's functions are bound once: a
    page asks them ten thousand times.)"""
    x, y = ctypes.c_float(), ctypes.c_float()
    x_at, y_at = ctypes.byref(x), ctypes.byref(y)
    fs = raw.FS_MATRIX()
    get_type, get_matrix = raw.FPDFPageObj_GetType, raw.FPDFPageObj_GetMatrix
    count_segments, get_segment = raw.FPDFPath_CountSegments, raw.FPDFPath_GetPathSegment
    get_point, segment_type = raw.FPDFPathSegment_GetPoint, raw.FPDFPathSegment_GetType
    get_close = raw.FPDFPathSegment_GetClose
    path, form = raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM
    line_to, move_to = raw.FPDF_SEGMENT_LINETO, raw.FPDF_SEGMENT_MOVETO
    for obj in objects:
        kind = get_type(obj)
        if kind != path and kind != form:
            continue
        if not get_matrix(obj, fs):
            continue
        matrix = (fs.a, fs.b, fs.c, fs.d, fs.e, fs.f)
        if outer is not None:
            matrix = _then(matrix, outer)
        if kind == form:
            if depth < MAX_DEPTH:
                count = raw.FPDFFormObj_CountObjects(obj)
                inner = (raw.FPDFFormObj_GetObject(obj, i) for i in range(max(count, 0)))
                _walk(raw, inner, matrix, rules, budget, depth + 1)
            continue
        count = count_segments(obj)
        budget[0] -= max(count, 0)
        if budget[0] < 0:
            raise _TooMany
        a, b, c, d, e, f = matrix
        start = at = None
        for index in range(count):
            segment = get_segment(obj, index)
            if not segment or not get_point(segment, x_at, y_at):
                break
            px, py = x.value, y.value
            point = (a * px + c * py + e, b * px + d * py + f)
            kind = segment_type(segment)
            if kind == line_to and at is not None:
                _add(rules, at, point)
            elif kind != move_to:
                point = None  # a curve: where it ends is no rule's start
            else:
                start = point
            at = point
            if get_close(segment) and at is not None and start is not None:
                _add(rules, at, start)
                at = start


def _then(first: Matrix, second: Matrix) -> Matrix:
    """The matrix that applies ``first``, then ``second``."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = second
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


def _add(rules: Rules, a: tuple[float, float], b: tuple[float, float]) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= SLANT and abs(ax - bx) >= MIN_LENGTH:
        rules.horizontal.append(((ay + by) / 2, min(ax, bx), max(ax, bx)))
    elif abs(ax - bx) <= SLANT and abs(ay - by) >= MIN_LENGTH:
        rules.vertical.append(((ax + bx) / 2, min(ay, by), max(ay, by)))
