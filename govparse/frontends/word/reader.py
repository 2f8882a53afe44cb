"""A Word file (.docx, Office Open XML) to a Document, from its XML (the zip's
``word/document.xml``, parsed with lxml, which govparse has for HTML already):

- the body's paragraphs in order, each a title, heading or paragraph
  (govparse/frontends/blocks.py), content controls (``w:sdt``) read through;
- each table a grid: a cell's ``w:gridSpan`` is its colspan, a ``w:vMerge`` restart
  and the ``continue`` cells below it one cell with that rowspan (the continued cells
  are covered places), a ``w:hMerge`` restart and the ``continue`` cells after it
  (Word 97's horizontal merge, which converters still write) one cell with their
  colspans summed; ``w:gridBefore`` leaves the row's first grid columns empty; cells
  inside a content control or a custom XML element (``w:sdt``, ``w:customXml``) are
  the row's cells in their places; a cell's text is its paragraphs' lines joined
  (商业 / 企业 is 商业企业); a table inside a table's cell is layout: the outer table
  is read as the text of its cells;
- every cell located by table, grid row and grid column (WordLocation), every
  paragraph by its number in the body (WordLocation with table 0);
- the text as Word shows it (govparse/frontends/word/displayed.py): tracked changes
  accepted, hidden runs left out, a raised, lowered or struck run a line of its own
  (12 and a raised 1, a footnote's mark, reads as "12 1", no figure, never as 121),
  each by the run's own properties or its styles'; of alternate content the choice
  Word shows, of a field its result;
- custom XML around the body's paragraphs and tables read through.

A file that is no Word document (a zip without word/document.xml, a broken one) is
GP006's sibling for Word, an InputError; nothing here raises anything else.
"""

from __future__ import annotations

import io
import zipfile

from govparse.diagnostics import DiagnosticSink
from govparse.document import Cell, Document, Table, WordLocation
from govparse.errors import InputError
from govparse.frontends.blocks import block_of, clean, join_lines
from govparse.frontends.title_lines import join_split_title
from govparse.frontends.ideographs import ideographs_note, with_ideographs
from govparse.frontends.spans import bounded_spans
from govparse.frontends.word.displayed import as_displayed

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARAGRAPH, _TABLE, _SDT, _ROW, _CELL = W + "p", W + "tbl", W + "sdt", W + "tr", W + "tc"
# What may stand between a row and its cells: a content control, a custom XML element
_CUSTOM_XML = W + "customXml"
_CELL_WRAPPERS = frozenset((_SDT, W + "sdtContent", _CUSTOM_XML))


# word/document.xml unpacked may be this large: a report's is a few MB; a zip bomb
# (a small file that unpacks to gigabytes) is refused before it fills the memory.
MAX_UNPACKED = 100 * 1024 * 1024


def read_docx(data: bytes, path: str | None = None, notes: tuple = ()) -> Document:
    import zlib

    from lxml import etree

    try:
        xml, styles = _document_xml(data, path)
        root = etree.fromstring(xml, etree.XMLParser(huge_tree=True, resolve_entities=False))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, EOFError, OSError,
            NotImplementedError, RuntimeError, zlib.error, etree.XMLSyntaxError) as exc:
        # broken, truncated, encrypted (RuntimeError) or packed in a way zipfile does
        # not read (NotImplementedError)
        raise InputError("GP006", f"the Word file could not be read: {exc}", path=path) from None
    as_displayed(root, styles, etree)
    body = root.find(W + "body")
    sink = DiagnosticSink()
    sink.items.extend(notes)
    _with_ideographs(root, sink, etree)
    blocks: list = []
    counter = _Counter()
    if body is not None:
        _read_flow(body, blocks, counter, sink)
    return Document(tuple(join_split_title(blocks, sink)), path, tuple(sink.items))


def _with_ideographs(root, sink: DiagnosticSink, etree) -> None:
    """Each run's text with the characters that stand for ideographs read as them (⾏
    for 行: text copied out of a PDF), with one note (GP013) quoting the first run.
    (The document's text looked through at once first: most have none.)"""
    if with_ideographs(etree.tostring(root, method="text", encoding="unicode"))[1] is None:
        return
    count, first = 0, None
    for node in root.iter(W + "t"):
        if node.text:
            text, found = with_ideographs(node.text)
            if found:
                first = first or (found, node.text)
                node.text = text
                count += found[0]
    if first:
        (_, _, written), run = first
        sink.items.append(ideographs_note((count, 0, written),
                                          where=f", in the text “{run[:20]}”"))


def _document_xml(data: bytes, path: str | None) -> tuple[bytes, bytes | None]:
    """The zip's word/document.xml, read at most MAX_UNPACKED bytes far (the size the
    zip states may be a lie), and its word/styles.xml where it has one (None where
    it has none, or one over MAX_UNPACKED: then no style is taken for hiding)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        with archive.open("word/document.xml") as part:
            xml = part.read(MAX_UNPACKED + 1)
        if len(xml) > MAX_UNPACKED:
            raise InputError("GP003", f"the Word file's text (word/document.xml) unpacks to "
                             f"more than {MAX_UNPACKED // (1024 * 1024)} MB, the limit: a zip "
                             "bomb, or no report", path=path)
        styles = None
        if "word/styles.xml" in archive.namelist():
            with archive.open("word/styles.xml") as part:
                styles = part.read(MAX_UNPACKED + 1)
            if len(styles) > MAX_UNPACKED:
                styles = None
    return xml, styles


class _Counter:
    """The numbers given so far: paragraphs of the body, tables of the file."""

    def __init__(self) -> None:
        self.paragraphs = 0
        self.tables = 0


def _read_flow(parent, blocks: list, counter: _Counter, sink: DiagnosticSink) -> None:
    """The paragraphs and tables of a part of the body, in order (no recursion into
    tables but through layout tables, which are few and shallow in a report)."""
    stack = [iter(parent)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
            continue
        tag = element.tag
        if tag == _PARAGRAPH:
            counter.paragraphs += 1
            block = block_of(_paragraph_text(element),
                             WordLocation(0, counter.paragraphs, 1))
            if block is not None:
                blocks.append(block)
        elif tag == _TABLE:
            inside = element.find(".//" + _TABLE)
            if inside is not None and not _holds_more_than(element):
                # a layout table: its cells' text read as the body's
                stack.append(iter([c for tr in element.iter(_ROW) if _owns(element, tr)
                                   for tc in _row_cells(tr) for c in tc]))
            else:
                counter.tables += 1
                if inside is not None:
                    sink.add("GP506", f"a table written inside a cell of the document's table "
                             f"{counter.tables} was left out of the cell's text")
                blocks.append(_table(element, counter.tables, sink, inside is not None))
        elif tag == _SDT:
            content = element.find(W + "sdtContent")
            if content is not None:
                stack.append(iter(content))
        elif tag == _CUSTOM_XML:  # (custom XML around paragraphs and tables: read through)
            stack.append(iter(element))


def _holds_more_than(table) -> bool:
    """Whether a table that holds tables has more cells of its own than they hold (a
    note's small table in a header cell): a data table, the tables inside left out of
    their cells' text. (A layout table holds the report's tables in a cell or few.)"""
    own = sum(len(_row_cells(tr)) for tr in table.iter(_ROW) if _owns(table, tr))
    return own > sum(1 for _ in table.iter(_CELL)) - own


def _owns(table, tr) -> bool:
    """Whether a row belongs to this table, not to one inside it."""
    return next(tr.iterancestors(_TABLE)) is table


def _row_cells(tr) -> list:
    """A row's cells (w:tc) in order, those a content control or a custom XML element
    wraps too: leaving one out would move every cell after it a column to the left."""
    cells = []
    stack = [iter(tr)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == _CELL:
            cells.append(child)
        elif child.tag in _CELL_WRAPPERS:
            stack.append(iter(child))
    return cells


def _paragraph_lines(paragraph) -> list[str]:
    """A paragraph's lines (a w:br or w:cr ends one), blanks folded; none empty."""
    parts = []
    for node in paragraph.iter(W + "t", W + "tab", W + "br", W + "cr"):
        tag = node.tag
        parts.append(node.text or "" if tag == W + "t" else " " if tag == W + "tab" else "\n")
    return [line for line in (clean(part) for part in "".join(parts).split("\n")) if line]


def _paragraph_text(paragraph) -> str:
    return join_lines(_paragraph_lines(paragraph))


def _cell_text(tc, nested: bool = False) -> str:
    """A cell's text (``nested``: without the text of a table inside it)."""
    return join_lines([line for p in tc.iter(_PARAGRAPH)
                       if not nested or next(p.iterancestors(_CELL)) is tc
                       for line in _paragraph_lines(p)])


def _int(element, name: str, default: int = 1) -> int:
    if element is None:
        return default
    try:
        return max(int(element.get(W + name) or default), 0)
    except ValueError:
        return default


def _table(table, number: int, sink: DiagnosticSink, nested: bool = False) -> Table:
    """The grid of a table (``nested``: with small tables inside its cells, whose rows
    are not its own and whose text is left out of its cells')."""
    # first pass: where each cell stands, its colspan and its vertical merge
    placed: list[list[tuple[int, int, object, str | None]]] = []
    before: list[int] = []  # grid columns left empty at each row's start (w:gridBefore)
    for tr in table.iter(_ROW):
        if nested and not _owns(table, tr):
            continue
        properties = tr.find(W + "trPr")
        column = _int(properties.find(W + "gridBefore") if properties is not None else None,
                      "val", 0)
        before.append(column)
        row = []
        for tc in _row_cells(tr):
            tc_pr = tc.find(W + "tcPr")
            span = _int(tc_pr.find(W + "gridSpan") if tc_pr is not None else None, "val") or 1
            merge = tc_pr.find(W + "vMerge") if tc_pr is not None else None
            state = None if merge is None else (merge.get(W + "val") or "continue")
            joined = tc_pr.find(W + "hMerge") if tc_pr is not None else None
            if joined is not None and (joined.get(W + "val") or "continue") == "continue" \
                    and row:
                # merged into the cell before it: that cell spans this one's columns too
                start, before_span, first, first_state = row[-1]
                row[-1] = (start, before_span + span, first, first_state)
            else:
                row.append((column, span, tc, state))
            column += span
        placed.append(row)
    # second pass: a restart's rowspan is the continue cells below it in its column
    rows = []
    for r, row in enumerate(placed):
        cells = [Cell("", WordLocation(number, r + 1, c + 1)) for c in range(before[r])]
        for column, span, tc, state in row:
            if state == "continue":
                continue  # covered by the restart above
            rowspan = 1
            if state == "restart":
                for below in placed[r + 1:]:
                    if any(c == column and s == "continue" for c, _, _, s in below):
                        rowspan += 1
                    else:
                        break
            cells.append(Cell(_cell_text(tc, nested), WordLocation(number, r + 1, column + 1),
                              rowspan, span))
        rows.append(cells)
    bounded_spans(rows, sink, lambda cell: None)
    return Table.from_rows(rows, WordLocation(number, 1, 1))
