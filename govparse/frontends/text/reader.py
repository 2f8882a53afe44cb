"""Text to a Document: the grammar reads the title, headings and lines; each table
section's lines are split into cells and their layout decided before rows are made."""

from __future__ import annotations

import functools
import re

from govparse.core.cells import EMPTY, FIGURE_KINDS, LABEL, UNITS, WORD
from govparse.core.front_matter import is_year_first_title
from govparse.diagnostics import DiagnosticSink
from govparse.document import Cell, Document, Heading, Paragraph, Table, TextLocation, Title
from govparse.frontends.ideographs import text_with_ideographs
from govparse.frontends.text.grammar import lark_parser
from govparse.frontends.text.grid_places import with_places
from govparse.frontends.text.page_markers import without_page_markers
from govparse.frontends.text.run_together import (find_headings, looks_run_together,
                                                  read_run_together)
from govparse.frontends.text.layouts import detect_layout
from govparse.frontends.text.lines import CellLine, MaybeDrawn, SeparatorLines, strip_blanks
from govparse.frontends.text.transformer import RawReport, RawSection, RawTitle
from govparse.frontends.title_lines import join_split_title
from govparse.template.sections import TABLE_SECTIONS
from govparse.template.spec import TEMPLATES, catalogue, label_key

_PROSE_MARKS = "。；;！？"


def is_prose(text: str) -> bool:
    """A sentence in a table section, not a cell: kept as a paragraph. Long text
    counts only when it is long without blanks parting it: a line of cells parted
    by blanks (a header as pdftotext prints it: ``行政复议        行政诉讼``) is
    long, but each of its cells is short."""
    # (each mark looked for in C: a set's isdisjoint makes a str of each character)
    if any(map(text.__contains__, _PROSE_MARKS)):
        return True
    return len(text) > 60 and _has_long_part(text) and not _short_words(text)


_SHORT_WORD = 12  # characters: a header's words are short; a sentence runs on between blanks


def _short_words(text: str) -> bool:
    """Whether the text is four words or more, each short, one blank apart: a line of
    cells as a PDF's text layer writes them (the review table's fifteen headers,
    结果维持 结果纠正 … 总计, on one line), which no sentence is."""
    words = text.split()
    return len(words) >= 4 and max(map(len, words)) <= _SHORT_WORD


def _has_long_part(text: str) -> bool:
    """Whether a part of the text between its runs of two blanks or more (_cell_gap())
    is longer than 60 characters. Blanks in a part stand alone, between characters that
    are none (or at the text's ends): a part is at most twice as long as what is not a
    space in the whole text, and one more; the text is split only where that allows a
    long part (splitting tries the pattern at every character: that was most of
    reading a spaced table's long lines, whose many blanks part short cells)."""
    if 2 * (len(text) - text.count(" ")) + 1 <= 60:
        return False
    return max(map(len, _cell_gap().split(text))) > 60


@functools.cache
def _cell_gap() -> re.Pattern:
    """Blanks that part two cells of a spaced line (compiled when first wanted: a
    tab-separated text seldom asks)."""
    return re.compile(r"[\s\u3000]{2,}")


def parse_text(text: str):
    """The grammar's reading of a report's text (line ends normalised, one at the end)."""
    return lark_parser().parse(text, start="start")


def to_document(raw: RawReport, text: str, path: str | None = None,
                notes: tuple = (), header_pieces: bool = True) -> Document:
    """The blocks of a parse. ``text``: what was parsed (titles are sliced from it);
    ``notes``: what reading the source noticed before (decoding); ``header_pieces``:
    a spaced table's header cells broken over lines joined by where they stand
    (stacked_headers.py; not for a PDF's text layer, whose pieces the PDF front-end
    joins by where they stand on the page)."""
    sink = DiagnosticSink()
    sink.items.extend(notes)
    blocks: list = []
    for item in raw.front_matter:
        if type(item) is RawTitle:
            item = _title(item, text)
        elif type(item) is Paragraph and is_year_first_title(item.text):
            item = Title(item.text, item.location)  # (the grammar's title: organisation first)
        blocks.append(item)
    blocks = join_split_title(blocks, sink)  # (a PDF's title over two lines)
    source = _SourceLines(text)
    for section in raw.sections:
        blocks.extend(_section(section, sink, source, header_pieces))
    return Document(tuple(blocks), path, tuple(sink.items), _page_starts(text))


def _page_starts(text: str) -> tuple[int, ...]:
    """The line each page after the first starts on, in a text whose pages a form feed
    parts (it opens the page's first line: locations.line_ends_normalized)."""
    starts, line, last = [], 1, 0
    at = text.find("\f")
    while at >= 0:
        line += text.count("\n", last, at)
        if not starts or starts[-1] != line:
            starts.append(line)
        last = at
        at = text.find("\f", at + 1)
    return tuple(starts)


def _title(raw: RawTitle, text: str) -> Title:
    first = raw.organization or raw.year
    return Title(text[first.start_pos:raw.name.end_pos].rstrip(),
                 TextLocation(first.line, first.column))


def _section(raw: RawSection, sink: DiagnosticSink, source: _SourceLines,
             header_pieces: bool = True):
    heading, offset = strip_blanks(raw.heading)
    yield Heading(heading, TextLocation(raw.heading.line, raw.heading.column + offset))
    if raw.kind not in TABLE_SECTIONS:
        yield from raw.paragraphs
        return
    items = raw.lines
    raw.lines = ()  # the lines are read once: let them go as their rows are made
    grids = _drawn_tables(items, raw.rules, source)
    if not grids:
        yield from _tables(items, raw.kind, sink, header_pieces)
        return
    # Drawn tables (box-drawing, ASCII grids) are read as pictures (grids.py); the
    # lines around them as any table's.
    from govparse.frontends.text.grids import cut_at, read_drawn

    # (the first line of a grid cut at a width; lines count from 1)
    cut = next(filter(None, (cut_at(source.lines, run) for kind, run in grids if kind == "grid")),
               None)
    if cut is not None:
        # (wrapped at a width after it was drawn: every line of the section's tables is
        # cut so, the grid's and those between, and no cell stands in its column)
        sink.add("GP322", "a table drawn with lines was cut at a width after it was drawn "
                 "(a border runs off the line's edge: the text was wrapped); its cells stand "
                 "apart from their columns, so none of the section's tables is read",
                 cut, 1, hint="convert the page again without wrapping (w3m -cols, or no "
                              "fold) so that each line of the table is whole")
        yield from _split_prose(items, raw.kind)[1]
        return

    in_grid = {number: drawn for drawn in grids for number in drawn[1]}
    between: list = []
    done: set[int] = set()
    for item in items:
        drawn = in_grid.get(item.line)
        if drawn is None:
            between.append(item)
            continue
        if id(drawn) not in done:
            done.add(id(drawn))
            yield from _tables(between, raw.kind, sink, header_pieces)
            between = []
            yield read_drawn(source.lines, *drawn)
    yield from _tables(between, raw.kind, sink, header_pieces)


def _tables(items: list, kind: str, sink: DiagnosticSink, header_pieces: bool = True):
    """A table section's lines (other than drawn tables) as a Table, and the
    sentences among them as paragraphs."""
    lines, prose = _split_prose(items, kind)
    if lines:
        first = lines[0]
        at = TextLocation(first.line, first.cells[0].column if type(first) is CellLine
                          else first.column)
        del first
        layout = detect_layout(lines)
        rows = list(layout.rows(lines, sink))  # (a layout may let the lines go as it reads)
        if layout.NAME in ("markdown", "pipe"):
            rows = with_places(rows)  # (a full grid: each cell's place in it)
        if header_pieces and layout.NAME == "spaced":
            from govparse.frontends.text.stacked_headers import joined  # (a spaced table's)

            rows = joined(rows, kind, sink)
        if layout.NAME != "cells":
            _note_wrapped_rows(rows, sink)
        del lines
        made = []
        for index, row in enumerate(rows):
            made.append(_document_row(row))
            rows[index] = None  # (a large table: its rows' lists go as they are made)
        yield Table(tuple(made), at)
    yield from prose


class _SourceLines:
    """The text's lines by number, split only when a drawn table needs them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: dict[int, str] | None = None

    @property
    def lines(self) -> dict[int, str]:
        if self._lines is None:
            self._lines = dict(enumerate(self.text.split("\n"), start=1))
        return self._lines


def _drawn_tables(items, rules: tuple[tuple[int, str], ...],
                  source: _SourceLines) -> list[tuple[str, list[int]]]:
    """The runs of lines that are drawn tables (grids.py), when a line looks like a
    grid's rule or the section has a dashed rule of column widths (the grammar reads
    rule lines apart from the others)."""
    if not items:
        return []
    starts = _starts_a_grid(items)
    if not starts and not any(" -" in text for _, text in rules):
        return []  # (no grid's line, and no rule of dashes parted by blanks)
    # (imported when a section may hold one: about a millisecond of start-up)
    from govparse.frontends.text.grids import find_drawn, is_dashed_rule

    dashed = [number for number, text in rules if is_dashed_rule(text)]
    if not dashed and not starts:
        return []
    lines = source.lines
    first = min([items[0].line, *dashed])
    last = max([getattr(items[-1], "last_line", items[-1].line), *dashed])
    return find_drawn({n: lines[n] for n in range(first, last + 1) if n in lines})


def _starts_a_grid(items) -> bool:
    """Whether a line may be a drawn table's: one that starts with + or a box-drawing
    character, which the transformer keeps whole, as a MaybeDrawn (every other line it
    splits starts otherwise). (Asked of every line of a table section: in C.)"""
    return MaybeDrawn in map(type, items)


def _document_row(row):
    if type(row) is SeparatorLines:
        return row
    # Each cell as the core read it when its line was split: a Document cell too. A
    # number written with its unit is given as written, with that reading.
    for cell in row:
        if cell.unit is not None:
            break
    else:
        return tuple(row)  # no unit: the common case
    return tuple(c if c.unit is None else
                 Cell(c.text + c.unit, TextLocation(c.line, c.column), 1, 1, False, None, c)
                 for c in row)


def _split_prose(lines: tuple[CellLine | SeparatorLines | MaybeDrawn, ...], kind: str):
    """Sentences written in a table section are its paragraphs, not cells. (A line
    the transformer kept whole, as it may have been a drawn table's, is split here.)"""
    known = _known_labels(kind)
    cells, prose = [], []
    for ln in lines:
        if type(ln) is MaybeDrawn:
            ln = ln.split()
        at = ln.lone_label if type(ln) is CellLine and len(ln.separators) <= 1 else None
        if at is not None and _is_sentence(ln.pieces[at][1], known):
            cell = ln.cells[at]
            prose.append(Paragraph(cell.text, TextLocation(cell.line, cell.column)))
        else:
            cells.append(ln)
    return cells, tuple(prose)


def _is_sentence(text: str, known: frozenset[str]) -> bool:
    """Whether a line's lone label is a sentence: prose, no known label, and not a row
    that ends in figures. (The first two asked in the order that costs less: a known
    label is short and its key remembered; a spaced table's whole line is long, new in
    each report, and seldom prose.)"""
    if len(text) > 60:
        sentence = is_prose(text) and label_key(text) not in known
    else:
        sentence = label_key(text) not in known and is_prose(text)
    return sentence and not _ends_in_figures(text, known)


# A row written with blanks between its cells (layouts/spaced.py) ends in figures:
# 一、本年新收政府信息公开申请数量 95 0 0 0 0 0 95 is long, and no sentence; nor is a
# known row label with one figure after it, its other cells left blank (pdftotext).
@functools.cache
def _figure_word() -> re.Pattern:
    return re.compile(rf"[-+]?[0-9０-９][0-9０-９.,．]*(?:{UNITS})?")


@functools.cache
def _figure_after_blank() -> re.Pattern:
    return re.compile(r"[\s\u3000]+[-+]?[0-9０-９]")


def _figures_at_end(text: str) -> int | None:
    """Where the figures a text ends in start, with the blanks before the first of
    them (each figure a word after a blank), or None. One pass over the words: a
    search for "(blanks figure)+ blanks* $" tried every blank and read on to the end
    from each, quadratic in a long line of figures that ends in a word (atheris,
    crash-e8928b…: 说明 0 0 … 0 x, 40,000 figures, 67 s)."""
    start = None
    end = 0
    for word in WORD.finditer(text):
        if word.start() > 0 and _figure_word().fullmatch(word.group()):
            if start is None:
                start = end
        else:
            start = None
        end = word.end()
    return start


def _ends_in_figures(text: str, known: frozenset[str]) -> bool:
    start = _figures_at_end(text)
    if start is None or text.rstrip().endswith("。"):
        return False
    if len(_figure_after_blank().findall(text, start)) >= 2:
        return True
    labels = _cell_gap().split(text[:start].strip())
    return label_key(labels[-1]) in known


@functools.cache
def _known_labels(kind: str) -> frozenset[str]:
    return frozenset(key for template in TEMPLATES
                     for key in catalogue(template, kind).labels_by_key)


def _note_wrapped_rows(rows, sink: DiagnosticSink) -> None:
    """A row's figures that go on on the next line (the core reads them as one row).

    Each row here is one line's cells (every layout but ``cells``, whose rows are not
    looked at, reads a row a line; a spaced table's joined header is put on its first
    piece's line): figures go on to another line only where a row starts, after the
    figures the row before ends in, so only each row's first and last cells are
    looked at."""
    previous = None  # the last cell of the row before
    for row in rows:
        if type(row) is SeparatorLines:
            continue
        end = len(row)
        while end and row[end - 1].kind == EMPTY:
            end -= 1  # empty cells at a row's end part no figures
        if not end:
            continue
        start = 0
        if row[0].kind == EMPTY:  # the core skips the empty cells before a row's first label
            for i in range(end):
                if row[i].kind == LABEL:
                    while row[start].kind == EMPTY:
                        start += 1
                    break
        cell = row[start]
        # (its kind first: most rows start with a label)
        if previous is not None and cell.kind in FIGURE_KINDS \
                and previous.kind in FIGURE_KINDS and cell.line != previous.line:
            sink.add("GP306", f"the figures of a row continue on line {cell.line}; read as "
                     "one row", cell.line, cell.column)
        previous = row[end - 1]


def read_text(text: str, path: str | None = None, notes: tuple = (), *,
              header_pieces: bool = True, tab_stops: bool = True) -> Document:
    """A report's text (decoded, with what decoding noticed) as a Document
    (``header_pieces``: see to_document; ``tab_stops``: tabs that align a
    space-aligned text read as blanks, tab_stops.py; not in a PDF's text layer, whose
    cells are placed on its pages by their lines and columns as written)."""
    from govparse.errors import InputError
    from govparse.locations import lines_moved_by_form_feeds
    from govparse.source import normalize_newlines

    if "\ufeff" in text:
        # A byte-order mark left in the text (a second one, one inside, or text that
        # came as str) is a zero-width blank: read as a space, so that columns still
        # count every character and reprinting drops it once and for all.
        text = text.replace("\ufeff", " ")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError("GP002", "the input is binary: it holds a NUL character", line, 1,
                         path=path)
    moved_lines = lines_moved_by_form_feeds(text)
    text = normalize_newlines(text)
    text, unified = text_with_ideographs(text)  # (⾏ for 行: a PDF's text layer)
    html_markup: list = []  # (a markdown writer's table left as HTML: html_tables.py)
    marked = "<" in text or ":::" in text  # (markup a markdown writer leaves, maybe)
    if marked:
        from govparse.frontends.text.markup import may_hide

        if may_hide(text):  # (a page's report hidden until its script shows it)
            from govparse.frontends.text.cloaked import revealed

            text, shown = revealed(text)
            if shown is not None:
                notes = (*notes, shown)
    if marked and "<" in text:
        from govparse.frontends.text.html_tables import cut_out, may_hold_tables

        if may_hold_tables(text):
            text, html_markup = cut_out(text)
    markup_columns: tuple = ()
    if marked or "]{" in text:  # (a markdown writer's markup: markup.py)
        from govparse.frontends.text.markup import may_hold_markup, text_without_markup

        if may_hold_markup(text):
            text, markup_columns = text_without_markup(text)
    if unified:
        notes = (*notes, unified)
    text, page_notes = without_page_markers(text)  # (a PDF's text: pages and their numbers)
    if page_notes:
        notes = (*notes, *page_notes)
    if "\f" in text:  # (a PDF's text: its pages' running heads and feet)
        from govparse.frontends.text.running_lines import without_running_lines

        text, running_notes = without_running_lines(text)
        if running_notes:
            notes = (*notes, *running_notes)
    source_columns: tuple = ()
    if tab_stops and "\t" in text:  # (space-aligned text whose blanks became tabs)
        from govparse.frontends.text.tab_stops import with_tabs_expanded

        text, tab_notes, source_columns = with_tabs_expanded(text)
        if tab_notes:
            notes = (*notes, *tab_notes)
    found = find_headings(text) if looks_run_together(text) else None
    if found:
        # Run-together text: the grammar reads the front matter only (run_together.py)
        front = _parsed(text[:found[0][1]] + "\n", path, notes)
        document = read_run_together(text, found, front)
    else:
        document = _parsed(text, path, notes, header_pieces)
    if html_markup:
        document = _with_html_tables(document, html_markup)
    if markup_columns:
        source_columns = _composed(source_columns, markup_columns)
    if source_columns or moved_lines:
        import attrs

        document = attrs.evolve(document, source_columns=source_columns,
                                source_lines=moved_lines)
    return document


def _composed(after: tuple, before: tuple) -> tuple:
    """Two changes of lines' columns made one after the other (each as
    with_tabs_expanded gives them: (line, the column before the change of each
    character after it)): the source's column of each character after both."""
    if not after:
        return before
    composed = dict(before)
    for line, columns in after:
        earlier = composed.get(line)
        composed[line] = columns if earlier is None else tuple(
            earlier[c - 1] if 0 < c <= len(earlier) else c for c in columns)
    return tuple(sorted(composed.items()))


def _with_html_tables(document: Document, markup: list) -> Document:
    """The Document with the tables cut out of its text as HTML read in their places."""
    import attrs

    from govparse.frontends.text.html_tables import placed, read_markup

    sink = DiagnosticSink()
    groups = read_markup(markup, sink)
    return attrs.evolve(document, blocks=placed(document.blocks, groups),
                        notes=(*document.notes, *sink.items))


def _parsed(text: str, path: str | None, notes: tuple, header_pieces: bool = True) -> Document:
    """The Document of the grammar's parse of a text (line ends normalised)."""
    from govparse.errors import GrammarError
    from govparse.frontends.text._standalone import LarkError, UnexpectedInput

    try:
        raw = parse_text(text)
    except UnexpectedInput as exc:  # the grammar accepts every line; this is a bug
        raise GrammarError("GP100", f"the grammar cannot read this line: {exc.__class__.__name__}",
                           getattr(exc, "line", None), getattr(exc, "column", None),
                           path=path) from None
    except LarkError as exc:
        raise GrammarError("GP100", f"the grammar failed: {exc}", path=path) from None
    return to_document(raw, text, path, notes, header_pieces)
