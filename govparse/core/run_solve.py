"""A table of runs solved as one constraint problem: which splits of its runs (each
already consistent with its own row's relations, govparse.core.run_split) satisfy the
relations between rows too (（七）总计 = the outcome rows; 新收 + 上年结转 = （七）总计 +
结转下年度).

Backtracking over the runs, the one with fewest splits left first; when a relation
has one run left unassigned, that run's splits are narrowed to those that complete
it (forward checking), so a table whose rows mostly split one way is solved at
once; when several are left, the least and the most they can still add must reach
what the relation needs (what each split adds to each relation is worked out once).
Bounded: past ``limit`` solutions or ``budget`` steps it stops and says the
enumeration is incomplete. Pure functions, no govparse imports.
"""

from __future__ import annotations

# (run, cell, coefficient ±1): the terms of a relation sum to 0
Term = tuple[int, int, int]


def solve(domains: list[list[tuple]], relations: list[tuple[Term, ...]], *,
          limit: int = 64, budget: int = 50000) -> tuple[list[tuple[int, ...]], bool]:
    """The solutions (for each run, the index of its split in ``domains[run]``, a split
    being a tuple of cell values, None for no figure) and whether they are all of
    them. A relation with a cell holding no figure is not checked."""
    runs = len(domains)
    by_run: list[list[int]] = [[] for _ in range(runs)]
    members: list[tuple[int, ...]] = []  # the runs of each relation
    # what each split of a run adds to each of its relations (None: a cell of the
    # relation holds no figure in that split, and the relation is not checked)
    adds: list[dict[int, list[int | None]]] = []
    for index, relation in enumerate(relations):
        members.append(tuple({term[0] for term in relation}))
        adds.append({run: [_sum(split, [(c, k) for r, c, k in relation if r == run])
                           for split in domains[run]] for run in members[-1]})
        for run in members[-1]:
            by_run[run].append(index)
    # runs of each relation not chosen yet, kept as runs are chosen and let go
    open_count = [len(runs_of) for runs_of in members]
    chosen: list[int | None] = [None] * runs
    solutions: list[tuple[int, ...]] = []
    steps = 0

    def narrowed(options: list[list[int]], run: int) -> list[list[int]] | None:
        """The options left once ``run`` is chosen; None if a run has none left, or a
        relation can no longer hold whatever the runs still open choose."""
        options = list(options)
        for index in by_run[run]:
            add = adds[index]
            total = 0
            for r in members[index]:
                if chosen[r] is not None:
                    value = add[r][chosen[r]]
                    if value is None:
                        break  # not checked
                    total += value
            else:
                if not open_count[index]:
                    if total != 0:
                        return None
                    continue
                if open_count[index] == 1:
                    (last,) = [r for r in members[index] if chosen[r] is None]
                    kept = [o for o in options[last]
                            if add[last][o] is None or total + add[last][o] == 0]
                    if not kept:
                        return None
                    options[last] = kept
                    continue
                # several runs open: the least and the most they can still add
                least = most = total
                for r in members[index]:
                    if chosen[r] is None:
                        values = [add[r][o] for o in options[r]]
                        if None in values:
                            break  # a split that leaves it unchecked: no bound
                        least += min(values)
                        most += max(values)
                else:
                    if not least <= 0 <= most:
                        return None
        return options

    def choose(run: int, option: int | None) -> None:
        if (chosen[run] is None) != (option is None):
            step = -1 if option is not None else 1
            for index in by_run[run]:
                open_count[index] += step
        chosen[run] = option

    def search(options: list[list[int]]) -> bool:
        nonlocal steps
        open_runs = [r for r in range(runs) if chosen[r] is None]
        if not open_runs:
            solutions.append(tuple(chosen))  # type: ignore[arg-type]
            return len(solutions) <= limit
        run = min(open_runs, key=lambda r: len(options[r]))
        for option in options[run]:
            steps += 1
            if steps > budget:
                return False
            choose(run, option)
            left = narrowed(options, run)
            if left is not None and not search(left):
                choose(run, None)
                return False
        choose(run, None)
        return True

    complete = search([list(range(len(d))) for d in domains])
    return solutions[:limit], complete


def _sum(split: tuple, terms: list[tuple[int, int]]) -> int | None:
    """What the split's cells add to a relation (None if one of them holds no figure)."""
    total = 0
    for cell, coefficient in terms:
        value = split[cell]
        if value is None:
            return None
        total += coefficient * value
    return total
