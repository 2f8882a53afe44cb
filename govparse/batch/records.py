"""One file's result as rows of three relations, the shape every output of a batch
run writes (CSV, JSON Lines, Parquet, SQLite, DuckDB, Excel):

- ``ReportRow``: one a file — where it came from, what it is, and how it read;
- ``FigureRow``: one a figure of the template's tables, missing ones too (value
  None), under the template's ids (``govparse codebook`` lists them);
- ``DiagnosticRow``: one a diagnostic, a file's fatal error among them.

The organisation and the year are columns of the report, never rows among the
figures; ``value`` is a number (an int, or a Decimal for a fee), never text.
Records are plain tuples of plain values: cheap to send back from a worker
process and to write."""

# (Annotations evaluated, not `from __future__ import annotations`: typing.NamedTuple
# compiles each string annotation into a ForwardRef: about 2 ms of a cold start for the
# NamedTuples of records.py and runner.py.)

from decimal import Decimal
from typing import NamedTuple

from govparse.diagnostics import Severity


class ReportRow(NamedTuple):
    report_id: int  # the file's place in the run's input order, from 1
    path: str
    sha256: str | None  # None when the file could not be read at all
    format: str | None  # text, html, pdf, docx (None: not read)
    organization: str | None
    year: int | None
    template: str | None  # "2021" or "2019"; None when no report was read
    figures_found: int
    figures_expected: int
    errors: int
    warnings: int
    notes: int
    error_code: str | None  # the code of the error that stopped the file, if one did
    error_message: str | None


class FigureRow(NamedTuple):
    report_id: int
    table: str
    row: str
    column: str
    value: int | Decimal | None  # None: missing in the source
    unit: str | None  # the unit written in the cell, when one was (个, 件, 万元)
    inferred: bool  # filled by --infer from the template's arithmetic
    line: int | None  # where the figure stands in a text
    col: int | None
    location: str | None  # where it stands in a page, PDF or Word file, in words
    recovered: bool = False  # split out of run-together text by the template's arithmetic


class DiagnosticRow(NamedTuple):
    report_id: int
    code: str
    severity: str  # error, warning, note
    message: str
    hint: str | None
    line: int | None
    col: int | None
    location: str | None  # a page's, PDF's or Word file's place, in words


class FileResult(NamedTuple):
    """What one file gave: its report row, figures and diagnostics. When the
    output wants the whole model (JSON), ``model`` is the Report, or ``error`` the
    error that stopped the file as JSON data (govparse.emit.serialize.error_to_dict)."""

    report: ReportRow
    figures: tuple[FigureRow, ...]
    diagnostics: tuple[DiagnosticRow, ...]
    model: object = None  # govparse.Report, or None
    error: dict | None = None

    @property
    def failed(self) -> bool:
        return self.report.error_code is not None


SEVERITIES = tuple(s.value for s in Severity)
