"""The printer's html layout and the HTML front-end are inverse: a generated report
written as a page (the template's rowspans and colspans) reads back to the same
report, every figure at the cell the page put it in; and the reference reports too."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govparse
from govparse.document import HtmlLocation
from govparse.emit.printer import dumps
from govparse.testing import strategies as gst

from conftest import SEED_FILES
from helpers import assert_reads_back_in_place


@pytest.mark.parametrize("template", gst.TEMPLATES)
@given(data=st.data())
def test_generated_report_round_trips_through_a_page(template, data):
    from govparse.frontends.html.reader import read_html

    report = data.draw(gst.reports(template), label="report")
    page = dumps(report, "html")
    assert_reads_back_in_place(report, page, read_html(page), HtmlLocation)


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_a_reference_report_reads_back_from_its_page(path):
    report = govparse.parse_file(path)
    assert govparse.parse(dumps(report, "html")) == report
