"""Run-together text read back from the printer (``dumps(report, "run-together")``):
over generated reports, consistent or not, on both templates,

- every figure the reader accepts is the printed one, unless the printed table
  itself breaks a relation of the template (then a split that satisfies the
  relations is not the printed one, and no reader could tell): never a wrong
  figure from a consistent table;
- every figure it does not accept carries a diagnostic on its table and row (or
  names it among its figures);
- a figure split out of a run is marked ``recovered`` and said (GP317), which
  strict mode refuses (tests/test_run_together.py).

The quick profile (``make test``) runs 2,000 reports over the four cases (template ×
consistent or not; seven in eight consistent); the long profile 10,000.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govparse
from govparse.emit.printer import dumps
from govparse.template.arithmetic import relations
from govparse.template.sections import SECTION_NAMES
from govparse.testing import strategies as gst

# Ten reports for each example of the profile, at most 10,000 in all: 2,000 in the
# quick profile, 10,000 in the long one; seven in eight consistent (a consistent
# table is where a split is read; a broken one costs four times its search, most of
# it spent finding that no split adds up).
REPORTS = min(10 * settings.default.max_examples, 10_000)
CONSISTENT = settings(max_examples=max(50, REPORTS * 7 // 16),
                      suppress_health_check=[HealthCheck.too_slow], deadline=None)
ANY = settings(CONSISTENT, max_examples=max(25, REPORTS // 16))


def broken_tables(report) -> set[str]:
    """The tables whose printed figures break a relation they can be checked by."""
    broken = set()
    for relation in relations(report.table_template("applications")):
        values = relation.values(report)
        split = len(relation.left)
        if None not in values and sum(values[:split]) != sum(values[split:]):
            broken.add(relation.subject[0])
    return broken


def said(back, table: str, row: str, column: str) -> bool:
    section = SECTION_NAMES[table]
    for d in back.diagnostics:
        if d.code == "GP108" and section in d.message:
            return True  # the section is not found: all its figures are missing
        if d.table_id == table and d.row_id == row and d.column_id in (None, column):
            return True
        if any((f.table, f.row, f.column) == (table, row, column) for f in d.figures):
            return True
    return False


def check_read_back(report) -> None:
    text = dumps(report, "run-together")
    back = govparse.parse(text)
    broken = broken_tables(report)
    for (table, row, column, printed), (*_, read) in zip(report.table_figures(),
                                                         back.table_figures()):
        where = f"{table}.{row}.{column}"
        if read.value is None:
            assert said(back, table, row, column), f"{where} is missing without a word"
            continue
        if table not in broken:
            assert (read.value, read.unit) == (printed.value, printed.unit), \
                f"{where}: read {read.value!r}, printed {printed.value!r}"
        if read.recovered:
            assert any(d.code == "GP317" and d.line == read.line for d in back.diagnostics)


@pytest.mark.parametrize("template", gst.TEMPLATES)
@CONSISTENT
@given(data=st.data())
def test_consistent_reports_read_back_only_the_printed_figures(template, data):
    check_read_back(data.draw(gst.reports(template, consistent=True), label="report"))


@pytest.mark.parametrize("template", gst.TEMPLATES)
@ANY
@given(data=st.data())
def test_any_reports_read_back_only_the_printed_figures(template, data):
    check_read_back(data.draw(gst.reports(template, consistent=False), label="report"))

