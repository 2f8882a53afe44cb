"""Promises kept under hostile or unusual conditions: a batch with an unreadable
file, exit statuses when the run is cut short or its output cannot be written,
inputs that never end, and library arguments of every type. Each case is a
reported reproduction; the unprivileged ones run as the user nobody."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import govparse
from govparse.cli import cli
from conftest import SEED_FILES, example_path
from processes import as_nobody, console

GOOD = str(example_path("tab"))
GOOD_TEXT = example_path("tab").read_text(encoding="utf-8")
FIGURES_A_REPORT = 10 + 25 * 7 + 15  # the three tables (organisation and year are columns)


def csv_rows(stdout: bytes) -> list[str]:
    return stdout.decode("utf-8").splitlines()


# ---------------------------------------------------------------- batches


def test_an_unreadable_file_is_its_own_gp001_and_the_batch_goes_on(shared_dir):
    good = shared_dir / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    other = shared_dir / "other.txt"
    other.write_text(GOOD_TEXT, encoding="utf-8")
    locked = shared_dir / "noperm.txt"
    locked.write_text(GOOD_TEXT, encoding="utf-8")
    locked.chmod(0o000)
    # (good.txt given twice is read once: a file reached twice is one file)
    run = as_nobody("parse", "--format", "csv", str(good), str(locked), str(other), str(good))
    assert run.status == 1  # 2 only when no file at all could be read
    rows = csv_rows(run.stdout)
    assert rows[0] == ("report,organization,year,template,table,row,column,value,unit,inferred,"
                       "line,col,location,recovered")
    assert len(rows) == 1 + 2 * FIGURES_A_REPORT
    assert [r.split(",")[0] for r in rows[1::FIGURES_A_REPORT]] == [str(good), str(other)]
    assert "not read: GP001 cannot read the file: Permission denied".encode() in run.stderr
    assert str(locked).encode() in run.stderr


def test_json_is_written_file_by_file_and_is_one_array():
    files = [str(p) for p in SEED_FILES[:3]] + ["/nonexistent/report.txt"]
    result = CliRunner().invoke(cli, ["parse", "--format", "json", *files])
    data = json.loads(result.stdout)
    assert result.stdout == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert [e["path"] for e in data] == files
    assert data[3]["error"]["code"] == "GP001" and data[3]["report"] is None
    assert data[0]["report"]["organization"]["value"] == "文峰区南关街道办事处"
    checked = CliRunner().invoke(cli, ["check", "--format", "json", *files])
    entries = json.loads(checked.stdout)
    assert checked.stdout == json.dumps(entries, ensure_ascii=False, indent=2) + "\n"
    assert [e["path"] for e in entries] == files


def test_json_of_a_batch_reaches_the_reader_before_the_batch_ends(tmp_path):
    """The first report is on standard output while the second is still being
    read (here: while standard input, the second file, is still open)."""
    process = subprocess.Popen([sys.executable, "-m", "govparse", "parse", "--format", "json",
                                GOOD, "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
    try:
        first = process.stdout.read1(65536)
        while b'"path": "-"' not in first and b"\n  }" not in first:
            first += process.stdout.read1(65536)
        assert first.startswith(b'[\n  {\n    "path": "')
        assert process.poll() is None  # still waiting for the second file
        process.stdin.write(GOOD_TEXT.encode("utf-8"))
        process.stdin.close()
        rest = process.stdout.read()
    finally:
        process.kill() if process.poll() is None else None
        process.wait(30)
    data = json.loads(first + rest)
    assert [e["path"] for e in data] == [GOOD, "-"]


# ---------------------------------------------------------------- exit statuses


def test_a_closed_pipe_ends_quietly_by_sigpipe():
    files = [GOOD] * 40
    process = subprocess.Popen([sys.executable, "-m", "govparse", "parse", "--format", "csv",
                                *files], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.readline()
    process.stdout.close()  # `| head -1`
    stderr = process.stderr.read()
    assert process.wait(60) == -signal.SIGPIPE
    assert b"Traceback" not in stderr and b"Broken pipe" not in stderr


def test_ctrl_c_exits_130():
    process = subprocess.Popen([sys.executable, "-m", "govparse", "parse", "-"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    time.sleep(1.5)  # started, and waiting for standard input
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr.strip().endswith(b"govparse: interrupted")
    assert b"Traceback" not in stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_full_disk_is_a_clear_error_with_exit_2():
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "govparse", "parse", GOOD], stdout=full,
                              stderr=subprocess.PIPE, timeout=60)
    assert done.returncode == 2
    assert done.stderr.decode().endswith(
        "error: cannot write the output: No space left on device\n")
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize("closed,message", [
    ("1", b"error: cannot write the output: standard output is closed\n"),
    ("2", b""),
], ids=["stdout", "stderr"])
def test_a_closed_standard_stream_exits_2_without_a_traceback(closed, message):
    done = subprocess.run(["sh", "-c", f'exec "$0" -m govparse parse "$1" {closed}>&-',
                           sys.executable, GOOD], capture_output=True, timeout=60)
    assert done.returncode == 2
    if closed == "1":
        assert done.stderr.endswith(message) and b"Traceback" not in done.stderr
    else:
        # the data is written; the diagnostics are lost, so the status says 2
        assert "organisation: 示例县人民政府办公室".encode() in done.stdout


def test_usage_errors_still_exit_2_and_help_exits_0():
    assert console("parse").status == 2
    assert b"Missing argument" in console("parse").stderr
    shown = console("--help")
    assert shown.status == 0 and b"130 interrupted" in shown.stdout
    assert console("parse", "--format", "xml", GOOD).status == 2


# ---------------------------------------------------------------- bounded reading


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_is_read_up_to_the_limit(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    run = console("parse", "--max-bytes", "1000000", device)
    assert run.status == 2
    assert f"{device}: not read: GP003 the file is more than 1000000 bytes, the limit".encode() \
        in run.stderr
    with pytest.raises(govparse.InputError) as info:
        govparse.parse_file(device, max_bytes=4096)
    assert info.value.code == "GP003"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_that_never_ends_is_read_up_to_the_limit(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def write_forever():
        try:
            with open(fifo, "wb") as out:
                while True:
                    out.write(b"x" * 65536)
        except OSError:  # the reader stopped: the pipe is closed
            pass

    writer = threading.Thread(target=write_forever, daemon=True)
    writer.start()
    with pytest.raises(govparse.InputError) as info:
        govparse.parse_file(fifo, max_bytes=200_000)
    assert info.value.code == "GP003" and "200000" in info.value.message
    writer.join(10)
    assert not writer.is_alive()


def test_the_limit_counts_utf8_bytes_for_text_too():
    text = "中" * 40  # 40 characters, 120 bytes
    with pytest.raises(govparse.InputError) as info:
        govparse.parse(text, max_bytes=100)
    assert info.value.message == "the input is 120 bytes of UTF-8, over the limit of 100 bytes"
    assert govparse.parse(text, max_bytes=120).organization.value is None
    assert govparse.parse("\ud800" * 30, max_bytes=90) is not None  # 3 bytes each


# ---------------------------------------------------------------- library arguments


@pytest.mark.parametrize("value,name", [(None, "NoneType"), (123, "int"), ([], "list"),
                                        ({}, "dict")])
def test_parse_refuses_what_is_not_text_with_a_clear_type_error(value, name):
    with pytest.raises(TypeError) as info:
        govparse.parse(value)
    assert str(info.value) == f"parse() reads a report's text (str) or its bytes, not {name}"


def test_parse_points_a_path_to_parse_file():
    with pytest.raises(TypeError, match=r"not PosixPath; for a file use parse_file\(path\)"):
        govparse.parse(Path(GOOD))


@pytest.mark.parametrize("kind", [bytes, bytearray, memoryview])
def test_parse_reads_every_kind_of_bytes(kind):
    report = govparse.parse(kind(GOOD_TEXT.encode("utf-8")))
    assert report == govparse.parse(GOOD_TEXT)
    assert report.organization.value == "示例县人民政府办公室"


def test_parse_file_takes_str_path_and_bytes_names():
    expected = govparse.parse_file(GOOD)
    assert govparse.parse_file(Path(GOOD)) == expected
    assert govparse.parse_file(os.fsencode(GOOD)).figures is not None
    assert list(govparse.parse_file(os.fsencode(GOOD)).figures()) == list(expected.figures())


def test_parse_file_refuses_none_and_a_name_with_nul():
    with pytest.raises(TypeError, match="parse_file\\(\\) reads a file named by a str or a "
                                        "path-like object, not NoneType"):
        govparse.parse_file(None)
    with pytest.raises(govparse.InputError) as info:
        govparse.parse_file("a\x00b")
    assert (info.value.code, info.value.message) == (
        "GP001", "cannot read the file: its name holds a NUL character")


@pytest.mark.parametrize("limit,error,message", [
    (None, TypeError, "max_bytes must be a whole number of bytes (default 10485760), not "
                      "NoneType"),
    ("10", TypeError, "max_bytes must be a whole number of bytes (default 10485760), not str"),
    (True, TypeError, "max_bytes must be a whole number of bytes (default 10485760), not bool"),
    (-1, ValueError, "max_bytes must be 0 or more, not -1"),
])
def test_max_bytes_must_be_a_whole_number(limit, error, message):
    for call in (lambda: govparse.parse(GOOD_TEXT, max_bytes=limit),
                 lambda: govparse.parse_file(GOOD, max_bytes=limit)):
        with pytest.raises(error) as info:
            call()
        assert str(info.value) == message
