"""A PDF page's ruling lines (govparse/frontends/pdf/rules.py): strokes, rectangles'
edges, lines drawn a piece at a time joined, lines inside form XObjects through their
matrices, curves ignored; the cell of the grid a point stands in."""

from __future__ import annotations

import io

import pypdfium2 as pdfium

from govparse.frontends.pdf.rules import Rules, _cut_ends, _joined, page_rules


def page_of(draw):
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(300, 300))
    draw(pdf)
    pdf.save()
    return pdfium.PdfDocument(out.getvalue())[0]


def test_a_grid_of_strokes_in_pieces_and_a_rectangle_gives_its_cells():
    def draw(pdf):
        pdf.rect(10, 10, 200, 100)  # the frame: four edges
        for x in range(10, 210, 4):  # the middle row's rule, dashes of 3 points
            pdf.line(x, 60, x + 3, 60)
        pdf.line(110, 10, 110, 110)  # the middle column's
        pdf.bezier(20, 20, 40, 80, 80, 80, 100, 20)  # a curve: no rule

    rules = page_rules(page_of(draw))
    assert sorted(round(y) for y, *_ in rules.horizontal) == [10, 60, 110]
    (middle,) = [r for r in rules.horizontal if round(r[0]) == 60]
    assert (round(middle[1]), round(middle[2])) == (10, 209)  # the dashes one rule
    assert sorted(round(x) for x, *_ in rules.vertical) == [10, 110, 210]
    assert rules.cell_at(50, 80) == (10.0, 60.0, 110.0, 110.0)
    assert rules.cell_at(150, 30) == (110.0, 10.0, 210.0, 60.0)
    assert rules.cell_at(250, 30) is None  # outside: no wall to its right


def test_lines_inside_a_form_are_where_the_form_puts_them():
    def draw(pdf):
        pdf.beginForm("grid")
        pdf.rect(0, 0, 50, 20)
        pdf.endForm()
        pdf.saveState()
        pdf.translate(100, 200)
        pdf.doForm("grid")
        pdf.restoreState()

    rules = page_rules(page_of(draw))
    assert sorted(round(y) for y, *_ in rules.horizontal) == [200, 220]
    assert rules.cell_at(125, 210) == (100.0, 200.0, 150.0, 220.0)


def test_no_lines_no_grid():
    rules = page_rules(page_of(lambda pdf: pdf.drawString(10, 10, "0")))
    assert not rules and rules.cell_at(10, 10) is None
    assert not Rules([(1.0, 0.0, 5.0)], [])  # a grid needs both


def test_pieces_of_one_rule_are_joined_and_lines_apart_are_not():
    assert _joined([(100.0, 0, 50), (100.0, 200, 300), (100.2, 55, 150), (100.1, 52, 54),
                    (200.0, 0, 10), (200.0, 14, 20)]) == \
        [(100.0, 0, 150), (100.0, 200, 300), (200.0, 0, 10), (200.0, 14, 20)]


def test_a_path_s_segments_read_at_once_are_those_pdfium_gives_one_by_one(monkeypatch):
    # (pdfium_calls.path_segments reads pdfium's array of a path's points at once;
    # where its layout were not the one it checks, each segment is asked for alone)
    from govparse.frontends.pdf import pdfium_calls as calls

    from conftest import HERE

    page = pdfium.PdfDocument((HERE / "data" / "real" / "pdf" / "hzq2023.pdf").read_bytes())[2]
    handle = calls.handle(page.raw)
    paths = [obj for obj in (calls.get_object(handle, i)
                             for i in range(calls.count_objects(handle)))
             if calls.object_type(obj) == calls.PATH]
    read = [calls.path_segments(path, calls.count_segments(path)) for path in paths]
    assert calls._array_read is True  # the layout held
    assert read == [calls._one_at_a_time(path, calls.count_segments(path)) for path in paths]
    assert sum(map(len, read)) == 713 and read[0][0][2] == calls.MOVE_TO
    at_once = page_rules(page)
    monkeypatch.setattr(calls, "_array_read", False)
    one_by_one = page_rules(page)
    assert (one_by_one.horizontal, one_by_one.vertical) == (at_once.horizontal, at_once.vertical)
    assert len(at_once.horizontal) > 20 and len(at_once.vertical) > 5


def test_cells_a_page_break_leaves_open_are_closed_where_the_columns_lines_stop():
    # a browser draws no line under a row it breaks across pages: the columns' lines
    # stop at 100 with nothing across; a rule there closes the row's cells
    horizontal = [(200.0, 50.0, 250.0), (300.0, 50.0, 250.0)]  # (as _joined gives them)
    vertical = [(50.0, 100.0, 300.0), (150.0, 100.0, 300.0), (250.0, 100.0, 300.0)]
    assert _cut_ends(horizontal, vertical) == [(100.0, 50.0, 250.0)]
    rules = Rules(horizontal + _cut_ends(horizontal, vertical), vertical)
    assert rules.cell_at(100.0, 150.0) == (50.0, 100.0, 150.0, 200.0)
    # ruled there, nothing is added; nor where a column's line alone stops short, or
    # where lines stop inside the table (a header cell over two columns)
    assert _cut_ends([(100.0, 50.0, 250.0)] + horizontal, vertical) == []
    assert _cut_ends(horizontal, [(50.0, 100.0, 300.0), (150.0, 200.0, 300.0),
                                  (250.0, 200.0, 300.0)]) == []


def test_a_cell_is_the_same_asked_after_any_other_point_as_asked_first():
    # (Rules.cell_at answers again with the rules it found for the point before, where
    # they provably hold: rules stopping short inside a cell, or standing exactly at
    # a point, must not leave a stale answer)
    import random

    draw = random.Random(16)
    for _ in range(200):
        places = [float(draw.randrange(0, 100, 5)) for _ in range(8)]
        horizontal = [(draw.choice(places), draw.uniform(-5, 60), draw.uniform(40, 105))
                      for _ in range(draw.randrange(1, 9))]
        vertical = [(draw.choice(places), draw.uniform(-5, 60), draw.uniform(40, 105))
                    for _ in range(draw.randrange(1, 9))]
        asked = Rules(horizontal, vertical)
        for _ in range(40):
            x, y = (draw.choice(places) if draw.random() < 0.2 else draw.uniform(-5, 105)
                    for _ in range(2))
            assert asked.cell_at(x, y) == Rules(horizontal, vertical).cell_at(x, y), (x, y)
