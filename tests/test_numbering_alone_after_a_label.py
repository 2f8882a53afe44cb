"""A row's numbering alone on its line under the lines of the row above's label, the
row above with no figures (a narrow label cell written three characters a line, the
figures in the middle of their label: ``（六）`` / ``其他处`` / ``理`` / ``（七）`` / figures
/ ``总计``). The label joined over its lines took ``（七）`` as its last part (a trailing
bracket is a remark to the label's key: ``（六）其他处理（七）`` is （六）其他处理), and the
figures of （七）总计 were read as （六）其他处理's. A numbering alone opens a row's
label, it never goes on one: the figures are not placed (GP204). The text: a 2019
report of ``benchmarks/converters.py --seed 7`` through ``browser-pdfium-text``, laid
out three characters a line by /tmp/wH3-hunt/narrow.py, the figures of （六）其他处理
left out, cut after table 3."""

from pathlib import Path

import govparse

TEXT = (Path(__file__).parent / "data" / "wrapped_lines" /
        "pdfium_numbering_alone_after_a_label.txt").read_text("utf-8")


def test_a_numbering_alone_is_not_the_end_of_the_label_above():
    read = govparse.parse(TEXT)
    assert read.figure("applications", "other_processing", "natural_person").value is None
    assert read.figure("applications", "other_processing", "total").value is None
    assert "（六）其他处理（七）" not in " ".join(d.message for d in read.diagnostics)
    said = [d for d in read.diagnostics if d.code == "GP204" and d.line == 156]
    assert [d.message for d in said] == [
        "figures follow '（七）', which names no row of this table; they are not placed"]


def test_the_rows_above_are_read():
    read = govparse.parse(TEXT)
    assert read.figure("applications", "not_processed_excessive", "natural_person").value == 149
    assert read.figure("applications", "not_processed_complaint", "total").value == 134
