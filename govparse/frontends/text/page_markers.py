"""Page numbers in text made of a PDF (pypdfium2, pdftotext, a viewer's copy),
whose pages are parted by form feeds: ``- 3 -``, ``— 4 —``, ``第 2 页 共 6 页`` or
``3/6`` alone on a line, or at the very start or end of a page. Each is blanked (the line
stays, so that every other line keeps its number), so that no page number is read as
a figure or splits a row, with one note (GP009) naming their lines.

In a text without form feeds (a PDF viewer's copy, pages joined by line ends) only a
line that holds nothing but ``- 3 -`` or ``第 2 页 共 6 页`` is a page number (``3/6``
alone may be a figure there); the search is made only where a line ends with such a
dash or 页.
"""

from __future__ import annotations

import functools
import re

from govparse.diagnostics import Diagnostic, Severity

_B = r"[ \t\u3000]*"  # blanks


@functools.cache
def _page_marker() -> re.Pattern:
    """A page number alone on its line, or at the start or the end of a page (just
    after or before the form feed that parts two pages, where pdfium may not have
    ended the line: a number at a page's foot, the page's last text).
    Made when first needed: compiling it is a cold start's cost otherwise."""
    return re.compile(
        rf"(?:^|(?<=\f)){_B}(?:[-—–－]{_B}\d{{1,4}}{_B}[-—–－]|第{_B}\d{{1,4}}{_B}页"
        rf"(?:{_B}[,，/]?{_B}共{_B}\d{{1,4}}{_B}页)?|\d{{1,4}}{_B}/{_B}\d{{1,4}}){_B}(?:$|(?=\f))",
        re.MULTILINE)


@functools.cache
def _lone_page_marker() -> re.Pattern:
    """A page number that is a line of its own in a text without form feeds."""
    b = r"[ \u3000]*"  # (no tab: -⇥3⇥- is a row's cells)
    return re.compile(
        rf"^{b}(?:[-—–－]{b}\d{{1,4}}{b}[-—–－]|第{b}\d{{1,4}}{b}页"
        rf"(?:{b}[,，/]?{b}共{b}\d{{1,4}}{b}页)?){b}$", re.MULTILINE)


def without_page_markers(text: str) -> tuple[str, list[Diagnostic]]:
    """The text with its page numbers blanked, and the note saying so."""
    if "\f" in text:
        pattern = _page_marker()
    elif _may_hold_a_lone_marker(text):
        pattern = _lone_page_marker()
    else:
        return text, []
    lines: list[int] = []
    counted = [0, 1]  # (where counting stopped, the line there): each newline counted once

    def blank(found: re.Match) -> str:
        at, line = counted
        line += text.count("\n", at, found.start())
        counted[:] = [found.start(), line]
        lines.append(line)
        return " " * (found.end() - found.start())  # (the columns after it kept)

    text = pattern.sub(blank, text)
    if not lines:
        return text, []
    where = ", ".join(str(n) for n in lines[:8]) + (" …" if len(lines) > 8 else "")
    return text, [Diagnostic("GP009", Severity.NOTE,
                             f"{len(lines)} page number{'s' if len(lines) != 1 else ''} between "
                             f"the pages dropped (line{'s' if len(lines) != 1 else ''} {where}), "
                             "so that none is read as a figure", lines[0], 1)]


def _may_hold_a_lone_marker(text: str) -> bool:
    """Whether a line may end with a page number's dash or 页 (each looked for in C:
    most texts have none, and are spared the pattern)."""
    end = text[-8:].rstrip()  # (a line may end the text)
    return any(f"{mark}\n" in text or f"{mark} \n" in text or end.endswith(mark)
               for mark in "-—–－页")
