"""``govparse fmt``: write reports in the canonical form of one of the printer's layouts."""

from __future__ import annotations

import os
import tempfile

import click

from govparse.cli.common import (
    EXIT_PROBLEMS,
    EXIT_UNREADABLE,
    FILES,
    MAX_BYTES,
    NOTES,
    Outcome,
    print_diagnostics,
    read_all,
)
from govparse.printer import LAYOUTS, dumps


@click.command("fmt")
@click.option("--layout", type=click.Choice(LAYOUTS), default="tab", show_default=True,
              help="tab: one row a line, tab-separated; pipe: ' | '-separated; cells: one "
                   "cell a line; markdown: markdown tables.")
@click.option("--in-place", "in_place", is_flag=True,
              help="Rewrite each file in its canonical form (only if it differs).")
@click.option("--check", is_flag=True,
              help="Write nothing; exit 1 if any file is not already in canonical form.")
@NOTES
@MAX_BYTES
@FILES
def fmt_command(files, layout, in_place, check, show_notes, max_bytes) -> None:
    """Print report FILES (- reads standard input) in canonical form: the title, the
    six headings, the narrative and the three tables with the template's header rows
    and row labels, in the chosen layout. Formatting twice changes nothing.

    Without --in-place or --check, the canonical form of one FILE goes to standard
    output. Diagnostics of the (lenient) parse go to standard error. --in-place
    never rewrites a file that parsed with errors (figures were lost reading it, so
    they would be lost from the file too); standard input with --in-place is written
    to standard output.

    \b
    Exit codes:
      0  every file formatted (--check: every file already in canonical form)
      1  --check: a file would be reformatted; or a file parsed with errors
      2  usage error, or a file could not be read
    """
    if in_place and check:
        raise click.UsageError("--in-place and --check cannot be used together")
    if len(files) > 1 and not (in_place or check):
        raise click.UsageError("several FILES need --in-place or --check; without them "
                               "fmt prints the canonical form of one file")
    status = 0
    changed = unchanged = skipped = printed = 0
    for outcome in read_all(files, False, max_bytes):
        print_diagnostics(outcome, show_notes)
        if outcome.report is None:
            status = max(status, outcome.exit_code(False))
            skipped += 1
            continue
        problems = outcome.exit_code(False)  # 1: the file parsed with errors
        formatted = dumps(outcome.report, layout)
        if check:
            if _canonical(outcome, formatted):
                unchanged += 1
            else:
                click.echo(f"would reformat {outcome.name}", err=True)
                status = max(status, EXIT_PROBLEMS)
                changed += 1
        elif in_place and outcome.name != "-":
            if problems:
                click.echo(f"not reformatted: {outcome.name} parsed with errors; rewriting it "
                           "would lose what could not be read", err=True)
                status = max(status, problems)
                skipped += 1
            elif _canonical(outcome, formatted):
                unchanged += 1
            else:
                try:
                    _write(outcome.name, formatted)
                except OSError as exc:
                    click.echo(f"error[GP001]: cannot write the file: {exc.strerror or exc}\n"
                               f"  --> {outcome.name}", err=True)
                    status = max(status, EXIT_UNREADABLE)
                    skipped += 1
                    continue
                click.echo(f"reformatted {outcome.name}", err=True)
                changed += 1
        else:
            click.echo(formatted.encode("utf-8"), nl=False)
            status = max(status, problems)
            printed += 1  # with --in-place: standard input, which has no file to rewrite
    if check or in_place:
        click.echo(_summary(changed, unchanged, skipped, printed, check), err=True)
    raise SystemExit(status)


def _canonical(outcome: Outcome, formatted: str) -> bool:
    """Whether the input is already exactly the canonical form, byte for byte (UTF-8
    without BOM, LF line ends), standard input as much as a file."""
    source = outcome.source
    return source is not None and source.data == formatted.encode("utf-8")


def _write(path: str, text: str) -> None:
    """Replace the file's content at once (a temporary file renamed over it), keeping
    its permissions."""
    directory = os.path.dirname(os.path.abspath(path))
    mode = os.stat(path).st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(prefix=".govparse-fmt-", dir=directory)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _summary(changed: int, unchanged: int, skipped: int, printed: int, check: bool) -> str:
    def files(n: int) -> str:
        return f"{n} file{'s' if n != 1 else ''}"

    parts = []
    if changed:
        parts.append(f"{files(changed)} {'would be ' if check else ''}reformatted")
    if unchanged:
        parts.append(f"{files(unchanged)} already formatted")
    if skipped:
        parts.append(f"{files(skipped)} not {'checked' if check else 'formatted'}")
    if printed:
        parts.append("standard input written to standard output")
    return ", ".join(parts) or "no files"
