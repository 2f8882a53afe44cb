"""Run-together text: a page kept as its bare text with no separators (a crawler's
``get_text()``), every cell of a table run into the next, headings in the middle of a
line: ``…规章000行政规范性文件6233440…一、本年新收政府信息公开申请数量21710000218…``.

Told apart from every other layout by a sign no other one gives: row labels of the
applications table that a figure follows with nothing between them. Read without
the grammar's lines: the sections are found by their numbered headings wherever
they stand; the text before the first is read as any text's front matter (the
title, a crawler's field labels); a narrative section's lines are its paragraphs;
a table section's text is parted into (label, run) rows (run_cells.py), marked
``run_together`` for the core, which alone knows how a run splits.
"""

from __future__ import annotations

import bisect
import functools
import re

from govparse.document import Document, Heading, Paragraph, Table, TextLocation
from govparse.template.headings import headings
from govparse.template.sections import TABLE_SECTIONS

# Labels of the applications table that only a table row has: a figure (or a mark
# for none) right after one is the sign. (The label of the total written with each
# of its brackets half- or full-width, _TOTALS, is found from its 七: one scan of the
# text, not four.)
_RUN_LABELS = ("新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "结转下年度继续办理")
_TOTALS = frozenset(("(七)总计", "(七）总计", "（七)总计", "（七）总计"))
_FIGURE_STARTS = frozenset("0123456789/／—–－")
_NUMERALS = "一二三四五六"


def looks_run_together(text: str) -> bool:
    """Whether figures run into the applications table's row labels (two of them at
    least): no layout with separators, blanks or one cell a line does that. (Each
    label looked for with str.find: a regular expression of them all tried every
    character of the text, a tenth of a grid report's reading.)"""
    seen = 0
    for label in _RUN_LABELS:
        if _figure_after(text, label):
            seen += 1
            if seen >= 2:
                return True
    return seen + len(_totals_with_a_figure(text)) >= 2


def _figure_after(text: str, label: str) -> bool:
    """Whether the label stands somewhere in the text with a figure right after it."""
    at = text.find(label)
    while at >= 0:
        end = at + len(label)
        if text[end:end + 1] in _FIGURE_STARTS:
            return True
        at = text.find(label, at + 1)
    return False


def _totals_with_a_figure(text: str) -> set[str]:
    """Which of _TOTALS stand somewhere in the text with a figure right after them
    (each the second character of such a label: 七)."""
    found = set()
    at = text.find("七", 1)  # (a label's 七 has its bracket before it)
    while at >= 0:
        label = text[at - 1:at + 4]
        if label in _TOTALS and text[at + 4:at + 5] in _FIGURE_STARTS:
            found.add(label)
        at = text.find("七", at + 1)
    return found


@functools.cache
def _heading_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """Each section's numbered heading, as it may stand in the middle of a line."""
    return tuple(
        (row["kind"], re.compile(rf"(?:{_NUMERALS[index]}[、.．,，]?|[(（]{_NUMERALS[index]}[)）])"
                                 rf"[ \t\u3000]*"
                                 rf"(?:{row['words']})[:：]?"))
        for index, row in enumerate(headings()))


def find_headings(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each section's heading, in the template's order; a
    section whose heading is not found after the one before is left out."""
    found = []
    at = 0
    for kind, pattern in _heading_patterns():
        match = pattern.search(text, at)
        if match is not None:
            found.append((kind, match.start(), match.end()))
            at = match.end()
    return found


class _Locator:
    """Offsets of the text to TextLocations (line and column from 1)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def __call__(self, offset: int) -> TextLocation:
        line = bisect.bisect_right(self.starts, offset)
        return TextLocation(line, offset - self.starts[line - 1] + 1)


def read_run_together(text: str, found: list[tuple[str, int, int]], front: Document
                      ) -> Document:
    """The Document of a run-together text (line ends normalised) whose headings are
    ``found`` (find_headings); ``front``: the Document of the text before the first,
    read as any text's."""
    from govparse.frontends.text.run_cells import run_rows  # (imported when met: start-up)

    locate = _Locator(text)
    blocks = list(front.blocks)
    for index, (kind, start, end) in enumerate(found):
        stop = found[index + 1][1] if index + 1 < len(found) else len(text)
        blocks.append(Heading(text[start:end].strip(), locate(start)))
        body = text[end:stop]
        if kind in TABLE_SECTIONS:
            rows, tail = run_rows(body, end, locate)
            blocks.append(Table(tuple(rows), locate(end), run_together=True))
            blocks.extend(tail)
        else:
            blocks.extend(_paragraphs(body, end, locate))
    return Document(tuple(blocks), front.path, front.notes)


def _paragraphs(body: str, offset: int, locate):
    at = 0
    for line in body.split("\n"):
        stripped = line.strip()
        if stripped:
            yield Paragraph(stripped, locate(offset + at + line.index(stripped[0])))
        at += len(line) + 1
