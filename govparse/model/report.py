"""The typed, immutable model of a report.

Field names are the figure identifiers of the template (govparse/template/data/*.tsv), the
project's public data contract. Every figure keeps where it came from; positions
are left out of equality, so a report equals its re-parsed printout.
A missing cell is ``Figure(None)``, never 0.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Iterator

import attrs
from attrs import field

from govparse.classes import frozen

from govparse.diagnostics import Diagnostic
from govparse.template.spec import TABLE_ORDER, TEMPLATES

# The figure and the 2021 tables live in modules of their own, below this one
# (figures, tables_2021); they are named here too, where the model is imported from.
from govparse.model.figures import Figure, Value, _empty
from govparse.model.tables_2021 import (
    TABLE_CLASSES_2021 as _TABLE_CLASSES_2021,
    ActiveDisclosure,
    ApplicantCounts,
    Applications,
    DecisionCount,
    DocumentCounts,
    FeeAmount,
    OutcomeCounts,
    ReviewLitigation,
)

# What this module has always exported (the 2019 tables and FigureRecord too, below,
# imported when first asked for: they are not listed, so that * does not load them).
__all__ = [
    "ActiveDisclosure", "ApplicantCounts", "Applications", "DecisionCount", "DocumentCounts",
    "FeeAmount", "Figure", "MetaField", "OutcomeCounts", "Paragraph", "Report",
    "ReviewLitigation", "Section", "TABLES", "Value", "table_classes",
]

if TYPE_CHECKING:  # at run time, __getattr__ below imports them when first asked for
    from govparse.model.tables_2019 import ActiveDisclosure2019, Applications2019
    from govparse.model.records import FigureRecord


# ---------------------------------------------------------------- narrative


@frozen
class Paragraph:
    text: str
    line: int | None = field(default=None, eq=False)
    column: int | None = field(default=None, eq=False)


@frozen
class Section:
    """One of the six numbered sections, with its narrative paragraphs."""

    number: int  # 1 … 6, the template's numbering
    heading: str | None = field(default=None, eq=False)  # as written in the report
    paragraphs: tuple[Paragraph, ...] = ()
    line: int | None = field(default=None, eq=False)


@frozen
class MetaField:
    """The organisation or year, with where it was read."""

    value: str | int | None = None
    line: int | None = field(default=None, eq=False)
    column: int | None = field(default=None, eq=False)


# The classes of each table, by template. The 2019 template's live in tables_2019.py,
# imported when a 2019 table is first met: a 2021 report does without them.
def table_classes(template: str) -> dict[str, type]:
    """The model classes of each table of a template ("2021" or "2019")."""
    if template == "2021":
        return _TABLE_CLASSES_2021
    if template == "2019":
        from govparse.model.tables_2019 import TABLE_CLASSES_2019

        return TABLE_CLASSES_2019
    raise KeyError(template)


# Classes of the model defined in modules of their own, imported when first asked
# for: a `govparse parse` of a 2021 report needs none of them.
_LAZILY_IMPORTED = {
    **dict.fromkeys(("PublicationCounts", "ItemChanges", "FeeItems", "Procurement",
                     "ActiveDisclosure2019", "Applications2019"), "govparse.model.tables_2019"),
    "FigureRecord": "govparse.model.records",
}


def __getattr__(name: str):
    if name in _LAZILY_IMPORTED:
        import importlib

        value = getattr(importlib.import_module(_LAZILY_IMPORTED[name]), name)
        globals()[name] = value  # so that Report's annotations resolve (cattrs)
        return value
    raise AttributeError(f"module 'govparse.model.report' has no attribute {name!r}")


class _ImportedWhenAsked:
    """A module's names, the module imported when one is first asked for: what Report's
    annotations name the 2019 tables by, so that they resolve (typing.get_type_hints,
    cattrs) in a process that has not yet met a 2019 table, and no sooner imported."""

    def __init__(self, module: str) -> None:
        self._module = module

    def __getattr__(self, name: str):
        import importlib

        return getattr(importlib.import_module(self._module), name)


_tables_2019 = _ImportedWhenAsked("govparse.model.tables_2019")

TABLES = TABLE_ORDER


@functools.cache
def _field_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in attrs.fields(cls))


@frozen
class Report:
    organization: MetaField = _empty(MetaField)
    year: MetaField = _empty(MetaField)
    title: str | None = field(default=None, eq=False)  # the title line as written
    preamble: tuple[Paragraph, ...] = ()
    sections: tuple[Section, ...] = ()
    # A 2019-template report holds ActiveDisclosure2019 and Applications2019 (named through
    # _tables_2019, which imports them when first asked for).
    active_disclosure: ActiveDisclosure | _tables_2019.ActiveDisclosure2019 = _empty(ActiveDisclosure)
    applications: Applications | _tables_2019.Applications2019 = _empty(Applications)
    review_litigation: ReviewLitigation = _empty(ReviewLitigation)
    template: str = "2021"  # "2021" or "2019", detected from the tables
    diagnostics: tuple[Diagnostic, ...] = field(default=(), eq=False)
    path: str | None = field(default=None, eq=False)  # the file it was read from

    def figure(self, table: str, row: str, column: str) -> Figure:
        return getattr(getattr(getattr(self, table), row), column)

    def figures(self) -> Iterator[FigureRecord]:
        """Every figure, in template order, after the organisation and year."""
        from govparse.model.records import FigureRecord

        for name in ("organization", "year"):
            meta = getattr(self, name)
            yield FigureRecord("report", "meta", name, meta.value, meta.line, meta.column)
        for table, row, column, fig in self.table_figures():
            yield FigureRecord(table, row, column, fig.value, fig.line, fig.column, fig.inferred,
                               fig.location, fig.recovered)

    def table_figures(self) -> Iterator[tuple[str, str, str, Figure]]:
        """(table, row, column, Figure) for every cell of the three tables."""
        for table, row, row_obj in self.table_rows():
            for column in _field_names(type(row_obj)):
                yield table, row, column, getattr(row_obj, column)

    def table_rows(self) -> Iterator[tuple[str, str, object]]:
        """(table, row, the row's object: its figures by column) for every row of the
        three tables."""
        for table in TABLES:
            table_obj = getattr(self, table)
            for row in _field_names(type(table_obj)):
                yield table, row, getattr(table_obj, row)

    def table_template(self, table: str) -> str:
        """The template a table follows: the report's, except in a mixed report."""
        cls = type(getattr(self, table))
        if table_classes(self.template)[table] is cls:
            return self.template
        return next(t for t in TEMPLATES if table_classes(t)[table] is cls)

    def replace_figure(self, table: str, row: str, column: str, figure: Figure) -> Report:
        return self.replace_figures([(table, row, column, figure)])

    def replace_figures(self, figures) -> Report:
        """The report with each (table, row, column, figure) given in place: each row
        and table made again once, however many of its figures change."""
        changed: dict[str, dict[str, dict[str, Figure]]] = {}
        for table, row, column, figure in figures:
            changed.setdefault(table, {}).setdefault(row, {})[column] = figure
        tables = {}
        for table, rows in changed.items():
            table_obj = getattr(self, table)
            tables[table] = attrs.evolve(table_obj, **{
                row: attrs.evolve(getattr(table_obj, row), **columns)
                for row, columns in rows.items()})
        return attrs.evolve(self, **tables) if tables else self

    def section(self, number: int) -> Section | None:
        return next((s for s in self.sections if s.number == number), None)
