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

``pieces.py`` places each cell (its extent, its grid cell, its parts);
``grid_cells.py`` says which pieces are one cell; this module puts the rows together
again and says what was joined.
"""

from __future__ import annotations

import attrs

from govparse.core.cells import EMPTY, Cell
from govparse.diagnostics import Diagnostic, Severity
from govparse.document import Document, Table
from govparse.frontends.pdf.grid_cells import (Centres, drawn_over_their_row, grid_extents,
                                              joined_cells, overflowing)
from govparse.frontends.pdf.grid_rows import (continued_note, continued_on_next_page,
                                             labels_continued_on_next_page, moved_note,
                                             rows_by_grid)
from govparse.frontends.pdf.pieces import Piece, pieces_of
from govparse.frontends.pdf.wrapped import Alignment


def pdf_document(text: str, places, path: str | None = None, notes: tuple = ()) -> Document:
    """The Document of a PDF's text layer (``text``; ``places``: where its characters
    stand, govparse.frontends.pdf.reader.PdfPlaces), its tables' cells placed on the
    pages. The text front-end joins no header's pieces by display columns here
    (stacked_headers.py): this module joins them by where they stand on the page."""
    from govparse.frontends.text.reader import read_text

    notes = (*notes, *places.notes)  # (a PDF's running heads and feet dropped: running.py)
    return with_positions(read_text(text, path, notes, header_pieces=False,
                                     tab_stops=False), text, places)


def with_positions(document: Document, text: str, places) -> Document:
    """The Document with its tables' cells placed on the PDF's pages (``places``:
    govparse.frontends.pdf.reader.PdfPlaces; ``text``: the text it was read from)."""
    blocks = []
    notes = []
    moved_lines: set[int] = set()
    for block in document.blocks:
        if type(block) is Table and not block.run_together:
            block, table_notes, moved = _placed_table(block, text, places)
            notes.extend(table_notes)
            moved_lines.update(item.cell.line for _, row in moved for item in row
                               if type(item) is Piece)
        blocks.append(block)
    # (a line of figures read with its row by the grid: the text's reading of it, as
    # a row whose figures continue on the next line, is said no more)
    kept = tuple(n for n in document.notes if n.code != "GP306" or n.line not in moved_lines)
    return attrs.evolve(document, blocks=tuple(blocks), notes=kept + tuple(notes),
                        cells_measured=True)


def _placed_table(table: Table, text: str, places
                  ) -> tuple[Table, tuple[Diagnostic, ...], list[tuple[Piece, list]]]:
    rows: list = []
    pieces: list[Piece] = []
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
            for piece in pieces_of(cell, text, places):
                pieces.append(piece)
                placed.append(piece)
        rows.append(placed)
    centres = Centres(pieces)
    alignment = Alignment(pieces, places.rules_on)
    joined = joined_cells(pieces, places.rules_on, centres, alignment)
    grid_extents(pieces, joined, centres)
    joined.update(overflowing(pieces, joined))
    moved = rows_by_grid(rows, pieces, joined)
    continued = {}
    if len({p.page for p in pieces}) > 1:  # (a table over pages: cells a break may cut)
        continued = continued_on_next_page(pieces, joined, alignment)
        continued.update(labels_continued_on_next_page(pieces, joined, continued))
    notes = tuple(n for n in (_note(pieces, joined), moved_note(moved),
                              continued_note(continued, pieces)) if n is not None)
    joined.update(continued)
    out = []
    for row in rows:
        if row is None:
            continue  # (its figures moved into the row beside it: rows_by_grid)
        if not isinstance(row, list):
            out.append(row)
            continue
        cells = []
        for item in row:
            if type(item) is not Piece:
                cells.append(item)
            elif id(item) in joined:
                if joined[id(item)] is not None:
                    cells.append(joined[id(item)])
            else:
                cells.append(item.cell)
        if cells or not row:
            out.append(tuple(cells))
    return (attrs.evolve(table, rows=tuple(out),
                         filled_cells=alignment.filled_cells(pieces, joined),
                         overdrawn_cells=drawn_over_their_row(pieces, joined)),
            notes, moved)


def _note(pieces: list[Piece], joined: dict[int, Cell | None]) -> Diagnostic | None:
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
