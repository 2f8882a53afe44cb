"""A number wrapped inside its cell (govparse/core/stacked.py): where the source gives
each figure's horizontal place, its two parts stand one above the other, and the rows
they touch are missing with GP320, never read one column out.

The shapes: a space-aligned table (as ``pdftotext -layout`` prints a PDF) whose
``55555`` in 3.危及“三安全一稳定” is wrapped as ``555`` / ``55``, the parts on the
row's line and the line after, or around the row's line (a cell centred in its row),
with the row above short of that figure or not, or the second part on the row's line;
and the same printed as a PDF without lines between its rows."""

from __future__ import annotations

import unicodedata

import pytest

import govparse
from govparse.model.report import Figure

from conftest import EXAMPLES

ROW = ("applications", "withheld_security_stability")
ABOVE = ("applications", "withheld_prohibited_by_law")
LABELS = {ROW: "3.危及“三安全一稳定”", ABOVE: "2.其他法律行政法规禁止公开"}
COLUMN = "natural_person"


@pytest.fixture(scope="module")
def report():
    wide = govparse.parse_file(EXAMPLES / "report-2024-tab.txt")
    return wide.replace_figure(*ROW, COLUMN, Figure(value=55555))


def wrapped(text: str, shape: str) -> str:
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if "三安全一稳定" in line)
    line, above = lines[at], lines[at - 1]
    j = line.index("55555")
    pad = _blank(line[:j])  # (a CJK character is two columns wide)
    first, second = pad + "555", pad + "  55"
    bare = line[:j] + " " * 5 + line[j + 5:]
    if shape == "after":  # 555 on the row's line, 55 below
        lines[at:at + 1] = [line[:j] + "555  " + line[j + 5:], second]
    elif shape == "around":  # the figure centred: 555 above the row's line, 55 below
        lines[at:at + 1] = [first, bare, second]
    elif shape == "around, the row above short":
        # the row above's figure in that column, left out
        k = len(above) - len(_blank(above)) + len(pad) + 2
        assert above[k] == "0"
        lines[at - 1:at + 1] = [above[:k] + " " + above[k + 1:], first, bare, second]
    elif shape == "second part on the row's line":
        lines[at:at + 1] = [first, line[:j] + "  55 " + line[j + 5:]]
    return "\n".join(lines)


def _blank(text: str) -> str:
    return "".join("  " if unicodedata.east_asian_width(c) in "WF" else " " for c in text)


SHAPES = ["after", "around", "around, the row above short", "second part on the row's line"]


@pytest.mark.parametrize("shape", SHAPES)
def test_a_wrapped_number_in_an_aligned_table_is_missing_never_wrong(report, shape):
    text = wrapped(govparse.dumps(report, "aligned"), shape)
    read = govparse.parse(text)
    for table, row, column, figure in report.table_figures():
        got = read.figure(table, row, column).value
        assert got is None or got == figure.value, (table, row, column, got)
    assert read.figure(*ROW, COLUMN).value is None
    stacked = [d for d in read.diagnostics if d.code == "GP320"]
    assert stacked and all(d.severity == govparse.Severity.ERROR for d in stacked)
    said = {d.message.split("'")[1] for d in stacked}
    assert "3.危及“三安全一稳定”" in said
    # each row touched is missing whole, said by its own GP320
    for name in (ROW, ABOVE):
        values = [read.figure(*name, c).value for c in ("natural_person", "total")]
        touched = any(f"row '{LABELS[name]}'" in d.message for d in stacked)
        assert touched == (values == [None, None]), (name, values)


def test_the_message_names_both_parts_and_their_lines(report):
    read = govparse.parse(wrapped(govparse.dumps(report, "aligned"), "after"))
    said, below = [d for d in read.diagnostics if d.code == "GP320"]
    assert below.message.startswith("row '4.保护第三方合法权益': '55' (line ")
    assert said.message.startswith("row '3.危及“三安全一稳定”': '555' (line ")
    assert "'55' (line " in said.message
    assert "(read together: 55555)" in said.hint


def _last_figure_a_line_lower(label: str) -> str:
    """The example report, aligned, with the last figure of the row ``label`` a line
    lower, at its column (a line of figures with no label under the row's)."""
    text = govparse.dumps(govparse.parse_file(EXAMPLES / "report-2024-tab.txt"), "aligned")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if label in line)
    line = lines[at]
    cut = line.rstrip().rindex(" ") + 1
    lines[at:at + 1] = [line[:cut].rstrip(), _blank(line[:cut]) + line[cut:]]
    return "\n".join(lines)


def test_a_row_continued_on_a_line_of_its_own_is_missing_with_the_next():
    """A line of figures with no label under a row's figures (its last figure, 1, a
    line lower): the row's, or the first part of a number wrapped in the next row's
    cell (10, its 0 on the next row's line); position cannot tell, so both rows are
    missing (no real positional table we have continues a row so)."""
    read = govparse.parse(_last_figure_a_line_lower("4.保护第三方合法权益"))
    said = [d.message for d in read.diagnostics if d.code == "GP320"]
    assert [m.split("'")[1] for m in said] == ["4.保护第三方合法权益", "5.属于三类内部事务信息"]
    assert read.figure("applications", "withheld_third_party_rights", "total").value is None
    assert read.figure("applications", "withheld_internal_affairs", "total").value is None
    assert read.figure(*ROW, "total").value == 0


def test_a_row_continued_by_a_0_on_a_line_of_its_own_is_read_with_the_next():
    """... but a 0 is the first part of no number (none is written 0…): the line is
    the row's, its cells set at two heights, read left to right where its totals
    hold and the table's full rows show its columns (GP323); the next row is read."""
    read = govparse.parse(_last_figure_a_line_lower("三安全一稳定"))
    assert "GP320" not in {d.code for d in read.diagnostics}
    (said,) = [d for d in read.diagnostics if d.code == "GP323"]
    assert said.message.startswith("row '3.危及“三安全一稳定”': its figures stand on lines ")
    assert [read.figure(*ROW, c).value for c in ("natural_person", "total")] == [0, 0]
    assert read.figure("applications", "withheld_third_party_rights", "total").value == 1


def test_a_row_wrapped_as_a_whole_is_read_where_its_totals_confirm_it():
    """The same row with its last figure on the next line from the row's start, as
    lynx goes on with a line too long for its width: read, its total holding; with
    the total broken (7 where the figures sum to 0), missing (GP320)."""
    text = govparse.dumps(govparse.parse_file(EXAMPLES / "report-2024-tab.txt"), "aligned")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if "三安全一稳定" in line)
    line = lines[at]
    cut = line.rstrip().rindex(" ") + 1
    start = len(line) - len(line.lstrip())
    lines[at:at + 1] = [line[:cut].rstrip(), " " * start + line[cut:].strip()]
    read = govparse.parse("\n".join(lines))
    assert not [d for d in read.diagnostics if d.code == "GP320"]
    assert read.figure(*ROW, "total").value == 0
    assert read.figure("applications", "withheld_third_party_rights", "total").value == 1
    lines[at + 1] = lines[at + 1].replace("0", "7")
    read = govparse.parse("\n".join(lines))
    said = [d.message for d in read.diagnostics if d.code == "GP320"]
    assert [m.split("'")[1] for m in said] == ["3.危及“三安全一稳定”"]
    assert read.figure(*ROW, "total").value is None
    assert read.figure("applications", "withheld_third_party_rights", "total").value == 1


def _review_wrapped(text: str, after: int) -> str:
    """The review table's row of figures wrapped as a whole after its ``after``-th
    figure, the rest on the next line from the row's start (lynx -dump at 80 columns)."""
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.split() and
              all(word.isdigit() for word in line.split()) and len(line.split()) == 15)
    words = lines[at].split()
    indent = lines[at][:len(lines[at]) - len(lines[at].lstrip())]
    lines[at:at + 1] = [indent + " ".join(words[:after]), indent + " ".join(words[after:])]
    return "\n".join(lines)


def test_the_review_table_s_row_wrapped_as_a_whole_is_read_where_its_totals_hold():
    printed = govparse.parse_file(EXAMPLES / "report-2024-tab.txt")
    text = _review_wrapped(govparse.dumps(printed, "aligned"), 11)
    read = govparse.parse(text)
    review = [(r, c, f.value) for t, r, c, f in printed.table_figures() if t == "review_litigation"]
    assert [read.figure("review_litigation", r, c).value for r, c, _ in review] == \
        [v for _, _, v in review]
    assert not [d for d in read.diagnostics if d.code == "GP320"]
    # the same with the first group's total broken (2 written as 3): nothing placed
    broken = text.replace(" 1 0 0 1 2 ", " 1 0 0 1 3 ", 1)
    assert broken != text
    read = govparse.parse(broken)
    assert [d.code for d in read.diagnostics if d.code == "GP320"] == ["GP320"]
    assert all(read.figure("review_litigation", r, c).value is None for r, c, _ in review)


def test_figures_a_line_each_after_their_label_are_not_a_wrapped_line():
    # pdftotext without -layout writes a PDF's cells in the order they were drawn:
    # a label on a line of its own, then figures a line each, which may be another
    # row's. Their totals hold (zeros always do), but nothing ties them to the label
    # above: the row stays missing (GP320), as every figure stands over the next
    text = ("三、收到和处理政府信息公开申请情况\n"
            "自然人  商业企业  科研机构  社会公益组织  法律服务机构  其他  总计\n"
            "1.本机关不掌握相关政府信息  0  0  0  0  0  0  0\n"
            "2.没有现成信息需要另行制作\n\n" + "0\n\n" * 7 +
            "3.补正后申请内容仍不明确\n\n" + "".join(f"{v}\n\n" for v in (0, 0, 0, 0, 0, 1, 1)))
    read = govparse.parse(text)
    for row in ("unavailable_needs_creation", "unavailable_still_unclear"):
        assert all(read.figure("applications", row, c).value is None
                   for c in ("natural_person", "other_org", "total")), row
    assert [d.code for d in read.diagnostics].count("GP320") == 2


def test_a_number_wrapped_in_its_cell_in_a_row_short_of_its_total_is_not_a_wrapped_line():
    # 11 wrapped in its cell as 1 / 1, the row's total left empty: read in order,
    # the lower 1 would be the total and 1 + 0 + … = 1 would hold; but it stands
    # under its column, not at the row's start, where a wrapped line goes on
    row = ("applications", "withheld_third_party_rights")
    printed = govparse.parse_file(EXAMPLES / "report-2024-tab.txt")
    printed = printed.replace_figure(*row, "natural_person", Figure(value=11))
    printed = printed.replace_figure(*row, "total", Figure())
    lines = govparse.dumps(printed, "aligned").split("\n")
    at = next(i for i, line in enumerate(lines) if "保护第三方合法权益" in line)
    line = lines[at]
    j = line.index(" 11 ") + 1
    lines[at:at + 1] = [line[:j] + "1 " + line[j + 2:], _blank(line[:j]) + "1"]
    read = govparse.parse("\n".join(lines))
    assert all(read.figure(*row, c).value is None for c in ("natural_person", "total"))
    assert "GP320" in {d.code for d in read.diagnostics}


def test_the_first_part_on_a_line_of_its_own_after_a_wrapped_label_keeps_the_row_missing():
    # (六)1.'s label goes on a line after its figures; then 25 of (六)2. wrapped in its
    # cell as 2 / 5, the 2 alone on the line before (六)2.'s: a line of figures that
    # no row takes (GP204), standing over the row's 5, which alone would read as 5
    row = ("applications", "other_no_fee_paid")
    printed = govparse.parse_file(EXAMPLES / "report-2024-tab.txt")
    printed = printed.replace_figure(*row, "legal_service_org", Figure(value=25))
    printed = printed.replace_figure(*row, "total", Figure(value=25))
    lines = govparse.dumps(printed, "aligned").split("\n")
    at = next(i for i, line in enumerate(lines) if "2.申请人逾期未按收费通知" in line)
    line = lines[at]
    j = line.index(" 25 ") + 1
    assert "再处理其政府信息公开申请" in lines[at - 1]  # (六)1.'s label, after its figures
    lines[at:at + 1] = [_blank(line[:j]) + "2", line[:j] + "5 " + line[j + 2:]]
    read = govparse.parse("\n".join(lines))
    assert read.figure(*row, "legal_service_org").value is None
    stacked = [d for d in read.diagnostics if d.code == "GP320"]
    assert stacked and "'2' (line" in stacked[0].message
