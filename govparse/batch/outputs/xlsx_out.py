"""Excel (openpyxl, a write-only workbook: rows go to temporary files as they come,
not into memory): a sheet ``reports``, one row a file; a sheet ``figures``, the long
format with types (TYPED_FIGURE_COLUMNS); and a sheet a table of the template in wide
form, one row a report read and one column a figure of either template, headed by
its Chinese labels (``一、本年新收政府信息公开申请数量 / 自然人``); last, ``codebook``, the
figures' ids with their labels (``govparse codebook``).

A sheet holds at most Excel's 1,048,576 rows: past them its rows go on in a sheet
``figures (2)``, ``figures (3)``, … with the same header. The workbook is written
when it is closed."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from govparse.batch.outputs import OutputError
from govparse.batch.outputs.held import signals_held
from govparse.batch.outputs.tabular import REPORT_COLUMNS, TYPED_FIGURE_COLUMNS, workbook_rows
from govparse.batch.records import FileResult, ReportRow
from govparse.template.codebook import FIELDS, codebook, fields, wide_columns
from govparse.template.spec import TABLE_ORDER

EXCEL_ROWS = 1_048_576  # the most rows a sheet holds, its header among them


class ContinuedSheet:
    """Rows under a header, in one sheet and, past ``limit`` rows, in the next:
    ``name``, ``name (2)``, …"""

    def __init__(self, workbook: Workbook, name: str, header, limit: int = EXCEL_ROWS) -> None:
        self._workbook, self._name, self._header, self._limit = workbook, name, list(header), limit
        self._part = 0
        self._next_sheet()

    def _next_sheet(self) -> None:
        self._part += 1
        title = self._name if self._part == 1 else f"{self._name} ({self._part})"
        after = self._workbook.sheetnames.index(self._sheet.title) + 1 if self._part > 1 else None
        self._sheet = self._workbook.create_sheet(title, after)
        self._sheet.append(self._header)
        self._rows = 1

    def append(self, row: list) -> None:
        if self._rows >= self._limit:
            self._next_sheet()
        for i, value in enumerate(row):
            if isinstance(value, Decimal):
                row[i] = self._exact_number_cell(value)
        self._sheet.append(row)
        self._rows += 1

    def _exact_number_cell(self, value: Decimal) -> WriteOnlyCell:
        """A fee as a number shown with the places it was written with (1.2500)."""
        places = max(-value.as_tuple().exponent, 0)
        cell = WriteOnlyCell(self._sheet, value=value)
        cell.number_format = "0." + "0" * places if places else "0"
        return cell


class ExcelWriter:
    def __init__(self, path: str, *, sheet_rows: int = EXCEL_ROWS, **_ignored) -> None:
        self._path = path
        self._check_writable()
        self._workbook = Workbook(write_only=True)
        self._reports = ContinuedSheet(self._workbook, "reports", ReportRow._fields, sheet_rows)
        self._figures = ContinuedSheet(self._workbook, "figures",
                                       (name for name, _ in TYPED_FIGURE_COLUMNS), sheet_rows)
        self._tables = []  # each table's wide sheet, in TABLE_ORDER (workbook_rows)
        for table in TABLE_ORDER:
            header = (*REPORT_COLUMNS, *(entry.label for entry in wide_columns(table)))
            self._tables.append(ContinuedSheet(self._workbook, table, header, sheet_rows))

    def _check_writable(self) -> None:
        # the workbook is written only when closed: say now, not after the run, that
        # it cannot be
        try:
            open(self._path, "ab").close()
        except OSError as exc:
            raise OutputError(f"cannot write {self._path}: {exc.strerror or exc}") from None

    def encoder(self):
        return workbook_rows

    def add(self, result: FileResult) -> None:
        with signals_held():  # a Ctrl-C while the result is read takes effect once it is in
            self.add_encoded(workbook_rows(result))

    def add_encoded(self, rows) -> None:
        """A result's workbook_rows."""
        report, figures, wide = rows
        with signals_held():
            self._reports.append(report)
            for row in figures:
                self._figures.append(row)
            if wide is not None:
                for sheet, row in zip(self._tables, wide):
                    sheet.append(row)

    def _add_codebook(self) -> None:
        """A last sheet that names each figure of the sheet figures (table, row,
        column) with its Chinese labels, as govparse codebook does."""
        sheet = self._workbook.create_sheet("codebook")
        sheet.append(FIELDS)
        for entry in codebook():
            sheet.append(fields(entry))

    def close(self) -> None:
        with signals_held():
            self._add_codebook()
            try:
                self._workbook.save(self._path)
            except OSError as exc:
                raise OutputError(f"cannot write {self._path}: {exc.strerror or exc}") \
                    from None
