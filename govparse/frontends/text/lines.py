"""A table line's cells, split at the grammar's separators; runs of empty lines.

A table section's lines reach here as the grammar read them (one LINES token a run);
each line is split into cells at SEP (tab, pipe, full-width pipe) in one
regular-expression pass, several times faster than feeding the LALR parser cell by
cell (the grammar's rule `row` does that; tests/test_grammar.py holds the two equal).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from itertools import accumulate
from typing import Iterator

from govparse.core.cells import EMPTY, LABEL, Cell, classify, line_cells
from govparse.document import Cell as DocumentCell
from govparse.document import EmptyCells, TextLocation

PIPES = frozenset("|｜")


@functools.cache
def _separator_kept(full_width_pipe: bool) -> re.Pattern:
    """SEP of the grammar: one character between two cells (split_cells counts on
    it), kept by the split. The full-width pipe only for a line that holds one: re
    makes a class of the three separators, one beyond Latin-1, a table of all 65,536
    characters (2.4M instructions, its prefix's and its own), which most texts never
    need."""
    return re.compile("([\t|｜])" if full_width_pipe else "([\t|])")


class CellLine:
    """One line of a table as written: each of its pieces as split_cells read it
    (kind, text, offset, value, unit: see _read_line), its separators, and whether
    it starts with one. Its cells are made when first asked for, and once: a layout
    that keeps only some of a line's cells makes only those (cells_between), where
    making a cell is most of what splitting a line costs (markdown's border pipes,
    the one-cell-a-line layout's indentation: a fifth to a half of their cells)."""

    __slots__ = ("line", "column", "pieces", "separators", "indented", "signs", "_cells")

    def __init__(self, line: int, column: int, pieces: tuple, separators: str,
                 indented: bool, signs: tuple[int, ...]) -> None:
        self.line = line
        self.column = column  # where the line's text starts
        self.pieces = pieces
        self.separators = separators  # the separator characters, in order
        self.indented = indented  # the line starts with a separator
        self.signs = signs  # what deciding the table's layout counts of it (layout_signs)
        self._cells: tuple[Cell, ...] | None = None

    @classmethod
    def of_cells(cls, line: int, cells: tuple[Cell, ...], separators: str,
                 indented: bool) -> CellLine:
        """A line whose cells are made already (the grammar's rule `row`)."""
        pieces = tuple((c.kind, c.text, c.column - 1, c.value, c.unit) for c in cells)
        made = cls(line, 1, pieces, separators, indented,
                   layout_signs(pieces, separators, indented))
        made._cells = cells
        return made

    @property
    def cells(self) -> tuple[Cell, ...]:
        """Every cell of the line, empty ones included."""
        if self._cells is None:
            self._cells = line_cells(self.pieces, self.line, self.column)
        return self._cells

    def cells_between(self, start: int, stop: int) -> tuple[Cell, ...]:
        """The cells of the pieces [start:stop], the others not made: for a layout,
        which asks it in place of ``cells`` (a cell asked for again is made again)."""
        if self._cells is not None:
            return self._cells[start:stop]
        return line_cells(self.pieces[start:stop], self.line, self.column)

    @property
    def has_text(self) -> bool:
        """Whether a cell of the line is not empty."""
        return any(piece[0] != EMPTY for piece in self.pieces)

    @property
    def lone_label(self) -> int | None:
        """Which piece is the line's only one that is not empty, when it is a label:
        maybe a sentence."""
        found = None
        for index, piece in enumerate(self.pieces):
            if piece[0] != EMPTY:
                if found is not None or piece[0] != LABEL:
                    return None
                found = index
        return found

    def __eq__(self, other: object) -> bool:
        if type(other) is not CellLine:
            return NotImplemented
        return (self.line, self.cells, self.separators, self.indented) == \
            (other.line, other.cells, other.separators, other.indented)

    __hash__ = None  # (its cells are mutable)

    def __repr__(self) -> str:
        return (f"CellLine(line={self.line!r}, cells={self.cells!r}, "
                f"separators={self.separators!r}, indented={self.indented!r})")


def bordered(ln: CellLine) -> bool:
    """A line that starts and ends with a pipe: | a | b |."""
    return _bordered(ln.pieces, ln.separators, ln.indented)


def _bordered(pieces: tuple, separators: str, indented: bool) -> bool:
    return len(pieces) > 2 and indented and pieces[-1][0] == EMPTY \
        and separators[0] in PIPES and separators[-1] in PIPES


def layout_signs(pieces: tuple, separators: str, indented: bool) -> tuple[int, ...]:
    """What deciding a table's layout counts of a line (layouts.LineCounts sums them
    over the table's lines): whether it has separators, a pipe among them, whether it
    is one indented cell, starts with a border pipe; whether it has no separator, and
    then whether a figure stands after a blank. Told as the line's pieces are read,
    once while the same line keeps coming (counted a line at a time in Python, they
    were about 48 bytecodes a line of every table)."""
    if not separators:
        return 0, 0, 0, 0, 1, has_figure_after_blank(pieces[0][1])  # (its one piece)
    piped = not PIPES.isdisjoint(separators)
    # (a line of separators only is no sign either way of a border)
    return (1, piped, indented and len(separators) == 1,
            piped and (_bordered(pieces, separators, indented)
                       or all(piece[0] == EMPTY for piece in pieces)), 0, 0)


@functools.cache
def _figure_after_blank() -> re.Pattern:
    # A blank, maybe a sign, a digit: written from the digit, which re finds in a C
    # loop, the blank looked behind for (from the blank, every blank of a line of
    # many would be tried).
    return re.compile(r"[0-9０-９](?:(?<=[\s\u3000][0-9０-９])|(?<=[\s\u3000][-+][0-9０-９]))")


def has_figure_after_blank(text: str) -> bool:
    """What makes a line of a spaced table: a figure after a blank."""
    return _figure_after_blank().search(text) is not None


_CHUNK = 1 << 16  # characters of a run of lines split at once


def split_lines(run: str) -> Iterator[str]:
    """The lines of a run of lines that ends with a line end (each line without it),
    split a chunk at a time: a list of them all, a str a line, would be most of what
    a section of a million short lines of separators takes."""
    start, size = 0, len(run)
    while start < size:
        end = run.find("\n", start + _CHUNK)
        end = size if end < 0 else end + 1
        yield from run[start:end].split("\n")[:-1]
        start = end


class SeparatorLines(EmptyCells):
    """Two or more table lines in a row that hold separators only (blank lines may
    stand between them): every cell of theirs is empty. They are kept as their text,
    not split: a Cell a separator costs about a hundred times the text's size, and a
    table section of nothing else (a page's empty grid) would take gigabytes. In
    the one-cell-a-line layout each line stands for one empty cell, made by
    ``cells()`` where a row's figures need it (tables.logical_rows); in the other
    layouts such lines add no cell to the stream (cell_stream)."""

    __slots__ = ("line", "column", "text", "last_line", "count", "piped", "single")
    # In a cell stream they stand for their lines' cells, which are empty.
    kind = EMPTY
    is_figure = False
    lone_label = None  # as a CellLine's: the lines hold no label

    def __init__(self, line: int, column: int) -> None:
        self.line = line  # where the first line is, and the column it starts at
        self.column = column
        self.text = ""  # the lines, each with its line end; set by the transformer
        self.last_line = line
        # what detect_layout() counts: lines, lines with a pipe, lines of one separator
        self.count = self.piped = self.single = 0

    def add(self, line: int, body: str) -> None:
        """One more line; ``body``: its separators, without the blanks around them."""
        self.last_line = line
        self.count += 1
        self.piped += "|" in body or "｜" in body
        self.single += len(body) == 1

    @property
    def signs(self) -> tuple[int, ...]:
        """What deciding the layout counts of its lines (as layout_signs tells a line's):
        each has separators, the piped ones a pipe and a border, those of one
        separator are one indented cell."""
        return self.count, self.piped, self.single, self.piped, 0, 0

    def lines(self) -> Iterator[CellLine]:
        """Each line as split_cells() reads it."""
        column = self.column
        for number, text in enumerate(split_lines(self.text), start=self.line):
            if text.strip(BLANK):
                yield split_cells(text, number, column)
            column = 1

    @property
    def location(self) -> TextLocation:
        return TextLocation(self.line, self.column)

    def cells(self) -> Iterator[DocumentCell]:
        """The cell each line stands for in the one-cell-a-line layout: the empty one
        after its first separator (as the layout takes it from an indented line)."""
        for ln in self.lines():
            empty = ln.cells[1]
            yield DocumentCell("", TextLocation(empty.line, empty.column))

    def __repr__(self) -> str:
        return f"SeparatorLines(line={self.line}, count={self.count})"



class MaybeDrawn:
    """A table line that may be a drawn table's: it starts with ``+`` or a box-drawing
    character. It is split into cells only when it turns out not to be (reader.py):
    a drawn table is read from the text's lines, and its lines' cells would go unused."""

    __slots__ = ("line", "text", "column")

    def __init__(self, text: str, line: int, column: int) -> None:
        self.text = text
        self.line = line
        self.column = column

    def split(self) -> CellLine:
        return split_cells(self.text, self.line, self.column)


def may_be_drawn(body: str) -> bool:
    """Whether a line's text (blanks around it removed) may be a drawn table's."""
    first = body[:1]
    return first == "+" or "\u2500" <= first <= "\u257f"


# ---------------------------------------------------------------- splitting a line


# A blank, as the grammar has it ([^\S\t\n]): every whitespace character but the tab
# and the line end, written out for str.strip (tests hold it to str.isspace).
BLANK = ("\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
         "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
BLANKS = BLANK + "\t"  # what the grammar counts as blank around a line's text
SEPARATORS_AND_BLANKS = BLANKS + "|｜"  # what a line of empty cells is made of


def strip_blanks(text: str) -> tuple[str, int]:
    """The text without the grammar's blanks around it, and how many went before.
    (Not str.strip(): that strips more, and text it strips would read otherwise.)"""
    body = text.strip(BLANKS)
    return body, (len(text) - len(text.lstrip(BLANKS)) if body else 0)


class MarkedLine(CellLine):
    """A line of no separator that holds a converter's markup (markup.py): its one
    piece is its text without the markup, and ``raw`` the line as written, so that a
    layout that splits the line at its blanks (spaced.py) finds each word at its
    column in the source."""

    __slots__ = ("raw",)


def split_cells(text: str, line: int, column: int) -> CellLine:
    """A table line's cells, as the grammar's rule `row` reads them.

    ``text`` starts at ``column`` of ``line``. An empty cell stands just after the
    separator before it (at column 1 when it opens the line)."""
    read = _line_reading(text) if len(text) <= _LONGEST_REMEMBERED else _read_line(text)
    if not read[1] and ("]{" in text or "<" in text):
        # (a converter's markup on a line of no separator: the spaced layout places its
        # words where the source has them, MarkedLine)
        marked = MarkedLine(line, column, *read)
        marked.raw = text
        return marked
    return CellLine(line, column, *read)


def _read_line(text: str) -> tuple:
    """What split_cells makes of a line wherever it stands: for each cell its (kind,
    text, offset of the cell in the line (None: column 1 of the line, an empty cell
    that opens it), value, unit); the separators; whether the line is indented; its
    layout_signs."""
    parts = _separator_kept("｜" in text).split(text)  # piece, separator, piece, ..., piece
    pieces = []
    start = 0  # where the piece starts in text
    readings = _READINGS
    for raw in parts[::2]:
        kind, body, offset, value, unit = readings.get(raw) or reading(raw)
        if kind == EMPTY:
            pieces.append((EMPTY, "", start if start else None, None, None))
        else:
            pieces.append((kind, body, start + offset, value, unit))
        start += len(raw) + 1
    pieces = tuple(pieces)
    separators = "".join(parts[1::2])
    indented = bool(separators) and pieces[0][0] == EMPTY
    return pieces, separators, indented, layout_signs(pieces, separators, indented)


# The same lines come back report after report (a label, a row of zeros): each is
# read once while it keeps coming. Bounded, and only short lines, so that what is
# remembered stays under a megabyte whatever the input.
_LONGEST_REMEMBERED = 200  # characters
_line_reading = functools.lru_cache(maxsize=1024)(_read_line)


# The same pieces come back line after line and report after report (0, 12, the
# template's labels): each is read once. Bounded, so that an input of a million
# different figures does not fill memory; and only short pieces (the template's
# longest label has 35 characters), so that the lines that seldom come back (a
# grid's or a spaced table's whole line is one piece) do not take the places of those
# that do.
_READINGS: dict[str, tuple] = {}
_MAX_READINGS = 4096
_LONGEST_READING = 48  # characters


# A piece's reading where it is remembered, else None: one C-level call, for a loop
# over many pieces to ask before calling reading().
remembered = _READINGS.get


def reading(raw: str) -> tuple:
    """A piece's (kind, text, blanks before it, value, unit), as classify reads it;
    remembered while the same pieces keep coming."""
    known = _READINGS.get(raw)
    if known is not None:
        return known
    body = raw.strip(BLANK)
    offset = len(raw) - len(raw.lstrip(BLANK)) if body else 0
    if "]{" in body or "<" in body:  # (a converter's markup left in the cell: markup.py)
        from govparse.frontends.text.markup import cell_without_markup

        body, moved = cell_without_markup(body)
        offset += moved
    if body[:1] in _EMPHASIS_MARKS:
        body, offset = _unemphasized(body, offset)
    cell = classify(body, None, None)
    known = (cell.kind, cell.text, offset, cell.value, cell.unit)
    if len(raw) <= _LONGEST_READING and len(_READINGS) < _MAX_READINGS:
        _READINGS[raw] = known
    return known


# (body[:1] of an empty body is "": in any string, so the marks are a tuple)
_EMPHASIS_MARKS = ("*", "_")
_EMPTY_EMPHASIS = frozenset(("****", "__", "******"))  # (html2text's <b></b>, <em></em>, both)


def unemphasized(text: str) -> str:
    """A cell's text without markdown's strong or emphasis marks around the whole of it
    (_unemphasized)."""
    return _unemphasized(text, 0)[0] if text[:1] in _EMPHASIS_MARKS else text


def _unemphasized(body: str, offset: int) -> tuple[str, int]:
    """A cell's text without the marks of markdown's strong or emphasis around the
    whole of it (html2text writes a page's <b>, <strong> and <em> so: a total in bold,
    ``**218**``, a bold row label; ``***218***`` both), and where it then starts; as it
    is where the marks stand around only a part. Marks around nothing (``****``, an empty
    <b></b>) are an empty cell's."""
    if body in _EMPTY_EMPHASIS:
        return "", 0
    text, start = body, offset
    while text[:1] in _EMPHASIS_MARKS:
        mark = text[:2] if text[:2] in ("**", "__") else text[:1]
        if len(text) <= 2 * len(mark) or not text.endswith(mark):
            break
        inner = text[len(mark):-len(mark)]
        text = inner.strip(BLANK)
        start += len(mark) + len(inner) - len(inner.lstrip(BLANK))
    if text is body or not text or text[:1] in _EMPHASIS_MARKS:
        return body, offset
    return text, start


def char_width(char: str) -> int:
    """Display columns a character takes where converters and PDF tools lay text
    out: 2 for a wide or full-width (CJK) character, else 1."""
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


# Each character's width, looked up once: a line's widths are then taken in one
# C-level map (a Python call a character was most of reading a drawn or spaced
# table). Bounded: past it, widths are measured a character at a time.
_WIDTHS: dict[str, int] = {}
_MAX_WIDTHS = 1 << 14


def _widths(text: str):
    """The display width of each character of a text that is not ASCII, lazily."""
    widths = _WIDTHS
    missing = set(text).difference(widths)
    if missing:
        if len(widths) + len(missing) > _MAX_WIDTHS:
            return map(char_width, text)
        for char in missing:
            widths[char] = char_width(char)
    return map(widths.__getitem__, text)


# The width of a short text that is not ASCII (a label, a word of a spaced line, a
# cell's text in a grid), remembered: the same ones come back line after line and
# report after report. Bounded, and only short texts.
_TEXT_WIDTHS: dict[str, int] = {}
_MAX_TEXT_WIDTHS = 4096
_LONGEST_TEXT_WIDTH = 100  # characters


# A short text's width where it is remembered, else None: one C-level call, for a
# loop over many texts that are not ASCII to ask before calling display_width().
remembered_width = _TEXT_WIDTHS.get


def display_width(text: str) -> int:
    """Display columns a text takes (char_width of each character)."""
    if text.isascii():
        return len(text)
    width = _TEXT_WIDTHS.get(text)
    if width is None:
        width = sum(_widths(text))
        if len(text) <= _LONGEST_TEXT_WIDTH and len(_TEXT_WIDTHS) < _MAX_TEXT_WIDTHS:
            _TEXT_WIDTHS[text] = width
    return width


def display_columns(text: str, offset: int = 0) -> list[int]:
    """The display column each character of ``text`` starts at, counting from
    ``offset``, and one past its end."""
    if text.isascii():
        return list(range(offset, offset + len(text) + 1))
    return list(accumulate(_widths(text), initial=offset))
