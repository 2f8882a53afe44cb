from __future__ import annotations

import click

from govparse.template.codebook import FORMATS, codebook, render
from govparse.template.spec import TEMPLATES


@click.command("codebook", short_help="Every figure's id and Chinese label, both templates.")
@click.option("--format", "format_", type=click.Choice(FORMATS), default="text",
              show_default=True, help="How to print it: aligned text, CSV or a markdown table.")
@click.option("--template", type=click.Choice((*TEMPLATES, "all")), default="all",
              show_default=True, help="The 2021 template's figures, the 2019 template's, or both.")
def codebook_command(format_: str, template: str) -> None:
    """List every figure's id (table.row.column), as the outputs name it, with the
    template's Chinese labels for its row and column."""
    templates = TEMPLATES if template == "all" else (template,)
    click.echo(render(codebook(templates), format_), nl=False)
