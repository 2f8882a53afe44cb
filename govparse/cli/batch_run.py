"""A run of ``govparse parse`` or ``govparse check`` over files and folders: the
options they share, the run itself (govparse.batch.runner), where its results go
(standard output or ``-o FILE``), the progress bar and the closing summary."""

from __future__ import annotations

import sys
import time
from itertools import chain
from typing import Callable

import click

from govparse.batch.output_error import OutputError
from govparse.batch.runner import Done, Options, default_jobs, fixed_mmap_threshold, run
from govparse.batch.summary import Tally
from govparse.source import DEFAULT_MAX_BYTES

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2
STDOUT_FORMATS = ("text", "json", "csv", "jsonl")
FILE_FORMATS = ("csv", "jsonl", "parquet", "sqlite", "duckdb", "xlsx")

EXIT_HELP = """\b
Exit codes:
  0  every file read{clean}
  1  a file has problems{problems}, or could not be read while others were
  2  usage error, the output could not be written, or no file could be read"""


def _a_number(ctx, param, value):
    if value is not None and value != value:  # NaN compares with nothing: FloatRange lets it by
        raise click.BadParameter("is not a number of seconds", ctx, param)
    return value


def batch_options(command: Callable) -> Callable:
    """The options of a run over many files, shared by parse and check."""
    options = [
        click.argument("paths", nargs=-1, type=click.Path(allow_dash=True, readable=False)),
        click.option("--glob", "globs", multiple=True, metavar="PATTERN",
                     help="In folders, read the files matching PATTERN (their name or their "
                          "path in the folder; repeatable) instead of every file govparse "
                          "reads (.txt .md .html .htm .mht .pdf .docx; .doc and .wps are said "
                          "unreadable)."),
        click.option("--files-from", metavar="FILE",
                     type=click.Path(allow_dash=True, exists=True, dir_okay=False),
                     help="Also read the files listed in FILE, one path a line (- reads "
                          "the list from standard input)."),
        click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
                     help=f"Worker processes reading files at once (default: the machine's "
                          f"cores, {default_jobs()} here)."),
        click.option("--timeout", type=click.FloatRange(min=0.001, max=86_400), default=300,
                     callback=_a_number,
                     show_default=True, metavar="SECONDS",
                     help="A file taking longer is stopped and is that file's error (GP011)."),
        click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
                     metavar="PATH",
                     help="Write the results to PATH, in the format its extension names "
                          "(.csv .jsonl .parquet .sqlite .duckdb .xlsx) or --format names."),
        click.option("--excel", is_flag=True,
                     help="CSV for Excel: UTF-8 with a byte-order mark, so that Chinese shows."),
        click.option("--resume", is_flag=True,
                     help="With a .sqlite or .duckdb output: add to it, and skip the files "
                          "whose content (sha256) is in it already."),
        click.option("-q", "--quiet", is_flag=True,
                     help="Print no diagnostics for each file and no progress bar; only the "
                          "closing summary of a run over several files."),
        click.option("--statistics", is_flag=True,
                     help="End with every diagnostic code counted (files and diagnostics)."),
        click.option("--stdin-filename", metavar="NAME",
                     help="The name standard input (-) goes by in diagnostics and outputs."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
                     show_default=True, help="Refuse files larger than this."),
        click.option("--notes", "show_notes", is_flag=True,
                     help="Also print notes (layout variations that lose nothing)."),
        click.option("--infer", is_flag=True,
                     help="Fill a missing figure that the template's arithmetic pins down "
                          "(marked inferred, with a diagnostic)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


class Run:
    """One command's run: where the results go, and the exit status."""

    def __init__(self, fmt: str | None, output: str | None, *, excel: bool, resume: bool,
                 json_entry: Callable[[Done], dict] | None, listing: bool) -> None:
        self.fmt, self.output = _output_format(fmt, output, excel, resume)
        self.excel, self.resume = excel, resume
        self.json_entry = json_entry  # the stdout JSON array's element for a file
        self.listing = listing  # the text format lists each report's figures
        self.writer = None
        self.array = None

    @property
    def keeps_hashes(self) -> bool:
        """Whether the output has each file's sha256 (the files and JSON Lines do)."""
        return self.output is not None or self.fmt == "jsonl"

    @property
    def keep_model(self) -> bool:
        return self.fmt in ("json", "jsonl") or (self.fmt == "text" and self.listing)

    def skip(self) -> frozenset[str]:
        if not self.resume:
            return frozenset()
        from govparse.batch.outputs import known_hashes

        return known_hashes(self.output, self.fmt)

    def open(self) -> None:
        from govparse.cli.common import JsonArray

        if self.output is not None:
            from govparse.batch.outputs import open_writer

            self.writer = open_writer(self.output, self.fmt, excel=self.excel,
                                      resume=self.resume)
        elif self.fmt == "json":
            self.array = JsonArray()
        elif self.fmt in ("csv", "jsonl"):
            from govparse.batch.outputs import open_writer

            self.writer = open_writer(sys.stdout, self.fmt)

    def encoder(self):
        """What the output makes of each result, to be made in the workers (None:
        no output file or stream)."""
        return self.writer.encoder() if self.writer is not None else None

    def add(self, done: Done) -> None:
        if self.writer is not None:
            if done.encoded is not None:
                self.writer.add_encoded(done.encoded)
            else:
                self.writer.add(done.result)
        elif self.array is not None:
            self.array.add(self.json_entry(done))
        elif self.fmt == "text" and self.listing and done.result.model is not None:
            from govparse.emit.listing import report_text

            click.echo(report_text(done.result.model, done.result.report.path))

    def close(self) -> None:
        if self.writer is not None:
            writer, self.writer = self.writer, None
            writer.close()
        if self.array is not None:
            array, self.array = self.array, None
            array.close()


def _output_format(fmt: str | None, output: str | None, excel: bool, resume: bool):
    if output is None:
        fmt = fmt or "text"
        if fmt not in STDOUT_FORMATS:
            raise click.UsageError(f"--format {fmt} writes a file: give it with -o PATH")
    else:
        from govparse.batch.outputs import format_of

        try:
            fmt = format_of(output, fmt if fmt not in (None, "text") else None)
        except OutputError as exc:
            raise click.UsageError(str(exc)) from None
        if fmt == "json":
            fmt = "jsonl"
    if excel and fmt != "csv":
        raise click.UsageError("--excel is for CSV output")
    if resume and (output is None or fmt not in ("sqlite", "duckdb")):
        raise click.UsageError("--resume adds to a database: give -o with .sqlite or .duckdb")
    return fmt, output


class OutputFailure(click.ClickException):
    """The output cannot be written (a folder that is not there, a file that is no
    database to resume): said without a traceback, exit 2."""

    exit_code = 2


def execute(paths, *, globs, files_from, jobs, timeout, quiet, statistics, stdin_filename,
            options: Options, target: Run) -> int:
    """Read every file, write each result as it comes, and say how it went; the
    exit status."""
    try:
        return _execute(paths, globs=globs, files_from=files_from, jobs=jobs, timeout=timeout,
                        quiet=quiet, statistics=statistics, stdin_filename=stdin_filename,
                        options=options, target=target)
    except OutputError as exc:
        raise OutputFailure(str(exc)) from None


def _execute(paths, *, globs, files_from, jobs, timeout, quiet, statistics, stdin_filename,
             options: Options, target: Run) -> int:
    from govparse.batch.inputs import files_of

    if not paths and files_from is None:
        raise click.UsageError("Missing argument 'PATHS...': give the files or folders to "
                               "read (- reads standard input), or --files-from")
    if list(paths).count("-") + (files_from == "-") > 1:
        raise click.UsageError("standard input (-) can be read once: as a report, or as "
                               "the list of --files-from -")
    files = files_of(paths, globs=tuple(globs), files_from=files_from)
    first = next(files, None)  # before any output is opened: an empty run writes nothing
    if first is None:
        raise click.UsageError("no file to read: the folders or the list hold none "
                               "govparse reads (--glob chooses others)")
    files = chain([first], files)
    stderr_is_terminal = sys.stderr.isatty()
    bar = None
    if not quiet and stderr_is_terminal:
        files = list(files)  # walked up front: the bar shows how far the run is
        if len(files) > 1:
            bar = _progress(len(files))
    skip = target.skip()  # before the output is opened (--resume)
    started = time.perf_counter()
    target.open()
    options = options._replace(
        timeout=timeout, render=not quiet, color=stderr_is_terminal,
        keep_model=target.keep_model, skip=skip, stdin_name=stdin_filename or "-",
        hash=target.keeps_hashes, encode=target.encoder())
    tally = Tally()
    statuses = set()
    results = run(files, options, jobs=jobs)
    try:
        for count, done in enumerate(results):
            if count == 1:
                # a run of many files: this process receives every chunk's results (not
                # at a single file's start, which would import ctypes for nothing)
                fixed_mmap_threshold()
            tally.add(done.result, done.skipped)
            if done.skipped:
                continue
            statuses.add(done.status)
            if done.rendered is not None:
                _say(done.rendered, bar)
            target.add(done)
            if bar is not None:
                bar.update(1)
    finally:
        results.close()  # stops the workers if the run did not end
        if bar is not None:
            bar.close()
        target.close()
    if tally.files > 1 or statistics:
        seconds = time.perf_counter() - started
        click.echo("\n".join(tally.lines(statistics, seconds)), err=True)
    if statuses == {EXIT_UNREADABLE}:
        return EXIT_UNREADABLE  # not one file could be read
    return EXIT_PROBLEMS if statuses - {EXIT_OK} else EXIT_OK


def _say(text: str, bar) -> None:
    if bar is not None:
        bar.write(text, file=sys.stderr)
    else:
        click.echo(text, err=True)


def _progress(total: int, file=None):
    import tqdm

    tqdm.tqdm.monitor_interval = 0  # no monitor thread: workers are forked
    return tqdm.tqdm(total=total, unit="file", file=file or sys.stderr, dynamic_ncols=True,
                     leave=False)
