"""Reading a table's figures from its stream of cells.

Row labels decide which template row a run of figures belongs to; separators have
already decided where cells are (cells.py). A *logical row* is a run of label cells
followed by the figure cells after the last of them, wherever the lines break:
that covers one row a line, one cell a line, and rows wrapped across lines alike.

The reader is one state and several jobs, a module each, mixed into TableReader:
row_labels.py (which row a label names), header_order.py (the columns' order the
header gives), row_fit.py (a row's cells to its columns), short_rows.py (the rows in
doubt, placed once the table is read) and positions.py (where figures stand).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from itertools import islice

from govparse.core.cells import EMPTY, NUMBER, WORD, Cell, as_lines, joined_digits
from govparse.core.figure_cells import MISSING, plain_figures
from govparse.core.gaps import placement_by_position
from govparse.core.header_order import HeaderOrder
from govparse.core.logical_rows import LogicalRow
from govparse.core.positions import PositionEvidence, Positions
from govparse.core.row_fit import RowFit
from govparse.core.row_labels import (MAX_LABEL_WORDS, RowLabels, after_single_characters,
                                     looks_like_a_figure, part_of_label)
from govparse.core.short_rows import ShortRow, ShortRows
from govparse.core.stacked import (figures_above_their_label, first_parts_above_their_label,
                                   in_display_columns, placed_figures, readings_over_lines,
                                   run_on, side_by_side, stacked, stacked_rows,
                                   fewer_and_shorter, in_characters, stands_over,
                                   stands_over_in_both, under, untaken_over)
from govparse.core.text_doubts import TextDoubts
from govparse.core.wording import no_number
from govparse.core.wrapped_rest import readings_as_laid_out, readings_with_wrapped_numbers
from govparse.diagnostics import DiagnosticSink
from govparse.model.report import Figure
from govparse.template.spec import LabelCatalogue, RowSpec, is_numbered, label_key


class TableReader(RowLabels, HeaderOrder, RowFit, ShortRows, Positions, TextDoubts):
    """Reads one table of the template from its cell stream."""

    # The reader's state, its mixins' too (each has empty slots). More attributes than
    # an instance's own values hold without a dict (30 in CPython 3.11): without
    # slots, each reader made a dict of them, and every ``self.…`` was looked up in it.
    __slots__ = (
        "a_column_over", "after_a_bare_label", "beneath", "catalogue", "column_orders",
        "conflicted", "disowned_rows", "evidence", "extents_of", "figures", "filled_cells",
        "full_row_labels", "full_row_specs", "full_rows", "full_rows_by", "header_cells",
        "header_keys", "header_positions", "header_positions_of", "header_starts",
        "headers_in_place", "heading_line", "in_place", "label_ends", "label_rests",
        "last_header_row", "misplaced_under", "over_lines_in_doubt", "overdrawn_cells",
        "own_pairs", "parted_cells", "parted_rows", "placed_over_lines", "positions_hold",
        "read_by_position", "read_in_template_order", "read_wrapped", "refused_stacked",
        "rests_in_doubt", "row_above", "row_before", "row_since_header", "rows", "seen_rows",
        "short_rows", "sides", "sink", "stacked", "suggested", "template", "trailing_cells",
        "trailing_separators", "two_heights", "unordered", "values", "variant_labels",
        "stacked_pairs", "figures_on_headers", "row_specs", "untaken_notes", "joined_wraps",
        "gave_first_parts", "as_laid_out", "overfull", "between_lines")

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
        self.rests_in_doubt: list = []  # (ShortRows._place_rests_in_doubt: after them)
        # (Positions._lines_over: none while the rows are read, None once they are)
        self.a_column_over: frozenset[int] | None = frozenset()
        # the rows read without the empty cells before their figures that the
        # arithmetic confirms (ShortRows._label_columns: what they show of the table)
        self.label_rests: list = []
        self.placed_over_lines: set[int] = set()  # id(cells) of the rows over two lines placed
        # rows over two lines that several readings fit, each alone: (ShortRow, readings)
        self.over_lines_in_doubt: list[tuple] = []
        self.figures: dict[tuple[str, str], Figure] = {}
        # the cells of digits parted by a blank placed as missing figures, by where they
        # stand (line, column, location): the arithmetic may confirm them (parted_numbers.py)
        self.parted_cells: dict[tuple, tuple] = {}  # (cell, its GP313)
        # the (line, column) of the cells whose figure fills its cell's width (read's)
        self.filled_cells: set[tuple[int, int]] | tuple = ()
        self.overdrawn_cells: set[tuple[int, int]] | tuple = ()
        self.values: dict[tuple[str, str], object] | None = None  # (_arithmetic)
        self.sides: dict = {}  # (_arithmetic: by RowRelations, until values change)
        # rows with a figure in every column and extents (_positions_hold), and what
        # they tell, by the header lines above them
        self.full_rows: list[tuple[list[Cell], tuple, int]] = []
        self.full_row_labels: dict[int, Cell] = {}  # by id of a full row's data: its label
        self.full_row_specs: dict[int, RowSpec] = {}  # by id of a full row's data: its row
        self.full_rows_by: dict[tuple, tuple] = {}  # (_full_rows_near: by header and columns)
        # by the header lines above: (full rows looked at, how many under them, all held)
        self.positions_hold: dict[int | None, tuple[int, int, bool]] = {}
        self.in_place: dict[tuple, tuple[list, bool]] = {}  # (_stands_in_place)
        self.headers_in_place: dict[tuple, tuple] = {}  # (_headers_in_place)
        self.extents_of: dict[tuple, dict] = {}  # (_placement_by_extents)
        self.trailing_separators = True  # (read: _ends_with_separators)
        self.trailing_cells: dict[int, int] = {}  # (read)
        self.disowned_rows: set[int] | tuple = ()  # (read)
        # the rows (id of their data) not placed for figures one above the other (GP320)
        self.refused_stacked: set[int] = set()
        # the figures one above the other for which a row was not placed (GP320 said)
        self.stacked_pairs: list[tuple[Cell, Cell]] = []
        # numbers read joined over lines, wrapped in their cells (GP329): as sure a sign
        # that the document's numbers wrap as a row refused for them
        self.joined_wraps = False
        # the rows (id of their data) whose last line went to the next row as the first
        # parts of its wrapped numbers (_first_parts_moved)
        self.gave_first_parts: set[int] = set()
        # the rows (id of their data) either side of such a move: their numbers wrapped
        # joined only as the layout pairs them (wrapped_rest.readings_as_laid_out)
        self.as_laid_out: set[int] = set()
        # the header cells figures follow on their line (GP204), and the row each
        # logical row with figures was placed as (by id): _figures_a_row_off
        self.figures_on_headers: list[Cell] = []
        self.row_specs: dict[int, RowSpec] = {}
        # the first cell too many of each row not placed for its cells more than its
        # columns (GP303), by id: _figures_between
        self.overfull: set[int] = set()
        # the rows not placed for a label alone between two lines of figures, by id of
        # their data: _figures_between (the row after such a row is in the same doubt)
        self.between_lines: set[int] = set()
        # a row's figures joined with a line over or under them that no row took, by
        # id: how the note that says that line's figures are not placed starts
        # (_with_untaken_line)
        self.untaken_notes: dict[int, list[str]] = {}
        self.rows: list[LogicalRow] = []  # (read)
        self.conflicted: set[str] = set()  # rows that appeared again with other figures
        self.seen_rows: dict[str, Cell] = {}
        self.row_above: LogicalRow | None = None  # (the logical row before the one read)
        self.header_keys: set[str] = set()
        self.suggested: set[str] = set()
        self.variant_labels: list[Cell] = []
        self.heading_line: int | None = None  # where a finding with no cell of its own points
        self.header_cells: dict[object, list[Cell]] = {}  # column labels, by source row
        self.last_header_row: object = None  # the source row of the latest column label
        self.header_positions: dict[str, int] = {}  # (_header_positions: of that row)
        self.header_positions_of: object = None
        # _header_order's, for that header line: by id of the columns, with them
        self.column_orders: dict[int, tuple[tuple, tuple]] = {}
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
        # the row read before (_place): its cells, and how many columns it has
        self.row_before: tuple[list, int] | None = None
        # rows whose figures follow a row's bare label (_after_bare_labels): that label
        self.after_a_bare_label: dict[int, Cell] = {}
        self.stacked: dict[int, tuple[Cell, Cell]] = {}  # (stacked_rows: rows not placed)
        # the header lines (how many above) under which a full row stood out of place
        # (_out_of_place): no row short of a figure is placed by position under them
        self.misplaced_under: set[int] = set()
        # full rows with two figures a blank apart under one header (_parted_rows_missing)
        self.parted_rows: list[tuple] = []
        # the rows (id of their data) read as a line wrapped as a whole (_line_wrapped)
        self.read_wrapped: set[int] = set()

    def read(self, rows: list[LogicalRow], heading_line: int | None,
             trailing_cells: dict[int, int] | None = None,
             disowned_rows: set[int] | None = None,
             filled_cells: set[tuple[int, int]] | None = None,
             overdrawn_cells: set[tuple[int, int]] | None = None
             ) -> dict[tuple[str, str], Figure]:
        """The table's figures. ``trailing_cells``: the empty cells after each source
        row's last text, by row (grid.Stream.trailing_cells); ``disowned_rows``: the
        source rows none of whose figures is placed (grid.Stream.disowned_rows);
        ``filled_cells``: the (line, column) of the cells whose figure the source shows
        filling the cell's width, ``overdrawn_cells`` those it draws over the line above
        them (document.Table's)."""
        self.filled_cells = filled_cells or ()
        self.overdrawn_cells = overdrawn_cells or ()
        self.heading_line = heading_line
        self.trailing_cells = trailing_cells or {}
        self.disowned_rows = disowned_rows or ()
        for row in rows:
            for cell in row.labels:
                self._note_label_form(cell)
        rows = self.rows = self._figures_above_their_labels(
            self._parent_rests_joined(self._strays_joined(rows)))
        self.trailing_separators = _ends_with_separators(rows)
        self.label_ends: dict[int, int] = {}  # (_continued_labels: a label's last line)
        rests = self._continued_labels(rows)
        beside_labels = len(rests)  # (the first: rests on the line of a label's rest)
        self.beneath: dict[int, list] = {}  # (stacked_rows: rows under a row's later lines)
        self.two_heights: set[int] = set()  # (stacked_rows: rows at two heights, their own)
        self.own_pairs: dict[int, tuple] = {}  # (stacked_rows: (row above, own pair))
        # (a table whose labels have no place, a text's of tabs or pipes, has no row
        # stacked or under another: asked once here, not by each of the three)
        placed = any(c.x is not None for row in rows for c in row.labels)
        self.stacked = stacked_rows(rows, self.beneath, self.two_heights, self.own_pairs,
                                    self.label_ends) if placed else {}
        if placed:
            rests += self._under_a_repeated_header(rows) + self._rests_under_a_row(rows)
        own_lines = {id(r.data): r.data for r in rows} if beside_labels else {}
        for at, (data, pair) in enumerate(rests):
            own = self.stacked.get(data)
            if at < beside_labels and own is not None \
                    and all(any(c is one for c in own_lines[data]) for one in own):
                # (a row's own lines, 总计 at its cell's top, over the rests of its numbers
                # beside its label's rest: ``（二）部分公开（…这一情 1834`` / ``101 … 8670`` /
                # ``形，不计其他情形） 9``: read with that line, not as its own two)
                self.stacked[data] = pair
            else:
                self.stacked.setdefault(data, pair)
            self.beneath.pop(data, None)
            self.own_pairs.pop(data, None)
        if self.catalogue.table.positional:
            self._read_positional(rows)
        else:
            label_lines = None
            self.after_a_bare_label = self._after_bare_labels(rows)
            for index, row in enumerate(rows):
                self.row_above = rows[index - 1] if index else None
                if not self._read_row(row) and index + 1 < len(rows) \
                        and not any(looks_like_a_figure(c.text) for c in row.labels):
                    # figures no row takes on a line of their own, standing over the
                    # next row's: the first parts of numbers wrapped in its cells (not
                    # a row's figures after a number no one reads, GP313, among them)
                    if label_lines is None:  # (a number cut at its point is no label)
                        label_lines = {c.line for r in rows for c in r.labels
                                       if not looks_like_a_figure(c.text)}
                    pair = untaken_over(label_lines, row, rows[index + 1])
                    if pair is not None:
                        self.stacked.setdefault(id(rows[index + 1].data), pair)
            self._report_missing_rows(heading_line)
            self._check_full_rows()
            self._parted_rows_missing()
            self.a_column_over = None  # (the rows read: found when first asked)
        for short in self.short_rows:
            self._place_short_row(short)
        self._place_rests_in_doubt()
        self._place_rows_over_lines_together()
        self._check_header(heading_line)
        self._rows_cut_where_numbers_wrap()  # (after: a row the header leaves unplaced)
        self._report_label_forms()
        if self.full_rows:
            self.evidence.readers.append(self)  # (what the document's later tables may go by)
        return self.figures

    def _figures_above_their_labels(self, rows: list[LogicalRow]) -> list[LogicalRow]:
        """Figures on the line above a row's label, no more the row above's than that
        row's (stacked.figures_above_their_label), given to the row of the label: the
        first label below them that names a row with no figures of its own (the
        labels after it, and the figures after them, stay a row of their own)."""
        label_lines = None
        out: list[LogicalRow] = []
        for row in rows:
            previous = out[-1] if out else None
            at = None
            if previous is not None and previous.has_figures and row.labels \
                    and not (row.has_figures and len(row.labels) == 1) \
                    and len({c.line for c in previous.data}) == 2:  # (most rows: no more)
                if label_lines is None:
                    label_lines = {c.line for r in rows for c in r.labels}
                names = self.catalogue.rows_by_key
                at = next((i for i, c in enumerate(row.labels)
                           if label_key(c.text) in names), None)
                if at is not None and at == len(row.labels) - 1 and row.has_figures:
                    at = None  # (the row's own label, with figures of its own: a row of one
                    # label with figures is passed over above, without its lines' set)
            moved = None if at is None else \
                figures_above_their_label(previous, row.labels[at], label_lines)
            if moved is None and previous is not None and previous.has_figures \
                    and row.has_figures and previous.data:
                # (figures on one line: a row's own, but after a label's rest that names
                # no row, 信息公开申请 / 1357, maybe the first parts of the next row's)
                lone = previous.data[0].line == previous.data[-1].line
                of_no_row = lone and bool(previous.labels) \
                    and previous.labels[-1].line != previous.data[0].line \
                    and all(c.line != previous.data[0].line for c in previous.labels) \
                    and not _labels_name_a_row([c.text for c in previous.labels],
                                               self.catalogue.rows_by_key)
                if label_lines is None and (of_no_row or not lone):
                    label_lines = {c.line for r in rows for c in r.labels}
                moved = None if lone and not of_no_row else first_parts_above_their_label(
                    previous, row, label_lines, of_no_row)
                if moved is not None:
                    self._first_parts_moved(previous, row, moved)
                    moved = None
            if moved is None:
                out.append(row)
                continue
            del previous.data[-len(moved):]
            label = row.labels[at]
            taker = LogicalRow(row.labels[:at + 1])
            taker.data[:] = moved
            taker.has_figures = True
            out.append(taker)
            del row.labels[:at + 1]
            if row.labels or row.has_figures:
                out.append(row)
            self.sink.withdraw("GP306", moved[0].line)  # (the text front-end's: one row)
            self.sink.add("GP324", f"the figures on line {moved[0].line} stand above row label "
                          f"'{label.text}' (line {label.line}), after a row whose figures, all "
                          "0, are whole on the line before them; read as that row's",
                          at=moved[0])
        return out

    def _first_parts_moved(self, previous: LogicalRow, row: LogicalRow, moved: list) -> None:
        """The first parts of numbers wrapped in ``row``'s cells, at the end of the row
        above (stacked.first_parts_above_their_label), given to the row."""
        taken = set(map(id, moved))
        previous.data[:] = [c for c in previous.data if id(c) not in taken]
        previous.has_figures = bool(previous.data)  # (a label's rest, its line all moved)
        self.gave_first_parts.add(id(previous.data))
        self.as_laid_out.update((id(previous.data), id(row.data)))
        row.data[:0] = moved
        self.sink.withdraw("GP306", moved[0].line)  # (the text front-end's: one row)
        label = row.labels[-1]
        self.sink.add("GP324", f"the figures on line {moved[0].line} stand above row label "
                      f"'{label.text}' (line {label.line}), each over one of the row's on the "
                      "line under it, as the first parts of numbers wrapped in its cells are; "
                      "read as that row's", at=moved[0])

    def _rests_under_a_row(self, rows: list[LogicalRow]) -> list[tuple]:
        """Figures after labels that name no row (a group label's piece: ``（三）不``),
        fewer than the row above has, each standing under one of that row's on one of
        the two lines below it and shorter than it: the rest of a number wrapped in
        that row's cell (15312 as 1531 / 2; the first line of a wrapped number fills
        its cell), which pdftotext writes on the line below the row's, beside the group
        label's next piece. ``(id(data), (upper, lower))`` for each such row above:
        none of its figures is placed (GP320), never 1531 for 15312. (A row of its own
        whose label is read later, ``三 （一）予以公开``, has figures as long as those
        above them.) In a text that gives no columns (pypdfium2's: figures one blank
        apart, each line from its start), where nothing stands under anything, such
        figures on a line of their own count alike (``… 9268 1098`` / ``予处理`` /
        ``1 9 36``, a page's end after 1098). Lines are counted as _lines_apart does: a
        page's foot with no text of the table (its page number, GP009) is none."""
        if not any(c.x is not None for row in rows for c in row.labels):
            return []  # (no places: a text's of tabs or pipes; asked once, not a row)
        cat = self.catalogue
        out: list[tuple] = []
        apart = _lines_apart(rows, self.evidence.page_starts)
        for before, row in zip(rows, rows[1:]):
            if not (before.has_figures and before.labels and row.has_figures) \
                    or _labels_name_a_row([c.text for c in row.labels], cat.rows_by_key):
                continue
            upper, lower = placed_figures(before.data), placed_figures(row.data)
            if not lower or len(lower) > len(upper) or len(upper) > _MOST_FIGURES:
                continue  # (no row of a template's tables has more: looked at pair by pair)
            # (two or more after a group label's piece, 法提供 or （三）不 of a group
            # written down its cell: a rest may be as long as its first part, 1000 /
            # 0000 of 10000000; one alone may be the next row's first part, 2601 of
            # 26011 beside 三、本 of a label written down its column)
            as_long = len(lower) >= 2 and _pieces_of_groups(row.labels, cat.parents_by_key)
            pairs = [_rest_of(upper, c, apart, as_long) for c in lower]
            # (as many as the row's figures: every number of the row wrapped, each rest
            # under a figure of its own)
            if all(u is not None for u in pairs) and (
                    len(lower) < len(upper) or len(set(map(id, pairs))) == len(pairs)):
                out.append((id(before.data), (pairs[0], lower[0])))
            elif _rests_run_on(upper, lower, row.labels, apart):
                out.append((id(before.data), (upper[-1], lower[0])))
        return out

    def _under_a_repeated_header(self, rows: list[LogicalRow]) -> list[tuple]:
        """Figures after a header's labels (the header repeated at a page's top), no
        row's label among them, each standing under a figure of the row with figures
        before: the rest of numbers wrapped in that row's cells, which a page break cut
        (9837 as 983 / 7, the 7 in the band of the repeated header, where the PDF's grid
        cannot join it: grid_rows.continued_on_next_page). ``(id(data), (upper, lower))``
        for each such row before: none of its figures is placed (GP320)."""
        if not any(c.x is not None for row in rows for c in row.labels):
            return []  # (no places: a text's of tabs or pipes; asked once, not a row)
        cat = self.catalogue
        out: list[tuple] = []
        before = None  # the last row with figures and a label of a row
        for row in rows:
            if not row.has_figures or not row.labels:
                continue
            keys = [label_key(c.text) for c in row.labels]
            # (总计 and 其他 name a row and a column: numbered, 3.其他, a row's)
            if any(k in cat.rows_by_key and (k not in cat.headers_by_key or is_numbered(c.text))
                   for k, c in zip(keys, row.labels)):
                before = row
                continue
            # (the figures right after the header's last label: after labels of no row
            # of the table, they are a row's whose label wraps over lines, read apart)
            if before is None or keys[-1] not in cat.headers_by_key \
                    or not any(k in cat.headers_by_key and k not in cat.rows_by_key for k in keys):
                continue
            lower = placed_figures(row.data)
            upper = placed_figures(before.data)
            pairs = [under(upper, [cell]) for cell in lower]
            if lower and all(pair is not None for pair in pairs) \
                    and all(u.line < c.line for u, c in pairs):
                out.append((id(before.data), pairs[0]))
            before = None
        return out

    def _after_bare_labels(self, rows: list[LogicalRow]) -> dict[int, Cell]:
        """For each row whose figures start a paragraph apart from its label (a blank
        line between), every line flush left (_flush_left), and whose labels before
        its own name another row of the table (a label, or its last word: a group
        label's piece may stand before it): that label, by ``id(row.data)``. A PDF's
        text in its reading order (pdftotext without -layout) may write a row's figures
        after the next row's label (`1.信访举报投诉类申请` / `2.重复申请` / `1150 3014
        …`, the figures 1's)."""
        found: dict[int, Cell] = {}
        rows_by_key = self.catalogue.rows_by_key
        headers_by_key = self.catalogue.headers_by_key  # (总计: a header, and a row)
        for row in rows:
            if len(row.labels) < 2 or not row.has_figures:
                continue
            leaf = row.labels[-1]
            first = row.data[0]
            if first.kind == EMPTY:
                first = next((c for c in row.data if c.kind != EMPTY), first)
            if first.line is None or leaf.line is None or first.line - leaf.line < 2 \
                    or not _flush_left(row.labels) or not _flush_left(row.data):
                continue  # (most rows: their figures on their label's line)
            for bare in row.labels[:-1]:
                words = bare.text.split()
                named = [key for key in {label_key(bare.text), label_key(words[-1])}
                         if key in rows_by_key and key not in headers_by_key] \
                    if words else []
                if named and label_key(bare.text) != label_key(leaf.text):
                    found[id(row.data)] = bare
                    break
        return found

    def _read_row(self, row: LogicalRow) -> bool:
        """Read a logical row; False where its figures went to no row of the table."""
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
                        f"govparse reads ({no_number(stray.text)}); none of the figures of row "
                        f"'{spec.label}' is placed",
                        at=stray, length=len(stray.text))
                else:
                    self.sink.add(
                        "GP303", f"row '{spec.label}': '{stray.text}' stands in the row of its "
                        "figures, no label and no number; which cells are its figures cannot be "
                        "told, so none of them is placed", at=stray, length=len(stray.text))
                return True
            if spec is None:
                # (its figures went to no row, as below: they may be the first parts of
                # numbers wrapped over the next row's, untaken_over in read)
                return False
        if row.has_figures:
            if not labels:
                first = next(c for c in row.data if c.kind != EMPTY)
                self.sink.add("GP204", "figures stand before any row label; they are not placed",
                              at=first)
                return True
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
            above = self._figures_between(self.row_above, leaf, row.data)
            if above is not None:
                self.seen_rows.setdefault(spec.id, leaf)
                self._row_not_placed(
                    spec, spec.columns, leaf, f"row '{spec.label}': its label stands alone "
                    f"between two lines of figures, line {above} above it and line "
                    f"{_first_figure(row.data).line} below it, and the row above has its "
                    "figures on its own line; whether the label names the figures above it "
                    "or those below cannot be told, so none of them is placed",
                    hint="a PDF's text may write a row's label after its figures; read the "
                         "PDF itself, where each stands in its cell")
                self.row_specs[id(row)] = spec
                self.between_lines.add(id(row.data))
                return True
            self._place(spec, row.data, leaf)
            self.row_specs[id(row)] = spec
        return spec is not None or not row.has_figures

    def _figures_between(self, previous: LogicalRow | None, leaf: Cell,
                         data: list) -> int | None:
        """The line of figures above a row's label that stands alone on its line (its
        figures below it), where the row above has as many figures on its own label's
        line and was not placed for its cells more than its columns (GP303): figures of
        no row, if labels stand before their figures, or this row's, if after (a PDF's
        text: pdfplumber writes a label centred in its cell's height under its row's figures,
        ``2.没有现成信息… 1 0 0 0 0 0 1`` / ``0 0 0 0 0 0 0`` / ``3.补正后申请内容仍不明确`` /
        ``1 0 0 0 0 0 1``, the 0s 3's); and, after a row in that doubt, the line of its
        figures, between its label and this one (the chain goes on: each label may name
        the figures above it). None where not so (where the row above was placed, or
        refused for another reason, the line may be its own: the rests of numbers
        wrapped in its cells)."""
        if not self.overfull and not self.between_lines:
            return None  # (most tables: no row was refused so)
        first = _first_figure(data)
        if previous is None or first is None or first.line is None or leaf.line is None \
                or first.line <= leaf.line or not previous.labels:
            return None
        own_line = previous.labels[-1].line
        if id(previous.data) in self.between_lines:
            # (the row above was in this doubt: its figures, on a line between its label
            # and this one, may be this row's, as the line above its label its own)
            lines = {c.line for c in previous.data if c.kind != EMPTY and c.line is not None}
            if len(lines) == 1 and own_line is not None and own_line < min(lines) < leaf.line:
                return min(lines)
            return None
        if not self.overfull or not any(id(c) in self.overfull for c in previous.data):
            return None
        by_line: dict[int, int] = {}
        for cell in previous.data:
            if cell.kind != EMPTY and cell.line is not None:
                by_line[cell.line] = by_line.get(cell.line, 0) + 1
        below = sum(1 for c in data if c.kind != EMPTY and c.line == first.line)
        above = max((n for n in by_line if own_line < n < leaf.line), default=None)
        if above is None or by_line.get(own_line, 0) < below or by_line[above] != below \
                or any(own_line < c.line < leaf.line for c in previous.labels if c.line):
            return None
        return above

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
            self._parted_rows_missing()
            return
        self.read_by_position = True
        for row in rows:
            for cell in row.labels:
                self._classify_label(cell)
        data = [c for r in with_figures for c in r.data]
        anchor = with_figures[0].data[0] if with_figures else None
        slots = list(cat.table.slots)
        columns = [col for _, col in slots]
        keys = [(spec.id, col.id) for spec, col in slots]
        stray = next((r.stray for r in with_figures if r.stray is not None), None)
        figures = placed_figures(data)
        pair = stacked(figures)
        split = side_by_side(figures)
        # (figures over lines, one above another or two a line: read where the row's
        # line was wrapped as a whole, lynx's)
        wrapped = (pair is not None or split is not None) and self._line_wrapped(
            data, keys, columns=columns)
        # (numbers wrapped in their cells: figures one above another, or no places at
        # all, a figure a line, pypdfium2's text of each cell's lines one after another,
        # 106 / 7 / 483 / 1 / 360 …)
        over_lines = pair is not None and not wrapped \
            or pair is None and not figures and len(data) > len(columns)
        joins = readings_as_laid_out(data, len(columns)) \
            if stray is None and over_lines and self.template is not None else None
        if stray is not None:
            # a cell that is no label of the table among the figures on their line (a
            # note written into a cell, _strays_joined): read in order, every figure
            # after it would stand a column out
            self.sink.add(
                "GP303", f"the review table: '{stray.text}' stands among its figures; which "
                "cells are its figures cannot be told, so none of them is placed",
                at=stray, length=len(stray.text))
        elif joins is not None:  # (decided once the table is read: its arithmetic)
            self.short_rows.append(ShortRow(
                data, columns, keys, "the review table", [j.cells for j in joins],
                headers=len(self.header_cells), over_lines=pair or joins[0].wraps[0][:2],
                joins=joins))
            self.read_in_template_order.extend(spec.id for spec in cat.table.rows)
        elif pair is not None and not wrapped:
            # (its one line of fifteen figures wrapped by a converter, more often than a
            # number in its cell: no evidence for the document's other rows)
            self._report_stacked("the review table", pair, in_a_cell=False)
        elif self._review_out_of_place(data, columns):
            self.sink.add(
                "GP303", "the review table has a figure for each column, but they do not "
                "stand under their columns' headers, where the document's full rows all do: "
                "two numbers in one column where a figure is missing? Which cannot be told, "
                "so none of them is placed", at=anchor,
                hint="a number whose digits stand apart, or a note beside a figure?")
        elif split is not None and not wrapped:
            # a text's figures on two lines or more, two a line or more, the later
            # lines not going on from the row's left edge: cells of the row set at
            # different heights (pdftotext writes each height on a line of its own);
            # read line by line, their figures would go to other columns
            upper, lower = split
            self.sink.add(
                "GP320", f"the review table: its figures stand on lines {upper.line} to "
                f"{lower.line}, the later not going on from the row's left edge (cells set at "
                "different heights?); in which order they stand cannot be told, so none "
                "of them is placed", at=lower, length=len(lower.text))
        elif len(data) == len(slots) and self._positions_hold(None) and \
                (parted := self._parted_number(data, columns, None)) is not None:
            self._report_parted("the review table", parted)
        else:
            placed = self._fit(data, list(columns), "the review table", anchor, keys)
            for (spec, col), fig in zip(slots, placed):
                self.figures[(spec.id, col.id)] = fig
            # (in the template's order, whatever the header says: where it names the
            # columns in another order, none is placed, GP321)
            self.read_in_template_order.extend(spec.id for spec in cat.table.rows)
        for spec in cat.table.rows:
            self.seen_rows[spec.id] = anchor

    def _review_out_of_place(self, data: list, columns: list) -> bool:
        """Whether the review table, a figure for each column (read in order) on one
        line, has one that does not stand under its column's header where the
        document's tables read so far show that positions hold (PositionEvidence:
        their full rows all stand under their headers)."""
        if len(data) != len(columns) or any(getattr(c, "x", None) is None for c in data) \
                or len({getattr(c, "line", None) for c in data}) != 1 \
                or plain_figures(data, columns) is None:  # (last: it makes the figures)
            return False  # (a row wrapped over lines: its places are the wrap's)
        above = len(self.header_cells)
        return self.evidence.holds(self) and self._headers_of(columns, above) is not None \
            and not self._stands_in_place(data, columns, above)

    def _place(self, spec: RowSpec, data: list[Cell], label: Cell) -> None:
        self.row_since_header = True
        before, self.row_before = self.row_before, (data, len(spec.columns))
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
        if self.disowned_rows and any(getattr(c, "row", None) in self.disowned_rows
                                      for c in data):
            return  # (a span its rows disown: none of the row's figures, GP503)
        bare = self.after_a_bare_label.get(id(data)) if self.after_a_bare_label else None
        if bare is not None:
            self._row_not_placed(
                spec, spec.columns, data[0], f"row '{spec.label}': its figures follow its "
                f"label and, before it, '{bare.text}' with no figure of its own, a "
                "paragraph apart, as a PDF's text in its reading order is (pdftotext "
                "without -layout), which may write a row's figures after the next row's "
                "label: whose they are cannot be told, so none of them is placed",
                "pdftotext -layout, or the PDF itself, keeps each row's figures with its "
                "label")
            return
        columns = self._header_order(spec.columns)
        pair = self.stacked.get(id(data))
        if pair is None and id(data) in self.gave_first_parts \
                and not any(c.line == label.line for c in data):  # (none on its label's line)
            self._row_not_placed(
                spec, columns, data[0], f"row '{spec.label}': the line after its figures "
                "holds the first parts of the next row's numbers, wrapped in their cells "
                "(GP324), and nothing stands over its own: they may be the rests of its "
                "numbers, wrapped so too, whose first parts the text lost; none of them is "
                "placed", "pdftotext -layout sets a wrapped number's parts over and under "
                "its row's label: check the row against the source")
            return
        wrapped = pair is not None and not self._under_rests(data, label) \
            and self._line_wrapped(data, [(spec.id, c.id) for c in columns], label, columns)
        if wrapped:
            self.read_wrapped.add(id(data))
        elif pair is not None and self._whole_under_a_wrapped_line(spec, data, columns, pair):
            pair = None
        if pair is not None and not wrapped:
            keys, what = [(spec.id, c.id) for c in columns], f"row '{spec.label}'"
            # (two of the row's own figures, not a row's above it over them, nor a rest
            # of its numbers beside its label's rest, 形，不计其他情形） 9)
            beside = self.label_ends.get(id(data)) == pair[1].line \
                and not any(c is pair[1] for c in data)
            readings = readings_over_lines(data, len(columns)) \
                if not beside and any(c is pair[0] for c in data) else None
            if readings is not None or not beside and id(data) in self.two_heights \
                    and len(data) == len(columns):
                # (decided once the table is read: its arithmetic, its full rows)
                self.short_rows.append(ShortRow(
                    data, columns, keys, what, readings, headers=len(self.header_cells),
                    over_lines=pair))
                return
            after = self.own_pairs.get(id(data))
            if after is not None and len(data) == len(columns) \
                    and any(s.cells is after[0] for s in self.short_rows):
                # (a figure a column: none of its numbers wrapped, a reading over lines
                # its own; a figure more, the rest of one, readings_with_wrapped_numbers)
                # under the later line of a row read over two lines: decided after it
                self.short_rows.append(ShortRow(
                    data, columns, keys, what, readings_over_lines(data, len(columns)),
                    headers=len(self.header_cells), over_lines=after[1], under=pair,
                    after=after[0]))
                return
            upper_own = any(c is pair[0] for c in data)
            lower_own = any(c is pair[1] for c in data)
            owner = None if upper_own or not lower_own or len(data) < len(columns) \
                or len(data) > len(columns) and pair[0].line not in self.label_ends.values() \
                else self._owned_above(pair[0])
            # (decided once that row is: the figure over it its own; this row's own
            # numbers wrapped too, 1085 / 8, where it has figures more than its columns
            # and the figure over it stands beside the rest of the row above's label)
            joins = None if owner is None or len(data) == len(columns) \
                or self.template is None else readings_with_wrapped_numbers(data, len(columns))
            if owner is not None and (len(data) == len(columns) or joins is not None):
                self.short_rows.append(ShortRow(
                    data, columns, keys, what, None if joins is None else [
                        j.cells for j in joins], headers=len(self.header_cells), under=pair,
                    after=owner.cells, over_lines=None if joins is None else pair,
                    joins=joins))
                return
            self.refused_stacked.add(id(data))  # (for the rows below: missing for now)
            joined = data if upper_own == lower_own else \
                self._with_untaken_line(pair[0] if lower_own else pair[1], data, lower_own)
            # (either side of first parts moved to the row below, GP324, the layout's
            # pairs alone: every pair and order would find a reading of the rests and a
            # stray part that fits, 6 9 2 0 3 64 84)
            readings = readings_as_laid_out if id(data) in self.as_laid_out \
                else readings_with_wrapped_numbers
            joins = readings(joined, len(columns)) \
                if self.template is not None and any(c is pair[1] for c in joined) else None
            if joins is not None:  # (decided once the table is read: its arithmetic)
                self.short_rows.append(ShortRow(
                    joined, columns, keys, what, [j.cells for j in joins],
                    headers=len(self.header_cells), over_lines=pair, joins=joins))
                return
            # (no reading: the joined list goes, and its id with it may be another's)
            self.untaken_notes.pop(id(joined), None)
            self._report_stacked(what, pair)
            return
        if self.unordered and columns in self.unordered:  # (a tuple's hash: asked when any)
            self.read_in_template_order.append(spec.id)
        placed = plain_figures(data, columns)
        # (a full row with extents: what tells whether positions can be trusted)
        full = placed is not None and len(data) > 1 and data[0].x is not None and not wrapped
        parted = self._parted_number(data, columns, len(self.header_cells), label) \
            if len(data) == len(columns) and not wrapped else None
        if parted is not None:  # (decided once the table's other full rows are read)
            self.parted_rows.append((spec, columns, data, parted, len(self.header_cells)))
        if before is not None and len(before[0]) < before[1] and placed is not None \
                and _after_a_short_row_a_cell_a_line(before[0], data, columns):
            self._full_row_not_placed(
                spec, columns, data[0], "follow a row of all its figures: the row before "
                "is short of one, with no empty cell to mark it, and both are written a "
                "cell a line, as a PDF's text in its reading order is (pdftotext without "
                "-layout), which may write a figure of one row after the next row's.",
                "pdftotext -layout, or the PDF itself, keeps each row's figures together")
            return
        if full and self._out_of_place(data, columns):
            self._full_row_not_placed(
                spec, columns, data[0], "stand under their columns' headers, where the "
                "table's full rows all do: a stray number where a figure is missing?",
                "a number or a note after the row's figures, or a figure moved into "
                "another column?")
            self.misplaced_under.add(len(self.header_cells))
            return
        if full:
            self.full_rows.append((data, columns, len(self.header_cells)))
            self.full_row_labels[id(data)] = label
            self.full_row_specs[id(data)] = spec
        keys = _row_keys(spec, columns)
        if placed is None:
            placed = self._fit(data, list(columns), f"row '{spec.label}'", label, list(keys))
        self.figures.update(zip(keys, placed))

    def _check_full_rows(self) -> None:
        """Each full row with extents once the table is read: one whose figures do not
        stand under their headers where the table's other full rows all do, or not in
        the columns its other full rows near it agree on (_astray_of_full_rows: two of
        its numbers in one column, where a number's digits were written apart, 4 … 7,
        and an empty cell of the row left it with a cell for each column) is not
        placed. (_out_of_place looks at a row as it is read, and only after
        MIN_FULL_ROWS full rows that stand under the header: not at a table's first
        rows, nor where the header gives no places.)"""
        astray_under = self._full_rows_astray() if self.full_rows else {}
        for data, columns, above in list(self.full_rows):
            spec = self.full_row_specs.get(id(data))
            if spec is None or spec.id in self.conflicted \
                    or not self._astray_of_full_rows(data, columns, above, astray_under):
                continue
            if all(self.figures.get((spec.id, col.id)) is MISSING for col in columns):
                continue
            self._full_row_not_placed(
                spec, columns, data[0], "stand in the columns the table's other full rows "
                "stand in: two numbers in one column where a figure is missing?",
                "a number whose digits stand apart, or a note beside a figure?")

    def _full_row_not_placed(self, spec: RowSpec, columns, at: Cell, why: str,
                             hint: str) -> None:
        """A row with a figure for each column that its figures' places contradict
        (GP303): none of them placed."""
        self._row_not_placed(
            spec, columns, at, f"row '{spec.label}' has a figure for each column, but they "
            f"do not {why} Which cannot be told, so none of them is placed", hint)

    def _row_not_placed(self, spec: RowSpec, columns, at: Cell, message: str,
                        hint: str) -> None:
        """A row whose figures cannot be told to be its own (GP303): none placed."""
        self.sink.add("GP303", message, at=at, hint=hint)
        for col in columns:
            self.figures[(spec.id, col.id)] = MISSING

    def _other_figures(self, spec: RowSpec, data: list[Cell]) -> bool:
        """Whether a row appearing again holds figures other than those placed the
        first time (the same figures again, or none, are no doubt)."""
        if not any(c.kind != EMPTY for c in data):
            return False
        columns = self._header_order(spec.columns)
        again = plain_figures(data, columns)
        if again is None:
            return True
        return any(self.figures.get((spec.id, col.id), MISSING).value != figure.value
                   for col, figure in zip(columns, again))

    def _line_wrapped(self, data: list[Cell], keys: list[tuple[str, str]],
                      label: Cell | None = None, columns=None) -> bool:
        """Whether figures that stand one above the other (stacked.py) are a row's
        line wrapped as a whole (lynx at 80 columns: `… 3655673 25826692 157304` /
        `87777018`), not a number wrapped inside its cell nor figures that follow
        their label a line each (`pdftotext` without `-layout`, whose figures may be
        another row's). The shape of a wrapped line: the row's figures run on from its
        label's line (the review table has none) over the lines right below it,
        every line but the last holding two figures or more, and each line after the
        first starting at the row's left edge (under the label, or the first figure's
        where there is no label), where a converter goes on with a line, and the first
        line at the row's first column (under its header, where the header gives
        ``columns`` places and the table's full rows show they hold: cells of one row
        set at different heights, which pdftotext writes on lines of their own, each
        at its column, start the first line further
        right, or interleave with its figures, each under a header of its own, and
        read in reading order their figures would go to other columns while the row's
        total still holds); a
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
        starts = _line_starts(data)
        if label is not None and any(c.x[1] > data[0].x[0] for c in starts) \
                or label is None and any(c.x[0] > data[0].x[0] for c in starts):
            return False
        # ... and the row's first line starting at its first column: under the first
        # column's header, where the header says where it stands
        above = None if label is None else len(self.header_cells)
        if columns is not None and all(in_display_columns(c) for c in data) \
                and self._positions_hold(above):
            headers = self._headers_of(list(columns), above)
            if headers is not None and headers[0] is not None:
                if not (data[0].x[0] < headers[0][1] and headers[0][0] < data[0].x[1]):
                    return False
                # figures that, taken left to right, stand each under a header of its
                # own, in another order than they are read: cells at two heights
                across = sorted(range(len(data)), key=lambda i: data[i].x[0])
                if across != list(range(len(data))) and placement_by_position(
                        [data[i].x for i in across], headers) is not None:
                    return False
        return self._own_totals_confirm(data, keys)

    def _under_rests(self, data: list[Cell], label: Cell | None) -> bool:
        """Whether a row found under the later line of a row above that stands missing
        for a number wrapped in its cell (GP320) has a later line that starts right of
        its label: no line wrapped as a whole goes on there, where the rests of that
        row's numbers stand (102 134 281 / 736 0 332 1585 under 2768 … 9202, its totals
        holding by chance); a converter goes on with a line under the label."""
        above = self.beneath.get(id(data)) or self.own_pairs.get(id(data), (None,))[0]
        if above is None or id(above) not in self.refused_stacked \
                or label is None or label.x is None:
            return False
        return any(c.x is not None and c.x[0] >= label.x[1] for c in _line_starts(data))

    def _whole_under_a_wrapped_line(self, spec: RowSpec, data: list[Cell], columns,
                                    pair: tuple[Cell, Cell]) -> bool:
        """Whether a row that stands missing only because a figure of it stands under
        the later line of the row above (stacked_rows: the first part of a number
        wrapped in its cell?) is read after all: that row above was read as its line
        wrapped as a whole (_line_wrapped: its totals hold with those figures, which
        are then its own and no part of this row's), and this row's own figures, one
        a column on its line, hold its totals and name every column (no number of it
        is cut short). Where the row above is laid out as a converter wraps a line
        (run_on: its figures one blank apart), not at the columns of a space-aligned
        table, where a line of figures under its label might be the first parts of
        this row's numbers. Said with a note (GP306)."""
        above = self.beneath.get(id(data))
        if above is None or id(above) not in self.read_wrapped \
                or not run_on(placed_figures(above)) \
                or len(data) != len(columns) \
                or not self._own_totals_confirm(data, [(spec.id, c.id) for c in columns]):
            return False
        upper, lower = pair
        self.sink.add(
            "GP306", f"row '{spec.label}': '{lower.text}' (line {lower.line}) stands under "
            f"'{upper.text}' (line {upper.line}), a figure of the row above, whose line "
            "wrapped as a whole (its totals hold with it); the row's own totals hold, so "
            "its figures are read as they stand", at=lower, length=len(lower.text))
        return True

    def _rows_cut_where_numbers_wrap(self) -> None:
        """In a table some of whose cells hold a number wrapped in them (a PDF's grid
        cell of digits over lines: parted_cells), each row whose own total does not
        hold is not placed (GP326): a row of a fixed height too low for its text shows
        a wrapped number's first line only, whole inside its cell (550 of 5504), and
        nothing on the page tells; the total it breaks does. (A report's own sums off
        by a slip cost such a row its figures too: missing, never a number cut short.)
        Where no cell shows lines of a number, so does a row with a figure that fills
        its cell's width (filled_cells): a first line is what fills a cell. The numbers
        the page shows wrapped to fit their cells are read where the row's own totals
        hold with them (_wrapped_to_fit_read)."""
        if not self.parted_cells and not self.filled_cells and not self.overdrawn_cells:
            return
        table = self.catalogue.table
        cut = ("its own total does not hold, {}: a number may show only the first line of "
               "its cell (a row of a fixed height too low for its text), which nothing on "
               "the page tells")
        for spec in table.rows:
            keys = tuple((spec.id, col.id) for col in spec.columns)
            figures = [self.figures.get(key) for key in keys]
            whole = not any(f is None or f.value is None for f in figures)
            if any(f is not None and (f.line, f.column) in self.overdrawn_cells
                   for f in figures):
                said = ("a figure of it stands over the line above it, the cell above empty "
                        "(a row of a fixed height too low for its figures, drawn lower than "
                        "the row): which row's figures these are the page does not tell")
            elif self._wrapped_to_fit_read(spec, keys, figures, whole) \
                    or not whole or not self._own_values_broken([f.value for f in figures], keys):
                continue
            elif self.parted_cells:
                said = cut.format("in a table whose numbers wrap in their cells (GP313, "
                                  "GP325, GP328)")
            elif self._first_lines_may_break(keys, figures):
                said = cut.format("as it would were a figure that fills its cell's width the "
                                  "first line of a longer number")
            else:
                continue
            for key in keys:
                self.figures[key] = MISSING
            label = self.seen_rows.get(spec.id)
            self.sink.add(
                "GP326", f"row '{spec.label}': {said}; none of the row's figures is placed",
                at=label, length=len(label.text) if label is not None else 1,
                hint="check the row against the source: Word's 行高 固定值 cuts what does "
                     "not fit", table_id=table.id, row_id=spec.id)

    def _first_lines_may_break(self, keys, figures: list[Figure]) -> bool:
        """Whether the row's broken totals may be figures that fill their cells' width
        (filled_cells) showing the first lines of longer numbers: each total broken
        as numbers cut short would break it (gaps.RowRelations.own_cut_explains). A
        total broken otherwise is the report's own slip, which no number cut short
        explains: the row is read."""
        cut = [i for i, f in enumerate(figures) if (f.line, f.column) in self.filled_cells]
        return bool(cut) and self._own_values_cut([f.value for f in figures], keys, cut)

    def _wrapped_to_fit_read(self, spec: RowSpec, keys, figures: list, whole: bool
                             ) -> bool | None:
        """The numbers of the row the page shows wrapped to fit their cells (each line
        but the last filling the cell: frontends/pdf/wrapped.py) kept where the row's
        own totals hold with its figures and name every column (GP328); else missing
        (GP313), where the row is not whole (a figure missing: nothing confirms them) or
        has no total of its own (the active disclosure table's), or where its own total
        breaks, the whole row with them (GP326: cells of one row in other fonts may show
        fewer lines). A row whose missing figures are all digits over lines (1000 /
        0000: a last line that fills its cell) counts as whole with their digits
        joined; those stay missing here, for the arithmetic to confirm once the row's
        others are read (GP325, core/parted_numbers.py). Whether the row holds such
        numbers and they are read (None: it holds none)."""
        wrapped = [(key, f, self.parted_cells[f.line, f.column, f.location][0])
                   for key, f in zip(keys, figures) if f is not None and f.recovered
                   and (f.line, f.column, f.location) in self.parted_cells]
        if not wrapped:
            return None
        table = self.catalogue.table.id
        values = [f.value if f is not None and f.value is not None
                  else self._parted_digits(f) for f in figures]
        if None not in values and self._own_values_confirm(values, keys):
            for key, figure, cell in wrapped:
                self.sink.add(
                    "GP328", f"row '{spec.label}': the cell for {_column_label(spec, key)} "
                    f"holds '{as_lines(cell.text)}', lines of digits each but the last "
                    f"filling the cell's width: a number wrapped to fit its cell, read as "
                    f"{figure.value}, with which the row's own totals hold", at=cell,
                    length=len(cell.text), hint="check the figure against the source: the "
                    "digits are read in their order, one line after the other",
                    table_id=table, row_id=spec.id, column_id=key[1])
            return True
        if whole and self._own_values_broken(values, keys):
            return False  # (its own total broken: GP326, the row not placed)
        why_not = ("a figure of the row is missing" if not whole
                   else "the row has no total of its own")
        for key, _, cell in wrapped:
            self.figures[key] = Figure(None, cell.line, cell.column, location=cell.source)
            self.sink.add(
                "GP313", f"row '{spec.label}': the cell for {_column_label(spec, key)} holds "
                f"'{as_lines(cell.text)}', lines of digits each but the last filling the "
                f"cell's width (a number wrapped to fit its cell?), but {why_not}, so that "
                "its own totals cannot confirm it: taken as missing",
                at=cell, length=len(cell.text), hint="check the row against the source",
                table_id=table, row_id=spec.id, column_id=key[1])
            # (the arithmetic may still confirm it: core/parted_numbers.py)
            self.parted_cells[cell.line, cell.column, cell.source] = (cell, self.sink.items[-1])
        return True

    def _parted_digits(self, figure: Figure | None):
        """A missing figure's digits joined, where its cell holds digits over lines
        (parted_cells); else None."""
        if figure is None:
            return None
        parted = self.parted_cells.get((figure.line, figure.column, figure.location))
        return None if parted is None else joined_digits(parted[0].text)

    def _parted_rows_missing(self) -> None:
        """The full rows with two figures a blank apart under one header (Positions.
        _parted_number) are missing, where the table's other full rows under the same
        header lines (one at least; none: those of the table and of the tables read
        before it) each stand under their columns' headers: there the two are one
        number written with a blank in it. (Where they do not, as lynx lays
        out a CJK header, the header's places tell nothing, and the row is read.)"""
        if not self.parted_rows:
            return
        suspects = {id(data) for _, _, data, _, _ in self.parted_rows}
        by_header: dict[int, list[bool]] = {}  # the other full rows' verdicts, by header
        for row in self.full_rows:
            if id(row[0]) not in suspects:
                by_header.setdefault(row[2], []).append(self._stands_in_place(*row))
        document: list[bool] | None = None
        for spec, columns, data, pair, above in self.parted_rows:
            others = by_header.get(above)
            if not others:  # (a sub-table of one row: the document's full rows tell)
                if document is None:
                    document = [v for verdicts in by_header.values() for v in verdicts] + \
                        [reader._stands_in_place(*row) for reader in self.evidence.readers
                         for row in reader.full_rows]
                others = document
            if others and all(others):
                self._report_parted(f"row '{spec.label}'", pair)
                for col in columns:
                    self.figures[(spec.id, col.id)] = MISSING

    def _report_parted(self, what: str, pair: tuple[Cell, Cell]) -> None:
        left, right = pair
        self.sink.add(
            "GP313", f"{what}: '{left.text}' and '{right.text}' stand a blank apart under one "
            "column's header: one number written with a blank in it cannot be told from two "
            "figures, so none of the row's figures is placed", at=left,
            length=right.column + len(right.text) - left.column
            if left.column is not None and right.column is not None else len(left.text),
            hint=f"a number written with a blank? (read together: {left.text}{right.text})")

    def _with_untaken_line(self, cell: Cell, data: list, above: bool) -> list:
        """A row's figures with the line of figures that no row took over them
        (``above``: ``6739 3243 …`` over the row's label, ``1 6 …`` under it) or under
        them (``3`` beside 法提供, a group label's piece, under ``… 1483``): numbers
        wrapped in the template's narrow cells, as LibreOffice lays them out, maybe
        (wrapped_rest: the arithmetic decides); ``cell``, the line's figure that
        stands over or under one of the row's. Where that line is all whole numbers;
        else the row's own figures alone."""
        found = self._untaken_line(lambda r: any(c is cell for c in r.data), cell.line)
        if found is None:
            return data
        holder, line = found
        own = [c for c in data if type(c) is Cell]
        if not own:
            return data
        joined = line + own if above else own + line
        said = [f"figures follow '{holder.labels[-1].text}'"] if holder.labels else []
        line = own[0].line
        over = None if above or line is None else self._untaken_line(
            lambda r: r.data and r.data[0].line is not None
            and r.data[0].line < line <= r.data[-1].line + 1, line - 1)
        if over is not None:
            # the first parts on the line right over the row's, beside a group label's
            # piece too (三、本 1280 / （一）予以公开 … / 年度办 3: cells centred in their height)
            joined[:0] = over[1]
            said += [f"figures follow '{over[0].labels[-1].text}'"] if over[0].labels else []
        if said:  # (their GP204s, withdrawn if the joined row is placed)
            self.untaken_notes[id(joined)] = said
        return joined

    def _untaken_line(self, holds, line: int) -> tuple[LogicalRow, list] | None:
        """The row no row of the template took whose data ``holds`` asks for, and its
        figures on ``line``, where those are all whole numbers; else None."""
        holder = next((r for r in self.rows if holds(r)), None)
        if holder is None or id(holder) in self.row_specs or holder.labels and label_key(
                holder.labels[-1].text) in self.catalogue.rows_by_key:
            return None
        cells = [c for c in holder.data if type(c) is Cell and c.line == line]
        if not cells or any(c.kind != NUMBER for c in cells):
            return None
        return holder, cells

    def _owned_above(self, cell: Cell) -> ShortRow | None:
        """The row above, waiting for the table's arithmetic, every reading of which
        reads ``cell`` as its own (each reading takes all of a row's cells, so: one of
        them): a row with numbers wrapped in its cells (``cell`` the
        rest of one, on a line no row took: ``5.属于三类内部事务信息 … 2014`` / ``予公开`` /
        ``2``, the 2 over the next row's 933 in display columns), or at two heights (a
        figure of its later line: ``纳费用、行政机关不再处理其政府 1854 9067 …``, whose
        label puts 9067 over 3.其他's 1447 in display columns); else None."""
        return next((s for s in self.short_rows
                     if (s.joins is not None or s.over_lines is not None and s.after is None)
                     and any(c is cell for c in s.cells)), None)

    def _report_stacked(self, what: str, pair: tuple[Cell, Cell], in_a_cell: bool = True
                        ) -> None:
        """GP320 for figures one above the other; kept (stacked_pairs) as a sign of
        numbers wrapped in their cells where ``in_a_cell`` (wrapped_numbers)."""
        upper, lower = pair
        if in_a_cell:
            self.stacked_pairs.append(pair)
        self.sink.add(
            "GP320", f"{what}: '{upper.text}' (line {upper.line}) and '{lower.text}' (line "
            f"{lower.line}) stand one above the other in one column; a number wrapped inside "
            "its cell cannot be told from two figures, so none of the row's figures is placed",
            at=lower, length=len(lower.text),
            hint=f"a number wrapped in its cell? (read together: {upper.text}{lower.text})")


_KEYS: dict[int, tuple[RowSpec, tuple]] = {}  # (_row_keys: by id of the row's spec)


def _first_figure(data: list) -> Cell | None:
    return next((c for c in data if c.kind != EMPTY), None)


def _row_keys(spec: RowSpec, columns) -> tuple[tuple[str, str], ...]:
    """The (row, column) keys of a row's figures, its columns in the order given: made
    once a row of the template, for its own order (most rows), and held by the id of
    its spec (hashing a RowSpec hashes all its columns). (A header over two lines
    gives the template's order as a tuple of its own: equal, not the same.)"""
    if columns is not spec.columns and columns != spec.columns:
        return tuple((spec.id, col.id) for col in columns)
    made = _KEYS.get(id(spec))
    if made is None or made[0] is not spec:
        made = _KEYS[id(spec)] = (spec, tuple((spec.id, col.id) for col in columns))
    return made[1]


def _after_a_short_row_a_cell_a_line(cells: list[Cell], data: list[Cell], columns) -> bool:
    """Whether a row with a figure for each column follows a row short of a figure
    (``cells``: the caller tells it is fewer than its columns; no empty cell among
    them), each of both rows' figures a paragraph of its own (on its line, a blank line
    before the next) at the start of its line: a PDF's text in its reading order
    (_flush_left), where the row before's last figure may be written after this row's (行政许可 570385 -311, then
    其他对外管理服务事项 2988 43076 2, the 2 行政许可's, 其他's own cell empty). (Not
    the cells layout's rows, a cell a line and a blank line between rows: its short
    rows are short in the source.)"""
    if len(data) != len(columns) or not cells or cells[-1].line is None \
            or data[0].line is None or data[0].line - cells[-1].line < 2:
        return False  # (most: rows on lines one after the other)
    if any(c.kind == EMPTY for c in cells):
        return False
    return _flush_left(cells) and _flush_left(data) and all(
        b.line - a.line >= 2 for row in (cells, data) for a, b in zip(row, row[1:]))


def _flush_left(cells) -> bool:
    """Whether each line the cells stand on starts with one of them, unindented: a
    PDF's text in its reading order keeps no place on the page (lynx, which writes a
    table a cell a paragraph too, centres each in its column, and keeps the page's
    order)."""
    starts: dict = {}
    for c in cells:
        if c.line is None or c.column is None:
            return False  # (no text's lines: a Document built of cells, a Word table's)
        starts[c.line] = min(starts.get(c.line, c.column), c.column)
    return all(column == 1 for column in starts.values())


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


_MOST_FIGURES = 64  # figures: more than any row of the templates' tables has


def _line_starts(data: list[Cell]) -> list[Cell]:
    """The first cell of each line of a row's cells after the first line."""
    return [c for previous, c in zip(data, data[1:]) if c.line != previous.line]


def _lines_apart(rows: list[LogicalRow], page_starts: tuple[int, ...]):
    """How many lines one line stands below another, ``(upper, lower) -> int``, where a
    page starts after the upper not counting the lines between that hold no text of the
    table: the foot of a page under a row broken across it (a page number, blanked:
    GP009; a footer's empty line) parts the row's line from the rests of its numbers
    at the top of the next page no more than the page's end alone does."""
    if not page_starts:  # (a text with no form feeds: lines are lines)
        return lambda upper, lower: lower - upper
    text_lines = sorted({c.line for row in rows for c in (*row.labels, *row.data)
                         if c.line is not None and c.kind != EMPTY})

    def apart(upper: int, lower: int) -> int:
        if lower <= upper or bisect_right(page_starts, lower) == bisect_right(page_starts, upper):
            return lower - upper
        return bisect_right(text_lines, lower) - bisect_right(text_lines, upper)
    return apart


def _rest_of(upper: list[Cell], cell: Cell, apart, as_long: bool = False) -> Cell | None:
    """The figure above (on one of the two lines before, ``apart`` counting them:
    _lines_apart) that ``cell`` may be the rest of: standing under it, shorter than it
    (``as_long``: or as long); one it stands under in display columns and in characters
    alike first, then in characters (a line's Chinese characters put display columns
    askew where pdftotext gives each one column)."""
    size = len(cell.text) - 1 if as_long else len(cell.text)  # (as long: as one shorter)
    found = [u for u in upper if 0 < apart(u.line, cell.line) <= 2 and stands_over(u, cell)
             and size < len(u.text)]
    if not found and cell.column is not None:
        # (pdftotext rounds places to its grid of characters: a rest may stand just
        # beside its figure, touching it, 22797 as 2279 / 7 one character left)
        found = [u for u in upper if 0 < apart(u.line, cell.line) <= 2
                 and u.column is not None and size < len(u.text)
                 and in_characters(u, cell, touching=True)]
    found.sort(key=lambda u: (not stands_over_in_both(u, cell), not in_characters(u, cell)))
    return found[0] if found else None


def _rests_run_on(upper: list[Cell], lower: list[Cell], labels: list[Cell], apart) -> bool:
    """Whether figures a line of their own, on one of the two lines after the line of
    a row's last figures (a group label's piece between, or a page's end), in a text
    that gives no columns (each line's figures one blank apart), may be the rests of
    numbers wrapped in that row's cells: fewer than the row's and each shorter than
    its longest (stacked.fewer_and_shorter); or, on a line with none of their labels
    (``予处理`` at the end of the row's line, after a page break), two or more, as many
    as the row's at most, none longer than its longest: a rest may be as long as its
    first part (1000 / 0000 of 10000000) and every number of the row may wrap, and two
    figures are no total written at its own height. (A row's label clipped in the
    source, 2.其他法律行政止公开, stands on its figures' line.) ``apart``: lines counted
    as _lines_apart does."""
    if not (run_on(upper) and run_on(lower) and len({c.line for c in lower}) == 1
            and 0 < apart(upper[-1].line, lower[0].line) <= 2):
        return False
    return fewer_and_shorter(upper, lower) or len(lower) >= 2 and fewer_and_shorter(
        upper, lower, as_long=all(c.line is not None and c.line < lower[0].line
                                  for c in labels))


def _pieces_of_groups(labels: list[Cell], parents_by_key: dict) -> bool:
    """Whether a row's labels are each a piece of a group label of the table, not the
    whole (row_labels.part_of_label: （三）不 of （三）不予公开, 法提供 of （四）无法提供)."""
    return bool(labels) and all(
        (key := label_key(c.text)) and key not in parents_by_key
        and any(part_of_label(c.text, key, parent) for parent in parents_by_key.values())
        for c in labels)


def _labels_name_a_row(texts: list[str], rows_by_key: dict) -> bool:
    """Whether a row's labels name a row of the table: one alone, or after words of
    the labels above it, or before words run into it (a figure: 行政规范性文件 753),
    parted by blanks (（三）不予公开 1.属于国家秘密: lynx's, pdftotext's), or the last two
    or three joined (a label wrapped over lines: 5.要求行政机关确认或重新出 / 具已获取信息)."""
    for text in texts:
        if label_key(text) in rows_by_key:
            return True
        # (no more words than a row's labels run together have: a cell of thousands
        # is read in time linear in its size)
        words = list(islice(WORD.finditer(text), MAX_LABEL_WORDS + 1))
        if len(words) <= MAX_LABEL_WORDS and (
                any(label_key(text[m.start():]) in rows_by_key for m in words[1:])
                or any(label_key(text[:m.end()]) in rows_by_key for m in words[:-1])):
            return True
    # (the parts of a label's lines after the characters of a label above written down
    # its column, one a line: 、 （二）部分公开（区分处理的，只计这一情 / 本 形，不计其他情形）)
    parts = [text[after_single_characters(text):] for text in texts[-3:]]
    return any(label_key("".join(lines[-count:])) in rows_by_key for count in (2, 3)
               for lines in (texts, parts) if len(lines) >= count)


def _column_label(spec: RowSpec, key) -> str:
    """The label of the row's column ``key`` names (row id, column id)."""
    return next(col.label for col in spec.columns if col.id == key[1])

