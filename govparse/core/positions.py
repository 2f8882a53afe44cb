"""Where a table's figures stand under its header: whether the source's positions can
be trusted (its full rows each stand under their columns' headers), and the column
of each cell by the header's extents or by the columns the nearest full rows stand in.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from govparse.core.cells import EMPTY, FIGURE_KINDS, NUMBER, Cell
from govparse.core.gaps import (MIN_FULL_ROWS, apart, columns_of_full_rows,
                                placement_by_position, runs_into_a_gap, stands_under)
from govparse.core.stacked import in_display_columns
from govparse.template.spec import ColumnSpec, label_key


class PositionEvidence:
    """The readers of a document's tables read so far: whether their full rows stand,
    figure by figure, under their columns' headers tells whether the document's
    positions can be trusted where a table has no full row of its own (asked only
    then). ``page_starts``: the Document's (a paged text's pages, each laid out
    afresh: places on one tell nothing of another's)."""

    __slots__ = ("readers", "page_starts", "_weighed", "_found", "_held")

    def __init__(self, page_starts: tuple[int, ...] = ()) -> None:
        self.readers: list[Positions] = []
        self.page_starts = page_starts
        # the verdicts of the first ``_weighed`` readers' full rows: whether there were
        # any, and whether all held (a table read has its full rows and header for
        # good: each is weighed once, not again for every row of the tables after it)
        self._weighed = 0
        self._found = False
        self._held = True

    def holds(self, reading: Positions) -> bool:
        """At least one full row with extents among the tables read and the one being
        read (under any of its header lines), and each stands under its headers."""
        for reader in self.readers[self._weighed:]:
            self._found, self._held = _weighed(reader, self._found, self._held)
        self._weighed = len(self.readers)
        found, held = _weighed(reading, self._found, self._held)
        return found and held

    def page_of(self, line: int) -> int:
        """The page a line of a paged text stands on (0: the first)."""
        return bisect_right(self.page_starts, line)


def _weighed(reader: Positions, found: bool, held: bool) -> tuple[bool, bool]:
    """``found`` and ``held`` (see PositionEvidence) with the reader's full rows."""
    for row in reader.full_rows:
        found = True
        held = reader._stands_in_place(*row) and held  # (each row asked: it is remembered)
    return found, held


def _display_extent(cell: Cell):
    """Where a cell stands on its line in display columns (a CJK character two wide),
    where the source gives it."""
    return cell.x


def _at_its_own_width(cell: Cell) -> bool:
    """Whether a text's figure stands where its own characters do (the spaced layout's
    words), not over a wider column's span (a drawn table's, pandoc's segments)."""
    return in_display_columns(cell) and cell.text.isascii() \
        and cell.x[1] - cell.x[0] == len(cell.text) + len(cell.unit or "")


def _character_extent(cell: Cell):
    """Where a cell stands on its line in characters, a figure with its unit."""
    if cell.column is None or cell.x is None:
        return None
    return (cell.column, cell.column + len(cell.text) + len(cell.unit or ""))


_SIGNS = frozenset("-－—–―+")  # a mark that is a sign before a number
NEAR_FULL_ROWS = 12  # full rows a short row's columns are looked for in, nearest first


def _columns_of(rows: list[tuple[list, Cell]], extent, spans: list | None = None):
    """The columns full rows (their figures and label) agree on standing in
    (gaps.columns_of_full_rows), each cell measured by ``extent``; a row whose first
    figure starts left of where its label ends (a line wrapped before its figures,
    which go on at the left edge) tells nothing."""
    measured = [([extent(c) for c in data], extent(at)) for data, at in rows]
    return columns_of_full_rows([(extents, at[1]) for extents, at in measured
                                 if at is not None and None not in extents
                                 and extents[0][0] >= at[1]], spans)


def _steps_agree(extents, placement, places) -> bool:
    """Whether a row's figures stand as far apart as the columns the placement puts
    them in: two figures a column apart no more than half as far again as those
    columns' places, two with columns between them no less than two thirds as far
    (pdftotext centres a wide number further left: a row of them lies left of the
    full rows' places, each figure over the place of the column before its own,
    where the gap among its figures still shows where the missing one stood)."""
    for (a, _), (b, _), i, j in zip(extents, extents[1:], placement, placement[1:]):
        step, expected = b - a, places[j][0] - places[i][0]
        if j == i + 1 and step > 1.5 * expected or j > i + 1 and 3 * step < 2 * expected:
            return False
    return True


class Positions:
    """The TableReader's reading of where figures stand (a mixin)."""

    __slots__ = ()  # (TableReader holds the state: its __slots__)

    def _placement_by_position(self, cells: list[Cell], columns: list[ColumnSpec],
                               above: int | None = None):
        """The column of each cell by where it stands under the header (gaps.
        placement_by_position), where the table's full rows show that positions tell:
        each of their figures stands under its own column's header. A converter that
        measures its columns otherwise than the reader (lynx counts a CJK character
        one column wide, not two) or moves a row's cells into the places of the empty
        ones it drops lays figures under the wrong headers: its full rows say so."""
        if any(c.x is None for c in cells) or not self._positions_hold(above) \
                or self._misplaced_under(above) or self._on_a_page_of_its_own(cells, above) \
                or self._written_cell_after_cell(cells, above) \
                or cells[0].line in self._lines_over():
            return None
        return self._placement_by_extents(cells, columns, above)

    def _lines_over(self) -> frozenset[int]:
        """_lines_a_column_over of the table's rows, once they are read (none before)."""
        if self.a_column_over is None:
            self.a_column_over = self._lines_a_column_over(self.rows)
        return self.a_column_over

    def _lines_a_column_over(self, rows) -> frozenset[int]:
        """The figures' lines of rows laid out a column right of the rest of their
        group: a converter that ignores a label cell spanning rows (inscriptis) gives
        the group's first row, which holds that cell beside its own label, a cell more
        than the rows under it, whose labels then start where the group's does, each
        of their cells a column left of the first row's. Their places are measured
        against no other row's (a figure one column out): those where the group's
        label stands beside the row's figures and a later row of the group has its
        label start left of the row's."""
        firsts: dict[tuple[str, ...], tuple[float, int]] = {}  # a group: its first row's
        over: set[int] = set()
        for row in rows:
            spec = self.row_specs.get(id(row))
            if spec is None or len(spec.path) < 2 or not row.labels or not row.data:
                continue
            leaf = row.labels[-1]
            if leaf.x is None or not in_display_columns(leaf):
                continue
            line = next((c.line for c in row.data if c.kind != EMPTY), None)
            group = spec.path[:-1]
            if any(c.line == line and c.x is not None and c.x[0] < leaf.x[0]
                   and self._of_a_group(c) for c in row.labels[:-1]):
                firsts[group] = (leaf.x[0], line)
            elif group in firsts and leaf.x[0] < firsts[group][0]:
                over.add(firsts[group][1])
        return frozenset(over)

    def _written_cell_after_cell(self, cells: list[Cell], above: int | None) -> bool:
        """Whether a text's row and the full rows read under the same header lines (or,
        where there are none, the document's tables' before) stand each cell one blank
        after the one before, throughout: a text written cell after cell (pdftotext
        without -layout, a PDF's text layer), whose places on a line say nothing of the
        columns, however they fall under the header's pieces (`本年 本年 现行` over
        `3060 2025`, a row short of its first figure: under the first two by chance).
        A text laid out in columns parts some of them by more (pdftotext -layout, w3m).
        (Judged only where each cell's extent is its text's own, as the spaced layout
        measures a line's words: a drawn table's cells span their columns.)"""
        if not in_display_columns(cells[0]):
            return False  # (a PDF's cells stand in points, its grid read from the page)
        rows = [data for data, _, at in self.full_rows if above is None or at == above]
        if not rows:
            rows = [data for reader in self.evidence.readers for data, _, _ in reader.full_rows]
        gaps = []
        for row in (cells, *rows):
            if not all(map(_at_its_own_width, row)):
                return False
            gaps.extend(b.x[0] - a.x[1] for a, b in zip(row, row[1:]))
        return bool(gaps) and max(gaps) <= 1

    def _on_a_page_of_its_own(self, cells: list[Cell], above: int | None) -> bool:
        """Whether a row of a paged text (pdftotext's: each page laid out afresh)
        stands on a page where neither the header lines it is read under nor a full
        row read under them stands: the places they give on their pages tell nothing
        of this one's (a table run onto a new page, its header not repeated, every row
        there short of a figure: its grid its own, the gaps narrower or wider)."""
        evidence = self.evidence
        line = cells[0].line
        if not evidence.page_starts or line is None or not in_display_columns(cells[0]):
            return False
        page = evidence.page_of(line)
        if any(c.line is not None and evidence.page_of(c.line) == page
               for header in self._header_lines(above) for c in header):
            return False
        return not any(data[0].line is not None and evidence.page_of(data[0].line) == page
                       for data, _, at in self.full_rows if above is None or at == above)

    def _misplaced_under(self, above: int | None) -> bool:
        """Whether a full row read under the same header lines stood out of place
        (_out_of_place, GP303): where the table's later rows stand on a grid of their
        own (a new page, which pdftotext lays out afresh, its header not repeated),
        the header's places and the full rows' before tell nothing of them."""
        return above in self.misplaced_under if above is not None else bool(self.misplaced_under)

    def _placement_by_full_rows(self, cells: list[Cell], columns, above: int | None,
                                label: Cell | None = None):
        """The column of each cell by the columns the table's full rows nearest it
        stand in (gaps.columns_of_full_rows), under the same header lines: for a
        space-aligned table whose header gives no places (pdftotext -layout breaks a
        header over lines). Places are counted in display columns (a CJK character two
        wide) and in characters (pdftotext and lynx lay a line out a character a
        column); a placement only where the measures that give one agree. Rows whose
        first figure starts left of where their label ends (a line wrapped before its
        figures, which go on at the left edge: their places are the wrap's, not the
        columns') tell nothing, and a row to place that is one is not placed by them."""
        line = cells[0].line
        if line is None or self._misplaced_under(above) \
                or self._written_cell_after_cell(cells, above) or line in self._lines_over():
            return None
        over = self._lines_over()
        rows = [(data, at) for data, at in self._full_rows_near(line, columns, above)
                if data[0].line not in over]
        if self.evidence.page_starts and in_display_columns(cells[0]):
            page = self.evidence.page_of(line)  # (a paged text's: those of the row's page)
            rows = [(data, at) for data, at in rows if self.evidence.page_of(data[0].line) == page]
        found = set()
        for extent in (_display_extent, _character_extent):
            if any(extent(c) is None for c in cells) or label is not None \
                    and extent(label) is not None and extent(cells[0])[0] < extent(label)[1]:
                continue
            spans: list = []
            places = _columns_of(rows, extent, spans)
            if places is not None:
                extents = [extent(c) for c in cells]
                placement = placement_by_position(extents, places)
                if placement is not None and (not _steps_agree(extents, placement, places)
                                              or runs_into_a_gap(extents, spans, placement)):
                    placement = None
                found.add(placement)
        return found.pop() if len(found) == 1 else None

    def _astray_of_full_rows(self, cells: list[Cell], columns, above: int | None,
                             astray_under: dict | None = None) -> bool:
        """Whether a full row's figures do not each stand under their own columns'
        headers where at least MIN_FULL_ROWS other full rows read under the same
        header lines all do (_out_of_place, for the rows before it only, as it is
        read); or do not each stand in its own column of those the table's other full
        rows near it agree on (gaps.columns_of_full_rows, by their extents). False
        where neither tells."""
        line = cells[0].line
        if line is None or any(c.x is None for c in cells):
            return False
        # (``astray_under``: by the header lines above, how many full rows read under
        # them there are and how many do not stand in place; counted once a table)
        if astray_under is None:
            astray_under = self._full_rows_astray()
        count, astray = astray_under.get(above, (0, 0))
        stands = self._stands_in_place(cells, columns, above)
        if count - 1 >= MIN_FULL_ROWS and astray - (not stands) == 0:
            return not stands
        if in_display_columns(cells[0]):
            # (a text's: a table that runs onto a new page of pdftotext's stands at
            # other columns there, its header not repeated, and rows near a page's end
            # are measured against the next page's; a number written with a blank in
            # a text is _parted_number's to find)
            return False
        rows = [(data, at) for data, at in self._full_rows_near(line, columns, above)
                if data is not cells]
        places = _columns_of(rows, _display_extent)
        return places is not None and not stands_under([c.x for c in cells], places)

    def _full_rows_astray(self) -> dict:
        """By the header lines above them: how many full rows there are, and how many
        of them do not stand under their columns' headers (_stands_in_place)."""
        out: dict = {}
        for data, cols, at in self.full_rows:
            count, astray = out.get(at, (0, 0))
            out[at] = (count + 1, astray + (not self._stands_in_place(data, cols, at)))
        return out

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

    def _out_of_place(self, cells: list[Cell], columns) -> bool:
        """Whether a row with a figure a column does not stand under its columns'
        headers where at least MIN_FULL_ROWS full rows read under the same header
        lines before it all do (a stray number in a row short of a figure: `…  490
        2024`, its first figure under the second column's header)."""
        above = len(self.header_cells)
        self._positions_hold(above)
        _, found, held = self.positions_hold[above]
        return held and found >= MIN_FULL_ROWS and all(c.x is not None for c in cells) \
            and not self._stands_in_place(cells, columns, above)

    def _stands_in_place(self, cells: list[Cell], columns, above: int) -> bool:
        """Whether each cell of a full row stands under its own column's header.
        (Remembered while the header stays as it is: a row is asked about when it is
        read, _out_of_place, and again once a full row, _positions_hold.)"""
        key = (id(cells), above, sum(map(len, self.header_cells.values())))
        known = self.in_place.get(key)
        if known is not None and known[0] is cells:
            return known[1]
        if all(c.x is not None for c in cells):
            headers, headers_apart = self._headers_in_place(columns, above, key[2])
            stands = headers is not None and stands_under([c.x for c in cells], headers,
                                                          headers_apart)
        else:
            stands = False
        self.in_place[key] = (cells, stands)  # (the cells held: their id stays theirs)
        return stands

    def _headers_in_place(self, columns, above: int, header_size: int):
        """_headers_of(columns, above), and whether they stand apart (gaps.apart), for
        _stands_in_place: remembered while the header stays as it is (its lines, and
        so what they say, change only as header cells are added: ``header_size``, how
        many there are), for the rows of one column set (the tuple, held: its id stays
        its own)."""
        key = (above, header_size, id(columns))
        made = self.headers_in_place.get(key)
        if made is None or made[0] is not columns:
            headers = self._headers_of(list(columns), above)
            made = self.headers_in_place[key] = (
                columns, headers,
                None if headers is None or None in headers else apart(headers))
        return made[1], made[2]

    def _parted_number(self, cells: list[Cell], columns, above: int | None,
                       label: Cell | None = None) -> tuple[Cell, Cell] | None:
        """Two figures next to each other, a single blank apart, that stand under one
        column's header (the other standing under no header at all, or under the same),
        in a row of a text whose cells stand further apart elsewhere (between two of its
        figures, or after its label): one number written with a blank in it (a
        thousands blank, `20 840`, digits spaced out in their cell, or a sign parted
        from its digits, `- 223`, a mark and a figure), which read as two puts every
        figure after it a column out (where a figure of the row is missing, the row
        still has a cell a column). The pair, or None. (Text only: a PDF's cells stand
        in points, and its grid parts what is parted.)"""
        if len(cells) < 2 or getattr(cells[0], "x", None) is None:
            return None  # (a text of tabs or pipes: no cell has an extent)
        extents = [getattr(c, "x", None) for c in cells]  # (an EmptyRun has none)
        if None in extents:
            return None
        gaps = [b[0] - a[1] for a, b in zip(extents, extents[1:])]
        if min(gaps) > 1:
            return None  # (most rows: no two cells a blank apart)
        if any(not in_display_columns(c) or c.kind not in FIGURE_KINDS for c in cells):
            return None
        if max(gaps) < 2 and (label is None or not in_display_columns(label)
                              or cells[0].x[0] - label.x[1] < 2):
            return None  # (cells a blank apart throughout: a PDF's text layer)
        headers = self._headers_of(list(columns), above)
        if headers is None or None in headers:
            return None
        for (a, b), gap in zip(zip(cells, cells[1:]), gaps):
            # (a mark before a number: its sign parted from its digits, `- 223`)
            if gap <= 1 and b.kind == NUMBER and (a.kind == NUMBER or a.text in _SIGNS):
                under = {placement_by_position([a.x], headers),
                         placement_by_position([b.x], headers)} - {None}
                if len(under) == 1:
                    return a, b
        return None

    def _placement_by_extents(self, cells: list[Cell], columns: list[ColumnSpec],
                              above: int | None = None):
        headers = self._headers_of(columns, above)
        if headers is None:
            return None
        extents = [c.x for c in cells]
        placement = placement_by_position(extents, headers)
        if placement is not None and (runs_into_a_gap(extents, headers, placement)
                                      or not _steps_agree(extents, placement, headers)):
            return None
        return placement

    def _headers_of(self, columns: list[ColumnSpec], above: int | None):
        """Where each column's header stands (_header_extents, else
        _header_extents_in_order), or None."""
        made_of = (above, sum(map(len, self.header_cells.values())))
        extents = self.extents_of.get(made_of)
        if extents is None:  # (once a header: asked for each full row)
            extents = self.extents_of[made_of] = self._header_extents(above)
        headers = [extents.get(label_key(col.label)) for col in columns]
        if None in headers:
            return self._header_extents_in_order(columns, above)
        return headers

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
        if not apart(extents):
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
