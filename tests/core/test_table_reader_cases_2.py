"""More cases for the table reader (govparse.core.table_reader) and the gap rule
(govparse.core.gaps), written for the mutants that survived in the functions added
or changed since the measurement at c6bd386 (docs/testing.md, "Mutation testing"):
the columns a table's full rows stand in, a row's own totals, rows wrapped as a
whole, rows read in the template's order under a header out of it (GP321), the
positions a table's full rows (or an earlier table's) vouch for, spare empty cells
placed by position, a row that appears again. Each states where the figures of a row
land, at their (table, row, column), or the diagnostic that says they are missing,
with its code and place.

Tables laid out in spaces are read from text (govparse.parse), as a converter
prints them, so that each cell has the place on its line that the reader measures;
tables with extents are built as Documents, each cell with its (x0, x1).
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

import pytest

import govparse
from govparse.api import read_document
from govparse.core.gaps import MIN_FULL_ROWS, RowRelations, columns_of_full_rows
from govparse.diagnostics import Severity
from govparse.document import Cell, Document, Heading, Table, TextLocation, Title
from govparse.model.report import Figure
from govparse.template.sections import SECTION_NAMES

from conftest import EXAMPLES
from test_table_reader_cases import A, D, DISCLOSURE, DISCLOSURE_HEADER, NORMATIVE, Read

# ---------------------------------------------------------------- columns of full rows

# Three full rows of two figures, their labels ending 3 apart (more than the widest
# figure, 2): the columns are what every row's figure in them covers.
AGREEING = [([(10, 12), (20, 22)], 2), ([(11, 13), (20, 21)], 5), ([(10, 13), (19, 22)], 8)]


def test_the_columns_of_full_rows_are_what_each_row_s_figure_in_them_covers():
    assert MIN_FULL_ROWS == 3
    assert columns_of_full_rows(AGREEING) == [(11, 12), (20, 21)]
    # in another order the same
    assert columns_of_full_rows(AGREEING[::-1]) == [(11, 12), (20, 21)]


def test_fewer_full_rows_than_three_give_no_columns():
    assert columns_of_full_rows(AGREEING[:2]) is None
    assert columns_of_full_rows([]) is None


def test_a_row_of_one_figure_gives_no_columns():
    assert columns_of_full_rows([([(10, 12)], 2), ([(10, 12)], 5), ([(10, 12)], 8)]) is None


def test_the_rows_are_taken_only_as_long_as_they_agree():
    # a row of another width after two that agree: the third agreeing row after it
    # is not taken (a converter's next page, laid out on a grid of its own)
    other = ([(10, 12), (20, 22), (30, 32)], 9)
    assert columns_of_full_rows([*AGREEING[:2], other, AGREEING[2]]) is None
    assert columns_of_full_rows([*AGREEING, other]) == [(11, 12), (20, 21)]
    # a row whose figure shares no place with the column's so far ends the run
    apart = ([(12, 14), (20, 22)], 11)  # (12, 14) and (11, 12) only touch
    assert columns_of_full_rows([*AGREEING[:2], apart, AGREEING[2]]) is None
    assert columns_of_full_rows([*AGREEING, apart]) == [(11, 12), (20, 21)]
    overlapping = ([(11.5, 14), (20, 22)], 11)  # shares (11.5, 12)
    assert columns_of_full_rows([*AGREEING, overlapping]) == [(11.5, 12), (20, 21)]


def test_rows_whose_figures_in_two_columns_overlap_end_the_run():
    # the figures of the first column reach 18, those of the second start at 17
    wide = ([(10, 18), (17, 22)], 30)
    assert columns_of_full_rows([*AGREEING, wide]) == [(11, 12), (20, 21)]
    assert columns_of_full_rows([wide, *AGREEING]) is None
    # touching is not overlapping: 10-19 and 19-22 stand apart
    touching = ([(11, 19), (19, 22)], 30)
    assert columns_of_full_rows([*AGREEING, touching]) == [(11, 12), (20, 21)]
    assert columns_of_full_rows([touching, *AGREEING]) == [(11, 12), (20, 21)]
    # a row that agrees with every column's place, but whose figure in the first
    # column reaches past the start of the second column's figures so far
    reaching = ([(11, 20.5), (20, 21)], 30)
    assert columns_of_full_rows([*AGREEING, reaching]) == [(11, 12), (20, 21)]
    assert columns_of_full_rows([*AGREEING[:2], reaching, AGREEING[2]]) is None


def test_labels_that_end_no_further_apart_than_the_widest_figure_give_no_columns():
    # the label ends 2, 5, 8 are 6 apart; the widest figure 3 wide (10-13)
    assert columns_of_full_rows(AGREEING) is not None
    wider = ([(10, 16), (20, 22)], 5)  # 6 wide: as far as the labels' ends
    assert columns_of_full_rows([AGREEING[0], wider, AGREEING[2]]) is None
    narrower = ([(10, 15.5), (20, 22)], 5)
    assert columns_of_full_rows([AGREEING[0], narrower, AGREEING[2]]) == [(10, 12), (20, 22)]
    # narrow figures (a point wide) whose labels end less than a point apart
    narrow = [([(10, 10.5), (20, 20.5)], 1.0), ([(10, 10.5), (20, 20.5)], 1.4),
              ([(10.1, 10.5), (20, 20.4)], 1.8)]
    assert columns_of_full_rows(narrow) == [(10.1, 10.5), (20, 20.4)]
    # the widest figure of the rows taken, not only of the first
    assert columns_of_full_rows([([(10, 10.5), (20, 20.5)], 1.0),
                                 ([(10, 10.5), (20, 20.9)], 1.4),
                                 ([(10, 10.5), (20, 20.5)], 1.8)]) is None


@pytest.mark.parametrize("second", [[(18, 22), (20, 22)], [(20, 22), (18, 22)]],
                         ids=["the first row's", "the second row's"])
def test_a_column_s_figures_reach_as_far_left_as_the_furthest_of_them(second):
    # the second column's figures start at 18 in one of the two rows: a third row
    # whose first figure reaches 19 overlaps them, and ends the run
    rows = [([(10, 12), second[0]], 2), ([(11, 13), second[1]], 10),
            ([(11, 19), (20, 21)], 20)]
    assert columns_of_full_rows(rows) is None
    # reaching 17.5, it overlaps none: the columns are taken from the three rows
    rows[2] = ([(11, 17.5), (20, 21)], 20)
    assert columns_of_full_rows(rows) == [(11, 12), (20, 21)]


# ---------------------------------------------------------------- a row's own relations

COLUMNS = ["a", "b", "t"]
TOTAL = (((("r", "t"),), (("r", "a"), ("r", "b"))),)  # t == a + b
OTHER = (((("r", "t"),), (("s", "x"),)),)  # t == another row's x


def test_a_row_s_own_total_confirms_its_figures_only_when_it_holds_with_every_figure():
    own = RowRelations(COLUMNS, "r", TOTAL)
    assert own.own_confirm([1, 2, 3])
    assert not own.own_confirm([1, 2, 4])
    assert not own.own_confirm([1, None, 3])  # (a cell that is no number)
    assert not own.own_confirm([1, 2, 3, 9])  # (a value more than the row has columns)
    # a relation with another row's place is no relation of the row alone
    assert not RowRelations(COLUMNS, "r", OTHER).own_confirm([1, 2, 3])
    assert not RowRelations(COLUMNS, "r", OTHER).own_confirm([1, 2, 1])
    # the row's own relations must name every column between them
    assert not RowRelations(["a", "b", "t", "u"], "r", TOTAL).own_confirm([1, 2, 3, 0])
    both = TOTAL + (((("r", "u"),), (("r", "t"),)),)  # u == t as well
    assert RowRelations(["a", "b", "t", "u"], "r", both).own_confirm([1, 2, 3, 3])
    assert not RowRelations(["a", "b", "t", "u"], "r", both).own_confirm([1, 2, 3, 4])


def test_a_row_s_own_total_is_decided_on_exact_sums():
    big, huge = Decimal(10 ** 30), Decimal("9E+999999")
    tiny = Decimal("1E-1500000000000000000")
    own = RowRelations(COLUMNS, "r", TOTAL)
    assert not own.own_confirm([big, Decimal(1), big])
    assert own.own_confirm([big, Decimal(1), Decimal(10 ** 30 + 1)])
    assert own.own_confirm([huge, huge, Decimal("1.8E+1000000")])
    assert not own.own_confirm([huge, huge, huge])
    assert own.own_confirm([tiny, tiny, Decimal("2E-1500000000000000000")])
    assert not own.own_confirm([tiny, tiny, tiny])
    assert own.own_broken([big, Decimal(1), big])
    assert not own.own_broken([big, Decimal(1), Decimal(10 ** 30 + 1)])
    assert not own.own_broken([huge, huge, Decimal("1.8E+1000000")])
    assert own.own_broken([huge, huge, huge])
    assert not own.own_broken([tiny, tiny, Decimal("2E-1500000000000000000")])
    assert own.own_broken([tiny, tiny, tiny])


# ---------------------------------------------------------------- rows wrapped as a whole

# The example report printed in the aligned layout (a space-aligned table, as lynx or
# pdftotext -layout writes one): each cell has its place on its line.
APPLICANTS = ("natural_person", "commercial_enterprise", "research_institution",
              "social_welfare_org", "legal_service_org", "other_org", "total")
DUPLICATE = ("applications", "not_processed_duplicate")  # 2.重复申请: 1 0 0 0 0 0 1


@functools.cache
def _printed_aligned() -> tuple[str, ...]:
    printed = govparse.parse_file(EXAMPLES / "report-2024-tab.txt")
    return tuple(govparse.dumps(printed, "aligned").split("\n"))


def _aligned() -> list[str]:
    return list(_printed_aligned())


def _wrapped(label: str, parts: tuple[int, ...], indents: tuple[int, ...]) -> str:
    """The aligned report with the row of ``label`` wrapped: its first parts[0]
    figures on the label's line, then parts[1], ... figures a line (0: an empty
    line), each line after the first starting at its indent."""
    lines = _aligned()
    at = next(i for i, line in enumerate(lines) if label in line)
    line = lines[at]
    figures = [m.span() for m in re.finditer(r"\S+", line)][-7:]
    out, k = [line[:figures[parts[0]][0]].rstrip()], parts[0]
    for n, indent in zip(parts[1:], indents):
        out.append(" " * indent + line[figures[k][0]:figures[k + n - 1][1]] if n else "")
        k += n
    lines[at:at + 1] = out
    return "\n".join(lines)


def _values(report, key):
    return [report.figure(*key, c).value for c in APPLICANTS]


def _stacked(report) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.message.split("'")[1]) for d in report.diagnostics
            if d.code == "GP320"]


# 2.重复申请 on line 47, its label from column 41 (display columns 41-50), its
# first figure 1 at column 87
@pytest.mark.parametrize("indent, total_at", [(40, 91), (85, 136)],
                         ids=["under the label", "up to the first figure"])
def test_a_row_wrapped_after_two_figures_is_read(indent, total_at):
    # the line wrapped after 1 0, the rest from the row's left edge: a wrapped line
    # with two figures on its first line, the second line's first figure ending
    # where the row's first figure starts at the furthest
    report = govparse.parse(_wrapped("2.重复申请", (2, 5), (indent,)))
    assert _values(report, DUPLICATE) == [1, 0, 0, 0, 0, 0, 1]
    assert _stacked(report) == []
    figure = report.figure(*DUPLICATE, "total")
    assert (figure.line, figure.column) == (48, total_at)  # (the total 50 after the 0)


def test_a_row_whose_wrapped_line_starts_under_its_first_figure_is_not_read():
    report = govparse.parse(_wrapped("2.重复申请", (2, 5), (86,)))
    assert _values(report, DUPLICATE) == [None] * 7
    assert _stacked(report)[0] == (48, 87, "2.重复申请")
    said = next(d for d in report.diagnostics if d.code == "GP320")
    assert (said.severity, said.line, said.column, said.length) == (Severity.ERROR, 48, 87, 1)
    assert said.message == (
        "row '2.重复申请': '1' (line 47) and '0' (line 48) stand one above the other in one "
        "column; a number wrapped inside its cell cannot be told from two figures, so none "
        "of the row's figures is placed")
    assert said.hint == "a number wrapped in its cell? (read together: 10)"


@pytest.mark.parametrize("parts", [(3, 1, 3), (3, 0, 4)],
                         ids=["one figure on a line", "an empty line between"])
def test_a_row_over_three_lines_with_fewer_than_two_figures_on_one_is_not_read(parts):
    # the row's totals hold, but a line of one figure (or none) before the last is
    # no line wrapped: each line a converter wraps holds what fits on it
    report = govparse.parse(_wrapped("2.重复申请", parts, (40, 40)))
    assert _values(report, DUPLICATE) == [None] * 7
    assert [s[:2] for s in _stacked(report)] == [(49, 41)]


def test_a_row_whose_figures_start_on_the_line_after_its_label_is_no_wrapped_line():
    # 2.重复申请 alone on its line, its figures over the next two: they do not run on
    # from the label's line (figures a line after their label may be another row's)
    lines = _aligned()
    at = next(i for i, line in enumerate(lines) if "2.重复申请" in line)
    line = lines[at]
    figures = [m.span() for m in re.finditer(r"\S+", line)][-7:]
    lines[at:at + 1] = [line[:figures[0][0]].rstrip(),
                        " " * figures[0][0] + line[figures[0][0]:figures[3][1]],
                        " " * 40 + line[figures[4][0]:]]
    report = govparse.parse("\n".join(lines))
    assert _values(report, DUPLICATE) == [None] * 7
    assert [s[2] for s in _stacked(report)][:1] == ["2.重复申请"]


REVIEW = [("administrative_review", "upheld"), ("administrative_review", "corrected"),
          ("administrative_review", "other"), ("administrative_review", "pending"),
          ("administrative_review", "total")]


def _review(report) -> list:
    return [report.figure("review_litigation", *key).value for key in REVIEW]


@pytest.mark.parametrize("indent, read", [(3, [10, 0, 0, 1, 11]), (4, [None] * 5)],
                         ids=["at the first figure's left edge", "a column right of it"])
def test_the_review_table_s_wrapped_line_goes_on_at_its_first_figure_s_left_edge(indent, read):
    # the review table's one row of figures (from column 4: 10 0 0 1 11 1 …) wrapped
    # after its eleventh figure; the rest on the next line from its left edge is read
    # (its totals hold), from a column further right (under the 10) it is no wrapped
    # line: none of its figures is placed
    printed = govparse.parse_file(EXAMPLES / "report-2024-tab.txt")
    for (row, column), value in zip(REVIEW[::4], (10, 11)):
        printed = printed.replace_figure("review_litigation", row, column, Figure(value=value))
    lines = govparse.dumps(printed, "aligned").split("\n")
    at = next(i for i, line in enumerate(lines) if line.split() and len(line.split()) == 15
              and all(word.isdigit() for word in line.split()))
    line = lines[at]
    assert line.startswith("   10 ")
    cut = [m.start() for m in re.finditer(r"\S+", line)][11]
    lines[at:at + 1] = [line[:cut].rstrip(), " " * indent + line[cut:].strip()]
    report = govparse.parse("\n".join(lines))
    assert _review(report) == read
    assert report.figure("review_litigation", "litigation_direct", "total").value == \
        (1 if read[0] is not None else None)
    said = [(d.line, d.column) for d in report.diagnostics if d.code == "GP320"]
    assert said == ([] if read[0] is not None else [(at + 2, indent + 1)])


# ---------------------------------------------------------------- rows read in the template's order


GP321_HINT = "a header line that names every column of a row gives the order"


def _gp321(count: str) -> str:
    return ("the header names the columns in another order than the template's but gives "
            f"no place for every column of {count}; read in the template's order, their "
            "figures could stand under the wrong columns, so none of them is placed")


@pytest.mark.parametrize("normative, count", [
    (NORMATIVE, "2 rows"),
    ("行政规范性文件 | | |", "1 row"),  # a row with no figure is not counted
], ids=["two rows", "one row"])
def test_rows_read_in_the_template_s_order_under_a_header_out_of_it_are_counted(normative, count):
    # 本年废止件数 | 本年制发件数 on one header line, 现行有效件数 on the next: no line
    # names every column of a row, and the first names two out of the template's order
    header = "信息内容 | 本年废止件数 | 本年制发件数"
    read = Read(D, [header, "现行有效件数", "规章 | 1 | 2 | 3", normative,
                    "信息内容 | 本年处理决定数量", "行政许可 | 7"])
    assert read.values("rules", DISCLOSURE) == [None] * 3
    assert read.values("normative_documents", DISCLOSURE) == [None] * 3
    assert read.values("administrative_licensing", ("decisions",)) == [7]
    at = read.line(header)
    assert [s[:5] for s in read.said("GP209")] == [("GP209", Severity.WARNING, at, 3, 6)]
    assert read.said("GP321") == [("GP321", Severity.ERROR, at, 3, 6, _gp321(count), GP321_HINT)]


def test_rows_with_no_figures_under_a_header_out_of_the_template_s_order_say_nothing_more():
    read = Read(D, ["信息内容 | 本年废止件数 | 本年制发件数", "现行有效件数", "规章 | | |",
                    "行政规范性文件 | | |"])
    assert [s[0] for s in read.said("GP209", "GP321")] == ["GP209"]


# ---------------------------------------------------------------- positions from full rows


def _positioned(tables: dict) -> Document:
    """A Document whose tables (by section) have cells with extents: each cell a
    text, or (text, (x0, x1)). The title on line 1, then each heading and row a line."""
    blocks = [Title("某区2024年政府信息公开工作年度报告", TextLocation(1, 1))]
    line = 1
    for kind, name in SECTION_NAMES.items():
        line += 1
        blocks.append(Heading(name, TextLocation(line, 1)))
        if kind in tables:
            placed = []
            for row in tables[kind]:
                line += 1
                placed.append([Cell(c, TextLocation(line, n)) if isinstance(c, str) else
                               Cell(c[0], TextLocation(line, n), x=c[1])
                               for n, c in enumerate(row, 1)])
            blocks.append(Table.from_rows(placed, TextLocation(line, 1)))
    return Document(tuple(blocks))


HEADER_AT = ["信息内容", ("本年制发件数", (100, 160)), ("本年废止件数", (170, 230)),
             ("现行有效件数", (240, 300))]
FULL_AT = ["行政规范性文件", ("11", (120, 140)), ("12", (190, 210)), ("13", (260, 280))]
ASKEW_AT = ["规章", ("11", (120, 140)), ("12", (150, 175)), ("13", (260, 280))]
SHORT_AT = ["规章", ("789", (180, 200)), ("1553", (250, 280))]
# the applications table's header with extents, and 2.重复申请 with two figures of
# seven, under 自然人 and 总计: nothing in the arithmetic tells where they go
APPLICATIONS_AT = [
    [("自然人", (100, 140)), ("法人或其他组织", (150, 450)), ("总计", (460, 500))],
    [("商业企业", (150, 200)), ("科研机构", (210, 260)), ("社会公益组织", (270, 320)),
     ("法律服务机构", (330, 380)), ("其他", (390, 440))],
]
DUPLICATE_AT = ["2.重复申请", ("4", (110, 120)), ("4", (470, 480))]
FULL_APPLICATION_AT = ["3.要求提供公开出版物", ("1", (110, 120)), ("0", (160, 170)),
                       ("0", (220, 230)), ("0", (280, 290)), ("0", (340, 350)),
                       ("0", (400, 410)), ("1", (470, 480))]


def _said(report, *codes):
    return [(d.code, d.line, d.message) for d in report.diagnostics if d.code in codes]


def _at(report, *codes):
    return [(d.code, d.line, d.column) for d in report.diagnostics if d.code in codes]


def test_a_table_with_no_full_row_goes_by_the_full_rows_of_the_tables_read_before_it():
    # the first table's full row stands under its headers: the applications table's
    # positions are trusted, and 2.重复申请's figures placed under 自然人 and 总计
    report = read_document(_positioned({D: [HEADER_AT, FULL_AT],
                                        A: [*APPLICATIONS_AT, DUPLICATE_AT]}))
    assert _values(report, DUPLICATE) == [4, None, None, None, None, None, 4]
    assert ("GP316", 9, "row '2.重复申请': no figure stands under 商业企业, 科研机构, "
            "社会公益组织, 法律服务机构, 其他; they are taken as missing") in _said(report, "GP316")
    # ... askew, they are not trusted: nothing is placed
    report = read_document(_positioned({D: [HEADER_AT, ASKEW_AT],
                                        A: [*APPLICATIONS_AT, DUPLICATE_AT]}))
    assert _values(report, DUPLICATE) == [None] * 7
    assert [s[:2] for s in _said(report, "GP316", "GP314")] == [("GP314", 9)]


def test_a_table_s_own_full_rows_say_whether_its_positions_hold():
    # the first table's full row stands askew, the applications table's own in place:
    # its own decide, and 2.重复申请 is placed by position
    report = read_document(_positioned({D: [HEADER_AT, ASKEW_AT],
                                        A: [*APPLICATIONS_AT, FULL_APPLICATION_AT,
                                            DUPLICATE_AT]}))
    assert _values(report, DUPLICATE) == [4, None, None, None, None, None, 4]
    assert [s[:2] for s in _said(report, "GP316", "GP314")] == [("GP316", 10)]


def test_every_full_row_of_the_table_must_stand_in_place_the_first_too():
    # the first full row askew (its 0 under 商业企业 and 科研机构 both), the second in
    # place: positions do not hold, and 2.重复申请 is not placed
    askew = ["4.无正当理由大量反复申请", ("1", (110, 120)), ("0", (190, 215)),
             ("0", (220, 230)), ("0", (280, 290)), ("0", (340, 350)), ("0", (400, 410)),
             ("1", (470, 480))]
    report = read_document(_positioned({A: [*APPLICATIONS_AT, askew, FULL_APPLICATION_AT,
                                            DUPLICATE_AT]}))
    assert _values(report, DUPLICATE) == [None] * 7
    assert [s[:2] for s in _said(report, "GP316", "GP314")] == [("GP314", 9)]
    # the askew row left out, the positions hold
    report = read_document(_positioned({A: [*APPLICATIONS_AT, FULL_APPLICATION_AT,
                                            DUPLICATE_AT]}))
    assert _values(report, DUPLICATE) == [4, None, None, None, None, None, 4]


def _shifted(row: list, by: float) -> list:
    return [c if isinstance(c, str) else (c[0], (c[1][0] + by, c[1][1] + by)) for c in row]


def test_a_header_written_twice_in_the_same_place_gives_its_positions():
    # (a header repeated at the top of the next page, where the page has no row yet)
    report = read_document(_positioned({A: [*APPLICATIONS_AT, *APPLICATIONS_AT,
                                            FULL_APPLICATION_AT, DUPLICATE_AT]}))
    assert _values(report, DUPLICATE) == [4, None, None, None, None, None, 4]
    assert [s[:2] for s in _said(report, "GP316", "GP314")] == [("GP316", 10)]


def test_rows_are_placed_by_the_header_they_stand_under_when_it_is_repeated_elsewhere():
    # a table over two pages, its header repeated on the second, where everything
    # stands 1000 further right: the first page's short row goes by the first header
    # (and the first page's full row), the second page's by the second
    second = ["3.补正后申请内容仍不明确", ("4", (110, 120)), ("4", (470, 480))]
    full = ["4.无正当理由大量反复申请", ("1", (110, 120)), ("0", (160, 170)),
            ("0", (220, 230)), ("0", (280, 290)), ("0", (340, 350)), ("0", (400, 410)),
            ("1", (470, 480))]
    rows = [*APPLICATIONS_AT, FULL_APPLICATION_AT, DUPLICATE_AT,
            *[_shifted(row, 1000) for row in (*APPLICATIONS_AT, full, second)]]
    report = read_document(_positioned({A: rows}))
    assert _values(report, DUPLICATE) == [4, None, None, None, None, None, 4]
    assert _values(report, ("applications", "unavailable_still_unclear")) == \
        [4, None, None, None, None, None, 4]
    assert _values(report, ("applications", "not_processed_excessive")) == [1, 0, 0, 0, 0, 0, 1]
    assert [s[:2] for s in _said(report, "GP316", "GP314")] == [("GP316", 8), ("GP316", 12)]
    # the first page's full row askew (its 0 under 商业企业 and 科研机构 both): the first
    # page's short row is not placed, the second page's still is
    askew = [*FULL_APPLICATION_AT[:2], ("0", (190, 215)), *FULL_APPLICATION_AT[3:]]
    rows[2] = askew
    report = read_document(_positioned({A: rows}))
    assert _values(report, DUPLICATE) == [None] * 7
    assert _values(report, ("applications", "unavailable_still_unclear")) == \
        [4, None, None, None, None, None, 4]
    assert [s[:2] for s in _said(report, "GP316", "GP314")] == [("GP314", 8), ("GP316", 12)]


def test_a_table_with_no_header_gives_no_positions():
    report = read_document(_positioned({A: [FULL_APPLICATION_AT, DUPLICATE_AT]}))
    assert _values(report, DUPLICATE) == [None] * 7
    assert _values(report, ("applications", "not_processed_publication")) == [1, 0, 0, 0, 0, 0, 1]
    assert [s[:2] for s in _said(report, "GP316", "GP314")] == [("GP314", 6)]


REVIEW_ROWS = ("administrative_review", "litigation_direct", "litigation_after_review")
REVIEW_COLUMNS = ("upheld", "corrected", "other", "pending", "total")
RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


def _review_table(width: float = 90, gap: float = 10, missing: int = 13) -> list:
    """The review table with extents: its three groups of five columns, 100 apart
    (each header ``width`` wide), and its row of figures 1 0 0 1 2 / 1 0 0 0 1 /
    0 0 0 0 0, one of them (``missing``) left out."""
    step = width + gap
    header = [("行政复议", (0, 5 * step)), ("行政诉讼", (5 * step, 15 * step))]
    groups = [("未经复议直接起诉", (5 * step, 10 * step)), ("复议后起诉", (10 * step, 15 * step))]
    results = [(label, (i * step, i * step + width)) for i, label in
               enumerate(RESULTS * 3)]
    figures = [(str(v), (i * step + 30, i * step + 40)) for i, v in
               enumerate((1, 0, 0, 1, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0)) if i != missing]
    return [header, groups, results, figures]


def _review_values(report) -> list:
    return [report.figure("review_litigation", r, c).value
            for r in REVIEW_ROWS for c in REVIEW_COLUMNS]


def test_the_review_table_s_short_row_is_placed_under_its_headers_in_their_order():
    # the first table's full row shows positions hold; the review table's headers
    # name each result three times: read left to right, they name its columns in order
    report = read_document(_positioned({D: [HEADER_AT, FULL_AT],
                                        "review_litigation": _review_table()}))
    assert _review_values(report) == [1, 0, 0, 1, 2, 1, 0, 0, 0, 1, 0, 0, 0, None, 0]
    assert [s[:3] for s in _said(report, "GP316", "GP314")] == [
        ("GP316", 11, "the review table: no figure stands under 尚未审结; it is taken as "
                      "missing")]
    # touching headers (each 100 wide, none between them) stand apart as well
    report = read_document(_positioned({D: [HEADER_AT, FULL_AT],
                                        "review_litigation": _review_table(100, 0, 0)}))
    assert _review_values(report) == [None, 0, 0, 1, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]
    # headers that overlap (each 110 wide, 100 apart) give no places: nothing is placed
    report = read_document(_positioned({D: [HEADER_AT, FULL_AT],
                                        "review_litigation": _review_table(110, -10)}))
    assert _review_values(report) == [None] * 15
    assert [s[:2] for s in _said(report, "GP316", "GP314")] == [("GP314", 11)]


# ------------------------------------------------------- spare empty cells read by position


def test_a_row_with_an_empty_cell_among_its_figures_is_placed_by_their_positions():
    # 规章 1, an empty cell, 3, an empty cell: four cells for three columns, and the
    # empty cell among the figures may be a missing figure's or a doubled separator's;
    # the figures stand under 本年制发件数 and 现行有效件数 (and the full row read before
    # it under its headers: positions hold)
    row = ["规章", ("1", (120, 140)), ("", (170, 230)), ("3", (260, 280)), ("", (300, 320))]
    report = read_document(_positioned({D: [HEADER_AT, FULL_AT, row]}))
    assert [report.figure(D, "rules", c).value for c in DISCLOSURE] == [1, None, 3]
    figures = [report.figure(D, "rules", c) for c in DISCLOSURE]
    assert [(f.line, f.column) for f in figures] == [(6, 2), (None, None), (6, 4)]
    assert _said(report, "GP316", "GP303", "GP302") == [
        ("GP316", 6, "row '规章': no figure stands under 本年废止件数; it is taken as missing")]
    assert _at(report, "GP316") == [("GP316", 6, 2)]
    # two figures under one header: the positions do not tell, nothing is placed
    row = ["规章", ("1", (120, 140)), ("", (170, 230)), ("3", (150, 160)), ("", (300, 320))]
    report = read_document(_positioned({D: [HEADER_AT, FULL_AT, row]}))
    assert [report.figure(D, "rules", c).value for c in DISCLOSURE] == [None] * 3
    assert [s[:2] for s in _said(report, "GP316", "GP303")] == [("GP303", 6)]


def test_a_row_with_empty_cells_among_its_figures_names_every_column_with_none():
    # 2.重复申请 with seven empty cells among and after its figures 4 and —: nine
    # cells for seven columns; 4 under 自然人, — (no figure) under 总计
    row = ["2.重复申请", ("4", (110, 120)), *[("", (150 + 60 * i, 190 + 60 * i)) for i in range(6)],
           ("—", (470, 480)), ("", (510, 520))]
    report = read_document(_positioned({A: [*APPLICATIONS_AT, FULL_APPLICATION_AT, row]}))
    assert _values(report, DUPLICATE) == [4, None, None, None, None, None, None]
    assert _said(report, "GP316", "GP304", "GP303") == [
        ("GP316", 8, "row '2.重复申请': no figure stands under 商业企业, 科研机构, 社会公益组织, "
                     "法律服务机构, 其他; they are taken as missing"),
        ("GP304", 8, "row '2.重复申请': the cell for 总计 holds '—', not a figure; taken as "
                     "missing")]
    assert _at(report, "GP316", "GP304") == [("GP316", 8, 2), ("GP304", 8, 9)]


def test_a_row_whose_spare_cells_no_arithmetic_tells_apart_is_placed_by_position():
    # 规章, an empty cell, 1 2, an empty cell: which empty cell is spare the first
    # table's arithmetic cannot tell (it has none); the figures stand under 本年废止件数
    # and 现行有效件数
    row = ["规章", ("", (100, 160)), ("1", (180, 200)), ("2", (250, 280)), ("", (300, 320))]
    report = read_document(_positioned({D: [HEADER_AT, FULL_AT, row]}))
    assert [report.figure(D, "rules", c).value for c in DISCLOSURE] == [None, 1, 2]
    assert [(f.line, f.column) for f in (report.figure(D, "rules", c) for c in DISCLOSURE)] == \
        [(None, None), (6, 3), (6, 4)]
    assert _said(report, "GP316", "GP303", "GP315") == [
        ("GP316", 6, "row '规章': no figure stands under 本年制发件数; it is taken as missing")]
    assert _at(report, "GP316") == [("GP316", 6, 3)]


def test_a_row_not_placed_says_so_on_each_line_its_cells_stand_on():
    # 规章's figures 1 2 on its line, 3 4 on the next: four for three columns
    read = Read(D, [DISCLOSURE_HEADER, "规章 | 1 | 2", "3 | 4", NORMATIVE])
    assert read.values("rules", DISCLOSURE) == [None] * 3
    assert read.values("normative_documents", DISCLOSURE) == [4, 5, 6]
    first, second = read.line("规章 | 1 | 2"), read.line("3 | 4")
    assert read.said("GP303") == [  # (the line before first, then where the extra cell is)
        ("GP303", Severity.ERROR, first, 2, 1,
         "row '规章': the cells on this line are among those of the row that are not placed "
         f"(line {second})", None),
        ("GP303", Severity.ERROR, second, 2, 1,
         "row '规章' has 4 cells for 3 columns; which one is extra cannot be told, so none "
         "of them is placed", None)]


def test_a_row_not_placed_says_so_on_no_line_that_holds_only_an_empty_cell_of_it():
    read = Read(D, [DISCLOSURE_HEADER, "规章 | 1 | 2", "{}", "3 | 4", NORMATIVE])
    assert read.values("rules", DISCLOSURE) == [None] * 3
    assert [s[2] for s in read.said("GP303")] == [read.line("规章 | 1 | 2"), read.line("3 | 4")]


# ---------------------------------------------------------------- columns of a table's full rows

# The applications table as pdftotext -layout prints a PDF: each line laid out a
# character a column (a CJK character one column, not two), the header broken over
# lines so that it gives no places, a row's empty cell left out.
SPACED_ROWS = [("一、本年新收政府信息公开申请数量", [3, 0, 1, 0, 0, 0, 4], "new_requests"),
               ("二、上年结转政府信息公开申请数量", [0, 0, 0, 0, 0, 0, 0], "carried_over"),
               ("（一）予以公开", [2, 0, 1, 0, 0, 0, 3], "disclosed"),
               ("1.属于国家秘密", [0, 0, 0, 0, 0, 0, 0], "withheld_state_secret"),
               ("8.属于行政查询事项", [1, 0, 0, 0, 0, 0, 1], "withheld_administrative_inquiry"),
               ("2.重复申请", [None, 0, 0, 0, 0, 0, 0], "not_processed_duplicate")]


def _character_grid(rows) -> str:
    lines = ["三、收到和处理政府信息公开申请情况",
             "                        自然人   商业 科研 社会 法律 其他 总计"]
    for label, figures, _ in rows:
        lines.append(label.ljust(24) + "".join(("" if f is None else str(f)).rjust(5)
                                               for f in figures))
    return "\n".join(lines) + "\n"


def _grid_values(report, rows):
    return [_values(report, ("applications", row)) for _, _, row in rows]


def test_a_row_short_of_a_figure_is_placed_by_the_columns_its_nearest_full_rows_stand_in():
    report = govparse.parse(_character_grid(SPACED_ROWS))
    assert _grid_values(report, SPACED_ROWS) == [figures for _, figures, _ in SPACED_ROWS]
    assert _at(report, "GP316", "GP314") == [("GP316", 8, 34)]
    (said,) = [d.message for d in report.diagnostics if d.code == "GP316"]
    assert said == ("row '2.重复申请': no figure stands in the column of 自然人, where the "
                    "figures of the table's full rows stand; it is taken as missing")
    # the short row first: the full rows after it are as near
    rows = [SPACED_ROWS[-1], *SPACED_ROWS[:-1]]
    report = govparse.parse(_character_grid(rows))
    assert _grid_values(report, rows) == [figures for _, figures, _ in rows]
    assert _at(report, "GP316", "GP314") == [("GP316", 3, 34)]
    # in the middle, the same
    rows = [*SPACED_ROWS[:2], SPACED_ROWS[-1], *SPACED_ROWS[2:-1]]
    report = govparse.parse(_character_grid(rows))
    assert _grid_values(report, rows) == [figures for _, figures, _ in rows]


def test_only_the_full_rows_nearest_a_short_row_place_it():
    # twelve full rows at most are looked at, nearest first: the first page's rows,
    # a column to the left of the rest, are further than twelve from the short row
    rows = SPACED_ROWS[:5]
    near = [("1.本机关不掌握相关政府信息", [0] * 7, "unavailable_not_held")] + [
        (label, [0] * 7, row) for label, row in (
            ("2.没有现成信息需要另行制作", "unavailable_needs_creation"),
            ("3.补正后申请内容仍不明确", "unavailable_still_unclear"),
            ("1.信访举报投诉类申请", "not_processed_petition"),
            ("3.要求提供公开出版物", "not_processed_publication"),
            ("4.无正当理由大量反复申请", "not_processed_excessive"),
            ("5.要求行政机关确认或重新出具已获取信息", "not_processed_confirmation"),
            ("3.其他", "other_other"),
            ("（七）总计", "total_processed"),
            ("四、结转下年度继续办理", "carried_forward"),
            ("2.其他法律行政法规禁止公开", "withheld_prohibited_by_law"),
            ("4.保护第三方合法权益", "withheld_third_party_rights"))]
    text = _character_grid(rows + near + [SPACED_ROWS[-1]]).split("\n")
    # the first five full rows one column to the left: they agree with one another,
    # not with the twelve rows after them
    for i in range(2, 7):
        text[i] = text[i][:23] + text[i][24:]
    report = govparse.parse("\n".join(text))
    assert _values(report, DUPLICATE) == [None, 0, 0, 0, 0, 0, 0]
    assert [s[:2] for s in _at(report, "GP316", "GP314")] == [("GP316", 20)]


# ---------------------------------------------------------------- a row that appears again


@pytest.mark.parametrize("again, rules, said", [
    ("规章 | | |", [1, 2, 3], "row '规章' appears again (first at line {first}); the figures "
                             "here are ignored"),
    ("规章 | 1 | 2", [None] * 3, "row '规章' appears again (first at line {first}) with other "
                               "figures; which are the row's cannot be told, so neither is "
                               "placed"),
], ids=["with empty cells only", "short of a figure"])
def test_a_row_that_appears_again_conflicts_only_with_figures_of_its_own(again, rules, said):
    read = Read(D, [DISCLOSURE_HEADER, "规章 | 1 | 2 | 3", NORMATIVE, again])
    first = read.line("规章 | 1 | 2 | 3")
    assert read.values("rules", DISCLOSURE) == rules
    assert read.values("normative_documents", DISCLOSURE) == [4, 5, 6]
    assert read.said("GP206") == [("GP206", Severity.ERROR, read.line(again), 1, 2,
                                   said.format(first=first), None)]


def test_a_short_row_after_exactly_three_full_rows_is_placed_by_all_three():
    # the three nearest full rows, the first of the table among them: each is needed
    rows = [*SPACED_ROWS[2:5], SPACED_ROWS[-1]]
    report = govparse.parse(_character_grid(rows))
    assert _grid_values(report, rows) == [figures for _, figures, _ in rows]
    assert _at(report, "GP316", "GP314") == [("GP316", 6, 34)]
    # two full rows are too few: nothing is placed
    rows = [*SPACED_ROWS[3:5], SPACED_ROWS[-1]]
    report = govparse.parse(_character_grid(rows))
    assert _values(report, DUPLICATE) == [None] * 7
    assert [s[:2] for s in _at(report, "GP316", "GP314")] == [("GP314", 5)]


def test_an_empty_cell_before_the_figures_is_left_out_where_each_figure_stands_under_its_header():
    # 规章, an empty cell, 1 2 3 on one line: the empty cell may be the rest of a merged
    # label cell or a missing figure's, and the first table has no arithmetic to tell;
    # but each figure stands under its own column's header
    row = ["规章", ("", (100, 160)), ("1", (120, 140)), ("2", (190, 210)), ("3", (260, 280))]
    report = read_document(_positioned({D: [HEADER_AT, FULL_AT, row]}))
    assert [report.figure(D, "rules", c).value for c in DISCLOSURE] == [1, 2, 3]
    assert [(f.line, f.column) for f in (report.figure(D, "rules", c) for c in DISCLOSURE)] == \
        [(6, 3), (6, 4), (6, 5)]
    assert _said(report, "GP316", "GP303") == [
        ("GP316", 6, "row '规章' has 4 cells for 3 columns; the empty cells before its figures "
                     "are left out, each figure standing under its column's header")]
    # 2 under 本年制发件数 as well: they do not stand under their headers, none is placed
    row = ["规章", ("", (100, 160)), ("1", (120, 140)), ("2", (145, 155)), ("3", (260, 280))]
    report = read_document(_positioned({D: [HEADER_AT, FULL_AT, row]}))
    assert [report.figure(D, "rules", c).value for c in DISCLOSURE] == [None] * 3
    assert [s[:2] for s in _said(report, "GP316", "GP303")] == [("GP303", 6)]


def test_a_wrapped_part_of_two_digits_is_pointed_at_whole():
    printed = govparse.parse_file(EXAMPLES / "report-2024-tab.txt")
    printed = printed.replace_figure(*DUPLICATE, "research_institution", Figure(value=10))
    lines = govparse.dumps(printed, "aligned").split("\n")
    at = next(i for i, line in enumerate(lines) if "2.重复申请" in line)
    line = lines[at]
    cut = [m.start() for m in re.finditer(r"\S+", line)][3]  # after 1 0: 10 0 0 0 1 below
    lines[at:at + 1] = [line[:cut].rstrip(), " " * 86 + line[cut:].strip()]
    report = govparse.parse("\n".join(lines))
    assert _values(report, DUPLICATE) == [None] * 7
    said = next(d for d in report.diagnostics if d.code == "GP320")
    assert (said.line, said.column, said.length) == (48, 87, 2)
    assert said.message.startswith("row '2.重复申请': '1' (line 47) and '10' (line 48) stand ")
    assert said.hint == "a number wrapped in its cell? (read together: 110)"
