"""Reading a table's figures from its stream of cells.

Row labels decide which template row a run of figures belongs to; separators have
already decided where cells are (cells.py). A *logical row* is a run of label cells
followed by the figure cells after the last of them, wherever the lines break:
that covers one row a line, one cell a line, and rows wrapped across lines alike.
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import islice


from govparse.core.cells import EMPTY, FOLD_FULL_WIDTH, LABEL, NUMBER, PLACEHOLDER, Cell
from govparse.core.grid import EmptyRun, cells_of
from govparse.diagnostics import DiagnosticSink
from govparse.model.report import Figure
from govparse.template.spec import (
    ColumnSpec,
    LabelCatalogue,
    RowSpec,
    is_numbered,
    label_key,
    normalize_label,
)

_BLANKS = re.compile(r"\s+")
# A cell that looks like a figure but is none NUMBER reads: 1，234  1 234  1234.
# Matched with full-width forms folded to ASCII first: a class that mixes the two
# compiles into a table of all 65,536 characters, slow at start-up.
_ASCII_FIGURE_LIKE = re.compile(r"[+-]?[0-9][0-9,.\s]*$")


def looks_like_a_figure(text: str) -> bool:
    return _ASCII_FIGURE_LIKE.match(text.translate(FOLD_FULL_WIDTH)) is not None


class LogicalRow:
    """Label cells and the figure cells after them: one row of the template, however
    the lines break. (A plain class: it is filled in place while the stream is read.)

    Lines of separators only (EmptyRun, an empty cell a line) stay unread in
    ``data``: before the row's first figure until it comes (each empty cell there is
    a gap or a merged label cell, with its own place), after it for good
    (TableReader._fit counts their cells and makes only those it uses)."""

    __slots__ = ("labels", "data", "has_figures", "unread")

    def __init__(self, labels: list[Cell] | None = None) -> None:
        self.labels = labels if labels is not None else []
        self.data: list[Cell | EmptyRun] = []
        self.has_figures = False  # a figure (not only empty cells) is among the data
        self.unread: int | None = None  # where a EmptyRun before any figure stands

    def read_separator_lines(self) -> None:
        """Make the cells of the EmptyRun in data: the first figure follows them."""
        tail = self.data[self.unread:]
        del self.data[self.unread:]
        self.data.extend(cells_of(tail))
        self.unread = None

    def __repr__(self) -> str:
        return f"LogicalRow(labels={self.labels!r}, data={self.data!r})"


def splits_a_word(text: str) -> bool:
    """Whether blanks stand between two CJK ideographs: 商业 企业, 结果 维持.
    (Not a regular expression: compiling the range of CJK ideographs costs 2 ms,
    a fortieth of a cold start.)"""
    for gap in _BLANKS.finditer(text):
        start, end = gap.span()
        if 0 < start and end < len(text) and "\u4e00" <= text[start - 1] <= "\u9fff" \
                and "\u4e00" <= text[end] <= "\u9fff":
            return True
    return False


def logical_rows(stream: list[Cell | EmptyRun]) -> list[LogicalRow]:
    rows = [LogicalRow()]
    current = rows[0]
    for cell in stream:
        if cell.kind == LABEL:
            if current.has_figures:
                current = LogicalRow([cell])
                rows.append(current)
            else:
                # Empty cells between labels are merged label cells, not figures.
                current.labels.append(cell)
                current.data.clear()
                current.unread = None
        else:
            if cell.kind != EMPTY:
                if current.unread is not None:
                    current.read_separator_lines()
                current.has_figures = True
            elif current.unread is None and type(cell) is EmptyRun \
                    and not current.has_figures:
                current.unread = len(current.data)
            current.data.append(cell)
    return [r for r in rows if r.labels or r.has_figures]


class TableReader:
    """Reads one table of the template from its cell stream."""

    def __init__(self, catalogue: LabelCatalogue, sink: DiagnosticSink) -> None:
        self.catalogue = catalogue
        self.sink = sink
        self.figures: dict[tuple[str, str], Figure] = {}
        self.seen_rows: dict[str, Cell] = {}
        self.header_keys: set[str] = set()
        self.suggested: set[str] = set()
        self.variant_labels: list[Cell] = []
        self.heading_line: int | None = None  # where a finding with no cell of its own points
        self.header_cells: dict[int, list[Cell]] = {}  # column labels, by line

    # ------------------------------------------------------------ entry point

    def read(self, rows: list[LogicalRow], heading_line: int | None
             ) -> dict[tuple[str, str], Figure]:
        self.heading_line = heading_line
        for row in rows:
            for cell in row.labels:
                self._note_label_form(cell)
        if self.catalogue.table.positional:
            self._read_positional(rows)
        else:
            for row in rows:
                self._read_row(row)
            self._report_missing_rows(heading_line)
        self._check_header(heading_line)
        self._report_label_forms()
        return self.figures

    # ------------------------------------------------------------ rows by label

    def _read_row(self, row: LogicalRow) -> None:
        labels = list(row.labels)
        spec = None
        if row.has_figures:
            if not labels:
                first = next(c for c in row.data if c.kind != EMPTY)
                self.sink.add("GP204", "figures stand before any row label; they are not placed",
                              first.line, first.column)
                return
            leaf = labels.pop()
            spec = self._row_for_leaf(leaf, row.data)
            if spec is None:
                return
        for cell in labels:
            self._classify_label(cell)
        if spec is not None:
            self._place(spec, row.data, row.labels[-1])

    def _row_for_leaf(self, leaf: Cell, data: list[Cell]) -> RowSpec | None:
        key = label_key(leaf.text)
        cat = self.catalogue
        if key in cat.rows_by_key:
            return cat.rows_by_key[key]
        first = next(c for c in data if c.is_figure)
        if key in cat.headers_by_key or key in cat.parents_by_key:
            self.sink.add(
                "GP204",
                f"figures follow '{leaf.text}', which is a header, not a row label; "
                "they are not placed",
                first.line, first.column,
            )
            return None
        if looks_like_a_figure(leaf.text):
            self.sink.add(
                "GP313", f"'{leaf.text}' stands where a figure would, but is no number govparse "
                "reads (a full-width comma, a space or a point in the wrong place?); it and the "
                "figures after it are not placed", leaf.line, leaf.column, length=len(leaf.text))
            return None
        spec = cat.close_row(key)
        if spec is not None:
            self.sink.add(
                "GP203",
                f"row label '{leaf.text}' is not the template's; read as '{spec.label}'",
                leaf.line, leaf.column, length=len(leaf.text), hint=f"did you mean {spec.label}?",
            )
            return spec
        suggestions = cat.suggest(key, {k: r.label for k, r in cat.rows_by_key.items()})
        self.sink.add(
            "GP204",
            f"figures follow '{leaf.text}', which names no row of this table; they are not placed",
            leaf.line, leaf.column, length=len(leaf.text),
            hint=_did_you_mean(suggestions),
        )
        return None

    def _classify_label(self, cell: Cell) -> None:
        key = label_key(cell.text)
        cat = self.catalogue
        if key in cat.rows_by_key and (is_numbered(cell.text) or key not in cat.headers_by_key):
            # A row label with no figures after it.
            self._place(cat.rows_by_key[key], [], cell)
        elif key in cat.headers_by_key:
            self.header_keys.add(key)
            self.header_cells.setdefault(cell.line, []).append(cell)
        elif key in cat.parents_by_key:
            pass
        elif looks_like_a_figure(cell.text):
            self.sink.add(
                "GP313", f"'{cell.text}' stands where a figure would, but is no number govparse "
                "reads (a full-width comma, a space or a point in the wrong place?); the figure "
                "is missing", cell.line, cell.column, length=len(cell.text))
        else:
            suggestions = cat.suggest(key)
            headers = [s for s in suggestions if label_key(s) in cat.headers_by_key]
            if headers:
                self.suggested.update(label_key(s) for s in headers)
                self.sink.add(
                    "GP202",
                    f"header cell '{cell.text}' is not a column label of this table",
                    cell.line, cell.column, length=len(cell.text), hint=_did_you_mean(headers),
                )
            else:
                self.sink.add(
                    "GP201", f"'{cell.text}' is no label of this table; ignored",
                    cell.line, cell.column, length=len(cell.text), hint=_did_you_mean(suggestions),
                )

    def _report_missing_rows(self, heading_line: int | None) -> None:
        for spec in self.catalogue.table.rows:
            if spec.id not in self.seen_rows:
                self.sink.add(
                    "GP205", f"row '{' / '.join(spec.path)}' is not in the table; its figures "
                    "are missing", heading_line, 1,
                )

    # ------------------------------------------------------------ the review table

    def _read_positional(self, rows: list[LogicalRow]) -> None:
        cat = self.catalogue
        with_figures = [r for r in rows if r.has_figures]
        by_label = with_figures and all(
            r.labels and label_key(r.labels[-1].text) in cat.rows_by_key for r in with_figures
        )
        if by_label:
            # Written one row a line (行政复议 0 0 0 0 0): read by label after all.
            for row in rows:
                self._read_row(row)
            self._report_missing_rows(self.heading_line)
            return
        for row in rows:
            for cell in row.labels:
                self._classify_label(cell)
        data = [c for r in with_figures for c in r.data]
        anchor = with_figures[0].data[0] if with_figures else None
        slots = list(cat.table.slots)
        placed = self._fit(data, [c for _, c in slots], "the review table", anchor)
        for (spec, col), fig in zip(slots, placed):
            self.figures[(spec.id, col.id)] = fig
        for spec in cat.table.rows:
            self.seen_rows[spec.id] = anchor

    # ------------------------------------------------------------ figures of a row

    def _place(self, spec: RowSpec, data: list[Cell], label: Cell) -> None:
        if spec.id in self.seen_rows:
            first = self.seen_rows[spec.id]
            self.sink.add(
                "GP206",
                f"row '{spec.label}' appears again (first at line {first.line}); "
                "the figures here are ignored",
                label.line, label.column, length=len(label.text),
            )
            return
        self.seen_rows[spec.id] = label
        placed = self._fit(data, list(spec.columns), f"row '{spec.label}'", label)
        for col, fig in zip(spec.columns, placed):
            self.figures[(spec.id, col.id)] = fig

    def _fit(self, data: list[Cell | EmptyRun], columns: list[ColumnSpec], what: str,
             anchor: Cell | None) -> list[Figure]:
        """Match a run of cells to columns, saying aloud whatever is not plain."""
        want = len(columns)
        if len(data) == want and all(c.kind == NUMBER and c.unit is None for c in data):
            # the common case: one plain figure a column
            return [Figure(_typed(c.value, col), c.line, c.column) for c, col in zip(data, columns)]
        data = _read_trailing(data, want)
        start, end = 0, len(data)
        size = _size(data)  # the cells from start to end
        while size > want and data[start].kind == EMPTY:
            gap = data[start]
            start += 1
            size -= 1
            self.sink.add("GP305", f"{what}: an empty cell before the figures is the rest of a "
                          "merged label cell; skipped", gap.line, gap.column)
        while size > want and data[end - 1].kind == EMPTY:
            end -= 1
            size -= 1
        cells = data[start:end]
        if size != len(cells):  # EmptyRun among the figures: make only the cells used
            cells = list(islice(cells_of(cells), want + 1))
        if size > want:
            extra = cells[want]
            self.sink.add(
                "GP303",
                f"{what} has {_count(size, 'cell')} for {_count(want, 'column')}; which "
                "one is extra cannot be told, so none of them is placed",
                extra.line, extra.column,
            )
            return [Figure(None, c.line, c.column) for c in cells[:want]]
        if len(cells) < want:
            absent = [c.label for c in columns[len(cells):]]
            # after the last figure; with none, at the row's label (which may have been
            # joined from two lines, so "after it" need not be on its line)
            if cells:
                line, col = cells[-1].line, cells[-1].column + len(cells[-1].text)
            elif anchor is not None:
                line, col = anchor.line, anchor.column
            else:
                line, col = self.heading_line, 1
            if not cells:
                message = f"{what} has no figures; {_count(want, 'figure')} taken as missing"
            else:
                message = (
                    f"{what} has {_count(len(cells), 'figure')} for {_count(want, 'column')}; "
                    f"no empty cell marks the gap, so {_list(absent)} {'is' if len(absent) == 1 else 'are'} taken "
                    f"as missing (the last column{'s' if len(absent) != 1 else ''})"
                )
            self.sink.add("GP301", message, line, col)
        figures = []
        for col, cell in zip(columns, cells):
            if cell.kind == EMPTY:
                self.sink.add("GP302", f"{what}: the cell for {col.label} is empty; taken as "
                              "missing", cell.line, cell.column)
            elif cell.kind == PLACEHOLDER:
                self.sink.add("GP304", f"{what}: the cell for {col.label} holds '{cell.text}', "
                              "not a figure; taken as missing", cell.line, cell.column,
                              length=len(cell.text))
            if col.id == "amount" and cell.unit == "元":
                self.sink.add("GP312", f"{what}: {col.label} is written as {cell.text}元, in 元 "
                              "where the template asks for 万元; the number is kept as written, "
                              "not converted", cell.line, cell.column,
                              length=len(cell.text) + 1,
                              hint=f"{cell.value} 元 would be {_in_wan(cell.value)} 万元")
            figures.append(Figure(_typed(cell.value, col), cell.line, cell.column,
                                  unit=cell.unit))
        figures.extend(Figure() for _ in columns[len(cells):])
        return figures

    # ------------------------------------------------------------ header and label forms

    def _check_header(self, heading_line: int | None) -> None:
        expected: dict[str, str] = {}
        for spec in self.catalogue.table.rows:
            for col in spec.columns:
                expected.setdefault(label_key(col.label), col.label)
        if self.catalogue.table.positional:
            for spec in self.catalogue.table.rows:
                for part in spec.path:
                    expected.setdefault(label_key(part), part)
        if not self.seen_rows:
            return  # nothing of the table was found: missing rows say it all
        self._check_header_order()
        for key, label in expected.items():
            if key not in self.header_keys and key not in self.suggested:
                self.sink.add("GP207", f"the table's header lacks the column '{label}'",
                              heading_line, 1)

    def _check_header_order(self) -> None:
        """Figures are read in the template's column order; a header line that names
        the columns in another order is said aloud (the figures may be misplaced)."""
        order = {}
        for spec in self.catalogue.table.rows:
            for index, col in enumerate(spec.columns):
                order.setdefault(label_key(col.label), index)
        for cells in self.header_cells.values():
            group: list[int] = []
            for cell in cells:
                index = order.get(label_key(cell.text))
                if index is None:
                    continue
                if index in group:
                    group = []  # the same columns again (the review table's header)
                if group and index < group[-1]:
                    expected = [c.label for c in self._columns_in_order()]
                    self.sink.add(
                        "GP209", f"the header names '{cell.text}' after a column the template "
                        "puts after it; figures are read in the template's order: "
                        + ", ".join(expected), cell.line, cell.column, length=len(cell.text))
                    break
                group.append(index)

    def _columns_in_order(self) -> list[ColumnSpec]:
        seen: dict[str, ColumnSpec] = {}
        for spec in self.catalogue.table.rows:
            for col in spec.columns:
                seen.setdefault(col.id, col)
        return list(seen.values())

    def _note_label_form(self, cell: Cell) -> None:
        if splits_a_word(cell.text):
            joined = _BLANKS.sub("", cell.text)
            self.sink.add("GP307", f"'{cell.text}' is split by a space; read as '{joined}'",
                          cell.line, cell.column, length=len(cell.text))
            return
        official = self.catalogue.labels_by_key.get(label_key(cell.text))
        if official and cell.text != official and \
                normalize_label(cell.text) == normalize_label(official):
            self.variant_labels.append(cell)

    def _report_label_forms(self) -> None:
        if self.variant_labels:
            first = self.variant_labels[0]
            count = len(self.variant_labels)
            self.sink.add(
                "GP308",
                f"{count} label{'s' if count != 1 else ''} of this table "
                f"{'use' if count != 1 else 'uses'} other brackets, colons or spacing than the "
                f"template (first: '{first.text}'); read as the template's",
                first.line, first.column, length=len(first.text),
            )


def _size(data: list[Cell | EmptyRun]) -> int:
    """How many cells: a EmptyRun stands for one a line."""
    return sum(c.count if type(c) is EmptyRun else 1 for c in data)


def _read_trailing(data: list[Cell | EmptyRun], want: int
                   ) -> list[Cell | EmptyRun]:
    """The data with the EmptyRun after its last figure made into cells, but
    no more than ``want`` of the empty cells there: _fit drops those beyond as many
    as the columns left (at most ``want``) without a word, so the rest may as well
    not be made (a section's end may hold a million lines of separators only)."""
    end = len(data)
    while end and data[end - 1].kind == EMPTY:
        end -= 1
    if not any(type(c) is EmptyRun for c in data[end:]):
        return data
    return data[:end] + list(islice(cells_of(data[end:]), want))


def _typed(value, column: ColumnSpec):
    """Money is a Decimal even where written without a point."""
    if value is not None and column.id == "amount" and not isinstance(value, Decimal):
        return Decimal(value)
    return value


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _in_wan(value) -> str:
    return format(Decimal(value) / 10000, "f")


def _list(labels: list[str]) -> str:
    return ", ".join(labels)


def _did_you_mean(labels: list[str]) -> str | None:
    if not labels:
        return None
    return "did you mean " + " or ".join(labels) + "?"
