"""What a page hides from its reader (govparse/frontends/html: elements.is_hidden) is
not read, as a browser shows the page: some sites hide digits among a table's figures
against copying, <td>1<span style="display:none">7</span>2</td> showing 12."""

from __future__ import annotations

import pytest

import govparse
from govparse.emit.printer import dumps

from conftest import example_path

REPORT = govparse.parse_file(example_path("tab"))
PAGE = dumps(REPORT, "html")
FIGURE = REPORT.figure("applications", "new_requests", "natural_person").value


def _with_cell(page: str, old: str, new: str) -> str:
    assert page.count(old) >= 1
    return page.replace(old, new, 1)


def _figures(report) -> dict:
    return {(t, r, c): f.value for t, r, c, f in report.table_figures()}


def _first_figure_cell(page: str) -> str:
    # the applications table's first figure: the page's cell <td>FIGURE</td> after 自然人
    at = page.index("一、本年新收政府信息公开申请数量")
    cell = f"<td>{FIGURE}</td>"
    return page[page.index(cell, at):page.index(cell, at) + len(cell)]


@pytest.mark.parametrize("hidden", [
    '<span style="display:none">7</span>',
    '<span style="DISPLAY: NONE !important">7</span>',
    "<span hidden>7</span>",
    '<i style="visibility:hidden">7</i>',
    '<font style="font-size:0">7</font>',
    '<span class="x1 shy">7</span>',  # hidden by the page's own <style> rule
])
def test_digits_hidden_inside_a_figure_cell_are_not_read(hidden):
    page = PAGE.replace("</head>", "<style>p { margin: 0 } span.shy, .other { display: none }"
                        "</style></head>", 1) if "</head>" in PAGE else \
        "<style>span.shy, .other { display: none }</style>" + PAGE
    text = str(FIGURE)
    cell = _first_figure_cell(page)
    page = _with_cell(page, cell, f"<td>{text[:1]}{hidden}{text[1:]}</td>")
    report = govparse.parse(page)
    assert _figures(report) == _figures(REPORT)
    (note,) = [d for d in report.diagnostics if d.code == "GP504"]
    assert note.message.startswith("1 element of the page that it hides from its reader")
    assert note.message.endswith("the first holds '7'")


def _row_of(page: str, label: str) -> tuple[int, int]:
    start = page.rindex("<tr", 0, page.index(label))
    return start, page.index("</tr>", start) + len("</tr>")


def test_a_hidden_row_is_left_out_of_the_table():
    # a row of other figures the page hides (display: none on the row, or on its
    # row group): the browser lays the table out without it
    start, end = _row_of(PAGE, "一、本年新收政府信息公开申请数量")
    row = PAGE[start:end]
    fake = row.replace(f"<td>{FIGURE}</td>", "<td>999</td>")
    for hidden in (fake.replace("<tr", '<tr style="display:none"', 1),
                   f'<tbody hidden>{fake}</tbody>'):
        report = govparse.parse(PAGE[:start] + hidden + PAGE[start:])
        assert _figures(report) == _figures(REPORT)
        assert [d.code for d in report.diagnostics if d.code in ("GP206", "GP504")] \
            == ["GP504"]


def test_a_hidden_cell_is_read_and_its_row_placed_nowhere_wrong():
    # a whole cell hidden: read (looking at every cell would cost every page), and
    # the row, a cell too many, places no figure wrong
    cell = _first_figure_cell(PAGE)
    page = _with_cell(PAGE, cell, "<td hidden>5</td>" + cell)
    report = govparse.parse(page)
    for key, value in _figures(report).items():
        assert value in (None, _figures(REPORT)[key]), key


def test_shown_text_is_read_as_before():
    # styles that show: display other than none, a size that is not 0, a class no rule hides
    text = str(FIGURE)
    for shown in ('<span style="display:inline">{}</span>',
                  '<span style="font-size:10px">{}</span>', '<span class="shy">{}</span>',
                  '<span style="visibility:visible">{}</span>'):
        page = _with_cell(PAGE, _first_figure_cell(PAGE),
                          f"<td>{shown.format(text)}</td>")
        report = govparse.parse(page)
        assert _figures(report) == _figures(REPORT), shown
        assert "GP504" not in {d.code for d in report.diagnostics}


@pytest.mark.parametrize("mark", ["<sup>1</sup>", "<sub>2</sub>", "<span><sup>3</sup></span>"])
def test_a_footnote_mark_after_a_figure_makes_it_no_figure_not_another(mark):
    # 12<sup>1</sup> shows 12 and a raised 1: read "12 1", no figure (GP313), never 121
    cell = _first_figure_cell(PAGE)
    report = govparse.parse(_with_cell(PAGE, cell, cell.replace("</td>", mark + "</td>")))
    got, printed = _figures(report), _figures(REPORT)
    assert got[("applications", "new_requests", "natural_person")] is None
    # (the rest of its row is not placed either, as for any unreadable figure of a row)
    assert all(value in (None, printed[key]) for key, value in got.items())
    assert sum(value is not None for value in got.values()) >= len(got) - 7
    assert any(d.code == "GP313" and f"'{FIGURE} " in d.message for d in report.diagnostics)
