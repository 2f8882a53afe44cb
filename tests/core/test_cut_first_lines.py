"""Whether a row's broken totals may be figures cut to the first line of a longer number
(gaps.RowRelations.own_cut_explains): a row of a fixed height too low for its text
shows a wrapped number's first line only. A cut number is smaller than the number, by
nine times itself at the least; one alone has its digits first in the number the
total wants. A total broken otherwise is the report's own slip."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govparse.core.figure_cells import rules_about

COLUMNS = ("natural_person", "commercial_enterprise", "research_institution",
           "social_welfare_org", "legal_service_org", "other_org", "total")
ROW = rules_about("2021", "applications", tuple(("new_requests", c) for c in COLUMNS))
TOTAL = 6  # (总计 = the sum of the six applicant columns)


@pytest.mark.parametrize("values, cut, explains", [
    # the total holds: nothing to explain
    ([1, 2, 3, 4, 5, 6, 21], [0], False),
    # 138 shown where 13832 makes the total hold: its first line
    ([138, 2, 3, 4, 5, 6, 13852], [0], True),
    # the total wants 245, not a number that starts with 138: the report's slip
    ([138, 2, 3, 4, 5, 6, 265], [0], False),
    # the total shown is 1385 of 13852, the sum of the figures
    ([13832, 2, 3, 4, 5, 6, 1385], [TOTAL], True),
    # a total too large for its figures: a cut figure makes only its own side larger
    ([138, 2, 3, 4, 5, 6, 99999], [TOTAL], False),
    # two cut on one side: short by at least nine times the smaller of them
    ([138, 152, 3, 4, 5, 6, 28478], [0, 1], True),
    ([138, 152, 3, 4, 5, 6, 400], [0, 1], False),
    # cut figures on both sides: either side may be the longer
    ([138, 2, 3, 4, 5, 6, 2226], [0, TOTAL], True),
    # money-like values (Decimal) read alike
    ([Decimal(138), 2, 3, 4, 5, 6, Decimal(13852)], [0], True),
])
def test_a_total_broken_as_numbers_cut_short_would_break_it(values, cut, explains):
    assert ROW.own_cut_explains(values, cut) is explains


@pytest.mark.parametrize("values, broken", [
    # every figure known: broken where the total is not the sum
    ([1, 2, 3, 4, 5, 6, 21], False),
    ([1, 2, 3, 4, 5, 6, 20], True),
    # a missing part (None) may be any count of 0 or more: broken only where the
    # known parts alone pass the total (2 + 4 + 3 + 3 + 6 > 2)
    ([2, None, 4, 3, 3, 6, 2], True),
    ([2, None, 4, 3, 3, 6, 18], False),
    ([2, None, 4, 3, 3, 6, 40], False),
    # the total missing: the parts may sum to anything
    ([2, 1, 4, 3, 3, 6, None], False),
    # a part and the total missing: nothing to tell
    ([None, 1, 4, 3, 3, 6, None], False),
])
def test_a_total_broken_whatever_the_missing_figures_are(values, broken):
    assert ROW.own_broken_whatever_unknown(values) is broken
