"""Tables drawn with lines, as text converters print them: box-drawing grids (w3m:
┌─┬─┐ │ ├─┼─┤ └─┴─┘), ASCII grid tables (pandoc: +----+ | … |, +====+), and
ruled tables (pandoc's simple tables: a dashed rule of column widths above and
below rows whose columns are aligned by spaces, ``-----  --------  -----``).

A drawn table says exactly where each cell is: a cell is a region of the text
enclosed by the lines drawn around it. So the table is read as a picture, by display
columns (a CJK character is two columns wide, as converters draw them):

- the lines drawn are the table's boundaries: box-drawing characters; in an ASCII
  grid, ``|`` on any line and ``+ - = :`` on a rule line (a line of only those);
- every region of the picture the boundaries enclose is one cell (found by joining
  the runs of each line that touch a run of the line above); its text is the text
  of its lines, each stripped, joined (a label or header wrapped inside its cell:
  商业 / 企业 is 商业企业; two numbers on two lines stay apart: ``1 2``);
- a region that spans several columns or rows of the grid (the distinct left edges
  and top lines of all regions) has that colspan or rowspan, so that the core gets
  the same grid as from an HTML table.

A run of the text's lines is a drawn table when it starts and ends with a rule and
most of its lines start with a boundary (``find_grids``).

A ruled table's columns are the dashed rule's segments: each line between the two
rules is a row; each word on it (a run of text with no blank) goes to the segment it
starts in (or, starting between two, the next one), the words of a segment joined
by a space.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from govparse.document import Cell, Table, TextLocation
from govparse.frontends.blocks import join_lines
from govparse.frontends.text.lines import char_width, display_columns

_BOX = re.compile(r"[\u2500-\u257f]")
_ASCII_RULE = re.compile(r"[ \t]*\+[-=+: ]*\+[ \t]*")
_GRID_START = re.compile(r"[ \t]*[\u2500-\u257f|+]")


_DASH_RULE = re.compile(r"[ \t]*-{3,}(?: +-{3,})+[ \t]*")
_WORD = re.compile(r"\S+")


def is_dashed_rule(text: str) -> bool:
    """A ruled table's rule: dashed segments parted by blanks (two at least)."""
    return _DASH_RULE.fullmatch(text) is not None


def find_drawn(lines: dict[int, str]) -> list[tuple[str, list[int]]]:
    """Every drawn table of the lines: ("grid", run) or ("ruled", run)."""
    found = [("grid", run) for run in find_grids(lines)]
    taken = {n for _, run in found for n in run}
    found += [("ruled", run) for run in find_ruled(lines) if taken.isdisjoint(run)]
    return sorted(found, key=lambda item: item[1][0])


def read_drawn(lines: dict[int, str], kind: str, run: list[int]) -> Table:
    return read_grid(lines, run) if kind == "grid" else read_ruled(lines, run)


def find_ruled(lines: dict[int, str]) -> list[list[int]]:
    """Runs from a dashed rule to the next with the same segments, no blank line
    between, at least one row."""
    runs = []
    numbers = sorted(lines)
    start = None
    for number in numbers:
        text = lines[number]
        if _DASH_RULE.fullmatch(text):
            if start is not None and _segments(lines[start]) == _segments(text) \
                    and number - start >= 2:
                runs.append(list(range(start, number + 1)))
                start = None
            else:
                start = number
        elif start is not None and (not text.strip() or number - 1 not in lines):
            start = None
    return runs


def _segments(rule: str) -> list[tuple[int, int]]:
    """The display columns [start, end) of a dashed rule's segments."""
    return [(m.start(), m.end()) for m in re.finditer("-+", rule)]  # (dashes and blanks: 1 wide)


def read_ruled(lines: dict[int, str], run: list[int]) -> Table:
    segments = _segments(lines[run[0]])
    ends = [end for _, end in segments]
    rows = []
    for number in run[1:-1]:
        text = lines[number]
        cells = [Cell("", TextLocation(number, 1)) for _ in segments]
        columns = display_columns(text)
        filled: dict[int, list] = {}
        for found in _WORD.finditer(text):
            at = columns[found.start()]
            index = min(bisect_right(ends, at), len(segments) - 1)  # the first ending after it
            filled.setdefault(index, []).append(found)
        for index, found in filled.items():
            words = " ".join(f.group() for f in found)
            cells[index] = Cell(words, TextLocation(number, found[0].start() + 1))
        rows.append(cells)
    return Table.from_rows(rows, TextLocation(run[0], 1))


def is_grid_line(text: str) -> bool:
    """A line a drawn table may hold: it starts with a boundary."""
    return _GRID_START.match(text) is not None


def is_rule(text: str) -> bool:
    """A line that is all boundary: ├──┼──┤ or +----+----+."""
    stripped = text.strip()
    if not stripped:
        return False
    if _ASCII_RULE.fullmatch(text) is not None:
        return True
    return all(_BOX.match(c) or c == " " for c in stripped)


def find_grids(lines: dict[int, str]) -> list[list[int]]:
    """The runs of line numbers (consecutive, each a grid line) that are drawn
    tables: at least three lines, a rule first and last."""
    runs: list[list[int]] = []
    run: list[int] = []
    for number in sorted(lines):
        if is_grid_line(lines[number]) and (not run or number == run[-1] + 1):
            run.append(number)
            continue
        _close(run, lines, runs)
        run = [number] if is_grid_line(lines[number]) else []
    _close(run, lines, runs)
    return runs


def _close(run: list[int], lines: dict[int, str], runs: list) -> None:
    while run and not is_rule(lines[run[-1]]):
        run.pop()
    while run and not is_rule(lines[run[0]]):
        run.pop(0)
    if len(run) >= 3:
        runs.append(list(run))


class _Run:
    """A run of a line between two boundaries: display columns [left, right), and
    the characters [start, end) of the line's text it holds."""

    __slots__ = ("line", "left", "right", "start", "end", "parent")

    def __init__(self, line: int, left: int, start: int) -> None:
        self.line = line
        self.left = left
        self.right = left
        self.start = start
        self.end = start
        self.parent = self

    def root(self) -> _Run:
        run = self
        while run.parent is not run:
            run.parent = run.parent.parent
            run = run.parent
        return run


def _runs_of(number: int, text: str, ascii_rule: bool) -> list[_Run]:
    """A line's runs between its first and last boundary."""
    runs: list[_Run] = []
    current: _Run | None = None
    seen_boundary = False
    column = 0
    for index, char in enumerate(text):
        width = char_width(char)
        boundary = _BOX.match(char) is not None or char == "|" or (
            ascii_rule and char in "+-=:")
        if boundary:
            if current is not None:
                runs.append(current)
            current = None
            seen_boundary = True
        elif seen_boundary:
            if current is None:
                current = _Run(number, column, index)
            current.end = index + 1
            current.right = column + width
        column += width
    # a run after the last boundary lies outside the table
    return runs


def read_grid(lines: dict[int, str], numbers: list[int]) -> Table:
    """The Table a drawn table's lines hold."""
    previous: list[_Run] = []
    regions: list[_Run] = []
    for number in numbers:
        text = lines[number]
        runs = _runs_of(number, text, _ASCII_RULE.fullmatch(text) is not None)
        _join_overlapping(previous, runs)
        regions.extend(runs)
        previous = runs
    cells: dict[int, list[_Run]] = {}
    for run in regions:
        cells.setdefault(id(run.root()), []).append(run)
    return _table(list(cells.values()), numbers[0], lines)


def _join_overlapping(above: list[_Run], below: list[_Run]) -> None:
    """Join each run to the runs of the line above that it touches. Both lists run
    left to right, so one pass over the two does (a line of many cells costs no more
    than its length)."""
    i = j = 0
    while i < len(above) and j < len(below):
        up, down = above[i], below[j]
        if up.left < down.right and down.left < up.right:
            a, b = up.root(), down.root()
            if a is not b:
                b.parent = a
        if up.right <= down.right:
            i += 1
        else:
            j += 1


def _table(regions: list[list[_Run]], first_line: int, lines: dict[int, str]) -> Table:
    boxes = []
    for runs in regions:
        left = min(r.left for r in runs)
        right = max(r.right for r in runs)
        top = min(r.line for r in runs)
        bottom = max(r.line for r in runs)
        boxes.append((top, left, bottom, right, runs))
    lefts = sorted({b[1] for b in boxes})
    tops = sorted({b[0] for b in boxes})
    grid_rows: dict[int, list] = {}
    for top, left, bottom, right, runs in boxes:
        column, row = bisect_left(lefts, left), bisect_left(tops, top)
        colspan = bisect_left(lefts, right) - column
        rowspan = bisect_right(tops, bottom) - row
        grid_rows.setdefault(row, []).append((column, _cell(runs, rowspan, colspan, lines)))
    rows = [[cell for _, cell in sorted(grid_rows.get(i, []), key=lambda p: p[0])]
            for i in range(len(tops))]
    return Table.from_rows(rows, TextLocation(first_line, 1))


def _cell(runs: list[_Run], rowspan: int, colspan: int, lines: dict[int, str]) -> Cell:
    """A region's cell: its lines' text joined, located at its first character."""
    texts, at = [], None
    for run in sorted(runs, key=lambda r: (r.line, r.left)):
        raw = lines[run.line][run.start:run.end]
        text = raw.strip()
        if text:
            texts.append(text)
            if at is None:
                at = TextLocation(run.line, run.start + len(raw) - len(raw.lstrip()) + 1)
    if at is None:
        first = min(runs, key=lambda r: (r.line, r.left))
        at = TextLocation(first.line, first.start + 1)
    return Cell(join_lines(texts), at, rowspan, colspan)
