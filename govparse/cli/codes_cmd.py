from __future__ import annotations

import click

from govparse.diagnostics import CODES


@click.command("codes")
def codes_command() -> None:
    """List every diagnostic code with its severity and meaning."""
    for code in CODES.values():
        click.echo(f"{code.code}  {code.severity.value:<7}  {code.name:<20}  {code.summary}")
