"""The printer: a Report written back as a complete report on the official template.

``dumps(report, layout)`` writes the title, the six headings, the narrative and the
three tables with their official header rows and row labels, in one of the layouts
the parser reads. Parsing the output gives the same report (positions aside): the
property tests in tests/test_roundtrip.py hold the two to that.

Layouts:
- ``tab``: one row a line, cells separated by tabs (a table copied out of Word);
- ``pipe``: one row a line, cells separated by `` | ``, no border pipes;
- ``cells``: one cell a line, tab-indented, a blank line after each row;
- ``markdown``: markdown tables, with border pipes and a rule under each header;
- ``html``: a page, the tables with the template's rowspans and colspans
  (govparse/emit/html_page.py);
- ``run-together``: a crawler's bare text, every cell run into the next
  (govparse/emit/run_together.py): read back only where the arithmetic allows.
"""

from __future__ import annotations

from typing import Sequence

import attrs

# (the names every layout shares, still importable from here)
from govparse.emit.outline import (REPORT_NAME, Tables, cell_text, figure_text, outline,
                                   title_line)
from govparse.model.report import Report
from govparse.template.spec import EXTRA_HEADER_LABELS, TableSpec, load_template

__all__ = ["LAYOUTS", "PAGE_LAYOUTS", "REPORT_NAME", "RUN_TOGETHER_LAYOUTS", "cell_text", "dumps", "figure_text",
           "outline", "render_block", "table_blocks", "title_line"]

LAYOUTS = ("tab", "pipe", "cells", "markdown")  # the text layouts
PAGE_LAYOUTS = ("html",)  # written as a page (govparse/emit/html_page.py)
# Written as a crawler keeps a page, no separators (govparse/emit/run_together.py):
# its figures read back only where the template's arithmetic splits each run one way.
RUN_TOGETHER_LAYOUTS = ("run-together",)
@attrs.frozen
class PrintedRow:
    labels: tuple[str | None, ...]
    figures: tuple[str, ...] = ()  # "" for a missing figure


Block = list  # rows printed as one table (markdown: one table with one rule)


def dumps(report: Report, layout: str = "tab") -> str:
    if layout == "html":
        from govparse.emit.html_page import dumps_html

        return dumps_html(report)
    if layout in RUN_TOGETHER_LAYOUTS:
        from govparse.emit.run_together import dumps_run_together

        return dumps_run_together(report)
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; choose one of "
                         f"{', '.join(LAYOUTS + PAGE_LAYOUTS + RUN_TOGETHER_LAYOUTS)}")
    template = load_template(report.template)
    out: list[str] = []
    for item in outline(report):
        if isinstance(item, Tables):
            for block in table_blocks(report, template.table(item.kind)):
                out += render_block(block, layout)
                out.append("")
        else:
            out.append(item)
    return "\n".join(out).rstrip("\n") + "\n"


# ---------------------------------------------------------------- the official tables


def table_blocks(report: Report, table: TableSpec) -> list[Block]:
    def figures(row) -> tuple[str, ...]:
        return tuple(cell_text(report.figure(table.id, row.id, c.id)) for c in row.columns)

    if table.id == "active_disclosure":
        blocks: list[Block] = []
        for row in table.rows:
            article = row.path[0]
            if not blocks or blocks[-1][0].labels[0] != article:
                header = ("信息内容",) + tuple(c.label for c in row.columns)
                blocks.append([PrintedRow((article,)), PrintedRow(header)])
            blocks[-1].append(PrintedRow((row.label,), figures(row)))
        return blocks
    if table.id == "applications":
        note, applicants, legal_persons = EXTRA_HEADER_LABELS["applications"]
        cols = [c.label for c in table.rows[0].columns]
        block: Block = [
            PrintedRow((note, None, None, applicants)),
            PrintedRow((None, None, None, cols[0], legal_persons, None, None, None, None,
                        cols[-1])),
            PrintedRow((None, None, None, None) + tuple(cols[1:-1])),
        ]
        previous: Sequence[str] = ()
        for row in table.rows:
            labels = tuple(
                None if i < len(row.path) - 1 and previous[:i + 1] == row.path[:i + 1] else part
                for i, part in enumerate(row.path)
            )
            block.append(PrintedRow(labels, figures(row)))
            previous = row.path
        return [block]
    # review_litigation: a two-level header over one row of fifteen figures
    outcomes = tuple(c.label for c in table.rows[0].columns)
    review, direct, after = table.rows
    gap = (None,) * (len(outcomes) - 1)
    return [[
        PrintedRow((review.path[0],) + gap + (direct.path[0],)),
        PrintedRow(outcomes + (direct.path[1],) + gap + (after.path[1],)),
        PrintedRow((None,) * len(outcomes) + outcomes + outcomes),
        PrintedRow((), sum((figures(r) for r in table.rows), ())),
    ]]


# ---------------------------------------------------------------- layouts


def render_block(block: Block, layout: str) -> list[str]:
    if layout == "cells":
        lines: list[str] = []
        for row in block:
            lines += [f"\t{cell}" for cell in row.labels if cell is not None]
            lines += [f"\t{figure}" for figure in row.figures]
            lines.append("")
        return lines[:-1]
    if layout == "tab":
        return ["\t".join([c or "" for c in row.labels] + list(row.figures)) for row in block]
    if layout == "pipe":
        return [_pipe_line([c for c in row.labels if c is not None] + list(row.figures))
                for row in block]
    # markdown: every row as wide as the widest; a data row's labels end in the
    # last label column, so that no empty cell stands between labels and figures
    depth = max(len(row.labels) for row in block if row.figures) if any(
        row.figures for row in block) else 0
    width = max(max(len(r.labels) for r in block), depth + max(len(r.figures) for r in block))
    lines = []
    for index, row in enumerate(block):
        if row.figures:
            cells = [None] * (depth - len(row.labels)) + list(row.labels) + list(row.figures)
        else:
            cells = list(row.labels)
        cells += [None] * (width - len(cells))
        lines.append("| " + " | ".join(c or "" for c in cells) + " |")
        if index == 0:
            lines.append("|" + "---|" * width)
    return lines


def _pipe_line(cells: list[str]) -> str:
    """One row of the pipe layout: no border pipes, so that an empty first or last cell
    is written as nothing before the first or after the last pipe (`| 0 | 0 |`: the
    review table's row of figures missing its first and last). Only a table whose
    every line starts and ends with a pipe is read as having borders (markdown)."""
    return " | ".join(cells).strip(" ")
