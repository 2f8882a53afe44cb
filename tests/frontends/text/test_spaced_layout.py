"""The ``spaced`` layout (govparse/frontends/text/layouts/spaced.py): tables whose
cells are parted by blanks only, as PDF text and converters of borderless tables
print them; and real texts of that kind: no figure wrong, and how many are read."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest

import govparse
from govparse.document import Table
from govparse.frontends.text.layouts.spaced import _cells
from govparse.frontends.text.reader import read_text

from conftest import HERE

REAL = HERE / "data" / "real"


def texts_and_x(text: str):
    return [(c.kind, c.text, c.x) for c in _cells(text, 1, 1)]


def test_a_rows_words_are_labels_and_figures_with_their_extents():
    assert texts_and_x("一、本年新收政府信息公开申请数量 95 0 0 0 0 0 95")[:3] == [
        ("label", "一、本年新收政府信息公开申请数量", (0, 32)),
        ("number", "95", (33, 35)),
        ("number", "0", (36, 37)),
    ]


def test_two_blanks_part_two_labels_one_blank_does_not():
    assert [t for _, t, _ in texts_and_x("（三）不  4.保护第三方合法权益 3 0")] == [
        "（三）不", "4.保护第三方合法权益", "3", "0"]
    assert [t for _, t, _ in texts_and_x("1. 属于国家秘密 0")] == ["1. 属于国家秘密", "0"]


def test_every_blank_is_one_column_wide_but_the_ideographic_space():
    """What _cells counts the blanks before a word by (its gaps are not measured)."""
    import sys

    from govparse.frontends.text.lines import char_width

    blanks = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert {c: char_width(c) for c in blanks} == {c: 2 if c == "\u3000" else 1 for c in blanks}
    assert texts_and_x("规章\u3000\u3000 3\xa0 4")[1:] == [("number", "3", (9, 10)),
                                                        ("number", "4", (12, 13))]


def test_signs_units_and_placeholders_are_figures():
    assert [(k, t) for k, t, _ in texts_and_x("行政许可 58个 +17 —")] == [
        ("label", "行政许可"), ("number", "58"), ("number", "+17"), ("placeholder", "—")]


SPACED_REPORT = """\
某区2024年政府信息公开工作年度报告

二、主动公开政府信息情况

第二十条第（一）项
信息内容        本年制发件数  本年废止件数  现行有效件数
规章            1             2             3
行政规范性文件  4             5             6
第二十条第（五）项
信息内容        本年处理决定数量
行政许可        7
"""


def test_a_spaced_table_is_read_with_its_figures_in_place():
    report = govparse.parse(SPACED_REPORT)
    rules = report.active_disclosure.rules
    assert (rules.issued.value, rules.repealed.value, rules.in_force.value) == (1, 2, 3)
    assert report.active_disclosure.normative_documents.in_force.value == 6
    assert report.active_disclosure.administrative_licensing.decisions.value == 7
    (table,) = [b for b in read_text(SPACED_REPORT).blocks if type(b) is Table]
    assert [c.text for c in table.rows[2]] == ["规章", "1", "2", "3"]


def test_a_spaced_row_short_of_a_figure_is_placed_by_the_header_above_it():
    text = SPACED_REPORT.replace("规章            1             2             3",
                                 "规章            1                           3")
    report = govparse.parse(text)
    rules = report.active_disclosure.rules
    assert (rules.issued.value, rules.repealed.value, rules.in_force.value) == (1, None, 3)
    assert "GP316" in {d.code for d in report.diagnostics}


def test_a_long_row_is_not_taken_for_a_sentence():
    line = "一、本年新收政府信息公开申请数量" + "、" * 40 + " 95 0 0 0 0 0 95"
    text = ("某区2024年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n"
            f"{line}\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n")
    assert [type(b).__name__ for b in read_text(text).blocks][-1] == "Table"


def test_a_long_line_of_short_headers_is_not_taken_for_a_sentence():
    # the review table's fifteen headers on one line, one blank apart (a PDF's text
    # layer, wkhtmltopdf's print of a page): a paragraph, the table lost its third
    # header row and every figure of the table
    headers = " ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)
    figures = " ".join(str(n) for n in range(1, 16))
    text = ("某区2024年政府信息公开工作年度报告\n\n四、政府信息公开行政复议、行政诉讼情况\n"
            f"行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n{headers}\n{figures}\n")
    (table,) = [b for b in read_text(text).blocks if type(b) is Table]
    assert [c.text for c in table.rows[2]] == headers.split()
    # a sentence with blanks in it stays one
    sentence = "本机关" + "全年共收到政府信息公开申请，" * 5 + " 已全部 按期 办结 答复"
    assert [type(b).__name__ for b in read_text(text.replace(headers, sentence)).blocks
            ].count("Paragraph") == 1


def expected(tsv, report: str) -> dict:
    out = {}
    with open(tsv, encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["report"] == report and row["table"] != "report":
                out[(row["table"], row["row"], row["column"])] = row["value"].split("|")
    return out


def score(report, figures: dict) -> tuple[int, dict]:
    right, wrong = 0, {}
    for key, values in figures.items():
        try:
            got = report.figure(*key).value
        except (AttributeError, KeyError):
            got = None
        ok = any(v == "missing" and got is None or v != "missing" and got is not None
                 and Decimal(str(got)) == Decimal(v) for v in values)
        if ok:
            right += 1
        elif got is not None:
            wrong[key] = (got, values)
    return right, wrong


@pytest.mark.parametrize("path, tsv, report, at_least", [
    ("pdf/hzq2023.pdfium.txt", "pdf/hzq2023.expected.tsv", "hzq2023.pdf", 186),
    ("pdf/hzq2024.layout.txt", "pdf/hzq2024.expected.tsv", "hzq2024.pdf", 186),
    ("text/013.w3m.txt", "text/expected.tsv", "013.w3m", 198),
])
def test_real_spaced_texts_give_no_wrong_figure(path, tsv, report, at_least):
    """PDF text and a borderless w3m table: every figure read is right; how many are
    read is pinned from below (measured: all 186 table figures of either PDF's text,
    their page numbers dropped (GP009); 198 of the 200 of the w3m text, its labels
    wrapped onto the line after their figures joined back, GP307)."""
    parsed = govparse.parse_file(REAL / path)
    right, wrong = score(parsed, expected(REAL / tsv, report))
    assert wrong == {}
    assert right >= at_least


# The applications table as pdftotext -layout prints a PDF: each line laid out a
# character a column (a CJK character one column, not two), the header broken over
# lines so that it gives no places, a row's empty cell left out.
_ROWS = [("一、本年新收政府信息公开申请数量", [3, 0, 1, 0, 0, 0, 4]),
         ("二、上年结转政府信息公开申请数量", [0, 0, 0, 0, 0, 0, 0]),
         ("（一）予以公开", [2, 0, 1, 0, 0, 0, 3]),
         ("1.属于国家秘密", [0, 0, 0, 0, 0, 0, 0]),
         ("8.属于行政查询事项", [1, 0, 0, 0, 0, 0, 1]),
         ("2.重复申请", [None, 0, 0, 0, 0, 0, 0])]  # 自然人 empty
_COLUMNS = ("natural_person", "commercial_enterprise", "research_institution",
            "social_welfare_org", "legal_service_org", "other_org", "total")
_ROW_IDS = ("new_requests", "carried_over", "disclosed", "withheld_state_secret",
            "withheld_administrative_inquiry", "not_processed_duplicate")


def _character_grid(separator: str | None = None) -> str:
    lines = ["三、收到和处理政府信息公开申请情况",
             "                        自然人   商业 科研 社会 法律 其他 总计"]
    for label, figures in _ROWS:
        cells = ["" if f is None else str(f) for f in figures]
        if separator is not None:  # one blank between cells: no places at all
            lines.append(separator.join([label, *[c for c in cells if c]]))
        else:
            lines.append(label.ljust(24) + "".join(c.rjust(5) for c in cells))
    return "\n".join(lines) + "\n"


def test_a_row_short_of_a_figure_is_placed_by_the_columns_its_neighbours_stand_in():
    report = govparse.parse(_character_grid())
    for row, (_, figures) in zip(_ROW_IDS, _ROWS):
        assert [report.figure("applications", row, c).value for c in _COLUMNS] == figures, row
    (placed,) = [d for d in report.diagnostics if d.code == "GP316"]
    assert placed.line == 8 and placed.message == (
        "row '2.重复申请': no figure stands in the column of 自然人, where the figures of "
        "the table's full rows stand; it is taken as missing")


def test_cells_parted_by_one_blank_give_no_columns_to_place_by():
    report = govparse.parse(_character_grid(" "))
    assert all(report.figure("applications", "not_processed_duplicate", c).value is None
               for c in _COLUMNS)
    assert "GP314" in {d.code for d in report.diagnostics}


def test_full_rows_that_do_not_agree_where_the_columns_stand_place_nothing():
    text = _character_grid().split("\n")
    # the full row nearest the short one shifted a column to the right: the rows
    # nearest it no longer agree with the others (as a new page's grid), and fewer
    # than three do
    text[6] = " " + text[6]
    report = govparse.parse("\n".join(text))
    assert all(report.figure("applications", "not_processed_duplicate", c).value is None
               for c in _COLUMNS)
