"""Two reports side by side, figure by figure, for a person to read (``govparse
compare A B``): a body's report of one year against another's."""

from __future__ import annotations

from typing import NamedTuple

from govparse.model.report import Report
from govparse.template.spec import TABLE_ORDER, load_template


class Change(NamedTuple):
    table: str
    row: str
    column: str
    label: str  # the row's label path and the column's label, in Chinese
    before: object  # A's value (None: missing, or no such figure in A's template)
    after: object

    @property
    def change(self):
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def changes(a: Report, b: Report) -> list[Change]:
    """Every figure of either report's tables, in the template's order (2021's rows,
    then the 2019 template's own where one report follows it)."""
    out: list[Change] = []
    seen = set()
    for template in _templates(a, b):
        for table_id in TABLE_ORDER:
            table = load_template(template).table(table_id)
            for row in table.rows:
                for column in row.columns:
                    key = (table_id, row.id, column.id)
                    if key in seen:
                        continue
                    seen.add(key)
                    label = " / ".join(row.path) + (f" / {column.label}"
                                                    if len(row.columns) > 1 else "")
                    out.append(Change(table_id, row.id, column.id, label, _value(a, key),
                                      _value(b, key)))
    return out


def _templates(a: Report, b: Report) -> list[str]:
    used = [a.template, b.template]
    return sorted(set(used), key=lambda t: t != "2021")


def _value(report: Report, key: tuple[str, str, str]):
    try:
        return report.figure(*key).value
    except AttributeError:  # a figure of the other template
        return None
