"""Which template a report follows, told from its tables, not from its year.

The two templates share most labels; what tells them apart is what only one of
them has: 2019's 本年新制作数量, 其他对外管理服务事项, 政府集中采购 or a （六）其他处理 row
with figures of its own; 2021's 本年制发件数, 行政规范性文件 or the three rows under
（六）其他处理. Each table is scored on its own, so a report that mixes the two is
seen as mixed.
"""

from __future__ import annotations

from govparse.core.table_reader import LogicalRow
from govparse.template.spec import TEMPLATES, catalogue, label_key


def known_labels(template: str, kind: str, rows: list[LogicalRow]) -> set[int]:
    """The labels this template knows (their ids: a Document's cells need not have a
    line and column), in the role they stand in: the label just before a run of
    figures must be a row of the template."""
    cat = catalogue(template, kind)
    known = set()
    for row in rows:
        leaf = row.labels[-1] if row.labels and row.has_figures else None
        for cell in row.labels:
            key = label_key(cell.text)
            if cell is leaf:
                ok = key in cat.rows_by_key
            else:
                ok = key in cat.rows_by_key or key in cat.headers_by_key \
                    or key in cat.parents_by_key
            if ok:
                known.add(id(cell))
    return known


def evidence(kind: str, rows: list[LogicalRow]) -> dict[str, int]:
    """For each template, how many labels only it knows."""
    known = {t: known_labels(t, kind, rows) for t in TEMPLATES}
    return {t: len(known[t] - set().union(*(known[o] for o in TEMPLATES if o != t)))
            for t in TEMPLATES}


def template_for_year(year: int | None) -> str:
    """The template in force for a report year: 2019's for 2019 and 2020."""
    return "2019" if year is not None and year <= 2020 else "2021"
