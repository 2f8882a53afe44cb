from __future__ import annotations

import attrs
import click

from govparse.cli.common import (
    EXIT_OK,
    FILES,
    INFER,
    MAX_BYTES,
    JsonArray,
    NOTES,
    Outcome,
    check_infer,
    error_data,
    print_diagnostics,
    read_all,
)
from govparse.check.validation import selected, validate

def _codes(value: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c.strip().upper() for v in value for c in v.split(",") if c.strip())


@click.command("check")
@click.option("--strict", is_flag=True,
              help="Also fail on any parse warning, not only on a failed relation.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: diagnostics with carets; json: the same as data.")
@click.option("--select", multiple=True, metavar="CODES",
              help="Only these codes or prefixes (GP4, GP401,GP403). Repeatable.")
@click.option("--ignore", multiple=True, metavar="CODES",
              help="Leave out these codes or prefixes. Repeatable.")
@INFER
@NOTES
@MAX_BYTES
@FILES
def check_command(files, strict, fmt, select, ignore, infer, show_notes, max_bytes) -> None:
    """Check the template's arithmetic in report FILES (- reads standard input).

    Row totals, the （七）总计 row against the outcome rows, the 勾稽关系 of every
    column (本年新收 + 上年结转 = 办理结果总计 + 结转下年度), the review and litigation
    totals, and that counts are whole numbers ≥ 0 and fees non-negative. A missing
    figure is never taken as 0: the relation is reported as not checkable.

    --select and --ignore choose which codes are printed and counted, parse
    diagnostics too, as ruff does.

    \b
    Exit codes (counting the selected codes only):
      0  every relation holds (in --strict mode: and no parse warning)
      1  a relation fails, or a file parsed with errors (--strict: any warning)
      2  usage error, or a file could not be read
    """
    check_infer(strict, infer)
    select, ignore = _codes(select), _codes(ignore)
    status = EXIT_OK
    array = JsonArray() if fmt == "json" else None
    for outcome in read_all(files, False, max_bytes, infer):
        findings = []
        if outcome.report is not None:
            findings = validate(outcome.report)
            kept = tuple(d for d in outcome.report.diagnostics + tuple(findings)
                         if selected(d.code, select, ignore))
            outcome.report = attrs.evolve(outcome.report, diagnostics=kept)
        if fmt == "text":
            print_diagnostics(outcome, show_notes)
        status = max(status, outcome.exit_code(strict))
        if array is not None:
            array.add(_json_entry(outcome))
    if array is not None:
        array.close()
    raise SystemExit(status)


def _json_entry(outcome: Outcome) -> dict:
    from govparse.emit.serialize import converter

    return {
        "path": outcome.name,
        "diagnostics": converter.unstructure(list(outcome.diagnostics)),
        "error": error_data(outcome.error),
    }
