"""Which elements a page hides from its reader, as a browser follows its styles.

Some sites put hidden elements among a table's digits against copying:
``<td>1<span style="display:none">7</span>2</td>`` shows 12, and read with the hidden 7
it would be 172, a wrong figure. What hides an element: ``display: none``,
``visibility: hidden`` (or ``collapse``), ``font-size: 0`` (or below 2px: ``1px``),
``opacity: 0``, a transform that scales it to nothing (``scale(0)``), a box of no width
or height that hides what overflows it (``display: inline-block; width: 0; overflow:
hidden``; an inline box has no width), a box taken
out of the flow (``position: absolute``, ``fixed``, ``relative``) and moved far off the
page (``left: -9999px``) or clipped to nothing (``clip: rect(0 0 0 0)``, absolute or
fixed), and the ``hidden`` attribute (a browser's own sheet: ``[hidden] { display:
none }``). A font size is 0 in any unit, and by the ``font`` shorthand (``font: 0/0
a``); ``display: contents`` makes no box, which opacity, a position or clip would hide.

Text drawn in a colour a reader may not see (white, which shows on a dark cell only;
transparent, under which a child's own colour shows) is said so (``painted``, inherited
as a font size is): what it means for a cell's text is tables.py's (cell_text).

Each of those properties takes, for an element, the value the cascade gives it, as in
a browser: of the declarations that apply (the element's ``style``, the rules of the
page's ``<style>`` sheets whose selector matches it, the ``hidden`` attribute) an
``!important`` one first, then the element's own style, then the rule of the later
``@layer`` (a rule outside any layer after all; for ``!important`` ones the order
reversed), then the rule of the more specific selector, then the later rule; so ``.h {
display: none } td .h { display: inline }`` hides nothing in a cell. ``revert`` rolls
back to a browser's own sheet, ``revert-layer`` to the layer below; a declaration a
browser drops as invalid (``display: inline\\9``) says nothing. Visibility and the
font size are inherited: the child of a hidden element is hidden unless it says
otherwise itself (``visibility: visible``, a font size of its own); what ``display``,
``opacity`` or a move hides is hidden with all it holds. tinycss2 reads the sheets;
each selector, parsed by cssselect, is matched element by element as a browser does
(_Matcher), and only where an element may be hidden at all: where a declaration that
hides applies to it or to what it is inside.

What a browser shows only now and then hides nothing: a rule under a pseudo-class
(``:hover``, ``:focus-visible``, one cssselect does not know: no element matches one)
or inside ``@media print`` or a ``<style media="print">``, or under a ``@media``
condition a desktop's window does not meet (media.py: a phone's ``(max-width:
768px)``); so does a selector
cssselect cannot read (a pseudo-element's, ``::before``; a namespace's, ``svg|a``).
Each sheet is read on its own, as a browser does; rules inside ``@supports``,
``@layer`` and ``@container`` blocks too, and rules nested in rules. A page a browser
shows in quirks mode (quirks.py: no doctype, or a legacy one) is read so: a length
without a unit is pixels, a class or id matches whatever its case."""

from __future__ import annotations

import functools
import re
from itertools import chain

from govparse.frontends.html.elements import BLOCKS
from govparse.frontends.html.media import matches as media_matches
from govparse.frontends.html.quirks import LOWER, UPPER, ascii_lower

MAX_STYLE_TEXT = 1 << 20  # characters of <style> read
MAX_LINKED_TEXT = 2 << 20  # characters of the sheets a page links read (linked_sheets.py)
# Selectors of hiding rules followed (an element may be tried against each: bounded).
# A page that hides with more (none we know of) is told so (GP505).
MAX_SELECTORS = 64
# Selectors of the rules that set what may hide to a value that does not (display:
# block, visibility: visible …), followed where an element may be hidden: a page's
# framework sheet has hundreds. Past it, GP505.
MAX_SHOWING = 1024
# Compounds matched against elements, a page (about 4 µs each: a second's worth)
MAX_MATCHES = 250_000
# Compounds of a selector followed (div div … .x; a browser's pages have a few): past
# it, the selector is not followed (GP505)
MAX_COMPOUNDS = 32
# Characters of a selector made of a nested rule's and its parents' (_nested)
MAX_SELECTOR_TEXT = 1024
# A sheet or style that may hide anything names one of these, or escapes a letter
# (d\isplay: n\one is display: none), else tinycss2 is not imported for it
_MAY_HIDE = re.compile(r"none|hidden|collapse|font-size|font\s*:|opacity|position|\\", re.I)
# ... or draws it unseen (a colour, a transform, a box of no size): looked for only
# where the above is not found (most styles name a font size: one scan of each)
_MAY_HIDE_UNSEEN = re.compile(r"transparent|rgb|hsl|#f{3}\b|#f{6}\b|white(?!-)|transform"
                              r"|overflow", re.I)


def _may_hide_text(text: str) -> bool:
    """Whether a sheet or a style names anything that may hide or draw unseen."""
    return _MAY_HIDE.search(text) is not None or _MAY_HIDE_UNSEEN.search(text) is not None
# Far off the page: this many CSS pixels or more to its left or above it
FAR_OFF = 1000
# A font size below this many CSS pixels shows no character a reader can read (a
# page's "jammer", 1<font style="font-size:1px">7</font>2, shows 12); in units of
# their own (not of a parent's font, em or %, nor of the window's, vw)
SMALLEST_SHOWN = 2.0
_ABSOLUTE = frozenset({"px", "pt", "pc", "in", "cm", "mm", "q"})
_PIXELS = {"px": 1.0, "pt": 4 / 3, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54,
           "mm": 96 / 25.4, "q": 96 / 101.6, "em": 16.0, "rem": 16.0}
# (each number's digits matched one way only: 0+\.?0* splits a run of noughts every
# way, a time quadratic in it; four of them in rect(…) a minute for 50 noughts)
_LENGTH = re.compile(r"([+-]?(?:\d+(?:\.\d*)?|\.\d+))([a-z]*)")
_NOUGHT = r"[+-]?(?:0+(?:\.0*)?|\.0+)"  # a number that is zero
_ZERO = re.compile(_NOUGHT + r"(?:[a-z]+|%)?")  # (0 in any unit: 0vw, 0in)
_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?"
# Units of a length relative to the parent's font size: of a font size 0, still 0
_RELATIVE_UNITS = r"em|ex|ch|cap|ic|%"
_ROOT_UNITS = r"r(?:em|ex|ch|cap|ic|lh)"  # (of the root element's font)
_OF_THE_ROOT = re.compile(rf"{_NUMBER}{_ROOT_UNITS}")
_RELATIVE_SIZE = re.compile(rf"{_NUMBER}(?:{_RELATIVE_UNITS})|smaller|larger|math|inherit"
                            r"|unset|revert(?:-layer)?")
# A font size written as math: calc(1em), min(…); and each number in it, with its unit
_MATH = re.compile(r"(?:calc|min|max|clamp)\(")
_TERM = re.compile(rf"({_NUMBER})([a-z]+|%)?")
_OPACITY = re.compile(rf"({_NUMBER})%?")
# A box of no width or height that hides what overflows it shows nothing
_SIDES = ("padding-top", "padding-right", "padding-bottom", "padding-left")
_BOX = ("width", "max-width", "height", "max-height", "min-width", "min-height", "padding",
        *_SIDES)
_OVERFLOW = ("overflow", "overflow-x", "overflow-y")
# ... and what draws a box's text unseen: a colour, a transform, a box of no size
_DRAWING = frozenset({"color", "transform", *_BOX, *_OVERFLOW})
_PROPERTIES = frozenset({"display", "visibility", "font-size", "opacity", "position",
                         "clip", "left", "top", "right", "bottom", *_DRAWING})
_OFFSETS = ("left", "top", "right", "bottom")
_RECT = re.compile(r"rect\((.*)\)", re.S)

# Where a declaration stands in the cascade, lowest first: a browser's own sheet (the
# hidden attribute's), a sheet's rule, the element's style, then each !important.
_BROWSER, _SHEET, _STYLE, _SHEET_IMPORTANT, _STYLE_IMPORTANT = range(5)
_NO_SPECIFICITY = (0, 0, 0)
# A sheet's rule outside any @layer: it wins over every layered one (_Rule.layer)
_UNLAYERED = (float("inf"),)

# What an element's own styles say: (gone: it is not shown, nor anything inside it;
# visible: True, False or None (as its parent); sized: its font size is not 0, True,
# False or None (as its parent); painted: its text's colour is one a reader sees, True,
# False (transparent, or white: _unseen_colour) or None (as its parent))
NOTHING_SAID = (False, None, None, None)
SHOWN = (True, True, True)  # (visible, sized, painted) of text nothing hides
# sized, where an element's font size is of the root's (1rem)
OF_THE_ROOT = "of the root"
# sized, where an element's font size is its parent's times more than one (150%, 2em,
# larger): of a font too small to read, maybe one a reader sees; times less than an
# eighth (0.1em, 10%): of a common font, one too small to read, of a large one not
SHRINKS_BY = 0.125
GROWS, SHRINKS = "grows", "shrinks"


class _Unsure:
    """sized, where whether a reader can read a font cannot be told (one grown from a
    font too small to read; a tenth of its parent's): its text shows, in doubt, as
    unseen colours' does (tables.cell_text); only a size of its own, in units of its
    own, or 0, decides for what it holds (a colour does not)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "UNSURE"


UNSURE = _Unsure()


class _Tiny:
    """sized, where a font size is above 0 and below SMALLEST_SHOWN pixels: its text is
    not shown (a falsy state, as False), but a child's font that GROWS from it may be."""

    __slots__ = ()

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "TINY"


TINY = _Tiny()


def no_font(sized) -> bool:
    """Whether a font size shows nothing (0, or one too small to read)."""
    return sized is False or sized is TINY


def text_shown(state: tuple) -> bool:
    """Whether the text of an element whose (visible, sized, painted) is ``state``
    (Hiding.computed) shows."""
    return bool(state[0] and state[1])


def in_doubt(state: tuple) -> bool:
    """Whether a reader may not see the text that ``state`` shows: its colour, or its
    font's size, cannot tell (tables.cell_text)."""
    return not state[2] or state[1] is UNSURE


# SheetRules' kinds of the rules that only draw text in a colour a reader may not see,
# and of those that show and set only what draws (a colour, a size, a transform: a
# site's sheet has hundreds, which would crowd out the rules that show what hides)
PAINTS, REDRAWS = "paints", "redraws"
_LEGACY_HEX = re.compile(r"[0-9a-f]{6}")  # (fff is no white: rgb(15, 15, 15))
# The elements that are boxes of their own (a size applies), unless their display says
# otherwise: blocks, not a table's parts (a row, a cell grows to hold what it holds);
# a transform applies to those too
_TABLE_PARTS = frozenset({"table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th"})
_BOXES = BLOCKS - _TABLE_PARTS


class Hiding:
    """Called with an element: whether a browser shows none of its text, by what its
    own styles say (computed() adds what it inherits). ``too_many``: the selectors of
    the page's hiding rules not followed (past MAX_SELECTORS), ``too_many_showing``
    those of the rules that may show what others hide (past MAX_SHOWING); ``budget``,
    ``showing_budget``: the matches of elements left for each (past MAX_MATCHES, the
    rest not followed: the rules that show spend none of the hiding rules'); ``unread``:
    the sheets, selectors and styles not read, nested too deep for the readers'
    recursion (a page's junk: ``((((…`` thousands deep), counted as they are met, so
    that the page is read with a warning (GP505) and no traceback.

    The sheets are read at once when they may hide anything; else only when an
    element's own style or hidden attribute hides it (their rules may show it)."""

    __slots__ = ("_sheets", "_hiding", "_showing", "budget", "showing_budget", "too_many",
                 "too_many_showing", "unread", "quirks", "_root", "_root_sized", "_revealed",
                 "_named", "doubted")

    def __init__(self, root, quirks: bool = False, linked=None, fragment: bool = False
                 ) -> None:
        self.quirks = quirks  # (the page shown in quirks mode: quirks.py)
        self._root, self._root_sized = root, None
        # (linked: the sheets a page read from a file links beside it, linked_sheets.py)
        unread: list = []
        self._sheets = style_sheets(root, linked, unread) if root is not None else []
        # Where the page's sheets are not all read (a sheet it links that is not on this
        # disk; a fragment of a page, whose head the crawler left behind), the classes
        # and ids they name: an element of another may be hidden by an unread one
        # (unexplained); None where every sheet is read
        self._named: set[str] | None = None
        if unread or fragment:
            self._named = set()
            for sheet in self._sheets:
                self._named.update(_NAMED.findall(sheet))
        # elements whose digits were doubted so, by their id (tables.cell_text)
        self.doubted: dict[int, object] = {}
        self._hiding = self._showing = None
        self.budget = Budget()
        self.showing_budget = Budget()
        self.too_many = self.too_many_showing = self.unread = 0
        self._revealed = None  # (reveal)
        if any(map(_may_hide_text, self._sheets)):
            self._read_sheets()

    def _read_sheets(self) -> None:
        sheets, self._sheets = self._sheets, []
        if not sheets:
            return
        rules, self.unread = _sheet_rules_of(tuple(sheets), self.quirks, MAX_SELECTORS,
                                             MAX_SHOWING, MAX_COMPOUNDS)
        self.too_many, self.too_many_showing = rules.too_many, rules.too_many_showing
        hiding = rules.hiding + rules.painting
        self._hiding = _Matcher(hiding, self.budget, self.quirks) if hiding else None
        showing = rules.showing + rules.redrawing
        self._showing = _Matcher(showing, self.showing_budget, self.quirks) if showing else None
        for matcher in (self._hiding, self._showing):
            if matcher is not None:
                self.unread += matcher.unread

    def reveal(self, element) -> None:
        """Follow none of the element's own styles: what hides it (a page's whole
        report hidden until a script shows it: revealed.py), nor what it says of what
        it holds; what hides anything inside it still does."""
        self._revealed = element

    @property
    def sheets_unread(self) -> bool:
        """Whether some of the page's sheets were not read (see unexplained)."""
        return self._named is not None

    def unexplained(self, element) -> bool:
        """Whether a sheet of the page's that was not read may hide the element: it has
        a class or an id that no sheet read names (a page's own, against copying:
        ``6<span class="cp">7</span>2``, .cp in the site's sheet)."""
        if self._named is None:
            return False
        names = (element.get("class") or "").split()
        ident = element.get("id")
        if ident:
            names.append(ident)
        return any(name not in self._named for name in names)

    def of_child(self, element, parent: tuple) -> tuple[bool, bool, bool] | None:
        """computed() of an element inside one whose state is ``parent``: an element
        with no attribute, on a page whose sheets hide nothing, is not looked into (a
        page's text, the cells of most pages' tables)."""
        if self._hiding is None and not len(element.attrib):
            return parent
        return self.computed(element, *parent)

    def along(self, elements) -> tuple[bool, bool, bool] | None:
        """computed() of the last of ``elements``, each inside the one before it, the
        first inside what shows; None where one of them is gone."""
        state: tuple[bool, bool, bool] | None = SHOWN
        for element in elements:
            state = self.computed(element, *state)
            if state is None:
                return None
        return state

    def __call__(self, element) -> bool:
        state = self.computed(element)
        return state is None or not text_shown(state) or in_doubt(state)

    def computed(self, element, visible: bool = True, sized: bool = True,
                 painted: bool = True) -> tuple[bool, bool, bool] | None:
        """(visible, sized, painted) of an element whose parent's are those given; None
        where it is gone (not shown, nor anything inside it). Its text shows where the
        three hold; where the first two do and it is not painted, whether a reader
        sees it is in doubt (white shows on a dark cell)."""
        gone, own_visible, own_sized, own_painted = self.own(
            element, not (visible and sized and painted))
        if gone:
            return None
        if own_sized is OF_THE_ROOT:  # (1rem: the root's font size)
            own_sized = self.root_sized()
        elif own_sized is GROWS:  # (how large it grows cannot be told: seen, or not)
            own_sized = UNSURE if sized is TINY or sized is UNSURE else None
        elif own_sized is SHRINKS:
            own_sized = None if no_font(sized) or sized is UNSURE else UNSURE
        return (visible if own_visible is None else own_visible,
                sized if own_sized is None else own_sized,
                painted if own_painted is None else own_painted)

    def own(self, element, inside_hidden: bool = False) -> tuple:
        """What the element's own styles say (see NOTHING_SAID), the cascade followed;
        looked into only where something hides it, or it is ``inside_hidden`` (its
        parent's text not shown: it may show its own)."""
        if element is self._revealed:
            return NOTHING_SAID
        style = element.get("style")
        hidden = element.get("hidden") is not None
        inline = self._inline(style) if style is not None and _may_hide_text(style) else {}
        # (<font color="#ffffff">: a presentational hint, below every rule)
        hint = element.get("color") if element.tag == "font" else None
        hint = hint.strip().lower() if hint else None
        if hint and _LEGACY_HEX.fullmatch(hint):
            hint = "#" + hint  # (color="ffffff", as browsers read it)
        if hidden or inline or hint:
            self._read_sheets()  # (their rules may show it)
        hiding = self._hiding.matching(element) if self._hiding is not None else []
        if not (hiding or hidden or inside_hidden or inline and self._style_may_hide(style, inline)
                or hint is not None and _unseen_colour(hint)):
            return NOTHING_SAID
        if style is not None and not inline:  # (it may show what hides it)
            inline = self._inline(style)
        # (the rules that show are tried only where they set what is at stake: a
        # display: none is undone by no font size)
        stake = _at_stake(hiding, inline, hidden, inside_hidden)
        if hint:
            stake.add("color")  # (a rule may set another colour)
        showing = [] if self._showing is None else self._showing.matching(element, stake)
        declared: dict[str, list] = {}  # property: [(its place in the cascade, value)]
        if hidden:
            declared["display"] = [((_BROWSER, (), _NO_SPECIFICITY, 0), "none")]
        if hint:
            declared["color"] = [((_SHEET, (), _NO_SPECIFICITY, -1), hint)]
        for rule in chain(hiding, showing):
            for name, (value, important) in rule.values.items():
                # (an !important one of an earlier layer wins: the layers' order reversed)
                place = (_SHEET_IMPORTANT, tuple(-n for n in rule.layer), rule.specificity,
                         rule.order) if important else \
                    (_SHEET, rule.layer, rule.specificity, rule.order)
                declared.setdefault(name, []).append((place, value))
        for name, (value, important) in inline.items():
            place = (_STYLE_IMPORTANT if important else _STYLE, (), _NO_SPECIFICITY, 0)
            declared.setdefault(name, []).append((place, value))
        values = {name: _cascaded(places) for name, places in declared.items()}
        tag = element.tag
        return said({name: value for name, value in values.items() if value is not None},
                    tag in _BOXES, tag in _BOXES or tag in _TABLE_PARTS)

    def root_sized(self) -> bool:
        """Whether the root element's font size (what ``rem`` is of) is not 0."""
        if self._root_sized is None:
            self._root_sized = self._root is None or not no_font(self.own(self._root)[2])
        return self._root_sized

    def _style_may_hide(self, style: str, inline: dict) -> bool:
        """_may_hide of a style's declarations, remembered as they are (_STYLES)."""
        key = (style, self.quirks)
        hides = _STYLE_MAY_HIDE.get(key)
        if hides is None:
            hides = _may_hide(inline)
            if len(_STYLE_MAY_HIDE) < _MAX_STYLES:
                _STYLE_MAY_HIDE[key] = hides
        return hides

    def _inline(self, style: str) -> dict:
        try:
            return _inline(style, self.quirks)
        except (RecursionError, ValueError):
            # (a style nested thousands deep, or with a number of more digits than
            # Python makes an int of, 4,300, in tinycss2's tokenizer: not read)
            self.unread += 1
            return {}


# What decides whether a property that may hide hides: display: contents makes no box
# that opacity, a position or clip would hide
_STAKES = {"display": {"display"}, "opacity": {"opacity", "display"},
           "visibility": {"visibility"}, "font-size": {"font-size"}, "color": {"color"},
           "transform": {"transform", "display"},
           **{name: {"display", *_BOX, *_OVERFLOW} for name in (*_BOX, *_OVERFLOW)}}
_MOVED = frozenset({"position", "clip", "display", "left", "top", "right", "bottom"})


def _at_stake(hiding: list, inline: dict, hidden: bool, inside_hidden: bool) -> set[str]:
    """The properties whose values decide whether an element is hidden, where what
    hides it is ``hiding`` (rules), ``inline`` (its style's declarations), the hidden
    attribute, or what it is inside."""
    stake: set[str] = {"display"} if hidden else set()
    if inside_hidden:
        stake.update(("visibility", "font-size", "color"))
    for values in chain((rule.values for rule in hiding), (inline,)):
        for name in values:
            stake.update(_STAKES.get(name, _MOVED))
    return stake


def _cascaded(declared: list) -> str | None:
    """The value of a property its declarations (place in the cascade, value) give:
    the one of the highest place; past a ``revert``, the best of a browser's own sheet
    (the hidden attribute's display: none), past a ``revert-layer`` the best of a
    lower layer; None where none is left."""
    below = None  # (the origin and layer rolled back from: those at or above it skipped)
    for place, value in sorted(declared, key=lambda each: each[0], reverse=True):
        if below is not None and place[:2] >= below:
            continue
        if value == "revert":
            below = (_SHEET,)
        elif value == "revert-layer":
            below = place[:2]
        else:
            return value
    return None


def said(values: dict[str, str], block: bool = True, transformable: bool = True) -> tuple:
    """What values of the properties that may hide say (see NOTHING_SAID); ``block``:
    the element is a box of its own unless its display says otherwise (a div; a span is
    inline: its width is none; a table's row grows to hold its cells); ``transformable``:
    a transform applies to it (a block, a table's row or cell; not an inline span)."""
    get = values.get
    display, position = get("display"), get("position")
    # (display: contents makes no box, to which opacity, a position, clip, a transform
    # or a size would apply; clip applies to an absolutely positioned box, an offset to
    # one positioned but sticky: a sticky box moves only as the page scrolls)
    boxed = display not in ("inline", "contents") and (block or display is not None) \
        and "table" not in (display or "")  # (a table grows to what it holds)
    turned = display not in ("inline", "contents") and (transformable or display is not None)
    gone = display == "none" or display != "contents" and (
        _transparent(get("opacity"))
        or position in ("absolute", "fixed") and _clipped(get("clip"))
        or position in ("absolute", "fixed", "relative")
        and any(_pixels(get(side)) <= -FAR_OFF for side in _OFFSETS)
        or turned and _scaled_to_nothing(get("transform"))
        or boxed and _no_size(get)
        and any(get(name) in ("hidden", "clip") for name in _OVERFLOW))
    visibility = get("visibility")
    visible = False if visibility in ("hidden", "collapse") else \
        True if visibility in ("visible", "initial") else None
    colour = get("color")
    painted = None if colour is None or colour in _GLOBAL and colour != "initial" \
        else colour == "initial" or not _unseen_colour(colour)
    return gone, visible, _sized(get("font-size")), painted


# A colour a reader does not see on a page's white: no ink at all (transparent, alpha
# 0), or white itself
_NO_INK = re.compile(rf"transparent|(?:rgba?|hsla?)\(\s*[^,/()]+(?:,[^,/()]+){{2}},\s*{_NOUGHT}%?\s*\)"
                     rf"|(?:rgba?|hsla?)\(\s*[^,/()]+(?:\s+[^,/()\s]+){{2}}\s*/\s*{_NOUGHT}%?\s*\)")
_WHITE = frozenset({"white", "#fff", "#ffffff", "#ffff", "#ffffffff", "rgb(255,255,255)",
                    "rgb(255 255 255)", "rgba(255,255,255,1)", "hsl(0,0%,100%)",
                    "hsl(0 0% 100%)"})
# A transform that scales a box to nothing on either axis
_SCALED_TO_NOTHING = re.compile(rf"scale[xy]?\(\s*{_NOUGHT}\s*[,)]|scale\([^,)]*,\s*{_NOUGHT}\s*\)"
                                rf"|scale3d\(\s*(?:[^,)]*,\s*)?{_NOUGHT}\s*,")


def _no_size(get) -> bool:
    """Whether a box's width or height is nothing, and nothing gives it one back along
    that axis (a minimum size, a padding; a height in % of a cell's, which is none:
    auto)."""
    parts = (get("padding") or "0").split()
    parts = (parts * 4)[:4] if len(parts) == 1 else (parts * 2)[:4] if len(parts) == 2 \
        else parts + parts[1:2] if len(parts) == 3 else parts[:4]
    padding = [get(side) or part for side, part in zip(_SIDES, parts)]  # top right bottom left
    for side, least, across in (("width", "min-width", (1, 3)), ("max-width", "min-width", (1, 3)),
                                ("height", "min-height", (0, 2)),
                                ("max-height", "min-height", (0, 2))):
        value = get(side)
        if value is not None and _zero(value) and not (
                side.endswith("height") and value.endswith("%")) \
                and (get(least) in (None, "auto") or _zero(get(least))) \
                and all(_zero(padding[i]) for i in across):
            return True
    return False


def _unseen_colour(colour: str) -> bool:
    if len(colour) > 64:
        return False  # (no colour is written so long)
    return colour.replace(" ", "") in _WHITE or _NO_INK.fullmatch(colour) is not None


def _scaled_to_nothing(transform: str | None) -> bool:
    return transform is not None and _SCALED_TO_NOTHING.search(transform) is not None


def _sized(size: str | None) -> bool | str | None:
    """Whether a font size is not 0; None where it is none, or the parent's times
    something (1.5em, calc(2em + 0px): of a parent's 0, still 0); OF_THE_ROOT where it
    is the root's times something (1rem, calc(2rem))."""
    if size is None:
        return None
    if _zero(size):  # (before the relative: 0em is 0, whatever the parent's)
        return False
    found = _LENGTH.fullmatch(size)
    if found and found.group(2) in _ABSOLUTE and 0 < _pixels(size) < SMALLEST_SHOWN:
        return TINY  # (1px, 0.5pt: a digit among a figure's against copying)
    if _RELATIVE_SIZE.fullmatch(size):
        term = _TERM.fullmatch(size)
        times = None if term is None else float(term.group(1)) / (
            100 if term.group(2) == "%" else 1)
        if size == "larger" or times is not None and times > 1:
            return GROWS
        if times is not None and 0 < times < SHRINKS_BY:
            return SHRINKS
        return None
    if _OF_THE_ROOT.fullmatch(size):
        return OF_THE_ROOT
    if _MATH.match(size):
        units = [unit for number, unit in _TERM.findall(size) if float(number) and unit]
        of_parent = [u for u in units if re.fullmatch(_RELATIVE_UNITS, u)]
        of_root = [u for u in units if re.fullmatch(_ROOT_UNITS, u)]
        if len(of_parent) + len(of_root) < len(units) or of_parent and of_root:
            return True  # (a length of its own in it, or of both: taken as not 0)
        return OF_THE_ROOT if of_root else None if of_parent else False
    return True


def _may_hide(declared: dict, paint: bool = True) -> bool:
    """Whether declarations (_declared's) set a property that may hide to a value that
    hides, or may with others' (an offset far off, without a position; opacity 0,
    whatever display they say); ``paint``: or draw text in a colour a reader may not
    see."""
    if not declared:
        return False
    hides, unseen = _hides_or_paints(declared)
    return hides or paint and unseen


def _hides_or_paints(declared: dict) -> tuple[bool, bool]:
    """Whether declarations may hide (_may_hide with ``paint`` False), and whether they
    draw text in a colour a reader may not see: both of one reading of them."""
    values = {name: value for name, (value, _) in declared.items()}
    gone, visible, sized, painted = said(values)
    hides = gone or visible is False or no_font(sized) or sized is SHRINKS \
        or _transparent(values.get("opacity")) or _clipped(values.get("clip")) \
        or any(_pixels(values.get(side)) <= -FAR_OFF for side in _OFFSETS)
    return hides, painted is False


def _zero(value: str | None) -> bool:
    return value is not None and _ZERO.fullmatch(value) is not None


def _transparent(opacity: str | None) -> bool:
    """Whether an opacity is 0 or less (a browser makes -1 0)."""
    found = _OPACITY.fullmatch(opacity) if opacity else None
    return found is not None and float(found.group(1)) <= 0


# An element's style read, remembered: a page repeats a few long styles (one exported
# from Word, a style on nearly every element). Bounded.
_STYLES: dict[tuple[str, bool], dict] = {}
_STYLE_MAY_HIDE: dict[tuple[str, bool], bool] = {}  # (whether each may hide: _may_hide)
_MAX_STYLES = 4096


def _inline(style: str, quirks: bool = False) -> dict:
    """What an element's ``style`` declares of the properties that may hide (on a
    page in quirks mode with ``quirks``)."""
    declared = _STYLES.get((style, quirks))
    if declared is None:
        declared = _declared(_declarations(style), quirks)
        if len(_STYLES) < _MAX_STYLES:
            _STYLES[style, quirks] = declared
    return declared


def style_effect(style: str, inline: bool = False) -> str | None:
    """What an element's own ``style`` attribute, alone, does to its text: "hide" where
    a browser shows none of it; "doubt" where a reader may not see it (drawn in white
    or transparent, a font a tenth of its parent's: a digit so among a figure's parts
    it, as tables.cell_text reads it); else None. ``inline``: the element is an inline
    box (a span), to which a size or a transform does not apply."""
    if not _may_hide_text(style):
        return None
    gone, visible, sized, painted = said(
        {name: value for name, (value, _) in _inline(style).items()},
        block=not inline, transformable=not inline)
    if gone or visible is False or no_font(sized):
        return "hide"
    if painted is False or sized is UNSURE or sized is SHRINKS:
        return "doubt"
    return None


def _declarations(text: str) -> list:
    import tinycss2

    return tinycss2.parse_blocks_contents(text, skip_comments=True, skip_whitespace=True)


def _declared(declarations, quirks: bool = False) -> dict[str, tuple[str, bool]]:
    """The values that declarations (tinycss2's) give the properties that may hide,
    each with whether it is !important: of a property declared twice the later, as
    in a browser, unless only the earlier is important; a value a browser drops as
    invalid (IE's ``display: inline\\9``, ``font-size: -1px``, ``left: -9999`` but in
    quirks mode, where it is pixels) is none. The ``font`` shorthand gives its font
    size, ``all`` (initial, revert …) each property's."""
    import tinycss2

    values: dict[str, tuple[str, bool]] = {}
    for item in declarations:
        if item.type != "declaration":
            continue
        name = item.lower_name
        if name == "font":
            name, value = "font-size", _font_size_of(item.value)
        elif name in _PROPERTIES or name == "all":
            value = tinycss2.serialize(item.value).strip().lower()
            if quirks and name in _UNITLESS_QUIRK:
                value = _in_pixels(name, value)
        else:
            continue
        if value is None or not _valid(name, value):
            continue
        # (all: initial, revert … sets each property so)
        for name in _PROPERTIES if name == "all" else (name,):
            before = values.get(name)
            if before is None or item.important or not before[1]:
                values[name] = (value, item.important)
    return values


_GLOBAL = frozenset({"inherit", "initial", "unset", "revert", "revert-layer"})
# The keywords of display a browser reads (one, or two or three of the
# multi-keyword's: inline flow-root, block flex)
_DISPLAY = frozenset("""
    none contents block inline inline-block flow-root list-item flex inline-flex grid
    inline-grid table inline-table table-row-group table-header-group table-footer-group
    table-row table-cell table-column-group table-column table-caption ruby ruby-base
    ruby-text ruby-base-container ruby-text-container math -webkit-box
    -webkit-inline-box -webkit-flex -webkit-inline-flex""".split())
_DISPLAY_PARTS = frozenset("block inline flow flow-root list-item flex grid table ruby "
                           "math".split())
_SIZES = frozenset("xx-small x-small small medium large x-large xx-large xxx-large smaller "
                   "larger math".split())
_SYSTEM_FONTS = frozenset("caption icon menu message-box small-caption status-bar".split())
_UNITS = ("px|pt|pc|in|cm|mm|q|r?(?:em|ex|ch|cap|ic|lh)|[sld]?v(?:w|h|i|b|min|max)"
          "|cq(?:w|h|i|b|min|max)")
# A length (without a unit only 0), a percentage, or math (calc(), min() …), as a
# browser reads each property's
_LENGTH_VALUE = re.compile(rf"{_NUMBER}(?:{_UNITS}|%)|{_NOUGHT}|(?:calc|min|max|clamp)\(.*\)",
                           re.S)
# The properties that may hide whose length, on a page in quirks mode, may be a number
# without a unit, pixels (the unitless length quirk: quirks.py); and such a number,
# the whole value or a side of clip's rect() (not in calc(): a number there is one)
_UNITLESS_QUIRK = frozenset({"font-size", "clip", *_OFFSETS, *_BOX})
_BARE_NUMBER = re.compile(_NUMBER)
_SIDE = rf"(?:auto|{_NUMBER}(?:{_UNITS})|{_NOUGHT})"  # (one of clip's rect())
_BARE_SIDE = re.compile(rf"(?<![^\s,(])({_NUMBER})(?=[\s,)])")
_FUNCTION = re.compile(r"[a-z-]+\(.*\)", re.S)
_VALID = {
    "visibility": re.compile(r"visible|hidden|collapse"),
    "position": re.compile(r"static|relative|absolute|fixed|(?:-webkit-)?sticky"),
    "opacity": re.compile(rf"{_NUMBER}%?|(?:calc|min|max|clamp)\(.*\)", re.S),
    "clip": re.compile(rf"auto|rect\(\s*{_SIDE}(?:\s*,\s*{_SIDE}|\s+{_SIDE})*\s*\)"),
    "color": re.compile(r"#[0-9a-f]{3,8}|[a-z-]+|[a-z]+\(.*\)", re.S),
    "transform": re.compile(r"none|(?:[a-z0-9-]+\(.*?\)\s*)+", re.S),
    **{name: re.compile(r"(?:visible|hidden|clip|scroll|auto|overlay)"
                        r"(?:\s+(?:visible|hidden|clip|scroll|auto|overlay))?")
       for name in _OVERFLOW},
}


def _in_pixels(name: str, value: str) -> str:
    """A value of a page in quirks mode, its numbers without a unit in pixels."""
    if name == "clip":
        return _BARE_SIDE.sub(r"\1px", value) if value.startswith("rect(") else value
    return value + "px" if _BARE_NUMBER.fullmatch(value) else value


def _valid(name: str, value: str) -> bool:
    """Whether a browser reads the value of a property that may hide (else it drops
    the declaration); one with var() or another function it may read, as valid."""
    if value in _GLOBAL or "var(" in value or "env(" in value:
        return True
    if name == "all":
        return False  # (a global value only)
    if name == "display":
        words = value.split()
        return len(words) == 1 and value in _DISPLAY or 1 < len(words) <= 3 and len(
            set(words)) == len(words) and _DISPLAY_PARTS.issuperset(words)
    if name == "font-size":
        return value in _SIZES or _LENGTH_VALUE.fullmatch(value) is not None \
            and not value.startswith("-")
    if name in _OFFSETS:
        return value == "auto" or _LENGTH_VALUE.fullmatch(value) is not None \
            or _FUNCTION.fullmatch(value) is not None
    if name in _SIDES:
        return _LENGTH_VALUE.fullmatch(value) is not None and not value.startswith("-")
    if name == "padding":  # (one to four lengths, none negative)
        parts = value.split()
        return 1 <= len(parts) <= 4 and all(
            _LENGTH_VALUE.fullmatch(part) is not None and not part.startswith("-")
            for part in parts)
    if name in _BOX:  # (a size of its own; no negative one)
        return value in ("auto", "none", "min-content", "max-content", "fit-content") \
            or _LENGTH_VALUE.fullmatch(value) is not None and not value.startswith("-") \
            or _FUNCTION.fullmatch(value) is not None
    return _VALID[name].fullmatch(value) is not None


def _font_size_of(tokens) -> str | None:
    """The font size the ``font`` shorthand sets (its value's tokens, tinycss2's):
    the size before the family (``bold 0/0 a``, ``12px serif``), a system font's
    (medium, never 0); None where it names none."""
    import tinycss2

    tokens = [t for t in tokens if t.type not in ("whitespace", "comment")]
    if len(tokens) == 1 and tokens[0].type == "ident":
        name = tokens[0].lower_value
        return name if name in _GLOBAL else "medium" if name in _SYSTEM_FONTS else None
    for token in tokens[:-1]:  # (a family follows the size)
        if token.type in ("dimension", "percentage") \
                or token.type == "number" and token.value == 0 \
                or token.type == "ident" and token.lower_value in _SIZES \
                or token.type == "function" and token.lower_name in ("calc", "min", "max",
                                                                     "clamp"):
            return tinycss2.serialize([token]).strip().lower()
        if token.type == "literal" and token.value == "/" or token.type == "string":
            return None  # (no size before the line height, or the family)
    return None


def _clipped(value: str | None) -> bool:
    """Whether ``clip: rect(top, right, bottom, left)`` leaves nothing of the box: its
    bottom at or above its top, or its right at or left of its left (rect(0 0 0 0),
    and the rect(1px, 1px, 1px, 1px) of a text for screen readers only)."""
    found = _RECT.fullmatch(value) if value else None
    sides = found.group(1).replace(",", " ").split() if found else []
    if len(sides) != 4 or not all(side == "auto" or _LENGTH.fullmatch(side) for side in sides):
        return False
    top, right, bottom, left = (None if side == "auto" else _pixels(side) for side in sides)
    return bottom is not None and bottom <= (top or 0) \
        or right is not None and right <= (left or 0)


def _pixels(value: str | None) -> float:
    """A length in CSS pixels (0 for none, or for one relative to something: %, vw)."""
    found = _LENGTH.fullmatch(value) if value else None
    if found is None:
        return 0.0
    number, unit = float(found.group(1)), found.group(2)
    return number * _PIXELS[unit] if unit in _PIXELS else 0.0


def style_sheets(root, linked=None, unread: list | None = None) -> list[str]:
    """The text of the page's <style> sheets a screen applies (a sheet for print or
    speech only, ``<style media="print">``, applies to none), up to MAX_STYLE_TEXT, in
    the page's order; with ``linked`` (linked_sheets.local_sheets: an href to its
    sheet's text, or None), the sheets its ``<link rel="stylesheet">`` give too, up to
    MAX_LINKED_TEXT of their own (a site's icon font's sheet leaves the page's own
    theirs). What is not read of them is added to ``unread``: a link to a sheet not
    read, one past the limit, a sheet cut at it, one that imports another (``@import``
    is not followed)."""
    sheets = []
    left = {"style": MAX_STYLE_TEXT, "link": MAX_LINKED_TEXT}
    for element in root.iter("style", "link"):
        media = element.get("media")
        if media is not None and not media_matches(media) or not _css(element):
            continue
        kind = element.tag
        if kind == "style":
            text = element.text or ""
        elif _links_a_sheet(element):
            text = linked(element.get("href") or "") if linked is not None \
                and left[kind] > 0 else None
            if text is None or len(text) > left[kind]:
                if unread is not None and (element.get("href") or "").strip():
                    unread.append(element)
                continue
        else:
            continue
        if not text:
            continue
        if unread is not None and (len(text) > left[kind] or "@import" in text.lower()):
            unread.append(element)
        text = text[:left[kind]]
        sheets.append(text)
        left[kind] -= len(text)
    return sheets


# a class or an id a sheet names (.cp, #x)
_NAMED = re.compile(r"[.#](-?[_a-zA-Z\u00a0-\uffff][\w\u00a0-\uffff-]*)")


def _links_a_sheet(link) -> bool:
    """Whether a <link> is a sheet the page applies (not an alternate one, nor one
    disabled)."""
    rel = (link.get("rel") or "").lower().split()
    return "stylesheet" in rel and "alternate" not in rel and link.get("disabled") is None


class _Rule:
    """One selector of a sheet's rule, with what the rule declares of the properties
    that may hide, and its place in the cascade (its layer, specificity, order in the
    page). ``layer``: for each @layer the rule is inside, outermost first, where that
    layer's name is first met in the page, then _UNLAYERED (a layer's own rules win
    over its sublayers', an unlayered rule over all layered ones)."""

    __slots__ = ("parsed_tree", "specificity", "order", "values", "layer")

    def __init__(self, selector, order: int, values: dict, layer: tuple = _UNLAYERED) -> None:
        self.parsed_tree = selector.parsed_tree
        self.specificity = selector.specificity()
        self.order = order
        self.values = values
        self.layer = layer


class SheetRules:
    """The rules of a page's sheets that declare a property that may hide, one a
    selector (a pseudo-element's left out: ::before is no element), in the order
    read: those that may hide (MAX_SELECTORS of them), those that may only draw text
    in a colour a reader may not see (``painting``, MAX_SELECTORS of their own: a site's
    sheet has many rules of white, which leave those that hide their room) and those
    that may only show (MAX_SHOWING); past each limit only counted (``too_many``,
    ``too_many_showing``), not parsed (a sheet's thousand rules nested under a list of
    thousands would be millions of selectors). Those that show and set only what draws
    (REDRAWS: a colour, a size, a transform) have a room of their own too. A kind:
    True (hides), PAINTS, REDRAWS, False (shows)."""

    __slots__ = ("hiding", "painting", "showing", "redrawing", "too_many", "too_many_showing")

    def __init__(self) -> None:
        self.hiding: list[_Rule] = []
        self.painting: list[_Rule] = []
        self.showing: list[_Rule] = []
        self.redrawing: list[_Rule] = []
        self.too_many = self.too_many_showing = 0

    def _kept(self, hides) -> list:
        return self.painting if hides is PAINTS else self.redrawing if hides is REDRAWS \
            else self.hiding if hides else self.showing

    def room(self, hides) -> int:
        """How many more rules of that kind are kept."""
        shows = hides is False or hides is REDRAWS
        return (MAX_SHOWING if shows else MAX_SELECTORS) - len(self._kept(hides))

    def full(self, hides, selectors: int) -> bool:
        """Whether the rules of that kind are full (then ``selectors`` more counted)."""
        if self.room(hides) > 0:
            return False
        self.past(hides, selectors)
        return True

    def past(self, hides, selectors: int) -> None:
        """Count selectors of that kind past its limit."""
        if hides is False or hides is REDRAWS:
            self.too_many_showing += selectors
        else:
            self.too_many += selectors

    def add(self, selectors: list, values: dict, hides, layer: tuple) -> None:
        """A rule for each selector there is room for (each rule's place in the page:
        how many of every kind came before it), the rest counted."""
        room = self.room(hides)
        self.past(hides, max(len(selectors) - room, 0))
        kept = self._kept(hides)
        for selector in selectors[:room]:
            kept.append(_Rule(selector, len(self.hiding) + len(self.painting)
                              + len(self.showing) + len(self.redrawing), values, layer))


@functools.lru_cache(maxsize=8)
def _sheet_rules_of(sheets: tuple[str, ...], quirks: bool, *limits) -> tuple[SheetRules, int]:
    """sheet_rules, remembered for the last few pages' sheets (a site's pages share
    theirs: a 70 KB sheet takes 0.1 s to read, ten times a page's reading); nothing
    changes a SheetRules once read. ``limits``: the module's limits it was read under."""
    return sheet_rules(list(sheets), quirks)


def sheet_rules(sheets: list[str], quirks: bool = False) -> tuple[SheetRules, int]:
    """The page's rules that declare a property that may hide (SheetRules), and how
    many sheets or selectors nest too deep to be read (their rules not followed). Each
    sheet is read on its own, as a browser reads it (a rule left open at one sheet's
    end closes there, and hides nothing of the next's)."""
    import tinycss2

    rules = SheetRules()
    unread = [0]
    layers: dict[str, int] = {}  # a layer's full name (a.b): where it is first met
    for text in sheets:
        try:
            _rules(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True),
                   rules, unread, layers=layers, quirks=quirks)
        except (RecursionError, ValueError):
            # (blocks nested thousands deep, or a number of more than 4,300 digits: the
            # rest of the sheet)
            unread[0] += 1
    return rules, unread[0]


def _css(style) -> bool:
    """Whether a browser applies a <style>: its type CSS's (not text/less), and not
    inside a <template> (inert) or a <noscript> (text where scripts run, as in a
    reader's browser)."""
    if (style.get("type") or "text/css").strip().lower() != "text/css":
        return False
    return not any(a.tag in ("template", "noscript") for a in style.iterancestors())


def _rules(rules, out: SheetRules, unread: list, parent: tuple[str, ...] | None = None,
           layers: dict | None = None, layer: tuple = (), quirks: bool = False,
           scope: str | None = None) -> None:
    """The rules (one a selector) that declare a property that may hide, inside
    @media (where a desktop's window meets its condition: media.py), @supports, @layer
    and @container blocks too, and rules nested in a rule (CSS nesting: ``td { .h { display: none } }`` is
    ``td .h``, ``&`` the rule around). ``parent``: the selectors of the rule around the
    ``rules``; ``layer``: the full names of the layers they are inside, ``layers``
    where each layer's name is first met (``@layer a, b;`` or ``@layer a { … }``);
    ``quirks``: the page is shown in quirks mode; ``scope``: the root of the
    ``@scope`` the rules are inside, which ``:scope`` names."""
    import tinycss2

    layers = {} if layers is None else layers
    for rule in rules:
        if rule.type == "qualified-rule":
            prelude = tinycss2.serialize(rule.prelude).strip()
            try:
                selectors = _selector_list(prelude) if parent is None \
                    else _nested(parent, prelude, unread, scope)
            except RecursionError:  # (nested too deep)
                unread[0] += 1
                continue
            if selectors:
                _block(rule.content, selectors, out, unread, layers, layer, quirks, scope)
        elif rule.type == "at-rule" and rule.lower_at_keyword == "layer":
            names = [name.strip() for name in tinycss2.serialize(rule.prelude).split(",")]
            if rule.content is None:  # (a statement: the layers' order only)
                for name in names:
                    _layer(layers, layer, name)
                continue
            if len(names) > 1:
                continue  # (a block of two layers: invalid, dropped as a browser does)
            inside = _layer(layers, layer, names[0])
            if parent is None:
                _rules(tinycss2.parse_rule_list(rule.content, skip_comments=True,
                                                skip_whitespace=True), out, unread,
                       layers=layers, layer=inside, quirks=quirks)
            else:
                _block(rule.content, parent, out, unread, layers, inside, quirks, scope)
        elif rule.type == "at-rule" and rule.lower_at_keyword == "scope" \
                and rule.content is not None and parent is None:
            root = _scope_root(rule.prelude)
            if root is None:
                unread[0] += 1  # (a limit, or the <style>'s parent for root: not followed)
                continue
            _rules(tinycss2.parse_rule_list(rule.content, skip_comments=True,
                                            skip_whitespace=True), out, unread, (root,),
                   layers=layers, layer=layer, quirks=quirks, scope=root)
        elif rule.type == "at-rule" and rule.lower_at_keyword == "scope":
            unread[0] += 1  # (inside a rule or another scope: not followed)
        elif rule.type == "at-rule" and rule.content is not None and (
                rule.lower_at_keyword == "container"
                or rule.lower_at_keyword == "supports" and _supported(rule.prelude)
                or rule.lower_at_keyword == "media"
                and media_matches(tinycss2.serialize(rule.prelude))):
            if parent is None:
                _rules(tinycss2.parse_rule_list(rule.content, skip_comments=True,
                                                skip_whitespace=True), out, unread,
                       layers=layers, layer=layer, quirks=quirks)
            else:  # (inside a rule: its declarations are the rule's, under the condition)
                _block(rule.content, parent, out, unread, layers, layer, quirks, scope)


def _scope_root(prelude) -> str | None:
    """The selector that the rules of ``@scope (A) { … }`` stand under, as a nested
    rule under its parent: ``:where(A)``, so that ``.h`` inside is ``:where(A) .h``,
    an element inside a root of the scope with the specificity of ``.h`` alone (the
    root adds none); ``&`` is the root. None where a scope is not followed: one with a
    limit (``to (B)``), one whose root is the ``<style>``'s parent (no prelude), one
    whose root cssselect cannot read in ``:where()`` (a selector with a combinator)."""
    import tinycss2

    tokens = [t for t in prelude if t.type not in ("whitespace", "comment")]
    if len(tokens) != 1 or tokens[0].type != "() block":
        return None
    root = f":where({tinycss2.serialize(tokens[0].content).strip()})"
    return root if _cssselect_reads(root) else None


def _supported(tokens) -> bool:
    """Whether a browser meets a @supports condition (its prelude's tokens,
    tinycss2's): ``(property: value)`` where the property is one that may hide and
    the value one a browser drops as invalid (``display: no-such-value``) does not
    hold; any other property's, ``selector()`` and what is not read here hold (a
    browser today supports most of what pages ask)."""
    tokens = [t for t in tokens if t.type not in ("whitespace", "comment")]
    if len(tokens) == 2 and tokens[0].type == "ident" and tokens[0].lower_value == "not":
        return not _supported_in_parens(tokens[1])
    if len(tokens) == 1:
        return _supported_in_parens(tokens[0])
    if len(tokens) % 2 == 0:
        return True
    if any(t.type != "ident" for t in tokens[1::2]):
        return True
    joins = {t.lower_value for t in tokens[1::2]}
    if len(joins) != 1:
        return True  # (and and or mixed: invalid; left as a browser may read it)
    results = [_supported_in_parens(t) for t in tokens[::2]]
    return all(results) if joins == {"and"} else any(results) if joins == {"or"} else True


def _supported_in_parens(token) -> bool:
    import tinycss2

    if token.type != "() block":
        return True  # (selector(…), font-tech(…) …)
    inner = [t for t in token.content if t.type not in ("whitespace", "comment")]
    colon = next((i for i, t in enumerate(inner) if t.type == "literal" and t.value == ":"),
                 None)
    if colon is None:
        return _supported(token.content)  # ((a: b) and (c: d)), (not (…))
    if colon != 1 or inner[0].type != "ident":
        return True
    name = inner[0].lower_value
    if name not in _PROPERTIES:
        return True
    value = tinycss2.serialize(token.content[token.content.index(inner[colon]) + 1:])
    return _valid(name, value.strip().lower())


def _layer(layers: dict, layer: tuple, name: str) -> tuple:
    """The full names of the layer ``name`` (a.b: a, then a.b) inside ``layer``,
    each met now noted where it is (an anonymous layer, ``@layer { … }``, is a new
    one each time)."""
    inside = list(layer)
    for part in name.split(".") if name else [f" {len(layers)}"]:
        full = f"{inside[-1]}.{part}" if inside else part
        layers.setdefault(full, len(layers))
        inside.append(full)
    return tuple(inside)


def _block(content, selectors: tuple[str, ...], out: SheetRules, unread: list,
           layers: dict, layer: tuple = (), quirks: bool = False,
           scope: str | None = None) -> None:
    """A rule's block, for its ``selectors``: its declarations, and the rules nested in
    it."""
    items = _declarations(content)
    values = _declared(items, quirks)
    if values:
        _add_rules(selectors, values, out, unread,
                   tuple(layers[name] for name in layer) + _UNLAYERED)
    inner = [item for item in items if item.type != "declaration"]
    if inner:
        _rules(inner, out, unread, selectors, layers, layer, quirks, scope)


def _nested(parents: tuple[str, ...], child: str, unread: list, scope: str | None = None
            ) -> tuple[str, ...]:
    """A nested rule's selectors in full: each of the child's selectors under the
    parent's (``&`` where the child names it, else a descendant; ``:scope`` the root
    of the ``@scope`` around, ``scope``). A parent of several selectors (MAX_SELECTORS
    at most) is ``:is(…)`` of them, as a browser reads it: ``td, #nope { & .h {…} }``
    is ``:is(td, #nope) .h``, of the specificity of the most specific, (1, 1, 0), not
    ``td .h`` (0, 1, 1) and ``#nope .h``; spelt out one by one where cssselect reads no
    ``:is()`` of them (``table td, #x``: its ``:is()`` takes compounds only). Bounded,
    as the selectors followed are: MAX_SELECTORS + 1 of them, each of
    MAX_SELECTOR_TEXT characters at most (``&`` in ``& & & {``, nested ten deep, would
    be ten billion); those longer are not followed (counted in ``unread``). (Each
    level's selectors are handed on as they are, not as a list's text to read again:
    a list nested hundreds deep reads in time linear in it.)"""
    children = _selector_list(child)
    if scope is not None:  # (right under the @scope, :scope is & itself)
        at_root = parents == (scope,)
        children = tuple(c.replace(":scope", "&" if at_root else scope) for c in children)
    if 1 < len(parents) <= MAX_SELECTORS:
        listed = f":is({', '.join(parents)})"
        if _cssselect_reads(listed):
            parents = (listed,)
    pairs = ((p, c) for p in parents for c in children)
    parts: list[str] = []
    dropped = 0
    for p, c in pairs:
        if len(c) + (c.count("&") or 1) * len(p) > MAX_SELECTOR_TEXT:
            dropped += 1  # (and each pair tried counts: the loop stays bounded)
        else:
            parts.append(c.replace("&", p) if "&" in c else f"{p} {c}")
        if len(parts) > MAX_SELECTORS or dropped > MAX_SELECTORS:
            break
    if dropped:
        unread[0] += 1
    return tuple(parts)


_PLAIN_LIST = re.compile(r"(?:[^(\[\"'\\]|\([^()\[\"'\\,]*\))*")


@functools.lru_cache(maxsize=256)
def _selector_list(text: str) -> tuple[str, ...]:
    """The selectors of a selector list, parted at its own commas (not at those inside
    ``:is(a, b)`` or ``[title="a,b"]``), each ``:not(a, b)`` written ``:not(:is(a,
    b))``: the same elements and the same specificity (Selectors 4: the most specific
    of the list's), which cssselect reads (it takes one selector in ``:not()``).
    (RecursionError where the list nests deeper than tinycss2 reads.)"""
    if _PLAIN_LIST.fullmatch(text):  # (most lists)
        return tuple(part.strip() for part in text.split(","))
    import tinycss2

    parts: list[list] = [[]]
    for token in tinycss2.parse_component_value_list(text):
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return tuple(tinycss2.serialize(_not_of_lists(part)).strip() for part in parts)


def _not_of_lists(tokens: list) -> list:
    """Tokens of a selector (tinycss2's), each ``:not(a, b)`` in them, however deep,
    made ``:not(:is(a, b))``."""
    from tinycss2.ast import FunctionBlock, LiteralToken

    out = []
    for token in tokens:
        if token.type == "function":
            arguments = _not_of_lists(token.arguments)
            if token.lower_name == "not" and any(
                    t.type == "literal" and t.value == "," for t in arguments):
                arguments = [LiteralToken(token.source_line, token.source_column, ":"),
                             FunctionBlock(token.source_line, token.source_column, "is", arguments)]
            token = FunctionBlock(token.source_line, token.source_column, token.name, arguments)
        out.append(token)
    return out


@functools.lru_cache(maxsize=256)
def _cssselect_reads(selector: str) -> bool:
    import cssselect

    try:
        cssselect.parse(selector)
    except (cssselect.SelectorError, RecursionError):
        return False
    return True


def _add_rules(parts: tuple[str, ...], values: dict, out: SheetRules, unread: list,
               layer: tuple = _UNLAYERED) -> None:
    """A _Rule for each of a rule's selectors that cssselect reads and that names an
    element (those of the group it cannot read, or that nest too deep, or a
    pseudo-element's, left out)."""
    import cssselect

    hides, paints = _hides_or_paints(values)
    hides = True if hides else PAINTS if paints \
        else REDRAWS if _DRAWING.issuperset(values) else False
    if out.full(hides, len(parts)):
        return
    room = out.room(hides)
    if len(parts) > room:  # (a list of thousands: read only as many as are kept)
        selectors = []
        for at, part in enumerate(parts):
            selectors += [x for x in _read_selectors(part, unread) if x.pseudo_element is None]
            if len(selectors) >= room:
                out.past(hides, len(parts) - at - 1)
                break
    else:
        try:
            selectors = cssselect.parse(", ".join(parts))  # (most: read at once)
        except (cssselect.SelectorError, RecursionError):
            selectors = [s for part in parts for s in _read_selectors(part, unread)]
    out.add([selector for selector in selectors if selector.pseudo_element is None],
            values, hides, layer)


def _read_selectors(part: str, unread: list) -> list:
    """cssselect's reading of one selector: none where it cannot read it, or where it
    nests too deep (counted in ``unread``)."""
    import cssselect

    try:
        return cssselect.parse(part)
    except cssselect.SelectorError:
        return []  # (one selector of the group cssselect cannot read)
    except RecursionError:  # (nested too deep)
        unread[0] += 1
        return []


class Budget:
    """How many more compounds the page's elements may be matched against: a page
    may ask each of thousands of elements about each of many selectors (64
    ``[data-x]`` rules over a megabyte of cells: 3 million XPath calls, 15 s).
    Once spent, no more element matches (GP505 says so)."""

    __slots__ = ("size", "left")

    def __init__(self, size: int | None = None) -> None:
        self.size = self.left = MAX_MATCHES if size is None else size

    @property
    def spent(self) -> bool:
        return self.left < 0


class _Matcher:
    """Which of the selectors (cssselect's, or _Rules: each with its parsed_tree) match
    an element, told an element at a time, as
    a browser matches rules: only the selectors whose last compound may match it (by
    its id, a class, an attribute or its tag) are tried; a compound is an XPath of cssselect's on
    the element itself, and what its combinators ask of ancestors and siblings is
    walked here, each (element, part of a selector) answered once. (One XPath of a
    whole selector over the page would be simpler, but libxml2 takes time quadratic
    in the page for ``div div``: a minute for a megabyte.)"""

    def __init__(self, selectors: list, budget: Budget | None = None,
                 quirks: bool = False) -> None:
        self.budget = Budget() if budget is None else budget
        self.quirks = quirks  # (class and id selectors match whatever the case)
        self._translator = _translator(quirks)
        self._xpaths: dict[int, object] = {}
        self.unread = 0  # selectors of more than MAX_COMPOUNDS compounds, or nested too deep
        self._by_key: dict[tuple[str, str], list] = {}
        self._any: list = []  # selectors whose last compound names no id, class or tag
        for selector in selectors:
            if not self._readable(selector.parsed_tree):
                continue
            key = _key_of(_last_compound(selector.parsed_tree), quirks)
            (self._by_key.setdefault(key, []) if key else self._any).append(selector)
        self._answers: dict[tuple, bool] = {}
        self._places: dict[tuple, tuple] = {}  # (parent, tag or None): its children, places

    def _readable(self, tree) -> bool:
        """Whether each compound of a selector has an XPath that libxml2 evaluates: a
        series cssselect cannot read (:nth-child(foo)), a namespace prefix (svg|a, an
        HTML page's elements have none) or what cssselect cannot translate makes the
        selector one that hides nothing (a browser drops an invalid one too)."""
        import cssselect
        from cssselect.parser import CombinedSelector
        from lxml import etree

        probe = etree.Element("probe")
        compounds = 0
        while True:
            compounds += 1
            if compounds > MAX_COMPOUNDS:  # (matched by recursion, one compound a level)
                self.unread += 1
                return False
            compound = tree.subselector if isinstance(tree, CombinedSelector) else tree
            try:
                self._xpath(compound)(probe)
            except (cssselect.SelectorError, etree.XPathError):
                return False
            except RecursionError:  # (:not(:not(… thousands deep)
                self.unread += 1
                return False
            if not isinstance(tree, CombinedSelector):
                return True
            tree = tree.selector

    def matching(self, element, setting: set[str] | None = None) -> list:
        """The selectors (or rules) that match the element; of the rules, with
        ``setting``, only those that set one of those properties."""
        if self.budget.left < 0:
            return []
        candidates = list(self._any)
        by_key = self._by_key
        if by_key:
            ident, classes = element.get("id"), element.get("class") or ""
            if self.quirks:
                ident, classes = ascii_lower(ident), ascii_lower(classes)
            candidates += by_key.get(("tag", element.tag), ())
            candidates += by_key.get(("id", ident), ())
            for name in classes.split():
                candidates += by_key.get(("class", name), ())
            for name in element.keys():
                candidates += by_key.get(("attribute", name), ())
        if setting is not None:
            candidates = [each for each in candidates if not setting.isdisjoint(each.values)]
        return [each for each in candidates if self._match(element, each.parsed_tree)]

    def matches(self, element) -> bool:
        return bool(self.matching(element))

    def _match(self, element, tree) -> bool:
        from cssselect.parser import CombinedSelector
        from lxml.etree import XPathError

        key = (element, id(tree))
        answer = self._answers.get(key)
        if answer is not None:
            return answer
        if not isinstance(tree, CombinedSelector):
            budget = self.budget
            budget.left -= 1
            if budget.left < 0:  # (spent: what is left is not followed, GP505)
                return False
            try:
                answer = bool(self._xpath(tree)(element))
            except XPathError:
                # (a namespace prefix the probe of _readable did not reach, inside
                # :not() or :is(): .h:not(svg|a), a selector a browser drops)
                answer = False
        elif not self._match(element, tree.subselector):
            answer = False
        elif tree.combinator == ">":
            parent = element.getparent()
            answer = parent is not None and self._match(parent, tree.selector)
        elif tree.combinator == "+":
            before = _element_before(element)
            answer = before is not None and self._match(before, tree.selector)
        elif tree.combinator == "~":
            answer = self._any_of(_element_before, element, tree.selector)
        else:  # " ": a descendant
            answer = self._any_of(_parent, element, tree.selector)
        self._answers[key] = answer
        return answer

    def _any_of(self, step, element, tree) -> bool:
        """Whether an element ``step`` leads to from ``element`` (its ancestors, or
        the siblings before it) matches ``tree``; walked as a loop (a page may nest
        deeper than Python recurses). Kept for each element walked: whether it or one
        beyond it matches, the same answer for all of them (none walked matched but
        the last, if any did)."""
        key_id = ("beyond", id(tree))
        walked = []
        answer = False
        current = step(element)
        while current is not None:
            known = self._answers.get((current, key_id))
            if known is not None:
                answer = known
                break
            walked.append(current)
            if self._match(current, tree):
                answer = True
                break
            current = step(current)
        for each in walked:
            self._answers[(each, key_id)] = answer
        return answer

    def _xpath(self, compound):
        from lxml import etree

        xpath = self._xpaths.get(id(compound))
        if xpath is None:
            xpath = self._xpaths[id(compound)] = etree.XPath(
                "self::" + str(self._translator.xpath(compound)),
                namespaces={"gp": _NS}, extensions={(_NS, "place"): self._place})
        return xpath

    def _place(self, context, elements, a, b, last, of_type) -> bool:
        """Whether an element's place among its parent's element children (from the
        last with ``last``; among those of its tag with ``of_type``) is a*n+b for some
        n >= 0: :nth-child and the like, each parent's children numbered once (an
        XPath count of the siblings before each of thousands of rows is quadratic)."""
        element = elements[0]
        parent = element.getparent()
        if parent is None:  # (the root: no sibling)
            place = count = 1
        else:
            key = (parent, element.tag if of_type else None)
            known = self._places.get(key)
            if known is None:
                # (the children kept: an element's proxy, and its id, lives while they do)
                children = [c for c in parent if isinstance(c.tag, str)
                            and (not of_type or c.tag == element.tag)]
                known = self._places[key] = (children, {id(c): n for n, c in
                                                        enumerate(children, 1)})
            count, place = len(known[0]), known[1][id(element)]
        if last:
            place = count + 1 - place
        a, b = int(a), int(b)
        if a == 0:
            return place == b
        return (place - b) % a == 0 and (place - b) // a >= 0


_NS = "govparse:hiding"


@functools.cache
def _translator(quirks: bool = False):
    """cssselect's translator, the pseudo-classes of an element's place among its
    siblings (:nth-child(), :first-child, :last-of-type …) asked of _Matcher._place."""
    import cssselect
    from cssselect.parser import parse_series
    from cssselect.xpath import ExpressionError

    class Translator(cssselect.HTMLTranslator):
        # A pseudo-class cssselect does not know (:focus-visible, :focus-within,
        # :-moz-focusring, :dir()) matches no element, as cssselect's :hover and :focus
        # do: a page at rest, nothing focused (a.skip:not(:focus-visible) hides).
        def xpath_pseudo(self, pseudo):
            if getattr(self, "xpath_{}_pseudo".format(pseudo.ident.replace("-", "_")),
                       None) is None:
                return self.xpath(pseudo.selector).add_condition("0")
            return super().xpath_pseudo(pseudo)

        def xpath_function(self, function):
            if getattr(self, "xpath_{}_function".format(function.name.replace("-", "_")),
                       None) is None:
                return self.xpath(function.selector).add_condition("0")
            return super().xpath_function(function)

        def xpath_nth_child_function(self, xpath, function, last=False, add_name_test=True):
            try:
                a, b = parse_series(function.arguments)
            except ValueError as ex:
                raise ExpressionError(f"Invalid series: {function.arguments!r}") from ex
            return xpath.add_condition(
                f"gp:place(., {a}, {b}, {int(last)}, {int(not add_name_test)})")

        def _only(self, xpath, of_type):
            return xpath.add_condition(f"gp:place(., 0, 1, 0, {of_type}) "
                                       f"and gp:place(., 0, 1, 1, {of_type})")

        def xpath_first_child_pseudo(self, xpath):
            return xpath.add_condition("gp:place(., 0, 1, 0, 0)")

        def xpath_last_child_pseudo(self, xpath):
            return xpath.add_condition("gp:place(., 0, 1, 1, 0)")

        def xpath_first_of_type_pseudo(self, xpath):
            self._check_of_type_element(xpath, "first-of-type")
            return xpath.add_condition("gp:place(., 0, 1, 0, 1)")

        def xpath_last_of_type_pseudo(self, xpath):
            self._check_of_type_element(xpath, "last-of-type")
            return xpath.add_condition("gp:place(., 0, 1, 1, 1)")

        def xpath_only_child_pseudo(self, xpath):
            return self._only(xpath, 0)

        def xpath_only_of_type_pseudo(self, xpath):
            self._check_of_type_element(xpath, "only-of-type")
            return self._only(xpath, 1)

    if not quirks:
        return Translator()

    class QuirksTranslator(Translator):
        # a class or id selector, on a page in quirks mode, whatever the case of its
        # letters A to Z
        def xpath_class(self, class_selector):
            xpath = self.xpath(class_selector.selector)
            spaced = self.xpath_literal(f" {ascii_lower(class_selector.class_name)} ")
            return xpath.add_condition(
                f"@class and contains(concat(' ', normalize-space("
                f"translate(@class, '{UPPER}', '{LOWER}')), ' '), {spaced})")

        def xpath_hash(self, id_selector):
            xpath = self.xpath(id_selector.selector)
            return xpath.add_condition(f"translate(@id, '{UPPER}', '{LOWER}') = "
                                       f"{self.xpath_literal(ascii_lower(id_selector.id))}")

    return QuirksTranslator()


def _parent(element):
    return element.getparent()


def _element_before(element):
    """The element just before this one among its siblings (no comment's)."""
    before = element.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()
    return before


def _last_compound(tree):
    from cssselect.parser import CombinedSelector

    return tree.subselector if isinstance(tree, CombinedSelector) else tree


def _key_of(compound, quirks: bool = False) -> tuple[str, str] | None:
    """What an element must have to match a compound: its id, a class, an attribute
    or its tag (in that order of preference); None where the compound names none.
    (With ``quirks`` an id or class lower-cased, as _Matcher.matching looks them up.)"""
    from cssselect.parser import Attrib, Class, Element, Hash

    found: dict[str, str] = {}
    node = compound
    while node is not None:
        if isinstance(node, Hash):
            found.setdefault("id", ascii_lower(node.id) if quirks else node.id)
        elif isinstance(node, Class):
            found.setdefault("class", ascii_lower(node.class_name) if quirks
                             else node.class_name)
        elif isinstance(node, Attrib) and not node.namespace:
            found.setdefault("attribute", node.attrib.lower())
        elif isinstance(node, Element) and node.element:
            found.setdefault("tag", node.element.lower())
        node = getattr(node, "selector", None)
    for kind in ("id", "class", "attribute", "tag"):
        if kind in found:
            return kind, found[kind]
    return None


NOTHING_HIDDEN = Hiding(None)
