"""Whether a browser shows a page in quirks mode, told by its doctype as HTML's parser
tells it (the "initial" insertion mode): no doctype before the page's first element or
text, a malformed one, or one of the legacy doctypes a browser takes for a page written
for the browsers of the 1990s (``<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0
Transitional//EN">``, HTML 4.01 Transitional without its system identifier …). Many
government sites' older pages have none.

In quirks mode a length without a unit is pixels (``left: -9999`` moves a box off the
page, where a page in standards mode drops the declaration) and a class or id selector
matches whatever the case of its letters (``.H`` matches ``class="h"``): hiding.py
follows both. (A page's limited-quirks mode, the XHTML 1.0 Transitional doctype's,
changes neither.)

libxml2 cannot tell: it gives a page with no doctype one of its own."""

from __future__ import annotations

import re

_BLANK = "\t\n\f\r "  # (HTML's whitespace: no other, a no-break space is text)
# What may stand before the doctype: blanks, comments (<!-->, <!--->, ending at the first
# --> or --!>), bogus comments (<!x>, <![CDATA[…]]>, an XML declaration <?xml …?>);
# then the doctype, up to its >. (A comment ends where it first can: so each has one
# way to match, and a page of many before no doctype is read in linear time.)
_DOCTYPE = re.compile(
    r"\ufeff?(?:[\t\n\f\r ]|<!--(?:>|->|(?:[^-]|-(?!-!?>))*--!?>)|<!(?!--|doctype)[^>]*>"
    r"|<\?[^>]*>)*<!doctype(?P<rest>[^>]*)>", re.I)

# HTML's lists (https://html.spec.whatwg.org/#the-initial-insertion-mode), lower-cased:
# a public identifier that is one of these, or starts with one of these
_QUIRKS_PUBLIC = frozenset({"-//w3o//dtd w3 html strict 3.0//en//",
                            "-/w3c/dtd html 4.0 transitional/en", "html"})
_QUIRKS_SYSTEM = "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd"
_QUIRKS_PUBLIC_PREFIXES = tuple("""
+//silmaril//dtd html pro v0r11 19970101//
-//as//dtd html 3.0 aswedit + extensions//
-//advasoft ltd//dtd html 3.0 aswedit + extensions//
-//ietf//dtd html 2.0 level 1//
-//ietf//dtd html 2.0 level 2//
-//ietf//dtd html 2.0 strict level 1//
-//ietf//dtd html 2.0 strict level 2//
-//ietf//dtd html 2.0 strict//
-//ietf//dtd html 2.0//
-//ietf//dtd html 2.1e//
-//ietf//dtd html 3.0//
-//ietf//dtd html 3.2 final//
-//ietf//dtd html 3.2//
-//ietf//dtd html 3//
-//ietf//dtd html level 0//
-//ietf//dtd html level 1//
-//ietf//dtd html level 2//
-//ietf//dtd html level 3//
-//ietf//dtd html strict level 0//
-//ietf//dtd html strict level 1//
-//ietf//dtd html strict level 2//
-//ietf//dtd html strict level 3//
-//ietf//dtd html strict//
-//ietf//dtd html//
-//metrius//dtd metrius presentational//
-//microsoft//dtd internet explorer 2.0 html strict//
-//microsoft//dtd internet explorer 2.0 html//
-//microsoft//dtd internet explorer 2.0 tables//
-//microsoft//dtd internet explorer 3.0 html strict//
-//microsoft//dtd internet explorer 3.0 html//
-//microsoft//dtd internet explorer 3.0 tables//
-//netscape comm. corp.//dtd html//
-//netscape comm. corp.//dtd strict html//
-//o'reilly and associates//dtd html 2.0//
-//o'reilly and associates//dtd html extended 1.0//
-//o'reilly and associates//dtd html extended relaxed 1.0//
-//sq//dtd html 2.0 hotmetal + extensions//
-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//
-//softquad//dtd hotmetal pro 4.0::19970714::extensions to html 4.0//
-//spyglass//dtd html 2.0 extended//
-//sun microsystems corp.//dtd hotjava html//
-//sun microsystems corp.//dtd hotjava strict html//
-//w3c//dtd html 3 1995-03-24//
-//w3c//dtd html 3.2 draft//
-//w3c//dtd html 3.2 final//
-//w3c//dtd html 3.2//
-//w3c//dtd html 3.2s draft//
-//w3c//dtd html 4.0 frameset//
-//w3c//dtd html 4.0 transitional//
-//w3c//dtd html experimental 19960712//
-//w3c//dtd html experimental 970421//
-//w3c//dtd w3 html//
-//w3o//dtd w3 html 3.0//
-//webtechs//dtd mozilla html 2.0//
-//webtechs//dtd mozilla html//
""".strip().splitlines())
# ... and these when the doctype gives no system identifier
_QUIRKS_WITHOUT_SYSTEM = ("-//w3c//dtd html 4.01 frameset//",
                          "-//w3c//dtd html 4.01 transitional//")


def quirks_mode(page: str) -> bool:
    """Whether a browser shows the page (its text) in quirks mode."""
    doctype = _DOCTYPE.match(page)
    if doctype is None:
        return True
    read = _Doctype(doctype.group("rest"))
    if read.force_quirks or ascii_lower(read.name) != "html":
        return True
    public, system = ascii_lower(read.public), ascii_lower(read.system)
    if system == _QUIRKS_SYSTEM:
        return True
    if public is None:
        return False
    return public in _QUIRKS_PUBLIC or public.startswith(_QUIRKS_PUBLIC_PREFIXES) \
        or system is None and public.startswith(_QUIRKS_WITHOUT_SYSTEM)


class _Doctype:
    """A doctype's name and identifiers, read as HTML's tokenizer reads them from
    what stands between ``<!DOCTYPE`` and ``>``: ``force_quirks`` where it gives up
    (no name, a keyword other than PUBLIC or SYSTEM, an identifier not quoted or not
    closed); what follows a system identifier is dropped, as it does."""

    def __init__(self, text: str) -> None:
        self.text, self.at = text, 0
        self.name = self.public = self.system = None
        self.force_quirks = False
        self._blanks()
        start = self.at
        while self.at < len(text) and text[self.at] not in _BLANK:
            self.at += 1
        self.name = text[start:self.at] or None
        if self.name is None:
            self.force_quirks = True
            return
        self._blanks()
        keyword = ascii_lower(text[self.at:self.at + 6])
        if self.at == len(text):
            return
        if keyword not in ("public", "system"):
            self.force_quirks = True
            return
        self.at += 6
        self._blanks()
        identifier = self._quoted()
        if identifier is None:
            self.force_quirks = True
            return
        if keyword == "system":
            self.system = identifier
            return
        self.public = identifier
        self._blanks()
        if self.at < len(text):
            self.system = self._quoted()
            if self.system is None:
                self.force_quirks = True

    def _blanks(self) -> None:
        while self.at < len(self.text) and self.text[self.at] in _BLANK:
            self.at += 1

    def _quoted(self) -> str | None:
        """The identifier quoted at this point (by " or '), or None (not quoted, or
        its quote not closed before the doctype's end)."""
        quote = self.text[self.at:self.at + 1]
        if quote not in ('"', "'"):
            return None
        end = self.text.find(quote, self.at + 1)
        if end < 0:
            return None
        identifier, self.at = self.text[self.at + 1:end], end + 1
        return identifier


UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LOWER = "abcdefghijklmnopqrstuvwxyz"
_TO_LOWER = str.maketrans(UPPER, LOWER)


def ascii_lower(text: str | None) -> str | None:
    """Letters A to Z lower-cased, no other (HTML compares doctypes and, in quirks
    mode, class names so: ``.İ`` is no ``.i``)."""
    return None if text is None else text.translate(_TO_LOWER)
