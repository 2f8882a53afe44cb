"""A read file as the rows of govparse.batch.records: its report row, one row a
figure and one a diagnostic."""

from __future__ import annotations

from govparse.batch.records import DiagnosticRow, FigureRow, FileResult, ReportRow
from govparse.diagnostics import Diagnostic, Severity
from govparse.errors import GovParseError
from govparse.model.report import Report


def result_of(report_id: int, path: str, *, sha256: str | None = None,
              format: str | None = None, report: Report | None = None,
              error: GovParseError | None = None, keep_model: bool = False) -> FileResult:
    """The rows of one file: a report read (``report``), or the error that stopped
    it (``error``, whose diagnostics are the file's)."""
    diagnostics = report.diagnostics if report is not None else \
        (error.diagnostics if error is not None else ())
    diagnostic_rows = tuple(_diagnostic_row(report_id, d) for d in diagnostics)
    if error is not None and not any(d.code == error.code for d in diagnostics):
        # an error raised before any diagnostic was made (a file that cannot be read)
        diagnostic_rows += (DiagnosticRow(report_id, error.code, Severity.ERROR.value,
                                          error.message, None, error.line, error.column,
                                          None),)
    figures = _figure_rows(report_id, report) if report is not None else ()
    counts = {s.value: 0 for s in Severity}
    for row in diagnostic_rows:
        counts[row.severity] += 1
    row = ReportRow(
        report_id=report_id, path=path, sha256=sha256, format=format,
        organization=_meta(report, "organization"), year=_meta(report, "year"),
        template=report.template if report is not None else None,
        figures_found=sum(f.value is not None for f in figures),
        figures_expected=len(figures),
        errors=counts["error"], warnings=counts["warning"], notes=counts["note"],
        error_code=error.code if error is not None else None,
        error_message=error.message if error is not None else None)
    if not keep_model or error is None:
        return FileResult(row, figures, diagnostic_rows, report if keep_model else None)
    from govparse.emit.serialize import error_to_dict

    return FileResult(row, figures, diagnostic_rows, report, error_to_dict(error))


def _meta(report: Report | None, name: str):
    return getattr(report, name).value if report is not None else None


def _figure_rows(report_id: int, report: Report) -> tuple[FigureRow, ...]:
    return tuple(
        FigureRow(report_id, table, row, column, fig.value, fig.unit, fig.inferred, fig.line,
                  fig.column, fig.location.where() if fig.location is not None else None,
                  fig.recovered)
        for table, row, column, fig in report.table_figures())


def _diagnostic_row(report_id: int, d: Diagnostic) -> DiagnosticRow:
    return DiagnosticRow(report_id, d.code, d.severity.value, d.message, d.hint, d.line,
                         d.column, d.location.where() if d.location is not None else None)
