"""A figure: one cell of a statistical table, the unit every table of the model is
built of, and the helpers that give a table's fields their empty defaults.

The bottom of govparse.model: the tables of each template (tables_2021, tables_2019),
the long form (records) and the Report (report) import it; it imports none of them.
"""

from __future__ import annotations

from attrs import field

from govparse.classes import frozen
from govparse.diagnostics import Number

Value = Number


@frozen(weakref_slot=False)  # (no weak reference to a value: read_figure's making needs none)
class Figure:
    """One cell of a statistical table: its value and where it stands in the source."""

    value: Value = None
    line: int | None = field(default=None, eq=False)
    column: int | None = field(default=None, eq=False)
    # Filled from the template's arithmetic, not read: only with parse(infer=True).
    inferred: bool = False
    # A unit written in the cell (2019 reports: 1个, 246900元); the value is the number.
    unit: str | None = None
    # Where it stands when the source is not a text (an HTML, PDF or Word cell: a
    # govparse.document location); a text's figure has its line and column only.
    location: object = field(default=None, eq=False, repr=False)
    # Split out of a run of digits by the template's arithmetic, not read from a cell
    # of its own: run-together text (a crawler's bare text, every cell run into the
    # next), where exactly one split of the run satisfies every relation; or a cell's
    # digits parted by a blank (a number wrapped in its cell) joined where the
    # arithmetic gives exactly that number (GP325), or where a PDF's page shows the
    # lines of the digits each but the last filling the cell's width (GP328).
    recovered: bool = False

    @property
    def missing(self) -> bool:
        return self.value is None


# A report's reading makes a Figure for every cell of its tables. attrs' __init__ of a
# frozen class sets each field through object.__setattr__, a call a field; a class
# with the same slots that is not frozen sets each in one bytecode. read_figure and
# located_figure fill one of those and then make it a Figure (``__class__``
# assignment, which CPython allows between classes of the same slots, none of them
# ``__weakref__``): half the time of setting each field through its slot's descriptor,
# about a twentieth of a report's reading. (Figure has no validator or converter.)
_FIELDS = ("value", "line", "column", "inferred", "unit", "location", "recovered")


class _FigureBeingRead:
    """A Figure's slots, settable, for read_figure to fill (see above)."""

    __slots__ = _FIELDS

    def __init__(self, value, line, column, unit, location) -> None:
        self.value = value
        self.line = line
        self.column = column
        self.inferred = False
        self.unit = unit
        self.location = location
        self.recovered = False


assert Figure.__slots__ == _FIELDS, "read_figure sets every field of Figure"


def read_figure(value: Value, line: int | None, column: int | None, unit: str | None = None,
                location: object = None) -> Figure:
    """``Figure(value, line, column, unit=unit, location=location)``, made faster."""
    figure = _FigureBeingRead(value, line, column, unit, location)
    figure.__class__ = Figure
    return figure


_new = object.__new__


def figures_of(cells) -> list[Figure]:
    """``read_figure(c.value, c.line, c.column, None, c.source)`` for each cell (a
    core Cell: a plain row's figures), made in one loop: without read_figure's two
    calls a figure, which are a third of its making (0.16 µs a figure, not 0.22)."""
    figures = []
    append = figures.append
    for cell in cells:
        figure = _new(_FigureBeingRead)
        figure.value = cell.value
        figure.line = cell.line
        figure.column = cell.column
        figure.inferred = False
        figure.unit = None
        figure.location = cell.source
        figure.recovered = False
        figure.__class__ = Figure
        append(figure)
    return figures


def located_figure(figure: Figure, location: object) -> Figure:
    """``attrs.evolve(figure, location=location)``, made faster (every figure of a PDF
    is located so)."""
    copy = _FigureBeingRead(figure.value, figure.line, figure.column, figure.unit, location)
    copy.inferred = figure.inferred
    copy.recovered = figure.recovered
    copy.__class__ = Figure
    return copy


def _empty(cls, **kwargs):
    """A field whose default is the empty instance of ``cls``, one for all.

    The model is immutable, so one instance can serve every default. attrs then
    writes a plain default into ``__init__`` instead of a factory call for each
    field: less generated code to compile at start-up, and faster to build.
    """
    return field(default=cls(), **kwargs)


def _figures():
    return _empty(Figure)
