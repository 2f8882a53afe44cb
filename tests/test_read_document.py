"""govparse.read_document: a Document built by hand reads into the same report as the
equivalent text (the acceptance test of the Document restructuring), and
Table.from_rows, which builds a table's grid from rows written as HTML writes them.

The hand-built Document is examples/report-2024-tab.txt written as a user holding
the report in another form (a spreadsheet, an HTML page) would write it: plain
strings, no locations, and where the tab text leaves empty cells for a merged label
cell (its leading tabs), a spanning cell instead: ``Cell("法人或其他组织", colspan=5)``,
``Cell("三、本年度办理结果", rowspan=22)``.
"""

from __future__ import annotations

from collections import Counter
import pathlib

import pytest

import govparse
from govparse.api import read_document
from govparse.document import (Cell, Document, Heading, Paragraph, Table,
                               TextLocation, Title)

from conftest import example_path

TAB_TEXT = example_path("tab").read_text(encoding="utf-8")
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

# ---------------------------------------------------------------- the report, by hand

ACTIVE_DISCLOSURE = [
    ["第二十条第（一）项"],
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", "0", "0", "0"],
    ["行政规范性文件", "5", "1", "23"],
    ["第二十条第（五）项"],
    ["信息内容", "本年处理决定数量"],
    ["行政许可", "1234"],
    ["第二十条第（六）项"],
    ["信息内容", "本年处理决定数量"],
    ["行政处罚", "56"],
    ["行政强制", "3"],
    ["第二十条第（八）项"],
    ["信息内容", "本年收费金额（单位：万元）"],
    ["行政事业性收费", "1.2500"],
]


def zeros(total: str = "0") -> list[str]:
    return ["0"] * 6 + [total]


# As HTML writes it: a spanning cell once, the places it covers left out.
APPLICATIONS = [
    [Cell(NOTE, rowspan=3, colspan=3), Cell("申请人情况", colspan=7)],
    [Cell("自然人", rowspan=2), Cell("法人或其他组织", colspan=5), Cell("总计", rowspan=2)],
    ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
    ["一、本年新收政府信息公开申请数量", "10", "2", "0", "1", "0", "0", "13"],
    ["二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"],
    [Cell("三、本年度办理结果", rowspan=22), "（一）予以公开", "5", "1", "0", "0", "0", "0", "6"],
    ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1", "0", "0", "0", "0", "0", "1"],
    [Cell("（三）不予公开", rowspan=8), "1.属于国家秘密", *zeros()],
    ["2.其他法律行政法规禁止公开", *zeros()],
    ["3.危及“三安全一稳定”", *zeros()],
    ["4.保护第三方合法权益", "1", "0", "0", "0", "0", "0", "1"],
    ["5.属于三类内部事务信息", *zeros()],
    ["6.属于四类过程性信息", *zeros()],
    ["7.属于行政执法案卷", *zeros()],
    ["8.属于行政查询事项", *zeros()],
    [Cell("（四）无法提供", rowspan=3), "1.本机关不掌握相关政府信息", "2", "0", "0", "1", "0", "0", "3"],
    ["2.没有现成信息需要另行制作", *zeros()],
    ["3.补正后申请内容仍不明确", *zeros()],
    [Cell("（五）不予处理", rowspan=5), "1.信访举报投诉类申请", *zeros()],
    ["2.重复申请", "1", "0", "0", "0", "0", "0", "1"],
    ["3.要求提供公开出版物", *zeros()],
    ["4.无正当理由大量反复申请", *zeros()],
    ["5.要求行政机关确认或重新出具已获取信息", *zeros()],
    [Cell("（六）其他处理", rowspan=3),
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "0", "1", "0", "0", "0", "0", "1"],
    ["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", *zeros()],
    ["3.其他", *zeros()],
    ["（七）总计", "10", "2", "0", "1", "0", "0", "13"],
    ["四、结转下年度继续办理", "1", "0", "0", "0", "0", "0", "1"],
]

OUTCOMES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
REVIEW_LITIGATION = [
    [Cell("行政复议", colspan=5), Cell("行政诉讼", colspan=10)],
    [*(Cell(o, rowspan=2) for o in OUTCOMES), Cell("未经复议直接起诉", colspan=5),
     Cell("复议后起诉", colspan=5)],
    OUTCOMES + OUTCOMES,
    ["1", "0", "0", "1", "2", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"],
]


def hand_built(applications=APPLICATIONS, active=ACTIVE_DISCLOSURE, located=False) -> Document:
    """The report as a Document: plain strings and no locations; ``located``: each
    row on a line of its own, each cell at its place in the row (TextLocation)."""
    line = iter(range(1, 10_000))

    def table(rows):
        if not located:
            return Table.from_rows(rows)
        return Table.from_rows([located_row(row, next(line)) for row in rows])

    return Document((
        Title("示例县人民政府办公室2024年政府信息公开工作年度报告"),
        Heading("一、总体情况"),
        Paragraph("2024年，本办坚持以公开为常态、不公开为例外，全面推进政务公开工作。"),
        Paragraph("全年通过政府网站主动公开政府信息1286条，其中政策文件42件、政策解读31篇。"),
        Heading("二、主动公开政府信息情况"),
        table(active),
        Heading("三、收到和处理政府信息公开申请情况"),
        table(applications),
        Heading("四、政府信息公开行政复议、行政诉讼情况"),
        table(REVIEW_LITIGATION),
        Heading("五、存在的主要问题及改进情况"),
        Paragraph("存在的主要问题：政策解读形式还不够丰富，基层政务公开标准化水平有待提高。"),
        Paragraph("改进情况：下一步将加强业务培训，丰富解读形式，提升公开质量。"),
        Heading("六、其他需要报告的事项"),
        Paragraph("本年度，本机关未收取信息处理费，无其他需要报告的事项。"),
    ))


def located_row(row, line: int) -> list[Cell]:
    return [Cell(c.text, TextLocation(line, column), c.rowspan, c.colspan) if isinstance(c, Cell)
            else Cell(c, TextLocation(line, column)) for column, c in enumerate(row, start=1)]


def figure_values(report) -> dict[tuple[str, str, str], object]:
    return {(t, r, c): f.value for t, r, c, f in report.table_figures()}


def code_counts(report) -> Counter:
    return Counter(d.code for d in report.diagnostics)


# ---------------------------------------------------------------- the acceptance test


def test_a_hand_built_document_reads_as_the_tab_text():
    by_hand = read_document(hand_built())
    from_text = govparse.parse(TAB_TEXT)
    assert figure_values(by_hand) == figure_values(from_text)
    assert len(figure_values(by_hand)) == 10 + 25 * 7 + 15  # every figure of the three tables
    assert by_hand == from_text  # the whole model: organisation, year, sections, tables
    assert by_hand.applications.withheld_third_party_rights.total.value == 1
    assert by_hand.applications.other_no_correction.commercial_enterprise.value == 1


def test_a_hand_built_document_with_locations_says_what_the_tab_text_says():
    by_hand = read_document(hand_built(located=True))
    from_text = govparse.parse(TAB_TEXT)
    assert figure_values(by_hand) == figure_values(from_text)
    assert code_counts(by_hand) == code_counts(from_text) == Counter()


def test_a_hand_built_document_says_what_the_tab_text_says():
    # without locations, the header cells are grouped by the grid row they stand on
    # (not by line): the applications table's header rows stay apart, no GP209
    by_hand = read_document(hand_built())
    from_text = govparse.parse(TAB_TEXT)
    assert code_counts(by_hand) == code_counts(from_text) == Counter()


def test_the_spans_give_the_grid_the_tab_text_has():
    """Where the tab text has an empty cell for a merged label cell, the hand-built
    table has a covered place: the same grid, but for the covered places at the
    ends of rows (the tab text writes no separators there)."""
    text_table = read_text_table(TAB_TEXT, "三、收到和处理政府信息公开申请情况")
    by_hand = Table.from_rows(APPLICATIONS)
    assert len(by_hand.rows) == len(text_table.rows)
    for ours, theirs in zip(by_hand.rows, text_table.rows):
        texts = [c.text for c in ours]
        while texts and texts[-1] == "" and len(texts) > len(theirs):
            texts.pop()
        assert texts == [c.text for c in theirs]


def read_text_table(text: str, heading: str) -> Table:
    from govparse.frontends.text.reader import read_text

    blocks = read_text(text).blocks
    at = next(i for i, b in enumerate(blocks) if type(b) is Heading and b.text == heading)
    return next(b for b in blocks[at:] if type(b) is Table)


# The same damage done to the text and to the hand-built rows: (row label, index of
# the figure after it, what is written there instead). The diagnostics must agree.
DAMAGE = [
    ("一、本年新收政府信息公开申请数量", 1, "—"),       # a placeholder: GP304
    ("二、上年结转政府信息公开申请数量", 0, "1,000"),   # thousands separators: GP310
    ("4.保护第三方合法权益", 3, ""),                    # an empty cell among figures: GP302
    ("（七）总计", 2, "０"),                             # full-width digits: GP309
]
RENAMED = ("2.重复申请", "2.重复申清")  # a close misspelling: GP203
FEE = ("1.2500", "12500元")  # in 元 where 万元 is asked for: GP311, GP312
LONG = ("四、结转下年度继续办理", "9")  # a figure too many: GP303


def damaged_rows(rows):
    out = []
    for row in rows:
        row = list(row)
        texts = [c.text if isinstance(c, Cell) else c for c in row]
        for label, index, written in DAMAGE:
            if label in texts:
                row[texts.index(label) + 1 + index] = written
        if RENAMED[0] in texts:
            row[texts.index(RENAMED[0])] = RENAMED[1]
        if LONG[0] in texts:
            row.append(LONG[1])
        out.append([FEE[1] if c == FEE[0] else c for c in row])
    return out


def damaged_text(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        cells = line.split("\t")
        for label, index, written in DAMAGE:
            if label in cells:
                cells[cells.index(label) + 1 + index] = written
        if RENAMED[0] in cells:
            cells[cells.index(RENAMED[0])] = RENAMED[1]
        if LONG[0] in cells:
            cells.append(LONG[1])
        lines.append("\t".join(FEE[1] if c == FEE[0] else c for c in cells))
    return "\n".join(lines)


DAMAGE_CODES = Counter({"GP203": 1, "GP302": 1, "GP303": 1, "GP304": 1, "GP309": 1,
                        "GP310": 1, "GP311": 1, "GP312": 1})


@pytest.mark.parametrize("located", [True, False], ids=["with locations", "without locations"])
def test_a_damaged_hand_built_document_says_what_the_damaged_text_says(located):
    text = damaged_text(TAB_TEXT)
    assert text.count("12500元") == 1 and "2.重复申清" in text and "\t—\t" in text
    by_hand = read_document(hand_built(damaged_rows(APPLICATIONS),
                                       damaged_rows(ACTIVE_DISCLOSURE), located=located))
    from_text = govparse.parse(text)
    assert figure_values(by_hand) == figure_values(from_text)
    assert by_hand.applications.new_requests.commercial_enterprise.value is None
    assert by_hand.applications.carried_over.natural_person.value == 1000
    assert by_hand.applications.not_processed_duplicate.total.value == 1
    assert by_hand.applications.carried_forward.total.value is None
    assert by_hand.active_disclosure.administrative_fees.amount.unit == "元"
    assert code_counts(from_text) == DAMAGE_CODES
    assert code_counts(by_hand) == DAMAGE_CODES


def test_read_document_is_exported():
    # as document.py's docstring says: govparse.read_document(doc)
    assert govparse.read_document is read_document


def test_read_document_reads_only_a_document():
    with pytest.raises(TypeError, match="Document"):
        read_document(TAB_TEXT)


# ---------------------------------------------------------------- Table.from_rows


def shape(table: Table) -> list[list[str]]:
    """Each place as its text, a covered place as '^'."""
    return [["^" if c.covered else c.text for c in row] for row in table.rows]


def test_from_rows_of_plain_strings():
    table = Table.from_rows([["规章", "0", "0", "3"], ["行政许可", "7"]])
    assert shape(table) == [["规章", "0", "0", "3"], ["行政许可", "7"]]
    assert all(c.location is None and (c.rowspan, c.colspan) == (1, 1)
               for row in table.rows for c in row)


def test_from_rows_rowspan():
    table = Table.from_rows([[Cell("三、本年度办理结果", rowspan=3), "（一）予以公开", "5"],
                             ["（二）部分公开", "1"],
                             ["（三）不予公开", "0"],
                             ["四、结转下年度继续办理", "1"]])
    assert shape(table) == [["三、本年度办理结果", "（一）予以公开", "5"],
                            ["^", "（二）部分公开", "1"],
                            ["^", "（三）不予公开", "0"],
                            ["四、结转下年度继续办理", "1"]]
    assert table.rows[0][0].rowspan == 3


def test_from_rows_colspan():
    table = Table.from_rows([["a", Cell("法人或其他组织", colspan=3), "b"], ["c", "d", "e", "f", "g"]])
    assert shape(table) == [["a", "法人或其他组织", "^", "^", "b"], ["c", "d", "e", "f", "g"]]


def test_from_rows_rowspan_and_colspan():
    table = Table.from_rows([[Cell(NOTE, rowspan=3, colspan=3), Cell("申请人情况", colspan=7)],
                             [Cell("自然人", rowspan=2), Cell("法人或其他组织", colspan=5),
                              Cell("总计", rowspan=2)],
                             ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]])
    assert shape(table) == [
        [NOTE, "^", "^", "申请人情况", "^", "^", "^", "^", "^", "^"],
        ["^", "^", "^", "自然人", "法人或其他组织", "^", "^", "^", "^", "总计"],
        ["^", "^", "^", "^", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "^"],
    ]


def test_from_rows_spans_in_the_middle_of_a_row():
    table = Table.from_rows([["a", Cell("B", rowspan=2), "c"], ["d", "e"], ["f", "g", "h"]])
    assert shape(table) == [["a", "B", "c"], ["d", "^", "e"], ["f", "g", "h"]]


def test_from_rows_rowspan_reaching_past_the_last_row():
    table = Table.from_rows([[Cell("（六）其他处理", rowspan=9), "1.申请人…", "0"], ["2.申请人…", "0"]])
    assert shape(table) == [["（六）其他处理", "1.申请人…", "0"], ["^", "2.申请人…", "0"]]


def test_from_rows_covered_places_at_a_rows_end():
    # the covered place after the last cell given is filled in too
    table = Table.from_rows([["a", "b", Cell("C", rowspan=2)], ["d", "e"]])
    assert shape(table) == [["a", "b", "C"], ["d", "e", "^"]]


def test_from_rows_a_short_row_under_a_span_does_not_carry_it_further():
    # The second row ends before the place D covers; the span still ends with that
    # row: the third row is not pushed right by it.
    table = Table.from_rows([["a", "b", "c", Cell("D", rowspan=2)], ["x"], ["p", "q", "r", "s"]])
    assert shape(table) == [["a", "b", "c", "D"], ["x"], ["p", "q", "r", "s"]]


def test_from_rows_empty_rows():
    table = Table.from_rows([[Cell("A", rowspan=2)], [], ["b"]])
    assert shape(table) == [["A"], ["^"], ["b"]]


def test_from_rows_cells_keep_their_locations():
    at = [TextLocation(1, 1), TextLocation(1, 9), TextLocation(2, 1), TextLocation(2, 5)]
    table = Table.from_rows([[Cell("三、本年度办理结果", at[0], rowspan=2), Cell("（一）予以公开", at[1]),
                              Cell("5", at[2], colspan=2)],
                             [Cell("（二）部分公开", at[3]), "1"]],
                            location=TextLocation(1, 1))
    assert table.location == TextLocation(1, 1)
    first, second = table.rows
    assert [c.location for c in first] == [at[0], at[1], at[2], at[2]]
    assert [c.location for c in second] == [at[0], at[3], None]
    assert [c.covered for c in first] == [False, False, False, True]
    assert [c.covered for c in second] == [True, False, False]
    # the cells given are the cells of the grid, not copies
    assert first[0].text == "三、本年度办理结果" and first[0].rowspan == 2


def test_from_rows_covered_places_point_at_the_spanning_cell():
    span = TextLocation(3, 7)
    table = Table.from_rows([[Cell("A", span, rowspan=2, colspan=2), "b"], ["c"]],
                            location=TextLocation(1, 1))
    assert [(c.covered, c.location) for c in table.rows[1]] == [(True, span), (True, span),
                                                                (False, None)]



def test_page_starts_keep_a_page_from_being_placed_by_another_pages_places():
    # the Document contract's page_starts: a text front-end sets them where a form feed
    # parts its pages; the core places a row short of a figure by the header's places
    # only on a page where its header or a full row stands. The same Document without
    # them places （七）总计's figures on page 2 by the header of page 1, each a column
    # to the left of its own (the text's page laid out on a grid of its own)
    import attrs

    from govparse.frontends.text.reader import read_text

    path = pathlib.Path(__file__).parent / "data" / "wrong_figures" / \
        "new_page_of_short_rows_on_a_grid_of_its_own.txt"
    document = read_text(path.read_text("utf-8"))
    assert document.page_starts == (16,)
    row = govparse.read_document(document).applications.total_processed
    assert (row.natural_person.value, row.commercial_enterprise.value) == (None, None)
    unpaged = govparse.read_document(attrs.evolve(document, page_starts=()))
    row = unpaged.applications.total_processed
    assert row.natural_person.value == 7382080  # (commercial_enterprise's: placed wrong)
