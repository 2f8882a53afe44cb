"""parse(), parse_file() and read_document(): a report in, a Report (or a GovParseError) out."""

from __future__ import annotations

import enum
import os

import attrs

from govparse.collector import collector_paused
from govparse.core.assemble import assemble
from govparse.core.places import with_context
from govparse.diagnostics import CODES, Diagnostic, DiagnosticSink, Severity
from govparse.document import Document
from govparse.errors import GovParseError, InputError, StrictModeError
from govparse.frontends.text.reader import read_text
from govparse.model.report import Report
from govparse.source import (DEFAULT_MAX_BYTES, Source, _named, _utf8_size_over, check_size,
                             checked_limit, read_source, source_of)


class Mode(str, enum.Enum):
    """How a report is read (sqlglot's ErrorLevel is the model):

    - ``lenient``: recover where the meaning is clear; every recovery leaves a
      diagnostic (the default);
    - ``infer``: lenient, and fill a missing figure the template's arithmetic pins
      down, marked ``inferred`` (govparse.check.validation.infer_missing);
    - ``strict``: raise StrictModeError listing every problem unless the report is a
      clean template report."""

    LENIENT = "lenient"
    INFER = "infer"
    STRICT = "strict"


def parse(text: str | bytes | bytearray | memoryview, strict: bool = False, *, path: str | None = None,
          max_bytes: int = DEFAULT_MAX_BYTES, infer: bool = False,
          mode: Mode | str | None = None) -> Report:
    """Read a report. Lenient by default: recovers where the meaning is clear and
    records a diagnostic for every recovery. ``strict=True`` raises StrictModeError
    listing every problem unless the report is a clean template report.
    ``infer=True`` (lenient only) fills a missing figure that the template's
    arithmetic pins down, marked ``inferred`` (see govparse.check.validation)."""
    max_bytes = checked_limit(max_bytes)
    if isinstance(text, (bytes, bytearray, memoryview)):
        data = bytes(text)
        try:
            check_size(data, max_bytes)
        except GovParseError as exc:
            raise _named(exc, path) from None
        return parse_source(source_of(path, data, max_bytes=max_bytes), strict, infer=infer,
                            mode=mode)
    elif isinstance(text, str):
        size = _utf8_size_over(text, max_bytes)
        if size is not None:
            raise InputError("GP003", f"the input is {size} bytes of UTF-8, over the limit "
                             f"of {max_bytes} bytes", path=path)
        if _is_web_archive(text):
            # (a web archive read as text: its bytes again, ASCII as a browser writes them)
            return parse(text.encode("utf-8", "surrogatepass"), strict, path=path,
                         max_bytes=max_bytes, infer=infer, mode=mode)
    else:
        hint = "; for a file use parse_file(path)" if isinstance(text, os.PathLike) else ""
        raise TypeError(f"parse() reads a report's text (str) or its bytes, not "
                        f"{type(text).__name__}{hint}")
    return parse_source(Source(path, text), strict, infer=infer, mode=mode)


def _is_web_archive(text: str) -> bool:
    """web_archive.text_is_web_archive, imported only where ASCII (or a BOM) opens the
    text, as an archive's headers do: not for a report's text, in time for a cold start."""
    if not (text[:1].isascii() or text[:1] == "\ufeff"):
        return False
    from govparse.web_archive import text_is_web_archive

    return text_is_web_archive(text)


def parse_file(path: str | os.PathLike, strict: bool = False, *,
               max_bytes: int = DEFAULT_MAX_BYTES, infer: bool = False,
               mode: Mode | str | None = None) -> Report:
    """Read a report from a file; every diagnostic and error names the file."""
    return parse_source(read_source(path, max_bytes=max_bytes), strict, infer=infer, mode=mode)


def parse_source(source: Source, strict: bool = False, *, infer: bool = False,
                 mode: Mode | None = None) -> Report:
    """Read a report from decoded text (see govparse.source): an HTML page or a text,
    told by its content."""
    mode = resolve_mode(strict, infer, mode)
    with collector_paused():
        return _read_source(source, mode)


def _read_source(source: Source, mode: Mode) -> Report:
    if source.format == "pdf":
        from govparse.frontends.pdf.cells import pdf_document
        from govparse.frontends.pdf.reader import (opened_pdf, with_pdf_locations,  # pypdfium2
                                                   with_pdf_places)

        with opened_pdf(source.data, source.name) as (text, places):
            source.text = text
            document = pdf_document(text, places, source.name, source.notes)
            try:
                report = read_document(document, mode)
            except StrictModeError as exc:
                raise StrictModeError(with_pdf_places(exc.diagnostics, document, places),
                                      path=exc.path) from None
            report = with_pdf_locations(report, places)
            return attrs.evolve(report, diagnostics=with_pdf_places(report.diagnostics,
                                                                    document, places))
    if source.format == "docx":
        from govparse.frontends.word.reader import read_docx

        return read_document(read_docx(source.data, source.name, source.notes), mode)
    if source.format == "html":
        from govparse.frontends.html.reader import read_html  # lxml: only for a page

        document = read_html(source.text, source.name, source.notes)
    else:
        document = read_text(source.text, source.name, source.notes)
    return read_document(document, mode)


def read_document(document: Document, mode: Mode | str = "lenient") -> Report:
    """Read a report from a Document (govparse.document): the core that every
    front-end feeds. ``mode``: see Mode."""
    if not isinstance(document, Document):
        raise TypeError(f"read_document() reads a govparse.document.Document, not "
                        f"{type(document).__name__}")
    mode = Mode(mode)
    path = document.path
    sink = DiagnosticSink()
    sink.items.extend(document.notes)
    report = assemble(document, sink)
    if mode is Mode.INFER:
        from govparse.check.validation import infer_missing

        report = infer_missing(report, sink)
    diagnostics = tuple(d.with_path(path) for d in with_context(document, sink.sorted()))
    report = attrs.evolve(report, diagnostics=diagnostics, path=path)
    if document.source_columns:  # (a text's tabs read as blanks: said in its own columns)
        from govparse.frontends.text.tab_stops import in_source_columns

        report = in_source_columns(report, document.source_columns)
        diagnostics = report.diagnostics
    if document.source_lines:  # (lines a form feed opened: said on the source's)
        from govparse.frontends.text.source_places import in_source_lines

        report = in_source_lines(report, document.source_lines)
        diagnostics = report.diagnostics
    if mode is Mode.STRICT:
        problems = tuple(d.as_error() for d in diagnostics if _refused(d))
        if problems:
            raise StrictModeError(problems, path=path)
    return report


def _refused(diagnostic: Diagnostic) -> bool:
    """What strict mode refuses: a warning or an error, and a note it counts as a
    warning (a figure recovered from run-together text: GP317)."""
    return diagnostic.severity is not Severity.NOTE or CODES[diagnostic.code].strict_warning


def resolve_mode(strict: bool, infer: bool, mode: Mode | str | None) -> Mode:
    """The mode from ``mode``, or from the older pair of flags ``strict`` and ``infer``."""
    if mode is not None:
        if strict or infer:
            raise ValueError("give mode=… or the flags strict/infer, not both")
        return Mode(mode)
    if strict and infer:
        raise ValueError("infer=True fills figures in lenient mode only; strict mode "
                         "accepts no missing figure")
    return Mode.STRICT if strict else Mode.INFER if infer else Mode.LENIENT
