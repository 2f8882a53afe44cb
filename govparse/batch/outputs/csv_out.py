"""CSV: the long format (govparse.batch.outputs.tabular), one header however many
files. ``excel=True`` starts the file with a UTF-8 byte-order mark, without which
Excel shows Chinese as mojibake."""

from __future__ import annotations

import csv
import io

from govparse.batch.outputs import open_text
from govparse.batch.outputs.tabular import FIGURE_COLUMNS, long_rows
from govparse.batch.records import FileResult
from govparse.emit.serialize import csv_value


class CsvWriter:
    def __init__(self, path_or_stream, *, excel: bool = False, **_ignored) -> None:
        if hasattr(path_or_stream, "write"):
            self._file, self._owned = path_or_stream, False
        else:
            self._file = open_text(path_or_stream, "utf-8-sig" if excel else "utf-8")
            self._owned = True
        self._csv = csv.writer(self._file, lineterminator="\n")
        self._csv.writerow(FIGURE_COLUMNS)

    def add(self, result: FileResult) -> None:
        # a report's rows in one write: an interrupted run leaves whole reports
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerows(
            [csv_value(v) for v in row] for row in long_rows(result))
        self._file.write(text.getvalue())

    def close(self) -> None:
        self._file.flush()
        if self._owned:
            self._file.close()
