"""The command line: formats, streams, exit codes, and a batch that survives bad files."""

import csv
import io
import json
import subprocess
import sys

from click.testing import CliRunner

from govparse.cli import cli
from conftest import SEED_FILES, example_path
from helpers import changed

CLEAN = str(example_path("tab"))


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_text_output_lists_the_figures():
    result = run("parse", CLEAN)
    assert result.exit_code == 0
    assert "示例县人民政府办公室" in result.stdout
    assert "行政许可" in result.stdout and "1234" in result.stdout
    assert "no problems" in result.stderr


def test_exit_codes():
    assert run("parse", str(SEED_FILES[0])).exit_code == 0  # warnings only, lenient
    assert run("parse", "--strict", str(SEED_FILES[0])).exit_code == 1
    assert run("parse", "--strict", CLEAN).exit_code == 0
    assert run("parse", "nope.txt").exit_code == 2
    assert run("parse", "--format", "xml", CLEAN).exit_code == 2
    assert run("parse").exit_code == 2


def test_lenient_errors_exit_1(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(changed("规章\t0\t0\t0", "规章\t0\t0\t0\t7"), encoding="utf-8")
    result = run("parse", str(path))
    assert result.exit_code == 1
    assert "error[GP303]" in result.stderr


def test_batch_goes_on_after_a_bad_file_and_keeps_the_good_results():
    # a file that cannot be read among files that can: exit 1 (2 when none can)
    result = run("parse", "--format", "csv", "nope.txt", CLEAN, str(SEED_FILES[4]))
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["report"] for r in rows} == {CLEAN, str(SEED_FILES[4])}
    assert "error[GP001]" in result.stderr and "nope.txt" in result.stderr
    assert result.stdout.count("report,organization,year,template,table,row") == 1
    assert run("parse", "nope.txt", "nope2.txt").exit_code == 2


def test_standard_input():
    text = example_path("pipe").read_text(encoding="utf-8")
    result = run("parse", "--format", "csv", "-", input=text.encode("utf-8"))
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["report"] == "-"
    total = next(r for r in rows if (r["row"], r["column"]) == ("new_requests", "total"))
    assert total["value"] == "13"


def test_csv_missing_cell_is_empty():
    result = run("parse", "--format", "csv", str(SEED_FILES[4]))
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    total = next(r for r in rows if (r["row"], r["column"]) == ("total_processed", "total"))
    assert total["value"] == "" and total["line"] == ""


def test_json_output():
    result = run("parse", "--format", "json", CLEAN, "nope.txt")
    data = json.loads(result.stdout)
    assert [d["path"] for d in data] == [CLEAN, "nope.txt"]
    report = data[0]["report"]
    assert report["applications"]["new_requests"]["total"] == {"value": 13, "line": 34, "inferred": False, "unit": None,
                                                                 "recovered": False,
                                                                 "column": 31}
    assert report["active_disclosure"]["administrative_fees"]["amount"]["value"] == "1.2500"
    assert data[1]["report"] is None and data[1]["error"]["code"] == "GP001"


def test_strict_json_reports_every_problem():
    result = run("parse", "--strict", "--format", "json", str(SEED_FILES[3]))
    assert result.exit_code == 1
    (entry,) = json.loads(result.stdout)
    assert entry["report"] is None
    assert len(entry["error"]["diagnostics"]) == 13


def test_diagnostics_have_carets_on_stderr_and_notes_on_request():
    result = run("parse", str(SEED_FILES[0]))
    assert "warning[GP202]" in result.stderr
    assert "--> " + str(SEED_FILES[0]) + ":22:13" in result.stderr
    assert "= help: did you mean 本年废止件数?" in result.stderr
    assert "note[" not in result.stderr and "19 notes not shown" in result.stderr
    assert "note[GP104]" in run("parse", "--notes", str(SEED_FILES[0])).stderr


def test_codes_command_lists_every_code():
    result = run("codes")
    assert "GP301  warning  short-row" in result.stdout


def test_python_dash_m_and_help_document_exit_codes():
    out = subprocess.run([sys.executable, "-m", "govparse", "parse", "--help"],
                         capture_output=True, text=True, check=True).stdout
    assert "Exit codes" in out and "2  usage error" in out


def test_text_output_fits_100_columns_and_shows_the_group_rows():
    from govparse.emit.rendering import display_width

    for layout in ("tab", "pipe"):
        lines = run("parse", str(example_path(layout))).stdout.splitlines()
        assert max(display_width(line) for line in lines) <= 100
        # a group's label on its own line, its rows indented under it
        start = lines.index("  （三）不予公开")
        assert lines[start - 1].startswith("  （二）部分公开") or \
            lines[start - 1].startswith("  只计这一情形")
        assert lines[start + 1].split() == ["1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"]
        assert lines[start + 1].startswith("    1.属于国家秘密")
        assert "  （六）其他处理" in lines and "三、本年度办理结果" in lines
        # a label too long for its room wraps, its figures on its first line
        first = next(i for i, line in enumerate(lines) if line.startswith("    1.申请人无正当"))
        assert lines[first].split()[1:] == ["0", "1", "0", "0", "0", "0", "1"]
        assert lines[first + 1].startswith("    ") and lines[first + 1].split()[0][0] != "2"
