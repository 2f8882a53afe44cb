"""Input handling: encodings, line ends, binary input, size limit, missing files."""

import codecs

import pytest

import govparse
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
