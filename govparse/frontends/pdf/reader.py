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
import ctypes
import math
import threading

import attrs

from govparse.diagnostics import Diagnostic
from govparse.document import PdfLocation
from govparse.emit.outline import figure_text
from govparse.model.report import Report
from govparse.errors import InputError
from govparse.frontends.pdf.pieces import union
from govparse.frontends.pdf.rules import Rules, page_rules

# PDFium is not thread-safe, not even across documents: one PDF is read at a time in
# a process, whose threads may read files side by side (a Dask worker's do).
_PDFIUM = threading.Lock()


class PdfPlaces:
    """Where each character of the text layer stands: its page and box (x0, y0, x1,
    y1 in points, from the page's bottom left), by its offset in the text."""

    def __init__(self) -> None:
        self.pages: list[tuple[int, int]] = []  # (offset where the page's text starts, page)
        self.boxes: list[tuple[float, float, float, float] | None] = []  # by offset
        # by offset: where the character stands in the table's grid: its glyph's box,
        # or where that is flat (a font the PDF does not embed, a dash) the box its font
        # gives it (its advance, ascent and descent; pdfium's "loose" box, which is
        # no good for a glyph turned or scaled apart); None for a character written
        # turned (its extent across the page is no column's)
        self.loose: list[tuple[float, float, float, float] | None] = []
        self.line_starts: list[int] = [0]  # the offset of each line of the text, from 1
        self.rules: dict[int, Rules] = {}  # each page's ruling lines (a table's grid)

    def add_page(self, page: int, textpage, raw: str, rules: Rules | None = None) -> str:
        """The page's text as the text front-end reads it (line ends as \n), its
        characters' boxes recorded."""
        out = []
        start = len(self.boxes)
        self.pages.append((start, page))
        self.rules[page] = rules if rules is not None else Rules()
        box_of = _CharBoxes(textpage).box
        boxes, loose = self.boxes, self.loose
        for index, char in enumerate(raw):
            if char == "\r" and raw[index + 1:index + 2] == "\n":
                continue  # \r\n is one line end
            if char.isspace():
                boxes.append(None)
                loose.append(None)
                if char == "\r" or char == "\n":
                    out.append("\n")
                    self.line_starts.append(len(boxes))
                else:
                    out.append(char)
                continue
            out.append(char)
            box, turned = box_of(index)
            boxes.append(box)
            if turned:
                loose.append(None)  # its line runs across the page: no extent
            else:
                loose.append(box if box[0] < box[2] and box[3] - box[1] >= 1
                             else textpage.get_charbox(index, loose=True))
        return "".join(out)

    def separator(self) -> None:
        self.boxes.append(None)  # the form feed between two pages
        self.loose.append(None)

    def offset_at(self, line: int, column: int) -> int | None:
        """The offset in the text of a line and column (from 1)."""
        if not 0 < line <= len(self.line_starts) or column < 1:
            return None
        return self.line_starts[line - 1] + column - 1

    def page_at(self, offset: int) -> int:
        """The page the character at an offset stands on."""
        return self.pages[bisect.bisect_right(self.pages, (offset, math.inf)) - 1][1]

    def locate_at(self, line: int, column: int, length: int) -> PdfLocation | None:
        """The page and box of the characters at a line and column of the text."""
        if not 0 < line <= len(self.line_starts):
            return None
        return self.locate(self.line_starts[line - 1] + column - 1, length)

    def locate(self, offset: int, length: int) -> PdfLocation | None:
        """The page and box of the characters [offset, offset + length)."""
        boxes = [b for b in self.boxes[offset:offset + max(length, 1)] if b is not None]
        if not boxes:
            return None
        page = next(p for start, p in reversed(self.pages) if start <= offset)
        return PdfLocation(page, union(boxes))


class _CharBoxes:
    """A text page's characters: each one's box, and whether it is written turned,
    asked of pdfium directly (pypdfium2's ``get_charbox`` makes four doubles a call,
    for every character of the page)."""

    def __init__(self, textpage) -> None:
        import pypdfium2.raw as raw

        self._box, self._angle = raw.FPDFText_GetCharBox, raw.FPDFText_GetCharAngle
        self._page = textpage.raw
        self._sides = [ctypes.c_double() for _ in range(4)]
        self._refs = [ctypes.byref(side) for side in self._sides]

    def box(self, index: int) -> tuple[tuple[float, float, float, float], bool]:
        """The glyph's box (left, bottom, right, top), and whether it is written turned
        (its line not along the page's x axis)."""
        left, right, bottom, top = self._refs
        if not self._box(self._page, index, left, right, bottom, top):
            import pypdfium2 as pdfium

            raise pdfium.PdfiumError("Failed to get charbox.")
        left, right, bottom, top = self._sides
        angle = self._angle(self._page, index) % _TURN
        return (left.value, bottom.value, right.value, top.value), 0.01 < angle < _TURN - 0.01


_TURN = 2 * math.pi


def pdf_text(data: bytes, name: str | None) -> tuple[str, list[Diagnostic], PdfPlaces]:
    """The text of a PDF's pages, what reading it noticed, and where its characters
    stand."""
    places = PdfPlaces()
    with _PDFIUM:
        pages = _pages_text(data, name, places)
    text = "\f".join(pages)
    if not text.strip():
        raise InputError("GP007", f"the PDF has {len(pages)} page{'s' if len(pages) != 1 else ''} "
                         "but no text: a scan, which govparse cannot read (it does no OCR)",
                         path=name)
    return text, [], places


def _pages_text(data: bytes, name: str | None, places: PdfPlaces) -> list[str]:
    """Each page's text, its characters' places recorded in ``places``."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc)
        what = ("it is encrypted (a password is needed)" if "password" in reason.lower()
                else f"it is broken ({reason})")
        raise InputError("GP006", f"the PDF could not be opened: {what}", path=name) from None
    try:
        pages = []
        for index in range(len(document)):
            if index:
                places.separator()
            page = document[index]
            textpage = page.get_textpage()
            pages.append(places.add_page(index + 1, textpage, textpage.get_text_range(),
                                         page_rules(page)))
            textpage.close()
            page.close()
    except pdfium.PdfiumError as exc:
        raise InputError("GP006", f"the PDF could not be read: {exc}", path=name) from None
    finally:
        document.close()
    return pages


def with_pdf_locations(report: Report, places: PdfPlaces) -> Report:
    """The report with each figure read from the text layer located on its page."""
    located = []
    for table, row, column, figure in report.table_figures():
        if figure.value is None or figure.line is None or figure.column is None:
            continue
        written = figure_text(figure.value) + (figure.unit or "")
        location = places.locate_at(figure.line, figure.column, len(written))
        if location is not None:
            located.append((table, row, column, attrs.evolve(figure, location=location)))
    return report.replace_figures(located)


def with_pdf_places(diagnostics, document, places: PdfPlaces) -> tuple:
    """The diagnostics, each about a place of the text layer located on its page
    (``location``: page and box) and, about a table cell, given the cell's row label
    and text (``context``), as a page's diagnostics are: a PDF's text layer is no
    source a person reads. (Not the column header: the text layer's rows do not
    stand in a grid, so what stands above a cell is no header of it; the messages
    name the column where it is known.)"""
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
        context = attrs.evolve(d.context, column=None) if d.context is not None else None
        out.append(attrs.evolve(d, location=place, context=context) if place is not None
                   else attrs.evolve(d, location=None, context=None))
    return tuple(out)
