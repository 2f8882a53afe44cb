"""A cell of a PDF's table and where its characters stand: its extent in points,
the cell of the page's grid it stands in, and its parts where the text layer ran two
cells of the grid (or, with no grid, two runs of text far apart) into one
(govparse/frontends/pdf/cells.py puts them together)."""

from __future__ import annotations

import re

from govparse.core.cells import LABEL, Cell, classify

_WORD = re.compile(r"\S*")  # (re's \s is what str.isspace says is a blank)

Box = tuple[float, float, float, float]  # x0, y0, x1, y1: points from the page's bottom left
GAP = 2.0  # with no grid, a blank this many characters high wide parts two cells


def union(boxes) -> Box:
    """The box that holds all of them."""
    if len(boxes) == 1:
        return boxes[0]  # (a figure of one digit, most often)
    left, bottom, right, top = zip(*boxes)
    return min(left), min(bottom), max(right), max(top)


def centre(box: Box) -> tuple[float, float]:
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def column_of(piece) -> tuple[int, int]:
    """The column of the grid a piece's cell stands in: its left and right lines (to the
    point: a page's lines and the next page's are drawn alike, not to the hundredth)."""
    return round(piece.grid[0]), round(piece.grid[2])


class Piece:
    """A cell's text, or a part of it, with where it stands."""

    __slots__ = ("cell", "box", "page", "grid", "written", "band")

    def __init__(self, cell: Cell, box: Box | None, page: int | None, grid,
                 written: str | None = None) -> None:
        self.cell = cell
        self.box = box
        self.page = page
        self.grid = grid  # the cell of the page's grid it stands in (None: none)
        self.written = cell.text if written is None else written  # (a figure: its unit too)
        # a figure's band of the grid: its page, its grid cell's bottom and top lines
        # (None: a label, or no grid cell; govparse/frontends/pdf/grid_rows.py). A
        # piece of a number cut where a separator stands (,258 of 7,477,258) is a
        # figure's piece: the rows and the page breaks join it as one.
        self.band = (page, grid[1], grid[3]) if grid is not None and box is not None \
            and (cell.kind != LABEL or is_number_piece(self.written)) else None


def of_a_number(text: str) -> bool:
    """Whether the text is a piece of a number (is_number_piece) or a thousands separator
    alone (its glyph written apart from the digits beside it)."""
    return is_number_piece(text) or text.strip() in _SEPARATOR_ALONE


def is_number_piece(text: str) -> bool:
    """Whether the text is a piece of a number cut where its separator stands: digits
    and a thousands separator or a point, no number itself (,258 and 7, of 7,258; 17,82;
    ， 66 of 7，665; the blanks a text layer writes after a full-width one). Not digits
    that end with a point: a label's numbering (5. of 5.属于三类内部事务信息)."""
    return bool(text) and not text.strip(_NUMBER_PIECE) and any(c in _SEPARATORS for c in text) \
        and any(c.isdigit() for c in text) and text.rstrip()[-1:] not in _POINTS


_SEPARATORS = ",，.．"
_POINTS = (".", "．")
_SEPARATOR_ALONE = frozenset(",，")  # (a point alone may be a label's numbering's: 5 . 属 于)
_NUMBER_PIECE = "0123456789０１２３４５６７８９" + _SEPARATORS + " \u3000"


def pieces_of(cell: Cell, text: str, places) -> list[Piece]:
    """The cell with its extent, or its parts where it stands in several cells of
    the page's grid (or with no grid, apart on its line)."""
    offset = places.offset_at(cell.line, cell.column)
    if offset is None or not text.startswith(cell.text, offset):
        cell.x = None  # (no display columns: a PDF's extents are points)
        return [Piece(cell, None, None, None)]
    if cell.kind == LABEL:
        end = offset + len(cell.text)
    else:  # a figure's word, its unit too
        end = _WORD.match(text, offset).end()
    page = places.page_at(offset)
    rules = places.rules_on(page)
    chars = places.loose_in(offset, end)
    if not chars or cell.kind != LABEL and len(chars) < end - offset:
        # (a figure: every character of it stands along the line, or none has an extent)
        cell.x = None
        return [Piece(cell, None, page, None)]
    if cell.kind != LABEL:
        marked = _with_marks_apart(text, chars)
        if marked is not None:  # (a footnote's mark: "13 1", which reads as no figure)
            cell = classify(marked, cell.line, cell.column)
        else:
            runs = _apart_in_the_grid(chars, rules)
            if runs is not None:  # (the figures of several cells written as one word)
                return [_placed_run(run, cell, text, offset, page, rules) for run in runs]
        piece = _placed(cell, [b for _, b in chars], page, _grid_of(chars, rules))
        piece.written = text[offset:end]
        return [piece]
    # a label: parted where its characters stand in different cells of the grid, or
    # with no grid, where a blank wider than GAP of its characters parts them
    em = None  # (the label's tallest character: wanted where one stands in no grid cell)
    parts: list[list[tuple[int, Box, object]]] = []
    cell_at = rules.cell_at if rules else None  # (a grid or none: asked once a label)
    for i, box in chars:
        grid = cell_at((box[0] + box[2]) / 2, (box[1] + box[3]) / 2) if cell_at else None
        if grid is None and em is None:
            em = max(b[3] - b[1] for _, b in chars)
        if parts and parts[-1][-1][2] == grid and (
                grid is not None or box[0] - parts[-1][-1][1][2] < GAP * em):
            parts[-1].append((i, box, grid))
        else:
            parts.append([(i, box, grid)])
    if len(parts) == 1:
        return [_placed(cell, [b for _, b, _ in parts[0]], page, parts[0][0][2])]
    out = []
    for part in parts:
        start, stop = part[0][0], part[-1][0] + 1
        read = classify(text[start:stop], cell.line, cell.column + start - offset)
        out.append(_placed(read, [b for _, b, _ in part], page, part[0][2]))
    return out


SMALL = 0.8  # a digit this much as tall as the figure's tallest, or less, is a mark's
SHIFT = 0.2  # ... where it stands this much of that height above or below the others


def _with_marks_apart(text: str, chars: list[tuple[int, Box]]) -> str | None:
    """A figure's text with a blank around each digit written smaller and raised or
    lowered (a footnote's mark: 13 and a superscript 1, which the text layer writes
    as 131): "13 1", which reads as no figure (GP313), never as another. None where
    every digit stands alike."""
    if len(chars) < 2:
        return None  # (most figures: 0)
    digits = [(i, box) for i, box in chars if text[i].isdigit()]
    heights = [box[3] - box[1] for _, box in digits]
    if len(heights) < 2 or min(heights) > SMALL * max(heights):
        return None  # (every digit as tall as the others: the common case)
    tall = max(heights)
    full = [box for (_, box), height in zip(digits, heights) if height > SMALL * tall]
    bottom, top = min(box[1] for box in full), max(box[3] for box in full)
    marks = {i for (i, box), height in zip(digits, heights) if height <= SMALL * tall and (
        box[1] > bottom + SHIFT * tall or box[3] < top - SHIFT * tall)}
    if not marks:
        return None
    start, end = chars[0][0], chars[-1][0] + 1
    out = []
    for i in range(start, end):
        if i > start and (i in marks) != (i - 1 in marks):
            out.append(" ")
        out.append(text[i])
    return "".join(out)


APART = 0.3  # of a character's height: a gap this wide between two is a blank


def _apart_in_the_grid(chars: list[tuple[int, Box]], rules) -> list[list] | None:
    """A figure's characters in runs, parted where two stand in different cells of the
    grid with a blank's width or more between them: the figures of cells side by side
    (a digit a cell, 5 3 1 7 7 of five narrow columns at a page's top) that the text
    layer wrote as one word, 53177. (Not a number run on past its cell's line: its
    digits stand as close as a number's do.) None: one run, the common case."""
    if not rules or len(chars) < 2:
        return None
    runs = [[chars[0]]]
    grid = _cell_of(chars[0][1], rules)
    for (_, before), (i, box) in zip(chars, chars[1:]):
        cell = _cell_of(box, rules)
        height = max(before[3] - before[1], box[3] - box[1])
        if cell != grid and grid is not None and cell is not None \
                and box[0] - before[2] >= APART * height:
            runs.append([])
        runs[-1].append((i, box))
        grid = cell
    return runs if len(runs) > 1 else None


def _cell_of(box: Box, rules):
    """The cell of the grid a character's middle stands in (None: none)."""
    return rules.cell_at((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)


def _placed_run(run: list[tuple[int, Box]], cell: Cell, text: str, offset: int, page: int,
                rules) -> Piece:
    """A run of a figure's characters (_apart_in_the_grid) as a cell of its own."""
    start, stop = run[0][0], run[-1][0] + 1
    part = classify(text[start:stop], cell.line, cell.column + start - offset)
    piece = _placed(part, [b for _, b in run], page, _grid_of(run, rules))
    piece.written = text[start:stop]
    return piece


def _grid_of(chars, rules):
    """The cell of the grid a figure's characters stand in (None: none, or several)."""
    if not rules:
        return None
    if len(chars) == 1:  # (a figure of one digit, most often)
        (_, b), = chars
        return _cell_of(b, rules)
    cells = {_cell_of(b, rules) for _, b in chars}
    return cells.pop() if len(cells) == 1 else None


def _placed(cell: Cell, boxes: list[Box], page: int, grid) -> Piece:
    box = union(boxes)
    cell.x = (box[0], box[2])
    return Piece(cell, box, page, grid)
