"""Space-aligned text whose blanks were turned into tabs (``unexpand -a``, an editor
that keeps indentation as tabs, a tool that saves a PDF's text so): a tab stands
where a run of blanks reached a tab stop, blanks after it up to the next cell, and
``规章⇥⇥⇥  12⇥   3`` is a row of a spaced table, not of a tab-separated one (where each
tab parts two cells, and every tab after the first an empty cell's). Read as tabs,
its figures go to other columns. Where the text shows it (lines with tabs that go on
with blanks after a tab, or hold runs of two blanks or more between their words, as
no tab-separated row does), every tab is expanded to blanks at tab stops eight
display columns apart (a CJK character two wide), with one note (GP012) naming the
lines: the table is then read by where its cells stand. Where the figures and
diagnostics of those lines stand is said in the source's own columns, each tab one
character (``source_columns``; govparse.api puts them back once the report is read).
"""

from __future__ import annotations

import functools
import re

from govparse.diagnostics import Diagnostic, Severity

TAB_SIZE = 8
MIN_LINES = 3  # lines with tabs that show blanks aligned the text (and half of them)


@functools.cache
def _aligned() -> re.Pattern:
    """Blanks that align a line's text (compiled when a line first may show them)."""
    return re.compile(r"\t +[^\s]|[^\s] {2,}[^\s]")


def with_tabs_expanded(text: str) -> tuple[str, list[Diagnostic], tuple]:
    """The text with its tabs expanded where they stand for blanks, the note, and for
    each line expanded (line, the source's column of each column of the line)."""
    if "\t" not in text:
        return text, [], ()
    lines = text.split("\n")
    tabbed = [i for i, ln in enumerate(lines) if "\t" in ln]
    # (aligned: MIN_LINES of them at least, and half: looked at until that cannot be)
    spare = len(tabbed) - max(MIN_LINES, (len(tabbed) + 1) // 2)
    if spare < 0:
        return text, [], ()  # (too few lines with tabs to tell)
    for i in tabbed:
        if not _may_be_aligned(lines[i].strip(" \t")):
            spare -= 1
            if spare < 0:
                return text, [], ()  # (a tab-separated text: its tabs part its cells)
    columns = []
    for i in tabbed:
        lines[i], source = _expanded(lines[i])
        columns.append((i + 1, source))
    where = ", ".join(str(i + 1) for i in tabbed[:8]) + (" …" if len(tabbed) > 8 else "")
    return "\n".join(lines), [Diagnostic(
        "GP012", Severity.NOTE,
        f"{len(tabbed)} line{'s' if len(tabbed) != 1 else ''} (line"
        f"{'s' if len(tabbed) != 1 else ''} {where}) align their cells with tabs and "
        f"blanks; each tab is read as the blanks up to the next tab stop (every "
        f"{TAB_SIZE} columns), and the columns of what follows a tab on those lines "
        "are counted so (and said in the line's own columns)", tabbed[0] + 1, 1)], tuple(columns)


def _may_be_aligned(body: str) -> bool:
    """Whether a line's text (blanks and tabs around it removed) shows blanks that align
    it: _aligned(), looked for only where two blanks or a tab and a blank stand together
    (str's search, in C: most lines of a tab-separated text have neither)."""
    return ("  " in body or "\t " in body) and _aligned().search(body) is not None


def _expanded(line: str) -> tuple[str, tuple[int, ...]]:
    """The line with its tabs expanded, and the source's column (from 1) of each of its
    characters: a tab's blanks all stand at the tab's."""
    from govparse.frontends.text.lines import char_width

    out, source, column = [], [], 0
    for at, char in enumerate(line, start=1):
        if char == "\t":
            blanks = TAB_SIZE - column % TAB_SIZE
            out.append(" " * blanks)
            source.extend([at] * blanks)
            column += blanks
        else:
            out.append(char)
            source.append(at)
            column += char_width(char)
    return "".join(out), tuple(source)


def in_source_columns(report, columns: tuple):
    """The report with the columns of what stands on lines whose tabs were expanded
    (``columns``: with_tabs_expanded's) put back in the source's: its figures, its
    organisation and year, its paragraphs and its diagnostics."""
    from govparse.frontends.text.source_places import moved_report

    where = dict(columns)

    def moved(line, column):
        source = where[line]
        if column is None or not 0 < column <= len(source):
            return line, column
        return line, source[column - 1]

    return moved_report(report, where, moved)
