"""Which pieces of a PDF's table stand in one cell of the page's grid and are one
cell: pieces one below the other (商业 / 企业, a label one character a line, a number
wrapped in its cell) alone in their grid cell, where the grid parts the rows beside
them; and the extent a cell alone in its grid cell takes from it."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from govparse.core.cells import LABEL, PARTED, Cell, classify, is_parted_number, joined_digits
from govparse.core.wording import CUT_MARK
from govparse.frontends.pdf.pieces import Piece, centre, of_a_number
from govparse.frontends.pdf.wrapped import Alignment

INSET = 1.0  # points: a cell's extent in its grid cell, in from the lines (their width)
INDENT_REACH = 1.5  # characters: how far apart two lines of a cell may start (_stacked)


class Centres:
    """The pieces that have a box, by page and by the middle of their box from left to
    right: which stand inside a cell of the grid is a bisection, not a look at every
    piece of the table (a table has hundreds, each asked about)."""

    def __init__(self, pieces: list[Piece]) -> None:
        by_page: dict[object, list[tuple[float, float, Piece]]] = {}
        for p in pieces:
            if p.box is not None:
                x, y = centre(p.box)
                by_page.setdefault(p.page, []).append((x, y, p))
        self._pages = {}
        for page, items in by_page.items():
            items.sort(key=lambda item: item[0])
            self._pages[page] = ([item[0] for item in items], items)
        self._inside: dict[tuple, list[Piece]] = {}  # (each grid cell is asked about twice or more)

    def inside(self, page, grid) -> list[Piece]:
        """The pieces of the page whose middle stands inside the grid's cell (left,
        bottom, right, top; strictly)."""
        found = self._inside.get((page, grid))
        if found is None:
            found = self._inside[page, grid] = self._find(page, grid)
        return found

    def _find(self, page, grid) -> list[Piece]:
        found = self._pages.get(page)
        if found is None:
            return []
        xs, items = found
        left, bottom, right, top = grid
        return [p for x, y, p in items[bisect_right(xs, left):bisect_left(xs, right)]
                if left < x < right and bottom < y < top]


def grid_extents(pieces: list[Piece], joined: dict[int, Cell | None],
                 centres: Centres) -> None:
    """A cell alone in its cell of the grid (all of that cell's text, and no other
    cell's inside it) takes the grid cell's extent, a point in from its lines: a
    figure set to one side of its cell still stands under its column's header."""
    by_grid: dict[tuple, list[Piece]] = {}
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
        if _holds_others(group, centres):
            continue
        left, _, right, _ = group[0].grid
        if right - left > 2 * INSET:
            whole.x = (left + INSET, right - INSET)


def joined_cells(pieces: list[Piece], rules_on, centres: Centres, alignment: Alignment
                 ) -> dict[int, Cell | None]:
    """The pieces that stand alone in one cell of the grid, one below the other,
    labels all or figures all: the top one made the whole cell, the others None
    (gone). (``rules_on``: a page's ruling lines, by its number; ``alignment``: the
    table's figures'.)"""
    by_grid: dict[tuple, list[Piece]] = {}
    for piece in pieces:
        if piece.grid is not None:
            by_grid.setdefault((piece.page, piece.grid), []).append(piece)
    figures = [p for p in pieces if p.box is not None and p.cell.kind != LABEL]
    ruled = _pages_ruled(figures, centres)
    past = _past_the_side(figures, rules_on)
    middles = None  # (_by_middle, when a group of labels first wants it)
    joined: dict[int, Cell | None] = {}
    for key, group in by_grid.items():
        if len(group) + len(past.get(key, ())) < 2:
            continue  # (most grid cells: one piece)
        labels = sum(p.cell.kind == LABEL for p in group)
        pieces_of_a_number = labels > 0 and _pieces_of_a_number(group)
        if pieces_of_a_number:
            # A number and its separators wrapped in its cell (7 / ，66 / 5 of 7，665;
            # 8, / 753), a separator's glyph maybe a piece of its own beside the digits
            # of its line: read as figures one below the other (one cell, no number),
            # never one of them as the figure (7, or 753).
            labels = 0
        elif 0 < labels < len(group):
            continue
        if not labels and not pieces_of_a_number and key in past \
                and _side_by_side(group + past[key]):
            group = group + past[key]  # (figures past the page's side, beside the cell's)
        # top down, as it reads (a number's pieces as the text layer wrote them: a
        # separator's glyph stands lower than the digits beside it)
        group.sort(key=(lambda p: (p.cell.line, p.cell.column)) if pieces_of_a_number
                   else (lambda p: (p.grid is None, -p.box[3], p.box[0])))
        if _holds_others(group, centres):
            continue
        page = group[0].page
        if not labels and _side_by_side(group):
            # Figures side by side in one cell of a grid that parts the rows, where
            # the other cells of its column hold one cell each: one number whose
            # digits the text layer wrote apart (a cell's text spread across it,
            # 分散对齐: 4 … 7), or two numbers where one stands. Left two cells, they
            # would fill an empty cell's place in the row: one cell, written as it
            # stands, which reads as no number (GP313). (Where the cells of its
            # column hold two side by side too, a line between two columns is
            # missing: each is a cell.)
            if page in ruled and (_grouped_by_thousands(group, by_grid)
                                  and not _headed_as_two(group, pieces)
                                  or _a_column_of_single_cells(group, by_grid, pieces)):
                group.sort(key=lambda p: p.box[0])
                _join(group, joined, classify(" ".join(p.written for p in group),
                                              group[0].cell.line, group[0].cell.column))
            continue
        if not (_stacked(group) or pieces_of_a_number):
            continue
        if not labels and page not in ruled:
            continue  # figures one below the other in a grid that parts no rows
        if labels and middles is None:
            middles = _by_middle(figures)
        beside = _figures_beside(group, middles) if labels else []
        if beside and page not in ruled or len(beside) > 1 \
                and not _rows_ruled_beside(group[0].grid, rules_on(page)):
            continue  # (figures in a cell of a grid that parts the rows: one cell)
        first = group[0].cell
        if labels:
            whole = classify("".join(p.written for p in group), first.line, first.column)
            if whole.kind != LABEL:
                continue
        else:
            # Figures one below the other in one cell: a number wrapped (1234 / 5),
            # or two numbers where one stands: one cell, written as it stands, which
            # reads as no number: never two figures of the row. Digits only, it
            # stands in a figure's place (PARTED: the core reads it where the
            # template's arithmetic confirms the digits joined, else missing, GP313),
            # its number the digits joined where the page shows it wrapped to fit
            # the cell (wrapped.py).
            whole = classify(" ".join(p.written for p in group), first.line, first.column)
            if is_parted_number(whole.text):
                whole.kind = PARTED
                if alignment.wrapped_to_fit(group):
                    whole.value = joined_digits(whole.text)  # (the core checks it: GP328)
        if pieces_of_a_number:
            # (the cell stands where its first piece with digits does, a figure's piece
            # in the grid's rows: a separator alone is none, grid_rows)
            group.sort(key=lambda p: p.band is None)
        _join(group, joined, whole)
    return joined


def _pieces_of_a_number(group: list[Piece]) -> bool:
    """Whether the group is a number wrapped in its cell where a separator stands: the
    pieces of a number (_of_a_number), digits among them (，485 / ，453 of 1,485,453
    at the top of a page, its 1 at the foot of the page before)."""
    return all(map(_of_a_number, group)) and any(c.isdigit() for p in group for c in p.written)


def _of_a_number(piece: Piece) -> bool:
    """Whether the piece is a figure, a piece of a number or a separator alone (the ，
    of 7 / ， 66 / 5: its glyph apart from the digits beside it; pieces.of_a_number)."""
    return piece.cell.kind != LABEL or of_a_number(piece.written)


def _join(group: list[Piece], joined: dict[int, Cell | None], whole: Cell) -> None:
    """The group's pieces one cell: ``whole`` in the first's place, the others gone."""
    whole.x = (min(p.box[0] for p in group), max(p.box[2] for p in group))
    joined[id(group[0])] = whole
    for piece in group[1:]:
        joined[id(piece)] = None


def _past_the_side(figures: list[Piece], rules_on) -> dict[tuple, list[Piece]]:
    """The figures in no cell of the grid that run past a side of their page (a table
    wider than the page: what stands past the side, in no cell), by the cell that side
    cuts where their left end stands ((page, grid)): 296 of 1 296, its 1 in that cell,
    is read with it (joined_cells: the groups of a number written with blanks)."""
    out: dict[tuple, list[Piece]] = {}
    for p in figures:
        if p.grid is not None:
            continue  # (most figures)
        rules = rules_on(p.page)
        sides = rules.sides if rules else None
        if sides is None or sides[0] <= p.box[0] and p.box[2] <= sides[1]:
            continue
        grid = rules.cell_at(rules.on_the_page(p.box[0]), (p.box[1] + p.box[3]) / 2)
        if grid is not None:
            out.setdefault((p.page, grid), []).append(p)
    return out


_THOUSANDS_BLANKS = re.compile(r"[0-9０-９]{1,3}(?: [0-9０-９]{3})+")


def _grouped_by_thousands(group: list[Piece], by_grid: dict) -> bool:
    """Whether figures side by side in one cell read, left to right, as one number
    written with a blank between its thousands (9 869 372: a first group of one to
    three digits, then groups of three), and so does every other pair of figures side
    by side in a cell of its column on the page: one cell, whatever else the column's
    cells hold (where many numbers are so written, most cells of a column may hold
    such groups). (Where a line between two columns is left out, some pair of their
    figures reads as no such number: 70 55.)"""
    if not _reads_as_thousands(group):
        return False
    page, (left, _, right, _) = group[0].page, group[0].grid
    return all(_reads_as_thousands(others) for (other_page, grid), others in by_grid.items()
               if other_page == page and abs(grid[0] - left) <= 1 and abs(grid[2] - right) <= 1
               and len(others) > 1 and all(p.cell.kind != LABEL for p in others)
               and _side_by_side(others))


def _reads_as_thousands(group: list[Piece]) -> bool:
    texts = [p.written for p in sorted(group, key=lambda p: p.box[0])]
    return _THOUSANDS_BLANKS.fullmatch(" ".join(texts)) is not None


def _a_column_of_single_cells(group: list[Piece], by_grid: dict, pieces: list[Piece]
                              ) -> bool:
    """Whether the group's grid cell is one column's: most of the other cells of the
    grid that hold figures only, on the group's page with its left and right sides (its
    column), hold one cell each (one figure, or figures one below the other), not
    figures side by side; where they tell nothing (as many of each, or none: a column
    otherwise empty, the review table's one row), the header labels nearest above it
    inside its sides (one, or one below the other: one column's; two side by side:
    two columns under a grid that leaves out the line between them)."""
    page, (left, _, right, _) = group[0].page, group[0].grid
    single = apart = 0
    for (other_page, grid), others in by_grid.items():
        if other_page != page or grid == group[0].grid \
                or abs(grid[0] - left) > 1 or abs(grid[2] - right) > 1 \
                or any(p.cell.kind == LABEL for p in others):
            continue
        if len(others) > 1 and _side_by_side(others):
            apart += 1
        else:
            single += 1
    if single != apart:
        return single > apart
    return not _headed_as_two(group, pieces)


def _headed_as_two(group: list[Piece], pieces: list[Piece]) -> bool:
    """Whether the labels nearest above the group, inside its grid cell's sides, stand
    two or more side by side (结果维持 结果纠正 over one cell of two columns' figures)."""
    page, (left, _, right, _) = group[0].page, group[0].grid
    top = max(p.box[3] for p in group)
    above = [p for p in pieces if p.page == page and p.box is not None
             and p.cell.kind == LABEL and p.box[1] >= top
             and p.box[0] >= left - INSET and p.box[2] <= right + INSET]
    if len(above) < 2:
        return False
    nearest = min(above, key=lambda p: p.box[1])
    band = [p for p in above if p.box[1] < centre(nearest.box)[1] < p.box[3]]
    return len(band) > 1 and _side_by_side(band)


def _side_by_side(group: list[Piece]) -> bool:
    """Whether the pieces stand on one line of the cell, each to the right of the one
    before it (boxes of one height band, apart left to right)."""
    pieces = sorted(group, key=lambda p: p.box[0])
    for left, right in zip(pieces, pieces[1:]):
        (_, ly0, lx1, ly1), (rx0, ry0, _, ry1) = left.box, right.box
        middle = (ry0 + ry1) / 2
        if not (rx0 >= lx1 and ly0 < middle < ly1):
            return False
    return True


def _holds_others(group: list[Piece], centres: Centres) -> bool:
    """Whether text of other cells of the grid stands inside the group's cell: then
    the lines that bound it are no cell's (a table's frame around rows the grid does
    not part), and its pieces no one cell."""
    found = centres.inside(group[0].page, group[0].grid)
    # (each piece stands in ``found`` once at most, and a Piece is equal to itself only)
    return len(found) > sum(p in found for p in group)


def _figures_beside(group: list[Piece], middles: dict) -> list[Piece]:
    """For each of the group's pieces that has figures of other cells beside it (their
    middle within its height), the first of them (in the table's reading order;
    ``middles``: _by_middle). Beside two pieces or more, the group stands beside
    several rows: one merged cell only where those rows are ruled
    (_rows_ruled_beside), else rows of a table whose grid draws no line between its
    rows. And the grid must part the page's rows (_pages_ruled): where it does not, a
    frame around a header and a row with no line between is no cell."""
    inside = {id(p) for p in group}
    out = []
    for p in group:
        ys, items = middles.get(p.page, ((), ()))
        beside = [item for item in items[bisect_left(ys, p.box[1]):bisect_right(ys, p.box[3])]
                  if id(item[2]) not in inside]
        if beside:
            out.append(min(beside, key=lambda item: item[1])[2])
    return out


def _by_middle(figures: list[Piece]) -> dict:
    """The figures of each page by the middle of their height, bottom up: (those
    middles, and (middle, place in reading order, figure) for each); which stand beside
    a piece is then a bisection, not a look at every figure of the table."""
    by_page: dict = {}
    for order, f in enumerate(figures):
        middle = (f.box[1] + f.box[3]) / 2
        if middle == middle:  # (not NaN, which stands beside nothing and sorts nowhere)
            by_page.setdefault(f.page, []).append((middle, order, f))
    out = {}
    for page, items in by_page.items():
        items.sort(key=lambda item: item[:2])
        out[page] = ([item[0] for item in items], items)
    return out


def _pages_ruled(figures: list[Piece], centres: Centres) -> set[int]:
    """The pages where the grid parts the table's rows: most of their figures stand in
    a cell of the grid that holds figures only, its own (a number wrapped in it too,
    where a separator stands as well), not a column from the header down, in a grid
    of lines between the columns only."""
    counts: dict[int, list[int]] = {}
    for figure in figures:
        alone = figure.grid is not None and not any(
            p.grid != figure.grid or not _of_a_number(p)
            for p in centres.inside(figure.page, figure.grid))
        counts.setdefault(figure.page, [0, 0])[alone] += 1
    return {page for page, (apart, alone) in counts.items() if alone > apart}


def _rows_ruled_beside(grid, rules) -> bool:
    """Whether a line between rows ends at a side of the grid's cell (left, bottom,
    right, top), between its top and bottom: the cell is merged over rows that are
    ruled beside it (三、本年度办理结果, （三）不予公开)."""
    if rules is None:
        return False
    left, bottom, right, top = grid
    return any(bottom + 1 < y < top - 1 and (abs(x0 - right) <= 2 or abs(x1 - left) <= 2)
               for y, x0, x1 in rules.horizontal)


def _stacked(group: list[Piece]) -> bool:
    """Whether each piece stands below the one before it, under it: lines of one
    cell's text (not labels side by side in a cell the grid draws no line between).
    Under it within a character's width: the ink of a short last line (a closing
    bracket, whose glyph stands at the left of its place) may not reach under the
    ink of the line above (an opening bracket's, at the right of its place); within
    half a character more where the two lines stand wholly one below the other: a
    paragraph's first line indented two characters (首行缩进) in a cell a character or
    two wide, 商 over 业 the line below it, left of where 商 starts."""
    for above, below in zip(group, group[1:]):
        (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = above.box, below.box
        em = max(ay1 - ay0, by1 - by0)
        reach = em * (INDENT_REACH if by1 <= ay0 else 1.0)
        side_by_side = not (bx0 < ax1 + reach and ax0 < bx1 + reach)
        if side_by_side or by1 > ay0 + (ay1 - ay0) / 2:  # (boxes of lines may overlap)
            return False
    return True


OVER = 0.5  # points: a figure's box this far above its grid cell's top line stands out of it
CUT = -0.5  # ... below its bottom line, or less than half a point above it: cut off there


def overflowing(pieces: list[Piece], joined: dict[int, Cell | None]) -> dict[int, Cell]:
    """The cells whose text runs on past their grid cell's bottom line: a row of a
    fixed height (Word's 行高 固定值) shows no more than fits, and a number wrapped in
    its cell (9354 as 935 / 4) has the rest of it drawn, cut off, over the line into
    the cell below, where its middle stands (tests/data/office_layouts). Read alone,
    935 would be the row's figure. A figure whose box stands out above its grid cell's top line
    (more than OVER) is the rest of the one in the grid cell above, same column: that
    cell is read with it, written as it stands ("935 4", no number, GP313). (The cell
    below keeps it too: "4 2466", no number either.) Returns the upper cell, whole, by
    its first piece's id (as joined_cells)."""
    figures = _figures_in_grid(pieces, joined)
    out: dict[int, Cell] = {}
    for piece in figures:
        left, bottom, right, top = piece.grid
        if bottom - piece.box[1] > CUT:
            # cut off at its grid cell's bottom line, the rest of it not drawn (26 of
            # 2672): written as it stands, with a mark that it goes on ("26 …": no number)
            out[id(piece)] = _with_more(piece, CUT_MARK, joined, out)
        if piece.box[3] - top <= OVER:
            continue  # (the common case: within its cell)
        above = _above(piece, figures)
        if len(above) != 1:
            continue
        (upper,) = above
        out[id(upper)] = _with_more(upper, piece.written, joined, out)
    return out


def _figures_in_grid(pieces: list[Piece], joined: dict[int, Cell | None]) -> list[Piece]:
    """The pieces of figures in a cell of the grid, with a box, a joined cell's first
    (the others gone)."""
    return [p for p in pieces if p.grid is not None and p.box is not None
            and p.cell.kind != LABEL and joined.get(id(p), p) is not None]


def _above(piece: Piece, figures: list[Piece]) -> list[Piece]:
    """The figures of the grid cell above the piece's, the same column's. (Not the one
    over its middle where its grid cell spans columns: the rest of a number cut off
    below the table stands in such a cell, which then stays a figure of its own for
    the rows' check of figures one above the other, GP320.)"""
    left, _, right, top = piece.grid
    return [p for p in figures if p.page == piece.page and abs(p.grid[1] - top) < 1
            and abs(p.grid[0] - left) < 1 and abs(p.grid[2] - right) < 1]


def drawn_over_their_row(pieces: list[Piece], joined: dict[int, Cell | None]
                         ) -> frozenset[tuple[int, int]]:
    """The (line, column) of the figures drawn over the line between their grid cell
    and the one above (more than OVER), where that cell holds no figure and a row
    stands above on the page: a row of a fixed height too low for its figures, drawn
    lower than the row (规章's 607 over 行政规范性文件's line, 行政规范性文件's own over
    the next). Which row's they are the page does not tell (document.Table.
    overdrawn_cells). (At a page's top such a figure is the rest of a row a page
    break cut: grid_rows.continued_on_next_page.)"""
    figures = _figures_in_grid(pieces, joined)
    found = set()
    for piece in figures:
        top = piece.grid[3]
        if piece.box[3] - top > OVER and not _above(piece, figures) and any(
                p.page == piece.page and p.grid is not None and abs(p.grid[1] - top) < 1
                for p in pieces):
            whole = joined.get(id(piece)) or piece.cell
            found.add((whole.line, whole.column))
    return frozenset(found)


def _with_more(piece: Piece, more: str, joined: dict, out: dict) -> Cell:
    """The cell a piece is read as so far (overflowing's, joined_cells', or its own),
    written as it stands with ``more`` after a blank: no number."""
    whole = out.get(id(piece)) or joined.get(id(piece)) or piece.cell
    written = whole.text if whole is not piece.cell else piece.written
    if more == CUT_MARK and written.endswith(" " + CUT_MARK):
        return whole  # (cut off at both its lines: marked once)
    cell = classify(f"{written} {more}", whole.line, whole.column)
    cell.x = whole.x if whole.x is not None else (piece.box[0], piece.box[2])
    return cell
