"""A Report written as an HTML page, its tables with the template's own rowspans and
colspans, as report editors publish them: ``dumps(report, "html")``.

The page holds the title and narrative as paragraphs, the headings in <strong>, and
the three tables with the template's merged cells (govparse/emit/spanned.py).

Reading the page gives the same report (positions aside): tests/frontends/html holds
the two to that, as tests/test_roundtrip.py does for the text layouts.
"""

from __future__ import annotations

from html import escape

from govparse.emit.outline import Tables, outline, title_line
from govparse.emit.spanned import Spanned, spanned_rows
from govparse.model.report import Report
from govparse.template.sections import SECTION_NAMES
from govparse.template.spec import TableSpec, load_template


def dumps_html(report: Report) -> str:
    template = load_template(report.template)
    title = title_line(report)
    body: list[str] = []
    for item in outline(report):
        if isinstance(item, Tables):
            body.extend(_table(report, template.table(item.kind)))
        elif item == "":
            continue
        elif item in SECTION_NAMES.values():
            body.append(f"<p><strong>{escape(item)}</strong></p>")
        elif item == title:
            body.append(f'<p align="center"><strong>{escape(item)}</strong></p>')
        else:
            body.append(f"<p>{escape(item)}</p>")
    return ('<!DOCTYPE html>\n<html>\n<head><meta charset="utf-8"></head>\n<body>\n'
            + "\n".join(body) + "\n</body>\n</html>\n")


def _td(cell: Spanned) -> str:
    spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
        f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
    return f"<td{spans}>{escape(cell.text)}</td>"


def _table(report: Report, table: TableSpec) -> list[str]:
    return (['<table border="1">']
            + [f"<tr>{''.join(_td(cell) for cell in row)}</tr>"
               for row in spanned_rows(report, table)]
            + ["</table>"])
