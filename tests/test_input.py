"""Input handling: encodings, line ends, binary input, size limit, missing files."""

import codecs
import contextlib
import inspect
import io
import os
import sys
import threading
from unittest import mock

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import govparse
from govparse.cli import cli
from govparse.source import DEFAULT_MAX_BYTES, decode, read_source
from conftest import SEED_FILES
from helpers import example_text

TEXT = example_text()
REFERENCE = govparse.parse(TEXT)


def figures(report):
    return [(f.table, f.row, f.column, f.value, f.line, f.col) for f in report.figures()]


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),  # with BOM
    TEXT.replace("\n", "\r\n").encode("utf-8"),
    TEXT.replace("\n", "\r").encode("utf-8"),
], ids=["utf8", "utf8-bom", "utf16-bom", "crlf", "cr"])
def test_encodings_and_line_ends_give_the_same_figures_and_positions(data):
    report = govparse.parse(data, strict=True)
    assert figures(report) == figures(REFERENCE)


def test_gb18030_is_read_with_a_note():
    report = govparse.parse(TEXT.encode("gb18030"))
    assert figures(report) == figures(REFERENCE)
    assert [d.code for d in report.diagnostics] == ["GP005"]
    govparse.parse(TEXT.encode("gbk"), strict=True)  # a note never fails strict mode


def test_binary_input_is_refused_clearly():
    with pytest.raises(govparse.InputError) as info:
        govparse.parse(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert info.value.code == "GP002" and "NUL" in info.value.message
    with pytest.raises(govparse.InputError) as info:
        govparse.parse("一、总体情况\n\x00")
    assert (info.value.code, info.value.line) == ("GP002", 2)


def test_undecodable_input():
    with pytest.raises(govparse.InputError) as info:
        govparse.parse(b"\xff\xff\xff abc")
    assert info.value.code == "GP004"


def test_size_limit(tmp_path):
    with pytest.raises(govparse.InputError) as info:
        govparse.parse(TEXT, max_bytes=100)
    assert info.value.code == "GP003"
    path = tmp_path / "big.txt"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(govparse.InputError) as info:
        govparse.parse_file(path, max_bytes=100)
    assert info.value.code == "GP003" and info.value.path == str(path)


def test_parse_file_names_the_file_everywhere(tmp_path):
    with pytest.raises(govparse.InputError) as info:
        govparse.parse_file(tmp_path / "nope.txt")
    assert info.value.code == "GP001" and info.value.path.endswith("nope.txt")
    assert str(info.value).startswith(str(tmp_path / "nope.txt"))
    report = govparse.parse_file(SEED_FILES[3])
    assert report.diagnostics and all(d.path == str(SEED_FILES[3]) for d in report.diagnostics)
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"abc\x00def")
    with pytest.raises(govparse.InputError) as info:
        govparse.parse_file(binary)
    assert info.value.path == str(binary)
    assert all(d.path == str(binary) for d in info.value.diagnostics)


# ---------------------------------------------------------------- the size limit
#
# The limit counts bytes: of the input as given, or of its UTF-8 encoding when it is
# text (str). An input of exactly max_bytes is read; one byte more is GP003. The
# limit is decided before any parsing, so most tests below stand parse_source in for
# the parse.


@contextlib.contextmanager
def not_parsed():
    with mock.patch("govparse.api.parse_source", return_value="parsed") as stub:
        yield stub


def too_large(call, *args, **kwargs) -> govparse.InputError:
    with pytest.raises(govparse.InputError) as info:
        call(*args, **kwargs)
    assert info.value.code == "GP003"
    return info.value


def test_the_default_limit_is_ten_mebibytes_everywhere():
    assert DEFAULT_MAX_BYTES == 10 * 1024 * 1024
    for function in (govparse.parse, govparse.parse_file, read_source, decode):
        assert inspect.signature(function).parameters["max_bytes"].default == DEFAULT_MAX_BYTES


def test_the_default_limit_at_its_boundary(tmp_path):
    size = DEFAULT_MAX_BYTES
    path = tmp_path / "big.txt"
    with not_parsed():
        assert govparse.parse("a" * size) == "parsed"
        assert govparse.parse(b"a" * size) == "parsed"
        path.write_bytes(b"a" * size)
        assert govparse.parse_file(path) == "parsed"
        assert too_large(govparse.parse, "a" * (size + 1)).message == (
            "the input is 10485761 bytes of UTF-8, over the limit of 10485760 bytes")
        assert too_large(govparse.parse, b"a" * (size + 1)).message == (
            "the input is 10485761 bytes, over the limit of 10485760 bytes")
        path.write_bytes(b"a" * (size + 1))
        error = too_large(govparse.parse_file, path)
        assert error.message == "the file is 10485761 bytes, over the limit of 10485760 bytes"
        assert error.path == str(path)


@pytest.mark.parametrize("kind", [str, bytes, bytearray, memoryview])
def test_the_limit_at_its_boundary(kind):
    text = TEXT[:300]
    size = len(text.encode("utf-8"))
    data = text if kind is str else kind(text.encode("utf-8"))
    report = govparse.parse(data, max_bytes=size)
    assert report.organization.value == "示例县人民政府办公室"
    error = too_large(govparse.parse, data, max_bytes=size - 1, path="x.txt")
    of = " of UTF-8" if kind is str else ""
    assert error.message == f"the input is {size} bytes{of}, over the limit of {size - 1} bytes"
    assert error.path == "x.txt" and [d.path for d in error.diagnostics] == ["x.txt"]


@pytest.mark.parametrize("char", ["a", "é", "中", "😀", "\ud800"],
                         ids=["1-byte", "2-byte", "3-byte", "4-byte", "surrogate"])
@pytest.mark.parametrize("count", [1, 7, 40])
def test_the_limit_counts_bytes_not_characters(char, count):
    for text in (char * count, "ab" + char * count, char * count + "中"):
        size = len(text.encode("utf-8", "surrogatepass"))
        with not_parsed():
            assert govparse.parse(text, max_bytes=size) == "parsed"
            assert govparse.parse(text, max_bytes=size + 1) == "parsed"
            error = too_large(govparse.parse, text, max_bytes=size - 1)
        assert error.message == (f"the input is {size} bytes of UTF-8, over the limit of "
                                 f"{size - 1} bytes")
        assert size > len(text) or char == "a"  # more bytes than characters


@given(text=st.text(st.characters(exclude_categories=())), data=st.data())
def test_text_is_refused_exactly_when_its_utf8_is_over_the_limit(text, data):
    size = len(text.encode("utf-8", "surrogatepass"))
    limit = data.draw(st.one_of(st.sampled_from([size - 1, size, size + 1, len(text),
                                                 4 * len(text), 4 * len(text) - 1]),
                                st.integers(0, 4 * len(text) + 4)).filter(lambda n: n >= 0),
                      label="max_bytes")
    with not_parsed():
        if size > limit:
            too_large(govparse.parse, text, max_bytes=limit)
            too_large(govparse.parse, text.encode("utf-8", "surrogatepass"), max_bytes=limit)
        else:
            assert govparse.parse(text, max_bytes=limit) == "parsed"
            try:  # as bytes: a NUL or a lone surrogate is refused, but not as too large
                govparse.parse(text.encode("utf-8", "surrogatepass"), max_bytes=limit)
            except govparse.InputError as exc:
                assert exc.code in ("GP002", "GP004"), exc


def test_a_limit_of_zero_takes_only_the_empty_input():
    assert govparse.parse("", max_bytes=0).sections == ()
    assert govparse.parse(b"", max_bytes=0).sections == ()
    too_large(govparse.parse, "\n", max_bytes=0)
    too_large(govparse.parse, b"\n", max_bytes=0)


def test_a_file_at_the_limit(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    size = path.stat().st_size
    assert figures(govparse.parse_file(path, max_bytes=size)) == figures(REFERENCE)
    error = too_large(govparse.parse_file, path, max_bytes=size - 1)
    assert error.message == f"the file is {size} bytes, over the limit of {size - 1} bytes"
    assert error.path == str(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("over", [0, 1], ids=["at", "one-over"])
def test_a_fifo_at_the_limit(tmp_path, over):
    # a FIFO has no size to look at: it is read up to one byte past the limit
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    data = TEXT.encode("utf-8")

    def write():
        with open(fifo, "wb") as out:
            out.write(data)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        if over:
            error = too_large(read_source, fifo, max_bytes=len(data) - 1)
            assert error.message == f"the file is more than {len(data) - 1} bytes, the limit"
        else:
            assert read_source(fifo, max_bytes=len(data)).text == TEXT
    finally:
        writer.join(10)
    assert not writer.is_alive()


def test_standard_input_at_the_limit(monkeypatch):
    data = TEXT.encode("utf-8")
    size = len(data)

    class Stdin:
        buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", Stdin)
    assert read_source("-", max_bytes=size).text == TEXT
    Stdin.buffer = io.BytesIO(data)
    error = too_large(read_source, "-", max_bytes=size - 1)
    assert error.message == f"standard input is more than {size - 1} bytes, the limit"
    assert error.path == "-"


def test_the_command_line_flag(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    size = path.stat().st_size
    runner = CliRunner()
    for command in ("parse", "check", "fmt"):
        at = runner.invoke(cli, [command, "--max-bytes", str(size), str(path)])
        assert at.exit_code == 0, (command, at.stderr)
        over = runner.invoke(cli, [command, "--max-bytes", str(size - 1), str(path)])
        assert over.exit_code == 2, command
        assert (f"GP003 the file is {size} bytes, over the limit of {size - 1} bytes"
                in over.stderr), command
        assert runner.invoke(cli, [command, "--max-bytes", "0", str(path)]).exit_code == 2
    piped = runner.invoke(cli, ["parse", "--max-bytes", str(size - 1), "-"], input=TEXT)
    assert piped.exit_code == 2
    assert f"standard input is more than {size - 1} bytes, the limit" in piped.stderr
    assert runner.invoke(cli, ["parse", "--max-bytes", str(size), "-"],
                         input=TEXT).exit_code == 0
    assert str(DEFAULT_MAX_BYTES) in runner.invoke(cli, ["parse", "--help"]).stdout


@pytest.mark.parametrize("text, lines", [
    ("a\r\nb\rc\n", ["a", "b", "c", ""]),
    # a page break after text on its line (pdfium ends no page's last line) opens a line,
    # the form feed kept at its start; one at a line's start opens none; an empty page
    # between two (two form feeds) is a line of its own
    ("行政事业性收费 1.25\f三、收到和处理政府信息公开申请情况\n",
     ["行政事业性收费 1.25", "\f三、收到和处理政府信息公开申请情况", ""]),
    ("a\n\fb\n", ["a", "\fb", ""]),
    ("a\f\fb", ["a", "\f", "\fb"]),
])
def test_the_lines_every_location_counts(text, lines):
    from govparse.locations import line_ends_normalized

    assert line_ends_normalized(text).split("\n") == lines
