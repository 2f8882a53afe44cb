"""Rows of a PDF's table whose figures the text layer puts on lines apart, put back
together by the page's grid:

- a cell whose text sits higher or lower than its row's others (a Word table's column
  set to another vertical alignment: 总计 at the top of its cell, the row's other
  figures in the middle beside a label over three lines), or figures on baselines a
  little apart (centred digits of different heights): the text layer writes lines by
  height, so they come out on lines of their own, before or after the row's, and
  would read as rows of their own. Lines one after the other whose figures stand in
  one band of the grid (the same top and bottom lines, within a point) are read as
  one row (GP306)
  where they hold every figure of that band, each in a cell of its own, and one line
  at most holds more than figures (the row's label);
- a row a page break cuts (continued_on_next_page): the parts of a number wrapped in
  its cell at the top of the next page are joined to the figures above them."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from govparse.core.cells import LABEL, PARTED, classify, is_parted_number, joined_digits
from govparse.diagnostics import Diagnostic, Severity
from govparse.frontends.blocks import join_lines
from govparse.frontends.pdf.pieces import Piece, column_of, of_a_number
from govparse.frontends.pdf.wrapped import Alignment
from govparse.template.spec import every_table_label, label_key


def rows_by_grid(rows: list, pieces: list[Piece], joined: dict) -> list[tuple[Piece, list]]:
    """Lines one after the other whose figures stand in one band of the grid, read as
    one row: the lines of figures alone moved into the line among them that holds
    more (its label), or into the first (``rows``: each a list of Pieces and cells,
    changed in place; a moved line made None). Only where those lines hold every
    figure of the band, each in a cell of its own, and one line at most holds more
    than figures of the grid. For each line moved, its first figure and the row it
    is now part of. (``joined``: the pieces that are one cell with others,
    grid_cells.joined_cells: a line that holds one moves not, but for the lines of a
    number wrapped in its cell, which move as the one cell they are.)"""
    in_band = _BandCounts(pieces)
    wrapped = _wrapped_cells(pieces, joined)
    moved: list[tuple[Piece, list]] = []
    start = 0
    while start < len(rows):
        band = _figures_band(rows[start])
        end = start + 1
        if band is None:
            start = end
            continue
        while end < len(rows) and _same_band(_figures_band(rows[end]), band):
            end += 1
        run = range(start, end)
        start = end
        if len(run) < 2:
            continue
        bearers = [k for k in run if not _figures_only(rows[k], joined, wrapped)]
        figures = [item for k in run for item in rows[k] if _band(item) is not None]
        if len(bearers) > 1 or len(figures) != in_band.around(band) \
                or len({p.grid for p in figures}) != _cells_among(figures, wrapped):
            continue  # (another row's figures in the band, or a cell taken twice)
        target = bearers[0] if bearers else run[0]
        others = [k for k in run if k != target]
        rows[target] = _merged(rows[target], [item for k in others for item in rows[k]])
        for k in others:
            moved.append((rows[k][0], rows[target]))
            rows[k] = None
    return moved


def _in_band_of(figures: list[Piece], band_of: Piece) -> list[Piece]:
    """The figures that stand in the band of the grid ``band_of`` stands in (each
    piece, those of a joined cell too)."""
    band = _band(band_of)
    return [p for p in figures if _same_band(_band(p), band)]


def _figures_only(row: list, joined: dict, wrapped: set) -> bool:
    """Whether each item of the line is a figure in a cell of the grid, one cell alone
    or a line of a number wrapped in its cell (``wrapped``: _wrapped_cells; its lines
    move with the row, as one cell)."""
    return all(_band(item) is not None
               and (id(item) not in joined or (item.page, item.grid) in wrapped)
               for item in row)


def _wrapped_cells(pieces: list[Piece], joined: dict) -> set:
    """The grid cells (page, grid) that hold a number wrapped in the cell, its lines
    joined into one cell (grid_cells.joined_cells' PARTED)."""
    return {(p.page, p.grid) for p in pieces
            if joined.get(id(p)) is not None and joined[id(p)].kind == PARTED}


def _cells_among(figures: list[Piece], wrapped: set) -> int:
    """How many cells the figures are: the lines of a number wrapped in its cell one."""
    return len({(p.page, p.grid) if (p.page, p.grid) in wrapped else id(p) for p in figures})


def moved_note(moved: list[tuple[Piece, list]]) -> Diagnostic | None:
    """The note that lines of figures were read with their rows (rows_by_grid)."""
    if not moved:
        return None
    first = moved[0][0].cell
    count = len(moved)
    return Diagnostic(
        "GP306", Severity.NOTE,
        f"{count} line{'s' if count != 1 else ''} of figures that the PDF's text puts apart "
        f"from {'their rows' if count != 1 else 'its row'} stand{'' if count != 1 else 's'} "
        "in the row's cells of the table's grid (a cell whose text sits higher or lower "
        f"than the row's others); read with the row (first: '{first.text}')",
        first.line, first.column, len(first.text))


def _band(item) -> tuple | None:
    """The band of the grid a figure stands in (Piece.band; None: no figure, or no
    grid cell)."""
    return item.band if type(item) is Piece else None


def _figures_band(row) -> tuple | None:
    """The one band every figure of the line stands in, its lines within BAND_SLACK
    of each other's (None: none, or bands apart)."""
    if type(row) is not list:
        return None
    bands = {_band(item) for item in row if type(item) is Piece and item.cell.kind != LABEL}
    if not bands or None in bands:
        return None
    first = min(bands)
    return first if all(_same_band(band, first) for band in bands) else None


# points: how far apart the lines of one band of the grid may stand in its cells (a
# column's cells under a header cell of another height: the line over them drawn
# that much lower or higher than over the row's other cells)
BAND_SLACK = 1.0


class _BandCounts:
    """How many figures stand in each band of the grid, asked of a band and those
    within BAND_SLACK of it (a bisection by the bands' bottom lines, not a look at
    every piece for every row)."""

    def __init__(self, pieces: list[Piece]) -> None:
        counts: dict[tuple, int] = {}
        for piece in pieces:
            band = _band(piece)
            if band is not None:
                counts[band] = counts.get(band, 0) + 1
        self._bands = sorted(counts, key=lambda band: (band[0], band[1]))
        self._keys = [(band[0], band[1]) for band in self._bands]
        self._counts = counts

    def around(self, band: tuple) -> int:
        page, bottom, _ = band
        start = bisect_left(self._keys, (page, bottom - BAND_SLACK))
        end = bisect_right(self._keys, (page, bottom + BAND_SLACK))
        return sum(self._counts[other] for other in self._bands[start:end]
                   if _same_band(other, band))


def _same_band(one: tuple | None, other: tuple | None) -> bool:
    """Whether two bands (page, bottom, top) are one: the same page, their lines
    within BAND_SLACK of each other."""
    return one is not None and other is not None and one[0] == other[0] \
        and abs(one[1] - other[1]) <= BAND_SLACK and abs(one[2] - other[2]) <= BAND_SLACK


def _merged(row: list, figures: list[Piece]) -> list:
    """The row with the figures among its own, left to right by where they stand
    (its labels and other cells where they are)."""
    slots = [i for i, item in enumerate(row) if _band(item) is not None]
    ordered = sorted([row[i] for i in slots] + figures, key=lambda p: p.box[0])
    merged = list(row)
    for i, piece in zip(slots, ordered):
        merged[i] = piece
    return merged + ordered[len(slots):]


_LINES_APART = 1.5  # points: a double line's two lines, or a cell's sides drawn apart


def continued_on_next_page(pieces: list[Piece], joined: dict, alignment: Alignment
                           ) -> dict[int, object]:
    """The figures of a row a page break cuts: a word processor breaks a row across
    pages, and a number wrapped in its cell (4194304 as 4194 / 304) then has its first
    line in the row's cells at the foot of one page and the rest in cells at the top
    of the next, where no label stands. Read apart, 4194 would be a figure of the row
    and 304 one of no row; each is joined to the cell above it instead, as the lines of
    a number wrapped in one cell are (grid_cells.joined_cells): "4194 304", which
    reads as no figure (GP313), never as a wrong one, but where the page shows its
    lines wrapped to fit the cell (``alignment``: the table's figures', wrapped.py).

    Only the figures of the top band of the grid on a page (one band: each cell its
    figure, or its figures one below the other, joined_cells), each under a figure (or
    a joined cell) of the bottom band of the page before, no two under one; and no
    label in that band left of its figures (a row's; a header's cell repeated on the
    page, which the rest of the row runs into, stands right of some). The rest of a
    number wrapped one digit a line (5893 as 5 / 8 / 9 / 3) is a cell of lines of its
    own, as much as one on a line with others. (``joined``: the pieces already one
    cell with others; a joined cell is joined whole.) Returns, like joined_cells, the
    joined cell by the first piece's id, None by the other's."""
    by_page: dict[object, list[Piece]] = {}
    labels: dict[object, list[Piece]] = {}  # by page
    for piece in pieces:
        band = _band(piece)
        if band is not None:
            by_page.setdefault(piece.page, []).append(piece)
        elif type(piece) is Piece and piece.grid is not None and piece.box is not None \
                and joined.get(id(piece), piece) is not None and not of_a_number(piece.written):
            # (a piece joined into the cell of another, a separator alone, the ， of 4 / ，
            # / 7 / 50, is no row's label)
            labels.setdefault(piece.page, []).append(piece)
    out: dict[int, object] = {}
    for page, on_page in by_page.items():
        if not isinstance(page, int) or page - 1 not in by_page:
            continue
        band = _top_band(on_page, joined, labels.get(page, ()))
        if band is None:
            continue
        lowers, under_a_header = band
        # (a label in the band, left of its figures: a row's, the band a row of its own;
        # its cell's lines a little apart from the figures' where a double line runs
        # under the header. One right of them only is a header's, repeated on the page,
        # whose cell the rest of a row cut by the page break runs into: 总计 over the 7
        # of 5067; so is one in a cell of the figures, the grid drawn through both:
        # 自 / 然 / 人 beside the 9 / 0 of 590)
        low = lowers[0].grid[1]
        high = max(p.grid[3] for p in lowers)
        tops = [p.grid[3] for p in lowers]
        cells = {p.grid for p in lowers}
        left = min(p.box[0] for p in lowers)
        # (the rest of the label above, where the break cut the label too, is none:
        # 5.属于三类内部 / 事务信息 with 69 / 3 of 693, under a header repeated or not)
        rests = _label_rests(labels, page, joined, high)
        on_page = [q for q in labels.get(page, ()) if id(q) not in rests]
        if any(abs(q.grid[1] - low) <= _LINES_APART and q.box[0] < left and q.grid not in cells
               and any(abs(q.grid[3] - top) <= _LINES_APART for top in tops) for q in on_page):
            continue
        # (nor a label on a line of the text with them whose cell ends where theirs
        # do: a row's, whose cell the grid may not part from the header's above it;
        # not the rest of a group's label, 三、本年度办理结 / 果, whose cell goes on)
        lines = {q.cell.line for q in on_page if abs(q.grid[1] - low) <= _LINES_APART}
        in_band = _in_band_of(by_page[page], band_of=lowers[0]) if not under_a_header else \
            [p for p in by_page[page] if abs(p.grid[1] - low) <= _LINES_APART]
        if any(p.cell.line in lines for p in in_band):
            continue
        before = by_page[page - 1]
        bottom = min(p.grid[1] for p in before)
        if any(q.grid[1] < bottom - _LINES_APART for q in labels.get(page - 1, ())):
            continue  # (a row below them at the page's foot: its figures' cells empty there)
        above = {column_of(p): p for p in before
                 if p.grid[1] == bottom and joined.get(id(p), p) is not None}
        rests = _rests_by_cell(lowers, pieces, joined) if under_a_header else [[p] for p in lowers]
        pairs = [(above.get(column_of(rest[0])), rest) for rest in rests]
        if any(upper is None for upper, _ in pairs) \
                or len({id(upper) for upper, _ in pairs}) != len(pairs):
            continue
        for upper, rest in pairs:
            text = " ".join(_text(p, joined) for p in (upper, *rest))
            whole = classify(text, upper.cell.line, upper.cell.column)
            if is_parted_number(text):
                lines = [line for p in (upper, *rest) for line in _lines(p, joined, pieces)]
                # (the lines checked are all the text: none run on from another
                # cell, grid_cells.overflowing)
                if "".join(p.written for p in lines) == "".join(text.split()) \
                        and alignment.wrapped_to_fit(lines):
                    whole.kind, whole.value = PARTED, joined_digits(text)  # (GP328)
            _join_across(upper, rest[0], whole, joined, out)
            out.update((id(p), None) for p in rest[1:])
    return out


def _rests_by_cell(lowers: list[Piece], pieces: list[Piece], joined: dict) -> list[list[Piece]]:
    """The pieces of the top band, each cell's in the order of the text: its figures
    one below the other where the cell holds a header's label too, which kept them
    from being joined (grid_cells._holds_others: the 9 / 0 of 590 beside 自 / 然 / 人),
    and a separator alone among them (the , of 2,012 as 2 / , / 0 / 1 / 2)."""
    by_cell: dict[tuple, list[Piece]] = {}
    for p in lowers:
        by_cell.setdefault((p.page, p.grid), []).append(p)
    taken = {id(p) for p in lowers}
    for p in pieces:
        if (p.page, p.grid) in by_cell and id(p) not in taken and p.cell.kind == LABEL \
                and p.box is not None and of_a_number(p.written) \
                and joined.get(id(p), p) is not None:
            by_cell[p.page, p.grid].append(p)
    return [sorted(rest, key=lambda p: (p.cell.line, p.cell.column)) for rest in by_cell.values()]


def _top_band(on_page: list[Piece], joined: dict, labels: list[Piece]
              ) -> tuple[list[Piece], bool] | None:
    """The figures of the first row of cells on a page, each its cell's piece (a
    number wrapped over lines of their own in the cell: joined already, its first piece
    the whole's): those of the highest cells, of one band. Where a label stands in one
    of those cells too, a repeated header's the grid does not part from the row cut by
    the page break, the row's other cells may end higher or lower (自然人's over two
    header rows, the 9 / 0 of 590 beside 自 / 然 / 人; 商业企业's under 法人或其他组织, the 9
    / 2 of 192 in it): then the figures of every cell that ends at its bottom line.
    None where they are not one band, or a figure of the page stands above that line;
    else the figures and whether a header's label stands in their cells."""
    top = max(p.grid[3] for p in on_page)
    highest = [p for p in on_page if p.grid[3] == top and joined.get(id(p), p) is not None]
    if not _holds_a_header({p.grid for p in highest}, labels, joined):
        return (highest, False) if len({_band(p) for p in highest}) == 1 else None
    low = min(p.grid[1] for p in highest)
    if any(p.grid[1] > low + _LINES_APART for p in on_page):
        return None
    return [p for p in on_page if abs(p.grid[1] - low) <= _LINES_APART
            and joined.get(id(p), p) is not None], True


def _holds_a_header(cells: set, labels: list[Piece], joined: dict) -> bool:
    """Whether the labels in one of the cells, read in their order, are a column header
    of the template's tables (自 / 然 / 人): a header repeated on the page, not a row's
    label (the 1 of 1.信访举报投诉类申请 is no figure of a header's cell)."""
    by_cell: dict[tuple, list[Piece]] = {}
    for q in labels:
        if q.grid in cells:
            by_cell.setdefault(q.grid, []).append(q)
    headers = every_table_label()[0]
    return any(label_key("".join("".join(_text(q, joined).split()) for q in sorted(
        found, key=lambda q: (q.cell.line, q.cell.column)))) in headers
        for found in by_cell.values())


def _lines(piece: Piece, joined: dict, pieces: list[Piece]) -> list[Piece]:
    """The lines of a piece's cell, top down: the piece, or where it is the first of a
    joined cell, each piece of its grid cell."""
    if joined.get(id(piece)) is None:
        return [piece]
    return sorted((p for p in pieces if p.page == piece.page and p.grid == piece.grid),
                  key=lambda p: -p.box[3])


# A label's numbering (（二）, 三、, 1.): a cell at a page's top that starts with one
# opens a label of its own, never the rest of the one above
_NUMBERED = re.compile(r"[（(]?[一二三四五六七八九十0-9０-９]+[)）、.．]")
_LONGEST_NUMBERING = 6  # characters: （十一） and one more


def labels_continued_on_next_page(pieces: list[Piece], joined: dict,
                                  continued: dict | None = None) -> dict[int, object]:
    """The labels a page break cuts: a row broken across pages has the first lines of
    its label cell at the foot of one page and the rest at the top of the next
    (（二）部分公开（区分处理的， / 只计这一情形，不计其他情形）), as a merged cell of a
    group does (三、本年度办理结 / 果). Each such rest is joined to the label above it:
    a label alone in the top band of the grid on its page (no figure there), in the
    column of a label in the bottom band on the page before, not starting with a
    label's numbering; not where each of the two is a whole label of a template's
    tables (规章 at the foot of a page and 行政规范性文件, a row whose figures are
    empty, or a header repeated on the new page, 信息内容, at the top of the next:
    rows of their own, whose labels joined would name one row with the other's
    figures; （三） / 不予公开 is one label). A band with figures too only where the
    break cut them as well (``continued``: continued_on_next_page's, which joined
    them to the figures above). Returns the joined label by the upper piece's id, None
    by the lower's (as joined_cells)."""
    continued = continued or {}
    figures_in: set[tuple] = set()
    cut_bands: dict[object, set[float]] = {}  # (the tops of the bands of figures continued)
    labels: dict[object, list[Piece]] = {}
    for piece in pieces:
        if _band(piece) is not None:
            if continued.get(id(piece), piece) is not None:  # (not joined to one above)
                figures_in.add(_band(piece))
            else:
                cut_bands.setdefault(piece.page, set()).add(piece.grid[3])
        elif piece.grid is not None and piece.box is not None \
                and joined.get(id(piece), piece) is not None:  # (a joined cell: its first piece)
            labels.setdefault(piece.page, []).append(piece)
    out: dict[int, object] = {}
    for page in labels:
        rests = _label_rests(labels, page, joined)
        for top in cut_bands.get(page, ()):  # (the rest of a row under a repeated header)
            rests.update(_label_rests(labels, page, joined, top))
        for upper, lower, whole in rests.values():
            if (page, lower.grid[1], lower.grid[3]) not in figures_in:
                _join_across(upper, lower, whole, joined, out)
    return out


def _label_rests(labels: dict, page, joined: dict, top: float | None = None
                 ) -> dict[int, tuple[Piece, Piece, object]]:
    """The labels at the top of the page that are the rest of a label at the foot of the
    page before (see labels_continued_on_next_page), by id: (that label's piece, the
    rest's, the two joined). (``labels``: the pieces of labels in the grid, by page;
    ``top``: the top line of the band of the rest of a row the break cut, below a
    header repeated on the page; by default the page's first band of labels.)"""
    if not isinstance(page, int) or page - 1 not in labels or page not in labels:
        return {}
    on_page = labels[page]
    first = top is None
    if first:
        top = max(p.grid[3] for p in on_page)
    bottom = min(p.grid[1] for p in labels[page - 1])
    above = {column_of(p): p for p in labels[page - 1] if p.grid[1] == bottom}
    # (a cell's text at the top, in the order of the text: a label the text layer
    # writes a few characters a line, （ / 二 / ）部分公开（区分处理的， / 只计这一情形…,
    # opens with its numbering only as a whole)
    openings: dict[tuple, str] = {}
    for piece in sorted(on_page, key=lambda p: (p.cell.line, p.cell.column)):
        if len(openings.get(piece.grid, "")) < _LONGEST_NUMBERING:
            openings[piece.grid] = openings.get(piece.grid, "") + "".join(
                _text(piece, joined).split())
    out = {}
    for lower in on_page:
        upper = above.get(column_of(lower))
        at_top = lower.grid[3] == top if first else abs(lower.grid[3] - top) <= _LINES_APART
        if upper is None or not at_top or _NUMBERED.match("".join(_text(lower, joined).split())) \
                or _NUMBERED.match(openings[lower.grid]):
            continue  # (a label's numbering, its characters spaced or not: 5 . 属 于 …)
        texts = [_text(upper, joined), _text(lower, joined)]
        if all(label_key(text) in every_table_label()[1] for text in texts):
            continue  # (two labels each whole: two rows, the lower's figures empty)
        whole = classify(join_lines(texts), upper.cell.line, upper.cell.column)
        if whole.kind == LABEL:
            out[id(lower)] = (upper, lower, whole)
    return out


def _join_across(upper: Piece, lower: Piece, whole, joined: dict, out: dict) -> None:
    """``whole`` (upper's text and lower's) in place of both, as wide as the two."""
    extents = [_extent(upper, joined), _extent(lower, joined)]
    whole.x = (min(x[0] for x in extents), max(x[1] for x in extents))
    out[id(upper)] = whole
    out[id(lower)] = None


def _text(piece: Piece, joined: dict) -> str:
    """A piece's text, or the whole cell's where it is the first of a joined cell."""
    whole = joined.get(id(piece))
    return piece.written if whole is None else whole.text


def _extent(piece: Piece, joined: dict) -> tuple[float, float]:
    whole = joined.get(id(piece))
    return (piece.box[0], piece.box[2]) if whole is None or whole.x is None else whole.x


def continued_note(continued: dict, pieces: list[Piece]) -> Diagnostic | None:
    """The note that cells cut by a page break were joined (continued_on_next_page,
    labels_continued_on_next_page)."""
    wholes = [(p, continued[id(p)]) for p in pieces if continued.get(id(p)) is not None]
    if not wholes:
        return None
    first, whole = wholes[0]
    count = len(wholes)
    return Diagnostic(
        "GP307", Severity.NOTE,
        f"{count} cell{'s' if count != 1 else ''} at the foot of page {first.page} "
        f"continue{'' if count != 1 else 's'} at the top of page {first.page + 1} (a row "
        f"broken across pages); each is read as one cell (first: '{whole.text}')",
        first.cell.line, first.cell.column, len(first.cell.text))
