"""Web archives (MHTML: a browser's "save as single file", Word's single-file web page):
the page inside read by the HTML front-end, its style sheets saved as parts put back
where they were linked (govparse/web_archive.py). The archives are in
tests/data/real/web_archive (see its README)."""

from __future__ import annotations

import base64
import quopri

import pytest

import govparse
from govparse.batch.inputs import files_of
from govparse.source import source_of
from govparse.web_archive import is_web_archive

from conftest import HERE
from helpers import figure_values, real_page_score

ARCHIVES = HERE / "data" / "real" / "web_archive"
PAGES = HERE / "data" / "real" / "html"


@pytest.mark.parametrize("file, missing", [
    # (009's page misses one figure; its archive none: Blink writes the page as its DOM)
    ("006.chromium.mhtml", 0), ("009.chromium.mhtml", 0),
    # a digit hidden in each figure by the page's <style>, which Blink saves as a part
    ("006.anticopy.chromium.mhtml", 0),
])
def test_a_page_saved_by_a_browser_as_a_single_file_is_read(file, missing):
    # every figure was missing: the archive was read as text, its page quoted-printable
    report = govparse.parse_file(ARCHIVES / file)
    assert real_page_score(report, file[:3]) == ({}, missing)
    said = [d for d in report.diagnostics if d.code == "GP016"]
    assert len(said) == 1 and "the page inside it" in said[0].message
    # as the page itself reads (the anticopy page's own file beside it)
    page = ARCHIVES / "006.anticopy.html" if "anticopy" in file else PAGES / f"{file[:3]}.html"
    read = figure_values(report)
    assert [v for v in figure_values(govparse.parse_file(page)) if v[3] is not None] == \
        [v for v in read if v in figure_values(govparse.parse_file(page))]
    data = (ARCHIVES / file).read_bytes()
    assert figure_values(govparse.parse(data)) == figure_values(report)
    assert figure_values(govparse.parse(data.decode("ascii"))) == figure_values(report)


def test_the_pages_sheets_saved_as_parts_hide_what_they_hide():
    source = source_of("x.mhtml", (ARCHIVES / "006.anticopy.chromium.mhtml").read_bytes())
    assert source.format == "html"
    assert '.cp { display: none; }</style>' in source.text
    # (Blink saves the page's <style media="print"> with no media: in the archive it
    # hides the whole report, which is read as shown, GP507)
    assert ".TRS_Editor { display: none; }</style>" in source.text
    assert "cid:css-" not in source.text
    # every line of the page keeps its number: the sheets' line breaks are blanks
    import email

    root = next(p for p in email.message_from_bytes(
        (ARCHIVES / "006.anticopy.chromium.mhtml").read_bytes()).walk()
        if p.get_content_type() == "text/html")
    assert source.text.count("\n") == root.get_payload(decode=True).decode().count("\n")
    report = govparse.parse_file(ARCHIVES / "006.anticopy.chromium.mhtml")
    assert {"GP504", "GP507"} <= {d.code for d in report.diagnostics}


def _word_archive(html: str, charset: str) -> bytes:
    """A web archive as Word's "Single File Web Page" writes one: a preamble, the page
    quoted-printable in its charset, a file list."""
    body = quopri.encodestring(html.encode(charset)).decode("ascii").replace("\n", "\r\n")
    boundary = "----=_NextPart_01DB4D2A.8E0F6B40"
    return (f'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="{boundary}"'
            "\r\n\r\n此文档为“单个文件网页”，也称为“Web 档案”文件。\r\n\r\n"
            f"--{boundary}\r\nContent-Location: file:///C:/D0D0D0D0/report.htm\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            f'Content-Type: text/html; charset="{charset}"\r\n\r\n{body}\r\n'
            f"--{boundary}\r\nContent-Location: file:///C:/D0D0D0D0/report.files/filelist.xml"
            "\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/xml; "
            f'charset="utf-8"\r\n\r\n<xml></xml>\r\n--{boundary}--\r\n').encode("gb18030")


@pytest.mark.parametrize("charset", ["gb2312", "utf-8"])
def test_a_word_single_file_web_page_is_read(charset):
    page = ('<html><head><meta http-equiv=Content-Type content="text/html; charset='
            f'{charset}"></head><body>{(PAGES / "006.html").read_text(encoding="utf-8")}'
            "</body></html>")
    report = govparse.parse(_word_archive(page, charset))
    assert real_page_score(report, "006") == ({}, 0)
    assert "report.htm" in next(d.message for d in report.diagnostics if d.code == "GP016")


def test_a_part_in_base64_with_no_charset_is_decoded_as_any_input():
    html = "<html><body><p>某局2023年政府信息公开工作年度报告</p></body></html>"
    data = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n'
            b"--B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + base64.encodebytes(html.encode("gbk")) + b"\r\n--B--\r\n")
    source = source_of("x.mht", data)
    assert source.text == html
    assert [n.code for n in source.notes] == ["GP016", "GP005"]  # (decoded as GB18030)
    assert govparse.parse(data).year.value == 2023


@pytest.mark.parametrize("data", [
    b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n'
    b"--B\r\nContent-Type: image/png\r\n\r\nxx\r\n--B--\r\n",
    b"MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\nno boundary",
    b"From: <Saved by Blink>\r\nContent-Type: multipart/related;\r\n\tboundary=\"B\"\r\n",
])
def test_an_archive_with_no_page_is_a_clear_error(tmp_path, data):
    path = tmp_path / "empty.mhtml"
    path.write_bytes(data)
    with pytest.raises(govparse.GovParseError) as refused:
        govparse.parse_file(path)
    assert refused.value.code == "GP017" and "no HTML page" in str(refused.value)
    assert str(path) in str(refused.value)


@pytest.mark.parametrize("text", [
    "标题: 某某局\n发布时间: 2024\n",  # a crawler's fields
    "Subject: a report\nDate: today\n\n某局2023年政府信息公开工作年度报告\n",  # no multipart
    "Content-Type: text/html\n\n<p>x</p>",
    "某局2023年政府信息公开工作年度报告\nContent-Type: multipart/related\n",  # not at the start
])
def test_a_text_is_no_archive(text):
    assert not is_web_archive(text.encode("utf-8"))
    assert source_of("x.txt", text.encode("utf-8")).format != "html" or text.startswith("Content")


def test_a_folders_walk_reads_archives(tmp_path):
    for name in ("a.mht", "b.MHTML", "c.txt", "d.png"):
        (tmp_path / name).write_bytes(b"x")
    assert sorted(p.rsplit("/", 1)[1] for p in files_of([str(tmp_path)])) == \
        ["a.mht", "b.MHTML", "c.txt"]


def _archive(parts: list[tuple[str, str]], start: str | None = None) -> bytes:
    """A web archive of (headers, body) parts, bodies as written (8bit)."""
    params = f'; start="{start}"' if start else ""
    out = ['MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"'
           f'; type="text/html"{params}\r\n\r\n']
    for headers, body in parts:
        out.append(f"--B\r\n{headers}\r\n\r\n{body}\r\n")
    out.append("--B--\r\n")
    return "".join(out).encode("utf-8")


_GUARDED = ('<html><head>{links}</head><body><p>二、主动公开政府信息情况</p><table>'
            "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
            '<tr><td>规章</td><td>6<span class="cp">7</span>2</td><td>2</td><td>3</td></tr>'
            "</table></body></html>")
_HTML = "Content-Type: text/html; charset=utf-8"
_CSS = "Content-Type: text/css"


@pytest.mark.parametrize("links, sheet_headers, made", [
    ('<link rel="stylesheet" href="cid:s1@x">', _CSS + "\r\nContent-ID: <s1@x>", 62),  # RFC 2392
    ('<link rel="stylesheet" href="cid:css-1@mhtml.blink">',
     _CSS + "\r\nContent-Location: cid:css-1@mhtml.blink", 62),
    ('<link rel="stylesheet" href="s.css">', _CSS + "\r\nContent-Location: http://a.gov.cn/s.css",
     62),  # (by the page's location)
    # a sheet the page does not apply: 672 is what a browser shows
    ('<link rel="alternate stylesheet" href="cid:s1@x">', _CSS + "\r\nContent-ID: <s1@x>", 672),
    ('<link rel="stylesheet" disabled href="cid:s1@x">', _CSS + "\r\nContent-ID: <s1@x>", 672),
    # a link no URL can be made of: not followed, no traceback (GP508: the digits doubted)
    ('<link rel="stylesheet" href="http://[fe80::1%eth0/s.css">',
     _CSS + "\r\nContent-Location: http://a.gov.cn/s.css", None),
])
def test_the_sheets_an_archive_links_are_those_a_browser_applies(links, sheet_headers, made):
    data = _archive([(_HTML + "\r\nContent-Location: http://a.gov.cn/r.html",
                      _GUARDED.format(links=links)),
                     (sheet_headers, ".cp { display: none }")])
    assert govparse.parse(data).active_disclosure.rules.issued.value == made


def test_the_page_the_start_parameter_names_is_read_with_or_without_brackets():
    frame = "<html><body><p>某某市人民政府2019年政府信息公开工作年度报告</p></body></html>"
    page = "<html><body><p>某局2023年政府信息公开工作年度报告</p></body></html>"
    for start in ("root@x", "<root@x>"):
        data = _archive([(_HTML + "\r\nContent-ID: <frame@x>", frame),
                         (_HTML + "\r\nContent-ID: <root@x>", page)], start=start)
        assert govparse.parse(data).year.value == 2023


def test_a_bom_or_blank_lines_before_the_headers_are_read_past():
    data = (ARCHIVES / "006.chromium.mhtml").read_bytes()
    expected = figure_values(govparse.parse(data))
    for before in (b"\xef\xbb\xbf", b"\r\n\r\n"):
        assert figure_values(govparse.parse(before + data)) == expected
        assert figure_values(govparse.parse((before + data).decode("utf-8"))) == expected


@pytest.mark.parametrize("data", [
    # parts nested thousands deep: the email parser's recursion
    b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B0"\r\n\r\n'
    + b"".join(f'--B{n}\r\nContent-Type: multipart/related; boundary="B{n + 1}"\r\n\r\n'.encode()
               for n in range(3000)),
    # a header of 200,000 parameters: the email package reads them in quadratic time
    b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"; a="' + b";" * 200_000
    + b'"\r\n\r\n--B\r\n' + _HTML.encode() + b"\r\n\r\n<p>x</p>\r\n--B--\r\n",
])
def test_an_archive_no_browser_writes_is_a_clear_error_in_bounded_time(data):
    import time

    started = time.process_time()
    with pytest.raises(govparse.GovParseError) as refused:
        govparse.parse(data)
    assert refused.value.code == "GP017"
    assert time.process_time() - started < 5


def test_a_sheet_linked_a_thousand_times_is_not_put_back_a_thousand_times():
    links = '<link rel="stylesheet" href="cid:s1@x">' * 1000
    sheet = ".x { color: red }" + " " * 100_000 + ".cp { display: none }"
    source = source_of("x.mhtml", _archive([(_HTML, _GUARDED.format(links=links)),
                                            (_CSS + "\r\nContent-ID: <s1@x>", sheet)]))
    assert len(source.text) < 3 * 1024 * 1024  # (2 MB of sheets put back, at most)
    from govparse.api import parse_source

    report = parse_source(source)
    assert report.active_disclosure.rules.issued.value == 62
