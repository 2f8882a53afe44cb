"""Tables left as HTML in a text. A markdown writer keeps as its markup a table it
cannot draw with pipes or dashes, one with merged cells, which every table of the
template has: pandoc's ``markdown``, ``gfm`` and ``commonmark`` do, and html2text with
``bypass_tables``. The grammar would read each tag as a line of text.

Each such run of lines (``<table`` opening a line, to the ``</table>`` that closes it)
is read by the HTML front-end's table reader, cells, spans and all, and stands among
the text's blocks where it stood in the text. Its lines are blanked before the grammar
reads the rest, so that every other line keeps its number; a cell's location is the
HTML table's row and column and its line in the text.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right

import attrs

from govparse.diagnostics import DiagnosticSink
from govparse.document import Table
from govparse.locations import HtmlLocation
from govparse.source import table_spans


@functools.cache
def _opening() -> re.Pattern:
    """A line that opens a table's markup (markdown's HTML block: at most three
    blanks before the tag)."""
    return re.compile(r"^[ ]{0,3}<table(?=[\s/>]|$)", re.I | re.M)


def may_hold_tables(text: str) -> bool:
    """Whether a text may hold a table's markup (asked of every text: one search)."""
    return "<" in text and _opening().search(text) is not None


def cut_out(text: str) -> tuple[str, list[tuple[int, str]]]:
    """The text with each table's markup that opens a line blanked (its lines left
    empty, so that the lines after it keep their numbers; what follows ``</table>`` on
    its last line kept in place), and the markup cut out, each with the line it starts
    on. A table's markup that is never closed is left as text, and so is one that
    markdown does not show as a table (inside an HTML comment or a fenced code block)
    or the page does not show (inside an element or a fenced div it hides: a tab of
    another year's report; markup.py takes it away with its element)."""
    found: list[tuple[int, str]] = []
    pieces: list[str] = []
    done = 0  # the text before this is in pieces
    line, counted = 1, 0  # the line the text from ``counted`` on starts
    unshown = None
    for start, end in table_spans(text):
        opening = _opening().match(text, text.rfind("\n", 0, start) + 1)
        if start < done or opening is None or opening.end() != start + len("<table"):
            continue  # (a tag inside a line of text: no markdown's HTML block)
        if unshown is None:
            unshown = _unshown(text)
        if unshown:
            at = bisect_right(unshown, (start, len(text))) - 1  # (the last to start before)
            if at >= 0 and unshown[at][0] <= start < unshown[at][1]:
                continue
        markup = text[start:end]
        pieces.append(text[done:start])
        pieces.append("\n" * markup.count("\n"))
        # (the rest of its last line keeps its columns: blanks for the markup there)
        last = text.rfind("\n", start, end)
        pieces.append(" " * (end - (start if last < 0 else last + 1)))
        line += text.count("\n", counted, start)
        counted = start
        found.append((line, markup))
        done = end
    if not found:
        return text, found
    pieces.append(text[done:])
    return "".join(pieces), found


@functools.cache
def _unshown_pattern() -> re.Pattern:
    """An HTML comment, or a fenced code block (``` or ~~~, to the same fence or the
    text's end)."""
    return re.compile(r"<!--.*?(?:-->|\Z)"
                      r"|^[ ]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ ]{0,3}\1[ \t]*$|\Z)", re.S | re.M)


def _unshown(text: str) -> list[tuple[int, int]]:
    """Where the text holds what markdown shows as no table (comments, code blocks) or
    what the page hides, as spans in order, none overlapping."""
    from govparse.frontends.text.markup import hidden_spans

    spans = hidden_spans(text)
    if "<!--" in text or "```" in text or "~~~" in text:
        spans = sorted(spans + [m.span() for m in _unshown_pattern().finditer(text)])
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def read_markup(found: list[tuple[int, str]], sink: DiagnosticSink) -> list[tuple[int, list]]:
    """The blocks of the markup cut out (cut_out), each run's with the line it starts
    on: read by the HTML front-end, so that a layout table (a page's whole report in
    one cell, as Word's "Save as HTML" writes it) gives its headings and paragraphs as
    well as its data tables. The tables are numbered from 1 over the whole text, and
    every location's line, and every note's, counted in the text."""
    from govparse.frontends.html.reader import read_html

    groups: list[tuple[int, list]] = []
    tables = 0
    for first_line, markup in found:
        document = read_html(markup)
        lines = first_line - 1
        blocks = [_moved(block, lines, tables) for block in document.blocks]
        tables += sum(type(block) is Table for block in blocks)
        sink.items.extend(note if note.line is None else attrs.evolve(note, line=note.line + lines)
                          for note in document.notes)
        groups.append((first_line, blocks))
    return groups


def _moved(block, lines: int, tables: int):
    """A block read from markup cut out of a text, its locations (and its table's
    number) counted in the text."""
    moved: dict[int, HtmlLocation] = {}

    def in_text(at):
        if type(at) is not HtmlLocation:
            return at
        if id(at) not in moved:
            moved[id(at)] = attrs.evolve(
                at, line=None if at.line is None else at.line + lines,
                table=None if at.table is None else at.table + tables)
        return moved[id(at)]

    if type(block) is not Table:
        if getattr(block, "year_location", None) is not None:  # (a title's second line)
            return attrs.evolve(block, location=in_text(block.location),
                                year_location=in_text(block.year_location))
        return attrs.evolve(block, location=in_text(block.location))
    from govparse.frontends.text.lines import unemphasized

    for row in block.rows:  # (the HTML front-end's rows: tuples of cells)
        for cell in row:
            cell.location = in_text(cell.location)
            if cell.text[:1] in ("*", "_"):  # (html2text writes <strong> so in the markup too)
                cell.text = unemphasized(cell.text)
    return attrs.evolve(block, location=in_text(block.location))


def placed(blocks: tuple, groups: list[tuple[int, list]]) -> tuple:
    """The Document's blocks with each group of blocks read from markup before the
    first block that starts on a line below the markup's first."""
    from govparse.locations import line_of

    if not groups:
        return blocks
    out: list = []
    pending = sorted(groups, key=lambda group: group[0])
    next_group = 0
    for block in blocks:
        line = line_of(block.location)
        while next_group < len(pending) and line is not None and line > pending[next_group][0]:
            out.extend(pending[next_group][1])
            next_group += 1
        out.append(block)
    for _, group in pending[next_group:]:
        out.extend(group)
    return tuple(out)
