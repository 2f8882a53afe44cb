"""parse() and parse_file(): text or bytes in, a Report (or a GovParseError) out."""

from __future__ import annotations

import codecs
import functools
import os
import sys

import attrs

from govparse._standalone import Lark, LarkError, UnexpectedInput
from govparse.build import build_report
from govparse.diagnostics import Diagnostic, DiagnosticSink, Severity
from govparse.errors import GovParseError, GrammarError, InputError, StrictModeError
from govparse.model import Report
from govparse.transformer import ReportTransformer

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # no real report comes near 10 MB

_HERE = os.path.dirname(os.path.abspath(__file__))


class StaleParserError(RuntimeError):
    """govparse/_standalone.py was not made from the grammar govparse ships: an
    installation problem (run `make grammar`, or reinstall), never the input's."""


def grammar_text() -> str:
    """The grammar: inside the installed package, or in grammar/ of a source checkout."""
    packaged = os.path.join(_HERE, "grammar", "report.lark")
    if not os.path.isfile(packaged):
        packaged = os.path.join(os.path.dirname(_HERE), "grammar", "report.lark")
    with open(packaged, encoding="utf-8") as handle:
        return handle.read()


@functools.cache
def lark_parser() -> Lark:
    """The LALR parser of grammar/report.lark, with the transformer inside the parse.

    Its tables come from govparse/_standalone.py, made from the grammar by
    grammar/generate.py when govparse is built: loading them is a tenth of what
    importing lark and loading the grammar costs. Start symbols: ``start`` (a
    report) and ``row`` (one table line, cell by cell)."""
    from govparse import _standalone

    if _standalone.GRAMMAR != grammar_text():
        raise StaleParserError("govparse/_standalone.py was made from another version of "
                               "grammar/report.lark: run `make grammar`, or reinstall govparse")
    return _standalone.Lark_StandAlone(transformer=ReportTransformer())


# ---------------------------------------------------------------- input


def decode(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, list[Diagnostic]]:
    """Bytes to text: UTF-8 with or without BOM, UTF-16 with BOM, GB18030 (GBK)."""
    if len(data) > max_bytes:
        raise InputError("GP003", f"the input is {len(data)} bytes, over the limit of "
                         f"{max_bytes} bytes")
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
    notes.append(Diagnostic("GP005", Severity.NOTE, "the input is not UTF-8; it was decoded "
                            "as GB18030 (GBK)", 1, 1))
    return text, notes


def normalize_newlines(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if text.endswith("\n") else text + "\n"


# ---------------------------------------------------------------- parse


class Source:
    """A report's text as decoded, with what decoding noticed. (A plain class: a
    NamedTuple is slower to define at start-up.)"""

    __slots__ = ("name", "text", "notes", "data")

    def __init__(self, name: str | None, text: str, notes: tuple[Diagnostic, ...] = (),
                 data: bytes | None = None) -> None:
        self.name = name
        self.text = text
        self.notes = notes
        self.data = data  # the bytes as read, when read from a file or stdin


def read_source(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read and decode a file (``-`` is standard input)."""
    name = os.fspath(path)
    try:
        if name == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise InputError("GP003", f"standard input is more than {max_bytes} bytes, "
                                 "the limit", path=name)
        else:
            size = os.path.getsize(name)
            if size > max_bytes:
                raise InputError("GP003", f"the file is {size} bytes, over the limit of "
                                 f"{max_bytes} bytes", path=name)
            with open(name, "rb") as handle:
                data = handle.read()
    except OSError as exc:
        raise InputError("GP001", f"cannot read the file: {exc.strerror or exc}",
                         path=name) from None
    try:
        text, notes = decode(data, max_bytes=max_bytes)
    except GovParseError as exc:
        raise _named(exc, name) from None
    return Source(name, text, tuple(notes), data)


def parse(text: str | bytes, strict: bool = False, *, path: str | None = None,
          max_bytes: int = DEFAULT_MAX_BYTES, infer: bool = False) -> Report:
    """Read a report. Lenient by default: recovers where the meaning is clear and
    records a diagnostic for every recovery. ``strict=True`` raises StrictModeError
    listing every problem unless the report is a clean template report.
    ``infer=True`` (lenient only) fills a missing figure that the template's
    arithmetic pins down, marked ``inferred`` (see govparse.validation)."""
    notes: list[Diagnostic] = []
    if isinstance(text, bytes):
        try:
            text, notes = decode(text, max_bytes=max_bytes)
        except GovParseError as exc:
            raise _named(exc, path) from None
    elif len(text) > max_bytes:
        raise InputError("GP003", f"the input is {len(text)} characters, over the limit of "
                         f"{max_bytes}", path=path)
    return parse_source(Source(path, text, tuple(notes)), strict, infer=infer)


def parse_file(path: str | os.PathLike, strict: bool = False, *,
               max_bytes: int = DEFAULT_MAX_BYTES, infer: bool = False) -> Report:
    """Read a report from a file; every diagnostic and error names the file."""
    return parse_source(read_source(path, max_bytes=max_bytes), strict, infer=infer)


def parse_source(source: Source, strict: bool = False, *, infer: bool = False) -> Report:
    if strict and infer:
        raise ValueError("infer=True fills figures in lenient mode only; strict mode "
                         "accepts no missing figure")
    text, path = source.text, source.name
    if text.startswith("\ufeff"):
        # A byte-order mark left in the text (a second one, or text that came as str)
        # is read as a blank, so that columns still count from the text's first character.
        text = " " + text[1:]
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError("GP002", "the input is binary: it holds a NUL character", line, 1,
                         path=path)
    sink = DiagnosticSink()
    sink.items.extend(source.notes)
    try:
        raw = lark_parser().parse(normalize_newlines(text), start="start")
    except UnexpectedInput as exc:  # the grammar accepts every line; this is a bug
        raise GrammarError("GP100", f"the grammar cannot read this line: {exc.__class__.__name__}",
                           getattr(exc, "line", None), getattr(exc, "column", None),
                           path=path) from None
    except LarkError as exc:
        raise GrammarError("GP100", f"the grammar failed: {exc}", path=path) from None
    report = build_report(raw, sink)
    if infer and not strict:
        from govparse.validation import infer_missing

        report = infer_missing(report, sink)
    diagnostics = tuple(d.with_path(path) for d in sink.sorted())
    report = attrs.evolve(report, diagnostics=diagnostics, path=path)
    if strict:
        problems = tuple(d.as_error() for d in diagnostics if d.severity is not Severity.NOTE)
        if problems:
            raise StrictModeError(problems, path=path)
    return report


def _named(exc: GovParseError, path: str | None) -> GovParseError:
    if path is not None and exc.path is None:
        exc.path = path
        exc.diagnostics = tuple(d.with_path(path) for d in exc.diagnostics)
    return exc
