"""frontends/html/hiding.py: which elements a page's styles hide, matched as a browser
matches its rules (selectors with every combinator, media, pseudo-classes), in time
linear in the page."""

from __future__ import annotations

import pytest
from lxml import html

from govparse.frontends.html.hiding import Hiding, style_effect

SHEET = """
@media print { .p { display: none } }
@media screen and (min-width: 1px) { .s { display: none } }
span[class=h] { display: none }
.a.h2 { display: none }
.x:hover { display: none }
p::before { display: none }
div.c > table td span.q { display: none }
td > span:first-child { display: none }
em + b { display: none }
i ~ u { display: none }
.k * { visibility: hidden }
.off { position: absolute; left: -9999px }
"""
BODY = """
<span class=p>p</span><span class=s>s</span><span class=h>h</span><span class=h2>h2</span>
<span class="a h2">a-h2</span><span class=x>x</span><p>before</p>
<div class=c><table><tr><td><i>i</i><span class=q>q</span><em>em</em><b>b</b>
<u>u</u></td></tr></table></div>
<table><tr><td><i>0</i><span class=q>q-elsewhere</span></td></tr></table>
<div class=k><p>k-child</p></div><span class=off>off</span>
"""


def _hidden(sheet: str, body: str) -> list[str]:
    root = html.document_fromstring(f"<html><head><style>{sheet}</style></head>"
                                    f"<body>{body}</body></html>")
    hiding = Hiding(root)
    return [e.text for e in root.iter() if isinstance(e.tag, str) and e.text and hiding(e)]


def test_rules_hide_what_their_selectors_match_on_a_screen():
    assert _hidden(SHEET, BODY) == ["s", "h", "a-h2", "q", "b", "u", "k-child", "off"]


@pytest.mark.parametrize("style, hides", [
    ("display:none", True), ("display: none !important", True),
    ("visibility:collapse", True), ("font-size:0", True), ("font-size: 0.0pt", True),
    ("opacity:0", True), ("position:absolute;left:-9999px", True),
    ("position: relative; top: -80em", True), ("position:fixed;right:-2000px", True),
    ("position:absolute;clip:rect(0px, 0px, 0px, 0px)", True),
    ("/* display:none */ color: red", False), ("font-size:10pt", False),
    ("opacity:0.5", False), ("left:-9999px", False), ("position:absolute;left:-10px", False),
    ("position:absolute;left:-50%", False), ("display:none; display:inline", False),
    ("font-size:", False), ("mso-font-kerning:0pt;display:inline", False),
])
def test_an_elements_own_style(style, hides):
    assert (style_effect(style) == "hide") is hides


@pytest.mark.parametrize("style, inline, effect", [
    # drawn where a reader may not see it: in doubt
    ("color:#ffffff", True, "doubt"), ("color: transparent", True, "doubt"),
    ("color:rgba(0,0,0,0)", True, "doubt"), ("font-size:0.1em", True, "doubt"),
    ("color:#fefefe", True, None), ("color:red", True, None),
    # a transform or a size applies to a box of its own, not to an inline one
    ("transform:scale(0)", False, "hide"), ("transform:scale(0)", True, None),
    ("width:0;overflow:hidden", False, "hide"), ("width:0;overflow:hidden", True, None),
    ("display:inline-block;width:0;overflow:hidden", True, "hide"),
    ("display:none;color:#fff", True, "hide"),
])
def test_an_elements_own_style_in_doubt_or_on_an_inline_box(style, inline, effect):
    assert style_effect(style, inline) == effect


def test_selectors_over_a_deep_page():
    # each (element, part of a selector) is answered once, ancestors walked in a loop
    # (libxml2 nests no deeper than 255 elements)
    depth = 250
    body = "<div>" * depth + "<table><tr><td><span class=z>7</span>1</td></tr></table>" \
        + "</div>" * depth
    assert _hidden(".nowhere div div .z { display: none }", body) == []
    assert _hidden("div div div .z { display: none }", body) == ["7"]


# ------------------------------------------------ the cascade, and what is inherited

def _cell(sheet: str, cell: str) -> str:
    """The text of the page's one cell, as read_table reads it."""
    from govparse.frontends.html.tables import cell_text

    root = html.document_fromstring(f"<html><head><style>{sheet}</style></head><body>"
                                    f"<table><tr><td>{cell}</td></tr></table></body></html>")
    return cell_text(root.find(".//td"), Hiding(root), [])


@pytest.mark.parametrize("sheet, cell, shown", [
    # the more specific rule, then the later one, wins
    (".h { display: none } td .h { display: inline }", '1<span class="h">7</span>2', "172"),
    ("td .h { display: none } .h { display: inline }", '1<span class="h">7</span>2', "12"),
    (".h { display: none } .h { display: inline }", '1<span class="h">7</span>2', "172"),
    (".h { display: inline } .h { display: none }", '1<span class="h">7</span>2', "12"),
    ("#i { display: none } .h.h.h { display: inline }", '1<span id=i class=h>7</span>2',
     "12"),
    # the element's own style over a sheet's rule, !important over both
    (".h { display: none }", '1<span class="h" style="display: inline">7</span>2', "172"),
    (".h { display: none !important }", '1<span class="h" style="display: inline">7</span>2',
     "12"),
    (".h { display: inline !important }", '1<span class="h" style="display: none">7</span>2',
     "172"),
    (".h { display: none !important }",
     '1<span class="h" style="display: inline !important">7</span>2', "172"),
    # within one block the later declaration, unless only the earlier is important
    ("", '1<span style="display: none !important; display: inline">7</span>2', "12"),
    # the hidden attribute is a browser's own rule: any of the page's overrides it
    ("span { display: inline }", "1<span hidden>7</span>2", "172"),
    ("", '1<span hidden style="display: block">7</span>2', "172"),
    ("", "1<span hidden>7</span>2", "12"),
    # a later sheet's rule over an earlier sheet's
    (".h { display: none } </style><style> .h { display: inline }",
     '1<span class="h">7</span>2', "172"),
    # visibility and the font size are inherited, and a child may say otherwise
    ("", '1<span style="visibility: hidden">7<b style="visibility: visible">8</b>9</span>2',
     "182"),
    (".v { visibility: visible }", '1<span style="visibility: hidden">7<b class=v>8</b></span>2',
     "182"),
    ("", '1<span style="visibility: hidden">7<b>8</b></span>2', "12"),
    ("", '1<font style="font-size: 0">7<b style="font-size: 12px">8</b></font>2', "182"),
    ("", '1<font style="font-size: 0">7<b style="font-size: 1.5em">8</b></font>2', "12"),
    # what display, opacity or a move hides, it hides with all it holds
    ("", '1<span style="display: none">7<b style="display: inline">8</b></span>2', "12"),
    ("", '1<span style="opacity: 0">7<b style="opacity: 1">8</b></span>2', "12"),
    # a position from one rule, an offset from another
    (".p { position: absolute } .o { left: -9999px }", '1<span class="p o">7</span>2', "12"),
    (".p { position: absolute } .o { left: -9999px } .p.o { position: static }",
     '1<span class="p o">7</span>2', "172"),
    # :not(a, b) has the specificity of its most specific selector, (1,0,1) here, not
    # the sum of two :not()s, (1,1,1): over (0,2,1), under (1,1,0)
    ("span:not(.a, #x) { display: none } span.h.k { display: inline }",
     '1<span class="h k">7</span>2', "12"),
    ("span:not(.a, #x) { display: none } #y .h { display: inline }",
     '<i id="y">1<span class="h">7</span>2</i>', "172"),
    ("#y .h { display: none } span:not(.a, #x) { display: inline }",
     '<i id="y">1<span class="h">7</span>2</i>', "12"),
    # a comma inside :is() or an attribute's value parts no selector of the list
    ("p:hover, :is(td, i) > .h, [title='a,b'] { display: none }",
     '<i>1<span class="h">7</span>2</i>', "12"),
])
def test_the_cascade_decides_what_a_cell_shows(sheet, cell, shown):
    assert _cell(sheet, cell) == shown


@pytest.mark.parametrize("sheet, row, read", [
    ("tbody { visibility: hidden }", "<tr><td>7</td></tr>", False),
    ("tbody { visibility: hidden } tr { visibility: visible }", "<tr><td>7</td></tr>", True),
    (".r { display: none } tr.r { display: table-row }", '<tr class="r"><td>7</td></tr>', True),
])
def test_a_row_hidden_or_shown_by_the_cascade(sheet, row, read):
    from govparse.diagnostics import DiagnosticSink
    from govparse.frontends.html.tables import read_table

    root = html.document_fromstring(f"<html><head><style>{sheet}</style></head><body><table>"
                                    f"<tbody><tr><td>1</td></tr>{row}</tbody></table>"
                                    "</body></html>")
    table = read_table(root.find(".//table"), 1, DiagnosticSink(), Hiding(root), [])
    assert [[c.text for c in r] for r in table.rows] == (
        [["1"], ["7"]] if read else [] if "tbody" in sheet else [["1"]])


def test_selectors_keyed_by_an_attribute_are_tried_only_where_it_stands():
    # 64 [data-a="n"] rules were tried on each of a megabyte's 60,000 cell elements
    # (3 million XPath calls, 15 s): now only on elements with a data-a attribute
    from govparse.frontends.html import hiding as module

    root = html.document_fromstring(
        "<html><head><style>[data-a='1'] { display: none } [DATA-B] { display: none }"
        "</style></head><body><b data-a=1>h</b><b data-a=2>s</b><b data-b>h2</b><b>s2</b>"
        "</body></html>")
    matcher = Hiding(root)
    assert [e.text for e in root.iter("b") if matcher(e)] == ["h", "h2"]
    assert module._key_of(module._last_compound(
        __import__("cssselect").parse("b[data-a='1']")[0].parsed_tree)) == ("attribute", "data-a")


def test_past_the_matches_a_page_may_ask_the_rest_are_not_followed_and_said(monkeypatch):
    # selectors no id, class, attribute or tag keys (:nth-child) are tried on every
    # element: a page's worth of them is bounded (MAX_MATCHES), then GP505
    import govparse
    from govparse.frontends.html import hiding as module

    monkeypatch.setattr(module, "MAX_MATCHES", 40)
    rules = " ".join(f":nth-child(900n+{n + 300}) {{ display: none }}" for n in range(8))
    cells = "".join(f"<tr><td>行{n}</td><td><b>1</b><i>2</i></td></tr>" for n in range(20))
    page = f"<html><head><style>{rules}</style></head><body><table>{cells}</table></body></html>"
    found = [d for d in govparse.parse(page).diagnostics if d.code == "GP505"]
    assert len(found) == 1 and "more than 40 matches" in found[0].message
    with pytest.raises(govparse.StrictModeError) as refused:
        govparse.parse(page, mode="strict")
    assert "GP505" in {d.code for d in refused.value.diagnostics}
    monkeypatch.setattr(module, "MAX_MATCHES", 100_000)
    assert "GP505" not in {d.code for d in govparse.parse(page).diagnostics}


_REVIEW_TABLE = ('<table border="1"><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>'
                 '<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td>'
                 '<td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td>'
                 '<td colspan="5">复议后起诉</td></tr><tr>'
                 + "<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>" * 2
                 + "</tr><tr>" + "".join(f"<td>{n}</td>" for n in range(1, 16)) + "</tr></table>")


@pytest.mark.parametrize("around", [
    ('<div style="display:none">', "</div>"), ("<div hidden>", "</div>"),
    ('<section><div class="tab" style="DISPLAY: none"><p>2022年</p>', "</div></section>"),
])
def test_a_table_the_page_hides_gives_no_figure(around):
    # a table the page does not show (a tab of another year's report, a copy for
    # printing) is none of the report's: left out with a note (GP504); it was read
    import govparse

    page = ("<!DOCTYPE html><html><body><p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>"
            f"{around[0]}{_REVIEW_TABLE}{around[1]}</body></html>")
    report = govparse.parse(page)
    assert [f.value for t, _, _, f in report.table_figures() if t == "review_litigation"] \
        == [None] * 15
    assert "GP504" in {d.code for d in report.diagnostics}
    shown = govparse.parse(page.replace("display:none", "").replace("DISPLAY: none", "")
                           .replace("<div hidden>", "<div>"))
    assert shown.review_litigation.administrative_review.upheld.value == 1


def test_a_table_under_an_invisible_parent_that_shows_itself_is_read():
    # visibility: hidden is inherited, but a child may say visible: only what takes
    # the whole table away leaves it out
    import govparse

    page = ("<!DOCTYPE html><html><body><p>四、政府信息公开行政复议、行政诉讼情况</p>"
            '<div style="visibility:hidden">'
            + _REVIEW_TABLE.replace('<table border="1">', '<table style="visibility:visible">')
            + "</div></body></html>")
    assert govparse.parse(page).review_litigation.administrative_review.upheld.value == 1


def test_a_tab_pane_made_invisible_gives_no_figure_and_the_chosen_one_is_read():
    # tabs shown by visibility (a class rule, the chosen pane made visible): the other
    # year's table, invisible by inheritance only, is left out; it was read
    import govparse

    hidden = _REVIEW_TABLE.replace("<td>1</td>", "<td>91</td>")
    page = ('<!DOCTYPE html><html><head><style>.pane{visibility:hidden;position:absolute}'
            ".pane.active{visibility:visible;position:relative}</style></head><body>"
            "<p>四、政府信息公开行政复议、行政诉讼情况</p>"
            f'<div class="pane">{hidden}</div><div class="pane active">{_REVIEW_TABLE}</div>'
            "</body></html>")
    report = govparse.parse(page)
    assert report.review_litigation.administrative_review.upheld.value == 1
    assert "GP504" in {d.code for d in report.diagnostics}


@pytest.mark.parametrize("inside, upheld", [
    ("", None),  # a wrapper of no font size, nothing inside with its own: none shows
    ('<div style="font-size:14px">', 1),  # (the inline-block hack: a size of its own)
])
def test_a_table_inside_a_wrapper_of_no_font_size(inside, upheld):
    import govparse

    page = ('<!DOCTYPE html><html><body><p>四、政府信息公开行政复议、行政诉讼情况</p>'
            f'<div style="font-size:0">{inside}{_REVIEW_TABLE}{"</div>" if inside else ""}'
            "</div></body></html>")
    assert govparse.parse(page).review_litigation.administrative_review.upheld.value == upheld


_APPLICATIONS = ("<p>三、收到和处理政府信息公开申请情况</p><table border=\"1\">"
                 "<tr><td colspan=\"3\" rowspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，"
                 "等于第三项加第四项之和）</td><td colspan=\"7\">申请人情况</td></tr>"
                 "<tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td>"
                 "<td rowspan=\"2\">总计</td></tr><tr><td>商业企业</td><td>科研机构</td>"
                 "<td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>"
                 "<tr><td colspan=\"3\">一、本年新收政府信息公开申请数量</td>{cells}</tr></table>")


@pytest.mark.parametrize("cells, read", [
    # a cell the page takes away is no cell of the row a browser lays out: the figures
    # after it stand a column left, 12 under 自然人 (11 was read as 自然人's); six
    # figures for seven columns, nothing telling where the gap is: none placed
    ('<td style="display:none">11</td><td>12</td><td>13</td><td>14</td><td>15</td>'
     "<td>16</td><td>70</td>", [None] * 7),
    # a hidden cell among the figures against copying: the row reads as shown (was
    # none of it, a cell too many)
    ('<td>1</td><td style="display:none">99</td><td>2</td><td>3</td><td>4</td><td>5</td>'
     "<td>6</td><td>21</td>", [1, 2, 3, 4, 5, 6, 21]),
    ('<td>1</td><td hidden>99</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td>'
     "<td>21</td>", [1, 2, 3, 4, 5, 6, 21]),
    # a cell whose text the page hides keeps its place, empty (11 was read)
    ('<td style="font-size:0">11</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td>'
     "<td>20</td>", [None, 2, 3, 4, 5, 6, 20]),
])
def test_a_cell_the_page_hides(cells, read):
    import govparse

    page = f"<!DOCTYPE html><html><body>{_APPLICATIONS.format(cells=cells)}</body></html>"
    row = govparse.parse(page).applications.new_requests
    assert [row.natural_person.value, row.commercial_enterprise.value,
            row.research_institution.value, row.social_welfare_org.value,
            row.legal_service_org.value, row.other_org.value, row.total.value] == read


def test_a_font_size_of_its_own_does_not_undo_an_inherited_invisibility():
    # cells that set their font (a styled page) inside an invisible pane show nothing:
    # only visibility: visible would (the pane's table was read)
    import govparse

    styled = _REVIEW_TABLE.replace("<td>", '<td style="font-family:仿宋;font-size:12pt">')
    page = ("<!DOCTYPE html><html><body><p>四、政府信息公开行政复议、行政诉讼情况</p>"
            f'<div style="visibility:hidden">{styled}</div></body></html>')
    assert govparse.parse(page).review_litigation.administrative_review.upheld.value is None
    shown = page.replace('<div style="visibility:hidden">', "<div>")
    assert govparse.parse(shown).review_litigation.administrative_review.upheld.value == 1
