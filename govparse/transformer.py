"""The Lark transformer: one method per grammar rule, from tokens to raw parts.

It runs inside the LALR parse (``transformer=``), so no tree is built; positions
are read from the tokens. It keeps no state, so one parser serves every parse. Deciding what the parts mean (which row, which figure)
is left to build.py, which sees the whole report at once.
"""

from __future__ import annotations

import attrs
from lark import Token, Transformer, v_args

from govparse.cells import EMPTY, LABEL, NUMBER, PLACEHOLDER, Cell, CellLine, number_value
from govparse.model import Paragraph


@attrs.frozen
class RawTitle:
    organization: Token | None
    year: Token
    name: Token


@attrs.frozen
class RawSection:
    kind: str
    heading: Token
    paragraphs: tuple[Paragraph, ...] = ()
    lines: tuple[CellLine, ...] = ()


@attrs.frozen
class RawReport:
    front_matter: tuple[RawTitle | Paragraph, ...]
    sections: tuple[RawSection, ...]


def _narrative_section(kind: str):
    def method(self, heading: Token, paragraphs: tuple[Paragraph, ...]) -> RawSection:
        return RawSection(kind, heading, paragraphs=paragraphs)

    method.__name__ = kind
    return method


def _table_section(kind: str):
    def method(self, heading: Token, lines: tuple[CellLine, ...]) -> RawSection:
        return RawSection(kind, heading, lines=lines)

    method.__name__ = kind
    return method


@v_args(inline=True)
class ReportTransformer(Transformer):
    def start(self, front_matter, *sections):
        return RawReport(front_matter, sections)

    def front_matter(self, *items):
        return tuple(i for i in items if i is not None)

    def title(self, organization, year, name):
        return RawTitle(organization, year, name)

    def paragraph(self, text: Token) -> Paragraph | None:
        stripped = text.strip()
        if not stripped:
            return None  # a line of tabs and spaces only
        offset = len(text) - len(text.lstrip())
        return Paragraph(stripped, text.line, text.column + offset)

    def narrative(self, *paragraphs):
        return tuple(p for p in paragraphs if p is not None)

    overview = _narrative_section("overview")
    active_disclosure = _table_section("active_disclosure")
    applications = _table_section("applications")
    review_litigation = _table_section("review_litigation")
    problems = _narrative_section("problems")
    other_matters = _narrative_section("other_matters")

    def table(self, *lines):
        return tuple(ln for ln in lines if ln is not None)

    def rule(self, _token):
        return None

    def row(self, *children) -> CellLine:
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
        return CellLine(line, tuple(cells), "".join(separators), indented)

    def figure(self, token: Token, unit: Token | None = None) -> Cell:
        if token.type == "PLACEHOLDER":
            return Cell(PLACEHOLDER, str(token), token.line, token.column)
        value = number_value(str(token))
        return Cell(NUMBER, str(token), token.line, token.column, value,
                    str(unit) if unit is not None else None)

    def label(self, token: Token) -> Cell:
        return Cell(LABEL, str(token), token.line, token.column)
