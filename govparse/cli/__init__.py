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
}

EXIT_CODES_HELP = """\b
Exit codes: 0 done, nothing wrong; 1 a report has problems (each command's
--help says which); 2 usage error, or a file could not be read."""


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx, name):
        if name not in SUBCOMMANDS:
            return None
        module, attr = SUBCOMMANDS[name]
        return getattr(importlib.import_module(module), attr)


@click.group(cls=LazyGroup, epilog=EXIT_CODES_HELP)
@click.version_option(package_name="govparse")
def cli() -> None:
    """Read government information disclosure annual reports (政府信息公开工作年度报告)."""


def main() -> None:
    """The console script. After the command it flushes its output and leaves with
    os._exit: the interpreter's teardown (freeing every module and object) would
    add a tenth to a cold start, and nothing here needs it (files are closed)."""
    try:
        cli(prog_name="govparse")  # click's standalone mode always raises SystemExit
        status = 0
    except SystemExit as stop:
        status = _exit_status(stop.code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # e.g. a closed pipe: `govparse parse FILE | head -1`
        pass
    os._exit(status)


def _exit_status(code) -> int:
    """What the interpreter would exit with for SystemExit(code)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1
