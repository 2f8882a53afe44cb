"""Markdown's strong and emphasis around a table cell's text (html2text writes a page's
<b>, <strong> and <em> so: a total in bold, ``**218**``, a bold row label): the cell is
the text inside; marks around nothing (``****``, an empty <b></b>) are an empty cell.
Marks around only a part of a cell, or alone (a footnote's *), are left as written."""

from __future__ import annotations

import pytest

import govparse
from govparse.frontends.text.lines import _unemphasized

from conftest import HERE, load_expected
from helpers import acceptable

CONVERTED = HERE / "data" / "converted"
PAGES = HERE / "data" / "real" / "html"


@pytest.mark.parametrize("body, read", [
    ("**218**", ("218", 2)), ("***218***", ("218", 3)), ("__规章__", ("规章", 2)),
    ("*0*", ("0", 1)), ("** 14 **", ("14", 3)), ("*_x_*", ("x", 2)),
    ("****", ("", 0)), ("__", ("", 0)),
    ("*", ("*", 0)), ("**", ("**", 0)), ("***", ("***", 0)), ("**12", ("**12", 0)),
    ("12**", ("12**", 0)), ("**1** 2", ("**1** 2", 0)),
])
def test_a_cells_emphasis_marks(body, read):
    assert _unemphasized(body, 0) == read


def test_a_page_with_bold_cells_through_html2text_reads_whole():
    report = govparse.parse_file(CONVERTED / "bold-cells.h2t.txt")
    expected = load_expected(PAGES / "006.expected.tsv")["006.html"]
    not_right = {key: report.figure(*key).value for key, values in expected.items()
                 if key[0] != "report" and not acceptable(report.figure(*key).value, values)}
    assert not_right == {}  # (every figure missing before: 1 of 200 read)
    assert report.active_disclosure.normative_documents.repealed.value == 33  # (**33**)
    line = next(n for n, text in enumerate(
        (CONVERTED / "bold-cells.h2t.txt").read_text(encoding="utf-8").split("\n"), 1)
        if text.startswith("行政规范性文件|"))
    figure = report.active_disclosure.normative_documents.repealed
    assert (figure.line, figure.column) == (line, 16)  # (the 33 itself, after its **)
