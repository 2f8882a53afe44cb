"""The printer's docx layout and the Word front-end are inverse: a generated report
written as a Word file (the template's merged cells as gridSpan and vMerge) reads back
to the same report, every figure at the cell the file put it in; and the reference
reports too. python-docx, which reads what Word reads, opens what the printer writes."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govparse
from govparse.document import WordLocation
from govparse.emit.printer import dumps
from govparse.frontends.word.reader import read_docx
from govparse.testing import strategies as gst

from conftest import SEED_FILES
from helpers import assert_reads_back_in_place


@pytest.mark.parametrize("template", gst.TEMPLATES)
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_generated_report_round_trips_through_a_word_file(template, data):
    report = data.draw(gst.reports(template), label="report")
    written = dumps(report, "docx")
    assert_reads_back_in_place(report, written, read_docx(written), WordLocation)


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_a_reference_report_reads_back_from_its_word_file(path):
    report = govparse.parse_file(path)
    assert govparse.parse(dumps(report, "docx")) == report


def test_word_opens_what_the_printer_writes():
    import docx  # python-docx: a test dependency

    report = govparse.parse_file(SEED_FILES[0])
    document = docx.Document(io.BytesIO(dumps(report, "docx")))
    assert len(document.tables) == 3
    assert document.paragraphs[0].text == report.title
    # the applications table: the note over three label columns and three header rows
    applications = document.tables[1]
    assert applications.cell(0, 0).text.startswith("（本列数据的勾稽关系为")
    assert applications.cell(1, 0).text == applications.cell(0, 0).text  # merged down
    assert applications.cell(1, 3).text == "自然人"
    assert applications.cell(2, 3).text == "自然人"  # two rows high
