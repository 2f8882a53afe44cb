"""A Word file's text as Word shows it (govparse/frontends/word/displayed.py): the
cases a helper's hunt of 2,326 Word files read wrong (tests/data/word_layouts)."""

from __future__ import annotations

from pathlib import Path

import pytest

import govparse

from helpers import codes, example_text, with_document_xml

WORD = Path(__file__).resolve().parents[2] / "data" / "word_layouts"


def issued(name: str):
    report = govparse.parse_file(WORD / name)
    return report.active_disclosure.rules.issued.value, codes(report)


def test_of_alternate_content_only_the_choice_word_shows_is_read():
    assert issued("alternate-content.docx")[0] == 2021  # (read before: 20212021)


def test_of_a_field_only_its_result_is_read_not_a_nested_field_s_in_its_instructions():
    assert issued("nested-field.docx")[0] == 12  # (read before: 312)


@pytest.mark.parametrize("name", ["mark-raised-by-its-style.docx",
                                  "mark-raised-by-position.docx",
                                  "struck-by-its-style.docx"])
def test_a_run_its_style_or_position_sets_apart_is_no_part_of_the_figure(name):
    value, said = issued(name)
    assert value is None and "GP313" in said  # (read before: 251, 251, 1215)


def _body_in_custom_xml(xml: str) -> str:
    start = xml.index(">", xml.index("<w:body")) + 1
    end = xml.rindex("<w:sectPr") if "<w:sectPr" in xml else xml.rindex("</w:body>")
    return (xml[:start] + '<w:customXml w:element="report">' + xml[start:end]
            + "</w:customXml>" + xml[end:])


def test_custom_xml_around_the_body_s_paragraphs_and_tables_is_read_through(tmp_path):
    report = govparse.parse(example_text("tab"))
    path = tmp_path / "report.docx"
    path.write_bytes(with_document_xml(govparse.dumps(report, "docx"), _body_in_custom_xml))
    read = govparse.parse_file(path)
    assert read == report  # (read before: no heading, no figure)


def _deleted_cell_in_the_first_figure_row(xml: str) -> str:
    # a cell deleted with tracked changes on, before 规章's first figure: 999
    at = xml.index("<w:tc>", xml.index("规章"))
    deleted = ('<w:tc><w:tcPr><w:cellDel w:id="90" w:author="a" w:date="2024-01-01T00:00:00Z"/>'
               "</w:tcPr><w:p><w:r><w:t>999</w:t></w:r></w:p></w:tc>")
    return xml[:at] + deleted + xml[at:]


def test_a_cell_deleted_with_tracked_changes_is_left_out(tmp_path):
    report = govparse.parse(example_text("tab"))
    path = tmp_path / "report.docx"
    path.write_bytes(with_document_xml(govparse.dumps(report, "docx"),
                                       _deleted_cell_in_the_first_figure_row))
    assert govparse.parse_file(path) == report  # (read before: 999 a column in, or none)


def _first_figure_runs(xml: str, runs: str) -> str:
    # 规章's first figure cell: its paragraph's runs replaced by ``runs``
    at = xml.index("<w:tc>", xml.index("规章"))
    start = xml.index("<w:r>", at)
    end = xml.index("</w:p>", start)
    return xml[:start] + runs + xml[end:]


@pytest.mark.parametrize("runs, read", [
    # a nudge of half a point (w:position 1) is no mark's: 12 stays one figure
    ('<w:r><w:t>1</w:t></w:r><w:r><w:rPr><w:position w:val="1"/></w:rPr><w:t>2</w:t></w:r>',
     12),
    ('<w:r><w:t>1</w:t></w:r><w:r><w:rPr><w:position w:val="6"/></w:rPr><w:t>2</w:t></w:r>',
     None),
    # the choice's runs in their order, the fallback's left out
    ('<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/'
     '2006"><mc:Choice Requires="w14"><w:r><w:t>3</w:t></w:r><w:r><w:t>4</w:t></w:r>'
     '</mc:Choice><mc:Fallback><w:r><w:t>9</w:t></w:r></mc:Fallback></mc:AlternateContent>',
     34),
])
def test_a_figure_s_runs_read_as_word_shows_them(tmp_path, runs, read):
    report = govparse.parse(example_text("tab"))
    path = tmp_path / "report.docx"
    path.write_bytes(with_document_xml(govparse.dumps(report, "docx"),
                                       lambda xml: _first_figure_runs(xml, runs)))
    assert govparse.parse_file(path).active_disclosure.rules.issued.value == read
