"""quirks.py: the mode a browser shows a page in, by its doctype (HTML's "initial"
insertion mode)."""

from __future__ import annotations

import pytest

from govparse.frontends.html.quirks import ascii_lower, quirks_mode

XHTML_TRANSITIONAL = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
                      '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">')


@pytest.mark.parametrize("page", [
    "<!DOCTYPE html><p>1</p>",
    "<!doctype HTML>",
    "\ufeff \n<!-- a comment --><!DOCTYPE html>",
    '<?xml version="1.0" encoding="utf-8"?>\n' + XHTML_TRANSITIONAL,  # (limited quirks)
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">',
    # HTML 4.01 Transitional with its system identifier: limited quirks
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" '
    '"http://www.w3.org/TR/html4/loose.dtd">',
    '<!DOCTYPE html SYSTEM "about:legacy-compat">',
    # as HTML's tokenizer reads them: an empty system identifier is one; what follows
    # a system identifier is dropped; a name with no blank before it; comments cut
    # short (<!-->, <!--->), ended by --!>, and bogus ones (<!x>, CDATA) before it
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "">',
    '<!DOCTYPE html SYSTEM "about:legacy-compat" x>',
    "<!DOCTYPEhtml>",
    "<!--> <!---> <!-- a --!> <!x> <![CDATA[y]]> <!DOCTYPE html>",
])
def test_standards_mode(page):
    assert quirks_mode(page) is False


@pytest.mark.parametrize("page", [
    "<html><body><p>1</p></body></html>",  # no doctype
    "",
    "text<!DOCTYPE html>",  # (text first: the doctype comes too late)
    "\u00a0<!DOCTYPE html>",  # (a no-break space is text, not a blank of HTML's)
    "<!DOCTYPE html junk>",  # (malformed)
    "<!DOCTYPE svg>",
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">',  # no system id
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN" '
    '"http://www.w3.org/TR/REC-html40/loose.dtd">',
    '<!doctype html public "-//w3c//dtd html 3.2 final//en">',
    '<!DOCTYPE HTML PUBLIC "HTML">',
    '<!DOCTYPE html SYSTEM "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd">',
    # (a quote inside the other quotes is the identifier's: O'Reilly's doctype)
    '<!DOCTYPE html PUBLIC "-//O\'Reilly and Associates//DTD HTML 2.0//EN">',
    "<!DOCTYPE html\u00a0>",  # (a no-break space is of the name: html\u00a0 is no html)
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" junk>',  # (not quoted)
    "<!DOCTYPE html PUBLIC>",
    "<!DOCTYPE html FOO>",
    "<!DOCTYPE>",
    '<!DOCTYPE html "x>',
])
def test_quirks_mode(page):
    assert quirks_mode(page) is True


def test_only_the_letters_a_to_z_are_lower_cased():
    assert ascii_lower("Hİ-Ä") == "hİ-Ä"
    assert ascii_lower(None) is None


def test_many_comments_before_no_doctype_read_in_linear_time():
    # (a comment that could end at any later --> would make 2**n ways to fail)
    import time

    start = time.perf_counter()
    assert quirks_mode("<!-- a -->" * 20_000 + "<p>1</p>") is True
    assert quirks_mode("<!-- a -- b --->" * 20_000 + "<!DOCTYPE html>") is False
    assert time.perf_counter() - start < 1.0
