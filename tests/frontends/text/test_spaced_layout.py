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
