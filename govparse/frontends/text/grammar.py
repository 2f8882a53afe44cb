"""The Lark grammar of a report's text (grammar/report.lark) and its LALR parser."""

from __future__ import annotations

import functools
import os

from govparse.frontends.text._standalone import Lark
from govparse.frontends.text.transformer import ReportTransformer
from govparse.template.headings import fill_grammar

# the package's root: govparse/frontends/text -> govparse
_PACKAGE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class StaleParserError(RuntimeError):
    """govparse/frontends/text/_standalone.py was not made from the grammar govparse ships: an
    installation problem (run `make grammar`, or reinstall), never the input's."""


def grammar_text() -> str:
    """The grammar: inside the installed package, or in grammar/ of a source checkout,
    with its heading patterns filled in from govparse/template/data/headings.tsv (as
    grammar/generate.py fills them, with the same function, before it makes the
    tables)."""
    packaged = os.path.join(_PACKAGE, "grammar", "report.lark")
    if not os.path.isfile(packaged):
        packaged = os.path.join(os.path.dirname(_PACKAGE), "grammar", "report.lark")
    with open(packaged, encoding="utf-8") as handle:
        return fill_grammar(handle.read())


@functools.cache
def lark_parser() -> Lark:
    """The LALR parser of grammar/report.lark, with the transformer inside the parse.

    Its tables come from govparse/frontends/text/_standalone.py, made from the grammar by
    grammar/generate.py when govparse is built: loading them is a tenth of what
    importing lark and loading the grammar costs. Start symbols: ``start`` (a
    report) and ``row`` (one table line, cell by cell)."""
    from govparse.frontends.text import _standalone

    if _standalone.GRAMMAR != grammar_text():
        raise StaleParserError("govparse/frontends/text/_standalone.py was made from another version of "
                               "grammar/report.lark: run `make grammar`, or reinstall govparse")
    return _standalone.Lark_StandAlone(transformer=ReportTransformer())
