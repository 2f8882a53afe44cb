"""The title of a report on a government site's page, among the site's own lines (a
hunt of 2026-12-07: printer pages rewritten in other sites' styles, read as HTML and
through w3m, lynx and pandoc):

- a side bar listing the body's other reports (相关文章, 往年年报: each a link whose text
  is a report's title) before the report's own title: the first of those links was
  read as the title, another report's organisation and year (2021 for 2023). A title
  that is all a link's text is a link to another page (HTML); a title line that
  opens with a list item's mark or a link's number (w3m's "• ", lynx's "* [1]",
  pandoc's "-   ") is an item of such a list (text), as is one after 上一篇：;
- the page's way back ending with the report's title (当前位置：首页 > 政务公开 > …
  > 某区2023年…年度报告) before the title itself: the organisation was read as
  "当前位置：首页 > 政务公开 > 政府信息公开年报 > 某区…". A title line whose
  organisation holds a way back's marks (> › » ＞ →) is a paragraph.

- a statistics section's heading written as the first row of its table (one cell
  across it), or the three tables made one, each heading a row: the headings were
  no label of a table, every section missing. A table's row whose one cell is a
  section's numbered heading opens that section (core/assemble.py).

The pages: tests/data/site_pages, a 2021 report whose 199 figures are all different
numbers (one missing); each converter's text made from the page by the program;
``headings_in_tables.html`` and ``one_table.html``: the real page 006 so rewritten (lxml).
"""

from __future__ import annotations

import pytest

import govparse
from conftest import HERE, load_expected
from helpers import acceptable

PAGES = HERE / "data" / "site_pages"
ORGANIZATION = "江苏省南京市玄武区人民政府"
YEAR = 2023


def _assert_the_report(report, complete: bool = True) -> None:
    """The report's organisation and year, and its figures: each right, or (where a
    converter leaves a row's places in doubt: lynx) missing."""
    assert report.organization.value == ORGANIZATION
    assert report.year.value == YEAR
    page = govparse.parse_file(str(PAGES / "related_reports.html"))
    for table, row, column, figure in page.table_figures():
        got = report.figure(table, row, column).value
        assert got == figure.value or (not complete and got is None), (table, row, column)
    assert page.figure("active_disclosure", "rules", "issued").value is None
    assert page.figure("active_disclosure", "rules", "repealed").value == 2
    assert page.figure("applications", "new_requests", "natural_person").value == 11
    assert str(page.figure("active_disclosure", "administrative_fees", "amount").value) == "10.11"
    assert page.figure("review_litigation", "litigation_after_review", "total").value == 200
    assert sum(1 for *_, f in page.table_figures() if f.value is not None) == 199


@pytest.mark.parametrize("name", ["related_reports.html", "way_back.html"])
def test_a_page_s_title_is_the_report_s_not_a_link_s_or_the_way_back_s(name):
    _assert_the_report(govparse.parse_file(str(PAGES / name)))


@pytest.mark.parametrize("name", [
    "related_list.w3m.txt", "related_list.lynx.txt", "related_list.pandoc.txt",
    "way_back.w3m.txt", "way_back.lynx.txt", "way_back.pandoc.txt"])
def test_a_converted_page_s_title_is_the_report_s(name):
    text = (PAGES / name).read_text(encoding="utf-8")
    _assert_the_report(govparse.parse(text), complete=".lynx." not in name)


def test_a_title_that_is_all_a_link_s_text_is_a_paragraph():
    page = ('<html><body><div><a href="/2022.html">某某县人民政府2022年政府信息公开工作年度报告</a>'
            '</div><h1><a href="#top">某区人民政府2023年政府信息公开工作年度报告</a></h1>'
            '<p>一、总体情况</p></body></html>')
    report = govparse.parse(page)
    assert (report.organization.value, report.year.value) == ("某区人民政府", 2023)


@pytest.mark.parametrize("line", ["• 某某县人民政府2022年政府信息公开工作年度报告",
                                  "   * [3]某某县人民政府2022年政府信息公开工作年度报告",
                                  "-   某某县人民政府2022年政府信息公开工作年度报告",
                                  "上一篇：某某县人民政府2022年政府信息公开工作年度报告",
                                  "首页 > 年报 > 某某县人民政府2022年政府信息公开工作年度报告",
                                  "当前位置：首页 » 年报 » 某区人民政府2023年政府信息公开工作年度报告"])
def test_a_list_item_a_link_or_the_way_back_before_the_title_is_no_title(line):
    report = govparse.parse(f"{line}\n某区人民政府2023年政府信息公开工作年度报告\n一、总体情况\n")
    assert (report.organization.value, report.year.value) == ("某区人民政府", 2023)
    assert "GP109" not in [d.code for d in report.diagnostics]


# ---------------------------------------------------------------- titles that disagree


def test_title_lines_of_different_years_give_none_where_no_period_is_stated():
    # w3m's text of a page whose side bar lists the body's other reports as plain
    # links (<p><a>), before the report's own title: nothing marks them as links.
    # The first was read as the title (某某县人民政府, 2019, for 2021). Title lines that
    # name different years, none of which the statistics period states: none is taken.
    report = govparse.parse_file(str(PAGES / "related_plain_links.w3m.txt"))
    assert (report.organization.value, report.year.value) == (None, None)
    (said,) = [d for d in report.diagnostics if d.code == "GP115"]
    assert said.message == ("the title lines name different years (2019、2020、2022、2021): none "
                            "is taken, the statistics period stating none of them")
    assert said.line == 3 and said.severity.name == "WARNING"
    assert not any(d.code == "GP109" for d in report.diagnostics)


def test_title_lines_of_the_stated_year_that_name_two_bodies_give_none():
    # the side bar lists another body's report of the statistics period's year too
    # (its 2021 report before the body's own): the first of that year was read as the
    # title (某某县人民政府 for 江苏省南京市玄武区人民政府); which is the report's cannot be told
    text = (PAGES / "related_plain_links.w3m.txt").read_text(encoding="utf-8")
    text = text.replace("某某县人民政府2022年", "某某县人民政府2021年", 1)
    text = text.replace("一、总体情况\n", "本报告所列数据统计期限为2021年1月1日至2021年12月31日。\n"
                        "一、总体情况\n", 1)
    report = govparse.parse(text)
    assert report.organization.value is None and report.year.value == 2021
    (said,) = [d for d in report.diagnostics if d.code == "GP115"]
    assert said.message.endswith("none is taken, those of 2021, the year of the statistics "
                                 "period, naming different bodies")


def test_title_lines_of_the_stated_year_that_name_one_body_give_the_first():
    text = (PAGES / "related_plain_links.w3m.txt").read_text(encoding="utf-8")
    text = text.replace("某某县人民政府2022年", "玄武区人民政府2021年", 1)
    text = text.replace("一、总体情况\n", "本报告所列数据统计期限为2021年1月1日至2021年12月31日。\n"
                        "一、总体情况\n", 1)
    report = govparse.parse(text)
    assert (report.organization.value, report.year.value) == ("玄武区人民政府", 2021)


def test_title_lines_of_different_years_give_the_one_the_statistics_period_states():
    text = (PAGES / "related_plain_links.w3m.txt").read_text(encoding="utf-8")
    text = text.replace("一、总体情况\n", "本报告所列数据统计期限为2021年1月1日至2021年12月31日。\n"
                        "一、总体情况\n", 1)
    report = govparse.parse(text)
    assert (report.organization.value, report.year.value) == ("江苏省南京市玄武区人民政府", 2021)
    assert report.year.line == 9
    (said,) = [d for d in report.diagnostics if d.code == "GP115"]
    assert said.message.endswith("the one of 2021, the year of the statistics period, is taken")
    assert [d.line for d in report.diagnostics if d.code == "GP109"] == [3, 5, 7]


# ---------------------------------------------------------------- headings inside tables


@pytest.mark.parametrize("name", ["headings_in_tables", "one_table"])
def test_a_sections_heading_as_a_row_of_its_table_opens_the_section(name):
    # The real page 006 (tests/data/real/html) with each statistics section's heading
    # moved into its table as the first row, one cell across it; and the three tables
    # then made one. The headings were read as no label of a table, the sections as
    # missing (GP108): no figure read.
    report = govparse.parse_file(str(PAGES / f"{name}.html"))
    expected = load_expected(HERE / "data" / "real" / "html" / "006.expected.tsv")["006.html"]
    assert {key: report.figure(*key).value for key, values in expected.items()
            if key[0] != "report" and not acceptable(report.figure(*key).value, values)} == {}
    assert not any(d.code in ("GP108", "GP112") for d in report.diagnostics)
    assert [s.number for s in report.sections if s.line is not None][:4] == [1, 2, 3, 4]
