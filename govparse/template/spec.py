"""The national template as data: tables, rows, columns and their official labels.

Read from the template TSV files shipped in ``govparse/template/data`` (the project's public
data contract); nothing about the template's labels is written twice in code.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from typing import NamedTuple


# (os.path, not pathlib: pathlib's import is a few ms of every cold start)
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
TEMPLATE_FILES = {"2021": "template-2021.tsv", "2019": "template-2019.tsv"}
TEMPLATES = tuple(TEMPLATE_FILES)  # ("2021", "2019")

# Header words of the template that are not row or column labels.
EXTRA_HEADER_LABELS = {
    "active_disclosure": ("信息内容",),
    "applications": (
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "申请人情况",
        "法人或其他组织",
    ),
    "review_litigation": (),
}

# A header cell over some of a table's columns (written on a line of its own above
# them, between the columns it does not cover): its label and the ids of its columns.
COLUMN_GROUPS = {
    "applications": ("法人或其他组织", ("commercial_enterprise", "research_institution",
                                  "social_welfare_org", "legal_service_org", "other_org")),
}

TABLE_ORDER = ("active_disclosure", "applications", "review_litigation")


COUNT, MONEY, SIGNED = "count", "money", "signed"  # what a column's figures are


class ColumnSpec(NamedTuple):
    id: str
    label: str
    kind: str = COUNT  # COUNT, MONEY or SIGNED (data/columns.tsv)


class RowSpec(NamedTuple):
    table: str
    id: str
    path: tuple[str, ...]  # official labels, outermost first; the last is the row's own
    columns: tuple[ColumnSpec, ...]

    @property
    def label(self) -> str:
        return self.path[-1]


class TableSpec(NamedTuple):
    id: str
    rows: tuple[RowSpec, ...]
    # The review table is written as one wide row of 15 figures under a two-level
    # header, so its rows are found by position, not by label.
    positional: bool

    @property
    def slots(self) -> tuple[tuple[RowSpec, ColumnSpec], ...]:
        return tuple((row, col) for row in self.rows for col in row.columns)

    def row(self, row_id: str) -> RowSpec:
        return next(r for r in self.rows if r.id == row_id)


class TemplateSpec(NamedTuple):
    name: str
    tables: tuple[TableSpec, ...]

    def table(self, table_id: str) -> TableSpec:
        return next(t for t in self.tables if t.id == table_id)

    def figure_ids(self) -> tuple[tuple[str, str, str], ...]:
        return tuple((t.id, r.id, c.id) for t in self.tables for r, c in t.slots)


@functools.cache
def _columns_data() -> tuple[dict[str, str], dict[str, str]]:
    """data/columns.tsv: the column sets (name -> "id=label;…") and the column kinds
    (id -> MONEY or SIGNED; any other column holds counts)."""
    sets: dict[str, str] = {}
    kinds: dict[str, str] = {}
    with open(os.path.join(DATA, "columns.tsv"), encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            what, name, value = line.rstrip("\n").split("\t")
            (sets if what == "set" else kinds)[name] = value
    return sets, kinds


def column_kind(column_id: str) -> str:
    """What a column's figures are: COUNT, MONEY or SIGNED."""
    return _columns_data()[1].get(column_id, COUNT)


def columns_of(kind: str) -> frozenset[str]:
    """The ids of the columns whose figures are of ``kind`` (MONEY or SIGNED)."""
    return frozenset(i for i, k in _columns_data()[1].items() if k == kind)


@functools.cache  # (rows of one column set share one tuple: the reader keys on its id)
def _parse_columns(text: str) -> tuple[ColumnSpec, ...]:
    columns = []
    for part in _columns_data()[0].get(text, text).split(";"):
        column_id, label = part.split("=", 1)
        columns.append(ColumnSpec(column_id, label, column_kind(column_id)))
    return tuple(columns)


@functools.cache
def load_template(name: str = "2021") -> TemplateSpec:
    with open(os.path.join(DATA, TEMPLATE_FILES[name]), encoding="utf-8") as handle:
        text = handle.read()
    rows: dict[str, list[RowSpec]] = {t: [] for t in TABLE_ORDER}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        table, row, label, columns = line.split("\t")
        path = tuple(part.strip() for part in label.split(" / "))
        rows[table].append(RowSpec(table, row, path, _parse_columns(columns)))
    return TemplateSpec(
        name,
        tuple(TableSpec(t, tuple(rows[t]), positional=(t == "review_litigation")) for t in TABLE_ORDER),
    )


# ---------------------------------------------------------------- label keys

_CJK_NUMERALS = frozenset("一二三四五六七八九十")


def _is_numeral(char: str) -> bool:
    return char in _CJK_NUMERALS or char.isdecimal()


def _run_end(text: str, start: int, accepts) -> int:
    end = start
    while end < len(text) and accepts(text[end]):
        end += 1
    return end


def numbering_length(text: str) -> int:
    """How many characters at the start of a normalized label are the template's
    numbering (一、 (一) (1) 1. 1、 1)); 0 when it has none.

    (A loop, not a regular expression: a class of the ten CJK numerals compiles
    into a table of all 65,536 characters, about 1 ms of every cold start.
    tests/test_start_up.py holds the two equal.)"""
    if text.startswith("("):  # (一) (1)
        end = _run_end(text, 1, _is_numeral)
        return end + 1 if end > 1 and text.startswith(")", end) else 0
    end = _run_end(text, 0, _CJK_NUMERALS.__contains__)  # 一、
    if end:
        return end + 1 if text.startswith(("、", ".", ","), end) else 0
    end = _run_end(text, 0, str.isdecimal)  # 1. 1、 1)
    return end + 1 if end and text.startswith((".", "、", ")"), end) else 0


_QUOTES = str.maketrans("", "", "\"'“”‘’「」")


@functools.lru_cache(maxsize=4096)
def normalize_label(text: str) -> str:
    """Fold the ways reports write a label: full-width forms, spaces, quotes."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", text).translate(_QUOTES)


def is_numbered(text: str) -> bool:
    """Whether a label carries the template's numbering (一、 （三） 1.): row labels do,
    column headers do not, which tells 3.其他 (a row) from 其他 (a column)."""
    return numbering_length(normalize_label(text)) > 0


@functools.lru_cache(maxsize=4096)
def label_key(text: str) -> str:
    """The key a label is looked up by: normalized, without its numbering
    ("（三）", "1.") and without a trailing remark in brackets, so that
    "(二) 部分公开 (区分处理的, …)" and "（二）部分公开" meet."""
    text = normalize_label(text)
    if text.startswith("(本列数据"):
        return "(本列数据)"
    text = text[numbering_length(text):]
    if text.endswith(")"):
        opening = text.find("(", 1)  # a remark in brackets closes the label
        if opening > 0:
            return text[:opening]
    return text


class LabelCatalogue:
    """What each label of one table can mean. (A plain class: a NamedTuple is slower
    to define at start-up.)"""

    __slots__ = ("table", "rows_by_key", "parents_by_key", "headers_by_key", "labels_by_key")

    def __init__(self, table: TableSpec, rows_by_key: dict[str, RowSpec],
                 parents_by_key: dict[str, str], headers_by_key: dict[str, str],
                 labels_by_key: dict[str, str]) -> None:
        self.table = table
        self.rows_by_key = rows_by_key
        self.parents_by_key = parents_by_key  # key -> official label
        self.headers_by_key = headers_by_key  # key -> official label
        self.labels_by_key = labels_by_key  # all three together: key -> official label

    @classmethod
    def for_table(cls, table: TableSpec) -> LabelCatalogue:
        rows, parents, headers = {}, {}, {}
        for row in table.rows:
            rows.setdefault(label_key(row.label), row)
            for parent in row.path[:-1]:
                parents.setdefault(label_key(parent), parent)
            for col in row.columns:
                headers.setdefault(label_key(col.label), col.label)
        for label in EXTRA_HEADER_LABELS[table.id]:
            headers.setdefault(label_key(label), label)
        if table.positional:
            # The review table's row labels stand in its header.
            for row in table.rows:
                for part in row.path:
                    headers.setdefault(label_key(part), part)
            parents = {}
        labels = {k: r.label for k, r in rows.items()} | parents | headers
        return cls(table, rows, parents, headers, labels)

    def suggest(self, key: str, among: dict[str, str] | None = None) -> list[str]:
        """Official labels close to an unknown key, best first."""
        among = self.labels_by_key if among is None else among
        scored = _ranked(key, among)
        if not scored or scored[0][0] < 0.6:
            return []
        # Only the candidates about as close as the best: the others mislead.
        return [among[k] for ratio, k in scored[:3] if ratio >= scored[0][0] - 0.05]

    def close_row(self, key: str) -> RowSpec | None:
        """The one row label clearly meant by a misspelt key, if there is one."""
        scored = _ranked(key, self.rows_by_key)
        if not scored or scored[0][0] < 0.75:
            return None
        if len(scored) > 1 and scored[1][0] >= scored[0][0] - 0.1:
            return None  # two rows are about as close: the meaning is not clear
        return self.rows_by_key[scored[0][1]]


# No caller looks at a candidate less similar than this (suggest() wants the best at
# 0.6 and its rivals within 0.05; close_row() the best at 0.75 and rivals within 0.1).
_RELEVANT = 0.5


def _ranked(key: str, candidates) -> list[tuple[float, str]]:
    """The candidates at least _RELEVANT similar to key, best first."""
    return _ranked_among(key, tuple(candidates))


@functools.lru_cache(maxsize=4096)  # the same misspelt labels come back report after report
def _ranked_among(key: str, candidates: tuple[str, ...]) -> list[tuple[float, str]]:
    import difflib  # only a report with an unknown label needs it

    matcher = difflib.SequenceMatcher(b=key)
    scored = []
    for candidate in candidates:
        matcher.set_seq1(candidate)
        ratio = ratio_at_least(matcher, _RELEVANT)
        if ratio is not None:
            scored.append((ratio, candidate))
    return sorted(scored, key=lambda s: (-s[0], s[1]))


def ratio_at_least(matcher, floor: float) -> float | None:
    """A difflib matcher's ratio() if it is at least ``floor``, else None: its cheap
    upper bounds are tried first, as difflib.get_close_matches does."""
    if matcher.real_quick_ratio() >= floor and matcher.quick_ratio() >= floor:
        ratio = matcher.ratio()
        if ratio >= floor:
            return ratio
    return None


@functools.cache
def catalogue(template: str, table: str) -> LabelCatalogue:
    return LabelCatalogue.for_table(load_template(template).table(table))


@functools.cache
def every_table_label() -> tuple[frozenset[str], frozenset[str]]:
    """The keys of the column headers of every table of both templates, and of all
    their labels (rows, their groups, the headers): what a front-end that knows no
    table yet can tell a label by. Made when first asked."""
    from govparse.template.sections import TABLE_SECTIONS

    tables = [catalogue(template, kind) for template in TEMPLATES for kind in TABLE_SECTIONS]
    return (frozenset(key for cat in tables for key in cat.headers_by_key),
            frozenset(key for cat in tables for key in cat.labels_by_key))
