from __future__ import annotations

import click

from govparse.cli.batch_run import EXIT_HELP, Run, batch_options, execute
from govparse.cli.common import STRICT, check_infer


@click.command("parse", short_help="Read reports and print or write their figures.",
               epilog=EXIT_HELP.format(clean=" (in --strict mode: cleanly)",
                                                problems=" (in --strict mode: any warning)"))
@STRICT
@click.option("--format", "fmt", default=None,
              type=click.Choice(["text", "json", "csv", "jsonl", "parquet", "sqlite", "duckdb",
                                 "xlsx"]),
              help="On standard output: text (the figures for people; the default), json "
                   "(the whole model, one object a file in an array), jsonl (one a line), "
                   "csv (one figure a row). With -o: the format of the file (told by its "
                   "extension when not given).")
@batch_options
def parse_command(paths, strict, fmt, globs, files_from, jobs, timeout, output, excel, resume,
                  quiet, statistics, stdin_filename, max_bytes, show_notes, infer) -> None:
    """Parse reports and print or write their figures.

    PATHS are files and folders (folders are walked for the files govparse reads:
    text, web pages, PDF and Word files); - reads standard input. Files are read in
    worker processes (-j), and each file's results are written as it is done, in
    the order the files were given. Diagnostics go to standard error; a run over
    several files ends with a summary. A file that cannot be read is that file's
    error, and the others are still read.

    \b
    Outputs (-o PATH): .csv (one figure a row; --excel for Excel), .jsonl (one
    report a line), .parquet, .sqlite and .duckdb (tables reports, figures and
    diagnostics, and a view figures_wide), .xlsx (sheets of reports, figures, and
    each table in wide form). `govparse codebook` lists the figures' ids.
    """
    check_infer(strict, infer)
    from govparse.batch.runner import Options

    mode = "strict" if strict else "infer" if infer else "lenient"
    target = Run(fmt, output, excel=excel, resume=resume, json_entry=_json_entry,
                 listing=True)
    status = execute(paths, globs=globs, files_from=files_from, jobs=jobs, timeout=timeout,
                     quiet=quiet, statistics=statistics, stdin_filename=stdin_filename,
                     options=Options(mode=mode, max_bytes=max_bytes, show_notes=show_notes),
                     target=target)
    raise SystemExit(status)


def _json_entry(done) -> dict:
    from govparse.emit.serialize import to_dict

    result = done.result
    return {
        "path": result.report.path,
        "report": to_dict(result.model) if result.model is not None else None,
        "error": result.error,
    }
