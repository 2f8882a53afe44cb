"""A web archive (MHTML, .mht or .mhtml): a page and what it uses, in one MIME message.

A browser's "Save as: Webpage, Single File" (Chrome, Edge: ``From: <Saved by Blink>``;
Internet Explorer), and Word's "Single File Web Page", write a report so: a
``multipart/related`` message whose root part is the page's HTML (quoted-printable
or base64), its images and style sheets the other parts. The page is what is read
(the HTML front-end); the standard library's email parser takes the message apart.

The root part is the one the message's ``start`` parameter names (its Content-ID),
else its first HTML part. Its charset, where the part names one, decodes it; else it
is decoded as any input (source.decode: UTF-8, else GB18030; a saved page declares
its charset in a ``<meta>`` Chrome writes UTF-8 under). A line of a diagnostic is a
line of that page, not of the archive (GP016 says so). Blink saves a page's own
``<style>`` elements as parts of their own, linked (``<link rel="stylesheet"
href="cid:css-…@mhtml.blink">``), and the page's sheets too: each is put back where
its link stands, so that what it hides (digits among a table's figures, against
copying) stays hidden.
"""

from __future__ import annotations

import codecs
import functools
import re

from govparse.diagnostics import Diagnostic, Severity
from govparse.errors import InputError

_LOOKED_AT = 8192  # bytes of the start where the headers are looked for


@functools.cache
def _headers() -> re.Pattern:
    """The start of a web archive: MIME headers (a browser's From:, Subject:, Date:,
    MIME-Version: …) up to a Content-Type of multipart/related. (Compiled when a text
    first opens with a letter: every input is asked.)"""
    return re.compile(rb"(?:[A-Za-z][A-Za-z0-9-]*:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*){0,40}?"
                      rb"Content-Type:[ \t]*multipart/related", re.I)


def is_web_archive(data: bytes) -> bool:
    """Whether bytes are a web archive: MIME headers, one of them a Content-Type of
    ``multipart/related``, from the first byte (after a BOM or blank lines)."""
    head = _started(data[:_LOOKED_AT])
    return head[:1].isalpha() and _headers().match(head) is not None


def text_is_web_archive(text: str) -> bool:
    """is_web_archive of a text: an archive's bytes decoded (ASCII, as a browser and
    Word write one), which govparse.parse reads as the bytes again."""
    first = text.lstrip("\ufeff\r\n")[:1]
    return first.isascii() and first.isalpha() and is_web_archive(
        text[:_LOOKED_AT].encode("utf-8", "surrogatepass"))


def _started(data: bytes) -> bytes:
    """The bytes from the archive's first header: a BOM and blank lines before it left
    out (the email parser would read them as the end of no headers)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    return data.lstrip(b"\r\n")


MAX_HEADER = 16384  # characters of a header line and its continuations (no archive nears it)


def page_of(data: bytes, name: str | None, decode) -> tuple[str, list[Diagnostic]]:
    """The text of a web archive's page, and the notes of reading it (GP016, and the
    decoding's). ``decode``: source.decode, for a part that names no charset (or one
    Python does not know). GP017 where the archive holds no HTML page."""
    import email
    import email.policy

    data = _started(data)
    long_header = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:(?:[^\r\n]|\r?\n[ \t]){%d}"
                             % MAX_HEADER, re.M).search(data)
    if long_header is not None:
        # (the email package reads a header's parameters in time quadratic in their
        # number: 200,000 ``;`` took a minute)
        raise InputError("GP017", "the input is a web archive (MHTML) with a header of "
                         f"more than {MAX_HEADER} characters (at byte {long_header.start()}); "
                         "no archive writes one", path=name)
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        root = _root_part(message)
    except RecursionError:  # (multiparts nested thousands deep)
        raise InputError("GP017", "the input is a web archive (MHTML) whose parts nest too "
                         "deep to be read", path=name) from None
    if root is None:
        raise InputError("GP017", "the input is a web archive (MHTML) that holds no HTML "
                         "page", path=name)
    body = root.get_payload(decode=True) or b""
    charset = root.get_content_charset()
    text, notes = None, []
    if charset:
        try:
            text = body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, notes = decode(body)
    location = root.get("Content-Location")
    text = _with_sheets(text, _sheets(message, root), location)
    where = f" ({location})" if location else ""
    notes = [Diagnostic("GP016", Severity.NOTE,
                        f"the input is a web archive (MHTML); the page inside it{where} was "
                        "read, and a line is the page's, not the archive's", 1, 1,
                        hint="a browser's \"save as single file\" or Word's single-file web "
                             "page: save the page as HTML to see its lines"), *notes]
    return text, notes


def _sheets(message, root) -> dict[str, str]:
    """The archive's style sheets, by each name a link may give: their Content-Location
    (``cid:css-…@mhtml.blink``, as Blink names a page's own <style>; a sheet's URL) and
    their Content-ID."""
    sheets: dict[str, str] = {}
    if not message.is_multipart():
        return sheets
    for part in message.walk():
        if part is root or part.is_multipart() or part.get_content_type() != "text/css":
            continue
        body = part.get_payload(decode=True) or b""
        try:
            css = body.decode(part.get_content_charset() or "utf-8")
        except (LookupError, UnicodeDecodeError):
            css = body.decode("utf-8", "replace")
        location, ident = part.get("Content-Location"), part.get("Content-ID")
        if location and location.strip():
            sheets[location.strip()] = css
        if ident and ident.strip():  # (linked as cid:…, RFC 2392)
            sheets["cid:" + ident.strip().strip("<>")] = css
    return sheets


# Characters of sheets put back in the page, at most (hiding.MAX_LINKED_TEXT: a page's
# linked sheets past it are not read either)
MAX_INLINED_TEXT = 2 << 20
# A link to a style sheet (<link rel="stylesheet" href="…" media="…">), its attributes
_LINK = re.compile(r"<link\b([^<>]*)>", re.I)
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")


def _with_sheets(page: str, sheets: dict[str, str], base: str | None) -> str:
    """The page with each link to a style sheet of the archive replaced by the sheet,
    in a <style> of the link's media, where the link stood: Blink saves a page's own
    <style> elements so, and what they hide (digits among a table's figures, against
    copying) is hidden by them. A sheet's line breaks are blanks there, so that every
    line of the page keeps its number."""
    if not sheets or "<link" not in page.lower():
        return page
    from html import escape, unescape
    from urllib.parse import urljoin

    left = [MAX_INLINED_TEXT]  # (a sheet linked a thousand times is not put back each time)

    def inlined(found: re.Match) -> str:
        attributes = {name.lower(): unescape(value.strip("\"'"))
                      for name, value in _ATTRIBUTE.findall(found.group(1))}
        bare = re.sub(r"\"[^\"]*\"|'[^']*'", "", found.group(1)).lower()  # (its values away)
        disabled = re.search(r"(?:^|\s)disabled(?=[\s/=]|$)", bare) is not None
        rel = attributes.get("rel", "").lower().split()
        if "stylesheet" not in rel or "alternate" in rel or disabled:
            return found.group()  # (a sheet the page does not apply)
        href = attributes.get("href", "").strip()
        css = sheets.get(href)
        if css is None and href.lower().startswith("cid:"):
            css = sheets.get("cid:" + href[4:].strip("<>"))
        if css is None and base and href:
            try:
                css = sheets.get(urljoin(base, href))
            except ValueError:  # (http://[fe80::1%eth0/…: no URL)
                css = None
        if css is None or len(css) > left[0]:
            return found.group()  # (a sheet not read: hiding.style_sheets says so)
        left[0] -= len(css)
        media = attributes.get("media")
        opening = f'<style media="{escape(media)}">' if media else "<style>"
        flat = " ".join(css.replace("</", "<\\/").splitlines())
        return f"{opening}{flat}</style>"

    return _LINK.sub(inlined, page)


def _root_part(message):
    """The page: the part ``start`` names, else the first HTML part."""
    if not message.is_multipart():
        return message if message.get_content_type() == "text/html" else None
    parts = [part for part in message.walk() if not part.is_multipart()]
    start = message.get_param("start")
    if isinstance(start, str) and start.strip():
        wanted = start.strip().strip("<>")
        for part in parts:
            if (part.get("Content-ID") or "").strip().strip("<>") == wanted:
                return part
    return next((part for part in parts if part.get_content_type() == "text/html"), None)
