"""Header cells broken over lines in text that keeps no columns (pdfplumber's
``extract_text``: a PDF's words in reading order, one blank apart, every line from
the left margin), put together by reading order
(frontends/text/stacked_headers.py, ``_in_reading_order``).

The review table's header as pdfplumber writes it::

    结果维 结果纠 其他 尚未 总计 未经复议直接起诉 复议后起诉
    持 正 结果 审结
    结果 结果 其他结 尚未 结果 结果 其他 尚未审
    总计 总计
    维持 纠正 果 审结 维持 纠正 结果 结

Joined by where the pieces stand, which there is chance (结果 over 纠正 two lines down:
结果纠正 in the place of 其他结果), the header named its columns out of the
template's order and the table was missing (GP321). The pieces of a line that begin a
header go on, one each and in order, with the next line's; where the source's header
is really in another order, so is the joined one, and the table stays missing. The
text: a report of ``benchmarks/converters.py --seed 777`` through pdfplumber."""

from pathlib import Path

import govparse

TEXT = (Path(__file__).parent / "data" / "header_pieces" /
        "pdfplumber_review_header.txt").read_text("utf-8")
FIGURES = ("869476 565628 4307 670 1440081 4028 4030 242565 11547 262170 15674 5664 59967 "
           "137934 219239")


def _review(report):
    return [f.value for t, _, _, f in report.table_figures() if t == "review_litigation"]


def test_the_review_header_in_pieces_is_joined_in_reading_order():
    read = govparse.parse(TEXT)
    assert _review(read) == [int(v) for v in FIGURES.split()]
    assert "GP321" not in {d.code for d in read.diagnostics}
    said = [d.message for d in read.diagnostics
            if d.code == "GP307" and "column header" in d.message]
    assert said and "结果维 / 持 as '结果维持'" in said[-1]


def test_a_header_really_out_of_order_stays_missing():
    # 结果纠正 before 结果维持 in every group, the figures with them: read in the
    # template's order they would be wrong; the joined header says the order is
    # another (GP321), and nothing is placed
    swapped = TEXT.replace("结果维 结果纠 其他 尚未 总计", "结果纠 结果维 其他 尚未 总计") \
        .replace("\n持 正 结果 审结\n", "\n正 持 结果 审结\n") \
        .replace("维持 纠正 果 审结 维持 纠正 结果 结", "纠正 维持 果 审结 纠正 维持 结果 结")
    words = FIGURES.split()
    for a, b in ((0, 1), (5, 6), (10, 11)):
        words[a], words[b] = words[b], words[a]
    swapped = swapped.replace(FIGURES, " ".join(words))
    assert swapped.count("结果纠 结果维") == 1 and " ".join(words) in swapped
    read = govparse.parse(swapped)
    assert _review(read) == [None] * 15
    assert "GP321" in {d.code for d in read.diagnostics}


def test_pieces_not_explained_by_reading_order_are_joined_as_before():
    # a piece more on the second line than cells that go on above it: reading order
    # does not say which goes with which; joined by where they stand as before, and
    # no figure wrong (the table read in the template's order or missing)
    text = TEXT.replace("\n持 正 结果 审结\n", "\n持 正 结果 审结 审结\n")
    read = govparse.parse(text)
    assert all(v in (None, int(w)) for v, w in zip(_review(read), FIGURES.split()))


def test_whole_headers_left_among_the_pieces_are_a_cell_each():
    # the third group's columns out of the template's order (结果维持 其他结果 尚未审结
    # 结果纠正), two of them whole on the line of the pieces: kept as one cell
    # (尚未审结 结果维持 其他结果, one blank apart) they named no column, no order
    # showed, and the group was read in the template's order: 5664 as 尚未审结's
    # (wrong, also before reading order). A cell a header: the order shows, and
    # nothing is placed (GP321)
    header = ("结果维 结果纠 其他 尚未 总计 未经复议直接起诉 复议后起诉\n持 正 结果 审结\n"
              "结果 结果 其他结 尚未 结果 结果 其他 尚未审\n总计 总计\n"
              "维持 纠正 果 审结 维持 纠正 结果 结\n")
    assert header in TEXT
    words = FIGURES.split()
    order = [10, 12, 13, 11, 14]
    text = TEXT.replace(header, (
        "结果 结果 其他 尚未 总 未经复议直接起诉 复议后起诉\n维持 纠正 结果 审结 计\n"
        "结果 结果 其他结 尚未审结 结果维持 其他结果 尚未 结果纠\n总计 总计\n"
        "维持 纠正 果 审结 正\n")).replace(
        FIGURES, " ".join(words[:10] + [words[i] for i in order]))
    read = govparse.parse(text)
    truth = [int(v) for v in words]
    assert all(v in (None, t) for v, t in zip(_review(read), truth))
    assert _review(read)[10:] == [None] * 5
    assert "GP321" in {d.code for d in read.diagnostics}
