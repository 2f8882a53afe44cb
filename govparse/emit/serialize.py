"""JSON (with cattrs) and the long CSV format; kept out of the model classes.

JSON keeps exact values: money is a string ("12.5000"), so no float ever rounds it.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal, InvalidOperation
from typing import Iterable

from cattrs.preconf.json import make_converter

from govparse.diagnostics import Number
from govparse.model.report import (
    ActiveDisclosure,
    ActiveDisclosure2019,
    Applications,
    Applications2019,
    Figure,
    MetaField,
    Report,
)

CSV_HEADER = ("report", "table", "row", "column", "value", "line", "col", "inferred")


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
    converter.register_structure_hook(
        Figure,
        lambda d, _t: Figure(_structure_value(d.get("value"), None), d.get("line"),
                             d.get("column"), bool(d.get("inferred", False)), d.get("unit")),
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
               csv_value(rec.line), csv_value(rec.col), "true" if rec.inferred else "false")


def to_csv(reports: Iterable[tuple[str, Report]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for name, report in reports:
        writer.writerows(csv_rows(report, name))
    return out.getvalue()
