"""govparse.testing.strategies: what the public Hypothesis strategies generate, and the
rules that say what the printer can express."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

import govparse
from govparse.testing import strategies as gst
from govparse.model.report import ActiveDisclosure, Applications, Figure, ReviewLitigation
from govparse.emit.printer import title_line
from govparse.frontends.text.reader import is_prose
from govparse.template.spec import load_template

FEWER = settings(max_examples=max(50, settings.default.max_examples // 4))
# find() the first example that shows a case, without shrinking it (slow on a report)
FIND = settings(max_examples=2000, database=None, phases=[Phase.generate])

OUTCOME_ROWS = [r.id for r in load_template("2021").table("applications").rows
                if r.path[0] == "三、本年度办理结果" and r.id != "total_processed"]
APPLICANT_COLUMNS = ["natural_person", "commercial_enterprise", "research_institution",
                     "social_welfare_org", "legal_service_org", "other_org"]


def figures(report):
    return [rec for rec in report.figures() if rec.table != "report"]


def all_figures(report):
    return [report.figure(rec.table, rec.row, rec.column) for rec in figures(report)]


def places(report):
    yield from ((None, p) for p in report.preamble)
    for section in report.sections:
        yield from ((section.number, p) for p in section.paragraphs)


# ---------------------------------------------------------------- reports()


@FEWER
@given(report=gst.reports())
def test_generated_reports_are_valid_models(report):
    assert report.template == "2021"
    assert isinstance(report.active_disclosure, ActiveDisclosure)
    assert isinstance(report.applications, Applications)
    assert isinstance(report.review_litigation, ReviewLitigation)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    records = figures(report)
    assert len(records) == 10 + 25 * 7 + 15
    for rec in records:
        if rec.column == "amount":
            assert rec.value is None or isinstance(rec.value, Decimal)
            if rec.value is not None:
                assert rec.value.is_finite() and -rec.value.as_tuple().exponent <= 4
        else:
            assert rec.value is None or type(rec.value) is int
        unit = report.figure(rec.table, rec.row, rec.column).unit
        assert unit is None or (rec.value is not None and unit in (
            gst.AMOUNT_UNITS if rec.column == "amount" else gst.COUNT_UNITS))
    year, organization = report.year.value, report.organization.value
    assert year is None or 1000 <= year <= 2999
    assert organization is None or (year is not None and gst.printable_organization(organization))
    titled = year is not None
    for number, paragraph in places(report):
        assert gst.printable_paragraph(paragraph.text, number, titled=titled), paragraph
    assert report.diagnostics == ()


@FEWER
@given(report=gst.reports(consistent=True))
def test_consistent_reports_obey_the_templates_arithmetic(report):
    apps = report.applications
    value = lambda row, col: getattr(getattr(apps, row), col).value  # noqa: E731
    for rec in figures(report):
        assert rec.value is not None and rec.value >= 0
    for row in attrs.fields(type(apps)):
        assert value(row.name, "total") == sum(value(row.name, c) for c in APPLICANT_COLUMNS)
    for col in APPLICANT_COLUMNS + ["total"]:
        assert value("total_processed", col) == sum(value(r, col) for r in OUTCOME_ROWS)
        assert value("new_requests", col) + value("carried_over", col) == \
            value("total_processed", col) + value("carried_forward", col)
    for row in attrs.fields(ReviewLitigation):
        counts = getattr(report.review_litigation, row.name)
        assert counts.total.value == (counts.upheld.value + counts.corrected.value
                                      + counts.other.value + counts.pending.value)
    # and govparse's own validator agrees
    assert govparse.validate(report) == []


@FEWER
@given(report=gst.reports(missing=False, narrative=False))
def test_options_leave_out_missing_cells_and_narrative(report):
    assert all(rec.value is not None for rec in figures(report))
    assert report.preamble == () and all(s.paragraphs == () for s in report.sections)


def test_reports_cover_what_the_issue_asks_for():
    """Each kind of case the strategies promise is actually generated."""
    def found(condition, strategy=None):
        return find(gst.reports() if strategy is None else strategy, condition, settings=FIND)

    report = found(lambda r: any(rec.value is None for rec in figures(r)))
    assert any(rec.value is None for rec in figures(report))
    report = found(lambda r: all(rec.value is None for rec in figures(r)))
    assert all(rec.value is None for rec in figures(report))
    report = found(lambda r: any(isinstance(rec.value, int) and rec.value < 0
                                 for rec in figures(r)))
    assert report.template == "2021"
    report = found(lambda r: r.active_disclosure.administrative_fees.amount.value is not None
                   and r.active_disclosure.administrative_fees.amount.value % 1 != 0)
    assert isinstance(report.active_disclosure.administrative_fees.amount.value, Decimal)
    fee = found(lambda f: f.value.as_tuple().exponent == -4, gst.fees(allow_missing=False))
    assert len(format(fee.value, "f").split(".")[1]) == 4
    report = found(lambda r: any(f.unit for f in all_figures(r)))
    assert {f.unit for f in all_figures(report)} - {None}
    assert found(lambda r: r.year.value is None).organization.value is None
    assert found(lambda r: r.year.value is not None and r.organization.value is None)
    assert found(lambda r: r.organization.value is not None).year.value is not None
    # prose in a table section
    report = found(lambda r: any(r.section(n).paragraphs for n in (2, 3, 4)))
    table_paragraphs = [p.text for n in (2, 3, 4) for p in report.section(n).paragraphs]
    assert table_paragraphs and all(is_prose(text) for text in table_paragraphs)
    mixed = found(lambda text: any("\u4e00" <= c <= "\u9fff" for c in text)
                  and any(c.isascii() and c.isalpha() for c in text)
                  and any(c in "，。；：" for c in text) and any(c in ",.;:" for c in text),
                  gst.paragraph_texts(1))
    assert mixed.strip() == mixed


def test_consistent_reports_are_not_all_zero():
    report = find(gst.reports(consistent=True),
                  lambda r: r.applications.new_requests.total.value > 10
                  and r.applications.total_processed.total.value > 5, settings=FIND)
    assert report.applications.new_requests.total.value > 10


def test_both_templates_are_generated():
    assert gst.TEMPLATES == ("2021", "2019")
    with pytest.raises(ValueError):
        gst.reports("2018")


@given(gst.reports("2019", consistent=True, narrative=False))
def test_2019_reports_use_the_2019_model(report):
    assert report.template == "2019"
    assert isinstance(report.active_disclosure, govparse.ActiveDisclosure2019)
    assert isinstance(report.applications, govparse.Applications2019)
    assert govparse.validate(report) == []


# ---------------------------------------------------------------- the building blocks


@given(figure=gst.counts())
def test_counts(figure):
    assert isinstance(figure, Figure)
    assert figure.value is None or type(figure.value) is int


@given(figure=gst.fees(allow_missing=False, allow_negative=False))
def test_fees(figure):
    assert isinstance(figure.value, Decimal) and figure.value >= 0
    assert -figure.value.as_tuple().exponent <= 4


@given(organization=gst.organizations(), year=gst.years())
def test_organizations_and_years_make_a_title_that_reads_back(organization, year):
    title = title_line(govparse.Report(organization=govparse.MetaField(organization),
                                       year=govparse.MetaField(year)))
    assert title.endswith(f"{year}年政府信息公开工作年度报告")
    report = govparse.parse(title + "\n")
    assert (report.organization.value, report.year.value) == (organization, year)


@pytest.mark.parametrize("section", [None, 1, 2, 3, 4, 5, 6])
@FEWER
@given(data=st.data())
def test_paragraph_texts_read_back_in_their_place(section, data):
    text = data.draw(gst.paragraph_texts(section))
    report = govparse.dumps(govparse.Report(
        year=govparse.MetaField(2024),
        preamble=(govparse.Paragraph(text),) if section is None else (),
        sections=tuple(govparse.Section(n, paragraphs=(govparse.Paragraph(text),)
                                        if n == section else ()) for n in range(1, 7)),
    ))
    back = govparse.parse(report)
    if section is None:
        assert [p.text for p in back.preamble] == [text]
    else:
        assert [p.text for p in back.section(section).paragraphs] == [text]


# ---------------------------------------------------------------- the rules


@pytest.mark.parametrize("text, section, titled, printable", [
    ("本年度，本机关未收取信息处理费。", 6, True, True),
    ("一、总体情况", 1, True, False),  # a heading
    ("总体情况", 5, True, False),
    ("## 五、存在的主要问题及改进措施", None, True, False),
    ("（一）主动公开情况", 1, True, True),  # a sub-heading is a paragraph
    ("某区2024年政府信息公开工作年度报告", None, True, False),  # a title line
    ("某区2024年政府信息公开工作年度报告", 1, True, True),  # only in the preamble
    ("本报告中所列数据统计期限为2024年1月1日至12月31日。", 1, True, True),
    ("本报告中所列数据统计期限为2024年1月1日至12月31日。", 1, False, False),  # gives the year
    ("本报告中所列数据统计期限为2024年1月1日至12月31日。", 6, False, True),
    (" 前导空格", 1, True, False),
    ("两行\n文字", 1, True, False),
    ("", 1, True, False),
    ("详见下表", 1, True, True),
    ("详见下表", 2, True, False),  # no sentence mark: a cell in a table section
    ("详见下表。", 2, True, True),
    ("规章", 2, True, False),
    ("规章。", 2, True, True),
    ("（三）不予公开（" + "说明" * 31 + "）", 3, True, False),  # a label with a remark
    ("本年新制作数量", 2, True, False),  # a label of the 2019 template too
    ("行政复议|说明。", 4, True, False),  # a separator splits it into cells
    ("行政复议|说明。", 5, True, True),
    ("-" * 61, 4, True, False),  # long enough to be prose, but a rule line
    ("1" * 61, 4, True, False),  # and a figure
])
def test_printable_paragraph(text, section, titled, printable):
    assert gst.printable_paragraph(text, section, titled=titled) is printable


@pytest.mark.parametrize("text, printable", [
    ("示例县人民政府办公室", True),
    ("某区2", True),
    ("", False),
    ("#某区", False),
    (" 某区", False),
    ("2号楼", True),  # printed as "# 2号楼2024年…"
    ("12345热线办公室", True),
    ("某区\n某街道", False),
])
def test_printable_organization(text, printable):
    assert gst.printable_organization(text) is printable


def test_importing_govparse_does_not_import_hypothesis():
    code = "import govparse, sys; print('hypothesis' in sys.modules, govparse.dumps.__module__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.split() == ["False", "govparse.emit.printer"]
