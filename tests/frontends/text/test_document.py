"""The text front-end: a report's text in, the Document the core reads out.

For each layout the text is written in (tab, pipe, cells, markdown), a small report
and the exact blocks it gives: their types, texts and locations (line, column), each
table's rows of cell texts, and what the layout's artefacts become (rule lines
dropped; the border pipes of a markdown table, whose every line starts and ends
with a pipe, dropped, while in the pipe layout a pipe at a line's start or end
leaves an empty cell there; separators at a line's end kept as empty cells, which
the core drops when a row has cells to spare; in the cells layout, one row for
each run of lines between blank lines; a cell continued on the next line joined,
with GP307 in ``doc.notes``; a run of lines of separators only kept as one
EmptyCells item). The core's reading of these Documents is pinned in tests/core.
"""

from __future__ import annotations

import pytest

from govparse.api import read_document
from govparse.document import (Document, EmptyCells, Heading, Paragraph, Table, TextLocation,
                               Title)
from govparse.frontends.text.reader import read_text

# ---------------------------------------------------------------- what a Document holds


def blocks(doc: Document) -> list[tuple]:
    """The blocks as plain data: (type, text, (line, column)) for a line of text;
    ("Table", (line, column), rows) for a table, each row its cells' texts, or
    ("EmptyCells", count) for a run of rows of one empty cell each."""
    out = []
    for block in doc.blocks:
        where = (block.location.line, block.location.column)
        if type(block) is Table:
            rows = tuple(("EmptyCells", row.count) if isinstance(row, EmptyCells)
                         else tuple(cell.text for cell in row) for row in block.rows)
            out.append(("Table", where, rows))
        else:
            out.append((type(block).__name__, block.text, where))
    return out


def places(table: Table) -> list[tuple]:
    """Each row's cells as (text, line, column)."""
    return [tuple((c.text, c.location.line, c.location.column) for c in row)
            for row in table.rows if not isinstance(row, EmptyCells)]


def tables(doc: Document) -> list[Table]:
    return [b for b in doc.blocks if type(b) is Table]


def codes(doc: Document) -> list[str]:
    return [d.code for d in doc.notes]


def figures(report) -> list[tuple]:
    return [(t, r, c, f.value) for t, r, c, f in report.table_figures()]


HEAD = "某区2024年政府信息公开工作年度报告\n\n一、总体情况\n\n本年度工作稳步推进。\n\n二、主动公开政府信息情况\n\n"
TAIL = "五、存在的主要问题及改进情况\n\n无。\n\n六、其他需要报告的事项\n\n无。\n"


def front(heading_line: int = 7) -> list[tuple]:
    return [
        ("Title", "某区2024年政府信息公开工作年度报告", (1, 1)),
        ("Heading", "一、总体情况", (3, 1)),
        ("Paragraph", "本年度工作稳步推进。", (5, 1)),
        ("Heading", "二、主动公开政府信息情况", (heading_line, 1)),
    ]


def back(line: int) -> list[tuple]:
    """The last two sections, their heading at ``line``."""
    return [
        ("Heading", "五、存在的主要问题及改进情况", (line, 1)),
        ("Paragraph", "无。", (line + 2, 1)),
        ("Heading", "六、其他需要报告的事项", (line + 4, 1)),
        ("Paragraph", "无。", (line + 6, 1)),
    ]


ACTIVE = (("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
          ("规章", "1", "2", "3"),
          ("行政规范性文件", "4", "5", "6"))
DISCLOSED = ("（一）予以公开", "5", "1", "0", "0", "0", "0", "6")
PARTIAL = ("（二）部分公开", "1", "0", "0", "0", "0", "0", "1")
REVIEW = ("行政复议", "1", "0", "0", "1", "2")


# ---------------------------------------------------------------- tab

TAB = HEAD + (
    "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"  # line 9
    "规章\t1\t2\t3\t\t\n"                                  # separators at the end
    "行政规范性文件\t4\t5\t6\n"
    "\n"
    "三、收到和处理政府信息公开申请情况\n"                  # line 13
    "\n"
    "三、本年度办理结果\t（一）予以公开\t5\t1\t0\t0\t0\t0\t6\n"  # line 15
    "\t（二）部分公开\t1\t0\t0\t0\t0\t0\t1\n"               # a merged label cell
    "\n"
    "四、政府信息公开行政复议、行政诉讼情况\n"              # line 18
    "\n"
    "行政复议\t1\t0\t0\t1\t2\n"                              # line 20
    "\n") + TAIL                                              # 五、 on line 22


def test_tab_layout():
    doc = read_text(TAB)
    assert blocks(doc) == front() + [
        # the separators at a line's end leave empty cells (the core drops them)
        ("Table", (9, 1), (ACTIVE[0], ACTIVE[1] + ("", ""), ACTIVE[2])),
        ("Heading", "三、收到和处理政府信息公开申请情况", (13, 1)),
        # the empty cell a merged label leaves at a line's start is kept (the core skips it)
        ("Table", (15, 1), (("三、本年度办理结果",) + DISCLOSED, ("",) + PARTIAL)),
        ("Heading", "四、政府信息公开行政复议、行政诉讼情况", (18, 1)),
        ("Table", (20, 1), (REVIEW,)),
    ] + back(22)
    active, applications, _ = tables(doc)
    assert places(active) == [
        (("信息内容", 9, 1), ("本年制发件数", 9, 6), ("本年废止件数", 9, 13), ("现行有效件数", 9, 20)),
        (("规章", 10, 1), ("1", 10, 4), ("2", 10, 6), ("3", 10, 8), ("", 10, 10), ("", 10, 11)),
        (("行政规范性文件", 11, 1), ("4", 11, 9), ("5", 11, 11), ("6", 11, 13)),
    ]
    assert places(applications)[1][:3] == (("", 16, 1), ("（二）部分公开", 16, 2), ("1", 16, 10))
    assert doc.notes == ()


# ---------------------------------------------------------------- pipe

PIPE = HEAD + (
    "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n"    # line 9
    "| 规章 | 1 | 2 | 3 |\n"                                     # pipes at both ends
    "行政规范性文件 | 4 | 5 | 6 |\n"                             # a pipe at the end only
    "\n"
    "三、收到和处理政府信息公开申请情况\n"
    "\n"
    "三、本年度办理结果 | （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6\n"
    "（二）部分公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n"
    "\n"
    "四、政府信息公开行政复议、行政诉讼情况\n"
    "\n"
    "行政复议 ｜ 1 ｜ 0 ｜ 0 ｜ 1 ｜ 2\n"                        # full-width pipes
    "\n") + TAIL


def test_pipe_layout():
    doc = read_text(PIPE)
    assert blocks(doc) == front() + [
        # not every line has border pipes, so this is no markdown table: a pipe at a
        # line's start or end leaves an empty cell there (the core skips an empty
        # cell before the row label, and drops those ending a row with cells to
        # spare: test_every_layout_reads_to_the_same_figures)
        ("Table", (9, 1), (ACTIVE[0], ("",) + ACTIVE[1] + ("",), ACTIVE[2] + ("",))),
        ("Heading", "三、收到和处理政府信息公开申请情况", (13, 1)),
        ("Table", (15, 1), (("三、本年度办理结果",) + DISCLOSED, PARTIAL)),
        ("Heading", "四、政府信息公开行政复议、行政诉讼情况", (18, 1)),
        ("Table", (20, 1), (REVIEW,)),
    ] + back(22)
    active, _, review = tables(doc)
    assert places(active) == [
        (("信息内容", 9, 1), ("本年制发件数", 9, 8), ("本年废止件数", 9, 17), ("现行有效件数", 9, 26)),
        (("", 10, 1), ("规章", 10, 3), ("1", 10, 8), ("2", 10, 12), ("3", 10, 16), ("", 10, 19)),
        (("行政规范性文件", 11, 1), ("4", 11, 11), ("5", 11, 15), ("6", 11, 19), ("", 11, 22)),
    ]
    assert places(review) == [(("行政复议", 20, 1), ("1", 20, 8), ("0", 20, 12), ("0", 20, 16),
                               ("1", 20, 20), ("2", 20, 24))]
    assert doc.notes == ()


# ---------------------------------------------------------------- markdown

MARKDOWN = HEAD + (
    "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"  # line 9
    "|---|---|---|---|\n"                                         # the rule: no row
    "| 规章 | 1 | 2 | 3 |\n"
    "| 行政规范性文件 | 4 | 5 | 6 |\n"
    "\n"
    "三、收到和处理政府信息公开申请情况\n"                         # line 14
    "\n"
    "| 三、本年度办理结果 | （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |\n"
    "|---|---|---|---|---|---|---|---|---|\n"
    "|  | （二）部分公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"          # line 18
    "\n"
    "四、政府信息公开行政复议、行政诉讼情况\n"                     # line 20
    "\n"
    "| 行政复议 | 1 | 0 | 0 | 1 | 2 |\n"
    "|---|---|---|---|---|---|\n"
    "\n") + TAIL                                                   # 五、 on line 25


def test_markdown_layout():
    doc = read_text(MARKDOWN)
    assert blocks(doc) == front() + [
        ("Table", (9, 1), ACTIVE),
        ("Heading", "三、收到和处理政府信息公开申请情况", (14, 1)),
        # the border pipes are dropped; an empty cell between them is a cell
        ("Table", (16, 1), (("三、本年度办理结果",) + DISCLOSED, ("",) + PARTIAL)),
        ("Heading", "四、政府信息公开行政复议、行政诉讼情况", (20, 1)),
        ("Table", (22, 1), (REVIEW,)),
    ] + back(25)
    active, applications, _ = tables(doc)
    assert places(active) == [
        (("信息内容", 9, 3), ("本年制发件数", 9, 10), ("本年废止件数", 9, 19), ("现行有效件数", 9, 28)),
        (("规章", 11, 3), ("1", 11, 8), ("2", 11, 12), ("3", 11, 16)),
        (("行政规范性文件", 12, 3), ("4", 12, 13), ("5", 12, 17), ("6", 12, 21)),
    ]
    # an empty cell stands just after the separator before it
    assert places(applications)[1][:3] == (("", 18, 2), ("（二）部分公开", 18, 6), ("1", 18, 16))
    assert doc.notes == ()


# ---------------------------------------------------------------- cells

CELLS = HEAD + (
    "\t信息内容\n"          # line 9
    "\t本年制发\n"
    "件数\n"                # not indented: continues the cell above
    "\t本年废止件数\n"
    "\t现行有效件数\n"
    "\n"
    "\t规章\n\t1\n\t2\n\t3\n"          # lines 15-18
    "\n"
    "\t行政规范性文件\n\t4\n\t5\n\t6\n"  # lines 20-23
    "\n"
    "三、收到和处理政府信息公开申请情况\n"  # line 25
    "\n"
    "\t三、本年度办理结果\n\t（一）予以公开\n\t5\n\t1\n\t0\n\t0\n\t0\n\t0\n\t6\n"  # 27-35
    "\n"
    "\t（二）部分公开\n\t1\n\t0\n\t0\n\t0\n\t0\n\t0\n\t1\n"  # 37-44
    "\n"
    "四、政府信息公开行政复议、行政诉讼情况\n"  # line 46
    "\n"
    "\t行政复议\n"          # line 48
    "\t\n\t\n\t\n"          # lines 49-51: separators only
    "\t1\n\t0\n\t0\n\t1\n\t2\n"  # 52-56: no blank line before them, yet a row
    "\n") + TAIL             # 五、 on line 58


def test_cells_layout():
    doc = read_text(CELLS)
    assert blocks(doc) == front() + [
        # one row for each run of lines between blank lines: a row of the table
        ("Table", (9, 1), ACTIVE),
        ("Heading", "三、收到和处理政府信息公开申请情况", (25, 1)),
        ("Table", (27, 1), (("三、本年度办理结果",) + DISCLOSED, PARTIAL)),
        ("Heading", "四、政府信息公开行政复议、行政诉讼情况", (46, 1)),
        # lines of separators only stand apart from the lines around them: the lines
        # of text before and after them are rows of their own
        ("Table", (48, 1), (("行政复议",), ("EmptyCells", 3), ("1", "0", "0", "1", "2"))),
    ] + back(58)
    active, _, review = tables(doc)
    assert places(active)[:2] == [
        (("信息内容", 9, 2), ("本年制发件数", 10, 2), ("本年废止件数", 12, 2),
         ("现行有效件数", 13, 2)),
        (("规章", 15, 2), ("1", 16, 2), ("2", 17, 2), ("3", 18, 2)),
    ]
    # the joined cell: one note, where its second part stands
    (note,) = doc.notes
    assert (note.code, note.line, note.column) == ("GP307", 11, 1)
    # the three lines of separators only: one item, its cells made when read
    run = review.rows[1]
    assert isinstance(run, EmptyCells) and run.location == TextLocation(49, 1)
    assert [(c.text, c.location) for c in run.cells()] == [
        ("", TextLocation(line, 2)) for line in (49, 50, 51)]


def test_separator_lines_with_blank_lines_between_are_one_run():
    text = ("某区2024年政府信息公开工作年度报告\n\n四、政府信息公开行政复议、行政诉讼情况\n\n"
            "\t行政复议\n\t\n\n\t\n\t\n\t\n\t1\n\t0\n\t0\n\t1\n\t2\n")
    (table,) = tables(read_text(text))
    run = table.rows[1]
    assert isinstance(run, EmptyCells) and run.count == 4
    assert [c.location.line for c in run.cells()] == [6, 8, 9, 10]


def test_one_separator_line_is_a_row_of_one_empty_cell():
    text = ("某区2024年政府信息公开工作年度报告\n\n四、政府信息公开行政复议、行政诉讼情况\n\n"
            "\t行政复议\n\t\n\t1\n\t0\n\t0\n\t1\n\t2\n")
    (table,) = tables(read_text(text))
    # with no blank line between them, it is a cell of the row with the lines around
    # it (a missing figure's, or a merged label cell's rest: the core tells which)
    assert places(table) == [(("行政复议", 5, 2), ("", 6, 2), ("1", 7, 2), ("0", 8, 2),
                              ("0", 9, 2), ("1", 10, 2), ("2", 11, 2))]


def test_one_separator_line_that_ends_a_row_s_lines_is_its_last_cell():
    # a row's last figure missing, written as an empty cell: the row is as wide as
    # its header, and a figure too many before the empty cell is seen as one
    text = ("某区2024年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n"
            "\t信息内容\n\t本年处理决定数量\n\n\t行政许可\n\t7\n\t\n\n\t行政处罚\n\t8\n")
    (table,) = tables(read_text(text))
    assert places(table) == [(("信息内容", 5, 2), ("本年处理决定数量", 6, 2)),
                             (("行政许可", 8, 2), ("7", 9, 2), ("", 10, 2)),
                             (("行政处罚", 12, 2), ("8", 13, 2))]


def test_separator_lines_add_nothing_in_the_tab_layout():
    text = ("某区2024年政府信息公开工作年度报告\n\n四、政府信息公开行政复议、行政诉讼情况\n\n"
            "行政复议\t1\t0\t0\t1\t2\n\t\t\n\t\t\n行政诉讼\n")
    (table,) = tables(read_text(text))
    assert [tuple(c.text for c in row) for row in table.rows] == [REVIEW, ("行政诉讼",)]


# ---------------------------------------------------------------- the four alike


@pytest.mark.parametrize("text", [TAB, PIPE, MARKDOWN, CELLS], ids=["tab", "pipe", "markdown", "cells"])
def test_every_layout_reads_to_the_same_figures(text):
    report = read_document(read_text(text))
    expected = read_document(read_text(TAB))
    assert figures(report) == figures(expected)
    assert report.active_disclosure.normative_documents.in_force.value == 6
    assert report.applications.partially_disclosed.total.value == 1
    assert report.review_litigation.administrative_review.total.value == 2


# ---------------------------------------------------------------- lines of text

BODY = "\n\n一、总体情况\n\n无。\n"


@pytest.mark.parametrize("line, title, column", [
    ("示例县人民政府办公室2024年政府信息公开工作年度报告",
     "示例县人民政府办公室2024年政府信息公开工作年度报告", 1),
    ("2024年政府信息公开工作年度报告", "2024年政府信息公开工作年度报告", 1),
    # blanks around the line are not the title's
    ("  某区 2024 年度政府信息公开工作年度报告  ", "某区 2024 年度政府信息公开工作年度报告", 3),
    # a markdown heading mark stays: the core drops it from the organisation
    ("# 3号楼管理处2024年政府信息公开工作年度报告", "# 3号楼管理处2024年政府信息公开工作年度报告", 1),
])
def test_title_line(line, title, column):
    doc = read_text(line + BODY)
    assert blocks(doc)[0] == ("Title", title, (1, column))
    assert type(doc.blocks[1]) is Heading


def test_title_line_gives_the_organisation_and_year():
    report = read_document(read_text("示例县人民政府办公室2024年政府信息公开工作年度报告" + BODY))
    assert (report.organization.value, report.year.value) == ("示例县人民政府办公室", 2024)
    assert (report.year.line, report.year.column) == (1, 11)


def test_a_byte_order_mark_is_read_as_a_blank():
    # in text given as str, a BOM is a zero-width blank: columns still count it
    doc = read_text("\ufeff某区2024年政府信息公开工作年度报告" + BODY)
    assert blocks(doc)[:2] == [("Title", "某区2024年政府信息公开工作年度报告", (1, 2)),
                               ("Heading", "一、总体情况", (3, 1))]
    assert "\ufeff" not in doc.blocks[0].text


@pytest.mark.parametrize("line, heading, column", [
    ("（三）收到和处理政府信息公开申请的情况:", "（三）收到和处理政府信息公开申请的情况:", 1),
    ("**三、收到和处理政府信息公开申请情况**", "**三、收到和处理政府信息公开申请情况**", 1),
    ("## 三、收到和处理政府信息公开申请情况", "## 三、收到和处理政府信息公开申请情况", 1),
    ("  三、收到和处理政府信息公开申请情况：  ", "三、收到和处理政府信息公开申请情况：", 3),
])
def test_heading_written_with_variants(line, heading, column):
    text = ("某区2024年政府信息公开工作年度报告\n\n" + line + "\n\n"
            "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n")
    doc = read_text(text)
    # the heading as written (blanks around it aside), where it starts
    assert blocks(doc)[1:] == [
        ("Heading", heading, (3, column)),
        ("Table", (5, 1), (("一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"),)),
    ]
    report = read_document(doc)
    assert [s.number for s in report.sections] == [3]
    assert report.applications.new_requests.total.value == 1


def test_prose_in_a_table_section_follows_the_table():
    text = ("某区2024年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n"
            "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n"   # line 5
            "本年度共收到申请1件，均已按时答复。\n"                      # line 6
            "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"   # line 7
            "以上数据截至12月31日。\n")                                  # line 8
    doc = read_text(text)
    assert blocks(doc)[1:] == [
        ("Heading", "三、收到和处理政府信息公开申请情况", (3, 1)),
        ("Table", (5, 1), (("一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"),
                           ("二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0"))),
        ("Paragraph", "本年度共收到申请1件，均已按时答复。", (6, 1)),
        ("Paragraph", "以上数据截至12月31日。", (8, 1)),
    ]
    report = read_document(doc)
    assert [p.text for p in report.section(3).paragraphs] == [
        "本年度共收到申请1件，均已按时答复。", "以上数据截至12月31日。"]
    assert report.applications.carried_over.total.value == 0


def test_a_label_alone_in_a_table_section_is_a_cell_not_prose():
    # a table's own label is a cell even alone on its line (第二十条第（一）项)
    text = ("某区2024年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n"
            "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t2\t3\n")
    doc = read_text(text)
    assert [type(b) for b in doc.blocks] == [Title, Heading, Table]
    assert blocks(doc)[2][2][0] == ("第二十条第（一）项",)
    assert not any(type(b) is Paragraph for b in doc.blocks)
