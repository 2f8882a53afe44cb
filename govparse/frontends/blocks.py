"""A line of a page's text as a block of the Document: a title, a heading or a
paragraph. The front-ends that read a format with no grammar of its own (HTML; PDF
and Word later) share this, so that a heading is a heading whatever the format.

- a heading: the template's numbering (一、 or （一）), one section's words
  (govparse/template/data/headings.tsv), maybe a colon; blanks anywhere;
- a title: organisation, year, 政府信息公开工作年度报告 (the core's own reading);
- anything else: a paragraph.

A title written over several lines is joined by ``title_lines.join_split_title``.
"""

from __future__ import annotations

import functools
import re

from govparse.core.front_matter import is_title
from govparse.document import Heading, Paragraph, Title
from govparse.template.sections import heading_pattern

# (The patterns of this module are compiled when first used: a text's reading needs
# none of them, and compiling them was a fifth of a millisecond of every start.)


@functools.cache
def _wrapped() -> re.Pattern:
    """A line break in the markup with the blanks around it: the source's own wrapping."""
    return re.compile(r"[ \t\r\f\v]*[\r\n][ \t\r\n\f\v]*")


@functools.cache
def _edge() -> re.Pattern:
    r"""Blanks at either end of a line: every Unicode space (NBSP, U+3000 …), ZWSP, BOM.
    (Matched from the start of the line and of the line reversed: a search for
    [\s\u200b\ufeff]+$ tries every blank of a run inside the line and reads the run to
    its end from each, quadratic: a cell of ZWSP, a word, 80,000 spaces, a word, 32 s.)"""
    return re.compile(r"[\s\u200b\ufeff]*")


_INVISIBLE = ("\u200b", "\ufeff")


def clean(text: str) -> str:
    """A line as read: the source's line breaks (and the blanks around them) one
    space, no blank at either end; the blanks inside kept as written (a run of
    spaces, NBSP, U+3000)."""
    if "\n" in text or "\r" in text:
        text = _wrapped().sub(" ", text)
    text = text.strip()  # every Unicode space; ZWSP and BOM below
    if text[:1] in _INVISIBLE or text[-1:] in _INVISIBLE:
        edge = _edge()
        start = edge.match(text).end()
        text = text[start:len(text) - edge.match(text[::-1]).end()] if start < len(text) else ""
    return text


def join_lines(lines: list[str]) -> str:
    """The lines of one cell (a label or header wrapped in it) as its text: joined
    with nothing between (商业 / 企业 is 商业企业), but two numbers with a space, so
    that they read as no figure rather than as one wrong one (1 / 2 is "1 2")."""
    if len(lines) <= 1:
        return lines[0] if lines else ""
    out = lines[0]
    for line in lines[1:]:
        out += (" " if out[-1].isdigit() and line[0].isdigit() else "") + line
    return out


def compact(text: str) -> str:
    """A line without any blank (a heading is written with blanks anywhere)."""
    return _blanks().sub("", text)


@functools.cache
def _blanks() -> re.Pattern:
    """Every blank a page writes: NBSP, U+3000 and the other Unicode spaces."""
    return re.compile(r"[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+")


@functools.cache
def _heading() -> re.Pattern:
    numbering = r"(?:[一二三四五六七八九十\d]+[、.．,，]|[（(][一二三四五六七八九十\d]+[)）])?"
    return re.compile(rf"{numbering}{heading_pattern()}[:：]?")


def is_heading(text: str) -> bool:
    return _heading().fullmatch(compact(text)) is not None


def block_of(text: str, location) -> Title | Heading | Paragraph | None:
    """The block a cleaned line is (None for an empty one)."""
    if not text:
        return None
    if is_heading(text):
        return Heading(text, location)
    if is_title(text):
        return Title(text, location)
    return Paragraph(text, location)
