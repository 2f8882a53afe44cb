"""Rows whose cells do not match their columns one to one, placed once the whole table
is read, only where something tells where the gap is: the figures' positions under
the header or in the columns of the full rows near them, or the template's
arithmetic when exactly one placement fits (govparse/core/gaps.py). Otherwise the
row's figures stay missing, with an error that lists them.
"""

from __future__ import annotations

from itertools import product, takewhile

from govparse.core.cells import EMPTY, Cell
from govparse.core.figure_cells import MISSING, rules_about, values_of
from govparse.core.wording import absent_labels, how_many, listed
from govparse.core.stacked import in_display_columns, wrap_free
from govparse.model.report import Figure
from govparse.template.spec import ColumnSpec


# choices of readings of rows in doubt tried together at most (seven readings each of
# three rows)
_MOST_TOGETHER = 343


def _over_lines(short: ShortRow) -> str:
    """What is in doubt about a row over two lines (for its diagnostics)."""
    upper, lower = short.over_lines
    return (f"{short.what}: its figures stand on lines {upper.line} and {lower.line}, and "
            f"which columns those on line {lower.line} stand in the text does not say")


def note_merged_rests(sink, what: str, gaps: list, like: str | None = None) -> None:
    """One note (GP305) for the empty cells before a row's figures skipped as the rest
    of a merged label cell, at the first: one a cell would be a note for every line
    of an input of empty cells, many times its size in memory. ``like``: the row of
    the document written so whose figures the arithmetic confirms, where this one's
    own do not."""
    if not gaps:
        return
    why = "" if like is None else (f", as in {like}, whose figures the template's "
                                   "arithmetic confirms read so")
    if len(gaps) == 1:
        sink.add("GP305", f"{what}: an empty cell before the figures is the rest of a "
                 f"merged label cell; skipped{why}", at=gaps[0])
    else:
        sink.add("GP305", f"{what}: {len(gaps)} empty cells before the figures are the rest "
                 f"of a merged label cell; skipped{why}", at=gaps[0])


def _leading_gaps(cells: list, kept: list = ()) -> list:
    """The empty cells before a row's figures, but those a reading keeps."""
    kept_ids = {id(c) for c in kept}
    return [c for c in takewhile(lambda c: c.kind == EMPTY, cells) if id(c) not in kept_ids]


def _gaps_on_the_figures_row(cells: list, kept: list) -> bool:
    """Whether an empty cell before the figures that a reading leaves out stands in
    the row of the figures (not on a line of its own between label and figures)."""
    figures_row = next(c.row for c in cells if c.kind != EMPTY)
    return figures_row is not None and any(
        c.row == figures_row for c in _leading_gaps(cells, kept))


class ShortRow:
    """A row whose cells do not match its columns one to one, and nothing in the
    source says how: fewer figure cells than columns (no empty cell marks the gap),
    or empty cells to spare (``choices``: the rows of cells, one a column, that
    dropping each possible set of spare empty cells leaves), or a figure a column over
    two lines in an order the text does not give (``over_lines``: the two figures one
    above the other, stacked.py; ``choices``: its readings), or up to three figures
    more than its columns over lines, the rests of numbers wrapped in their cells
    (``joins``: the readings, wrapped_rest.py, whose cells ``choices`` holds), or an
    empty cell among its figures that may be a missing figure's or a doubled
    separator's (``among``: how many cells it has; ``cells`` are its figures, placed
    only by where they stand, once the table's full rows are read)."""

    __slots__ = ("cells", "columns", "keys", "what", "choices", "headers", "label",
                 "over_lines", "under", "after", "joins", "among")

    def __init__(self, cells, columns, keys, what, choices=None, headers=None,
                 label=None, over_lines=None, under=None, after=None, joins=None,
                 among=0) -> None:
        self.among = among
        self.over_lines = over_lines
        self.joins = joins
        # a row whose first figure stands under the later line of the row above, read
        # over two lines (``after``: that row's cells): decided once that one is; the
        # two figures one above the other (``under``)
        self.under = under
        self.after = after
        self.cells = cells
        self.label = label  # the row's label cell, where there is one
        self.columns = columns
        self.keys = keys
        self.what = what
        self.choices = choices
        self.headers = headers  # how many header lines stood above the row (None: all)


class ShortRows:
    """The TableReader's placing of the rows in doubt, once the table is read (a mixin)."""

    __slots__ = ()  # (TableReader holds the state: its __slots__)

    def _place_row_of_choices(self, short: ShortRow) -> None:
        cells, columns, keys, what, choices = (short.cells, short.columns, short.keys,
                                                short.what, short.choices)
        n, size = len(columns), len(cells)
        empty = sum(c.kind == EMPTY for c in cells)
        first = next(c for c in cells if c.kind != EMPTY)
        broken = self._broken_by_choice(choices, keys)
        if len(choices) == 1 and self._stands_under_columns(choices[0], columns, short.headers) \
                and not self._placement_contradicted(
                    [c for c in choices[0] if c.kind != EMPTY],
                    [j for j, c in enumerate(choices[0]) if c.kind != EMPTY], keys) \
                and ((broken is not None and broken[0])
                     or not self._merged_rest_confirmed(cells, choices[0], keys)):
            # The arithmetic cannot confirm the one reading (a report whose own sums
            # are off), but every figure stands under its column's header
            self.sink.add("GP316", f"{what} has {how_many(size, 'cell')} for {how_many(n, 'column')}; "
                          "the empty cells before its figures are left out, each figure "
                          "standing under its column's header", at=first)
            self._place_at(ShortRow(choices[0], columns, keys, what), range(n), range(n))
            return
        if len(choices) == 1:
            confirmed = not (broken is not None and broken[0]) \
                and self._merged_rest_confirmed(cells, choices[0], keys)
            whole = all(c.kind != EMPTY for c in choices[0])  # (a figure a column)
            if whole and confirmed and broken is not None \
                    and _gaps_on_the_figures_row(cells, choices[0]):  # (the arithmetic's)
                self.label_rests.append(short)
            if not confirmed:
                if whole and broken is not None:
                    # (decided once the table's other rows are: one so written that the
                    # arithmetic confirms tells how the text writes a label cell)
                    self.rests_in_doubt.append((short, bool(broken[0])))
                else:
                    self._rests_not_placed(short, bool(broken and broken[0]))
                return
            self._place_after_rests(short)
            return
        fits = choices if broken is None else [c for c, b in zip(choices, broken) if not b]
        if broken is not None and len(fits) == 1 \
                and self._supported(fits[0], keys, range(n)):
            self.sink.add("GP315", f"{what} has {how_many(size, 'cell')} for {how_many(n, 'column')}, "
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
        placed = (f"; the figures under {listed([columns[j].label for j in agreed])} are the same "
                  "whichever they are and are placed" if agreed else "")
        self.sink.add(
            "GP303", f"{what} has {how_many(size, 'cell')} for {how_many(n, 'column')}, {empty} of "
            f"them empty: which empty cells are extra cannot be told{placed}; "
            f"{listed([c.text for c in unplaced]) or 'no other figure'} "
            f"{'is' if len(unplaced) == 1 else 'are'} not placed", at=first,
            hint="an empty cell where a figure is missing, and no separator after a row's "
                 "last cell, tell")
        self._place_at(ShortRow(among[0], columns, keys, what), agreed, agreed)

    def _filled_by_position(self, cells: list[Cell], columns: list[ColumnSpec], what: str,
                            headers: int | None = None, keys=None, own=None
                            ) -> list[Figure] | None:
        """A row with empty cells to spare that nothing else tells apart, read by
        where its figures stand: each under the header of its column, by the extents
        the source gives; the columns with none are missing (GP316). None when the
        positions do not tell (no extents, a figure under no header or several, two
        under one). With ``keys`` (a row read after the table), the figures are
        placed in the table as well; ``own``: the row's keys where the figures are not
        to be placed here, for the check of a full grid's places alone
        (_placement_contradicted)."""
        filled = [c for c in cells if c.kind != EMPTY]
        if headers is None:
            headers = len(self.header_cells)
        placement = self._placement_by_position(filled, columns, headers)
        if placement is None or self._placement_contradicted(filled, placement, own or keys):
            return None
        absent = absent_labels(columns, placement)
        if absent:
            self.sink.add("GP316", f"{what}: no figure stands under {listed(absent)}; "
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

    def _place_by_position_alone(self, short: ShortRow) -> None:
        """A row with an empty cell among its figures (row_fit._spare_empty_cells),
        read by where its figures stand under the header, now that the table's full
        rows are read; else none of them is placed (GP303)."""
        if self._filled_by_position(short.cells, short.columns, short.what, short.headers,
                                    short.keys) is None:
            self.sink.add("GP303", f"{short.what} has {how_many(short.among, 'cell')} for "
                          f"{how_many(len(short.columns), 'column')}, an empty one among its "
                          "figures; which cell is extra cannot be told, so none of them is "
                          "placed", at=short.cells[0])

    def _placement_contradicted(self, cells: list[Cell], placement, keys) -> bool:
        """Whether a row placed by its places in a pipe table drawn as a full grid
        (text/grid_places.py: a figure's extent, its place, narrower than its text),
        some of its columns left missing, lacks the template's arithmetic confirming
        each figure. Such places may lie: a page's span one place too long pushes a row
        a place to the right, and a converter that keeps each row to the header's
        width (pandoc's pipe tables) cuts its last figure off, `| | 四、结转下年度继续办理
        | | | 737 | … | 365 | 24444 |` with 自然人's place empty; nothing but the places
        says where the gap is. (A text laid out in columns, a PDF's page, show where
        their figures stand: not asked.)"""
        if keys is None or len(cells) >= len(keys) or not self._in_grid_places(cells):
            return False
        # (the row's own total alone may hold with the figures a place to the right,
        # the missing first one taking up the difference: only the arithmetic
        # confirming each figure in its column tells)
        return self.template is None or not self._supported(cells, keys, placement)

    def _in_grid_places(self, cells: list[Cell]) -> bool:
        """Whether the cells stand in a full grid's places (one wide each, whatever their
        text: text/grid_places.py), not in a text's display columns (as wide as their
        text) or a PDF page's points. A row of one-digit figures is one wide either
        way: the table's header cells, words wider than one, tell."""
        if not all(map(_one_place_wide, cells)):
            return False
        return any(len(c.text) > 1 for c in cells) or any(
            _one_place_wide(c) and len(c.text) > 1
            for line in self.header_cells.values() for c in line)

    def _stands_under_columns(self, kept: list[Cell], columns: list[ColumnSpec],
                              headers: int | None) -> bool:
        """Whether each figure of a reading (a cell a column) stands under the header
        of its own column, by the extents the source gives (none: False)."""
        filled = [(j, c) for j, c in enumerate(kept) if c.kind != EMPTY]
        placement = self._placement_by_position([c for _, c in filled], columns, headers)
        return placement is not None and list(placement) == [j for j, _ in filled]

    def _label_columns(self) -> tuple[int, str] | None:
        """What the rows read without the empty cells before their figures, confirmed by
        the arithmetic, tell of the table: its label columns, each row's label and the
        empty cells after it spanning them less the levels of the template above the
        row (一、本年新收 spans all, （七）总计 the two under 三、本年度办理结果's, a numbered
        row one), and the first such row's name; None where there is none, or where
        they tell two numbers."""
        spans = {self._depth(short) + len(_leading_gaps(short.cells))
                 for short in self.label_rests}
        return (spans.pop(), self.label_rests[0].what) if len(spans) == 1 else None

    def _depth(self, short: ShortRow) -> int:
        """How many levels of the template's labels the row's path has."""
        return len(self.catalogue.table.row(short.keys[0][0]).path)

    def _place_rests_in_doubt(self) -> None:
        """The rows of a figure a column after empty cells whose own sums break:
        read without those cells where they are as many as a row of the table so
        written, whose figures the arithmetic confirms, shows a label's span to leave
        (markdownify writes a label cell spanning columns as the label and an empty
        cell a column more: with a figure for every column, none of those cells can
        be a missing figure's, but for one with a stray cell at the end, which leaves
        an empty cell more than the label's span: a 备注 column's 无); else none of
        their figures (GP303)."""
        span = self._label_columns() if self.rests_in_doubt else None
        for short, broken in self.rests_in_doubt:
            if span is not None \
                    and self._depth(short) + len(_leading_gaps(short.cells)) == span[0]:
                self._place_after_rests(short, like=span[1])
            else:
                self._rests_not_placed(short, broken)
        self.rests_in_doubt.clear()

    def _place_after_rests(self, short: ShortRow, like: str | None = None) -> None:
        """The row's one choice placed, a note for the empty cells it leaves out."""
        (kept,) = short.choices
        note_merged_rests(self.sink, short.what, _leading_gaps(short.cells, kept), like)
        n = len(short.columns)
        self._place_at(ShortRow(kept, short.columns, short.keys, short.what), range(n),
                       range(n))

    def _rests_not_placed(self, short: ShortRow, broken: bool) -> None:
        what, n, size = short.what, len(short.columns), len(short.cells)
        first = next(c for c in short.cells if c.kind != EMPTY)
        if broken:
            self.sink.add(
                "GP303", f"{what} has {how_many(size, 'cell')} for {how_many(n, 'column')}; "
                "read without the empty cells before its figures, it breaks the template's "
                "arithmetic: which cell is extra cannot be told, so none of them is placed",
                at=first, hint="govparse check names the relation")
        else:
            self.sink.add(
                "GP303", f"{what} has {how_many(size, 'cell')} for {how_many(n, 'column')}; "
                "the empty cell before its figures may be the rest of a merged label cell "
                "or a missing figure's, and the template's arithmetic cannot tell: none of "
                "them is placed", at=first,
                hint="a missing figure written as 0 or -, or no separator after the label, "
                     "tells")

    def _merged_rest_confirmed(self, cells: list[Cell], kept: list[Cell], keys) -> bool:
        """Whether dropping the empty cells before the figures that the one reading
        drops is safe. An empty line between a label and its figures is no figure's
        cell; an empty cell on the figures' own line may be the rest of a merged label
        cell, or a missing figure's with a stray cell at the end: only the template's
        arithmetic, confirming where each figure then stands, tells them apart."""
        if not _gaps_on_the_figures_row(cells, kept):
            return True
        return self.template is not None and self._supported(kept, keys, range(len(kept)))

    def _supported(self, cells: list[Cell], keys, placement) -> bool:
        """Whether the arithmetic confirms each figure the placement places."""
        relations, sides = self._arithmetic(keys)
        return relations.supported(values_of(cells), sides, placement)

    def _broken_by_choice(self, choices: list[list[Cell]], keys) -> list[int] | None:
        """How many of the table's relations each choice of cells breaks."""
        if self.template is None:
            return None
        relations, sides = self._arithmetic(keys)
        # a choice puts one cell in each column: one placement, the columns in order
        return relations.broken_counts_in_place([values_of(cells) for cells in choices], sides)

    def _fitting(self, readings: list[list[Cell]], keys) -> list[list[Cell]]:
        """The readings that break none of the template's relations about ``keys``."""
        broken = self._broken_by_choice(readings, keys)
        return [] if broken is None else [r for r, b in zip(readings, broken) if not b]

    def _place_row_over_lines(self, short: ShortRow) -> None:
        """A row whose figures a text writes over two lines, which column each on the
        later line stands in unknown (stacked.readings_over_lines): placed where every
        reading gives the same figures and no number can go on from one line to the
        other (a row of zeros), or where the readings that fit the template's
        arithmetic give one set of figures (one reading, or readings that differ only in
        which of two equal figures is which: the last of them) and it confirms each
        figure (where a number went on, wrapped in its cell, the row would have a figure
        fewer, and no reading of it as figures of their own would add up but by
        chance); where several sets fit, maybe together with other rows in doubt
        (_place_rows_over_lines_together); else none (GP320)."""
        readings, columns, keys, what = short.choices, short.columns, short.keys, short.what
        upper, lower = short.over_lines
        n = len(columns)
        where = _over_lines(short)
        if all(values_of(r) == values_of(readings[0]) for r in readings) \
                and wrap_free(short.cells, upper.line):
            self.sink.add("GP323", f"{where}; every reading gives the same figures, which are "
                          "placed", at=lower, length=len(lower.text))
            self._place_at(ShortRow(readings[-1], columns, keys, what), range(n), range(n))
            self.placed_over_lines.add(id(short.cells))
            return
        fits = self._fitting(readings, keys)
        if _one_set_of_figures(fits) and self._supported(fits[-1], keys, range(n)):
            how = ("only one reading fits the template's arithmetic, and it is placed"
                   if len(fits) == 1 else "the readings that fit the template's arithmetic "
                   "differ only in which of two equal figures is which; the figures are placed")
            self.sink.add("GP323", f"{where}; {how}", at=lower, length=len(lower.text),
                          hint="govparse check confirms the relations it was placed by")
            self._place_at(ShortRow(fits[-1], columns, keys, what), range(n), range(n))
            self.placed_over_lines.add(id(short.cells))
            return
        if len(fits) > 1:  # (maybe told by the readings of other rows in doubt: below)
            self.over_lines_in_doubt.append((short, fits))
            return
        self._report_stacked(what, short.over_lines)

    def _place_rows_over_lines_together(self) -> None:
        """Rows over two lines that several readings of each fit (each row's own total
        holds whichever column a figure of its later line stands in; the figures of
        rows placed after them unknown yet), read again, together, once the table's
        other rows are: every choice of one reading a row is tried
        against the template's arithmetic, which now has all of their figures (the
        columns' totals name them all). Where the choices that fit give one set of
        figures, and those confirm each figure, each row is placed so (GP323); else
        none (GP320).
        (Two rows of （六）其他处理 in a text with no columns, ``0 0 0 0 0 1`` / ``1``
        each: the one in doubt leaves the other's columns' totals unknown.)"""
        pending = self.over_lines_in_doubt
        self.over_lines_in_doubt = []
        if not pending:
            return
        count = 1
        for _, fits in pending:
            count *= len(fits)
        if count <= _MOST_TOGETHER:
            keys = [key for short, _ in pending for key in short.keys]
            choices = [[cell for reading in choice for cell in reading]
                       for choice in product(*(fits for _, fits in pending))]
            fitting = self._fitting(choices, keys)
            if _one_set_of_figures(fitting) \
                    and self._supported(fitting[-1], keys, range(len(keys))):
                at = 0
                for short, _ in pending:
                    n = len(short.columns)
                    lower = short.over_lines[1]
                    if short.under is not None:  # (under the later line of a row above)
                        self._note_under_a_row_over_lines(short)
                    others = listed([s.what for s, _ in pending if s is not short])
                    self.sink.add("GP323", f"{_over_lines(short)}; the figures of one reading "
                                  "only fit the template's arithmetic "
                                  + (f"together with those of {others}, also in doubt, "
                                     if others else "once the table's other rows are read, ")
                                  + "and they are placed", at=lower,
                                  length=len(lower.text),
                                  hint="govparse check confirms the relations it was placed by")
                    self._place_at(ShortRow(fitting[-1][at:at + n], short.columns, short.keys,
                                            short.what), range(n), range(n))
                    self.placed_over_lines.add(id(short.cells))
                    at += n
                return
        for short, _ in pending:
            self._report_stacked(short.what, short.under or short.over_lines)

    def _place_under_a_row_over_lines(self, short: ShortRow) -> None:
        """A row over two lines whose first figure stands under the later line of the
        row above, itself over two lines (stacked_rows' ``own_pairs``): where that row
        was placed, its figures on both lines its own (a row of zeros, or the one
        reading that fits the arithmetic), the figure above is no first part of a
        number of this row, which is read as a row over two lines of its own; where
        that row is in doubt, several readings fitting it, the two are read together
        once the table's other rows are (_place_rows_over_lines_together); else none
        (GP320)."""
        if short.choices is not None \
                and any(s.cells is short.after for s, _ in self.over_lines_in_doubt):
            # (the row above in doubt, several readings fitting it: read together with it)
            fits = self._fitting(short.choices, short.keys)
            if fits:
                self.over_lines_in_doubt.append((short, fits))
                return
        if short.choices is None or id(short.after) not in self.placed_over_lines:
            self._report_stacked(short.what, short.under)
            return
        self._note_under_a_row_over_lines(short)
        self._place_row_over_lines(ShortRow(short.cells, short.columns, short.keys, short.what,
                                            short.choices, short.headers,
                                            over_lines=short.over_lines))

    def _place_under_a_row_decided_later(self, short: ShortRow) -> None:
        """A row of a figure a column under a figure that a row above waiting for the
        table's arithmetic (``after``: its cells) reads as its own in every reading (the
        rest of a number wrapped in its cell, GP329, or a figure of its later line,
        GP323): where that row was placed so, the figure over this row's is no first
        part of a number of it, and the row is placed as written; else none (GP320)."""
        if self._row_above_not_placed(short):
            return
        self._note_under_a_row_decided_before(short, "are read as written")
        self._place_at(ShortRow(short.cells, short.columns, short.keys, short.what),
                       range(len(short.columns)), range(len(short.columns)))

    def _row_above_not_placed(self, short: ShortRow) -> bool:
        """Whether the row above that ``short`` waits for (``after``) was not placed
        with the figure over it as its own: then neither is this row (GP320, said)."""
        if short.after is None or id(short.after) in self.placed_over_lines:
            return False
        self._report_stacked(short.what, short.under)
        return True

    def _note_under_a_row_decided_before(self, short: ShortRow, how: str) -> None:
        upper, lower = short.under
        self.sink.add("GP306", f"{short.what}: '{lower.text}' (line {lower.line}) stands under "
                      f"'{upper.text}' (line {upper.line}), a figure of the row above, whose "
                      "figures over lines were placed as its own (GP323, GP329); this row's "
                      f"figures {how}", at=lower, length=len(lower.text))

    def _note_under_a_row_over_lines(self, short: ShortRow) -> None:
        upper, lower = short.under
        self.sink.add("GP306", f"{short.what}: '{lower.text}' (line {lower.line}) stands under "
                      f"'{upper.text}' (line {upper.line}), a figure of the row above, whose "
                      "figures over two lines were placed as its own (GP323); this row's are "
                      "read as a row over two lines in turn",
                      at=lower, length=len(lower.text))

    def _place_at_two_heights(self, short: ShortRow) -> None:
        """A row's figures at two heights in a text that sets them at their columns,
        none over another, its later line its own (stacked_rows' ``two_heights``):
        read left to right where its own totals confirm the reading, naming every
        column, and the table's full rows show which column each stands in, or the
        first line holds the last column's figure alone, right of all the others (总计
        at its cell's top: the others' order is their one line's); else none (GP320)."""
        columns, keys, what = short.columns, short.keys, short.what
        n = len(columns)
        across = sorted(short.cells, key=lambda c: c.column)  # (in characters: pdftotext's)
        lines = sorted({c.line for c in across})
        # (no label: the figures on the line below it may start left of where it ends,
        # which is no line wrapped before its figures: those stand one blank apart)
        if not self._own_totals_confirm(across, keys):
            self._report_stacked(what, short.over_lines)
            return
        if self._placement_by_full_rows(across, columns, short.headers) == tuple(range(n)):
            how = "each in the column the table's full rows stand in"
        elif _last_alone_above(across, lines[0]):
            # (a long label before the line's first figure moves it off its column: a
            # Chinese character is one column in pdftotext's text, wider on the page)
            how = ("the last column's figure alone on the first line, right of the others, "
                   "its own totals holding")
        else:
            self._report_stacked(what, short.over_lines)
            return
        self.sink.add("GP323", f"{what}: its figures stand on lines {lines[0]} and {lines[1]}, "
                      f"cells set at two heights; read left to right, {how}",
                      at=short.over_lines[1])
        self._place_at(ShortRow(across, columns, keys, what), range(n), range(n))
        self.placed_over_lines.add(id(short.cells))  # (its later line its own)

    def _joins_in_doubt(self, reading: list, wraps: list, keys) -> bool:
        """Whether the row's own totals hold with the first parts alone, the rests
        left out (368 135 79 … 1454 over 1 2 0 … 3: joining digits is linear, so two
        rows that each hold their totals hold them joined too): the line over or
        under is then a row of its own as much as a number's parts. (The rests alone
        may hold them where the first parts do not: five digits wrapped four and one,
        the total's six four and two, 0 1 0 1 5 9 16, whatever the numbers.)"""
        firsts = {id(number): first for first, _, number in wraps}
        return self._own_values_confirm(
            values_of([firsts.get(id(c), c) for c in reading]), keys)

    def _place_with_wrapped_numbers(self, short: ShortRow) -> None:
        """A row with more figures than columns over lines, some of them the rests of
        numbers wrapped in their cells (wrapped_rest.py): placed where the readings
        that fit the template's arithmetic give one set of figures and it confirms
        each figure (GP329: two figures read as one number, the arithmetic agreeing
        with the digits the source gives); else none (GP320)."""
        columns, keys, what = short.columns, short.keys, short.what
        n = len(columns)
        if self._row_above_not_placed(short):
            return
        fits = self._fitting(short.choices, keys)
        # (the review table's one line: wrapped by a converter as often as in its
        # cells, no evidence for the document's other rows)
        in_a_cell = not self.catalogue.table.positional
        if not (_one_set_of_figures(fits) and self._supported(fits[-1], keys, range(n))):
            self._report_stacked(what, short.over_lines, in_a_cell)
            return
        reading = fits[-1]
        wraps = next(j.wraps for j in short.joins if j.cells is reading)
        if self._joins_in_doubt(reading, wraps, keys):
            self._report_stacked(what, short.over_lines, in_a_cell)
            return
        if short.after is not None:  # (under a figure of a row placed before it)
            self._note_under_a_row_decided_before(short, "are read with their own numbers "
                                                  "joined")
        self._place_at(ShortRow(reading, columns, keys, what), range(n), range(n))
        self.placed_over_lines.add(id(short.cells))  # (its later lines its own)
        self.joined_wraps = True
        for said in self.untaken_notes.pop(id(short.cells), ()):
            # (a line no row took: this row's, after all)
            note = next((d for d in reversed(self.sink.items)
                         if d.code == "GP204" and d.message.startswith(said)), None)
            if note is not None:
                self.sink.items.remove(note)
        for first, rest, number in wraps:
            column = next(i for i, cell in enumerate(reading) if cell is number)
            self.sink.add(
                "GP329", f"{what}: '{first.text}' (line {first.line}) and '{rest.text}' (line "
                f"{rest.line}) read as one number wrapped in its cell, {number.text}, for "
                f"{self._column_named(keys[column], columns[column])}: the row has "
                f"{how_many(len(wraps), 'figure')} more "
                "than its columns, and only this reading fits the template's arithmetic",
                at=rest, length=len(rest.text),
                hint="check the figure against the source: govparse check confirms the "
                     "relations it was placed by",
                table_id=self.catalogue.table.id, row_id=keys[column][0],
                column_id=keys[column][1])
            key = keys[column]
            figure = self.figures.get(key)
            if figure is not None and key[0] not in self.conflicted:
                self._put(key, Figure(figure.value, figure.line, figure.column,
                                      location=figure.location, recovered=True))

    def _column_named(self, key: tuple[str, str], column) -> str:
        """A column's label, and in the review table, whose one row of fifteen names
        each column three times, its group's too (复议后起诉 结果纠正)."""
        if not self.catalogue.table.positional:
            return column.label
        return f"{self.catalogue.table.row(key[0]).path[-1]} {column.label}"

    def _place_short_row(self, short: ShortRow) -> None:
        if short.among:
            self._place_by_position_alone(short)
            return
        if short.joins is not None:
            self._place_with_wrapped_numbers(short)
            return
        if short.after is not None:
            if short.choices is None:
                self._place_under_a_row_decided_later(short)
            else:
                self._place_under_a_row_over_lines(short)
            return
        if short.over_lines is not None:  # (no readings: a text that sets cells at columns)
            if short.choices is None:
                self._place_at_two_heights(short)
            else:
                self._place_row_over_lines(short)
            return
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
        if placement is not None and not self._placement_contradicted(cells, placement, keys):
            absent = absent_labels(columns, placement)
            self.sink.add("GP316", f"{what}: no figure stands under {listed(absent)}; "
                          f"{'it is' if len(absent) == 1 else 'they are'} taken as missing",
                          at=first)
            self._place_at(short, placement, range(k))
            return
        placement = self._placement_by_full_rows(cells, columns, short.headers, short.label)
        if placement is not None and not self._placement_contradicted(cells, placement, keys):
            absent = absent_labels(columns, placement)
            self.sink.add("GP316", f"{what}: no figure stands in the column of {listed(absent)}, "
                          "where the figures of the table's full rows stand; "
                          f"{'it is' if len(absent) == 1 else 'they are'} taken as missing",
                          at=first)
            self._place_at(short, placement, range(k))
            return
        counted = self._placements_by_arithmetic(cells, keys)
        fits = None if counted is None else [p for p, broken in counted if not broken]
        # (where the table's other figures break a relation among themselves, the one
        # placement that fits may fit only by leaving the column of the sum that is off
        # unknown: 16 of 其他 read as 总计 where 其他's column sum is off by 2)
        if fits is not None and len(fits) == 1 and self._supported(cells, keys, fits[0]) \
                and _relations_hold(self.template, self.catalogue.table.id, self.values):
            absent = absent_labels(columns, fits[0])
            self.sink.add("GP315", f"{what} has {how_many(k, 'figure')} for {how_many(n, 'column')}; "
                          f"only one placement fits the template's arithmetic: {listed(absent)} "
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
                absent = absent_labels(columns, best[0])
                self.sink.add(
                    "GP315", f"{what} has {how_many(k, 'figure')} for {how_many(n, 'column')}; no "
                    "placement fits all of the template's arithmetic, and one placement breaks "
                    f"a single relation where every other breaks more: {listed(absent)} "
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
            "GP314", f"{what} has {how_many(k, 'figure')} for {how_many(n, 'column')} and nothing "
            f"tells which columns they belong to (no empty cell marks the gap, no position under "
            f"the header, and {why}); {listed(unplaced)} "
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

    def _placements_by_arithmetic(self, cells: list[Cell], keys: list[tuple[str, str]]):
        """Every placement of the cells, with how many of the table's relations it
        breaks (None when there are too many to try or no template to ask)."""
        if self.template is None:
            return None
        relations, sides = self._arithmetic(keys)
        return relations.broken_counts(values_of(cells), sides)

    def _arithmetic(self, keys: list[tuple[str, str]]):
        """The table's relations about the places ``keys`` (as one row of their own:
        gaps.RowRelations), and their sides with the figures read in the table's other
        places summed (made once until a row in doubt is placed)."""
        relations = rules_about(self.template, self.catalogue.table.id, tuple(keys))
        if self.values is None:
            # Made once a table, when its first row in doubt is placed (every other row
            # is read by then); _place_at keeps it up to date. The values of ``keys``
            # are never looked up: the rules name those places apart.
            self.values = {key: fig.value for key, fig in self.figures.items()}
        sides = self.sides.get(relations)
        if sides is None:
            sides = self.sides[relations] = relations.sides(self.values)
        return relations, sides


def _relations_hold(template: str, table: str, values: dict) -> bool:
    """Whether every relation of the table whose figures are all read (``values``, by
    row and column, as they stand: a row placed by position before may complete one)
    holds: a report whose own sums are off somewhere gives the arithmetic no say in
    where a row's gap is."""
    from govparse.template.arithmetic import relations  # only a row in doubt needs them

    for relation in relations(template):
        if relation.subject[0] != table:
            continue
        left = [values.get(ref[1:]) for ref in relation.left]
        right = [values.get(ref[1:]) for ref in relation.right]
        if None not in left and None not in right and sum(left) != sum(right):
            return False
    return True


def _one_place_wide(cell: Cell) -> bool:
    """Whether a cell's extent is one display column or grid place wide."""
    return in_display_columns(cell) and cell.x[1] - cell.x[0] == 1


def _one_set_of_figures(readings: list[list[Cell]]) -> bool:
    """Whether readings (one at least) give the same figures: they differ, if at all,
    only in which of two equal figures is which."""
    return bool(readings) and all(values_of(r) == values_of(readings[0]) for r in readings)


def _last_alone_above(across: list[Cell], first_line: int) -> bool:
    """Whether, of a row's figures left to right (in characters), the first line holds
    one only, the last, which stands right of every other in display columns too."""
    upper = [c for c in across if c.line == first_line]
    return len(upper) == 1 and upper[0] is across[-1] \
        and all(c.x[1] <= upper[0].x[0] for c in across[:-1])
