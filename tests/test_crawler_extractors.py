"""Text as the crawlers' extractors give a page: trafilatura (2.x: `| a | b |` rows,
every place of a merged cell an empty cell; 1.x: `a | b |` rows without their empty
cells, padded at their end) and inscriptis (the page laid out in columns). The three
real pages of tests/data/real/html through each (tests/data/real/extractors, see its
README), and the padded rows' rule (govparse/frontends/text/layouts/pipe.py)."""

import csv
from decimal import Decimal
from pathlib import Path

import pytest

import govparse
from govparse.frontends.text.layouts.pipe import padded as _padded
from govparse.frontends.text.lines import split_cells

EXTRACTORS = Path(__file__).resolve().parent / "data" / "real" / "extractors"
NAMES = sorted(p.name[:-4] for p in EXTRACTORS.glob("*.txt"))
# 009's page names its body in its chrome only, which the extractors leave out
MISSING = {"009.inscriptis": 1, "009.trafilatura1": 1,
           "009.trafilatura2": 1, "009.trafilatura20": 1}


def _expected() -> dict[str, dict]:
    out: dict[str, dict] = {}
    with open(EXTRACTORS / "expected.tsv", encoding="utf-8") as handle:
        for r in csv.DictReader(handle, delimiter="\t"):
            out.setdefault(r["report"], {})[(r["table"], r["row"], r["column"])] = r["value"]
    return out


def _read(report, key):
    table, row, column = key
    if table == "report":
        return report.organization.value if column == "organization" else report.year.value
    return report.figure(table, row, column).value


def _same(value, expected: str) -> bool:
    if expected == "missing":
        return value is None
    return value is not None and any(_equal(value, e) for e in expected.split("|"))


def _equal(value, expected: str) -> bool:
    try:
        return Decimal(str(value)) == Decimal(expected)
    except ArithmeticError:
        return str(value) == expected


@pytest.mark.parametrize("name", NAMES)
def test_a_real_page_through_an_extractor(name):
    report = govparse.parse_file(EXTRACTORS / f"{name}.txt")
    expected = _expected()[name]
    read = {key: _read(report, key) for key in expected}
    wrong = {key: (value, expected[key]) for key, value in read.items()
             if value is not None and not _same(value, expected[key])}
    assert wrong == {}
    missing = [key for key, value in read.items() if value is None and expected[key] != "missing"]
    assert len(missing) == MISSING.get(name, 0)
    if name.startswith("009"):  # the body named in the page's chrome alone
        assert [key[2] for key in missing if key[0] == "report"] == ["organization"]


def test_trafilatura_1_s_padded_rows_are_said_once():
    report = govparse.parse_file(EXTRACTORS / "006.trafilatura1.txt")
    notes = [d for d in report.diagnostics if d.code == "GP015"]
    assert [n.line for n in notes] == [10, 25, 54]  # each of its three tables
    assert "trafilatura" in notes[0].message and "before 2.3" in notes[0].message


TABLE = """二、主动公开政府信息情况
第二十条第（一）项 | |||
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
规章 | 2 | 3 | |
行政规范性文件 | 4 | 5 | 6 |
"""


def test_a_padded_row_short_of_a_figure_is_not_placed_by_its_padding():
    # trafilatura 1.x left 规章's empty first cell out: `2 | 3` are 本年废止件数 and
    # 现行有效件数, and the padding at the row's end says nothing of where the gap was
    report = govparse.parse(f"某局2024年政府信息公开工作年度报告\n{TABLE}")
    figure = report.figure
    assert [figure("active_disclosure", "rules", c).value
            for c in ("issued", "repealed", "in_force")] == [None, None, None]
    assert [figure("active_disclosure", "normative_documents", c).value
            for c in ("issued", "repealed", "in_force")] == [4, 5, 6]
    codes = [d.code for d in report.diagnostics]
    assert "GP015" in codes and "GP302" not in codes  # (no empty cell taken as missing)
    (refused,) = [d for d in report.diagnostics if d.code == "GP314"]
    assert refused.line == 5 and "'规章'" in refused.message


@pytest.mark.parametrize("lines, padded", [
    # trafilatura 1.x: a pipe after each cell, the padding's pipes side by side
    (["第二十条第（一）项 | |||", "规章 | 2 | 3 | |"], True),
    # a pipe after each cell, no row padded: nothing says the empty cells moved
    (["信息内容 | 本年制发件数 | 本年废止件数 |", "规章 | 2 | |"], False),
    # trafilatura 2.0 to 2.2: the same, each line with a pipe at its start too
    (["| 第二十条第（一）项 | |||", "| 规章 | 2 | 3 | |"], True),
    # some lines start with a pipe, some not
    (["| 规章 | 2 | ||", "行政许可 | 7 | ||"], False),
    # a markdown table's empty cells, with a blank between the pipes
    (["| 信息内容 | 本年制发件数 | 本年废止件数 |", "| 规章 | 2 | |", "| 行政许可 | 7 | |"], False),
    # an empty cell between two with text
    (["规章 |  | 3 | ||", "行政许可 | 7 | ||"], False),
    # html2text's rows: no pipe at the end
    (["规章| 2| 3", "行政许可| 7"], False),
])
def test_which_tables_are_padded(lines, padded):
    assert _padded([split_cells(text, number, 1)
                    for number, text in enumerate(lines, 1)]) is padded


GRID = """三、收到和处理政府信息公开申请情况
| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |  |  | 申请人情况 |  |  |  |  |  |  |
|  |  |  | 自然人 | 法人或其他组织 |  |  |  |  | 总计 |
|  |  |  |  | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |  |
| 一、本年新收政府信息公开申请数量 |  |  | 11 | 12 | 13 | 14 | 15 | 16 | 99 |
| 二、上年结转政府信息公开申请数量 |  |  | 18 | 19 | 20 | 21 | 22 | 23 | 24 |
| 三、本年度办理结果 | （一）予以公开 |  | 1 |  | 2 | 3 | 4 | 5 | 20 |
|  | （二）部分公开（区分处理的，只计这一情形，不计其他情形） |  | 32 | 33 | 34 | 35 | 36 | 37 | 38 |
|  | （三）不予公开 | 1.属于国家秘密 | 39 | 40 | 41 | 42 | 43 | 44 | 45 |
|  |  | 2.其他法律行政法规禁止公开 | 46 | 47 | 48 | 49 | 50 | 51 | 52 |
"""


def test_a_full_grid_s_figures_are_placed_by_their_places_under_the_header():
    # trafilatura 2: every place of a merged cell an empty cell. The label's two
    # empty places and a missing figure's cannot be told apart by the row alone, nor
    # by the arithmetic (99 is no sum): the places under the header tell
    report = govparse.parse(f"某局2024年政府信息公开工作年度报告\n{GRID}")
    row = report.applications.new_requests
    assert [row.natural_person.value, row.commercial_enterprise.value, row.total.value] \
        == [11, 12, 99]
    said = [d for d in report.diagnostics if d.code == "GP316"]
    assert [d.line for d in said] == [6, 7, 9]
    assert "each figure standing under its column's header" in said[0].message


def test_a_full_grid_s_row_with_a_gap_is_placed_only_where_the_arithmetic_confirms_it():
    # a page's span one place too long pushes a row a place to the right and pandoc
    # cuts its last figure (a reviewer's case): the places then put a gap under the
    # first column, and the row's own total may still hold with the figures so placed.
    # A row with a gap (an empty place under 商业企业) is placed by its places only
    # where the template's arithmetic confirms each figure; here it cannot
    report = govparse.parse(f"某局2024年政府信息公开工作年度报告\n{GRID}")
    disclosed = report.applications.disclosed
    assert [disclosed.natural_person.value, disclosed.total.value] == [None, None]
    assert [d.line for d in report.diagnostics if d.code == "GP303"] == [8]


def test_a_full_grid_s_row_of_one_digit_figures_is_checked_as_any_other():
    # a one-digit figure is one place wide and one display column wide alike: the
    # header's words, one place wide, tell the grid. （一）予以公开's label spans one
    # place too few (a review's page) and its 自然人 is blank: by its places 0 1 0 1
    # went under 自然人 … 社会公益组织, unchecked (4 wrong figures); the arithmetic
    # cannot confirm them, so none is placed
    lines = GRID.split("\n")
    row = next(i for i, line in enumerate(lines) if "（一）予以公开" in line)
    lines[row] = "| 三、本年度办理结果 | （一）予以公开 |  | 0 | 1 | 0 | 1 |  |  |  |"
    report = govparse.parse("某局2024年政府信息公开工作年度报告\n" + "\n".join(lines))
    disclosed = report.applications.disclosed
    assert [getattr(disclosed, c).value for c in (
        "natural_person", "commercial_enterprise", "research_institution",
        "social_welfare_org", "legal_service_org")] == [None] * 5


def test_a_grid_s_places_are_given_only_to_a_full_grid_with_a_gap_after_a_label():
    from govparse.frontends.text.grid_places import with_places

    def rows(*lines):
        return [split_cells(text, number, 1).cells_between(1, -1)
                for number, text in enumerate(lines, 1)]

    full = rows("| 信息内容 |  | 自然人 | 总计 |", "| 一、本年新收 |  | 1 | 1 |", "| 二、上年结转 |  | 0 | 0 |")
    assert [c.x for c in with_places(full)[1]] == [(0, 1), (1, 2), (2, 3), (3, 4)]
    ragged = rows("| 信息内容 | 自然人 | 总计 |", "| 一、本年新收 |  | 1 | 1 |", "| 二、上年结转 | 0 | 0 |")
    assert all(c.x is None for row in with_places(ragged) for c in row)
    no_gap = rows("| 信息内容 | 自然人 | 总计 | 其他 |", "| 一、本年新收 | 1 | 1 | 1 |",
                  "| 二、上年结转 | 0 | 0 | 0 |")
    assert all(c.x is None for row in with_places(no_gap) for c in row)


CELL_LINES = """二、主动公开政府信息情况
第二十条第（一）项 |
|||
信息内容 |
本年制发件数 |
本年废止件数 |
现行有效件数 |
规章 |
|
3 |
4 |
行政规范性文件 |
5 |
6 |
7 |
"""


def test_a_table_written_a_cell_a_line_a_pipe_after_each():
    # a crawler's corpus of real pages: each cell on a line of its own with a pipe
    # after it, an empty cell a pipe alone, a row's padding a line of pipes; read as
    # a table written a cell a line (the empty cell a gap no place tells: missing)
    report = govparse.parse(f"某局2024年政府信息公开工作年度报告\n{CELL_LINES}")
    rows = report.active_disclosure
    assert [rows.normative_documents.issued.value, rows.normative_documents.repealed.value,
            rows.normative_documents.in_force.value] == [5, 6, 7]
    assert rows.rules.issued.value is None and rows.rules.in_force.value in (None, 4)
    assert [d for d in report.diagnostics if d.code in ("GP314", "GP302", "GP316")]


@pytest.mark.parametrize("lines, one_a_line", [
    (["信息内容 |", "本年制发件数 |", "规章 |", "|", "3 |"], True),
    # (a cell a line with a pipe alone on the line after each: the lines of pipes
    # read as the empty cells of a table written a cell a line, as before)
    (["信息内容", "|", "本年制发件数", "|", "规章", "|"], False),
    (["信息内容 | 本年制发件数 |", "规章 | 3 |", "行政许可 | 4 |"], False),  # (two a line)
    (["| 规章 |", "| 3 |", "| 4 |"], False),  # (a pipe before the cell)
    (["规章 |", "3", "4"], False),  # (fewer than three cells with a pipe after them)
])
def test_which_tables_are_written_a_cell_a_line(lines, one_a_line):
    from govparse.frontends.text.layouts.pipe import _a_cell_a_line

    assert _a_cell_a_line([split_cells(text, number, 1)
                           for number, text in enumerate(lines, 1)]) is one_a_line


def test_a_row_label_wrapped_around_its_group_label_beside_the_figures():
    # inscriptis sets a row's label cell beside the cell of its group's label, spanning
    # rows: the label wraps above and below the line of its figures, which holds the
    # group's label (1.申请人…行政机关 / （六）其他处理 1 0 … 1 / 不再 处理…申请)
    read = govparse.parse_file(EXTRACTORS / "006.inscriptis.txt")
    assert [read.figure("applications", "other_no_correction", column).value
            for column in ("natural_person", "commercial_enterprise", "total")] == [1, 0, 1]
    assert read.figure("applications", "other_no_fee_paid", "total").value == 0
    said = [d.message for d in read.diagnostics
            if d.code == "GP307" and "around its figures" in d.message]
    assert said == ["row label wrapped in its cell around its figures (on line 104) as "
                    "'1.申请人无正当理由逾期不补正、行政机关' / '不再 处理其政府信息公开申请'; "
                    "read as '1.申请人无正当理由逾期不补正、行政机关不再 处理其政府信息公开申请'"]


def test_a_group_label_beside_figures_takes_no_line_below_that_names_no_row():
    # the line below is no rest of the label above: nothing is joined, and the
    # figures beside the group's label go to no row
    text = (EXTRACTORS / "006.inscriptis.txt").read_text("utf-8")
    lines = text.split("\n")
    assert lines[104].strip() == "不再 处理其政府信息公开申请"
    lines[104] = lines[104].replace("不再 处理其政府信息公开申请", "另行说明")
    read = govparse.parse("\n".join(lines))
    assert read.figure("applications", "other_no_correction", "total").value is None
    assert read.figure("applications", "other_no_fee_paid", "total").value == 0
    assert not [d for d in read.diagnostics if "around its figures" in d.message]
