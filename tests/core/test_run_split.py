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
