from __future__ import annotations

import click

from govparse.cli.common import (
    FILES,
    INFER,
    MAX_BYTES,
    JsonArray,
    NOTES,
    STRICT,
    Outcome,
    check_infer,
    error_data,
    print_diagnostics,
    read_all,
)


@click.command("parse")
@STRICT
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text",
              show_default=True,
              help="text: the figures for people; json: the whole model, one object a file in "
                   "an array; csv: one figure a row "
                   "(report,table,row,column,value,line,col,inferred,location,recovered).")
@INFER
@NOTES
@MAX_BYTES
@FILES
def parse_command(files, strict, fmt, infer, show_notes, max_bytes) -> None:
    """Parse report FILES (- reads standard input) and print their figures.

    Data goes to standard output as each file is read, diagnostics to standard
    error. A file that cannot be read is reported and the others are still parsed.

    \b
    Exit codes:
      0  every file parsed (in --strict mode: cleanly)
      1  a file parsed with errors (in --strict mode: with any warning)
      2  usage error, or a file could not be read
    """
    check_infer(strict, infer)
    status = 0
    array = JsonArray() if fmt == "json" else None
    if fmt == "csv":
        from govparse.emit.serialize import CSV_HEADER

        click.echo(",".join(CSV_HEADER))
    for outcome in read_all(files, strict, max_bytes, infer):
        print_diagnostics(outcome, show_notes)
        status = max(status, outcome.exit_code(strict))
        if fmt == "csv" and outcome.report is not None:
            _echo_csv(outcome)
        elif fmt == "text" and outcome.report is not None:
            from govparse.emit.listing import report_text

            click.echo(report_text(outcome.report, outcome.name))
        elif array is not None:
            array.add(_json_entry(outcome))
    if array is not None:
        array.close()
    raise SystemExit(status)


def _echo_csv(outcome: Outcome) -> None:
    import csv
    import io

    from govparse.emit.serialize import csv_rows

    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(csv_rows(outcome.report, outcome.name))
    click.echo(out.getvalue(), nl=False)


def _json_entry(outcome: Outcome) -> dict:
    from govparse.emit.serialize import to_dict

    return {
        "path": outcome.name,
        "report": to_dict(outcome.report) if outcome.report is not None else None,
        "error": error_data(outcome.error),
    }
