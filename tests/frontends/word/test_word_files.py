"""Word files (govparse/frontends/word): the official 2021 template as a Word file
(tests/data/real/docx: its merged cells as real Word reports have them), filled with
a figure in every cell, reads back with every figure in its row and column."""

from __future__ import annotations

import io

import pytest

import govparse
from govparse.document import Table, WordLocation
from govparse.frontends.word.reader import read_docx

from template_docx import TEMPLATE, filled_template

def test_the_filled_template_reads_back_figure_for_figure():
    values = {}

    def value_of(table, row, column):
        values[(table, row, column)] = len(values) + 1  # distinct, in template order
        return values[(table, row, column)]

    report = govparse.parse(filled_template(value_of))
    assert report.template == "2021"
    got = {(t, r, c): f.value for t, r, c, f in report.table_figures()}
    assert got == values
    assert [d for d in report.diagnostics if d.severity.value == "error"] == []


def test_the_empty_template_reads_as_a_report_with_every_figure_missing():
    report = govparse.parse_file(TEMPLATE)
    assert all(f.value is None for *_, f in report.table_figures())
    assert [s.heading for s in report.sections][:2] == ["一、总体情况", "二、主动公开政府信息情况"]


def test_merged_cells_become_spans_and_cells_know_their_place():
    tables = [b for b in read_docx(TEMPLATE.read_bytes()).blocks if type(b) is Table]
    assert [len(t.rows) for t in tables] == [14, 28, 4]
    applications = tables[1]
    note = applications.rows[0][0]
    assert (note.rowspan, note.colspan, note.location) == (3, 3, WordLocation(2, 1, 1))
    assert applications.rows[2][3].covered  # 自然人 spans two rows
    review = tables[2]
    assert [c.text for c in review.rows[1][:5]] == ["结果维持", "结果纠正", "其他结果", "尚未审结",
                                                   "总计"]


def _zip(members: dict[str, bytes]) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_a_zip_bomb_is_refused_before_it_fills_the_memory():
    from govparse.frontends.word import reader

    big = b"<w:document>" + b" " * (reader.MAX_UNPACKED + 10) + b"</w:document>"
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": big})
    assert len(bomb) < 1_000_000  # a small file
    with pytest.raises(govparse.InputError) as caught:
        govparse.parse(bomb, path="bomb.docx")
    assert caught.value.code == "GP003"
    assert "unpacks to more than 100 MB" in caught.value.message


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9, 0.99])
def test_a_truncated_word_file_is_a_clear_error(cut):
    data = filled_template(lambda table, row, column: 1)
    with pytest.raises(govparse.InputError) as caught:
        govparse.parse(data[:int(len(data) * cut)], path="cut.docx")
    assert caught.value.code == "GP006"
    assert caught.value.message == ("the input is a zip archive that cannot be opened: a "
                                    "truncated or broken Word file?")


def test_a_word_file_whose_text_is_broken_xml_is_gp006():
    broken = _zip({"word/document.xml": b"<w:document><w:body><w:p>"})
    with pytest.raises(govparse.InputError) as caught:
        govparse.parse(broken, path="broken.docx")
    assert caught.value.code == "GP006"
    assert caught.value.message.startswith("the Word file could not be read: ")


FILLED = None


def _filled() -> bytes:
    global FILLED
    if FILLED is None:
        FILLED = filled_template(lambda table, row, column: 7)
    return FILLED


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.floats(0.0, 1.0), flips=st.lists(st.tuples(st.floats(0.0, 1.0),
                                                          st.integers(0, 255)), max_size=8))
def test_a_damaged_word_file_gives_a_report_or_a_clear_error(cut, flips):
    data = bytearray(_filled())
    for where, byte in flips:
        data[min(int(where * len(data)), len(data) - 1)] = byte
    data = bytes(data[:max(1, int(cut * len(data)))]) if cut < 1 else bytes(data)
    try:
        report = govparse.parse(data, path="damaged.docx")
    except govparse.GovParseError as exc:
        assert exc.code in ("GP002", "GP003", "GP004", "GP006"), exc
        return
    # read: every figure read is one the file holds (7), or missing
    assert {f.value for _, _, _, f in report.table_figures()} <= {7, None}
