"""The govparse command line. Subcommands are imported only when run, so that
``govparse parse FILE`` starts fast enough to run once per file."""

from __future__ import annotations

import importlib
import os
import sys

import click

SUBCOMMANDS = {
    "parse": ("govparse.cli.parse_cmd", "parse_command"),
    "codes": ("govparse.cli.codes_cmd", "codes_command"),
    "fmt": ("govparse.cli.fmt_cmd", "fmt_command"),
    "check": ("govparse.cli.check_cmd", "check_command"),
    "codebook": ("govparse.cli.codebook_cmd", "codebook_command"),
    "compare": ("govparse.cli.compare_cmd", "compare_command"),
}

EXIT_CODES_HELP = """\b
Exit codes: 0 done, nothing wrong; 1 a report has problems (each command's
--help says which); 2 usage error, no file could be read, or the output could not
be written; 130 interrupted (Ctrl-C), 128+N ended by signal N. When the
reader of the output goes away (`govparse parse … | head`), govparse stops
quietly, ended by SIGPIPE as other command-line programs are."""


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx, name):
        if name not in SUBCOMMANDS:
            return None
        module, attr = SUBCOMMANDS[name]
        return getattr(importlib.import_module(module), attr)

    def invoke(self, ctx):
        # Click would turn a closed pipe into exit 1, which says "a report has
        # problems": end by SIGPIPE instead, as the platform does.
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            from govparse.cli.streams import end_by_sigpipe

            end_by_sigpipe()


@click.group(cls=LazyGroup, epilog=EXIT_CODES_HELP,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="govparse")
def cli() -> None:
    """Read government information disclosure annual reports (政府信息公开工作年度报告):
    text, web pages, PDF and Word files, one or a folder of thousands.

    \b
    govparse parse report.pdf              print a report's figures
    govparse parse reports/ -o out.duckdb  read a folder into a database
    govparse check reports/                check the template's arithmetic
    govparse codes GP302                   explain a diagnostic code
    govparse codebook                      the id and label of every figure

    Run a command with -h to see what it does and its options."""


def main() -> None:
    """The console script. After the command it flushes its output and leaves with
    os._exit: the interpreter's teardown (freeing every module and object) would
    add a tenth to a cold start, and nothing here needs it (files are closed).

    Click runs outside its standalone mode, so that the exit status of every way a
    run can end is decided here, by the conventions of command-line programs."""
    from govparse.cli import streams

    streams.stand_in_for_closed()
    try:
        code = cli.main(prog_name="govparse", standalone_mode=False)
        status = code if isinstance(code, int) else 0
    except SystemExit as stop:
        status = _exit_status(stop.code)
    except BaseException as exc:  # noqa: BLE001 - each kind is sorted out below
        status = streams.status_after(exc)
    status = streams.flush_all(status)
    os._exit(status)


def _exit_status(code) -> int:
    """What the interpreter would exit with for SystemExit(code)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1
