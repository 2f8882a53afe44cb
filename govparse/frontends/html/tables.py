"""A data table of an HTML page (one that holds no other table, or a small one inside a
cell: is_data_table) as the Document's
grid: each <tr> a row, each <td>/<th> a cell with its rowspan and colspan, the places
a spanning cell covers marked covered (document.Table.from_rows), every cell located
(table, grid row, grid column, source line).

A cell's text is the text of its lines (its <p>s, <div>s and <br>s), each with blanks
folded, joined with nothing between: 商业</p><p>企业 is 商业企业, 结果<br>纠正 is
结果纠正, &nbsp;<span>0</span> is 0. Two numbers on two lines of one cell are joined
with a space, so that they read as no figure at all rather than as one wrong one; so
is a superscript or subscript (a footnote's mark, 12<sup>1</sup>: "12 1", never 121).

Spans are bounded (govparse/frontends/spans.py, GP501): a span of 100,000 costs no
more than one of 10, and all spans together stay in proportion to the cells written.
"""

from __future__ import annotations

import re

from lxml import etree

from govparse.diagnostics import DiagnosticSink
from govparse.document import Cell, HtmlLocation, Table
from govparse.frontends.blocks import clean, join_lines
from govparse.frontends.html.elements import BLOCKS, SKIPPED, tag_of
from govparse.frontends.html.hiding import NOTHING_HIDDEN, SHOWN, Hiding, in_doubt, text_shown
from govparse.frontends.spans import bounded_spans

_LEADING_DIGITS = re.compile(r"\s*(\d+)")
# what parts a cell's text into lines: a block, a superscript or subscript, text
# struck through (<s>, <strike>, a style's line-through: a figure corrected in place,
# <s>12</s>15, "12 15", never 1215) and a ruby's annotation
_PARTING = BLOCKS | {"sup", "sub", "s", "strike", "rt", "rp"}
# what a cell's text leaves out: a tracked deletion (Word's "Save as HTML" of a
# document with its changes: <del>12</del><ins>15</ins> is 15, as the Word front-end
# accepts changes)
_DELETED = "del"
# elements in whose place a script may write text (document.write), or that show text
# only where scripts do not run: a cell's text on either side of one is not one text
_WRITTEN_BY_A_SCRIPT = frozenset(("script", "noscript"))
_STRUCK = re.compile(r"line-through", re.I)


def _parts(element, tag) -> bool:
    """Whether an element of a cell's text stands as lines of its own."""
    if tag in _PARTING or tag == "br":
        return True
    style = element.get("style")
    return style is not None and _STRUCK.search(style) is not None


def is_data_table(table) -> bool:
    """Whether a <table> is a data table: it holds no other table, or more cells of its
    own than the tables inside it hold (a note's small table in a header cell, which
    is left out of its cell's text: GP506). Else it is a layout table (Word's "Save as
    HTML" puts the whole report in one cell), read as the text of its cells."""
    if table.find(".//table") is None:
        return True
    own = int(table.xpath("count(./tr/td|./tr/th|./*/tr/td|./*/tr/th)"))
    return own > int(table.xpath("count(.//td|.//th)")) - own


def read_table(element, number: int, sink: DiagnosticSink,
               hiding: Hiding = NOTHING_HIDDEN, hidden: list | None = None) -> Table:
    """The Table of a <table> element, the ``number``-th data table of the page. Rows
    and cells the page takes away (``hiding``: display: none and the like) are left
    out, as a browser lays the table out without them (a cell so among a row's
    figures against copying moves those after it a column left); a cell whose text it
    hides (visibility: hidden, font-size: 0) is an empty cell; and so is what it hides
    inside a cell's text (cell_text). Each is added to ``hidden``."""
    written: list[list[Cell]] = []
    lines: dict[int, int | None] = {}  # id(a cell's pending location) -> its source line
    hidden = [] if hidden is None else hidden
    inside = element.find(".//table")
    if inside is not None:
        sink.add("GP506", f"a table written inside a cell of the page's data table {number} "
                 f"(line {inside.sourceline}) was left out of the cell's text", inside.sourceline)
    for tr, cells in _rows(element, inside is not None):
        if _hidden_row(tr, element, hiding):
            _note(tr, hidden)
            continue
        row = []
        for td in cells:
            if tag_of(td) not in ("td", "th"):
                continue
            state = hiding.of_child(td, SHOWN)  # (under a row that shows)
            if state is None:  # (no cell of the row a browser lays out)
                _note(td, hidden)
                continue
            if text_shown(state):
                text = cell_text(td, hiding, hidden)
            else:
                text = ""
                _note(td, hidden)
            pending = object()  # one per cell: where it stands is known once the grid is
            lines[id(pending)] = td.sourceline
            rowspan, colspan = td.get("rowspan"), td.get("colspan")
            row.append(Cell(text, pending,
                            1 if rowspan is None else _span(rowspan),
                            1 if colspan is None else _span(colspan)))
        written.append(row)
    bounded_spans(written, sink, lambda cell: lines.get(id(cell.location)))
    table = Table.from_rows(written)
    _locate(table, number, lines)
    return Table(table.rows, HtmlLocation(line=element.sourceline))


def _rows(table, nested: bool = False):
    """The table's rows, each as (the element that holds its cells, its cells): each
    <tr>, and each run of cells written outside one (a row whose <tr> start tag was
    left out: the HTML parser leaves its cells in the row group, where a browser
    makes them a row of their own). ``nested``: tables stand inside its cells, whose
    rows are not its own."""
    for element in table.iter("tr", "td", "th"):
        if nested and next(element.iterancestors("table")) is not table:
            continue
        if element.tag == "tr":
            yield element, list(element)
            continue
        parent, before = element.getparent(), element.getprevious()
        if parent is None or tag_of(parent) == "tr" \
                or before is not None and tag_of(before) in ("td", "th"):
            continue  # (a cell of a row, or of a run already given)
        if tag_of(parent) not in ("table", "tbody", "thead", "tfoot"):
            continue  # (a cell somewhere else: no row of the table a browser shows)
        run = [element]
        following = element.getnext()
        while following is not None and tag_of(following) in ("td", "th"):
            run.append(following)
            following = following.getnext()
        yield parent, run


def _hidden_row(tr, table, hiding: Hiding) -> bool:
    """Whether a row is hidden, or the row group (tbody, thead, tfoot) it stands in:
    what the table holds followed down to the row (a row group's visibility: hidden
    is the row's, unless the row says visible)."""
    path = []
    element = tr
    while element is not None and element is not table:
        path.append(element)
        element = element.getparent()
    state = hiding.along(reversed(path))
    return state is None or not text_shown(state)  # (a row's colour hides none of it)


def _note(element, hidden: list) -> None:
    if "".join(element.itertext()).strip():
        hidden.append(element)


def _locate(table: Table, number: int, lines: dict) -> None:
    """Each cell's location, from the grid place of the cell that stands (or, for a
    covered place, that covers it) there first."""
    located: dict[int, HtmlLocation] = {}
    for r, row in enumerate(table.rows, start=1):
        for c, cell in enumerate(row, start=1):
            key = id(cell.location)
            if key not in located:
                located[key] = HtmlLocation(number, r, c, lines.get(key))
            cell.location = located[key]


def _span(written: str) -> int:
    """A rowspan or colspan as browsers read it: its leading digits; 1 if none or 0."""
    found = _LEADING_DIGITS.match(written)
    return max(int(found.group(1)[:9]), 1) if found else 1


def cell_text(td, hiding: Hiding = NOTHING_HIDDEN, hidden: list | None = None) -> str:
    """The text of a cell: its lines, blanks folded, joined (see the module's note),
    without what the page hides inside it (``hiding``; each added to ``hidden``): 1<span
    style="display:none">7</span>2 is 12, and <font style="font-size:0">9</font> is an
    empty cell. (A cell with no element inside it hides nothing: it is not looked at
    element by element.)"""
    texts = list(td.itertext())
    hides = len(td) > 0 and any(not t.isspace() for t in texts) \
        and any(map(hiding, td.iterdescendants()))
    doubts = hiding.sheets_unread and len(td) > 0 and any(
        isinstance(e.tag, str) and hiding.unexplained(e) for e in td.iterdescendants())
    if not hides and not doubts and _one_line(td):
        return clean("".join(texts))
    # each line's pieces of text: (text, the element whose colour a reader may not see
    # it in, None where it is plain: Hiding.computed's painted)
    lines: list[list[tuple[str, object]]] = []
    pieces: list[tuple[str, object]] = []

    def end_line() -> None:
        if clean("".join(text for text, _ in pieces)):
            lines.append(list(pieces))
        pieces.clear()

    walk = etree.iterwalk(td, events=("start", "end"))
    # for the cell and each element open inside it: its (visible, sized, painted), whether
    # its text shows where the first two hold, and is plain where the third does too
    # (Hiding.computed); None: left out with all it holds, and no line parted by it
    # (display: none makes no box). (The cell is read, whatever its own style: see
    # read_table.)
    shown: list[tuple[bool, bool, bool] | None] = []
    # the superscripts (and the like) open whose own text does not show: each parts
    # a line only once text inside it shows (1<span style="visibility:hidden"><sup>7
    # </sup></span>2 is 12, as a browser shows it, not "1 2"): [element, parted yet]
    deferred: list[list] = []
    # for each element open: the element whose style hides its text (itself, or what
    # it is inside), noted once text it hides is left out; None where its text shows
    hiders: list = []
    noted: set[int] = set()
    # for each element open: the element a sheet not read may hide that it is inside
    # (itself, or what it is inside), or None (Hiding.unexplained)
    unexplained: list = []

    def drop(text: str | None, hider) -> None:
        if text and not text.isspace() and hider is not None and hidden is not None \
                and id(hider) not in noted:
            noted.add(id(hider))
            _note(hider, hidden)

    def add(text: str, unpainted=None) -> None:
        if deferred and not deferred[-1][1]:
            end_line()
            for each in reversed(deferred):  # (those before a parted one parted with it)
                if each[1]:
                    break
                each[1] = True
        pieces.append((text, unpainted))

    for event, element in walk:
        tag = tag_of(element)
        if event == "start":
            state = shown[-1] if shown else (True, True, True)
            if element is not td:
                if tag is None or tag in SKIPPED or tag == _DELETED or tag == "table":
                    if tag in _WRITTEN_BY_A_SCRIPT:
                        # (what a script writes in its place is not in the page: the text
                        # on either side stands apart, 1<script>…</script>870 no 1870)
                        end_line()
                    walk.skip_subtree()  # (a table inside the cell: read_table says so, GP506)
                    shown.append((False, False, False))
                    hiders.append(None)
                    unexplained.append(None)
                    continue
                if hides:
                    state = hiding.computed(element, *state)
                    if state is None:
                        if hidden is not None:
                            _note(element, hidden)
                        walk.skip_subtree()
                        shown.append(None)
                        hiders.append(None)
                        unexplained.append(None)
                        continue
                if _parts(element, tag):
                    if tag in BLOCKS or tag == "br" or text_shown(state):
                        end_line()  # (a block parts lines, its text shown or not)
                    else:
                        deferred.append([element, False])
            shown.append(state)
            # (noted where it hides, not where it is inside what hides)
            hiders.append(None if text_shown(state) else hiders[-1] if hiders
                          and hiders[-1] is not None else element)
            unexplained.append(unexplained[-1] if unexplained and unexplained[-1] is not None
                               else element if doubts and element is not td
                               and hiding.unexplained(element) else None)
            if element.text and text_shown(state):
                add(element.text, element if in_doubt(state) else _unread(unexplained[-1]))
            else:
                drop(element.text, hiders[-1])
        elif element is not td:
            state = shown.pop()
            hiders.pop()
            unexplained.pop()
            if deferred and deferred[-1][0] is element:
                if deferred.pop()[1]:
                    end_line()
            elif state is not None and tag != "br" and _parts(element, tag):
                end_line()
            outer = shown[-1]
            if element.tail and text_shown(outer):
                add(element.tail, element.getparent() if in_doubt(outer)
                    else _unread(unexplained[-1]))
            else:
                drop(element.tail, hiders[-1])
    end_line()
    if doubts:
        lines = _unread_resolved(lines, hiding.doubted)
    return join_lines(_painted_lines(lines, hidden))


class _Unread:
    """A piece's mark: its element may be hidden by a sheet the page's reader has and
    govparse has not read (Hiding.unexplained)."""

    __slots__ = ("element",)

    def __init__(self, element) -> None:
        self.element = element


def _unread(element) -> _Unread | None:
    return None if element is None else _Unread(element)


def _other(mark, unread: _Unread) -> bool:
    """Whether a piece's mark is not that of the same element as ``unread``'s."""
    return type(mark) is not _Unread or mark.element is not unread.element


def _unread_resolved(lines: list, doubted: dict) -> list:
    """A cell's lines with each piece a sheet not read may hide made plain, but where
    its digits touch the digits of the plain text or of another such element
    (``6<span class="cp">7</span>2``: 62 or 672 as the sheet says, which is not
    known): that piece stands apart, as a digit drawn unseen does ("6 7 2", no figure),
    its element added to ``doubted`` (by its id: GP508)."""
    out = []
    for line in lines:
        pieces = []
        for at, (text, by) in enumerate(line):
            if type(by) is _Unread:
                before = line[at - 1][0] if at else ""
                after = line[at + 1][0] if at + 1 < len(line) else ""
                # (digits of plain text, or of another such element: every digit of
                # 6<span class=n>7</span><span class=cp>2</span> may be the sheet's)
                touches = text and (text[0].isdigit() and before[-1:].isdigit() and
                                    _other(line[at - 1][1], by)
                                    or text[-1].isdigit() and after[:1].isdigit()
                                    and _other(line[at + 1][1], by))
                if touches:  # (parted from what it touches: "6 7 2", no figure)
                    doubted.setdefault(id(by.element), by.element)
                    text = f" {text} "
                by = None
            pieces.append((text, by))
        out.append(pieces)
    return out


def _painted_lines(lines: list[list[tuple[str, object]]], hidden: list | None) -> list[str]:
    """A cell's lines, where some of its text is drawn in a colour a reader may not see
    (white, transparent) among text that is plain: a digit so (a page's against copying,
    1<span style="color:#fff">7</span>2, shows 12) parts the cell's text, "1 7 2", no
    figure (GP313), never 172 nor a 12 that guesses the colour unseen; other such text
    is left out (noted, GP504). Where all of it is so drawn (white on a dark cell), it
    is read as it is."""
    unpainted = [(text, by) for line in lines for text, by in line
                 if by is not None and not text.isspace()]
    plain = any(by is None and text.strip() for line in lines for text, by in line)
    if not unpainted or not plain:
        return [clean("".join(text for text, _ in line)) for line in lines]
    digits = any(c.isdigit() for text, _ in unpainted for c in text) \
        or any(_between_digits(line) for line in lines)
    if not digits and hidden is not None:
        for by in {id(by): by for _, by in unpainted}.values():
            _note(by, hidden)
    out = []
    for line in lines:
        text = clean("".join((f" {text} " if digits else "") if by is not None else text
                             for text, by in line))
        if text:
            out.append(text)
    return out


def _between_digits(line: list[tuple[str, object]]) -> bool:
    """Whether text drawn unseen stands between two digits of the line's plain text
    (1<span style="color:#fff">x</span>0: "1 0" on white, "1x0" on a dark cell, never
    10: it takes its room either way). (Two passes: the plain text's last character
    before each piece, and its first after.)"""
    last_before: list[str] = []
    last = ""
    for text, by in line:
        last_before.append(last)
        if by is None and text.strip():
            last = text.rstrip()[-1]
    first = ""
    for at in range(len(line) - 1, -1, -1):
        text, by = line[at]
        if by is not None and not text.isspace() and last_before[at].isdigit() \
                and first.isdigit():
            return True
        if by is None and text.strip():
            first = text.lstrip()[0]
    return False


def _one_line(td) -> bool:
    """Whether the cell's text is one line: no <br>, no superscript or subscript, no
    text struck through or deleted, at most one block element (a <p> around it),
    nothing skipped (a comment, a script)."""
    blocks = 0
    for element in td.iterdescendants():
        tag = tag_of(element)
        if tag is None or tag in SKIPPED or tag == _DELETED or tag not in BLOCKS \
                and _parts(element, tag):
            return False
        if tag in BLOCKS:
            blocks += 1
            if blocks > 1:
                return False
    return True
