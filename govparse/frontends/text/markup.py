"""The markup a markdown writer leaves around a page's text, taken away before the
grammar reads it:

- HTML tags: pandoc's ``gfm`` and ``commonmark`` write a ``<span>`` that has a style
  as its markup, the start tag maybe over two lines
  (``<span⏎style="…">三、收到和处理政府信息公开申请情况</span>``);
- pandoc's own ``markdown``: bracketed spans (``[text]{style="…"}``, nested, their
  attributes maybe over two lines), fenced divs (``::: TRS_Editor`` … ``:::``), a
  heading's attributes (``## 一、总体情况 {#section-1}``) and the backslash of its
  escapes (``\\[``, ``\\ ``).

A tag of a block, a line break, a superscript or a subscript between two digits leaves
a blank, as the HTML front-end reads two numbers on two lines of a cell (12<sup>1</sup>
is "12 1", no figure, never 121); other markup leaves nothing. A line break inside
markup is kept, so that every line keeps its number, and what stands after markup on
its line is said in the source's columns (text_without_markup gives them). The lines of
a drawn table (a grid's ``|`` and ``+`` lines, a simple or multiline table's) are left
as they are: their markup wraps inside each cell, and is taken from a cell's text once
its lines are joined (``cell_without_markup``: lines.reading, for every cell, and
grids.read_ruled).
"""

from __future__ import annotations

import functools
import html
import re
from bisect import bisect_right

# Elements a converter leaves as markup around text: inline ones leave nothing; a
# block, a line break, a superscript or subscript part what stands on either side.
_INLINE = ("a|abbr|b|big|cite|code|em|font|i|kbd|mark|o:p|q|samp|small|span|strong|"
           "time|tt|u|var|ins")
_PARTING = ("address|article|aside|blockquote|br|center|dd|div|dl|dt|figcaption|figure|"
            "footer|h[1-6]|header|hr|li|main|nav|ol|p|section|sub|sup|ul|wbr")
# (a tag's attributes: any text but < and >, over lines too; bounded, so that a stray
# < is never read on and on)
_TAG = rf"</?(?:{_INLINE}|{_PARTING})(?=[\s/>])[^<>]{{0,2000}}>"
_DIGITS = "0123456789０１２３４５６７８９"


@functools.cache
def _tags() -> re.Pattern:
    """A run of tags with the blanks between them (``1</p> <p>2``: one run)."""
    return re.compile(rf"{_TAG}(?:[ \t]*{_TAG})*", re.I)


@functools.cache
def _parting_tag() -> re.Pattern:
    return re.compile(rf"</?(?:{_PARTING})(?=[\s/>])", re.I)


@functools.cache
def _attributes() -> re.Pattern:
    """Pandoc's attributes after a bracketed span: ``{#id .class key="value" key=v}``,
    quoted values maybe over lines (each part bounded: no run-away match)."""
    return re.compile(r'\{[ \t\n]*[#.\w][^{}"\n]{0,400}(?:"[^"]{0,800}"[^{}"\n]{0,400}){0,20}\}')


@functools.cache
def _heading_attributes() -> re.Pattern:
    """A heading's attributes at its line's end, the blanks before them (looked for
    in a heading line only: _heading_attribute_cuts)."""
    return re.compile(r"[ \t]+\{[#.][^{}\n]{0,400}\}[ \t]*")


def _heading_attribute_cuts(text: str) -> tuple[list, list]:
    """The attributes at the end of each line that opens with ``#``; and the heading
    lines whose attributes hide them (``# 某局2021年… {style="display:none"}``: a page's
    hidden title), each cut whole."""
    cuts, hidden = [], []
    line_start = 0
    for line in text.split("\n"):
        if line.endswith("}") and line.lstrip(" ")[:1] == "#":
            blank = len(line[:line.rfind("{")].rstrip(" \t"))
            if _heading_attributes().fullmatch(line, blank):
                if _effect(line[line.rfind("{") + 1:-1], inline=False, pandoc=True) == "hide":
                    hidden.append((line_start, line_start + len(line), ""))
                else:
                    cuts.append((line_start + blank, line_start + len(line), ""))
        line_start += len(line) + 1
    return cuts, hidden


@functools.cache
def _escape() -> re.Pattern:
    """Pandoc's escape: a backslash before ASCII punctuation or a blank (a hard line
    break too: a backslash at a line's end)."""
    return re.compile(r"\\(?=[!-/:-@\[-`{-~ \n]|$)")


def may_hold_markup(text: str) -> bool:
    """Whether a text may hold markup to take away (asked of every text: a search or
    two in C)."""
    return "]{" in text or ":::" in text or "<" in text and (
        "<!--" in text or _tags().search(text) is not None
        or _single_tag().search(text) is not None and _may_hide().search(text) is not None)


def may_hide(text: str) -> bool:
    """Whether a text holds markup that may hide or strike out what it holds."""
    return _may_hide().search(text) is not None


def hidden_spans(text: str) -> list[tuple[int, int]]:
    """Where the text holds what the page hides (elements, spans and divs its styles or
    attributes hide, deletions, comments), as (start, end), in order."""
    if not ("]{" in text or ":::" in text or "<" in text and (
            "<!--" in text or _may_hide().search(text) is not None)):
        return []
    return sorted((start, end) for start, end, _ in _cuts_of(text, shown_too=False)[0])


def aligned_without_markup(line: str, char_width) -> tuple[str, list[int] | None, dict[int, int]]:
    """A line of a table aligned by its blanks (a pandoc simple or multiline table's,
    whose columns count the markup's room) without its markup, each word after two
    blanks or more, and the line's first, at the display column the line as written has
    it at: the room the markup took is given to the blanks before the word. Words the
    markup joins, or one blank parts, stay as without_markup leaves them. With it, the
    index in the line as written of each of its characters (None: the line holds no
    markup), and for each word whose markup starts right before it (the ``[`` of
    ``[12]{…}``, where its cell starts), the display column that markup starts at: the
    writer aligns a cell by its markup or by its text, as its column's alignment says.
    ``char_width``: a character's display columns (lines.char_width)."""
    from itertools import accumulate

    cuts = _cuts(line)
    if not cuts:
        return line, None, {}
    pieces: list[tuple[str, int, int]] = []  # (text kept, where it starts, its step)
    done = 0
    for start, end, leaves in cuts:
        pieces.append((line[done:start], done, 1))
        pieces.append((leaves, start, 0))  # (what a cut leaves stands at its start)
        done = end
    pieces.append((line[done:], done, 1))
    shown_at = [0, *accumulate(map(char_width, line))]  # each character's display column
    out: list[str] = []
    source: list[int] = []
    marked: dict[int, int] = {}  # a word's first character in out: its markup's column
    width = 0  # display columns in out
    blanks = 0  # the blanks just before, as many as the line as written has there
    anchor = None  # where the markup right before the next word starts
    for text, start, step in pieces:
        if not step and anchor is None and (blanks or not source):
            anchor = start
        for index, char in enumerate(text):
            at = start + index * step
            if not char.isspace():  # (blanks as str.split, which the spaced layout splits by)
                target = shown_at[at]
                if width < target and (blanks >= 2 or blanks == len(source)):
                    out.append(" " * (target - width))  # (a word after its column's blanks)
                    source.extend([at] * (target - width))
                    width = target
                if anchor is not None and shown_at[anchor] < width:
                    marked[len(source)] = shown_at[anchor]
                anchor = None
                blanks = -1
            else:
                anchor = None  # (blanks after the markup: the word stands after them)
            out.append(char)
            source.append(at)
            width += char_width(char)
            blanks += 1
    return "".join(out), source, marked


def without_markup(text: str) -> str:
    """A text (a cell's, a line's or a whole text's) without its markup, every line
    break kept."""
    return _applied(text, _cuts(text))[0]


def cell_without_markup(text: str) -> tuple[str, int]:
    """A cell's text without its markup and the blanks around what is left, and where
    in the text what is left starts (so that the cell's figure is located at its first
    digit, not at the markup before it: ``[0]{style="…"}``)."""
    body, _, start = lines_without_markup([text])
    return body, start


def lines_without_markup(lines: list[str]) -> tuple[str, int, int]:
    """A cell's lines (a drawn table's, its markup wrapped over them) as its text
    without markup, its lines joined as blocks.join_lines joins them (two numbers on
    two lines "4 1", never 41: ``[4]{…}`` / ``[1]{…}``), and where what is left starts:
    the index of its line and the offset in it. The markup is read over the lines
    joined (an attribute wraps mid-word: ``FO`` / ``NT-SIZE``); what each line shows
    is one piece of the text (a number pandoc wrapped in its cell, ``[5`` /
    ``419886元]{…}``, is two numbers, no figure, as a cell's lines always are)."""
    from govparse.frontends.blocks import join_lines

    joined = "".join(lines)
    cuts = _cuts(joined)
    ends = []  # where each line ends in the joined text
    for line in lines:
        ends.append((ends[-1] if ends else 0) + len(line))
    pieces: list[list[str]] = [[]]  # what each line shows, character by character
    first: int | None = None
    cut_at, end_at = 0, 0  # the next cut, and the next line's end
    position = 0
    while position < len(joined):
        while cut_at < len(cuts) and cuts[cut_at][1] <= position:
            cut_at += 1
        while end_at < len(ends) and ends[end_at] <= position:
            end_at += 1
            pieces.append([])
        if cut_at < len(cuts) and cuts[cut_at][0] <= position:
            start, end, leaves = cuts[cut_at]
            if leaves.strip(" \n") == "" and " " in leaves:
                pieces[-1].append(" ")
            position = end
            continue
        char = joined[position]
        if first is None and not char.isspace():
            first = position
        pieces[-1].append(char)
        position += 1
    text = join_lines([t for t in ("".join(p).strip() for p in pieces) if t])
    if first is None:
        return text, 0, 0
    line = bisect_right(ends, first)
    return text, line, first - (ends[line - 1] if line else 0)


def text_without_markup(text: str) -> tuple[str, tuple]:
    """A whole text without its markup, but for the lines of drawn tables, whose
    cells are cleaned once their lines are joined (module docstring): a grid's
    (``|`` and ``+`` lines) and a ruled table's (_ruled_lines); what the page hides is
    taken away there too (a table in a comment, in a hidden element or div). With it,
    for each line that changed, (line, the source's column of each of its characters),
    as tab_stops gives them: the report says what stands there in the source's
    columns."""
    lines = text.split("\n")
    kept = _ruled_lines(lines)
    kept.update(i for i, line in enumerate(lines)
                if line.lstrip(" \u3000\t")[:1] in ("|", "+", "｜"))
    hidden, shown = _cuts_of(text)
    if kept and shown:
        starts = [0]  # each line's first character in the text
        for line in lines:
            starts.append(starts[-1] + len(line) + 1)
        shown = [cut for cut in shown
                 if not kept.intersection(range(bisect_right(starts, cut[0]) - 1,
                                                bisect_right(starts, max(cut[1] - 1, cut[0]))))]
    return _applied(text, _merged(text, hidden + shown))


def _cuts(text: str) -> list[tuple[int, int, str]]:
    """The markup of a text, as (start, end, what it leaves) in order, none overlapping."""
    hidden, shown = _cuts_of(text)
    return _merged(text, hidden + shown)


def _cuts_of(text: str, shown_too: bool = True) -> tuple[list, list]:
    """The markup of a text, as (start, end, what it leaves): what hides text with it
    (comments, hidden elements and divs, deletions), and the rest (not looked for
    without ``shown_too``: hidden_spans; a hidden span is among the rest, cut as its
    line's markup)."""
    hidden: list[tuple[int, int, str]] = []
    shown: list[tuple[int, int, str]] = []
    pandoc = "]{" in text
    if pandoc and shown_too:
        shown += _span_cuts(text)
    if "<" in text:
        if shown_too:
            shown += [(m.start(), m.end(), _tag_run(m)) for m in _tags().finditer(text)]
        if "<!--" in text:  # (a comment: shown nowhere)
            hidden += [(m.start(), m.end(), "\n" * m.group().count("\n"))
                       for m in _comment().finditer(text)]
        if _may_hide().search(text):
            for cut in _hidden_cuts(text):
                (shown if cut[2] == " " else hidden).append(cut)
    if pandoc or ":::" in text:
        fences, hidden_divs = _fenced_div_cuts(text)
        shown += fences
        hidden += hidden_divs
        if "}" in text and shown_too:
            attributes, hidden_headings = _heading_attribute_cuts(text)
            shown += attributes
            hidden += hidden_headings
    if pandoc and "\\" in text and shown_too:
        shown += [(m.start(), m.end(), "") for m in _escape().finditer(text)]
    return hidden, shown


def _merged(text: str, cuts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The cuts in order, those that overlap made one (leaving their line breaks, or a
    blank where one of them leaves one and none holds a line break)."""
    if len(cuts) < 2:
        return cuts
    cuts.sort()
    merged = [cuts[0]]
    for start, end, leaves in cuts[1:]:
        last_start, last_end, last_leaves = merged[-1]
        if start < last_end:
            if end <= last_end:
                if leaves == " " and not last_leaves:
                    merged[-1] = (last_start, last_end, " ")
                continue  # (inside it: a tag inside an element cut whole)
            breaks = last_leaves.count("\n") + text.count("\n", last_end, end)
            merged[-1] = (last_start, end, "\n" * breaks if breaks
                          or " " not in last_leaves + leaves else " ")
        else:
            merged.append((start, end, leaves))
    return merged


@functools.cache
def _fence_line() -> re.Pattern:
    """A fenced div's fence: its colons, and after an opening one its attributes
    (``{…}``) or class; a closing one has nothing after its colons."""
    return re.compile(r"^[ ]{0,3}:{3,}(?:[ \t]+(\{[^{}\n]{0,2000}\}|[\w-]+))?[ \t]*:*[ \t]*$",
                      re.M)


def _fenced_div_cuts(text: str) -> tuple[list, list]:
    """Pandoc's fenced divs: each fence line cut (leaving the line empty), and a div
    whose attributes hide it (``::: {style="display: none"}``, ``::: hidden``) cut
    whole, to its closing fence (or the text's end). One pass, a stack of the divs
    open."""
    fences: list[tuple[int, int, str]] = []
    hidden: list[tuple[int, int, str]] = []
    opened: list[tuple[int, bool]] = []  # (start, hides)
    for fence in _fence_line().finditer(text):
        fences.append((fence.start(), fence.end(), ""))
        written = fence.group(1)
        if written is None:  # (a closing fence)
            if opened:
                start, hides = opened.pop()
                if hides and not any(h for _, h in opened):
                    hidden.append((start, fence.end(), "\n" * text.count("\n", start, fence.end())))
            continue
        attributes = written[1:-1] if written.startswith("{") else "." + written.strip()
        opened.append((fence.start(), _effect(attributes, inline=False, pandoc=True) == "hide"))
    for start, hides in opened:
        if hides and not hidden or hides and hidden[-1][1] <= start:
            hidden.append((start, len(text), "\n" * text.count("\n", start)))
            break
    return fences, hidden


def _applied(text: str, cuts: list[tuple[int, int, str]]) -> tuple[str, tuple]:
    """The text with each cut replaced by what it leaves (its line breaks, maybe a
    blank), and for each line changed the source's column of each character (a blank
    left stands at the cut's first character)."""
    if not cuts:
        return text, ()
    pieces: list[str] = []
    done = 0
    for start, end, leaves in cuts:
        pieces.append(text[done:start])
        pieces.append(leaves)
        done = end
    pieces.append(text[done:])
    return "".join(pieces), _columns(text, cuts)


def _columns(text: str, cuts: list[tuple[int, int, str]]) -> tuple:
    """For each line of the text with its cuts made that differs from the source's
    line of the same number, the source's column (from 1) of each of its characters."""
    columns: list[tuple[int, tuple[int, ...]]] = []
    line, line_start = 1, 0  # the line of the source now read, and where it starts
    current: list[int] = []  # the source columns of the line being made
    changed = False
    done = 0

    def keep(start: int, end: int) -> None:
        nonlocal line_start
        at = start
        while at < end:
            brk = text.find("\n", at, end)
            stop = end if brk < 0 else brk
            current.extend(range(at - line_start + 1, stop - line_start + 1))
            if brk < 0:
                return
            finish()
            line_start = brk + 1
            at = brk + 1

    def finish() -> None:
        nonlocal line, current, changed
        if changed:
            columns.append((line, tuple(current)))
        line, current, changed = line + 1, [], False

    for start, end, leaves in cuts:
        keep(done, start)
        changed = True
        breaks = text.count("\n", start, end)
        if " " in leaves:
            current.append(start - line_start + 1)
        for _ in range(breaks):
            finish()
            changed = True
        if breaks:
            line_start = text.rfind("\n", start, end) + 1
        done = end
    keep(done, len(text))
    finish()
    return tuple(columns)


@functools.cache
def _rule() -> re.Pattern:
    return re.compile(r"[ \t]*-{3,}(?: +-{3,})*[ \t]*")


def _ruled_lines(lines: list[str]) -> set[int]:
    """The indexes of the lines of pandoc's simple and multiline tables, whose columns
    stand where the dashes of their rules do. Pandoc indents a table's lines, rules and
    rows, by a blank or more: from a line of dashes parted into columns (and the
    header line right above it), or one whole across (a multiline table's top rule),
    on over blank and indented lines and further rules, to the first line that starts
    with neither (a paragraph, a heading). A line of dashes alone at a line's start
    (a horizontal rule) opens no table."""
    ruled: set[int] = set()
    index, count = 0, len(lines)
    while index < count:
        line = lines[index]
        if "---" not in line or not _rule().fullmatch(line) \
                or not line.startswith(" ") and len(line.split()) < 2:
            index += 1
            continue
        if len(line.split()) > 1 and index and lines[index - 1].strip():
            ruled.add(index - 1)  # (a simple table's header line, over its rule)
        ruled.add(index)
        index += 1
        while index < count and (not lines[index].strip() or lines[index][:1] == " "
                                 or _rule().fullmatch(lines[index])):
            ruled.add(index)
            index += 1
    return ruled


@functools.cache
def _comment() -> re.Pattern:
    """A comment: ``<!-- … -->``, HTML's empty ``<!-->`` and ``<!--->``, and one never
    closed, which runs to the text's end (as in a page, and in markdown's HTML block)."""
    return re.compile(r"<!--(?:-?>|.*?(?:-->|\Z))", re.S)


@functools.cache
def _may_hide() -> re.Pattern:
    """Markup that may hide or strike out what it holds (looked for before each tag
    is: most texts have none)."""
    return re.compile(r"style|hidden|<(?:del|s|strike)[\s>]", re.I)


@functools.cache
def _attribute() -> re.Pattern:
    """An attribute of a start tag or of pandoc's attributes: a name, maybe ``=`` and
    its value (quoted or not); or pandoc's ``.class``."""
    return re.compile(r"""\.([\w-]+)|([\w:-]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>}]+))?""")


@functools.cache
def _pandoc_attribute() -> re.Pattern:
    """An attribute of pandoc's, whose quoted value (in double quotes, as pandoc writes
    it, or single ones, as it reads them too) escapes its quotes with a backslash
    (``style="font-family:\\"宋体\\";display:none"``: Word's page writes a font's name
    so)."""
    return re.compile(r"""\.([\w-]+)|([\w:-]+)(?:\s*=\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s"'}]+))?""")


def _effect(attributes: str, inline: bool = True, pandoc: bool = False) -> str | None:
    """What an element's attributes (a start tag's, after its name; pandoc's, between
    braces) do to its text: "hide" where the HTML front-end would not show it (its
    ``hidden`` attribute, its class ``hidden``, or its style alone: display: none,
    visibility: hidden, font-size: 0, opacity: 0 …, as frontends/html/hiding.py reads
    a style); "strike" where a reader sees it apart from what stands beside it: struck
    through, or drawn where a reader may not see it (white, transparent: a digit so
    among a figure's, 1[7]{style="color:#fff"}1, shows 11 on white and 171 on a dark
    cell, so no figure); else None. ``inline``: the element is an inline box (a span,
    pandoc's bracketed span; not a div); ``pandoc``: pandoc's attributes, whose values
    escape quotes with a backslash (a tag's may hold entities)."""
    for found in (_pandoc_attribute() if pandoc else _attribute()).finditer(attributes):
        cls, name, value = found.groups()
        if cls is not None:
            if cls.lower() == "hidden":
                return "hide"
            continue
        name = name.lower()
        value = value or ""
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        if pandoc:
            value = re.sub(r"\\(.)", r"\1", value)
        elif "&" in value:
            value = html.unescape(value)
        if name == "hidden":
            return "hide"
        if name == "class" and "hidden" in value.lower().split():
            return "hide"
        if name == "style" and value:
            from govparse.frontends.html.hiding import style_effect

            effect = style_effect(value, inline)
            if effect == "hide":
                return "hide"
            if effect == "doubt" or "line-through" in value.lower():
                return "strike"
    return None


@functools.cache
def _single_tag() -> re.Pattern:
    return re.compile(r"<(/?)([a-zA-Z][\w:-]{0,20})(?=[\s/>])([^<>]{0,2000})>")


_STRUCK = ("s", "strike")  # (a figure corrected in place: <s>12</s>15, "12 15")
# (the elements a browser draws as inline boxes: a size or a transform does not apply)
_INLINE_NAMES = frozenset(_INLINE.split("|")) | {"s", "strike", "sup", "sub", "del", "label"}
_VOID = frozenset(("br", "hr", "img", "wbr", "input", "meta", "link", "col", "area"))


def _hidden_cuts(text: str) -> list[tuple[int, int, str]]:
    """Elements whose text the page does not show, cut whole: one its attributes hide
    (_effect), and a tracked deletion (<del>, as the HTML and Word front-ends accept
    changes); and text struck out (<s>, <strike>, a style's line-through) parted by a
    blank from what stands around it, so that a figure and its struck-out correction
    read as no number, as the HTML front-end reads them. One pass over the tags, each
    end tag closing the last one open of its name (and those open inside it); each
    tag opened once and closed at most once."""
    cuts: list[tuple[int, int, str]] = []
    opened: list[tuple[str, int, int, str | None]] = []  # (name, start, end, effect)
    by_name: dict[str, list[int]] = {}  # the indexes in ``opened`` of each name's
    for tag in _single_tag().finditer(text):
        name = tag.group(2).lower()
        if not tag.group(1):
            if name in _VOID or tag.group().endswith("/>"):
                continue
            effect = "hide" if name == "del" else "strike" if name in _STRUCK else None
            if effect is None and tag.group(3).strip():
                effect = _effect(tag.group(3), inline=name in _INLINE_NAMES)
            by_name.setdefault(name, []).append(len(opened))
            opened.append((name, tag.start(), tag.end(), effect))
            continue
        indexes = by_name.get(name)
        if not indexes:
            continue
        at = indexes[-1]
        _, start, start_end, effect = opened[at]
        while len(opened) > at:  # (it closes those open inside it too)
            by_name[opened.pop()[0]].pop()
        if effect == "hide":
            cuts.append((start, tag.end(), "\n" * text.count("\n", start, tag.end())))
        elif effect == "strike":
            cuts.append((start, start_end, " "))
            cuts.append((tag.start(), tag.end(), " "))
    return cuts


def _tag_run(found: re.Match) -> str:
    """What a run of tags leaves: its line breaks; a blank where blanks stand between
    its tags (``<b>1</b> <b>2</b>`` shows 1 2), or where it parts two digits with a
    block, a line break, a superscript or a subscript."""
    run = found.group()
    breaks = "\n" * run.count("\n")
    if breaks:
        return breaks
    text, start, end = found.string, found.start(), found.end()
    if ">" in run[:-1] and _blank_between_tags().search(run):
        return " "
    if start and end < len(text) and text[start - 1] in _DIGITS and text[end] in _DIGITS \
            and _parting_tag().search(run):
        return " "
    return ""


@functools.cache
def _blank_between_tags() -> re.Pattern:
    return re.compile(r">[ \t]+<")


def _span_cuts(text: str) -> list[tuple[int, int, str]]:
    """Pandoc's bracketed spans, the text inside kept: each ``[`` that a
    ``]{attributes}`` closes (nested ones too), found in one pass with a stack of the
    ``[`` open; an escaped bracket (``\\[``) is text."""
    opened: list[int] = []
    cut: list[tuple[int, int, str]] = []
    attributes = _attributes()
    at = 0
    length = len(text)
    while at < length:
        char = text[at]
        if char == "\\":
            # (an escaped character is text; but a backslash before a span's end is a
            # line break at the span's end, its line end lost when a grid's cell was
            # joined: [本⏎年新]{…}[\⏎]{…})
            at += 1 if opened and text.startswith("]{", at + 1) else 2
            continue
        if char == "[":
            opened.append(at)
        elif char == "]":
            # (with no [ open: a span whose start is on another line of its cell, in a
            # table's line; its end is cut all the same)
            start = opened.pop() if opened else None
            found = attributes.match(text, at + 1) if text.startswith("{", at + 1) else None
            if found is not None:
                # (with the line break's backslash before it: see above)
                first = at - 1 if at and text[at - 1] == "\\" else at
                effect = _effect(found.group()[1:-1], pandoc=True) if start is not None else None
                if effect == "hide":
                    # (a span the page hides: [7]{hidden=""}, its text cut too)
                    cut.append((start, found.end(),
                                "\n" * text.count("\n", start, found.end())))
                    at = found.end()
                    continue
                struck = " " if effect == "strike" else ""
                if start is not None:
                    cut.append((start, start + 1, struck))
                cut.append((first, found.end(),
                            "\n" * text.count("\n", first, found.end()) or struck))
                at = found.end()
                continue
        at += 1
    return cut
