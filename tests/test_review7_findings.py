"""Review 7 of bc8ba52 (HTML hiding by tinycss2 + cssselect), 7c1402e (GP322, a drawn
grid wrapped at a width) and 04c5796 (Document.page_starts): each finding a minimal
reproducer. Those fixed on branch review7 pass; those left open are
xfail(strict=True), with the reason.

The hidden-digit page is tests/test_wrong_figures_html_word_pdf.py's: the applications
table's first figure written 1<hidden 7>559; a browser that hides the 7 shows 1559,
one that shows it 17559."""

from __future__ import annotations

import pathlib
import random
import sys
import time
from decimal import Decimal

import pytest

import govparse

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from test_wrong_figures_html_word_pdf import (  # noqa: E402
    FIGURE, REPORT, _hidden_digit_page, _with, _wrong)

HIDDEN = FIGURE  # the 7 hidden: what a browser shows
SHOWN = int(f"{str(FIGURE)[:1]}7{str(FIGURE)[1:]}")  # the 7 shown


def _first(page: str):
    return govparse.parse(page).figure("applications", "new_requests", "natural_person").value


# ------------------------------------------------ hiding.py: tracebacks (fixed)

@pytest.mark.parametrize("style, value", [
    # a pseudo-class cssselect does not know raised ExpressionError at the first
    # element tried (a selector with no id, class or tag: every row of every table)
    (".h:not(:focus-visible) { display: none }", HIDDEN),  # (at rest: not focused)
    (":focus-within { visibility: hidden }", SHOWN),
    (".h:-moz-focusring { display: none }", SHOWN),
    (".h:dir(ltr) { display: none }", SHOWN),
    # a namespace prefix: XPathEvalError (Undefined namespace prefix)
    ("svg|span { display: none }", SHOWN),
    (".h:not(svg|a) { display: none }", SHOWN),  # (the probe of an element with no class
    (".h:is(svg|a, span) { display: none }", SHOWN),  # does not reach the prefix)
    # a series cssselect cannot read: ExpressionError
    ("span:nth-child(foo) { display: none }", SHOWN),
])
def test_a_hiding_rule_cssselect_cannot_translate_gives_no_traceback(style, value):
    # was: cssselect.xpath.ExpressionError / lxml.etree.XPathEvalError out of
    # govparse.parse (e77920f read the page, 17559)
    assert _first(_hidden_digit_page(style, '<span class="h">7</span>')) == value


@pytest.mark.parametrize("style, hidden, value, warned", [
    # a sheet, selector or style nested thousands deep: RecursionError (tinycss2's
    # parser and serializer, cssselect's parser and translator, the matcher's walk over
    # combinators) out of govparse.parse; e77920f's regular expressions read them
    ("@media screen {" * 3000 + ".h { display: none }" + "}" * 3000, '<span class="h">7</span>',
     SHOWN, True),
    (".h" + ":not(.a)" * 3000 + " { display: none }", '<span class="h">7</span>', SHOWN, True),
    (":is(" * 300 + ".h" + ")" * 300 + " { display: none }", '<span class="h">7</span>', SHOWN,
     True),
    ("div " * 3000 + ".h { display: none }", '<span class="h">7</span>', SHOWN, True),
    (".h { display: none; x: " + "[" * 5000 + "}", '<span class="h">7</span>', HIDDEN, False),
    ("", '<span style="display: none; x: ' + "(" * 5000 + '">7</span>', HIDDEN, False),
    ("", '<span style="display: ' + "(" * 5000 + '">7</span>', SHOWN, False),  # (invalid)
])
def test_a_style_nested_too_deep_gives_no_traceback_but_a_warning(style, hidden, value, warned):
    read = govparse.parse(_hidden_digit_page(style, hidden))
    assert read.figure("applications", "new_requests", "natural_person").value == value
    assert ("GP505" in {d.code for d in read.diagnostics}) is warned


# ------------------------------------------------ hiding.py: under- and over-reach (fixed)

def test_a_style_sheet_for_print_hides_nothing_on_a_screen():
    # <style media="print"> was read as a screen's sheet: 1559 read where a browser
    # shows 17559 (a rule in @media print was already left out)
    page = _hidden_digit_page("", '<span class="h">7</span>').replace(
        "</head>", '<style media="print">.h { display: none }</style></head>', 1)
    assert _first(page) == SHOWN


@pytest.mark.parametrize("style, value", [
    ("@media not screen { .h { display: none } }", SHOWN),  # (was 1559: any not was a screen's)
    ("@media not all { .h { display: none } }", SHOWN),
    ("@media not print { .h { display: none } }", HIDDEN),
    ("@media not screen and (max-width: 1px) { .h { display: none } }", HIDDEN),
])
def test_a_media_query_under_not(style, value):
    assert _first(_hidden_digit_page(style, '<span class="h">7</span>')) == value


@pytest.mark.parametrize("sheet", [
    '<noscript><style>.h { display: none }</style></noscript>',  # (scripts run: text)
    '<template><style>.h { display: none }</style></template>',  # (inert)
    '<style type="text/less">.h { display: none }</style>',  # (not CSS: not applied)
])
def test_a_style_sheet_a_browser_does_not_apply_hides_nothing(sheet):
    # each was read as the page's sheet: 1559 read where a browser shows 17559
    page = _hidden_digit_page("", '<span class="h">7</span>').replace("</head>",
                                                                      sheet + "</head>", 1)
    assert _first(page) == SHOWN


def test_each_style_sheet_is_read_on_its_own():
    # the sheets were joined before tinycss2 read them: a rule left open at the end of
    # one (.a { color: red) swallowed the next sheet's .h { display: none }, and the 7
    # a browser hides was read: 17559 for 1559
    page = _hidden_digit_page(".h { display: none }", '<span class="h">7</span>').replace(
        "<style>.h { display: none }</style>",
        "<style>.a { color: red</style><style>.h { display: none }</style>", 1)
    assert _first(page) == HIDDEN


@pytest.mark.parametrize("style", [
    "@layer base { .h { display: none } }",
    "@container (min-width: 1px) { .h { display: none } }",
])
def test_rules_inside_layer_and_container_blocks_hide(style):
    # tinycss2's at-rules other than @media and @supports were not looked into: the 7
    # a browser hides was read (17559); e77920f's split on braces hid it
    assert _first(_hidden_digit_page(style, '<span class="h">7</span>')) == HIDDEN


def test_sibling_place_pseudo_classes_match_as_cssselects_xpath():
    # :nth-child and the like are answered by _Matcher._place (each parent's children
    # numbered once), no longer by cssselect's count(preceding-sibling::*)
    import cssselect
    from lxml import html

    from govparse.frontends.html.hiding import _Matcher

    rnd = random.Random(7)

    def tree(depth):
        if depth == 0:
            return "x"
        tags = rnd.choices(["b", "i", "u"], k=rnd.randint(1, 7))
        return "".join(f"<{t}>{tree(depth - 1)}</{t}>" + ("<!--c-->" if rnd.random() < .2 else "")
                       for t in tags)

    root = html.fromstring("<div>" + tree(4) + "</div>")
    for selector in ["b:nth-child(2)", "i:nth-child(2n+1)", "u:nth-child(-n+3)",
                     "b:nth-last-child(3n)", "i:nth-of-type(2)", "u:nth-last-of-type(odd)",
                     "b:first-child", "i:last-child", "u:first-of-type", "b:last-of-type",
                     "i:only-child", "u:only-of-type", "i:nth-child(-2n+5)",
                     "u:nth-child(3n-2)", "b:nth-child(-n-1)", "i:not(:first-child)",
                     "div > :nth-child(even) b"]:
        expected = set(root.xpath(cssselect.HTMLTranslator().css_to_xpath(selector)))
        matcher = _Matcher(cssselect.parse(selector))
        found = {e for e in root.iter() if isinstance(e.tag, str) and matcher.matches(e)}
        assert found == expected, selector


def test_a_sibling_place_rule_over_a_long_table_takes_linear_time():
    # tr:nth-child(n+21) { display: none } (a table paged by its style): cssselect's
    # XPath counts every row's siblings before it, libxml2 time quadratic in the rows:
    # 10,000 rows 0.84 s, 20,000 3.3 s, 40,000 10.9 s (1.3 MB); now 0.38 s and 0.76 s
    def page(rows):
        return ("<html><head><style>tr:nth-child(n+21) { display: none }</style></head>"
                "<body><table>" + "".join(f"<tr><td>{i}</td><td>5</td></tr>"
                                          for i in range(rows)) + "</table></body></html>")

    def seconds(rows):
        text = page(rows)
        start = time.perf_counter()
        govparse.parse(text)
        return time.perf_counter() - start

    seconds(500)
    small, large = seconds(5000), seconds(40000)
    assert large < 8 * 4 * small + 0.5, (small, large)  # (quadratic: 64 times)


# ------------------------------------------------ hiding.py: the cascade (fixed)

@pytest.mark.parametrize("style, hidden", [
    (".h { display: none } td .h { display: inline }", '<span class="h">7</span>'),
    (".h { display: none } .h { display: inline }", '<span class="h">7</span>'),
    (".h { display: none }", '<span class="h" style="display: inline">7</span>'),
    ("", '<span style="visibility: hidden"><span style="visibility: visible">7</span></span>'),
    ("", '<span hidden style="display: inline">7</span>'),
])
def test_a_digit_a_later_or_more_specific_rule_shows_is_read(style, hidden):
    # was: hiding.py matched each rule whose own declarations hide, alone (no
    # specificity, order, !important, own style; no inheritance of visibility): the
    # 7 a browser shows was left out, a wrong figure. Now the cascade is followed.
    assert _first(_hidden_digit_page(style, hidden)) == SHOWN


# ------------------------------------------------ page_starts (open: lost figures)

@pytest.mark.xfail(strict=True, reason="open (lost figures, no wrong one): a text whose "
                   "pages a form feed parts but that is laid out on one grid (a fixed-pitch "
                   "export, pdftotext -fixed, a hand-paged text): a page whose rows are all "
                   "short of a figure, its header not repeated, is no longer placed by the "
                   "header (positions._on_a_page_of_its_own): GP314, its figures missing; "
                   "e77920f read them right")
def test_a_page_on_the_same_grid_of_rows_short_of_a_figure_is_placed():
    truth = _with(_with(REPORT, "applications", "total_processed", "natural_person", None),
                  "applications", "carried_forward", "natural_person", None)
    from govparse.emit.printer import dumps

    lines = dumps(truth, "aligned").split("\n")
    at = next(n for n, line in enumerate(lines) if "（七）总计" in line)
    paged = "\n".join(lines[:at]) + "\n\f" + "\n".join(lines[at:])
    report = govparse.parse(paged)
    assert _wrong(truth, report) == {}
    row = report.applications.carried_forward
    assert row.commercial_enterprise.value == truth.applications.carried_forward \
        .commercial_enterprise.value
    assert row.total.value == truth.applications.carried_forward.total.value


# ------------------------------------------------ folded text (open, before these commits)

def test_a_ruled_table_folded_through_a_figure_gives_no_figure_wrong():
    # the text: `pandoc -f html -t plain --columns=200` of PAGE, each line then cut at
    # 26 display columns, the rest on the next line (as fold(1) wraps); the ruled
    # table's rules are cut too, so it is read as lines. Was: 795.22, cut into 795 /
    # .22, read as 795 for 行政事业性收费's amount.
    text = (pathlib.Path(__file__).parent / "data" / "review7" /
            "pandoc_plain_folded_at_26.txt").read_text("utf-8")
    report = govparse.parse(text)
    assert _wrong(REPORT, report) == {}
    fee = report.active_disclosure.administrative_fees.amount
    assert (fee.value, fee.line) == (None, 52)
    said = [d for d in report.diagnostics if d.code == "GP313" and d.line == 52]
    assert len(said) == 1 and "'795 .22', a number cut where its line was folded" \
        in said[0].message


@pytest.mark.parametrize("text, read", [
    # a whole number whose decimals open the next line: cut, not read
    ("行政事业性收费\t795\n.22\n", None),
    ("行政事业性收费\t795\n．22\n", None),
    # decimals of their own, or a figure with its decimals: read as written
    ("行政事业性收费\t795.22\n", Decimal("795.22")),
    ("行政事业性收费\t795\n", 795),
])
def test_a_fee_cut_before_its_decimals_is_missing(text, read):
    report = govparse.parse("二、主动公开政府信息情况\n" + text)
    assert report.active_disclosure.administrative_fees.amount.value == read


@pytest.mark.parametrize("style", [
    "td { .h { display: none } }",
    "table { td { & > .h { display: none } } }",
    "td { color: red; @media screen { .h { display: none } } }",
    ".h { td & { display: none } }",
])
def test_a_nested_rule_hides(style):
    # was: not looked into (tinycss2 gives it inside the parent's content), 17559 read
    # for the 1559 a browser shows; e77920f's split on braces hid it
    assert _first(_hidden_digit_page(style, '<span class="h">7</span>')) == HIDDEN


def test_a_nested_rule_that_hides_nothing_on_a_screen():
    for style in ("td { @media print { .h { display: none } } }", "th { .h { display: none } }"):
        assert _first(_hidden_digit_page(style, '<span class="h">7</span>')) != HIDDEN, style
