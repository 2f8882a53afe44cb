"""Diagnostics printed like rustc: the caret stands under the right character,
measured in display columns (CJK = 2, tab = 4), not characters."""

import govparse
from govparse.diagnostics import Diagnostic, Severity
from govparse.render import display_width, render
from conftest import SEED_FILES


def test_display_width():
    assert display_width("信息内容") == 8
    assert display_width("a\tb") == 6
    assert display_width("（一）") == 6


def test_caret_under_cjk_text_after_tabs():
    report = govparse.parse_file(SEED_FILES[0])
    (typo,) = [d for d in report.diagnostics if d.code == "GP202"]
    source = SEED_FILES[0].read_text(encoding="utf-8").split("\n")
    out = render(typo, source).split("\n")
    assert out[0] == "warning[GP202]: header cell '本年度止件数' is not a column label of this table"
    assert out[1] == f"  --> {SEED_FILES[0]}:22:13"
    shown, caret = out[3], out[4]
    # the caret starts where 本年度止件数 is shown, and is as wide as it
    start = shown.index("本年度止件数")
    prefix_width = display_width(shown[:start])
    assert caret.index("^") == prefix_width
    assert caret.count("^") == display_width("本年度止件数") == 12
    assert out[5] == "   = help: did you mean 本年废止件数?"


def test_diagnostic_without_position():
    d = Diagnostic("GP103", Severity.ERROR, "section 四 is not in the report", path="r.txt")
    assert render(d, ["x"]) == "error[GP103]: section 四 is not in the report\n  --> r.txt"


def test_caret_stays_aligned_after_control_and_combining_characters():
    source = ["a\x07b\u0301\u4e2dX"]  # BEL, a combining accent, one CJK character
    d = Diagnostic("GP201", Severity.WARNING, "x", 1, 6)
    out = render(d, source).split("\n")
    shown, caret = out[3], out[4]
    assert shown.endswith("a\ufffdb\u0301\u4e2dX")
    assert display_width(shown[:shown.index("X")]) == caret.index("^")


def test_figures_on_one_line_show_the_line_once():
    from govparse.diagnostics import FigureRef

    source = ["x\t1\t2\t4"]
    figures = tuple(FigureRef("t", "r", c, v, 1, col) for c, v, col in
                    (("a", 1, 3), ("b", 2, 5), ("total", 4, 7)))
    d = Diagnostic("GP401", Severity.ERROR, "sum", 1, 7, table_id="t", row_id="r",
                   column_id="total", expected=3, actual=4, figures=figures)
    out = render(d, source).split("\n")
    assert sum(1 for line in out if line.endswith("x    1    2    4")) == 1
    assert [line.split("|")[1].strip() for line in out if "t.r." in line] == [
        "- t.r.a = 1", "- t.r.b = 2", "^ t.r.total = 4"]
