"""Runs over many files (govparse.batch, ``govparse parse PATH...``): folders walked,
files read in worker processes and given back in order, a bad file its own error
and the others read, a crashing or hanging file stopped, outputs written as the
results come, and a closing summary."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import govparse
from govparse.batch import runner
from govparse.batch.inputs import files_of
from govparse.batch.runner import Options, run
from govparse.cli import cli
from govparse.emit.printer import LAYOUTS, dumps
from conftest import example_path

EXAMPLE = govparse.parse_file(example_path("tab"))
FIGURES = 200  # the 2021 template's three tables


def report_text(i: int) -> str:
    """The example with figures of its own (rules.issued = i; 行政许可 = 1000 + i), in
    one of the four layouts."""
    report = EXAMPLE.replace_figure("active_disclosure", "rules", "issued", govparse.Figure(i))
    report = report.replace_figure("active_disclosure", "administrative_licensing",
                                   "decisions", govparse.Figure(1000 + i))
    return dumps(report, LAYOUTS[i % len(LAYOUTS)])


BAD = {  # name -> (bytes, the code of its error)
    "binary": (b"\x00\x01\x02\x03" * 10, "GP002"),
    "empty": (b"", "GP112"),
    "notes": ("会议纪要：本周无事。\n".encode("utf-8"), "GP112"),
    "broken_pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\nbroken", "GP006"),
}


def make_folder(root: Path, count: int) -> dict[str, str | None]:
    """``count`` files in two levels of folders, every tenth a bad one; the error
    code each file must give (None: a good report)."""
    expected = {}
    kinds = list(BAD)
    for i in range(count):
        folder = root / f"part{i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"r{i:05d}.txt"
        if i % 10 == 9:
            data, code = BAD[kinds[(i // 10) % len(kinds)]]
            path.write_bytes(data)
            expected[str(path)] = code
        else:
            path.write_text(report_text(i), encoding="utf-8")
            expected[str(path)] = None
    (root / "part0" / "README.md.orig").write_text("not a report", encoding="utf-8")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "r.txt").write_text("hidden", encoding="utf-8")
    return expected


def invoke(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


# ---------------------------------------------------------------- the files of a run


def test_folders_are_walked_in_sorted_order_for_the_files_govparse_reads(tmp_path):
    expected = make_folder(tmp_path, 30)
    found = list(files_of([str(tmp_path)]))
    assert found == sorted(expected)  # README.md.orig and .hidden/ left out
    assert list(files_of([str(tmp_path)], globs=("*.orig",))) == \
        [str(tmp_path / "part0" / "README.md.orig")]
    listed = tmp_path / "list.txt"
    listed.write_text("# a comment\n\n/nope.txt\n", encoding="utf-8")
    assert list(files_of(["a.txt"], files_from=str(listed))) == ["a.txt", "/nope.txt"]


# ---------------------------------------------------------------- a run over a folder


@pytest.fixture(scope="module")
def thousand(tmp_path_factory):
    root = tmp_path_factory.mktemp("thousand")
    return root, make_folder(root, 1000)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_of_a_thousand_reports_every_tenth_bad(thousand, tmp_path, jobs):
    root, expected = thousand
    out = tmp_path / "figures.csv"
    result = invoke("parse", str(root), "-o", str(out), "-j", jobs, "-q")
    assert result.exit_code == 1  # bad files among good ones
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    # the files read: the good ones, and those with no table (every figure missing)
    read = sorted(p for p, code in expected.items() if code in (None, "GP112"))
    assert len(rows) == FIGURES * len(read)
    by_file = {}
    for row in rows:
        by_file.setdefault(row["report"], {})[(row["table"], row["row"], row["column"])] = row
    assert list(by_file) == read  # in the walk's order, whatever the jobs
    for path, figures in by_file.items():
        if expected[path] == "GP112":
            assert {r["value"] for r in figures.values()} == {""}
            continue
        i = int(Path(path).stem[1:])
        assert figures[("active_disclosure", "rules", "issued")]["value"] == str(i)
        assert figures[("active_disclosure", "administrative_licensing", "decisions")][
            "value"] == str(1000 + i)
        assert figures[("applications", "new_requests", "total")]["value"] == "13"
        assert {r["organization"] for r in figures.values()} == {"示例县人民政府办公室"}
    # the summary says it all: the bad ones are errors, with their codes
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Checked 1,000 files in ")
    assert lines[0].endswith(": 950 read, 50 not read.")
    assert lines[1] == f"Figures found: {FIGURES * 900:,} of the {FIGURES * 950:,} their " \
                       "templates have (94.7%)."
    assert lines[2] == "Files with errors: 100."
    assert "GP002  binary-input" in result.stderr and "in 50 files" in result.stderr
    assert "GP112  no-tables" in result.stderr


def test_the_same_rows_whatever_the_jobs(thousand, tmp_path):
    root, _ = thousand
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"run{jobs}.jsonl"
        assert invoke("parse", str(root), "-o", str(out), "-j", jobs, "-q").exit_code == 1
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    lines = [json.loads(line) for line in outputs[0].splitlines()]
    assert len(lines) == 1000
    errors = {e["path"]: e["error"]["code"] for e in lines if e["error"]}
    assert errors == {p: c for p, c in thousand[1].items() if c is not None and c != "GP112"}
    # a file with no table is read (a report with an error), not stopped
    no_table = next(e for e in lines if e["path"].endswith("r00019.txt"))
    assert no_table["report"] is not None
    assert "GP112" in [d["code"] for d in no_table["report"]["diagnostics"]]


def test_one_file_is_read_as_before_and_no_summary(tmp_path):
    result = invoke("parse", str(example_path("tab")))
    assert result.exit_code == 0
    assert result.stderr == f"{example_path('tab')}: no problems; 200 of 200 figures\n"
    stats = invoke("parse", "--statistics", str(example_path("tab")))
    assert "Checked 1 file in " in stats.stderr


def test_an_empty_folder_is_a_usage_error(tmp_path):
    result = invoke("parse", str(tmp_path))
    assert result.exit_code == 2
    assert "no file to read" in result.stderr


def test_files_from_standard_input_and_stdin_filename(tmp_path):
    paths = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for i, path in enumerate(paths):
        path.write_text(report_text(i), encoding="utf-8")
    listed = "".join(f"{p}\n" for p in paths)
    result = invoke("parse", "--files-from", "-", "--format", "csv", input=listed)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["report"] for r in rows[::FIGURES]] == [str(p) for p in paths]
    named = invoke("parse", "-", "--stdin-filename", "report.txt", "--format", "csv",
                   input=report_text(7).encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(named.stdout)))
    assert {r["report"] for r in rows} == {"report.txt"}
    assert "report.txt: no problems" in named.stderr


def test_quiet_prints_only_the_summary(tmp_path):
    make_folder(tmp_path, 12)
    result = invoke("parse", str(tmp_path), "-q", "--format", "csv")
    assert "error[" not in result.stderr and "no problems" not in result.stderr
    assert result.stderr.startswith("Checked 12 files in ")
    assert result.stdout.count("report,organization") == 1


def test_statistics_lists_every_code(tmp_path):
    make_folder(tmp_path, 12)
    result = invoke("parse", str(tmp_path), "-q", "--statistics", "--format", "csv")
    assert "Every code:" in result.stderr
    assert "more: --statistics" not in result.stderr


def test_check_runs_over_a_folder_and_unknown_codes_are_a_usage_error(tmp_path):
    make_folder(tmp_path, 12)
    result = invoke("check", str(tmp_path), "-q")
    assert result.exit_code == 1 and result.stderr.startswith("Checked 12 files")
    bad = invoke("check", "--select", "GP999", str(example_path("tab")))
    assert bad.exit_code == 2 and "GP999 is no code" in bad.stderr
    assert invoke("check", "--select", "GP4", str(example_path("tab"))).exit_code == 0


def test_binary_formats_need_an_output_file():
    result = invoke("parse", "--format", "parquet", str(example_path("tab")))
    assert result.exit_code == 2 and "give it with -o PATH" in result.stderr
    unknown = invoke("parse", "-o", "out.xyz", str(example_path("tab")))
    assert unknown.exit_code == 2 and "cannot tell the output format" in unknown.stderr


# ---------------------------------------------------------------- files that stop a worker


def _misbehave(real):
    """govparse's reading, except for files whose text says crash or hang."""
    def read(source, options):
        if "CRASH" in source.text:
            os._exit(3)  # as a crash in C code ends a process
        if "HANG-HARD" in source.text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # no alarm reaches
            time.sleep(60)
        if "HANG" in source.text:
            time.sleep(60)
        if "SLOW" in source.text:
            time.sleep(1.5)
        return real(source, options)
    return read


@pytest.fixture
def misbehaving(monkeypatch):
    # the workers are forked: they read with the patched function too
    monkeypatch.setattr(runner, "_read", _misbehave(runner._read))
    monkeypatch.setattr(runner, "GRACE", 1.0)


def _write(folder: Path, texts: list[str]) -> list[str]:
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"f{i:04d}.txt"  # in the walk's order
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_a_file_that_crashes_its_worker_is_its_own_error(tmp_path, misbehaving):
    texts = [report_text(i) for i in range(8)]
    texts[3] = "CRASH"
    paths = _write(tmp_path, texts)
    done = list(run(paths, Options(), jobs=2))
    assert [d.result.report.path for d in done] == paths
    assert [d.result.report.error_code for d in done] == [None] * 3 + ["GP010"] + [None] * 4
    assert "stopped the worker process" in done[3].result.report.error_message
    values = [d.result.figures[0].value for d in done if d.result.report.error_code is None]
    assert values == [0, 1, 2, 4, 5, 6, 7]


def test_a_file_past_the_timeout_is_stopped_and_the_others_are_read(tmp_path, misbehaving):
    texts = [report_text(i) for i in range(6)]
    texts[1] = "HANG"
    texts[4] = "HANG-HARD"  # stopped by the run when its worker does not answer
    paths = _write(tmp_path, texts)
    started = time.monotonic()
    done = list(run(paths, Options(timeout=0.5), jobs=2))
    assert time.monotonic() - started < 30
    assert [d.result.report.error_code for d in done] == \
        [None, "GP011", None, None, "GP011", None]
    assert [d.status for d in done] == [0, 1, 0, 0, 1, 0]


def test_a_file_stuck_inside_a_chunk_is_the_one_said_and_the_others_are_read(tmp_path,
                                                                             misbehaving):
    # the workers read chunks of 1, 1, 2, 2, 4, 4, 8 files: 12 and 17 are inside one
    assert [len(c) for c in runner._chunks(iter(enumerate("x" * 22)))] == [1, 1, 2, 2, 4, 4, 8]
    texts = [report_text(i) for i in range(22)]
    texts[12] = texts[17] = "HANG-HARD"
    paths = _write(tmp_path, texts)
    started = time.monotonic()
    # (2 s: a plain report under a loaded machine's two test workers took over 0.5 s in
    # a forked worker once in a while, and was said to hang)
    done = list(run(paths, Options(timeout=2.0), jobs=2))
    assert time.monotonic() - started < 60
    assert [d.result.report.path for d in done] == paths
    codes = [d.result.report.error_code for d in done]
    assert [i for i, c in enumerate(codes) if c is not None] == [12, 17]
    assert {codes[12], codes[17]} == {"GP011"}
    assert "could not be stopped" in done[17].result.report.error_message
    values = [d.result.figures[0].value for d in done if d.result.report.error_code is None]
    assert values == [i for i in range(22) if i not in (12, 17)]


def test_chunks_are_consecutive_files_and_standard_input_is_one_alone():
    tasks = list(enumerate(["a", "b", "-", "c", "d", "e", "f", "g"], 1))
    chunks = list(runner._chunks(iter(tasks)))
    assert chunks == [[(1, "a")], [(2, "b")], [(3, "-")], [(4, "c"), (5, "d")],
                      [(6, "e"), (7, "f")], [(8, "g")]]
    assert [t for c in runner._chunks(iter(enumerate("x" * 100))) for t in c] == \
        list(enumerate("x" * 100))
    assert max(len(c) for c in runner._chunks(iter(enumerate("x" * 100)))) == runner.CHUNK


@pytest.mark.parametrize("count", [150, 600])
def test_the_results_held_for_the_order_are_bounded_whatever_the_count(tmp_path, misbehaving,
                                                                         count):
    # A file that holds its worker back (the third) while the other worker reads on:
    # the results of the files after it wait in the run's process for the order. What
    # is held at once (files taken from the list and not yet given back: in a worker,
    # or done and waiting) is at most the window and a chunk, however many files.
    texts = ["会议纪要：本周无事。"] * count
    texts[2] = "SLOW"
    paths = _write(tmp_path, texts)
    taken = 0

    def listed():
        nonlocal taken
        for path in paths:
            taken += 1
            yield path

    held = []
    done = []
    for one in run(listed(), Options(), jobs=2):
        held.append(taken - len(done))
        done.append(one)
    assert [d.result.report.path for d in done] == paths
    window = 2 * runner.WINDOW_PER_JOB
    assert max(held) <= window + runner.CHUNK
    assert max(held) >= window  # the slow file did hold the others back


def test_ctrl_c_leaves_a_valid_output_holding_the_reports_finished(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    texts = [report_text(i) for i in range(400)]
    _write(folder, texts)
    out = tmp_path / "out.csv"
    process = subprocess.Popen([sys.executable, "-m", "govparse", "parse", str(folder), "-o",
                                str(out), "-j", "1", "-q"], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 100_000):
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert b"interrupted" in stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    finished = len(rows) // FIGURES
    assert 0 < finished < 400, (finished, len(rows), stderr)
    assert len(rows) == finished * FIGURES, (len(rows), stderr)  # whole reports only
    assert [r["value"] for r in rows[::FIGURES]] == [str(i) for i in range(finished)]


def test_parse_many_yields_each_files_result_in_order(tmp_path):
    paths = _write(tmp_path, [report_text(i) for i in range(5)] + ["\x00binary"])
    results = list(govparse.parse_many(tmp_path, jobs=2))
    assert [r.report.path for r in results] == paths
    assert [r.report.error_code for r in results] == [None] * 5 + ["GP002"]
    assert [r.model.active_disclosure.rules.issued.value for r in results[:5]] == [0, 1, 2, 3, 4]
    first = results[0]
    assert (first.report.organization, first.report.year, first.report.template) == \
        ("示例县人民政府办公室", 2024, "2021")
    assert first.report.figures_found == first.report.figures_expected == FIGURES
    one = list(govparse.parse_many(paths[1], keep_reports=False))
    assert len(one) == 1 and one[0].model is None and one[0].report.report_id == 1


@pytest.mark.parametrize("fmt", ["text", "csv", "json", "jsonl"])
def test_a_reader_that_goes_away_ends_a_run_quietly_in_every_format(tmp_path, fmt):
    _write(tmp_path, [report_text(i) for i in range(40)])
    process = subprocess.Popen([sys.executable, "-m", "govparse", "parse", str(tmp_path),
                                "--format", fmt, "-q", "-j", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.read(200)
    process.stdout.close()  # as `| head -c 200` does
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == -signal.SIGPIPE, stderr
    assert stderr == b""


def test_the_thousand_in_a_database_agree_with_the_csv(thousand, tmp_path):
    import sqlite3

    root, expected = thousand
    database, table = tmp_path / "run.sqlite", tmp_path / "run.csv"
    assert invoke("parse", str(root), "-o", str(database), "-j", "2", "-q").exit_code == 1
    assert invoke("parse", str(root), "-o", str(table), "-j", "2", "-q").exit_code == 1
    with sqlite3.connect(database) as db:
        reports = {path: (code, found) for path, code, found in db.execute(
            "SELECT path, error_code, figures_found FROM reports")}
        figures = db.execute('SELECT r.path, f."table", f."row", f."column", f.value_text '
                             "FROM figures f JOIN reports r USING (report_id)").fetchall()
    assert set(reports) == set(expected)
    for path, code in expected.items():
        stopped = code if code in ("GP002", "GP006") else None  # not read at all
        assert reports[path][0] == stopped, path
        assert reports[path][1] == (FIGURES if code is None else 0), path
    rows = {(r["report"], r["table"], r["row"], r["column"]): r["value"]
            for r in csv.DictReader(table.open(encoding="utf-8"))}
    assert {(p, t, r, c): v or "" for p, t, r, c, v in figures} == rows


def test_an_output_that_cannot_be_written_is_a_clear_error(tmp_path):
    for name in ("nodir/x.sqlite", "nodir/x.csv", "nodir/x.parquet", "nodir/x.xlsx"):
        result = invoke("parse", str(example_path("tab")), str(example_path("pipe")), "-o",
                        str(tmp_path / name))
        assert result.exit_code == 2, name
        assert result.stderr.startswith("Error: cannot "), result.stderr
        assert "Traceback" not in result.stderr
    not_a_database = tmp_path / "notes.sqlite"
    not_a_database.write_text("hello", encoding="utf-8")
    result = invoke("parse", str(example_path("tab")), "-o", str(not_a_database), "--resume")
    assert result.exit_code == 2
    assert "is not a database" in result.stderr or "file is not a database" in result.stderr


# ---------------------------------------------------------------- found by a review


def test_many_crashing_files_each_their_own_error_and_no_result_lost(tmp_path, misbehaving):
    # crashes while files are still being handed out to the workers (a broken pool
    # at submit, not only at a result)
    texts = [report_text(i) for i in range(60)]
    for i in (3, 4, 25, 40, 41):
        texts[i] = "CRASH"
    paths = _write(tmp_path, texts)
    done = list(run(paths, Options(), jobs=2))
    assert [d.result.report.path for d in done] == paths
    codes = [d.result.report.error_code for d in done]
    assert [i for i, c in enumerate(codes) if c == "GP010"] == [3, 4, 25, 40, 41]
    assert codes.count(None) == 55


def test_a_resumed_run_tries_again_a_file_that_timed_out(tmp_path, misbehaving):
    import sqlite3

    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, [report_text(1), "HANG" + report_text(2)])
    database = tmp_path / "run.sqlite"
    first = invoke("parse", str(folder), "-o", str(database), "--timeout", "0.5", "-q")
    assert first.exit_code == 1
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT error_code FROM reports ORDER BY report_id").fetchall() == \
            [(None,), ("GP011",)]
    from govparse.batch.outputs import known_hashes

    assert len(known_hashes(str(database), "sqlite")) == 1  # the timed-out file is tried again


@pytest.mark.parametrize("format", ["sqlite", "duckdb"])
def test_a_resumed_run_replaces_the_rows_of_the_files_it_tries_again(tmp_path, monkeypatch,
                                                                     format):
    import duckdb
    import sqlite3

    real = runner._read
    monkeypatch.setattr(runner, "GRACE", 1.0)
    folder = tmp_path / "in"
    folder.mkdir()
    paths = _write(folder, [report_text(1), "HANG" + report_text(2), "CRASH" + report_text(3)])
    database = tmp_path / f"run.{format}"

    def resumed_run(misbehave: bool):
        monkeypatch.setattr(runner, "_read", _misbehave(real) if misbehave else real)
        result = invoke("parse", str(folder), "-o", str(database), "--timeout", "0.5", "-q",
                        "-j", "2", "--resume")
        connect = sqlite3.connect if format == "sqlite" else duckdb.connect
        db = connect(str(database))
        try:
            return result, {name: db.execute(sql).fetchall() for name, sql in (
                ("reports", "SELECT report_id, path, error_code, figures_found FROM reports "
                            "ORDER BY report_id"),
                ("figures", "SELECT report_id, count(*) FROM figures GROUP BY report_id "
                            "ORDER BY report_id"),
                ("diagnostics", "SELECT report_id, code FROM diagnostics "
                                "ORDER BY report_id, code"))}
        finally:
            db.close()

    first, rows = resumed_run(misbehave=True)
    assert first.exit_code == 1
    assert rows["reports"] == [(1, paths[0], None, FIGURES), (2, paths[1], "GP011", 0),
                               (3, paths[2], "GP010", 0)]
    assert rows["figures"] == [(1, FIGURES)]
    assert rows["diagnostics"] == [(2, "GP011"), (3, "GP010")]
    # tried again and stopped again: their new rows in place of the old, not beside them
    again, rows = resumed_run(misbehave=True)
    assert "Checked 3 files" in again.stderr and "1 skipped" in again.stderr
    assert rows["reports"] == [(1, paths[0], None, FIGURES), (5, paths[1], "GP011", 0),
                               (6, paths[2], "GP010", 0)]
    assert rows["figures"] == [(1, FIGURES)]
    assert rows["diagnostics"] == [(5, "GP011"), (6, "GP010")]
    # tried again and read: each file once, with its figures, and none of the errors
    last, rows = resumed_run(misbehave=False)
    assert last.exit_code == 0, last.stderr
    assert rows["reports"] == [(1, paths[0], None, FIGURES), (8, paths[1], None, FIGURES),
                               (9, paths[2], None, FIGURES)]
    assert rows["figures"] == [(1, FIGURES), (8, FIGURES), (9, FIGURES)]
    assert rows["diagnostics"] == []


def test_extreme_timeouts_are_usage_errors_or_work(tmp_path):
    paths = _write(tmp_path, [report_text(i) for i in range(3)])
    for bad in ("0", "nan", "inf", "1e20"):
        result = invoke("parse", *paths, "--timeout", bad, "-q")
        assert result.exit_code == 2 and "Traceback" not in result.stderr, bad
    tiny = invoke("parse", *paths, "--timeout", "0.001", "-q", "--format", "csv")
    assert tiny.exit_code in (0, 1) and "Traceback" not in tiny.stderr


def test_names_that_are_no_utf8_are_written_escaped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"bad\xff.txt")
    (folder / name).write_text(report_text(1), encoding="utf-8")
    out = tmp_path / "out.csv"
    result = invoke("parse", str(folder), "-o", str(out), "-q")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == FIGURES and rows[0]["report"].endswith("bad\\xff.txt")


def test_standard_input_is_read_once_and_lists_must_exist(tmp_path):
    assert invoke("parse", "-", "-", input=b"x").exit_code == 2
    assert invoke("parse", "-", "--files-from", "-", input=b"x").exit_code == 2
    missing = invoke("parse", str(example_path("tab")), "--files-from", str(tmp_path / "no"))
    assert missing.exit_code == 2 and "does not exist" in missing.stderr
    listed = tmp_path / "list.txt"
    listed.write_bytes(str(example_path("tab")).encode() + b"\n/no\xff.txt\n")
    result = invoke("parse", "--files-from", str(listed), "--format", "csv", "-q")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert result.stdout.count("\n") == 1 + FIGURES  # the good file read, the other GP001


def test_a_folder_given_twice_is_read_once(tmp_path):
    paths = _write(tmp_path, [report_text(i) for i in range(3)])
    assert list(files_of([str(tmp_path), str(tmp_path), paths[0]])) == paths


def test_a_file_reached_again_by_any_way_is_read_once_and_no_other_is_left_out(tmp_path):
    sub = tmp_path / "sub"
    hidden = tmp_path / ".hidden"
    for folder in (sub, hidden):
        folder.mkdir()
    top = _write(tmp_path, ["a"])  # f0000.txt
    inner = _write(sub, ["b", "c"])
    secret = _write(hidden, ["d"])
    os.symlink(sub, tmp_path / "link")  # os.walk does not follow it
    (tmp_path / "notes.orig").write_text("e", encoding="utf-8")
    walk = top + inner
    assert list(files_of([str(tmp_path)])) == walk
    # a folder inside one walked, before or after it; its files by name, after
    assert list(files_of([str(tmp_path), str(sub), *inner])) == walk
    assert list(files_of([str(sub), str(tmp_path)])) == inner + top
    assert list(files_of([inner[1], str(tmp_path)])) == [inner[1], top[0], inner[0]]
    # what the walk did not reach is read: a hidden file, one through the link, a
    # file the walk did not choose; a name that is the same file in other words too
    linked = str(tmp_path / "link" / "f0000.txt")
    other = str(tmp_path / "notes.orig")
    same = str(sub / ".." / "sub" / "f0001.txt")
    assert list(files_of([str(tmp_path), *secret, linked, other, same])) == \
        walk + secret + [linked, other]
    # with --glob, what the walk chose by its pattern
    assert list(files_of([str(tmp_path), other], globs=("*.orig",))) == [other]
    assert list(files_of([str(tmp_path), *inner], globs=("sub/*0.txt",))) == \
        [inner[0], inner[1]]
    listed = tmp_path / "list.txt"
    listed.write_text("".join(f"{p}\n" for p in [*inner, *top, secret[0]]), encoding="utf-8")
    assert list(files_of([str(sub)], files_from=str(listed))) == inner + top + secret


def test_an_empty_run_writes_no_output(tmp_path):
    out = tmp_path / "out.sqlite"
    (tmp_path / "in").mkdir()
    result = invoke("parse", str(tmp_path / "in"), "-o", str(out))
    assert result.exit_code == 2 and not out.exists()


def test_the_progress_bar_counts_the_files():
    from govparse.cli.batch_run import _progress

    out = io.StringIO()
    bar = _progress(3, file=out)
    bar.update(2)
    bar.refresh()
    assert "2/3" in out.getvalue() and "file" in out.getvalue()
    bar.close()


SPY_ON_THE_COLLECTOR = """
import gc, os, sys
from govparse.collector import pause_collector
pause_collector()  # as the console script does for its start-up
from govparse.batch import runner
read = runner._read_one
def spy(*args):
    with open(os.environ["GC_LOG"], "a") as log:
        log.write(f"{os.getpid()} {gc.isenabled()}\\n")
    return read(*args)
runner._read_one = spy
done = list(runner.run(sys.argv[1:], runner.Options(), jobs=2))
print(len(done))
"""


def test_a_batch_runs_with_the_garbage_collector_on(tmp_path):
    # the console script pauses the collector for its start-up; the workers it forks
    # turn it on again: with it off, a worker kept every file's cycles (388 MB after
    # 100,000 files, 69 MB after 10,000). (The run's own process only writes.)
    paths = []
    for i in range(6):
        paths.append(tmp_path / f"r{i}.txt")
        paths[-1].write_text(dumps(EXAMPLE, "tab"), encoding="utf-8")
    log = tmp_path / "gc.log"
    done = subprocess.run([sys.executable, "-c", SPY_ON_THE_COLLECTOR, *map(str, paths)],
                          env={**os.environ, "GC_LOG": str(log)}, capture_output=True,
                          text=True, timeout=120, check=True)
    assert done.stdout.split() == ["6"]
    seen = [line.split() for line in log.read_text().splitlines()]
    assert len(seen) == 6 and {on for _, on in seen} == {"True"}
    assert len({pid for pid, _ in seen}) >= 1 and str(os.getpid()) not in {p for p, _ in seen}
