"""What a diagnostic is about besides its line: the figures a validator's finding
names (FigureRef), and what stands around a table cell of a page, a PDF or a Word
file (CellContext). govparse.diagnostics names both.

Two attrs classes a text's reading makes none of: govparse.diagnostics imports them
when one is first asked for (0.6% of a cold ``govparse parse FILE``).
"""

from __future__ import annotations

from decimal import Decimal

from govparse.classes import frozen


@frozen
class FigureRef:
    """A figure a finding is about: its identifiers, value and source position."""

    table: str
    row: str
    column: str
    value: int | Decimal | None  # govparse.diagnostics.Number (this module is below it)
    line: int | None = None
    col: int | None = None
    # Where it stands when the source is not a text (an HTML, PDF or Word cell; see
    # govparse.document): its ``where()`` says it in words.
    location: object = None

    @property
    def id(self) -> str:
        return f"{self.table}.{self.row}.{self.column}"


@frozen
class CellContext:
    """What a person looks for to find a table cell in a page: the row's label, the
    column's header (levels joined by " / ") and the cell's own text."""

    row: str | None
    column: str | None
    text: str
