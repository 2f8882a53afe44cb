"""Tables drawn with lines, as text converters print them: box-drawing grids (w3m:
┌─┬─┐ │ ├─┼─┤ └─┴─┘), ASCII grid tables (pandoc: +----+ | … |, +====+), and
ruled tables (pandoc's simple tables: a dashed rule of column widths above and
below rows whose columns are aligned by spaces, ``-----  --------  -----``).

A drawn table says exactly where each cell is: a cell is a region of the text
enclosed by the lines drawn around it. So the table is read as a picture, by display
columns (a CJK character is two columns wide, as converters draw them):

- the lines drawn are the table's boundaries: box-drawing characters; in an ASCII
  grid, ``|`` on any line and ``+ - = :`` on a rule line (a line of only those) or in
  a rule drawn across part of a line (pandoc 3: ``|      +-----+``, beside a cell
  that spans rows on);
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

import functools
import re
from bisect import bisect_left, bisect_right
from operator import itemgetter

from govparse.core.cells import FIGURE_KINDS, NUMBER, new_cell
from govparse.document import Cell, Table, TextLocation
from govparse.frontends.blocks import join_lines
from govparse.frontends.text.lines import (display_columns, display_width, reading, remembered,
                                           remembered_width)

_BOX_RULE = re.compile(r"[\u2500-\u257f ]+")  # a rule of box-drawing characters
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
        reaches: dict[int, int] = {}  # a figure that runs into the segments after its own
        for found in _WORD.finditer(text):
            at = columns[found.start()]
            index = min(bisect_right(ends, at), len(segments) - 1)  # the first ending after it
            filled.setdefault(index, []).append(found)
            last = columns[found.end()] - 1  # (the display column of its last character)
            if index + 1 < len(segments) and last >= segments[index + 1][0] \
                    and reading(found.group())[0] == NUMBER:
                reaches[index] = bisect_left([start for start, _ in segments], last + 1) - 1
        for index, found in filled.items():
            words = " ".join(f.group() for f in found)
            at = found[0].start() + 1
            if "]{" in words or "<" in words:  # (a converter's markup: markup.py)
                from govparse.frontends.text.markup import cell_without_markup

                words, moved = cell_without_markup(words)
                for word in found:  # (located in the word it falls in: joined by a blank)
                    if moved < len(word.group()):
                        at = word.start() + moved + 1
                        break
                    moved -= len(word.group()) + 1
            # (its extent, the segment's: the core places a short row's figures by
            # the headers above them)
            cells[index] = Cell(words, TextLocation(number, at), x=segments[index])
        for index, reach in sorted(reaches.items(), reverse=True):
            if not any(i in filled for i in range(index + 1, reach + 1)):
                # a figure over two segments, as likely the one's as the other's: one cell
                # spanning both, which places no figure of its row (GP503)
                cells[index] = Cell(cells[index].text, cells[index].location, 1,
                                    reach - index + 1,
                                    x=(segments[index][0], segments[reach][1]))
                del cells[index + 1:reach + 1]
        rows.append(cells)
    _labels_over_their_segments(rows, segments)
    return Table.from_rows(rows, TextLocation(run[0], 1))


def _labels_over_their_segments(rows: list[list[Cell]], segments: list[tuple[int, int]]) -> None:
    """The segments on the left that hold no figure in any row are the row labels'
    (三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密): a label there spans the empty
    ones after it, as its merged cell does in the page (一、本年新收政府信息公开申请数量
    over all three), so that the empty places are no figure's."""
    labels = len(segments)
    for cells in rows:
        for index, cell in enumerate(cells[:labels]):
            if cell.text and cell.colspan == 1 and reading(cell.text)[0] in FIGURE_KINDS:
                labels = index
                break
    if labels < 2:
        return
    for cells in rows:
        if len(cells) != len(segments):
            continue  # (a figure over two segments made one cell: left as it is)
        joined = []  # the row's label segments, each label over the empty ones after it
        for index in range(labels):
            cell = cells[index]
            if cell.text or not joined or not joined[-1][0].text:
                joined.append((cell, index, index))
            else:
                joined[-1] = (joined[-1][0], joined[-1][1], index)
        cells[:labels] = [cell if first == last else
                          Cell(cell.text, cell.location, 1, last - first + 1,
                               x=(segments[first][0], segments[last][1]))
                          for cell, first, last in joined]


def cut_at(lines: dict[int, str], run: list[int]) -> int | None:
    """The first line of a box-drawn grid whose border runs off the line's edge, where
    the text was wrapped (or cut) at a width after the grid was drawn (a rule's rest
    at the left edge of the next line: ┌──── / ────┐); None where every line is whole.
    Such a grid's cells stand apart from their columns: its regions say nothing. (An
    ASCII grid wrapped so is no grid: its rules, cut, end in no +, and its lines are
    read as text.)"""
    draws_left, draws_right = _drawing_to_the_sides()
    for number in run:
        text = lines[number].strip()
        # (the last character first: of a whole line, it draws no line to the right, and
        # the line is not matched against a rule's pattern)
        if text and (text[0] in draws_left or text[-1] in draws_right and is_rule(text)):
            return number
    return None


@functools.cache
def _drawing_to_the_sides() -> tuple[frozenset[str], frozenset[str]]:
    """The box-drawing characters that draw a line to their left (─ both, ┐ and ┤),
    and those that draw one to their right (─, ┌ and ├), as their names say. (Sets:
    cut_at asks of every line of a grid.)"""
    import unicodedata

    names = [(char, unicodedata.name(char)) for char in map(chr, range(0x2500, 0x2580))]
    return tuple(frozenset(char for char, name in names if "HORIZONTAL" in name or side in name)
                 for side in ("LEFT", "RIGHT"))


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
    return _BOX_RULE.fullmatch(stripped) is not None


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


class _Region:
    """A region of the picture the boundaries enclose: one cell. ``parts``: its runs
    (a run: a line's text between two boundaries), each (line, left display column,
    the column its text starts at in the line (a blank run's: where the run starts),
    its text without the blanks around it), in reading order; ``top``, ``bottom``,
    ``left``, ``right``: its extent (lines, display columns [left, right))."""

    __slots__ = ("order", "top", "bottom", "left", "right", "parts", "into", "joined")

    def __init__(self, order: int, line: int, left: int, right: int,
                 part: tuple[int, int, int, str]) -> None:
        self.order = order  # regions are numbered in the order of their first run
        self.top = self.bottom = line
        self.left = left
        self.right = right
        self.parts = [part]
        self.into: _Region | None = None  # the region it was found to be part of
        self.joined = False  # another was joined to it: its parts to be put in order

    def found(self) -> _Region:
        region = self
        while region.into is not None:
            region = region.into
        node = self  # (each on the way now points to it: the next look is short)
        while node.into is not None and node.into is not region:
            node.into, node = region, node.into
        return region


# A line's text between its boundaries: box-drawing characters and | (and, on an
# ASCII rule line, + - = : too). Every boundary character is one column wide.
# (Compiled when a grid is read: this module is imported for a dashed rule too, and
# the cold start of a report that has one pays for no pattern it does not use.)
@functools.cache
def _between() -> tuple[re.Pattern, re.Pattern]:
    return re.compile(r"[^\u2500-\u257f|]+"), re.compile(r"[^\u2500-\u257f|+\-=:]+")


# A rule drawn across part of a line, beside the border of a cell that spans rows on
# (``|    +-----+----+``): pandoc 3's grid tables draw one under the cells that end there.
_PART_RULE = re.compile(r"\+[-=:]{2,}(?:\+[-=:]{2,})*\+")


def _runs(text: str) -> tuple[tuple[int, int, int, str], ...]:
    """A line's runs of text between its first and last boundary, left to right: for
    each its display columns [left, right), the column its text starts at in the line
    (a blank run's: where the run starts) and its text without the blanks around it.
    Text before the first boundary lies outside; text after the last is a cell whose
    closing border the line lost, as long as there is text. A rule across part of a
    line is boundary too (each of its characters, one column wide, read as a |)."""
    between, between_on_rule = _between()
    if _ASCII_RULE.fullmatch(text) is not None:
        pattern = between_on_rule
    else:
        pattern = between
        if ("+-" in text or "+=" in text) and "|" in text:  # (beside a cell's border)
            text = _PART_RULE.sub(lambda rule: "|" * len(rule.group()), text)
    size = len(text)
    runs = []
    at = column = 0  # a character of the line, and the display column it starts at
    for found in pattern.finditer(text):
        start, end = found.span()
        raw = found.group()
        left = column + start - at  # (the boundaries between: one column each)
        right = left + (end - start if raw.isascii()
                        else remembered_width(raw) or display_width(raw))
        at, column = end, right
        body = raw.strip()
        if not start or end == size and not body:
            continue
        # (a text's column: where its first character stands, found by index since
        # every character before it is a blank)
        runs.append((left, right, start + raw.index(body[0]) + 1 if body else start + 1, body))
    return tuple(runs)


# The same lines come back grid after grid and report after report (a table's rules
# and header lines, a wrapped label's line beside empty figure cells: three lines of
# four in a batch of reports of one template): each is split into its runs once while
# it keeps coming. Bounded, and only lines of up to 200 characters (wider than a
# template's table), so that what is remembered stays small whatever the input.
_LONGEST_REMEMBERED = 200  # characters
_remembered_runs = functools.lru_cache(maxsize=256)(_runs)


def read_grid(lines: dict[int, str], numbers: list[int]) -> Table:
    """The Table a drawn table's lines hold.

    Each line's runs (_runs) are joined to the runs of the line above that they
    touch (display columns overlapping): both lines' runs go left to right, so one
    pass over the two does, and a run most often goes on the one region above it."""
    regions: list[_Region] = []
    above: list[tuple[int, int, _Region]] = []  # the line above's runs: left, right, region
    for number in numbers:
        text = lines[number]
        here: list[tuple[int, int, _Region]] = []
        i, count = 0, len(above)
        runs = _remembered_runs(text) if len(text) <= _LONGEST_REMEMBERED else _runs(text)
        for left, right, column, body in runs:
            while i < count and above[i][1] <= left:
                i += 1  # (it touches no run of this line from here on)
            if i == count or above[i][0] >= right:  # it touches none: a region of its own
                region = _Region(len(regions), number, left, right, (number, left, column, body))
                regions.append(region)
                here.append((left, right, region))
                continue
            region = above[i][2]
            if region.into is not None:  # (most regions were never joined to another)
                region = region.found()
            j = i + 1
            while j < count and above[j][0] < right:  # (and the others it touches)
                up = above[j][2]
                if up.into is not None:
                    up = up.found()
                if up is not region:
                    region = _joined(region, up)
                j += 1
            if body:
                # (a blank run adds nothing to the cell's text, nor to where it stands:
                # that is its first run's place, which is kept)
                region.parts.append((number, left, column, body))
            region.bottom = number
            if left < region.left:
                region.left = left
            if right > region.right:
                region.right = right
            here.append((left, right, region))
        above = here
    return _table([r for r in regions if r.into is None], numbers[0])


def _joined(one: _Region, other: _Region) -> _Region:
    """Two regions found to be one: the one first found keeps the other's runs."""
    keep, gone = (one, other) if one.order < other.order else (other, one)
    gone.into = keep
    if len(keep.parts) < len(gone.parts):  # (the shorter list goes into the longer)
        keep.parts, gone.parts = gone.parts, keep.parts
    keep.parts.extend(gone.parts)
    gone.parts = []
    keep.joined = True  # (put in reading order once, when the table is made)
    keep.top = min(keep.top, gone.top)
    keep.bottom = max(keep.bottom, gone.bottom)
    keep.left = min(keep.left, gone.left)
    keep.right = max(keep.right, gone.right)
    return keep


def _table(regions: list[_Region], first_line: int) -> Table:
    lefts = sorted({r.left for r in regions})
    tops = sorted({r.top for r in regions})
    # (a region's own left and top are among them: their places looked up, not searched)
    column_of = {left: index for index, left in enumerate(lefts)}
    row_of = {top: index for index, top in enumerate(tops)}
    grid_rows: list[list] = [[] for _ in tops]
    for region in regions:
        if region.joined:
            region.parts.sort()  # (line, left): reading order
        column, row = column_of[region.left], row_of[region.top]
        colspan = bisect_left(lefts, region.right) - column
        rowspan = bisect_right(tops, region.bottom) - row
        grid_rows[row].append((column, _cell(region.parts, rowspan, colspan)))
    rows = []
    for cells in grid_rows:
        cells.sort(key=_first)
        rows.append([cell for _, cell in cells])
    return Table.from_rows(rows, TextLocation(first_line, 1))


# A (column, cell) pair's column, in C: a key a cell of a grid.
_first = itemgetter(0)


def _cell(parts: list[tuple[int, int, int, str]], rowspan: int, colspan: int) -> Cell:
    """A region's cell: its lines' text joined, located at its first character, with
    the core's reading of its text (as core.cells.read_cell would make it), read
    through the remembered readings: the same labels and figures come back."""
    if len(parts) == 1:  # (most cells: one line)
        line, _, column, text = parts[0]
    else:
        written = [part for part in parts if part[3]]
        first = written[0] if written else parts[0]
        line, column = first[0], first[2]
        if any("]{" in part[3] or "<" in part[3] for part in written):
            # (a converter's markup wrapped over the cell's lines: markup.py)
            from govparse.frontends.text.markup import lines_without_markup

            text, at, offset = lines_without_markup([part[3] for part in written])
            kind, body, marks, value, unit = remembered(text) or reading(text)
            if text:  # (at its first character; a figure after the marks around it, **0**)
                line, column = written[at][0], written[at][2] + offset + marks
            return Cell(text, TextLocation(line, column), rowspan, colspan, False, None,
                        new_cell(kind, body, line, column, value, unit, None))
        text = join_lines([part[3] for part in written])
    kind, body, offset, value, unit = remembered(text) or reading(text)  # (no blanks around it)
    if offset and len(parts) == 1:
        column += offset  # (its markup or marks before it: markup.py, lines.reading)
    # (every field given by its place: attrs' __init__ takes a keyword a third slower)
    return Cell(text, TextLocation(line, column), rowspan, colspan, False, None,
                new_cell(kind, body, line, column, value, unit, None))
