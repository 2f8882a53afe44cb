"""``govparse check --across``: the reports of files, folders or a batch run's
database checked against each other, year to year (govparse.across)."""

from __future__ import annotations

import sys

import click

from govparse.across.bodies import Bodies, parse_same_body
from govparse.across.carry_over import check_years
from govparse.across.sources import (DatabaseUnreadable, from_database, from_results,
                                     is_database)


class Unreadable(click.ClickException):
    exit_code = 2


def check_across(paths, *, same_body, globs, files_from, jobs, timeout, fmt, max_bytes,
                 select=(), ignore=(), quiet=False) -> int:
    from itertools import chain

    from govparse.batch.inputs import files_of
    from govparse.batch.runner import Options, run
    from govparse.check.validation import selected

    if fmt not in ("text", "json"):
        raise click.UsageError("--across prints its findings: --format text or json")
    try:
        bodies = Bodies(parse_same_body(tuple(same_body)))
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--same-body") from None
    if not paths and files_from is None:
        raise click.UsageError("Missing argument 'PATHS...': give the reports, folders or "
                               "databases to check across years")
    databases = [p for p in paths if is_database(p)]
    others = [p for p in paths if not is_database(p)]
    not_read = []

    def read():
        options = Options(max_bytes=max_bytes, timeout=timeout)
        for done in run(files_of(others, globs=tuple(globs), files_from=files_from), options,
                        jobs=jobs):
            row = done.result.report
            if row.error_code is not None:
                not_read.append(row.path)
                if not quiet and fmt == "text":
                    click.echo(f"{row.path}: not read: {row.error_code} {row.error_message}",
                               err=True)
            yield done.result

    carries = chain(*(from_database(p) for p in databases),
                    from_results(read()) if others or files_from else ())
    try:
        findings, tally = check_years(carries, bodies)
    except DatabaseUnreadable as exc:
        raise Unreadable(str(exc)) from None
    findings = [d for d in findings if selected(d.code, select, ignore)]
    if fmt == "json":
        import json

        from govparse.emit.serialize import converter

        click.echo(json.dumps({"findings": converter.unstructure(findings),
                               "summary": tally._asdict(), "not_read": not_read},
                              ensure_ascii=False, indent=2))
    elif not quiet:
        from govparse.emit.rendering import render_each

        for chunk in render_each(findings, None, color=sys.stderr.isatty()):
            click.echo(chunk + "\n", err=True)
    click.echo(f"Checked {tally.reports:,} reports of {tally.bodies:,} bodies across years: "
               f"{tally.pairs:,} pairs of consecutive years, {tally.compared:,} figures "
               f"compared ({tally.not_comparable:,} not: a figure missing), "
               f"{tally.breaks:,} breaks."
               + (f" {len(not_read):,} files not read." if not_read else ""), err=True)
    if not_read and tally.reports == 0:
        return 2  # not one report could be read
    return 1 if not_read or any(d.code == "GP601" for d in findings) else 0
