"""A row's cells wrapped onto a line of their own, read as a row (a hunt of
2026-12-07: printer pages rewritten in other sites' styles, through converters)."""

from __future__ import annotations

import govparse
from conftest import HERE

PAGES = HERE / "data" / "site_pages"


def test_a_row_s_cells_wrapped_onto_a_line_of_their_own_place_no_figure():
    """w3m's text of a Word "Save as HTML" page (no borders drawn; a hunt of
    2026-12-07): the 2019 row （六）其他处理 wrapped in its narrow cells as
    '（六）其' + '36,' + the row's other figures, then '他处理' + '669'. The first line's
    '36,' is no number (GP313); the second was read as the row (GP203: '他处理' close to
    （六）其他处理), 669 for 36,669. The end of a row's label without its start, on the
    line after a row with figures whose label is that start, is a line the row's cells
    are wrapped onto: its figures are not placed (GP204). (A label's start with no
    figures, 2.其他 / 法律行政法规禁止公开 + figures, is still read as the row, GP203:
    tests/core/test_table_reader_cases.py.)"""
    from govparse.emit.serialize import from_json

    model = from_json((PAGES / "wrapped_row_end.model.json").read_text(encoding="utf-8"))
    report = govparse.parse((PAGES / "wrapped_row_end.w3m.txt").read_text(encoding="utf-8"))
    assert model.figure("applications", "other_processing", "natural_person").value == 36669
    assert report.figure("applications", "other_processing", "natural_person").value is None
    assert any(d.code == "GP204" and "他处理" in d.message for d in report.diagnostics)
    assert [report.figure("applications", "carried_forward", c).value
            for c in ("natural_person", "commercial_enterprise", "total")] == [1327, 326, 94527]
    right = 0
    for table, row, column, figure in model.table_figures():
        got = report.figure(table, row, column).value
        assert got is None or got == figure.value, (table, row, column, got, figure.value)
        right += got is not None
    assert right >= 40
