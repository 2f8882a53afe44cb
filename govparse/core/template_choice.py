"""Which template a report follows, told from its tables, not from its year.

The two templates share most labels; what tells them apart is what only one of
them has: 2019's 本年新制作数量, 其他对外管理服务事项, 政府集中采购 or a （六）其他处理 row
with figures of its own; 2021's 本年制发件数, 行政规范性文件 or the three rows under
（六）其他处理. Each table is scored on its own, so a report that mixes the two is
seen as mixed.
"""

from __future__ import annotations

import functools

from govparse.core.logical_rows import LogicalRow
from govparse.template.spec import TEMPLATES, catalogue, label_key


def evidence(kind: str, rows: list[LogicalRow]) -> dict[str, int]:
    """For each template, how many labels only it knows, in the role they stand in:
    a label just before a run of figures must be a row of the template; any other may
    be a column's header or a parent label too."""
    only_it_knows = _only_one_knows(kind)
    found = dict.fromkeys(TEMPLATES, 0)
    for row in rows:
        leaf = row.labels[-1] if row.labels and row.has_figures else None
        for cell in row.labels:
            known = only_it_knows.get(label_key(cell.text))
            if known is not None:
                template = known[cell is leaf]
                if template is not None:
                    found[template] += 1
    return found


@functools.cache
def _only_one_knows(kind: str) -> dict[str, tuple[str | None, str | None]]:
    """For each label key some template knows: the one template that knows it as
    any label of the table (a row's, a column's header, a parent), and the one that
    knows it as a row's (None where both or neither do). Made once a table."""
    def knowing(key: str, as_row: bool) -> str | None:
        templates = [t for t in TEMPLATES if key in catalogue(t, kind).rows_by_key or not as_row
                     and (key in catalogue(t, kind).headers_by_key
                          or key in catalogue(t, kind).parents_by_key)]
        return templates[0] if len(templates) == 1 else None

    keys = {key for t in TEMPLATES for by in (catalogue(t, kind).rows_by_key,
                                              catalogue(t, kind).headers_by_key,
                                              catalogue(t, kind).parents_by_key) for key in by}
    return {key: (knowing(key, False), knowing(key, True)) for key in keys}


def template_for_year(year: int | None) -> str:
    """The template in force for a report year: 2019's for 2019 and 2020."""
    return "2019" if year is not None and year <= 2020 else "2021"
