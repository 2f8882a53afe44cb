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

CSV_HEADER = ("report", "table", "row", "column", "value", "line", "col", "inferred", "location",
              "recovered")


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


def csv_value(value) -> str:
    return "" if value is None else str(value)


def csv_rows(report: Report, name: str) -> Iterable[tuple]:
    for rec in report.figures():
        yield (name, rec.table, rec.row, rec.column, csv_value(rec.value),
               csv_value(rec.line), csv_value(rec.col), "true" if rec.inferred else "false",
               rec.location.where() if rec.location is not None else "",
               "true" if rec.recovered else "false")


def to_csv(reports: Iterable[tuple[str, Report]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for name, report in reports:
        writer.writerows(csv_rows(report, name))
    return out.getvalue()
