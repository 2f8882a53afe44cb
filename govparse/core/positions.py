"""Where a table's figures stand under its header: whether the source's positions can
be trusted (its full rows each stand under their columns' headers), and the column
of each cell by the header's extents or by the columns the nearest full rows stand in.
"""

from __future__ import annotations

from bisect import bisect_left

from govparse.core.cells import Cell
from govparse.core.gaps import columns_of_full_rows, placement_by_position
from govparse.template.spec import ColumnSpec, label_key


class PositionEvidence:
    """The readers of a document's tables read so far: whether their full rows stand,
    figure by figure, under their columns' headers tells whether the document's
    positions can be trusted where a table has no full row of its own (asked only
    then)."""

    __slots__ = ("readers",)

    def __init__(self) -> None:
        self.readers: list[Positions] = []

    def holds(self, reading: Positions) -> bool:
        """At least one full row with extents among the tables read and the one being
        read (under any of its header lines), and each stands under its headers."""
        verdicts = [reader._stands_in_place(*row) for reader in (*self.readers, reading)
                    for row in reader.full_rows]
        return bool(verdicts) and all(verdicts)


def _display_extent(cell: Cell):
    """Where a cell stands on its line in display columns (a CJK character two wide),
    where the source gives it."""
    return cell.x


def _character_extent(cell: Cell):
    """Where a cell stands on its line in characters, a figure with its unit."""
    if cell.column is None or cell.x is None:
        return None
    return (cell.column, cell.column + len(cell.text) + len(cell.unit or ""))


NEAR_FULL_ROWS = 12  # full rows a short row's columns are looked for in, nearest first


class Positions:
    """The TableReader's reading of where figures stand (a mixin)."""

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
