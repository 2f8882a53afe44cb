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
- ``grid``: as ``w3m -dump`` prints the page, each table drawn with box-drawing lines,
  labels and header cells wrapped inside their cells (govparse/emit/grid_text.py);
- ``aligned``: as ``pdftotext -layout`` prints the PDF, each table's columns at their
  display positions with blanks between (govparse/emit/aligned_text.py): a missing
  figure is blanks, read back only where its place under the header tells;
- ``html``: a page, the tables with the template's rowspans and colspans
  (govparse/emit/html_page.py);
- ``docx``: a Word file's bytes, its tables with the template's merged cells
  (govparse/emit/docx_file.py);
- ``run-together``: a crawler's bare text, every cell run into the next
  (govparse/emit/run_together.py): read back only where the arithmetic allows.
"""

from __future__ import annotations

# (the names every layout shares, still importable from here)
from govparse.emit.outline import (REPORT_NAME, Block, Tables, cell_text,
                                   figure_text, outline, table_blocks, title_line)
from govparse.model.report import Report
from govparse.template.spec import load_template

__all__ = ["CONVERTED_LAYOUTS", "FILE_LAYOUTS", "LAYOUTS", "PAGE_LAYOUTS", "REPORT_NAME", "RUN_TOGETHER_LAYOUTS",
           "cell_text", "dumps", "figure_text", "outline", "render_block", "table_blocks",
           "title_line"]

LAYOUTS = ("tab", "pipe", "cells", "markdown")  # the text layouts
PAGE_LAYOUTS = ("html",)  # written as a page (govparse/emit/html_page.py)
FILE_LAYOUTS = ("docx",)  # written as a file's bytes (govparse/emit/docx_file.py)
# Written as a crawler keeps a page, no separators (govparse/emit/run_together.py):
# its figures read back only where the template's arithmetic splits each run one way.
RUN_TOGETHER_LAYOUTS = ("run-together",)
# Written as converters and PDF tools print a page's or a PDF's tables: ``grid`` as
# ``w3m -dump`` (box-drawing lines, govparse/emit/grid_text.py), ``aligned`` as
# ``pdftotext -layout`` (columns at their places, no separator,
# govparse/emit/aligned_text.py). Read back by the drawn and spaced readers; a missing
# figure in ``aligned`` is blanks, placed back only where its place tells.
CONVERTED_LAYOUTS = ("grid", "aligned")


def dumps(report: Report, layout: str = "tab") -> str | bytes:
    """The report in ``layout``: text (LAYOUTS, CONVERTED_LAYOUTS, RUN_TOGETHER_LAYOUTS),
    a page (``html``), or the bytes of a Word file (``docx``)."""
    if layout == "docx":
        from govparse.emit.docx_file import dumps_docx

        return dumps_docx(report)
    if layout == "html":
        from govparse.emit.html_page import dumps_html

        return dumps_html(report)
    if layout in RUN_TOGETHER_LAYOUTS:
        from govparse.emit.run_together import dumps_run_together

        return dumps_run_together(report)
    if layout == "grid":
        from govparse.emit.grid_text import dumps_grid

        return dumps_grid(report)
    if layout == "aligned":
        from govparse.emit.aligned_text import dumps_aligned

        return dumps_aligned(report)
    if layout not in LAYOUTS:
        every = (LAYOUTS + CONVERTED_LAYOUTS + PAGE_LAYOUTS + FILE_LAYOUTS
                 + RUN_TOGETHER_LAYOUTS)
        raise ValueError(f"unknown layout {layout!r}; choose one of {', '.join(every)}")
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
