"""A table section of run-together text as rows of two cells: the text before a
run of figures (the row's label, with whatever header or parent label ran into it)
and the run itself (``21710000218``: every figure of the row, no separators).

What the run means, which row and how it splits, is the core's to decide
(govparse.core.run_reader); this module only parts words from figures, as the text
shows them: a run is digits, decimals, signs, blanks, units right after a digit and
placeholder marks (``/``, ``—``); a label's own numbering (``3.危及…``, ``1、``)
stays with the label, and a number a sentence goes on after (``218件。``, ``2024年``)
with the words around it: no table cell is followed by a sentence's mark or a date's
word.
"""

from __future__ import annotations

import re

from govparse.document import Cell, Paragraph

_UNITS = "万元|元|个|件|项|条|次|人"
_IN_SENTENCE = frozenset("。；;！？，,：:%％年月日号")
_NEXT = re.compile(r"\s*(\S)")  # the next character that is not a blank
# (a class repeated inside the group: one step of the group, not one a character,
# keeps the regular-expression engine's stack small on a long run)
_RUN = re.compile(rf"[0-9—–\-－―/／](?:[0-9.+\-—–－―/／\s]+|(?<=[0-9])(?:{_UNITS}))*")


def run_rows(text: str, offset: int, locate) -> tuple[list[tuple[Cell, Cell]], list[Paragraph]]:
    """The (label, run) rows of a table section's text, which starts at ``offset``
    of the source (``locate(offset)`` gives its TextLocation), and the text after
    the last run, as paragraphs."""
    rows: list[tuple[Cell, Cell]] = []
    label_start = 0
    for start, end in _runs(text):
        label = text[label_start:start]
        rows.append((_cell(label, label_start, offset, locate),
                     _cell(text[start:end], start, offset, locate)))
        label_start = end
    tail = text[label_start:]
    paragraphs = [Paragraph(cell.text, cell.location)
                  for cell in [_cell(tail, label_start, offset, locate)] if cell.text]
    return rows, paragraphs


def _runs(text: str):
    """(start, end) of each run of figures, its blanks at the ends left out."""
    for match in _RUN.finditer(text):
        start = match.start()
        run = match.group().rstrip()
        after = text[start + len(run):start + len(run) + 1]
        if run.endswith(".") and not after.isdigit():
            # 3.危及: the digit and its point number the next label
            run = run[:-2] if run[-2:-1].isdigit() else run[:-1]
        elif after in ("．", "、") and run[-1:].isdigit():
            run = run[:-1]  # 3．危及, 3、危及
        run = run.rstrip()
        following = _NEXT.match(text, start + len(run))
        if run and (following is None or following.group(1) not in _IN_SENTENCE):
            yield start, start + len(run)


def _cell(text: str, start: int, offset: int, locate) -> Cell:
    """A cell of the text from ``start``, its blanks at the ends removed, located."""
    stripped = text.strip()
    if not stripped:
        return Cell("", locate(offset + start))
    return Cell(stripped, locate(offset + start + text.index(stripped[0])))
