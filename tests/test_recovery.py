"""Lenient recovery: each kind of damage is recovered (or not) and said aloud,
with the code, position and hint a person needs; strict mode refuses it."""

from decimal import Decimal

import pytest

import govparse
from govparse import Severity
from helpers import changed, codes, example_text, line_of


def only(report, code):
    found = [d for d in report.diagnostics if d.code == code]
    assert len(found) == 1, (code, [(d.code, d.message) for d in report.diagnostics])
    return found[0]


def test_clean_example_has_no_diagnostics():
    assert govparse.parse(example_text()).diagnostics == ()


def test_placeholder_cell_is_missing_not_zero():
    text = changed("行政许可\t1234", "行政许可\t—")
    report = govparse.parse(text)
    assert report.active_disclosure.administrative_licensing.decisions.value is None
    d = only(report, "GP304")
    assert (d.line, d.column, d.severity) == (line_of(text, "行政许可\t—"), 6, Severity.WARNING)
    assert "'—'" in d.message and "本年处理决定数量" in d.message
    with pytest.raises(govparse.StrictModeError):
        govparse.parse(text, strict=True)


def test_empty_cell_among_figures_is_missing():
    text = changed("行政规范性文件\t5\t1\t23", "行政规范性文件\t5\t\t23")
    report = govparse.parse(text)
    row = report.active_disclosure.normative_documents
    assert (row.issued.value, row.repealed.value, row.in_force.value) == (5, None, 23)
    d = only(report, "GP302")
    # the gap stands after the second tab, at column 11
    assert (d.line, d.column) == (line_of(text, "行政规范性文件"), 11)
    assert "本年废止件数" in d.message


def test_too_many_figures_places_none_of_them():
    text = changed("规章\t0\t0\t0", "规章\t0\t0\t0\t7")
    report = govparse.parse(text)
    assert report.active_disclosure.rules.issued.value is None
    d = only(report, "GP303")
    assert d.severity is Severity.ERROR
    assert (d.line, d.column) == (line_of(text, "规章\t"), 10)
    assert "4 cells for 3 columns" in d.message


def test_row_label_typo_is_read_as_the_closest_with_a_hint():
    text = changed("行政规范性文件\t5", "行政规范性文\t5")
    report = govparse.parse(text)
    assert report.active_disclosure.normative_documents.in_force.value == 23
    d = only(report, "GP203")
    assert d.hint == "did you mean 行政规范性文件?"
    assert (d.line, d.column, d.length) == (line_of(text, "行政规范性文\t"), 1, 6)


def test_unknown_row_label_leaves_figures_unplaced():
    text = changed("行政强制\t3", "行政检查\t3")
    report = govparse.parse(text)
    assert report.active_disclosure.administrative_coercion.decisions.value is None
    d = only(report, "GP204")
    assert d.severity is Severity.ERROR
    assert d.hint is None  # nothing is close enough to suggest
    assert "行政检查" in d.message
    missing = only(report, "GP205")
    assert "行政强制" in missing.message


def test_label_as_close_to_two_rows_is_not_guessed():
    text = changed("行政处罚\t56", "行政许罚\t56")
    report = govparse.parse(text)
    assert report.active_disclosure.administrative_penalty.decisions.value is None
    assert report.active_disclosure.administrative_licensing.decisions.value == 1234
    d = only(report, "GP204")
    assert d.hint == "did you mean 行政处罚 or 行政许可?"


def test_duplicate_row_with_other_figures_places_neither():
    text = changed("行政强制\t3", "行政强制\t3\n行政强制\t4")
    report = govparse.parse(text)
    assert report.active_disclosure.administrative_coercion.decisions.value is None
    d = only(report, "GP206")
    assert d.line == line_of(text, "行政强制\t4")
    assert "with other figures" in d.message


def test_duplicate_row_with_the_same_figures_keeps_them():
    text = changed("行政强制\t3", "行政强制\t3\n行政强制\t3")
    report = govparse.parse(text)
    assert report.active_disclosure.administrative_coercion.decisions.value == 3
    assert only(report, "GP206").line == line_of(text, "行政强制\t3") + 1


def test_missing_table_section_is_an_error():
    text = example_text()
    start = text.index("四、政府信息公开行政复议")
    end = text.index("五、存在的主要问题")
    report = govparse.parse(text[:start] + text[end:])
    d = only(report, "GP108")
    assert d.severity is Severity.ERROR and "四、政府信息公开行政复议" in d.message
    assert report.review_litigation.administrative_review.total.value is None


def test_missing_narrative_section_is_a_warning():
    text = example_text()
    report = govparse.parse(text[: text.index("六、其他需要报告的事项")])
    d = only(report, "GP103")
    assert d.severity is Severity.WARNING
    assert d.line is None and d.hint is None  # no line looks like the heading


def test_missing_section_points_at_the_line_that_looks_like_its_heading():
    # other words than the template's: read as text, and said so where it stands
    text = changed("五、存在的主要问题及改进情况", "五、存在不足及改进情况")
    d = only(govparse.parse(text), "GP103")
    assert (d.line, d.column, d.length) == (line_of(text, "五、存在不足及改进情况"), 1, 11)
    assert "五、存在的主要问题及改进情况" in d.hint
    text = changed("四、政府信息公开行政复议、行政诉讼情况", "（四）行政复议和行政诉讼情况表")
    d = only(govparse.parse(text), "GP108")
    assert d.line == line_of(text, "（四）行政复议和行政诉讼情况表")
    assert "'（四）行政复议和行政诉讼情况表'" in d.hint


def test_a_numbered_point_of_a_narrative_is_not_taken_for_a_missing_heading():
    text = example_text()
    text = text[: text.index("六、其他需要报告的事项")] + "六、加强队伍建设\n"
    assert only(govparse.parse(text), "GP103").line is None


def test_full_width_digits_and_thousands_separators():
    text = changed("行政许可\t1234", "行政许可\t1,234").replace("行政处罚\t56", "行政处罚\t５６")
    report = govparse.parse(text)
    assert report.active_disclosure.administrative_licensing.decisions.value == 1234
    assert report.active_disclosure.administrative_penalty.decisions.value == 56
    assert only(report, "GP310").severity is Severity.NOTE
    assert only(report, "GP309").severity is Severity.NOTE
    govparse.parse(text, strict=True)  # notes do not fail strict mode


def test_row_wrapped_onto_next_line_in_tab_layout():
    old = "一、本年新收政府信息公开申请数量\t10\t2\t0\t1\t0\t0\t13"
    text = changed(old, "一、本年新收政府信息公开申请数量\t10\t2\t0\t1\n0\t0\t13")
    report = govparse.parse(text, strict=True)
    assert report.applications.new_requests.total.value == 13
    d = only(report, "GP306")
    assert d.line == line_of(text, "一、本年新收") + 1


def test_header_cell_split_across_lines_in_cells_layout():
    text = changed("\t商业企业\n", "\t商业\n企业\n", layout="cells")
    report = govparse.parse(text, strict=True)
    d = only(report, "GP307")
    assert "'商业企业'" in d.message
    assert report.applications.new_requests.commercial_enterprise.value == 2


def test_empty_cell_in_one_cell_a_line_layout_is_missing():
    # a line holding only a tab is an empty cell there, not a blank line
    text = changed("\t规章\n\t0\n\t0\n\t0\n", "\t规章\n\t0\n\t\n\t0\n", layout="cells")
    report = govparse.parse(text)
    assert report.active_disclosure.rules.repealed.value is None
    assert report.active_disclosure.rules.in_force.value == 0
    d = only(report, "GP302")
    assert (d.line, d.column) == (line_of(text, "\t规章") + 2, 2)


@pytest.mark.parametrize("cells", ["\t0\n\t\t4\n\t7\n", "\t0\n\t4\t\n\t7\t\t\n"],
                         ids=["indented-twice", "trailing-tabs"])
def test_one_cell_a_line_with_stray_tabs(cells):
    text = changed("\t规章\n\t0\n\t0\n\t0\n", "\t规章\n" + cells, layout="cells")
    report = govparse.parse(text, strict=True)
    rules = report.active_disclosure.rules
    assert (rules.issued.value, rules.repealed.value, rules.in_force.value) == (0, 4, 7)


def test_dashes_in_a_cell_are_a_placeholder_not_a_rule_line():
    text = changed("\t规章\n\t0\n\t0\n\t0\n", "\t规章\n\t0\n\t---\n\t7\n", layout="cells")
    report = govparse.parse(text)
    rules = report.active_disclosure.rules
    assert (rules.issued.value, rules.repealed.value, rules.in_force.value) == (0, None, 7)
    assert only(report, "GP304").line == line_of(text, "\t---")


def test_header_in_another_order_is_said_aloud():
    text = changed("信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
                   "信息内容\t现行有效件数\t本年制发件数\t本年废止件数")
    report = govparse.parse(text)
    d = only(report, "GP209")
    assert (d.line, d.severity) == (line_of(text, "信息内容\t现行有效件数"), Severity.WARNING)
    assert "本年制发件数" in d.message and "本年制发件数, 本年废止件数, 现行有效件数" in d.message


@pytest.mark.parametrize("cell", ["1，234", "1 234", "1234."])
def test_figure_like_cell_that_is_no_number_is_an_error(cell):
    text = changed("行政许可\t1234", f"行政许可\t{cell}")
    report = govparse.parse(text)
    assert report.active_disclosure.administrative_licensing.decisions.value is None
    d = only(report, "GP313")
    assert d.severity is Severity.ERROR and d.line == line_of(text, "行政许可\t")


def test_figure_like_cell_among_figures_is_an_error():
    old = "一、本年新收政府信息公开申请数量\t10\t2\t0\t1\t0\t0\t13"
    text = changed(old, "一、本年新收政府信息公开申请数量\t10\t2\t0，000\t1\t0\t0\t13")
    report = govparse.parse(text)
    d = only(report, "GP313")
    assert (d.line, d.severity) == (line_of(text, "0，000"), Severity.ERROR)
    assert "GP204" not in [x.code for x in report.diagnostics]


@pytest.mark.parametrize("heading", ["三、收到和处理政府信息公开申请情况：",
                                     "**三、收到和处理政府信息公开申请情况**"])
def test_heading_with_a_colon_or_bold(heading):
    text = changed("三、收到和处理政府信息公开申请情况", heading)
    report = govparse.parse(text, strict=True)
    assert report.applications.new_requests.total.value == 13


def test_review_table_written_one_row_a_line():
    text = example_text("pipe")
    start = text.index("行政复议 | 行政诉讼")
    end = text.index("五、存在的主要问题")
    rows = ("行政复议 | 1 | 0 | 0 | 1 | 2\n未经复议直接起诉 | 1 | 0 | 0 | 0 | 1\n"
            "复议后起诉 | 0 | 0 | 0 | 0 | 0\n\n")
    report = govparse.parse(text[:start] + rows + text[end:])
    assert report.review_litigation.administrative_review.total.value == 2
    assert report.review_litigation.litigation_direct.upheld.value == 1
    assert report.review_litigation.litigation_after_review.total.value == 0


def test_prose_in_a_table_section_is_a_paragraph():
    text = changed("三、收到和处理政府信息公开申请情况\n",
                   "三、收到和处理政府信息公开申请情况\n\n本年度共收到申请13件，均已按时答复。\n")
    report = govparse.parse(text, strict=True)
    assert report.section(3).paragraphs[0].text == "本年度共收到申请13件，均已按时答复。"


def test_section_out_of_order():
    text = example_text()
    five = text.index("五、存在的主要问题")
    six = text.index("六、其他需要报告的事项")
    moved = text[:five] + text[six:] + text[five:six]
    report = govparse.parse(moved)
    assert only(report, "GP105").line == line_of(moved, "五、存在的主要问题")
    assert report.section(5).paragraphs


def test_title_and_heading_variants():
    text = changed("示例县人民政府办公室2024年政府信息公开工作年度报告",
                   "# 示例县人民政府办公室 2024 年度政府信息公开工作年度报告")
    text = text.replace("一、总体情况", "## 一、总体情况").replace("二、主动公开", "（二）主动公开")
    report = govparse.parse(text, strict=True)
    assert report.organization.value == "示例县人民政府办公室"
    assert report.organization.column == 3
    assert report.year.value == 2024


def test_title_without_organisation():
    text = changed("示例县人民政府办公室2024年", "2024年")
    report = govparse.parse(text)
    assert report.organization.value is None and report.year.value == 2024
    assert only(report, "GP101").line == 1


def test_second_title_line_is_kept_and_said_aloud():
    # (of one year: title lines of different years are another matter, GP115,
    # tests/test_titles_of_site_pages.py)
    text = "甲县2024年政府信息公开工作年度报告\n乙县2024年政府信息公开工作年度报告\n一、总体情况\n文字。\n"
    report = govparse.parse(text)
    assert (report.organization.value, report.year.value) == ("甲县", 2024)
    assert [p.text for p in report.preamble] == ["乙县2024年政府信息公开工作年度报告"]
    d = only(report, "GP109")
    assert (d.line, d.column, d.severity) == (2, 1, Severity.WARNING)


def test_markdown_title_mark_alone_is_no_organisation():
    # found by the grammar-driven property: '#' was read as an empty organisation
    report = govparse.parse("#2024年政府信息公开工作年度报告\n")
    assert report.organization.value is None and report.year.value == 2024
    assert only(report, "GP101").line == 1


def test_decimal_fee_and_signed_counts():
    text = changed("行政事业性收费\t1.2500", "行政事业性收费\t0.0350")
    report = govparse.parse(text, strict=True)
    assert report.active_disclosure.administrative_fees.amount.value == Decimal("0.0350")
    text = changed("规章\t0\t0\t0", "规章\t-1\t0\t0")
    assert govparse.parse(text).active_disclosure.rules.issued.value == -1


def test_every_line_of_any_text_is_read_without_a_syntax_error():
    # the grammar reads every line (a line it could not read would raise GrammarError,
    # GP100): here blank lines of tabs, pipes, dashes and a rule line
    weird = "\t\t\n|||\n——\n1\t2\n一、总体情况\n\t\n二、主动公开政府信息情况\n\t\n---\n|a|\n"
    report = govparse.parse(weird)
    assert [(p.text, p.line) for p in report.preamble] == [("|||", 2), ("——", 3), ("1\t2", 4)]
    assert [(s.number, s.line, s.paragraphs) for s in report.sections] == [(1, 5, ()), (2, 7, ())]
    assert [f for f in report.figures() if f.value is not None] == []
    unknown = only(report, "GP201")
    assert (unknown.line, unknown.column, unknown.message) == (
        10, 2, "'a' is no label of this table; ignored")
    lines = weird.split("\n")
    assert all(d.line is None or 1 <= d.line <= len(lines) for d in report.diagnostics)
    # empty input: no title, every section missing, no table, and nothing else
    empty = govparse.parse("")
    assert sorted(codes(empty)) == ["GP101"] + ["GP103"] * 3 + ["GP108"] * 3 + ["GP112"]
    assert empty.sections == () and empty.preamble == ()


def test_a_field_label_before_the_title_is_no_part_of_the_organisation():
    # a crawler's text: 标题: 平潭综合实验区2024年政府信息公开工作年度报告
    report = govparse.parse("标题: 平潭综合实验区2024年政府信息公开工作年度报告\n")
    assert report.organization.value == "平潭综合实验区"
    assert (report.organization.line, report.organization.column) == (1, 5)
    assert report.year.value == 2024
    (note,) = [d for d in report.diagnostics if d.code == "GP110"]
    assert note.severity is Severity.NOTE and "标题" in note.message
    # a colon that is part of the name is no field label
    report = govparse.parse("某市：某区2024年政府信息公开工作年度报告\n")
    assert report.organization.value == "某市：某区"


@pytest.mark.parametrize("field", [
    "本地目录: zwgk/zfxxgk/zfxxgknb/202503/97791_平潭综合实验区",
    "本地目录: 平潭综合实验区",
    "原文链接: https://www.example.gov.cn/zwgk/某区",
    "D:\\年报\\某区",
])
def test_a_crawler_s_field_or_a_path_that_ends_like_a_title_is_no_title(field):
    # a crawler's metadata: its local file's path ends with the page's title
    text = (f"发布时间: 2025-03-10 15:35\n{field}2024年度政府信息公开工作年度报告\n"
            "一、总体情况\n2024年，某某区人民政府坚持以人民为中心。\n")
    report = govparse.parse(text)
    # never the organisation: the overview's is read (GP114), and no title (GP101)
    assert (report.organization.value, report.year.value) == ("某某区人民政府", 2024)
    assert report.title is None and {"GP101", "GP114"} <= set(codes(report))
    assert "GP109" not in codes(report)
    assert [p.text for p in report.preamble][1].startswith(field[:4])
    # after the title, it is a paragraph, not a second title (GP109)
    report = govparse.parse("标题: 某某区2024年度政府信息公开工作年度报告\n" + text)
    assert report.organization.value == "某某区"
    assert report.title.endswith("某某区2024年度政府信息公开工作年度报告")
    assert "GP109" not in codes(report) and "GP114" not in codes(report)


def test_a_title_over_two_lines_of_text():
    # a PDF's text: the organisation centred on its own line above the year's
    text = "  示例区管委会办公室\n  2024年度政府信息公开工作年度报告\n一、总体情况\n文字。\n"
    report = govparse.parse(text)
    org, year = report.organization, report.year
    assert (org.value, org.line, org.column) == ("示例区管委会办公室", 1, 3)
    assert (year.value, year.line, year.column) == (2024, 2, 3)
    note = only(report, "GP111")
    assert (note.line, note.column, note.severity) == (1, 3, Severity.NOTE)
    assert report.preamble == ()


@pytest.mark.parametrize("above", ["首页 > 政务公开 > 年度报告", "本报告依据条例编制，",
                                   "第2页", "标题: 示例区"])
def test_a_line_above_the_title_that_is_no_organisation(above):
    # a page's way back, a sentence, a figure, a crawler's field: never the organisation
    report = govparse.parse(f"{above}\n2024年政府信息公开工作年度报告\n一、总体情况\n文字。\n")
    assert report.organization.value is None and report.year.value == 2024
    assert "GP111" not in codes(report) and only(report, "GP101").line == 2
    if above == "第2页":  # a page number alone on its line: dropped, with a note
        assert [p.text for p in report.preamble] == [] and only(report, "GP009").line == 1
    else:
        assert [p.text for p in report.preamble] == [above]


def test_the_organisation_in_full_from_the_body_that_compiled_the_report():
    text = ("洪泽区人民政府2023年政府信息公开工作年度报告\n"
            "本报告由淮安市洪泽区人民\n政府办公室根据《条例》要求编制。\n一、总体情况\n文字。\n")
    report = govparse.parse(text)
    org = report.organization
    assert (org.value, org.line, org.column) == ("淮安市洪泽区人民政府", 2, 1)
    assert report.title == "洪泽区人民政府2023年政府信息公开工作年度报告"
    note = only(report, "GP113")
    assert (note.line, note.severity) == (2, Severity.NOTE)
    assert "'洪泽区人民政府'" in note.message and "'淮安市洪泽区人民政府'" in note.message


@pytest.mark.parametrize("preamble", [
    "本报告由洪泽区人民政府办公室根据《条例》编制。",  # the title's own name
    "本报告由某集团公司洪泽区人民政府根据《条例》编制。",  # no division before it
    "本报告由淮安市人民政府办公室根据《条例》编制。",  # another body
    "报告由淮安市洪泽区人民政府办公室根据《条例》编制。",  # not the template's sentence
])
def test_the_title_s_organisation_stays_unless_the_preamble_names_it_in_full(preamble):
    report = govparse.parse(f"洪泽区人民政府2023年政府信息公开工作年度报告\n{preamble}\n"
                            "一、总体情况\n文字。\n")
    assert report.organization.value == "洪泽区人民政府"
    assert "GP113" not in codes(report)


def year_from_text(text: str, year: int, line: int, column: int):
    """The report of a text with no title reads this year there, said (GP102)."""
    report = govparse.parse(text)
    assert report.organization.value is None
    assert (report.year.value, report.year.line, report.year.column) == (year, line, column)
    d = only(report, "GP102")
    assert (d.line, d.column, d.severity) == (line, column, Severity.WARNING)
    return d


def test_the_year_from_a_statistics_period_wrapped_over_two_lines():
    # w3m wraps a page's long paragraph: 统计期限为 at the end of one line, the date
    # at the start of the next
    text = ("本报告所列数据统计期限为\n2024年1月1日至2024年12月31日。\n"
            "一、总体情况\n文字。\n")
    year_from_text(text, 2024, 2, 1)
    # on one line, as before
    report = govparse.parse("本报告所列数据统计期限为2023年1月1日至12月31日。\n一、总体情况\n")
    assert (report.year.value, report.year.line, report.year.column) == (2023, 1, 13)


def test_the_year_from_the_overview_s_sentences_where_nothing_else_names_it():
    # a web page whose title is in the page's chrome: its overview opens with the year
    text = ("根据《条例》要求，特编制此报告：\n一、总体情况\n2022年，我局严格落实《条例》。\n"
            "（一）突出重点。2022年，依托网站公开信息179条。\n二、主动公开政府信息情况\n")
    d = year_from_text(text, 2022, 3, 1)
    assert "2 times" in d.message and d.hint
    with pytest.raises(govparse.StrictModeError):
        govparse.parse(text, mode="strict")


@pytest.mark.parametrize("overview", [
    "2022年，我局收到申请1件。2023年，我局将继续推进。",  # two years: the text does not say
    "2022年以来，我局严格落实《条例》。",  # not the year's own sentence
    "2022年度，我局收到申请1件。",
    "全年共收到申请1件，比2022年，增加1件。",  # mid-sentence
    "我局严格落实《条例》。",
])
def test_no_year_from_an_overview_that_does_not_open_its_sentences_with_one(overview):
    report = govparse.parse(f"一、总体情况\n{overview}\n二、主动公开政府信息情况\n")
    assert report.year.value is None and "GP102" not in codes(report)


def test_the_organisation_from_the_overview_s_opening_sentence_where_no_title_names_it():
    # a web page whose title is in the page's chrome: 2024年，<body>坚持以…
    text = ("本报告所列数据统计期限为2024年1月1日至12月31日。\n一、总体情况\n"
            "2024年，平潭综合实验区坚持以习近平新时代中国特色社会主义思想为指导。"
            "2024年，实验区政府信息公开工作取得了新进展。\n二、主动公开政府信息情况\n")
    report = govparse.parse(text)
    org = report.organization
    assert (org.value, org.line, org.column) == ("平潭综合实验区", 3, 7)
    d = only(report, "GP114")
    assert (d.line, d.column, d.severity) == (3, 7, Severity.WARNING) and d.hint
    assert "taken from the overview (GP114)" in only(report, "GP101").message
    with pytest.raises(govparse.StrictModeError):
        govparse.parse(text, mode="strict")


@pytest.mark.parametrize("opening, organization", [
    ("2023年，某某市人民政府办公室认真贯彻落实《条例》。", "某某市人民政府办公室"),
    ("2023年，某某县交通运输局在县委县政府的领导下，公开信息12条。", "某某县交通运输局"),
    ("2023年，某某街道办事处以公开促落实。", "某某街道办事处"),
])
def test_the_body_an_overview_opens_with_ends_where_its_sentence_goes_on(opening, organization):
    report = govparse.parse(f"一、总体情况\n{opening}\n二、主动公开政府信息情况\n")
    assert report.organization.value == organization
    assert report.year.value == 2023 and {"GP101", "GP102", "GP114"} <= set(codes(report))


@pytest.mark.parametrize("overview", [
    "2022年，我局严格落实《条例》。",  # stands for a body without naming it
    "2022年，全区各级行政机关深入贯彻落实《条例》。",
    "2022年，区政府办公室坚持公开为常态。",  # which district's?
    "2022年，在区管委会办公室的有力指导下，我局严格落实《条例》。",  # a clause first
    "2022年，某某区委区政府高度重视政务公开。",  # a party committee and a government
    "2022年，某某镇党委政府高度重视政务公开。",
    "2022年，街道办事处坚持公开为常态。",  # which street's?
    "2022年，分局坚持公开为常态。",  # short for a body named elsewhere
    "2022年，管委会办公室坚持公开为常态。",  # no place named
    "2022年，某某区政务公开工作取得新进展。",  # no word a body's sentence goes on with
    "2022年以来，某某区坚持公开为常态。",  # not the year's own sentence
    # two bodies: the text does not say which is the report's
    "2022年，某某区人民政府坚持公开为常态。2022年，某某区教育局持续推进公开。",
])
def test_no_organisation_from_an_overview_that_names_no_one_body(overview):
    report = govparse.parse(f"一、总体情况\n{overview}\n二、主动公开政府信息情况\n")
    assert report.organization.value is None and "GP114" not in codes(report)


def test_a_title_without_an_organisation_takes_the_overview_s():
    report = govparse.parse("2024年政府信息公开工作年度报告\n一、总体情况\n"
                            "2024年，某某镇人民政府坚持以人民为中心。\n")
    assert (report.organization.value, report.year.value) == ("某某镇人民政府", 2024)
    assert {"GP101", "GP114"} <= set(codes(report))
    # a title that names it stands over the overview
    report = govparse.parse("某某县2024年政府信息公开工作年度报告\n一、总体情况\n"
                            "2024年，某某镇人民政府坚持以人民为中心。\n")
    assert report.organization.value == "某某县" and "GP114" not in codes(report)


def test_a_title_s_year_stands_over_the_overview_s():
    report = govparse.parse("某局2023年政府信息公开工作年度报告\n一、总体情况\n2022年，我局…。\n")
    assert report.year.value == 2023 and "GP102" not in codes(report)


def test_only_the_first_title_is_joined_to_the_line_above_it():
    # found by the grammar-driven round trip: a second title (GP109) under a short line
    text = "甲县2024年政府信息公开工作年度报告\n乙县\n2024年政府信息公开工作年度报告\n一、总体情况\n"
    report = govparse.parse(text)
    assert (report.organization.value, report.year.value) == ("甲县", 2024)
    assert [p.text for p in report.preamble] == ["乙县", "2024年政府信息公开工作年度报告"]
    assert "GP111" not in codes(report) and only(report, "GP109").line == 3


def test_title_lines_of_different_years_give_none_said_aloud():
    text = "甲县2024年政府信息公开工作年度报告\n乙县2023年政府信息公开工作年度报告\n一、总体情况\n文字。\n"
    report = govparse.parse(text)
    assert (report.organization.value, report.year.value) == (None, None)
    assert [p.text for p in report.preamble] == ["甲县2024年政府信息公开工作年度报告",
                                                 "乙县2023年政府信息公开工作年度报告"]
    d = only(report, "GP115")
    assert (d.line, d.column, d.severity) == (1, 1, Severity.WARNING)
