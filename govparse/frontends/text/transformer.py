"""The Lark transformer: one method per grammar rule, from tokens to raw parts.

It runs inside the LALR parse (``transformer=``), so no tree is built; positions
are read from the tokens. It keeps no state, so one parser serves every parse.
govparse.frontends.text.reader makes the Document's blocks of these parts; what
they mean (which row, which figure) the core decides.
"""

from __future__ import annotations

from govparse.frontends.text._standalone import Token, Transformer, v_args
from govparse.core.cells import EMPTY, LABEL, NUMBER, PLACEHOLDER, Cell, number_value
from govparse.document import Paragraph, TextLocation
from govparse.frontends.text.lines import (
    BLANK,
    SEPARATORS_AND_BLANKS,
    CellLine,
    MaybeDrawn,
    SeparatorLines,
    may_be_drawn,
    split_cells,
    split_lines,
    strip_blanks,
)
from govparse.template.sections import TABLE_SECTIONS, heading_kind


# What the parse gives the reader (reader.py). Plain classes: a NamedTuple costs a cold start
# about a tenth of a millisecond to define, and nothing here needs a tuple.


class RawTitle:
    __slots__ = ("organization", "year", "name")

    def __init__(self, organization: Token | None, year: Token, name: Token) -> None:
        self.organization = organization
        self.year = year
        self.name = name


class RawSection:
    __slots__ = ("kind", "heading", "paragraphs", "lines", "rules")

    def __init__(self, kind: str, heading: Token, paragraphs: tuple[Paragraph, ...] = (),
                 lines: tuple[CellLine | SeparatorLines | MaybeDrawn, ...] = (),
                 rules: tuple[tuple[int, str], ...] = ()) -> None:
        self.kind = kind
        self.heading = heading
        self.paragraphs = paragraphs
        self.lines = lines
        self.rules = rules  # a table section's rule lines (---, |---|): (number, text)


class RawReport:
    __slots__ = ("front_matter", "sections")

    def __init__(self, front_matter: tuple[RawTitle | Paragraph, ...],
                 sections: tuple[RawSection, ...]) -> None:
        self.front_matter = front_matter
        self.sections = sections


def _lines(run: Token, read):
    """Each line of a run of lines, read with its own line and column."""
    column = run.column  # the first line starts where the token does
    for number, text in enumerate(run.split("\n")[:-1], start=run.line):
        item = read(text, number, column)
        if item is not None:
            yield item
        column = 1


def _table_lines(run: Token):
    """Each line of a run of table lines, as its cells (a line that may be a drawn
    table's as a MaybeDrawn, split later if it is not); a blank line has none (a line
    holding only a tab is an empty cell: in the one-cell-a-line layout it stands for
    a missing figure). Two or more lines of separators only, with nothing but blank
    lines between them, come as one SeparatorLines, a slice of the run's text."""
    column = run.column  # the first line starts where the token does
    offset = 0  # where the line starts in the run
    grid: SeparatorLines | None = None  # the lines of separators only so far
    for number, text in enumerate(split_lines(run), start=run.line):
        body = text.strip(BLANK)
        if body and not body.strip(SEPARATORS_AND_BLANKS):
            if grid is None:
                grid, start, first = SeparatorLines(number, column), offset, text
            grid.add(number, body)
            end = offset + len(text) + 1
        elif body:
            if grid is not None:
                yield _grid_or_line(grid, run[start:end], first)
                grid = None
            if may_be_drawn(body):
                yield MaybeDrawn(text, number, column)  # (split if it is no drawn table's)
            else:
                yield split_cells(text, number, column)
        offset += len(text) + 1
        column = 1
    if grid is not None:
        yield _grid_or_line(grid, run[start:end], first)


def _grid_or_line(grid: SeparatorLines, text: str, first: str) -> SeparatorLines | CellLine:
    """The lines of separators only; one such line alone is split as any other."""
    if grid.count == 1:
        return split_cells(first, grid.line, grid.column)
    grid.text = text
    return grid


def _paragraph(text: str, line: int, column: int) -> Paragraph | None:
    body, offset = strip_blanks(text)
    if not body:
        return None  # a line of blanks only is no paragraph
    return Paragraph(body, TextLocation(line, column + offset))


@v_args(inline=True)
class ReportTransformer(Transformer):
    def start(self, front_matter, *sections):
        return RawReport(front_matter, sections)

    # `?paragraph` is inlined: its tokens come to the rule above, which saves a
    # callback a token.

    def front_matter(self, *items):
        return tuple(p for i in items
                     for p in (_lines(i, _paragraph) if isinstance(i, Token) else (i,)))

    def title(self, organization, year, name):
        return RawTitle(organization, year, name)

    def section(self, heading: Token, body: tuple[Token, ...]) -> RawSection:
        kind = heading_kind(heading)
        if kind in TABLE_SECTIONS:
            lines = tuple(cells for run in body if run.type == "LINES"
                          for cells in _table_lines(run))
            rules = tuple((run.line, str(run).rstrip("\n")) for run in body
                          if run.type == "RULE")
            return RawSection(kind, heading, lines=lines, rules=rules)
        # In a narrative a rule line (----) is text like any other.
        return RawSection(kind, heading,
                          paragraphs=tuple(p for run in body for p in _lines(run, _paragraph)))

    def body(self, *runs: Token) -> tuple[Token, ...]:
        return runs

    def row(self, *children) -> CellLine:
        """A line parsed cell by cell (start symbol `row`): the reference for split_cells."""
        cells: list[Cell] = []
        separators: list[str] = []
        line = next(
            (c.line for c in children if c is not None), 0
        )  # a row has at least one token or cell
        # Where an empty cell stands: after the separator before it (column 1 at the start).
        next_column = 1
        for child in children:
            if isinstance(child, Token) and child.type == "SEP":
                separators.append(str(child))
                next_column = child.column + 1
            elif child is None:
                cells.append(Cell(EMPTY, "", line, next_column))
            else:
                cells.append(child)
        indented = children[0] is None and len(children) > 1
        return CellLine.of_cells(line, tuple(cells), "".join(separators), indented)

    def figure(self, token: Token, unit: Token | None = None) -> Cell:
        if token.type == "PLACEHOLDER":
            return Cell(PLACEHOLDER, str(token), token.line, token.column)
        value = number_value(str(token))
        return Cell(NUMBER, str(token), token.line, token.column, value,
                    str(unit) if unit is not None else None)

    def label(self, token: Token) -> Cell:
        return Cell(LABEL, str(token), token.line, token.column)
