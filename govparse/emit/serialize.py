"""JSON (with cattrs) and the long CSV format; kept out of the model classes.

JSON keeps exact values: money is a string ("12.5000"), so no float ever rounds it.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal, InvalidOperation
from typing import Iterable

from cattrs.gen import make_dict_unstructure_fn, override
from cattrs.preconf.json import make_converter

from govparse import locations
from govparse.diagnostics import Diagnostic, FigureRef, Number
from govparse.model.report import (
    ActiveDisclosure,
    ActiveDisclosure2019,
    Applications,
    Applications2019,
    Figure,
    MetaField,
    Report,
)

# The long format: one figure a row, the report's columns beside it (the CSV export,
# and every tabular output of a batch run: govparse.batch.outputs).
CSV_HEADER = ("report", "organization", "year", "template", "table", "row", "column", "value",
              "unit", "inferred", "line", "col", "location", "recovered")


def _structure_value(value, _type):
    """A figure's value as to_json writes it: null, a whole number, or a finite
    decimal as a string. (JSON true is no count; "NaN" or "Infinity" no amount.)"""
    if value is None or type(value) is int:
        return value
    if isinstance(value, str):
        try:
            number = Decimal(value)
        except InvalidOperation:
            number = None
        if number is not None and number.is_finite():
            return number
    raise ValueError(f"not a figure value: {value!r}")


def _make_converter():
    converter = make_converter()
    converter.register_unstructure_hook(Decimal, str)
    # A location (an HTML, PDF or Word cell) is written only where there is one, so
    # that a text's JSON has none of them.
    for cls in (Figure, FigureRef, Diagnostic):
        converter.register_unstructure_hook(cls, _with_location(converter, cls))
    # The only fields typed ``object`` in the model are locations (the diagnostics,
    # below govparse.locations, cannot name the type).
    converter.register_structure_hook_func(lambda t: t is object,
                                           lambda d, _t: locations.from_dict(d))
    converter.register_structure_hook(
        Figure,
        lambda d, _t: Figure(_structure_value(d.get("value"), None), d.get("line"),
                             d.get("column"), bool(d.get("inferred", False)), d.get("unit"),
                             locations.from_dict(d.get("location")),
                             bool(d.get("recovered", False))),
    )
    # A table's class is told by the rows only its template has.
    for union, by_template in (
        (ActiveDisclosure | ActiveDisclosure2019, ("government_procurement", ActiveDisclosure2019,
                                                   ActiveDisclosure)),
        (Applications | Applications2019, ("other_processing", Applications2019, Applications)),
    ):
        marker, older, newer = by_template
        converter.register_structure_hook_func(
            lambda t, union=union: t == union,
            lambda d, _t, marker=marker, older=older, newer=newer: converter.structure(
                d, older if marker in d else newer),
        )
    # A figure's value, and what a finding expected or found: int, Decimal or None.
    converter.register_structure_hook_func(lambda t: t == Number, _structure_value)
    converter.register_structure_hook(
        MetaField, lambda d, _t: MetaField(d.get("value"), d.get("line"), d.get("column"))
    )
    return converter


def _with_location(converter, cls):
    """``cls`` as a dict whose location (and a diagnostic's context of the cell
    there) is written only when there is one."""
    extra = {"location": override(omit=True)}
    if cls is Diagnostic:
        extra["context"] = override(omit=True)
    plain = make_dict_unstructure_fn(cls, converter, **extra)

    def unstructure(obj) -> dict:
        data = plain(obj)
        if obj.location is not None:
            data["location"] = obj.location.as_dict()
            if getattr(obj, "context", None) is not None:
                data["context"] = converter.unstructure(obj.context)
        return data

    return unstructure


converter = _make_converter()


def to_dict(report: Report) -> dict:
    return converter.unstructure(report)


def from_dict(data: dict) -> Report:
    return converter.structure(data, Report)


def to_json(report: Report, *, indent: int | None = 2) -> str:
    return converter.dumps(report, ensure_ascii=False, indent=indent)


def from_json(text: str | bytes) -> Report:
    return converter.loads(text, Report)


def error_to_dict(error) -> dict | None:
    """A GovParseError as JSON data: code, message, position and every diagnostic."""
    if error is None:
        return None
    return {
        "code": error.code,
        "message": error.message,
        "line": error.line,
        "column": error.column,
        "diagnostics": converter.unstructure(list(error.diagnostics)),
    }


def csv_value(value) -> str:
    """A value as the CSV writes it: empty for None, true/false, a number exactly as
    read (a Decimal keeps its places: 1.2500)."""
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    return str(value)


def long_rows(report: Report, name: str) -> Iterable[tuple]:
    """The report's figures in the long format (CSV_HEADER), as values."""
    head = (name, report.organization.value, report.year.value, report.template)
    for table, row, column, fig in report.table_figures():
        yield head + (table, row, column, fig.value, fig.unit, fig.inferred, fig.line,
                      fig.column, fig.location.where() if fig.location is not None else None,
                      fig.recovered)


def csv_rows(report: Report, name: str) -> Iterable[list[str]]:
    """The report's figures in the long format, as the CSV writes them."""
    for values in long_rows(report, name):
        yield [csv_value(v) for v in values]


def to_csv(reports: Iterable[tuple[str, Report]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for name, report in reports:
        writer.writerows(csv_rows(report, name))
    return out.getvalue()
