"""CSV: the long format (govparse.batch.outputs.tabular), one header however many
files. ``excel=True`` starts the file with a UTF-8 byte-order mark, without which
Excel shows Chinese as mojibake."""

from __future__ import annotations

import csv
import io

from govparse.batch.outputs import Utf8Output
from govparse.batch.outputs.tabular import FIGURE_COLUMNS
from govparse.batch.records import FileResult


def csv_text(result: FileResult) -> str:
    """The CSV lines of a result's figures, one a figure, each cell as
    govparse.emit.serialize.csv_value writes it: the csv module writes None as an
    empty cell and a number or a Decimal as str() does, as csv_value does; only the
    two flags are made their text (true, false) here."""
    if not result.figures:
        return ""
    report = result.report
    head = (report.path, report.organization, report.year, report.template)
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(
        head + (f.table, f.row, f.column, f.value, f.unit,
                "true" if f.inferred is True else "false" if f.inferred is False else f.inferred,
                f.line, f.col, f.location,
                "true" if f.recovered is True else "false" if f.recovered is False
                else f.recovered)
        for f in result.figures)
    return text.getvalue()


def csv_bytes(result: FileResult) -> bytes:
    """csv_text in UTF-8 (made in the worker that read the file: the run's process
    only writes it)."""
    return csv_text(result).encode("utf-8")


class CsvWriter:
    def __init__(self, path_or_stream, *, excel: bool = False, **_ignored) -> None:
        self._out = Utf8Output(path_or_stream, bom=excel)
        header = io.StringIO()
        csv.writer(header, lineterminator="\n").writerow(FIGURE_COLUMNS)
        self._out.write(header.getvalue().encode("utf-8"))

    def encoder(self):
        return csv_bytes

    def add(self, result: FileResult) -> None:
        self.add_encoded(csv_bytes(result))

    def add_encoded(self, data: bytes) -> None:
        # a report's rows in one write: an interrupted run leaves whole reports
        if data:
            self._out.write(data)

    def close(self) -> None:
        self._out.close()
