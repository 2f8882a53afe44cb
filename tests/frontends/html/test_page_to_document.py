"""The HTML front-end's contract: a page in, the Document out (blocks, cells, spans,
locations), as real pages write reports; and what it says about a page it cannot
read whole."""

from __future__ import annotations

import pytest

import govparse
from govparse.diagnostics import Severity
from govparse.document import Heading, HtmlLocation, Paragraph, Table, Title
from govparse.frontends.html.reader import read_html
from govparse.frontends.spans import MAX_COLSPAN, MAX_ROWSPAN, PLACES_PER_CELL
from govparse.source import looks_like_html


def blocks(page: str):
    return read_html(page).blocks


def texts(page: str):
    return [(type(b).__name__, b.text) for b in blocks(page) if type(b) is not Table]


def grid(table: Table):
    return [[("covered" if c.covered else c.text) for c in row] for row in table.rows]


def only_table(page: str) -> Table:
    (table,) = [b for b in blocks(page) if type(b) is Table]
    return table


# ---------------------------------------------------------------- lines of text


@pytest.mark.parametrize("written, kind, text", [
    ("<p><strong>一、总体情况</strong></p>", "Heading", "一、总体情况"),
    ("<p>&nbsp;&nbsp;<span>二、</span><span>主动公开政府信息情况&nbsp;</span></p>", "Heading",
     "二、主动公开政府信息情况"),
    ("<p>\u3000\u3000三、收到和处理政府信息公开申请情况</p>", "Heading",
     "三、收到和处理政府信息公开申请情况"),
    ("<p><b>五、存在的</b><b>主要问题及改进情况</b></p>", "Heading", "五、存在的主要问题及改进情况"),
    ("<h1>某区<span>202</span><span>4</span>年政府信息公开工作年度报告</h1>", "Title",
     "某区2024年政府信息公开工作年度报告"),
    ("<p>2024年，本局坚持公开为常态。</p>", "Paragraph", "2024年，本局坚持公开为常态。"),
    ("<div>第一行<br>第二行</div>", "Paragraph", "第一行"),
])
def test_a_line_is_a_title_a_heading_or_a_paragraph(written, kind, text):
    assert texts(written)[0] == (kind, text)


def test_a_title_over_two_centred_lines_is_one_title_with_a_note():
    doc = read_html('<p align="center">某某区人民政府办公室</p>'
                    '<p align="center">2024年政府信息公开工作年度报告</p><p>一、总体情况</p>')
    assert [(type(b).__name__, b.text) for b in doc.blocks] == [
        ("Title", "某某区人民政府办公室2024年政府信息公开工作年度报告"), ("Heading", "一、总体情况")]
    assert [d.code for d in doc.notes] == ["GP111"]


def test_a_sentence_above_a_title_is_not_its_organisation():
    doc = read_html("<p>根据条例，特编制此报告。</p><p>2024年政府信息公开工作年度报告</p>")
    assert [type(b) for b in doc.blocks] == [Paragraph, Title]
    assert doc.notes == ()


def test_scripts_styles_comments_navigation_and_footers_are_not_the_report():
    page = ("<style>p {}</style><script>var a = '一、总体情况';</script><!-- 二、主动公开政府信息情况 -->"
            "<nav>三、收到和处理政府信息公开申请情况</nav><div class='breadcrumb'>首页 &gt; 公开</div>"
            "<p>六、其他需要报告的事项</p><p>无。</p><div id='footer'>版权所有</div>")
    assert texts(page) == [("Heading", "六、其他需要报告的事项"), ("Paragraph", "无。")]


def test_each_line_knows_its_source_line():
    doc = read_html("<div>\n<p>一、总体情况</p>\n\n<p>正文。</p></div>")
    assert [b.location for b in doc.blocks] == [HtmlLocation(line=2), HtmlLocation(line=4)]


# ---------------------------------------------------------------- tables


def test_spans_make_the_grid_and_every_cell_knows_its_place():
    table = only_table("""<table>
<tr><td rowspan="2">信息内容</td><td colspan="2">申请人情况</td></tr>
<tr><td>自然人</td><td>商业企业</td></tr>
<tr><td>规章</td><td>1</td><td>2</td></tr>
</table>""")
    assert grid(table) == [["信息内容", "申请人情况", "covered"],
                           ["covered", "自然人", "商业企业"],
                           ["规章", "1", "2"]]
    rows = table.rows
    assert rows[0][2].location == HtmlLocation(1, 1, 2, 2)  # covered: the spanning cell's place
    assert rows[1][0].location == HtmlLocation(1, 1, 1, 2)
    assert rows[2][2].location == HtmlLocation(1, 3, 3, 4)


@pytest.mark.parametrize("cell, text", [
    ("<p>商业</p><p>企业</p>", "商业企业"),
    ("结果<br/>纠正", "结果纠正"),
    ("&nbsp;<span>0</span>", "0"),
    ("<p>三、本&nbsp;&nbsp;&nbsp;年度办</p><p>理结果</p>", "三、本\xa0\xa0\xa0年度办理结果"),
    ("<p class=MsoNormal><span>5<o:p></o:p></span></p>", "5"),
    ("&nbsp;", ""),
    ("<p>1</p><p>2</p>", "1 2"),  # two numbers stay apart: no figure, never 12
    ("<span>18651</span>.06", "18651.06"),
])
def test_a_cells_text_as_pages_write_it(cell, text):
    assert grid(only_table(f"<table><tr><td>{cell}</td></tr></table>")) == [[text]]


def test_word_html_in_upper_case_reads_alike():
    table = only_table("<TABLE border=0><TR><TD ROWSPAN=2>a</TD><TD>1</TD></TR>"
                       "<TR><TD>2</TD></TR></TABLE>")
    assert grid(table) == [["a", "1"], ["covered", "2"]]


def test_a_layout_table_is_read_as_the_text_of_its_cells():
    """Word's "Save as HTML" puts the whole report in one outer table's cell."""
    page = ("<table><tr><td><p>一、总体情况</p><p>正文。</p>"
            "<p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>1</td></tr></table>"
            "</td></tr></table>")
    doc = read_html(page)
    assert [type(b) for b in doc.blocks] == [Heading, Paragraph, Heading, Table]
    assert grid(doc.blocks[-1]) == [["规章", "1"]]
    assert doc.blocks[-1].rows[0][1].location.table == 1  # the first data table


def test_a_span_beyond_any_report_table_is_cut_with_a_warning():
    header = "".join(f"<td>{i}</td>" for i in range(20))
    page = (f'<table><tr>{header}</tr><tr><td colspan="100000">a</td></tr>'
            '<tr><td rowspan="0x">b</td><td rowspan="99999">c</td></tr></table>')
    doc = read_html(page)
    table = doc.blocks[0]
    assert len(table.rows[1]) == max(MAX_COLSPAN, 20)
    assert [(d.code, d.line) for d in doc.notes] == [("GP501", 1), ("GP501", 1)]
    assert f"cut to at most {MAX_ROWSPAN} and {MAX_COLSPAN}" in doc.notes[0].message
    assert table.rows[2][1].rowspan == MAX_ROWSPAN


def test_spans_together_cover_no_more_places_than_the_cells_allow():
    """Rows of one cell each spanning 100,000 rows and columns: each is cut, and once
    the table's places run out, read as one place (GP501): the grid stays in
    proportion to the cells written."""
    rows = '<tr><td rowspan="100000" colspan="100000">1</td></tr>' * 50
    doc = read_html(f"<table>{rows}</table>")
    places = sum(len(row) for row in doc.blocks[0].rows)
    assert places <= (PLACES_PER_CELL + 1) * 50
    assert {d.code for d in doc.notes} == {"GP501"}
    assert any("more places than the table has cells" in d.message for d in doc.notes)


def test_a_page_nested_too_deep_is_read_up_to_where_the_parser_stopped():
    report = govparse.parse("<p>一、总体情况</p>" + "<div>" * 5000 + "x")
    (cut,) = [d for d in report.diagnostics if d.code == "GP502"]
    assert cut.severity.value == "error" and "2048" in cut.message
    assert report.sections[0].heading == "一、总体情况"


# ---------------------------------------------------------------- telling a page


@pytest.mark.parametrize("text, html", [
    ("<!DOCTYPE html><html><body></body></html>", True),
    ("\ufeff<html>", True),
    ("  \n<div class=TRS_Editor><p>x</p></div>", True),
    ("<P class=MsoNormal>x</P>", True),
    ("<table><tr><td>1</td></tr></table>", True),
    # an XML declaration first (XHTML), a comment with no blank after <!--, a doctype
    # with no name (each was read as text: 0 figures)
    ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML '
     '1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">', True),
    ("<!--STATUS OK--><html>", True),
    ("<!--[if IE]><p>x</p><![endif]-->", True),
    ("<!DOCTYPE><html>", True),
    ('<?xml version="1.0"?><report/>', False),
    ("某区2024年政府信息公开工作年度报告\n一、总体情况\n", False),
    ("<某区>2024年政府信息公开工作年度报告", False),
    ("| 信息内容 | 本年制发件数 |", False),
])
def test_a_page_is_told_by_its_content(text, html):
    assert looks_like_html(text) is html


def test_a_page_declared_gbk_is_decoded_as_it_says():
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            '</head><body><p>某某区2024年政府信息公开工作年度报告</p></body></html>')
    report = govparse.parse(page.encode("gbk"))
    assert report.organization.value == "某某区"
    assert [d.message for d in report.diagnostics if d.code == "GP005"] == [
        "the input is not UTF-8, and the page declares GBK (its <meta charset>); it was "
        "decoded as GB18030 (GBK)"]


def test_a_page_that_declares_gbk_wrongly_is_still_read():
    """Its UTF-8 bytes would decode as GB18030 without an error, into nonsense."""
    from govparse.source import decode

    page = '<meta charset="gbk"><p>政府信息公开</p>'
    assert page.encode("utf-8").decode("gb18030") != page  # no error, and nonsense
    assert decode(page.encode("utf-8")) == (page, [])


def test_two_numbers_in_one_cell_are_no_figure_and_said_so():
    page = ("<p>二、主动公开政府信息情况</p><table><tr><td>信息内容</td><td>本年处理决定数量</td></tr>"
            "<tr><td>行政许可</td><td><p>1</p><p>2</p></td></tr></table>")
    report = govparse.parse(page)
    assert report.active_disclosure.administrative_licensing.decisions.value is None
    (unread,) = [d for d in report.diagnostics if d.code == "GP313"]
    assert "'1 2'" in unread.message and unread.location == HtmlLocation(1, 2, 2, 1)


def test_a_label_split_into_two_rowspan_cells_reads_as_one():
    """三、本年度办理结果 written twice, each cell spanning part of its rows, as some
    editors split a merged cell at a page break."""
    from govparse.emit.printer import dumps

    report = govparse.parse_file("examples/report-2024-tab.txt")
    page = dumps(report, "html")
    whole = '<td rowspan="22">三、本年度办理结果</td>'
    assert whole in page
    page = page.replace(whole, '<td rowspan="10">三、本年度办理结果</td>')
    fourth = '<tr><td rowspan="3">（四）无法提供</td>'
    page = page.replace(fourth, '<tr><td rowspan="12">三、本年度办理结果</td>'
                        + fourth[len("<tr>"):])
    back = govparse.parse(page)
    assert list(back.table_figures()) == list(report.table_figures())
    assert [d for d in back.diagnostics if d.severity is not Severity.NOTE] == []


def test_a_row_pushed_right_by_a_span_above_is_not_read_shifted():
    """A figure above spans two rows, so the row below has a cell too many; its last
    cell is a figure no one can read (&amp;nbsp;1). Found by the page damage
    property: dropping that cell as a footnote read the row one column off."""
    from govparse.emit.printer import dumps

    report = govparse.parse_file("examples/report-2024-tab.txt")
    page = dumps(report, "html")
    last = '<tr><td colspan="3">四、结转下年度继续办理</td>'
    at = page.index(last)
    above = page.rindex("<tr>", 0, at)
    row_above = page[above:at].replace("<td>2</td>", '<td rowspan="2">2</td>', 1)
    end = page.index("</tr>", at)
    row = page[at:end]
    assert row.endswith("<td>1</td>")
    damaged = page[:above] + row_above + row[:-len("<td>1</td>")] + "<td>&amp;nbsp;1</td>" \
        + page[end:]
    back = govparse.parse(damaged)
    assert [f.value for f in vars_of(back.applications.carried_forward)] == [None] * 7
    assert any(d.code in ("GP303", "GP313") and d.severity is Severity.ERROR
               and "四、结转下年度继续办理" in d.message for d in back.diagnostics)


def vars_of(counts):
    import attrs

    return [getattr(counts, f.name) for f in attrs.fields(type(counts))]


@pytest.mark.parametrize("page", ["<!DOCTYPE html>\n<!DOC", "<!DOCTYPE html>", "<!-- x -->"])
def test_a_page_with_no_element_is_a_report_with_everything_missing(page):
    """Found by the fuzzer: lxml raised 'Document is empty' through parse()."""
    report = govparse.parse(page)
    assert all(f.value is None for *_, f in report.table_figures())
    assert "GP108" in {d.code for d in report.diagnostics}
