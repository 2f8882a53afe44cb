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
        # 3、其他 for 3.其他: a numbering written with the other mark
        forms |= {form.replace(".", "、", 1) for form in forms if form[:1].isdecimal()}
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
    """For each template, how many of its labels (rows' and columns') that the other
    template lacks stand in the text before the runs (本年制发件数 is 2021's,
    本年新制作数量 2019's)."""
    text = normalize_label("".join(labels))
    return {t: sum(label in text for label in _own_labels(t, kind)) for t in TEMPLATES}


@functools.cache
def _own_labels(template: str, kind: str) -> frozenset[str]:
    """The normalized labels of a table only this template has."""
    def labels(name: str) -> set[str]:
        found = set()
        for row in load_template(name).table(kind).rows:
            found.add(normalize_label(row.label))
            found.update(normalize_label(c.label) for c in row.columns)
        return found

    others = set().union(*(labels(t) for t in TEMPLATES if t != template))
    return frozenset(label for label in labels(template)
                     if not any(label in other for other in others))
