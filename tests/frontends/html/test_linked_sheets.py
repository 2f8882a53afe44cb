"""The style sheets a page read from a file links beside it (linked_sheets.py): a page
saved whole (its sheets in ``page_files/``) or mirrored by wget, whose sheet hides a
digit inside each figure against copying. Built from the real page 006
(tests/data/real/html)."""

from __future__ import annotations

import re

import pytest

import govparse
from govparse.frontends.html.linked_sheets import MAX_SHEET_BYTES, local_sheets

from conftest import HERE, load_expected
from helpers import acceptable

PAGES = HERE / "data" / "real" / "html"


def guarded_page(links: str) -> str:
    """006's page with a digit of class cp inside each figure (shows 62 for 6<…>2)."""
    fragment = (PAGES / "006.html").read_text(encoding="utf-8")
    guarded = re.sub(r"(<td[^>]*>(?:<[^>]+>)*)(\d)", r'\1\2<span class="cp">7</span>', fragment)
    return f'<!DOCTYPE html><html><head><meta charset="utf-8">{links}</head><body>{guarded}</body></html>'


def wrong(report) -> dict:
    expected = load_expected(PAGES / "006.expected.tsv")["006.html"]
    return {key: report.figure(*key).value for key, values in expected.items()
            if key[0] != "report" and not acceptable(report.figure(*key).value, values)}


@pytest.mark.parametrize("links, sheets", [
    # Chrome's "Webpage, Complete"
    ('<link rel="stylesheet" href="page_files/site.css">', {"page_files/site.css": ".cp { display: none }"}),
    # wget -p -k: the site's sheet up the mirror, its query in the file's name
    ('<link rel="stylesheet" type="text/css" href="../css/site.css%3Fv=2">',
     {"../css/site.css?v=2": "body{margin:0}\n.cp{display:none}"}),
    ('<link rel="stylesheet" href="css/site.css?v=2">', {"css/site.css": ".cp{display:none}"}),
    # in GB18030, after a sheet for printing that would hide the report on paper
    ('<link rel="stylesheet" media="print" href="p.css"><link rel="stylesheet" href="s.css">',
     {"p.css": ".TRS_Editor { display: none }", "s.css": "/* 样式 */ .cp { display: none }"}),
])
def test_a_sheet_the_page_links_beside_it_hides_what_it_hides(tmp_path, links, sheets):
    folder = tmp_path / "site" / "reports"
    folder.mkdir(parents=True)
    for name, css in sheets.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(css.encode("gb18030"))
    page = folder / "006.html"
    page.write_text(guarded_page(links), encoding="utf-8")
    report = govparse.parse_file(page)
    assert wrong(report) == {}
    assert "GP504" in {d.code for d in report.diagnostics}


@pytest.mark.parametrize("links", [
    '<link rel="stylesheet" href="https://example.org/site.css">',  # a URL: not on disk
    '<link rel="stylesheet" href="/css/site.css">',  # from the site's root
    '<link rel="alternate stylesheet" href="site.css">',  # not applied
    '<link rel="stylesheet" href="missing.css">',
    '<link rel="stylesheet" href="big.css">',  # past MAX_SHEET_BYTES
])
def test_a_link_that_leads_to_no_sheet_on_disk_is_not_followed(tmp_path, links):
    (tmp_path / "site.css").write_text(".cp { display: none }")
    (tmp_path / "big.css").write_text(".cp { display: none }" + " " * MAX_SHEET_BYTES)
    sheet = local_sheets(str(tmp_path / "page.html"))
    assert sheet is None  # (no such page: nothing is read beside it)
    (tmp_path / "page.html").write_text(guarded_page(links), encoding="utf-8")
    href = re.search(r'href="([^"]+)"', links).group(1)
    if "alternate" not in links:
        assert local_sheets(str(tmp_path / "page.html"))(href) is None
    report = govparse.parse_file(tmp_path / "page.html")
    figure = report.figure("active_disclosure", "normative_documents", "issued").value
    if "alternate" in links:
        assert figure == 672  # (a browser applies no alternate sheet: 672 is shown)
    else:
        # the sheet not read may hide the digit among the figure's: no figure (GP508),
        # where 672 was read
        assert figure is None and all(v is None for v in wrong(report).values())
        said = [d for d in report.diagnostics if d.code == "GP508"]
        assert len(said) == 1 and "class or id 'cp'" in said[0].message


def test_a_page_read_as_text_follows_no_link(tmp_path):
    (tmp_path / "site.css").write_text(".cp { display: none }")
    page = guarded_page('<link rel="stylesheet" href="site.css">')
    report = govparse.parse(page)
    assert report.figure("active_disclosure", "normative_documents", "issued").value is None
    assert "GP508" in {d.code for d in report.diagnostics}
    assert local_sheets(None) is None and local_sheets("-") is None


_ROW = "<table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>" \
       "<tr><td>{label}</td><td>{made}</td><td>2</td><td>3</td></tr></table>"


def _page(cell: str, label: str = "规章", head: str | None = None) -> str:
    body = "<p>二、主动公开政府信息情况</p>" + _ROW.format(label=label, made=cell)
    return body if head is None else f"<html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize("page, made, doubted", [
    # a fragment (the crawler left its head behind, sheets and all): the class may hide
    (_page('1<span class="cp">7</span>2'), None, True),
    (_page('1<b id="x">7</b>2'), None, True),
    # ... but not where a sheet read names it (it says whether it hides)
    (_page('1<span class="cp">7</span>2', head="<style>.cp { color: red }</style>"), 172, False),
    (_page('1<span class="cp">7</span>2', head="<style>.cp { display: none }</style>"), 12, False),
    # a whole page that links no sheet: every sheet is read
    (_page('1<span class="cp">7</span>2', head="<title>x</title>"), 172, False),
    # a figure all in one such element, or a blank apart from the digits beside it
    (_page('<span class="num">172</span>'), 172, False),
    (_page('<span class="num">17</span> 件'), 17, False),
    # an element without a class or id: nothing to hide it by
    (_page("1<span>7</span>2"), 172, False),
    # every digit in such an element, of two classes (the sheet hides one)
    (_page('<span class="n">1</span><span class="cp">7</span><span class="n">2</span>'), None,
     True),
])
def test_digits_in_an_element_a_sheet_not_read_may_hide(page, made, doubted):
    report = govparse.parse(page)
    assert report.active_disclosure.rules.issued.value == made
    # (a row with a cell of no number among its figures is not placed: GP313)
    assert report.active_disclosure.rules.in_force.value == (None if doubted else 3)
    assert ("GP508" in {d.code for d in report.diagnostics}) == doubted


def test_a_label_in_such_an_element_is_read_whole():
    report = govparse.parse(_page("1", label='规<span class="k">章</span>'))
    assert report.active_disclosure.rules.issued.value == 1


def test_large_linked_sheets_leave_the_pages_own_its_room(tmp_path):
    # an icon font's sheet of a megabyte linked before the page's own <style>: the
    # page's own was cut off (read past a shared limit), and its hidden digits read
    (tmp_path / "font.css").write_text(".i{}" * 260_000)
    (tmp_path / "ui.css").write_text(".u{}" * 40_000)
    page = tmp_path / "page.html"
    page.write_text(guarded_page('<link rel="stylesheet" href="font.css">'
                                 '<link rel="stylesheet" href="ui.css">'
                                 "<style>.cp { display: none }</style>"), encoding="utf-8")
    assert wrong(govparse.parse_file(page)) == {}


@pytest.mark.parametrize("links, sheets", [
    # a sheet that imports another (not followed): what it hides cannot be told
    ('<link rel="stylesheet" href="main.css">', {"main.css": '@import url("hide.css");',
                                                  "hide.css": ".cp { display: none }"}),
    ('<style>@import "hide.css";</style>', {"hide.css": ".cp { display: none }"}),
])
def test_a_sheet_that_imports_another_leaves_the_digits_in_doubt(tmp_path, links, sheets):
    for name, css in sheets.items():
        (tmp_path / name).write_text(css)
    (tmp_path / "page.html").write_text(guarded_page(links), encoding="utf-8")
    report = govparse.parse_file(tmp_path / "page.html")
    assert all(v is None for v in wrong(report).values())  # (missing, never 672)
    assert "GP508" in {d.code for d in report.diagnostics}


def test_a_disabled_link_is_not_followed_and_a_sheet_linked_again_is_read_once(
        tmp_path, monkeypatch):
    from govparse.frontends.html import linked_sheets

    (tmp_path / "s.css").write_text(".cp { display: none }")
    (tmp_path / "page.html").write_text(
        guarded_page('<link rel="stylesheet" disabled href="s.css">'), encoding="utf-8")
    assert govparse.parse_file(tmp_path / "page.html").figure(
        "active_disclosure", "normative_documents", "issued").value == 672
    reads = []
    real = linked_sheets._read
    monkeypatch.setattr(linked_sheets, "_read", lambda path: reads.append(path) or real(path))
    (tmp_path / "page.html").write_text(
        guarded_page('<link rel="stylesheet" href="s.css">' * 500), encoding="utf-8")
    assert wrong(govparse.parse_file(tmp_path / "page.html")) == {}
    assert len(reads) == 1
