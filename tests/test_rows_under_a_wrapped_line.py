"""A row under the later line of a row whose line a converter wrapped as a whole.

lynx at 80 columns wraps a row too long for its width as a whole (`2.申请人逾期…
5695530 1034 51133 4849 529689` / `6151 6288386`), which the table reader reads where
its totals hold (core/table_reader.py, ``_line_wrapped``). Its later line then stands
over the next row's first figure (`3.其他 1031 …`, a short label), which read alone
looks like the rest of a number wrapped in that row's cell: the row was missing
(GP320). Those figures are the row above's (its totals hold with them); the row below
is read where its own totals hold too and the row above is laid out as a converter
wraps a line, its figures one blank apart (GP306). The text: a report of
``benchmarks/converters.py --seed 4242`` through ``lynx -dump`` (80 columns), cut to
the rows around."""

from pathlib import Path

import govparse

TEXT = (Path(__file__).parent / "data" / "wrapped_lines" /
        "lynx80_row_under_a_wrapped_line.txt").read_text("utf-8")
COLUMNS = ("natural_person", "commercial_enterprise", "research_institution",
           "social_welfare_org", "legal_service_org", "other_org", "total")


def _row(report, row):
    return [report.figure("applications", row, c).value for c in COLUMNS]


def _stacked(report):
    return [d.message.split("'")[1] for d in report.diagnostics if d.code == "GP320"]


def test_the_row_under_a_wrapped_line_is_read_where_its_totals_hold():
    read = govparse.parse(TEXT)
    assert _row(read, "other_no_fee_paid") == [5695530, 1034, 51133, 4849, 529689, 6151,
                                               6288386]
    assert _row(read, "other_other") == [1031, 1460, 118169, 40959, 151, 3171, 164941]
    assert _row(read, "other_no_correction") == [68, 183, 3628799, 1163405, 214, 780,
                                                 4793449]
    assert _row(read, "carried_forward") == [52797, 11763, 296, 295, 13502, 13995, 92648]
    assert _stacked(read) == []
    said = [d for d in read.diagnostics if d.code == "GP306" and "3.其他" in d.message]
    assert len(said) == 1 and said[0].line == 12
    assert "'1031' (line 12) stands under '6288386' (line 11)" in said[0].message


def test_its_own_totals_broken_it_stays_missing():
    # 3.其他's total one more than its figures: a number of it may be cut short
    text = TEXT.replace(" 164941", " 164942")
    read = govparse.parse(text)
    assert _row(read, "other_other") == [None] * 7
    assert _stacked(read) == ["3.其他"]
    assert _row(read, "other_no_fee_paid")[-1] == 6288386


def test_the_row_above_not_a_wrapped_line_both_stay_missing():
    # (六)2.'s total broken: its later line is no proof of a wrapped line, and may be
    # the first parts of numbers wrapped in 3.其他's cells
    text = TEXT.replace(" 6288386", " 6288387")
    read = govparse.parse(text)
    assert _row(read, "other_no_fee_paid") == [None] * 7
    assert _row(read, "other_other") == [None] * 7
    assert set(_stacked(read)) >= {"3.其他"}


def test_figures_at_columns_not_one_blank_apart_keep_the_row_missing():
    # The row above laid out at columns (a space-aligned table, pdftotext -layout):
    # a line of figures under its label there may hold the first parts of numbers
    # wrapped in the next row's cells; the rule is lynx's run-on line only
    text = TEXT.replace("   6151 6288386", "   6151    6288386")
    read = govparse.parse(text)
    assert _row(read, "other_no_fee_paid")[-1] == 6288386  # (still a wrapped line)
    assert _row(read, "other_other") == [None] * 7
    assert _stacked(read) == ["3.其他"]


def test_a_parent_labels_numbering_on_the_line_below_a_rows_label_is_left_out():
    # w3m at 80 columns (a page in Hangzhou's style, its figures made up): row 1 of
    # （六）其他处理 wraps over three lines, its figures on the second, and the third
    # holds the parent's numbering before the label's rest: '（六） 公开申请'. The
    # numbering alone is the parent label's, written down its column (其他处 / 理 below)
    report = govparse.parse_file(Path(__file__).parent / "data" / "wrapped_lines"
                                 / "w3m80_parent_numbering_below_a_row.txt")
    row = report.applications.other_no_correction
    assert [getattr(row, c).value for c in (
        "natural_person", "commercial_enterprise", "research_institution",
        "social_welfare_org", "legal_service_org", "other_org", "total")] \
        == [408, 4, 3, 3, 3, 3, 409]
    assert any(d.code == "GP307" and "'（六） 公开申请'" in d.message for d in report.diagnostics)
    assert all(f.value is not None for t, *_, f in report.table_figures() if t == "applications")
