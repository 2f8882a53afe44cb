"""A spaced table's header cells broken over lines (govparse/frontends/text/
stacked_headers.py): pieces that stand over one another and spell a column header
are one cell on their first line, with the extent of all of them; pieces two headers
could go on with, or that spell none, stay as they were; a PDF's text layer is left
to the PDF front-end."""

from __future__ import annotations

import govparse
from govparse.document import Table
from govparse.frontends.text.reader import read_text

from conftest import HERE

LAYOUT = HERE / "data" / "real" / "pdf" / "hzq2023.layout.txt"

# the applications table's header as pdftotext -layout prints a real PDF's (the
# columns narrower than their headers; hzq2023.layout.txt, lines 90-94)
HEADER = (
    "三、收到和处理政府信息公开申请情况\n"
    "                                             自然人         社会 法律                总计\n"
    "                                                   商业 科研\n"
    "                                                         公益 服务 其他\n"
    "                                                   企业 机构\n"
    "                                                         组织 机构\n"
    "一、本年新收政府信息公开申请数量                             21    0      0     0   0   0     21\n"
)


def _rows(text: str, **options):
    (table,) = [b for b in read_text(text, **options).blocks if type(b) is Table]
    return [[(c.text, c.x) for c in row] for row in table.rows]


def test_pieces_over_one_another_that_spell_a_header_are_one_cell():
    rows = _rows(HEADER)
    assert rows[:3] == [
        [("自然人", (45, 51)), ("社会公益组织", (57, 64)), ("法律服务机构", (62, 69)),
         ("总计", (85, 89))],
        [("商业企业", (51, 55)), ("科研机构", (56, 60))],
        [("其他", (67, 71))],
    ]
    assert rows[3][0] == ("一、本年新收政府信息公开申请数量", (0, 32))  # the rows as before


def test_the_table_reads_its_header_and_says_what_was_joined():
    report = govparse.parse(HEADER)
    codes = [d.code for d in report.diagnostics]
    assert "GP207" not in codes and "GP201" not in codes  # no column lacks its header
    (note,) = [d for d in report.diagnostics if d.code == "GP307"]
    assert note.line == 2 and note.message == (
        "4 column headers are written over several lines, a piece a line; each is read "
        "joined (first: 社会 / 公益 / 组织 as '社会公益组织')")
    assert report.figure("applications", "new_requests", "total").value == 21


def test_two_pieces_under_one_that_both_go_on_with_it_are_joined_to_neither():
    # 结果 over 维持 and 纠正 (a converter's columns too far apart to tell): both
    # 结果维持 and 结果纠正 are headers, so which is this column's cannot be told
    text = ("四、政府信息公开行政复议、行政诉讼情况\n"
            "  结果\n"
            "维持 纠正\n"
            "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15\n")
    assert _rows(text)[:2] == [[("结果", (2, 6))], [("维持 纠正", (0, 9))]]


def test_pieces_that_spell_no_header_stay_and_the_rest_of_a_cell_is_kept():
    # 机构 goes on with 科研 only; 其他 heads a column alone; 年 and 度 spell nothing
    text = ("三、收到和处理政府信息公开申请情况\n"
            "自然人 科研 年\n"
            "其他   机构 度\n"
            "一、本年新收政府信息公开申请数量  1  0  0  0  0  0  1\n")
    assert _rows(text)[:2] == [[("自然人", (0, 6)), ("科研机构", (7, 11)), ("年", (12, 14))],
                               [("其他", (0, 4)), ("度", (12, 14))]]


def test_a_real_pdftotext_header_reads_with_fewer_warnings_and_the_same_figures():
    text = LAYOUT.read_text(encoding="utf-8")
    joined = govparse.parse(text)
    apart = govparse.read_document(read_text(text, header_pieces=False))
    assert sum(f.value is not None for *_, f in joined.table_figures()) == 186
    assert [f.value for *_, f in joined.table_figures()] == \
        [f.value for *_, f in apart.table_figures()]

    def warned(report):
        return [d.code for d in report.diagnostics if d.code in ("GP201", "GP202", "GP207")]
    assert warned(apart).count("GP207") == 5 and warned(joined).count("GP207") == 0
    assert len(warned(joined)) < len(warned(apart)) - 10


def test_a_joined_header_stands_where_its_first_piece_does():
    # 法's piece below (律服务机构) is wider and starts left of 社会公: the joined
    # headers keep the order of their first pieces, as the line above has them, so
    # that the columns are read in the header's order (here the template's)
    text = ("三、收到和处理政府信息公开申请情况\n"
            "自然人  商业企业  科研机构    社会公 法    其他  总计\n"
            "                            律服务机构\n"
            "                              益组织\n"
            "一、本年新收政府信息公开申请数量  1  2  3  4  5  6  21\n")
    assert [c for c, _ in _rows(text)[0]] == [
        "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    report = govparse.parse(text)
    assert [report.figure("applications", "new_requests", c).value for c in (
        "social_welfare_org", "legal_service_org", "total")] == [4, 5, 21]
