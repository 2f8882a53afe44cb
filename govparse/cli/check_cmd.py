from __future__ import annotations

import click

from govparse.cli.batch_run import EXIT_HELP, Run, batch_options, execute
from govparse.cli.common import check_infer


def _codes(value: tuple[str, ...]) -> tuple[str, ...]:
    """The codes or prefixes of --select/--ignore; an unknown one is a usage error."""
    from govparse.diagnostics import CODES

    codes = tuple(c.strip().upper() for v in value for c in v.split(",") if c.strip())
    for code in codes:
        if not any(known.startswith(code) for known in CODES):
            raise click.BadParameter(f"{code} is no code nor the start of one "
                                     "(govparse codes lists them)")
    return codes


@click.command("check", short_help="Check the template's arithmetic in reports.", epilog=EXIT_HELP.format(
    clean=" and every relation holds (in --strict mode: no parse warning either)",
    problems=" (a relation fails, or a parse error; --strict: any warning)"))
@click.option("--strict", is_flag=True,
              help="Also fail on any parse warning, not only on a failed relation.")
@click.option("--format", "fmt", default=None,
              type=click.Choice(["text", "json", "csv", "jsonl", "parquet", "sqlite", "duckdb",
                                 "xlsx"]),
              help="On standard output: text (diagnostics with carets, on standard error; "
                   "the default) or json (the same as data). With -o: the format of the file, "
                   "as for govparse parse (the findings are among the diagnostics).")
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these codes or prefixes (GP4, GP401,GP403). Repeatable.")
@click.option("--ignore", multiple=True, metavar="CODES",
              help="Leave out these codes or prefixes. Repeatable.")
@click.option("--across", is_flag=True,
              help="Check the reports against each other instead: a body's applications "
                   "carried forward at a year's end against those carried over at the next "
                   "year's start. PATHS may be a batch run's .sqlite or .duckdb output too.")
@click.option("--same-body", "same_body", multiple=True, metavar="OLD=NEW",
              help="With --across: two names of one body (a renamed body). Repeatable.")
@batch_options
def check_command(paths, strict, fmt, select, ignore, across, same_body, globs, files_from,
                  jobs, timeout, output, excel, resume, quiet, statistics, stdin_filename,
                  max_bytes, show_notes, infer) -> None:
    """Check the template's arithmetic in reports (files and folders; - reads
    standard input).

    Row totals, the （七）总计 row against the outcome rows, the 勾稽关系 of every
    column (本年新收 + 上年结转 = 办理结果总计 + 结转下年度), the review and litigation
    totals, and that counts are whole numbers ≥ 0 and fees non-negative. A missing
    figure is never taken as 0: the relation is reported as not checkable.

    --select and --ignore choose which codes are printed and counted, parse
    diagnostics too, as ruff does.
    """
    check_infer(strict, infer)
    from govparse.batch.runner import Options

    if across:
        from govparse.cli.across_run import check_across

        for given, name in ((output, "-o"), (resume, "--resume"), (excel, "--excel")):
            if given:
                raise click.UsageError(f"{name} is for a run's results; --across prints its "
                                       "findings (--format json for data)")
        raise SystemExit(check_across(paths, same_body=same_body, globs=globs,
                                      files_from=files_from, jobs=jobs, timeout=timeout,
                                      fmt=fmt or "text", max_bytes=max_bytes,
                                      select=_codes(select), ignore=_codes(ignore),
                                      quiet=quiet))

    if fmt in ("csv", "jsonl") and output is None:
        raise click.UsageError(f"--format {fmt} of check writes a file: give it with -o PATH")
    target = Run(fmt, output, excel=excel, resume=resume, json_entry=_json_entry,
                 listing=False)
    options = Options(mode="infer" if infer else "lenient", max_bytes=max_bytes, check=True,
                      select=_codes(select), ignore=_codes(ignore), show_notes=show_notes,
                      fail_on_warning=strict)
    status = execute(paths, globs=globs, files_from=files_from, jobs=jobs, timeout=timeout,
                     quiet=quiet or fmt == "json", statistics=statistics,
                     stdin_filename=stdin_filename, options=options, target=target)
    raise SystemExit(status)


def _json_entry(done) -> dict:
    from govparse.emit.serialize import converter

    result = done.result
    model = result.model
    return {
        "path": result.report.path,
        "diagnostics": converter.unstructure(list(model.diagnostics)) if model is not None
        else (result.error or {}).get("diagnostics", []),
        "error": result.error,
    }
