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


def without_page_markers(text: str) -> tuple[str, list[Diagnostic]]:
    """The text with its page numbers blanked, and the note saying so."""
    if "\f" in text:
        spans = [found.span() for found in _page_marker().finditer(text)]
    else:
        spans = _lone_markers(text)
    if not spans:
        return text, []
    parts, lines, last, line = [], [], 0, 1
    for start, end in spans:
        line += text.count("\n", last, start)  # (each line end counted once)
        lines.append(line)
        parts += [text[last:start], " " * (end - start)]  # (the columns after it kept)
        last = end
    text = "".join(parts) + text[last:]
    where = ", ".join(str(n) for n in lines[:8]) + (" …" if len(lines) > 8 else "")
    return text, [Diagnostic("GP009", Severity.NOTE,
                             f"{len(lines)} page number{'s' if len(lines) != 1 else ''} between "
                             f"the pages dropped (line{'s' if len(lines) != 1 else ''} {where}), "
                             "so that none is read as a figure", lines[0], 1)]


_DASHES = "-—–－"
_LONE_BLANKS = " \u3000"  # (no tab: -⇥3⇥- is a row's cells)
_LONGEST = 40  # characters: the longest line looked at (blanks around a page number too)


def _lone_markers(text: str) -> list[tuple[int, int]]:
    """Where the lines that are a page number alone stand, in a text without form
    feeds: found from the dashes and 页 that end a line (str.find: most texts have
    few), each line then looked at whole. (No regular expression: compiling one with
    these characters is a cold start's cost.)"""
    found: dict[int, int] = {}
    for mark in _DASHES + "页":
        at = text.find(mark)
        while at >= 0:
            # (looked for near the mark only: a line of a million dashes stays linear)
            end = text.find("\n", at, at + _LONGEST + 1)
            if end < 0:
                end = len(text) if len(text) - at <= _LONGEST else at + _LONGEST + 1
            if end - at > _LONGEST:
                at = text.find(mark, at + 1)  # (the mark is not at the line's end)
                continue
            rest = text[at + 1:end].rstrip(_LONE_BLANKS)
            if rest:  # (the mark is not at the line's end, nor one before the rest's
                # last character: looked for from there on, not at every dash of a
                # markdown rule |---|---|)
                at = text.find(mark, at + len(rest))
                continue
            start = text.rfind("\n", max(0, at - _LONGEST), at) + 1
            if start > 0 or at < _LONGEST:  # (a line longer than a page number's is none)
                line = text[start:end].strip(_LONE_BLANKS)
                if start not in found and _is_page_number(line):
                    found[start] = end
            at = text.find(mark, end)
    return sorted(found.items())


def _is_page_number(line: str) -> bool:
    """``- 3 -`` (any of the dashes), ``第 2 页`` or ``第 2 页 共 6 页`` (blanks anywhere)."""
    if len(line) > 2 and line[0] in _DASHES and line[-1] in _DASHES:
        return _is_number(line[1:-1].strip(_LONE_BLANKS))
    if not (line.startswith("第") and line.endswith("页")):
        return False
    first, middle, rest = line[1:-1].partition("页")
    if not rest:  # 第 2 页 (and not 第 2 页页)
        return _is_number(first.strip(_LONE_BLANKS)) and not middle
    rest = rest.strip(_LONE_BLANKS).lstrip(",，/").strip(_LONE_BLANKS)
    return (_is_number(first.strip(_LONE_BLANKS)) and rest.startswith("共")
            and _is_number(rest[1:].strip(_LONE_BLANKS)))


def _is_number(text: str) -> bool:
    return 1 <= len(text) <= 4 and text.isascii() and text.isdigit()
