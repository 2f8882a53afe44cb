"""A PDF's table cells placed by where their characters stand on the page.

The text front-end reads the PDF's text layer as it reads any text: its tables as
``spaced`` rows, each cell a run of words (govparse/frontends/text/layouts/spaced.py).
The text layer says nothing of where a cell stands: an empty cell leaves nothing in
it, and a cell written over several lines (商业 / 企业) comes out as pieces. This
module gives each cell of the Document's tables what the page says of it:

- ``x``: its horizontal extent in points (the union of its characters' boxes), in
  place of the text's display columns, so that the core can place a row's figures
  under the header cells they stand under (GP316) when empty cells left the row short;
- the grid the page draws (govparse/frontends/pdf/rules.py): a run of words the text
  layer wrote as one cell but that stands in two cells of the grid is parted there
  (信息内容 | 本年制发件数), and the pieces of text that stand alone in one cell of the
  grid, with no figure beside them (商业 / 企业, a label one character a line), are
  one cell, which keeps the extent of all of them (GP307 says so, once a table).

Where the page draws no grid, nothing is joined, and a label is parted only where a
blank of two characters' height or more stands in it (法人或其他组织      总计): the
text layer writes one blank for any gap. Characters written turned have none.
"""

from __future__ import annotations

import attrs

from govparse.core.cells import EMPTY, LABEL, Cell, classify
from govparse.diagnostics import Diagnostic, Severity
from govparse.document import Document, Table

Box = tuple[float, float, float, float]  # x0, y0, x1, y1: points from the page's bottom left
GAP = 2.0  # with no grid, a blank this many characters high wide parts two cells
INSET = 1.0  # points: a cell's extent in its grid cell, in from the lines (their width)


class _Piece:
    """A cell's text, or a part of it, with where it stands."""

    __slots__ = ("cell", "box", "page", "grid", "written")

    def __init__(self, cell: Cell, box: Box | None, page: int | None, grid,
                 written: str | None = None) -> None:
        self.cell = cell
        self.box = box
        self.page = page
        self.grid = grid  # the cell of the page's grid it stands in (None: none)
        self.written = cell.text if written is None else written  # (a figure: its unit too)


def with_positions(document: Document, text: str, places) -> Document:
    """The Document with its tables' cells placed on the PDF's pages (``places``:
    govparse.frontends.pdf.reader.PdfPlaces; ``text``: the text it was read from)."""
    blocks = []
    notes = []
    for block in document.blocks:
        if type(block) is Table and not block.run_together:
            block, note = _placed_table(block, text, places)
            if note is not None:
                notes.append(note)
        blocks.append(block)
    return attrs.evolve(document, blocks=tuple(blocks), notes=document.notes + tuple(notes))


def _placed_table(table: Table, text: str, places) -> tuple[Table, Diagnostic | None]:
    rows: list = []
    pieces: list[_Piece] = []
    for row in table.rows:
        if not isinstance(row, (tuple, list)):
            rows.append(row)  # (EmptyCells)
            continue
        placed: list = []
        for cell in row:
            if type(cell) is not Cell or cell.kind == EMPTY or cell.line is None:
                if type(cell) is Cell:
                    cell.x = None  # (no display columns: a PDF's extents are points)
                placed.append(cell)
                continue
            for piece in _pieces(cell, text, places):
                pieces.append(piece)
                placed.append(piece)
        rows.append(placed)
    joined = _joined(pieces, places.rules)
    _grid_extents(pieces, joined)
    out = []
    for row in rows:
        if not isinstance(row, list):
            out.append(row)
            continue
        cells = []
        for item in row:
            if type(item) is not _Piece:
                cells.append(item)
            elif id(item) in joined:
                if joined[id(item)] is not None:
                    cells.append(joined[id(item)])
            else:
                cells.append(item.cell)
        if cells or not row:
            out.append(tuple(cells))
    note = _note(pieces, joined)
    return attrs.evolve(table, rows=tuple(out)), note


def _pieces(cell: Cell, text: str, places) -> list[_Piece]:
    """The cell with its extent, or its parts where it stands in several cells of
    the page's grid (or with no grid, apart on its line)."""
    offset = places.offset_at(cell.line, cell.column)
    if offset is None or not text.startswith(cell.text, offset):
        cell.x = None  # (no display columns: a PDF's extents are points)
        return [_Piece(cell, None, None, None)]
    if cell.kind == LABEL:
        end = offset + len(cell.text)
    else:  # a figure's word, its unit too
        end = offset
        while end < len(text) and not text[end].isspace():
            end += 1
    page = places.page_at(offset)
    rules = places.rules.get(page)
    chars = [(i, box) for i in range(offset, end) if (box := places.loose[i]) is not None]
    if not chars or cell.kind != LABEL and len(chars) < end - offset:
        # (a figure: every character of it stands along the line, or none has an extent)
        cell.x = None
        return [_Piece(cell, None, page, None)]
    if cell.kind != LABEL:
        piece = _placed(cell, [b for _, b in chars], page, _grid_of(chars, rules))
        piece.written = text[offset:end]
        return [piece]
    # a label: parted where its characters stand in different cells of the grid, or
    # with no grid, where a blank wider than GAP of its characters parts them
    em = max(b[3] - b[1] for _, b in chars)
    parts: list[list[tuple[int, Box, object]]] = []
    for i, box in chars:
        grid = rules.cell_at((box[0] + box[2]) / 2, (box[1] + box[3]) / 2) if rules else None
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


def _grid_of(chars, rules):
    """The cell of the grid a figure's characters stand in (None: none, or several)."""
    if not rules:
        return None
    cells = {rules.cell_at((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) for _, b in chars}
    return cells.pop() if len(cells) == 1 else None


def _placed(cell: Cell, boxes: list[Box], page: int, grid) -> _Piece:
    box = (min(b[0] for b in boxes), min(b[1] for b in boxes),
           max(b[2] for b in boxes), max(b[3] for b in boxes))
    cell.x = (box[0], box[2])
    return _Piece(cell, box, page, grid)


def _grid_extents(pieces: list[_Piece], joined: dict[int, Cell | None]) -> None:
    """A cell alone in its cell of the grid (all of that cell's text, and no other
    cell's inside it) takes the grid cell's extent, a point in from its lines: a
    figure set to one side of its cell still stands under its column's header."""
    by_grid: dict[tuple, list[_Piece]] = {}
    for piece in pieces:
        if piece.grid is not None:
            by_grid.setdefault((piece.page, piece.grid), []).append(piece)
    for group in by_grid.values():
        if len(group) == 1:
            whole = group[0].cell
        elif all(id(p) in joined for p in group):
            (whole,) = [joined[id(p)] for p in group if joined[id(p)] is not None]
        else:
            continue  # pieces the grid cell holds that are not one cell
        if _holds_others(group, pieces):
            continue
        left, _, right, _ = group[0].grid
        if right - left > 2 * INSET:
            whole.x = (left + INSET, right - INSET)


def _joined(pieces: list[_Piece], rules: dict) -> dict[int, Cell | None]:
    """The pieces that stand alone in one cell of the grid, one below the other,
    labels all or figures all: the top one made the whole cell, the others None
    (gone)."""
    by_grid: dict[tuple, list[_Piece]] = {}
    for piece in pieces:
        if piece.grid is not None:
            by_grid.setdefault((piece.page, piece.grid), []).append(piece)
    figures = [p for p in pieces if p.box is not None and p.cell.kind != LABEL]
    ruled = _pages_ruled(figures, pieces)
    joined: dict[int, Cell | None] = {}
    for group in by_grid.values():
        labels = sum(p.cell.kind == LABEL for p in group)
        if len(group) < 2 or 0 < labels < len(group):
            continue
        group.sort(key=lambda p: (-p.box[3], p.box[0]))  # top down, as it reads
        if not _stacked(group) or _holds_others(group, pieces):
            continue
        page = group[0].page
        if not labels and page not in ruled:
            continue  # figures one below the other in a grid that parts no rows
        beside = _figures_beside(group, figures)
        if beside and page not in ruled or len(beside) > 1 \
                and not _rows_ruled_beside(group[0].grid, rules.get(page)):
            continue
        first = group[0].cell
        if labels:
            whole = classify("".join(p.written for p in group), first.line, first.column)
            if whole.kind != LABEL:
                continue
        else:
            # Figures one below the other in one cell: a number wrapped (1234 / 5),
            # or two numbers where one stands: one cell, written as it stands, which
            # reads as no number (GP313): never two figures of the row.
            whole = classify(" ".join(p.written for p in group), first.line, first.column)
        whole.x = (min(p.box[0] for p in group), max(p.box[2] for p in group))
        joined[id(group[0])] = whole
        for piece in group[1:]:
            joined[id(piece)] = None
    return joined


def _holds_others(group: list[_Piece], pieces: list[_Piece]) -> bool:
    """Whether text of other cells of the grid stands inside the group's cell: then
    the lines that bound it are no cell's (a table's frame around rows the grid does
    not part), and its pieces no one cell."""
    left, bottom, right, top = group[0].grid
    inside = {id(p) for p in group}
    return any(p.page == group[0].page and p.box is not None and id(p) not in inside
               and left < (p.box[0] + p.box[2]) / 2 < right
               and bottom < (p.box[1] + p.box[3]) / 2 < top for p in pieces)


def _figures_beside(group: list[_Piece], figures: list[_Piece]) -> list[_Piece]:
    """For each of the group's pieces that has figures of other cells beside it (their
    middle within its height), the first of them. Beside two pieces or more, the
    group stands beside several rows: one merged cell only where those rows are ruled
    (_rows_ruled_beside), else rows of a table whose grid draws no line between its
    rows. And the grid must part the page's rows (_pages_ruled): where it does not, a
    frame around a header and a row with no line between is no cell."""
    inside = {id(p) for p in group}
    out = []
    for p in group:
        found = next((f for f in figures if f.page == p.page and id(f) not in inside
                      and p.box[1] <= (f.box[1] + f.box[3]) / 2 <= p.box[3]), None)
        if found is not None:
            out.append(found)
    return out


def _pages_ruled(figures: list[_Piece], pieces: list[_Piece]) -> set[int]:
    """The pages where the grid parts the table's rows: most of their figures stand in
    a cell of the grid that holds figures only, its own (a number wrapped in it too),
    not a column from the header down, in a grid of lines between the columns only."""
    counts: dict[int, list[int]] = {}
    for figure in figures:
        alone = figure.grid is not None and not any(
            p.page == figure.page and p.box is not None
            and (p.grid != figure.grid or p.cell.kind == LABEL)
            and _inside((p.box[0] + p.box[2]) / 2, (p.box[1] + p.box[3]) / 2, figure.grid)
            for p in pieces)
        counts.setdefault(figure.page, [0, 0])[alone] += 1
    return {page for page, (apart, alone) in counts.items() if alone > apart}


def _inside(x: float, y: float, grid) -> bool:
    left, bottom, right, top = grid
    return left < x < right and bottom < y < top


def _rows_ruled_beside(grid, rules) -> bool:
    """Whether a line between rows ends at a side of the grid's cell (left, bottom,
    right, top), between its top and bottom: the cell is merged over rows that are
    ruled beside it (三、本年度办理结果, （三）不予公开)."""
    if rules is None:
        return False
    left, bottom, right, top = grid
    return any(bottom + 1 < y < top - 1 and (abs(x0 - right) <= 2 or abs(x1 - left) <= 2)
               for y, x0, x1 in rules.horizontal)


def _stacked(group: list[_Piece]) -> bool:
    """Whether each piece stands below the one before it, under it: lines of one
    cell's text (not labels side by side in a cell the grid draws no line between)."""
    for above, below in zip(group, group[1:]):
        (ax0, ay0, ax1, ay1), (bx0, _, bx1, by1) = above.box, below.box
        side_by_side = not (bx0 < ax1 and ax0 < bx1)
        if side_by_side or by1 > ay0 + (ay1 - ay0) / 2:  # (boxes of lines may overlap)
            return False
    return True


def _note(pieces: list[_Piece], joined: dict[int, Cell | None]) -> Diagnostic | None:
    wholes = [(p, joined[id(p)]) for p in pieces if joined.get(id(p)) is not None]
    if not wholes:
        return None
    first, whole = wholes[0]
    parts = [_short(p.cell.text) for p in pieces
             if p.page == first.page and p.grid == first.grid]
    count = len(wholes)
    return Diagnostic(
        "GP307", Severity.NOTE,
        f"{count} cell{'s' if count != 1 else ''} of this table stand{'' if count != 1 else 's'} "
        "over several lines of the PDF's text, each alone in its cell of the table's grid; "
        f"each is read as one cell (first: {' / '.join(parts)} as '{_short(whole.text)}')",
        first.cell.line, first.cell.column, len(first.cell.text))


def _short(text: str) -> str:
    return text if len(text) <= 16 else text[:15] + "…"
