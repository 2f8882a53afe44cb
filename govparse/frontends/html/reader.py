"""An HTML page to a Document: its lines of text as titles, headings and paragraphs,
its data tables as grids of cells with their spans.

The page is parsed by lxml (libxml2's HTML parser: it mends what browsers mend) and
walked once, start and end of each element in document order, without recursion, so
that a page of any depth reads in time linear in its size:

- a block element (p, div, li, h1 …) and <br> end a line; the text between is one
  line, blanks folded (govparse/frontends/blocks.py says what a line is);
- a table that holds no other table, or more cells of its own than the tables inside
  it hold (a note's small table in a header cell), is a data table (tables.py reads
  it); a table that holds tables is else a layout table (Word's "Save as HTML" puts the whole report in
  one), read as the text of its cells;
- scripts, styles, forms' controls, navigation and footers are not the report, nor is
  what the page hides from its reader (display: none and the like, hiding.Hiding:
  some sites hide digits among a table's figures against copying; its <style>
  sheets, and those a page read from a file links beside it, linked_sheets.py),
  which is left out with a note (GP504).

Every block and cell has an HtmlLocation: the source line of its element, and for a
cell its table, row and column.
"""

from __future__ import annotations

import functools
import re

from govparse.diagnostics import DiagnosticSink
from govparse.document import Document, HtmlLocation, Paragraph, Title
from govparse.frontends.blocks import block_of, clean
from govparse.frontends.title_lines import join_split_title
from govparse.frontends.html.elements import BLOCKS, SKIPPED, is_furniture, tag_of
from govparse.frontends.html.hiding import (MAX_SELECTORS, MAX_SHOWING, SHOWN, Hiding,
                                           no_font, text_shown)
from govparse.frontends.html.tables import is_data_table, read_table
from govparse.frontends.ideographs import radicals_referenced, text_with_ideographs


# A numeric character reference without its ';' that stands for a digit (&#53 is
# 5): HTML decodes it, but no page writes a digit so, and a figure it leaves is one
# cut short (<td>&#53</td>: a figure 53 damaged, never 5). Kept as it is written, it
# reads as no number (GP313), said aloud; with its ';' (&#53;) it is a digit.
_unterminated_digits = re.compile(
    r"&(?=#(?:0*(?:4[89]|5[0-7])(?![0-9;])|[xX]0*3[0-9](?![0-9a-fA-F;])))")


def read_html(text: str, path: str | None = None, notes: tuple = ()) -> Document:
    """The Document of an HTML page (or a fragment of one)."""
    from lxml import etree, html

    from govparse.frontends.html.quirks import quirks_mode

    sink = DiagnosticSink()
    sink.items.extend(notes)
    # (text copied out of a PDF: ⾏ for 行, written so or as a reference)
    text, unified = text_with_ideographs(radicals_referenced(text))
    if unified:
        sink.items.append(unified)
    # As UTF-8 bytes: lxml refuses a str that declares its own encoding. Comments and
    # processing instructions are dropped by the parser, their tails kept in place
    # (a tree walk would lose the text after them).
    parser = html.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=True,
                             remove_pis=True)
    root = None
    if "&#" in text:
        text = _unterminated_digits.sub("&amp;", text)
    if text.strip():
        try:
            root = html.document_fromstring(text.encode("utf-8", "surrogatepass"),
                                            parser=parser)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
            # nothing but markup that holds no element (<!DOCTYPE html> alone)
            sink.add("GP502", f"the HTML parser read no document ({exc}); nothing of the page "
                     "was read", 1)
    blocks: list = []
    if root is not None:
        from govparse.frontends.html.linked_sheets import local_sheets

        hiding = Hiding(root, quirks_mode(text), linked=local_sheets(path),
                        fragment=_fragment().search(text) is None)
        read_before = len(sink.items)
        walk = _Walk(blocks, sink, hiding)
        walk.run(etree.iterwalk(root, events=("start", "end")))
        if walk.hidden_tables:
            from govparse.frontends.html.revealed import revealed, shown_under_its_title

            shown = revealed(walk.hidden_tables, blocks, hiding)
            if shown is not None:  # (read again, as the page's script shows it)
                said, before = sink.items[read_before:], list(blocks)
                doubted, hiding.doubted = hiding.doubted, {}
                del sink.items[read_before:]
                blocks.clear()
                hiding.reveal(shown)
                again = _Walk(blocks, sink, hiding)
                again.run(etree.iterwalk(root, events=("start", "end")))
                if shown_under_its_title(before, blocks):
                    walk = again
                    _note_revealed(sink, shown)
                else:  # (as it stands: another report's, or another year's)
                    sink.items[read_before:] = said
                    blocks[:] = before
                    hiding.doubted = doubted
        walk.note_hidden()
        if hiding.doubted:
            _note_doubted(sink, list(hiding.doubted.values()))
        if hiding.too_many:
            _unfollowed(sink, f"the page's style sheets hide elements by {hiding.too_many} "
                        f"selectors more than the {MAX_SELECTORS} govparse follows; text "
                        "those hide is read")
        if hiding.budget.spent:
            _unfollowed(sink, f"the page's style sheets ask more than {hiding.budget.size} matches of "
                        "its elements against their selectors; those past them were not "
                        "followed: text they hide is read, text they show may be left out")
        if hiding.showing_budget.spent:
            _unfollowed(sink, f"the page's style sheets ask more than "
                        f"{hiding.showing_budget.size} matches of its elements against the "
                        "rules that may show what others hide; those past them were not "
                        "followed: text they show may be left out")
        if hiding.too_many_showing:
            _unfollowed(sink, f"the page's style sheets may show hidden elements by "
                        f"{hiding.too_many_showing} selectors more than the {MAX_SHOWING} "
                        "govparse follows; text those show may be left out")
        if hiding.unread:
            _unfollowed(sink, f"{hiding.unread} of the page's style sheets, selectors, "
                        "@scope rules or styles nest too deep, hold numbers too long, or "
                        "scope in a way govparse does not follow (to a limit, or under the "
                        "<style>'s parent), to be read; text they hide is read")
    for error in parser.error_log.filter_from_fatals():
        # libxml2 mends what browsers mend; it gives up only on a page nested deeper
        # than 2048 elements
        reason = error.message.split(", use XML_PARSE_HUGE")[0]  # not an option of ours
        sink.add("GP502", f"the HTML parser stopped at line {error.line}: {reason}; "
                 "the rest of the page was not read", error.line)
    blocks = join_split_title(blocks, sink)
    return Document(tuple(blocks), path, tuple(sink.items))


@functools.cache
def _fragment() -> re.Pattern:
    """The start tag of a whole page's <html> or <head>: a page without either is a
    fragment, whose sheets the crawler left behind."""
    return re.compile(r"<(?:html|head)[\s>/]", re.I)


def _note_doubted(sink: DiagnosticSink, doubted: list) -> None:
    """GP508: digits of a figure in an element a sheet not read may hide."""
    first = doubted[0]
    names = " ".join(filter(None, (first.get("class"), first.get("id"))))
    shown = " ".join("".join(first.itertext()).split())
    count = len(doubted)
    sink.add("GP508", f"{count} element{'s' if count != 1 else ''} among a figure's digits "
             f"may be hidden by a style sheet of the page's that govparse did not read "
             f"(the first: '{shown[:20]}', of class or id '{names[:40]}'); those figures "
             "are not read", first.sourceline,
             hint="some sites hide digits among a table's figures against copying, by a "
                  "class of their sheet: read the page saved whole, its sheets beside it, "
                  "or check the figures against a browser's view")


def _note_revealed(sink: DiagnosticSink, shown) -> None:
    """GP507: the page's report, all of it hidden, read as its script shows it."""
    what = " ".join(f"{name}={value!r}" for name, value in shown.attrib.items()
                    if name in ("id", "class", "style", "hidden") or name.endswith("cloak"))
    sink.add("GP507", f"the page hides its whole report until a script or a click shows it "
             f"(<{shown.tag}{' ' + what if what else ''}>: a WeChat article's, a cloaked "
             "app's); read as shown", shown.sourceline,
             hint="a saved page whose script shows its text; check the figures against a "
                  "browser's view")


def _unfollowed(sink: DiagnosticSink, message: str) -> None:
    """GP505: hiding rules of the page's styles that were not followed."""
    sink.add("GP505", message, 1,
             hint="a figure with a digit hidden (or shown) by one of them may be read wrong: "
                  "check the page's figures against a browser's view")


def _links_away(element) -> bool:
    """Whether an <a> links to another page (not to a place on this one, nor a script's)."""
    href = (element.get("href") or "").strip().lower()
    return bool(href) and not href.startswith(("#", "javascript:"))


class _Walk:
    """One pass over the page's elements, making its blocks."""

    def __init__(self, blocks: list, sink: DiagnosticSink, hiding: Hiding) -> None:
        self.blocks = blocks
        self.sink = sink
        self.pieces: list[str] = []  # the text of the line being read
        self.line: int | None = None  # its source line
        self.tables = 0  # data tables read so far
        self.hiding = hiding  # how the page hides elements (in its tables)
        self.hidden: list = []  # hidden elements with text, left out
        self.hidden_tables: list = []  # tables among them (revealed.py)
        self.links = 0  # links (<a href>) the walk is inside
        self.unlinked = False  # the line being read has text outside any link

    def run(self, walk) -> None:
        hiding = self.hiding
        # (visible, sized, painted) of each element open (Hiding.computed): text the
        # page does not show is not read (a tab of another year's report: its title
        # and year are not this report's); the page itself shows
        states: list = [SHOWN]
        for event, element in walk:
            tag = tag_of(element)
            if event == "start":
                parent = states[-1]
                states.append(parent)  # (an element skipped ends too: its tail is read)
                if tag is None or tag in SKIPPED or is_furniture(element, tag):
                    walk.skip_subtree()
                    continue
                if tag in BLOCKS or tag == "br":
                    self.end_line()
                if tag == "a" and _links_away(element):
                    self.links += 1
                if tag == "table" and self._hidden(element, parent):
                    self.hidden.append(element)  # (its figures are none the page shows)
                    self.hidden_tables.append(element)
                    walk.skip_subtree()
                    continue
                if tag == "table" and is_data_table(element):
                    self.tables += 1
                    self.blocks.append(read_table(element, self.tables, self.sink,
                                                  self.hiding, self.hidden))
                    walk.skip_subtree()
                    continue
                state = hiding.of_child(element, parent)
                if state is None:
                    if "".join(element.itertext()).strip():
                        self.hidden.append(element)
                        self.hidden_tables += element.iter("table")
                    walk.skip_subtree()
                    continue
                states[-1] = state
                if text_shown(state):
                    self.add(element.text, element)
            else:
                states.pop()
                if tag in BLOCKS:
                    self.end_line()
                if tag == "a" and _links_away(element):
                    self.links -= 1
                if text_shown(states[-1]):
                    self.add(element.tail, element)

    def _hidden(self, table, parent: tuple) -> bool:
        """Whether the page hides a table from its reader, by its own styles or what it
        inherits from the elements it stands in (display: none and the like; a tab of
        another year's report, a copy for printing, a tab pane made invisible until it
        is chosen: ``visibility: hidden``). A table that is invisible, or of no font
        size, only by inheritance is read where an element inside it may show itself
        (``visibility: visible``, a font size of its own). ``parent``: the state of
        the element it stands in (run's)."""
        hiding = self.hiding
        state = hiding.computed(table, *parent)
        if state is None:
            return True
        if text_shown(state):
            return False
        # (what is inherited is undone only by what sets it again: visibility by
        # visibility: visible, no font size by a size)
        invisible, unsized = not state[0], no_font(state[1])
        for element in table.iterdescendants():
            if isinstance(element.tag, str):
                _, visible, sized, _ = hiding.own(element, True)
                invisible = invisible and not visible
                unsized = unsized and (sized is None or no_font(sized))
                if not invisible and not unsized:
                    return False
        return True

    def note_hidden(self) -> None:
        """One note for the page's hidden text left out (GP504)."""
        if not self.hidden:
            return
        first = self.hidden[0]
        shown = " ".join("".join(first.itertext()).split())
        count = len(self.hidden)
        self.sink.add(
            "GP504", f"{count} element{'s' if count != 1 else ''} of the page that it hides "
            f"from its reader (display: none and the like) left out, as a browser shows "
            f"the page; the first holds '{shown[:40]}'", first.sourceline,
            hint="read as a browser shows the page: some sites hide digits among a "
                 "table's figures against copying")

    def add(self, text: str | None, element) -> None:
        if text:
            if self.line is None and text.strip():
                self.line = element.sourceline
            if not self.links and text.strip():
                self.unlinked = True
            self.pieces.append(text)

    def end_line(self) -> None:
        if self.pieces:
            block = block_of(clean("".join(self.pieces)), HtmlLocation(line=self.line))
            if type(block) is Title and not self.unlinked:
                # a title that is all a link's text names the page it links to (a
                # list of the body's other reports, 上一篇/下一篇): not this report
                block = Paragraph(block.text, block.location)
            if block is not None:
                self.blocks.append(block)
        self.pieces = []
        self.line = None
        self.unlinked = False
