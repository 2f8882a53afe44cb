"""A table of run-together text read: each run of figures found its row by the label
before it (run_labels.py), split into the row's cells (run_split.py), and the table
solved as one (run_solve.py), so that every relation of the template holds.

A run whose split is the same in every solution is read, its figures marked
``recovered``, with a note (GP317) naming the run and what decided it. A run with
two splits or more stays unread, with its candidates (GP318); one with none, too
(GP319). Never a guess: when no split of the table satisfies the relations between
rows, each run is read only where its own row's relations leave it one split, and
the table says so (GP319); when a row's digits split but never so that its own
relations hold, the table's figures do not add up, and a run that only the relations
split one way stays unread too (GP318).
"""

from __future__ import annotations

from govparse.core.run_labels import rows_after
from govparse.core.run_solve import solve
from govparse.core.run_split import MONEY, Budget, Piece, TooMany, splits, tokens_of
from govparse.diagnostics import DiagnosticSink, FigureRef
from govparse.document import column_of, line_of
from govparse.model.report import Figure
from govparse.template.arithmetic import relations
from govparse.template.spec import column_kind, load_template

SHOWN = 4  # candidate splits a diagnostic lists
LIMIT = 64  # splits of a run, or solutions of a table, looked at (more: too many)
TABLE_STEPS = 20000  # steps of the search a table's runs share (more: too many)
WHY = {
    "GP401": "each row's 总计 = its six applicant columns",
    "GP402": "（七）总计 = the outcome rows, column by column",
    "GP403": "本年新收 + 上年结转 = （七）总计 + 结转下年度, column by column",
    "GP404": "each 总计 = its four outcomes",
}
_HINT = ("run-together text keeps no separators between cells: compare the figures "
         "with the source page")


class Run:
    """A run of figures and the cells of the template it holds."""

    __slots__ = ("label", "cell", "refs", "kinds", "local", "codes", "options", "exceeded")

    def __init__(self, label, cell, refs: list[tuple[str, str]]) -> None:
        self.label = label  # the Document cell of the text before the run
        self.cell = cell  # the Document cell of the run
        self.refs = refs  # (row id, column id) of each cell, in order
        self.kinds = tuple(MONEY if column_kind(c) == MONEY else "count" for _, c in refs)
        self.local: list = []  # relations among its own cells: ((cell, coefficient), …)
        self.codes: set[str] = set()  # and their codes (GP401, GP404)
        self.options: list[tuple[Piece, ...]] = []  # its splits, its own relations holding
        self.exceeded = False  # more splits than LIMIT (or the search's bound)

    @property
    def text(self) -> str:
        return self.cell.text

    def where(self) -> str:
        label = self.label.text[-24:] if self.label.text else ""
        run = shortened(self.text)
        return f"the run '{run}' after '{label}'" if label else f"the run '{run}'"


def shortened(text: str, most: int = 40) -> str:
    """A run as a message shows it: a long one cut in the middle."""
    return text if len(text) <= most else f"{text[:most // 2]}…{text[-most // 2:]}"


def read_runs(rows, template: str, kind: str, sink: DiagnosticSink, heading_line: int | None
              ) -> dict[tuple[str, str], Figure]:
    """The figures of a run-together table (``rows``: (label, run) cell pairs)."""
    runs = _runs_of(rows, template, kind, sink, heading_line)
    cross = _relations(runs, template, kind)
    budget = Budget(TABLE_STEPS)
    for run in runs:
        try:
            run.options = splits(run.text, run.kinds, tuple(run.local), limit=LIMIT,
                                 shared=budget)
        except TooMany:
            run.exceeded = True
    chosen = _solve(runs, cross, sink)
    breaking = _breaking(runs)
    figures: dict[tuple[str, str], Figure] = {}
    for index, run in enumerate(runs):
        options = chosen.get(index, range(len(run.options)))
        if run.exceeded or len(options) > 1:
            _ambiguous(run, [run.options[i] for i in options], kind, sink)
        elif not options:
            _unsplittable(run, kind, sink)
        elif breaking is not None and not _one_way_by_digits(run):
            _undecided(run, run.options[options[0]], breaking, kind, sink)
        else:
            (option,) = options
            _read(run, run.options[option], kind, sink, figures,
                  _reasons(run, cross if index in chosen and len(run.options) > 1 else ()))
    return figures


# ---------------------------------------------------------------- runs and relations


def _runs_of(rows, template: str, kind: str, sink: DiagnosticSink, heading_line):
    table = load_template(template).table(kind)
    runs: list[Run] = []
    seen: set[str] = set()
    again: dict[str, list] = {}  # a row's runs after its first, said once
    run_of: dict[str, Run] = {}  # the run each row was read from, by row id
    repeats: dict[str, list[Run]] = {}  # for each label in ``again``, the runs it repeats
    carried = ""
    for label, run in rows:
        text = carried + label.text
        found = rows_after(template, kind, text)
        if not found and not any(c.isdigit() for c in run.text):
            carried = text + run.text  # a mark in a header (本年增/减), not a run
            continue
        carried = ""
        if not found:
            sink.add("GP204", f"figures '{shortened(run.text)}' follow '{text[-24:]}', which "
                     "names no row "
                     "of this table; they are not read", line_of(run.location),
                     column_of(run.location), length=len(run.text))
            continue
        if any(r.id in seen for r in found):
            again.setdefault(found[0].label, []).append(run)
            # (the runs that read its rows first: one run may read several, 行政诉讼)
            earlier = repeats.setdefault(found[0].label, [])
            earlier.extend(run_of[r.id] for r in found
                           if r.id in seen and run_of[r.id] not in earlier)
            continue
        seen.update(r.id for r in found)
        runs.append(Run(label, run, [(r.id, c.id) for r in found for c in r.columns]))
        run_of.update((r.id, runs[-1]) for r in found)
    for label, repeated in again.items():
        first = repeated[0]
        times = f" ({len(repeated)} times)" if len(repeated) > 1 else ""
        earlier = repeats[label]
        kept = earlier[0]
        if len(earlier) == 1 and all(r.text == kept.cell.text for r in repeated):
            sink.add("GP206", f"row '{label}' appears again{times}; the first is kept, the run "
                     f"'{shortened(first.text)}' and any after it are not read",
                     line_of(first.location), column_of(first.location), length=len(first.text))
            continue
        # Other figures after the same label (the row's name in a sentence before the
        # table: 本年办理行政许可1宗): which run is the row's cannot be told.
        runs[:] = [r for r in runs if r not in earlier]  # (two labels may repeat one run)
        refs = [ref for r in earlier for ref in r.refs]
        sink.add("GP206", f"row '{label}' appears again{times} with other figures "
                 f"('{shortened(kept.cell.text)}', then '{shortened(first.text)}'): which are "
                 "the row's cannot be told, so none of them is read",
                 line_of(kept.cell.location), column_of(kept.cell.location),
                 length=len(kept.cell.text), table_id=kind, row_id=refs[0][0],
                 figures=tuple(FigureRef(kind, row, column, None) for row, column in refs))
    for spec in table.rows:
        if spec.id not in seen:
            sink.add("GP205", f"row '{' / '.join(spec.path)}' is not in the table; its figures "
                     "are missing", heading_line, 1, table_id=kind, row_id=spec.id)
    return runs


def _relations(runs: list[Run], template: str, kind: str):
    """The template's relations of this table as terms of the runs: those inside one
    run go to it (``Run.local``), the others are returned ((run, cell, ±1), …), with
    their codes. A relation with a cell in no run is left out."""
    place = {ref: (r, c) for r, run in enumerate(runs) for c, ref in enumerate(run.refs)}
    cross = []
    for relation in relations(template):
        if relation.subject[0] != kind:
            continue
        sides = [(ref, 1) for ref in relation.left] + [(ref, -1) for ref in relation.right]
        if any(ref[1:] not in place for ref, _ in sides):
            continue
        terms = tuple((*place[ref[1:]], sign) for ref, sign in sides)
        owners = {run for run, _, _ in terms}
        if len(owners) == 1:
            runs[terms[0][0]].local.append(tuple((cell, sign) for _, cell, sign in terms))
            runs[terms[0][0]].codes.add(relation.code)
        else:
            cross.append((relation.code, terms))
    return cross


def _solve(runs: list[Run], cross, sink: DiagnosticSink) -> dict[int, list[int]]:
    """For each run in a relation between runs, the indices of its splits that some
    solution of the whole table uses (runs that split in no way or in too many are
    left out, and their relations with them)."""
    usable = [i for i, run in enumerate(runs) if run.options and not run.exceeded]
    position = {run: n for n, run in enumerate(usable)}
    relations = [tuple((position[r], c, s) for r, c, s in terms) for _, terms in cross
                 if all(r in position for r, _, _ in terms)]
    if not relations:
        return {}
    involved = sorted({usable[r] for relation in relations for r, _, _ in relation})
    domains = [[tuple(p.value for p in option) for option in runs[i].options] for i in usable]
    solutions, complete = solve(domains, relations, limit=LIMIT)
    if not complete:
        return {}  # too many solutions to say: each run as its own row's relations say
    if not solutions:
        first = runs[involved[0]]
        sink.add("GP319", "no split of the table's runs makes the totals between rows add up "
                 f"({'; '.join(sorted({WHY[code] for code, _ in cross}))}); each run is read "
                 "only where its own row's relations leave it one split",
                 line_of(first.cell.location), column_of(first.cell.location),
                 length=len(first.text), hint=_HINT)
        return {}
    return {i: sorted({s[position[i]] for s in solutions}) for i in involved}


def _breaking(runs: list[Run]) -> Run | None:
    """The first run whose digits split into its row's cells but in no way that keeps
    its row's relations (its 总计 is not the sum of its parts): the report's own
    arithmetic does not hold in this table, so the relations cannot tell another run's
    split either (a wrong split may add up by chance where the right one does not)."""
    for run in runs:
        if run.local and not run.options and not run.exceeded and _splits_by_digits(run, 1):
            return run
    return None


def _one_way_by_digits(run: Run) -> bool:
    """Whether the digits alone split the run one way, no relation needed."""
    return _splits_by_digits(run, 2) == 1


def _splits_by_digits(run: Run, most: int) -> int:
    """How many ways the digits alone split the run, counted up to ``most``."""
    try:
        return len(splits(run.text, run.kinds, limit=most))
    except TooMany:
        return most


def _reasons(run: Run, cross) -> str:
    codes = {code for code, _ in cross} | run.codes
    if not codes:
        return "the digits alone (no number but 0 starts with 0)"
    return "; ".join(f"{code}: {WHY[code]}" for code in sorted(codes))


# ---------------------------------------------------------------- what is said


def _read(run: Run, option: tuple[Piece, ...], kind: str, sink: DiagnosticSink,
          figures: dict, reasons: str) -> None:
    line, column = line_of(run.cell.location), column_of(run.cell.location)
    split = len(option) > 1 or len(tokens_of(run.text) or ()) > 1
    for (row, col), piece in zip(run.refs, option):
        at_column = column + piece.start if column is not None else None
        if piece.value is None:
            sink.add("GP304", f"'{piece.text}' in {run.where()} is a mark, not a figure; "
                     "taken as missing", line, at_column, length=len(piece.text),
                     table_id=kind, row_id=row, column_id=col)
            continue
        figures[(row, col)] = Figure(piece.value, line, at_column, unit=piece.unit,
                                     recovered=split)
    if split:
        sink.add("GP317", f"{run.where()} splits one way only: {_shown(option)}; decided by "
                 f"{reasons}", line, column, length=len(run.text), hint=_HINT,
                 table_id=kind, row_id=run.refs[0][0],
                 figures=_refs(run, kind, option))


def _ambiguous(run: Run, options: list[tuple[Piece, ...]], kind: str,
               sink: DiagnosticSink) -> None:
    many = "more ways than the search looks at" if run.exceeded else f"{len(options)} ways"
    listed = "; ".join(_shown(o) for o in options[:SHOWN])
    shown = f" ({listed}{', …' if len(options) > SHOWN else ''})" if listed else ""
    sink.add("GP318", f"{run.where()} splits in {many} that the template allows{shown}; "
             "its figures are not read", line_of(run.cell.location),
             column_of(run.cell.location), length=len(run.text), hint=_HINT, table_id=kind,
             row_id=run.refs[0][0], figures=_refs(run, kind))


def _undecided(run: Run, option: tuple[Piece, ...], breaking: Run, kind: str,
               sink: DiagnosticSink) -> None:
    sink.add("GP318", f"{run.where()} splits one way only by the template's relations "
             f"({_shown(option)}), but {breaking.where()} does not keep them: this "
             "table's figures do not add up, so they cannot tell the split; its figures "
             "are not read", line_of(run.cell.location), column_of(run.cell.location),
             length=len(run.text), hint=_HINT, table_id=kind, row_id=run.refs[0][0],
             figures=_refs(run, kind))


def _unsplittable(run: Run, kind: str, sink: DiagnosticSink) -> None:
    rule = f" with {_reasons(run, ())}" if run.local else ""
    sink.add("GP319", f"{run.where()} cannot be the {len(run.refs)} figures of its row"
             f"{rule}; its figures are not read", line_of(run.cell.location),
             column_of(run.cell.location), length=len(run.text),
             hint="a cell left empty leaves no trace in run-together text", table_id=kind,
             row_id=run.refs[0][0], figures=_refs(run, kind))


def _shown(option: tuple[Piece, ...]) -> str:
    return " | ".join(p.text for p in option)


def _refs(run: Run, kind: str, option: tuple[Piece, ...] | None = None) -> tuple:
    line = line_of(run.cell.location)
    return tuple(FigureRef(kind, row, col, option[i].value if option else None, line)
                 for i, (row, col) in enumerate(run.refs))
