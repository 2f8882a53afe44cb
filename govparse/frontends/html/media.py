"""Whether a media query holds where govparse reads a page: a browser's window on a
desktop screen, as a reader of a report sees it.

A page may lay out its tables for a phone and for a desktop and hide one of them by
``@media`` (``@media (max-width: 768px) { .pc { display: none } }``); read as if every
condition held, both would be hidden, or a digit hidden on one shown by the other.
The screen is taken as SCREEN says: 1280 by 720 CSS pixels, one device pixel a CSS
pixel, a mouse (hover, a fine pointer), colour, a light scheme, nothing reduced or
forced. A condition on a feature this module does not know holds for no screen, as a
browser reads a query it cannot parse (``not all``); so does a query for print or
speech only.
"""

from __future__ import annotations

import re

# What the screen a page is read on is: each feature's value
SCREEN = {
    "width": 1280.0, "height": 720.0, "device-width": 1280.0, "device-height": 720.0,
    "aspect-ratio": 1280 / 720, "device-aspect-ratio": 1280 / 720, "resolution": 1.0,
    "-webkit-device-pixel-ratio": 1.0, "device-pixel-ratio": 1.0, "color": 8.0,
    "color-index": 0.0, "monochrome": 0.0, "grid": 0.0,
    "orientation": "landscape", "hover": "hover", "any-hover": "hover", "pointer": "fine",
    "any-pointer": "fine", "prefers-color-scheme": "light", "prefers-reduced-motion":
    "no-preference", "prefers-contrast": "no-preference", "prefers-reduced-transparency":
    "no-preference", "prefers-reduced-data": "no-preference", "forced-colors": "none",
    "inverted-colors": "none", "scan": "progressive", "update": "fast", "overflow-block":
    "scroll", "overflow-inline": "scroll", "color-gamut": "srgb", "dynamic-range":
    "standard", "display-mode": "browser", "scripting": "enabled",
}
# Media types a screen is (all, screen; the deprecated tv, handheld … are not)
_TYPES = frozenset({"all", "screen"})
# Lengths in CSS pixels (em and rem: the browser's 16px font)
_PIXELS = {"px": 1.0, "pt": 4 / 3, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54,
           "mm": 96 / 25.4, "q": 96 / 101.6, "em": 16.0, "rem": 16.0, "": 1.0}
_RESOLUTIONS = {"dppx": 1.0, "x": 1.0, "dpi": 1 / 96, "dpcm": 2.54 / 96, "": 1.0}
_VALUE = re.compile(r"([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*([a-z]*)"
                    r"(?:\s*/\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)))?|([a-z][a-z-]*)")
_FEATURE = re.compile(r"\(\s*([a-z-]+)\s*(?::\s*([^()]*?))?\s*\)")
# Range syntax: (width >= 600px), (400px <= width < 700px)
_RANGE = re.compile(r"\(\s*(?:([^()<>=]+?)\s*([<>]=?|=)\s*)?([a-z-]+)\s*(?:([<>]=?|=)\s*"
                    r"([^()<>=]+?)\s*)?\)")
_COMPARE = {"<": float.__lt__, "<=": float.__le__, ">": float.__gt__, ">=": float.__ge__,
            "=": float.__eq__}
_MIRRORED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "="}


def matches(queries: str) -> bool:
    """Whether a media query list (a ``@media`` rule's prelude, a ``<style>``'s media)
    holds on SCREEN: one of its queries does."""
    return any(_holds(query.strip()) for query in queries.lower().split(","))


def _holds(query: str) -> bool:
    if not query:
        return True  # (an empty list: all)
    negated = query.startswith("not ")
    if negated or query.startswith("only "):
        query = query.split(None, 1)[1] if " " in query else ""
    # (a query that starts with a condition leaves its media type out: all)
    head, _, conditions = query.partition(" and ") if not query.startswith("(") \
        else ("all", "", query)
    if not re.fullmatch(r"[a-z-]+", head.strip()):
        return False  # (no media query govparse reads: not all)
    result = head.strip() in _TYPES and all(
        _condition(part.strip()) for part in _conditions(conditions))
    return not result if negated else result


def _conditions(text: str) -> list[str]:
    """The parts of a condition joined by ``and`` (none where there is none)."""
    return [part for part in re.split(r"\s+and\s+", text) if part.strip()] if text else []


def _condition(text: str) -> bool:
    """Whether one condition holds: ``(feature)``, ``(feature: value)``, a range, or
    ``not (…)``; a condition joined by ``or`` holds where one of its parts does."""
    if text.startswith("not "):
        return not _condition(text[4:].strip())
    if " or " in text:
        return any(_condition(part.strip()) for part in text.split(" or "))
    if text.startswith("((") and text.endswith("))"):
        return _condition(text[1:-1].strip())
    found = _FEATURE.fullmatch(text)
    if found is not None:
        return _feature(found.group(1), found.group(2))
    found = _RANGE.fullmatch(text)
    if found is None:
        return False
    left, left_op, name, right_op, right = found.groups()
    known = SCREEN.get(name)
    if not isinstance(known, float) or (left is None and right is None):
        return False
    checks = []
    if left is not None:  # (600px <= width: width >= 600px)
        checks.append((_MIRRORED[left_op], left))
    if right is not None:
        checks.append((right_op, right))
    for op, value in checks:
        number = _number(name, value)
        if number is None or not _COMPARE[op](known, number):
            return False
    return True


def _feature(name: str, value: str | None) -> bool:
    """Whether ``(name)`` or ``(name: value)`` holds; min- and max- compare."""
    bound = None
    if name.startswith(("min-", "max-")):
        bound, name = name[:3], name[4:]
    elif name.startswith(("-webkit-min-", "-webkit-max-")):
        bound, name = name[8:11], "-webkit-" + name[12:]
    known = SCREEN.get(name)
    if known is None:
        return False  # (a feature not known: no screen meets it)
    if value is None:  # (a boolean context: the feature is not 0 or none)
        return bound is None and known not in (0.0, "none", "no-preference")
    if isinstance(known, str):
        return bound is None and value.strip() == known
    number = _number(name, value)
    if number is None:
        return False
    return known >= number if bound == "min" else known <= number if bound == "max" \
        else known == number


def _number(name: str, value: str) -> float | None:
    """A feature's value as the number SCREEN gives it (a length in CSS pixels, a
    resolution in dppx, a ratio); None where it is none such."""
    found = _VALUE.fullmatch(value.strip())
    if found is None or found.group(4) is not None:
        return None
    number, unit, denominator = float(found.group(1)), found.group(2), found.group(3)
    if denominator is not None:
        return number / float(denominator) if float(denominator) else None
    if name == "resolution":
        factor = _RESOLUTIONS.get(unit)
    elif "ratio" in name or name in ("color", "color-index", "monochrome", "grid"):
        factor = 1.0 if unit == "" else None
    else:
        factor = _PIXELS.get(unit)
    return None if factor is None else number * factor
