"""Cases for the table reader (govparse.core.table_reader) and the gap rule
(govparse.core.gaps): each states where the figures of a row land, at their
(table, row, column), or the diagnostic that says they are missing, with its code,
severity, place, message and hint.

The tables are built as Documents (test_fixtures.build_document), so that every
cell's place is known without a front-end: the title on line 1, each heading and
each table row on the next line, each cell at the column of its place in the row
(from 1). Written for issue #20 (mutation testing): each case covers a branch whose
figures or words no other test pinned down.
"""

from __future__ import annotations

import pytest

from decimal import Decimal
from pathlib import Path

from govparse.api import read_document
from govparse.core.gaps import (broken_counts, broken_counts_in_place, supported,
                                unique_consistent)
from govparse.core.grid import stream_of
from govparse.core.logical_rows import logical_rows
from govparse.core.row_labels import splits_a_word
from govparse.core.table_reader import TableReader
from govparse.diagnostics import DiagnosticSink, Severity
from govparse.document import Cell, Document, Heading, Table, TextLocation, Title
from govparse.template.sections import SECTION_NAMES
from govparse.template.spec import catalogue

from test_fixtures import Case, build_document

A, D = "applications", "active_disclosure"
APPLICANTS = ("natural_person", "commercial_enterprise", "research_institution",
              "social_welfare_org", "legal_service_org", "other_org", "total")
DISCLOSURE = ("issued", "repealed", "in_force")
DISCLOSURE_HEADER = "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数"
NORMATIVE = "行政规范性文件 | 4 | 5 | 6"

# The applications table of examples/report-2024-*.txt, one row a line: its
# figures add up (总计 = the six applicant columns, （七）总计 = the outcome rows,
# 本年新收 + 上年结转 = （七）总计 + 结转下年度).
APPLICATIONS = [
    "申请人情况",
    "自然人 | 法人或其他组织 | 总计",
    "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他",
    "一、本年新收政府信息公开申请数量 | 10 | 2 | 0 | 1 | 0 | 0 | 13",
    "二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
    "三、本年度办理结果 | （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1",
    "（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
    "2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
    "3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0",
    "4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
    "5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
    "6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
    "7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
    "8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
    "（四）无法提供 | 1.本机关不掌握相关政府信息 | 2 | 0 | 0 | 1 | 0 | 0 | 3",
    "2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
    "3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
    "（五）不予处理 | 1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
    "2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
    "3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
    "4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
    "5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
    "（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    " | 0 | 1 | 0 | 0 | 0 | 0 | 1",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    " | 0 | 0 | 0 | 0 | 0 | 0 | 0",
    "3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
    "（七）总计 | 10 | 2 | 0 | 1 | 0 | 0 | 13",
    "四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
]
DISCLOSED = "三、本年度办理结果 | （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6"
TOTAL_PROCESSED = "（七）总计 | 10 | 2 | 0 | 1 | 0 | 0 | 13"
FORWARD = "四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1"


class Read:
    """A table read in a Document of its own: the report, and where each row stands."""

    def __init__(self, table: str, lines: list[str]) -> None:
        case = Case(Path("cases.txt"), "case", 1)
        case.table, case.mode, case.lines = table, "rows", list(lines)
        document, section = build_document(case)
        self.table = table
        self.lines = lines
        self.first_line = section.start + 1  # the table's first row
        self.report = read_document(document)
        self.section = section

    def line(self, text: str) -> int:
        return self.first_line + self.lines.index(text)

    def values(self, row: str, columns) -> list:
        return [self.report.figure(self.table, row, c).value for c in columns]

    def said(self, *codes: str) -> list[tuple]:
        """(code, severity, line, column, length, message, hint) of the section's
        diagnostics with these codes, in the order they were said."""
        return [(d.code, d.severity, d.line, d.column, d.length, d.message, d.hint)
                for d in self.report.diagnostics
                if d.code in codes and (d.line is None or d.line in self.section)]


def applications(old: str, new: str, *more: tuple[str, str]) -> Read:
    lines = list(APPLICATIONS)
    for before, after in ((old, new),) + more:
        lines[lines.index(before)] = after
    return Read(A, lines)


def disclosure(*rows: str) -> Read:
    return Read(D, [DISCLOSURE_HEADER, *rows, NORMATIVE])


# ---------------------------------------------------------------- spare empty cells


def test_a_dropped_leading_empty_cell_that_breaks_the_arithmetic_places_nothing():
    # 5 1 0 0 0 0 7 after an empty cell: read without it, 总计 7 is not 5 + 1
    row = "三、本年度办理结果 | （一）予以公开 | | 5 | 1 | 0 | 0 | 0 | 0 | 7"
    read = applications(DISCLOSED, row)
    at = read.line(row)
    assert read.values("disclosed", APPLICANTS) == [None] * 7
    assert read.said("GP305", "GP303") == [  # no note says the empty cell was skipped
        ("GP303", Severity.ERROR, at, 4, 1,
         "row '（一）予以公开' has 8 cells for 7 columns; read without the empty cells before "
         "its figures, it breaks the template's arithmetic: which cell is extra cannot be "
         "told, so none of them is placed", "govparse check names the relation"),
    ]


def test_a_leading_empty_cell_is_a_label_rest_where_a_row_so_written_adds_up():
    # markdownify writes a label cell spanning two columns as the label and an empty
    # cell: （七）总计 so written adds up, and （一）予以公开 so written has a figure for
    # each column after its empty cell, none of which can then be a missing figure's;
    # read so, its own 总计 (7, not 5 + 1) breaks the arithmetic: validation says so
    row = "三、本年度办理结果 | （一）予以公开 | | 5 | 1 | 0 | 0 | 0 | 0 | 7"
    total = "（七）总计 | | 10 | 2 | 0 | 1 | 0 | 0 | 13"
    read = applications(DISCLOSED, row, (TOTAL_PROCESSED, total))
    assert read.values("disclosed", APPLICANTS) == [5, 1, 0, 0, 0, 0, 7]
    assert read.values("total_processed", APPLICANTS) == [10, 2, 0, 1, 0, 0, 13]
    assert read.said("GP303", "GP305") == [
        ("GP305", Severity.NOTE, read.line(row), 3, 1,
         "row '（一）予以公开': an empty cell before the figures is the rest of a merged label "
         "cell; skipped, as in row '（七）总计', whose figures the template's arithmetic "
         "confirms read so", None),
        ("GP305", Severity.NOTE, read.line(total), 2, 1,
         "row '（七）总计': an empty cell before the figures is the rest of a merged label "
         "cell; skipped", None),
    ]


def test_an_empty_cell_more_than_the_label_s_span_leaves_the_row_unread():
    # 一、本年新收 so written shows the label spanning three columns (itself and two
    # empty cells). 二、上年结转 has three empty cells and a 备注's 无 at its end: its
    # 自然人 is missing and 无 is no figure of it; read without the empty cells, every
    # figure would stand a column left (an adversarial review's case)
    new = "一、本年新收政府信息公开申请数量 | | | 10 | 2 | 0 | 1 | 0 | 0 | 13"
    carried = "二、上年结转政府信息公开申请数量 | | | | 3 | 5 | 7 | 11 | 13 | 43 | 无"
    read = applications(APPLICATIONS[3], new, (APPLICATIONS[4], carried))
    assert read.values("new_requests", APPLICANTS) == [10, 2, 0, 1, 0, 0, 13]
    assert read.values("carried_over", APPLICANTS) == [None] * 7
    assert [code for code, *_ in read.said("GP303")] == ["GP303"]


def test_a_row_so_written_whose_figures_do_not_add_up_is_no_evidence():
    # both rows break the arithmetic read without their empty cells: neither is read
    row = "三、本年度办理结果 | （一）予以公开 | | 5 | 1 | 0 | 0 | 0 | 0 | 7"
    total = "（七）总计 | | 10 | 2 | 0 | 1 | 0 | 0 | 14"
    read = applications(DISCLOSED, row, (TOTAL_PROCESSED, total))
    assert read.values("disclosed", APPLICANTS) == [None] * 7
    assert read.values("total_processed", APPLICANTS) == [None] * 7
    assert [code for code, *_ in read.said("GP303", "GP305")] == ["GP303", "GP303"]


def test_only_the_choice_of_spare_cells_that_fits_the_arithmetic_is_placed():
    # an empty cell before 5 1 0 0 0 0 and one after: 总计 missing at the end fits,
    # the figures moved one column to the right do not (5 under 商业企业, ...)
    row = "三、本年度办理结果 | （一）予以公开 | | 5 | 1 | 0 | 0 | 0 | 0 |"
    read = applications(DISCLOSED, row)
    at = read.line(row)
    assert read.values("disclosed", APPLICANTS) == [5, 1, 0, 0, 0, 0, None]
    assert [(f.line, f.column) for f in (read.report.figure(A, "disclosed", c)
                                         for c in APPLICANTS[:6])] == \
        [(at, column) for column in range(4, 10)]
    assert read.said("GP315", "GP302", "GP303", "GP305") == [
        ("GP315", Severity.WARNING, at, 4, 1,
         "row '（一）予以公开' has 8 cells for 7 columns, 2 of them empty; only one choice of "
         "the extra empty cells fits the template's arithmetic", None),
        ("GP302", Severity.WARNING, at, 10, 1,
         "row '（一）予以公开': the cell for 总计 is empty; taken as missing", None),
    ]


def test_spare_cells_that_no_arithmetic_tells_apart_place_only_what_every_choice_agrees_on():
    # an empty cell before 5 1 0 0 0 6 and one after: 6 figures and 7 columns either
    # way; only 社会公益组织 and 法律服务机构 hold 0 whichever cell is extra
    row = "三、本年度办理结果 | （一）予以公开 | | 5 | 1 | 0 | 0 | 0 | 6 |"
    read = applications(DISCLOSED, row)
    at = read.line(row)
    assert read.values("disclosed", APPLICANTS) == [None, None, None, 0, 0, None, None]
    assert read.said("GP303", "GP315", "GP302") == [
        ("GP303", Severity.ERROR, at, 4, 1,
         "row '（一）予以公开' has 8 cells for 7 columns, 2 of them empty: which empty cells "
         "are extra cannot be told; the figures under 社会公益组织, 法律服务机构 are the same "
         "whichever they are and are placed; 5, 1, 0, 0, 6 are not placed",
         "an empty cell where a figure is missing, and no separator after a row's last "
         "cell, tell"),
    ]


def test_an_empty_cell_among_the_figures_of_a_long_row_places_nothing():
    row = "规章 | 1 | | 2 | 3"
    read = disclosure(row)
    assert read.values("rules", DISCLOSURE) == [None, None, None]
    assert read.values("normative_documents", DISCLOSURE) == [4, 5, 6]
    assert read.said("GP303") == [
        ("GP303", Severity.ERROR, read.line(row), 2, 1,
         "row '规章' has 4 cells for 3 columns, an empty one among its figures; which cell "
         "is extra cannot be told, so none of them is placed", None)]


def test_too_many_choices_of_spare_empty_cells_places_nothing():
    # 17 empty cells and one figure for 7 columns: C(17, 11) = 12376 choices
    row = "三、本年度办理结果 | （一）予以公开 |" + " |" * 17 + " 5"
    read = applications(DISCLOSED, row)
    assert read.values("disclosed", APPLICANTS) == [None] * 7
    assert read.said("GP303") == [
        ("GP303", Severity.ERROR, read.line(row), 20, 1,
         "row '（一）予以公开' has 18 cells for 7 columns, 17 of them empty; which are extra "
         "cannot be told, so none of them is placed", None)]


def test_empty_cells_skipped_before_the_figures_are_one_note():
    # two empty cells, then four figures for three columns: both skipped as the rest of
    # a merged label cell, said once for the two (a note a cell was a note for every
    # line of an input of empty cells), and the extra figure places none
    row = "规章 | | | 1 | 2 | 3 | 4"
    read = disclosure(row)
    at = read.line(row)
    assert read.values("rules", DISCLOSURE) == [None, None, None]
    assert read.said("GP305", "GP303") == [
        ("GP305", Severity.NOTE, at, 2, 1,
         "row '规章': 2 empty cells before the figures are the rest of a merged label cell; "
         "skipped", None),
        ("GP303", Severity.ERROR, at, 7, 1,
         "row '规章' has 4 cells for 3 columns; which one is extra cannot be told, so none "
         "of them is placed", None)]


def test_two_empty_cells_before_two_figures_with_no_arithmetic_place_nothing():
    # one empty cell too many before 1 2: a merged label cell's rest and a missing
    # figure's (None 1 2), or two missing figures' and a stray 2 after (None None 1);
    # section 二 has no arithmetic to tell them apart
    row = "规章 | | | 1 | 2"
    read = disclosure(row)
    at = read.line(row)
    assert read.values("rules", DISCLOSURE) == [None, None, None]
    assert read.said("GP305", "GP302", "GP303") == [
        ("GP303", Severity.ERROR, at, 4, 1,
         "row '规章' has 4 cells for 3 columns; the empty cell before its figures may be the "
         "rest of a merged label cell or a missing figure's, and the template's arithmetic "
         "cannot tell: none of them is placed",
         "a missing figure written as 0 or -, or no separator after the label, tells")]
    assert read.values("normative_documents", DISCLOSURE) == [4, 5, 6]


def test_two_empty_cells_after_the_figures_one_of_them_the_missing_last_figure():
    row = "规章 | 1 | 2 | |"
    read = disclosure(row)
    assert read.values("rules", DISCLOSURE) == [1, 2, None]
    said = read.said("GP302", "GP303", "GP305", "GP314")
    # either empty cell may be taken for the missing figure's: both stand after 2
    assert [(code, line, message) for code, _, line, column, _, message, _ in said] == [
        ("GP302", read.line(row),
         "row '规章': the cell for 现行有效件数 is empty; taken as missing")]
    assert said[0][3] in (4, 5)


# ---------------------------------------------------------------- short rows


def test_a_short_row_whose_one_placement_fits_the_arithmetic():
    row = "（七）总计 | 10 | 2 | 0 | 1 | 0 | 0"
    read = applications(TOTAL_PROCESSED, row)
    assert read.values("total_processed", APPLICANTS) == [10, 2, 0, 1, 0, 0, None]
    assert read.said("GP315") == [
        ("GP315", Severity.WARNING, read.line(row), 2, 1,
         "row '（七）总计' has 6 figures for 7 columns; only one placement fits the "
         "template's arithmetic: 总计 is missing", None)]


def test_a_short_row_whose_least_broken_placement_is_placed():
    # 结转下年度 says 2 people where 本年新收 + 上年结转 - 办理结果 leave 1: every
    # placement of （七）总计's six figures breaks that, the right one nothing else
    row = "（七）总计 | 10 | 2 | 0 | 1 | 0 | 0"
    read = applications(TOTAL_PROCESSED, row,
                        (FORWARD, "四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2"))
    assert read.values("total_processed", APPLICANTS) == [10, 2, 0, 1, 0, 0, None]
    assert read.said("GP315") == [
        ("GP315", Severity.WARNING, read.line(row), 2, 1,
         "row '（七）总计' has 6 figures for 7 columns; no placement fits all of the "
         "template's arithmetic, and one placement breaks a single relation where every "
         "other breaks more: 总计 is missing",
         "govparse check names the relation that does not hold")]


def test_a_short_row_that_no_placement_fits_places_nothing():
    row = "三、本年度办理结果 | （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 7"
    read = applications(DISCLOSED, row)
    assert read.values("disclosed", APPLICANTS) == [None] * 7
    assert read.said("GP314") == [
        ("GP314", Severity.ERROR, read.line(row), 3, 1,
         "row '（一）予以公开' has 6 figures for 7 columns and nothing tells which columns "
         "they belong to (no empty cell marks the gap, no position under the header, and no "
         "placement fits the template's arithmetic); 5, 1, 0, 0, 0, 7 are not placed",
         "an empty cell, or a placeholder such as —, where a figure is missing tells")]


def test_a_short_row_that_every_placement_fits_places_nothing():
    # no relation in the first table: an empty cell then 1, for three columns
    row = "规章 | | 1"
    read = disclosure(row)
    assert read.values("rules", DISCLOSURE) == [None, None, None]
    assert read.said("GP314") == [
        ("GP314", Severity.ERROR, read.line(row), 2, 1,
         "row '规章' has 2 figures for 3 columns and nothing tells which columns they belong "
         "to (no empty cell marks the gap, no position under the header, and more "
         "placements fit the template's arithmetic); (empty), 1 are not placed",
         "an empty cell, or a placeholder such as —, where a figure is missing tells")]


def _positioned(rows) -> Document:
    blocks = [Title("某区2024年政府信息公开工作年度报告", TextLocation(1, 1))]
    line = 1
    for kind, name in SECTION_NAMES.items():
        line += 1
        blocks.append(Heading(name, TextLocation(line, 1)))
        if kind == D:
            placed = []
            for row in rows:
                line += 1
                placed.append([Cell(c, TextLocation(line, n)) if isinstance(c, str) else
                               Cell(c[0], TextLocation(line, n), x=c[1])
                               for n, c in enumerate(row, 1)])
            blocks.append(Table.from_rows(placed, TextLocation(3, 1)))
    return Document(tuple(blocks))


HEADER_AT = ["信息内容", ("本年制发件数", (100, 160)), ("本年废止件数", (170, 230)),
             ("现行有效件数", (240, 300))]
# A full row whose figures stand under their headers: what shows that the table's
# positions can be trusted (positions are used only where its full rows show it)
FULL_AT = ["行政规范性文件", ("11", (120, 140)), ("12", (190, 210)), ("13", (260, 280))]


def test_positions_under_the_header_name_the_columns_with_no_figure():
    rows = [HEADER_AT, ["规章", ("1553", (250, 280))], FULL_AT]
    report = read_document(_positioned(rows))
    rules = report.active_disclosure.rules
    assert (rules.issued.value, rules.repealed.value, rules.in_force.value) == (None, None, 1553)
    assert (rules.in_force.line, rules.in_force.column) == (5, 2)
    said = [(d.code, d.severity, d.line, d.column, d.message) for d in report.diagnostics
            if d.code in ("GP316", "GP314")]
    assert said == [("GP316", Severity.WARNING, 5, 2,
                     "row '规章': no figure stands under 本年制发件数, 本年废止件数; they are "
                     "taken as missing")]


@pytest.mark.parametrize("second_place", [(400, 460), (175, 235)],
                         ids=["in another place", "a little apart"])
def test_a_header_written_twice_in_two_places_gives_no_position(second_place):
    # 本年废止件数 stands at (170, 230) and again elsewhere (far off, or only a little
    # apart): it stands in no one place, so which is its column cannot be told
    second = ["信息内容", ("本年制发件数", (100, 160)), ("本年废止件数", second_place),
              ("现行有效件数", (240, 300))]
    rows = [HEADER_AT, second, ["规章", ("789", (180, 200)), ("1553", (250, 280))], FULL_AT]
    report = read_document(_positioned(rows))
    rules = report.active_disclosure.rules
    assert (rules.issued.value, rules.repealed.value, rules.in_force.value) == (None, None, None)
    codes = [d.code for d in report.diagnostics]
    assert "GP314" in codes and "GP316" not in codes


@pytest.mark.parametrize("full", [
    None,  # no full row: nothing shows that the positions hold
    # lynx counts a CJK character one column wide: its full rows stand askew under
    # the headers (12 under two of them), and so would a short row's figures
    ["行政规范性文件", ("11", (120, 140)), ("12", (150, 175)), ("13", (260, 280))],
    # a converter that moves a row's figures into the places of the empty cells it
    # drops: a full row stands in place, a short one does not, and nothing tells
    # which is which but the full rows of the other table ... here, one off
    ["行政规范性文件", ("11", (120, 140)), ("12", (250, 270)), ("13", (260, 280))],
], ids=["no full row", "a full row askew", "a full row out of place"])
def test_positions_are_used_only_where_the_full_rows_show_they_hold(full):
    rows = [HEADER_AT, ["规章", ("789", (180, 200)), ("1553", (250, 280))]]
    if full is not None:
        rows.append(full)
    report = read_document(_positioned(rows))
    rules = report.active_disclosure.rules
    assert (rules.issued.value, rules.repealed.value, rules.in_force.value) == (None, None, None)
    codes = [d.code for d in report.diagnostics]
    assert "GP314" in codes and "GP316" not in codes


# ---------------------------------------------------------------- a reader with no template


def _read_alone(rows, table=D):
    """A TableReader given no template: no arithmetic to ask."""
    sink = DiagnosticSink()
    cells = [[Cell(text, TextLocation(line, column)) for column, text in enumerate(row, 1)]
             for line, row in enumerate(rows, 1)]
    stream = stream_of(Table.from_rows(cells).rows, sink)
    reader = TableReader(catalogue("2021", table), sink)
    figures = reader.read(logical_rows(stream.cells), 1)
    return figures, [(d.code, d.line, d.column, d.message) for d in sink.items
                     if d.code not in ("GP205", "GP207")]


def test_without_a_template_a_short_row_is_not_placed():
    figures, said = _read_alone([DISCLOSURE_HEADER.split(" | "), ["规章", "1", "2"]])
    assert [figures[("rules", c)].value for c in DISCLOSURE] == [None, None, None]
    assert said == [("GP314", 2, 2,
                     "row '规章' has 2 figures for 3 columns and nothing tells which columns "
                     "they belong to (no empty cell marks the gap, no position under the "
                     "header, and the template's arithmetic cannot tell); 1, 2 are not placed")]


def test_without_a_template_an_empty_cell_before_the_figures_places_nothing():
    figures, said = _read_alone([DISCLOSURE_HEADER.split(" | "), ["规章", "", "", "1", "2"]])
    assert [figures[("rules", c)].value for c in DISCLOSURE] == [None, None, None]
    assert [s[:3] for s in said] == [("GP303", 2, 4)]


def test_without_a_template_spare_cells_no_arithmetic_tells_apart_place_what_all_agree_on():
    # an empty cell before 1 2 and one after, three columns: no arithmetic to ask
    figures, said = _read_alone([DISCLOSURE_HEADER.split(" | "), ["规章", "", "1", "2", "", ""]])
    assert [figures[("rules", c)].value for c in DISCLOSURE] == [None, None, None]
    assert [s[0] for s in said].count("GP303") == 1


# ---------------------------------------------------------------- labels and header


def test_a_row_label_wrapped_onto_the_next_line_is_read_whole():
    lines = list(APPLICATIONS)
    index = lines.index("4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0")
    lines[index:index + 1] = ["4.无正当理由大量反", "复申请 | 0 | 3 | 0 | 0 | 0 | 0 | 3"]
    read = Read(A, lines)
    assert read.values("not_processed_excessive", APPLICANTS) == [0, 3, 0, 0, 0, 0, 3]
    at = read.line("复申请 | 0 | 3 | 0 | 0 | 0 | 0 | 3")
    assert read.said("GP307") == [
        ("GP307", Severity.NOTE, at, 1, 3,
         "row label '4.无正当理由大量反' continues on the next line as '复申请'; read as "
         "'4.无正当理由大量反复申请'", None)]
    assert read.said("GP201", "GP204") == []



def test_a_row_label_wrapped_a_piece_a_line_over_six_lines_is_read_whole():
    # (a text layer that writes each line of a narrow cell apart, the figures by the
    # last: a browser's print read by pdfium, an office PDF's narrow label column)
    lines = list(APPLICATIONS)
    label = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    index = next(i for i, line in enumerate(lines) if line.startswith(label))
    pieces = ["2.申请人逾期未按收", "费通知要求缴", "纳费用、行政", "机关不再处理", "其政府信息公"]
    last = "开申请 | 1 | 2 | 0 | 0 | 0 | 0 | 3"
    lines[index:index + 1] = pieces + [last]
    read = Read(A, lines)
    assert read.values("other_no_fee_paid", APPLICANTS) == [1, 2, 0, 0, 0, 0, 3]
    (note,) = read.said("GP307")
    assert note[5] == ("row label '2.申请人逾期未按收' continues on the next lines as "
                       "'费通知要求缴' / '纳费用、行政' / '机关不再处理' / '其政府信息公' / "
                       f"'开申请'; read as '{label}'")
    assert read.said("GP201", "GP204") == []

def test_a_header_out_of_the_templates_order_is_said_with_the_order_figures_are_read_in():
    header = "信息内容 | 本年废止件数 | 本年制发件数 | 现行有效件数"
    read = Read(D, [header, "规章 | 1 | 2 | 3", NORMATIVE])
    assert read.values("rules", DISCLOSURE) == [2, 1, 3]  # under their headers
    assert read.said("GP209") == [
        ("GP209", Severity.WARNING, read.line(header), 3, 6,
         "the header names '本年制发件数' after a column the template puts after it; where "
         "the header (a line, or two lines of a group and its columns) names every column "
         "of a row, its figures are read in the header's order, else they are not placed "
         "(GP321); the template's order: 本年制发件数, 本年废止件数, 现行有效件数, "
         "本年处理决定数量, 本年收费金额（单位：万元）", None)]


def test_separator_lines_before_a_rows_figures_are_read_as_its_empty_cells():
    case = Case(Path("cases.txt"), "case", 1)
    case.table, case.mode = D, "grid"
    case.lines = ["信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数", "规章",
                  "{empty-rows=2}", "1 | 2 | 3", "行政规范性文件 | 4 | 5 | 6"]
    document, _ = build_document(case)
    report = read_document(document)
    rules = report.active_disclosure.rules
    assert (rules.issued.value, rules.repealed.value, rules.in_force.value) == (1, 2, 3)
    docs = report.active_disclosure.normative_documents
    assert (docs.issued.value, docs.repealed.value, docs.in_force.value) == (4, 5, 6)


# ---------------------------------------------------------------- the gap rule's arithmetic

ROW = ("r", "a"), ("r", "b"), ("r", "t")
TOTAL = (((("r", "t"),), (("r", "a"), ("r", "b"))),)  # t == a + b


def test_a_placement_is_supported_only_by_relations_that_hold():
    assert supported([1, 2, 3], ["a", "b", "t"], "r", TOTAL, {}, (0, 1, 2))
    assert not supported([1, 2, 4], ["a", "b", "t"], "r", TOTAL, {}, (0, 1, 2))


def test_a_relation_that_names_no_place_of_the_row_does_not_end_the_support():
    # the first relation is about another row only; the second confirms all three
    other = (((("s", "x"),), (("s", "y"),)),)
    assert supported([1, 2, 3], ["a", "b", "t"], "r", other + TOTAL, {}, (0, 1, 2))


def test_a_relation_with_an_unknown_supports_nothing():
    # t == a + b + c, c another row's and missing: 3 == 1 + 2 + c holds, but says nothing
    rel = (((("r", "t"),), (("r", "a"), ("r", "b"), ("s", "c"))),)
    assert not supported([1, 2, 3], ["a", "b", "t"], "r", rel, {}, (0, 1, 2))
    assert supported([1, 2, 3], ["a", "b", "t"], "r", rel, {("s", "c"): 0}, (0, 1, 2))


def test_support_is_decided_on_exact_sums_of_long_figures():
    # 10^30 + 1 is not 10^30, though the default 28 digits round them alike
    big = Decimal(10 ** 30)
    assert not supported([big, Decimal(1), big], ["a", "b", "t"], "r", TOTAL, {}, (0, 1, 2))
    assert supported([big, Decimal(1), Decimal(10 ** 30 + 1)], ["a", "b", "t"], "r", TOTAL, {},
                     (0, 1, 2))


def test_sums_past_the_default_exponent_range_are_exact():
    huge = Decimal("9E+999999")
    values = [huge, huge, Decimal("1.8E+1000000")]
    assert broken_counts(values, ["a", "b", "t"], "r", TOTAL, {}) == [((0, 1, 2), 0)]
    assert supported(values, ["a", "b", "t"], "r", TOTAL, {}, (0, 1, 2))
    assert broken_counts([huge, huge, huge], ["a", "b", "t"], "r", TOTAL, {}) == \
        [((0, 1, 2), 1)]


def test_sums_of_tiny_figures_are_exact():
    tiny = Decimal("1E-1500000000000000000")
    values = [tiny, tiny, Decimal("2E-1500000000000000000")]
    assert broken_counts(values, ["a", "b", "t"], "r", TOTAL, {}) == [((0, 1, 2), 0)]
    assert supported(values, ["a", "b", "t"], "r", TOTAL, {}, (0, 1, 2))


def test_readings_in_place_are_counted_on_exact_sums():
    # broken_counts_in_place, as broken_counts: past 28 digits, past the default
    # exponent range both ways
    big, huge = Decimal(10 ** 30), Decimal("9E+999999")
    tiny = Decimal("1E-1500000000000000000")
    columns = ["a", "b", "t"]
    assert broken_counts_in_place(
        [[big, Decimal(1), big], [big, Decimal(1), Decimal(10 ** 30 + 1)]],
        columns, "r", TOTAL, {}) == [1, 0]
    assert broken_counts_in_place(
        [[huge, huge, Decimal("1.8E+1000000")], [huge, huge, huge]],
        columns, "r", TOTAL, {}) == [0, 1]
    assert broken_counts_in_place(
        [[tiny, tiny, Decimal("2E-1500000000000000000")], [tiny, tiny, tiny]],
        columns, "r", TOTAL, {}) == [0, 1]


def test_unique_consistent_keeps_to_its_limit():
    # 3 in a breaks a == 0; in b it breaks nothing: one consistent placement of two
    rel = (((("r", "a"),), (("x", "y"),)),)
    known = {("x", "y"): 0}
    assert unique_consistent([3], ["a", "b"], "r", rel, known) == (1,)
    assert unique_consistent([3], ["a", "b"], "r", rel, known, limit=1) is None


def test_sums_of_tiny_figures_that_do_not_add_up_break_their_relation():
    tiny = Decimal("1E-1500000000000000000")
    assert broken_counts([tiny, tiny, tiny], ["a", "b", "t"], "r", TOTAL, {}) == [((0, 1, 2), 1)]
    assert not supported([tiny, tiny, tiny], ["a", "b", "t"], "r", TOTAL, {}, (0, 1, 2))


# ---------------------------------------------------------------- more short rows


def test_a_short_row_missing_two_figures_that_one_placement_fits():
    # 10 2 0 1 13 of 10 2 0 1 0 0 13: 1 can only stand under 社会公益组织 (the outcome
    # rows add up to 1 there alone), 0 between 2 and 1
    row = "（七）总计 | 10 | 2 | 0 | 1 | 13"
    read = applications(TOTAL_PROCESSED, row)
    assert read.values("total_processed", APPLICANTS) == [10, 2, 0, 1, None, None, 13]
    assert read.said("GP315", "GP314") == [
        ("GP315", Severity.WARNING, read.line(row), 2, 1,
         "row '（七）总计' has 5 figures for 7 columns; only one placement fits the "
         "template's arithmetic: 法律服务机构, 其他 are missing", None)]


def test_a_short_row_whose_best_placement_breaks_two_relations_places_nothing():
    # 结转下年度 wrong in two columns: the placement that breaks least breaks two
    # relations, and the row's figures are not placed
    row = "（七）总计 | 10 | 2 | 0 | 1 | 0 | 0"
    read = applications(TOTAL_PROCESSED, row,
                        (FORWARD, "四、结转下年度继续办理 | 2 | 1 | 0 | 0 | 0 | 0 | 3"))
    assert read.values("total_processed", APPLICANTS) == [None] * 7
    assert [s[:4] for s in read.said("GP315", "GP314")] == \
        [("GP314", Severity.ERROR, read.line(row), 2)]
    assert "no placement fits the template's arithmetic); 10, 2, 0, 1, 0, 0 are not placed" \
        in read.said("GP314")[0][5]


def test_a_short_row_of_one_figure_that_every_placement_fits_is_not_placed():
    row = "规章 | 1"
    read = disclosure(row)
    assert read.values("rules", DISCLOSURE) == [None, None, None]
    assert read.said("GP314") == [
        ("GP314", Severity.ERROR, read.line(row), 2, 1,
         "row '规章' has 1 figure for 3 columns and nothing tells which columns they belong "
         "to (no empty cell marks the gap, no position under the header, and more "
         "placements fit the template's arithmetic); 1 is not placed",
         "an empty cell, or a placeholder such as —, where a figure is missing tells")]


def test_a_position_under_the_header_names_the_one_column_with_no_figure():
    rows = [HEADER_AT, ["规章", ("789", (180, 200)), ("1553", (250, 280))], FULL_AT]
    report = read_document(_positioned(rows))
    rules = report.active_disclosure.rules
    assert (rules.issued.value, rules.repealed.value, rules.in_force.value) == (None, 789, 1553)
    said = [(d.code, d.line, d.column, d.message) for d in report.diagnostics
            if d.code in ("GP316", "GP314")]
    assert said == [("GP316", 5, 2, "row '规章': no figure stands under 本年制发件数; it is "
                     "taken as missing")]


# ---------------------------------------------------------------- more spare empty cells


@pytest.mark.parametrize("row, empty, unplaced", [
    # an empty cell before 1 2 and one after, no arithmetic in the first table: 1 2 _
    # or _ 1 2, and no column holds the same either way
    ("规章 | | 1 | 2 |", 2, "1, 2 are"),
    ("规章 | | 1 | |", 3, "1 is"),
])
def test_spare_cells_with_no_column_agreed_on_place_nothing(row, empty, unplaced):
    read = disclosure(row)
    assert read.values("rules", DISCLOSURE) == [None, None, None]
    assert read.said("GP303") == [
        ("GP303", Severity.ERROR, read.line(row), 3, 1,
         f"row '规章' has 4 cells for 3 columns, {empty} of them empty: which empty cells are "
         f"extra cannot be told; {unplaced} not placed",
         "an empty cell where a figure is missing, and no separator after a row's last "
         "cell, tell")]


def test_a_placeholder_every_choice_puts_in_one_column_is_said_to_be_no_figure():
    # _ — — _ for three columns: whichever empty cell is extra, 本年废止件数 holds —
    row = "规章 | | — | — |"
    read = disclosure(row)
    assert read.values("rules", DISCLOSURE) == [None, None, None]
    # (either — may be the one taken: both stand there under one choice or the other)
    assert [(code, line, message) for code, _, line, _, _, message, _ in read.said("GP304")] \
        == [("GP304", read.line(row),
             "row '规章': the cell for 本年废止件数 holds '—', not a figure; taken as missing")]


def test_a_label_close_to_several_rows_suggests_them_all():
    row = "行政 | 1 | 2 | 3"
    read = disclosure(row)
    assert read.said("GP204") == [
        ("GP204", Severity.ERROR, read.line(row), 1, 2,
         "figures follow '行政', which names no row of this table; they are not placed",
         "did you mean 行政处罚 or 行政强制 or 行政许可?")]


def test_a_column_label_before_the_rest_of_a_row_label_is_not_joined_to_it():
    # 2.其他 / 法律行政法规禁止公开: 其他 is a column's label, so the two are not read as
    # one wrapped label; the rest is close enough to the row's label to be read as it
    lines = list(APPLICATIONS)
    index = lines.index("2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0")
    rest = "法律行政法规禁止公开 | 0 | 3 | 0 | 0 | 0 | 0 | 3"
    lines[index:index + 1] = ["2.其他", rest]
    read = Read(A, lines)
    assert read.values("withheld_prohibited_by_law", APPLICANTS) == [0, 3, 0, 0, 0, 0, 3]
    assert read.said("GP307", "GP203", "GP201", "GP204") == [
        ("GP203", Severity.WARNING, read.line(rest), 1, 10,
         "row label '法律行政法规禁止公开' is not the template's; read as "
         "'2.其他法律行政法规禁止公开'", "did you mean 2.其他法律行政法规禁止公开?")]


def test_only_the_empty_cell_dropped_is_said_skipped():
    """Two empty cells before six figures in a row of seven columns: one is a merged
    label cell's rest (GP305), the other the missing figure's (GP302); no cell is
    both. The column totals confirm where the figures stand. (Found by mutation
    testing: every empty cell before the figures was noted.)"""
    import govparse
    from conftest import example_path

    row = "三、本年度办理结果\t（一）予以公开\t5\t1\t0\t0\t0\t0\t6"
    text = example_path("tab").read_text(encoding="utf-8")
    assert row in text
    report = govparse.parse(text.replace(row, row.replace("\t5\t", "\t\t\t")))
    disclosed = report.applications.disclosed
    assert (disclosed.natural_person.value, disclosed.commercial_enterprise.value,
            disclosed.total.value) == (None, 1, 6)
    line = text[:text.index(row)].count("\n") + 1
    places = [(d.code, d.line, d.column) for d in report.diagnostics if d.line == line]
    assert places == [("GP305", line, 19), ("GP302", line, 20)]
    assert [d.message for d in report.diagnostics if d.line == line] == [
        "row '（一）予以公开': an empty cell before the figures is the rest of a merged label "
        "cell; skipped",
        "row '（一）予以公开': the cell for 自然人 is empty; taken as missing"]


def test_a_header_over_two_lines_out_of_the_templates_order_is_followed():
    # the applications header: a line with 自然人, the group 法人或其他组织 and 总计,
    # and a line with the group's columns; here 科研机构 before 商业企业, and 总计 before
    # 自然人: the figures stand under their headers
    lines = list(APPLICATIONS)
    group = next(i for i, line in enumerate(lines) if line.startswith("商业企业"))
    lines[group] = lines[group].replace("商业企业 | 科研机构", "科研机构 | 商业企业")
    top = next(i for i, line in enumerate(lines) if "自然人" in line)
    lines[top] = lines[top].replace("自然人", "@").replace("总计", "自然人").replace("@", "总计")
    row = "一、本年新收政府信息公开申请数量 | 13 | 0 | 2 | 1 | 0 | 0 | 10"
    new = next(line for line in lines if line.startswith("一、本年新收"))
    read = Read(A, [row if line == new else line for line in lines])
    assert read.values("new_requests", APPLICANTS) == [10, 2, 0, 1, 0, 0, 13]
    assert "GP209" in [s[0] for s in read.said("GP209")]


def test_a_header_over_two_lines_that_names_a_column_twice_is_not_followed():
    lines = list(APPLICATIONS)
    group = next(i for i, line in enumerate(lines) if line.startswith("商业企业"))
    lines[group] = lines[group].replace("商业企业 | 科研机构", "科研机构 | 科研机构")
    read = Read(A, lines)
    # the template's order: the figures as the reference prints them
    assert read.values("new_requests", APPLICANTS) == Read(A, list(APPLICATIONS)).values(
        "new_requests", APPLICANTS)


# ---------------------------------------------------------------- a cell after a row's figures


def test_a_number_no_one_can_read_after_a_rows_figures_in_its_row_places_none_of_them():
    # 2 87 (an &nbsp; in the middle) after 规章's figures, in the same source row, the
    # table's last (a label after it would be the next row's, the cell its parent)
    read = Read(D, [DISCLOSURE_HEADER, NORMATIVE, "规章 | 1 | 2 | 3 | 2 87"])
    assert read.values("rules", DISCLOSURE) == [None, None, None]
    assert read.values("normative_documents", DISCLOSURE) == [4, 5, 6]
    line = read.line("规章 | 1 | 2 | 3 | 2 87")
    assert [s[:5] for s in read.said("GP313", "GP303")] == \
        [("GP313", Severity.ERROR, line, 5, 4)]


@pytest.mark.parametrize("after, code", [
    ("2 87", "GP313"),  # a number no one can read, on a line of its own
    ("*", "GP201"),  # a footnote mark on a line of its own
])
def test_a_cell_after_a_rows_figures_on_another_line_leaves_them_placed(after, code):
    read = Read(D, [DISCLOSURE_HEADER, NORMATIVE, "规章 | 1 | 2 | 3", after])
    assert read.values("rules", DISCLOSURE) == [1, 2, 3]
    assert [(s[0], s[2]) for s in read.said(code)] == [(code, read.line(after))]


def test_a_label_with_no_figures_after_a_rows_figures_leaves_them_placed():
    # the next row, with no figures, after separator lines
    case = Case(Path("cases.txt"), "case", 1)
    case.table, case.mode = D, "grid"
    case.lines = [DISCLOSURE_HEADER, "规章 | 1 | 2 | 3", "{empty-rows=2}", "行政规范性文件"]
    document, section = build_document(case)
    report = read_document(document)
    rules = report.active_disclosure.rules
    assert (rules.issued.value, rules.repealed.value, rules.in_force.value) == (1, 2, 3)
    assert report.active_disclosure.normative_documents.issued.value is None
    # the header, 规章, two separator lines, 行政规范性文件
    assert [(d.code, d.line) for d in report.diagnostics
            if d.code in ("GP301", "GP303") and d.line in section] == [("GP301", section.start + 5)]


def test_an_empty_line_before_a_rows_figures_is_dropped_and_the_empty_cell_beside_them_kept():
    # 规章, an empty line, then | 2 | 3: one cell too many, both empty ones before the
    # figures. The empty line is no figure's cell (dropped, GP305), so no arithmetic
    # is asked; the empty cell on the figures' line is 本年制发件数's (GP302)
    read = Read(D, [DISCLOSURE_HEADER, NORMATIVE, "规章", "{}", "| 2 | 3"])
    assert read.values("rules", DISCLOSURE) == [None, 2, 3]
    assert [s[:4] for s in read.said("GP305", "GP302", "GP303")] == [
        ("GP305", Severity.NOTE, read.line("{}"), 1),
        ("GP302", Severity.WARNING, read.line("| 2 | 3"), 1)]


def test_an_empty_cell_among_the_figures_and_a_trailing_one_place_nothing():
    # 规章 | 1 | | 3 |: four cells for three columns, the last a trailing separator's;
    # the empty one between 1 and 3 may be a missing figure's or a doubled
    # separator's, so which cell is extra cannot be told
    read = Read(D, [DISCLOSURE_HEADER, NORMATIVE, "规章 | 1 | | 3 |"])
    assert read.values("rules", DISCLOSURE) == [None, None, None]
    assert read.said("GP302", "GP303") == [
        ("GP303", Severity.ERROR, read.line("规章 | 1 | | 3 |"), 2, 1,
         "row '规章' has 4 cells for 3 columns, an empty one among its figures; which cell "
         "is extra cannot be told, so none of them is placed", None)]


def test_as_many_empty_cells_as_columns_before_a_figure_are_not_its_columns():
    # 规章 | | | | 1: three empty cells, then 1. Not a figure in every column and
    # empty cells after (the quick case); one of the empty cells is spare, and the
    # arithmetic cannot tell which: none placed, no empty cell said to be a figure's
    line = "规章 | | | | 1"
    read = Read(D, [DISCLOSURE_HEADER, NORMATIVE, line])
    assert read.values("rules", DISCLOSURE) == [None, None, None]
    assert [s[:4] for s in read.said("GP302", "GP303", "GP305")] == [
        ("GP303", Severity.ERROR, read.line(line), 5)]


@pytest.mark.parametrize("text, split", [
    ("商业 企业", True), ("结果\u3000维持", True), ("商业企业", False), (" 商业企业 ", False),
    ("第 1 项", False), ("1 000", False),
    ("\u4e00 \u4e00", True), ("\u9fff \u9fff", True),  # the ends of the range
    ("\u4dff \u4e00", False), ("\u4e00 \ua000", False),
    (" 商业企业", False), ("商 a", False)])  # no ideograph before the blank, or after it
def test_a_label_is_split_only_by_blanks_between_two_ideographs(text, split):
    # (called directly: the table reader asks through a cache of labels already seen)
    assert splits_a_word(text) is split


def test_a_header_over_two_lines_whose_top_names_a_column_twice_is_not_followed():
    # 总计 twice on the top line: the lines do not name every column once
    lines = list(APPLICATIONS)
    top = next(i for i, line in enumerate(lines) if "自然人" in line)
    lines[top] = "自然人 | 法人或其他组织 | 总计 | 总计"
    read = Read(A, lines)
    assert read.values("new_requests", APPLICANTS) == [10, 2, 0, 1, 0, 0, 13]
    assert read.values("carried_forward", APPLICANTS) == [1, 0, 0, 0, 0, 0, 1]


def test_a_header_line_as_long_as_the_groups_columns_is_not_taken_for_them():
    # the group's columns out of the template's order (科研机构 first), and another
    # header line of five column labels that are not the group's: the group's own
    # line still gives the order
    lines = list(APPLICATIONS)
    group = next(i for i, line in enumerate(lines) if line.startswith("商业企业"))
    lines[group] = lines[group].replace("商业企业 | 科研机构", "科研机构 | 商业企业")
    lines.insert(group + 1, "自然人 | 商业企业 | 科研机构 | 社会公益组织 | 总计")
    row = "一、本年新收政府信息公开申请数量 | 10 | 0 | 2 | 1 | 0 | 0 | 13"
    new = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    lines[new] = row
    read = Read(A, lines)
    assert read.values("new_requests", APPLICANTS) == [10, 2, 0, 1, 0, 0, 13]


def test_a_parent_and_its_row_label_in_one_cell_are_read_as_the_row():
    # （四）无法提供 and 1.本机关不掌握相关政府信息 in one cell (a real PDF's): close to the
    # row in words, numbered as its parent; no row numbered 4 starts with these words
    old = "（四）无法提供 | 1.本机关不掌握相关政府信息 | 2 | 0 | 0 | 1 | 0 | 0 | 3"
    new = "（四）无法提供 1.本机关不掌握相关政府信息 | 2 | 0 | 0 | 1 | 0 | 0 | 3"
    read = applications(old, new)
    assert read.values("unavailable_not_held", APPLICANTS) == [2, 0, 0, 1, 0, 0, 3]
    assert read.said("GP203", "GP204") == []
    assert read.said("GP210") == [
        ("GP210", Severity.NOTE, read.line(new), 1, len("（四）无法提供 1.本机关不掌握相关政府信息"),
         "'（四）无法提供 1.本机关不掌握相关政府信息' holds the labels of row "
         "'1.本机关不掌握相关政府信息' and of the rows above it, parted by blanks; read as "
         "'（四）无法提供' / '1.本机关不掌握相关政府信息'", None)]


SECRET = "（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0"
PARTIAL = "（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1"


@pytest.mark.parametrize("old, cell, row", [
    (DISCLOSED, "三、本年度办理结果 （一）予以公开", "disclosed"),
    (SECRET, "三、本年度办理结果 （三）不予公开 1.属于国家秘密", "withheld_state_secret"),
    (SECRET, "三、本年度办理结果\u3000（三）不予公开  1.属于国家秘密", "withheld_state_secret"),
    # a row's own label may hold a blank: the shortest tail that names a row is not it
    (PARTIAL, "三、本年度办理结果 （二）部分公开（区分处理的, 只计这一情形，不计其他情形）",
     "partially_disclosed"),
    # pdftotext -layout: a character of 三、本年度办理结果 written down its column, then
    # the row's label (its parent's character is left out)
    (DISCLOSED, "三 （一）予以公开", "disclosed"),
], ids=["a parent", "two parents", "other blanks", "a blank inside the row's label",
        "a character of a label written down its column"])
def test_a_row_label_and_its_parents_in_one_cell_are_read_apart(old, cell, row):
    # lynx and pdftotext print a row's labels with one blank between them: the
    # spaced layout keeps a label with a blank inside whole
    figures = old.split(" | ")[-7:]
    read = applications(old, " | ".join([cell, *figures]))
    assert read.values(row, APPLICANTS) == [int(f) for f in figures]
    assert [s[0] for s in read.said("GP210", "GP204", "GP203")] == ["GP210"]


def test_a_character_that_is_no_label_above_the_row_is_not_left_out():
    # 五 stands in no label above （一）予以公开: the cell names no row
    read = applications(DISCLOSED, "五 （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6")
    assert read.values("disclosed", APPLICANTS) == [None] * 7
    assert read.said("GP210") == []


def test_labels_in_one_cell_that_are_not_the_rows_own_path_are_not_parted():
    # （三）不予公开 is no label above （一）予以公开: the cell names no row
    old = DISCLOSED
    new = "（三）不予公开 （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6"
    read = applications(old, new)
    assert read.values("disclosed", APPLICANTS) == [None] * 7
    assert read.said("GP210") == []
    assert [s[0] for s in read.said("GP204")] == ["GP204"]


def test_a_row_label_written_without_its_number_is_read_as_the_row():
    old = "2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0"
    read = applications(old, "其他法律行政法规禁止公开 | 0 | 1 | 0 | 0 | 0 | 0 | 1")
    assert read.values("withheld_prohibited_by_law", APPLICANTS) == [0, 1, 0, 0, 0, 0, 1]
    assert read.said("GP203", "GP204") == []


# ---------------------------------------------------------------- an empty cell at a row's end


DUPLICATE = "2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1"


def test_a_figure_too_many_before_an_empty_last_cell_is_not_read_as_a_trailing_separator():
    # found by the placement property (a stray cell, in the tab and cells layouts): a
    # stray figure among a row's figures and its 总计 missing, written as an empty cell
    # at its end, read as seven figures and a trailing separator: 77 under 科研机构 and
    # every figure after it one column off, with nothing said. The table's rows end
    # with no separator, and read so the row's total is not the sum of its figures.
    read = applications(DUPLICATE, "2.重复申请 | 1 | 0 | 77 | 0 | 0 | 0 | 1 |")
    assert read.values("not_processed_duplicate", APPLICANTS) == [None] * 7
    said = read.said("GP303")
    assert [s[0] for s in said] == ["GP303"]
    assert "its total is not the sum of its figures" in said[0][5]


def test_an_empty_last_cell_after_a_full_row_whose_total_holds_is_a_trailing_separator():
    read = applications(DUPLICATE, "2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |")
    assert read.values("not_processed_duplicate", APPLICANTS) == [1, 0, 0, 0, 0, 0, 1]
    assert read.said("GP303") == []


def test_rows_that_end_with_a_separator_keep_their_figures_when_a_total_is_off():
    # every row ends with an empty cell (a trailing tab, a table's right border): the
    # separator is the table's way, and a row whose total is off is read as printed
    # (govparse check says the total is off)
    lines = [line + " |" if line[-1].isdigit() else line for line in APPLICATIONS]
    lines[lines.index(DUPLICATE + " |")] = "2.重复申请 | 1 | 0 | 77 | 0 | 0 | 0 | 1 |"
    read = Read(A, lines)
    assert read.values("not_processed_duplicate", APPLICANTS) == [1, 0, 77, 0, 0, 0, 1]
    assert read.said("GP303") == []


def test_a_header_cell_that_is_also_an_unnumbered_row_label_places_no_figures():
    # found by benchmarks/converters.py (a PDF through pdftotext without -layout: the
    # cells in reading order): the header cell 其他 stood just before the first row's
    # figures and was read as row 3.其他 without its number, which took the figures of
    # 一、本年新收…; the real 3.其他 further down was then ignored as a repeat
    first = "一、本年新收政府信息公开申请数量 | 10 | 2 | 0 | 1 | 0 | 0 | 13"
    read = applications(first, "其他 | 10 | 2 | 0 | 1 | 0 | 0 | 13")
    assert read.values("new_requests", APPLICANTS) == [None] * 7
    assert read.values("other_other", APPLICANTS) == [0] * 7  # its own line's
    said = read.said("GP204", "GP206")
    assert [s[0] for s in said] == ["GP204"]
    assert said[0][5] == ("figures follow '其他' before any row of the table; it is a "
                          "column's header as well as row '3.其他' without its number, and "
                          "which it is cannot be told, so they are not placed")


def test_a_total_row_written_short_after_the_table_s_rows_is_the_total_row():
    read = applications(TOTAL_PROCESSED, "总计 | 10 | 2 | 0 | 1 | 0 | 0 | 13")
    assert read.values("total_processed", APPLICANTS) == [10, 2, 0, 1, 0, 0, 13]
    assert read.said("GP204") == []


def test_a_row_that_appears_again_with_other_figures_places_neither():
    # which of the two is the row, and which a label misread (a header cell, a label
    # close to the row's), cannot be told: a wrong figure is worse than a missing one
    second = "2.重复申请 | 7 | 0 | 0 | 0 | 0 | 0 | 7"
    lines = list(APPLICATIONS)
    lines.insert(lines.index(DUPLICATE) + 1, second)
    read = Read(A, lines)
    assert read.values("not_processed_duplicate", APPLICANTS) == [None] * 7
    said = read.said("GP206")
    assert [(s[2], s[5]) for s in said] == [(read.line(second), (
        f"row '2.重复申请' appears again (first at line {read.line(DUPLICATE)}) with other "
        "figures; which are the row's cannot be told, so neither is placed"))]


def test_a_row_that_appears_again_with_the_same_figures_keeps_them():
    lines = list(APPLICATIONS)
    lines.insert(lines.index(DUPLICATE) + 1, DUPLICATE)
    read = Read(A, lines)
    assert read.values("not_processed_duplicate", APPLICANTS) == [1, 0, 0, 0, 0, 0, 1]
    assert [s[5] for s in read.said("GP206")] == [
        f"row '2.重复申请' appears again (first at line {read.line(DUPLICATE)}); the figures "
        "here are ignored"]


# A row of the first table has no total of its own: no relation of the template
# checks it, so only the width of the header line above tells a trailing separator
# from a cell too many.
LICENSING_HEADER = "信息内容 | 本年处理决定数量"
PENALTIES = ["行政处罚 | 7", "行政强制 | 8"]


def first_table(*rows: str) -> Read:
    return Read(D, [DISCLOSURE_HEADER, *rows, LICENSING_HEADER, *PENALTIES])


def test_a_cell_too_many_before_an_empty_last_cell_past_the_header_places_nothing():
    # found by the placement property (a stray cell, tab layout, seeds 21464 and 8293):
    # 规章 1730 789, its 现行有效件数 missing (an empty last cell), and a stray number
    # before the empty cell: read as three figures and a trailing separator, the
    # stray under 现行有效件数, nothing said. The table's rows end with no separator,
    # and the row has a cell more than its header line has columns.
    row = "规章 | 1730 | 789 | 1000000000401 |"
    read = first_table(row, NORMATIVE)
    assert read.values("rules", DISCLOSURE) == [None] * 3
    assert read.values("normative_documents", DISCLOSURE) == [4, 5, 6]
    assert read.values("administrative_penalty", ("decisions",)) == [7]
    said = read.said("GP303")
    assert [s[:4] for s in said] == [("GP303", Severity.ERROR, read.line(row), 2)]
    assert "more than the header line above it has" in said[0][5]


def test_a_cell_too_many_under_a_sub_table_s_header_places_nothing():
    # (seed 8293, on the 2021 template): 行政许可 with its one figure, and a stray
    # before it and an empty cell after it
    row = "行政许可 | 1000000000127 | 1674 |"
    read = Read(D, [DISCLOSURE_HEADER, "规章 | 1 | 2 | 3", NORMATIVE, LICENSING_HEADER, row,
                    *PENALTIES])
    assert read.values("administrative_licensing", ("decisions",)) == [None]
    assert read.values("administrative_coercion", ("decisions",)) == [8]
    assert [s[:3] for s in read.said("GP303")] == [("GP303", Severity.ERROR, read.line(row))]


def test_an_empty_last_cell_the_header_line_has_too_is_no_cell_too_many():
    # pandoc's grid of the first table: a sub-table of fewer columns in a grid of
    # three leaves empty last cells in its header line and in its rows alike
    read = Read(D, [DISCLOSURE_HEADER, "规章 | 1 | 2 | 3", NORMATIVE,
                    LICENSING_HEADER + " | |", "行政许可 | 9487 | |", *PENALTIES])
    assert read.values("administrative_licensing", ("decisions",)) == [9487]
    assert read.said("GP303") == []


def test_rows_that_end_with_a_separator_keep_a_row_past_its_header():
    # where the table's rows end with a separator (a trailing tab everywhere), a
    # row's empty last cell is the table's way of ending rows
    read = Read(D, [DISCLOSURE_HEADER, "规章 | 1730 | 789 | 17 |", NORMATIVE + " |",
                    LICENSING_HEADER, *[row + " |" for row in PENALTIES]])
    assert read.values("rules", DISCLOSURE) == [1730, 789, 17]
    assert read.said("GP303") == []


# A row label wrapped in its cell, over lines that hold other cells' text as well
# (pdftotext -layout of a PDF table: the characters of the vertical label 三、本年度办理
# 结果 one a line, a parent label's end, a blank between): found by
# benchmarks/converters.py, where these rows were most of what pdftotext lost.
NO_CORRECTION = ("（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
                 " | 0 | 1 | 0 | 0 | 0 | 0 | 1")
NO_FEE = APPLICATIONS[APPLICATIONS.index(NO_CORRECTION) + 1]


def wrapped(row: str, *lines: str) -> Read:
    at = APPLICATIONS.index(row)
    return Read(A, APPLICATIONS[:at] + list(lines) + APPLICATIONS[at + 1:])


def test_a_label_wrapped_over_the_line_above_with_a_vertical_label_s_characters():
    read = wrapped(PARTIAL, "、 （二）部分公开（区分处理的，只计这一情",
                   "本 形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1")
    assert read.values("partially_disclosed", APPLICANTS) == [1, 0, 0, 0, 0, 0, 1]
    assert read.said("GP204", "GP201") == []
    said = read.said("GP307")  # (and a note that 本 形 is split by a space)
    assert said[-1][5] == ("row label wrapped in its cell over '、 （二）部分公开（区分处理的，只计这一情' "
                          "/ '本 形，不计其他情形）'; read as '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'")


def test_a_label_wrapped_above_and_below_its_figures_with_a_parent_label_s_end():
    read = wrapped(NO_CORRECTION, "（六）其他处 1.申请人无正当理由逾期不补",
                   "理 | 正、行政机关不再处理其政府 | 0 | 1 | 0 | 0 | 0 | 0 | 1",
                   "信息公开申请")
    assert read.values("other_no_correction", APPLICANTS) == [0, 1, 0, 0, 0, 0, 1]
    assert read.said("GP204") == []


def test_a_label_wrapped_above_and_below_its_figures():
    read = wrapped(NO_FEE, "2.申请人逾期未按收费通知要",
                   "求缴纳费用、行政机关不再处 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
                   "理其政府信息公开申请")
    assert read.values("other_no_fee_paid", APPLICANTS) == [0] * 7
    assert read.said("GP204", "GP201") == []


def test_pieces_that_do_not_make_the_row_s_label_are_not_joined():
    # the line above ends another label: the figures name no row, and are not placed
    read = wrapped(NO_FEE, "2.申请人逾期未按收费通知要求缴纳",
                   "求缴纳费用、行政机关不再处 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
                   "理其政府信息公开申请")
    assert read.values("other_no_fee_paid", APPLICANTS) == [None] * 7
    assert [s[0] for s in read.said("GP204")] == ["GP204"]


def test_a_parent_label_wrapped_in_its_cell_before_the_row_s_label():
    # 度 （三）不予公 1.属于国家秘密: 度 of the vertical label, the parent （三）不予公开
    # whose 开 stands on the next line, the row's own label
    read = wrapped(SECRET, "度 （三）不予公 1.属于国家秘密 | 2 | 0 | 0 | 0 | 0 | 0 | 2",
                   "办 开")
    assert read.values("withheld_state_secret", APPLICANTS) == [2, 0, 0, 0, 0, 0, 2]
    assert [s[0] for s in read.said("GP210")] == ["GP210"]


def test_a_label_wrapped_over_three_lines_before_its_figures():
    # a PDF's text layer: each line of a label cell a line of the text, then the
    # row's figures on a line of their own
    read = wrapped(NO_CORRECTION, "1.申请人无正当理由逾期不补", "正、行政机关不再处理其政府",
                   "信息公开申请 | 0 | 1 | 0 | 0 | 0 | 0 | 1")
    assert read.values("other_no_correction", APPLICANTS) == [0, 1, 0, 0, 0, 0, 1]
    assert [s[0] for s in read.said("GP307", "GP204")] == ["GP307"]


def test_three_lines_that_are_not_one_label_are_not_joined():
    # the first line is a label of the table of its own: nothing is joined past it
    read = wrapped(NO_CORRECTION, "（六）其他处理", "正、行政机关不再处理其政府",
                   "信息公开申请 | 0 | 1 | 0 | 0 | 0 | 0 | 1")
    assert read.values("other_no_correction", APPLICANTS) == [None] * 7
    assert [s[0] for s in read.said("GP204")] == ["GP204"]


OTHER_PROCESSING = APPLICATIONS[23:26]  # （六）其他处理's three rows


def test_a_label_cut_short_of_a_parent_row_is_not_read_as_a_row_close_in_words():
    # found by the placement property (mixed damage, tab layout, seed 30061): the
    # 2019 table's row （六）其他处理 (a row with figures there, the parent of
    # 1./2./3.其他 in 2021) cut short to （六）其他处 in a 2021 table. 其他处 is close to
    # 3.其他's words, and no row but the parent starts with its words and number: its
    # figures were read as 3.其他's (GP203).
    row = "（六）其他处 | 3 | 0 | 0 | 0 | 0 | 0 | 3"
    lines = list(APPLICATIONS)
    at = lines.index(OTHER_PROCESSING[0])
    lines[at:at + 3] = [row, "理"]
    read = Read(A, lines)
    assert read.values("other_other", APPLICANTS) == [None] * 7
    assert read.said("GP203", "GP204") == [
        ("GP204", Severity.ERROR, read.line(row), 1, 6,
         "figures follow '（六）其他处', whose words are close to row '3.其他', but whose "
         "number is that of row '（六）其他处理', which starts with its words; they are not "
         "placed", "a label cut short? the template has '（六）其他处理'")]


def _with_header(header: list[str], figures: str) -> Read:
    """The applications table with its two header lines replaced by ``header`` and its
    first row's figures by ``figures``."""
    lines = list(APPLICATIONS)
    at = lines.index("自然人 | 法人或其他组织 | 总计")
    lines[at:at + 2] = header
    first = "一、本年新收政府信息公开申请数量 | 10 | 2 | 0 | 1 | 0 | 0 | 13"
    lines[lines.index(first)] = f"一、本年新收政府信息公开申请数量 | {figures}"
    return Read(A, lines)


def test_a_header_line_parted_by_a_blank_line_is_read_with_the_line_it_continues():
    # found by the placement property (cells layout, swap_columns and blank_lines, seed
    # 30069): 总计 on a header line of its own after 自然人 | 法人或其他组织, the group's
    # columns in another order below: read in the template's order, 社会公益组织 and
    # 其他 were swapped in every row. The three lines are one header, in reading order.
    read = _with_header(["自然人 | 法人或其他组织", "总计",
                         "商业企业 | 科研机构 | 其他 | 法律服务机构 | 社会公益组织"],
                        "10 | 2 | 0 | 7 | 0 | 3 | 22")
    assert read.values("new_requests", APPLICANTS) == [10, 2, 0, 3, 0, 7, 22]
    assert [s[0] for s in read.said("GP209")] == ["GP209"]  # (the order is said)


def test_the_group_columns_over_header_lines_parted_by_a_blank_line_are_read_as_one_line():
    # found by the placement property (cells layout, swap_columns, reorder_header_rows
    # and blank_lines, seed 32082): the group's columns over two header lines (商业企业,
    # a blank line, 科研机构 …) under 总计 | 法人或其他组织 | 自然人. No line named all
    # of them, so the rows were read in the template's order: 总计's figure as 自然人's
    # and 自然人's as 总计's in every row. The two lines are the group's, in reading order.
    read = _with_header(["总计 | 法人或其他组织 | 自然人", "商业企业",
                         "科研机构 | 社会公益组织 | 法律服务机构 | 其他"],
                        "23 | 2 | 0 | 7 | 0 | 3 | 11")
    assert read.values("new_requests", APPLICANTS) == [11, 2, 0, 7, 0, 3, 23]
    assert [s[0] for s in read.said("GP209")] == ["GP209"]  # (the order is said)


def test_rows_the_header_gives_no_order_for_are_not_read_in_the_template_s_when_it_disagrees():
    # the group's columns on lines apart, another header line between them: no line
    # or pair of lines gives every column's place, and 总计 | 法人或其他组织 | 自然人
    # says the template's order is not the text's. Read in the template's order, 总计's
    # figure would be 自然人's: none is placed (GP321), where before it was
    read = _with_header(["总计 | 法人或其他组织 | 自然人", "商业企业 | 科研机构",
                         "申请人情况", "社会公益组织 | 法律服务机构 | 其他"],
                        "23 | 2 | 0 | 7 | 0 | 3 | 11")
    assert read.values("new_requests", APPLICANTS) == [None] * 7
    assert [s[0] for s in read.said("GP209", "GP321")] == ["GP209", "GP321"]
    (said,) = read.said("GP321")
    assert said[1] == Severity.ERROR and "none of them is placed" in said[5]
