"""Which template a report follows, told from its tables, not from its year.

The two templates share most labels; what tells them apart is what only one of
them has: 2019's 本年新制作数量, 其他对外管理服务事项, 政府集中采购 or a （六）其他处理 row
with figures of its own; 2021's 本年制发件数, 行政规范性文件 or the three rows under
（六）其他处理. Each table is scored on its own, so a report that mixes the two is
seen as mixed.
"""

from __future__ import annotations

from govparse.core.logical_rows import LogicalRow
from govparse.template.spec import TEMPLATES, catalogue, label_key


def _labels_in_role(rows: list[LogicalRow]) -> list[tuple[int, str, bool]]:
    """Each label's id (a Document's cells need not have a line and column), key, and
    whether it stands just before a run of figures, where it must be a row of the
    template: read once for all the templates."""
    labels = []
    for row in rows:
        leaf = row.labels[-1] if row.labels and row.has_figures else None
        for cell in row.labels:
            labels.append((id(cell), label_key(cell.text), cell is leaf))
    return labels


def known_labels(template: str, kind: str, labels: list[tuple[int, str, bool]]) -> set[int]:
    """The labels this template knows, in the role they stand in."""
    cat = catalogue(template, kind)
    rows, headers, parents = cat.rows_by_key, cat.headers_by_key, cat.parents_by_key
    known = set()
    for ident, key, is_leaf in labels:
        if key in rows or not is_leaf and (key in headers or key in parents):
            known.add(ident)
    return known


def evidence(kind: str, rows: list[LogicalRow]) -> dict[str, int]:
    """For each template, how many labels only it knows."""
    labels = _labels_in_role(rows)
    known = {t: known_labels(t, kind, labels) for t in TEMPLATES}
    return {t: len(known[t] - set().union(*(known[o] for o in TEMPLATES if o != t)))
            for t in TEMPLATES}


def template_for_year(year: int | None) -> str:
    """The template in force for a report year: 2019's for 2019 and 2020."""
    return "2019" if year is not None and year <= 2020 else "2021"
