"""The ruling lines of a PDF page: the straight horizontal and vertical strokes (and
rectangles' edges) a table's grid is drawn with, in points from the page's bottom
left, and the cell of the grid a point stands in (``Rules.cell_at``).

Read from the page's path objects with pypdfium2 (each path's segments through its
matrix), as pdfplumber reads a page's ``edges``; curves are no rules. Only the page's
own objects are looked at, not those inside form XObjects.
"""

from __future__ import annotations

import ctypes

MIN_LENGTH = 2.0  # points: a shorter stroke is a dot or a line's end, no rule
SLANT = 0.5  # points: how far a rule's ends may stand apart across it


class Rules:
    """A page's ruling lines: ``horizontal`` as (y, x0, x1), ``vertical`` as
    (x, y0, y1)."""

    __slots__ = ("horizontal", "vertical")

    def __init__(self, horizontal=(), vertical=()) -> None:
        self.horizontal: list[tuple[float, float, float]] = list(horizontal)
        self.vertical: list[tuple[float, float, float]] = list(vertical)

    def __bool__(self) -> bool:
        return bool(self.horizontal and self.vertical)

    def cell_at(self, x: float, y: float) -> tuple[float, float, float, float] | None:
        """The cell of the grid the point stands in: the nearest rule on each side
        that passes it (left, bottom, right, top), or None when a side has none."""
        left = right = top = bottom = None
        for rx, y0, y1 in self.vertical:
            if y0 <= y <= y1:
                if rx < x and (left is None or rx > left):
                    left = rx
                elif rx > x and (right is None or rx < right):
                    right = rx
        if left is None or right is None:
            return None
        for ry, x0, x1 in self.horizontal:
            if x0 <= x <= x1:
                if ry < y and (bottom is None or ry > bottom):
                    bottom = ry
                elif ry > y and (top is None or ry < top):
                    top = ry
        if top is None or bottom is None:
            return None
        return (round(left, 1), round(bottom, 1), round(right, 1), round(top, 1))


def page_rules(page) -> Rules:
    """The ruling lines of a pypdfium2 page."""
    import pypdfium2.raw as raw

    rules = Rules()
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=0):
        matrix = obj.get_matrix()
        start = at = None
        for index in range(raw.FPDFPath_CountSegments(obj.raw)):
            segment = raw.FPDFPath_GetPathSegment(obj.raw, index)
            if not segment or not raw.FPDFPathSegment_GetPoint(segment, x, y):
                break
            point = matrix.on_point(x.value, y.value)
            kind = raw.FPDFPathSegment_GetType(segment)
            if kind == raw.FPDF_SEGMENT_LINETO and at is not None:
                _add(rules, at, point)
            elif kind != raw.FPDF_SEGMENT_MOVETO:
                point = None  # a curve: where it ends is no rule's start
            else:
                start = point
            at = point
            if raw.FPDFPathSegment_GetClose(segment) and at is not None and start is not None:
                _add(rules, at, start)
                at = start
    return rules


def _add(rules: Rules, a: tuple[float, float], b: tuple[float, float]) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= SLANT and abs(ax - bx) >= MIN_LENGTH:
        rules.horizontal.append(((ay + by) / 2, min(ax, bx), max(ax, bx)))
    elif abs(ax - bx) <= SLANT and abs(ay - by) >= MIN_LENGTH:
        rules.vertical.append(((ax + bx) / 2, min(ay, by), max(ay, by)))
