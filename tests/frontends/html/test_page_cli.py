"""The command line on pages: a file or standard input, told by its content; JSON
that says where each figure stands; diagnostics without markup; fmt that refuses to
rewrite a page."""

from __future__ import annotations

import json

from click.testing import CliRunner

from govparse.cli import cli

from conftest import HERE

PAGE = HERE / "data" / "real" / "html" / "013.html"


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_a_page_from_a_file_and_from_standard_input_read_alike():
    from_file = run("parse", "--format", "json", str(PAGE))
    from_stdin = run("parse", "--format", "json", "-", input=PAGE.read_bytes())
    assert from_file.exit_code == from_stdin.exit_code == 0
    (report,) = [entry["report"] for entry in json.loads(from_file.stdout)]
    (again,) = [entry["report"] for entry in json.loads(from_stdin.stdout)]
    assert report["organization"]["value"] == "平潭综合实验区管委会办公室"
    assert report["active_disclosure"] == again["active_disclosure"]
    amount = report["active_disclosure"]["government_procurement"]["amount"]
    assert amount["value"] == "5419886" and amount["unit"] == "元"
    assert amount["location"]["kind"] == "html" and amount["location"]["table"] == 1


def test_a_pages_diagnostics_show_the_cell_not_the_markup():
    result = run("check", str(PAGE))
    assert result.exit_code == 0  # a warning (GP312), no error
    assert "= row: 政府集中采购" in result.stderr
    assert "= cell: '5419886元'" in result.stderr
    assert "<td" not in result.stderr and "style=" not in result.stderr


def test_fmt_prints_a_pages_text_and_refuses_to_rewrite_it(tmp_path):
    copy = tmp_path / "page.html"
    copy.write_bytes(PAGE.read_bytes())
    printed = run("fmt", str(copy))
    assert printed.exit_code == 0
    assert printed.stdout.startswith("平潭综合实验区管委会办公室2019年政府信息公开工作年度报告\n")
    refused = run("fmt", "--in-place", str(copy))
    assert refused.exit_code == 1
    assert "it is an HTML page, not a text report" in refused.stderr
    assert copy.read_bytes() == PAGE.read_bytes()


def test_csv_says_where_each_figure_of_a_page_stands():
    import csv
    import io

    result = run("parse", "--format", "csv", str(PAGE))
    rows = {(r["table"], r["row"], r["column"]): r for r in csv.DictReader(io.StringIO(result.stdout))}
    amount = rows[("active_disclosure", "government_procurement", "amount")]
    assert (amount["value"], amount["col"]) == ("5419886", "")
    assert amount["location"] == f"table 1, row 18, column 3 (source line {amount['line']})"
    assert amount["organization"] == "平潭综合实验区管委会办公室"
    assert amount["year"] == "2019" and amount["template"] == "2019"


def test_fmt_prints_a_report_as_a_page_that_reads_back(tmp_path):
    import govparse
    from conftest import example_path

    printed = run("fmt", "--layout", "html", str(example_path("tab")))
    assert printed.exit_code == 0 and printed.stdout.startswith("<!DOCTYPE html>")
    page = govparse.parse(printed.stdout)
    text = govparse.parse_file(example_path("tab"))
    assert list(page.table_figures()) == list(text.table_figures())
    assert page.organization.value == text.organization.value == "示例县人民政府办公室"
    refused = run("fmt", "--layout", "html", "--in-place", str(example_path("tab")))
    assert refused.exit_code == 2 and "prints a page" in refused.stderr
