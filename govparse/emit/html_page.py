"""A Report written as an HTML page, its tables with the template's own rowspans and
colspans, as report editors publish them: ``dumps(report, "html")``.

The page holds the title and narrative as paragraphs, the headings in <strong>, and
the three tables:

- 二: one table of four columns, each article's sub-table under a title row
  (第二十条第（一）项, colspan 4) and its header row, the last header cell spanning
  what its columns leave;
- 三: the note over three label columns (rowspan 3, colspan 3), 申请人情况 over the
  seven applicant columns, 自然人 and 总计 two rows high; each row label spans the
  label columns its path leaves, a parent label (三、本年度办理结果, （三）不予公开)
  as many rows as it heads;
- 四: 行政复议 over five outcome columns, 行政诉讼 over ten, the outcomes two rows
  high under 行政复议, and one row of fifteen figures.

Reading the page gives the same report (positions aside): tests/frontends/html holds
the two to that, as tests/test_roundtrip.py does for the text layouts.
"""

from __future__ import annotations

from html import escape

from govparse.emit.outline import Tables, cell_text, outline, title_line
from govparse.model.report import Report
from govparse.template.sections import SECTION_NAMES
from govparse.template.spec import EXTRA_HEADER_LABELS, TableSpec, load_template

_LABEL_COLUMNS = 3  # of the applications table: 三、本年度办理结果 / （三）不予公开 / 1.属于…


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


def _td(text: str, rowspan: int = 1, colspan: int = 1) -> str:
    spans = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else "")
    return f"<td{spans}>{escape(text)}</td>"


def _table(report: Report, table: TableSpec) -> list[str]:
    def figures(row) -> list[str]:
        return [_td(cell_text(report.figure(table.id, row.id, c.id))) for c in row.columns]

    rows = {"active_disclosure": _active_disclosure, "applications": _applications,
            "review_litigation": _review_litigation}[table.id](table, figures)
    return ['<table border="1">'] + [f"<tr>{''.join(cells)}</tr>" for cells in rows] + ["</table>"]


def _active_disclosure(table: TableSpec, figures) -> list[list[str]]:
    width = 1 + max(len(row.columns) for row in table.rows)
    rows: list[list[str]] = []
    article = None
    for row in table.rows:
        if row.path[0] != article:
            article = row.path[0]
            labels = ["信息内容"] + [c.label for c in row.columns]
            rows.append([_td(article, colspan=width)])
            rows.append([_td(label) for label in labels[:-1]]
                        + [_td(labels[-1], colspan=width - len(labels) + 1)])
        cells = figures(row)
        rows.append([_td(row.label)] + cells[:-1]
                    + [cells[-1].replace("<td>", f'<td colspan="{width - len(cells)}">', 1)
                       if width - len(cells) > 1 else cells[-1]])
    return rows


def _applications(table: TableSpec, figures) -> list[list[str]]:
    note, applicants, legal_persons = EXTRA_HEADER_LABELS["applications"]
    columns = [c.label for c in table.rows[0].columns]
    rows = [
        [_td(note, 3, _LABEL_COLUMNS), _td(applicants, colspan=len(columns))],
        [_td(columns[0], 2), _td(legal_persons, colspan=len(columns) - 2), _td(columns[-1], 2)],
        [_td(label) for label in columns[1:-1]],
    ]
    for index, row in enumerate(table.rows):
        cells = []
        for depth, label in enumerate(row.path):
            parent = row.path[:depth + 1]
            if depth < len(row.path) - 1:
                if index and table.rows[index - 1].path[:depth + 1] == parent:
                    continue  # covered by the parent label above
                heads = sum(1 for later in table.rows[index:] if later.path[:depth + 1] == parent)
                cells.append(_td(label, rowspan=heads))
            else:
                cells.append(_td(label, colspan=_LABEL_COLUMNS - depth))
        rows.append(cells + figures(row))
    return rows


def _review_litigation(table: TableSpec, figures) -> list[list[str]]:
    outcomes = [c.label for c in table.rows[0].columns]
    review, direct, after = table.rows
    return [
        [_td(review.path[0], colspan=len(outcomes)),
         _td(direct.path[0], colspan=2 * len(outcomes))],
        [_td(label, 2) for label in outcomes]
        + [_td(direct.path[1], colspan=len(outcomes)), _td(after.path[1], colspan=len(outcomes))],
        [_td(label) for label in outcomes + outcomes],
        [cell for row in table.rows for cell in figures(row)],
    ]
