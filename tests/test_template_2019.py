"""The 2019 template (国办公开办函〔2019〕60号): reports for 2019 and 2020."""

import runpy
from decimal import Decimal

import pytest

import govparse
from govparse.model.report import Figure
from govparse.emit.printer import dumps
from govparse.emit.serialize import from_json, to_json
from govparse.template.spec import load_template
from govparse.check.validation import validate
from conftest import EXAMPLES, LAYOUTS

NS = runpy.run_path(str(EXAMPLES / "regenerate.py"))
EXAMPLE_2019, EXAMPLE = NS["EXAMPLE_2019"], NS["EXAMPLE"]


def example_2019(layout):
    return (EXAMPLES / f"report-2020-{layout}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_clean_2019_report_parses_strictly_with_every_figure_right(layout):
    report = govparse.parse(example_2019(layout), strict=True)
    assert report.template == "2019"
    assert isinstance(report.active_disclosure, govparse.ActiveDisclosure2019)
    assert isinstance(report.applications, govparse.Applications2019)
    assert report == EXAMPLE_2019
    ad = report.active_disclosure
    assert ad.administrative_licensing.change.value == 17
    assert ad.other_management_services.change.value == -3
    assert ad.administrative_penalty.change.value == -15
    assert ad.government_procurement.amount.value == Decimal("246.9000")
    assert report.applications.other_processing.commercial_enterprise.value == 1
    assert validate(report) == []


def test_figures_use_the_ids_of_template_2019():
    report = govparse.parse(example_2019("tab"))
    ids = [(r.table, r.row, r.column) for r in report.figures() if r.table != "report"]
    assert ids == list(load_template("2019").figure_ids())
    assert ("active_disclosure", "government_procurement", "amount") in ids
    assert ("applications", "other_processing", "total") in ids


@pytest.mark.parametrize("name", ["2021", "2019"])
def test_what_each_column_holds_is_data(name):
    """data/columns.tsv: the columns that hold money or signed changes; the others
    hold counts. A fee written without a point is still money (a Decimal)."""
    kinds = {(t.id, r.id, c.id): c.kind for t in load_template(name).tables
             for r in t.rows for c in r.columns}
    money = {k for k, kind in kinds.items() if kind == "money"}
    signed = {k for k, kind in kinds.items() if kind == "signed"}
    if name == "2021":
        assert money == {("active_disclosure", "administrative_fees", "amount")}
        assert signed == set()
    else:
        assert money == {("active_disclosure", "government_procurement", "amount")}
        assert signed == {("active_disclosure", row, "change") for row in (
            "administrative_licensing", "other_management_services", "administrative_penalty",
            "administrative_coercion", "administrative_fees")}
    assert set(kinds.values()) - {"money", "signed"} == {"count"}


def test_a_fee_written_as_a_whole_number_is_money():
    text = example_2019("tab").replace("政府集中采购\t14\t246.9000", "政府集中采购\t14\t247")
    amount = govparse.parse(text).active_disclosure.government_procurement.amount
    assert (amount.value, type(amount.value)) == (Decimal(247), Decimal)


REAL_2019 = (example_2019("tab")
             .replace("行政许可\t58\t17\t2461", "行政许可\t58个\t+17\t2461")
             .replace("政府集中采购\t14\t246.9000", "政府集中采购\t14\t246900元"))


def test_values_as_real_2019_reports_write_them():
    report = govparse.parse(REAL_2019)
    licensing = report.active_disclosure.administrative_licensing
    assert (licensing.previous_year_items.value, licensing.previous_year_items.unit) == (58, "个")
    assert licensing.change.value == 17
    amount = report.active_disclosure.government_procurement.amount
    assert (amount.value, amount.unit) == (Decimal("246900"), "元")
    by_code = {d.code: d for d in report.diagnostics}
    assert by_code["GP311"].severity is govparse.Severity.NOTE
    yuan = by_code["GP312"]
    assert yuan.severity is govparse.Severity.WARNING
    assert "not converted" in yuan.message and yuan.hint == "246900 元 would be 24.69 万元"
    line = REAL_2019.split("\n")[yuan.line - 1]
    assert line[yuan.column - 1:].startswith("246900元")
    with pytest.raises(govparse.StrictModeError):
        govparse.parse(REAL_2019, strict=True)


def test_mixed_report_is_read_with_a_diagnostic():
    # the 2021 active disclosure table with the 2019 applications table
    text_2021 = dumps(EXAMPLE)
    text_2019 = example_2019("tab")
    part = slice(text_2019.index("三、收到和处理"), text_2019.index("四、政府信息公开行政复议"))
    mixed = (text_2021[:text_2021.index("三、收到和处理")] + text_2019[part]
             + text_2021[text_2021.index("四、政府信息公开行政复议"):])
    report = govparse.parse(mixed)
    assert isinstance(report.active_disclosure, govparse.ActiveDisclosure)
    assert isinstance(report.applications, govparse.Applications2019)
    assert report.applications.other_processing.total.value == 1
    (d,) = [d for d in report.diagnostics if d.code == "GP106"]
    assert "2019 template" in d.message and "2021 template" in d.message
    assert from_json(to_json(report)) == report
    assert report.table_template("applications") == "2019"
    assert report.table_template("active_disclosure") == "2021"
    assert validate(report) == []  # the relations of each table's own template


@pytest.mark.parametrize("layout", LAYOUTS)
def test_example_2019_files_are_the_printers_output(layout):
    assert example_2019(layout) == dumps(EXAMPLE_2019, layout)


def test_template_comes_from_the_tables_not_the_year():
    text = dumps(EXAMPLE).replace("2024年政府信息公开", "2020年政府信息公开")
    report = govparse.parse(text)
    assert (report.template, report.year.value) == ("2021", 2020)
    assert [d.code for d in report.diagnostics] == ["GP107"]
    older = example_2019("pipe").replace("2020年政府信息公开", "2022年政府信息公开")
    assert govparse.parse(older).template == "2019"


def test_2019_relations_are_checked():
    broken = EXAMPLE_2019.replace_figure("applications", "other_processing", "natural_person",
                                         Figure(2))
    findings = validate(govparse.parse(dumps(broken, "cells")))
    assert [(d.code, d.row_id, d.column_id) for d in findings] == [
        ("GP401", "other_processing", "total"),
        ("GP402", "total_processed", "natural_person")]
    fractional = EXAMPLE_2019.replace_figure("active_disclosure", "administrative_fees", "change",
                                             Figure(Decimal("1.5")))
    (finding,) = validate(govparse.parse(dumps(fractional)))
    assert (finding.code, finding.column_id) == ("GP405", "change")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_json_round_trip_of_2019_reports(layout):
    report = govparse.parse(example_2019(layout))
    assert from_json(to_json(report)) == report
