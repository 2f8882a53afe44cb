"""Diagnostics: what the parser noticed, with a stable code and a position.

Every recovery the lenient parser makes leaves one. Codes never change meaning;
new ones are added at the end of their group. ``CODES`` is the catalogue that
``govparse codes`` prints and that tests check messages against.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Union

import attrs

from govparse.classes import frozen

Number = Union[int, Decimal, None]


class Severity(str, enum.Enum):
    ERROR = "error"  # figures were lost or cannot be trusted
    WARNING = "warning"  # recovered, but the report is not on the template
    NOTE = "note"  # a layout variation that loses nothing

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "note": 0}[self.value]


@frozen
class Code:
    code: str
    name: str
    severity: Severity
    summary: str
    # A note that strict mode still refuses, as a warning: a figure recovered by
    # arithmetic rather than read is no clean template report.
    strict_warning: bool = False


_E, _W, _N = Severity.ERROR, Severity.WARNING, Severity.NOTE

CODES: dict[str, Code] = {
    c.code: c
    for c in (
        # input
        Code("GP001", "unreadable-input", _E, "the input could not be read"),
        Code("GP002", "binary-input", _E, "the input is binary, not text"),
        Code("GP003", "input-too-large", _E, "the input is larger than the size limit"),
        Code("GP004", "undecodable-input", _E, "the input is in no text encoding govparse reads"),
        Code("GP005", "legacy-encoding", _N, "the input was decoded from a legacy encoding"),
        Code("GP006", "unreadable-pdf", _E, "the PDF could not be opened (broken or encrypted)"),
        Code("GP007", "no-text-layer", _E, "the PDF has no text to read (a scan: govparse does no OCR)"),
        Code("GP008", "legacy-word-file", _E, "a legacy Word or WPS file (.doc, .wps), not read"),
        Code("GP009", "page-marker", _N, "page numbers between a PDF's pages were dropped"),
        Code("GP010", "internal-error", _E,
             "govparse failed on the file (a bug, or its worker process crashed); a batch goes on"),
        Code("GP011", "timeout", _E, "reading the file took longer than the time allowed"),
        Code("GP012", "tabs-as-blanks", _N,
             "tabs that align a space-aligned text's cells were read as blanks to tab stops"),
        Code("GP013", "radicals-as-ideographs", _N,
             "characters written as radicals or compatibility ideographs (⾏ for 行, as a "
             "PDF's text layer may hold them) were read as the ideographs they stand for"),
        Code("GP014", "running-lines", _N,
             "the running heads and feet of a PDF's pages (the same line at the top or "
             "foot of every page: a browser's date, address and page count) were dropped"),
        Code("GP015", "padded-rows", _N,
             "a table's rows leave out their empty cells and are padded at their end "
             "(trafilatura before 2.3): those at a row's end are left out, a short row placed "
             "only by the arithmetic"),
        # structure
        Code("GP016", "web-archive", _N,
             "the input is a web archive (MHTML: a browser's \"save as single file\", Word's "
             "single-file web page); the page inside it was read"),
        Code("GP017", "unreadable-web-archive", _E,
             "a web archive (MHTML) whose page cannot be read: it holds none, or is "
             "written as no browser writes one"),
        Code("GP100", "syntax-error", _E, "a line could not be read at all"),
        Code("GP101", "missing-title", _W, "no title line names the organisation and year"),
        Code("GP102", "year-from-text", _W, "the year was taken from the text, not the title"),
        Code("GP103", "missing-section", _W, "a narrative section of the template is missing"),
        Code("GP104", "repeated-heading", _N, "a section heading appears twice; the parts were joined"),
        Code("GP105", "section-order", _W, "a section stands out of the template's order"),
        Code("GP106", "mixed-template", _W, "the tables follow different templates"),
        Code("GP107", "template-year", _N, "the template is not the one in force for the year"),
        Code("GP108", "missing-table-section", _E, "a table section is missing; its figures too"),
        Code("GP109", "second-title", _W, "a second title line; kept as a paragraph"),
        Code("GP110", "title-field-label", _N,
             "the title line starts with a field label (标题:); the organisation follows it"),
        Code("GP111", "split-title", _N,
             "the title is written over several lines (the organisation above, or the "
             "title wrapped); read as one"),
        Code("GP112", "no-tables", _E,
             "no statistics table was found: the input holds none of a report's figures"),
        Code("GP113", "organisation-in-full", _N,
             "the title names the organisation short; the preamble names it in full"),
        Code("GP114", "organisation-from-text", _W,
             "the organisation was taken from the overview's sentence, not the title"),
        Code("GP115", "titles-disagree", _W,
             "title lines name different years; the one the statistics period states, or none"),
        Code("GP116", "organisation-blanks", _N,
             "blanks between the Han characters of the organisation's name were left out"),
        # tables: labels and headers
        Code("GP201", "unknown-text", _W, "text in a table that is no label of the template"),
        Code("GP202", "header-typo", _W, "a header cell differs from the template's column label"),
        Code("GP203", "row-label-typo", _W, "a row label differs from the template; read as the closest"),
        Code("GP204", "unplaced-figures", _E, "figures follow a label that names no row of the table"),
        Code("GP205", "missing-row", _W, "a row of the template is missing; its figures are missing"),
        Code("GP206", "duplicate-row", _E,
             "a row appears twice: the first is kept, or neither where their figures differ"),
        Code("GP207", "missing-header", _W, "the header lacks a column label of the template"),
        Code("GP209", "header-order", _W, "the header names the columns in another order"),
        Code("GP210", "labels-in-one-cell", _N,
             "a cell holds a row's label and the labels above it, parted by blanks; read apart"),
        # tables: cells
        Code("GP301", "short-row", _W, "a row has fewer figures than columns: none at all"),
        Code("GP302", "empty-cell", _W, "an empty cell among figures is taken as missing"),
        Code("GP303", "long-row", _E, "a row has more figures than columns"),
        Code("GP304", "placeholder-cell", _W, "a cell holds a mark, not a figure; taken as missing"),
        Code("GP305", "merged-cell", _N, "an empty cell left by a merged label cell was skipped"),
        Code("GP306", "wrapped-row", _N, "a row's figures continue on the next line"),
        Code("GP307", "split-cell", _N, "a cell's text is split by spaces or lines; read joined"),
        Code("GP308", "punctuation", _N, "labels use other punctuation than the template"),
        Code("GP309", "full-width-digits", _N, "a figure is written in full-width digits"),
        Code("GP310", "thousands-separator", _N, "a figure has thousands separators"),
        Code("GP311", "unit-in-cell", _N, "a figure's cell also holds a unit"),
        Code("GP312", "amount-in-yuan", _W, "an amount is in 元 where the template asks for 万元"),
        Code("GP313", "unreadable-figure", _E, "a cell where a figure stands is no number read"),
        Code("GP314", "unplaced-short-row", _E,
             "a row has fewer figures than columns and nothing tells where (some of) them go"),
        Code("GP315", "gap-by-arithmetic", _W,
             "a short row's gap was placed where the template's arithmetic allows it alone"),
        Code("GP316", "gap-by-position", _W,
             "a short row's figures were placed by their positions under the header"),
        Code("GP317", "run-split", _N,
             "a run of digits (run-together text) was split by the template's arithmetic",
             strict_warning=True),
        Code("GP318", "ambiguous-run", _E,
             "a run of digits splits into the row's figures in more than one consistent way"),
        Code("GP319", "unsplittable-run", _E,
             "a run of digits splits in no way the template's arithmetic allows"),
        Code("GP320", "stacked-figures", _E,
             "figures of a row stand one above the other in one column (a wrapped number?)"),
        Code("GP321", "header-order-unknown", _E,
             "the header names columns in another order but not every column's place; "
             "rows it gives no order for are not placed"),
        Code("GP322", "drawn-table-cut", _E,
             "a table drawn with lines was wrapped at a width after it was drawn; none of "
             "its section's tables is read"),
        Code("GP323", "figures-over-lines", _W,
             "a row's figures stand on two lines; placed left to right where the text "
             "sets them at their columns, else because every reading gives the same "
             "figures or one alone fits the template's arithmetic"),
        Code("GP324", "figures-above-label", _N,
             "a row's figures stand on the line above its label, where the row above "
             "cannot own them (its own figures whole, all 0, or those above the first "
             "parts of the row's wrapped numbers): read as the row's"),
        Code("GP325", "parted-number-confirmed", _W,
             "a cell's digits parted by a blank (a number wrapped in its cell) read as one "
             "number, which every relation of the template's arithmetic about it gives"),
        Code("GP326", "total-broken-where-numbers-wrap", _E,
             "a row's own total does not hold in a table whose numbers wrap in their "
             "cells (one may show its first line only); the row is not placed"),
        Code("GP327", "merged-header-rest", _N,
             "a header cell's empty places after it (a merged cell's rest): the rows' "
             "cells under them read as that column's"),
        Code("GP328", "wrapped-number", _W,
             "a cell's lines of digits, each but the last filling the cell's width (a PDF's "
             "page shows it), read as one number wrapped to fit its cell, the row's own "
             "totals holding with it"),
        Code("GP329", "wrapped-number-joined", _W,
             "a row with figures more than its columns over lines: two figures on two of "
             "its lines read as one number wrapped in its cell, the only reading the "
             "template's arithmetic fits"),
        Code("GP330", "figures-a-row-below", _E,
             "figures on a header's line next to rows that run to a row's label with "
             "none: each row's figures may stand a row off its label; those rows are not "
             "placed"),
        # the template's arithmetic (govparse check)
        Code("GP401", "row-total", _E, "a row's 总计 is not the sum of its applicant columns"),
        Code("GP402", "outcome-total", _E, "（七）总计 is not the sum of the outcome rows"),
        Code("GP403", "balance", _E, "勾稽关系: 本年新收 + 上年结转 differs from 办理结果 + 结转下年度"),
        Code("GP404", "review-total", _E, "a review or litigation row's 总计 is not its sum"),
        Code("GP405", "count-value", _E, "a count is not a whole number ≥ 0"),
        Code("GP406", "fee-value", _E, "a fee is negative or has more than four decimal places"),
        Code("GP407", "not-checkable", _W, "a relation needs a missing figure and was not checked"),
        Code("GP408", "inferred-figure", _W, "a missing figure was filled from the arithmetic"),
        # sources other than text (HTML pages)
        Code("GP501", "span-cut", _W,
             "a table cell spans further than a report's table can; its span was cut"),
        Code("GP502", "page-cut", _E,
             "the HTML parser stopped before the end of the page; the rest was not read"),
        Code("GP503", "span-disowned", _E,
             "a figure spans rows or columns where the cells around it have a cell of "
             "their own"),
        Code("GP504", "hidden-text", _N,
             "text the page hides from its reader (display: none and the like) was left "
             "out, as a browser shows the page"),
        Code("GP505", "hiding-rules-cut", _W,
             "the page's style sheets hide (or show) elements by more selectors, or "
             "ask more matches, than govparse follows; text hidden by the rest may be "
             "read, text shown left out"),
        Code("GP506", "table-in-a-cell", _N,
             "a table written inside a cell of a data table was left out of the cell's text"),
        Code("GP507", "report-revealed", _W,
             "the page hides its whole report until a script or a click shows it (a "
             "WeChat article's text, a cloaked app); it was read as shown"),
        Code("GP508", "sheet-unread", _W,
             "digits among a figure's stand in an element that a style sheet govparse did "
             "not read may hide (against copying); the figure is not read"),
        # across reports (govparse check --across)
        Code("GP601", "carry-over-break", _E,
             "applications carried forward at a year's end differ from those carried over "
             "at the next year's start"),
        Code("GP602", "year-gap", _W, "a body's reports skip a year: the carry-over is not checked"),
        Code("GP603", "duplicate-year", _W,
             "a body has two reports for one year (used only where they agree)"),
        Code("GP604", "unplaced-report", _W,
             "a report with no organisation or no year is left out of the checks across years"),
    )
}


@frozen
class FigureRef:
    """A figure a finding is about: its identifiers, value and source position."""

    table: str
    row: str
    column: str
    value: Number
    line: int | None = None
    col: int | None = None
    # Where it stands when the source is not a text (an HTML, PDF or Word cell; see
    # govparse.document): its ``where()`` says it in words.
    location: object = None

    @property
    def id(self) -> str:
        return f"{self.table}.{self.row}.{self.column}"


@frozen
class CellContext:
    """What a person looks for to find a table cell in a page: the row's label, the
    column's header (levels joined by " / ") and the cell's own text."""

    row: str | None
    column: str | None
    text: str


@frozen
class Diagnostic:
    code: str
    severity: Severity
    message: str
    line: int | None = None
    column: int | None = None
    # Characters the caret marks, from ``column`` on (1 when unknown).
    length: int = 1
    hint: str | None = None
    path: str | None = None
    # Findings of the validator also say what they are about, as data:
    table_id: str | None = None
    row_id: str | None = None
    column_id: str | None = None
    expected: Number = None  # what the arithmetic gives
    actual: Number = None  # what the report says
    figures: tuple[FigureRef, ...] = ()
    # A diagnostic about a cell of a source that is not a text (an HTML, PDF or Word
    # table) says where the cell stands (a govparse.document location, whose
    # ``where()`` says it in words) and what stands around it, since no source line
    # is worth showing there.
    location: object = None
    context: CellContext | None = None

    @property
    def name(self) -> str:
        return CODES[self.code].name

    def with_path(self, path: str | None) -> Diagnostic:
        if path == self.path:
            return self  # frozen: nothing to change
        return attrs.evolve(self, path=path)

    def as_error(self) -> Diagnostic:
        return attrs.evolve(self, severity=Severity.ERROR)


class DiagnosticSink:
    """Collects diagnostics while one report is read."""

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def add(
        self,
        code: str,
        message: str,
        line: int | None = None,
        column: int | None = None,
        *,
        length: int = 1,
        hint: str | None = None,
        at: object = None,
        **finding,
    ) -> None:
        """``at``: the cell (govparse.core.cells.Cell) the diagnostic is about, in
        place of ``line`` and ``column``: its location too when it is not in a text.
        ``finding``: the fields a validator's finding carries (table_id, …)."""
        if at is not None:
            line, column = at.line, at.column
            if at.source is not None:
                finding["location"] = at.source
        self.items.append(
            Diagnostic(code, CODES[code].severity, message, line, column, max(1, length), hint,
                       **finding)
        )

    def withdraw(self, code: str, line: int | None, starting: str = "") -> None:
        """Take back the diagnostics of ``code`` on ``line`` (whose message starts
        with ``starting``): a note the core's reading contradicts (the text
        front-end's GP306, figures that go on a row's line, where the core reads them
        as the next row's, GP324; a figure's GP310 where it is read as no number)."""
        self.items = [d for d in self.items if d.code != code or d.line != line
                      or not d.message.startswith(starting)]

    def sorted(self) -> tuple[Diagnostic, ...]:
        return tuple(
            sorted(self.items, key=lambda d: (d.line or 0, d.column or 0, d.code))
        )
