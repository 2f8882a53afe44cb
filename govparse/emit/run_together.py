"""The report as a crawler keeps a page: its bare text with no separators (the
``run-together`` layout of ``dumps``). The title on a line of its own, then every
heading, paragraph and table cell run into the next on one line:
``…规章000行政规范性文件6233440…一、本年新收政府信息公开申请数量21710000218…``.

A missing figure is written ``/``, as pages mark an empty cell; an empty cell itself
would leave no trace. The parser reads such text back only where the template's
arithmetic leaves each run of figures one split (govparse.core.run_reader), so this
layout is for testing that reader (tests/test_run_together_property.py), never for
rewriting a file in place.
"""

from __future__ import annotations

from govparse.emit.outline import Tables, outline, table_blocks, title_line
from govparse.model.report import Report
from govparse.template.spec import load_template

MISSING = "/"


def dumps_run_together(report: Report) -> str:
    template = load_template(report.template)
    items = list(outline(report))
    title = title_line(report)
    if title is not None:
        items = items[2:]  # the title and the blank line after it
    body: list[str] = []
    for item in items:
        if isinstance(item, Tables):
            for block in table_blocks(report, template.table(item.kind)):
                for row in block:
                    body.extend(label for label in row.labels if label)
                    body.extend(figure or MISSING for figure in row.figures)
        else:
            body.append(item)
    lines = ([title] if title is not None else []) + ["".join(body)]
    return "\n".join(lines) + "\n"
