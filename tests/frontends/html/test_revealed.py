"""A page that hides its whole report until a script shows it (frontends/html/revealed.py):
a WeChat article's ``#js_content``, a cloaked app, a body faded in. Read as shown, with
a warning (GP507); a page that shows a report, or hides two, is read as it stands.
Built from the real pages of tests/data/real/html (see its README)."""

from __future__ import annotations

import pytest

import govparse

from conftest import HERE
from helpers import figure_values, real_page_score

PAGES = HERE / "data" / "real" / "html"
_HEAD = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告</title>'
_WECHAT = ('<div class="rich_media_content js_underline_content" id="js_content" '
           'style="visibility: hidden;">')


def fragment(name: str) -> str:
    return (PAGES / f"{name}.html").read_text(encoding="utf-8")


def page(body: str, style: str = "") -> str:
    return f"{_HEAD}{style}</head><body>{body}</body></html>"


@pytest.mark.parametrize("name", ["006", "009", "013"])
@pytest.mark.parametrize("cloak", [
    # WeChat's article, as a crawler saves it (its script shows the text once loaded)
    (_WECHAT, "</div>", ""),
    ('<div class="rich_media_content" id="js_content" style="visibility: hidden; '
     'opacity: 0;">', "</div>", ""),
    # a Vue app under v-cloak, an Angular one under ng-cloak, a body faded in
    ('<div id="app" v-cloak>', "</div>", "<style>[v-cloak] { display: none !important }</style>"),
    ('<div ng-app ng-cloak class="ng-cloak">', "</div>",
     "<style>[ng\\:cloak], [ng-cloak], .ng-cloak { display: none !important; }</style>"),
    ("", "", "<style>body { opacity: 0 }</style>"),
])
def test_a_report_hidden_until_a_script_shows_it_is_read_as_shown(name, cloak):
    # every figure was missing: the page's whole report, hidden, was left out (GP504)
    opening, closing, style = cloak
    report = govparse.parse(page(opening + fragment(name) + closing, style))
    wrong, missing = real_page_score(report, name)
    assert wrong == {}
    plain = govparse.parse(page(fragment(name)))
    assert missing == real_page_score(plain, name)[1]  # (009 misses one, as its page)
    assert figure_values(report) == figure_values(plain)
    said = [d for d in report.diagnostics if d.code == "GP507"]
    assert len(said) == 1 and said[0].severity.value == "warning"
    assert "hides its whole report" in said[0].message
    with pytest.raises(govparse.StrictModeError) as refused:
        govparse.parse(page(opening + fragment(name) + closing, style), mode="strict")
    assert "GP507" in {d.code for d in refused.value.diagnostics}


def test_what_hides_a_digit_inside_the_report_shown_still_hides_it():
    # a digit hidden against copying inside each figure (<td>1<span style="display:
    # none">7</span>2</td> shows 12): still left out once the article is shown
    import re

    guarded = re.sub(r"(<td[^>]*>(?:<[^>]+>)*)(\d)", r'\1\2<span style="display:none">7</span>',
                     fragment("006"))
    assert guarded.count("display:none") > 100
    report = govparse.parse(page(_WECHAT + guarded + "</div>"))
    assert real_page_score(report, "006") == ({}, 0)
    assert {"GP504", "GP507"} <= {d.code for d in report.diagnostics}


def test_a_tab_of_another_years_report_stays_hidden_inside_the_article():
    # the article holds last year's report in a tab it hides, and this year's: the
    # article is shown, the hidden tab is not (its title and year none of this report's)
    hidden_tab = ('<div class="tab" style="display:none"><h1>某某局2022年政府信息公开工作年度报告</h1>'
                  + fragment("009") + "</div>")
    report = govparse.parse(page(_WECHAT + hidden_tab + fragment("006") + "</div>"))
    assert real_page_score(report, "006") == ({}, 0)
    assert (report.organization.value, report.year.value) == ("平潭综合实验区", 2024)
    assert "GP507" in {d.code for d in report.diagnostics}


def test_a_page_that_shows_a_report_hides_its_other_tab():
    # this year's report shown, last year's in a tab it hides (first on the page):
    # nothing is revealed, and the hidden tab's title gives neither body nor year
    hidden_tab = ('<div class="tab" style="display:none"><h1>某某局2022年政府信息公开工作年度报告</h1>'
                  + fragment("009") + "</div>")
    report = govparse.parse(page(hidden_tab + '<div class="tab">' + fragment("006") + "</div>"))
    assert real_page_score(report, "006") == ({}, 0)
    assert (report.organization.value, report.year.value) == ("平潭综合实验区", 2024)
    codes = {d.code for d in report.diagnostics}
    assert "GP504" in codes and "GP507" not in codes
    # (before, the hidden tab's title made the report 某某局's, of 2022)


@pytest.mark.parametrize("wrapped", [False, True])
def test_two_hidden_reports_are_read_as_the_page_stands(wrapped):
    # two tabs, both hidden until a script shows one: which one cannot be told, so
    # neither is read (every figure missing, never the other tab's)
    tabs = "".join(f'<div class="tab" style="display:none">{fragment(name)}</div>'
                   for name in ("006", "009"))
    report = govparse.parse(page(_WECHAT + tabs + "</div>" if wrapped else tabs))
    assert all(figure.value is None for *_, figure in report.table_figures())
    codes = {d.code for d in report.diagnostics}
    # (the article around them is shown, GP507: its tabs stay hidden)
    assert "GP504" in codes and ("GP507" in codes) == wrapped


def test_a_hidden_report_beside_a_shown_one_is_not_read():
    # the page shows 009's report and hides 006's in an article wrapper: 009's figures
    shown = govparse.parse(page(fragment("009") + _WECHAT + fragment("006") + "</div>"))
    wrong, missing = real_page_score(shown, "009")
    assert wrong == {} and missing <= 1
    assert "GP507" not in {d.code for d in shown.diagnostics}


def test_a_table_hidden_alone_is_not_revealed():
    # the page's only table hidden by itself, or in a tab that holds little but it
    # (the page's text beside it): a tab or a copy, not the page's content
    table = fragment("006")
    start = table.index("<table")
    alone = table[:start] + '<div style="display:none"><p>2023年</p>' + \
        table[start:table.index("</table>") + 8] + "</div>" + table[table.index("</table>") + 8:]
    report = govparse.parse(page(alone))
    assert "GP507" not in {d.code for d in report.diagnostics}
    assert report.figure("active_disclosure", "normative_documents", "issued").value is None
    assert govparse.parse(page(table)).figure(
        "active_disclosure", "normative_documents", "issued").value == 62


@pytest.mark.parametrize("year, revealed", [(2024, True), (2025, False)])
def test_a_title_shown_above_the_hidden_report_must_be_of_its_year(year, revealed):
    # a WeChat article shows its title above the text its script shows (the same
    # report); a page of tabs may show this year's title and a link to its PDF, and
    # hide last year's report in another tab: shown, its figures would be filed under
    # this year (a review, 2026-12-08)
    title = f'<h1 class="rich_media_title">平潭综合实验区{year}年政府信息公开工作年度报告</h1>'
    report = govparse.parse(page(title + _WECHAT + fragment("006") + "</div>"))
    assert report.year.value == year
    read = [f.value for *_, f in report.table_figures() if f.value is not None]
    assert ("GP507" in {d.code for d in report.diagnostics}) == revealed
    if revealed:
        assert real_page_score(report, "006") == ({}, 0)
    else:
        assert read == []
    tabs = (f'<div class="tab-pane active"><h1>平潭综合实验区{year}年政府信息公开工作年度报告</h1>'
            '<p><a href="r.pdf">点击下载附件</a></p></div>'
            f'<div class="tab-pane" style="display:none">{fragment("006")}</div>')
    report = govparse.parse(page(tabs))
    assert ("GP507" in {d.code for d in report.diagnostics}) == revealed
    assert bool([f for *_, f in report.table_figures() if f.value is not None]) == revealed


def test_a_title_over_two_lines_is_the_title_the_hidden_report_is_weighed_against():
    # (a review: 平潭综合实验区2025年度<br>政府信息公开工作年度报告 let 2024's figures
    # through under 2025)
    for title in ("<h1>平潭综合实验区2025年度<br>政府信息公开工作年度报告</h1>",
                  "<p>平潭综合实验区2025年度</p><p>政府信息公开工作年度报告</p>"):
        report = govparse.parse(page(title + _WECHAT + fragment("006") + "</div>"))
        assert "GP507" not in {d.code for d in report.diagnostics}
        assert all(f.value is None for *_, f in report.table_figures())


def test_only_the_text_the_reveal_shows_states_the_year():
    # the article holds 006's report (2024) and, in a tab it keeps hidden, text that
    # says 2025 over and over: under a title of 2025 the report is not shown
    hidden_tab = '<div style="display:none">' + "<p>2025年工作安排。</p>" * 50 + "</div>"
    title = "<h1>平潭综合实验区2025年政府信息公开工作年度报告</h1>"
    report = govparse.parse(page(title + _WECHAT + hidden_tab + fragment("006") + "</div>"))
    assert "GP507" not in {d.code for d in report.diagnostics}
    assert all(f.value is None for *_, f in report.table_figures())


def test_a_hidden_report_with_a_title_the_page_does_not_show_is_not_shown():
    # (another body's title shown above a report that has its own)
    title = "<h1>福州市鼓楼区2019年度政府信息公开工作年度报告</h1>"
    report = govparse.parse(page(title + _WECHAT + fragment("013") + "</div>"))
    assert "GP507" not in {d.code for d in report.diagnostics}
    assert all(f.value is None for *_, f in report.table_figures())
