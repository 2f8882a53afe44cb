"""What kind of element an HTML element is, for reading a report out of a page."""

from __future__ import annotations

import re

# Elements that end the line of text before them and start a new one.
BLOCKS = frozenset("""
    address article aside blockquote body caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main
    menu nav ol p pre section summary table tbody td tfoot th thead tr ul
""".split())

# Elements whose content is never the report's text.
SKIPPED = frozenset("""
    applet audio button canvas datalist embed head iframe input map noscript object option
    script select style svg template textarea title video
""".split())

# Page furniture around a report, told by its class or id: navigation, breadcrumbs,
# footers, sharing buttons, side bars.
_FURNITURE_WORDS = frozenset("""
    nav navbar navigation breadcrumb breadcrumbs crumb crumbs bread menu footer sidebar
    share copyright
""".split())
_WORDS = re.compile(r"[a-z]+")


def tag_of(element) -> str | None:
    """The element's tag (libxml2's HTML parser writes every tag in lower case); None
    for a comment or processing instruction."""
    tag = element.tag
    return tag if type(tag) is str else None


def is_furniture(element, tag: str) -> bool:
    """Navigation, a footer and the like: never the report."""
    if tag in ("nav", "footer"):
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return bool(names.strip()) and not _FURNITURE_WORDS.isdisjoint(_WORDS.findall(names))


# How a page hides an element from its reader: the ``hidden`` attribute, an inline
# style (display: none, visibility: hidden, font-size: 0), or a class whose rule in
# the page's own <style> says so (.hide { display: none }). Some sites put such
# elements among a table's digits against copying: <td>1<span style="display:none">
# 7</span>2</td> shows 12, and read with the hidden 7 it would be 172.
_HIDING = (r"(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)"
           r"|font-size\s*:\s*0+(?:\.0+)?(?:px|pt|em|rem|%)?|opacity\s*:\s*0+(?:\.0+)?%?)")
_HIDDEN_STYLE = re.compile(rf"(?:^|[;\s]){_HIDING}\s*(?:!\s*important\s*)?(?:;|$)", re.I)
# A rule's selector, by its last compound (what the rule styles): one class (.x,
# span.x) or one id (#x), with the context before it (.content span.x, td > .x, #main
# .x) left aside: an element of that class is taken for hidden wherever it stands (a
# class a page hides in one place is its class for hiding); rules inside an @media
# block too.
_LAST_COMPOUND = re.compile(r"(?:^|[\s>+~])([a-z0-9]*)([.#])([\w-]+)\s*$", re.I)
MAX_STYLE_TEXT = 1 << 20  # characters of <style> read for hiding classes
# Whether a style hides, remembered: a page repeats a few long styles (one exported
# from Word, a style on nearly every element). Bounded.
_STYLE_HIDES: dict[str, bool] = {}
_MAX_STYLES = 4096


def _style_hides(style: str) -> bool:
    hides = _STYLE_HIDES.get(style)
    if hides is None:
        hides = _HIDDEN_STYLE.search(style.strip()) is not None
        if len(_STYLE_HIDES) < _MAX_STYLES:
            _STYLE_HIDES[style] = hides
    return hides


def hidden_classes(root) -> tuple[frozenset[str], frozenset[str]]:
    """The classes and the ids a page's <style> elements hide: each rule whose
    declarations hide, for each of its selectors whose last compound is one class
    (``.x``, ``span.x``, ``.content span.x``) or one id (``#x``) (_LAST_COMPOUND)."""
    text = "".join(style.text or "" for style in root.iter("style"))[:MAX_STYLE_TEXT]
    classes, ids = set(), set()
    for rule in text.split("}"):  # (a rule's selectors { its declarations)
        selectors, brace, declarations = rule.rpartition("{")
        # (inside an @media block, what follows its own brace)
        selectors = selectors.rpartition("{")[2].rpartition("}")[2]
        if brace and _HIDDEN_STYLE.search(declarations.strip()):
            for selector in selectors.split(","):
                found = _LAST_COMPOUND.search(selector.strip())
                if found:
                    (classes if found.group(2) == "." else ids).add(found.group(3))
    return frozenset(classes), frozenset(ids)


class Hiding:
    """How a page hides its elements: a style (inline, or a class its <style> hides) or
    the ``hidden`` attribute (see _HIDING); called with an element, whether a browser
    shows nothing of it."""

    __slots__ = ("classes", "ids")

    def __init__(self, root) -> None:
        self.classes, self.ids = hidden_classes(root) if root is not None else (
            frozenset(), frozenset())

    def __call__(self, element) -> bool:
        style = element.get("style")
        if style is not None and _style_hides(style):
            return True
        if self.classes:
            names = element.get("class")
            if names is not None and not self.classes.isdisjoint(names.split()):
                return True
        if self.ids and element.get("id") in self.ids:
            return True
        return element.get("hidden") is not None


NOTHING_HIDDEN = Hiding(None)
