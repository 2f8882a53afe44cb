"""Header cells broken over lines, joined again: a spaced table's header as
``pdftotext -layout`` prints a PDF whose columns are too narrow for their headers,
each line holding a piece of several columns' headers::

    自然人   商业企 科研机 社会公益 法律服          总计
                                          其他
             业     构       组织    务机构

Read line by line, the pieces are labels of no table (GP201) and the columns have no
header (GP207), so that the figures of a row short of one cannot be placed under
their headers (GP314). Here the pieces are put together again where the text tells,
among a run of lines with no figure:

- a piece and the pieces on the lines below it that stand over it (their display
  columns overlap), top to bottom, spell a column header of the templates (商业企 +
  业: 商业企业; 社会 + 公益 + 组织), each one of them what the pieces so far begin;
- on each line a piece is taken from, exactly one piece not yet taken that stands
  under the one above goes on with it (a converter's columns are approximate: the
  pieces under 社会 may be 公益 and the next column's 服务, of which only 公益 goes on;
  under 结果, 维持 and 纠正 both would, and neither is taken);
- the longest such header wins; a piece that starts none stays as it was.

In text that keeps no columns (pdfplumber's ``extract_text``: every line from the
left margin, its words one blank apart), pieces stand over one another by chance:
there the pieces of a line that begin a header go on, one each and in order, with
those of the next line (``结果维 结果纠 其他 尚未`` / ``持 正 结果 审结``), where
that explains the whole run (``_in_reading_order``); else they are joined by place
as above.

The joined header stands on its first piece's line, with the extent of all its
pieces, among that line's other cells in the order of their places (one GP307 note a
table). Only the header's words decide: a row label broken over lines is the table
reader's (govparse/core/row_labels.py), and a PDF's pieces are joined by where its
characters stand on the page (govparse/frontends/pdf/grid_cells.py), not here.
"""

from __future__ import annotations

import functools

from govparse.core.cells import LABEL, WORD, Cell
from govparse.diagnostics import DiagnosticSink
from govparse.frontends.text.lines import display_width
from govparse.template.spec import label_key

MOST_PIECES = 4  # a header written over more lines than this is not looked for


class _Piece:
    """A word of a label cell on a line of the run, with its display columns."""

    __slots__ = ("row", "cell", "start", "end", "text", "x0", "x1", "taken")

    def __init__(self, row: int, cell: Cell, start: int, end: int, x0: float) -> None:
        self.row, self.cell, self.start, self.end = row, cell, start, end
        self.text = cell.text[start:end]
        self.x0, self.x1 = x0, x0 + display_width(self.text)
        self.taken = False

    def over(self, other: _Piece) -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1


@functools.cache
def _headers(kind: str) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The keys of the column headers of a section's table (``kind``), in both
    templates; and, the headers written without blanks, every beginning of each (what
    a header's first pieces spell), those that are not the whole header (what a piece
    that others go on from is), and every part of each after its first character
    (what a piece below another may be)."""
    from govparse.template.sections import TABLE_SECTIONS
    from govparse.template.spec import TEMPLATES, catalogue

    tables = [catalogue(template, kind) for template in TEMPLATES if kind in TABLE_SECTIONS]
    keys = frozenset(key for cat in tables for key in cat.headers_by_key)
    written = {"".join(label.split()) for cat in tables for label in cat.headers_by_key.values()}
    return (keys, frozenset(w[:end] for w in written for end in range(1, len(w) + 1)),
            frozenset(w[:end] for w in written for end in range(1, len(w))),
            frozenset(w[start:end] for w in written for start in range(1, len(w))
                      for end in range(start + 1, len(w) + 1)))


def _may_join(run: list[tuple[Cell, ...]], kind: str) -> bool:
    """Whether a line of the run holds a word that a header goes on from and a line
    below it one that can go on from another (looked at before any piece is
    measured: most runs of lines with no figure are whole headers and row labels)."""
    _, _, unfinished, parts = _headers(kind)
    return any(word in unfinished for row in run[:-1] for cell in row
               for word in WORD.findall(cell.text)) and \
        any(word in parts for row in run[1:] for cell in row for word in WORD.findall(cell.text))


def joined(rows: list, kind: str, sink: DiagnosticSink) -> list:
    """The spaced layout's rows of a section's table (``kind``: its section, as
    govparse.template.sections names it) with its headers' pieces joined (see the
    module's docstring)."""
    out: list = []
    run: list = []  # rows of labels only, in a row
    notes: list[tuple[Cell, list[_Piece]]] = []
    for row in rows:
        if type(row) is tuple and row and row[-1].kind == LABEL \
                and all(c.kind == LABEL for c in row):  # (a row of figures ends with one)
            run.append(row)
            continue
        out.extend(_joined_run(run, kind, notes) if len(run) > 1 and _may_join(run, kind) else run)
        run = []
        out.append(row)
    out.extend(_joined_run(run, kind, notes) if len(run) > 1 and _may_join(run, kind) else run)
    if notes:
        first, pieces = notes[0]
        count = len(notes)
        sink.add("GP307", f"{count} column header{'s are' if count != 1 else ' is'} written over "
                 f"several lines, a piece a line; each is read joined (first: "
                 f"{' / '.join(p.text for p in pieces)} as '{first.text}')",
                 first.line, first.column, length=len(pieces[0].text))
    return out


def _joined_run(run: list[tuple[Cell, ...]], kind: str, notes: list) -> list[tuple[Cell, ...]]:
    pieces = [_pieces_of(index, row) for index, row in enumerate(run)]
    made: dict[int, list[tuple[Cell, list[_Piece]]]] = {}  # by the row of its first piece
    headers = _headers(kind)
    chains = None if _keeps_columns(run) else _in_reading_order(pieces, headers)
    for chain in _by_place(pieces, headers) if chains is None else chains:
        for part in chain:
            part.taken = True
        cell = _joined_cell(chain)
        made.setdefault(chain[0].row, []).append((cell, chain))
        notes.append((cell, chain))
    if not made:
        return run
    out = []
    for index, row in enumerate(run):
        if index not in made and not any(p.taken for p in pieces[index]):
            out.append(row)
            continue
        # each cell where it starts: a joined header where its first piece stands (a
        # piece below may be wider, and reach past the next header's start)
        # (in reading order, a run of whole headers left between the pieces taken is
        # as many cells: 尚未审结 结果维持 其他结果, one blank apart, names three columns)
        placed = [(c.x[0], c) for cell in row
                  for c in _rest_of(cell, pieces[index], headers[0] if chains else None)]
        placed.extend((chain[0].x0, cell) for cell, chain in made.get(index, ()))
        placed.sort(key=lambda item: item[0])
        if placed:
            out.append(tuple(cell for _, cell in placed))
    return out


def _by_place(pieces: list[list[_Piece]], headers) -> list[list[_Piece]]:
    """The pieces that together spell a header, each under the one above
    (_longest_header), from the top line down, left to right."""
    chains = []
    for line in pieces[:-1]:
        for piece in line:
            if not piece.taken and piece.text in headers[2]:  # (others may go on from it)
                chain = _longest_header(piece, pieces, headers)
                if chain is not None:
                    for part in chain:
                        part.taken = True
                    chains.append(chain)
    return chains


def _keeps_columns(run: list[tuple[Cell, ...]]) -> bool:
    """Whether the run's lines show places of their own: a line indented otherwise
    than another, or two blanks or more between two words of a line. Where every line
    starts at one column and each word stands one blank after the last (pdfplumber's
    ``extract_text``: a PDF's words in reading order, a line those at one height), a
    word's place follows from the words before it on its line, and pieces that stand
    over one another do so by chance."""
    starts = set()
    for row in run:
        cells = [c for c in row if c.x is not None]
        if not cells:
            continue
        starts.add(cells[0].x[0])
        if any("  " in c.text for c in cells) \
                or any(b.x[0] - a.x[1] > 1 for a, b in zip(cells, cells[1:])):
            return True
    return len(starts) > 1


def _in_reading_order(pieces: list[list[_Piece]], headers) -> list[list[_Piece]] | None:
    """Header cells broken over lines in text that keeps no columns (_keeps_columns),
    put together by reading order: the pieces of a line that begin a header without
    being one (``结果维 结果纠 其他 尚未``, left to right) go on, one each, with the
    pieces of the next line that is not whole headers only (the tall ``总计 总计``
    centred between), as many and in the same order (``持 正 结果 审结``), each
    spelling with it what a header begins; until each spells a header. None where a
    line holds two such pieces or more and the run is not so explained throughout
    (then the pieces are joined by where they stand, as before); or where no line
    holds two (a PDF's text layer writing a cell's lines one after another)."""
    keys, beginnings, unfinished, _ = headers
    chains: list[list[_Piece]] = []
    open_: list[list[_Piece]] = []  # the cells that go on, left to right
    several = False
    for line in pieces:
        if open_:
            if len(line) == len(open_) and all(
                    "".join(p.text for p in chain) + piece.text in beginnings
                    for chain, piece in zip(open_, line)):
                for chain, piece in zip(open_, line):
                    chain.append(piece)
                done = [c for c in open_ if label_key("".join(p.text for p in c)) in keys]
                chains.extend(done)
                open_ = [c for c in open_ if c not in done]
                continue
            if line and all(label_key(p.text) in keys for p in line):
                continue  # (whole headers between: a tall cell centred in its rows)
            return None
        open_ = [[p] for p in line if p.text in unfinished and label_key(p.text) not in keys]
        several = several or len(open_) > 1
    if open_ or not several:
        return None
    return chains


def _pieces_of(index: int, row: tuple[Cell, ...]) -> list[_Piece]:
    """The words of a row's label cells that have display columns."""
    pieces = []
    for cell in row:
        if cell.x is None or cell.line is None:
            continue
        at = 0
        x = cell.x[0]
        for word in WORD.finditer(cell.text):
            start, end = word.span()
            x += display_width(cell.text[at:start])
            piece = _Piece(index, cell, start, end, x)
            pieces.append(piece)
            x, at = piece.x1, end
    return pieces


def _longest_header(first: _Piece, pieces: list[list[_Piece]], headers) -> list[_Piece] | None:
    """The longest run of pieces from ``first`` down that spells a column header
    (``headers``: _headers' sets); None when there is none, or two as long."""
    keys, beginnings, _, _ = headers
    found: list[list[_Piece]] = []
    chains = [[first]]
    while chains:
        chain = chains.pop()
        text = "".join(p.text for p in chain)
        if len(chain) > 1 and label_key(text) in keys:
            found.append(chain)
        if len(chain) == MOST_PIECES:
            continue
        last = chain[-1]
        for line in pieces[last.row + 1:]:
            under = [p for p in line if not p.taken and p.over(last)
                     and text + p.text in beginnings]
            if len(under) > 1:
                break  # two pieces under it go on with it: which one does cannot be told
            if under:
                chains.append(chain + under)
    longest = max(map(len, found), default=0)
    best = [chain for chain in found if len(chain) == longest]
    return best[0] if len(best) == 1 else None


def _joined_cell(chain: list[_Piece]) -> Cell:
    first = chain[0]
    return Cell(LABEL, "".join(p.text for p in chain), first.cell.line,
                first.cell.column + first.start, None, None, None,
                (min(p.x0 for p in chain), max(p.x1 for p in chain)))


def _rest_of(cell: Cell, pieces: list[_Piece], whole: frozenset[str] | None = None):
    """The cell, or where some of its words were taken into a header, the runs of
    words left, each a cell of its own; given ``whole`` (the keys of the headers), a
    run of words that are each a header is a cell a word."""
    mine = [p for p in pieces if p.cell is cell]
    if not any(p.taken for p in mine):
        yield cell
        return
    run: list[_Piece] = []
    for piece in [*mine, None]:
        if piece is not None and not piece.taken:
            run.append(piece)
            continue
        if run:
            apart = whole is not None and all(label_key(p.text) in whole for p in run)
            for part in [[p] for p in run] if apart else [run]:
                start, end = part[0].start, part[-1].end
                yield Cell(LABEL, cell.text[start:end], cell.line, cell.column + start, None,
                           None, None, (part[0].x0, part[-1].x1))
            run = []
