"""A markdown writer's text of a page that hides its whole report until a script shows
it (frontends/text/cloaked.py): pandoc keeps a WeChat article's ``#js_content`` as a
fenced div or as its tags, and what it holds was all taken away. The texts are in
tests/data/real/markdown (its README says how each was made)."""

from __future__ import annotations

import re

import pytest

import govparse
from govparse.frontends.text.cloaked import revealed

from conftest import HERE
from helpers import real_page_score

TEXTS = HERE / "data" / "real" / "markdown"


@pytest.mark.parametrize("file, missing", [
    ("006.wechat.pandoc-markdown.txt", 0),  # ::: {#js_content … style="visibility: hidden;"}
    ("009.wechat.pandoc-gfm.txt", 0),  # <div id="js_content" style="visibility: hidden; opacity: 0;">
    ("013.wechat.pandoc3-markdown.txt", 0),  # :::: {#js_content …} around ::: TRS_Editor
    # the article holds a tab it hides (009's report, first) and 006's: the tab stays hidden
    ("006.wechat-old-tab.pandoc-gfm.txt", 0),
])
def test_a_wechat_article_through_a_markdown_writer_is_read_as_shown(file, missing):
    # every figure was missing: the hidden div took the whole report with it
    report = govparse.parse((TEXTS / file).read_text(encoding="utf-8"))
    assert real_page_score(report, file[:3]) == ({}, missing)
    said = [d for d in report.diagnostics if d.code == "GP507"]
    assert len(said) == 1 and "js_content" in said[0].message
    plain = (TEXTS / file).read_text(encoding="utf-8").splitlines()
    assert "js_content" in plain[said[0].line - 1]  # (the line of the div's opening)


def test_two_hidden_tabs_inside_the_article_stay_hidden():
    report = govparse.parse((TEXTS / "006.wechat-two-tabs.pandoc-markdown.txt")
                            .read_text(encoding="utf-8"))
    assert all(figure.value is None for *_, figure in report.table_figures())
    assert "GP507" in {d.code for d in report.diagnostics}


def _report(hidden_opening: str, closing: str, outside: str = "") -> str:
    table = "<table>\n<tr><td>规章</td><td>1</td></tr>\n</table>\n"
    return (f"{outside}{hidden_opening}\n二、主动公开政府信息情况\n\n{table}\n"
            + "本机关认真贯彻落实条例，主动公开政府信息。\n" * 3 + closing + "\n")


@pytest.mark.parametrize("opening, closing, shown_opening", [
    ('::: {#js_content style="visibility: hidden;"}', ":::", [":::", "{", "}"]),
    ("::: hidden", ":::", [":::", "{", "}"]),  # (blanks alone would make it a closing fence)
    ('<div id="js_content"\nstyle="display: none">', "</div>", ["<div", "\n", ">"]),
])
def test_the_cloak_is_blanked_in_place(opening, closing, shown_opening):
    text = _report(opening, closing)
    shown, note = revealed(text)
    assert note is not None and note.code == "GP507" and note.line == 1
    assert len(shown) == len(text) and shown.count("\n") == text.count("\n")
    assert [piece for piece in re.split(r"( +)", shown[:len(opening)])
            if not piece.startswith(" ")] == shown_opening
    assert shown[len(opening):] == text[len(opening):]


@pytest.mark.parametrize("text", [
    # a table outside the hidden block (a page that shows one), or none inside it
    _report('<div style="display:none">', "</div>", outside="| 规章 | 1 |\n\n"),
    '<div style="display:none">\n' + "长长的说明文字。\n" * 5 + "</div>\n<table><tr><td>1</td></tr></table>\n",
    # two hidden blocks with tables: which a browser shows cannot be told
    _report('<div style="display:none">', "</div>") + _report('<div style="display:none">', "</div>"),
    # a hidden block holding less than the text outside it (a tab beside the page's text)
    "前言。" * 200 + "\n" + _report('<div style="display:none">', "</div>"),
    # no container: a tracked deletion, a hidden span over lines
    _report("<del>", "</del>"),
    _report('<span style="display:none">', "</span>"),
])
def test_nothing_is_revealed_where_the_page_does_not_hide_its_whole_report(text):
    assert revealed(text) == (text, None)


def test_a_simple_table_inside_the_hidden_div_is_a_table_it_holds():
    # pandoc draws a table without merged cells as a simple table (a rule of column
    # widths under its header): the div holding it is the report's
    text = ('::: {#js_content style="visibility: hidden;"}\n某局2024年政府信息公开工作年度报告\n\n'
            "二、主动公开政府信息情况\n\n"
            "  -------------- -------------- -------------- --------------\n"
            "  信息内容       本年制发件数   本年废止件数   现行有效件数\n"
            "  规章           1              2              3\n"
            "  -------------- -------------- -------------- --------------\n\n"
            + "本机关认真贯彻落实条例。\n" * 3 + ":::\n")
    assert revealed(text)[1] is not None
    report = govparse.parse(text)
    assert report.active_disclosure.rules.in_force.value == 3
    assert "GP507" in {d.code for d in report.diagnostics}


@pytest.mark.parametrize("year, shown", [("2024", True), ("2023", False)])
def test_a_title_outside_the_hidden_div_must_be_of_the_year_it_states(year, shown):
    # (a tab of last year's report hidden under this year's title is not shown)
    text = (f"# 某局{year}年政府信息公开工作年度报告\n\n"
            + _report('::: {style="display: none"}', ":::").replace(
                "本机关认真贯彻", "2024年，本机关认真贯彻"))
    assert (revealed(text)[1] is not None) == shown


def test_a_heading_whose_attributes_hide_it_is_no_title():
    # pandoc keeps a page's hidden <h1> as a heading with its style: not shown, so
    # neither the report's title nor its year
    text = ('# 某局2021年政府信息公开工作年度报告 {#t style="display:none"}\n\n'
            "# 某局2024年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n")
    report = govparse.parse(text)
    assert report.year.value == 2024
    assert revealed('# 某局2021年政府信息公开工作年度报告 {style="display:none"}\n\n'
                    + _report('::: {style="display: none"}', ":::").replace(
                        "本机关认真贯彻", "2024年，本机关认真贯彻"))[1] is not None
