"""frontends/html/hiding.py: which elements a page's styles hide, matched as a browser
matches its rules (selectors with every combinator, media, pseudo-classes), in time
linear in the page."""

from __future__ import annotations

import pytest
from lxml import html

from govparse.frontends.html.hiding import Hiding, style_hides

SHEET = """
@media print { .p { display: none } }
@media screen and (min-width: 1px) { .s { display: none } }
span[class=h] { display: none }
.a.h2 { display: none }
.x:hover { display: none }
p::before { display: none }
div.c > table td span.q { display: none }
td > span:first-child { display: none }
em + b { display: none }
i ~ u { display: none }
.k * { visibility: hidden }
.off { position: absolute; left: -9999px }
"""
BODY = """
<span class=p>p</span><span class=s>s</span><span class=h>h</span><span class=h2>h2</span>
<span class="a h2">a-h2</span><span class=x>x</span><p>before</p>
<div class=c><table><tr><td><i>i</i><span class=q>q</span><em>em</em><b>b</b>
<u>u</u></td></tr></table></div>
<table><tr><td><i>0</i><span class=q>q-elsewhere</span></td></tr></table>
<div class=k><p>k-child</p></div><span class=off>off</span>
"""


def _hidden(sheet: str, body: str) -> list[str]:
    root = html.document_fromstring(f"<html><head><style>{sheet}</style></head>"
                                    f"<body>{body}</body></html>")
    hiding = Hiding(root)
    return [e.text for e in root.iter() if isinstance(e.tag, str) and e.text and hiding(e)]


def test_rules_hide_what_their_selectors_match_on_a_screen():
    assert _hidden(SHEET, BODY) == ["s", "h", "a-h2", "q", "b", "u", "k-child", "off"]


@pytest.mark.parametrize("style, hides", [
    ("display:none", True), ("display: none !important", True),
    ("visibility:collapse", True), ("font-size:0", True), ("font-size: 0.0pt", True),
    ("opacity:0", True), ("position:absolute;left:-9999px", True),
    ("position: relative; top: -80em", True), ("position:fixed;right:-2000px", True),
    ("position:absolute;clip:rect(0px, 0px, 0px, 0px)", True),
    ("/* display:none */ color: red", False), ("font-size:10pt", False),
    ("opacity:0.5", False), ("left:-9999px", False), ("position:absolute;left:-10px", False),
    ("position:absolute;left:-50%", False), ("display:none; display:inline", False),
    ("font-size:", False), ("mso-font-kerning:0pt;display:inline", False),
])
def test_an_elements_own_style(style, hides):
    assert style_hides(style) is hides


def test_selectors_over_a_deep_page():
    # each (element, part of a selector) is answered once, ancestors walked in a loop
    # (libxml2 nests no deeper than 255 elements)
    depth = 250
    body = "<div>" * depth + "<table><tr><td><span class=z>7</span>1</td></tr></table>" \
        + "</div>" * depth
    assert _hidden(".nowhere div div .z { display: none }", body) == []
    assert _hidden("div div div .z { display: none }", body) == ["7"]
