"""How Word writes a table's cells besides plain w:tc in a row (govparse/frontends/word):
a cell inside a content control or a custom XML element, Word 97's horizontal merge
(w:hMerge), a row that starts past the grid's first column (w:gridBefore). Each is
made from the filled official template (test_word_files.filled_template: every figure
a different number) and must read back to the very same figures: a cell left out or
counted twice would move every figure after it a column."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

import govparse

from test_word_files import filled_template

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _values():
    values = {}

    def value_of(table, row, column):
        values[(table, row, column)] = len(values) + 1
        return values[(table, row, column)]

    return filled_template(value_of), values


FILLED, VALUES = _values()


def _edited(edit) -> tuple[bytes, bytes]:
    """The filled template with its document.xml changed by ``edit(root)``, and that
    document.xml."""
    source = zipfile.ZipFile(io.BytesIO(FILLED))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                root = etree.fromstring(data)
                edit(root)
                data = xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                            standalone=True)
            archive.writestr(item, data)
    return out.getvalue(), xml


def _figures(data: bytes) -> dict:
    report = govparse.parse(data, path="edited.docx")
    return {(t, r, c): f.value for t, r, c, f in report.table_figures()}


def _figure_cells(root, text: str):
    """The cells (w:tc) whose text is ``text``."""
    return [tc for tc in root.iter(W + "tc")
            if "".join(t.text or "" for t in tc.iter(W + "t")) == text]


def _w(tag: str, **attributes):
    element = etree.Element(W + tag)
    for name, value in attributes.items():
        element.set(W + name, value)
    return element


def test_the_filled_template_reads_back_as_filled():
    assert _figures(FILLED) == VALUES


@pytest.mark.parametrize("wrapper", ["sdt", "customXml"])
def test_cells_inside_a_content_control_or_custom_xml_keep_their_places(wrapper):
    # three figures of the applications table and one of the review table, each wrapped
    wrapped = [VALUES[("applications", "new_requests", "natural_person")],
               VALUES[("applications", "new_requests", "total")],
               VALUES[("applications", "carried_over", "other_org")],
               VALUES[("review_litigation", "administrative_review", "upheld")]]

    def edit(root):
        for value in wrapped:
            (tc,) = _figure_cells(root, str(value))
            outer = _w(wrapper)
            tc.addprevious(outer)
            if wrapper == "sdt":
                outer.append(_w("sdtPr"))
                content = _w("sdtContent")
                outer.append(content)
                content.append(tc)
            else:
                outer.set(W + "element", "cell")
                outer.append(tc)

    data, xml = _edited(edit)
    assert xml.count({"sdt": b"<w:sdt>", "customXml": b"<w:customXml "}[wrapper]) == 4
    assert _figures(data) == VALUES


def test_cells_merged_across_with_hmerge_read_as_one_spanning_cell():
    # every label cell spanning grid columns (w:gridSpan) written the Word 97 way: a
    # restart cell and a continue cell for each further column
    def edit(root):
        for tc in list(root.iter(W + "tc")):
            tc_pr = tc.find(W + "tcPr")
            span = tc_pr.find(W + "gridSpan") if tc_pr is not None else None
            if span is None:
                continue
            count = int(span.get(W + "val"))
            tc_pr.remove(span)
            tc_pr.append(_w("hMerge", val="restart"))
            for _ in range(count - 1):
                rest = _w("tc")
                rest_pr = _w("tcPr")
                rest_pr.append(_w("hMerge"))  # no val: continue
                rest.append(rest_pr)
                rest.append(_w("p"))
                tc.addnext(rest)

    data, xml = _edited(edit)
    assert xml.count(b"hMerge") > 20 and b"gridSpan" not in xml
    assert _figures(data) == VALUES


def test_a_row_that_starts_past_the_first_grid_column_keeps_its_figures_in_place():
    # the rows whose first cell only continues a label merged down from above (a
    # w:vMerge continue cell) written without it, starting at grid column 2
    # (w:gridBefore), as some editors write them
    def edit(root):
        changed = 0
        for tr in root.iter(W + "tr"):
            first = tr.find(W + "tc")
            merge = first.find(f"{W}tcPr/{W}vMerge") if first is not None else None
            if merge is None or merge.get(W + "val") not in (None, "continue"):
                continue
            if first.find(f"{W}tcPr/{W}gridSpan") is not None:
                continue
            tr.remove(first)
            tr_pr = tr.find(W + "trPr")
            if tr_pr is None:
                tr_pr = _w("trPr")
                tr.insert(0, tr_pr)
            tr_pr.append(_w("gridBefore", val="1"))
            changed += 1
        assert changed >= 10

    data, xml = _edited(edit)
    assert xml.count(b"gridBefore") >= 10
    assert _figures(data) == VALUES


# ---------------------------------------------------------------- tracked changes, hidden text


def _run(text: str, *properties) -> etree._Element:
    run = _w("r")
    if properties:
        run_pr = _w("rPr")
        run_pr.extend(properties)
        run.append(run_pr)
    t = _w("t")
    t.text = text
    run.append(t)
    return run


def _first_paragraph(tc):
    return next(tc.iter(W + "p"))


def test_a_figure_moved_within_its_cell_deleted_or_hidden_text_is_read_as_word_shows_it():
    moved = VALUES[("applications", "new_requests", "natural_person")]
    deleted = VALUES[("applications", "new_requests", "total")]
    hidden = VALUES[("review_litigation", "administrative_review", "upheld")]
    was_hidden = VALUES[("active_disclosure", "rules", "issued")]

    def edit(root):
        # the figure moved within its cell: the old place (w:moveFrom) holds it too
        (tc,) = _figure_cells(root, str(moved))
        source = _w("moveFrom", id="1", author="a", date="2024-01-01T00:00:00Z")
        source.append(_run(str(moved)))
        _first_paragraph(tc).insert(1, source)
        # a figure replaced: the old one deleted (w:del around a run; w:t, as some
        # editors write it, not w:delText), the new one inserted
        (tc,) = _figure_cells(root, str(deleted))
        gone = _w("del", id="2", author="a", date="2024-01-01T00:00:00Z")
        gone.append(_run("999"))
        _first_paragraph(tc).insert(1, gone)
        # a hidden run beside a figure, and a run once hidden (its old properties)
        (tc,) = _figure_cells(root, str(hidden))
        _first_paragraph(tc).append(_run("7", _w("vanish")))
        (tc,) = _figure_cells(root, str(was_hidden))
        change = _w("rPrChange", id="3", author="a", date="2024-01-01T00:00:00Z")
        old = _w("rPr")
        old.append(_w("vanish"))
        change.append(old)
        run = next(tc.iter(W + "r"))
        run_pr = run.find(W + "rPr")
        if run_pr is None:
            run_pr = _w("rPr")
            run.insert(0, run_pr)
        run_pr.append(change)

    data, xml = _edited(edit)
    assert xml.count(b"<w:moveFrom ") == 1 and xml.count(b"<w:vanish/>") == 2
    assert _figures(data) == VALUES


def test_a_deleted_row_is_left_out():
    # a row deleted with tracked changes on, its figures other than the row's own
    # (left in, it would be the row again: GP206, neither placed)
    import copy

    def edit(root):
        (tc,) = _figure_cells(root, str(VALUES[("applications", "new_requests", "total")]))
        row = tc.getparent()
        old = copy.deepcopy(row)
        for t in old.iter(W + "t"):
            if t.text and t.text.isdigit():
                t.text = "5" + t.text
        row_pr = old.find(W + "trPr")
        if row_pr is None:
            row_pr = _w("trPr")
            old.insert(0, row_pr)
        row_pr.append(_w("del", id="4", author="a", date="2024-01-01T00:00:00Z"))
        row.addprevious(old)

    data, xml = _edited(edit)
    assert xml.count(b"<w:del ") == 1
    report = govparse.parse(data, path="edited.docx")
    assert {(t, r, c): f.value for t, r, c, f in report.table_figures()} == VALUES
    assert "GP206" not in {d.code for d in report.diagnostics}


def test_a_raised_footnote_mark_after_a_figure_makes_it_no_figure_not_another():
    # 12 and a superscript 1 (a footnote's mark): "12 1", no figure (GP313), never 121
    value = VALUES[("applications", "new_requests", "total")]

    def edit(root):
        (tc,) = _figure_cells(root, str(value))
        properties = _w("vertAlign", val="superscript")
        _first_paragraph(tc).append(_run("1", properties))

    data, xml = _edited(edit)
    report = govparse.parse(data, path="edited.docx")
    got = {(t, r, c): f.value for t, r, c, f in report.table_figures()}
    assert got[("applications", "new_requests", "total")] is None
    # (the rest of its row is not placed either, as for any unreadable figure of a row)
    assert all(v in (None, VALUES[k]) for k, v in got.items())
    assert sum(v is not None for v in got.values()) >= len(VALUES) - 7
    assert any(d.code == "GP313" and f"'{value} 1'" in d.message for d in report.diagnostics)
