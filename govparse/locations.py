"""Where a figure, a cell or a block stands in the source the user has.

A text file's line and column (TextLocation), an HTML table's row and column and the
source line (HtmlLocation), a PDF page and box (PdfLocation), a Word table's row and
column (WordLocation). Each says where it is in words (``where()``) and as data
(``as_dict()``, read back by ``from_dict``). The Document's cells carry them; the
model's figures and the diagnostics keep them, so that an output can point there.
"""

from __future__ import annotations

import functools
import re
from typing import Union

import attrs

from govparse.classes import frozen

class TextLocation:
    """A place in a text: line and column, both from 1 (a column counts characters).

    (A plain class, not an attrs one: one is made for every cell of a text, and a
    frozen attrs class takes twice as long to make. Treat it as immutable.)"""

    __slots__ = ("line", "column")

    def __init__(self, line: int, column: int = 1) -> None:
        self.line = line
        self.column = column

    def moved(self, characters: int) -> TextLocation:
        """The place ``characters`` further along the same line."""
        return TextLocation(self.line, self.column + characters) if characters else self

    def __eq__(self, other: object) -> bool:
        if type(other) is not TextLocation:
            return NotImplemented
        return self.line == other.line and self.column == other.column

    def __hash__(self) -> int:
        return hash((self.line, self.column))

    def __repr__(self) -> str:
        return f"TextLocation(line={self.line}, column={self.column})"

    kind = "text"

    def where(self) -> str:
        return f"{self.line}:{self.column}"

    def as_dict(self) -> dict:
        return {"kind": self.kind, "line": self.line, "column": self.column}


@frozen
class HtmlLocation:
    """A place in an HTML page: for a table cell, the table's number among the page's
    tables (from 1) and the row and column in its grid (from 1); for a line of text,
    none of them; and the source line the element starts on."""

    table: int | None = None
    row: int | None = None
    column: int | None = None
    line: int | None = None
    kind = "html"

    def moved(self, characters: int) -> HtmlLocation:
        return self

    def where(self) -> str:
        if self.table is None:
            return f"source line {self.line}"
        at = f"table {self.table}, row {self.row}, column {self.column}"
        return at if self.line is None else f"{at} (source line {self.line})"

    def as_dict(self) -> dict:
        return {"kind": self.kind, **attrs.asdict(self)}


@frozen
class PdfLocation:
    """A place on a PDF page (from 1): the box (x0, y0, x1, y1) in points."""

    page: int
    box: tuple[float, float, float, float]
    kind = "pdf"

    def moved(self, characters: int) -> PdfLocation:
        return self

    def where(self) -> str:
        x0, y0, x1, y1 = self.box
        return f"page {self.page}, box ({x0:g}, {y0:g}, {x1:g}, {y1:g})"

    def as_dict(self) -> dict:
        return {"kind": self.kind, "page": self.page, "box": list(self.box)}


@frozen
class WordLocation:
    """A cell of a Word document's table: table, row and column, each from 1."""

    table: int
    row: int
    column: int
    kind = "word"

    def moved(self, characters: int) -> WordLocation:
        return self

    def where(self) -> str:
        return f"table {self.table}, row {self.row}, column {self.column}"

    def as_dict(self) -> dict:
        return {"kind": self.kind, **attrs.asdict(self)}


Location = Union[TextLocation, HtmlLocation, PdfLocation, WordLocation]


def line_of(location: Location | None) -> int | None:
    """The source line a location stands on, where it has one."""
    return getattr(location, "line", None)


def column_of(location: Location | None) -> int | None:
    """The text column a location stands at, where it has one."""
    return location.column if type(location) is TextLocation else None


_KINDS = {"html": HtmlLocation, "word": WordLocation}


def from_dict(data: dict | None) -> Location | None:
    """A location from its ``as_dict()``."""
    if data is None:
        return None
    kind = data.get("kind")
    fields = {k: v for k, v in data.items() if k != "kind"}
    if kind == "text":
        return TextLocation(fields["line"], fields.get("column", 1))
    if kind == "pdf":
        return PdfLocation(fields["page"], tuple(fields["box"]))
    if kind in _KINDS:
        return _KINDS[kind](**fields)
    raise ValueError(f"not a location: {data!r}")


def line_ends_normalized(text: str) -> str:
    """The text with its line ends as the line of every TextLocation counts them: \\r\\n
    and \\r as \\n; and a form feed (a page break) after text on its line opens a new
    line, as the page it starts does (pdfium and other tools end no page's last line:
    a table's last row and the next page's heading would be one line). The form feed
    stays: it tells where pages part (frontends/text/page_markers.py)."""
    if "\r" in text:  # (one scan where there is none, not two)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text:
        text = _form_feed_in_line().sub("\n\f", text)
    return text


def lines_as_written(text: str) -> list[str]:
    """The text's lines as an editor or ``grep -n`` counts them, and every location
    the report gives (frontends/text/source_places.py): \\r\\n and \\r end a line as
    \\n does, a form feed does not."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def lines_moved_by_form_feeds(text: str) -> tuple[tuple[int, int, int], ...]:
    """Where line_ends_normalized opens lines of its own at form feeds after text on
    their line, each line of the normalized text from the first such on: (its line,
    the source's line, the source's characters before it on that line); () where it
    opens none. (What the report says stands there is said where the source has it:
    frontends/text/source_places.py.)"""
    if "\f" not in text or _form_feed_in_line().search(text.replace("\r", "\n")) is None:
        return ()
    out: list[tuple[int, int, int]] = []
    line = 0
    for number, source in enumerate(lines_as_written(text), start=1):
        starts = [0]
        if "\f" in source:
            starts += [m.start() for m in _form_feed_in_line().finditer(source)]
        for before in starts:
            line += 1
            if line != number or before:
                out.append((line, number, before))
    return tuple(out)


@functools.cache
def _form_feed_in_line() -> re.Pattern:
    """A form feed after any character but a line end (compiled when first wanted:
    most texts have none, and a cold start pays for no pattern it does not use)."""
    return re.compile(r"(?<=[^\n])\f")
