"""A row's cells matched to its columns: the plain case, empty cells to spare (a merged
label cell's rest, a trailing separator), cells too many, none; a row with fewer
cells than columns is left to short_rows.py, once the whole table is read.
"""

from __future__ import annotations

import math
from decimal import Decimal
from itertools import combinations, islice

from govparse.core.cells import EMPTY, PARTED, PLACEHOLDER, Cell, joined_digits
from govparse.core.figure_cells import MISSING, plain_figures, rules_about, typed, values_of
from govparse.core.gaps import MAX_PLACEMENTS
from govparse.core.grid import EmptyRun, cells_of
from govparse.core.header_order import other_headers
from govparse.core.short_rows import ShortRow, note_merged_rests
from govparse.core.wording import absent_labels, how_many, listed
from govparse.model.figures import read_figure
from govparse.model.report import Figure
from govparse.template.spec import MONEY, ColumnSpec, label_key


def _size(data: list[Cell | EmptyRun]) -> int:
    """How many cells: a EmptyRun stands for one a line."""
    if EmptyRun not in map(type, data):  # (most rows: asked in C)
        return len(data)
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
    if len(data) - end <= want and EmptyRun not in map(type, data[end:]):
        return data
    return data[:end] + list(islice(cells_of(data[end:]), want))


def _filled_then_empty(data: list[Cell | EmptyRun], want: int) -> bool:
    """Whether the first ``want`` cells are filled and every one after them empty."""
    kinds = [cell.kind for cell in data]
    return EMPTY not in kinds[:want] and kinds.count(EMPTY) == len(kinds) - want


def _in_wan(value) -> str:
    return format(Decimal(value) / 10000, "f")


class RowFit:
    """The TableReader's matching of a row's cells to its columns (a mixin)."""

    __slots__ = ()  # (TableReader holds the state: its __slots__)

    def _fit(self, data: list[Cell | EmptyRun], columns: list[ColumnSpec], what: str,
             anchor: Cell | None, keys: list[tuple[str, str]]) -> list[Figure]:
        """Match a run of cells to columns, saying aloud whatever is not plain."""
        plain = plain_figures(data, columns)
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
                    "GP303", f"{what} has {how_many(size, 'cell')} for {how_many(want, 'column')}, "
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
                    "GP303", f"{what} has {how_many(size, 'cell')} for {how_many(want, 'column')}, "
                    "empty after its figures, more than the header line above it has; the "
                    "table's other rows end with no separator, so the empty cell may be a "
                    "missing figure's and a figure stand too many, which nothing tells: none "
                    "of them is placed", at=head[0],
                    hint="a missing figure written as 0 or -, or no separator after a row's "
                         "last cell, tells")
                return [MISSING] * want
            plain = plain_figures(head, columns)
            return plain if plain is not None else self._figures(head, columns, what)
        if size > want and sum(c.kind != EMPTY for c in data) <= want:
            # Cells to spare, and only empty ones can be spare: decided below.
            return self._spare_empty_cells(data, size, columns, keys, what)
        while size > want and data[start].kind == EMPTY:
            start += 1
            size -= 1
        note_merged_rests(self.sink, what, data[:start])
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
                f"{what} has {how_many(size, 'cell')} for {how_many(want, 'column')}; which "
                "one is extra cannot be told, so none of them is placed",
                at=extra,
            )
            self.overfull.add(id(extra))  # (a line of figures no row takes: _figures_between)
            self._said_on_each_line(cells[:want], extra, what)
            return [read_figure(None, c.line, c.column, None, c.source) for c in cells[:want]]
        if not cells:
            message = f"{what} has no figures; {how_many(want, 'figure')} taken as missing"
            if anchor is not None:
                self.sink.add("GP301", message, at=anchor)
            else:
                self.sink.add("GP301", message, self.heading_line, 1)
            return [MISSING] * len(columns)
        if len(cells) < want:
            # Nothing here says where the gap is: decided when the whole table is read.
            label = anchor if anchor is not None and not anchor.is_figure else None
            self.short_rows.append(ShortRow(cells, columns, keys, what,
                                            headers=len(self.header_cells), label=label))
            return [MISSING] * len(columns)
        if cells[0].kind == EMPTY:
            moved = self._moved_by_position(cells, columns, what)
            if moved is not None:
                return moved
        return self._figures(cells, columns, what)

    def _moved_by_position(self, cells: list[Cell], columns: list[ColumnSpec],
                           what: str) -> list[Figure] | None:
        """A row with a cell a column, the first empty, read by where its figures
        stand when that is not a cell a column: an empty cell before the figures may
        be the rest of a merged label cell as well as the first column's, with a
        figure lost after them (a pandoc table's last cell '117650 注', no figure).
        By the header's extents, or by the columns the nearest full rows stand in;
        None when neither tells, or when they agree with a cell a column."""
        filled = [(j, c) for j, c in enumerate(cells) if c.kind != EMPTY]
        if not filled or any(c.x is None for _, c in filled):
            return None
        figures = [c for _, c in filled]
        headers = len(self.header_cells)
        placement = self._placement_by_position(figures, columns, headers)
        if placement is None:
            placement = self._placement_by_full_rows(figures, columns, headers)
        naive = [j for j, _ in filled]
        if placement is None:
            # Positions not shown to hold (no full row yet): the header's extents
            # alone may still say that the figures are not a cell a column
            under = self._placement_by_extents(figures, columns, headers)
            if under is None or list(under) == naive:
                return None
            self.sink.add(
                "GP314", f"{what}: its figures stand under other columns than a cell a column "
                "gives (the empty cell before them may be the rest of a merged label cell, and "
                "a figure lost after them); which is true cannot be told, so none of them is "
                f"placed", at=figures[0], hint="a figure run into a note after it?")
            return [MISSING] * len(columns)
        if list(placement) == naive:
            return None
        absent = absent_labels(columns, placement)
        self.sink.add("GP316", f"{what}: no figure stands under {listed(absent)}, where the "
                      "figures of the table's full rows stand; the empty cell before its "
                      "figures is the rest of a merged label cell", at=figures[0])
        placed = [MISSING] * len(columns)
        for index, figure in zip(placement, self._figures(
                figures, [columns[i] for i in placement], what)):
            placed[index] = figure
        return placed

    def _past_the_table(self, data: list[Cell | EmptyRun], size: int,
                        columns: list[ColumnSpec], keys: list[tuple[str, str]]) -> bool:
        """Whether a row's empty cells after its figures end its source line and take
        it one cell past the header line above (its column labels and the empty cells
        after them: a merged cell's covered places), and no relation of the template names
        the row, so that its arithmetic cannot tell a trailing separator from a stray
        cell where a figure is missing."""
        if self.template is not None and keys \
                and rules_about(self.template, self.catalogue.table.id, tuple(keys)).parted:
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
                 if key in self.catalogue.headers_by_key} - other_headers()
        if named and all(label_key(col.label) in named for col in columns):
            return len(named) + self.trailing_cells.get(self.last_header_row, 0)
        return max(len(row.columns) for row in self.catalogue.table.rows)

    def _own_total_broken(self, cells: list[Cell], keys: list[tuple[str, str]]) -> bool:
        """Whether, a cell a column, the row's own relations (its total, the sum of its
        other figures: those that name no other row) do not hold."""
        return self._own_values_broken(values_of(cells), keys)

    def _own_values_broken(self, values: list, keys) -> bool:
        """_own_total_broken of values, a value a column (None: not checked)."""
        relations = self._row_relations(keys)
        return relations is not None and relations.own_broken(values)

    def _own_values_broken_whatever_unknown(self, values: list, keys) -> bool:
        """_own_values_broken, the unknown values (None) at whatever they may be
        (gaps.RowRelations.own_broken_whatever_unknown)."""
        relations = self._row_relations(keys)
        return relations is not None and relations.own_broken_whatever_unknown(values)

    def _own_values_cut(self, values: list, keys, cut: list[int]) -> bool:
        """Whether the row's broken own totals would hold were the figures of columns
        ``cut`` cut short (gaps.RowRelations.own_cut_explains)."""
        relations = self._row_relations(keys)
        return relations is not None and relations.own_cut_explains(values, cut)

    def _own_values_confirm(self, values: list, keys) -> bool:
        """Whether the row's own relations hold with values, a value a column, and
        between them name every column (gaps.RowRelations.own_confirm)."""
        relations = self._row_relations(keys)
        return relations is not None and relations.own_confirm(values)

    def _own_totals_confirm(self, cells: list[Cell], keys) -> bool:
        """_own_values_confirm of cells, a cell a column."""
        return self._own_values_confirm(values_of(cells), keys)

    def _row_relations(self, keys):
        """The template's relations about the row's columns (``keys``), or None with no
        template (gaps.RowRelations)."""
        if self.template is None or not keys:
            return None
        return rules_about(self.template, self.catalogue.table.id, tuple(keys))

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
            elif cell.kind == PARTED:
                noted = None  # (a number the page shows wrapped to fit its cell, with its
                # value: the row's totals decide, TableReader._wrapped_to_fit_read)
                if cell.value is None:
                    written = " ".join(cell.text.split())
                    why = _why_cut(cell.text)
                    if "," in cell.text or "，" in cell.text:  # (its GP310: no longer read)
                        self.sink.withdraw("GP310", cell.line,
                                           f"figure '{cell.text.split()[0]}'")
                    self.sink.add("GP313", f"{what}: the cell for {col.label} holds "
                                  f"'{written}', {why}, no number govparse reads; taken as "
                                  "missing", at=cell, length=len(cell.text))
                    noted = self.sink.items[-1]
                self.parted_cells[(cell.line, cell.column, cell.source)] = (cell, noted)
            if col.kind == MONEY and cell.unit == "元":
                self.sink.add("GP312", f"{what}: {col.label} is written as {cell.text}元, in 元 "
                              "where the template asks for 万元; the number is kept as written, "
                              "not converted", at=cell,
                              length=len(cell.text) + 1,
                              hint=f"{cell.value} 元 would be {_in_wan(cell.value)} 万元")
            if cell.kind == PARTED and cell.value is not None:
                figure = Figure(typed(cell.value, col), cell.line, cell.column,
                                location=cell.source, recovered=True)
            else:
                figure = read_figure(typed(cell.value, col), cell.line, cell.column, cell.unit,
                                     cell.source)
            figures.append(figure)
        return figures

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
            self.sink.add("GP303", f"{what} has {how_many(size, 'cell')} for "
                          f"{how_many(want, 'column')}, {empty} of them empty; which are extra "
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
            by_position = self._filled_by_position(cells, columns, what, own=keys)
            if by_position is not None:
                return by_position
            figures = [c for c in cells if c.kind != EMPTY]
            if len(figures) < want and all(c.x is not None for c in figures):
                # Where the figures stand may tell, once the table's full rows show
                # that places do (read after this one): decided when the table is read.
                self.short_rows.append(ShortRow(figures, columns, keys, what,
                                                headers=len(self.header_cells), among=size))
                return [MISSING] * len(columns)
            at = cells[first]
            self.sink.add(
                "GP303", f"{what} has {how_many(size, 'cell')} for {how_many(want, 'column')}, "
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


def _why_cut(text: str) -> str:
    """Why a cell of digits with no value (PARTED) is no number govparse reads."""
    blank = any(ch.isspace() for ch in text)
    if "," in text or "，" in text:
        if blank:
            return "a number cut at a thousands separator, its rest on a line below"
        if text[-2:-1] in ",，" or text[-3:-2] in ",，":
            return "a number cut inside a group of its digits, its rest not found"
    if not blank:
        return ("a number of a row whose cells wrap their numbers at their separators "
                "(a rest stands in it), maybe the first part of one")
    if joined_digits(text) is not None:
        return "digits parted by a blank (a number wrapped in its cell?)"
    return "a number cut where its line was folded, its decimals on a line below"
