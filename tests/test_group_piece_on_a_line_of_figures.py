"""A piece of a group's label on a line of figures of its own, the row's label below
them (pypdfium2's text of a browser's print, a narrow label cell: ``（三）不`` /
``予公开`` / ``39 40 …`` / ``1.属于国家秘密``): ``予公开`` is close in words to row
（一）予以公开, and was read as it (GP203), the figures of 1.属于国家秘密 put under
（一）予以公开 where the table has no row （一） of its own. A label with no numbering
that is a piece of a group's label is no row's label misspelt: its figures are not
placed (GP204). The text: a report of ``benchmarks/converters.py --seed 7`` through
``browser-pdfium-text``, its row （一） left out and the figures of 1.属于国家秘密 moved
to the line after the group's label (/tmp/wH3-hunt/narrow.py's layouts)."""

from pathlib import Path

import govparse

TEXT = (Path(__file__).parent / "data" / "wrapped_lines" /
        "pdfium_group_piece_on_a_line_of_figures.txt").read_text("utf-8")


def test_a_group_s_piece_before_figures_is_not_read_as_a_row_close_in_words():
    read = govparse.parse(TEXT)
    assert read.figure("applications", "disclosed", "natural_person").value is None
    assert read.figure("applications", "withheld_state_secret", "natural_person").value is None
    said = [d for d in read.diagnostics if d.code == "GP204" and "予公开" in d.message]
    assert [d.message for d in said] == [
        "figures follow '予公开', close to row '（一）予以公开' in words but a piece of group "
        "label '（三）不予公开'; they are not placed"]
    assert "GP203" not in [d.code for d in read.diagnostics]


def test_the_rows_around_it_are_read():
    read = govparse.parse(TEXT)
    assert read.figure("applications", "partially_disclosed", "natural_person").value == 32
    assert read.figure("applications", "withheld_prohibited_by_law", "total").value == 52
    assert read.figure("applications", "unavailable_not_held", "natural_person").value == 95
