"""A row's cells as figures, shared by the table reader's modules: the one missing
Figure, a plain row's figures, cells' values as the arithmetic takes them, and the
template's relations about a row's places.
"""

from __future__ import annotations

import functools
import operator
from decimal import Decimal

from govparse.core.cells import NUMBER, Cell
from govparse.core.gaps import RowRelations
from govparse.core.grid import EmptyRun
from govparse.model.figures import figures_of, read_figure
from govparse.model.report import Figure
from govparse.template.spec import MONEY, ColumnSpec


MISSING = Figure()  # immutable, so one serves every missing figure


def values_of(cells: list[Cell]) -> list:
    """The cells' figures as the arithmetic takes them (None: no number)."""
    return [c.value if c.kind == NUMBER else None for c in cells]


@functools.lru_cache(maxsize=256)
def rules_about(template: str, table: str, keys: tuple[tuple[str, str], ...]):
    """The table's relations about the places ``keys``, as the columns of one row of
    their own (the review table's places span three rows), parted once (RowRelations)."""
    from govparse.template.arithmetic import relations  # only a row in doubt needs them

    place = {key: f"{key[0]}.{key[1]}" for key in keys}

    def ref(r):
        return ("", place[r[1:]]) if r[1:] in place else r[1:]

    # Only the relations that name one of the places: the others do not depend on
    # where the row's figures go, and every use of the rules passes over them.
    rules = tuple((tuple(ref(r) for r in rel.left), tuple(ref(r) for r in rel.right))
                  for rel in relations(template) if rel.subject[0] == table
                  and any(r[1:] in place for r in rel.refs))
    return RowRelations([place[k] for k in keys], "", rules)


# A ColumnSpec's kind, taken in C: a NamedTuple's field read as an attribute is a
# lookup the interpreter does not make faster where it is met again (3.11).
_KIND = operator.itemgetter(2)


def plain_figures(data: list[Cell | EmptyRun], columns) -> list[Figure] | None:
    """The common case, one plain figure a column: its figures, with nothing to say
    (None for any other row)."""
    if len(data) != len(columns):
        return None
    for cell in data:
        if cell.kind != NUMBER or cell.unit is not None:
            return None
    if MONEY in map(_KIND, columns):  # (rare: a row of an amount column)
        return [read_figure(typed(c.value, col), c.line, c.column, None, c.source)
                for c, col in zip(data, columns)]
    return figures_of(data)


def typed(value, column: ColumnSpec):
    """Money is a Decimal even where written without a point."""
    if value is not None and column.kind == MONEY and not isinstance(value, Decimal):
        return Decimal(value)
    return value
