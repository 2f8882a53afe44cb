"""A markdown writer's text of a page that hides its whole report until a script shows
it (frontends/html/revealed.py says which pages: a WeChat article's ``<div
id="js_content" style="visibility: hidden">``): pandoc keeps the element as a fenced
div (``::: {#js_content style="visibility: hidden;"}``) or, in gfm, as its tags, and
markup.py takes away what they hold, the whole report.

The element is shown where, as in a page, nothing else tells which copy a browser
shows: it is the one outermost hidden block (a fenced div, or an element over several
lines) that holds a table (one left as HTML, or a drawn one: a grid's or pipe table's
lines, a simple or multiline table's rule), the text holds
no table outside it nor a heading of the template's sections, and it holds most of
the text. Its attributes are then blanked
in the text (the same number of characters, so that every line and column stays in
place): what hides anything inside it still hides it.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left

from govparse.diagnostics import Diagnostic, DiagnosticSink

# the elements that hold a page's content (a WeChat article's is a div)
_CONTAINERS = frozenset(("div", "section", "article", "main", "body", "center"))
# a table left as HTML, or a line of a drawn one (a grid's, a pipe table's; the rule of
# column widths of a simple or multiline one)
_TABLE = re.compile(r"^[ ]{0,3}<table(?=[\s/>]|$)|^[ \t\u3000]*[|+｜]|^[ ]*-{2,}(?:[ ]+-{2,})+[ ]*$",
                    re.I | re.M)


def revealed(text: str) -> tuple[str, Diagnostic | None]:
    """The text with the hidden block that holds its report shown (see the module's
    docstring), and the warning that says so (GP507); else the text as it is."""
    from govparse.frontends.text.markup import (_effect, _fence_line, _fenced_div_cuts,
                                                _hidden_cuts, _single_tag)

    openings = [(attributes, False) for attributes in _opening_tag().findall(text)]
    if ":::" in text:
        openings += [(attributes, True) for attributes in _fence_line().findall(text)
                     if attributes]
    if not any(_effect(attributes, inline=False, pandoc=pandoc) == "hide"
               for attributes, pandoc in openings):
        return text, None  # (most texts: no block that hides)
    blocks = sorted(((start, -end) for start, end, leaves in
                     _fenced_div_cuts(text)[1] + (_hidden_cuts(text) if "<" in text else [])
                     if "\n" in leaves))
    outermost: list[tuple[int, int]] = []  # (in order: none inside another)
    for start, end in blocks:
        if not outermost or -end > outermost[-1][1]:
            outermost.append((start, -end))
    tables = [found.start() for found in _TABLE.finditer(text)]
    holding = [(start, end) for start, end in outermost
               if bisect_left(tables, end) > bisect_left(tables, start)]
    if len(holding) != 1:
        return text, None
    start, end = holding[0]
    outside = text[:start] + text[end:]
    if any(not start <= at < end for at in tables) or \
            _length(text[start:end]) <= _length(outside) or _heading().search(outside):
        return text, None
    from govparse.frontends.revealed_years import may_show_under, titles

    shown = [piece for piece in _shown_pieces(text, blocks)
             if not _hidden_heading().fullmatch(piece)]
    # (what the reveal shows: the block but the hidden blocks inside it)
    inside = [(s, e) for s, e in ((s, -e) for s, e in blocks) if start < s and e <= end]
    revealed_text = "\n".join(_shown_pieces(text[start:end], [
        (s - start, start - e) for s, e in inside]))
    if not may_show_under(titles(["\n".join(shown)]), revealed_text):
        return text, None
    fence = _fence_line().match(text, start)
    if fence is not None:
        if fence.group(1) is None:
            return text, None
        cut_from, cut_to = fence.span(1)
        # (attributes that say nothing: blanks alone would make the fence a closing one)
        kept = "{" + " " * (cut_to - cut_from - 2) + "}" if cut_to - cut_from >= 2 else "x"
    else:
        tag = _single_tag().match(text, start)
        if tag is None or tag.group(2).lower() not in _CONTAINERS:
            return text, None  # (a tracked deletion <del> is no page's cloak)
        cut_from, cut_to = tag.span(3)
        kept = "".join(c if c == "\n" else " " for c in tag.group(3))
    opening = text[start:text.find("\n", start) if fence else tag.end()]
    sink = DiagnosticSink()
    sink.add("GP507", "the page hides its whole report until a script or a click shows it "
             f"({' '.join(opening.split())[:120]}: a WeChat article's, a cloaked app's); "
             "read as shown", text.count("\n", 0, start) + 1, 1,
             hint="a saved page whose script shows its text; check the figures against a "
                  "browser's view")
    return text[:cut_from] + kept + text[cut_to:], sink.items[0]


@functools.cache
def _opening_tag() -> re.Pattern:
    """A container's start tag with attributes (the group that holds them)."""
    names = "|".join(sorted(_CONTAINERS))
    return re.compile(rf"<(?:{names})(?=[\s/>])([^<>]{{1,2000}})>", re.I)


@functools.cache
def _heading() -> re.Pattern:
    """A line that opens a section of the template (markdown's marks before it)."""
    from govparse.template.sections import heading_pattern

    return re.compile(r"^[\s#*>\[]*[一二三四五六][、.．，,]\s*" + heading_pattern(), re.M)


def _shown_pieces(text: str, blocks: list[tuple[int, int]]) -> list[str]:
    """The lines of the text outside the hidden blocks (each (start, -end))."""
    pieces, done = [], 0
    for start, end in sorted((start, -end) for start, end in blocks):
        if start > done:
            pieces.append(text[done:start])
        done = max(done, end)
    pieces.append(text[done:])
    return [line for piece in pieces for line in piece.split("\n")]


@functools.cache
def _hidden_heading() -> re.Pattern:
    """A heading line of pandoc's whose attributes hide it (``# … {style="display:none"}``)."""
    return re.compile(r"[ ]{0,3}#.*\{[^{}]*(?:display:\s*none|visibility:\s*hidden|hidden)[^{}]*\}\s*",
                      re.I)


def _length(text: str) -> int:
    """Characters but blanks."""
    return len("".join(text.split()))
