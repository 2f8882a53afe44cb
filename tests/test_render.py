"""Diagnostics printed like rustc: the caret stands under the right character,
measured in display columns (CJK = 2, tab = 4), not characters."""

import govparse
from govparse.diagnostics import Diagnostic, Severity
from govparse.emit.rendering import display_width, render
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


# Long lines: a window around the markers, … where the line is cut

def test_long_line_shows_a_window_around_the_caret(monkeypatch):
    import govparse.emit.rendering as render_module

    monkeypatch.setattr(render_module, "WINDOW", 20)
    source = ["一二三四五六七八九十\tabc\t甲乙丙丁戊己庚辛"]  # 23 characters, 47 columns
    d = Diagnostic("GP201", Severity.WARNING, "x", 1, 12, length=3)  # 'abc'
    out = render(d, source).split("\n")
    # at most 18 columns of text (九 would make 19) and the two … marks; the
    # caret under abc, counting … as 1 column, 十 as 2 and the tab as 4
    assert out[3] == " 1 | …十    abc    甲乙…"
    assert out[4] == "   |        ^^^"
    assert display_width(out[3][len(" 1 | "):]) == 19


def test_window_at_the_start_of_a_long_line_is_cut_on_the_right_only(monkeypatch):
    import govparse.emit.rendering as render_module

    monkeypatch.setattr(render_module, "WINDOW", 20)
    d = Diagnostic("GP201", Severity.WARNING, "x", 1, 1, length=2)
    out = render(d, ["信息" + "x" * 30]).split("\n")
    assert out[3] == " 1 | 信息" + "x" * 14 + "…"  # room is kept for both marks
    assert out[4] == "   | ^^^^"


def test_markers_too_far_apart_show_the_line_once_per_window(monkeypatch):
    import govparse.emit.rendering as render_module
    from govparse.diagnostics import FigureRef

    monkeypatch.setattr(render_module, "WINDOW", 20)
    source = "a\t1" + "." * 30 + "2\t3"
    cols = [source.index(v) + 1 for v in "123"]
    figures = tuple(FigureRef("t", "r", c, v, 1, col)
                    for c, v, col in zip(("a", "b", "total"), (1, 2, 3), cols))
    d = Diagnostic("GP401", Severity.ERROR, "sum", 1, cols[2], table_id="t", row_id="r",
                   column_id="total", expected=3, actual=3, figures=figures)
    assert render(d, [source]).split("\n")[3:9] == [
        " 1 | a    1" + "." * 12 + "…",
        "   |      - t.r.a = 1",
        " 1 | …" + "." * 12 + "2    3",
        "   |              - t.r.b = 2",
        "   |                   ^ t.r.total = 3",
        "   = expected 3, the report says 3",
    ]


def test_one_diagnostic_on_a_line_of_1_mb_costs_a_window():
    # not timed: what is printed is bounded by the window, so is the work
    from govparse.emit.rendering import WINDOW

    line = "abc\t" * 131072 + "信息内容" + "\tabc" * 131072
    column = line.index("信息内容") + 1
    d = Diagnostic("GP201", Severity.WARNING, "x", 1, column, length=4)
    out = render(d, [line])
    assert len(out) < 400
    shown, caret = out.split("\n")[3:5]
    text = shown[len(" 1 | "):]
    assert text.startswith("…") and text.endswith("…")
    assert display_width(text) <= WINDOW
    start = shown.index("信息内容")
    assert caret.index("^") == display_width(shown[:start])
    assert caret.count("^") == display_width("信息内容") == 8


# The cap: what is printed, not what is found

def test_cap_per_source_line_counts_the_rest_by_severity():
    from govparse.emit.rendering import render_each

    many = [Diagnostic("GP201", Severity.WARNING, "w", 1, i + 1) for i in range(14)]
    many += [Diagnostic("GP401", Severity.ERROR, "e", 1, 1)]
    many += [Diagnostic("GP201", Severity.WARNING, "w", 2, 1)]
    chunks = list(render_each(many, "x" * 20 + "\ny"))
    assert len(chunks) == 12  # 10 of line 1, 1 of line 2, the count
    assert [c.split("\n")[1] for c in chunks[:11]] == (
        [f"  --> <input>:1:{i + 1}" for i in range(10)] + ["  --> <input>:2:1"])
    assert chunks[-1] == (
        "5 more diagnostics not shown (1 error, 4 warnings): at most 10 a source line "
        "and 200 a file are printed; --format json (or the library) has every one")


def test_cap_per_file():
    from govparse.emit.rendering import render_all, render_each

    many = [Diagnostic("GP201", Severity.WARNING, "w", i + 1, 1) for i in range(7)]
    chunks = list(render_each(many, "x\n" * 7, max_shown=3))
    assert len(chunks) == 4
    assert chunks[-1].startswith("4 more diagnostics not shown (4 warnings): "
                                 "at most 10 a source line and 3 a file are printed")
    assert render_all(many, "x\n" * 7).count("warning[GP201]") == 7  # no cap


def _long_table_line(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("示例县人民政府办公室2024年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
                    + "abc\t" * 8000 + "\n", encoding="utf-8")
    return path


def test_cli_on_a_long_table_line_prints_a_bounded_stderr(tmp_path):
    from click.testing import CliRunner

    from govparse.cli import cli

    path = _long_table_line(tmp_path)
    result = CliRunner().invoke(cli, ["parse", str(path)])
    assert result.exit_code == 1
    assert len(result.stderr.encode()) < 100_000
    assert result.stderr.count("warning[GP201]") == 10
    assert ("7990 more diagnostics not shown (7990 warnings): at most 10 a source line "
            "and 200 a file are printed") in result.stderr
    # the two long rows (GP303, GP313) and no table of the template at all (GP112)
    assert result.stderr.rstrip().endswith(f"{path}: 3 errors, 8009 warnings")
    # only the display is capped
    report = govparse.parse_file(path)
    assert sum(1 for d in report.diagnostics if d.code == "GP201") == 8000
