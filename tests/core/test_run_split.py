"""Splitting a run of digits into a row's figures (govparse.core.run_split) and a
table of runs solved as one (govparse.core.run_solve): pure functions."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govparse.core.run_solve import solve
from govparse.core.run_split import Budget, TooMany, splits

ROW = (tuple((cell, 1) for cell in range(6)) + ((6, -1),),)  # 总计 = the six before it
COUNTS = ("count",) * 7


def texts(found):
    return [[piece.text for piece in split] for split in found]


@pytest.mark.parametrize("run,split", [
    ("21710000218", ["217", "1", "0", "0", "0", "0", "218"]),
    ("0000000", ["0"] * 7),
    ("1100002", ["1", "1", "0", "0", "0", "0", "2"]),
    ("750000075", ["75", "0", "0", "0", "0", "0", "75"]),
])
def test_a_row_and_its_total_split_one_way(run, split):
    assert texts(splits(run, COUNTS, ROW)) == [split]


def test_a_row_may_split_in_two_ways_that_add_up():
    assert texts(splits("110100012", COUNTS, ROW)) == [
        ["1", "1", "0", "10", "0", "0", "12"], ["1", "10", "1", "0", "0", "0", "12"],
        ["11", "0", "1", "0", "0", "0", "12"]]


def test_without_a_relation_only_the_digits_decide():
    assert texts(splits("000", ("count",) * 3)) == [["0", "0", "0"]]  # no leading zeros
    assert len(splits("6233440", ("count",) * 3)) == 15
    assert splits("12", ("count",) * 3) == []  # fewer digits than cells


def test_a_fee_keeps_its_decimals_and_a_count_has_none():
    assert texts(splits("18651.06", ("money",))) == [["18651.06"]]
    assert splits("18651.06", ("count",)) == []
    assert texts(splits("118651.06", ("count", "money"))) == [
        ["1", "18651.06"], ["11", "8651.06"], ["118", "651.06"], ["1186", "51.06"],
        ["11865", "1.06"]]


def test_a_run_that_ends_in_decimals_is_split_without_a_traceback():
    # (the fuzzer, 2026-12-08: the bound on a total read the last token's digits as a
    # whole number, int(".5"), and a crawler's run ending in a fee's decimals crashed)
    assert splits("1000001.5", COUNTS, ROW) == []  # (a count has no decimals)
    # (1 and 1.5 do not make the relation: no split, and no int(".5"))
    assert splits("11.5", ("count", "money"), (((0, 1), (1, -1)),)) == []


def test_blanks_units_and_marks_are_boundaries():
    assert texts(splits("5/0001/", COUNTS, ROW)) == [["5", "/", "0", "0", "0", "1", "/"]]
    assert texts(splits("12 3", ("count",) * 2)) == [["12", "3"]]  # not 1 | 23
    assert texts(splits("1 23", ("count",) * 3)) == [["1", "2", "3"]]
    found = splits("5件0件0件", ("count",) * 3)
    assert [[(p.value, p.unit) for p in s] for s in found] == [[(5, "件"), (0, "件"), (0, "件")]]


def test_a_dash_before_figures_is_a_mark_or_a_minus():
    assert texts(splits("-00", ("count",) * 3)) == [["-", "0", "0"]]
    assert texts(splits("3-2", ("count",) * 2)) == [["3", "-2"]]


def test_the_search_is_bounded():
    with pytest.raises(TooMany):
        splits("1" * 40, ("count",) * 8, limit=64)
    budget = Budget(50)
    with pytest.raises(TooMany):
        splits("83944945151462786131661207456511", COUNTS, ROW, shared=budget)
    assert budget.left <= 0
    assert splits("1" * 10_000, COUNTS, ROW) == []  # longer than seven figures can be


def test_the_relations_between_runs_decide_what_each_run_leaves_open():
    # run 0 is 12 or 21; run 1 is 12; run 0 + 0 = run 1 (cell 0 of each)
    domains = [[(12,), (21,)], [(12,)]]
    relation = ((0, 0, 1), (1, 0, -1))
    assert solve(domains, [relation]) == ([(0, 0)], True)
    assert solve([[(1,), (2,)], [(1,), (2,)]], [relation]) == ([(0, 0), (1, 1)], True)
    assert solve([[(1,)], [(2,)]], [relation]) == ([], True)
    assert solve([[(None,)], [(2,)]], [relation]) == ([(0, 0)], True)  # not checked


def test_the_table_search_is_bounded():
    many = [[(v,) for v in range(10)] for _ in range(4)]
    solutions, complete = solve(many, [((0, 0, 1), (1, 0, -1))], limit=5)
    assert (len(solutions), complete) == (5, False)


def test_a_mark_leaves_the_total_unchecked_and_both_splits_open():
    # 10 / / 1 0 / / and 1 0 / / 10 / /: the total holds no figure, nothing decides
    # (found by the property: the bound of a total once assumed a figure in it)
    assert texts(splits("10//10//", COUNTS, ROW)) == [
        ["1", "0", "/", "/", "10", "/", "/"], ["10", "/", "/", "1", "0", "/", "/"]]


def _every_split_that_adds_up(run: str) -> list[list[str]]:
    """By brute force: every cut of ``run`` into seven numbers whose last is the sum
    of the six before it (no number but 0 starts with 0)."""
    found = []
    for cuts in itertools.combinations(range(1, len(run)), 6):
        pieces = [run[a:b] for a, b in zip((0, *cuts), (*cuts, len(run)))]
        if all(p[0] != "0" or len(p) == 1 for p in pieces) and \
                sum(map(int, pieces[:6])) == int(pieces[6]):
            found.append(pieces)
    return sorted(found)


@settings(max_examples=300, deadline=None)
@given(st.text("0123456789", min_size=7, max_size=13) | st.lists(
    st.integers(0, 40), min_size=6, max_size=6).map(lambda v: "".join(map(str, v + [sum(v)]))))
def test_a_row_s_splits_are_every_split_that_adds_up(run):
    # the search prunes by the least and the most the digits left can make: it must
    # find every split there is, and only those
    assert sorted(texts(splits(run, COUNTS, ROW, limit=10_000, budget=10**6))) == \
        _every_split_that_adds_up(run)


# A row of the review table: three groups, each 总计 = the four before it.
REVIEW = tuple(tuple((first + cell, 1) for cell in range(4)) + ((first + 4, -1),)
               for first in (0, 5, 10))


def _every_grouped_split(run: str) -> list[list[str]]:
    """By brute force, group by group: every cut of ``run``'s digits into three groups
    of five numbers, each group's last the sum of the four before it, that keeps the
    run's blanks as cuts (no number but 0 starts with 0)."""
    digits = run.replace(" ", "")
    cuts, at = set(), 0
    for part in run.split(" ")[:-1]:
        at += len(part)
        cuts.add(at)

    def numbers(at: int, count: int):
        """Every way to take ``count`` numbers from ``at``: (pieces, where they end)."""
        if count == 0:
            yield [], at
            return
        for end in range(at + 1, len(digits) + 1):
            if any(at < cut < end for cut in cuts):
                break
            piece = digits[at:end]
            if piece[0] == "0" and len(piece) > 1:
                break
            for rest, stop in numbers(end, count - 1):
                yield [piece, *rest], stop

    def groups(at: int, left: int):
        if left == 0:
            if at == len(digits):
                yield []
            return
        for pieces, stop in numbers(at, 5):
            if sum(map(int, pieces[:4])) == int(pieces[4]):
                for rest in groups(stop, left - 1):
                    yield pieces + rest

    return sorted(found for found in groups(0, 3)
                  if all(c in _ends(found) for c in cuts))


def _ends(pieces: list[str]) -> set[int]:
    ends, at = set(), 0
    for piece in pieces:
        at += len(piece)
        ends.add(at)
    return ends


def _review_rows(values):
    groups = [values[i:i + 4] + [sum(values[i:i + 4])] for i in (0, 4, 8)]
    return [str(v) for group in groups for v in group]


@settings(max_examples=200, deadline=None)
@given(st.one_of(
    st.lists(st.integers(0, 12), min_size=12, max_size=12).map(_review_rows),
    st.lists(st.text("0123456789", min_size=1, max_size=2), min_size=15, max_size=15)),
    st.lists(st.booleans(), min_size=14, max_size=14))
def test_a_review_row_s_splits_are_every_split_that_adds_up(pieces, blanks):
    # three groups of five, some cells parted by a blank (a cut every split keeps):
    # the search chooses each group's total first and prunes by casting out nines
    run = "".join(p + (" " if blank else "") for p, blank in zip(pieces, blanks + [False]))
    found = splits(run, ("count",) * 15, REVIEW, limit=10_000, budget=10**6)
    assert sorted(texts(found)) == _every_grouped_split(run)


def test_a_review_row_s_limit_counts_whole_splits():
    # groups two and three split three ways each: nine splits of the row
    run = "1 1 0 0 2 1101012 1101012"
    found = splits(run, ("count",) * 15, REVIEW, limit=9)
    assert len(found) == 9 and len({tuple(texts([s])[0]) for s in found}) == 9
    assert texts(found)[0] == ["1", "1", "0", "0", "2", "1", "1", "0", "10", "12",
                               "1", "1", "0", "10", "12"]
    with pytest.raises(TooMany):
        splits(run, ("count",) * 15, REVIEW, limit=8)
    # the first group cannot add up (1 + 1 ≠ 3): the many splits after it count for nothing
    assert splits("1 1 0 0 3 1101012 1101012", ("count",) * 15, REVIEW, limit=2) == []


def test_a_unit_parts_cells_and_stays_with_its_figure():
    found = splits("5件2件3件10件", ("count",) * 4, (((0, 1), (1, 1), (2, 1), (3, -1)),))
    assert [[(p.text, p.value, p.unit) for p in s] for s in found] == [
        [("5", 5, "件"), ("2", 2, "件"), ("3", 3, "件"), ("10", 10, "件")]]


def _every_solution(domains, relations):
    """By brute force: every choice of one split a run under which each relation
    whose cells all hold figures sums to 0."""
    found = []
    for choice in itertools.product(*(range(len(d)) for d in domains)):
        values = [[domains[r][choice[r]][c] for r, c, _ in relation] for relation in relations]
        if all(None in v or sum(k * x for x, (_, _, k) in zip(v, relation)) == 0
               for v, relation in zip(values, relations)):
            found.append(choice)
    return found


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_table_s_solutions_are_every_choice_that_adds_up(data):
    # the search prunes by the least and the most the runs still open can add: it
    # must find every solution there is, and only those
    runs = data.draw(st.integers(1, 5))
    value = st.integers(0, 3) | st.just(None)
    domains = [data.draw(st.lists(st.tuples(value, value), min_size=1, max_size=3))
               for _ in range(runs)]
    term = st.tuples(st.integers(0, runs - 1), st.integers(0, 1), st.sampled_from((1, -1)))
    relations = data.draw(st.lists(st.lists(term, min_size=2, max_size=4).map(tuple),
                                   max_size=3))
    solutions, complete = solve(domains, relations, limit=1000, budget=10**6)
    assert complete and sorted(solutions) == _every_solution(domains, relations)


def test_a_relation_that_can_just_hold_is_kept():
    # three runs in one relation, two left open once the first is chosen: the least
    # and the most they can add are both what is needed, so the search goes on
    zero = [[(0,)], [(0,)], [(0,)]]
    assert solve(zero, [((0, 0, 1), (1, 0, 1), (2, 0, -1))]) == ([(0, 0, 0)], True)
    assert solve([[(1,)], [(1,), (2,)], [(2,), (3,)]], [((0, 0, 1), (1, 0, 1), (2, 0, -1))]) \
        == ([(0, 0, 0), (0, 1, 1)], True)
