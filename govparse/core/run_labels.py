"""Which row of the template a run of figures belongs to, in run-together text: the
row whose label the text before the run ends with (a header or a parent label may
have run into it: ``…法律服务机构其他一、本年新收政府信息公开申请数量``).

A label is looked for as the template writes it (numbering and remark), without its
remark (（二）部分公开), and without its numbering where the words alone say the row
(本年新收政府信息公开申请数量; a short word such as 其他 or 总计 says a row only with its
numbering, 3.其他, （七）总计). The longest that ends the text wins. The review table,
one row of fifteen figures under its header, is found by position: a run after text
that ends in no row label of it holds all its rows.
"""

from __future__ import annotations

import functools

from govparse.template.spec import (TEMPLATES, RowSpec, label_key, load_template,
                                    normalize_label)

_SHORT = 4  # a label's words shorter than this say a row only with its numbering


@functools.cache
def _endings(template: str, kind: str) -> tuple[tuple[str, RowSpec], ...]:
    """(normalized ending, row) for every way a row's label may end a text, longest
    first."""
    endings: dict[str, RowSpec] = {}
    for row in load_template(template).table(kind).rows:
        written = normalize_label(row.label)
        key = label_key(row.label)
        forms = {written, written[:written.index(key) + len(key)] if key in written else written}
        if len(key) >= _SHORT or key == written:
            forms.add(key)
        for form in forms:
            endings.setdefault(form, row)
    return tuple(sorted(endings.items(), key=lambda item: -len(item[0])))


def row_ending(template: str, kind: str, text: str) -> RowSpec | None:
    """The row whose label ``text`` ends with, if any."""
    found = _ending(template, kind, text)
    return found[1] if found else None


def _ending(template: str, kind: str, text: str) -> tuple[str, RowSpec] | None:
    tail = normalize_label(text[-200:])  # no label is longer
    for ending, row in _endings(template, kind):
        if tail.endswith(ending):
            return ending, row
    return None


def rows_after(template: str, kind: str, text: str) -> tuple[RowSpec, ...]:
    """The rows whose figures a run after ``text`` holds: the row it names, or, in
    the review table, all its rows after its header."""
    row = row_ending(template, kind, text)
    if row is not None:
        return (row,)
    table = load_template(template).table(kind)
    if table.positional and text.strip():
        return table.rows
    return ()


def evidence(kind: str, labels: list[str]) -> dict[str, int]:
    """For each template, how many of the texts before runs end in a label of it
    longer than any other template's (行政规范性文件 is 2021's, though it ends in
    2019's 规范性文件)."""
    scores = dict.fromkeys(TEMPLATES, 0)
    for text in labels:
        lengths = {t: len(found[0]) if (found := _ending(t, kind, text)) else 0
                   for t in TEMPLATES}
        best = max(lengths.values())
        winners = [t for t, n in lengths.items() if n == best]
        if best and len(winners) == 1:
            scores[winners[0]] += 1
    return scores
