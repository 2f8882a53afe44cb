"""A page saved by Word ("Save as HTML") ends each table with a row of empty cells that
sets its columns' widths, inside <![if !supportMisalignedColumns]>. Read with the row
above it, those empty cells stood after the last row's figures: where that row's
total did not hold (as in many real reports), none of its figures was placed (GP303;
the review table's fifteen, the seven of 四、结转下年度继续办理). Rows with no text
after a table's last with text, once it has a figure, are no row's (core/grid.py)."""

from __future__ import annotations

import re

import pytest

import govparse

from helpers import changed

SPACER = ("<![if !supportMisalignedColumns]>\n<tr height=0>{}</tr>\n<![endif]>\n")


def with_spacer_rows(page: str, width: str) -> str:
    def spacer(table: re.Match) -> str:
        columns = max(sum(int(span or 1) for span in re.findall(
            r"<td(?:[^>]*colspan=\"?(\d+))?[^>]*>", row)) for row in
            re.findall(r"<tr.*?</tr>", table.group(0), re.S))
        cells = f"<td width={width} style='border:none'></td>" * columns
        return table.group(0)[:-len("</table>")] + SPACER.format(cells) + "</table>"
    return re.sub(r"<table.*?</table>", spacer, page, flags=re.S)


def figures(report) -> dict:
    return {(t, r, c): f.value for t, r, c, f in report.table_figures()}


# The example with the totals of its tables' last rows broken (a report's slip)
SLIPS = changed("四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1",
                "四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t2",
                ).replace("1\t0\t0\t1\t2\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0",
                          "1\t0\t0\t1\t3\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0")


@pytest.mark.parametrize("width", ["0", "57"])
def test_the_rows_above_word_s_spacer_row_read_as_without_it(width):
    report = govparse.parse(SLIPS)
    assert report.review_litigation.administrative_review.total.value == 3  # (the slip)
    page = govparse.dumps(report, "html")
    spaced = with_spacer_rows(page, width)
    assert spaced.count("supportMisalignedColumns") == page.count("<table")
    read = govparse.parse(spaced)
    assert figures(read) == figures(govparse.parse(page)) == figures(report)
    assert "GP303" not in [d.code for d in read.diagnostics]


def test_an_empty_row_among_the_rows_still_stands_in_its_place():
    # (only rows after the last with text are left out: the review table's figures
    # under an empty row of its own are not read as its figures)
    report = govparse.parse(SLIPS)
    page = govparse.dumps(report, "html")
    review = page[page.index("行政复议"):]
    row = re.search(r"<tr>(?:<td>\d+</td>)+</tr>", review).group(0)
    empty = "<tr>" + "<td></td>" * 15 + "</tr>"
    read = govparse.parse(page.replace(row, empty + row))
    assert read.review_litigation.administrative_review.total.value is None
