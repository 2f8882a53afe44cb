"""What the subcommands share: reading many files without stopping at a bad one,
printing diagnostics to standard error, and the exit code."""

from __future__ import annotations

import sys
from typing import Iterator

import click

from govparse.collector import resume_collector
from govparse.diagnostics import Diagnostic, Severity
from govparse.errors import GovParseError, InputError
from govparse.model.report import Report
from govparse.api import parse_source
from govparse.source import DEFAULT_MAX_BYTES, Source, read_source
from govparse.emit.rendering import file_report

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2

# Not checked up front (readable=False): a file that cannot be read is that file's
# GP001 when its turn comes, and the batch goes on.
FILES = click.argument("files", nargs=-1, required=True,
                       type=click.Path(allow_dash=True, readable=False))
STRICT = click.option("--strict", is_flag=True,
                      help="Accept only a clean template report: every warning is an error.")
NOTES = click.option("--notes", "show_notes", is_flag=True,
                     help="Also print notes (layout variations that lose nothing).")
MAX_BYTES = click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
                         show_default=True, help="Refuse files larger than this.")


class Outcome:
    """One file's result: a report, or the error that stopped it (filled in as the
    file is read)."""

    __slots__ = ("name", "source", "report", "error")

    def __init__(self, name: str) -> None:
        self.name = name
        self.source: Source | None = None
        self.report: Report | None = None
        self.error: GovParseError | None = None

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        if self.report is not None:
            return self.report.diagnostics
        return self.error.diagnostics if self.error else ()

    def exit_code(self, strict: bool) -> int:
        if isinstance(self.error, InputError):
            return EXIT_UNREADABLE
        if self.error is not None:
            return EXIT_PROBLEMS
        bar = Severity.WARNING if strict else Severity.ERROR
        return EXIT_PROBLEMS if any(d.severity.rank >= bar.rank for d in self.diagnostics) \
            else EXIT_OK


class JsonArray:
    """A JSON array written one element at a time as each file is done, so that a
    batch never holds its reports in memory; the text is json.dumps(elements,
    indent=2) exactly."""

    def __init__(self) -> None:
        self.count = 0

    def add(self, element) -> None:
        import json

        text = json.dumps(element, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        click.echo(("[\n  " if self.count == 0 else ",\n  ") + text, nl=False)
        self.count += 1

    def close(self) -> None:
        click.echo("\n]" if self.count else "[]")


def check_infer(strict: bool, infer: bool) -> None:
    if strict and infer:
        raise click.UsageError("--infer fills figures in lenient mode only; it does not go "
                               "with --strict")


def read_all(files, strict: bool, max_bytes: int, infer: bool = False) -> Iterator[Outcome]:
    """Each file in turn; a bad one is reported and the batch goes on."""
    for name in files:
        outcome = Outcome(name)
        try:
            outcome.source = read_source(name, max_bytes=max_bytes)
            outcome.report = parse_source(outcome.source, strict, infer=infer)
        except GovParseError as exc:
            outcome.error = exc
        yield outcome
        resume_collector()  # a batch runs with the garbage collector (govparse/collector.py)


def print_diagnostics(outcome: Outcome, show_notes: bool) -> None:
    # a text's lines (a PDF's text layer's too) are shown under its diagnostics; a
    # page's never (see rendering)
    source = outcome.source
    text = source.text if source is not None and source.format in ("text", "pdf") else None
    click.echo(file_report(outcome.name, outcome.diagnostics, text, error=outcome.error,
                           show_notes=show_notes, color=sys.stderr.isatty()), err=True)
