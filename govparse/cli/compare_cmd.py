from __future__ import annotations

import click

from govparse.emit.rendering import display_width

WIDTH = 100


@click.command("compare", short_help="Two reports side by side, figure by figure.")
@click.argument("first", type=click.Path(allow_dash=True, readable=False))
@click.argument("second", type=click.Path(allow_dash=True, readable=False))
@click.option("--changed", is_flag=True, help="Only the figures that differ.")
def compare_command(first, second, changed) -> None:
    """Print each figure of two reports (a body's reports of two years, say) and the
    change from FIRST to SECOND. A figure missing in either is shown as —, and its
    change too: a missing figure is never taken as 0.

    \b
    Exit codes: 0 both read; 2 a report could not be read."""
    import govparse
    from govparse.across.compare import changes
    from govparse.errors import GovParseError

    if first == second == "-":
        raise click.UsageError("standard input (-) can be read once: give one of the two "
                               "reports as a file")
    reports = []
    for path in (first, second):
        try:
            reports.append(govparse.parse_file(path))
        except GovParseError as exc:
            click.echo(f"error[{exc.code}]: {exc.message}\n  --> {path}", err=True)
            raise SystemExit(2)
    a, b = reports
    click.echo(f"A: {first}  ({a.organization.value or '—'}, {a.year.value or '—'})")
    click.echo(f"B: {second}  ({b.organization.value or '—'}, {b.year.value or '—'})")
    every = changes(a, b)
    rows = [c for c in every if not changed or c.before != c.after]
    table = None
    for c in rows:
        if c.table != table:
            table = c.table
            click.echo(f"\n{table:<{WIDTH - 36}}{'A':>12}{'B':>12}{'B - A':>12}")
        label = _cut(c.label, WIDTH - 37)
        pad = " " * (WIDTH - 36 - display_width(label))
        click.echo(f"{label}{pad}{_shown(c.before):>12}{_shown(c.after):>12}"
                   f"{_shown(c.change, signed=True):>12}")
    same = sum(c.before == c.after and c.before is not None for c in every)
    click.echo(f"\n{len(rows)} figures shown; {same} the same in both.")


def _shown(value, signed: bool = False) -> str:
    if value is None:
        return "—"
    return f"{value:+}" if signed and value != 0 else str(value)


def _cut(label: str, room: int) -> str:
    """The label's end (the row's own words and the column) within room columns."""
    if display_width(label) <= room:
        return label
    while display_width("…" + label) > room:
        label = label[1:]
    return "…" + label
