"""Digits parted by a blank in one cell, read as one number where the template's
arithmetic confirms it.

A number wrapped in its cell (a narrow column of a Word table: 2032 written 203 / 2)
comes out of a PDF or a page as one cell with its lines apart, ``203 2``; a number
written with a blank in it (``1 234``) looks the same. Alone the cell cannot say
which number it is (two figures? one wrapped?), so the table reader places it as a
missing figure (GP313). Read here as the digits joined, 2032, only where every
relation of the template's arithmetic that names the figure, and has all its other
figures, gives exactly that number, and one at least does (GP325, a warning: strict
mode refuses it). The digits come from the source and the arithmetic agrees with
them: two readings that would have to be wrong together. Elsewhere the figure stays
missing, with its GP313.

Each figure confirmed may let the arithmetic confirm another (a total over two
wrapped parts): the pass repeats until nothing more is confirmed.
"""

from __future__ import annotations

from govparse.core.cells import joined_digits
from govparse.diagnostics import DiagnosticSink
from govparse.model.report import Figure, Report


def confirm_parted(report: Report, parted: dict, sink: DiagnosticSink) -> Report:
    """The report with each parted cell's figure read where the arithmetic confirms
    it. ``parted``: (line, column, location) -> (cell, its GP313 diagnostic), as the
    table readers placed them."""
    from govparse.template.arithmetic import relations  # (only a report with such a cell)

    rels = relations(report.table_template("applications"))
    pending = {}
    for table, row, column, figure in report.table_figures():
        key = (figure.line, figure.column, figure.location)
        if figure.value is None and key in parted:
            pending[table, row, column] = parted[key]
    confirmed = True
    while pending and confirmed:
        confirmed = False
        for ref, (cell, noted) in list(pending.items()):
            joined = joined_digits(cell.text)
            if joined is None or not any(ch.isspace() for ch in cell.text):
                # (a number cut before its decimals, 795 .22, or at its separator: no
                # digits to join; a number of a row whose cells wrap at their
                # separators, 128: maybe a first part, no digits parted)
                continue
            implied = _implied(report, ref, rels)
            if not implied or any(value != joined for _, value in implied):
                continue
            figure = report.figure(*ref)
            report = report.replace_figure(*ref, Figure(joined, figure.line, figure.column,
                                                        location=figure.location,
                                                        recovered=True))
            del pending[ref]
            confirmed = True
            if noted in sink.items:
                sink.items.remove(noted)  # (its figure is no longer missing)
            codes = ", ".join(sorted({rel.code for rel, _ in implied}))
            written = " ".join(cell.text.split())
            sink.add("GP325", f"'{written}' (digits parted by a blank: a number wrapped in "
                     f"its cell?) read as {joined}, which every relation of the template's "
                     f"arithmetic about {'.'.join(ref)} gives ({codes})", at=cell,
                     length=len(cell.text), hint="check the figure against the source: "
                     "the digits are read in their order, the number by the arithmetic",
                     table_id=ref[0], row_id=ref[1], column_id=ref[2])
    return report


def _implied(report: Report, ref, rels) -> list:
    """(relation, the value it gives the figure) for each relation that names the
    figure and has every other figure of it."""
    found = []
    for rel in rels:
        if ref not in rel.refs:
            continue
        values = {r: report.figure(*r).value for r in rel.refs if r != ref}
        if None not in values.values():
            found.append((rel, rel.implied(values, ref)))
    return found
