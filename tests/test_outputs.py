"""The outputs of a batch run (govparse.batch.outputs): every format written from the
results of real reports and of bad inputs, read back with its own reader (csv,
pyarrow, sqlite3, duckdb, openpyxl), and the formats agreeing figure for figure; the
codebook; govparse.to_pandas."""

import csv
import hashlib
import json
import signal
import sqlite3
import subprocess
import sys
from decimal import Decimal

import duckdb
import openpyxl
import pandas
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import govparse
from govparse.batch.outputs import WRITERS, OutputError, known_hashes, open_writer
from govparse.batch.outputs.relations import DIAGNOSTICS, FIGURES, REPORTS
from govparse.batch.outputs.tabular import FIGURE_COLUMNS, TYPED_FIGURE_COLUMNS
from govparse.batch.records import DiagnosticRow, FigureRow, FileResult, ReportRow
from govparse.batch.rows import result_of
from govparse.cli.codebook_cmd import codebook_command
from govparse.errors import GovParseError
from govparse.template.codebook import codebook, render, wide_columns

from conftest import HERE

DATA = HERE / "data" / "outputs"
REAL = HERE / "data" / "real"
REPORT_2024 = DATA / "report-2024-tab.txt"  # the clean example: the fee is 1.2500 万元
REPORT_2020 = DATA / "report-2020-tab.txt"  # the 2019 template: a procurement of 246.9000
HTML_006 = REAL / "html" / "006.html"  # figures placed by table, row and column
ORGANIZATION = "示例县人民政府办公室"
DATABASES = ("sqlite", "duckdb")
FORMATS = tuple(WRITERS)


def read_result(report_id: int, path) -> FileResult:
    """A file read as the batch runner reads it: its sha256, and its report or error."""
    path = str(path)
    try:
        data = open(path, "rb").read()
    except OSError:
        data = None
    sha256 = hashlib.sha256(data).hexdigest() if data is not None else None
    try:
        report = govparse.parse(data, path=path) if data is not None else govparse.parse_file(path)
    except GovParseError as error:
        return result_of(report_id, path, sha256=sha256, error=error, keep_model=True)
    return result_of(report_id, path, sha256=sha256, format="text", report=report,
                     keep_model=True)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    bad = tmp_path_factory.mktemp("bad")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02")
    (bad / "empty.txt").write_bytes(b"")
    (bad / "no-tables.txt").write_text(
        "某某县2023年政府信息公开工作年度报告\n\n一、总体情况\n本年度依法公开政府信息。\n",
        encoding="utf-8")
    return [REPORT_2024, bad / "binary.txt", REPORT_2020, HTML_006, bad / "empty.txt",
            DATA / "report-2024-pipe.txt", bad / "no-such-file.txt", bad / "no-tables.txt",
            DATA / "report-2020-markdown.txt"]


@pytest.fixture(scope="module")
def results(inputs):
    return [read_result(i, path) for i, path in enumerate(inputs, 1)]


def write(path, format, results, **options):
    writer = open_writer(str(path), format, **options)
    try:
        for result in results:
            writer.add(result)
    finally:
        writer.close()
    return path


def renumbered(results, start=1):
    """The results as a new run numbers them (the runner counts from 1)."""
    return [result._replace(report=result.report._replace(report_id=i))
            for i, result in enumerate(results, start)]


def connect(path, format):
    return sqlite3.connect(path) if format == "sqlite" else duckdb.connect(str(path))


def figure_key(report, table, row, column):
    return (report, table, row, column)


# ---------------------------------------------------------------- the results used

def test_the_results_hold_reports_and_errors(results):
    by_name = {r.report.path.rsplit("/", 1)[-1]: r for r in results}
    assert by_name["binary.txt"].report.error_code == "GP002"
    assert by_name["no-such-file.txt"].report.error_code == "GP001"
    assert by_name["no-such-file.txt"].report.sha256 is None
    assert by_name["empty.txt"].report.figures_found == 0
    assert by_name["report-2024-tab.txt"].report.figures_found == 200
    assert by_name["report-2020-tab.txt"].report.template == "2019"
    assert any(f.location for f in by_name["006.html"].figures)


def test_the_database_tables_have_the_records_columns():
    # a report's and a diagnostic's row is written as the record is
    assert tuple(name for name, _ in REPORTS) == ReportRow._fields
    assert tuple(name for name, _ in DIAGNOSTICS) == DiagnosticRow._fields
    figures = [name for name, _ in FIGURES]
    assert figures == [*FigureRow._fields[:5], "value_text", *FigureRow._fields[5:]]
    # Parquet's and Excel's long format: the CSV's, with value_text after value
    typed = [name for name, _ in TYPED_FIGURE_COLUMNS]
    assert typed == [*FIGURE_COLUMNS[:8], "value_text", *FIGURE_COLUMNS[8:]]


# ---------------------------------------------------------------- each format read back

def read_back(path, format):
    """{(report path, table, row, column): (value as a number, value's exact text)}
    of an output, read with the format's own reader."""
    if format == "csv":
        with open(path, encoding="utf-8", newline="") as handle:
            return {figure_key(r["report"], r["table"], r["row"], r["column"]):
                    (float(r["value"]) if r["value"] else None, r["value"] or None)
                    for r in csv.DictReader(handle)}
    if format == "parquet":
        return {figure_key(r["report"], r["table"], r["row"], r["column"]):
                (r["value"], r["value_text"]) for r in pq.read_table(path).to_pylist()}
    if format == "xlsx":
        workbook = openpyxl.load_workbook(path, read_only=True)
        found = {}
        for name in workbook.sheetnames:
            if name == "figures" or name.startswith("figures ("):
                rows = workbook[name].iter_rows(values_only=True)
                header = next(rows)
                for row in rows:
                    r = dict(zip(header, row))
                    found[figure_key(r["report"], r["table"], r["row"], r["column"])] = (
                        None if r["value"] is None else float(r["value"]), r["value_text"])
        workbook.close()
        return found
    query = ('SELECT r.path, f."table", f."row", f."column", f.value, f.value_text '
             "FROM figures AS f JOIN reports AS r ON r.report_id = f.report_id")
    connection = connect(path, format)
    try:
        rows = connection.execute(query).fetchall()
        return {figure_key(*row[:4]): tuple(row[4:]) for row in rows}
    finally:
        connection.close()


def expected_figures(results):
    return {figure_key(r.report.path, f.table, f.row, f.column):
            (None if f.value is None else float(f.value),
             None if f.value is None else str(f.value))
            for r in results for f in r.figures}


@pytest.mark.parametrize("format", ("csv", "parquet", "sqlite", "duckdb", "xlsx"))
def test_each_output_holds_every_figure(tmp_path, results, format):
    path = write(tmp_path / f"run.{format}", format, results)
    found = read_back(path, format)
    assert found == expected_figures(results)
    assert len(found) == sum(len(r.figures) for r in results) == 200 * 5 + 198 * 2
    fee = found[figure_key(str(REPORT_2024), "active_disclosure", "administrative_fees", "amount")]
    assert fee == (1.25, "1.2500")
    assert found[figure_key(str(REPORT_2020), "active_disclosure", "government_procurement",
                            "amount")] == (246.9, "246.9000")
    assert found[figure_key(str(REPORT_2020), "active_disclosure", "other_management_services",
                            "change")] == (-3, "-3")


def test_the_csv_lines_made_in_a_worker_are_those_of_csv_value(results):
    # csv_text leaves all but the flags to the csv module: the cells must be
    # serialize.csv_value's, quoting and all, whatever the values
    import io

    from govparse.batch.outputs.csv_out import csv_bytes, csv_text
    from govparse.batch.outputs.tabular import long_rows
    from govparse.emit.serialize import csv_value

    def reference(result):
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerows(
            [csv_value(v) for v in row] for row in long_rows(result))
        return text.getvalue()

    odd = results[0]._replace(
        report=results[0].report._replace(path='a, "b"\nc.txt', organization="某,局\r"),
        figures=tuple(f._replace(value=v, unit=u, location=where, inferred=flag,
                                 recovered=not flag, line=None if flag else 3)
                      for f, v, u, where, flag in zip(
                          results[0].figures, (None, Decimal("1.2500"), -3, 0, 10**20),
                          (None, "万元", "", '"', "件"),
                          ("page 2, table 1", None, "a\nb", "", '"x"'),
                          (True, False, True, False, False))))
    for result in (*results, odd):
        assert csv_text(result) == reference(result)
        assert csv_bytes(result) == reference(result).encode("utf-8")
    assert csv_text(odd).startswith('"a, ""b""\nc.txt","某,局\r",2024,2021,')
    assert ",1.2500,万元,false," in csv_text(odd)


@pytest.mark.parametrize("format", FORMATS)
def test_a_run_writes_the_same_whatever_the_jobs(tmp_path, inputs, format):
    # the workers make what the output writes, a chunk of files a message: the file
    # is the same as one process writes it, file for file in order
    folder = tmp_path / "in"
    folder.mkdir()
    for i, path in enumerate(inputs * 3):
        if path.exists():
            (folder / f"{i:03d}-{path.name}").write_bytes(path.read_bytes())
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"run{jobs}.{format}"
        result = CliRunner().invoke(govparse.cli.cli, ["parse", str(folder), "-o", str(out),
                                                       "-j", jobs, "-q"])
        assert result.exit_code == 1, result.stderr  # a bad file among them
        outputs.append(read_whole(out, format))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 1000


def read_whole(path, format):
    """Everything an output holds, in order: its bytes, its tables' rows, its sheets."""
    if format in ("csv", "jsonl"):
        return path.read_bytes()
    if format == "parquet":
        return pq.read_table(path).to_pylist()
    if format == "xlsx":
        workbook = openpyxl.load_workbook(path, read_only=True)
        try:
            return [(name, row) for name in workbook.sheetnames
                    for row in workbook[name].iter_rows(values_only=True)]
        finally:
            workbook.close()
    connection = connect(path, format)
    try:
        return [(name, row) for name in ("reports", "figures", "diagnostics")
                for row in connection.execute(f"SELECT * FROM {name} ORDER BY ALL"
                                              if format == "duckdb" else
                                              f"SELECT * FROM {name}").fetchall()]
    finally:
        connection.close()


def test_the_outputs_agree_figure_for_figure(tmp_path, results):
    # one run's results, written in each tabular form and read back with each
    # format's own reader: the same figures, the same numbers, the same exact text
    read = {format: read_back(write(tmp_path / f"run.{format}", format, results), format)
            for format in ("duckdb", "sqlite", "parquet", "csv", "xlsx")}
    reference = read.pop("duckdb")
    assert len(reference) == 1396
    for format, figures in read.items():
        assert figures == reference, format
    for number, text in reference.values():
        assert (number is None and text is None) or number == float(Decimal(text))


def test_the_jsonl_output_holds_a_line_a_file(tmp_path, results):
    path = write(tmp_path / "run.jsonl", "jsonl", results)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [line["path"] for line in lines] == [r.report.path for r in results]
    assert lines[1]["error"]["code"] == "GP002" and lines[1]["report"] is None


@pytest.mark.parametrize("format", DATABASES)
def test_a_database_holds_reports_figures_and_diagnostics(tmp_path, results, format):
    path = write(tmp_path / f"run.{format}", format, results)
    connection = connect(path, format)
    try:
        reports = connection.execute(
            "SELECT report_id, path, organization, year, template, figures_found, "
            "figures_expected, error_code FROM reports ORDER BY report_id").fetchall()
        assert [r[0] for r in reports] == list(range(1, len(results) + 1))
        assert reports[0][1:] == (str(REPORT_2024), ORGANIZATION, 2024, "2021", 200, 200, None)
        assert reports[1][4:] == (None, 0, 0, "GP002")
        assert reports[2][2:5] == (ORGANIZATION, 2020, "2019")
        # the organisation and the year are the report's columns, never figures
        assert connection.execute(
            "SELECT count(*) FROM figures WHERE \"row\" IN ('organization', 'year') "
            "OR \"table\" NOT IN ('active_disclosure', 'applications', 'review_litigation')"
        ).fetchone()[0] == 0
        value, text = connection.execute(
            "SELECT value, value_text FROM figures WHERE report_id = 1 AND "
            "\"row\" = 'administrative_fees'").fetchone()
        assert (value, text) == (1.25, "1.2500")
        assert connection.execute("SELECT sum(value) FROM figures WHERE report_id = 1 AND "
                                  "\"table\" = 'applications' AND \"row\" = 'new_requests'"
                                  ).fetchone()[0] == 26  # numbers, summed as such
        diagnostics = connection.execute(
            "SELECT report_id, code, severity FROM diagnostics ORDER BY report_id").fetchall()
        assert len(diagnostics) == sum(len(r.diagnostics) for r in results)
        assert (2, "GP002", "error") in diagnostics and (7, "GP001", "error") in diagnostics
    finally:
        connection.close()


def wide_view(path, format):
    connection = connect(path, format)
    try:
        cursor = connection.execute("SELECT * FROM figures_wide ORDER BY report_id")
        columns = [d[0] for d in cursor.description]
        return columns, cursor.fetchall()
    finally:
        connection.close()


def test_the_wide_views_are_a_row_a_report_and_a_column_a_figure(tmp_path, results):
    views = {format: wide_view(write(tmp_path / f"run.{format}", format, results), format)
             for format in DATABASES}
    assert views["sqlite"] == views["duckdb"]
    columns, rows = views["sqlite"]
    ids = [entry.id for entry in wide_columns()]
    assert columns == ["report_id", "path", "organization", "year", "template", *ids]
    assert len(ids) == len(set(ids)) == 226  # the 2021 template's 200 and the 2019's others
    read = [r for r in results if r.report.template is not None]
    assert [row[0] for row in rows] == [r.report.report_id for r in read]
    first = dict(zip(columns, rows[0]))
    assert first["applications.new_requests.total"] == 13
    assert first["active_disclosure.administrative_fees.amount"] == 1.25
    assert first["active_disclosure.government_procurement.amount"] is None  # 2019's only
    third = dict(zip(columns, rows[1]))
    assert third["template"] == "2019" and third["applications.other_processing.total"] == 1
    assert third["active_disclosure.other_management_services.change"] == -3
    assert third["applications.other_other.total"] is None  # 2021's only


# ---------------------------------------------------------------- resume, replace, interrupt

@pytest.mark.parametrize("format", DATABASES)
def test_resume_adds_after_the_reports_there_and_knows_their_files(tmp_path, results, format):
    path = str(tmp_path / f"run.{format}")
    write(path, format, results[:4])
    assert known_hashes(path, format) == {r.report.sha256 for r in results[:4]}
    write(path, format, renumbered(results[4:]), resume=True)
    assert known_hashes(path, format) == {r.report.sha256 for r in results if r.report.sha256}
    connection = connect(path, format)
    try:
        assert connection.execute("SELECT report_id, path FROM reports ORDER BY report_id"
                                  ).fetchall() == [(r.report.report_id, r.report.path)
                                                   for r in results]
        assert connection.execute("SELECT count(*) FROM figures WHERE report_id > 4"
                                  ).fetchone()[0] == sum(len(r.figures) for r in results[4:])
        assert connection.execute("SELECT DISTINCT report_id FROM diagnostics "
                                  "WHERE code = 'GP001'").fetchall() == [(7,)]
    finally:
        connection.close()
    assert read_back(path, format) == expected_figures(results)


@pytest.mark.parametrize("format", DATABASES)
def test_resume_replaces_the_rows_of_a_file_an_earlier_run_could_not_finish(tmp_path, results,
                                                                            format):
    path = str(tmp_path / f"run.{format}")
    good, moved = results[0], results[2]  # two reports read
    timed_out = result_of(2, good.report.path, error=GovParseError(
        "GP011", "reading the file took longer than 1 s (--timeout)", path=good.report.path))
    crashed = result_of(3, "/elsewhere/before.txt", sha256=moved.report.sha256,
                        error=GovParseError("GP010", "govparse failed on this file",
                                            path="/elsewhere/before.txt"))
    kept = results[1]._replace(report=results[1].report._replace(report_id=4))  # GP002: stays
    write(path, format, [results[3]._replace(report=results[3].report._replace(report_id=1)),
                         timed_out, crashed, kept])
    assert known_hashes(path, format) == {results[3].report.sha256, kept.report.sha256}
    # the next run reads them again: the first by its path, the second by its content
    write(path, format, renumbered([good, moved]), resume=True)
    connection = connect(path, format)
    try:
        assert connection.execute("SELECT report_id, path, error_code FROM reports "
                                  "ORDER BY report_id").fetchall() == [
            (1, results[3].report.path, None), (4, kept.report.path, "GP002"),
            (5, good.report.path, None), (6, moved.report.path, None)]
        assert connection.execute("SELECT report_id, code FROM diagnostics ORDER BY "
                                  "report_id, code").fetchall() == sorted(
            (i, d.code) for i, r in zip((1, 4, 5, 6), (results[3], kept, good, moved))
            for d in r.diagnostics)
        assert kept.diagnostics  # the GP002 of the file that stays
    finally:
        connection.close()
    assert read_back(path, format) == expected_figures([results[3], good, moved])


@pytest.mark.parametrize("format", DATABASES)
def test_without_resume_an_output_there_is_replaced(tmp_path, results, format):
    path = str(tmp_path / f"run.{format}")
    write(path, format, results)
    write(path, format, renumbered(results[2:3]))
    assert known_hashes(path, format) == {results[2].report.sha256}
    assert read_back(path, format) == expected_figures(results[2:3])


@pytest.mark.parametrize("format", DATABASES)
def test_a_file_that_is_no_govparse_database_is_a_clear_error(tmp_path, format):
    path = tmp_path / f"run.{format}"
    path.write_bytes(b"these are not the bytes of a database" * 200)
    with pytest.raises(OutputError, match="cannot (open|read) the database"):
        open_writer(str(path), format, resume=True)
    with pytest.raises(OutputError, match="cannot read the database"):
        known_hashes(str(path), format)
    other = tmp_path / f"other.{format}"
    connection = connect(other, format)
    connection.execute("CREATE TABLE reports (id INTEGER, name TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(OutputError, match="not a database govparse wrote: its table reports"):
        open_writer(str(other), format, resume=True)


@pytest.mark.parametrize("format", ("csv", "parquet", "sqlite", "duckdb", "xlsx"))
def test_an_output_that_cannot_be_written_is_a_clear_error(tmp_path, format):
    with pytest.raises((OutputError, OSError)) as raised:
        open_writer(str(tmp_path / "no-such-folder" / f"run.{format}"), format)
    assert "no-such-folder" in str(raised.value)


@pytest.mark.parametrize("format", FORMATS)
def test_closing_after_an_interrupted_run_leaves_a_valid_file(tmp_path, results, format):
    # the runner closes its writer in a finally: whatever was added is in the file
    path = tmp_path / f"run.{format}"
    writer = open_writer(str(path), format, batch_size=2)
    with pytest.raises(KeyboardInterrupt):
        try:
            for i, result in enumerate(results):
                if i == 5:
                    raise KeyboardInterrupt
                writer.add(result)
        finally:
            writer.close()
    if format == "jsonl":
        assert len(path.read_text(encoding="utf-8").splitlines()) == 5
    else:
        assert read_back(path, format) == expected_figures(results[:5])


@pytest.mark.parametrize("format", DATABASES)
def test_a_database_keeps_each_finished_batch_before_close(tmp_path, results, format):
    # a run killed outright (no close) keeps the batches committed
    path = str(tmp_path / f"run.{format}")
    writer = open_writer(path, format, batch_size=2)
    for result in results[:5]:
        writer.add(result)
    connection = connect(path, format)
    try:
        assert connection.execute("SELECT count(*) FROM reports").fetchone()[0] == 4
    finally:
        connection.close()
    writer.close()
    assert len(known_hashes(path, format)) == 5


class FiguresInterrupted(tuple):
    """A report's figures that Ctrl-C cuts off halfway as a writer reads them."""

    def __iter__(self):
        for i, figure in enumerate(tuple.__iter__(self)):
            if i == len(self) // 2:
                signal.raise_signal(signal.SIGINT)
            yield figure


@pytest.mark.parametrize("format", ("parquet", "sqlite", "duckdb", "xlsx"))
def test_ctrl_c_while_a_report_is_added_leaves_it_whole(tmp_path, results, format):
    path = tmp_path / f"run.{format}"
    writer = open_writer(str(path), format, batch_size=1)
    cut = results[2]._replace(figures=FiguresInterrupted(results[2].figures))
    with pytest.raises(KeyboardInterrupt):
        try:
            for result in (*results[:2], cut, *results[3:]):
                writer.add(result)
        finally:
            writer.close()
    # the signal took effect once the report was in, and not before
    assert read_back(path, format) == expected_figures(results[:3])
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@pytest.mark.parametrize("format", DATABASES)
def test_a_batch_cut_short_is_written_once_by_close(tmp_path, results, format):
    # Ctrl-C between the reports and the figures of a batch: close writes it whole
    path = str(tmp_path / f"run.{format}")
    writer = open_writer(path, format, batch_size=3)
    insert = writer.insert

    def cut_short(name, rows):
        if name == "figures":
            writer.insert = insert
            raise KeyboardInterrupt
        insert(name, rows)

    writer.insert = cut_short
    with pytest.raises(KeyboardInterrupt):
        try:
            for result in results:
                writer.add(result)
        finally:
            writer.close()
    assert read_back(path, format) == expected_figures(results[:3])
    assert known_hashes(path, format) == {r.report.sha256 for r in results[:3]}


def test_parquet_writes_a_row_group_a_batch(tmp_path, results):
    read = [r for r in results if r.figures]
    path = write(tmp_path / "run.parquet", "parquet", read, batch_size=2)
    metadata = pq.ParquetFile(path).metadata
    assert metadata.num_row_groups == 4  # 7 reports read, 2 a group
    assert metadata.num_rows == sum(len(r.figures) for r in read)
    schema = pq.read_schema(path)
    assert str(schema.field("value").type) == "double"
    assert str(schema.field("year").type) == "int64"
    assert schema.names[:4] == ["report", "organization", "year", "template"]


def test_an_empty_run_writes_valid_empty_outputs(tmp_path):
    for format in FORMATS:
        path = write(tmp_path / f"run.{format}", format, [])
        if format != "jsonl":
            assert read_back(path, format) == {}, format


# ---------------------------------------------------------------- Excel

def test_excel_has_reports_figures_and_a_wide_sheet_a_table(tmp_path, results):
    path = write(tmp_path / "run.xlsx", "xlsx", results)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["reports", "figures", "active_disclosure", "applications",
                                   "review_litigation", "codebook"]
    codebook_rows = list(workbook["codebook"].iter_rows(values_only=True))
    assert len(codebook_rows) == 1 + 200 + 198
    assert codebook_rows[0][:2] == ("template", "id")
    assert ("2021", "applications.new_requests.natural_person") in \
        [row[:2] for row in codebook_rows]
    reports = list(workbook["reports"].iter_rows(values_only=True))
    assert reports[0][:3] == ("report_id", "path", "sha256")
    assert len(reports) == len(results) + 1
    assert reports[2][12] == "GP002"
    applications = list(workbook["applications"].iter_rows(values_only=True))
    header = applications[0]
    assert header[:4] == ("report", "organization", "year", "template")
    assert "一、本年新收政府信息公开申请数量 / 自然人" in header
    assert "三、本年度办理结果 / （六）其他处理 / 总计" in header  # the 2019 template's row
    assert len(applications) == 1 + sum(1 for r in results if r.figures)
    first = dict(zip(header, applications[1]))
    assert first["report"] == str(REPORT_2024) and first["organization"] == ORGANIZATION
    assert first["一、本年新收政府信息公开申请数量 / 总计"] == 13
    active = workbook["active_disclosure"]
    fee_column = [c.value for c in active[1]].index("第二十条第（八）项 / 行政事业性收费 / 本年收费金额（单位：万元）")
    fee = active.cell(row=2, column=fee_column + 1)
    assert fee.value == 1.25 and fee.number_format == "0.0000"  # shown as 1.2500


def test_excel_goes_on_in_a_new_sheet_past_the_row_limit(tmp_path, results):
    read = [r for r in results if r.figures]
    path = write(tmp_path / "run.xlsx", "xlsx", read, sheet_rows=500)
    workbook = openpyxl.load_workbook(path, read_only=True)
    figures = [n for n in workbook.sheetnames if n.startswith("figures")]
    total = sum(len(r.figures) for r in read)
    assert figures == ["figures"] + [f"figures ({i})" for i in range(2, len(figures) + 1)]
    assert len(figures) == -(-total // 499)  # 499 rows under each header
    assert workbook.sheetnames[:len(figures) + 1] == ["reports", *figures]
    workbook.close()
    assert read_back(path, "xlsx") == expected_figures(read)


# ---------------------------------------------------------------- to_pandas

def test_to_pandas_gives_the_same_frames_from_results_and_from_every_output(tmp_path, results):
    long, wide = govparse.to_pandas(results)
    assert list(long.columns[:4]) == ["report", "organization", "year", "template"]
    assert len(long) == 1396 and long["value"].dtype == "float64"
    fee = long[(long["report"] == str(REPORT_2024)) & (long["row"] == "administrative_fees")]
    assert fee[["value", "value_text"]].values.tolist() == [[1.25, "1.2500"]]
    assert list(wide.columns) == ["report", "organization", "year", "template",
                                  *(e.id for e in wide_columns())]
    assert len(wide) == 7 and wide.loc[0, "applications.new_requests.total"] == 13
    assert wide.loc[0, "year"] == 2024 and wide.loc[0, "organization"] == ORGANIZATION
    assert pandas.isna(wide.loc[0, "active_disclosure.government_procurement.amount"])
    for format in ("csv", "parquet", "sqlite", "duckdb", "xlsx"):
        from_file = govparse.to_pandas(write(tmp_path / f"run.{format}", format, results))
        pandas.testing.assert_frame_equal(from_file[0], long, obj=f"long from {format}")
        pandas.testing.assert_frame_equal(from_file[1], wide, obj=f"wide from {format}")


def test_to_pandas_takes_what_parse_many_yields():
    long, wide = govparse.to_pandas(govparse.parse_many(str(DATA), jobs=1, globs=("*.txt",)))
    assert sorted(wide["report"]) == sorted(str(p) for p in DATA.glob("*.txt"))
    assert len(long) == 200 * 2 + 198 * 2
    assert wide["template"].tolist().count("2019") == 2
    assert set(wide["applications.new_requests.total"]) == {13}


def test_to_pandas_says_what_it_cannot_read(tmp_path, results, monkeypatch):
    with pytest.raises(OutputError, match="reads the outputs"):
        govparse.to_pandas(write(tmp_path / "run.jsonl", "jsonl", results))
    with pytest.raises(OutputError, match="no such file"):
        govparse.to_pandas(tmp_path / "missing.parquet")
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if it were not installed
    with pytest.raises(ImportError, match=r"pip install 'govparse\[pandas\]'"):
        govparse.to_pandas(results)


def test_the_outputs_libraries_are_imported_only_when_written():
    code = ("import sys, govparse.batch.outputs as o, govparse.batch.rows\n"
            "o.open_writer('/dev/null', 'csv').close()\n"
            "print(' '.join(m for m in ('pyarrow', 'duckdb', 'openpyxl', 'pandas') "
            "if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""


# ---------------------------------------------------------------- the codebook

def test_the_codebook_lists_every_figure_of_both_templates():
    entries = codebook()
    assert len([e for e in entries if e.template == "2021"]) == 200
    assert len([e for e in entries if e.template == "2019"]) == 198
    natural = next(e for e in entries if e.id == "applications.new_requests.natural_person")
    assert natural.label == "一、本年新收政府信息公开申请数量 / 自然人"
    fee = next(e for e in entries if e.id == "active_disclosure.administrative_fees.amount")
    assert (fee.template, fee.kind) == ("2021", "money")
    report = govparse.parse_file(REPORT_2024)
    assert [(t, r, c) for t, r, c, _ in report.table_figures()] == \
        [(e.table, e.row, e.column) for e in codebook(("2021",))]


def test_the_codebook_renders_as_csv_markdown_and_text():
    entries = codebook(("2019",))
    rows = list(csv.DictReader(render(entries, "csv").splitlines()))
    assert len(rows) == 198 and rows[0]["id"] == "active_disclosure.rules.newly_made"
    assert rows[0]["row_label"] == "第二十条第（一）项 / 规章" and rows[0]["column_label"] == "本年新制作数量"
    markdown = render(entries, "markdown").splitlines()
    assert markdown[0].startswith("| template | id |") and len(markdown) == 200
    text = render(entries, "text").splitlines()
    assert text[0].split() == ["2019", "active_disclosure.rules.newly_made", "count",
                               "第二十条第（一）项", "/", "规章", "/", "本年新制作数量"]


def test_the_codebook_command():
    result = CliRunner().invoke(codebook_command, ["--format", "csv", "--template", "2021"])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) == 201
    result = CliRunner().invoke(codebook_command, [])
    assert len(result.output.splitlines()) == 398
    result = CliRunner().invoke(codebook_command, ["--format", "xml"])
    assert result.exit_code == 2 and "Traceback" not in result.output
