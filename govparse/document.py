"""The Document: what a front-end gives the reading core, whatever the source format.

A Document is a sequence of blocks in reading order:

- ``Title``: a title line (organisation + year + 政府信息公开工作年度报告);
- ``Heading``: a line that opens one of the template's sections;
- ``Paragraph``: a line or paragraph of text;
- ``Table``: a grid of cells, a row at a time, each row's cells left to right.

A cell holds its text as written (blanks around it removed), its span and its
location. A spanning cell (``rowspan``/``colspan`` > 1) stands at its top left
place; every other place it covers holds a cell marked ``covered`` with no text, so
that each row of the grid has a cell for every column it spans. ``Table.from_rows``
fills those in from rows written as HTML writes them (covered places left out).

Every block and cell carries a location in the source the user has: a text file's
line and column, an HTML table's row and column (and the source line), a PDF's page
and box, a Word table's row and column (govparse.locations). The figures read from a
cell keep its location, and diagnostics point there.

The core reads only this: a user who holds a report in another form (a spreadsheet,
a database) builds a Document and calls ``govparse.read_document(doc)``::

    from govparse.document import Document, Heading, Table, Title
    doc = Document([Title("某区2024年政府信息公开工作年度报告"),
                    Heading("二、主动公开政府信息情况"),
                    Table.from_rows([["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                                     ["规章", "0", "0", "3"], ...])])

Front-ends know one format and nothing of what the cells mean; the core knows the
template and nothing of formats.
"""

from __future__ import annotations

from typing import Iterator, Sequence, Union

import attrs

from govparse.classes import define, frozen
# The locations are part of this contract: a Document's cells and blocks carry them.
from govparse.locations import (HtmlLocation, Location, PdfLocation, TextLocation,
                                WordLocation, column_of, line_of)

__all__ = ["Block", "Cell", "Document", "EmptyCells", "Heading", "HtmlLocation", "Location",
           "Paragraph", "PdfLocation", "Row", "Table", "TextLocation", "Title", "WordLocation",
           "column_of", "line_of"]


# ---------------------------------------------------------------- blocks


@define  # made by the thousand: a slotted class with no frozen checks builds fastest
class Cell:
    """One place of a table's grid.

    A front-end may give, in this class's place, any object with its attributes: the
    text front-end gives the core's own reading of each cell (govparse.core.cells.Cell),
    so that a cell of a text is one object, read once.

    ``x``: the cell's horizontal extent (left, right) on the page or in the
    rendered text, when the source gives one: figures may then be placed by the
    header above them. ``covered``: the place is covered by a spanning cell above
    or to the left; such a cell has no text of its own."""

    text: str
    location: Location | None = None
    rowspan: int = 1
    colspan: int = 1
    covered: bool = False
    x: tuple[float, float] | None = None
    # What a front-end that has read the cell's text with the core's own reading
    # (govparse.core.cells.classify) already knows, so that the core need not read
    # it again; None: the core reads the text.
    reading: object = attrs.field(default=None, eq=False, repr=False)
    # A covered place: the spanning cell that covers it, when known (Table.from_rows
    # says). A place covered by a label (a row label's colspan, a parent label's
    # rowspan) is no cell of the row; one covered by a figure stands in a figure's place.
    covered_by: Cell | None = attrs.field(default=None, eq=False, repr=False)

    @classmethod
    def covering(cls, location: Location | None = None, by: Cell | None = None) -> Cell:
        return cls("", location, covered=True, covered_by=by)


class EmptyCells:
    """A run of rows of one empty cell each, made only when read.

    A source may hold a great many of them (a page of empty grid lines in a text
    file): a front-end may give such a run as one item of ``Table.rows``. Subclasses
    say how the cells are made."""

    count: int = 0  # how many rows
    location: Location | None = None  # where the first stands

    def cells(self) -> Iterator[Cell]:
        raise NotImplementedError


Row = Union[Sequence[Cell], EmptyCells]


@frozen
class Title:
    """A title line: organisation, year and 政府信息公开工作年度报告. A title written
    over two lines (the organisation above) is one Title: ``location`` where it
    starts, ``year_location`` where its second line, which starts with the year, does."""

    text: str
    location: Location | None = None
    year_location: Location | None = None


@frozen
class Heading:
    """A line that opens a section of the template (一、总体情况 …)."""

    text: str
    location: Location | None = None


@frozen
class Paragraph:
    """A paragraph of text (a line of a text file)."""

    text: str
    location: Location | None = None


@frozen
class Table:
    """A grid of cells, row by row; each row's cells in reading order.

    A row is a sequence of Cells, or one EmptyCells standing for many rows of one
    empty cell each.

    ``run_together``: the source runs every cell into the next (a crawler's bare
    text): each row is two cells, the text before a run of figures (its label, with
    whatever header ran into it) and the run (``21710000218``), which the core
    splits into the row's figures where the template's arithmetic allows one split
    only (govparse.core.run_reader).

    ``filled_cells``: the (line, column) of each cell whose figure the source shows
    filling the cell's width, as the PDF front-end numbers its cells (the lines and
    columns of the page's text layer; it alone sets them): a longer number wraps
    there, and a row of a fixed height may show its first line only, which nothing
    else tells; the core places no row with such a figure whose own totals break as
    that cut would break them (GP326).

    ``overdrawn_cells``: the (line, column) of each cell, numbered so, whose figure
    the source draws over the line between its row and the row above, whose cell is
    empty (a row of a fixed height too low for its figures, drawn lower than the row):
    which row's it is the source does not tell; the core places none of its row's
    figures (GP326)."""

    rows: tuple[Row, ...]
    location: Location | None = None
    run_together: bool = False
    filled_cells: frozenset[tuple[int, int]] = frozenset()
    overdrawn_cells: frozenset[tuple[int, int]] = frozenset()

    @classmethod
    def from_rows(cls, rows: Sequence[Sequence[str | Cell]],
                  location: Location | None = None) -> Table:
        """A table from rows written as HTML writes them: a spanning cell once, the
        places it covers below or to the right left out. Plain strings are cells
        with no location. A covered place has the location of the cell covering it.
        A row that ends before a place covered from above does not reach it: no
        cell stands there, and the span still ends where its rowspan says."""
        grid: list[tuple[Cell, ...]] = []
        # column -> (rows below still covered by a cell above, that cell)
        below: dict[int, tuple[int, Cell]] = {}
        for written in rows:
            row: list[Cell] = []
            covered = {col: by for col, (_, by) in below.items()}  # places of this row
            started: dict[int, tuple[int, Cell]] = {}  # spans from this row down
            for cell in written:
                if not isinstance(cell, Cell):
                    cell = Cell(cell)
                while len(row) in covered:  # (the places before it covered from above)
                    by = covered.pop(len(row))
                    row.append(Cell.covering(by.location, by))
                if cell.rowspan > 1:
                    for spanned in range(len(row), len(row) + max(1, cell.colspan)):
                        started[spanned] = (cell.rowspan - 1, cell)
                row.append(cell)
                if cell.colspan > 1:
                    for extra in range(1, cell.colspan):
                        row.append(Cell.covering(cell.location, cell))
            while len(row) in covered:  # (and those after its last cell, up to a gap)
                by = covered.pop(len(row))
                row.append(Cell.covering(by.location, by))
            grid.append(tuple(row))
            # every span from above covers this row, whether the row reaches it or not
            below = {col: (n - 1, by) for col, (n, by) in below.items() if n > 1}
            below.update(started)
        return cls(tuple(grid), location)


Block = Union[Title, Heading, Paragraph, Table]


@frozen
class Document:
    """A report's blocks in reading order, with what reading the source noticed
    (``notes``: Diagnostics) and the source's name (``path``).

    ``source_columns``: in a text whose tabs were read as blanks at tab stops, for
    each such line, the source's column of each of its columns (the report's figures
    and diagnostics are said in the source's).

    ``source_lines``: in a text whose form feeds after text on their line opened
    lines of their own (locations.line_ends_normalized), each line from the first such
    on and where it stands in the source (the report says it there).

    ``page_starts``: in a text whose pages a form feed parts (pdftotext's), the line
    each page after the first starts on. Such a tool lays each page out afresh, so
    that a cell's ``x`` on one page is not comparable with a cell's on another: the
    core places a figure by the header's or other rows' places only on their page.

    ``cells_measured``: the front-end measured each figure against its cell on the
    page (a PDF's): its tables' ``filled_cells`` and ``overdrawn_cells`` name every
    figure that fills its cell or stands over the line above. Elsewhere, in a text,
    the core takes the text's own signs of cells narrower than their numbers (figures
    one above the other in one column) for that."""

    blocks: tuple[Block, ...]
    path: str | None = None
    notes: tuple = ()
    page_starts: tuple[int, ...] = ()
    # a text whose tabs were expanded to blanks at tab stops (its cells stand by their
    # expanded columns): for each such line, (line, the source's column of each of its
    # columns), so that what the report says stands there is said in the source's
    source_columns: tuple = ()
    # a text whose form feeds after text on their line opened lines of their own: each
    # line from the first such on, (line, the source's line, the source's characters
    # before it on that line), so that the report says it where the source has it
    source_lines: tuple = ()
    cells_measured: bool = False
