"""The three tables as the template draws them: rows of cells with their rowspans
and colspans, each spanning cell given once where it starts (as HTML writes it). The
page (html_page.py) and the Word file (docx_file.py) are written from these.

- 二: one table of four columns, each article's sub-table under a title row
  (第二十条第（一）项, colspan 4) and its header row, the last header cell spanning
  what its columns leave;
- 三: the note over three label columns (rowspan 3, colspan 3), 申请人情况 over the
  seven applicant columns, 自然人 and 总计 two rows high; each row label spans the
  label columns its path leaves, a parent label (三、本年度办理结果, （三）不予公开)
  as many rows as it heads;
- 四: 行政复议 over five outcome columns, 行政诉讼 over ten, the outcomes two rows
  high under 行政复议, and one row of fifteen figures.
"""

from __future__ import annotations

from typing import NamedTuple

from govparse.emit.outline import cell_text
from govparse.model.report import Report
from govparse.template.spec import EXTRA_HEADER_LABELS, TableSpec

_LABEL_COLUMNS = 3  # of the applications table: 三、本年度办理结果 / （三）不予公开 / 1.属于…


class Spanned(NamedTuple):
    text: str
    rowspan: int = 1
    colspan: int = 1


def spanned_rows(report: Report, table: TableSpec) -> list[list[Spanned]]:
    def figures(row) -> list[Spanned]:
        return [Spanned(cell_text(report.figure(table.id, row.id, c.id))) for c in row.columns]

    return {"active_disclosure": _active_disclosure, "applications": _applications,
            "review_litigation": _review_litigation}[table.id](table, figures)


def width(rows: list[list[Spanned]]) -> int:
    """The grid columns the rows take (the first row spans them all)."""
    return sum(cell.colspan for cell in rows[0])


def _active_disclosure(table: TableSpec, figures) -> list[list[Spanned]]:
    width = 1 + max(len(row.columns) for row in table.rows)
    rows: list[list[Spanned]] = []
    article = None
    for row in table.rows:
        if row.path[0] != article:
            article = row.path[0]
            labels = ["信息内容"] + [c.label for c in row.columns]
            rows.append([Spanned(article, colspan=width)])
            rows.append([Spanned(label) for label in labels[:-1]]
                        + [Spanned(labels[-1], colspan=width - len(labels) + 1)])
        cells = figures(row)
        last = cells[-1]._replace(colspan=max(width - len(cells), 1))
        rows.append([Spanned(row.label)] + cells[:-1] + [last])
    return rows


def _applications(table: TableSpec, figures) -> list[list[Spanned]]:
    note, applicants, legal_persons = EXTRA_HEADER_LABELS["applications"]
    columns = [c.label for c in table.rows[0].columns]
    rows = [
        [Spanned(note, 3, _LABEL_COLUMNS), Spanned(applicants, colspan=len(columns))],
        [Spanned(columns[0], 2), Spanned(legal_persons, colspan=len(columns) - 2),
         Spanned(columns[-1], 2)],
        [Spanned(label) for label in columns[1:-1]],
    ]
    for index, row in enumerate(table.rows):
        cells = []
        for depth, label in enumerate(row.path):
            parent = row.path[:depth + 1]
            if depth < len(row.path) - 1:
                if index and table.rows[index - 1].path[:depth + 1] == parent:
                    continue  # covered by the parent label above
                heads = sum(1 for later in table.rows[index:] if later.path[:depth + 1] == parent)
                cells.append(Spanned(label, rowspan=heads))
            else:
                cells.append(Spanned(label, colspan=_LABEL_COLUMNS - depth))
        rows.append(cells + figures(row))
    return rows


def _review_litigation(table: TableSpec, figures) -> list[list[Spanned]]:
    outcomes = [c.label for c in table.rows[0].columns]
    review, direct, after = table.rows
    return [
        [Spanned(review.path[0], colspan=len(outcomes)),
         Spanned(direct.path[0], colspan=2 * len(outcomes))],
        [Spanned(label, 2) for label in outcomes]
        + [Spanned(direct.path[1], colspan=len(outcomes)),
           Spanned(after.path[1], colspan=len(outcomes))],
        [Spanned(label) for label in outcomes + outcomes],
        [cell for row in table.rows for cell in figures(row)],
    ]
