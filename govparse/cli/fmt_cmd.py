"""``govparse fmt``: write reports in the canonical form of one of the printer's layouts."""

from __future__ import annotations

import signal

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
from govparse.emit.printer import (CONVERTED_LAYOUTS, LAYOUTS, PAGE_LAYOUTS,
                                   RUN_TOGETHER_LAYOUTS, dumps)


@click.command("fmt", short_help="Print reports in a canonical layout, or rewrite them so.")
@click.option("--layout", type=click.Choice(LAYOUTS + CONVERTED_LAYOUTS + PAGE_LAYOUTS
                                           + RUN_TOGETHER_LAYOUTS),
              default="tab", show_default=True,
              help="tab: one row a line, tab-separated; pipe: ' | '-separated; cells: one "
                   "cell a line; markdown: markdown tables; grid: box-drawing grids as "
                   "w3m -dump prints them; aligned: space-aligned columns as pdftotext "
                   "-layout prints them; html: a web page with the template's merged "
                   "cells; run-together: a crawler's bare text, no separators (grid, "
                   "aligned, html and run-together: printed only, never written in "
                   "place).")
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
    output. Diagnostics of the (lenient) parse go to standard error. Standard input
    with --in-place is written to standard output.

    --in-place leaves a file as it is, and says why, when rewriting it would lose
    anything: when it parsed with errors (figures were lost reading it), when its
    canonical form would lack a character of its text (a note line, a heading in
    other words, a placeholder: text the parser did not keep), when it is
    read-only, or when it changed since it was read. It writes through symbolic
    links and keeps mode, owner and hard links.

    \b
    Exit codes:
      0  every file formatted (--check: every file already in canonical form)
      1  --check: a file would be reformatted; a file parsed with errors; or
         --in-place left a file as it was because rewriting it would lose text
      2  usage error, or a file could not be read or written
    """
    if in_place and check:
        raise click.UsageError("--in-place and --check cannot be used together")
    if layout in PAGE_LAYOUTS and (in_place or check):
        raise click.UsageError(f"--layout {layout} prints a page; it does not go with "
                               "--in-place or --check (a report file stays text)")
    if layout in RUN_TOGETHER_LAYOUTS and (in_place or check):
        raise click.UsageError(f"--layout {layout} prints text that reads back only in "
                               "part; it does not go with --in-place or --check")
    if layout in CONVERTED_LAYOUTS and (in_place or check):
        raise click.UsageError(f"--layout {layout} prints a report as a converter or PDF "
                               "tool does; it does not go with --in-place or --check")
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
            if not problems and _canonical(outcome, formatted):
                unchanged += 1
                continue
            refusal = _refusal(outcome, formatted, problems)
            if refusal is None:
                refusal = _write(outcome, formatted)
            if refusal is None:
                click.echo(f"reformatted {outcome.name}", err=True)
                changed += 1
            else:
                click.echo(f"not reformatted: {outcome.name}: {refusal[1]}", err=True)
                status = max(status, refusal[0])
                skipped += 1
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


def _refusal(outcome: Outcome, formatted: str, problems: int) -> tuple[int, str] | None:
    """Why the file must not be replaced by its canonical form (exit status, reason),
    or None."""
    from govparse.check.kept_text import lost_text

    if outcome.source.format != "text":
        return EXIT_PROBLEMS, (f"it is an {outcome.source.format.upper()} page, not a text "
                               "report; `govparse fmt FILE > FILE.txt` writes its text")
    if problems:
        return problems, ("it parsed with errors; rewriting it would lose what could not "
                          "be read")
    lost = lost_text(outcome.source.text, formatted)
    if lost is not None:
        return EXIT_PROBLEMS, (f"its canonical form would lose text the parser did not keep: "
                               f"{lost.describe()} (see the warnings above; `govparse fmt "
                               f"FILE` prints the canonical form to compare)")
    return None


def _write(outcome: Outcome, formatted: str) -> tuple[int, str] | None:
    """Rewrite the file; (exit status, reason) if it was left as it was."""
    from govparse.cli.rewrite import RewriteRefused, rewrite
    from govparse.cli.streams import signals_raise

    try:
        with signals_raise(signal.SIGTERM, signal.SIGHUP):
            rewrite(outcome.name, outcome.source.data, formatted.encode("utf-8"))
    except RewriteRefused as refused:
        return EXIT_PROBLEMS, str(refused)
    except OSError as exc:
        return EXIT_UNREADABLE, f"cannot write the file: {exc.strerror or exc}"
    return None


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
