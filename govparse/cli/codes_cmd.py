from __future__ import annotations

import click

from govparse.diagnostics import CODES

SEVERITY_MEANING = {
    "error": "figures were lost or cannot be trusted; the file fails (exit 1)",
    "warning": "govparse recovered, but the report is not on the template; the file fails "
               "in --strict mode only",
    "note": "a layout variation that loses nothing; shown with --notes",
}


@click.command("codes", short_help="List the diagnostic codes, or explain some.")
@click.argument("codes", nargs=-1, metavar="[CODE]...")
def codes_command(codes) -> None:
    """List every diagnostic code with its severity and meaning, or explain the
    CODEs given (GP302; a prefix such as GP3 explains each code it starts)."""
    if not codes:
        for code in CODES.values():
            click.echo(f"{code.code}  {code.severity.value:<7}  {code.name:<20}  {code.summary}")
        return
    chosen = []
    for given in codes:
        matching = [c for c in CODES.values() if c.code.startswith(given.strip().upper())]
        if not matching:
            raise click.BadParameter(f"{given} is no code nor the start of one (govparse codes "
                                     "lists them)", param_hint="CODE")
        chosen.extend(c for c in matching if c not in chosen)
    for i, code in enumerate(chosen):
        if i:
            click.echo()
        click.echo(f"{code.code} {code.name} ({code.severity.value})")
        click.echo(f"  {code.summary}.")
        click.echo(f"  A{'n' if code.severity.value[0] in 'ae' else ''} "
                   f"{code.severity.value}: {SEVERITY_MEANING[code.severity.value]}.")
        click.echo(f"  Leave it out of govparse check with --ignore {code.code}; keep only it "
                   f"with --select {code.code}.")
