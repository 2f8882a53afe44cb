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


def test_a_row_continued_on_a_line_of_its_own_is_missing_with_the_next():
    """A line of figures with no label under a row's figures (its last figure a line
    lower): the row's, or the first part of a number wrapped in the next row's cell;
    position cannot tell, so both rows are missing (no real positional table we have
    continues a row so)."""
    text = govparse.dumps(govparse.parse_file(EXAMPLES / "report-2024-tab.txt"), "aligned")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if "三安全一稳定" in line)
    line = lines[at]
    cut = line.rstrip().rindex(" ") + 1
    lines[at:at + 1] = [line[:cut].rstrip(), _blank(line[:cut]) + line[cut:]]
    read = govparse.parse("\n".join(lines))
    said = [d.message for d in read.diagnostics if d.code == "GP320"]
    assert [m.split("'")[1] for m in said] == ["3.危及“三安全一稳定”", "4.保护第三方合法权益"]
    assert read.figure(*ROW, "total").value is None
    assert read.figure("applications", "withheld_third_party_rights", "total").value is None
    assert read.figure(*ABOVE, "total").value == 0
