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
from typing import TYPE_CHECKING, Union


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


# HtmlLocation, PdfLocation and WordLocation live in govparse.page_locations, imported
# when one (or Location) is first asked for: a text's reading makes none of them.
_IN_PAGE_LOCATIONS = ("HtmlLocation", "PdfLocation", "WordLocation")

if TYPE_CHECKING:  # at run time, __getattr__ below
    from govparse.page_locations import HtmlLocation, PdfLocation, WordLocation

    Location = Union[TextLocation, HtmlLocation, PdfLocation, WordLocation]


def __getattr__(name: str):
    if name in _IN_PAGE_LOCATIONS:
        from govparse import page_locations

        value = getattr(page_locations, name)
    elif name == "Location":
        from govparse.page_locations import HtmlLocation, PdfLocation, WordLocation

        value = Union[TextLocation, HtmlLocation, PdfLocation, WordLocation]
    else:
        raise AttributeError(f"module 'govparse.locations' has no attribute {name!r}")
    globals()[name] = value  # (asked once)
    return value


def line_of(location: Location | None) -> int | None:
    """The source line a location stands on, where it has one."""
    return getattr(location, "line", None)


def column_of(location: Location | None) -> int | None:
    """The text column a location stands at, where it has one."""
    return location.column if type(location) is TextLocation else None


def from_dict(data: dict | None) -> Location | None:
    """A location from its ``as_dict()``."""
    if data is None:
        return None
    kind = data.get("kind")
    fields = {k: v for k, v in data.items() if k != "kind"}
    if kind == "text":
        return TextLocation(fields["line"], fields.get("column", 1))
    from govparse.page_locations import HtmlLocation, PdfLocation, WordLocation

    if kind == "pdf":
        return PdfLocation(fields["page"], tuple(fields["box"]))
    if kind == "html":
        return HtmlLocation(**fields)
    if kind == "word":
        return WordLocation(**fields)
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


@functools.cache
def _form_feed_in_line() -> re.Pattern:
    """A form feed after any character but a line end (compiled when first wanted:
    most texts have none, and a cold start pays for no pattern it does not use)."""
    return re.compile(r"(?<=[^\n])\f")
