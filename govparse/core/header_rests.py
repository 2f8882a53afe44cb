"""Empty columns that a merged header cell leaves in a grid with no spans.

A converter that draws a table's merged cells as cells of their own (pandoc's grid
tables, a pipe table of a page whose header cell spans two columns) writes the
header cell in the first place and leaves the places it covered empty, and so does
it with every row under it: ``| 信息内容 | 本年新制作数量 | 本年新公开数量 |  | 对外公开总数量 |``
over ``| 规章 | 13 | 13 |  | 524 |``. A row then has a cell more than the header has
columns, an empty one among its figures, and which is extra cannot be told from the
row alone; the header line tells: the empty places after a column's label are that
column's.

So, under a header line whose cells are all column labels, some with empty places
after them before the next (a gap between two labels), each row of exactly as many
places is read with the header's places grouped: a column's label and the empty
places after it. A group with one filled place gives that cell; with none, one
empty cell; with more, all of them (the row then has too many cells, and the core
says so). Said once a header line (GP327)."""

from __future__ import annotations

import functools

from govparse.core.cells import EMPTY, LABEL
from govparse.diagnostics import DiagnosticSink
from govparse.template.spec import label_key


@functools.cache
def _column_labels() -> frozenset[str]:
    """Keys of the labels of single columns (no group over several: 法人或其他组织,
    行政诉讼), and of 信息内容 over the row labels. Made when first asked."""
    from govparse.template.sections import TABLE_SECTIONS
    from govparse.template.spec import TEMPLATES, catalogue

    keys = {label_key("信息内容")}
    for template in TEMPLATES:
        for kind in TABLE_SECTIONS:
            for row in catalogue(template, kind).table.rows:
                keys.update(label_key(col.label) for col in row.columns)
    return frozenset(keys)


def header_groups(cells: list) -> list[list[int]] | None:
    """For a row of two labels or more and nothing else, each a column's label (or
    信息内容): its places grouped, each label with the empty places after it (the
    places before the first label stand alone); [] for a row of labels where no two
    have empty places between them (it ends the last header line's rows). None for
    any other row."""
    kinds = [c.kind for c in cells]
    first = kinds.index(LABEL) if LABEL in kinds else -1
    last = len(kinds) - 1 - kinds[::-1].index(LABEL) if first >= 0 else -1
    if first < 0 or EMPTY not in kinds[first:last]:
        return [] if kinds.count(LABEL) >= 2 else None  # (most header lines: no gap)
    column_labels = _column_labels()
    groups: list[list[int]] = []
    gap = False
    for index, cell in enumerate(cells):
        if cell.kind == EMPTY:
            if groups and cells[groups[-1][0]].kind == LABEL:
                groups[-1].append(index)
            else:
                groups.append([index])  # (before the first label: a place of its own)
            continue
        if cell.kind != LABEL or label_key(cell.text) not in column_labels:
            return None
        if groups and len(groups[-1]) > 1 and cells[groups[-1][0]].kind == LABEL:
            gap = True  # (empty places between this label and the one before)
        groups.append([index])
    if sum(cells[g[0]].kind == LABEL for g in groups) < 2:
        return None
    return groups if gap else []


def lined_up(cells: list, groups: list[list[int]]) -> list | None:
    """The row's cells with the header's groups made one place each, or None where
    that changes nothing (no group holds an empty place the row can spare)."""
    out = []
    changed = False
    for group in groups:
        filled = [cells[i] for i in group if cells[i].kind != EMPTY]
        if len(group) == 1 or len(filled) > 1:
            out.extend(cells[i] for i in group)
            continue
        out.append(filled[0] if filled else cells[group[0]])
        changed = True
    return out if changed else None


class HeaderRests:
    """The latest header line's groups while a table's rows are streamed."""

    __slots__ = ("groups", "width", "header", "rows")

    def __init__(self) -> None:
        self.groups: list[list[int]] | None = None
        self.width = 0
        self.header = None  # the header line's first empty place after a label
        self.rows = 0  # rows read with its groups

    def row(self, cells: list, labels: int, filled: int, sink: DiagnosticSink) -> list:
        """The row's cells as they are to be read (see the module's docstring)."""
        if labels >= 2 and labels == filled:
            groups = header_groups(cells)
            if groups is None:
                return cells
            self._said(sink)
            self.groups = groups or None
            if not groups:
                return cells  # (most header lines: no empty places between labels)
            self.width = len(cells)
            self.header = next((cells[g[1]] for g in groups
                                if len(g) > 1 and cells[g[0]].kind == LABEL), None)
            return lined_up(cells, groups) or cells
        if self.groups is None or len(cells) != self.width or filled == labels:
            return cells  # (a row of labels only has no figure to line up)
        lined = lined_up(cells, self.groups)
        if lined is None:
            return cells
        self.rows += 1
        return lined

    def done(self, sink: DiagnosticSink) -> None:
        self._said(sink)

    def _said(self, sink: DiagnosticSink) -> None:
        if self.rows and self.header is not None:
            header = self.header
            sink.add("GP327", f"the header line has empty places after its column labels (a "
                     f"merged header cell's rest); the {self.rows} "
                     f"row{'s' if self.rows > 1 else ''} under it with as many places "
                     "are read with them: a figure in a column's empty places is that "
                     "column's", at=header,
                     hint="where a row has figures in two places of one column, it is not "
                          "placed")
        self.rows = 0
