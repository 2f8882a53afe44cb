"""The reading core's contract, pinned without any text layout.

Each file in ``fixtures/`` holds the cases of one rule, in the style of
markdown-it-py's fixture files. A case builds a Document by hand (no front-end
reads any text): the title 某区2024年政府信息公开工作年度报告, the six headings of
the template with their official text, the case's table under its section and the
other sections empty; ``govparse.api.read_document`` reads it, and the case's
figures and diagnostic codes must come out.

The format
----------
Lines before the first case, and lines starting with ``//``, are comments. ::

    ### what the case shows                  (the case id is FILE/TITLE)
    table: active_disclosure                 (the section the table stands under)
    year: 2020                               (optional: the title's year, 2024 if left out)
    xfail: why                               (optional: the core does not do this yet;
                                              the case states what it should do)
    rows:                                    (or grid:, see below)
    信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
    规章 | 1 | | 3
    figures:
    active_disclosure.rules.issued = 1
    active_disclosure.rules.repealed = missing
    active_disclosure.administrative_fees.amount = 3.5 万元   (value, then the unit kept)
    codes: GP205*5 GP207*2 GP302              (CODE*N: N times; ``codes: none``: no code)

A table line is its cells separated by ``|``, each cell's text stripped: ``a | | b``
holds an empty cell between a and b, ``| a`` starts with one, ``a |`` ends with one.
A cell may be written in braces:

- ``{}``: an empty cell (on a line of its own: a row of one empty cell);
- ``{covered}``: a place covered by a spanning cell above or to the left;
- ``{rowspan=2}text``, ``{colspan=5}text``, ``{rowspan=2 colspan=3}text``: a spanning cell;
- ``{empty-rows=3}`` alone on a line: a run of three rows of one empty cell each,
  given as one ``EmptyCells`` item (what a front-end makes of a page of empty lines).

``grid:`` gives every place of the grid (covered places written as ``{covered}``),
taken as it is; ``rows:`` gives rows as HTML writes them (a spanning cell once, the
places it covers left out) and builds the table with ``Table.from_rows``.

Every row stands on a line of its own (line numbers run through the Document: the
title on line 1, each heading and each table row on the next line), and each cell
at the column of its place in the row, so that diagnostics point somewhere. The
codes a case lists are those pointing into its own section (from its heading to
the next heading), and those pointing nowhere (GP107): the other table sections
are empty, and what the core says of them (GP205 for every row, ...) is not the
case's business.

Values: ``missing`` for a figure the report leaves missing; a number otherwise
(compared by value: ``1.25`` equals ``1.2500``); a unit after it says the figure
keeps that unit; no unit says it keeps none.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Iterator

import pytest

from govparse.api import read_document
from govparse.document import (Cell, Document, EmptyCells, Heading, Table, TextLocation,
                               Title)
from govparse.template.sections import SECTION_KINDS, SECTION_NAMES, TABLE_SECTIONS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
_CODE = re.compile(r"GP\d{3}$")
_BRACED = re.compile(r"\{([^{}]*)\}")
_KEYS = ("table", "year", "xfail", "rows", "grid", "figures", "codes")


# ---------------------------------------------------------------- the format


class Case:
    def __init__(self, path: Path, title: str, line: int) -> None:
        self.path = path
        self.title = title
        self.line = line  # where the case starts in its file
        self.table: str | None = None
        self.year = 2024
        self.mode: str | None = None  # "rows" or "grid"
        self.lines: list[str] = []
        self.figures: list[tuple[str, str, str, str, str | None]] = []
        self.codes: Counter | None = None
        self.xfail: str | None = None  # why the core does not yet do what the case says

    @property
    def id(self) -> str:
        return f"{self.path.stem}/{self.title}"

    def where(self) -> str:
        return f"{self.path.name}:{self.line}"


def parse_fixture_file(path: Path) -> list[Case]:
    cases: list[Case] = []
    case: Case | None = None
    part: str | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if line.startswith("### "):
            case = Case(path, line[4:].strip(), number)
            cases.append(case)
            part = None
            continue
        if case is None or line.startswith("//"):
            continue  # the file's description, or a comment
        key, colon, rest = line.partition(":")
        key, rest = key.strip(), rest.strip()
        in_table = part in ("rows", "grid")
        if colon and (key in ("figures", "codes") or not in_table and key in _KEYS):
            part = key
            if key == "table":
                case.table = rest
            elif key == "year":
                case.year = int(rest)
            elif key == "xfail":
                case.xfail = rest
            elif key in ("rows", "grid"):
                if case.mode is not None:
                    raise ValueError(f"{path.name}:{number}: a second table in one case")
                case.mode = key
            elif key == "codes":
                case.codes = parse_codes(rest, f"{path.name}:{number}")
            if rest and key in ("rows", "grid", "figures"):
                raise ValueError(f"{path.name}:{number}: {key}: stands alone on its line")
            continue
        if not line:
            continue
        if in_table:
            case.lines.append(line)
        elif part == "figures":
            case.figures.append(parse_figure(line, f"{path.name}:{number}"))
        else:
            raise ValueError(f"{path.name}:{number}: cannot read {raw!r}")
    for case in cases:
        if case.table not in TABLE_SECTIONS or case.mode is None or case.codes is None:
            raise ValueError(f"{case.where()}: a case needs table:, rows: or grid:, and codes:")
    return cases


def parse_codes(text: str, where: str) -> Counter:
    codes: Counter = Counter()
    if text == "none":
        return codes
    for item in text.split():
        code, _, times = item.partition("*")
        if not _CODE.match(code):
            raise ValueError(f"{where}: {item!r} is not a diagnostic code")
        codes[code] += int(times) if times else 1
    return codes


def parse_figure(text: str, where: str) -> tuple[str, str, str, str, str | None]:
    name, equals, value = text.partition("=")
    parts = name.strip().split(".")
    if not equals or len(parts) != 3:
        raise ValueError(f"{where}: a figure is written table.row.column = value")
    value, _, unit = value.strip().partition(" ")
    return parts[0], parts[1], parts[2], value, unit.strip() or None


def expected_value(text: str):
    if text == "missing":
        return None
    return Decimal(text) if "." in text else int(text)


# ---------------------------------------------------------------- building the Document


class EmptyRows(EmptyCells):
    """``count`` rows of one empty cell each, made when read."""

    def __init__(self, count: int, line: int, located: bool = True) -> None:
        self.count = count
        self.line = line
        self.located = located
        self.location = TextLocation(line, 1) if located else None

    def cells(self) -> Iterator[Cell]:
        for number in range(self.line, self.line + self.count):
            yield Cell("", TextLocation(number, 1) if self.located else None)


def parse_cell(text: str, location: TextLocation | None) -> Cell:
    text = text.strip()
    options: dict[str, int] = {}
    covered = False
    match = _BRACED.match(text)
    if match is not None:
        for word in match.group(1).split():
            name, _, value = word.partition("=")
            if name in ("rowspan", "colspan"):
                options[name] = int(value)
            elif name == "covered":
                covered = True
            else:
                raise ValueError(f"unknown cell option {word!r}")
        text = text[match.end():].strip()
    return Cell(text, location, covered=covered, **options)


def parse_row(text: str, line: int, located: bool = True):
    empty_rows = re.fullmatch(r"\{empty-rows=(\d+)\}", text)
    if empty_rows:
        return EmptyRows(int(empty_rows.group(1)), line, located)
    return [parse_cell(piece, TextLocation(line, column) if located else None)
            for column, piece in enumerate(text.split("|"), start=1)]


def build_document(case: Case, located: bool = True) -> tuple[Document, range]:
    """The Document of a case, and the lines of its table's section. ``located``:
    False gives no block and no cell a location (as a user building a Document from
    a spreadsheet may)."""
    def at(line: int) -> TextLocation | None:
        return TextLocation(line, 1) if located else None

    blocks: list = [Title(f"某区{case.year}年政府信息公开工作年度报告", at(1))]
    line = 1
    section = range(0)
    for kind in SECTION_KINDS:
        line += 1
        start = line
        blocks.append(Heading(SECTION_NAMES[kind], at(line)))
        if kind == case.table:
            rows = []
            for text in case.lines:
                line += 1
                rows.append(parse_row(text, line, located))
                if isinstance(rows[-1], EmptyRows):
                    line += rows[-1].count - 1
            if case.mode == "grid":
                table = Table(tuple(r if isinstance(r, EmptyRows) else tuple(r) for r in rows),
                              at(start + 1))
            else:
                if any(isinstance(r, EmptyRows) for r in rows):
                    raise ValueError(f"{case.where()}: {{empty-rows}} needs grid:")
                table = Table.from_rows(rows, at(start + 1))
            blocks.append(table)
            section = range(start, line + 1)
    return Document(tuple(blocks)), section


def case_codes(report, section: range) -> Counter:
    return Counter(d.code for d in report.diagnostics if d.line is None or d.line in section)


# ---------------------------------------------------------------- the tests


CASES = [case for path in sorted(FIXTURES.glob("*.txt")) for case in parse_fixture_file(path)]
PARAMS = [pytest.param(case, id=case.id, marks=[pytest.mark.xfail(reason=case.xfail, strict=True)]
                       if case.xfail else []) for case in CASES]


def test_there_are_cases_in_every_file():
    files = sorted(FIXTURES.glob("*.txt"))
    assert files
    for path in files:
        assert parse_fixture_file(path), path.name
    assert len(CASES) >= 30
    assert len({case.id for case in CASES}) == len(CASES), "two cases share an id"


@pytest.mark.parametrize("case", PARAMS)
def test_fixture(case: Case):
    document, section = build_document(case)
    report = read_document(document)
    for table, row, column, value, unit in case.figures:
        figure = report.figure(table, row, column)
        where = f"{case.where()}: {table}.{row}.{column}"
        assert figure.value == expected_value(value), where
        if value != "missing":
            assert type(figure.value) is type(expected_value(value)) or column == "amount", where
        assert figure.unit == unit, where
    codes = case_codes(report, section)
    assert sorted(codes.elements()) == sorted(case.codes.elements()), \
        f"{case.where()}: " + "; ".join(f"{d.code} {d.message}" for d in report.diagnostics
                                       if d.line is None or d.line in section)


# ---------------------------------------------------------------- no figure in a wrong column

# Rows whose empty cells at a line's end (a trailing separator, a border pipe) and
# empty cells that stand for a missing figure cannot be told apart by the cells
# alone. Whatever the core makes of them, no figure may land in a wrong column: a
# figure is placed where the row has it, or not at all, with an error saying so.
# TableReader._fit drops the cells marked ends_row first, in reading order, when a
# row has cells to spare; where a line ends in a missing figure and a separator, it
# drops the missing figure's cell and every figure after it moves one column.
_REVIEW_HEADER = [
    "行政复议 | 行政诉讼",
    "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉",
    "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计",
]
_REVIEW_COLUMNS = [(row, column) for row in ("administrative_review", "litigation_direct",
                                             "litigation_after_review")
                   for column in ("upheld", "corrected", "other", "pending", "total")]
# Once the empty cells that end a line were dropped first, in reading order: an empty
# cell meant for a missing figure was dropped and the figures after it moved one
# column. Now every choice of the spare empty cells is weighed (GP303, GP315).
WRONG_COLUMN_CASES = {
    # 规章's row wrapped after its missing 本年废止件数, every line ending in a pipe:
    # read as 1 | 3 | (missing), 3 under 本年废止件数
    "a row wrapped after its missing figure, each line ending in a separator": (
        "active_disclosure",
        ["信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数", "规章 | 1 | |", "3 |",
         "行政规范性文件 | 4 | 5 | 6"],
        {("rules", "issued"): 1, ("rules", "repealed"): None, ("rules", "in_force"): 3,
         ("normative_documents", "issued"): 4, ("normative_documents", "repealed"): 5,
         ("normative_documents", "in_force"): 6}),
    # the review table's figures over three lines, each ending in a pipe, 行政复议's
    # 总计 missing: the ten figures after it move one column to the left
    "the review table's figures over three lines, each ending in a separator": (
        "review_litigation",
        _REVIEW_HEADER + ["1 | 0 | 0 | 1 | |", "1 | 0 | 0 | 0 | 1 |", "0 | 3 | 0 | 0 | 3 |"],
        dict(zip(_REVIEW_COLUMNS, [1, 0, 0, 1, None, 1, 0, 0, 0, 1, 0, 3, 0, 0, 3]))),
    # the review table's row of figures between border pipes (in the pipe layout,
    # not every line bordered: an empty cell for each), its first and last figures
    # missing: 17 cells, the two at the end dropped, and the thirteen figures move
    # one column to the right
    "the review table's row between border pipes, its first and last figures missing": (
        "review_litigation",
        _REVIEW_HEADER + ["| | 0 | 0 | 1 | 2 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | |"],
        dict(zip(_REVIEW_COLUMNS, [None, 0, 0, 1, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, None]))),
}


@pytest.mark.parametrize("title", WRONG_COLUMN_CASES)
def test_no_figure_lands_in_a_wrong_column(title: str):
    table, lines, expected = WRONG_COLUMN_CASES[title]
    case = Case(FIXTURES / "(in test_fixtures.py)", title, 0)
    case.table, case.mode, case.lines = table, "rows", lines
    document, section = build_document(case)
    report = read_document(document)
    got = {(row, column): report.figure(table, row, column).value for row, column in expected}
    assert {k: v for k, v in got.items() if v is not None and v != expected[k]} == {}, \
        "; ".join(f"{d.code} {d.message}" for d in report.diagnostics if d.line in section)
    if got != expected:  # figures left out: an error says so
        assert any(d.severity.name == "ERROR" for d in report.diagnostics if d.line in section)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_fixture_without_locations_reads_alike(case: Case):
    """Locations are for diagnostics to point with: a Document whose blocks and cells
    carry none reads into the same report, with the same diagnostics (all of them:
    without lines they cannot be told apart by section).

    This holds for every case, those that lean on where cells stand included: the
    header cells are grouped by the grid row they stand on (not by their line), so
    the applications table's header rows stay apart; and the evidence for a template
    counts the labels' cells (not their (line, column)), so a 2019 table in a 2024
    report is read on its template without locations too."""
    located = read_document(build_document(case)[0])
    bare = read_document(build_document(case, located=False)[0])
    assert bare.template == located.template
    assert [(t, r, c, f.value, f.unit) for t, r, c, f in bare.table_figures()] == \
        [(t, r, c, f.value, f.unit) for t, r, c, f in located.table_figures()]
    assert bare == located
    assert sorted(d.code for d in bare.diagnostics) == sorted(d.code for d in located.diagnostics)
