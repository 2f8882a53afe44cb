"""Characters that stand for ideographs (⾏ U+2F8F for 行, ⻓ for 长, U+F9B2 for 零), as the
text layer of many PDFs and text copied out of them hold them, read as the
ideographs: the labels and headings are the template's again, with one note (GP013).
govparse/frontends/ideographs.py."""

from __future__ import annotations

import csv

import pytest

import govparse
from govparse.diagnostics import Severity
from govparse.frontends.ideographs import ideograph_of, with_ideographs

from helpers import OFFICE, codes, example_text, with_document_xml

# The text's ideographs written as the Kangxi radicals and the CJK Radicals Supplement's
# forms that stand for them (行 ⾏, 一 ⼀, 人 ⼈, 长 ⻓ …).
_RADICAL = {}
for _code, _ideograph in ideograph_of().items():
    if 0x2E80 <= _code <= 0x2FDF:
        _RADICAL.setdefault(_ideograph, chr(_code))


def as_radicals(text: str) -> str:
    return "".join(_RADICAL.get(c, c) for c in text)


def figures(report) -> dict:
    return {(t, r, c): f.value for t, r, c, f in report.table_figures()}


def test_each_kind_is_read_as_its_ideograph_and_nothing_else_changes():
    text, found = with_ideographs("⾏政许可 ⼀、 ⻓期 ⺠ \uf9b2 ⺀ 﨑 １２ 0 行")
    # (⺀ stands for no ideograph; 﨑 U+FA11 is one, though in the compatibility block)
    assert text == "行政许可 一、 长期 民 零 ⺀ 﨑 １２ 0 行"
    assert found == (5, 0, "⾏")
    assert with_ideographs("行政许可 12") == ("行政许可 12", None)
    assert with_ideographs("⺀") == ("⺀", None)


def test_every_character_read_is_one_ideograph():
    for code, read in ideograph_of().items():
        assert len(read) == 1 and 0x3400 <= ord(read) <= 0x3134F, hex(code)


def test_a_text_written_in_radicals_reads_as_the_text_itself():
    text = example_text("tab")
    written = as_radicals(text)
    assert sum(a != b for a, b in zip(text, written)) == 65
    clean, read = govparse.parse(text), govparse.parse(written)
    assert figures(read) == figures(clean)
    assert read.organization == clean.organization and read.year == clean.year
    assert read.organization.value == "示例县人民政府办公室"
    assert codes(read) == ["GP013", *codes(clean)]
    note = read.diagnostics[0]
    assert note.severity is Severity.NOTE
    first = next(i for i, (a, b) in enumerate(zip(text, written)) if a != b)
    assert (note.line, note.column) == (text.count("\n", 0, first) + 1,
                                        first - text.rfind("\n", 0, first))
    assert f"the first: {written[first]} U+{ord(written[first]):04X} for {text[first]}" \
        in note.message


def test_strict_mode_reads_it_too():
    text = example_text("tab")
    assert figures(govparse.parse(as_radicals(text), mode="strict")) == \
        figures(govparse.parse(text))


def test_a_page_written_in_radicals_reads_as_the_page_itself():
    report = govparse.parse(example_text("tab"))
    page = govparse.dumps(report, "html")
    read = govparse.parse(as_radicals(page))
    assert figures(read) == figures(govparse.parse(page))
    assert read.organization == report.organization
    assert "GP013" in codes(read)


def as_references(page: str) -> str:
    """The page as some sites serve it: every character beyond ASCII a numeric
    character reference, in hexadecimal and decimal by turns."""
    return "".join(c if c.isascii() else f"&#x{ord(c):X};" if ord(c) % 2 else f"&#{ord(c)};"
                   for c in page)


def test_a_page_that_writes_its_radicals_as_references_reads_as_the_page_itself():
    report = govparse.parse(example_text("tab"))
    page = govparse.dumps(report, "html")
    referenced = as_references(as_radicals(page))
    assert "&#x2F8F;" in referenced or "&#12175;" in referenced  # (⾏ of 行政许可)
    read = govparse.parse(referenced)
    assert figures(read) == figures(report)
    assert read.organization == report.organization
    assert "GP013" in codes(read)
    # references to other characters are the parser's to read, as before
    assert figures(govparse.parse(as_references(page))) == figures(report)
    assert "GP013" not in codes(govparse.parse(as_references(page)))


def test_a_reference_that_stands_for_no_ideograph_is_left_as_written():
    from govparse.frontends.ideographs import radicals_referenced

    assert radicals_referenced("&#x2F8F;&#12175;&#x2E80;&#65;&#x2F8F&#99999999;") == \
        "⾏⾏&#x2E80;&#65;&#x2F8F&#99999999;"
    assert radicals_referenced("no reference") == "no reference"


def test_a_word_file_written_in_radicals_reads_as_the_file_itself(tmp_path):
    report = govparse.parse(example_text("tab"))
    path = tmp_path / "report.docx"
    path.write_bytes(with_document_xml(govparse.dumps(report, "docx"), as_radicals))
    read = govparse.parse_file(path)
    assert figures(read) == figures(report)
    assert read.organization == report.organization
    (note,) = [d for d in read.diagnostics if d.code == "GP013"]
    assert note.line is None and "in the text “" in note.message


def _expected() -> dict:
    with open(OFFICE / "template-2021-filled.expected.tsv", encoding="utf-8") as tsv:
        return {(r["table"], r["row"], r["column"]): int(r["value"])
                for r in csv.DictReader(tsv, delimiter="\t")}


@pytest.mark.parametrize("name", ["template-2021-radicals.docx",
                                  "template-2021-radicals.libreoffice.pdf"])
def test_the_template_written_in_radicals_and_saved_by_an_office_suite(name):
    # tests/data/office/README.md: the filled template with its labels and headings in
    # radicals (57 characters), and that saved as a PDF; the figures as the template
    # saved without them gives (the PDF: the rows its arithmetic refuses, GP326, apart)
    read = govparse.parse_file(OFFICE / name)
    expected = _expected()
    got = {k: v for k, v in figures(read).items() if v is not None}
    assert all(expected[k] == v for k, v in got.items())
    if name.endswith(".pdf"):
        clean = govparse.parse_file(OFFICE / "template-2021-filled.libreoffice.pdf")
        assert got == {k: v for k, v in figures(clean).items() if v is not None}
        assert len(got) == 143
    else:
        assert got == expected
        assert "GP201" not in codes(read)  # every row label is the template's
    (note,) = [d for d in read.diagnostics if d.code == "GP013"]
    assert note.message.startswith("57 characters")


def test_the_high_bytes_look_miss_no_character_the_search_finds():
    """The cheap look before the search (its UTF-16 high bytes) says "maybe" of a text
    holding any character the search finds, at either end or among CJK text (but
    U+FFFF, in the search's class only to make it a table: no ideograph's)."""
    from govparse.frontends.ideographs import _candidate, _may_hold_candidates

    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF or code == 0xFFFF or _candidate().fullmatch(chr(code)) is None:
            continue
        for text in (chr(code), f"行政{chr(code)}许可，", f"x{chr(code)}"):
            assert _may_hold_candidates(text), hex(code)
    assert not _may_hold_candidates("行政许可，（一）　总计 12 ─│")
