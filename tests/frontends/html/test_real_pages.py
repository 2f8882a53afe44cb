"""Three real published pages (tests/data/real/html, see its README): every figure of
the three tables right, the organisation and year right where the page states them
and missing (never invented) where it does not, each figure at its cell."""

from __future__ import annotations

from decimal import Decimal

import pytest

import govparse
from govparse.diagnostics import Severity
from govparse.document import HtmlLocation
from govparse.template.spec import load_template

from conftest import HERE, load_expected
from helpers import acceptable

PAGES = HERE / "data" / "real" / "html"
NAMES = ["006", "009", "013"]


def expected_of(name: str) -> dict:
    return load_expected(PAGES / f"{name}.expected.tsv")[f"{name}.html"]


@pytest.mark.parametrize("name", NAMES)
def test_every_figure_of_the_page_is_right(name):
    report = govparse.parse_file(PAGES / f"{name}.html")
    expected = expected_of(name)
    wrong = {key: (report.figure(*key).value, values) for key, values in expected.items()
             if key[0] != "report" and not acceptable(report.figure(*key).value, values)}
    assert wrong == {}
    # the ground truth names every figure of the page's template
    assert {k for k in expected if k[0] != "report"} == set(
        load_template(report.template).figure_ids())


@pytest.mark.parametrize("name, organization, year", [
    # no title: the year from the statistics period (GP102), the organisation from the
    # overview's opening sentence, 2024年，平潭综合实验区坚持以… (GP114)
    ("006", "平潭综合实验区", 2024),
    # no title and no statistics period: the year the overview's sentences open with
    # (2022年，…, four times; GP102); they open with no body's name (2022年，在区管委会
    # 办公室…的有力指导下，我局…), so the organisation is said missing (GP101)
    ("009", None, 2022),
    ("013", "平潭综合实验区管委会办公室", 2019),  # the title over two centred lines (GP111)
])
def test_organisation_and_year_where_the_page_states_them(name, organization, year):
    report = govparse.parse_file(PAGES / f"{name}.html")
    assert (report.organization.value, report.year.value) == (organization, year)
    expected = expected_of(name)
    if organization is not None:
        assert {organization} == expected[("report", "meta", "organization")]
    if year is not None:
        assert {str(year)} == expected[("report", "meta", "year")]
    codes = {d.code for d in report.diagnostics}
    assert ("GP101" in codes) == (name != "013")  # no title
    assert ("GP114" in codes) == (name == "006")
    assert ("GP111" in codes) == (name == "013")
    assert ("GP102" in codes) == (name in ("006", "009"))


@pytest.mark.parametrize("name", NAMES)
def test_a_real_page_has_no_error(name):
    report = govparse.parse_file(PAGES / f"{name}.html")
    assert [d for d in report.diagnostics if d.severity is Severity.ERROR] == []
    assert report.template == ("2019" if name == "013" else "2021")


def test_each_figure_stands_at_its_cell():
    report = govparse.parse_file(PAGES / "013.html")
    source = (PAGES / "013.html").read_text(encoding="utf-8").splitlines()
    amount = report.active_disclosure.government_procurement.amount
    assert (amount.value, amount.unit) == (Decimal(5419886), "元")
    where = amount.location
    assert (type(where), where.table) == (HtmlLocation, 1)
    assert "5419886" in "".join(source[where.line - 1:where.line + 3])  # its <td> starts there
    # the same cell of the grid holds it whichever way it is reached
    total = report.applications.total_processed.total
    assert total.location.table == 2 and total.location.row > 20


def test_a_whole_page_and_the_report_cut_from_it_read_alike():
    """Navigation, breadcrumbs, a metadata box, scripts, styles and a footer around the
    report change nothing, and none of them names the organisation."""
    fragment = (PAGES / "006.html").read_text(encoding="utf-8")
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>某某局2024年政府信息公开工作年度报告_某某局</title>
<style>td {{ border: 1px }}</style><script>var t = "<p>一、总体情况</p>";</script></head>
<body><div class="top-nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>
<nav><ul><li>机构概况</li><li>政策文件</li></ul></nav>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 年度报告</div>
<table class="xxgk-info"><tr><td>索引号：</td><td>ZH-2025-001</td><td>发布机构：</td>
<td>平潭综合实验区管委会办公室</td></tr><tr><td>标题：</td><td colspan="3">平潭综合实验区管委会
2024年政府信息公开工作年度报告</td></tr><tr><td>发布时间：</td><td>2025-01-20</td></tr></table>
<div class="article">{fragment}</div>
<div id="footer">主办单位：某某局 版权所有 2024年政府信息公开工作年度报告</div>
<script>document.write("三、收到和处理政府信息公开申请情况");</script>
</body></html>"""
    whole = govparse.parse(page)
    alone = govparse.parse(fragment)
    assert whole.sections == alone.sections
    assert list(whole.table_figures()) == list(alone.table_figures())
    # the organisation is the overview's (2024年，平潭综合实验区坚持以…), never the
    # metadata box's 发布机构 or 标题 nor the footer's 主办单位
    assert (whole.year.value, whole.organization.value) == (2024, "平潭综合实验区")
    said = [d for d in whole.diagnostics if d.code == "GP114"]
    assert [d.message for d in said] == [
        "the organisation '平潭综合实验区' was taken from the overview, whose sentence opens "
        "with it (2024年，平潭综合实验区…); no title names it"]
    # the metadata box stays text before the report, never its title
    assert whole.preamble[1].text.startswith("标题：")


def test_a_diagnostic_about_a_cell_names_its_row_and_column_never_the_markup():
    from govparse.emit.rendering import render_all

    report = govparse.parse_file(PAGES / "013.html")
    (yuan,) = [d for d in report.diagnostics if d.code == "GP312"]
    assert (yuan.context.row, yuan.context.column, yuan.context.text) == (
        "政府集中采购", "第二十条第（九）项 / 采购总金额", "5419886元")
    page = (PAGES / "006.html").read_text(encoding="utf-8")
    damaged = govparse.parse(page.replace(">18651.06<", ">—<"), path="006.html")
    (mark,) = [d for d in damaged.diagnostics if d.code == "GP304"]
    assert (mark.context.row, mark.context.column, mark.context.text) == (
        "行政事业性收费", "第二十条第（八）项 / 本年收费金额（单位：万元）", "—")
    shown = render_all([mark], page)
    assert max(len(line) for line in shown.splitlines()) < 120
    assert shown.splitlines()[1].startswith("  --> 006.html: table 1, row 14, column 2")
