"""Run-together text (issue 17): a crawler's bare text, every cell run into the next.

The real report (tests/data/real/crawler/006.txt, the archive's text of
tests/data/real/html/006.html) read against its ground truth; the reading of runs
(which row, which split) on small texts; what the model, JSON, CSV and strict mode
say of a figure split out of a run; and that no other layout is read as one.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import govparse
from govparse.emit.printer import dumps
from govparse.emit.serialize import to_csv, to_json
from govparse.frontends.text.run_together import looks_run_together
from conftest import EXAMPLES, LAYOUTS, SEED_FILES, load_expected
from helpers import codes, example_text

REAL = Path(__file__).parent / "data" / "real"
CRAWLED = REAL / "crawler" / "006.txt"
A, D, R = "applications", "active_disclosure", "review_litigation"


def _figures(report):
    return {(t, r, c): f for t, r, c, f in report.table_figures()}


# ---------------------------------------------------------------- the real report


def test_the_crawled_report_reads_right_but_for_one_ambiguous_row():
    report = govparse.parse_file(CRAWLED)
    expected = load_expected(REAL / "crawler" / "expected.tsv")["006"]
    right, wrong, missing = [], [], []
    for key, allowed in expected.items():
        if key[0] == "report":
            continue
        value = report.figure(*key).value
        if value is None:
            missing.append(key)
        elif str(value) in allowed:
            right.append(key)
        else:
            wrong.append(key)
    assert (len(right), wrong) == (197, [])  # of 200 (and organisation and year right)
    assert missing == [(D, "normative_documents", c) for c in ("issued", "repealed", "in_force")]
    (ambiguous,) = [d for d in report.diagnostics if d.code == "GP318"]
    assert ambiguous.message.startswith("the run '6233440' after '行政规范性文件' splits in 15 ways")
    assert ambiguous.row_id == "normative_documents" and len(ambiguous.figures) == 3
    assert (report.organization.value, report.year.value) == ("平潭综合实验区", 2024)
    # its one error is that row's: the tables were found (no GP112, "no statistics
    # table", which a run-together table once left behind)
    assert [d.code for d in report.diagnostics if d.severity.name == "ERROR"] == ["GP318"]


def test_each_split_of_the_crawled_report_is_marked_and_said():
    report = govparse.parse_file(CRAWLED)
    figures = _figures(report)
    assert figures[(A, "new_requests", "natural_person")].recovered
    assert figures[(R, "litigation_after_review", "total")].value == 19
    assert figures[(R, "litigation_after_review", "total")].recovered
    # a run of one figure is read as a cell: nothing was split
    licensing = figures[(D, "administrative_licensing", "decisions")]
    assert (licensing.value, licensing.recovered) == (4529, False)
    assert str(figures[(D, "administrative_fees", "amount")].value) == "18651.06"
    notes = [d for d in report.diagnostics if d.code == "GP317"]
    assert len(notes) == 1 + 25 + 1  # 规章, the applications rows, the review row
    first_row = next(d for d in notes if d.row_id == "new_requests")
    assert first_row.message == (
        "the run '21710000218' after '服务 机构 其他一、本年新收政府信息公开申请数量' splits one "
        "way only: 217 | 1 | 0 | 0 | 0 | 0 | 218; decided by GP401: each row's 总计 = its six "
        "applicant columns")
    line = CRAWLED.read_text(encoding="utf-8").split("\n")[first_row.line - 1]
    assert line[first_row.column - 1:].startswith("21710000218")
    total = figures[(A, "new_requests", "total")]
    assert line[total.column - 1:].startswith("218二、")


def test_strict_mode_refuses_a_figure_split_out_of_a_run():
    with pytest.raises(govparse.StrictModeError) as refused:
        govparse.parse_file(CRAWLED, strict=True)
    listed = codes(refused.value)
    assert listed.count("GP317") == 27 and "GP318" in listed
    assert govparse.CODES["GP317"].severity is govparse.Severity.NOTE


def test_json_and_csv_say_which_figures_were_recovered():
    report = govparse.parse_file(CRAWLED)
    data = json.loads(to_json(report))
    assert data["applications"]["new_requests"]["total"]["recovered"] is True
    assert data["active_disclosure"]["administrative_licensing"]["decisions"]["recovered"] is False
    assert govparse.emit.serialize.from_json(to_json(report)) == report
    rows = list(csv.DictReader(io.StringIO(to_csv([("006", report)]))))
    by_id = {(r["table"], r["row"], r["column"]): r for r in rows}
    assert by_id[(A, "carried_forward", "total")]["recovered"] == "true"
    assert by_id[(D, "administrative_penalty", "decisions")]["recovered"] == "false"


# ---------------------------------------------------------------- no other layout is one


def test_no_other_layout_is_read_as_run_together():
    texts = [example_text(layout) for layout in LAYOUTS]
    texts += [p.read_text(encoding="utf-8") for p in SEED_FILES]
    texts += [p.read_text(encoding="utf-8") for p in (REAL / "text").glob("*.txt")]
    texts += [p.read_text(encoding="utf-8") for p in (REAL / "pdf").glob("*.txt")]
    assert texts and not any(looks_run_together(t) for t in texts)
    assert looks_run_together(CRAWLED.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- small texts

HEAD = "某区2024年政府信息公开工作年度报告\n"
APPLICATIONS_HEADER = ("三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构"
                       "社会公益组织法律服务机构其他")


def test_the_document_of_run_together_text():
    text = (HEAD + "一、总体情况本年度工作有序。二、主动公开政府信息情况规章000行政许可12"
            "三、收到和处理政府信息公开申请情况二、上年结转政府信息公开申请数量0000000（七）总计0000000\n")
    doc = govparse.frontends.text.reader.read_text(text)
    kinds = [(type(b).__name__, getattr(b, "text", None)) for b in doc.blocks]
    assert kinds == [("Title", "某区2024年政府信息公开工作年度报告"), ("Heading", "一、总体情况"),
                     ("Paragraph", "本年度工作有序。"), ("Heading", "二、主动公开政府信息情况"),
                     ("Table", None), ("Heading", "三、收到和处理政府信息公开申请情况"), ("Table", None)]
    table = doc.blocks[4]
    assert table.run_together
    assert [(c.text, c.location.line, c.location.column) for row in table.rows for c in row] == [
        ("规章", 2, 27), ("000", 2, 29), ("行政许可", 2, 32), ("12", 2, 36)]


def test_a_label_s_numbering_and_a_sentence_s_number_are_no_run():
    from govparse.frontends.text.run_cells import run_rows

    rows, tail = run_rows("2.其他法律行政法规禁止公开00000003.危及“三安全一稳定”1000001全年共5件。",
                          0, lambda offset: offset)
    assert [(label.text, run.text) for label, run in rows] == [
        ("2.其他法律行政法规禁止公开", "0000000"), ("3.危及“三安全一稳定”", "1000001")]
    assert [p.text for p in tail] == ["全年共5件。"]


def _applications(*rows: tuple[str, str]) -> str:
    return HEAD + APPLICATIONS_HEADER + "".join(label + run for label, run in rows) + "\n"


APPLICANTS = ("natural_person", "commercial_enterprise", "research_institution",
              "social_welfare_org", "legal_service_org", "other_org", "total")


def _with_row(report, row: str, values: list[int], *also: str):
    """The report with a row of the applications table set to ``values``, and the
    rows ``also`` changed by as much, so that the table still adds up."""
    for column, value in zip(APPLICANTS, values):
        delta = value - report.figure(A, row, column).value
        for changed_row in (row, *also):
            old = report.figure(A, changed_row, column).value
            report = report.replace_figure(A, changed_row, column, govparse.Figure(old + delta))
    return report


def test_the_totals_between_rows_decide_a_run_its_own_row_leaves_open():
    # 予以公开 110100012 is 11+0+1 = 12 or 1+10+1 = 12 on its own; （七）总计 (16 in
    # the column of 自然人, which 1 would not make) decides
    report = _with_row(govparse.parse(example_text()), "disclosed", [11, 0, 1, 0, 0, 0, 12],
                       "total_processed", "new_requests")
    assert not govparse.validate(report)
    text = dumps(report, "run-together")
    assert "（一）予以公开110100012" in text
    back = govparse.parse(text)
    assert [back.figure(A, "disclosed", c).value for c in APPLICANTS] == [11, 0, 1, 0, 0, 0, 12]
    (note,) = [d for d in back.diagnostics if d.code == "GP317" and d.row_id == "disclosed"]
    assert "GP401" in note.message and "GP402" in note.message


def test_a_table_whose_totals_never_add_up_is_read_only_where_each_row_decides():
    report = govparse.parse(example_text())
    report = report.replace_figure(A, "total_processed", "natural_person", govparse.Figure(9))
    report = report.replace_figure(A, "total_processed", "total", govparse.Figure(12))
    back = govparse.parse(dumps(report, "run-together"))
    assert "no split of the table's runs makes the totals between rows add up" in " ".join(
        d.message for d in back.diagnostics if d.code == "GP319")
    assert [back.figure(A, "total_processed", c).value for c in APPLICANTS] == \
        [9, 2, 0, 1, 0, 0, 12]


def test_where_a_row_breaks_its_own_total_no_relation_decides_another_rows_split():
    # html2text --ignore-tables of a report whose figures do not add up: the first row's
    # 17 is not the sum of the others, and the digits of the second, the true figures
    # 172 … 178 (178 no sum either), split one way only so that its 总计 adds up by
    # chance: 1721 | 73 | 174 | 17 | 5176 | 17 | 7178, not to be read
    report = govparse.parse(_applications(("一、本年新收政府信息公开申请数量", "11121314151617"),
                                          ("（七）总计", "172173174175176177178")))
    (broken,) = [d for d in report.diagnostics if d.code == "GP319"]
    assert broken.row_id == "new_requests"
    (undecided,) = [d for d in report.diagnostics if d.code == "GP318"]
    assert undecided.row_id == "total_processed" and "does not keep them" in undecided.message
    assert all(report.figure(A, "total_processed", c).value is None for c in APPLICANTS)


def test_a_run_that_splits_in_no_way_is_said_and_not_read():
    report = govparse.parse(_applications(("一、本年新收政府信息公开申请数量", "12"),
                                          ("（七）总计", "0000000")))
    (unsplit,) = [d for d in report.diagnostics if d.code == "GP319"]
    assert unsplit.message.startswith("the run '12' after")
    assert unsplit.row_id == "new_requests"
    assert report.figure(A, "new_requests", "natural_person").value is None


def test_a_mark_in_a_run_is_a_cell_with_no_figure():
    report = govparse.parse(_applications(("一、本年新收政府信息公开申请数量", "5/0001/"),
                                          ("（七）总计", "0000000")))
    figures = [report.figure(A, "new_requests", c).value for c in APPLICANTS]
    assert figures == [5, None, 0, 0, 0, 1, None]
    marks = [d for d in report.diagnostics if d.code == "GP304"]
    assert [(d.row_id, d.column_id) for d in marks] == [("new_requests", "commercial_enterprise"),
                                                        ("new_requests", "total")]


def test_the_printer_writes_run_together_text_the_reader_reads():
    report = govparse.parse(example_text())
    text = dumps(report, "run-together")
    assert text.count("\n") == 2 and "规章000行政规范性文件5123" in text
    back = govparse.parse(text)
    read = [key for key, f in _figures(back).items() if f.value is not None]
    assert len(read) == 197  # of 200: 行政规范性文件 5123 splits three ways
    assert all(f.value == report.figure(*key).value for key, f in _figures(back).items()
               if f.value is not None)


def test_fmt_prints_run_together_text_but_never_in_place(tmp_path):
    from click.testing import CliRunner

    from govparse.cli import cli

    source = EXAMPLES / "report-2024-tab.txt"
    printed = CliRunner().invoke(cli, ["fmt", "--layout", "run-together", str(source)])
    assert printed.exit_code == 0 and "一、本年新收政府信息公开申请数量" in printed.stdout
    refused = CliRunner().invoke(cli, ["fmt", "--layout", "run-together", "--in-place",
                                       str(source)])
    assert refused.exit_code == 2 and "does not go with --in-place" in refused.output


# ---------------------------------------------------------------- other pages, crawled


@pytest.mark.parametrize("name,template,right", [("006", "2021", 197), ("009", "2021", 200),
                                                 ("013", "2019", 193)])
def test_the_real_pages_as_a_crawler_keeps_them_read_right_or_not_at_all(name, template, right):
    """Each page's bare text (lxml's text_content, line breaks dropped: every cell run
    into the next), read against the page's ground truth."""
    import re
    from decimal import Decimal

    import lxml.html

    page = lxml.html.fromstring((REAL / "html" / f"{name}.html").read_text(encoding="utf-8"))
    for element in page.xpath("//script|//style"):
        element.drop_tree()
    text = re.sub(r"\n+", "", page.text_content())
    report = govparse.parse(text)
    assert report.template == template
    expected = load_expected(REAL / "html" / f"{name}.expected.tsv")[f"{name}.html"]
    counts = {"right": 0, "wrong": [], "missing": 0}
    for key, allowed in expected.items():
        if key[0] == "report":
            continue
        value = report.figure(*key).value
        if value is None:
            counts["missing" if "missing" not in allowed else "right"] += 1
        elif any(Decimal(a) == value for a in allowed if a != "missing"):
            counts["right"] += 1
        else:
            counts["wrong"].append((key, value))
    assert (counts["right"], counts["wrong"]) == (right, [])


@pytest.mark.parametrize("sentence, kept", [
    ("本年办理行政许可1宗。", False),  # the row's name with another number: neither read
    ("本年办理行政许可1234宗。", True),  # the same figures again: the first kept
])
def test_a_row_named_in_a_sentence_before_its_table_is_no_row_of_it(sentence, kept):
    # found by a long run of the run-together property (seed 2): a paragraph of
    # section 二 before the table, 本年办理行政许可1宗, was read as the row 行政许可 = 1,
    # and the table's own 行政许可 1234 dropped as the row "appearing again": a wrong
    # figure. Other figures after the same row name: which are the row's cannot be
    # told, and none is read (GP206).
    report = govparse.parse_file(EXAMPLES / "report-2024-tab.txt")
    text = dumps(report, "run-together").replace(
        "二、主动公开政府信息情况", "二、主动公开政府信息情况" + sentence, 1)
    read = govparse.parse(text)
    decisions = read.active_disclosure.administrative_licensing.decisions
    assert decisions.value == (1234 if kept else None)
    (said,) = [d for d in read.diagnostics if d.code == "GP206"]
    if not kept:
        assert said.message == ("row '行政许可' appears again with other figures ('1', then "
                                "'1234'): which are the row's cannot be told, so none of them "
                                "is read")
    assert read.active_disclosure.administrative_penalty.decisions.value == 56


def test_a_row_named_before_a_label_that_reads_several_rows_is_said_not_a_traceback():
    # (reading the change again) 行政诉讼 names three rows of the review table at once:
    # after 未经复议直接起诉12 in a sentence before it, the repeat looked its first run up
    # by a row it had not read: a KeyError. Every earlier run it repeats is now dropped.
    report = govparse.parse_file(EXAMPLES / "report-2024-tab.txt")
    heading = "四、政府信息公开行政复议、行政诉讼情况"
    for sentence in ("未经复议直接起诉12", "未经复议直接起诉12复议后起诉3"):
        text = dumps(report, "run-together").replace(heading, heading + sentence, 1)
        read = govparse.parse(text)
        (said,) = [d for d in read.diagnostics if d.code == "GP206"]
        assert said.message.startswith("row '行政复议' appears again with other figures ('12'")
        review = read.review_litigation
        assert [review.litigation_direct.upheld.value, review.litigation_after_review.upheld.value,
                review.administrative_review.upheld.value] == [None, None, None]
