"""A report's figures in long form, one record a figure (``Report.figures()``):
the public contract of the CSV export."""

from __future__ import annotations

from govparse.classes import frozen
from govparse.model.figures import Value


@frozen
class FigureRecord:
    """One figure in long form: the public contract of the CSV export."""

    table: str
    row: str
    column: str
    value: Value | str
    line: int | None
    col: int | None
    inferred: bool = False
    # Where the figure stands when the source is not a text (govparse.locations).
    location: object = None
    # Split out of run-together text by the template's arithmetic (Figure.recovered).
    recovered: bool = False
