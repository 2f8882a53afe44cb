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
