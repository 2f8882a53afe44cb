"""Where a figure, a cell or a block stands in a source that is not a text: an HTML
table's row and column and the source line (HtmlLocation), a PDF page and box
(PdfLocation), a Word table's row and column (WordLocation); govparse.locations says
what they are for, and names them too.

Three attrs classes a text's reading never makes: govparse.locations imports them when
one is first asked for (0.7% of a cold ``govparse parse FILE``).
"""

from __future__ import annotations

import attrs

from govparse.classes import frozen


@frozen
class HtmlLocation:
    """A place in an HTML page: for a table cell, the table's number among the page's
    tables (from 1) and the row and column in its grid (from 1); for a line of text,
    none of them; and the source line the element starts on."""

    table: int | None = None
    row: int | None = None
    column: int | None = None
    line: int | None = None
    kind = "html"

    def moved(self, characters: int) -> HtmlLocation:
        return self

    def where(self) -> str:
        if self.table is None:
            return f"source line {self.line}"
        at = f"table {self.table}, row {self.row}, column {self.column}"
        return at if self.line is None else f"{at} (source line {self.line})"

    def as_dict(self) -> dict:
        return {"kind": self.kind, **attrs.asdict(self)}


@frozen
class PdfLocation:
    """A place on a PDF page (from 1): the box (x0, y0, x1, y1) in points."""

    page: int
    box: tuple[float, float, float, float]
    kind = "pdf"

    def moved(self, characters: int) -> PdfLocation:
        return self

    def where(self) -> str:
        x0, y0, x1, y1 = self.box
        return f"page {self.page}, box ({x0:g}, {y0:g}, {x1:g}, {y1:g})"

    def as_dict(self) -> dict:
        return {"kind": self.kind, "page": self.page, "box": list(self.box)}


@frozen
class WordLocation:
    """A cell of a Word document's table: table, row and column, each from 1."""

    table: int
    row: int
    column: int
    kind = "word"

    def moved(self, characters: int) -> WordLocation:
        return self

    def where(self) -> str:
        return f"table {self.table}, row {self.row}, column {self.column}"

    def as_dict(self) -> dict:
        return {"kind": self.kind, **attrs.asdict(self)}
