"""Page numbers in text made of a PDF (govparse.frontends.text.page_markers): blanked,
line numbers kept, one GP009 note naming their lines; with form feeds between the
pages at a page's start or end too, without them only as a line of their own."""

import pytest

import govparse
from govparse.frontends.text.page_markers import without_page_markers


@pytest.mark.parametrize("text, lines", [
    ("一\n- 3 -\n二\n", [2]),                      # a line of its own, no form feed
    ("一\n第 2 页 共 6 页\n二", [2]),
    ("一\n—  12 — \n二", [2]),
    ("一\n- 1 -\f二\n第3页\n", [2, 3]),            # with form feeds: as before
    ("一 8\n3/6\f二\n", [2]),                       # 3/6 only with form feeds
])
def test_page_numbers_are_blanked_and_their_lines_named(text, lines):
    out, notes = without_page_markers(text)
    assert out.count("\n") == text.count("\n") and len(out) == len(text)
    assert not any(c.isdigit() for line in (out.split("\n")[n - 1] for n in lines)
                   for c in line)
    (note,) = notes
    assert (note.code, note.line) == ("GP009", lines[0])
    assert note.message.endswith(f"(line{'s' if len(lines) > 1 else ''} "
                                 f"{', '.join(map(str, lines))}), so that none is read as a figure")


@pytest.mark.parametrize("text", [
    "规章 0 - 1 -\n",       # not alone on its line
    "一\n3/6\n二\n",          # with no form feed, 3/6 may be a figure
    "一\n- 3 - 4\n",
    "行政处罚\n-\t3\t-\n",  # a row's cells, parted by tabs
])
def test_what_is_not_a_page_number_stays(text):
    assert without_page_markers(text) == (text, [])


def test_a_page_number_between_a_label_and_its_figures_in_a_viewer_s_copy():
    # a PDF viewer's copy: no form feeds, the page's number on a line of its own
    # between a row's label and its figures (the row went on over the page)
    text = ("某区2024年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
            "信息内容 本年制发件数 本年废止件数 现行有效件数\n规章\n- 3 -\n1 2 3\n")
    report = govparse.parse(text)
    assert [report.figure("active_disclosure", "rules", c).value
            for c in ("issued", "repealed", "in_force")] == [1, 2, 3]
    assert [d.line for d in report.diagnostics if d.code == "GP009"] == [5]

