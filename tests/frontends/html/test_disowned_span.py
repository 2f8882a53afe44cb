"""Figure cells whose span places no figure of the rows it covers (govparse/core/grid.py,
``_disowned_spans``), GP503, never one column out:

- a figure spanning rows among their figures: a merge of the rows' cells, a rowspan
  written wrong (rowspan="100000") over rows with a cell of their own there, or over
  a row that lost a cell further on, which comes out with the right count (the
  last two found by the page-damage property); the cells cannot tell the first from
  the third, so the rows it covers are missing, the row it stands in read;
- a figure spanning columns the row above has a cell in each of: its row missing;
  under a header cell spanning the same columns it is read.
And a digit written as a reference without its ';' (&#53) reads as no number."""

from __future__ import annotations

import re

import pytest

import govparse
from govparse.emit.printer import dumps
from govparse.model.report import Figure

from conftest import EXAMPLES

ROWS = ["（二）部分公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
        "4.保护第三方合法权益"]


def page_with_span(drop_below: bool, lose: str | None = None) -> tuple[str, object]:
    """The example's page with its （一）予以公开 row's 法律服务机构 cell spanning the
    five rows after it; ``drop_below``: those rows' own cells in that column left out
    (a merge the rows agree with); ``lose``: a row that loses its last cell."""
    report = govparse.parse_file(EXAMPLES / "report-2024-tab.txt")
    lines = dumps(report, "html").split("\n")
    out = []
    for line in lines:
        cells = re.findall(r"<td[^>]*>[^<]*</td>", line)
        if "（一）予以公开" in line:
            cells[-3] = cells[-3].replace("<td>", '<td rowspan="6">')
        elif any(f">{name}" in line for name in ROWS):
            if drop_below:
                del cells[-3]
            if lose is not None and f">{lose}" in line:
                del cells[-1]
        else:
            out.append(line)
            continue
        out.append(line[:line.index("<td")] + "".join(cells) + "</tr>")
    return "\n".join(out), report


def test_a_span_the_rows_below_disown_places_none_of_them():
    page, printed = page_with_span(drop_below=False, lose="4.保护第三方合法权益")
    read = govparse.parse(page)
    (disowned,) = [d for d in read.diagnostics if d.code == "GP503"]
    assert disowned.message.startswith("the cell '")
    rows = ["partially_disclosed", "withheld_state_secret", "withheld_prohibited_by_law",
            "withheld_security_stability", "withheld_third_party_rights"]
    for row in rows:
        assert [f.value for f in _figures(read, row)] == [None] * 7, row
    # the rows it does not cover are read
    assert [f.value for f in _figures(read, "withheld_internal_affairs")] == \
        [f.value for f in _figures(printed, "withheld_internal_affairs")]
    assert [f.value for f in _figures(read, "disclosed")] == \
        [f.value for f in _figures(printed, "disclosed")]


def test_a_merge_the_rows_below_agree_with_places_none_of_them_either():
    """The rows below with no cell of their own in that column (a merge): the same
    shape as a rowspan written over a row that lost a cell further on (found by the
    page-damage property, seed 305), which put figures one column out: the rows it
    covers are missing, GP503; the row the figure stands in is read."""
    page, printed = page_with_span(drop_below=True)
    read = govparse.parse(page)
    assert [d.code for d in read.diagnostics if d.code == "GP503"] == ["GP503"]
    for row in ["partially_disclosed", "withheld_state_secret", "withheld_third_party_rights"]:
        assert [f.value for f in _figures(read, row)] == [None] * 7, row
    assert [f.value for f in _figures(read, "disclosed")] == \
        [f.value for f in _figures(printed, "disclosed")]


def _figures(report, row):
    import attrs

    counts = getattr(report.applications, row)
    return [getattr(counts, a.name) for a in attrs.fields(type(counts))]


def test_a_figure_spanning_columns_the_row_above_parts_places_none_of_its_row():
    """<td colspan="2">33</td> where the row above has a cell in each column, and a
    cell of the row lost: the row comes out as wide as the header, every figure after
    the span one column out; it is missing, GP503 (found by the page-damage
    property, span_a_cell with lose_figure_cell)."""
    report = govparse.parse_file(EXAMPLES / "report-2024-tab.txt")
    lines = dumps(report, "html").split("\n")
    at = next(i for i, line in enumerate(lines) if "二、上年结转" in line)
    cells = re.findall(r"<td[^>]*>[^<]*</td>", lines[at])
    figures = len(cells) - 7  # (the label's cells first)
    cells[figures + 2] = cells[figures + 2].replace("<td>", '<td colspan="2">')
    del cells[figures + 5]
    lines[at] = lines[at][:lines[at].index("<td")] + "".join(cells) + "</tr>"
    read = govparse.parse("\n".join(lines))
    (said,) = [d for d in read.diagnostics if d.code == "GP503"]
    assert said.message.endswith("spans 2 columns, but the row above has a cell in each of "
                                 "them; its row is not placed by it")
    assert [f.value for f in _figures(read, "carried_over")] == [None] * 7
    assert [f.value for f in _figures(read, "new_requests")] == \
        [f.value for f in _figures(report, "new_requests")]


@pytest.mark.parametrize("example", ["report-2024-tab.txt", "report-2020-tab.txt"])
def test_a_figure_spanning_the_columns_its_header_spans_is_read(example):
    """A figure under a header cell spanning its columns spans them too (行政许可's
    处理决定数量; 采购总金额 in the 2019 template): read (the template's own pages)."""
    report = govparse.parse_file(EXAMPLES / example)
    page = dumps(report, "html")
    assert re.search(r'<td colspan="[23]">[0-9.]+</td>', page)
    read = govparse.parse(page)
    assert not [d for d in read.diagnostics if d.code == "GP503"]
    assert list(read.table_figures()) == list(report.table_figures())


def test_a_digit_written_as_a_reference_without_its_semicolon_is_no_figure():
    """<td>&#53</td>: HTML decodes it to 5, but no page writes a digit so: a figure 53
    cut short. Kept as written, it reads as no number and its row is missing with an
    error; &#53; (with its ';') is a 5."""
    report = govparse.parse_file(EXAMPLES / "report-2024-tab.txt")
    report = report.replace_figure("applications", "withheld_state_secret",
                                   "legal_service_org", Figure(value=53))
    page = dumps(report, "html")
    row = next(line for line in page.split("\n") if "属于国家秘密" in line)
    for written, value in (("&#53", None), ("&#x35", None), ("&#53;", 5)):
        read = govparse.parse(page.replace(row, row.replace("<td>53</td>",
                                                            f"<td>{written}</td>", 1)))
        got = read.figure("applications", "withheld_state_secret", "legal_service_org")
        assert got.value == value, written
        if value is None:
            assert any(d.severity == govparse.Severity.ERROR and written in d.message
                       for d in read.diagnostics)
