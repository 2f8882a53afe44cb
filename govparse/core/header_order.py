"""The order of a table's columns as its header names them: a header line, the two
lines of a column group and its columns (or the two written as one), checked against
the template's order (GP209), and rows the header gives no order for not placed under
a header that contradicts the template (GP321).
"""

from __future__ import annotations

import functools

from govparse.core.cells import Cell
from govparse.core.figure_cells import MISSING
from govparse.core.gaps import apart
from govparse.template.spec import (COLUMN_GROUPS, EXTRA_HEADER_LABELS, ColumnSpec,
                                    LabelCatalogue, label_key)


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
def _table_columns(catalogue: LabelCatalogue) -> tuple[ColumnSpec, ...]:
    """The table's columns, each once, in the order its rows first name them."""
    seen: dict[str, ColumnSpec] = {}
    for spec in catalogue.table.rows:
        for col in spec.columns:
            seen.setdefault(col.id, col)
    return tuple(seen.values())


@functools.lru_cache(maxsize=16)
def _column_order(catalogue: LabelCatalogue) -> dict[str, int]:
    """Each column label's place among its row's columns (key -> index)."""
    order: dict[str, int] = {}
    for spec in catalogue.table.rows:
        for index, col in enumerate(spec.columns):
            order.setdefault(label_key(col.label), index)
    return order


def _in_header_order(columns: tuple[ColumnSpec, ...], position: dict[str, int]
                     ) -> tuple[ColumnSpec, ...]:
    """The columns in the order of their places in a header line, when it names every
    one of them, each in a place of its own; else as they are."""
    at = [position.get(label_key(col.label)) for col in columns]
    if None in at or len(set(at)) != len(at) or at == sorted(at):
        return columns
    return tuple(col for _, col in sorted(zip(at, columns), key=lambda pair: pair[0]))


def _left_to_right(cells: list[Cell]) -> list[Cell]:
    """A header line's cells in the order they stand, where each has an extent and no
    two overlap: a PDF's text puts a tall cell (总计, over the header's two rows) on
    the line of the row beside its middle, in the order the page draws them (总计 商业
    企业 科研), not left to right. As they are where any has none, or where two
    overlap (headers joined from pieces over lines: the first pieces' order tells)."""
    if len(cells) < 2 or any(c.x is None for c in cells):
        return cells
    ordered = sorted(cells, key=_left)
    return ordered if apart([c.x for c in ordered]) else cells


def _left(cell: Cell) -> float:
    return cell.x[0]


@functools.cache
def other_headers() -> frozenset[str]:
    """Header cells over no column of figures (信息内容 over the row labels): made
    when a row is first measured against its header line, not at every start."""
    return frozenset(label_key(label) for labels in EXTRA_HEADER_LABELS.values()
                     for label in labels)


class HeaderOrder:
    """The TableReader's reading of the header's column order (a mixin)."""

    __slots__ = ()  # (TableReader holds the state: its __slots__)

    def _header_positions(self) -> dict[str, int]:
        """The latest header line's column labels (their keys) and their places in it,
        made once for each header line (rows after it ask for every row)."""
        header = self.header_cells.get(self.last_header_row) or []
        made_of = (self.last_header_row, len(header))
        if self.header_positions_of != made_of:
            keys = self._group_in_place([label_key(c.text) for c in _left_to_right(header)],
                                        lambda key: key)
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
        # (rows of one column set share it, and their tuple, spec._parse_columns:
        # looked up by its id, the tuple held beside it; hashing a tuple of seven
        # columns at every row took longer)
        known = self.column_orders.get(id(columns))
        if known is not None and known[0] is columns:
            return known[1]
        if all(label_key(col.label) in position for col in columns):
            order = _in_header_order(columns, position)
        else:  # the latest line names only some: a header over two lines?
            order = self._header_lines_order(columns)
            if order is columns:  # (the lines do not tell: the template's order)
                self.unordered.add(columns)
        self.column_orders[id(columns)] = (columns, order)
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
        # (the review table's header names its columns three times. In a text line, a
        # group ends at its last column only where the next cell is its first: 总计 尚未
        # 审结 is a group's columns out of order, not a new group. A line whose cells
        # stand where the page has them (a PDF's, pdftotext's) holds the pieces of a
        # header written over lines, one group's end beside the next one's middle
        # (总计 结果纠正 总计): there any cell after a group's last column starts the next)
        last = max(order.values()) if self.read_by_position else None
        first = min(order.values()) if self.read_by_position else None
        for cells in self.header_cells.values():
            group: list[int] = []
            cells = _left_to_right(cells)
            placed = all(c.x is not None for c in cells)
            for cell in self._group_in_place(cells, lambda cell: label_key(cell.text)):
                index = order.get(label_key(cell.text))
                if index is None:
                    continue
                if index in group or (group and group[-1] == last
                                      and (placed or index == first)):
                    group = []  # the same columns again (the review table's header)
                if group and index < group[-1]:
                    self._say_header_order(cell)
                    return cell
                group.append(index)
        out_of_order = self._header_places_order(order)
        if out_of_order is not None:
            self._say_header_order(out_of_order)
            return out_of_order
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

    def _header_places_order(self, order: dict[str, int]) -> Cell | None:
        """The column header that stands, by the extents of the header's cells over all
        its lines (left to right), before a column the template puts after it: a
        header whose cells are written a piece a line (w3m at 80 columns: 总 / 计 left
        of 法人 / 或其 / 他组 / 织 and 自 / 然 / 人 right of them), which no one line
        names in order. Only for a table with a column group (the applications
        table); None without extents, or where they agree with the template."""
        if self.catalogue.table.id not in COLUMN_GROUPS or self.read_by_position \
                or not self._header_has_extents():
            return None  # (the review table's header names its columns three times)
        named = [(order[key], cell) for line in self._header_lines(None) for cell in line
                 if cell.x is not None and (key := label_key(cell.text)) in order]
        if sorted(index for index, _ in named) != list(range(len(order))):
            return None  # (every column named once, or the places do not tell)
        places = sorted(cell.x for _, cell in named)
        if not apart(places):
            return None  # (pdftotext puts a tall cell's 自然人 over 商业企业)
        for index, cell in named:
            if any(other > index and there.x[1] <= cell.x[0] for other, there in named):
                return cell
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

    def _columns_in_order(self) -> tuple[ColumnSpec, ...]:
        return _table_columns(self.catalogue)
