"""One test per bug the fuzzers found (fuzz/), each with its minimal input inline.

Every test here failed when it was written; it passes once the bug is fixed. The
fuzz run tolerates the same bugs meanwhile (fuzz.properties.KNOWN_ISSUES) so that
it can go on looking for others; remove an id there once its test passes.

The slow inputs are pinned by how the work grows with the input, not by a time
limit: the slow regular expressions by time (linear: four times the input, about
four times the time; a quadratic one takes sixteen), the empty cells before a row's
figures by counting what the parse does (the elements its lists move, the calls it
makes), which does not depend on the machine or on what else runs on it. The
50x-per-byte bound itself is measured by the benchmark fuzz/linearity.py.
"""

import sys
from pathlib import Path

import pytest

import govparse
from govparse import Severity, StrictModeError
from fuzz.linearity import timed_parse
from conftest import EXAMPLES
from helpers import codes


def seconds(text: str, repeat: int = 1) -> float:
    return timed_parse(text, repeat)


def assert_linear(make, n: int, times: int = 4, slack: float = 2.0):
    """Parsing ``make(times * n)`` takes at most ``slack`` times the proportional
    share more than parsing ``make(n)`` (a quadratic parse takes ``times`` times
    more again). Checked twice before failing, against a noisy machine."""
    small = seconds(make(n), repeat=3)
    for _attempt in range(2):
        big = seconds(make(times * n))
        if big <= slack * times * small + 0.25:
            return
    pytest.fail(f"{times}x the input took {big / max(small, 1e-9):.1f}x the time "
                f"({small:.3f} s -> {big:.3f} s); linear would be about {times}x")


# ---------------------------------------------------------------- silent loss


def test_figure_of_more_than_4300_digits_is_not_lost_silently():
    # found by huge_number: cells.number_value() catches int()'s ValueError
    # ("Exceeds the limit (4300 digits) for integer string conversion") and the
    # figure becomes missing, with no diagnostic; a clean report with such a cell
    # even passes strict mode.
    text = "二、主动公开政府信息情况\n信息内容\t本年处理决定数量\n行政许可\t" + "9" * 4301 + "\n"
    report = govparse.parse(text)
    figure = report.active_disclosure.administrative_licensing.decisions
    said = [d for d in report.diagnostics
            if (d.line, d.column) == (3, 6) and d.severity is not Severity.NOTE]
    assert figure.value is not None or said, "the figure is missing and nothing says why"


def test_a_row_label_numbered_past_4300_digits_is_read_as_a_wrong_number():
    # found by atheris (crash-bd4c83…): the table reader read a label's numbering with
    # int(), which refuses a numeral of more than 4,300 digits: a traceback. Such a
    # number is no template label's: the row's figures are not placed, as for 5.其他…
    text = (EXAMPLES / "report-2024-tab.txt").read_text(encoding="utf-8")
    for numeral in ("1" * 4301, "1" * 12, "5"):
        damaged = text.replace("2.其他法律行政法规禁止公开", numeral + ".其他法律行政法规禁止公开", 1)
        report = govparse.parse(damaged)
        (said,) = [d for d in report.diagnostics if d.code == "GP204"]
        assert said.message.startswith(f"figures follow '{numeral[:20]}")
        assert report.applications.withheld_prohibited_by_law.total.value is None
        with pytest.raises(StrictModeError):
            govparse.parse(damaged, strict=True)


def test_a_drawn_row_with_cells_merged_from_below_is_said_on_each_of_its_lines():
    # found by atheris (crash-b88d5f…): a line of another table put inside a drawn
    # grid (w3m) joins the row under 2.其他法律… to it: 14 cells for 7 columns, none
    # placed (GP303), but the error stood at the first extra cell, three lines below
    # the row, and the row's own line said nothing of its missing figures. Each line
    # that holds figures of such a row now has the error.
    from fuzz import properties

    lines = govparse.dumps(govparse.parse_file(EXAMPLES / "report-2024-tab.txt"), "grid")
    lines = lines.split("\n")
    below = next(i for i, line in enumerate(lines) if "3.危及" in line) + 1
    lines.insert(below, "│行政规范性文件│0           │0           │0           │")
    text = "\n".join(lines)
    report = govparse.parse(text)
    row = next(i for i, line in enumerate(lines, 1) if "2.其他法律行政法规禁" in line)
    said, again = sorted((d for d in report.diagnostics if d.code == "GP303"),
                         key=lambda d: d.line)
    assert said.line == row and again.line == row + 3  # (the row's own line, the merged one's)
    assert again.message.startswith("row '2.其他法律行政法规禁止公开' has 14 cells for 7")
    assert said.message == ("row '2.其他法律行政法规禁止公开': the cells on this line are among "
                            f"those of the row that are not placed (line {row + 3})")
    assert said.severity is again.severity is Severity.ERROR
    assert all(f.value is None for f in vars_of(report.applications.withheld_prohibited_by_law))
    properties.check(text, extended=False)


def test_a_review_row_run_into_the_next_line_is_said_on_each_of_its_lines():
    # found by atheris (crash-032541…): two review rows, the second of 1,600 cells,
    # read as one row (GP303, none placed), said on the first line only: the figures
    # of the second line went missing without a word on their line
    from fuzz import properties

    text = ("四、政府信息公开行政复议、行政诉讼情况\n行政复议\tx\t0\t0\t1\t2\n"
            "行政复议\t1\t0\t0\t1" + "\t21" * 1612 + "\n")
    report = govparse.parse(text)
    assert sorted(d.line for d in report.diagnostics if d.code == "GP303") == [2, 3]
    assert report.review_litigation.litigation_direct.upheld.value is None
    properties.check(text, extended=False)


def test_a_header_of_two_lines_written_as_one_reads_its_group_under_the_group():
    # found by atheris (crash-913ae5…): the applications header's two lines joined into
    # one (自然人 法人或其他组织 … 总计 … 商业企业 科研机构 …) named every column, in an
    # order with 总计 second: the figures were read in it, with GP209 only, and 总计
    # came out as 商业企业's figure: wrong figures. The group's columns stand under the
    # group: the template's order.
    text = (EXAMPLES / "report-2024-tab.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    group = next(i for i, line in enumerate(lines) if "\t法人或其他组织\t" in line)
    assert "商业企业" in lines[group + 1]
    lines[group:group + 2] = [lines[group] + "\t" + lines[group + 1].strip("\t")]
    report = govparse.parse("\n".join(lines))
    assert report == govparse.parse(text)  # every figure as in the report
    assert "GP209" not in codes(report)
    assert report.applications.new_requests.total.value == 13


def test_a_group_header_line_in_another_order_is_said():
    # found by atheris (crash-fb738f…): the group line of the applications header
    # naming 法人或其他组织 before 自然人 put the group's columns first: the figures
    # were read in that order, each line in order by itself, and nothing said so
    text = (EXAMPLES / "report-2024-tab.txt").read_text(encoding="utf-8")
    damaged = text.replace("\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
                           "\t\t\t法人或其他组织\t\t\t\t\t自然人\t总计", 1)
    assert damaged != text
    report = govparse.parse(damaged)
    (said,) = [d for d in report.diagnostics if d.code == "GP209"]
    assert said.message.startswith("the header names '自然人' after a column the template")
    assert said.severity is Severity.WARNING
    # the figures under the header's order, as the header names them
    assert report.applications.new_requests.commercial_enterprise.value == 10


def vars_of(row):
    import attrs

    return [getattr(row, a.name) for a in attrs.fields(type(row))]


# ---------------------------------------------------------------- positions


def test_strict_mode_error_has_the_line_of_its_first_placed_problem():
    # found by cut_at_table_boundary: GP103 (a missing section) has no line and
    # sorts first, so the StrictModeError carries no position at all.
    text = "某区2024年政府信息公开工作年度报告\n二、主动公开政府信息情况\n行政检查\t3\n"
    with pytest.raises(StrictModeError) as info:
        govparse.parse(text, strict=True)
    assert info.value.line is not None, [(d.code, d.line) for d in info.value.diagnostics]


@pytest.mark.parametrize("text", [
    "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t1\t0\t0\t1\t2\n",  # read by label
    "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n",  # no figures at all
], ids=["by-label", "no-figures"])
def test_review_table_diagnostics_have_a_line(text):
    # found by delete_lines / change_line_separators: tables.py calls
    # _report_missing_rows(None) and _fit(..., anchor=None) for the review table,
    # so GP205 (with column 1 but no line) and GP301 point nowhere.
    report = govparse.parse(text)
    unplaced = [(d.code, d.message) for d in report.diagnostics
                if d.line is None and d.code not in ("GP103", "GP106", "GP107", "GP108")]
    assert not unplaced


# ---------------------------------------------------------------- grammar errors


@pytest.mark.parametrize("text", [
    "某区2024年政府信息公开工作年度报告\t\n",
    "一、总体情况\t\n正文。\n",
    "二、主动公开政府信息情况\t\n信息内容\t本年处理决定数量\n行政许可\t1\n",
], ids=["title", "narrative-heading", "table-heading"])
def test_trailing_tab_after_a_title_or_heading_is_read(text):
    # found by change_spacing / join_lines: the headings' and YEAR's look-ahead
    # allows a tab before the end of the line, but no terminal takes the tab
    # (_HSPACE ignores spaces only), so the whole report fails with GP100.
    report = govparse.parse(text)
    if text.startswith("某区"):  # the title, with its organisation and year in place
        assert [(m.value, m.line, m.column) for m in (report.organization, report.year)] == [
            ("某区", 1, 1), (2024, 1, 3)]
        assert report.sections == () and report.preamble == ()
    else:  # the heading, on line 1, and what follows it in its section
        (section,) = report.sections
        assert section.line == 1 and section.heading == text.split("\t")[0]
        assert report.year.value is None and report.preamble == ()
    if text.startswith("一"):
        assert [(p.text, p.line) for p in section.paragraphs] == [("正文。", 2)]
    if text.startswith("二"):
        fig = report.active_disclosure.administrative_licensing.decisions
        assert (fig.value, fig.line, fig.column) == (1, 3, 6)


# ---------------------------------------------------------------- time


def test_spaces_after_a_word_lex_in_linear_time():
    # ORGANIZATION: [^\s\d][^\n]*?(?=[ \t\u3000]*[12]\d{3}...): the look-ahead runs
    # over the rest of the spaces at every position: quadratic (1 MB: hours).
    assert_linear(lambda n: "a" + " " * n + "x\n", 4000)


def test_hash_then_spaces_lex_in_linear_time():
    # every heading terminal: (?:#{1,6}[ ]*)?(?:...)?[ \u3000]*总体情况: the two
    # space runs split a run of spaces every way: quadratic, at every line start.
    assert_linear(lambda n: "#" + " " * n + "\n", 3000)


def test_dashes_that_are_no_rule_lex_in_linear_time():
    # RULE: [-—=]{3,}[-—=:|｜+ \t]*(?=\n|\Z): both runs take dashes: quadratic.
    assert_linear(lambda n: "二、主动公开政府信息情况\n" + "-" * n + "x\n", 3000)


def test_label_of_many_parentheses_reads_in_linear_time():
    # template._TRAILING_REMARK ^(.+?)\(.*\)$ in label_key(): for every '(' the
    # greedy .* runs to the end and back: quadratic in the label.
    assert_linear(lambda n: "二、主动公开政府信息情况\na" + "(" * n + "\t1\n", 8000)


def test_line_of_spaced_figures_ending_in_a_word_reads_in_linear_time():
    # reader._ends_in_figures searched (blanks figure)+ blanks* $ in a table section's
    # one-cell line: from every blank the figures after it were read to the end, where
    # the word failed the match: quadratic (atheris, crash-e8928b…: 59 KB in 5 s;
    # 说明 0 0 … 0 x, 40,000 figures: 67 s).
    text = (EXAMPLES / "report-2024-tab.txt").read_text(encoding="utf-8")
    heading = "三、收到和处理政府信息公开申请情况\n"
    assert text.count(heading) == 1
    assert_linear(lambda n: text.replace(heading, heading + "说明" + " 0" * n + " x\n"), 3000)


def test_html_cell_with_a_zero_width_space_and_a_run_of_spaces_reads_in_linear_time():
    # blocks.clean: a cell starting or ending with ZWSP or a BOM had its blanks at
    # either end taken off by sub(^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$), which
    # tried the end from every blank of a run inside the cell: quadratic (80,000
    # spaces between two words: 32 s).
    def page(n: int) -> bytes:
        cell = "\u200b行政许可" + " " * n + "x"
        return ("<html><body><h1>某某市2024年政府信息公开工作年度报告</h1>"
                "<h2>二、主动公开政府信息情况</h2>"
                f"<table><tr><td>{cell}</td><td>5</td></tr></table></body></html>").encode()
    assert_linear(page, 4000)


class CountingList(list):
    """A list that counts the elements its operations move or copy (a pop(0) moves
    every element after the first; a slice copies its elements)."""

    moved = 0

    def _count(self, index) -> int:
        """The elements a slice holds, or those from an index to the end."""
        if isinstance(index, slice):
            return len(range(*index.indices(len(self))))
        return len(self) - (index if index >= 0 else len(self) + index)

    def pop(self, index=-1):
        CountingList.moved += self._count(index)
        return super().pop(index)

    def insert(self, index, item):
        CountingList.moved += self._count(index)
        return super().insert(index, item)

    def remove(self, item):
        CountingList.moved += len(self)
        return super().remove(item)

    def __delitem__(self, index):
        start = index.indices(len(self))[0] if isinstance(index, slice) else index
        CountingList.moved += self._count(start)  # what follows moves up
        return super().__delitem__(index)

    def __getitem__(self, index):
        if isinstance(index, slice):  # a copy, which counts its own operations too
            CountingList.moved += self._count(index)
            return CountingList(super().__getitem__(index))
        return super().__getitem__(index)

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            CountingList.moved += len(self)
        return super().__setitem__(index, value)

    def copy(self):
        CountingList.moved += len(self)
        return CountingList(self)


def python_calls(text: str) -> int:
    """Python functions and built-ins called while parsing ``text``: a count of the
    work done that does not depend on the machine or on what else runs on it."""
    govparse.parse(text)  # caches warmed first
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        govparse.parse(text)
    finally:
        sys.setprofile(None)
    return calls


def test_a_page_row_of_many_stray_cells_is_said_in_linear_work():
    # found by atheris (crash-f8fcb4…): a page's table row of 1,300 stray cells ('>'),
    # each a warning (GP201): each diagnostic's context read every cell to its left
    # for its row label (classify, join), 0.85 s for 16 kB. Counted, not timed.
    head = ("<html><body><p>二、主动公开政府信息情况</p><table>"
            "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
            "<tr><td>规章</td><td>1</td><td>2</td><td>3</td>")

    def make(n):
        return head + "".join(f"<td>{'&gt;' if i % 2 else '»'}</td>" for i in range(n)) + \
            "</tr></table></body></html>"

    report = govparse.parse(make(200))
    strays = [d for d in report.diagnostics if d.code == "GP201"]
    assert len(strays) == 200 and strays[-1].context.row.count(" / ") <= 3
    small, big = python_calls(make(400)), python_calls(make(3200))
    assert big <= 8 * small * 1.1 + 1000, (small, big)


def test_empty_cells_before_figures_read_in_linear_work(monkeypatch):
    # TableReader._fit (core/row_fit.py) dropped leading empty cells with list.pop(0): quadratic
    # in a row's empty cells (1 MB of tabs: about 100x a report's time per byte).
    # Counted, not timed: the elements the row's cells move in _fit, and the calls
    # made, for 8 times the empty cells (the time itself: fuzz/linearity.py,
    # case empty-cells).
    from govparse.core import row_fit as tables

    read_trailing = tables._read_trailing
    monkeypatch.setattr(tables, "_read_trailing",
                        lambda data, want: CountingList(read_trailing(data, want)))
    head = "二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章"

    def make(n):
        return head + "\t" * n + "1\t2\t3\n"

    for n in (500, 4000):
        CountingList.moved = 0
        report = govparse.parse(make(n))
        rules = report.active_disclosure.rules
        # the empty cells share the figures' line and section 二 has no arithmetic:
        # merged label cells' rest, or missing figures' cells and stray ones after
        assert (rules.issued.value, rules.repealed.value, rules.in_force.value) == \
            (None, None, None)
        assert codes(report).count("GP303") == 1
        assert "GP305" not in codes(report)
        assert CountingList.moved <= 4 * n + 100, (n, CountingList.moved)
    small, big = python_calls(make(500)), python_calls(make(4000))
    assert big <= 8 * small * 1.1 + 1000, (small, big)


def test_row_label_wrapped_in_one_cell_a_line_layout_has_a_place_on_its_line():
    # found by atheris (fuzz/crashes/crash-590e71…): a label split over two lines is
    # joined, and GP301 ("no figures") pointed after the joined text, past the end
    # of the label's first line.
    text = ("三、收到和处理政府信息公开申请情况\n\t（二）部分公开（区分处理的\n"
            "，只计这一情形，不计其他情形）\n\n\t（三）不予公开\n")
    report = govparse.parse(text)
    lines = text.split("\n")
    for d in report.diagnostics:
        if d.line is not None:
            assert d.column <= len(lines[d.line - 1]) + 1, d


def test_byte_order_mark_left_in_the_text_keeps_the_columns():
    # found by atheris (crash-57eb6d…): UTF-16 with two BOMs leaves U+FEFF in the text;
    # dropping it shifted every column of line 1 by one
    data = "\ufeff\ufeff2024年政府信息公开工作年度报告\n".encode("utf-16-le")
    report = govparse.parse(b"\xff\xfe" + data[2:])
    assert (report.year.value, report.year.line, report.year.column) == (2024, 1, 2)
    report = govparse.parse("\ufeff示例县2024年政府信息公开工作年度报告\n")
    assert (report.organization.value, report.organization.column) == ("示例县", 2)


def test_full_width_digits_in_thousands_groups():
    # NUMBER reads -１,０００ like -1,000; the fuzz checker (NUMBER_AT) follows it
    text = "二、主动公开政府信息情况\n规章\t-１,０００\t0\t0\n"
    report = govparse.parse(text)
    assert report.active_disclosure.rules.issued.value == -1000


def test_a_byte_order_mark_is_no_organisation():
    # found by the grammar-driven round trip: '\ufeff' was read as the organisation,
    # and the printout, starting with it, lost it as a byte-order mark
    report = govparse.parse("0\n\ufeff1000年政府信息公开报告\n")
    assert report.organization.value is None
    assert govparse.parse(govparse.dumps(report, "tab")).organization.value is None


def test_a_figure_read_into_its_label_s_cell_does_not_shift_the_row_s_other_figures():
    # found by mutating converter texts (hunt5: a pandoc table's row line shifted two
    # columns left, 1 of 149 such variants): 753 stands partly left of its column's
    # rule, so the cell reads '行政规范性文件 753'; read as 行政规范性文件 (GP203),
    # 1234 and 223 were placed as its 本年制发件数 and 本年废止件数
    text = ("二、主动公开政府信息情况\n\n"
            "  ---------------------- ---------------- ---------------- ----------------\n"
            "  第二十条第（一）项\n"
            "  信息内容               本年制发件数     本年废止件数     现行有效件数\n"
            "  规章                   81050            5585502          255\n"
            "行政规范性文件         753              1234             223\n"
            "  ---------------------- ---------------- ---------------- ----------------\n")
    report = govparse.parse(text)
    rules, normative = report.active_disclosure.rules, report.active_disclosure.normative_documents
    assert [rules.issued.value, rules.repealed.value, rules.in_force.value] == [81050, 5585502, 255]
    assert [normative.issued.value, normative.repealed.value, normative.in_force.value] \
        == [None, None, None]
    assert [(d.code, d.line) for d in report.diagnostics if d.code == "GP204"] == [("GP204", 7)]

APPLICANT_COLUMNS = ("natural_person", "commercial_enterprise", "research_institution",
                     "social_welfare_org", "legal_service_org", "other_org", "total")


def _applications_row(report, row: str) -> list:
    """The values of a row of the applications table, its columns in order."""
    return [report.figure("applications", row, c).value for c in APPLICANT_COLUMNS]



def test_an_empty_cell_before_the_figures_is_not_the_first_column_s_where_they_stand_elsewhere():
    # found by mutating converter texts (hunt5: a pandoc table's row line joined with
    # the next, 24 of 115 such variants wrong): the row's last cell reads '117650 注',
    # no figure, so the row has an empty cell (the rest of the merged label cell, as
    # row 一's two) and six figures: read a cell a column, the empty cell was
    # 自然人's and 14113 (under 自然人) 商业企业's, every figure a column to the right.
    # The segments on the left hold no figure in any row: they are the labels', and a
    # label spans the empty ones after it, so that the empty cell is no figure's place
    # and each figure stands in its own column; '117650 注' is no figure (GP201), 总计's
    # figure missing (GP316)
    lines = [
        '三、收到和处理政府信息公开申请情况',
        '  ---------------------------------------------------------------------- ---------------------------------------------------------- ---------------------------------------- ------------ ---------------- ---------- -------------- -------------- ---------- ----------',
        '  （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）                                                                                                       申请人情况',
        '                                                                                                                                                                             自然人       法人或其他组织                                                       总计',
        '                                                                                                                                                                                          商业企业         科研机构   社会公益组织   法律服务机构   其他',
        '  一、本年新收政府信息公开申请数量                                                                                                                                           15905902     11553785         8142104    8643184        13156131       17124750   74525856',
        '                                                                         （二）部分公开（区分处理的，只计这一情形，不计其他情形）                                            14113        16850            3754       908            633            81392      117650 注',
        '  ---------------------------------------------------------------------- ---------------------------------------------------------- ---------------------------------------- ------------ ---------------- ---------- -------------- -------------- ---------- ----------',
    ]
    report = govparse.parse("\n".join(lines) + "\n")
    assert _applications_row(report, "new_requests") == [
        15905902, 11553785, 8142104, 8643184, 13156131, 17124750, 74525856]
    assert _applications_row(report, "partially_disclosed") == [
        14113, 16850, 3754, 908, 633, 81392, None]
    assert [(d.code, d.line) for d in report.diagnostics if d.code in ("GP201", "GP316")] \
        == [("GP316", 7), ("GP201", 7)]


def test_figures_a_wrapped_line_puts_at_the_left_edge_are_not_placed_by_the_full_rows():
    # found by mutating converter texts (hunt5: the aligned layout wrapped at 88 display
    # columns, each row's figures going on at the left edge, 1 of 137 such variants):
    # （七）总计 lacks its 自然人 figure, so its first figure, 5376 (商业企业's), stands at
    # the left edge where every full row's 自然人 figure stands; placed by the columns
    # of the full rows, 5376 was read as 自然人's and every other figure a column left.
    # Those places are the wrap's, not the columns': a row whose figures start left of
    # where its label ends tells nothing of them
    lines = [
        '三、收到和处理政府信息公开申请情况',
        '',
        '                                                                                                                          申请人情况',
        '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
        '自然人                             法人或其他组织                              总计',
        '                                                                                                商业企业    科研机构    社会公益组织    法律服务机构     其他',
        '                                        4.无正当理由大量反复申请',
        '152111       5208       11070        4858591           1637         33810      1072',
        '                                        5.要求行政机关确认或重新出具已获取信息',
        '6131166       4675       510510         2971           14348         1122      3246407',
        '                                        3.其他',
        '14114       841372       252         1156612            18          1288       2579',
        '                      （七）总计',
        '5376       10797          6085           103718       2198792     10773',
        '四、结转下年度继续办理',
        '524287      22185        402           1000             64          2809      2656584',
    ]
    report = govparse.parse("\n".join(lines) + "\n")
    assert _applications_row(report, "other_other") == [
        14114, 841372, 252, 1156612, 18, 1288, 2579]
    assert _applications_row(report, "total_processed") == [None] * 7
    assert [(d.code, d.line) for d in report.diagnostics if d.code == "GP314"] == [("GP314", 14)]


def test_a_row_with_a_figure_a_column_that_stands_out_of_place_is_not_placed():
    # found by mutating converter texts (hunt5: a stray number added to a row of the
    # aligned layout, 7 of 282 such variants wrong): 3.补正后申请内容仍不明确 lacks its
    # 自然人 figure, and '2024' after its 总计 makes a figure for each column; read a
    # cell a column, 23821 (under 商业企业) was 自然人's, every figure a column left of
    # its own and 2024 the total, where the four full rows above stand under their
    # headers
    lines = [
        '三、收到和处理政府信息公开申请情况',
        '                                                                                                                        申请人情况',
        '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）              自然人                             法人或其他组织                               总计',
        '                                                                                             商业企业    科研机构    社会公益组织    法律服务机构     其他',
        '一、本年新收政府信息公开申请数量                                                   3819       222825        96           1638            1884         1403        8947',
        '                      （一）予以公开                                              102746      17417        976           2262           301178        7842        183',
        '                      （二）部分公开（区分处理的，只计这一情形，不计其他情形）    2162284       84        46934         75730            420          19968      20311',
        '                                        1.属于国家秘密                              300        675       3479456        248301            36          7395        274',
        '                                        3.补正后申请内容仍不明确                              23821       22949         168045           412         266964       490  2024',
    ]
    report = govparse.parse("\n".join(lines) + "\n")
    assert _applications_row(report, "withheld_state_secret") == [
        300, 675, 3479456, 248301, 36, 7395, 274]
    assert _applications_row(report, "unavailable_still_unclear") == [None] * 7
    assert [(d.code, d.line) for d in report.diagnostics if d.code == "GP303"] == [("GP303", 9)]


def test_a_short_row_lying_left_of_the_full_rows_places_is_not_placed_by_them():
    # found by mutating converter texts (hunt5: a figure blanked in pdftotext -layout's
    # text, its place kept; 1 of 343 such variants wrong): （七）总计 lacks its 科研机构
    # figure, and its wide numbers stand left of the full rows' places, so that by the
    # columns of the full rows (in characters) 9183536 stood over 科研机构's place and
    # 49009309 over 其他's: 总计 was taken as the missing one. The gap among its figures
    # (11847701 to 9183536, twice as far as the columns it put them in) says otherwise
    lines = [
        '三、收到和处理政府信息公开申请情况',
        '',
        '（本列数据的勾稽关系为：第一项加第二项之                                                    申请人情况',
        '   和，等于第三项加第四项之和）                          自然人                     法人或其他组织                            总计',
        '                                                                科研机 社会公 法律服',
        '                                                      商业企业                                   其他',
        '                                                                 构  益组织 务机构',
        '\x0c  （五）不予处 1.信访举报投诉类申请                        23268       6892        26577    3390     319      1339     61785',
        '  理      2.重复申请                                 477     1200        873     113556     22     129816   245944',
        '               3.要求提供公开出版物                       29      757        1909     655      4634     6872     14856',
        '               4.无正当理由大量反复申请                    3406     227        224      1020     692      2305      7874',
        '               5.要求行政机关确认或重新出',
        '                                            178721       479        827     28569     3087     1280    212963',
        '               具已获取信息',
        '  （六）其他处理                                       1040    43109       109     17037    362881    516     424692',
        '  （七）总计                                    13808734 11847701         9183536 1096228 4426667 49009309',
        '四、结转下年度继续办理                                6135124     1427753      291     245547 6046834    64524    13920073',
    ]
    report = govparse.parse("\n".join(lines) + "\n")
    assert _applications_row(report, "other_processing") == [
        1040, 43109, 109, 17037, 362881, 516, 424692]
    assert _applications_row(report, "total_processed") == [None] * 7
    assert [(d.code, d.line) for d in report.diagnostics if d.code == "GP314"] == [("GP314", 16)]


def test_header_cells_written_a_piece_a_line_in_another_order_leave_the_rows_unplaced():
    # found by printing reports with columns swapped (govparse.testing.damage.
    # swap_columns) as markdown, through pandoc to HTML and w3m at 80 columns (3 of 150
    # such variants wrong): w3m writes each header a piece a line (总 / 计, 自 / 然 / 人),
    # so that no one line names the columns in order; 总计 stands left of the group and
    # 自然人 right of it, but the rows were read in the template's order, 总计's figure
    # as 自然人's and 自然人's as 总计's, with nothing said. The header's places over its
    # lines give the order (GP209), and the rows read in the template's order are not
    # placed (GP321)
    lines = [
        '三、收到和处理政府信息公开申请情况',
        '',
        '（本列数据的勾稽关系                              申',
        '为：第一项加第二项之                              请',
        '和，等于第三项加第四                              人',
        '      项之和）                                    情',
        '                                                  况',
        '                                                      法人                   自',
        '                                                  总  或其                   然',
        '                                                  计  他组                   人',
        '                                                      织',
        '                                                           科  社会 法律',
        '                                                      商业 研  公益 服务 其',
        '                                                      企业 机  组织 机构 他',
        '                                                           构',
        '                           一、本年新收政府信息公 17  12   13  14   15   16  11',
        '                           开申请数量',
        '                           二、上年结转政府信息公 24  19   20  21   22   23  18',
        '                           开申请数量',
    ]
    report = govparse.parse("\n".join(lines) + "\n")
    for row in ("new_requests", "carried_over"):
        assert _applications_row(report, row) == [None] * 7
    assert [(d.code, d.line) for d in report.diagnostics if d.code in ("GP209", "GP321")] \
        == [("GP209", 8), ("GP321", 8)]


def test_a_figure_over_two_segments_of_a_pandoc_rule_is_not_placed():
    # found by mutating converter texts (hunt5: a figure of a pandoc table nudged two
    # columns left, 1 of 350 such variants wrong): 255 stands over the end of
    # 本年废止件数's segment and the start of 现行有效件数's; read as 本年废止件数's,
    # where the row's own figures ('81050', a blank, '255') are as likely in_force's.
    # It is one cell spanning both segments, whose row the header above parts: none of
    # the row's figures is placed (GP503)
    lines = [
        '二、主动公开政府信息情况',
        '',
        '  ---------------------- ---------------- ---------------- ----------------',
        '  第二十条第（一）项',
        '  信息内容               本年制发件数     本年废止件数     现行有效件数',
        '  规章                   81050                           255',
        '  行政规范性文件         753              1234             223',
        '  ---------------------- ---------------- ---------------- ----------------',
    ]
    report = govparse.parse("\n".join(lines) + "\n")
    rules = report.active_disclosure.rules
    assert (rules.issued.value, rules.repealed.value, rules.in_force.value) == (None,) * 3
    normative = report.active_disclosure.normative_documents
    assert (normative.issued.value, normative.repealed.value, normative.in_force.value) == (
        753, 1234, 223)
    assert [(d.code, d.line) for d in report.diagnostics if d.code == "GP503"] == [("GP503", 6)]


def test_a_box_drawn_grid_wrapped_at_a_width_places_no_figure_wrong():
    # found by mutating converter texts (hunt5: w3m's grids wrapped at 50-110 columns,
    # about one in ten such variants wrong): the header line's cells go on at the
    # left edge of the next line, 本年制发件数 over 信息内容's column; 23 was read as
    # 本年制发件数's (right, by luck) and 117458 as 现行有效件数's (it is 本年废止件数's)
    lines = [
        '二、主动公开政府信息情况',
        '',
        '┌──────────────────────────────────────────────────',
        '────┐',
        '│第二十条第（一）项',
        '│',
        '├───────────────┬────────────┬────────────┬────────',
        '────┤',
        '│信息内容',
        '│本年制发件数│本年废止件数│现行有效件数│',
        '├───────────────┼────────────┼────────────┼────────',
        '────┤',
        '│规章           │55319       │1681        │61256',
        '│',
        '├───────────────┼────────────┼────────────┼────────',
        '────┤',
        '│行政规范性文件 │23          │117458      │701452',
        '│',
        '├───────────────┴────────────┴────────────┴────────',
        '────┤',
    ]
    report = govparse.parse("\n".join(lines) + "\n")
    normative = report.active_disclosure.normative_documents
    for figure, right in ((normative.issued, 23), (normative.repealed, 117458),
                          (normative.in_force, 701452)):
        assert figure.value in (None, right)
    # a border that runs off a line's edge (┌──── / ────┐) shows the wrap: none of the
    # section's tables is read, GP322 at the first such line, an error
    assert all(f.value is None for t, *_, f in report.table_figures() if t == "active_disclosure")
    (said,) = [d for d in report.diagnostics if d.code == "GP322"]
    assert said.line == 3 and said.severity is Severity.ERROR


@pytest.mark.parametrize("width", [30, 47, 60, 75])
def test_a_converted_grid_wrapped_at_any_width_gives_no_figure_wrong(width):
    # every line of w3m's grids longer than the width goes on at the next line's left
    # edge, as fold(1) or a mail client wraps it: a table cut so is not read (GP322),
    # one narrower than the width is (section 二's, 56 columns wide)
    from govparse.frontends.text.lines import display_width

    text = (Path(__file__).parent / "data" / "real" / "text" / "006.w3m.txt").read_text("utf-8")

    def folded(line: str) -> list[str]:
        out, piece = [], ""
        for char in line:
            if display_width(piece + char) > width:
                out.append(piece)
                piece = ""
            piece += char
        return out + [piece]

    wrapped = "\n".join(part for line in text.split("\n") for part in folded(line))
    whole = govparse.parse(text)
    report = govparse.parse(wrapped)
    assert sum(f.value is not None for *_, f in whole.table_figures()) > 150
    read = {(t, r, c): f.value for t, r, c, f in report.table_figures() if f.value is not None}
    assert read == {key: whole.figure(*key).value for key in read}
    assert {t for t, *_ in read} == (set() if width < 56 else {"active_disclosure"})
    assert "GP322" in {d.code for d in report.diagnostics}


def test_a_grid_row_widened_by_a_note_in_a_cell_places_no_figure_wrong():
    # found by mutating converter texts (hunt5: '（注1）' written into a cell of w3m's
    # grid, 1 of 346 stray variants in w3m80): '498  （注1）' was lost, and every figure
    # after it read a column to the left of its own
    lines = [
        '四、政府信息公开行政复议、行政诉讼情况',
        '┌────────────────────────┬───────────────────────────────────────────────────┐',
        '│行政复议                │行政诉讼                                           │',
        '├───────┬──┬─────┬───┬───┼───────────────────────┬───────────────────────────┤',
        '│       │  │     │   │   │未经复议直接起诉       │复议后起诉                 │',
        '│       │结│     │尚 │   ├───┬──────┬───┬────┬───┼─────┬─────┬──────┬────┬───┤',
        '│结果维 │果│其他 │未 │总 │结 │      │其 │    │   │     │     │      │    │   │',
        '│持     │纠│结果 │审 │计 │果 │结果纠│他 │尚未│总 │结果 │结果 │其他结│尚未│总 │',
        '│       │正│     │结 │   │维 │正    │结 │审结│计 │维持 │纠正 │果    │审结│计 │',
        '│       │  │     │   │   │持 │      │果 │    │   │     │     │      │    │   │',
        '├───────┼──┼─────┼───┼───┼───┼──────┼───┼────┼───┼─────┼─────┼──────┼────┼───┤',
        '│2458212│70│34406│387│171│684│131278│498  （注1）  │6680│176│21943│41671│732810│1084│657│',
        '└───────┴──┴─────┴───┴───┴───┴──────┴───┴────┴───┴─────┴─────┴──────┴────┴───┘',
    ]
    report = govparse.parse("\n".join(lines) + "\n")
    direct = report.review_litigation.litigation_direct
    for figure, right in ((direct.other, 498), (direct.pending, 6680), (direct.total, 176)):
        assert figure.value in (None, right)
    # the widened cell's spans, which the header above parts (GP503), leave a place
    # that is no figure among the review table's figures (read by position): none of
    # them is placed, and GP303 says why on the row's line
    assert all(f.value is None for t, *_, f in report.table_figures() if t == "review_litigation")
    (said,) = [d for d in report.diagnostics if d.code == "GP303"]
    assert said.line == 12 and "stands among its figures" in said.message
    assert "GP503" in {d.code for d in report.diagnostics}


def test_a_grid_line_that_lost_its_closing_border_keeps_its_last_cell():
    # found by the fuzzer (atheris, from pandoc's grid table of a page whose header
    # cell 本年增/减 spans two columns: tests/data/shanghai2019): 行政许可's line lost its
    # closing '|'; its last cell, 处理决定数量's 7, was dropped as text outside the
    # grid, the row had a place fewer than its header line, and 6 (in 本年增/减's second
    # place) was read as 处理决定数量's. The text after the last border is the cell
    from govparse.frontends.text.lines import display_width

    def line(*cells, closed=True):
        padded = [" " + c + " " * (21 - display_width(c)) for c in cells]
        return "|" + "|".join(padded) + ("|" if closed else "")

    rule = "+" + "+".join(["-" * 22] * 5) + "+"
    lines = ["二、主动公开政府信息情况", "", rule,
             line("第二十条第（五）项", "", "", "", ""), rule,
             line("信息内容", "上一年项目数量", "本年增/减", "", "处理决定数量"), rule,
             line("行政许可", "5", "", "6", "7", closed=False), rule,
             line("其他对外管理服务事项", "1", "", "2", "3"), rule]
    report = govparse.parse("\n".join(lines) + "\n")
    for row, figures in (("administrative_licensing", [5, 6, 7]),
                         ("other_management_services", [1, 2, 3])):
        got = getattr(report.active_disclosure, row)
        assert [got.previous_year_items.value, got.change.value, got.decisions.value] == figures



def test_a_row_of_thousands_of_figures_over_two_lines_is_paired_in_n_log_n(monkeypatch):
    # found by atheris (a line of 17,367 characters of spaced figures under another):
    # stacked.stacked paired every figure with every later one (1.15 million overlap
    # tests, 7.8 s for 30 kB instrumented). Past a template row's size, the first
    # figure that a later one on another line overlaps is found by a Fenwick tree.
    from govparse.core import stacked

    calls = []
    overlap = stacked.overlaps
    monkeypatch.setattr(stacked, "overlaps", lambda a, b: calls.append(1) or overlap(a, b))

    def text(n):
        first = "行政许可 " + " ".join(["1"] * n)
        return ("二、主动公开政府信息情况\n信息内容    本年处理决定数量\n" + first + "\n"
                + " " * (len(first) + 20) + " ".join(["2"] * n) + "\n")

    def and_a_row_under(n):
        # (and stacked.under: the next row's figures against the wrapped line's)
        return text(n) + "行政处罚 " + " ".join(["3"] * n) + "\n"

    for n in (1000, 4000):
        for make in (text, and_a_row_under):
            calls.clear()
            report = govparse.parse(make(n))
            assert report.active_disclosure.administrative_licensing.decisions.value is None
            assert len(calls) <= 4 * n
