"""The template's arithmetic, checked and explained (``govparse check``).

One rule a relation of the template (README: Checking the template's arithmetic),
each with a stable code:

- GP401 applications, every row: 总计 = the six applicant columns
- GP402 applications, every column: （七）总计 = the outcome rows
- GP403 applications, every column (the template's 勾稽关系):
        本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理
- GP404 review_litigation, every row: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结
- GP405 counts are whole numbers ≥ 0; GP406 a fee is ≥ 0 with at most four decimals

A missing figure is never taken as 0: a relation that needs it is not checkable
(GP407). ``infer_missing`` may fill a figure that is the only one missing from each
of its relations, when they all give the same whole number ≥ 0 and none of them
involves a figure that already fails a relation; the figure is marked inferred and a
GP408 diagnostic says so.
"""

from __future__ import annotations

import functools
import operator
from decimal import Decimal
from typing import Iterable, Sequence

import attrs

from govparse.diagnostics import CODES, Diagnostic, DiagnosticSink, FigureRef, Number
from govparse.model.report import TABLES, Figure, Report
from govparse.template.arithmetic import Ref, Relation, relations  # noqa: F401 (re-exported)
from govparse.template.spec import MONEY, SIGNED, column_kind, load_template


# ---------------------------------------------------------------- checking


def _total(values: Iterable[Number]) -> Number:
    return sum(values, 0)


def _at(figures: Sequence[FigureRef], prefer: Ref | None) -> dict:
    """Where a finding points (Diagnostic's line, column and location): its subject
    figure, else the first figure that has a place."""
    placed = [f for f in figures if _placed(f)]
    if not placed:
        return {}
    # (the subject where it has a place, else the first: without sorting them by that)
    fig = next((f for f in placed if (f.table, f.row, f.column) == prefer), placed[0])
    return {"line": fig.line, "column": fig.col, "location": fig.location}


def check_relation(report: Report, rel: Relation,
                   refs_made: dict[Ref, FigureRef] | None = None) -> Diagnostic | None:
    """The finding of a relation that does not hold, or None. ``refs_made``: the
    FigureRefs of the report's figures made so far (shared by its findings: a figure
    is in three relations, and a FigureRef is a fifth of a finding's making)."""
    values = rel.values(report)
    split = len(rel.left)
    if None not in values and sum(values[:split]) == sum(values[split:]):
        return None  # the common case, decided without building the finding
    figures = _figure_refs(report, rel, {} if refs_made is None else refs_made)
    table, row, column = rel.subject
    subject = rel.subject if row is not None else None
    missing = [f for f in figures if f.value is None]
    if missing:
        names = ", ".join(f.id for f in missing)
        return Diagnostic(
            "GP407", _severity("GP407"),
            f"not checkable: {rel.describe} needs {names}, which "
            f"{'is' if len(missing) == 1 else 'are'} missing",
            **_at(figures, subject), table_id=table, row_id=row, column_id=column, figures=figures,
        )
    left = _total(f.value for f in figures[:len(rel.left)])
    right = _total(f.value for f in figures[len(rel.left):])
    if rel.code == "GP403":
        message = (f"勾稽关系 fails for {_column_label(report, column)}: 本年新收 + 上年结转 = "
                   f"{left}, but 办理结果总计 + 结转下年度 = {right}")
        expected, actual = left, right
    else:
        message = f"{rel.describe}: the report says {left}, the figures add up to {right}"
        expected, actual = right, left
    return Diagnostic(rel.code, _severity(rel.code), message, **_at(figures, subject),
                      table_id=table, row_id=row, column_id=column,
                      expected=expected, actual=actual, figures=figures)


def _figure_refs(report: Report, rel: Relation, made: dict[Ref, FigureRef]
                 ) -> tuple[FigureRef, ...]:
    """A FigureRef for each figure of the relation, those of ``made`` taken from it
    (frozen: one serves every finding of the report that names its figure)."""
    figures = []
    for ref, fig in zip(rel.refs, rel.figures(report)):
        made_ref = made.get(ref)
        if made_ref is None:
            made_ref = made[ref] = FigureRef(*ref, fig.value, fig.line, fig.column,
                                             fig.location)
        figures.append(made_ref)
    return tuple(figures)


def check_values(report: Report, values: list[tuple] | None = None) -> list[Diagnostic]:
    """``values``: each table's (of TABLES) values, as _table_values gives them."""
    found = []
    for index, table in enumerate(TABLES):
        table_obj = getattr(report, table)
        if _plain_counts(values[index] if values is not None
                         else _table_values(type(table_obj))(table_obj)):
            continue  # the common case, a table at a time: counts only, each ≥ 0
        found.extend(_checked_rows(table, table_obj))
    return found


_PLAIN_TYPES = frozenset((int, type(None)))


def _plain_counts(values: tuple) -> bool:
    """Whether every value is a count (an int ≥ 0) or missing, asked in C-level calls:
    no value of another type, and the least of those that are not 0 or None ≥ 0."""
    return _PLAIN_TYPES.issuperset(map(type, values)) \
        and min(filter(None, values), default=0) >= 0


def _checked_rows(table: str, table_obj) -> list[Diagnostic]:
    """check_values of one table, a row at a time."""
    found = []
    for row_field in attrs.fields(type(table_obj)):
        row = row_field.name
        row_obj = getattr(table_obj, row)
        columns, values_of = _row_values(type(row_obj))
        for value in values_of(row_obj):
            if value is not None and (value.__class__ is not int or value < 0):
                break
        else:
            continue  # the common case, a row at a time: counts, whole amounts and changes
        for column in columns:
            fig = getattr(row_obj, column)
            value = fig.value
            if value is None or (value.__class__ is int and value >= 0):
                continue
            kind = column_kind(column)
            if kind == MONEY:
                exponent = value.as_tuple().exponent if isinstance(value, Decimal) else 0
                if value >= 0 and not (isinstance(exponent, int) and exponent < -4):
                    continue
                code, rule = "GP406", "a fee is an amount ≥ 0 in 万元 with at most four decimal places"
            elif kind == SIGNED:  # 本年增/减 (2019): only whole numbers are asked
                if value == int(value):
                    continue
                code, rule = "GP405", "a change in items is a whole number"
            elif value >= 0 and value == int(value):
                continue
            else:
                code, rule = "GP405", "a count is a whole number ≥ 0"
            ref = FigureRef(table, row, column, value, fig.line, fig.column, fig.location)
            found.append(Diagnostic(
                code, _severity(code), f"{ref.id} is {value}: {rule}", fig.line, fig.column,
                location=fig.location,
                table_id=table, row_id=row, column_id=column, actual=value, figures=(ref,)))
    return found


@functools.cache
def _table_cells(table_cls: type) -> tuple[tuple[str, str], ...]:
    """A table's (row, column) names, row after row: the order of _table_values."""
    return tuple((row.name, column) for row in attrs.fields(table_cls)
                 for column in _row_values(type(row.default))[0])


@functools.cache
def _table_values(table_cls: type) -> operator.attrgetter:
    """The values of a table's figures, every row's, in one C-level call (a tuple)."""
    # (every table has rows of several figures: attrgetter gives a tuple)
    return operator.attrgetter(*(f"{row}.{column}.value"
                                 for row, column in _table_cells(table_cls)))


def _table_places(table_cls: type) -> dict[tuple[str, str], int]:
    """Where each (row, column) of a table stands among _table_values' values."""
    return {cell: index for index, cell in enumerate(_table_cells(table_cls))}


@functools.cache
def _relation_checks(template: str, classes: tuple[type, ...]) -> tuple[tuple, ...]:
    """For each relation of the template: (relation, the index in TABLES of the one
    table it names, a getter of its values from that table's _table_values in one
    C-level call, how many of them are its left side); (relation, None, None, None)
    for one a table of ``classes`` does not hold (checked by check_relation alone)."""
    checks = []
    for rel in relations(template):
        names = {table for table, _, _ in rel.refs}
        table = TABLES.index(next(iter(names))) if len(names) == 1 else None
        places = _table_places(classes[table]) if table is not None else {}
        indices = [places.get((row, column)) for _, row, column in rel.refs]
        if table is None or None in indices:
            checks.append((rel, None, None, None))
        else:
            checks.append((rel, table, operator.itemgetter(*indices), len(rel.left)))
    return tuple(checks)


@functools.cache
def _row_values(row_cls: type) -> tuple[tuple[str, ...], operator.attrgetter]:
    """A row class's column names, and the values of a row's figures in one C-level
    call (a 1-column row's as a tuple too)."""
    columns = tuple(f.name for f in attrs.fields(row_cls))
    paths = [f"{c}.value" for c in columns]
    getter = operator.attrgetter(*paths)
    if len(paths) == 1:
        return columns, lambda row_obj: (getter(row_obj),)
    return columns, getter


def validate(report: Report, *, select: Sequence[str] = (), ignore: Sequence[str] = ()
             ) -> list[Diagnostic]:
    """Every relation of the template checked against the report, in source order.

    ``select`` and ``ignore`` take codes or code prefixes (``GP40``), as ruff does."""
    tables = [getattr(report, table) for table in TABLES]
    values = [_table_values(type(table_obj))(table_obj) for table_obj in tables]
    found = check_values(report, values)
    refs_made: dict[Ref, FigureRef] = {}
    checks = _relation_checks(report.table_template("applications"),
                              tuple(map(type, tables)))
    for rel, table, getter, split in checks:
        if getter is not None:  # the common case, decided without building the finding
            held = getter(values[table])
            if None not in held and sum(held[:split]) == sum(held[split:]):
                continue
        finding = check_relation(report, rel, refs_made)
        if finding is not None:
            found.append(finding)
    found = [d.with_path(report.path) for d in found if selected(d.code, select, ignore)]
    return sorted(found, key=lambda d: (d.line or 0, d.column or 0, d.code))


def selected(code: str, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> bool:
    if select and not any(code.startswith(s) for s in select):
        return False
    return not any(code.startswith(i) for i in ignore)


# ---------------------------------------------------------------- inference


def infer_missing(report: Report, sink: DiagnosticSink) -> Report:
    """Fill figures the arithmetic pins down; see the module docstring for when."""
    rels = relations(report.table_template("applications"))
    failing_refs = {ref for rel in rels if _fails(report, rel) for ref in rel.refs}
    candidates: dict[Ref, list[tuple[Relation, Number]]] = {}
    for rel in rels:
        values = {ref: report.figure(*ref).value for ref in rel.refs}
        missing = [ref for ref, value in values.items() if value is None]
        if len(missing) != 1:
            # not the one missing figure of this relation: this relation cannot
            # give it, so none of these is filled (README: Checking the arithmetic)
            for ref in missing:
                candidates.setdefault(ref, []).append((rel, None))
            continue
        (ref,) = missing
        implied = rel.implied(values, ref)
        others_fail = any(r in failing_refs for r in rel.refs if r != ref)
        candidates.setdefault(ref, []).append((rel, None if others_fail else implied))
    for ref, found in candidates.items():
        implied = {value for _, value in found}
        if len(implied) != 1 or None in implied:
            continue
        (value,) = implied
        if value < 0 or value != int(value):
            continue
        gap = report.figure(*ref)  # an empty cell keeps its place; an absent one has none
        anchor = gap if _placed(gap) else next(
            (report.figure(*r) for rel, _ in found for r in rel.refs
             if _placed(report.figure(*r))), None)
        report = report.replace_figure(*ref, Figure(value, gap.line, gap.column, inferred=True,
                                                    location=gap.location))
        codes = ", ".join(sorted({rel.code for rel, _ in found}))
        sink.add("GP408", f"{'.'.join(ref)} is missing; filled as {value}, which every "
                 f"relation that needs it gives ({codes})",
                 anchor.line if anchor else None, anchor.column if anchor else None,
                 location=anchor.location if anchor else None, table_id=ref[0], row_id=ref[1], column_id=ref[2], expected=value)
    return report


def _placed(figure: Figure | FigureRef) -> bool:
    """Whether a figure (or a finding's reference to one) has a place in the source to
    point at."""
    return figure.line is not None or figure.location is not None


def _fails(report: Report, rel: Relation) -> bool:
    finding = check_relation(report, rel)
    return finding is not None and finding.code != "GP407"


def _severity(code: str):
    return CODES[code].severity


def _column_label(report: Report, column_id: str | None) -> str:
    template = load_template(report.table_template("applications"))
    columns = template.table("applications").rows[0].columns
    return next((c.label for c in columns if c.id == column_id), column_id or "")
