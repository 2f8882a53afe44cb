"""The applications carried forward at the end of year N (四、结转下年度继续办理) are
those carried over at the start of year N+1 (二、上年结转政府信息公开申请数量), column
by column, for the same body: the one relation of the template between reports.

``check_years`` takes each report's two rows (``Carry``), groups the reports by body
(govparse.across.bodies) and year, and says every break (GP601), every year missing
between two reports (GP602), every year with two reports (GP603) and every report it
cannot place (GP604). A figure missing on either side is not compared: a break is
said only between two figures that were read."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, NamedTuple

from govparse.across.bodies import Bodies
from govparse.diagnostics import Diagnostic, FigureRef, Severity
from govparse.template.spec import load_template

TABLE, OVER, FORWARD = "applications", "carried_over", "carried_forward"


class Placed(NamedTuple):
    """A figure and where it stands."""

    value: object  # int, Decimal or None (missing)
    line: int | None = None
    col: int | None = None
    location: str | None = None  # a page's, PDF's or Word file's place, in words

    def where(self, path: str) -> str:
        if self.line is not None:
            return f"{path}:{self.line}:{self.col or 1}"
        return f"{path}: {self.location}" if self.location else path


class Carry(NamedTuple):
    """One report's rows that meet across years: its applications carried over from
    the year before and carried forward to the next, by column id."""

    path: str
    organization: str | None
    year: int | None
    carried_over: dict[str, Placed]
    carried_forward: dict[str, Placed]


class Tally(NamedTuple):
    reports: int
    bodies: int
    pairs: int  # consecutive years of one body compared
    compared: int  # columns compared (both figures read)
    not_comparable: int  # columns with a figure missing on one side
    breaks: int


def columns() -> list[tuple[str, str]]:
    """(column id, label) of the two rows, in the template's order."""
    row = load_template("2021").table(TABLE).row(OVER)
    return [(c.id, c.label) for c in row.columns]


def check_years(reports: Iterable[Carry], bodies: Bodies | None = None
                ) -> tuple[list[Diagnostic], Tally]:
    """Every finding across the reports' years, and what was compared."""
    bodies = bodies or Bodies()
    findings: list[Diagnostic] = []
    years: dict[str, dict[int, list[Carry]]] = defaultdict(lambda: defaultdict(list))
    count = 0
    for report in reports:
        count += 1
        if not report.organization or report.year is None:
            what = "organisation" if not report.organization else "year"
            findings.append(Diagnostic(
                "GP604", Severity.WARNING, f"the report has no {what}: it is left out of the "
                "checks across years", path=report.path,
                hint="--same-body cannot help here; a report's title names its body and year"))
            continue
        years[bodies.body(report.organization)][report.year].append(report)
    pairs = compared = missing = breaks = 0
    labels = dict(columns())
    for body in sorted(years):
        by_year = {year: _one_of(body, year, found, findings, labels)
                   for year, found in sorted(years[body].items())}
        ordered = sorted(by_year)
        for before, after in zip(ordered, ordered[1:]):
            if after != before + 1:
                first = by_year[before] or years[body][before][0]
                later = by_year[after] or years[body][after][0]
                gap = ", ".join(str(y) for y in range(before + 1, after))
                findings.append(Diagnostic(
                    "GP602", Severity.WARNING,
                    f"{body}: no report for {gap} between {before} ({first.path}) and {after}; "
                    f"the carry-over is not checked across the gap", path=later.path,
                    hint="a report of that year, if there is one, closes the gap"))
                continue
            earlier, later = by_year[before], by_year[after]
            if earlier is None or later is None:
                continue  # two reports for a year that differ: said (GP603)
            pairs += 1
            for column, label in labels.items():
                forward = earlier.carried_forward.get(column, Placed(None))
                over = later.carried_over.get(column, Placed(None))
                if forward.value is None or over.value is None:
                    missing += 1
                    continue
                compared += 1
                if forward.value != over.value:
                    breaks += 1
                    findings.append(_break(body, column, label, earlier, forward, later, over))
    return findings, Tally(count, len(years), pairs, compared, missing, breaks)


def _one_of(body: str, year: int, found: list[Carry], findings: list[Diagnostic],
            labels: dict[str, str]) -> Carry | None:
    """The report of a body's year: the one there is, or of several the first when
    their two rows agree figure for figure (the same report twice, as a page and as
    a PDF); None when they differ (neither can be trusted over the other)."""
    if len(found) == 1:
        return found[0]
    first = found[0]
    agree = all(_values(r.carried_over) == _values(first.carried_over)
                and _values(r.carried_forward) == _values(first.carried_forward)
                for r in found[1:])
    others = ", ".join(r.path for r in found[1:])
    findings.append(Diagnostic(
        "GP603", Severity.WARNING,
        f"{body}: {len(found)} reports for {year} ({first.path}, {others}); "
        + ("their carried-over and carried-forward rows agree, so they are checked once"
           if agree else "their carried-over or carried-forward rows differ, so neither is "
           "checked against the years around it"),
        path=first.path,
        hint=None if agree else "keep one report a body and year, or tell two bodies apart "
                                "with --same-body"))
    return first if agree else None


def _values(row: dict[str, Placed]) -> dict[str, object]:
    return {column: placed.value for column, placed in row.items()}


def _break(body: str, column: str, label: str, earlier: Carry, forward: Placed, later: Carry,
           over: Placed) -> Diagnostic:
    return Diagnostic(
        "GP601", Severity.ERROR,
        f"{body}, {label}: {forward.value} carried forward at the end of {earlier.year} "
        f"({forward.where(earlier.path)}), {over.value} carried over at the start of "
        f"{later.year}",
        line=over.line, column=over.col, path=later.path,
        hint=f"四、结转下年度继续办理 of {earlier.year} is 二、上年结转政府信息公开申请数量 of "
             f"{later.year}, column by column",
        table_id=TABLE, row_id=OVER, column_id=column, expected=forward.value,
        actual=over.value,
        figures=(FigureRef(TABLE, FORWARD, column, forward.value, forward.line, forward.col),
                 FigureRef(TABLE, OVER, column, over.value, over.line, over.col)))
