"""govparse.core.gaps: a short row's gap is placed only where the header positions
or the template's arithmetic tell where it is, never by assuming the last columns are
the missing ones. Real values throughout; the relations are built here as the
template states them."""

import math
import time
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from govparse.core.gaps import (
    stands_under,
    MAX_PLACEMENTS, consistent_placements, placement_by_position, placements,
    unique_consistent)

# The applications table: who asked, and the total.
COLUMNS = ("natural_person", "commercial_enterprise", "research_institution",
           "social_welfare_org", "legal_service_org", "other_org", "total")
PARTS = COLUMNS[:-1]
N = len(COLUMNS)
ALL_GAPS = list(placements(N - 1, N))  # the 7 ways to leave out one column


def row_total(row):
    """total == sum(the six others), within one row."""
    return (((row, "total"),), tuple((row, column) for column in PARTS))


def column_balance(column):
    """new + carried == processed + forward, down one column."""
    return (((("new", column), ("carried", column)),
             (("processed", column), ("forward", column))))


def without(column):
    """The placement that leaves out one column index."""
    return tuple(i for i in range(N) if i != column)


def consistent(values, row="new", relations=None, known=None, **kwargs):
    relations = [row_total(row)] if relations is None else relations
    return consistent_placements(values, COLUMNS, row, relations, known or {}, **kwargs)


def unique(values, row="new", relations=None, known=None, **kwargs):
    relations = [row_total(row)] if relations is None else relations
    return unique_consistent(values, COLUMNS, row, relations, known or {}, **kwargs)


# placements


def test_placements_are_the_increasing_combinations_in_order():
    assert list(placements(2, 4)) == [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]
    assert list(placements(0, 3)) == [()]
    assert list(placements(3, 3)) == [(0, 1, 2)]
    assert len(list(placements(6, 7))) == 7
    assert ALL_GAPS == [without(i) for i in reversed(range(N))]


# the row-wise relation


def test_two_then_zeros_the_total_is_the_missing_figure():
    values = [2, 0, 0, 0, 0, 0]
    assert consistent(values) == [without(6)] == [(0, 1, 2, 3, 4, 5)]
    assert unique(values) == (0, 1, 2, 3, 4, 5)
    # every other placement makes total 0 while a part is 2: broken
    found = consistent(values)
    for gap in range(6):
        assert without(gap) not in found


def test_all_zeros_fit_every_placement():
    assert consistent([0] * 6) == ALL_GAPS
    assert unique([0] * 6) is None


def test_one_zeros_one_fits_every_placement():
    # Total missing: 0 + ... = 1 + 0 + 0 + 0 + 0 + 1 leaves the total >= 2.
    # A part missing: the total is the last figure, 1, and the five parts placed
    # are 1 and four zeros, whatever part is missing: 1 == 1 + (missing part = 0).
    assert consistent([1, 0, 0, 0, 0, 1]) == ALL_GAPS
    assert unique([1, 0, 0, 0, 0, 1]) is None


def test_the_row_relation_alone_can_only_tell_a_missing_total():
    # When a part is missing, the total is always the last figure and the parts
    # the others, whichever part it is: those 6 placements stand or fall together.
    assert consistent([1, 0, 0, 0, 1, 1]) == [without(6)]
    assert consistent([3, 0, 0, 0, 0, 3]) == ALL_GAPS
    assert consistent([1, 2, 0, 0, 0, 4]) == ALL_GAPS


def test_a_full_row_is_checked_too():
    full = consistent_placements([2, 1, 0, 0, 0, 0, 3], COLUMNS, "new",
                                 [row_total("new")], {})
    assert full == [tuple(range(N))]
    assert consistent_placements([2, 1, 0, 0, 0, 0, 4], COLUMNS, "new",
                                 [row_total("new")], {}) == []


# relations across rows

TABLE = {  # new + carried == processed + forward in every column
    "new": [1, 3, 0, 0, 0, 0, 4],
    "carried": [1, 0, 0, 0, 0, 0, 1],
    "processed": [1, 1, 0, 0, 0, 0, 2],
    "forward": [1, 2, 0, 0, 0, 0, 3],
}
TABLE_RELATIONS = [row_total(row) for row in TABLE] + [column_balance(c) for c in COLUMNS]


def known_except(row, table=TABLE):
    return {(other, column): value for other, figures in table.items() if other != row
            for column, value in zip(COLUMNS, figures)}


def test_the_table_is_consistent():
    for row, figures in TABLE.items():
        assert figures[-1] == sum(figures[:-1])
    for i in range(N):
        assert TABLE["new"][i] + TABLE["carried"][i] \
            == TABLE["processed"][i] + TABLE["forward"][i]


def test_a_cross_row_relation_tells_where_the_row_relation_cannot():
    values = [1, 0, 0, 0, 0, 3]  # forward without its commercial_enterprise figure, 2
    assert consistent(values, "forward") == ALL_GAPS
    assert unique(values, "forward") is None
    # Down the columns: commercial_enterprise needs 3 == 1 + forward, so forward's
    # figure there is 2, not 0 (and not 3 with the total missing).
    known = known_except("forward")
    assert consistent(values, "forward", TABLE_RELATIONS, known) == [without(1)]
    assert unique(values, "forward", TABLE_RELATIONS, known) == (0, 2, 3, 4, 5, 6)


def test_a_figure_absent_from_known_is_unknown():
    values = [1, 0, 0, 0, 0, 3]
    known = known_except("forward")
    # Without processed's commercial_enterprise figure, 3 + 0 == ? + forward holds
    # with any forward figure up to 3 there: only the missing total is still ruled
    # out (it puts 3 under other_org, where 0 + 0 == 0 + forward).
    del known[("processed", "commercial_enterprise")]
    assert consistent(values, "forward", TABLE_RELATIONS, known) == ALL_GAPS[1:]
    # A known None is unknown just the same.
    known[("processed", "commercial_enterprise")] = None
    assert consistent(values, "forward", TABLE_RELATIONS, known) == ALL_GAPS[1:]
    assert unique(values, "forward", TABLE_RELATIONS, known) is None


def test_relations_that_do_not_mention_the_row_are_ignored():
    values = [2, 0, 0, 0, 0, 0]
    # broken by the other rows' figures, whatever the placement: it must not rule
    # out every placement
    broken_elsewhere = ((("x", "total"),), (("y", "total"),))
    known = {("x", "total"): 1, ("y", "total"): 2}
    relations = [row_total("new"), broken_elsewhere]
    assert consistent(values, "new", relations, known) == [without(6)]
    assert consistent(values, "new", [broken_elsewhere], known) == ALL_GAPS
    # another row's row-wise relation says nothing about this one
    assert consistent(values, "new", [row_total("other")], {}) == ALL_GAPS


# placeholders and exact values


def test_a_placeholder_is_unknown_not_zero():
    assert consistent([2, 0, 0, 0, 0, 0]) == [without(6)]
    # "—" as the last figure: if it is the total, nothing can be checked
    assert consistent([2, 0, 0, 0, 0, None]) == ALL_GAPS
    # "—" as the first figure: the parts have an unknown, so a known total of 0
    # is no longer too small for them
    assert consistent([None, 0, 0, 0, 0, 0]) == ALL_GAPS
    assert consistent([None, 2, 0, 0, 0, 0]) == [without(6)]


def test_decimal_values_are_exact():
    columns, row = ("a", "b", "total"), "r"
    relation = (((row, "total"),), ((row, "a"), (row, "b")))
    half, quarter = Decimal("0.5"), Decimal("0.25")
    assert consistent_placements([half, quarter, Decimal("0.75")], columns, row,
                                 [relation], {}) == [(0, 1, 2)]
    # 0.1 + 0.2 == 0.3 exactly (as floats it would not be)
    assert consistent_placements([Decimal("0.1"), Decimal("0.2"), Decimal("0.3")],
                                 columns, row, [relation], {}) == [(0, 1, 2)]
    assert consistent_placements([half, quarter, Decimal("0.76")], columns, row,
                                 [relation], {}) == []
    # a short row: a total of 0.25 cannot hold a part of 0.5
    assert consistent_placements([half, quarter], columns, row, [relation], {}) \
        == [(0, 1)]
    # int and Decimal mix, and no rounding past the default 28 digits
    big = Decimal(10**40)
    assert big + 1 == big  # in the default context: the rounding to avoid
    assert consistent_placements([big, 1, Decimal(10**40 + 1)], columns, row,
                                 [relation], {}) == [(0, 1, 2)]
    assert consistent_placements([big, 1, big], columns, row, [relation], {}) == []


# too many to try


def test_too_many_placements_cannot_tell():
    columns = tuple(f"c{i}" for i in range(30))
    relation = ((("r", "c29"),), tuple(("r", c) for c in columns[:-1]))
    assert math.comb(30, 3) == 4060
    found = consistent_placements([0, 0, 0], columns, "r", [relation], {},
                                  limit=4060)
    assert found is not None and len(found) == 4060
    assert consistent_placements([0, 0, 0], columns, "r", [relation], {},
                                 limit=4059) is None
    assert unique_consistent([1, 0, 0], columns, "r", [relation], {}, limit=4059) is None
    # the default: comb(40, 20) is far past it, and nothing is enumerated
    wide = tuple(f"c{i}" for i in range(40))
    assert math.comb(40, 20) > MAX_PLACEMENTS
    start = time.monotonic()
    assert consistent_placements([0] * 20, wide, "r", [], {}) is None
    assert unique_consistent([0] * 20, wide, "r", [], {}) is None
    assert time.monotonic() - start < 1


# placement by position

HEADERS = [(0.0, 10.0), (10.0, 20.0), (20.0, 30.0), (30.0, 40.0)]


def test_position_clean_case():
    assert placement_by_position([(1.0, 9.0), (21.0, 29.0), (32.0, 38.0)], HEADERS) \
        == (0, 2, 3)
    assert placement_by_position([], HEADERS) == ()
    # a figure wider than its header but overlapping no other one
    spaced = [(0.0, 8.0), (12.0, 18.0), (22.0, 28.0)]
    assert placement_by_position([(9.0, 21.0)], spaced) == (1,)


def test_position_figure_over_two_headers():
    assert placement_by_position([(1.0, 9.0), (15.0, 25.0)], HEADERS) is None


def test_position_figure_under_no_header():
    assert placement_by_position([(1.0, 9.0), (45.0, 50.0)], HEADERS) is None


def test_position_missing_header():
    headers = [HEADERS[0], None, HEADERS[2], HEADERS[3]]
    assert placement_by_position([(1.0, 9.0), (21.0, 29.0)], headers) is None


def test_position_two_figures_under_one_column():
    assert placement_by_position([(1.0, 4.0), (5.0, 9.0)], HEADERS) is None


def test_position_figures_out_of_order():
    assert placement_by_position([(21.0, 29.0), (1.0, 9.0)], HEADERS) is None


def test_position_touching_ends_do_not_overlap():
    # (10, 20) touches header 0 at 10 and header 2 at 20: only header 1 overlaps
    assert placement_by_position([(10.0, 20.0)], HEADERS) == (1,)
    # touching only: no header at all
    assert placement_by_position([(40.0, 45.0)], HEADERS) is None
    assert placement_by_position([(1.0, 9.0)], [(0.0, 9.0), (9.0, 20.0)]) == (0,)
    assert placement_by_position([(9.0, 12.0)], [(0.0, 9.0), (9.0, 20.0)]) == (1,)


@given(st.data())
def test_position_property(data):
    # contiguous headers of random widths; each figure strictly inside its column
    widths = data.draw(st.lists(st.integers(1, 50), min_size=1, max_size=8))
    edges = [sum(widths[:i]) for i in range(len(widths) + 1)]
    headers = [(float(a), float(b)) for a, b in zip(edges, edges[1:])]
    chosen = data.draw(st.lists(st.integers(0, len(widths) - 1), unique=True)
                       .map(sorted))
    figures = []
    for column in chosen:
        a, b = headers[column]
        x0 = data.draw(st.floats(a, b, exclude_max=True))
        x1 = data.draw(st.floats(x0, b, exclude_min=True))
        figures.append((x0, x1))
    assert placement_by_position(figures, headers) == tuple(chosen)


# properties: the truth is never excluded, and a unique answer is the truth

parts = st.lists(st.integers(0, 20), min_size=6, max_size=6)


def faithful(values, true_row):
    """The placements that put every number where the true row has that number."""
    return [p for p in ALL_GAPS
            if all(v is None or v == true_row[c] for v, c in zip(values, p))]


@given(parts, st.integers(0, N - 1))
def test_row_relation_never_excludes_the_truth(six, gap):
    true_row = six + [sum(six)]
    values = true_row[:gap] + true_row[gap + 1:]
    truth = without(gap)
    found = consistent(values)
    assert truth in found
    # Any placement that puts the same numbers in the same columns as the truth
    # (the dropped figure equal to a neighbour) is just as consistent...
    assert set(faithful(values, true_row)) <= set(found)
    # ...so a unique answer is the truth, and only when no other placement is
    # faithful: it never puts a wrong figure anywhere.
    answer = unique(values)
    assert answer is None or (answer == truth and faithful(values, true_row) == [truth])
    # With this relation alone, exactly: a missing total whose last part is smaller
    # than the other five together.
    expected = truth if gap == 6 and sum(six[:5]) > six[5] else None
    assert answer == expected


@st.composite
def balanced_tables(draw):
    """new, carried, processed, forward over the 7 columns, every relation holding."""
    new, carried = draw(parts), draw(parts)
    processed = [draw(st.integers(0, a + b)) for a, b in zip(new, carried)]
    forward = [a + b - p for a, b, p in zip(new, carried, processed)]
    return {name: six + [sum(six)] for name, six in
            (("new", new), ("carried", carried), ("processed", processed),
             ("forward", forward))}


@given(balanced_tables(), st.sampled_from(list(TABLE)), st.integers(0, N - 1),
       st.lists(st.booleans(), min_size=6, max_size=6))
def test_table_relations_never_exclude_the_truth(table, row, gap, placeholders):
    true_row = table[row]
    values = true_row[:gap] + true_row[gap + 1:]
    # some cells hold "—" instead of their figure
    values = [None if dash else v for v, dash in zip(values, placeholders)]
    truth = without(gap)
    found = consistent(values, row, TABLE_RELATIONS, known_except(row, table))
    assert truth in found
    assert set(faithful(values, true_row)) <= set(found)
    answer = unique(values, row, TABLE_RELATIONS, known_except(row, table))
    assert answer is None or (answer == truth and faithful(values, true_row) == [truth])


_extent = st.tuples(st.integers(0, 40), st.integers(0, 8)).map(lambda p: (p[0], p[0] + p[1]))


@given(st.data())
def test_stands_under_is_placement_by_position_in_order(data):
    # the quick test of a full row (stands_under) and the whole placement agree, for
    # headers left to right apart (the quick way), overlapping or missing ones
    n = data.draw(st.integers(1, 7))
    headers = data.draw(st.lists(st.one_of(_extent, st.none()) if data.draw(st.booleans())
                                 else _extent, min_size=n, max_size=n))
    if data.draw(st.booleans()) and None not in headers:
        headers = sorted(headers)
    figures = data.draw(st.lists(_extent, min_size=1, max_size=7))
    expected = len(figures) == n and placement_by_position(figures, headers) == tuple(range(n))
    assert stands_under(figures, headers) == expected
