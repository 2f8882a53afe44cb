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
    # a font too small to read (a page's "jammer" against copying)
    '<span style="font-size:1px">7</span>',
    '<font style="font-size:0.5pt">7</font>',
    '<span style="font: 1px/1 serif">7</span>',
    '<font class="jammer">7</font>',  # .jammer { color: #FFFFFF; font-size: 1px }
])
def test_digits_hidden_inside_a_figure_cell_are_not_read(hidden):
    sheet = "span.shy, .other { display: none } .jammer { color: #FFFFFF; font-size: 1px }"
    page = PAGE.replace("</head>", f"<style>p {{ margin: 0 }} {sheet}</style></head>", 1) \
        if "</head>" in PAGE else f"<style>{sheet}</style>" + PAGE
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


@pytest.mark.parametrize("style", ["font-size:2px", "font-size:1px; font-size:12px",
                                   "font-size:1.5px !important; font-size:30px"])
def test_a_font_of_two_pixels_or_more_shows_its_digits(style):
    # (2px and up is read as shown; of two declarations the cascade's winner counts)
    text = str(FIGURE)
    page = _with_cell(PAGE, _first_figure_cell(PAGE),
                      f'<td>{text[:1]}<span style="{style}">7</span>{text[1:]}</td>')
    shown = govparse.parse(page).figure("applications", "new_requests", "natural_person")
    hidden = "1.5px !important" in style
    assert shown.value == (FIGURE if hidden else int(f"{text[:1]}7{text[1:]}"))


def test_a_child_with_a_font_of_its_own_shows_inside_a_tiny_one():
    text = str(FIGURE)
    page = _with_cell(PAGE, _first_figure_cell(PAGE),
                      f'<td><span style="font-size:1px">9<b style="font-size:14px">{text}</b>'
                      '</span></td>')
    assert govparse.parse(page).figure("applications", "new_requests",
                                       "natural_person").value == FIGURE


@pytest.mark.parametrize("hidden", [
    # boxes that show nothing of what they hold
    '<span style="display:inline-block;transform:scale(0)">7</span>',
    '<span style="display:inline-block;transform:scaleY(0)">7</span>',
    '<span style="display:inline-block;width:0;overflow:hidden">7</span>',
    '<div style="height:0px;overflow-y:hidden">7</div>',
])
def test_digits_in_a_box_that_shows_nothing_are_not_read(hidden):
    text = str(FIGURE)
    page = _with_cell(PAGE, _first_figure_cell(PAGE), f"<td>{text[:1]}{hidden}{text[1:]}</td>")
    report = govparse.parse(page)
    assert report.figure("applications", "new_requests", "natural_person").value == FIGURE
    assert "GP504" in [d.code for d in report.diagnostics]


@pytest.mark.parametrize("shown", [
    '<span style="width:0;overflow:hidden">7</span>',  # (an inline box has no width)
    '<span style="display:inline-block;width:0">7</span>',  # (what overflows shows)
    '<span style="display:inline-block;transform:scale(0.5)">7</span>',
])
def test_digits_in_a_box_that_shows_them_are_read(shown):
    text = str(FIGURE)
    page = _with_cell(PAGE, _first_figure_cell(PAGE), f"<td>{text[:1]}{shown}{text[1:]}</td>")
    value = govparse.parse(page).figure("applications", "new_requests", "natural_person").value
    assert value == int(f"{text[:1]}7{text[1:]}")


@pytest.mark.parametrize("unseen", [
    '<span style="color:#fff">7</span>',
    '<span style="color: WHITE">7</span>',
    '<font color="#ffffff">7</font>',
    '<span style="color:transparent">7</span>',
    '<span style="color:rgba(0,0,0,0)">7</span>',
    '<span style="color:rgb(0 0 0 / 0%)">7</span>',
    '<span class="ghost">7</span>',  # .ghost { color: #FFF }
])
def test_a_digit_a_reader_may_not_see_among_a_figure_s_makes_it_no_figure(unseen):
    # (white shows on a dark cell, transparent under a child's own colour: which digits
    # show is not guessed; 172 nor 12 is read)
    page = PAGE.replace("</head>", "<style>.ghost { color: #FFF }</style></head>", 1) \
        if "</head>" in PAGE else "<style>.ghost { color: #FFF }</style>" + PAGE
    text = str(FIGURE)
    page = _with_cell(page, _first_figure_cell(page), f"<td>{text[:1]}{unseen}{text[1:]}</td>")
    report = govparse.parse(page)
    assert report.figure("applications", "new_requests", "natural_person").value is None
    (said,) = [d for d in report.diagnostics if d.code == "GP313"]
    assert f"'{text[:1]} 7 {text[1:]}'" in said.message


def test_a_child_s_own_colour_shows_its_digits_inside_an_unseen_one():
    text = str(FIGURE)
    page = _with_cell(PAGE, _first_figure_cell(PAGE),
                      f'<td><span style="color:white">9<b style="color:black">{text}</b>'
                      '</span></td>')
    report = govparse.parse(page)
    assert report.figure("applications", "new_requests", "natural_person").value is None
    page = _with_cell(PAGE, _first_figure_cell(PAGE),
                      f'<td><span style="color:white"><b style="color:black">{text}</b>'
                      '</span></td>')
    assert govparse.parse(page).figure("applications", "new_requests",
                                       "natural_person").value == FIGURE


def test_a_cell_or_a_row_drawn_all_in_white_is_read_as_written():
    # (white on a dark cell: a header's, a total row's)
    page = PAGE.replace("<tr><td>", '<tr style="color:#fff;background:#036"><td>')
    assert _figures(govparse.parse(page)) == _figures(REPORT)
    text = str(FIGURE)
    page = _with_cell(PAGE, _first_figure_cell(PAGE),
                      f'<td style="background:navy"><font color="white">{text}</font></td>')
    assert _figures(govparse.parse(page)) == _figures(REPORT)


def test_a_label_s_characters_drawn_unseen_are_left_out_with_a_note():
    page = PAGE.replace("一、本年新收政府信息公开申请数量",
                        '一、本年新收<span style="color:transparent">某某</span>政府信息公开申请数量', 1)
    report = govparse.parse(page)
    assert _figures(report) == _figures(REPORT)
    assert "GP504" in [d.code for d in report.diagnostics]


# ---------------------------------------------------------------- a review's findings


def _cell_read(inner: str, sheet: str = "") -> object:
    page = PAGE
    if sheet:
        page = page.replace("</head>", f"<style>{sheet}</style></head>", 1) \
            if "</head>" in page else f"<style>{sheet}</style>" + page
    page = _with_cell(page, _first_figure_cell(page), f"<td>{inner}</td>")
    return govparse.parse(page).figure("applications", "new_requests", "natural_person").value


def test_rules_of_white_leave_the_rules_that_hide_their_room():
    # (40 rules of a site's white links before the one that hides: each kind has its own)
    sheet = " ".join(f".nav{n} a, .foot{n} {{ color: #fff }}" for n in range(40)) \
        + " .jam { display: none }"
    text = str(FIGURE)
    assert _cell_read(f'{text[:1]}<span class="jam">7</span>{text[1:]}', sheet) == FIGURE


@pytest.mark.parametrize("colour", ["rgb(0,0,0)", "rgb(255, 0, 0)", "hsl(0,0%,0%)",
                                    "rgba(0,0,0,.5)", "rgb(0 0 0 / 50%)", "initial"])
def test_a_colour_whose_last_number_is_0_but_not_its_alpha_is_seen(colour):
    text = str(FIGURE)
    assert _cell_read(f'{text[:1]}<span style="color:{colour}">7</span>{text[1:]}') == \
        int(f"{text[:1]}7{text[1:]}")


def test_text_drawn_unseen_between_two_digits_makes_the_cell_no_figure():
    # (white takes its room: "1 0" on white, "1x0" on a dark cell; never 10)
    text = str(FIGURE)
    assert _cell_read(f'{text[:1]}<span style="color:#fff">x</span>{text[1:]}') is None
    assert _cell_read(f'{text}<span style="color:#fff">件</span>') == FIGURE


@pytest.mark.parametrize("inner", [
    '<span style="transform:scale(0)">7</span>',  # (an inline box: no transform)
    '<span style="display:inline-block;width:0;min-width:1em;overflow:hidden">7</span>',
    '<span style="display:inline-block;width:0;padding:0 5px;overflow:hidden">7</span>',
    '<div style="height:0%;overflow:hidden">7</div>',  # (% of a cell's height: auto)
])
def test_a_box_that_shows_its_text_after_all_hides_nothing(inner):
    text = str(FIGURE)
    value = _cell_read(f"{text[:1]}{inner}{text[1:]}")
    assert value in (int(f"{text[:1]}7{text[1:]}"), None)  # (a div parts the lines)
    assert value != FIGURE


@pytest.mark.parametrize("part", ["tbody", "tr"])
def test_a_table_part_of_no_height_hides_none_of_its_rows(part):
    page = PAGE.replace(f"<{part}>", f'<{part} style="height:0;overflow:hidden">')
    assert _figures(govparse.parse(page)) == _figures(REPORT)


def test_a_font_grown_from_one_too_small_to_read_makes_the_cell_no_figure():
    # (1px, then 1500% of it: 15px, seen; how large is not told: no figure, never 0)
    text = str(FIGURE)
    assert _cell_read(f'{text[:1]}<span style="font-size:1px">9<span style="font-size:1500%">'
                      f"7</span></span>{text[1:]}") is None
    # (the grown alone: read as written, as a cell all white is; smaller still: hidden)
    assert _cell_read(f'<span style="font-size:1px">9<span style="font-size:1500%">{text}'
                      "</span></span>") == FIGURE
    assert _cell_read(f'<span style="font-size:1px">9<span style="font-size:50%">7</span>'
                      f"</span>{text}") == FIGURE


def test_a_font_colour_written_without_its_hash_is_read_as_browsers_do():
    text = str(FIGURE)
    assert _cell_read(f'{text[:1]}<font color="ffffff">7</font>{text[1:]}') is None


def test_a_colour_of_any_length_is_read_in_bounded_time():
    from govparse.frontends.html.hiding import _unseen_colour

    assert _unseen_colour("rgb(," + "0" * 60_000 + "x)") is False
    assert _unseen_colour("rgba(0, 0, 0, " + "0" * 40 + ")") is True


# ---------------------------------------------------------------- a second review's


@pytest.mark.parametrize("sheet, inner", [
    # a rule that shows again what a rule hides, by what draws (a transform, a size,
    # what overflows, a minimum): followed as the rules that hide are
    (".t { display: inline-block; transform: scale(0) } .t.on { transform: none }",
     '<span class="t on">7</span>'),
    (".w { display: inline-block; width: 0; overflow: hidden } .w.on { width: auto }",
     '<span class="w on">7</span>'),
    (".w { display: inline-block; width: 0; overflow: hidden } .w.on { overflow: visible }",
     '<span class="w on">7</span>'),
    (".w { display: inline-block; width: 0; overflow: hidden } .w.on { min-width: 1em }",
     '<span class="w on">7</span>'),
    (".c { color: #fff } .c.on { color: #000 }", '<span class="c on">7</span>'),
    ("", '<div style="display:inline-table;width:0;overflow:hidden">7</div>'),
    ("", '<span style="display:inline-block;width:0;padding-left:4px;overflow:hidden">7</span>'),
    ("", '<font color="fff">7</font>'),  # (no white: rgb(15, 15, 15))
])
def test_text_a_rule_or_its_box_shows_again_is_read(sheet, inner):
    text = str(FIGURE)
    assert _cell_read(f"{text[:1]}{inner}{text[1:]}", sheet) == int(f"{text[:1]}7{text[1:]}")


def test_a_zero_height_is_no_size_whatever_the_padding_across():
    text = str(FIGURE)
    assert _cell_read(f'{text[:1]}<span style="display:inline-block;height:0;padding:0 5px;'
                      f'overflow:hidden">7</span>{text[1:]}') == FIGURE


def test_a_row_scaled_to_nothing_is_hidden():
    page = PAGE.replace("<tr><td>行政强制</td>", '<tr style="transform:scale(0)"><td>行政强制</td>')
    assert page != PAGE
    report = govparse.parse(page)
    assert report.active_disclosure.administrative_coercion.decisions.value is None


@pytest.mark.parametrize("inner", [
    '<span style="font-size:0.1em">7</span>',  # (1.6px of a common font; 4px of a large)
    '<span style="font-size:10%">7</span>',
    # grown from a font too small to read: how large cannot be told, whatever colour
    # a child of it is drawn in
    '<span style="font-size:1px"><span style="font-size:150%"><b style="color:#000">7</b>'
    "</span></span>",
])
def test_a_font_whose_size_cannot_be_told_makes_the_cell_no_figure(inner):
    text = str(FIGURE)
    assert _cell_read(f"{text[:1]}{inner}{text[1:]}") is None
