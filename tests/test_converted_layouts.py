"""The printer's ``grid`` (w3m -dump) and ``aligned`` (pdftotext -layout) layouts:
what they print for the bundled examples, and how the text front-end reads them back
where a missing figure leaves only blanks (the properties over generated reports are
in tests/test_cross_format.py)."""

from __future__ import annotations

import pytest

import govparse
from govparse.cli import cli
from govparse.emit.printer import CONVERTED_LAYOUTS, dumps
from govparse.model.report import Figure

from conftest import EXAMPLES
from helpers import codes

from click.testing import CliRunner


def example(year: int = 2024) -> govparse.Report:
    return govparse.parse_file(EXAMPLES / f"report-{year}-tab.txt")


def section(text: str, heading: str, end: str) -> list[str]:
    return text[text.index(heading):text.index(end)].split("\n")


# ---------------------------------------------------------------- grid (w3m -dump)


def test_the_grid_layout_draws_each_table_with_box_lines_as_w3m_does():
    text = dumps(example(), "grid")
    assert section(text, "二、主动公开政府信息情况", "第二十条第（五）项")[2:] == [
        "┌─────────────────────────────────────────────────────┐",
        "│第二十条第（一）项                                   │",
        "├──────────────┬────────────┬────────────┬────────────┤",
        "│信息内容      │本年制发件数│本年废止件数│现行有效件数│",
        "├──────────────┼────────────┼────────────┼────────────┤",
        "│规章          │0           │0           │0           │",
        "├──────────────┼────────────┼────────────┼────────────┤",
        "│行政规范性文件│5           │1           │23          │",
        "├──────────────┴────────────┴────────────┴────────────┤",
        "│",
    ]


def test_the_grid_layout_wraps_labels_and_header_cells_inside_their_cells():
    # the table is fitted to the screen as w3m fits it: the widest columns narrowed,
    # a label wrapped over lines, the figures on its middle line
    lines = dumps(example(), "grid").split("\n")
    at = lines.index("│                  │              │1.申请人无正当理由逾 │      │        "
                     "│        │            │            │    │    │")
    assert [line.split("│")[3:6] for line in lines[at:at + 4]] == [
        ["1.申请人无正当理由逾 ", "      ", "        "],
        ["期不补正、行政机关不 ", "0     ", "1       "],
        ["再处理其政府信息公开 ", "      ", "        "],
        ["申请                 ", "      ", "        "],
    ]
    review = section(dumps(example(), "grid"), "四、政府信息公开行政复议", "五、")
    assert review[6].split("│")[1:5] == ["结果维 ", "结果纠 ", "其他结 ", "尚未审 "]
    assert review[6].split("│")[5].startswith("总计├───────┬")
    assert review[7].split("│")[1:6] == ["持     ", "正     ", "果     ", "结     ", "    "]
    assert max(len(line) for line in review) <= 118


@pytest.mark.parametrize("year", [2024, 2020])
def test_a_grid_printout_reads_back_to_the_same_report(year):
    report = example(year)
    back = govparse.parse(dumps(report, "grid"))
    assert back == report
    assert codes(back) == codes(report)


# ---------------------------------------------------------------- aligned (pdftotext -layout)


def test_the_aligned_layout_puts_each_column_at_its_place_without_separators():
    text = dumps(example(), "aligned")
    assert section(text, "四、政府信息公开行政复议", "五、")[2:6] == [
        "                      行政复议" + " " * 76 + "行政诉讼",
        "结果维持    结果纠正    其他结果    尚未审结    总计" + " " * 22 + "未经复议直接起诉"
        + " " * 43 + "复议后起诉",
        " " * 56 + "    ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2),
        "   1           0           0           1         2         1           0           0"
        "           0         1         0           0           0           0         0",
    ]
    applications = section(text, "三、收到和处理政府信息公开申请情况", "四、政府信息公开")
    # a label spanning rows stands on the middle one, beside that row's own labels
    assert any(line.startswith("三、本年度办理结果    （四）无法提供    2.没有现成信息需要另行制作")
               for line in applications)
    # a long row label wraps inside its column, its figures on its first line
    at = next(i for i, line in enumerate(applications) if "1.申请人无正当理由" in line)
    assert applications[at].split() == ["1.申请人无正当理由逾期不补正、行政机关不", "0", "1", "0",
                                        "0", "0", "0", "1"]
    assert applications[at + 1] == " " * 40 + "再处理其政府信息公开申请"
    assert "\t" not in text and "|" not in text


def test_a_row_label_continued_below_its_figures_is_joined_back():
    # 1.申请人无正当理由逾期不补正、行政机关不 / 再处理其政府信息公开申请: the rest of the
    # label, on the line after the figures, is the next row's first cell no label
    # of the table names; joined back, the two name the row (GP307)
    report = example()
    back = govparse.parse(dumps(report, "aligned"))
    assert back == report
    notes = [d.message for d in back.diagnostics if d.code == "GP307"]
    assert notes == [
        "row label '1.申请人无正当理由逾期不补正、行政机关不' continues on a line after its "
        "figures as '再处理其政府信息公开申请'; read as '1.申请人无正当理由逾期不补正、行政机关"
        "不再处理其政府信息公开申请'",
        "row label '2.申请人逾期未按收费通知要求缴纳费用、行' continues on a line after its "
        "figures as '政机关不再处理其政府信息公开申请'; read as '2.申请人逾期未按收费通知要求缴纳"
        "费用、行政机关不再处理其政府信息公开申请'",
    ]


def test_an_aligned_row_with_blank_cells_is_placed_by_the_header_above_it():
    report = example()
    report = report.replace_figure("applications", "new_requests", "commercial_enterprise",
                                   Figure())
    report = report.replace_figure("applications", "disclosed", "natural_person", Figure())
    text = dumps(report, "aligned")
    assert "\n（一）予以公开" not in text  # (a row label that does not start its line)
    back = govparse.parse(text)
    assert back == report
    said = [(d.code, d.message) for d in back.diagnostics if d.code == "GP316"]
    assert said == [
        ("GP316", "row '一、本年新收政府信息公开申请数量': no figure stands under 商业企业; it is "
                  "taken as missing"),
        ("GP316", "row '（一）予以公开': no figure stands under 自然人; it is taken as missing"),
    ]


def test_the_review_row_with_blank_cells_is_placed_under_its_repeated_outcomes():
    # 结果维持 … 总计 head three groups of columns: their places, read left to right
    report = example()
    report = report.replace_figure("review_litigation", "administrative_review", "upheld",
                                   Figure())
    report = report.replace_figure("review_litigation", "litigation_after_review", "total",
                                   Figure())
    back = govparse.parse(dumps(report, "aligned"))
    assert back == report
    assert back.review_litigation.administrative_review.upheld.value is None
    assert back.review_litigation.administrative_review.corrected.value == 0
    assert "GP314" not in codes(back)


def test_a_2019_sub_table_is_placed_by_its_own_header():
    # section 二 of the 2019 template repeats 上一年项目数量 / 本年增/减 over columns
    # of other widths (第二十条第（八）项): each row is read under the header above it
    report = example(2020)
    report = report.replace_figure("active_disclosure", "administrative_penalty",
                                   "previous_year_items", Figure())
    report = report.replace_figure("active_disclosure", "administrative_fees", "change",
                                   Figure())
    back = govparse.parse(dumps(report, "aligned"))
    assert back == report
    assert back.active_disclosure.administrative_penalty.change.value == -15
    assert back.active_disclosure.administrative_fees.previous_year_items.value == 6


def test_two_header_lines_with_no_row_between_still_leave_a_place_in_doubt():
    # the same report with the 第二十条第（八）项 header written twice, the second
    # time over other columns: which one the row stands under cannot be told
    report = example(2020)
    report = report.replace_figure("active_disclosure", "administrative_fees", "change",
                                   Figure())
    text = dumps(report, "aligned")
    header = "信息内容                上一年项目数量               本年增/减"
    assert text.count(header) == 1
    text = text.replace(header, header + "\n信息内容     上一年项目数量     本年增/减")
    back = govparse.parse(text)
    assert back.active_disclosure.administrative_fees.previous_year_items.value is None
    assert "GP314" in codes(back)


@pytest.mark.parametrize("layout", CONVERTED_LAYOUTS)
def test_fmt_prints_the_converted_layouts_but_never_in_place(layout, tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(dumps(example(), "tab"), encoding="utf-8")
    printed = CliRunner().invoke(cli, ["fmt", "--layout", layout, str(path)])
    assert printed.exit_code == 0
    assert printed.stdout == dumps(example(), layout)
    refused = CliRunner().invoke(cli, ["fmt", "--layout", layout, "--in-place", str(path)])
    assert refused.exit_code == 2
    assert "does not go with --in-place or --check" in refused.output
