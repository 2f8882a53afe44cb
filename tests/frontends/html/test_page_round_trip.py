"""The printer's html layout and the HTML front-end are inverse: a generated report
written as a page (the template's rowspans and colspans) reads back to the same
report, every figure at the cell the page put it in; and the reference reports too."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govparse
from govparse.diagnostics import Severity
from govparse.document import HtmlLocation
from govparse.emit.printer import cell_text, dumps
from govparse.testing import strategies as gst

from conftest import SEED_FILES


def cell_texts(page: str) -> dict[tuple[int, int, int], str]:
    """Each cell's text by (table, grid row, grid column), as lxml sees the page."""
    from govparse.frontends.html.reader import read_html
    from govparse.document import Table

    tables = [b for b in read_html(page).blocks if type(b) is Table]
    return {(t, r, c): cell.text for t, table in enumerate(tables, start=1)
            for r, row in enumerate(table.rows, start=1)
            for c, cell in enumerate(row, start=1) if not cell.covered}


@pytest.mark.parametrize("template", gst.TEMPLATES)
@given(data=st.data())
def test_generated_report_round_trips_through_a_page(template, data):
    report = data.draw(gst.reports(template), label="report")
    page = dumps(report, "html")
    back = govparse.parse(page)
    assert back == report
    assert [d for d in back.diagnostics if d.severity is Severity.ERROR] == []
    cells = cell_texts(page)
    for table, row, column, figure in back.table_figures():
        if figure.value is None:
            continue
        where = figure.location
        assert type(where) is HtmlLocation
        assert cells[(where.table, where.row, where.column)] == \
            cell_text(figure), (table, row, column)


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_a_reference_report_reads_back_from_its_page(path):
    report = govparse.parse_file(path)
    assert govparse.parse(dumps(report, "html")) == report
