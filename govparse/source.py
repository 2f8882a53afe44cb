"""Bytes to text: the size limit, byte-order marks, UTF-16, GB18030, NUL; reading files.

Every front-end starts here: a report reaches govparse as a file, as bytes or as text.
"""

from __future__ import annotations

import codecs
import functools
import re
import os
import sys

from govparse.diagnostics import Diagnostic, Severity
from govparse.errors import GovParseError, InputError
from govparse.locations import line_ends_normalized

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # no real report comes near 10 MB


def decode(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, list[Diagnostic]]:
    """Bytes to text: UTF-8 with or without BOM, UTF-16 with BOM, GB18030 (GBK), what
    a page declares (<meta charset>) said in the note."""
    check_size(data, max_bytes)
    notes: list[Diagnostic] = []
    if data.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8", data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, body = "utf-16", data
    else:
        encoding, body = "utf-8", data
    if encoding != "utf-16" and b"\x00" in body:
        at = body.index(b"\x00")
        raise InputError("GP002", f"the input is binary: a NUL byte at byte {at}")
    # UTF-8 first, even where a page declares GBK (<meta charset=gb2312>): Chinese
    # text in GBK is never valid UTF-8 at any length, while UTF-8 bytes often decode
    # as GB18030 into nonsense without an error; so a page whose declaration is wrong
    # (they are) is still read right.
    try:
        return body.decode(encoding), notes
    except UnicodeDecodeError as exc:
        if encoding != "utf-8" or data.startswith(codecs.BOM_UTF8):
            raise InputError("GP004", f"the input is not valid {encoding.upper()}: {exc.reason} "
                             f"at byte {exc.start}") from None
        first_bad = exc.start
    try:
        text = body.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError("GP004", f"the input is neither UTF-8 (invalid byte at {first_bad}) "
                         "nor GB18030") from None
    notes.append(_decoded_as_gb(declared=_declares_gb(data)))
    return text, notes


def check_size(data: bytes, max_bytes: int) -> None:
    """GP003 where the input is larger than ``max_bytes``."""
    if len(data) > max_bytes:
        raise InputError("GP003", f"the input is {len(data)} bytes, over the limit of "
                         f"{max_bytes} bytes")


def _decoded_as_gb(declared: bool) -> Diagnostic:
    why = ("the input is not UTF-8, and the page declares GBK (its <meta charset>)" if declared
           else "the input is not UTF-8")
    return Diagnostic("GP005", Severity.NOTE, f"{why}; it was decoded as GB18030 (GBK)", 1, 1)


@functools.cache
def _declared_charset() -> re.Pattern:
    """<meta charset="gb2312"> or <meta http-equiv="Content-Type" content="text/html;
    charset=gbk">. (Compiled when a file is not UTF-8: most are.)"""
    return re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([a-z0-9_-]+)", re.IGNORECASE)


_GB_NAMES = frozenset({b"gb2312", b"gbk", b"gb18030", b"x-gbk", b"cp936", b"ms936",
                       b"euc-cn"})


def _declares_gb(data: bytes) -> bool:
    """Whether the bytes are an HTML page that declares a GB encoding near its start."""
    head = data[:4096]
    if not head.lstrip()[:1] == b"<":
        return False
    found = _declared_charset().search(head)
    return found is not None and found.group(1).lower() in _GB_NAMES


def normalize_newlines(text: str) -> str:
    """The text's line ends as the lines of a location count them, and one at its end."""
    text = line_ends_normalized(text)
    return text if text.endswith("\n") else text + "\n"


# ---------------------------------------------------------------- parse


class Source:
    """A report's text as decoded, with what decoding noticed. (A plain class: a
    NamedTuple is slower to define at start-up.)"""

    __slots__ = ("name", "text", "notes", "data", "_format")

    def __init__(self, name: str | None, text: str, notes: tuple[Diagnostic, ...] = (),
                 data: bytes | None = None, format: str | None = None) -> None:
        self.name = name
        self.text = text  # a PDF's: its text layer, once read (govparse/frontends/pdf)
        self.notes = notes
        self.data = data  # the bytes as read, when read from a file or stdin
        self._format = format

    @property
    def format(self) -> str:
        """"pdf", "docx", "html" or "text": told by the content, not by the file's name."""
        if self._format is None:
            self._format = "html" if looks_like_html(self.text) else "text"
        return self._format


def _zip_names(data: bytes) -> list[str] | None:
    """The names in a zip's bytes; None for one that cannot be opened (cut short)."""
    import io
    import zipfile

    try:
        return zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return None


def binary_source(data: bytes, name: str | None) -> Source | None:
    """A source that is no text: a PDF or a Word file (read by their front-ends), or
    None. A legacy Word or WPS file is refused here, with what to do (GP008)."""
    head = data[:1024]
    if head.lstrip()[:5] == b"%PDF-":
        return Source(name, "", (), data, format="pdf")
    if head.startswith(b"PK\x03\x04"):
        names = _zip_names(data)  # opened once: a .docx holds word/document.xml
        if names is not None and "word/document.xml" in names:
            return Source(name, "", (), data, format="docx")
        if names is None:
            raise InputError("GP006", "the input is a zip archive that cannot be opened: a "
                             "truncated or broken Word file?", path=name)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: .doc, .wps, .xls
        message = ("the input is a legacy Word or WPS file (.doc, .wps), which govparse does "
                   "not read")
        raise InputError("GP008", message, path=name, diagnostics=(Diagnostic(
            "GP008", Severity.ERROR, message, path=name,
            hint="convert it to .docx or .pdf: soffice --headless --convert-to pdf FILE"),))
    return None


@functools.cache
def _html_start() -> re.Pattern:
    """A page or a fragment of one: its first non-blank character opens a tag (after an
    XML declaration, XHTML's), a comment (<!--STATUS OK-->, <!--[if IE]>), a doctype or
    an element of HTML. (A text report never starts with a tag.)"""
    # (group 1: an element a markdown writer may open its text with, keeping a page's
    # <div> or <span> as HTML; a declaration, a comment, a doctype, <html>, <head>,
    # <body>, <meta>, <title>, <style>, <script>, <link> open a page only)
    return re.compile(
        r"\s*(?:<\?xml[^>]*>\s*)?<(?:!--|!doctype\b|(?:html|head|body|meta|title|style|script|"
        r"link)[\s>/]|(div|p|table|span|section|article|font|center|h[1-6])[\s>/])",
        re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    start = 0 if not text.startswith("\ufeff") else 1
    # (only a text whose first non-blank character is < may be one: a text report is
    # told so without compiling the pattern; str.lstrip strips what \s matches)
    if text[start:].lstrip()[:1] != "<":
        return False
    found = _html_start().match(text, start)
    return found is not None and (found.group(1) is None or "<?" in found.group()
                                  or not _markdown_with_markup(text))


@functools.cache
def _markdown_signs() -> tuple[re.Pattern, re.Pattern]:
    return (re.compile(r"<(?:p|div|br|li|h[1-6]|tr|td)[\s>/]", re.I),
            re.compile(r"\n[ \t]*\n(?=[ \t]*\S)"))


def _markdown_with_markup(text: str) -> bool:
    """Whether a text that opens with a tag is a markdown writer's (pandoc's gfm and
    commonmark keep a page's <div> and <span> with a style as HTML): its paragraphs
    stand between blank lines, not inside tags. Outside its tables (which such a
    writer may keep as HTML too), it has five paragraphs at least, and fewer tags of
    a block than half as many."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.count("\n\n") < 5:
        return False  # (a page's source: few blank lines)
    blocks, parted = _markdown_signs()
    if _page_only().search(text):
        return False  # (a style sheet or a script: a page's, never a markdown writer's)
    outside, done = [], 0
    for start, end in table_spans(text):
        outside.append(text[done:start])
        done = end
    rest = "".join(outside) + text[done:] if outside else text
    paragraphs = len(parted.findall(rest))
    return paragraphs >= 5 and len(blocks.findall(rest)) * 2 < paragraphs


@functools.cache
def _page_only() -> re.Pattern:
    return re.compile(r"<(?:style|script|html|head|body|link|meta)[\s>/]", re.I)


@functools.cache
def _table_tag() -> re.Pattern:
    """A table's start tag, or its end tag whole (``</table>``, blanks before ``>``)."""
    return re.compile(r"<table(?=[\s/>]|$)|</table\s*>", re.I)


def table_spans(text: str) -> list[tuple[int, int]]:
    """Where each outermost <table> element of a text stands, from its start tag to
    the end of the end tag that closes it, in order; one never closed is left out (and
    what it holds stands as its own). One pass over the table tags, each end tag
    closing the last start tag open."""
    opened: list[int] = []
    spans: list[tuple[int, int]] = []
    for tag in _table_tag().finditer(text):
        if tag.group()[1] != "/":
            opened.append(tag.start())
        elif opened:
            start = opened.pop()
            while spans and spans[-1][0] > start:
                spans.pop()  # (a table inside this one)
            spans.append((start, tag.end()))
    return spans


def read_source(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode a file (``-`` is standard input). At most ``max_bytes`` + 1
    bytes are read, whatever the file is: /dev/zero, a FIFO or a growing file never
    fill the memory."""
    max_bytes = checked_limit(max_bytes)
    name = _path_name(path)
    return source_of(name, read_bytes(name, max_bytes=max_bytes), max_bytes=max_bytes)


def read_bytes(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES,
               opener=None) -> bytes:
    """A file's bytes (``-``: standard input), refused (GP003) past ``max_bytes``
    without reading more than one byte past it; GP001 when it cannot be read.

    ``opener``: how to open a file that is not on a local disk (fsspec's
    ``OpenFile.open``, for a file of an object store; govparse.dask), called with
    no argument for a binary file to read; ``path`` is then only the file's name.
    Whatever opening or reading it raises is GP001: each store has errors of its own."""
    name = _path_name(path)
    try:
        if name == "-" and opener is None:
            data = sys.stdin.buffer.read(max_bytes + 1)
            what = "standard input"
        else:
            with (open(name, "rb") if opener is None else opener()) as handle:
                size = _size_of(handle)  # 0 for a device or a FIFO
                if size > max_bytes:
                    raise InputError("GP003", f"the file is {size} bytes, over the limit of "
                                     f"{max_bytes} bytes", path=name)
                data = handle.read(max_bytes + 1)
            what = "the file"
    except GovParseError:
        raise
    except OSError as exc:
        raise InputError("GP001", f"cannot read the file: {exc.strerror or exc}",
                         path=name) from None
    except Exception as exc:
        if opener is None:
            raise
        raise InputError("GP001", f"cannot read the file: {type(exc).__name__}: {exc}",
                         path=name) from None
    if len(data) > max_bytes:
        raise InputError("GP003", f"{what} is more than {max_bytes} bytes, the limit",
                         path=name)
    return data


def _size_of(handle) -> int:
    """The size an open file says it has (``size``: a file of fsspec's), or 0 where
    it cannot tell."""
    try:
        return os.fstat(handle.fileno()).st_size
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is both
        size = getattr(handle, "size", None)
        return size if isinstance(size, int) else 0


def source_of(name: str, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """The Source of a file's bytes: a PDF or Word file as it is, text decoded."""
    binary = binary_source(data, name)
    if binary is not None:
        return binary
    # (web_archive is imported only where MIME headers may open the bytes: a letter,
    # maybe after a BOM or line ends; not for a report's text, in time for a cold start)
    if data[:1].isalpha() or data[:1] in (b"\xef", b"\r", b"\n"):
        from govparse.web_archive import is_web_archive, page_of

        if is_web_archive(data):  # (a browser's "save as single file": the page inside)
            try:
                check_size(data, max_bytes)
                text, notes = page_of(data, name, decode)
            except GovParseError as exc:
                raise _named(exc, name) from None
            return Source(name, text, tuple(notes), data, format="html")
    try:
        text, notes = decode(data, max_bytes=max_bytes)
    except GovParseError as exc:
        raise _named(exc, name) from None
    return Source(name, text, tuple(notes), data)


def checked_limit(max_bytes: object) -> int:
    """``max_bytes`` as given, if it is a whole number of bytes ≥ 0."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int):
        raise TypeError(f"max_bytes must be a whole number of bytes (default "
                        f"{DEFAULT_MAX_BYTES}), not {type(max_bytes).__name__}")
    if max_bytes < 0:
        raise ValueError(f"max_bytes must be 0 or more, not {max_bytes}")
    return max_bytes


def _path_name(path: object) -> str:
    """A file's name as text: a str, a path-like object or a bytes path."""
    if isinstance(path, (str, os.PathLike, bytes)):
        name = os.fspath(path)
        if isinstance(name, bytes):
            name = os.fsdecode(name)
        if "\x00" in name:
            raise InputError("GP001", "cannot read the file: its name holds a NUL character",
                             path=name.replace("\x00", "\\x00"))
        return name
    raise TypeError(f"parse_file() reads a file named by a str or a path-like object, "
                    f"not {type(path).__name__}" + _TEXT_HINT.get(type(path), ""))


_TEXT_HINT = {bytearray: "; for a report's text use parse()",
              memoryview: "; for a report's text use parse()"}


def _utf8_size_over(text: str, limit: int) -> int | None:
    """The text's size in UTF-8 bytes if it is over ``limit``, else None (a character
    takes 1 to 4 bytes: most texts are decided without encoding them)."""
    if len(text) > limit:
        return len(text.encode("utf-8", "surrogatepass"))
    if 4 * len(text) <= limit:
        return None
    size = len(text.encode("utf-8", "surrogatepass"))
    return size if size > limit else None




def _named(exc: GovParseError, path: str | None) -> GovParseError:
    if path is not None and exc.path is None:
        exc.path = path
        exc.diagnostics = tuple(d.with_path(path) for d in exc.diagnostics)
    return exc
