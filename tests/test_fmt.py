"""govparse fmt: canonical output in four layouts, --check, --in-place, standard
input, bad files in a batch, and the figures surviving the round trip through the
command line."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest
from click.testing import CliRunner

import govparse
from govparse.cli import cli
from govparse.emit.printer import dumps
from conftest import LAYOUTS, SEED_FILES, example_path
from helpers import changed


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def csv_figures(stdout: str) -> list[tuple[str, str, str, str]]:
    """(table, row, column, value) of every row of `parse --format csv`."""
    return [(r["table"], r["row"], r["column"], r["value"])
            for r in csv.DictReader(io.StringIO(stdout))]


def csv_meta(stdout: str) -> set[tuple[str, str, str]]:
    """(organization, year, template) of the rows of `parse --format csv`."""
    return {(r["organization"], r["year"], r["template"])
            for r in csv.DictReader(io.StringIO(stdout))}


# ---------------------------------------------------------------- the round trip


def has_errors(path) -> bool:
    return any(d.severity is govparse.Severity.ERROR for d in govparse.parse_file(path).diagnostics)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_fmt_piped_into_parse_gives_the_figures_of_the_report(path, layout):
    formatted = run("fmt", "--layout", layout, str(path))
    # a report read with errors (001: GP303) is printed as read, and fmt says so
    assert formatted.exit_code == (1 if has_errors(path) else 0), formatted.stderr
    reparsed = run("parse", "--format", "csv", "-", input=formatted.stdout_bytes)
    assert reparsed.exit_code == 0, reparsed.stderr
    direct = run("parse", "--format", "csv", str(path))
    figures = csv_figures(reparsed.stdout)
    assert figures == csv_figures(direct.stdout)
    assert len(figures) == 10 + 25 * 7 + 15  # the three tables
    assert {r[0] for r in figures} == {"active_disclosure", "applications", "review_litigation"}
    assert csv_meta(reparsed.stdout) == csv_meta(direct.stdout)


def test_fmt_piped_into_parse_through_real_processes():
    path = str(SEED_FILES[3])
    fmt = subprocess.run([sys.executable, "-m", "govparse", "fmt", "--layout", "markdown", path],
                         capture_output=True, check=True)
    parsed = subprocess.run([sys.executable, "-m", "govparse", "parse", "--format", "csv", "-"],
                            input=fmt.stdout, capture_output=True, check=True)
    direct = subprocess.run([sys.executable, "-m", "govparse", "parse", "--format", "csv", path],
                            capture_output=True, check=True)
    got = csv_figures(parsed.stdout.decode("utf-8"))
    assert got == csv_figures(direct.stdout.decode("utf-8"))
    penalties = next(r for r in got if r[1] == "administrative_penalty")
    assert penalties[3] == "349"


# ---------------------------------------------------------------- output


def test_default_layout_is_tab_and_output_is_the_printers():
    result = run("fmt", str(SEED_FILES[0]))
    assert result.exit_code == 0
    report = govparse.parse_file(SEED_FILES[0])
    assert result.stdout == dumps(report, "tab")
    assert result.stdout.startswith("文峰区南关街道办事处2024年政府信息公开工作年度报告\n\n一、总体情况\n")
    for heading in ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                    "六、其他需要报告的事项"):
        assert f"\n{heading}\n" in result.stdout
    assert "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n" in result.stdout


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_layout_is_written(layout):
    result = run("fmt", "--layout", layout, str(example_path("tab")))
    assert result.exit_code == 0
    assert result.stdout == example_path(layout).read_text(encoding="utf-8")


def test_diagnostics_go_to_stderr_and_data_to_stdout():
    result = run("fmt", str(SEED_FILES[0]))
    assert "warning[GP202]" in result.stderr and "本年度止件数" in result.stderr
    assert "warning[" not in result.stdout and "本年度止件数" not in result.stdout
    assert "--> " + str(SEED_FILES[0]) + ":22:13" in result.stderr


def test_standard_input():
    text = example_path("pipe").read_text(encoding="utf-8")
    result = run("fmt", "-", input=text.encode("utf-8"))
    assert result.exit_code == 0
    assert result.stdout == example_path("tab").read_text(encoding="utf-8")


def test_fmt_is_idempotent_through_the_command_line():
    once = run("fmt", "--layout", "cells", str(SEED_FILES[1])).stdout_bytes
    twice = run("fmt", "--layout", "cells", "-", input=once).stdout_bytes
    assert once == twice
    assert b"\n\t\xe8\xa7\x84\xe7\xab\xa0\n" in once  # "\t规章" on a line of its own


def test_a_file_with_errors_is_printed_with_exit_1():
    result = run("fmt", "-", input=changed("规章\t0\t0\t0", "规章\t0\t0\t0\t7").encode("utf-8"))
    assert result.exit_code == 1
    assert "error[GP303]" in result.stderr
    assert "规章\t\t\t\n" in result.stdout  # the four figures could not be placed


# ---------------------------------------------------------------- usage


def test_several_files_need_in_place_or_check():
    result = run("fmt", str(SEED_FILES[0]), str(SEED_FILES[1]))
    assert result.exit_code == 2
    assert "--in-place or --check" in result.stderr
    assert result.stdout == ""


def test_in_place_and_check_exclude_each_other():
    result = run("fmt", "--in-place", "--check", str(SEED_FILES[0]))
    assert result.exit_code == 2
    assert "cannot be used together" in result.stderr


def test_unknown_layout_is_a_usage_error():
    assert run("fmt", "--layout", "xml", str(SEED_FILES[0])).exit_code == 2
    assert run("fmt").exit_code == 2


def test_help_lists_the_layouts_and_exit_codes():
    result = run("fmt", "--help")
    assert "tab|pipe|cells|markdown" in result.stdout
    assert "Exit codes" in result.stdout and "would be reformatted" in result.stdout
    assert "fmt" in run("--help").stdout


# ---------------------------------------------------------------- --check


@pytest.mark.parametrize("layout", LAYOUTS)
def test_check_accepts_canonical_files(layout):
    path = example_path(layout)
    before = path.read_bytes()
    result = run("fmt", "--check", "--layout", layout, str(path))
    assert result.exit_code == 0, result.stderr
    assert "would reformat" not in result.stderr
    assert "1 file already formatted" in result.stderr
    assert result.stdout == ""
    assert path.read_bytes() == before


def test_check_reports_every_file_that_would_change_and_writes_nothing(tmp_path):
    canonical = tmp_path / "a.txt"
    canonical.write_text(example_path("tab").read_text(encoding="utf-8"), encoding="utf-8")
    other_layout = tmp_path / "b.txt"
    other_layout.write_text(example_path("pipe").read_text(encoding="utf-8"), encoding="utf-8")
    crlf = tmp_path / "c.txt"
    crlf.write_bytes(example_path("tab").read_bytes().replace(b"\n", b"\r\n"))
    before = {p: p.read_bytes() for p in (canonical, other_layout, crlf)}
    result = run("fmt", "--check", str(canonical), str(other_layout), str(crlf))
    assert result.exit_code == 1
    assert f"would reformat {other_layout}" in result.stderr
    assert f"would reformat {crlf}" in result.stderr
    assert f"would reformat {canonical}" not in result.stderr
    assert "2 files would be reformatted, 1 file already formatted" in result.stderr
    assert result.stdout == ""
    assert {p: p.read_bytes() for p in before} == before


def test_check_on_a_reference_report_fails_and_on_its_output_passes(tmp_path):
    result = run("fmt", "--check", str(SEED_FILES[2]))
    assert result.exit_code == 1
    path = tmp_path / "canonical.txt"
    path.write_bytes(run("fmt", str(SEED_FILES[2])).stdout_bytes)
    assert run("fmt", "--check", str(path)).exit_code == 0
    assert run("fmt", "--check", "--layout", "pipe", str(path)).exit_code == 1


def test_check_standard_input():
    canonical = example_path("tab").read_bytes()
    assert run("fmt", "--check", "-", input=canonical).exit_code == 0
    result = run("fmt", "--check", "-", input=canonical.replace(b"\n", b"\r\n"))
    assert result.exit_code == 1 and "would reformat -" in result.stderr


# ---------------------------------------------------------------- --in-place


def test_in_place_rewrites_only_what_differs(tmp_path):
    # the examples in four layouts and the reference reports: the examples lose
    # nothing in the markdown layout, the reference reports would (typos in their
    # headers, a repeated heading, units in a header) and are left as they are
    sources = [example_path(layout) for layout in LAYOUTS] + list(SEED_FILES)
    paths = []
    for index, source in enumerate(sources):
        path = tmp_path / f"{index}.txt"
        path.write_bytes(source.read_bytes())
        paths.append(path)
    result = run("fmt", "--in-place", "--layout", "markdown", *map(str, paths))
    assert result.exit_code == 1, result.stderr
    assert result.stdout == ""
    assert "5 files reformatted, 1 file already formatted, 3 files not formatted" in \
        result.stderr
    markdown = example_path("markdown").read_text(encoding="utf-8")
    for path, source in zip(paths, sources):
        if source in SEED_FILES:
            lossless = source.name[:3] in ("003", "004")
            assert (f"reformatted {path}\n" in result.stderr) is lossless
            if not lossless:
                # 001 parses with errors (rows whose spare empty cells cannot be told
                # apart: GP303); the others' canonical form would lose text
                why = ("it parsed with errors" if source.name[:3] == "001"
                       else "its canonical form would lose text")
                assert f"not reformatted: {path}: {why}" in result.stderr
                assert path.read_bytes() == source.read_bytes()
                continue
        elif source.name.endswith("markdown.txt"):
            assert f"reformatted {path}" not in result.stderr
        else:
            assert f"reformatted {path}\n" in result.stderr
            assert path.read_text(encoding="utf-8") == markdown
        text = path.read_text(encoding="utf-8")
        assert text == dumps(govparse.parse_file(source), "markdown")
        assert govparse.parse(text) == govparse.parse_file(source)
    mtimes = [p.stat().st_mtime_ns for p in paths]
    again = run("fmt", "--in-place", "--layout", "markdown", *map(str, paths))
    assert again.exit_code == 1
    assert "\nreformatted" not in again.stderr
    assert "6 files already formatted, 3 files not formatted" in again.stderr
    assert [p.stat().st_mtime_ns for p in paths] == mtimes
    assert run("fmt", "--check", "--layout", "markdown", *map(str, paths[:4])).exit_code == 0


def test_in_place_keeps_the_files_permissions(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(SEED_FILES[4].read_bytes())
    path.chmod(0o640)
    assert run("fmt", "--in-place", str(path)).exit_code == 0
    assert path.stat().st_mode & 0o777 == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".govparse-fmt-")]


def test_in_place_never_rewrites_a_file_that_parsed_with_errors(tmp_path):
    broken = tmp_path / "broken.txt"
    text = changed("规章\t0\t0\t0", "规章\t0\t0\t0\t7")
    broken.write_text(text, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_bytes(SEED_FILES[4].read_bytes())
    result = run("fmt", "--in-place", str(broken), str(good))
    assert result.exit_code == 1
    assert f"not reformatted: {broken}: it parsed with errors" in result.stderr
    assert broken.read_text(encoding="utf-8") == text
    assert good.read_text(encoding="utf-8") == dumps(govparse.parse_file(SEED_FILES[4]), "tab")


def test_unreadable_file_is_reported_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_bytes(example_path("cells").read_bytes())
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02")
    missing = tmp_path / "nope.txt"
    result = run("fmt", "--in-place", str(missing), str(binary), str(good))
    assert result.exit_code == 2
    assert "error[GP001]" in result.stderr and str(missing) in result.stderr
    assert "GP002" in result.stderr
    assert f"reformatted {good}" in result.stderr
    assert "1 file reformatted, 2 files not formatted" in result.stderr
    assert good.read_text(encoding="utf-8") == example_path("tab").read_text(encoding="utf-8")
    assert binary.read_bytes() == b"\x00\x01\x02"
    checked = run("fmt", "--check", str(missing), str(good))
    assert checked.exit_code == 2
    assert "1 file already formatted, 1 file not checked" in checked.stderr


def test_in_place_with_standard_input_writes_to_standard_output():
    text = example_path("cells").read_bytes()
    result = run("fmt", "--in-place", "-", input=text)
    assert result.exit_code == 0
    assert result.stdout == example_path("tab").read_text(encoding="utf-8")
    assert result.stderr.endswith("standard input written to standard output\n")


def test_check_on_standard_input_compares_bytes_too():
    # a UTF-8 BOM is not the canonical form, on standard input as in a file
    text = example_path("tab").read_bytes()
    result = CliRunner().invoke(cli, ["fmt", "--check", "-"], input=b"\xef\xbb\xbf" + text)
    assert result.exit_code == 1 and "would reformat -" in result.stderr
    result = CliRunner().invoke(cli, ["fmt", "--check", "-"], input=text)
    assert result.exit_code == 0
