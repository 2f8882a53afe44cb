"""What every input must get: a report or a clear GovParseError, nothing else;
no figure that is not in the input; no figure lost without a word; time in
proportion to the input.

``check(data)`` parses an input leniently and strictly and checks both outcomes;
it raises ``PropertyViolation`` (an AssertionError) when a property fails, and
lets any exception that is not a ``GovParseError`` through (that is a crash).
``check_time(outcome, pace)`` adds the time property. The Hypothesis tests
(tests/test_fuzz.py) and the atheris harness (fuzz/atheris_parse.py) both use them.

The properties:

1. **Only GovParseError.** Lenient and strict parsing return a ``Report`` or raise
   a ``GovParseError`` whose ``code`` matches ``^GP\\d{3}$`` (and is in
   ``govparse.CODES``), with a message, diagnostics, the ``path`` it was given,
   and a position (line) unless the error is about the input as a whole (GP001
   unreadable, GP002 binary bytes, GP003 too large, GP004 undecodable).
2. **No invented figure.** Every figure with a value stands on a NUMBER cell at its
   (line, column) of the input (after CRLF/CR -> LF, a page break a line end), and its value is the number
   written there (full-width digits and thousands commas folded; fees Decimal).
   The year stands where it is said to.
2b. **In its own row and column** (``Placement``). The number a figure was read
   from stands in that figure's row and column of the input: the row label
   nearest before it (across lines, past empty cells) names the figure's row when
   it is exactly a row label of the table, and the figure's column agrees with
   the count of figures around it in its run (between that label and the next):
   with k figures before it and a after it, a row of n columns can put it only in
   columns k … n-1-a (empty cells, which may or may not be gaps, are not counted).
   So a figure moved one column or one row cannot pass for the right one because
   its number happens to be the same (0 in most reports).
3. **No silent loss.** A figure without a value that points at a number in the
   input, or that is missing from a row whose other figures were read, comes with
   a warning or error on its own row: on a line from the row's label to its last
   cell (an error elsewhere in the report excuses nothing); a report strict mode
   accepts has every figure, the organisation and the year.
4. **Strict agrees with lenient.** Strict mode raises exactly when lenient mode
   has a warning or an error, listing exactly those; otherwise both give the same
   report. Input errors are the same in both modes.
5. **Well-formed diagnostics.** Known codes, a message, a line (but for a missing
   section), positions inside the text, the path; they render (as the CLI prints
   them) without error, and the report goes to JSON and back unchanged.
6. **Linear time** (``check_time``): seconds per byte at most ``factor`` times a
   reference report's, plus a fixed allowance for noise.

Known issues. A violation that belongs to a bug already reported (and pinned by a
failing test in tests/test_regressions.py) is tagged with the bug's id from
``KNOWN_ISSUES``. By default such violations are recorded in ``Outcome.known``
instead of failing, so that fuzzing goes on past them; set
``GOVPARSE_FUZZ_KNOWN=none`` to fail on them too (e.g. to check a fix), or list
the ids to tolerate (comma-separated). Once the bugs are fixed, empty
``KNOWN_ISSUES``.
"""

from __future__ import annotations

import functools
import os
import re
import time
from decimal import Decimal
from pathlib import Path

import attrs

import govparse
from govparse import CODES, Diagnostic, GovParseError, Report, Severity, StrictModeError
from govparse.locations import lines_as_written
from govparse.source import DEFAULT_MAX_BYTES, binary_source, decode, looks_like_html, source_of

CODE = re.compile(r"^GP\d{3}$")
# A NUMBER cell's number, as the grammar reads it (grammar/report.lark).
NUMBER_AT = re.compile(r"[+\-]?[0-9０-９]+(?:,[0-9０-９]{3})*(?:[.．][0-9０-９]+)?")  # as NUMBER
_YEAR = re.compile(r"[12]\d{3}")  # as the grammar's YEAR (\d: any decimal digit)
_FOLD = str.maketrans("０１２３４５６７８９．", "0123456789.")
# Errors about the input as a whole, which have no line to point at.
WHOLE_INPUT_CODES = frozenset({"GP001", "GP002", "GP003", "GP004", "GP006", "GP007", "GP008"})
# Diagnostics about the document as a whole, which may have no line: a section that
# is not there, the template of the tables against the year, no table at all.
DOCUMENT_CODES = frozenset({"GP103", "GP106", "GP107", "GP108", "GP112"})

# Bugs found by fuzzing, reported, and pinned by tests in tests/test_regressions.py,
# that are not fixed yet: id -> what goes wrong. Violations tagged with one of these
# ids are tolerated (recorded) rather than failed, so that fuzzing goes on past them.
# Every bug found so far is fixed (govparse e6ed3c0, dbe82f1), so none is tolerated;
# the ids the checks still tag, should one come back:
#   huge-number           a figure too long for int() read as missing, silently
#   strict-error-no-line  StrictModeError without a line when a section is missing
#   review-no-line        the review table's GP205/GP301 without a line
#   slow-space-run, slow-dash-run, slow-paren-run, slow-empty-cells: quadratic time
KNOWN_ISSUES: dict[str, str] = {}


def tolerated_known_issues() -> frozenset[str]:
    """The known issues to record rather than fail on (GOVPARSE_FUZZ_KNOWN)."""
    setting = os.environ.get("GOVPARSE_FUZZ_KNOWN", "all").strip()
    if setting == "all":
        return frozenset(KNOWN_ISSUES)
    if setting in ("", "none"):
        return frozenset()
    return frozenset(part.strip() for part in setting.split(",") if part.strip())


class PropertyViolation(AssertionError):
    """A property of govparse's answer failed for this input."""

    def __init__(self, prop: str, message: str, known: str | None = None) -> None:
        self.prop = prop
        self.known = known
        tag = f" (known issue {known})" if known else ""
        super().__init__(f"[{prop}]{tag} {message}")


# The time property is the parse's own CPU time, not the wall clock's: a fuzzer run at a
# low priority on a busy machine (make fuzz beside a test run) waits for the processor
# for seconds, and its wall-clock times would call a linear input slow.
_cpu_seconds = time.process_time


class SlowInput(PropertyViolation):
    """The input took longer than linear time allows."""


# ---------------------------------------------------------------- the input as text


def normalized(text: str) -> str:
    """The text with its line ends as every location counts them, an editor's: CRLF
    and CR become LF (a form feed after text on its line opens none)."""
    return "\n".join(lines_as_written(text))


def number_value(token: str) -> int | Decimal:
    plain = token.translate(_FOLD).replace(",", "")
    return Decimal(plain) if "." in plain else int(plain)


def _digits(token: str) -> int:
    return sum(ch.isdigit() for ch in token)


def is_binary(data: str | bytes) -> bool:
    """Whether the input is a PDF or a Word file (a zip), which its front-end reads
    with no text to decode."""
    if isinstance(data, str):
        return False
    try:
        return binary_source(data, None) is not None
    except GovParseError:
        return True  # a zip that cannot be opened, or a legacy Word file: refused so


def text_of(data: str | bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The decoded text of an input that decodes (bytes are decoded as govparse does; a
    web archive's is its page's)."""
    from govparse.web_archive import is_web_archive, text_is_web_archive

    if isinstance(data, str):
        if not text_is_web_archive(data):
            return data
        data = data.encode("utf-8", "surrogatepass")  # (as govparse.parse reads it)
    if is_web_archive(data):  # (the page inside: what govparse reads)
        return source_of(None, data, max_bytes=max_bytes).text
    return decode(data, max_bytes=max_bytes)[0]


# ---------------------------------------------------------------- outcomes


@attrs.frozen
class Outcome:
    """What one input got in each mode, how long the lenient parse took, and which
    known issues it hit."""

    lenient: Report | GovParseError
    strict: Report | GovParseError | None
    seconds: float
    size: int
    text: str | None  # the normalised text, when the input decodes
    known: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        def one(result) -> str:
            if result is None:
                return "-"
            if isinstance(result, GovParseError):
                return result.code
            worst = max((d.severity.rank for d in result.diagnostics), default=-1)
            return ("clean", "notes", "warnings", "errors")[worst + 1]

        return f"lenient={one(self.lenient)} strict={one(self.strict)}"


class Checker:
    """Checks one input's outcomes; tolerated known issues are recorded, not raised."""

    def __init__(self, path: str | None, tolerate: frozenset[str]) -> None:
        self.path = path
        self.tolerate = tolerate
        self.known: list[str] = []

    def fail(self, prop: str, message: str, known: str | None = None) -> None:
        if known is not None and known in self.tolerate:
            if known not in self.known:
                self.known.append(known)
            return
        raise PropertyViolation(prop, message, known)

    # ------------------------------------------------------------ 1. errors

    def error(self, exc: GovParseError) -> None:
        name = type(exc).__name__
        if not isinstance(exc.code, str) or not CODE.match(exc.code) or exc.code not in CODES:
            self.fail("error", f"{name} has code {exc.code!r}, not a known GPnnn code")
        if not isinstance(exc.message, str) or not exc.message.strip():
            self.fail("error", f"{name} {exc.code} has no message")
        if exc.path != self.path:
            self.fail("error", f"{name} {exc.code} names path {exc.path!r}, not {self.path!r}")
        str(exc)  # it prints
        if not exc.diagnostics:
            self.fail("error", f"{name} {exc.code} carries no diagnostics")
        for d in exc.diagnostics:
            self.diagnostic(d, None)
        if isinstance(exc, StrictModeError):
            if any(d.severity is not Severity.ERROR for d in exc.diagnostics):
                self.fail("error", "StrictModeError lists a diagnostic that is not an error")
            if exc.line is None and any(d.line is not None for d in exc.diagnostics):
                self.fail("position", f"StrictModeError {exc.code} has no line although "
                          "its problems have one", "strict-error-no-line")
        elif exc.line is None and exc.code not in WHOLE_INPUT_CODES:
            self.fail("position", f"{name} {exc.code} has no line: {exc.message}")

    # ------------------------------------------------------------ 5. diagnostics

    def diagnostic(self, d: Diagnostic, lines: list[str] | None) -> None:
        if not isinstance(d, Diagnostic):
            self.fail("diagnostic", f"{d!r} is not a Diagnostic")
        if d.code not in CODES or not CODE.match(d.code):
            self.fail("diagnostic", f"unknown code {d.code!r}")
        if not isinstance(d.severity, Severity):
            self.fail("diagnostic", f"{d.code} has severity {d.severity!r}")
        if not isinstance(d.message, str) or not d.message.strip():
            self.fail("diagnostic", f"{d.code} has no message")
        if d.path != self.path:
            self.fail("diagnostic", f"{d.code} names path {d.path!r}, not {self.path!r}")
        if d.line is None:
            if d.code not in DOCUMENT_CODES | WHOLE_INPUT_CODES:
                known = "review-no-line" if d.code in ("GP205", "GP301") else None
                self.fail("position", f"{d.code} has no line: {d.message}", known)
            return
        if d.line < 1 or (lines is not None and d.line > len(lines)):
            self.fail("diagnostic", f"{d.code} points at line {d.line}, outside the text")
        elif d.column is not None and d.column < 1:
            self.fail("diagnostic", f"{d.code} points at column {d.column}")
        elif lines is not None and d.column is not None \
                and d.column > len(lines[d.line - 1]) + 2:
            self.fail("diagnostic", f"{d.code} points at column {d.column} of line {d.line}, "
                      f"which has {len(lines[d.line - 1])} characters")

    # ------------------------------------------------------------ 2, 3. reports

    def report(self, report: Report, text: str | None, *, extended: bool = True) -> None:
        if not isinstance(report, Report):
            self.fail("report", f"parse returned {type(report).__name__}, not a Report")
        lines = text.split("\n") if _positional(text) else None
        for d in report.diagnostics:
            self.diagnostic(d, lines)
        if lines is None:
            return
        placement = Placement(report, lines)
        for rec in report.figures():
            where = f"{rec.table}.{rec.row}.{rec.column}"
            if rec.table == "report":
                if rec.column == "year" and rec.value is not None:
                    found = _match_at(_YEAR, lines, rec.line, rec.col)
                    if found is None and rec.line is not None and rec.line < len(lines) \
                            and any(d.code == "GP111" for d in report.diagnostics):
                        # (a title over two lines, joined, its year broken by the line
                        # end: 示例县人民政府办公室20 / 24年…)
                        found = _match_at(_YEAR, [lines[rec.line - 1].rstrip()
                                                  + lines[rec.line].strip()], 1, rec.col)
                    if (found is None or int(found) != rec.value) and not (
                            rec.col is None and _in_markup_cell(lines, rec.line, rec.value)):
                        # (a year in a cell of a table kept as markup: its row's text)
                        self.fail("invented", f"year {rec.value} is not at {rec.line}:{rec.col}")
                continue
            if getattr(rec, "inferred", False):
                if not any(d.code == "GP408" for d in report.diagnostics):
                    self.fail("silent", f"{where} = {rec.value} was inferred without a GP408")
                continue
            if getattr(rec, "recovered", False):
                self.recovered(report, rec, lines, where)
                continue
            if getattr(rec.location, "kind", None) == "html":
                # a cell of a table kept as HTML in the text (a markdown writer's): its
                # number stands in the markup from its <td>'s line to the cell's end
                if rec.value is not None and not _in_markup_cell(lines, rec.line, rec.value):
                    self.fail("invented", f"{where} = {rec.value!r}, but no such number "
                              f"stands in a table cell's markup from line {rec.line}")
                continue
            found = _match_at(NUMBER_AT, lines, rec.line, rec.col)
            if found is not None and rec.value is not None and _digits(found) <= 4300 \
                    and number_value(found) != rec.value:
                found = _shown_at(lines, rec.line, rec.col) or found
            if rec.value is None:
                if found is not None and not placement.said(rec):
                    self.fail("silent", f"{where} is missing although {found[:40]!r} stands "
                              f"at {rec.line}:{rec.col}, and no warning or error on its row "
                              f"(lines {placement.describe_span(rec)}) says why",
                              "huge-number" if _digits(found) > 4300 else None)
                elif rec.line is None and placement.row_span(rec.table, rec.row) \
                        and not placement.said(rec):
                    self.fail("silent", f"{where} is missing from a row whose other figures "
                              f"were read, and no warning or error on its row (lines "
                              f"{placement.describe_span(rec)}) says why")
                continue
            if found is None:
                self.fail("invented", f"{where} = {rec.value!r}, but no number stands at "
                          f"{rec.line}:{rec.col}")
            elif number_value(found) != rec.value:
                self.fail("invented", f"{where} = {rec.value!r}, but {found[:40]!r} stands "
                          f"at {rec.line}:{rec.col}")
            else:
                problem = placement.misplaced(rec)
                if problem is not None:
                    self.fail("placement", f"{where} = {rec.value!r} (at {rec.line}:{rec.col}) "
                              f"{problem}")
        if extended:
            from govparse.emit.rendering import render_all
            from govparse.emit.serialize import from_json, to_json

            render_all(report.diagnostics, text)
            if from_json(to_json(report)) != report:
                self.fail("json", "the report does not come back from JSON unchanged")

    def recovered(self, report: Report, rec, lines: list[str], where: str) -> None:
        """A figure split out of a run of digits (run-together text): its digits
        stand where it says, and a GP317 on its line says how it was split. Or one
        joined from the parts of a number wrapped in its cell or parted by a blank,
        which a GP329 or GP325 naming the figure says: its first part stands where
        it says."""
        written = str(rec.value) if not isinstance(rec.value, Decimal) else format(rec.value, "f")
        if any(d.code in ("GP325", "GP329")
               and (d.table_id, d.row_id, d.column_id) == (rec.table, rec.row, rec.column)
               for d in report.diagnostics):
            first = _match_at(NUMBER_AT, lines, rec.line, rec.col)
            digits = "".join(ch for ch in first or "" if ch.isdigit())
            if not digits or not written.replace(".", "").startswith(digits):
                self.fail("invented", f"{where} = {rec.value!r} was joined from a number's "
                          f"parts, but its first part does not stand at {rec.line}:{rec.col}")
            return
        line = lines[rec.line - 1] if rec.line and rec.line <= len(lines) else ""
        if rec.col is None or not line[rec.col - 1:].startswith(written):
            self.fail("invented", f"{where} = {rec.value!r} was split out of a run, but "
                      f"{written!r} does not stand at {rec.line}:{rec.col}")
        if not any(d.code == "GP317" and d.line == rec.line for d in report.diagnostics):
            self.fail("silent", f"{where} = {rec.value!r} was split out of a run without a GP317")

    def complete(self, report: Report, text: str | None) -> None:
        """A report strict mode accepts has lost nothing."""
        lines = text.split("\n") if _positional(text) else []
        missing = [r for r in report.figures() if r.value is None]
        if missing:
            huge = any(_digits(_match_at(NUMBER_AT, lines, r.line, r.col) or "") > 4300
                       for r in missing)
            names = [f"{r.table}.{r.row}.{r.column}" for r in missing]
            self.fail("silent", f"strict mode accepted a report without {names[:5]} "
                      f"({len(names)} missing)", "huge-number" if huge else None)

    # ------------------------------------------------------------ 4. modes

    def modes(self, lenient, strict) -> None:
        if isinstance(strict, GovParseError):
            self.error(strict)
        if isinstance(lenient, GovParseError):
            if not isinstance(strict, GovParseError) or type(strict) is not type(lenient) \
                    or strict.code != lenient.code:
                self.fail("modes", f"lenient raised {lenient.code}, strict gave {_what(strict)}")
            return
        # (a note strict mode refuses all the same: a figure split out of a run, GP317)
        problems = tuple(d for d in lenient.diagnostics
                         if d.severity is not Severity.NOTE or CODES[d.code].strict_warning)
        if problems:
            if not isinstance(strict, StrictModeError):
                self.fail("modes", f"lenient found {[d.code for d in problems]}, strict gave "
                          f"{_what(strict)}")
            elif tuple(d.as_error() for d in problems) != strict.diagnostics:
                self.fail("modes", "strict mode's problems are not lenient mode's warnings "
                          "and errors")
        elif not isinstance(strict, Report):
            self.fail("modes", f"lenient found no problem, strict gave {_what(strict)}")
        elif strict != lenient or strict.diagnostics != lenient.diagnostics:
            self.fail("modes", "strict and lenient mode give different reports")


# ---------------------------------------------------------------- 2b. row and column


# How far the placement check walks from a figure to its row label, in lines; a
# figure farther from any label is not checked (a row is never that long).
_WALK = 200


@functools.cache
def _line_patterns() -> tuple[re.Pattern, re.Pattern]:
    """The grammar's HEADING and RULE: lines that are no table line."""
    from govparse.frontends.text.grammar import lark_parser

    terminals = {t.name: t for t in lark_parser().terminals}
    return (re.compile(terminals["HEADING"].pattern.to_regexp()),
            re.compile(terminals["RULE"].pattern.to_regexp()))


@functools.cache
def _labels() -> frozenset[str]:
    """Every label key of every table of every template: a line that is one of them
    is a cell, never a sentence."""
    from govparse.template.spec import TABLE_ORDER, TEMPLATES, catalogue

    return frozenset(key for template in TEMPLATES for table in TABLE_ORDER
                     for key in catalogue(template, table).labels_by_key)


class Placement:
    """Where each figure stands in the input's tables, by row label and column.

    The input's lines are split into cells as the grammar splits them
    (``govparse.core.cells.split_cells``); which row and column a cell belongs to is
    found here on its own, by the rules of the template and not by the parser's
    table reader. A table section's lines are read in order, the parts of a section
    written twice joined (as the parser joins them). A figure's *run* is the figure
    cells (numbers and placeholders) between the label cell nearest before it and
    the next label cell, across line ends and past empty cells; the label nearest
    before it is its *leaf*. Rule lines and sentences (paragraphs in a table
    section) are skipped, as the table reader skips them. Empty cells are not
    counted: whether one is a gap or a merged label cell's rest is the parser's to
    decide, so the column is checked as a range (``misplaced``)."""

    def __init__(self, report: Report, lines: list[str]) -> None:
        self.report = report
        self.lines = lines
        self._cells: dict[int, list] = {}
        self._runs: dict[tuple[int, int], tuple | None] = {}
        self.problems: dict[int, list[str]] = {}  # line -> codes of warnings and errors
        for d in report.diagnostics:
            if d.severity is not Severity.NOTE and d.line is not None:
                self.problems.setdefault(d.line, []).append(d.code)
        self._row_spans: dict[tuple[str, str], set[int]] | None = None
        self._order: dict[str, list[int]] | None = None  # table -> its lines, in order
        self._where: dict[int, tuple[str, int]] = {}  # line -> (table, index in order)

    # ------------------------------------------------------------ cells of the input

    def _sections(self) -> None:
        from govparse.template.sections import TABLE_SECTIONS, heading_kind

        heading, _ = _line_patterns()
        self._order = {}
        kind = None
        for number, text in enumerate(self.lines, start=1):
            if heading.match(text + "\n"):
                kind = heading_kind(text)
            elif kind in TABLE_SECTIONS:
                order = self._order.setdefault(kind, [])
                self._where[number] = (kind, len(order))
                order.append(number)

    def table_lines(self, table: str) -> set[int]:
        """Every line of the table's section (its parts, if written twice)."""
        if self._order is None:
            self._sections()
        return set(self._order.get(table, ()))

    def cells(self, number: int) -> list:
        """The cells of line ``number`` (1-based); none for a rule line or a
        sentence, which the table reader skips."""
        if number not in self._cells:
            from govparse.core.cells import LABEL
            from govparse.frontends.text.lines import split_cells
            from govparse.frontends.text.reader import is_prose
            from govparse.template.spec import label_key

            text = self.lines[number - 1]
            found: list = []
            if not _line_patterns()[1].fullmatch(text + "\n"):
                split = split_cells(text, number, 1)
                found = list(split.cells)
                filled = [c for c in found if c.text]
                if len(filled) == 1 and filled[0].kind == LABEL and len(split.separators) <= 1 \
                        and is_prose(filled[0].text) and label_key(filled[0].text) not in _labels():
                    found = []  # a sentence: a paragraph
            self._cells[number] = found
        return self._cells[number]

    def run(self, line: int, column: int):
        """(leaf cell, figures before, figures after, lines of the run) for the
        figure cell at (line, column); None when no figure cell starts there, it
        stands in no table section, no label stands before it in its section, or
        the walk goes on too long."""
        key = (line, column)
        if key not in self._runs:
            self._runs[key] = self._find_run(line, column)
        return self._runs[key]

    def _find_run(self, line: int, column: int):
        from govparse.core.cells import EMPTY, LABEL

        if self._order is None:
            self._sections()
        if line not in self._where:
            return None
        table, at = self._where[line]
        order = self._order[table]
        here = self.cells(line)
        index = next((i for i, c in enumerate(here) if c.column == column and c.kind != EMPTY),
                     None)
        if index is None or here[index].kind == LABEL:
            return None
        span = {line}
        # backwards to the leaf
        before, leaf = 0, None
        k, cells, i = at, here, index - 1
        while True:
            while i >= 0 and cells[i].kind != LABEL:
                before += cells[i].kind != EMPTY
                i -= 1
            if i >= 0:
                leaf = cells[i]
                break
            k -= 1
            if k < 0 or at - k > _WALK:
                return None
            cells = self.cells(order[k])
            if cells and cells[-1].kind != LABEL:
                span.add(order[k])  # a line of the row's cells (empty ones too)
            i = len(cells) - 1
        if k != at and not _has_separator(self.cells(leaf.line)) \
                and self._ends_in_label(order, k):
            return None  # maybe a cell's text continued (one cell a line): joined
        span.add(leaf.line)
        # forwards to the next label
        after = 0
        k, cells, i = at, here, index + 1
        while True:
            while i < len(cells):
                cell = cells[i]
                if cell.kind == LABEL:
                    return leaf, before, after, span
                after += cell.kind != EMPTY
                span.add(order[k])  # a line of the row's cells (empty ones too)
                i += 1
            k += 1
            if k >= len(order) or k - at > _WALK:
                return leaf, before, after, span
            cells, i = self.cells(order[k]), 0

    def _ends_in_label(self, order: list[int], k: int) -> bool:
        """Whether the last line with cells before ``order[k]`` ends in a label."""
        from govparse.core.cells import EMPTY, LABEL

        for j in range(k - 1, max(-1, k - 1 - _WALK), -1):
            filled = [c for c in self.cells(order[j]) if c.kind != EMPTY]
            if filled:
                return filled[-1].kind == LABEL
        return False

    # ------------------------------------------------------------ the checks

    def misplaced(self, rec) -> str | None:
        """Why the figure read from (rec.line, rec.col) is not in its row and
        column, or None when nothing says it is not."""
        from govparse.template.spec import catalogue, is_numbered, label_key, load_template

        found = self.run(rec.line, rec.col)
        if found is None or self.header_order_said(rec.table):
            return None  # (a header in another order: its figures are read in it, GP209)
        leaf, before, after, _ = found
        template = self.report.table_template(rec.table)
        table = load_template(template).table(rec.table)
        cat = catalogue(template, rec.table)
        key = label_key(leaf.text)
        named = None
        if key in cat.rows_by_key and (is_numbered(leaf.text) or key not in cat.headers_by_key):
            named = cat.rows_by_key[key]
        if named is not None:
            if named.id != rec.row:
                return (f"stands after the row label '{leaf.text[:30]}' (line {leaf.line}), "
                        f"which names the row {named.id}")
            columns = [c.id for c in named.columns]
            column = columns.index(rec.column)
        elif table.positional:
            columns = [(r.id, c.id) for r, c in table.slots]
            column = columns.index((rec.row, rec.column))
        else:
            return None
        width = len(columns)
        if before + 1 + after > width:
            return None  # more figures than columns: the parser's run is another
        low, high = before, width - 1 - after
        if not low <= column <= high:
            return (f"is figure {before + 1} of {before + 1 + after} after '{leaf.text[:30]}' "
                    f"(line {leaf.line}), so it belongs in column {low + 1}"
                    + (f" … {high + 1}" if high > low else "")
                    + f" of {width}, not in column {column + 1}")
        return None

    def header_order_said(self, table: str) -> bool:
        """Whether a GP209 stands in the table: its header names the columns in
        another order, and figures are read in that order, not by position."""
        lines = self.table_lines(table)
        return any(d.code == "GP209" and d.line in lines for d in self.report.diagnostics)

    def row_span(self, table: str, row: str) -> set[int]:
        """The lines of a row: from its label to its last cell, for every figure
        of the row that was read from the input (value or not)."""
        if self._row_spans is None:
            self._row_spans = {}
            for rec in self.report.figures():
                if rec.table == "report" or rec.line is None:
                    continue
                span = self._row_spans.setdefault((rec.table, rec.row), set())
                span.add(rec.line)
                found = self.run(rec.line, rec.col)
                if found is not None:
                    span.update(found[3])
        return self._row_spans.get((table, row), set())

    def said(self, rec) -> bool:
        """Whether a warning or error stands on the missing figure's row: on a line
        of the row, or for the review table (whose rows are one run of figures,
        found by position) on a line of the table."""
        from govparse.template.spec import load_template

        span = self.row_span(rec.table, rec.row)
        if rec.line is not None:
            span = span | {rec.line}
        if load_template(self.report.table_template(rec.table)).table(rec.table).positional:
            span = span | self.table_lines(rec.table)
        return any(n in self.problems for n in span)

    def describe_span(self, rec) -> str:
        span = sorted(self.row_span(rec.table, rec.row) | ({rec.line} if rec.line else set()))
        return ", ".join(map(str, span[:8])) + (" …" if len(span) > 8 else "") or "unknown"


def _has_separator(cells) -> bool:
    return bool(cells) and len(cells) > 1


def _match_at(pattern: re.Pattern, lines: list[str], line: int | None,
              column: int | None) -> str | None:
    if line is None or column is None or not 1 <= line <= len(lines) or column < 1:
        return None
    found = pattern.match(lines[line - 1], column - 1)
    return found.group() if found else None


def _shown_at(lines: list[str], line: int, column: int) -> str | None:
    """The number a line shows from a column on, a markdown writer's markup inside it
    taken away (6[]{style="…"}2 shows 62), where it holds any."""
    text = lines[line - 1][column - 1:]
    if "]{" not in text and "<" not in text:
        return None
    from govparse.frontends.text.markup import without_markup

    found = NUMBER_AT.match(without_markup(text))
    return found.group() if found else None


_ROW_END = re.compile(r"</?tr\b", re.I)
# a cell's or a block's tag parts text (a blank); any other tag is inline (nothing:
# 6<span></span>2 shows 62)
_PARTING_MARKUP = re.compile(r"</?(?:t[dhr]|p|div|br|li|h[1-6]|sup|sub|s|strike)\b[^<>]*>",
                             re.I)
_MARKUP = re.compile(r"<[^<>]*>")


def _in_markup_cell(lines: list[str], line: int | None, value) -> bool:
    """Whether a number of that value stands in a table cell's text of the row whose
    cell's start tag ends on ``line`` (from that line to the row's end; the whole line
    where it holds a row's end itself: a table written on one line)."""
    if line is None or not 1 <= line <= len(lines):
        return False
    return any(_digits(m.group()) <= 4300 and number_value(m.group()) == value
               for m in NUMBER_AT.finditer(_row_shown(lines, line)))


# the rows' shown text of the last text checked, by line: a table written on one line
# is one row for each of its figures, read once
_ROWS_SHOWN: dict = {}


def _row_shown(lines: list[str], line: int) -> str:
    """The text a row of markup shows from ``line`` to the row's end (_in_markup_cell)."""
    if _ROWS_SHOWN.get("lines") is not lines:
        _ROWS_SHOWN.clear()
        _ROWS_SHOWN["lines"] = lines
    if line in _ROWS_SHOWN:
        return _ROWS_SHOWN[line]
    text = "\n".join(lines[line - 1:line + 200])
    end = _ROW_END.search(text, 1)
    if end is not None and end.start() < len(lines[line - 1]):
        end = _ROW_END.search(text, len(lines[line - 1]))
    row = text[:end.start() if end else len(text)]
    if len(row) <= 200_000:
        # what the page hides (536<b style="visibility: hidden">8</b>9 shows 5369)
        from govparse.frontends.text.markup import without_markup

        row = without_markup(row)
    # (a style sheet in a cell shows nothing and parts nothing: 40<style>…</style>05 is
    # 4005; what a script writes is not in the page: its place parts the text)
    row = _SCRIPT.sub(" ", _STYLE.sub("", row))
    _ROWS_SHOWN[line] = shown = _MARKUP.sub("", _PARTING_MARKUP.sub(" ", row))
    return shown


_STYLE = re.compile(r"<style\b[^<>]*>.*?</style\s*>", re.I | re.S)
_SCRIPT = re.compile(r"<(script|noscript)\b[^<>]*>.*?</\1\s*>", re.I | re.S)


def _what(result) -> str:
    if isinstance(result, GovParseError):
        return f"{type(result).__name__} {result.code}"
    return "a report"


def _positional(text: str | None) -> bool:
    """Whether the properties that read a figure at its line and column apply: to a
    text, not to a page (its figures stand in cells; tests/frontends/html checks
    those)."""
    return text is not None and not looks_like_html(text)


def _run(data, strict: bool, path: str | None, max_bytes: int):
    try:
        return govparse.parse(data, strict=strict, path=path, max_bytes=max_bytes)
    except GovParseError as exc:  # anything else propagates: a crash
        return exc


def check(data: str | bytes, *, path: str | None = None, strict: bool = True,
          max_bytes: int = DEFAULT_MAX_BYTES, extended: bool = True,
          tolerate: frozenset[str] | None = None) -> Outcome:
    """Parse ``data`` leniently (and strictly) and check every property but time."""
    checker = Checker(path, tolerated_known_issues() if tolerate is None else tolerate)
    started = _cpu_seconds()
    lenient = _run(data, False, path, max_bytes)
    seconds = _cpu_seconds() - started
    try:
        text = normalized(text_of(data, max_bytes))
    except GovParseError:
        text = None
    if isinstance(lenient, GovParseError):
        checker.error(lenient)
    else:
        if text is None and not is_binary(data):
            checker.fail("modes", "the input parsed but does not decode")
        checker.report(lenient, text, extended=extended)
    strict_result = None
    if strict:
        strict_result = _run(data, True, path, max_bytes)
        checker.modes(lenient, strict_result)
        if isinstance(strict_result, Report):
            checker.report(strict_result, text, extended=False)
            checker.complete(strict_result, text)
    return Outcome(lenient, strict_result, seconds, len(data), text, tuple(checker.known))


def check_file(path: str | Path, *, strict: bool = True, max_bytes: int = DEFAULT_MAX_BYTES,
               tolerate: frozenset[str] | None = None) -> Outcome:
    """As ``check``, through ``parse_file``: every error and diagnostic names the file."""
    name = str(path)
    checker = Checker(name, tolerated_known_issues() if tolerate is None else tolerate)

    def run(strict_mode: bool):
        try:
            return govparse.parse_file(path, strict=strict_mode, max_bytes=max_bytes)
        except GovParseError as exc:
            return exc

    started = _cpu_seconds()
    lenient = run(False)
    seconds = _cpu_seconds() - started
    try:
        text = normalized(text_of(Path(path).read_bytes(), max_bytes))
    except (GovParseError, OSError):
        text = None
    if isinstance(lenient, GovParseError):
        checker.error(lenient)
    else:
        checker.report(lenient, text, extended=False)
    strict_result = run(True) if strict else None
    if strict:
        checker.modes(lenient, strict_result)
    size = Path(path).stat().st_size if Path(path).exists() else 0
    return Outcome(lenient, strict_result, seconds, size, text, tuple(checker.known))


def check_inferred(data: str | bytes, *, tolerate: frozenset[str] | None = None) -> Report | None:
    """``parse(infer=True)``: a figure it fills is marked inferred, was missing
    without inference, and has its GP408 diagnostic with the value; every other
    figure is the one read without inference."""
    checker = Checker(None, tolerated_known_issues() if tolerate is None else tolerate)
    plain = _run(data, False, None, DEFAULT_MAX_BYTES)
    try:
        inferred = govparse.parse(data, infer=True)
    except GovParseError as exc:
        checker.error(exc)
        if not isinstance(plain, GovParseError) or plain.code != exc.code:
            checker.fail("infer", f"infer=True raised {exc.code}, without: {_what(plain)}")
        return None
    if isinstance(plain, GovParseError):
        checker.fail("infer", f"infer=True gave a report, without: {plain.code}")
    checker.report(inferred, normalized(text_of(data)), extended=False)
    filled = {(d.table_id, d.row_id, d.column_id): d for d in inferred.diagnostics
              if d.code == "GP408"}
    for rec, was in zip(inferred.figures(), plain.figures()):
        key = (rec.table, rec.row, rec.column)
        if getattr(rec, "inferred", False):
            if was.value is not None:
                checker.fail("infer", f"{'.'.join(key)} = {was.value} was read, yet inferred "
                             f"as {rec.value}")
            if key not in filled or filled[key].expected != rec.value:
                checker.fail("infer", f"{'.'.join(key)} inferred as {rec.value} without its "
                             "GP408")
        elif (rec.value, rec.line, rec.col) != (was.value, was.line, was.col):
            checker.fail("infer", f"{'.'.join(key)} changed with infer=True: {was.value} -> "
                         f"{rec.value}")
    return inferred


# ---------------------------------------------------------------- 6. time


@attrs.frozen
class Pace:
    """Seconds per byte of a reference report, and the allowed factor over it."""

    seconds_per_byte: float
    factor: float = 50.0
    allowance: float = 0.5  # seconds, for noise, warm-up and a busy machine

    def limit(self, size: int) -> float:
        return self.allowance + self.factor * self.seconds_per_byte * max(size, 1)


def reference_pace(paths: list[Path] | None = None, repeat: int = 5, *,
                   factor: float = 50.0, allowance: float = 0.5) -> Pace:
    """Seconds per byte of the reference reports (the best of ``repeat`` parses of
    each, averaged over the reports)."""
    from fuzz import SEEDS_DIR

    paths = paths or sorted(SEEDS_DIR.glob("*.txt"))
    datas = [p.read_bytes() for p in paths]
    govparse.parse(datas[0])  # warm up: the grammar, the template
    best = []
    for data in datas:
        times = []
        for _ in range(repeat):
            started = _cpu_seconds()
            govparse.parse(data)
            times.append(_cpu_seconds() - started)
        best.append(min(times) / len(data))
    return Pace(sum(best) / len(best), factor, allowance)


# Inputs of the quadratic classes found so far (all fixed; see KNOWN_ISSUES).
_SLOW_CLASSES = (
    ("slow-space-run", re.compile(r"[ \t\u3000]{200}")),
    ("slow-dash-run", re.compile(r"[-—=]{200}")),
    ("slow-paren-run", re.compile(r"(?:[^(（\n]{0,3}[(（]){200}")),
    ("slow-empty-cells", re.compile(r"(?:[ \u3000]*[\t|｜]){200}")),
)


def slow_classes(text: str | None) -> tuple[str, ...]:
    """The quadratic classes found so far that an input belongs to."""
    if text is None:
        return ()
    return tuple(name for name, pattern in _SLOW_CLASSES if pattern.search(text))


def check_time(outcome: Outcome, pace: Pace,
               tolerate: frozenset[str] | None = None) -> tuple[str, ...]:
    """Raise SlowInput if the lenient parse took longer than linear time allows,
    unless the input is of a tolerated known slow class: then return its id."""
    limit = pace.limit(outcome.size)
    if outcome.seconds <= limit:
        return ()
    tolerate = tolerated_known_issues() if tolerate is None else tolerate
    classes = slow_classes(outcome.text)
    message = (f"{outcome.size} bytes took {outcome.seconds:.3f} s, over {limit:.3f} s "
               f"({pace.factor:g}x a reference report's {pace.seconds_per_byte * 1e6:.2f} "
               f"µs/byte + {pace.allowance} s)")
    tolerated = tuple(c for c in classes if c in tolerate)
    if tolerated:
        return tolerated[:1]
    raise SlowInput("time", message, classes[0] if classes else None)
