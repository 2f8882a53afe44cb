"""Running heads and feet in text made of a PDF (pypdfium2's text layer, pdftotext),
whose pages form feeds part: a line that opens every page, or ends every page, of two
or more, the same but for its digits (a Word document's running title above each page,
``某某局2023年政府信息公开工作年度报告``). Its words are no label and its digits no
figure: between a row broken across pages and the rests of its numbers at the top of the
next page, a running head read as a row of the table parted them, and the row's numbers'
first parts were read as its figures. Each is blanked (the line stays, so that every
other line keeps its number), with one note (GP014). The first page's head is kept:
it stands before the body, with no table to part, and may be the document's own title,
its organisation and year (Word's 首页不同: a head on the later pages only, the same
words as the title on the first). A line that holds no more than a page number is the
page markers' (page_markers.py, GP009, blanked before); a PDF read as a PDF has its
running lines dropped by where they stand (pdf/running.py).
"""

from __future__ import annotations

import re

from govparse.diagnostics import Diagnostic, Severity

_DIGITS = re.compile(r"[0-9]+")
_PAGE_WORDS = frozenset("第页共")  # (a page number's words: a page marker's, not a running line's)
_LONGEST = 80  # characters: a running line is one line of a page's head or foot


def without_running_lines(text: str) -> tuple[str, list[Diagnostic]]:
    """The text with the running heads and feet of its pages blanked, and the note
    saying so."""
    if "\f" not in text:
        return text, []
    pages = [page for page in _pages(text) if page]
    if len(pages) < 2:
        return text, []
    heads = _running(text, [page[0] for page in pages])[1:]  # (the first page's: kept)
    spans = heads + _running(text, [page[-1] for page in pages])
    if not spans:
        return text, []
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    first = min(start for start, _ in spans)
    line = text.count("\n", 0, first) + 1
    shown = text[first:next(end for start, end in spans if start == first)].strip()
    return "".join(chars), [Diagnostic(
        "GP014", Severity.NOTE,
        f"the running head or foot '{shown}' of the pages dropped (the same line opening or "
        "ending every page), so that none is read as a label or a figure", line, 1)]


def _pages(text: str) -> list[list[tuple[int, int]]]:
    """Each page's lines that hold text, as (start, end) offsets: the pages parted by
    form feeds, each line's form feed left out."""
    pages: list[list[tuple[int, int]]] = []
    start = 0
    for page in text.split("\f"):
        lines, at = [], start
        for line in page.split("\n"):
            if line.strip():
                lines.append((at, at + len(line)))
            at += len(line) + 1
        pages.append(lines)
        start += len(page) + 1
    return pages


def _running(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines given (one a page, at the same edge of each) where they are one running
    line: the same but for their digits, more than a page number, no longer than a
    head's."""
    keys = {running_key(text[start:end]) for start, end in lines}
    if len(keys) != 1 or any(end - start > _LONGEST for start, end in lines):
        return []
    (key,) = keys
    return lines if more_than_a_page_number(key) else []


def running_key(line: str) -> str:
    """A line as it is on every page: no blanks, each run of digits one mark (also
    pdf/running.py's, which finds a PDF's running lines by where they stand)."""
    return _DIGITS.sub("#", "".join(line.split()))


def more_than_a_page_number(key: str) -> bool:
    """Whether a line's running_key holds a word beyond a page number's (第 2 页 共 5 页,
    - 3 -: the page markers', GP009)."""
    return any(c.isalpha() and c not in _PAGE_WORDS for c in key)
