"""The catalogue of diagnostic codes is a public contract: scripts filter on the
codes, --select and --ignore take them, and the severity decides what strict mode
and the exit status refuse. A code never changes its name or severity and is never
taken away; new ones are added (at the end of their group).

SNAPSHOT below is the catalogue as released. It may only grow: add a line for a new
code; never change or remove one."""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import govparse
from govparse import Severity
from govparse.cli import cli
from govparse.diagnostics import CODES, DiagnosticSink
from helpers import changed, codes, example_text

E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTE

SNAPSHOT = [
    ("GP001", "unreadable-input", E),
    ("GP002", "binary-input", E),
    ("GP003", "input-too-large", E),
    ("GP004", "undecodable-input", E),
    ("GP005", "legacy-encoding", N),
    ("GP006", "unreadable-pdf", E),
    ("GP007", "no-text-layer", E),
    ("GP008", "legacy-word-file", E),
    ("GP009", "page-marker", N),
    ("GP010", "internal-error", E),
    ("GP011", "timeout", E),
    ("GP012", "tabs-as-blanks", N),
    ("GP013", "radicals-as-ideographs", N),
    ("GP014", "running-lines", N),
    ("GP015", "padded-rows", N),
    ("GP016", "web-archive", N),
    ("GP017", "unreadable-web-archive", E),
    ("GP100", "syntax-error", E),
    ("GP101", "missing-title", W),
    ("GP102", "year-from-text", W),
    ("GP103", "missing-section", W),
    ("GP104", "repeated-heading", N),
    ("GP105", "section-order", W),
    ("GP106", "mixed-template", W),
    ("GP107", "template-year", N),
    ("GP108", "missing-table-section", E),
    ("GP109", "second-title", W),
    ("GP110", "title-field-label", N),
    ("GP111", "split-title", N),
    ("GP112", "no-tables", E),
    ("GP113", "organisation-in-full", N),
    ("GP114", "organisation-from-text", W),
    ("GP115", "titles-disagree", W),
    ("GP116", "organisation-blanks", N),
    ("GP201", "unknown-text", W),
    ("GP202", "header-typo", W),
    ("GP203", "row-label-typo", W),
    ("GP204", "unplaced-figures", E),
    ("GP205", "missing-row", W),
    ("GP206", "duplicate-row", E),
    ("GP207", "missing-header", W),
    ("GP209", "header-order", W),
    ("GP210", "labels-in-one-cell", N),
    ("GP301", "short-row", W),
    ("GP302", "empty-cell", W),
    ("GP303", "long-row", E),
    ("GP304", "placeholder-cell", W),
    ("GP305", "merged-cell", N),
    ("GP306", "wrapped-row", N),
    ("GP307", "split-cell", N),
    ("GP308", "punctuation", N),
    ("GP309", "full-width-digits", N),
    ("GP310", "thousands-separator", N),
    ("GP311", "unit-in-cell", N),
    ("GP312", "amount-in-yuan", W),
    ("GP313", "unreadable-figure", E),
    ("GP314", "unplaced-short-row", E),
    ("GP315", "gap-by-arithmetic", W),
    ("GP316", "gap-by-position", W),
    ("GP317", "run-split", N),
    ("GP318", "ambiguous-run", E),
    ("GP319", "unsplittable-run", E),
    ("GP320", "stacked-figures", E),
    ("GP321", "header-order-unknown", E),
    ("GP322", "drawn-table-cut", E),
    ("GP323", "figures-over-lines", W),
    ("GP324", "figures-above-label", N),
    ("GP325", "parted-number-confirmed", W),
    ("GP326", "total-broken-where-numbers-wrap", E),
    ("GP327", "merged-header-rest", N),
    ("GP328", "wrapped-number", W),
    ("GP329", "wrapped-number-joined", W),
    ("GP330", "figures-a-row-below", E),
    ("GP401", "row-total", E),
    ("GP402", "outcome-total", E),
    ("GP403", "balance", E),
    ("GP404", "review-total", E),
    ("GP405", "count-value", E),
    ("GP406", "fee-value", E),
    ("GP407", "not-checkable", W),
    ("GP408", "inferred-figure", W),
    ("GP501", "span-cut", W),
    ("GP502", "page-cut", E),
    ("GP503", "span-disowned", E),
    ("GP504", "hidden-text", N),
    ("GP505", "hiding-rules-cut", W),
    ("GP506", "table-in-a-cell", N),
    ("GP507", "report-revealed", W),
    ("GP508", "sheet-unread", W),
    ("GP601", "carry-over-break", E),
    ("GP602", "year-gap", W),
    ("GP603", "duplicate-year", W),
    ("GP604", "unplaced-report", W),
]


@pytest.mark.parametrize("code,name,severity", SNAPSHOT, ids=[c for c, _, _ in SNAPSHOT])
def test_a_released_code_keeps_its_name_and_severity(code, name, severity):
    assert code in CODES, f"{code} was taken out of the catalogue"
    entry = CODES[code]
    assert (entry.code, entry.name, entry.severity) == (code, name, severity)
    assert entry.summary  # said in words too


def test_the_catalogue_only_grows_and_keeps_its_order():
    released = [code for code, _, _ in SNAPSHOT]
    listed = list(CODES)
    assert set(released) <= set(listed)
    # codes are listed in order, a new one at the end of its group
    assert listed == sorted(listed)
    assert all(re.fullmatch(r"GP\d{3}", code) for code in listed)
    names = [c.name for c in CODES.values()]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", name) for name in names)
    assert all(key == c.code for key, c in CODES.items())


def test_severity_ranks():
    assert [s.value for s in Severity] == ["error", "warning", "note"]
    assert (E.rank, W.rank, N.rank) == (2, 1, 0)


def test_codes_command_prints_the_catalogue():
    result = CliRunner().invoke(cli, ["codes"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(CODES)
    for line, (code, name, severity) in zip(lines, SNAPSHOT):
        assert line.split()[:3] == [code, severity.value, name]
        assert line.endswith(CODES[code].summary)


def test_a_recorded_diagnostic_takes_the_catalogues_severity():
    sink = DiagnosticSink()
    for code, _, _ in SNAPSHOT:
        sink.add(code, "message", 1, 1)
    assert [(d.code, d.severity) for d in sink.items] == [(c, s) for c, _, s in SNAPSHOT]


# ---------------------------------------------------------------- severity decides strict mode

HEADER = "信息内容\t本年制发件数\t本年废止件数\t现行有效件数"


def test_a_header_that_lacks_a_column_is_a_warning_strict_mode_refuses():
    text = changed(HEADER, "信息内容\t本年制发件数\t本年废止件数", count=1)
    report = govparse.parse(text)
    assert codes(report) == ["GP207"]
    (d,) = report.diagnostics
    assert d.severity is W and "现行有效件数" in d.message
    assert report.active_disclosure.rules.in_force.value == 0  # the figures are still read
    with pytest.raises(govparse.StrictModeError) as info:
        govparse.parse(text, strict=True)
    assert [x.code for x in info.value.diagnostics] == ["GP207"]


def test_a_note_does_not_fail_strict_mode_a_warning_does():
    # GP310 (a note): read, strict accepts; GP302 (a warning): strict refuses
    text = changed("行政许可\t1234", "行政许可\t1,234")
    assert codes(govparse.parse(text, strict=True)) == ["GP310"]
    text = changed("行政规范性文件\t5\t1\t23", "行政规范性文件\t5\t\t23")
    with pytest.raises(govparse.StrictModeError):
        govparse.parse(text, strict=True)
    assert govparse.parse(example_text(), strict=True).diagnostics == ()


def test_exit_status_follows_the_severity(tmp_path):
    runner = CliRunner()
    cases = {
        "note": (changed("行政许可\t1234", "行政许可\t1,234"), 0, 0),
        "warning": (changed(HEADER, "信息内容\t本年制发件数\t本年废止件数", count=1), 0, 1),
        "error": (changed("规章\t0\t0\t0", "规章\t0\t0\t0\t7"), 1, 1),
    }
    for name, (text, lenient, strict) in cases.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        assert runner.invoke(cli, ["parse", str(path)]).exit_code == lenient, name
        assert runner.invoke(cli, ["parse", "--strict", str(path)]).exit_code == strict, name


def test_the_code_pages_in_docs_say_what_the_catalogue_says():
    # docs/codes/ is made from the catalogue by docs/make_codes.py: run it after
    # adding a code
    import importlib.util

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("make_codes", root / "docs" / "make_codes.py")
    make_codes = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_codes)
    folder = root / "docs" / "codes"
    written = {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()}
    assert written == make_codes.pages()
    assert len(written) == len(CODES) + 1
