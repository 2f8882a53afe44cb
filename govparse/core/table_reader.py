"""Reading a table's figures from its stream of cells.

Row labels decide which template row a run of figures belongs to; separators have
already decided where cells are (cells.py). A *logical row* is a run of label cells
followed by the figure cells after the last of them, wherever the lines break:
that covers one row a line, one cell a line, and rows wrapped across lines alike.
"""

from __future__ import annotations

import functools
import math
import re
from bisect import bisect_left
from collections import Counter
from decimal import Decimal
from itertools import combinations, islice, takewhile


from govparse.core.cells import (EMPTY, FOLD_FULL_WIDTH, LABEL, NUMBER, PLACEHOLDER, WORD, Cell,
                                  has_han)
from govparse.core.gaps import (MAX_PLACEMENTS, RowRelations, columns_of_full_rows,
                                placement_by_position)
from govparse.core.grid import EmptyRun, cells_of
from govparse.core.stacked import placed_figures, stacked, stacked_rows
from govparse.diagnostics import DiagnosticSink
from govparse.model.figures import read_figure
from govparse.model.report import Figure
from govparse.template.spec import (
    COLUMN_GROUPS,
    EXTRA_HEADER_LABELS,
    MONEY,
    ColumnSpec,
    LabelCatalogue,
    RowSpec,
    is_numbered,
    label_key,
    normalize_label,
    numbering_length,
)

_BLANKS = re.compile(r"\s+")
MISSING = Figure()  # immutable, so one serves every missing figure

# A cell that looks like a figure but is none NUMBER reads: 1，234  1 234  1234.
# Matched with full-width forms folded to ASCII first: a class that mixes the two
# compiles into a table of all 65,536 characters, slow at start-up.
_ASCII_FIGURE_LIKE = re.compile(r"[+-]?[0-9][0-9,.\s]*$")


def looks_like_a_figure(text: str) -> bool:
    return _ASCII_FIGURE_LIKE.match(text.translate(FOLD_FULL_WIDTH)) is not None


_DIGIT = re.compile(r"[0-9０-９]")


def _trails_as_a_figure(cell: Cell, before: Cell | EmptyRun) -> bool:
    """A cell after a row's last figure, in the same source row, with digits and no
    word (&nbsp;287, 2 87): a figure no one can read, not a footnote (注1)."""
    return cell.row is not None and getattr(before, "row", None) == cell.row \
        and _DIGIT.search(cell.text) is not None and not has_han(cell.text)


class LogicalRow:
    """Label cells and the figure cells after them: one row of the template, however
    the lines break. (A plain class: it is filled in place while the stream is read.)

    Lines of separators only (EmptyRun, an empty cell a line) stay unread in
    ``data``: before the row's first figure until it comes (each empty cell there is
    a gap or a merged label cell, with its own place), after it for good
    (TableReader._fit counts their cells and makes only those it uses)."""

    __slots__ = ("labels", "data", "has_figures", "unread", "stray")

    def __init__(self, labels: list[Cell] | None = None) -> None:
        self.labels = labels if labels is not None else []
        self.data: list[Cell | EmptyRun] = []
        self.has_figures = False  # a figure (not only empty cells) is among the data
        self.unread: int | None = None  # where a EmptyRun before any figure stands
        self.stray: Cell | None = None  # a cell no label of the table among its figures

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


class ShortRow:
    """A row whose cells do not match its columns one to one, and nothing in the
    source says how: fewer figure cells than columns (no empty cell marks the gap),
    or empty cells to spare (``choices``: the rows of cells, one a column, that
    dropping each possible set of spare empty cells leaves)."""

    __slots__ = ("cells", "columns", "keys", "what", "choices", "headers")

    def __init__(self, cells, columns, keys, what, choices=None, headers=None) -> None:
        self.cells = cells
        self.columns = columns
        self.keys = keys
        self.what = what
        self.choices = choices
        self.headers = headers  # how many header lines stood above the row (None: all)


class PositionEvidence:
    """The readers of a document's tables read so far: whether their full rows stand,
    figure by figure, under their columns' headers tells whether the document's
    positions can be trusted where a table has no full row of its own (asked only
    then)."""

    __slots__ = ("readers",)

    def __init__(self) -> None:
        self.readers: list[TableReader] = []

    def holds(self, reading: TableReader) -> bool:
        """At least one full row with extents among the tables read and the one being
        read (under any of its header lines), and each stands under its headers."""
        verdicts = [reader._stands_in_place(*row) for reader in (*self.readers, reading)
                    for row in reader.full_rows]
        return bool(verdicts) and all(verdicts)


class TableReader:
    """Reads one table of the template from its cell stream."""

    def __init__(self, catalogue: LabelCatalogue, sink: DiagnosticSink,
                 template: str | None = None, evidence: PositionEvidence | None = None
                 ) -> None:
        # the full rows of the document's tables, as far as read: whether their figures
        # stand under their headers (_positions_hold)
        self.evidence = evidence if evidence is not None else PositionEvidence()
        self.catalogue = catalogue
        self.sink = sink
        self.template = template  # whose arithmetic may place a short row's gap
        self.short_rows: list[ShortRow] = []  # placed once every other row is read
        self.figures: dict[tuple[str, str], Figure] = {}
        self.values: dict[tuple[str, str], object] | None = None  # (_arithmetic)
        self.sides: dict = {}  # (_arithmetic: by RowRelations, until values change)
        # rows with a figure in every column and extents (_positions_hold), and what
        # they tell, by the header lines above them
        self.full_rows: list[tuple[list[Cell], tuple, int]] = []
        self.full_row_labels: dict[int, Cell] = {}  # by id of a full row's data: its label
        self.full_rows_by: dict[tuple, tuple] = {}  # (_full_rows_near: by header and columns)
        # by the header lines above: (full rows looked at, how many under them, all held)
        self.positions_hold: dict[int | None, tuple[int, int, bool]] = {}
        self.extents_of: dict[tuple, dict] = {}  # (_placement_by_extents)
        self.trailing_separators = True  # (read: _ends_with_separators)
        self.trailing_cells: dict[int, int] = {}  # (read)
        self.rows: list[LogicalRow] = []  # (read)
        self.conflicted: set[str] = set()  # rows that appeared again with other figures
        self.seen_rows: dict[str, Cell] = {}
        self.header_keys: set[str] = set()
        self.suggested: set[str] = set()
        self.variant_labels: list[Cell] = []
        self.heading_line: int | None = None  # where a finding with no cell of its own points
        self.header_cells: dict[object, list[Cell]] = {}  # column labels, by source row
        self.last_header_row: object = None  # the source row of the latest column label
        self.header_positions: dict[str, int] = {}  # (_header_positions: of that row)
        self.header_positions_of: object = None
        self.column_orders: dict[tuple, tuple] = {}  # _header_order's, for that header line
        # column sets the header gave no order for (read in the template's), and the
        # rows read so: not placed after all where a header line names their columns
        # in another order (_check_header)
        self.unordered: set[tuple] = set()
        self.read_in_template_order: list[str] = []
        self.read_by_position = False  # the review table, written as one row of figures
        # Header lines a row stands between start a header of their own (the 2019
        # template's sub-tables of section 二): where each one starts, in header_cells
        self.header_starts: list[int] = [0]
        self.row_since_header = False
        self.stacked: dict[int, tuple[Cell, Cell]] = {}  # (stacked_rows: rows not placed)

    # ------------------------------------------------------------ entry point

    def read(self, rows: list[LogicalRow], heading_line: int | None,
             trailing_cells: dict[int, int] | None = None) -> dict[tuple[str, str], Figure]:
        """The table's figures. ``trailing_cells``: the empty cells after each source
        row's last text, by row (grid.Stream.trailing_cells)."""
        self.heading_line = heading_line
        self.trailing_cells = trailing_cells or {}
        for row in rows:
            for cell in row.labels:
                self._note_label_form(cell)
        rows = self.rows = self._strays_joined(rows)
        self.trailing_separators = _ends_with_separators(rows)
        self._continued_labels(rows)
        self.stacked = stacked_rows(rows)
        if self.catalogue.table.positional:
            self._read_positional(rows)
        else:
            for row in rows:
                self._read_row(row)
            self._report_missing_rows(heading_line)
        for short in self.short_rows:
            self._place_short_row(short)
        self._check_header(heading_line)
        self._report_label_forms()
        if self.full_rows:
            self.evidence.readers.append(self)  # (what the document's later tables may go by)
        return self.figures

    # ------------------------------------------------------------ rows by label

    def _strays_joined(self, rows: list[LogicalRow]) -> list[LogicalRow]:
        """A row whose figures a cell that is no label of the table interrupts on the
        same line (a footnote mark *, 注1 pulled into the row): the cell is no row
        label, so the figures on both sides of it are one row's, with a cell too many."""
        out: list[LogicalRow] = []
        for row in rows:
            previous = out[-1] if out else None
            if previous is not None and previous.has_figures and not row.has_figures \
                    and len(row.labels) == 1 and previous.labels and not row.data \
                    and _trails_as_a_figure(row.labels[0], previous.data[-1]):
                # after the row's figures, in its own source row, a cell that looks
                # like a figure no one can read (&nbsp;287): a place of the row too
                previous.stray = row.labels[0]
                continue
            if previous is not None and previous.has_figures and row.has_figures \
                    and len(row.labels) == 1 and previous.labels:
                stray = row.labels[0]
                before, after = previous.data[-1], row.data[0]
                if stray.row is not None and before.row == stray.row == after.row \
                        and label_key(stray.text) not in self.catalogue.labels_by_key \
                        and self.catalogue.close_row(label_key(stray.text)) is None:
                    previous.stray = stray
                    previous.data.extend(row.data)
                    continue
            out.append(row)
        return out

    def _continued_labels(self, rows: list[LogicalRow]) -> None:
        """A row label wrapped onto the line after its figures (a PDF's cell: its
        figures on the first line, ``1.申请人无正当理由逾期不补正、行政机关不`` /
        ``再处理其政府信息公开申请`` below): the rest, the first label of the next
        row that is no label of the table, goes back to the label it continues when
        together, not apart, they name a row."""
        cat = self.catalogue
        for previous, row in zip(rows, rows[1:]):
            if not (previous.has_figures and previous.labels and row.labels):
                continue
            leaf = previous.labels[-1]
            if label_key(leaf.text) in cat.labels_by_key:
                continue
            for index, rest in enumerate(row.labels):
                if label_key(rest.text) in cat.labels_by_key:
                    continue  # (a parent label standing on the same line)
                if rest.line is None or leaf.line is None or rest.line <= leaf.line:
                    break
                joined = leaf.joined(rest)
                if label_key(joined.text) in cat.rows_by_key:
                    previous.labels[-1] = joined
                    del row.labels[index]
                    self.sink.add("GP307", f"row label '{leaf.text}' continues on a line "
                                  f"after its figures as '{rest.text}'; read as "
                                  f"'{joined.text}'", at=rest, length=len(rest.text))
                else:
                    # wrapped over the line above as well (label / label + figures / label)
                    joined = self._wrapped_label(previous.labels, len(previous.labels) - 1,
                                                 leaf, rest)
                    if joined is not None:
                        previous.labels[-1] = joined
                        del row.labels[index]
                break

    def _read_row(self, row: LogicalRow) -> None:
        labels = list(row.labels)
        spec = None
        if row.stray is not None and row.has_figures and labels:
            leaf = labels[-1]
            spec = self._row_for_leaf(leaf, row.data)
            for cell in labels[:-1]:
                self._classify_label(cell)
            if spec is not None and spec.id not in self.seen_rows:
                self.seen_rows[spec.id] = leaf
                stray = row.stray
                if looks_like_a_figure(stray.text):
                    self.sink.add(
                        "GP313", f"'{stray.text}' stands where a figure would, but is no number "
                        "govparse reads (a full-width comma, a space or a point in the wrong "
                        f"place?); none of the figures of row '{spec.label}' is placed",
                        at=stray, length=len(stray.text))
                else:
                    self.sink.add(
                        "GP303", f"row '{spec.label}': '{stray.text}' stands among its "
                        "figures; which cells are its figures cannot be told, so none of them "
                        "is placed", at=stray, length=len(stray.text))
                return
            if spec is None:
                return
        if row.has_figures:
            if not labels:
                first = next(c for c in row.data if c.kind != EMPTY)
                self.sink.add("GP204", "figures stand before any row label; they are not placed",
                              at=first)
                return
            leaf = labels.pop()
            if labels and label_key(leaf.text) not in self.catalogue.rows_by_key:
                leaf = self._joined_leaf(labels, leaf)
            if label_key(leaf.text) not in self.catalogue.rows_by_key:
                parted = self._parted_leaf(leaf)
                if parted is not None:
                    labels.extend(parted[:-1])
                    leaf = parted[-1]
            spec = self._row_for_leaf(leaf, row.data)
        # the labels before the leaf are read even when the leaf names no row
        for cell in labels:
            self._classify_label(cell)
        if spec is not None:
            self._place(spec, row.data, leaf)

    def _joined_leaf(self, labels: list[Cell], leaf: Cell) -> Cell:
        """A row label wrapped onto the next line of the table (4.无正当理由大量反 /
        复申请), or the next two (a PDF's text layer: 1.申请人无正当理由逾期不补 /
        正、行政机关不再处理其政府 / 信息公开申请): the labels before the leaf and the
        leaf, when together, not apart, they name a row."""
        joined = leaf
        for count in (1, 2):
            if len(labels) < count:
                break
            before = labels[-count]
            if label_key(before.text) in self.catalogue.labels_by_key or (
                    count > 1 and (before.line is None or before.line + 1 != labels[-1].line)):
                break
            joined = before.joined(joined)
            if label_key(joined.text) in self.catalogue.rows_by_key:
                parts = labels[-count:]
                del labels[-count:]
                self.sink.add("GP307", f"row label '{parts[0].text}' continues on the next "
                              f"line{'s' if count > 1 else ''} as "
                              + " / ".join(f"'{c.text}'" for c in parts[1:] + [leaf])
                              + f"; read as '{joined.text}'", at=leaf, length=len(leaf.text))
                return joined
        return self._wrapped_label(labels, len(labels), leaf, None) or leaf

    def _wrapped_label(self, labels: list[Cell], end: int, leaf: Cell, below: Cell | None
                       ) -> Cell | None:
        """A row label wrapped in its cell over the line above, with (and below) its
        figures, where the lines hold other cells' text too (pdftotext -layout: a
        character of a label written down its column, ``、`` / ``本``, or a parent
        label's end, before each line's part, one blank between): the last word of the
        label on the line above (among ``labels[:end]``), the leaf, and ``below``,
        without such single characters before them, when together they name a row.
        Then that label, what is left of the one above (its words before: a parent
        label's) taking its place in ``labels``, and a GP307 note; else None."""
        if leaf.line is None or (below is not None and below.line != leaf.line + 1):
            return None
        at = next((i for i in range(end - 1, -1, -1) if labels[i].line == leaf.line - 1), None)
        if at is None:
            return None
        above = labels[at]
        start = _last_word(above.text)
        pieces = [_part_of(above, start, None),
                  _part_of(leaf, _after_single_characters(leaf.text), None)]
        if below is not None:
            pieces.append(_part_of(below, _after_single_characters(below.text), None))
        if label_key(pieces[0].text) in self.catalogue.labels_by_key:
            return None
        joined = pieces[0]
        for piece in pieces[1:]:
            joined = joined.joined(piece)
        spec = self.catalogue.rows_by_key.get(label_key(joined.text))
        if spec is None or not _same_number(joined.text, spec.label):
            return None
        parts = [above, leaf] + ([below] if below is not None else [])
        self.sink.add("GP307", "row label wrapped in its cell over "
                      + " / ".join(f"'{c.text}'" for c in parts)
                      + f"; read as '{joined.text}'", at=leaf, length=len(leaf.text))
        rest = above.text[:start]
        # what is left: a parent label's words, or characters written down a column
        labels[at:at + 1] = [_part_of(above, 0, start)] if any(
            len(word) > 1 for word in rest.split()) else []
        return joined

    def _parted_leaf(self, leaf: Cell) -> list[Cell] | None:
        """A cell that holds a row's parent labels and its own, parted by blanks
        (三、本年度办理结果 （一）予以公开: a table laid out with blanks between its cells,
        lynx's or pdftotext's, keeps a label with one blank inside whole) as those
        labels, when its last words name a row and the words before them the labels
        above that row, in its order; else None."""
        spans = [m.span() for m in WORD.finditer(leaf.text)]
        words = [start for start, _ in spans]
        if not 1 < len(words) <= MAX_LABEL_WORDS:
            return None
        cat = self.catalogue
        for start in range(len(words) - 1, 0, -1):  # (a row's label may hold a blank)
            spec = cat.rows_by_key.get(label_key(leaf.text[words[start]:]))
            if spec is None or not _same_number(leaf.text[words[start]:], spec.label):
                continue
            # a character of a label above the row written down its column (三 / 、 /
            # 本 / 年 / 度 …, pdftotext -layout puts one before each row's label) first
            skip = 0
            while skip < start and spans[skip][1] - spans[skip][0] == 1 \
                    and any(leaf.text[words[skip]] in p for p in spec.path[:-1]):
                skip += 1
            parents = (_parents_in(leaf.text, words[skip:start], words[start],
                                   [label_key(p) for p in spec.path[:-1]])
                       if skip < start else [])
            if parents is None:
                continue
            parts = [_part_of(leaf, at, end) for at, end in parents + [(words[start], None)]]
            left_out = "".join(leaf.text[words[i]] for i in range(skip))
            self.sink.add("GP210", f"'{leaf.text}' holds the labels of row '{spec.label}' and "
                          "of the rows above it, parted by blanks; read as "
                          + " / ".join(f"'{c.text}'" for c in parts)
                          + (f" ('{left_out}': of a label written down its column)"
                             if left_out else ""),
                          at=leaf, length=len(leaf.text))
            return parts
        return None

    def _row_for_leaf(self, leaf: Cell, data: list[Cell]) -> RowSpec | None:
        key = label_key(leaf.text)
        cat = self.catalogue
        if key in cat.rows_by_key:
            spec = cat.rows_by_key[key]
            if key in cat.headers_by_key and not is_numbered(leaf.text) \
                    and is_numbered(spec.label) and not self.seen_rows:
                # 其他 is a column's header as well as row 3.其他 written without its
                # number: in text whose cells came in reading order (pdftotext without
                # -layout), the header cell stands just before the first row's figures.
                # (After other rows, 总计 is the row （七）总计 written short.)
                self.sink.add(
                    "GP204", f"figures follow '{leaf.text}' before any row of the table; it "
                    f"is a column's header as well as row '{spec.label}' without its number, "
                    "and which it is cannot be told, so they are not placed", at=leaf,
                    length=len(leaf.text), hint=f"the template's row label is '{spec.label}'")
                return None
            if _same_number(leaf.text, spec.label):
                return spec
            # 2.其他 (2.其他法律行政法规禁止公开 cut short) is not 3.其他: the words
            # agree, the numbering does not
            self.sink.add(
                "GP204", f"figures follow '{leaf.text}', whose words are row "
                f"'{spec.label}' but whose number is not; they are not placed",
                at=leaf, length=len(leaf.text), hint=f"a label cut short? the template has "
                f"'{spec.label}'")
            return None
        first = next(c for c in data if c.is_figure)
        if key in cat.headers_by_key or key in cat.parents_by_key:
            self.sink.add(
                "GP204",
                f"figures follow '{leaf.text}', which is a header, not a row label; "
                "they are not placed",
                at=first,
            )
            return None
        if looks_like_a_figure(leaf.text):
            self.sink.add(
                "GP313", f"'{leaf.text}' stands where a figure would, but is no number govparse "
                "reads (a full-width comma, a space or a point in the wrong place?); it and the "
                "figures after it are not placed", at=leaf, length=len(leaf.text))
            return None
        spec = cat.close_row(key)
        cut = None if spec is None else self._cut_short_of_another(leaf.text, key, spec)
        if cut is not None:
            # 2.其他法 is close to 3.其他 in words, but it is 2.其他法律行政法规禁止公开 cut short
            self.sink.add(
                "GP204", f"figures follow '{leaf.text}', whose words are close to row "
                f"'{spec.label}', but whose number is that of row '{cut}', which "
                "starts with its words; they are not placed", at=leaf, length=len(leaf.text),
                hint=f"a label cut short? the template has '{cut}'")
            return None
        if spec is not None:
            self.sink.add(
                "GP203",
                f"row label '{leaf.text}' is not the template's; read as '{spec.label}'",
                at=leaf, length=len(leaf.text), hint=f"did you mean {spec.label}?",
            )
            return spec
        suggestions = cat.suggest(key, {k: r.label for k, r in cat.rows_by_key.items()})
        self.sink.add(
            "GP204",
            f"figures follow '{leaf.text}', which names no row of this table; they are not placed",
            at=leaf, length=len(leaf.text),
            hint=_did_you_mean(suggestions),
        )
        return None

    def _cut_short_of_another(self, text: str, key: str, close: RowSpec) -> str | None:
        """The label of the row a label close to row ``close`` may be cut short of: one
        whose number is the label's (not ``close``'s) and whose words start with the
        label's. A parent row too: （六）其他处 is close to 3.其他 in words, but it is
        （六）其他处理 cut short (the 2019 table's row with figures, the 2021 table's
        parent of 3.其他)."""
        written = _number_of(text)
        if _same_number(text, close.label):
            return None
        cat = self.catalogue
        labels = [row.label for row in cat.rows_by_key.values()] + list(cat.parents_by_key.values())
        return next((label for label in labels
                     if label_key(label).startswith(key) and _number_of(label) == written), None)

    def _classify_label(self, cell: Cell) -> None:
        key = label_key(cell.text)
        cat = self.catalogue
        if key in cat.rows_by_key and (is_numbered(cell.text) or key not in cat.headers_by_key):
            # A row label with no figures after it.
            self._place(cat.rows_by_key[key], [], cell)
        elif key in cat.headers_by_key:
            self.header_keys.add(key)
            if cell.row not in self.header_cells and self.row_since_header:
                self.header_starts.append(len(self.header_cells))
                self.row_since_header = False
            self.header_cells.setdefault(cell.row, []).append(cell)
            self.last_header_row = cell.row
        elif key in cat.parents_by_key:
            pass
        elif looks_like_a_figure(cell.text):
            self.sink.add(
                "GP313", f"'{cell.text}' stands where a figure would, but is no number govparse "
                "reads (a full-width comma, a space or a point in the wrong place?); the figure "
                "is missing", at=cell, length=len(cell.text))
        else:
            suggestions = cat.suggest(key)
            headers = [s for s in suggestions if label_key(s) in cat.headers_by_key]
            if headers:
                self.suggested.update(label_key(s) for s in headers)
                self.sink.add(
                    "GP202",
                    f"header cell '{cell.text}' is not a column label of this table",
                    at=cell, length=len(cell.text), hint=_did_you_mean(headers),
                )
            else:
                self.sink.add(
                    "GP201", f"'{cell.text}' is no label of this table; ignored",
                    at=cell, length=len(cell.text), hint=_did_you_mean(suggestions),
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
        self.read_by_position = True
        for row in rows:
            for cell in row.labels:
                self._classify_label(cell)
        data = [c for r in with_figures for c in r.data]
        anchor = with_figures[0].data[0] if with_figures else None
        slots = list(cat.table.slots)
        pair = stacked(placed_figures(data))
        if pair is not None and not self._line_wrapped(data, [(s.id, c.id) for s, c in slots]):
            self._report_stacked("the review table", pair)
        else:
            placed = self._fit(data, [c for _, c in slots], "the review table", anchor,
                               [(spec.id, col.id) for spec, col in slots])
            for (spec, col), fig in zip(slots, placed):
                self.figures[(spec.id, col.id)] = fig
        for spec in cat.table.rows:
            self.seen_rows[spec.id] = anchor

    # ------------------------------------------------------------ figures of a row

    def _place(self, spec: RowSpec, data: list[Cell], label: Cell) -> None:
        self.row_since_header = True
        if spec.id in self.seen_rows:
            first = self.seen_rows[spec.id]
            if self._other_figures(spec, data):
                # Which of the two is the row (and which a label misread, a header
                # cell taken for it) cannot be told: neither is placed
                self.conflicted.add(spec.id)
                for col in spec.columns:
                    self.figures[(spec.id, col.id)] = MISSING
                self.sink.add(
                    "GP206", f"row '{spec.label}' appears again (first at line {first.line}) "
                    "with other figures; which are the row's cannot be told, so neither is "
                    "placed", at=label, length=len(label.text))
                return
            self.sink.add(
                "GP206",
                f"row '{spec.label}' appears again (first at line {first.line}); "
                "the figures here are ignored",
                at=label, length=len(label.text),
            )
            return
        self.seen_rows[spec.id] = label
        columns = self._header_order(spec.columns)
        pair = self.stacked.get(id(data))
        wrapped = pair is not None and self._line_wrapped(
            data, [(spec.id, c.id) for c in columns], label)
        if pair is not None and not wrapped:
            self._report_stacked(f"row '{spec.label}'", pair)
            return
        if columns in self.unordered:
            self.read_in_template_order.append(spec.id)
        placed = _plain_figures(data, columns)
        if placed is not None and len(data) > 1 and data[0].x is not None and not wrapped:
            # (a full row with extents: what tells whether positions can be trusted)
            self.full_rows.append((data, columns, len(self.header_cells)))
            self.full_row_labels[id(data)] = label
        if placed is None:
            placed = self._fit(data, list(columns), f"row '{spec.label}'", label,
                               [(spec.id, col.id) for col in columns])
        for col, fig in zip(columns, placed):
            self.figures[(spec.id, col.id)] = fig

    def _other_figures(self, spec: RowSpec, data: list[Cell]) -> bool:
        """Whether a row appearing again holds figures other than those placed the
        first time (the same figures again, or none, are no doubt)."""
        if not any(c.kind != EMPTY for c in data):
            return False
        columns = self._header_order(spec.columns)
        again = _plain_figures(data, columns)
        if again is None:
            return True
        return any(self.figures.get((spec.id, col.id), MISSING).value != figure.value
                   for col, figure in zip(columns, again))

    def _line_wrapped(self, data: list[Cell], keys: list[tuple[str, str]],
                      label: Cell | None = None) -> bool:
        """Whether figures that stand one above the other (stacked.py) are a row's
        line wrapped as a whole (lynx at 80 columns: `… 3655673 25826692 157304` /
        `87777018`), not a number wrapped inside its cell nor figures that follow
        their label a line each (`pdftotext` without `-layout`, whose figures may be
        another row's). The shape of a wrapped line: the row's figures run on from its
        label's line (the review table has none) over the lines right below it,
        every line but the last holding two figures or more, and each line after the
        first starting at the row's left edge (under the label's start, or the first
        figure's where there is no label), where a converter goes on with a line; a
        part of a number wrapped in its cell stands under that number's column. (A row
        on one line that a line of figures above it stands over stays missing: that
        line may be the first part of a number wrapped in the row's cell.) And
        the arithmetic: a number for every column, the row's own relations (its
        totals) holding and between them naming every column."""
        if self.template is None or len(data) != len(keys):
            return False
        lines = [c.line for c in data]
        if None in lines or any(a > b for a, b in zip(lines, lines[1:])):
            return False
        counts = Counter(lines)
        first, last = lines[0], lines[-1]
        if first == last or label is not None and label.line != first \
                or len(counts) != last - first + 1 \
                or any(counts[line] < 2 for line in range(first, last)) \
                or any(c.x is None for c in data):
            return False
        # Where each line after the first starts, on the page or in display columns (a
        # PDF's text layer writes a line's cells with no blanks to place them by): left
        # of the row's first figure, under its label; the review table, with no
        # label, at its first figure's left edge
        starts = [c for previous, c in zip(data, data[1:]) if c.line != previous.line]
        if label is not None and any(c.x[1] > data[0].x[0] for c in starts) \
                or label is None and any(c.x[0] > data[0].x[0] for c in starts):
            return False
        return _rules_about(self.template, self.catalogue.table.id, tuple(keys)).own_confirm(
            _values(data))

    def _report_stacked(self, what: str, pair: tuple[Cell, Cell]) -> None:
        upper, lower = pair
        self.sink.add(
            "GP320", f"{what}: '{upper.text}' (line {upper.line}) and '{lower.text}' (line "
            f"{lower.line}) stand one above the other in one column; a number wrapped inside "
            "its cell cannot be told from two figures, so none of the row's figures is placed",
            at=lower, length=len(lower.text),
            hint=f"a number wrapped in its cell? (read together: {upper.text}{lower.text})")

    def _header_positions(self) -> dict[str, int]:
        """The latest header line's column labels (their keys) and their places in it,
        made once for each header line (rows after it ask for every row)."""
        header = self.header_cells.get(self.last_header_row) or []
        made_of = (self.last_header_row, len(header))
        if self.header_positions_of != made_of:
            keys = self._group_in_place([label_key(c.text) for c in header], lambda key: key)
            self.header_positions = {key: i for i, key in enumerate(keys)}
            self.header_positions_of = made_of
            self.column_orders = {}
        return self.header_positions

    def _header_order(self, columns: tuple[ColumnSpec, ...]) -> tuple[ColumnSpec, ...]:
        """The row's columns in the order the header line above it names them, when
        that line names every one of them (the figures stand under their headers);
        else in the template's order (GP209 says when a header disagrees, and such
        rows are then not placed: _not_in_template_order)."""
        if len(columns) < 2 or self.read_by_position:
            return columns
        position = self._header_positions()
        if not position:
            return columns
        order = self.column_orders.get(columns)  # (rows of one template row set share it)
        if order is None:
            if all(label_key(col.label) in position for col in columns):
                order = _in_header_order(columns, position)
            else:  # the latest line names only some: a header over two lines?
                order = self._header_lines_order(columns)
                if order is columns:  # (the lines do not tell: the template's order)
                    self.unordered.add(columns)
            self.column_orders[columns] = order
        return order

    def _group_in_place(self, items: list, key_of) -> list:
        """A header line's cells (or keys: ``key_of`` gives each one's) with the column
        group's own columns where the group stands, when the line names the group once
        and after it each of its columns once: a header of two lines written as one
        (自然人 法人或其他组织 总计 商业企业 科研机构 …), whose group's columns stand
        under the group, not after 总计."""
        group = COLUMN_GROUPS.get(self.catalogue.table.id)
        if group is None:
            return items
        keys = [key_of(item) for item in items]
        group_key = label_key(group[0])
        if keys.count(group_key) != 1:
            return items
        members = {label_key(col.label) for col in self._columns_in_order()
                   if col.id in group[1]}
        at = keys.index(group_key)
        inside = [i for i, key in enumerate(keys) if key in members]
        if not members or len(inside) != len(members) \
                or len({keys[i] for i in inside}) != len(members) or inside[0] < at:
            return items
        taken = set(inside)
        rest = [item for i, item in enumerate(items) if i not in taken]
        after_group = sum(1 for i in range(at) if i not in taken) + 1
        return rest[:after_group] + [items[i] for i in inside] + rest[after_group:]

    def _header_lines_order(self, columns: tuple[ColumnSpec, ...]) -> tuple[ColumnSpec, ...]:
        """The columns in the order a header written over two lines names them: one
        line names some columns and the table's column group (自然人 | 法人或其他组织
        | 总计), another the group's own columns (商业企业 | 科研机构 | …), which stand
        where the group stands. Only when the lines name every column once, the
        group's columns exactly; else the template's order."""
        group = COLUMN_GROUPS.get(self.catalogue.table.id)
        if group is None:
            return columns
        by_key = {label_key(col.label): col for col in columns}
        group_key = label_key(group[0])
        members = {label_key(col.label) for col in columns if col.id in group[1]}
        lines = [[label_key(c.text) for c in cells] for cells in self.header_cells.values()]
        parents = [line for line in lines if group_key in line
                   and all(k in by_key for k in line if k != group_key)]
        children = [line for line in lines if line and set(line) == members
                    and len(line) == len(members)] or self._group_columns_continued(lines, members)
        if len(parents) != 1 or len(children) != 1 or parents[0].count(group_key) != 1:
            return columns
        parent = parents[0]
        if len(parent) - 1 + len(members) < len(by_key):
            parent = self._parent_line_continued(lines, parent, set(by_key) - members)
        order = []
        for key in parent:
            order.extend(children[0] if key == group_key else [key])
        if len(order) != len(by_key) or set(order) != set(by_key):
            return columns
        return tuple(by_key[k] for k in order)

    def _group_columns_continued(self, lines: list[list[str]], members: set[str]
                                 ) -> list[list[str]]:
        """The group's own columns named over header lines one after another, which
        blank lines part (the one-cell-a-line layout: 商业企业, a blank line, 科研机构 /
        社会公益组织 / …), as one line in the order the text has them: each of those
        lines names only columns of the group, and together they name each once.
        Only where the header's cells have no extents (else positions tell, not
        reading order); else none."""
        if self._header_has_extents():
            return []
        at = [i for i, line in enumerate(lines) if line and set(line) <= members]
        if len(at) < 2 or at != list(range(at[0], at[-1] + 1)):
            return []  # (one line is the usual case; lines apart are not one header)
        joined = [key for i in at for key in lines[i]]
        if len(joined) != len(members) or set(joined) != members:
            return []
        return [joined]

    def _header_has_extents(self) -> bool:
        """Whether a cell of the header has a horizontal extent (its positions, not
        its reading order, tell where its columns stand)."""
        return any(c.x is not None for cells in self.header_cells.values() for c in cells)

    def _parent_line_continued(self, lines: list[list[str]], parent: list[str],
                               tops: set[str]) -> list[str]:
        """The line that names the column group, with the lines of the other columns
        only that a blank line parted from it (the one-cell-a-line layout: 自然人 /
        法人或其他组织, a blank line, 总计), in the order the text has them: cells in
        reading order, where no extent says otherwise."""
        if self._header_has_extents():
            return parent  # (extents: the header's positions tell, not reading order)
        joined: list[str] = []
        for line in lines:
            if line is parent or (line and set(line) <= tops and not set(line) & set(parent)):
                joined.extend(line)
        return joined

    def _fit(self, data: list[Cell | EmptyRun], columns: list[ColumnSpec], what: str,
             anchor: Cell | None, keys: list[tuple[str, str]]) -> list[Figure]:
        """Match a run of cells to columns, saying aloud whatever is not plain."""
        plain = _plain_figures(data, columns)
        if plain is not None:
            return plain
        want = len(columns)
        data = _read_trailing(data, want)
        start, end = 0, len(data)
        size = _size(data)  # the cells from start to end
        if size > want and _filled_then_empty(data, want):
            # A figure in every column, then empty cells only (a trailing separator):
            # the one choice _spare_empty_cells would find, found without trying any.
            head = data[:want]
            if not self.trailing_separators and self._own_total_broken(head, keys):
                # ... unless the table's rows end with no separator and the row's own
                # total says otherwise: the empty cell may be a missing figure's (the
                # total's), and one of the figures too many (a stray cell)
                self.sink.add(
                    "GP303", f"{what} has {_count(size, 'cell')} for {_count(want, 'column')}, "
                    "empty after its figures; read without the empty cells, its total is not "
                    "the sum of its figures: an empty cell may be a missing figure's and a "
                    "figure stand too many, which cannot be told, so none of them is placed",
                    at=head[0], hint="govparse check names the relation")
                return [MISSING] * want
            if not self.trailing_separators and self._past_the_table(data, size, columns, keys):
                # ... or the cells run past the header line above, and no relation of
                # the template checks the row (the first table's): a trailing
                # separator or, as likely, a stray cell where a figure is missing
                self.sink.add(
                    "GP303", f"{what} has {_count(size, 'cell')} for {_count(want, 'column')}, "
                    "empty after its figures, more than the header line above it has; the "
                    "table's other rows end with no separator, so the empty cell may be a "
                    "missing figure's and a figure stand too many, which nothing tells: none "
                    "of them is placed", at=head[0],
                    hint="a missing figure written as 0 or -, or no separator after a row's "
                         "last cell, tells")
                return [MISSING] * want
            plain = _plain_figures(head, columns)
            return plain if plain is not None else self._figures(head, columns, what)
        if size > want and sum(c.kind != EMPTY for c in data) <= want:
            # Cells to spare, and only empty ones can be spare: decided below.
            return self._spare_empty_cells(data, size, columns, keys, what)
        while size > want and data[start].kind == EMPTY:
            gap = data[start]
            start += 1
            size -= 1
            self.sink.add("GP305", f"{what}: an empty cell before the figures is the rest of a "
                          "merged label cell; skipped", at=gap)
        while size > want and data[end - 1].kind == EMPTY:
            end -= 1
            size -= 1
        cells = data[start:end]
        if size != len(cells) or any(type(c) is EmptyRun for c in cells):
            # EmptyRun among the figures: make only the cells used
            cells = list(islice(cells_of(cells), want + 1))
        if size > want:
            extra = cells[want]
            self.sink.add(
                "GP303",
                f"{what} has {_count(size, 'cell')} for {_count(want, 'column')}; which "
                "one is extra cannot be told, so none of them is placed",
                at=extra,
            )
            self._said_on_each_line(cells[:want], extra, what)
            return [read_figure(None, c.line, c.column, None, c.source) for c in cells[:want]]
        if not cells:
            message = f"{what} has no figures; {_count(want, 'figure')} taken as missing"
            if anchor is not None:
                self.sink.add("GP301", message, at=anchor)
            else:
                self.sink.add("GP301", message, self.heading_line, 1)
            return [MISSING] * len(columns)
        if len(cells) < want:
            # Nothing here says where the gap is: decided when the whole table is read.
            self.short_rows.append(ShortRow(cells, columns, keys, what,
                                            headers=len(self.header_cells)))
            return [MISSING] * len(columns)
        return self._figures(cells, columns, what)

    def _past_the_table(self, data: list[Cell | EmptyRun], size: int,
                        columns: list[ColumnSpec], keys: list[tuple[str, str]]) -> bool:
        """Whether a row's empty cells after its figures end its source line and take
        it one cell past the header line above (its column labels and the empty cells
        after them: a merged cell's covered places), and no relation of the template names
        the row, so that its arithmetic cannot tell a trailing separator from a stray
        cell where a figure is missing."""
        if self.template is not None and keys \
                and _rules_about(self.template, self.catalogue.table.id, tuple(keys)).parted:
            return False  # (the row's relations decide: _own_total_broken)
        if not all(getattr(c, "ends_row", False) for c in data[len(columns):]):
            return False
        # (one more: a row padded with separators, or a merged cell's covered places)
        return size == self._width_above(columns) + 1 and not self._separators_elsewhere(data)

    def _separators_elsewhere(self, data: list[Cell | EmptyRun]) -> bool:
        """Whether another row of the table ends with an empty cell past its columns:
        a sign that its rows may end with a separator."""
        for row in self.rows:
            if row.data is data or not row.has_figures or not row.labels \
                    or row.data[-1].kind != EMPTY or not getattr(row.data[-1], "ends_row", False):
                continue
            spec = self.catalogue.rows_by_key.get(label_key(row.labels[-1].text))
            if spec is not None and _size(row.data) > len(spec.columns):
                return True
        return False

    def _width_above(self, columns: list[ColumnSpec]) -> int:
        """How many cells a row may have under the latest header line, where that line
        names the row's columns: its column labels and the empty cells that end it
        (第二十条第（八）项's 上一年项目数量 | 本年增/减 | , in a grid of three columns);
        else the table's widest row."""
        named = {key for key in self._header_positions()
                 if key in self.catalogue.headers_by_key} - _other_headers()
        if named and all(label_key(col.label) in named for col in columns):
            return len(named) + self.trailing_cells.get(self.last_header_row, 0)
        return max(len(row.columns) for row in self.catalogue.table.rows)

    def _own_total_broken(self, cells: list[Cell], keys: list[tuple[str, str]]) -> bool:
        """Whether, a cell a column, the row's own relations (its total, the sum of its
        other figures: those that name no other row) do not hold."""
        if self.template is None or not keys:
            return False
        relations = _rules_about(self.template, self.catalogue.table.id, tuple(keys))
        return relations.own_broken(_values(cells))

    def _figures(self, cells: list[Cell], columns: list[ColumnSpec], what: str) -> list[Figure]:
        """The figures of cells, one a column, saying aloud what is not a plain figure."""
        figures = []
        for col, cell in zip(columns, cells):
            if cell.kind == EMPTY:
                self.sink.add("GP302", f"{what}: the cell for {col.label} is empty; taken as "
                              "missing", at=cell)
            elif cell.kind == PLACEHOLDER:
                self.sink.add("GP304", f"{what}: the cell for {col.label} holds '{cell.text}', "
                              "not a figure; taken as missing", at=cell,
                              length=len(cell.text))
            if col.kind == MONEY and cell.unit == "元":
                self.sink.add("GP312", f"{what}: {col.label} is written as {cell.text}元, in 元 "
                              "where the template asks for 万元; the number is kept as written, "
                              "not converted", at=cell,
                              length=len(cell.text) + 1,
                              hint=f"{cell.value} 元 would be {_in_wan(cell.value)} 万元")
            figures.append(read_figure(_typed(cell.value, col), cell.line, cell.column,
                                       cell.unit, cell.source))
        return figures

    # ------------------------------------------------------------ a row short of figures

    def _spare_empty_cells(self, data: list[Cell | EmptyRun], size: int,
                           columns: list[ColumnSpec], keys: list[tuple[str, str]],
                           what: str) -> list[Figure]:
        """A row with more cells than columns, the extra ones among its empty cells:
        a merged label cell's rest, a trailing or doubled separator. When one choice
        of them is possible, they are dropped; otherwise which are extra is decided
        with the table's arithmetic once every row is read."""
        want = len(columns)
        excess = size - want
        empty = size - sum(c.kind != EMPTY for c in data)
        if math.comb(empty, excess) > MAX_PLACEMENTS:
            first = next(c for c in data if c.kind != EMPTY)
            self.sink.add("GP303", f"{what} has {_count(size, 'cell')} for "
                          f"{_count(want, 'column')}, {empty} of them empty; which are extra "
                          "cannot be told, so none of them is placed", at=first)
            return [MISSING] * len(columns)
        cells = list(cells_of(data))
        filled = [i for i, c in enumerate(cells) if c.kind != EMPTY]
        first, last = filled[0], filled[-1]
        # Spare may be an empty cell before the figures (a merged label cell's rest)
        # or one that ends a source row (a trailing separator, also where a row
        # wraps); one among the figures may be a missing figure's as well as a
        # doubled separator's, and then which cell is extra cannot be told at all.
        spare = [i for i, c in enumerate(cells) if c.kind == EMPTY
                 and (i < first or i > last or getattr(c, "ends_row", False))]
        if len(spare) < excess or len(spare) < empty:
            by_position = self._filled_by_position(cells, columns, what)
            if by_position is not None:
                return by_position
            at = cells[first]
            self.sink.add(
                "GP303", f"{what} has {_count(size, 'cell')} for {_count(want, 'column')}, "
                "an empty one among its figures; which cell is extra cannot be told, so none "
                "of them is placed", at=at)
            return [MISSING] * len(columns)
        # Choices that leave the same figures in the same columns are one: which of
        # several empty cells went makes no difference.
        unique: dict[tuple, list[Cell]] = {}
        for dropped in map(set, combinations(spare, excess)):
            kept = [c for i, c in enumerate(cells) if i not in dropped]
            unique.setdefault(tuple(id(c) if c.kind != EMPTY else None for c in kept), kept)
        choices = list(unique.values())
        kept_ids = {id(c) for c in choices[0]}
        if len(choices) == 1 and all(id(c) in kept_ids for c in cells[:first]):
            return self._figures(choices[0], columns, what)  # no empty cell before dropped
        # Else empty cells before the figures (the rest of a merged label cell) or
        # several choices: decided with the whole table read (its arithmetic).
        self.short_rows.append(ShortRow(cells, columns, keys, what, choices,
                                        headers=len(self.header_cells)))
        return [MISSING] * len(columns)

    def _said_on_each_line(self, cells: list[Cell], said: Cell, what: str) -> None:
        """A row whose figures are not placed, its cells standing on several lines (a
        row drawn over lines, or one a row below was merged into): the error is said
        again on each other line that holds some of them, so that no line's figures
        go missing without a word on that line."""
        lines = {c.line: c for c in reversed(cells) if c.kind != EMPTY and c.line is not None}
        for line, first in sorted(lines.items()):
            if line != said.line:
                self.sink.add("GP303", f"{what}: the cells on this line are among those of "
                              f"the row that are not placed (line {said.line})", at=first)

    def _place_row_of_choices(self, short: ShortRow) -> None:
        cells, columns, keys, what, choices = (short.cells, short.columns, short.keys,
                                                short.what, short.choices)
        n, size = len(columns), len(cells)
        empty = sum(c.kind == EMPTY for c in cells)
        first = next(c for c in cells if c.kind != EMPTY)
        broken = self._broken_by_choice(choices, keys)
        if len(choices) == 1 and self._stands_under_columns(choices[0], columns, short.headers) \
                and ((broken is not None and broken[0])
                     or not self._merged_rest_confirmed(cells, choices[0], keys)):
            # The arithmetic cannot confirm the one reading (a report whose own sums
            # are off), but every figure stands under its column's header
            self.sink.add("GP316", f"{what} has {_count(size, 'cell')} for {_count(n, 'column')}; "
                          "the empty cells before its figures are left out, each figure "
                          "standing under its column's header", at=first)
            self._place_at(ShortRow(choices[0], columns, keys, what), range(n), range(n))
            return
        if len(choices) == 1:
            if broken is not None and broken[0]:
                self.sink.add(
                    "GP303", f"{what} has {_count(size, 'cell')} for {_count(n, 'column')}; "
                    "read without the empty cells before its figures, it breaks the template's "
                    "arithmetic: which cell is extra cannot be told, so none of them is placed",
                    at=first, hint="govparse check names the relation")
                return
            if not self._merged_rest_confirmed(cells, choices[0], keys):
                self.sink.add(
                    "GP303", f"{what} has {_count(size, 'cell')} for {_count(n, 'column')}; "
                    "the empty cell before its figures may be the rest of a merged label cell "
                    "or a missing figure's, and the template's arithmetic cannot tell: none of "
                    "them is placed", at=first,
                    hint="a missing figure written as 0 or -, or no separator after the label, "
                         "tells")
                return
            kept = {id(c) for c in choices[0]}
            for gap in takewhile(lambda c: c.kind == EMPTY, cells):
                if id(gap) not in kept:
                    self.sink.add("GP305", f"{what}: an empty cell before the figures is the "
                                  "rest of a merged label cell; skipped", at=gap)
            self._place_at(ShortRow(choices[0], columns, keys, what), range(n), range(n))
            return
        fits = choices if broken is None else [c for c, b in zip(choices, broken) if not b]
        if broken is not None and len(fits) == 1 \
                and self._supported(fits[0], keys, range(n)):
            self.sink.add("GP315", f"{what} has {_count(size, 'cell')} for {_count(n, 'column')}, "
                          f"{empty} of them empty; only one choice of the extra empty cells fits "
                          "the template's arithmetic", at=first)
            self._place_at(ShortRow(fits[0], columns, keys, what), range(n), range(n))
            return
        if self._filled_by_position(cells, columns, what, short.headers, keys) is not None:
            return
        among = choices  # what every choice agrees on, whatever the arithmetic says
        agreed = [j for j in range(n)
                  if len({(c[j].kind, c[j].value) for c in among}) == 1 and among[0][j].kind != EMPTY]
        order = {id(c): i for i, c in enumerate(cells)}
        unplaced = sorted({id(c[j]): c[j] for c in among for j in range(n) if j not in agreed
                           and c[j].kind != EMPTY}.values(), key=lambda c: order[id(c)])
        placed = (f"; the figures under {_list([columns[j].label for j in agreed])} are the same "
                  "whichever they are and are placed" if agreed else "")
        self.sink.add(
            "GP303", f"{what} has {_count(size, 'cell')} for {_count(n, 'column')}, {empty} of "
            f"them empty: which empty cells are extra cannot be told{placed}; "
            f"{_list([c.text for c in unplaced]) or 'no other figure'} "
            f"{'is' if len(unplaced) == 1 else 'are'} not placed", at=first,
            hint="an empty cell where a figure is missing, and no separator after a row's "
                 "last cell, tell")
        self._place_at(ShortRow(among[0], columns, keys, what), agreed, agreed)

    def _filled_by_position(self, cells: list[Cell], columns: list[ColumnSpec], what: str,
                            headers: int | None = None, keys=None) -> list[Figure] | None:
        """A row with empty cells to spare that nothing else tells apart, read by
        where its figures stand: each under the header of its column, by the extents
        the source gives; the columns with none are missing (GP316). None when the
        positions do not tell (no extents, a figure under no header or several, two
        under one). With ``keys`` (a row read after the table), the figures are
        placed in the table as well."""
        filled = [c for c in cells if c.kind != EMPTY]
        if headers is None:
            headers = len(self.header_cells)
        placement = self._placement_by_position(filled, columns, headers)
        if placement is None:
            return None
        absent = [columns[i].label for i in range(len(columns)) if i not in placement]
        if absent:
            self.sink.add("GP316", f"{what}: no figure stands under {_list(absent)}; "
                          f"{'it is' if len(absent) == 1 else 'they are'} taken as missing",
                          at=filled[0])
        figures = [MISSING] * len(columns)
        read = self._figures(filled, [columns[i] for i in placement], what)
        for index, figure in zip(placement, read):
            figures[index] = figure
        if keys is not None:
            for key, figure in zip(keys, figures):
                self._put(key, figure)
        return figures

    def _stands_under_columns(self, kept: list[Cell], columns: list[ColumnSpec],
                              headers: int | None) -> bool:
        """Whether each figure of a reading (a cell a column) stands under the header
        of its own column, by the extents the source gives (none: False)."""
        filled = [(j, c) for j, c in enumerate(kept) if c.kind != EMPTY]
        placement = self._placement_by_position([c for _, c in filled], columns, headers)
        return placement is not None and list(placement) == [j for j, _ in filled]

    def _merged_rest_confirmed(self, cells: list[Cell], kept: list[Cell], keys) -> bool:
        """Whether dropping the empty cells before the figures that the one reading
        drops is safe. An empty line between a label and its figures is no figure's
        cell; an empty cell on the figures' own line may be the rest of a merged label
        cell, or a missing figure's with a stray cell at the end: only the template's
        arithmetic, confirming where each figure then stands, tells them apart."""
        kept_ids = {id(c) for c in kept}
        figures_row = next(c.row for c in cells if c.kind != EMPTY)
        dropped = [c for c in takewhile(lambda c: c.kind == EMPTY, cells)
                   if id(c) not in kept_ids]
        if figures_row is None or all(c.row != figures_row for c in dropped):
            return True
        return self.template is not None and self._supported(kept, keys, range(len(kept)))

    def _supported(self, cells: list[Cell], keys, placement) -> bool:
        """Whether the arithmetic confirms each figure the placement places."""
        relations, sides = self._arithmetic(keys)
        return relations.supported(_values(cells), sides, placement)

    def _broken_by_choice(self, choices: list[list[Cell]], keys) -> list[int] | None:
        """How many of the table's relations each choice of cells breaks."""
        if self.template is None:
            return None
        relations, sides = self._arithmetic(keys)
        # a choice puts one cell in each column: one placement, the columns in order
        return relations.broken_counts_in_place([_values(cells) for cells in choices], sides)

    def _place_short_row(self, short: ShortRow) -> None:
        if short.choices is not None:
            self._place_row_of_choices(short)
            return
        """Place a row's k figures in its N > k columns only where something tells
        where the gap is: the figures' positions under the header, or the template's
        arithmetic when exactly one placement is consistent. Otherwise none of them
        is placed: a wrong figure is worse than a missing one."""
        cells, columns, keys, what = short.cells, short.columns, short.keys, short.what
        k, n = len(cells), len(columns)
        first = cells[0]
        placement = self._placement_by_position(cells, columns, short.headers)
        if placement is not None:
            absent = [columns[i].label for i in range(n) if i not in placement]
            self.sink.add("GP316", f"{what}: no figure stands under {_list(absent)}; "
                          f"{'it is' if len(absent) == 1 else 'they are'} taken as missing",
                          at=first)
            self._place_at(short, placement, range(k))
            return
        placement = self._placement_by_full_rows(cells, columns, short.headers)
        if placement is not None:
            absent = [columns[i].label for i in range(n) if i not in placement]
            self.sink.add("GP316", f"{what}: no figure stands in the column of {_list(absent)}, "
                          "where the figures of the table's full rows stand; "
                          f"{'it is' if len(absent) == 1 else 'they are'} taken as missing",
                          at=first)
            self._place_at(short, placement, range(k))
            return
        counted = self._placements_by_arithmetic(cells, keys)
        fits = None if counted is None else [p for p, broken in counted if not broken]
        if fits is not None and len(fits) == 1 and self._supported(cells, keys, fits[0]):
            absent = [columns[i].label for i in range(n) if i not in fits[0]]
            self.sink.add("GP315", f"{what} has {_count(k, 'figure')} for {_count(n, 'column')}; "
                          f"only one placement fits the template's arithmetic: {_list(absent)} "
                          f"{'is' if len(absent) == 1 else 'are'} missing", first.line,
                          first.column)
            self._place_at(short, fits[0], range(k))
            return
        if fits == []:
            # The table's arithmetic is broken somewhere, whatever the placement. When
            # one placement breaks a single relation and every other breaks more, the
            # error lies in that relation's other figures, not in this row.
            least = min(broken for _, broken in counted)
            best = [p for p, broken in counted if broken == least]
            if least == 1 and len(best) == 1 and self._supported(cells, keys, best[0]):
                absent = [columns[i].label for i in range(n) if i not in best[0]]
                self.sink.add(
                    "GP315", f"{what} has {_count(k, 'figure')} for {_count(n, 'column')}; no "
                    "placement fits all of the template's arithmetic, and one placement breaks "
                    f"a single relation where every other breaks more: {_list(absent)} "
                    f"{'is' if len(absent) == 1 else 'are'} missing", at=first,
                    hint="govparse check names the relation that does not hold")
                self._place_at(short, best[0], range(k))
                return
        # None of them is placed: with fewer cells than columns, each column is left
        # empty by some placement, so no column's cell is the same whichever is true.
        unplaced = [c.text or "(empty)" for c in cells]
        why = ("no placement fits the template's arithmetic" if fits == [] else
               "more placements fit the template's arithmetic" if fits else
               "the template's arithmetic cannot tell")
        self.sink.add(
            "GP314", f"{what} has {_count(k, 'figure')} for {_count(n, 'column')} and nothing "
            f"tells which columns they belong to (no empty cell marks the gap, no position under "
            f"the header, and {why}); {_list(unplaced)} "
            f"{'is' if len(unplaced) == 1 else 'are'} not placed", at=first,
            hint="an empty cell, or a placeholder such as —, where a figure is missing tells")

    def _place_at(self, short: ShortRow, columns, cells) -> None:
        """Place the row's cells (by index) in the columns (by index), in order."""
        chosen = [short.columns[i] for i in columns]
        figures = self._figures([short.cells[i] for i in cells], chosen, short.what)
        for index, figure in zip(columns, figures):
            self._put(short.keys[index], figure)

    def _put(self, key: tuple[str, str], figure: Figure) -> None:
        """A row in doubt's figure, placed once the table is read (the arithmetic's
        figures kept up to date); none for a row that appeared again with other
        figures (_place)."""
        if key[0] in self.conflicted:
            return
        self.figures[key] = figure
        if self.values is not None:
            self.values[key] = figure.value
            self.sides.clear()

    def _placement_by_position(self, cells: list[Cell], columns: list[ColumnSpec],
                               above: int | None = None):
        """The column of each cell by where it stands under the header (gaps.
        placement_by_position), where the table's full rows show that positions tell:
        each of their figures stands under its own column's header. A converter that
        measures its columns otherwise than the reader (lynx counts a CJK character
        one column wide, not two) or moves a row's cells into the places of the empty
        ones it drops lays figures under the wrong headers: its full rows say so."""
        if any(c.x is None for c in cells) or not self._positions_hold(above):
            return None
        return self._placement_by_extents(cells, columns, above)

    def _placement_by_full_rows(self, cells: list[Cell], columns, above: int | None):
        """The column of each cell by the columns the table's full rows nearest it
        stand in (gaps.columns_of_full_rows), under the same header lines: for a
        space-aligned table whose header gives no places (pdftotext -layout breaks a
        header over lines). Places are counted in display columns (a CJK character two
        wide) and in characters (pdftotext and lynx lay a line out a character a
        column); a placement only where the measures that give one agree."""
        line = cells[0].line
        if line is None:
            return None
        rows = self._full_rows_near(line, columns, above)
        found = set()
        for extent in (_display_extent, _character_extent):
            if any(extent(c) is None for c in cells):
                continue
            measured = [([extent(c) for c in data], extent(label)) for data, label in rows]
            places = columns_of_full_rows([(extents, label[1]) for extents, label in measured
                                           if label is not None and None not in extents])
            if places is not None:
                found.add(placement_by_position([extent(c) for c in cells], places))
        return found.pop() if len(found) == 1 else None

    def _full_rows_near(self, line: int, columns, above: int | None) -> list[tuple[list, Cell]]:
        """The full rows (their figures and label) read under the same header lines
        with the same columns, nearest a line first: at most NEAR_FULL_ROWS of them
        (what a row short of a figure is placed by; bounded, so that a table of
        thousands of short rows is read in time linear in its size)."""
        key = (above, tuple(col.id for col in columns))
        made = self.full_rows_by.get(key)
        if made is None or made[0] != len(self.full_rows):
            rows = sorted(((data[0].line, data, self.full_row_labels[id(data)])
                           for data, cols, at in self.full_rows
                           if (above is None or at == above) and data[0].line is not None
                           and tuple(col.id for col in cols) == key[1]), key=lambda r: r[0])
            made = self.full_rows_by[key] = (len(self.full_rows), [r[0] for r in rows],
                                             [(r[1], r[2]) for r in rows])
        _, lines, rows = made
        after = bisect_left(lines, line)
        before = after - 1
        near = []
        while len(near) < NEAR_FULL_ROWS and (before >= 0 or after < len(rows)):
            if after >= len(rows) or before >= 0 and line - lines[before] <= lines[after] - line:
                near.append(rows[before])
                before -= 1
            else:
                near.append(rows[after])
                after += 1
        return near

    def _positions_hold(self, above: int | None) -> bool:
        """Whether the full rows read under the same header lines (at least one) each
        stand, figure by figure, under their columns' headers; where there are none
        (the review table is one row), whether those of the document's tables read
        so far all do (at least one)."""
        # (asked while rows are read too: the full rows so far, each looked at once)
        checked, found, held = self.positions_hold.get(above, (0, 0, True))
        for row in self.full_rows[checked:]:
            if above is None or row[2] == above:
                found += 1
                held = held and self._stands_in_place(*row)
        self.positions_hold[above] = (len(self.full_rows), found, held)
        return held if found else self.evidence.holds(self)

    def _stands_in_place(self, cells: list[Cell], columns, above: int) -> bool:
        """Whether each cell of a full row stands under its own column's header."""
        return all(c.x is not None for c in cells) and \
            self._placement_by_extents(cells, list(columns), above) == tuple(range(len(columns)))

    def _placement_by_extents(self, cells: list[Cell], columns: list[ColumnSpec],
                              above: int | None = None):
        made_of = (above, sum(map(len, self.header_cells.values())))
        extents = self.extents_of.get(made_of)
        if extents is None:  # (once a header: asked for each full row)
            extents = self.extents_of[made_of] = self._header_extents(above)
        headers = [extents.get(label_key(col.label)) for col in columns]
        if None in headers:
            headers = self._header_extents_in_order(columns, above)
            if headers is None:
                return None
        return placement_by_position([c.x for c in cells], headers)

    def _header_extents_in_order(self, columns: list[ColumnSpec], above: int | None = None):
        """Where each column's header stands when one label heads several columns
        (the review table: 结果维持 … 总计 under 行政复议, and twice more under
        行政诉讼): the header cells that name columns, read left to right, when
        they name the columns one by one in their order and no two overlap."""
        keys = [label_key(col.label) for col in columns]
        wanted = set(keys)
        lines = self._header_lines(above)
        found = sorted((cell.x, label_key(cell.text)) for line in lines
                       for cell in line if cell.x is not None and label_key(cell.text) in wanted)
        if [key for _, key in found] != keys:
            return None
        extents = [x for x, _ in found]
        if any(left[1] > right[0] for left, right in zip(extents, extents[1:])):
            return None
        return extents

    def _header_lines(self, above: int | None) -> list[list[Cell]]:
        """The header lines a row is read under: of the first ``above`` header lines
        (those above the row; None: all), the last run with no row between them (the
        2019 template's sub-tables of section 二 each have a header of their own,
        with their header labels over columns of other widths)."""
        lines = list(self.header_cells.values())
        end = len(lines) if above is None else above
        start = max((s for s in self.header_starts if s < end), default=0)
        return lines[start:end]

    def _header_extents(self, above: int | None = None) -> dict[str, tuple[float, float]]:
        """Where each column's header stands, for headers that stand in one place
        (of the header lines the row is read under: _header_lines)."""
        extents: dict[str, tuple[float, float] | None] = {}
        for line in self._header_lines(above):
            for cell in line:
                if cell.x is not None:
                    key = label_key(cell.text)
                    extents[key] = cell.x if extents.get(key, cell.x) == cell.x else None
        return {k: v for k, v in extents.items() if v is not None}

    def _placements_by_arithmetic(self, cells: list[Cell], keys: list[tuple[str, str]]):
        """Every placement of the cells, with how many of the table's relations it
        breaks (None when there are too many to try or no template to ask)."""
        if self.template is None:
            return None
        relations, sides = self._arithmetic(keys)
        return relations.broken_counts(_values(cells), sides)

    def _arithmetic(self, keys: list[tuple[str, str]]):
        """The table's relations about the places ``keys`` (as one row of their own:
        gaps.RowRelations), and their sides with the figures read in the table's other
        places summed (made once until a row in doubt is placed)."""
        relations = _rules_about(self.template, self.catalogue.table.id, tuple(keys))
        if self.values is None:
            # Made once a table, when its first row in doubt is placed (every other row
            # is read by then); _place_at keeps it up to date. The values of ``keys``
            # are never looked up: the rules name those places apart.
            self.values = {key: fig.value for key, fig in self.figures.items()}
        sides = self.sides.get(relations)
        if sides is None:
            sides = self.sides[relations] = relations.sides(self.values)
        return relations, sides

    # ------------------------------------------------------------ header and label forms

    def _check_header(self, heading_line: int | None) -> None:
        expected = _header_labels(self.catalogue, self.read_by_position)
        if not self.seen_rows:
            return  # nothing of the table was found: missing rows say it all
        contradicted = self._check_header_order()
        if contradicted is not None:
            self._not_in_template_order(contradicted)
        for key, label in expected.items():
            if key not in self.header_keys and key not in self.suggested:
                self.sink.add("GP207", f"the table's header lacks the column '{label}'",
                              heading_line, 1)

    def _check_header_order(self) -> Cell | None:
        """A header that names the columns in another order than the template's is
        said aloud: the figures under it are read in the header's order when it names
        every column of their row (_header_order), else not at all
        (_not_in_template_order). A line is looked at alone, then the two lines of a
        group and its columns together. The cell the header names out of order, if
        any."""
        order = _column_order(self.catalogue)
        for cells in self.header_cells.values():
            group: list[int] = []
            for cell in self._group_in_place(cells, lambda cell: label_key(cell.text)):
                index = order.get(label_key(cell.text))
                if index is None:
                    continue
                if index in group:
                    group = []  # the same columns again (the review table's header)
                if group and index < group[-1]:
                    self._say_header_order(cell)
                    return cell
                group.append(index)
        if self.catalogue.table.id not in COLUMN_GROUPS:
            return None
        columns = tuple(self._columns_in_order())  # (a grouped table's rows share them)
        highest = -1
        for col in self._header_lines_order(columns):  # (as they are where the lines do not tell)
            index = columns.index(col)
            if index < highest:
                named = [c for cells in self.header_cells.values() for c in cells
                         if label_key(c.text) == label_key(col.label)]
                if named:
                    self._say_header_order(named[0])
                    return named[0]
                return None
            highest = index
        return None

    def _not_in_template_order(self, cell: Cell) -> None:
        """The figures of the rows read in the template's order (the header gave no
        order for their columns) under a header that names columns in another order:
        the template's order may put them under the wrong columns, so none is placed
        (GP321)."""
        rows = [row for row in dict.fromkeys(self.read_in_template_order)
                if any(self.figures.get((row, col.id), MISSING).value is not None
                       for col in self.catalogue.table.row(row).columns)]
        if not rows:
            return
        for row in rows:
            for col in self.catalogue.table.row(row).columns:
                if (row, col.id) in self.figures:
                    self.figures[(row, col.id)] = MISSING
        count = len(rows)
        self.sink.add(
            "GP321", f"the header names the columns in another order than the template's "
            f"but gives no place for every column of {count} row{'s' if count != 1 else ''}; "
            "read in the template's order, their figures could stand under the wrong "
            "columns, so none of them is placed", at=cell, length=len(cell.text),
            hint="a header line that names every column of a row gives the order")

    def _say_header_order(self, cell: Cell) -> None:
        expected = [c.label for c in self._columns_in_order()]
        self.sink.add(
            "GP209", f"the header names '{cell.text}' after a column the template puts after "
            "it; where the header (a line, or two lines of a group and its columns) names "
            "every column of a row, its figures are read in the header's order, else they "
            "are not placed (GP321); the template's order: " + ", ".join(expected),
            at=cell, length=len(cell.text))

    def _columns_in_order(self) -> list[ColumnSpec]:
        seen: dict[str, ColumnSpec] = {}
        for spec in self.catalogue.table.rows:
            for col in spec.columns:
                seen.setdefault(col.id, col)
        return list(seen.values())

    def _note_label_form(self, cell: Cell) -> None:
        form = _label_form(self.catalogue, cell.text)
        if form is _SPLIT:
            joined = _BLANKS.sub("", cell.text)
            self.sink.add("GP307", f"'{cell.text}' is split by a space; read as '{joined}'",
                          at=cell, length=len(cell.text))
        elif form is _VARIANT:
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
                at=first, length=len(first.text),
            )


_SPLIT, _VARIANT = "split", "variant"


@functools.lru_cache(maxsize=4096)  # the same labels come back report after report
def _label_form(catalogue: LabelCatalogue, text: str) -> str | None:
    """How a label is written: split by a space between two ideographs (_SPLIT), the
    table's label with other brackets, colons or spacing (_VARIANT), or as it is."""
    if splits_a_word(text):
        return _SPLIT
    official = catalogue.labels_by_key.get(label_key(text))
    if official and text != official and normalize_label(text) == normalize_label(official):
        return _VARIANT
    return None


# What a table's header is checked against, the same for every report: made once.

@functools.lru_cache(maxsize=16)
def _header_labels(catalogue: LabelCatalogue, by_position: bool) -> dict[str, str]:
    """The labels the table's header should name (key -> label): its columns, and
    when read by position (the review table) its row labels, which stand there."""
    expected: dict[str, str] = {}
    for spec in catalogue.table.rows:
        for col in spec.columns:
            expected.setdefault(label_key(col.label), col.label)
    if by_position:
        for spec in catalogue.table.rows:
            for part in spec.path:
                expected.setdefault(label_key(part), part)
    return expected


@functools.lru_cache(maxsize=16)
def _column_order(catalogue: LabelCatalogue) -> dict[str, int]:
    """Each column label's place among its row's columns (key -> index)."""
    order: dict[str, int] = {}
    for spec in catalogue.table.rows:
        for index, col in enumerate(spec.columns):
            order.setdefault(label_key(col.label), index)
    return order


def _display_extent(cell: Cell):
    """Where a cell stands on its line in display columns (a CJK character two wide),
    where the source gives it."""
    return cell.x


def _character_extent(cell: Cell):
    """Where a cell stands on its line in characters, a figure with its unit."""
    if cell.column is None or cell.x is None:
        return None
    return (cell.column, cell.column + len(cell.text) + len(cell.unit or ""))


def _values(cells: list[Cell]) -> list:
    """The cells' figures as the arithmetic takes them (None: no number)."""
    return [c.value if c.kind == NUMBER else None for c in cells]


@functools.lru_cache(maxsize=256)
def _rules_about(template: str, table: str, keys: tuple[tuple[str, str], ...]):
    """The table's relations about the places ``keys``, as the columns of one row of
    their own (the review table's places span three rows), parted once (RowRelations)."""
    from govparse.template.arithmetic import relations  # only a row in doubt needs them

    place = {key: f"{key[0]}.{key[1]}" for key in keys}

    def ref(r):
        return ("", place[r[1:]]) if r[1:] in place else r[1:]

    # Only the relations that name one of the places: the others do not depend on
    # where the row's figures go, and every use of the rules passes over them.
    rules = tuple((tuple(ref(r) for r in rel.left), tuple(ref(r) for r in rel.right))
                  for rel in relations(template) if rel.subject[0] == table
                  and any(r[1:] in place for r in rel.refs))
    return RowRelations([place[k] for k in keys], "", rules)


NEAR_FULL_ROWS = 12  # full rows a short row's columns are looked for in, nearest first
MAX_LABEL_WORDS = 8  # a cell of more words is no row's labels run together (_parted_leaf)


def _parents_in(text: str, words: list[int], end: int, path: list[str]
                ) -> list[tuple[int, int]] | None:
    """Where (start, end) each of the labels ``path`` (keys, outermost first) stands
    in ``text``, the words starting at ``words`` up to ``end`` holding them in
    order, one after another; None when they do not."""
    parts: list[tuple[int, int]] = []
    index = 0
    for key in path:
        if index == len(words):
            break  # (the text may leave the outer labels out: they stand above)
        for stop in range(index + 1, len(words) + 1):
            until = words[stop] if stop < len(words) else end
            piece = label_key(text[words[index]:until])
            # (or its first part: the parent label wrapped in its cell, （三）不予公 / 开)
            if piece == key or (stop == len(words) and len(piece) >= 2 and key.startswith(piece)):
                parts.append((words[index], until))
                index = stop
                break
    return parts if parts and index == len(words) else None


def _last_word(text: str) -> int:
    """Where the last word of a text starts (its blanks parting words)."""
    starts = [m.start() for m in WORD.finditer(text)]
    return starts[-1] if starts else 0


def _after_single_characters(text: str) -> int:
    """Where a text starts after the words of one character before its last word (a
    label's characters written down its column, one a line: ``本 形，不计其他情形）``)."""
    spans = [m.span() for m in WORD.finditer(text)]
    skip = 0
    while skip < len(spans) - 1 and spans[skip][1] - spans[skip][0] == 1:
        skip += 1
    return spans[skip][0] if spans else 0


def _part_of(cell: Cell, start: int, end: int | None) -> Cell:
    """The label text[start:end] of a cell (its blanks around it left out)."""
    text = cell.text[start:end].rstrip()
    part = Cell(LABEL, text, cell.line, None if cell.column is None else cell.column + start,
                location=cell.source)
    part.row = cell.row
    return part


def _size(data: list[Cell | EmptyRun]) -> int:
    """How many cells: a EmptyRun stands for one a line."""
    return sum(c.count if type(c) is EmptyRun else 1 for c in data)


def _read_trailing(data: list[Cell | EmptyRun], want: int
                   ) -> list[Cell | EmptyRun]:
    """The data with no more than ``want`` of the empty cells after its last figure
    (those of an EmptyRun made into cells): more can never stand for a column, and
    the rest need not be made (a section's end may hold a million lines of
    separators only). Whether they came as lines of their own or as one run, the
    row reads alike."""
    end = len(data)
    while end and data[end - 1].kind == EMPTY:
        end -= 1
    if len(data) - end <= want and not any(type(c) is EmptyRun for c in data[end:]):
        return data
    return data[:end] + list(islice(cells_of(data[end:]), want))


def _in_header_order(columns: tuple[ColumnSpec, ...], position: dict[str, int]
                     ) -> tuple[ColumnSpec, ...]:
    """The columns in the order of their places in a header line, when it names every
    one of them, each in a place of its own; else as they are."""
    at = [position.get(label_key(col.label)) for col in columns]
    if None in at or len(set(at)) != len(at) or at == sorted(at):
        return columns
    return tuple(col for _, col in sorted(zip(at, columns), key=lambda pair: pair[0]))


@functools.cache
def _other_headers() -> frozenset[str]:
    """Header cells over no column of figures (信息内容 over the row labels): made
    when a row is first measured against its header line, not at every start."""
    return frozenset(label_key(label) for labels in EXTRA_HEADER_LABELS.values()
                     for label in labels)


def _ends_with_separators(rows: list[LogicalRow]) -> bool:
    """Whether the table's rows end with a separator (a tab or a pipe after the last
    cell: an empty cell that ends its source row), half of its rows with figures or
    more. (Where they do not, an empty cell at a row's end may be a missing figure's.)"""
    ending, rows_with_figures = 0, 0
    for row in rows:
        if row.has_figures and row.data:
            rows_with_figures += 1
            last = row.data[-1]
            ending += last.kind == EMPTY and getattr(last, "ends_row", False)
    return ending * 2 >= rows_with_figures


def _filled_then_empty(data: list[Cell | EmptyRun], want: int) -> bool:
    """Whether the first ``want`` cells are filled and every one after them empty."""
    for index, cell in enumerate(data):
        if (cell.kind == EMPTY) != (index >= want):
            return False
    return True


def _plain_figures(data: list[Cell | EmptyRun], columns) -> list[Figure] | None:
    """The common case, one plain figure a column: its figures, with nothing to say
    (None for any other row)."""
    if len(data) != len(columns):
        return None
    for cell in data:
        if cell.kind != NUMBER or cell.unit is not None:
            return None
    return [read_figure(c.value if col.kind != MONEY else _typed(c.value, col), c.line, c.column,
                        None, c.source)
            for c, col in zip(data, columns)]


def _same_number(written: str, official: str) -> bool:
    """Whether a label's numbering agrees with the template's label it is read as
    (either without a number agrees)."""
    a, b = _number_of(written), _number_of(official)
    return a is None or b is None or a == b


_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}


MAX_NUMBERING_DIGITS = 9


@functools.lru_cache(maxsize=4096)  # the same labels, row after row, report after report
def _number_of(label: str) -> int | None:
    """The number a label's numbering gives (3 for 3.其他, （三）, 3、), or None."""
    text = normalize_label(label)
    length = numbering_length(text)
    if not length:
        return None
    numeral = text[:length].strip("()、.,")
    if numeral.isdecimal():
        # (no template label is numbered past a few dozen, and int() refuses past
        # 4,300 digits: a longer numeral is a number no template label has, -1)
        return int(numeral) if len(numeral) <= MAX_NUMBERING_DIGITS else -1
    return _NUMERALS.get(numeral) if len(numeral) == 1 else None


def _typed(value, column: ColumnSpec):
    """Money is a Decimal even where written without a point."""
    if value is not None and column.kind == MONEY and not isinstance(value, Decimal):
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
