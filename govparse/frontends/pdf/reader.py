"""A PDF's text layer, read with pypdfium2 (BSD/Apache; about 20 ms for a 5-page
report), as the text the text front-end reads: pages in order, parted by a form feed,
each page's text as pdfium lays it out (one line of the page a line). The tables come
out as ``spaced`` rows (govparse/frontends/text/layouts/spaced.py): a row label and
its figures parted by blanks.

- The form feeds between pages tell the text front-end to drop the page numbers
  (govparse/frontends/text/page_markers.py), so that none is read as a figure.
- A PDF pypdfium2 cannot open (broken, or encrypted with a password) is GP006; one
  with no text at all (a scan) is GP007: govparse does no OCR.

The figures' places are the lines and columns of this text (``govparse fmt FILE``
prints it, and diagnostics show it), and each figure's ``location`` is its page and the
box its characters take there (``PdfLocation``; ``with_pdf_locations``).
"""

from __future__ import annotations

import bisect
import contextlib
import ctypes
import math
import struct
import threading
from typing import Iterator

import attrs

from govparse.document import PdfLocation
from govparse.emit.outline import figure_text
from govparse.model.figures import located_figure
from govparse.model.report import Report
from govparse.errors import InputError
from govparse.frontends.pdf.pieces import union
from govparse.frontends.pdf.rules import Rules, page_rules

# PDFium is not thread-safe, not even across documents: one PDF is read at a time in
# a process, whose threads may read files side by side (a Dask worker's do).
_PDFIUM = threading.Lock()


class PdfPlaces:
    """Where each character of the text layer stands: its page and box (x0, y0, x1,
    y1 in points, from the page's bottom left), by its offset in the text; and each
    page's ruling lines. Both are asked of pdfium when first wanted (only a table's
    characters and the places diagnostics name are: a report's prose, about half its
    characters, never is), so the PDF stays open while it is read (``opened_pdf``)."""

    def __init__(self) -> None:
        self.pages: list[tuple[int, int]] = []  # (offset where the page's text starts, page)
        self._starts: list[int] = []  # (each page's offset alone: bisected for each character)
        self.line_starts: list[int] = [0]  # the offset of each line of the text, from 1
        # page: (pdfium page, text page, its _CharBoxes, text, where \r\n were made \n)
        self._read: dict[int, tuple] = {}
        self._rules: dict[int, Rules] = {}
        self._length = 0
        self._last = ""  # the text's last character so far ("": none)
        # by offset, filled when first asked (_UNKNOWN until then): the glyph's box
        # (None for a blank); and where the character stands in the table's grid: its
        # glyph's box, or where that is flat (a font the PDF does not embed, a dash) the
        # box its font gives it (its advance, ascent and descent; pdfium's "loose" box,
        # which is no good for a glyph turned or scaled apart); None for a character
        # written turned (its extent across the page is no column's)
        self._boxes: list = []
        self._loose: list = []
        self.notes: list = []  # (what reading the pages noticed: running.py's note)

    def add_page(self, page: int, pdf_page, textpage, raw: str, boxes: _CharBoxes) -> str:
        """The page's text as the text front-end reads it (line ends as \n); the page
        and its text page are kept for its characters' boxes and rules (``boxes``:
        the text page's, _CharBoxes)."""
        # pdfium's line ends are \r\n: each is read as a \n, or where it parts two
        # characters of one line of the page (_within_line) as a blank or nothing.
        # ``dropped``: the offsets in the page's text where a character of pdfium's
        # was dropped, once for each; a character's index in pdfium's text page is its
        # offset and the drops at or before it
        parts: list[str] = []
        dropped: list[int] = []
        last = 0
        for at in _all(raw, "\r\n"):
            parts.append(raw[last:at])
            offset = at - len(dropped)
            between = _within_line(raw, at, boxes)
            kept = "\n" if between is None else between
            parts.append(kept)
            dropped.extend([offset] * (2 - len(kept)))
            last = at + 2
        text = "".join(parts) + raw[last:] if parts else raw
        text = text.replace("\r", "\n")
        start = self._length
        self.pages.append((start, page))
        self._starts.append(start)
        self._read[page] = (pdf_page, textpage, boxes, text, dropped)
        self._last = text[-1:] or self._last
        self.line_starts.extend(start + at + 1 for at in _all(text, "\n"))
        self._length += len(text)
        self._boxes.extend([_UNKNOWN] * len(text))
        self._loose.extend([_UNKNOWN] * len(text))
        return text

    def line_of(self, page: int, index: int) -> int:
        """The line of the text where the character at ``index`` of the page's text
        page stands (its page added)."""
        start = next(start for start, number in self.pages if number == page)
        dropped = self._read[page][4]
        removed = [at + j for j, at in enumerate(dropped)]  # (pdfium's indices of those dropped)
        return bisect.bisect_right(self.line_starts, start + index
                                   - bisect.bisect_left(removed, index))

    def separator(self) -> str:
        """What parts a page from the one before: a form feed, on a line of its own
        with the next page's first line. pdfium ends no page's last line: without a
        line end the two pages' lines would be one (a table's last row and the next
        page's heading: one row, whose labels the heading's words would join)."""
        # (a page with no text, an empty one or a picture's: the form feed before it
        # ends the line the one after it would stand on, as locations.line_ends_normalized
        # counts them; counted one line short here, every place after was a line off,
        # each cell given another's characters or none)
        between = "\f" if self._last in ("", "\n") else "\n\f"
        self._last = "\f"
        if len(between) == 2:
            self.line_starts.append(self._length + 1)
        self._length += len(between)
        self._boxes.extend([None] * len(between))
        self._loose.extend([None] * len(between))
        return between

    def rules_on(self, page: int) -> Rules:
        """The page's ruling lines (a table's grid)."""
        rules = self._rules.get(page)
        if rules is None:
            read = self._read.get(page)
            rules = self._rules[page] = page_rules(read[0]) if read is not None else Rules()
        return rules

    def box(self, offset: int):
        """The box of the glyph at an offset (None: a blank, or none there)."""
        box = self._boxes[offset]
        if box is _UNKNOWN:
            self._measure(offset)
            box = self._boxes[offset]
        return box

    def loose_in(self, start: int, end: int) -> list[tuple[int, tuple]]:
        """(offset, box) of each character in [start, end) that has a place in a
        table's grid (see __init__: its "loose" box)."""
        loose, out = self._loose, []
        for offset in range(start, end):
            box = loose[offset]
            if box is _UNKNOWN:
                self._measure(offset)
                box = loose[offset]
            if box is not None:
                out.append((offset, box))
        return out

    def _measure(self, offset: int) -> None:
        start, page = self.pages[bisect.bisect_right(self._starts, offset) - 1]
        _, textpage, boxes, text, dropped = self._read[page]
        at = offset - start
        if text[at].isspace():
            self._boxes[offset] = self._loose[offset] = None
            return
        index = at + bisect.bisect_right(dropped, at)
        box, turned = boxes.box(index)
        self._boxes[offset] = box
        if turned:
            self._loose[offset] = None  # its line runs across the page: no extent
        else:
            self._loose[offset] = (box if box[0] < box[2] and box[3] - box[1] >= 1
                                   else textpage.get_charbox(index, loose=True))

    def close(self) -> None:
        for pdf_page, textpage, *_ in self._read.values():
            textpage.close()
            pdf_page.close()
        self._read.clear()

    def offset_at(self, line: int, column: int) -> int | None:
        """The offset in the text of a line and column (from 1)."""
        if not 0 < line <= len(self.line_starts) or column < 1:
            return None
        return self.line_starts[line - 1] + column - 1

    def page_at(self, offset: int) -> int:
        """The page the character at an offset stands on."""
        return self.pages[bisect.bisect_right(self._starts, offset) - 1][1]

    def locate_at(self, line: int, column: int, length: int) -> PdfLocation | None:
        """The page and box of the characters at a line and column of the text."""
        if not 0 < line <= len(self.line_starts):
            return None
        return self.locate(self.line_starts[line - 1] + column - 1, length)

    def locate(self, offset: int, length: int) -> PdfLocation | None:
        """The page and box of the characters [offset, offset + length)."""
        if offset < 0:
            return None
        start, end = offset, min(offset + max(length, 1), self._length)
        boxes = self._boxes[start:end]  # (a figure's: measured when its cell was placed)
        if _UNKNOWN in boxes:
            boxes = [self.box(at) for at in range(start, end)]
        boxes = [b for b in boxes if b is not None]
        if not boxes:
            return None
        return PdfLocation(self.page_at(offset), union(boxes))


_UNKNOWN = object()  # a character's box not asked of pdfium yet


def _within_line(raw: str, at: int, boxes: _CharBoxes) -> str | None:
    """What the line end pdfium wrote at ``at`` (a \r\n) stands for where it parts two
    characters of one line of the page, the next just right of the one before on its
    baseline (a heading whose words the PDF writes in two pieces: 四、政府信息公开行政复
    / 议、行政诉讼情况): nothing where no blank stands between them, a blank where one
    does or where digits stand on both sides (the ends of two cells' figures may stand
    closer than a blank: joined, they would be one number, wrong). None: a line end."""
    if at == 0 or at + 2 >= len(raw) or raw[at - 1].isspace() or raw[at + 2].isspace():
        return None
    (_, bottom, right, top), turned = boxes.box(at - 1)
    (next_left, next_bottom, _, next_top), next_turned = boxes.box(at + 2)
    height = max(top - bottom, next_top - next_bottom)
    if turned or next_turned or height <= 0 \
            or not right - 0.1 * height <= next_left < right + height:
        return None
    # (on one line, the two glyphs' boxes stand alike; where one is small or low, a
    # point, a bracket, 二, a full-width 、 whose glyph takes the left of its place,
    # and the two stand as close as a word's characters, by their glyphs or by the
    # places their font gives them, their baselines and sizes tell instead: a
    # browser's print of a page sets each character of a cell by itself, and pdfium
    # parts 2. / 其他, （ / 二 / ） and 补正、 / 行政 with line ends. Further apart, they
    # may be two cells' texts side by side.)
    apart = next_left - right
    if abs(next_bottom - bottom) >= 0.15 * height \
            or abs((next_top - next_bottom) - (top - bottom)) >= 0.5 * height:
        if apart >= _CLOSE * height:
            apart = boxes.loose_gap(at - 1, at + 2)
        if apart >= _CLOSE * height or not boxes.on_one_baseline(at - 1, at + 2):
            return None
    if raw[at - 1] in _NUMERAL and raw[at + 2] in _NUMERAL:
        return " "  # (two cells' figures side by side, 12 | 34: never one number, 1234)
    return "" if apart < _CLOSE * height else " "


_NUMERAL = frozenset("0123456789.,")
_CLOSE = 0.3  # of a character's height: two characters closer than this have no blank between


def _all(text: str, what: str):
    """The offset of each ``what`` in the text."""
    at = text.find(what)
    while at >= 0:
        yield at
        at = text.find(what, at + 1)


class _CharBoxes:
    """A text page's characters: each one's box, and whether it is written turned,
    asked of pdfium directly (govparse/frontends/pdf/pdfium_calls.py: pypdfium2's
    ``get_charbox`` makes four doubles a call, for every character of the page)."""

    def __init__(self, textpage) -> None:
        from govparse.frontends.pdf import pdfium_calls as pdfium

        self._box, self._angle = pdfium.char_box, pdfium.char_angle
        self._baseline = pdfium.char_baseline
        self._textpage = textpage
        self._page = pdfium.argument(pdfium.handle(textpage.raw))
        self._sides, self._at = pdfium.out_references(ctypes.c_double, 4)
        # (each as first asked: a character either side of a line end is asked again
        # when its cell is placed, a fifth of those a report asks)
        self._known: dict[int, tuple] = {}

    def loose_gap(self, index: int, following: int) -> float:
        """How far the place the font gives a character (its advance, pdfium's loose
        box) stands from the next one's."""
        return self._textpage.get_charbox(following, loose=True)[0] \
            - self._textpage.get_charbox(index, loose=True)[2]

    def on_one_baseline(self, index: int, other: int) -> bool:
        """Whether two characters stand on one baseline in one font size (a tenth of
        it apart at most): of one line of the page, however their glyphs differ."""
        first, second = self.baseline(index), self.baseline(other)
        size = max(first[1], second[1])
        return size > 0 and abs(first[1] - second[1]) <= 0.1 * size \
            and abs(first[0] - second[0]) <= 0.1 * size

    def baseline(self, index: int) -> tuple[float, float]:
        """The character's origin's height on the page and its font's size."""
        return self._baseline(self._page, index)

    def box(self, index: int) -> tuple[tuple[float, float, float, float], bool]:
        """The glyph's box (left, bottom, right, top), and whether it is written turned
        (its line not along the page's x axis)."""
        known = self._known.get(index)
        if known is not None:
            return known
        left, right, bottom, top = self._at
        if not self._box(self._page, index, left, right, bottom, top):
            import pypdfium2 as pdfium

            raise pdfium.PdfiumError("Failed to get charbox.")
        left, right, bottom, top = _SIDES.unpack_from(self._sides)
        angle = self._angle(self._page, index) % _TURN
        known = self._known[index] = ((left, bottom, right, top),
                                      0.01 < angle < _NEAR_TURN)
        return known


_TURN = 2 * math.pi
_NEAR_TURN = _TURN - 0.01
_SIDES = struct.Struct("4d")  # the four doubles pdfium wrote, read at once


@contextlib.contextmanager
def opened_pdf(data: bytes, name: str | None) -> Iterator[tuple[str, PdfPlaces]]:
    """The text of a PDF's pages and where its characters stand, while the PDF is
    open: its characters' boxes and pages' rules are read from it as they are asked
    for. (pdfium's lock is held meanwhile: one PDF is read at a time in a process.) A
    PDF pdfium cannot open or read is GP006, one with no text (a scan) GP007."""
    import pypdfium2 as pdfium

    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            reason = str(exc)
            what = ("it is encrypted (a password is needed)" if "password" in reason.lower()
                    else f"it is broken ({reason})")
            raise InputError("GP006", f"the PDF could not be opened: {what}", path=name) from None
        places = PdfPlaces()
        try:
            text = "".join(_pages_text(document, places))
            if not text.strip():
                count = len(document)
                raise InputError("GP007", f"the PDF has {count} page{'s' if count != 1 else ''} "
                                 "but no text: a scan, which govparse cannot read (it does no "
                                 "OCR)", path=name)
            yield text, places
        except pdfium.PdfiumError as exc:
            raise InputError("GP006", f"the PDF could not be read: {exc}", path=name) from None
        finally:
            places.close()
            document.close()


def _pages_text(document, places: PdfPlaces) -> Iterator[str]:
    """Each page's text and what parts it from the next, its pages kept in ``places``;
    the pages' running heads and feet blanked (running.py), their note kept in
    ``places.notes``."""
    from govparse.frontends.pdf.running import first_line_box, running_lines, running_note

    pages = []
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        pages.append((page, textpage, textpage.get_text_range(), _CharBoxes(textpage)))
    blank, lines = running_lines(pages)
    first = where = None  # (where the first running line stands: in the text, on its page)
    for index, ((page, textpage, raw, boxes), offsets) in enumerate(zip(pages, blank)):
        if index:
            yield places.separator()
        if offsets:
            raw = "".join(" " if at in offsets else char for at, char in enumerate(raw))
        yield places.add_page(index + 1, page, textpage, raw, boxes)
        if offsets and first is None:
            first = places.line_of(index + 1, min(offsets))
            where = PdfLocation(index + 1, first_line_box(offsets, boxes))
    if lines:
        places.notes.append(running_note(lines, first, where))


def with_pdf_locations(report: Report, places: PdfPlaces) -> Report:
    """The report with each figure read from the text layer located on its page."""
    located = []
    for table, row, column, figure in report.table_figures():
        if figure.value is None or figure.line is None or figure.column is None:
            continue
        written = figure_text(figure.value) + (figure.unit or "")
        location = places.locate_at(figure.line, figure.column, len(written))
        if location is not None:
            located.append((table, row, column, located_figure(figure, location)))
    return report.replace_figures(located)


def with_pdf_places(diagnostics, document, places: PdfPlaces) -> tuple:
    """The diagnostics, each about a place of the text layer located on its page
    (``location``: page and box) and, about a table cell, given the cell's row label,
    column header and text (``context``), as a page's diagnostics are: a PDF's text
    layer is no source a person reads. (The text layer's rows do not stand in a grid
    of columns: the header is the labels that stand over the cell's middle on the
    page, govparse.core.places.)"""
    from govparse.core.places import with_context
    from govparse.locations import TextLocation

    in_text = [attrs.evolve(d, location=TextLocation(d.line, d.column))
               if d.location is None and d.line is not None and d.column is not None
               and d.line <= len(places.line_starts) else d for d in diagnostics]
    out = []
    for before, d in zip(diagnostics, with_context(document, in_text)):
        if d is before:
            out.append(d)
            continue
        place = places.locate_at(d.line, d.column, d.length)
        out.append(attrs.evolve(d, location=place) if place is not None
                   else attrs.evolve(d, location=None, context=None))
    return tuple(out)
