"""Building test reports: the clean example with one thing changed."""

import csv
from decimal import Decimal

from govparse.emit.printer import dumps

from conftest import HERE, example_path

OFFICE = HERE / "data" / "office"  # office-saved PDFs and Word files (its README.md)


def example_text(layout: str = "tab") -> str:
    return example_path(layout).read_text(encoding="utf-8")


def changed(old: str, new: str, layout: str = "tab", count: int = 1) -> str:
    text = example_text(layout)
    assert text.count(old) >= count, f"{old!r} not in the {layout} example"
    return text.replace(old, new, count)


def with_document_xml(data: bytes, change) -> bytes:
    """A Word file (its bytes) with its word/document.xml changed: ``change(xml)``."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename == "word/document.xml":
                part = change(part.decode("utf-8")).encode("utf-8")
            target.writestr(info, part)
    return out.getvalue()


def line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if fragment in line)


def codes(report) -> list[str]:
    return [d.code for d in report.diagnostics]


def assert_positions_point_at_figures(text: str, report) -> None:
    """Each figure read from a text (line and column) points at its number there."""
    from govparse.emit.printer import figure_text

    lines = text.split("\n")
    for rec in report.figures():
        if rec.table == "report" or rec.value is None:
            continue
        written = figure_text(rec.value)
        assert rec.line is not None and rec.col is not None, rec
        assert lines[rec.line - 1][rec.col - 1:].startswith(written), (rec, lines[rec.line - 1])


def assert_reads_back_in_place(report, written, document, location_type) -> None:
    """A report printed as a page or a file (``written``) reads back equal, with no
    error, each figure at the cell of its table that holds its text (``document``:
    what the front-end makes of ``written``; ``location_type``: its cells' places)."""
    import govparse
    from govparse.diagnostics import Severity
    from govparse.document import Table
    from govparse.emit.printer import cell_text

    back = govparse.parse(written, path="report")
    assert back == report
    assert [d for d in back.diagnostics if d.severity is Severity.ERROR] == []
    tables = [b for b in document.blocks if type(b) is Table]
    cells = {(t, r, c): cell.text for t, table in enumerate(tables, start=1)
             for r, row in enumerate(table.rows, start=1)
             for c, cell in enumerate(row, start=1) if not cell.covered}
    for table, row, column, figure in back.table_figures():
        if figure.value is None:
            continue
        where = figure.location
        assert type(where) is location_type
        assert cells[(where.table, where.row, where.column)] == cell_text(figure), \
            (table, row, column)


__all__ = ["assert_positions_point_at_figures", "assert_reads_back_in_place", "changed", "codes", "dumps", "example_text",
           "line_of"]


def misplaced(read, printed) -> list[str]:
    """The figures read that are not the ones printed at their table, row and column."""
    wrong = []
    for table, row, column, figure in read.table_figures():
        if figure.value is None:
            continue
        try:
            expected = printed.figure(table, row, column).value
        except (AttributeError, KeyError):  # a row of the other template
            wrong.append(f"{table}.{row}.{column} = {figure.value}, which the source has not")
            continue
        if figure.value != expected:
            wrong.append(f"{table}.{row}.{column} = {figure.value}, printed {expected}")
    return wrong


def assert_in_place_or_said(read, printed, shown: str = "") -> None:
    """Every figure read is the one printed for its table, row and column; a figure
    printed but not read is allowed where a warning or an error says something is
    amiss. ``shown``: the source, for the message of a failure."""
    from govparse.diagnostics import Severity

    wrong = misplaced(read, printed)
    said = [f"{d.code} {d.message}" for d in read.diagnostics if d.severity is not Severity.NOTE]
    assert wrong == [], "\n".join(wrong + said + [shown])

    def value_of(key):
        try:
            return read.figure(*key).value
        except (AttributeError, KeyError):  # a table of the other template
            return None

    lost = [key for *key, fig in printed.table_figures()
            if fig.value is not None and value_of(key) is None]
    if lost:
        assert said, lost


def expected_figures(path) -> dict:
    """The figures of one report's expected.tsv (table, row, column, value; None:
    missing in the source)."""
    with open(path, encoding="utf-8") as handle:
        return {(r["table"], r["row"], r["column"]): None if r["value"] == "missing"
                else r["value"] for r in csv.DictReader(handle, delimiter="\t")}


def office_expected(name: str) -> dict:
    """The figures of tests/data/office/NAME.expected.tsv (None: missing in the source)."""
    return expected_figures(OFFICE / f"{name}.expected.tsv")


def acceptable(got, values: set[str]) -> bool:
    """Whether a figure read is one of the values a ground truth allows (``a|b``:
    either; ``missing``: none read)."""
    for value in values:
        if value == "missing":
            if got is None:
                return True
        elif got is not None and Decimal(str(got)) == Decimal(value):
            return True
    return False


def compared(report, truth: dict) -> tuple[dict, dict]:
    """The figures read wrong, and those read missing that the source has."""
    wrong, missing = {}, {}
    for key, value in truth.items():
        got = report.figure(*key).value
        if got is None and value is not None:
            missing[key] = value
        elif (None if got is None else str(got)) != value:
            wrong[key] = (got, value)
    return wrong, missing


def real_page_score(report, name: str) -> tuple[dict, int]:
    """A report of the real page ``name`` (tests/data/real/html, 006, 009 or 013) in any
    form, against the page's ground truth: the figures read wrong ({key: (read, the
    values allowed)}), and how many the page has that were not read."""
    from conftest import load_expected

    pages = HERE / "data" / "real" / "html"
    expected = load_expected(pages / f"{name}.expected.tsv")[f"{name}.html"]
    wrong, missing = {}, 0
    for key, values in expected.items():
        if key[0] == "report":
            continue
        got = report.figure(*key).value
        if got is None and "missing" not in values:
            missing += 1
        elif not acceptable(got, values):
            wrong[key] = (got, values)
    return wrong, missing


def figure_values(report) -> list:
    """(table, row, column, value) of each of a report's figures, in order."""
    return [(table, row, column, figure.value)
            for table, row, column, figure in report.table_figures()]
