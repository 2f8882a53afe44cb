"""Text as markdown writers leave a page: a table with merged cells kept as its HTML
markup (pandoc's markdown, gfm and commonmark; html2text's bypass_tables), read by the
HTML front-end's table reader where it stands; the markup around the text (a styled
<span> as HTML, pandoc's bracketed spans and fenced divs) taken away, every line
keeping its number."""

from __future__ import annotations

from decimal import Decimal

import pytest

import govparse
from govparse.document import HtmlLocation, Table
from govparse.frontends.text.html_tables import cut_out
from govparse.frontends.text.markup import text_without_markup, without_markup
from govparse.frontends.text.reader import read_text
from govparse.source import looks_like_html

from conftest import HERE, load_expected
from helpers import acceptable

MARKDOWN = HERE / "data" / "real" / "markdown"
PAGES = HERE / "data" / "real" / "html"


@pytest.mark.parametrize("name", ["006.pandoc-markdown", "009.pandoc-gfm", "013.pandoc-markdown",
                                  "013.pandoc-commonmark", "006.h2t-bypass",
                                  "009.pandoc3-markdown"])
def test_a_real_page_through_a_markdown_writer_reads_every_figure(name):
    number = name.split(".")[0]
    expected = load_expected(PAGES / f"{number}.expected.tsv")[f"{number}.html"]
    report = govparse.parse_file(MARKDOWN / f"{name}.txt")
    not_right = {key: report.figure(*key).value for key, values in expected.items()
                 if key[0] != "report" and not acceptable(report.figure(*key).value, values)}
    if name == "013.pandoc-markdown":
        # pandoc wraps the grid's narrow cell: 5419886元 as [5 / 419886元]{…}, two
        # numbers on two lines, read as none (GP201); so the row's other figure has
        # nothing to place it by (GP314). Nothing is read wrong.
        assert not_right == {("active_disclosure", "government_procurement", "items"): None,
                             ("active_disclosure", "government_procurement", "amount"): None}
        assert {"GP201", "GP314"} <= {d.code for d in report.diagnostics}
    else:
        assert not_right == {}  # (before: 0 to 17 of about 200 read)
    # the title as the page itself reads (009's page names its body nowhere govparse
    # looks: GP101, in the page too)
    page = govparse.parse_file(PAGES / f"{number}.html")
    assert (report.organization.value, report.year.value) == \
        (page.organization.value, page.year.value)
    assert report.year.value == int(next(iter(expected[("report", "meta", "year")])))


def test_a_table_kept_as_html_is_located_by_its_row_column_and_line_in_the_text():
    path = MARKDOWN / "006.pandoc-markdown.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    report = govparse.parse_file(path)
    figure = report.applications.new_requests.total
    assert figure.value == 218
    assert isinstance(figure.location, HtmlLocation)
    assert (figure.location.table, figure.location.row) == (1, 4)
    # the line in the text of its <td>'s start tag (its end: the tag runs over lines)
    assert lines[figure.location.line - 1] == 'data-valign="center"><p>218</p></td>'


def test_the_lines_of_a_table_cut_out_are_left_blank_and_the_others_keep_their_numbers():
    text = "二、x\n\n<table>\n<tr><td>规章</td>\n<td>5</td></tr>\n</table> after\nlast\n"
    rest, found = cut_out(text)
    assert rest == "二、x\n\n\n\n\n" + " " * len("</table>") + " after\nlast\n"
    assert found == [(3, "<table>\n<tr><td>规章</td>\n<td>5</td></tr>\n</table>")]
    # a table never closed is left as text; so is a tag inside a line
    assert cut_out("<table>\n<tr><td>1</td></tr>\n") == ("<table>\n<tr><td>1</td></tr>\n", [])
    assert cut_out("见 <table> 与 </table>\n")[1] == []


def test_a_table_inside_a_cell_of_a_table_kept_as_html_is_cut_out_with_it():
    text = "<table><tr><td><table><tr><td>注</td></tr></table>a</td></tr></table>\nnext\n"
    rest, found = cut_out(text)
    assert rest.endswith("\nnext\n") and "<" not in rest
    assert len(found) == 1


def test_tables_kept_as_html_stand_where_they_stood_among_the_blocks():
    text = ("某局2024年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n"
            "<table>\n<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td>"
            "<td>现行有效件数</td></tr>\n<tr><td>规章</td><td>1</td><td>2</td><td>3</td></tr>\n"
            "</table>\n\n三、收到和处理政府信息公开申请情况\n")
    blocks = read_text(text).blocks
    assert [type(b).__name__ for b in blocks] == ["Title", "Heading", "Table", "Heading"]
    table = blocks[2]
    assert isinstance(table, Table) and table.location.line == 5
    assert [c.text for c in table.rows[1]] == ["规章", "1", "2", "3"]
    assert table.rows[1][3].location == HtmlLocation(1, 2, 4, 7)
    report = govparse.parse(text)
    assert report.active_disclosure.rules.in_force.value == 3


@pytest.mark.parametrize("written, read", [
    # pandoc's bracketed spans, nested, and the backslash of its escapes
    ('[[一、总体情况]{style="font-family:黑体"}]{style="FONT-FAMILY: 黑体; FONT-SIZE: 16pt"}',
     "一、总体情况"),
    ('[本年新]{style="a"}[\\]{style="b"}[制作数量]{style="c"}', "本年新制作数量"),
    ("[规章]{.x #y key=v}", "规章"),
    ("[一是\\*重点\\*]{.x}", "一是*重点*"),
    # a span's end whose start is on another line of its cell
    ('他情形）]{style="x"}', "他情形）"),
    # ... at the very start of a cell that ends in a backslash (once read as its text
    # twice: the backslash before the span's end looked for at index -1)
    (']{.x}12\\', "12"),
    # brackets that are no span: a link, a note, 〔〕
    ("[1](http://example.com)", "[1](http://example.com)"),
    ("国办公开办函〔2021〕30号[注]", "国办公开办函〔2021〕30号[注]"),
    # HTML tags: inline ones leave nothing, a block or a superscript between digits a blank
    ('<span style="x">三、收到</span>', "三、收到"),
    ("<span>1</span><span>2</span>", "12"),
    ("<p>1</p><p>2</p>", "1 2"),
    ("12<sup>1</sup>", "12 1"),
    ("1<br/>2", "1 2"),
    ("结果<br>纠正", "结果纠正"),
    ("<b>**218**</b>", "**218**"),
    # what is no HTML tag is text
    ("<50", "<50"), ("《条例》<第十条>", "《条例》<第十条>"),
])
def test_markup_taken_away(written, read):
    assert without_markup(written) == read


def test_markup_over_two_lines_leaves_its_line_breaks():
    assert without_markup('<span\nstyle="x">三、收到</span>\n正文') == "\n三、收到\n正文"
    assert without_markup('[五、]{style="a;\nb"}存在') == "五、\n存在"
    assert text_without_markup("::: TRS_Editor\n## 一、总体情况 {#s1}\n:::\n")[0] == \
        "\n## 一、总体情况\n\n"
    assert without_markup("三、收到</span> 正文 <b>1</b> <b>2</b>") == "三、收到 正文 1 2"


def test_what_stands_after_markup_is_said_in_the_source_s_columns():
    text, columns = text_without_markup('<p align="center"><b>某局</b></p>\n'
                                        '[a]{.b} [\\*c]{.d}\nplain\n')
    assert text == "某局\na *c\nplain\n"
    assert columns == ((1, (22, 23)), (2, (2, 8, 11, 12)))
    source = ('<p align="center"><strong>北关区2021年政府信息公开工作年度报告</strong></p>\n'
              + "".join(f"第{n}段。\n\n" for n in range(6)))  # (markdown: no page)
    report = govparse.parse(source)
    assert (report.organization.value, report.year.value) == ("北关区", 2021)
    line = source.split("\n")[0]
    assert (report.year.line, report.year.column) == (1, line.index("2021") + 1)
    assert report.organization.column == line.index("北关区") + 1


def test_the_lines_of_drawn_tables_keep_their_markup_for_their_cells():
    grid = ("+--------+---+\n| [规     | 1 |\n| 章]{s=\" |   |\n| x\"}    |   |\n"
            "+--------+---+")
    assert text_without_markup(grid) == (grid, ())
    ruled = ("  ---------- ----------\n  [规章]{s=x}   1\n  ---------- ----------\n"
             "[标题]{s=x}")
    assert text_without_markup(ruled)[0].split("\n") == [*ruled.split("\n")[:3], "标题"]


def test_a_markdown_writer_s_text_that_opens_with_a_tag_is_no_page():
    paragraphs = "\n\n".join(f"正文第{n}段。" for n in range(6))
    assert not looks_like_html('<div class="TRS_Editor">\n\n' + paragraphs + "\n\n</div>\n")
    pages = "\n\n".join(f"<p>正文第{n}段。</p>" for n in range(6))
    assert looks_like_html('<div class="TRS_Editor">\n\n' + pages + "\n\n</div>\n")
    assert looks_like_html("<html><body><p>一</p>\n\n<p>二</p></body></html>")
    assert not looks_like_html((MARKDOWN / "009.pandoc-gfm.txt").read_text(encoding="utf-8"))
    assert looks_like_html((PAGES / "009.html").read_text(encoding="utf-8"))


def test_a_layout_table_kept_as_html_gives_its_headings_and_tables_in_order():
    # a page whose whole report stands in one cell (Word's "Save as HTML"), through
    # html2text with bypass_tables: the headings inside the cell are read too
    text = ("某局2024年政府信息公开工作年度报告\n\n"
            "<table>\n<tr><td>\n<p>一、总体情况</p>\n<p>正文。</p>\n"
            "<p>二、主动公开政府信息情况</p>\n"
            "<table>\n<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td>"
            "<td>现行有效件数</td></tr>\n<tr><td>规章</td><td>4</td><td>5</td><td>6</td></tr>\n"
            "</table>\n<p>三、收到和处理政府信息公开申请情况</p>\n</td></tr>\n</table>\n")
    blocks = read_text(text).blocks
    assert [type(b).__name__ for b in blocks] == \
        ["Title", "Heading", "Paragraph", "Heading", "Table", "Heading"]
    assert [b.location.line for b in blocks[1:]] == [5, 6, 7, 8, 12]
    report = govparse.parse(text)
    figure = report.active_disclosure.rules.in_force
    assert (figure.value, figure.location) == (6, HtmlLocation(1, 2, 4, 10))


def test_a_title_over_two_lines_inside_a_layout_table_kept_as_html_says_the_year_s_line():
    # the year's location of a title written over two lines in the cell was left in
    # the markup's own lines (found by the fuzzer: the year said two lines up)
    text = ("说明\n\n\n<table>\n<tr><td>\n<p>示例区管委会办公室</p>\n"
            "<p>2024年度政府信息公开工作年度报告</p>\n<p>一、总体情况</p>\n<p>正文。</p>\n"
            "<p>二、主动公开政府信息情况</p>\n"
            "<table>\n<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td>"
            "<td>现行有效件数</td></tr>\n<tr><td>规章</td><td>4</td><td>5</td><td>6</td></tr>\n"
            "</table>\n</td></tr>\n</table>\n")
    report = govparse.parse(text)
    assert (report.organization.value, report.organization.line) == ("示例区管委会办公室", 6)
    assert (report.year.value, report.year.line) == (2024, 7)


@pytest.mark.parametrize("written, read", [
    # what the page hides is no text of it: a style, the hidden attribute or class,
    # a tracked deletion; text struck out stands apart (a figure and its correction
    # read as no number, as the HTML front-end reads them)
    ('0[7]{hidden=""}', "0"), ('0[7]{style="display: none"}', "0"), ("[5]{.hidden}6", "6"),
    ('0<span style="display:none">7</span>', "0"),
    ('<span>1</span><span style="visibility: hidden"><b>2</b></span>3', "13"),
    ('<span class="hidden">5</span>6', "6"), ("<del>1</del>2", "2"),
    ('[9]{style="text-decoration: line-through"}0', " 9 0"), ("<s>12</s>15", " 12 15"),
    # a class that only names hidden is shown; so is a comment's neighbour
    ('<span class="hidden-xs">5</span>6', "56"), ("1<!-- 2 -->3", "13"),
    # a digit drawn where a reader may not see it (white, transparent, a tenth of the
    # font) parts the figure: 11 on white, 171 on a dark cell, so no figure, as the
    # HTML front-end reads it (was 171)
    ('1[7]{style="color:#ffffff"}1', "1 7 1"), ('1<span style="color:transparent">7</span>1', "1 7 1"),
    ('1[7]{style="font-size:0.1em"}1', "1 7 1"), ('[自然人]{style="color:#fff"}', " 自然人 "),
    # pandoc escapes the quotes inside an attribute's value (Word's page names its fonts
    # so): the style after them is read (was 171)
    ('1[7]{style="font-family:\\"宋体\\";display:none"}1', "11"),
    ("1[7]{style='color: red; display: none'}1", "11"),  # (single quotes: pandoc reads them)
    ('1<span style="font-family:&quot;宋体&quot;;display:none">7</span>1', "11"),
    # a transform or a size does not apply to an inline box: shown (was 11)
    ('1<span style="transform:scale(0)">7</span>1', "171"),
    ('1[7]{style="width:0;overflow:hidden"}1', "171"),
])
def test_what_markup_hides_is_taken_away_with_it(written, read):
    assert without_markup(written) == read


def test_a_hidden_mark_after_a_figure_in_a_pipe_table_s_cell_is_not_read():
    text = ("某局2024年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
            "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n"
            '| 规章 | 0<span style="display:none">7</span> | 1[9]{hidden=""} | 5 |\n'
            "| 行政规范性文件 | 1 | <s>3</s>2 | 4 |\n")
    report = govparse.parse(text)
    rules = report.active_disclosure.rules
    assert (rules.issued.value, rules.repealed.value, rules.in_force.value) == (0, 1, 5)
    # a figure and its correction struck out: no number, and none of its row's placed
    normative = report.active_disclosure.normative_documents
    assert (normative.issued.value, normative.repealed.value) == (None, None)
    assert any(d.code == "GP313" and "'3 2'" in d.message for d in report.diagnostics)


def test_a_table_in_a_comment_or_a_code_block_or_one_the_page_hides_is_no_table():
    table = ("<table>\n<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td>"
             "<td>现行有效件数</td></tr>\n<tr><td>规章</td><td>1</td><td>2</td><td>3</td></tr>\n"
             "</table>\n")
    # (a page's hidden <div> kept as HTML by pandoc's gfm and commonmark, and pandoc's
    # fenced div: a tab of another year's report; such a table was read)
    for hidden in (f"<!--\n{table}-->\n", f"```html\n{table}```\n",
                   f'<div style="display:none">\n\n{table}\n</div>\n',
                   f"<div hidden>\n<div>\n\n{table}\n</div>\n</div>\n",
                   f'::: {{style="display: none"}}\n{table}:::\n'):
        text = f"某局2024年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n{hidden}"
        assert cut_out(text)[1] == []
        assert govparse.parse(text).active_disclosure.rules.in_force.value is None


def _linear(read, make, small: int) -> bool:
    """Whether ``read`` takes about 8 times as long (3 times that at most) over a text
    ``make`` makes 8 times as long: quadratic time would take 64 times. (CPU time, after
    a warm-up; a ratio, not a duration.)"""
    import time

    def seconds(n: int) -> float:
        text = make(n)
        start = time.process_time()
        read(text)
        return time.process_time() - start

    seconds(small // 5)
    return seconds(8 * small) < 8 * seconds(small) * 3


def test_tables_kept_as_html_are_found_in_time_linear_in_the_text():
    assert _linear(cut_out, lambda n: "<table><tr><td>1</td></tr></table>\nx\n" * n, 5000)
    # an end tag without its > closes nothing: only the last table, closed by the >
    # at the end, is cut out, and every line keeps its number
    rest, found = cut_out("<table\n</table\n" * 3000 + ">")
    assert len(found) == 1 and found[0][0] == 5999 and rest.count("\n") == 6000
    one_line = "<table><tr><td>1</td></tr></table> after\n" * 20000
    rest, found = cut_out(one_line)
    assert len(found) == 20000 and len(rest) == len(one_line)


def test_crlf_line_ends_and_two_horizontal_rules_do_not_hide_the_report():
    text = (MARKDOWN / "009.pandoc-gfm.txt").read_text(encoding="utf-8")
    assert not looks_like_html(text.replace("\n", "\r\n"))
    ruled = "------\n\n一、总体情况\n\n[正文]{.x}\n\n------\n"
    assert text_without_markup(ruled)[0] == "------\n\n一、总体情况\n\n正文\n\n------\n"


def test_a_page_with_a_doctype_or_a_style_sheet_is_a_page_whatever_its_blank_lines():
    body = "\n\n".join(f"<span>第{n}段。</span>" for n in range(8))
    assert looks_like_html("<!DOCTYPE html>\n" + body)
    assert looks_like_html("<div>\n<style>.fn{display:none}</style>\n\n" + body)
    assert not looks_like_html("<div>\n\n" + body)


@pytest.mark.parametrize("written, read", [
    # hidden as the HTML front-end hides (frontends/html/hiding.py reads the style)
    ('2[9]{style="font-size:0"}17', "217"), ('2<span style="font-size: 1px">9</span>17', "217"),
    ('2<span style="opacity:0">9</span>17', "217"),
    ('2<span style="visibility: collapse">9</span>17', "217"),
    ('2<span style="display:none !important">9</span>17', "217"),
    # the words of hiding elsewhere hide nothing
    ('2<span style="overflow:hidden">1</span>7', "217"), ('2[1]{title="hidden"}7', "217"),
    ('2<a href="/hidden/x">1</a>7', "217"), ('2<span data-x="display:none">1</span>7', "217"),
    # HTML's empty comments, and one never closed (it runs to the end)
    ("2<!-->1<!-- x -->7", "217"), ("2<!--->1", "21"), ("21<!-- 7", "21"),
])
def test_what_hides_is_told_by_the_style_not_by_a_word(written, read):
    assert without_markup(written) == read


_PIPE_TABLE = ("| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n"
               "| 规章 | 1 | 2 | 3 |\n")


@pytest.mark.parametrize("around", [
    ("<!--\n", "-->\n"), ("<del>\n", "</del>\n"), ('<div style="display:none">\n', "</div>\n"),
    ('::: {style="display: none"}\n', ":::\n"), ("::: hidden\n", ":::\n"),
])
def test_a_pipe_table_the_page_hides_is_no_table(around):
    opening, closing = around
    text = ("某局2024年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n"
            + opening + _PIPE_TABLE + closing)
    assert govparse.parse(text).active_disclosure.rules.in_force.value is None
    shown = text.replace(opening, "").replace(closing, "")
    assert govparse.parse(shown).active_disclosure.rules.in_force.value == 3


def test_a_horizontal_rule_after_a_simple_table_leaves_the_text_between_cleaned():
    text = ("  项目       数量\n  ---------- ------\n  网站数     1\n\n"
            "[一、总体情况]{style=\"x\"}\n\n正文。\n\n" + "-" * 72 + "\n")
    cleaned = text_without_markup(text)[0].split("\n")
    assert cleaned[:3] == text.split("\n")[:3]  # (the table's lines as written)
    assert cleaned[4] == "一、总体情况"


@pytest.mark.parametrize("unit", ["<span>", '<span style="display:none">', "<!--",
                                  '<b style="x"><i>1</i>'])
def test_markup_that_never_closes_is_read_in_time_linear_in_the_text(unit):
    assert _linear(text_without_markup, lambda n: "]{x}\n" + (unit + "2\n") * n, 10000)


def test_a_grid_cell_s_two_numbers_on_two_lines_of_markup_are_no_figure():
    # pandoc 3's markdown of a cell of two paragraphs (4, 1): each line of the cell
    # its own span; joined, the markup put no blank between the digits: 41, wrong
    from govparse.frontends.text.markup import lines_without_markup

    assert lines_without_markup(['[4]{style="a"}', '[1]{style="a"}']) == ("4 1", 0, 1)
    assert lines_without_markup(['<span style="a">4</span>', "<span>1</span>"])[0] == "4 1"
    # a span wrapped inside its cell is one text; its attributes wrap mid-word
    assert lines_without_markup(["[规范", '性文件]{style="', "FONT-FAMILY: 仿", 'NT-SIZE: 1pt"}'])[0] \
        == "规范性文件"
    # where what is left starts: the cell's first line, after its markup (and the
    # grid reader adds the marks around a bold figure: **0** is located at the 0)
    assert lines_without_markup(["[**0**]{style", '="a"}']) == ("**0**", 0, 1)


def test_bold_figures_in_a_table_kept_as_html_are_read():
    # html2text with bypass_tables writes a cell's <strong> as **…** inside the markup
    text = ("某局2024年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n<table>\n"
            "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>\n"
            "<tr><td>**规章**</td><td>**0**</td><td>__2__</td><td>3</td></tr>\n</table>\n")
    rules = govparse.parse(text).active_disclosure.rules
    assert (rules.issued.value, rules.repealed.value, rules.in_force.value) == (0, 2, 3)


def test_a_script_inside_a_cell_parts_its_text():
    # what a script writes in its place (document.write) is not in the page: found by
    # the fuzzer in a table kept as HTML, 1<script>document.write('77')</script>870
    # read 1870 where a browser shows 177870
    from govparse.frontends.html.reader import read_html

    page = ("<table><tr><td>规章</td><td>1<script>document.write('77')</script>870</td>"
            "<td>1<noscript>77</noscript>2</td><td>1<b>2</b></td></tr></table>")
    assert [c.text for c in read_html(page).blocks[0].rows[0]] == ["规章", "1 870", "1 2", "12"]


@pytest.mark.parametrize("name, read", [
    # 006's page with a digit drawn in white inside 11 of its figures (6<span
    # style="color:#ffffff">4</span>2, a page's against copying: 62 on white, 642 on a
    # dark cell), through pandoc 2 and 3's markdown: those 11 are no figure (and 23 of their
    # rows' others go unplaced), 166 read, as the page itself reads them; none wrong
    # (was 6 and 13 read wrong)
    ("006.white-digits.pandoc-markdown", 166),
    ("006.white-digits.pandoc3-markdown", 166),
    # the same digits hidden as Word's page hides text, the font's name quoted inside the
    # style (<span style='font-family:"宋体";display:none'>): pandoc escapes the quotes,
    # and the display: none after them is read (was 6 read wrong)
    ("006.word-hidden-digits.pandoc-markdown", 200),
])
def test_digits_a_page_draws_unseen_or_hides_in_a_markdown_writer_s_text(name, read):
    expected = load_expected(PAGES / "006.expected.tsv")["006.html"]
    report = govparse.parse_file(MARKDOWN / f"{name}.txt")
    values = {key: report.figure(*key).value for key in expected if key[0] != "report"}
    wrong = {key: value for key, value in values.items()
             if value is not None and not acceptable(value, expected[key])}
    assert wrong == {}
    assert sum(acceptable(value, expected[key]) for key, value in values.items()) == read


def test_the_words_of_a_spaced_line_of_markup_stand_where_the_source_has_them():
    # pandoc's simple table aligns its cells with their markup ([4]{style="…"}), but
    # here its closing rule does not match (an edited text): its lines are read as
    # spaced columns. Each word is where the line as written has it: its column is the
    # source's (was the column in the text without markup: 38 for 119) and it lines up
    # with the header as the writer aligned it (a row short of a figure is placed by
    # its positions: was left unplaced). (Found by the fuzzer.)
    def cell(text: str) -> str:
        return text + " " * (41 - sum(2 if "\u4e00" <= c <= "\u9fff" else 1 for c in text))

    rows = [('[信息内容]{style="x: 1"}', "[本年制发件数]{.a}", "[本年废止件数]{.a}", "[现行有效件数]{.a}"),
            ('[规章]{style="font-family: 仿宋"}', '[4]{style="font-family: 仿宋"}',
             '[5]{style="font-family: 仿宋"}', '[6]{style="font-family: 仿宋"}'),
            ('[行政规范性文件]{style="x: 1"}', "[7]{.a}", "", "[9]{.a}")]
    text = ("某局2024年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n  "
            + " ".join(["-" * 40] * 4) + "\n"
            + "\n".join(("  " + "".join(map(cell, row))).rstrip() for row in rows)
            + "\n  " + "-" * 30 + "\n\n三、收到和处理政府信息公开申请情况\n")
    assert text.split("\n")[6].index("[6]") + 2 == 119
    table = govparse.parse(text).active_disclosure
    assert [(f.value, f.line, f.column) for f in (table.rules.issued, table.rules.in_force)] \
        == [(4, 7, 41), (6, 7, 119)]
    row = table.normative_documents
    assert [row.issued.value, row.repealed.value, row.in_force.value] == [7, None, 9]


@pytest.mark.parametrize("name, right", [("m6", 200), ("m7", 198)])
def test_a_multiline_table_of_styled_spans_reads_its_figures_where_the_writer_aligned_them(
        name, right):
    # generated reports whose page styles its cells' text at random (white, fonts
    # named with quotes, spans that split a number), through pandoc's multiline tables
    # (`-t markdown-pipe_tables-grid_tables-simple_tables`): a cell may be aligned by
    # its markup's start or by its text, as its column's alignment says; a word's
    # extent runs from its markup's start (m6's 9 under 商业企业 one column left of it,
    # whose row was left unplaced; m7: 178 read before the session, 198 now; a review's)
    import json

    folder = HERE / "data" / "converted" / "styled"
    truth = json.loads((folder / f"{name}.truth.json").read_text(encoding="utf-8"))
    report = govparse.parse_file(folder / f"{name}.pandoc-multiline.txt")
    read = {"|".join(key): None if f.value is None else str(f.value)
            for *key, f in ((t, r, c, f) for t, r, c, f in report.table_figures())}
    wrong = {k: (v, truth.get(k)) for k, v in read.items()
             if v is not None and (truth.get(k) is None or Decimal(v) != Decimal(truth[k]))}
    assert wrong == {}
    assert sum(v is not None or truth.get(k) is None for k, v in read.items()) == right
