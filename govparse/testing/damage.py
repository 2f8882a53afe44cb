"""Damage as real report tables suffer it: operators and Hypothesis strategies for
placement properties ("every figure read is the figure of its row and column").

Requires Hypothesis, as govparse.testing.strategies does; ``import govparse`` does not
import this module.

    from hypothesis import given, strategies as st
    import govparse
    from govparse.testing import damage

    @given(st.data())
    def test_my_front_end_places_figures(data):
        sheet = data.draw(damage.sheets())                       # distinct figures
        sheet, names = data.draw(damage.damaged_sheets(sheet))   # cells lost, columns swapped…
        for layout in damage.LAYOUTS:
            printed = damage.render(sheet, layout, names)
            printed = data.draw(damage.damaged_texts(printed))   # wrapped labels, blank lines…
            report = govparse.parse(printed.text)
            problems = damage.misplaced(report, printed)
            assert not problems, damage.explain(report, printed, problems)

The operators, one small function each with the real-world case it models in its
docstring:

- on the table (``SHEET_DAMAGES``): ``lose_cell`` (a figure's cell gone, no gap
  marker), ``blank_cell``, ``placeholder`` (无, -, /, —, 空), ``full_width_digits``,
  ``stray_cell`` (a footnote mark or number, an empty cell), ``split_header_cell``
  (商业 企业), ``swap_columns`` (header and figures), ``reorder_header_rows``,
  ``mixed_template`` (a table on the other template);
- on the text of one layout (``TEXT_DAMAGES``): ``double_separator``,
  ``label_on_own_line``, ``wrap_label_above`` and ``wrap_label_below`` (a label
  wrapped over its figures), ``wrap_row``, ``blank_lines``, ``full_width_pipes``,
  ``continue_cell`` (one cell a line: a label continued without indentation).

How it works
------------
A report (``distinct_reports``: every figure of the three tables a different
number) is written as the printer writes it (``sheet_of``: the printer's own
``table_blocks``), but as cells that remember which figure they hold, by
(table, row, column). Damage comes in two stages, as it does in real documents:

1. *What the table holds* (``SHEET_DAMAGES``, on a ``Sheet``, before any layout):
   a figure's cell lost, left empty, holding a placeholder or full-width digits; a
   stray cell; a header cell split; columns or header rows in another order; one
   table on the other template.
2. *How the text is laid out* (``TEXT_DAMAGES``, on the ``Printed`` lines of one
   layout): a doubled separator, a label on its own line or wrapped over its
   figures, a row's figures wrapped onto the next line, blank lines, full-width
   pipes, a cell's text continued on an unindented line.

Cells keep their figure through every operator, and every line knows the template
rows whose labels or figures it holds, so ``misplaced(report, printed)`` can say
for each figure the parser gives whether it is the one printed for that (table,
row, column), and for each missing one whether a warning or error stands on one
of its row's lines. (An operator that does not apply to a layout, such as wrapping
a row in the one-cell-a-line layout, returns its input unchanged.)

Every operator is ``op(thing, choose) -> thing``; ``choose`` has ``integer(lo, hi)``,
``choice(items)`` and ``boolean()``, as the fuzzers' choosers (fuzz/mutations.py)
do, so the same operators can serve a random mutator as well as Hypothesis.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal
from typing import Callable, Iterable, Sequence

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from govparse.testing import strategies as gst
from govparse.diagnostics import Severity
from govparse.model.report import Figure, Report
from govparse.emit.printer import LAYOUTS, Tables, outline, table_blocks
from govparse.template.spec import TEMPLATES, load_template

__all__ = [
    "DAMAGE_NAMES",
    "LAYOUTS",
    "SHEET_DAMAGES",
    "SHEET_DAMAGE_NAMES",
    "TEXT_DAMAGES",
    "TEXT_DAMAGE_NAMES",
    "Block",
    "Cell",
    "DrawChooser",
    "Line",
    "Printed",
    "RandomChooser",
    "Row",
    "Sheet",
    "damaged_sheets",
    "damaged_texts",
    "distinct_reports",
    "explain",
    "misplaced",
    "render",
    "sheet_of",
    "sheets",
]

Key = tuple[str, str, str]  # table, row, column
RowKey = tuple[str, str]  # table, row

# Cell kinds
LABEL, HEADER, FIGURE, STRAY = "label", "header", "figure", "stray"

# ---------------------------------------------------------------- the printed tables


@attrs.frozen
class Cell:
    """One cell as printed. A figure's cell keeps its figure's key whatever the
    damage does to its text (a placeholder, full-width digits, nothing)."""

    text: str
    kind: str = LABEL  # label (a row label or its parents), header, figure, stray
    key: Key | None = None


@attrs.frozen
class Row:
    """One printed row of a table, before any layout (the printer's PrintedRow):
    label cells (None where a merged label cell leaves a blank) and figure cells."""

    labels: tuple[Cell | None, ...]
    figures: tuple[Cell, ...] = ()
    rows: frozenset[RowKey] = frozenset()  # template rows whose figures it holds
    lost: bool = False  # a figure's cell was lost (lose_cell)


@attrs.frozen
class Block:
    """Rows printed as one table (markdown: one table with one rule)."""

    table: str
    template: str
    rows: tuple[Row, ...]


@attrs.frozen
class Sheet:
    """A report as printed, layout aside: lines of text (title, headings,
    paragraphs, blank lines) and table blocks, in order; the figures printed, by
    key; and, for ``mixed_template``, a sheet of the same report's figures on the
    other template."""

    items: tuple[str | Block, ...]
    truth: dict[Key, object] = attrs.field(eq=False)
    other: Sheet | None = attrs.field(default=None, eq=False)

    def blocks(self) -> list[tuple[int, Block]]:
        return [(i, item) for i, item in enumerate(self.items) if isinstance(item, Block)]

    def with_block(self, index: int, block: Block) -> Sheet:
        items = list(self.items)
        items[index] = block
        return attrs.evolve(self, items=tuple(items))

    def __repr__(self) -> str:  # short: Hypothesis makes one for every example
        templates = sorted({b.template for _, b in self.blocks()})
        return (f"<Sheet of {len(self.blocks())} blocks on the {'+'.join(templates)} template, "
                f"{len(self.truth)} figures>")


@attrs.frozen
class Line:
    """One line of a printed report: a table line's cells and separators, or a
    line of text (``text`` not None). ``rows`` are the template rows whose labels or
    figures stand on it: a diagnostic on one of these lines is about that row."""

    cells: tuple[Cell, ...] = ()
    seps: tuple[str, ...] = ()  # the separator after each cell but the last
    prefix: str = ""  # a border pipe, the one-cell-a-line layout's indentation
    suffix: str = ""
    trim: bool = False  # the pipe layout: no spaces at the ends
    text: str | None = None
    rows: frozenset[RowKey] = frozenset()
    table: str | None = None  # the table whose section it stands in
    sep: str = "\t"  # the layout's separator, for cells added to the line

    def render(self) -> str:
        if self.text is not None:
            return self.text
        body = "".join(c.text + s for c, s in zip(self.cells, self.seps + ("",)))
        if self.trim:  # the pipe layout: no spaces at the ends (printer._pipe_line)
            body = body.strip(" ")
        return self.prefix + body + self.suffix

    def with_cells(self, cells: Sequence[Cell], seps: Sequence[str] | None = None) -> Line:
        if seps is None:
            seps = (self.sep,) * max(0, len(cells) - 1)
        return attrs.evolve(self, cells=tuple(cells), seps=tuple(seps))

    @property
    def figure_indexes(self) -> list[int]:
        return [i for i, c in enumerate(self.cells) if c.kind == FIGURE]


@attrs.frozen
class Printed:
    """A report printed in one layout, damage and all: its lines, and the figures
    printed, by key."""

    layout: str
    lines: tuple[Line, ...]
    truth: dict[Key, object] = attrs.field(eq=False)
    damages: tuple[str, ...] = ()
    # template rows of a row that lost a figure's cell: no cell is added to their
    # lines (a lost cell and an added one write another table, which no reader could
    # tell from the printed one: | 规章 | 371 |  | 216182 | after 规章 lost its first)
    lost_rows: frozenset[RowKey] = frozenset()

    @property
    def text(self) -> str:
        return "\n".join(ln.render() for ln in self.lines).rstrip("\n") + "\n"

    def row_lines(self) -> dict[RowKey, set[int]]:
        """The line numbers (1-based) on which each template row stands."""
        found: dict[RowKey, set[int]] = {}
        for number, ln in enumerate(self.lines, start=1):
            for row in ln.rows:
                found.setdefault(row, set()).add(number)
        return found

    def __repr__(self) -> str:
        return (f"Printed(layout={self.layout!r}, damages={self.damages!r}, "
                f"text={self.text!r})")


# ---------------------------------------------------------------- sheets from reports


def sheet_of(report: Report, other: Report | None = None) -> Sheet:
    """The report as ``govparse.dumps`` prints it, cell by cell (tests hold
    ``render(sheet_of(r), layout).text`` to ``dumps(r, layout)``). ``other``: the
    report on the other template whose tables ``mixed_template`` may put in."""
    items: list[str | Block] = []
    for item in outline(report):
        if isinstance(item, Tables):
            for block in _blocks(report, item.kind):
                items += [block, ""]
        else:
            items.append(item)
    truth = {(t, r, c): fig.value for t, r, c, fig in report.table_figures()}
    return Sheet(tuple(items), truth, sheet_of(other) if other is not None else None)


def _blocks(report: Report, table_id: str) -> list[Block]:
    spec = load_template(report.template).table(table_id)
    if spec.positional:
        data = [([(spec.id, r.id, c.id) for r, c in spec.slots],
                 frozenset((spec.id, r.id) for r in spec.rows))]
    else:
        data = [([(spec.id, r.id, c.id) for c in r.columns], frozenset({(spec.id, r.id)}))
                for r in spec.rows]
    data_rows = iter(data)
    blocks = []
    for printed in table_blocks(report, spec):
        rows = []
        for row in printed:
            if row.figures:
                keys, tags = next(data_rows)
                assert len(keys) == len(row.figures), (keys, row)
                rows.append(Row(
                    tuple(None if text is None else Cell(text) for text in row.labels),
                    tuple(Cell(text, FIGURE, key) for text, key in zip(row.figures, keys)),
                    tags))
            else:
                rows.append(Row(tuple(None if text is None else Cell(text, HEADER)
                                      for text in row.labels)))
        blocks.append(Block(spec.id, report.template, tuple(rows)))
    return blocks


# ---------------------------------------------------------------- layouts


def render(sheet: Sheet, layout: str, damages: Iterable[str] = ()) -> Printed:
    """The sheet in one of the printer's layouts (as govparse.emit.printer.render_block)."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}")
    lines: list[Line] = []
    for item in sheet.items:
        if isinstance(item, Block):
            lines += _render_block(item, layout)
        else:
            lines.append(Line(text=item))
    while lines and lines[-1].render() == "":
        lines.pop()
    lost = frozenset(key for _, block in sheet.blocks() for row in block.rows if row.lost
                     for key in row.rows)
    return Printed(layout, tuple(lines), dict(sheet.truth), tuple(damages), lost)


def _render_block(block: Block, layout: str) -> list[Line]:
    table = block.table
    if layout == "cells":
        lines: list[Line] = []
        for row in block.rows:
            for cell in [c for c in row.labels if c is not None] + list(row.figures):
                lines.append(Line((cell,), prefix="\t", rows=row.rows, table=table))
            lines.append(Line(text="", table=table))
        return lines[:-1]
    if layout == "tab":
        return [Line(rows=row.rows, table=table).with_cells(
            [c or Cell("") for c in row.labels] + list(row.figures)) for row in block.rows]
    if layout == "pipe":
        out = []
        for row in block.rows:
            cells = [c for c in row.labels if c is not None] + list(row.figures)
            out.append(Line(trim=True, rows=row.rows, table=table, sep=" | ").with_cells(cells))
        return out
    # markdown: every row as wide as the widest; a data row's labels end in the last
    # label column
    with_figures = [row for row in block.rows if row.figures]
    depth = max((len(row.labels) for row in with_figures), default=0)
    width = max(max(len(r.labels) for r in block.rows),
                depth + max(len(r.figures) for r in block.rows))
    out = []
    for index, row in enumerate(block.rows):
        if row.figures:
            # not padded: a row that lost a cell is written short, as a hand-made
            # table has it (padded, it would read as a row whose last figure is
            # blank, which no reader can tell from it); an intact row is full already
            cells = [None] * (depth - len(row.labels)) + list(row.labels) + list(row.figures)
        else:
            cells = list(row.labels)
            cells += [None] * (width - len(cells))
        out.append(Line(prefix="| ", suffix=" |", rows=row.rows, table=table, sep=" | ")
                   .with_cells([c or Cell("") for c in cells]))
        if index == 0:
            out.append(Line(text="|" + "---|" * width, table=table))
    return out


# ---------------------------------------------------------------- choosers


class DrawChooser:
    """Choices drawn from Hypothesis, so that a failing example shrinks."""

    def __init__(self, draw) -> None:
        self.draw = draw

    def integer(self, lo: int, hi: int) -> int:
        return self.draw(st.integers(lo, hi))

    def choice(self, items: Sequence):
        return self.draw(st.sampled_from(items))

    def boolean(self) -> bool:
        return self.draw(st.booleans())


class RandomChooser:
    """Choices from a ``random.Random`` (a fuzzer's custom mutator)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def integer(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def choice(self, items: Sequence):
        return items[self.rng.randrange(len(items))]

    def boolean(self) -> bool:
        return self.rng.random() < 0.5


# ---------------------------------------------------------------- operators on sheets

SheetDamage = Callable[[Sheet, object], Sheet]
TextDamage = Callable[[Printed, object], Printed]
SHEET_DAMAGES: dict[str, SheetDamage] = {}
TEXT_DAMAGES: dict[str, TextDamage] = {}


def sheet_damage(fn: SheetDamage) -> SheetDamage:
    SHEET_DAMAGES[fn.__name__] = fn
    return fn


def text_damage(fn: TextDamage) -> TextDamage:
    TEXT_DAMAGES[fn.__name__] = fn
    return fn


def _data_rows(sheet: Sheet) -> list[tuple[int, int]]:
    """(item index, row index) of every row with figure cells."""
    return [(i, r) for i, block in sheet.blocks() for r, row in enumerate(block.rows)
            if any(c.kind == FIGURE for c in row.figures)]


def _with_row(sheet: Sheet, at: tuple[int, int], row: Row) -> Sheet:
    index, r = at
    block = sheet.items[index]
    rows = list(block.rows)
    rows[r] = row
    return sheet.with_block(index, attrs.evolve(block, rows=tuple(rows)))


def _pick_figure(sheet: Sheet, choose, may: Callable[[Row], bool] = lambda row: True
                 ) -> tuple[tuple[int, int], Row, int] | None:
    rows = [at for at in _data_rows(sheet) if may(sheet.items[at[0]].rows[at[1]])]
    if not rows:
        return None
    at = choose.choice(rows)
    row = sheet.items[at[0]].rows[at[1]]
    figures = [i for i, c in enumerate(row.figures) if c.kind == FIGURE]
    return at, row, choose.choice(figures)


def _with_figure_text(sheet: Sheet, choose, make: Callable[[Cell], str],
                      may: Callable[[Row], bool] = lambda row: True) -> Sheet:
    picked = _pick_figure(sheet, choose, may)
    if picked is None:
        return sheet
    at, row, i = picked
    figures = list(row.figures)
    figures[i] = attrs.evolve(figures[i], text=make(figures[i]))
    return _with_row(sheet, at, attrs.evolve(row, figures=tuple(figures)))


@sheet_damage
def lose_cell(sheet: Sheet, choose) -> Sheet:
    """A figure's cell is lost with nothing in its place: no empty cell, no
    separator. Text copied out of a PDF, where an empty or faint cell leaves no
    trace; an HTML table whose <td> was dropped. Every later figure of the row now
    stands one column to the left of its own. Not in a row with a stray cell: a cell
    lost and one added write another table (see Printed.lost_rows)."""
    picked = _pick_figure(sheet, choose, lambda row: not any(c.kind == STRAY
                                                             for c in row.figures))
    if picked is None:
        return sheet
    at, row, i = picked
    return _with_row(sheet, at, attrs.evolve(row, figures=row.figures[:i] + row.figures[i + 1:],
                                             lost=True))


@sheet_damage
def blank_cell(sheet: Sheet, choose) -> Sheet:
    """A figure's cell left empty, its separators kept: a report that leaves
    nothing where a 0 or an unknown figure would stand. Not in a row with a stray
    cell (see stray_cell)."""
    return _with_figure_text(sheet, choose, lambda cell: "",
                             lambda row: not any(c.kind == STRAY for c in row.figures))


PLACEHOLDERS = ("无", "-", "/", "—", "－", "——", "／", "空")


@sheet_damage
def placeholder(sheet: Sheet, choose) -> Sheet:
    """A mark instead of a figure: 无, -, /, —, 空, as agencies write for nothing
    (or for 0)."""
    mark = choose.choice(PLACEHOLDERS)
    return _with_figure_text(sheet, choose, lambda cell: mark)


FULL_WIDTH = str.maketrans("0123456789.-", "０１２３４５６７８９．－")


@sheet_damage
def full_width_digits(sheet: Sheet, choose) -> Sheet:
    """Figures in full-width digits (１２３, ４．５): typed with a Chinese input
    method, one cell or the whole row."""
    picked = _pick_figure(sheet, choose)
    if picked is None:
        return sheet
    at, row, i = picked
    which = range(len(row.figures)) if choose.boolean() else [i]
    figures = [attrs.evolve(c, text=c.text.translate(FULL_WIDTH)) if j in which else c
               for j, c in enumerate(row.figures)]
    return _with_row(sheet, at, attrs.evolve(row, figures=tuple(figures)))


STRAY_TEXTS = ("", "*", "注1", "（注）", "-")


@sheet_damage
def stray_cell(sheet: Sheet, choose) -> Sheet:
    """A cell that is no figure of the row: a footnote mark or number pulled into
    the table (注1, *, a page number), a neighbouring column's cell in PDF
    extraction, an empty cell from a merged cell split in two. Not in a row that lost
    a cell (see Printed.lost_rows), nor in one with an empty figure cell: a number
    and an empty cell where one figure stands (| 1000000000219 |  |) is what a row
    with an empty column after it writes, which no reader could tell apart."""
    rows = [at for at in _data_rows(sheet) if not sheet.items[at[0]].rows[at[1]].lost
            and not any(c.kind == FIGURE and c.text == ""
                        for c in sheet.items[at[0]].rows[at[1]].figures)]
    if not rows:
        return sheet
    at = choose.choice(rows)
    row = sheet.items[at[0]].rows[at[1]]
    if choose.boolean():
        # a number no figure has (theirs are below 10**12: see distinct_reports)
        text = str(10**12 + choose.integer(0, 999))
    else:
        text = choose.choice(STRAY_TEXTS)
    i = choose.integer(0, len(row.figures))
    figures = row.figures[:i] + (Cell(text, STRAY),) + row.figures[i:]
    return _with_row(sheet, at, attrs.evolve(row, figures=figures))


def _labels(sheet: Sheet, kinds: tuple[str, ...]) -> list[tuple[tuple[int, int], int]]:
    found = []
    for index, block in sheet.blocks():
        for r, row in enumerate(block.rows):
            for i, cell in enumerate(row.labels):
                if cell is not None and cell.kind in kinds and len(cell.text) >= 2:
                    found.append(((index, r), i))
    return found


@sheet_damage
def split_header_cell(sheet: Sheet, choose) -> Sheet:
    """A header cell (or a row label) split by a space or an ideographic space:
    a PDF that writes 商业企业 as two runs of text, 商业 企业."""
    found = _labels(sheet, (HEADER, LABEL))
    if not found:
        return sheet
    at, i = choose.choice(found)
    row = sheet.items[at[0]].rows[at[1]]
    cell = row.labels[i]
    cut = choose.integer(1, len(cell.text) - 1)
    text = cell.text[:cut] + choose.choice((" ", "\u3000", "  ")) + cell.text[cut:]
    labels = list(row.labels)
    labels[i] = attrs.evolve(cell, text=text)
    return _with_row(sheet, at, attrs.evolve(row, labels=tuple(labels)))


@sheet_damage
def swap_columns(sheet: Sheet, choose) -> Sheet:
    """Two columns in each other's place, header and figures alike: a report whose
    table puts the applicant kinds, or 本年制发件数 and 现行有效件数, in another
    order than the template's. (The truth follows the header.)"""
    candidates = []
    for index, block in sheet.blocks():
        spec = load_template(block.template).table(block.table)
        data = [row for row in block.rows if row.figures]
        if spec.positional or not data:
            continue
        first = next(c.key for row in data for c in row.figures if c.key)
        labels = [c.label for c in spec.row(first[1]).columns]
        for r, row in enumerate(block.rows):
            if row.figures:
                continue
            at = {labels.index(c.text): i for i, c in enumerate(row.labels)
                  if c is not None and c.text in labels}
            if len(at) >= 2:
                candidates.append((index, r, at))
    if not candidates:
        return sheet
    index, r, at = choose.choice(candidates)
    columns = sorted(at)
    a = choose.choice(columns)
    b = choose.choice([c for c in columns if c != a])
    block = sheet.items[index]
    rows = list(block.rows)
    labels = list(rows[r].labels)
    labels[at[a]], labels[at[b]] = labels[at[b]], labels[at[a]]
    rows[r] = attrs.evolve(rows[r], labels=tuple(labels))
    ids = [c.id for c in load_template(block.template).table(block.table).row(first_row(block))
           .columns]
    for k, row in enumerate(rows):
        # the two columns' figures, wherever earlier damage left them (a swap before
        # this one, a lost cell): found by the figure each cell holds
        where = {c.key[2]: i for i, c in enumerate(row.figures) if c.key is not None}
        if ids[a] in where and ids[b] in where:
            i, j = where[ids[a]], where[ids[b]]
            figures = list(row.figures)
            figures[i], figures[j] = figures[j], figures[i]
            rows[k] = attrs.evolve(row, figures=tuple(figures))
    return sheet.with_block(index, attrs.evolve(block, rows=tuple(rows)))


def first_row(block: Block) -> str:
    """The row id of the block's first figure (the row whose columns the header names)."""
    return next(c.key[1] for row in block.rows for c in row.figures if c.key)


@sheet_damage
def reorder_header_rows(sheet: Sheet, choose) -> Sheet:
    """The lines of a table's header (and its title line) in another order: PDF
    extraction reads a cell that spans two header rows before or after the cells
    beside it (申请人情况 under 自然人, 法人或其他组织 last)."""
    candidates = []
    for index, block in sheet.blocks():
        head = 0
        while head < len(block.rows) and not block.rows[head].figures:
            head += 1
        if head >= 2:
            candidates.append((index, head))
    if not candidates:
        return sheet
    index, head = choose.choice(candidates)
    block = sheet.items[index]
    rows = list(block.rows)
    a = choose.integer(0, head - 1)
    b = choose.choice([k for k in range(head) if k != a])
    rows[a], rows[b] = rows[b], rows[a]
    return sheet.with_block(index, attrs.evolve(block, rows=tuple(rows)))


@sheet_damage
def mixed_template(sheet: Sheet, choose) -> Sheet:
    """One table on the other template: a 2021 report that copied last year's
    2019-template table 二 (or 三) into its text, or the other way round. The
    figures of that table are the other template's."""
    if sheet.other is None:
        return sheet
    table = choose.choice(("active_disclosure", "applications"))
    mine = [i for i, block in sheet.blocks() if block.table == table]
    theirs = [block for _, block in sheet.other.blocks() if block.table == table]
    if not mine:
        return sheet
    items = list(sheet.items)
    items[mine[0]:mine[-1] + 1] = _interleave(theirs)
    truth = {k: v for k, v in sheet.truth.items() if k[0] != table}
    truth.update({k: v for k, v in sheet.other.truth.items() if k[0] == table})
    return attrs.evolve(sheet, items=tuple(items), truth=truth, other=None)


def _interleave(blocks: list[Block]) -> list[str | Block]:
    out: list[str | Block] = []
    for block in blocks:
        out += [block, ""]
    return out[:-1]


# ---------------------------------------------------------------- operators on text


def _data_lines(printed: Printed) -> list[int]:
    return [i for i, ln in enumerate(printed.lines) if ln.figure_indexes]


def _with_lines(printed: Printed, at: int, lines: Sequence[Line], remove: int = 1) -> Printed:
    new = list(printed.lines)
    new[at:at + remove] = lines
    return attrs.evolve(printed, lines=tuple(new))


@text_damage
def double_separator(printed: Printed, choose) -> Printed:
    """A separator doubled: two tabs where Word had a hidden empty column, || in
    a hand-made pipe table (one cell a line: a cell indented twice)."""
    lines = [i for i, ln in enumerate(printed.lines)
             if (ln.seps or (printed.layout == "cells" and ln.cells))
             and not ln.rows & printed.lost_rows]  # (see Printed.lost_rows)
    if not lines:
        return printed
    at = choose.choice(lines)
    ln = printed.lines[at]
    if not ln.seps:
        return _with_lines(printed, at, [attrs.evolve(ln, prefix=ln.prefix * 2)])
    i = choose.integer(0, len(ln.seps) - 1)
    seps = list(ln.seps)
    bar = seps[i].strip()
    seps[i] = choose.choice((seps[i] * 2, f" {bar}{bar} ", f" {bar} {bar} ") if bar
                            else (seps[i] * 2,))
    return _with_lines(printed, at, [attrs.evolve(ln, seps=tuple(seps))])


def _leaf(ln: Line) -> int | None:
    """Where the row label closest to the line's figures stands (the row's own)."""
    figures = ln.figure_indexes
    if not figures:
        return None
    found = None
    for i, cell in enumerate(ln.cells[:figures[0]]):
        if cell.kind == LABEL and cell.text:
            found = i
    return found


def _lone(like: Line, cells: Sequence[Cell]) -> Line:
    """A line of these cells in the layout of ``like`` (its borders, indentation and
    separator), on the same rows."""
    return attrs.evolve(like, cells=(), seps=()).with_cells(cells)


_FIGURE_LIKE = re.compile(r"[\s0-9０-９.,．，、()（）+\-—–－―/／无空]*")


def _cuts(text: str) -> list[int]:
    """Where a label's text may break in two: not where either part would read as
    a figure or a placeholder (1 / .属于国家秘密, 无 / 正当理由…), which no line
    break inside a cell makes."""
    return [i for i in range(1, len(text))
            if not _FIGURE_LIKE.fullmatch(text[:i]) and not _FIGURE_LIKE.fullmatch(text[i:])]


@text_damage
def label_on_own_line(printed: Printed, choose) -> Printed:
    """A row label on a line of its own, its figures on the next: a long label
    wrapped inside its cell and copied as two lines (Word, PDF)."""
    lines = [i for i in _data_lines(printed) if _leaf(printed.lines[i]) is not None]
    if not lines or printed.layout == "cells":
        return printed
    at = choose.choice(lines)
    ln = printed.lines[at]
    first = ln.figure_indexes[0]
    head, tail = ln.cells[:first], ln.cells[first:]
    if choose.boolean():  # the figures stay under their columns
        tail = tuple(Cell("") for _ in head) + tail
    return _with_lines(printed, at, [_lone(ln, head), _lone(ln, tail)])


def _split_leaf(printed: Printed, choose, below: bool) -> Printed:
    if printed.layout == "cells":
        # one cell a line: the label's line becomes two, one cell each
        lines = [i for i, ln in enumerate(printed.lines)
                 if ln.rows and ln.cells and ln.cells[0].kind == LABEL
                 and _cuts(ln.cells[0].text)]
    else:
        lines = [i for i in _data_lines(printed) if _leaf(printed.lines[i]) is not None
                 and _cuts(printed.lines[i].cells[_leaf(printed.lines[i])].text)]
    if not lines:
        return printed
    at = choose.choice(lines)
    ln = printed.lines[at]
    leaf = 0 if printed.layout == "cells" else _leaf(ln)
    cell = ln.cells[leaf]
    cut = choose.choice(_cuts(cell.text))
    head, tail = cell.text[:cut], cell.text[cut:]
    if printed.layout == "cells":
        return _with_lines(printed, at, [_lone(ln, [attrs.evolve(cell, text=head)]),
                                         _lone(ln, [attrs.evolve(cell, text=tail)])])
    cells = list(ln.cells)
    cells[leaf] = attrs.evolve(cell, text=head if below else tail)
    pad = [Cell("") for _ in range(leaf)] if choose.boolean() else []
    alone = _lone(ln, pad + [attrs.evolve(cell, text=tail if below else head)])
    row = ln.with_cells(cells, ln.seps)
    return _with_lines(printed, at, [row, alone] if below else [alone, row])


@text_damage
def wrap_label_above(printed: Printed, choose) -> Printed:
    """A label wrapped over its figures: the first part of a long row label on a
    line of its own above the row's line ((二)部分公开(区分处理的, / 只计这一情形…
    0 0 0), as a PDF writes a label wrapped in its cell."""
    return _split_leaf(printed, choose, below=False)


@text_damage
def wrap_label_below(printed: Printed, choose) -> Printed:
    """A label wrapped around its figures: the last part of a row label on a line
    of its own below the row's line, as a PDF writes a cell whose text is centred
    vertically beside figures on one line."""
    return _split_leaf(printed, choose, below=True)


@text_damage
def wrap_row(printed: Printed, choose) -> Printed:
    """The row's figures continue on the next line: a text view or page too narrow
    for the row (seed 003's wrapped rows), the next line starting with a figure or
    with a separator. (One cell a line: unchanged.)"""
    lines = [i for i in _data_lines(printed) if len(printed.lines[i].cells) >= 2]
    if not lines or printed.layout == "cells":
        return printed
    at = choose.choice(lines)
    ln = printed.lines[at]
    cut = choose.integer(max(1, ln.figure_indexes[0]), len(ln.cells) - 1)
    head = ln.with_cells(ln.cells[:cut], ln.seps[:cut - 1])
    rest = list(ln.cells[cut:])
    if choose.boolean() and not ln.rows & printed.lost_rows:  # (see Printed.lost_rows)
        rest = [Cell("")] + rest  # the next line starts with a separator
    return _with_lines(printed, at, [head, _lone(ln, rest)])


@text_damage
def blank_lines(printed: Printed, choose) -> Printed:
    """Blank lines inside a table: page breaks and paragraph spacing copied out of
    Word or a PDF, between rows or between a row's lines."""
    lines = [i for i, ln in enumerate(printed.lines) if ln.table is not None]
    if not lines:
        return printed
    at = choose.choice(lines) + choose.integer(0, 1)
    before = printed.lines[at - 1]
    after = printed.lines[at].rows if at < len(printed.lines) else frozenset()
    blank = Line(text="", rows=before.rows & after, table=before.table)
    return _with_lines(printed, at, [blank] * choose.integer(1, 3), remove=0)


@text_damage
def full_width_pipes(printed: Printed, choose) -> Printed:
    """Full-width pipes ｜ for separators and borders, typed with a Chinese input
    method: in one line, or in every line of one table. (Layouts without pipes:
    unchanged.)"""
    lines = [i for i, ln in enumerate(printed.lines) if "|" in ln.prefix + "".join(ln.seps)]
    if not lines:
        return printed
    at = choose.choice(lines)
    table = printed.lines[at].table
    every = choose.boolean()

    def wide(ln: Line) -> Line:
        return attrs.evolve(ln, prefix=ln.prefix.replace("|", "｜"),
                            suffix=ln.suffix.replace("|", "｜"), sep=ln.sep.replace("|", "｜"),
                            seps=tuple(s.replace("|", "｜") for s in ln.seps))

    return attrs.evolve(printed, lines=tuple(
        wide(ln) if ln.text is None and (i == at or (every and ln.table == table)) else ln
        for i, ln in enumerate(printed.lines)))


@text_damage
def continue_cell(printed: Printed, choose) -> Printed:
    """One cell a line: a label's text continued on the next line without the
    indentation, as text copied out of a narrow cell (商业 / 企业, a long row label
    over two lines). (Other layouts: unchanged; see wrap_label_above.)"""
    if printed.layout != "cells":
        return printed
    lines = [i for i, ln in enumerate(printed.lines)
             if ln.cells and ln.cells[0].kind in (LABEL, HEADER) and _cuts(ln.cells[0].text)]
    if not lines:
        return printed
    at = choose.choice(lines)
    ln = printed.lines[at]
    cell = ln.cells[0]
    cut = choose.choice(_cuts(cell.text))
    first = ln.with_cells([attrs.evolve(cell, text=cell.text[:cut])])
    rest = Line(text=cell.text[cut:], rows=ln.rows, table=ln.table)
    return _with_lines(printed, at, [first, rest])


SHEET_DAMAGE_NAMES = tuple(SHEET_DAMAGES)
TEXT_DAMAGE_NAMES = tuple(TEXT_DAMAGES)
DAMAGE_NAMES = SHEET_DAMAGE_NAMES + TEXT_DAMAGE_NAMES


# ---------------------------------------------------------------- reports with distinct figures

OUTCOMES_PARENT = gst.OUTCOMES_PARENT  # the outcome rows' parent label
SIGNED_COLUMNS = gst.SIGNED_COLUMNS  # 本年增/减 (2019): may be negative


def _money(value: int) -> Decimal:
    """An amount with cents that are never 00: no money equals a count."""
    return Decimal(value * 100 + 1 + value % 99).scaleb(-2)


@st.composite
def distinct_reports(draw, template: str | None = None, *, consistent: bool | None = None,
                     missing: bool | None = None, narrative: bool | None = None,
                     offset: int = 0, largest: int = 10**7) -> Report:
    """Reports whose figures are all different numbers (so a figure in the wrong
    place cannot equal the right one): counts 1 … ``largest`` (10**7: totals up to
    about 2·10**8; + ``offset``, below 10**12 in all; at least 1,000, for the
    template's 200-odd figures to differ), amounts
    with cents, signed changes (2019) sometimes negative. ``consistent``: the
    template's arithmetic holds (row totals, （七）总计, the 勾稽关系, review
    totals); ``missing``: a few figures are missing (printed as empty cells)."""
    if largest < 1000:
        raise ValueError("distinct_reports: largest must be at least 1000")
    template = template or draw(st.sampled_from(TEMPLATES), label="template")
    if consistent is None:
        consistent = draw(st.booleans(), label="consistent")
    if missing is None:
        missing = draw(st.integers(0, 3), label="missing") == 0
    if narrative is None:
        narrative = draw(st.integers(0, 3), label="narrative") == 0
    report = draw(gst.reports(template, missing=False, narrative=narrative), label="report")
    spec = load_template(template)
    keys = spec.figure_ids()
    values = draw(st.lists(st.integers(1, largest), min_size=len(keys), max_size=len(keys),
                           unique=True), label="values")
    figures: dict[Key, object] = dict(zip(keys, values))
    if consistent:
        _make_consistent(spec, figures)
        counts = [v for v in figures.values()]
        assume(len(set(counts)) == len(counts) and min(counts) > 0)
    for key, value in figures.items():
        value += offset
        if key[2] in gst.MONEY_COLUMNS:
            value = _money(value)
        elif key[2] in SIGNED_COLUMNS and value % 2:
            value = -value
        figures[key] = value
    if missing:
        for key in draw(st.lists(st.sampled_from(keys), min_size=1, max_size=4),
                        label="missing figures"):
            figures[key] = None
    for (table, row, column), value in figures.items():
        report = report.replace_figure(table, row, column, Figure(value))
    return report


def _make_consistent(spec, figures: dict[Key, int]) -> None:
    apps = spec.table("applications")
    columns = [c.id for c in apps.rows[0].columns if c.id != "total"]
    outcomes = [r.id for r in apps.rows if r.path[0] == OUTCOMES_PARENT
                and r.id != "total_processed"]
    for col in columns:
        processed = sum(figures[("applications", r, col)] for r in outcomes)
        figures[("applications", "total_processed", col)] = processed
        received = processed + figures[("applications", "carried_forward", col)]
        carried = 1 + figures[("applications", "carried_over", col)] % (received - 1)
        figures[("applications", "carried_over", col)] = carried
        figures[("applications", "new_requests", col)] = received - carried
    for row in apps.rows:
        figures[("applications", row.id, "total")] = sum(
            figures[("applications", row.id, col)] for col in columns)
    for row in spec.table("review_litigation").rows:
        parts = [c.id for c in row.columns if c.id != "total"]
        figures[("review_litigation", row.id, "total")] = sum(
            figures[("review_litigation", row.id, col)] for col in parts)


@st.composite
def sheets(draw, template: str | None = None, **options) -> Sheet:
    """A sheet of a report with distinct figures (``distinct_reports``), with a
    report of the same kind on the other template for ``mixed_template``."""
    report = draw(distinct_reports(template, **options), label="report")
    other_template = next(t for t in TEMPLATES if t != report.template)
    other = draw(distinct_reports(other_template, consistent=False, missing=False,
                                  narrative=False, offset=10**10), label="other template")
    return sheet_of(report, other)


@st.composite
def damaged_sheets(draw, sheet: Sheet, names: Sequence[str] = SHEET_DAMAGE_NAMES,
                   min_damages: int = 1, max_damages: int = 3) -> tuple[Sheet, tuple[str, ...]]:
    """The sheet after one to three of the named sheet operators; and their names."""
    names = [n for n in names if n in SHEET_DAMAGES]
    if not names:
        return sheet, ()
    choose = DrawChooser(draw)
    applied = []
    for _ in range(draw(st.integers(min_damages, max_damages), label="sheet damages")):
        name = choose.choice(names)
        sheet = SHEET_DAMAGES[name](sheet, choose)
        applied.append(name)
    return sheet, tuple(applied)


@st.composite
def damaged_texts(draw, printed: Printed, names: Sequence[str] = TEXT_DAMAGE_NAMES,
                  min_damages: int = 1, max_damages: int = 3) -> Printed:
    """The printed text after one to three of the named text operators."""
    names = [n for n in names if n in TEXT_DAMAGES]
    if not names:
        return printed
    choose = DrawChooser(draw)
    applied = list(printed.damages)
    for _ in range(draw(st.integers(min_damages, max_damages), label="text damages")):
        name = choose.choice(names)
        printed = TEXT_DAMAGES[name](printed, choose)
        applied.append(name)
    return attrs.evolve(printed, damages=tuple(applied))


# ---------------------------------------------------------------- the property


def misplaced(report: Report, printed: Printed) -> list[str]:
    """What is wrong with the figures the parser read from ``printed.text``:

    - a figure with a value that is not the one printed for its (table, row,
      column), or that was read from a line that is not one of its row's;
    - a figure the printed tables do not have (a key of the other template) with a
      value;
    - a printed figure that is missing (or not in the model) with no warning or
      error on any line of its row.

    Empty when every figure is right or said to be missing."""
    problems = []
    row_lines = printed.row_lines()
    said: dict[int, list[str]] = {}
    for d in report.diagnostics:
        if d.severity is not Severity.NOTE and d.line is not None:
            said.setdefault(d.line, []).append(d.code)
    got = {(t, r, c): fig for t, r, c, fig in report.table_figures()}
    for key, want in printed.truth.items():
        fig = got.get(key, Figure())
        lines = row_lines.get(key[:2], set())
        name = ".".join(key)
        if fig.value is not None:
            if fig.value != want:
                problems.append(f"{name} = {fig.value!r} (line {fig.line}:{fig.column}), but "
                                f"its figure is {want!r}")
            elif fig.line not in lines:
                problems.append(f"{name} = {fig.value!r} was read from line {fig.line}, not "
                                f"from its row's lines {sorted(lines)}")
        elif want is not None and not any(n in said for n in lines):
            problems.append(f"{name} (= {want!r}) is missing, with no warning or error on "
                            f"its row's lines {sorted(lines)}")
    for key, fig in got.items():
        if key not in printed.truth and fig.value is not None:
            problems.append(f"{'.'.join(key)} = {fig.value!r}: the printed tables have no "
                            "such figure")
    return problems


def explain(report: Report, printed: Printed, problems: list[str]) -> str:
    """A failure message: the problems, the damage, the diagnostics and the text."""
    numbered = "\n".join(f"{n:4} {ln.render()}" for n, ln in enumerate(printed.lines, 1)
                         if ln.table is not None or ln.rows)
    diagnostics = "\n".join(f"  {d.code} {d.severity.value} {d.line}:{d.column} {d.message}"
                            for d in report.diagnostics if d.severity is not Severity.NOTE)
    return (f"layout {printed.layout}, damage {list(printed.damages)}\n"
            + "\n".join(problems[:20]) + f"\n\ndiagnostics:\n{diagnostics}\n\ntables:\n{numbered}")
