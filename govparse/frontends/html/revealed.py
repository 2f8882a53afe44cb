"""A page that hides its whole report until a script (or a click) shows it.

A WeChat article (mp.weixin.qq.com, where many bodies publish their report) holds its
text in ``<div id="js_content" style="visibility: hidden; opacity: 0">``, which the
page's script shows once it has loaded; a Vue page hides its app under ``[v-cloak] {
display: none }``, an Angular one under ``ng-cloak``, others the whole body until
their fonts arrive. Saved by a crawler, such a page hides from a reader without
scripts the report a browser shows: read as it stands, none of its tables is read.

The report is shown where nothing else tells which of the page's copies a browser
shows: every hidden statistics table (one with labels of the template's tables)
stands inside one element that hides it, the outermost hidden element around each,
and that element is no table nor inside one, and holds most of the page's text
outside tables (the report's headings and prose: the page's content, not a tab of
one table); and the page shows none of its report: no statistics table, no heading
of the template's sections (a page whose heading shows above a table it hides
hides a tab, a copy, not its report); and where it shows a title, the text the
reveal shows states the title's year most and holds no other title
(shown_under_its_title, revealed_years.py: a tab of last year's report under this
year's title is not shown). That element's own styles are then not
followed (hiding.Hiding.reveal) and the page read again: what hides a digit or a
row inside it still hides it. A page that shows a statistics table (a tab of this
year's report beside a hidden one of last year's), or hides two (two tabs, shown
by a script one at a time), is read as it stands: which one a browser shows cannot
be told.
"""

from __future__ import annotations

from govparse.document import EmptyCells, Heading, Table, Title
from govparse.frontends.html.elements import tag_of
from govparse.frontends.html.hiding import SHOWN, Hiding, text_shown

# Template labels a table holds, at least, to be a statistics table (a page's table of
# its metadata, 索引号 / 发布机构 / 发文日期, holds none)
_LABELS_OF_A_TABLE = 3
# Hidden tables looked at, at most (a report has three; a page that hides more is read
# as it stands: each is looked through, cells and all)
MAX_TABLES = 64


def revealed(hidden_tables: list, blocks: list, hiding: Hiding):
    """The element to show (see the module's docstring), or None. ``blocks``: what
    the page shows."""
    if len(hidden_tables) > MAX_TABLES:
        return None
    hidden = [table for table in hidden_tables if _holds_template_labels(
        cell.text_content() for cell in table.iter("td", "th"))]
    if not hidden or any(type(block) is Heading or type(block) is Table and
                         _holds_template_labels(cell.text for row in block.rows
                                                if type(row) is not EmptyCells for cell in row)
                         for block in blocks):
        return None
    roots = {_hider(table, hiding) for table in hidden}
    if len(roots) != 1:
        return None
    root = roots.pop()
    if root is None or tag_of(root) == "table" or any(
            tag_of(above) == "table" for above in root.iterancestors()):
        return None
    return root if _most_of_the_text(root) else None


def shown_under_its_title(before: list, after: list) -> bool:
    """Whether the page read with the element shown (``after``: its blocks) may be
    read so, under the title it shows without it (``before``): the text the reveal
    shows (not what stays hidden inside it) states the title's year most and holds no
    title the page does not show (revealed_years.py)."""
    from collections import Counter

    from govparse.diagnostics import DiagnosticSink
    from govparse.frontends.revealed_years import may_show_under, titles
    from govparse.frontends.title_lines import join_split_title

    def texts(blocks: list) -> list[str]:
        return [block.text for block in blocks if type(block) is not Table]

    before, after = (join_split_title(list(blocks), DiagnosticSink()) for blocks in (before, after))
    shown = titles(block.text for block in before if type(block) is Title)
    revealed = Counter(texts(after)) - Counter(texts(before))
    return may_show_under(shown, "\n".join(revealed.elements()))


def _holds_template_labels(texts) -> bool:
    from govparse.template.spec import every_table_label, label_key

    labels = every_table_label()[1]
    found: set[str] = set()
    for text in texts:
        key = label_key(text)
        if key in labels:
            found.add(key)
            if len(found) >= _LABELS_OF_A_TABLE:
                return True
    return False


def _hider(table, hiding: Hiding):
    """The outermost element along the table's path whose text does not show."""
    state = SHOWN
    for element in reversed([table, *table.iterancestors()]):
        state = hiding.computed(element, *state)
        if state is None or not text_shown(state):
            return element
    return None


def _most_of_the_text(root) -> bool:
    """Whether an element holds more of its page's text, outside tables, than the page
    holds outside it: the page's content (a WeChat article's beside its title and
    account; a tab of one table beside the page's report is not)."""
    inside = _text_length(root.xpath(_TEXT))
    page = _text_length(root.getroottree().getroot().xpath(_TEXT))
    return inside > page - inside


# the text of an element outside tables, scripts and styles
_TEXT = ".//text()[not(ancestor::table or ancestor::script or ancestor::style)]"


def _text_length(texts) -> int:
    return sum(len("".join(text.split())) for text in texts)
