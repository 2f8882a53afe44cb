"""Pages damaged as real pages are (govparse.testing.page_damage): whatever the
damage, no exception, and every figure read is the one printed for its table, row
and column, or missing, with a warning or error saying something is amiss."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import govparse
from govparse.emit.printer import dumps
from govparse.testing import damage
from govparse.testing.page_damage import PAGE_DAMAGE

from helpers import assert_in_place_or_said

EXAMPLES = settings.default.max_examples
PAGE = settings(max_examples=max(10, EXAMPLES // 8), deadline=None,
                phases=(Phase.explicit, Phase.reuse, Phase.generate),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check(page: str, printed) -> None:
    assert_in_place_or_said(govparse.parse(page), printed, page)


@pytest.mark.parametrize("name", sorted(PAGE_DAMAGE))
@PAGE
@given(data=st.data())
def test_figures_stay_in_place_through_page_damage(name, data):
    report = data.draw(damage.distinct_reports(), label="report")
    page = dumps(report, "html")
    chooser = damage.DrawChooser(data.draw)
    for _ in range(data.draw(st.integers(1, 3), label="times")):
        page = PAGE_DAMAGE[name](page, chooser)
    check(page, report)


@PAGE
@given(data=st.data())
def test_figures_stay_in_place_through_mixed_page_damage(data):
    report = data.draw(damage.distinct_reports(), label="report")
    page = dumps(report, "html")
    chooser = damage.DrawChooser(data.draw)
    names = data.draw(st.lists(st.sampled_from(sorted(PAGE_DAMAGE)), min_size=2, max_size=5))
    for name in names:
        page = PAGE_DAMAGE[name](page, chooser)
    check(page, report)


@pytest.mark.parametrize("name", sorted(PAGE_DAMAGE))
def test_every_operator_changes_a_page(name):
    import random

    report = govparse.parse_file("examples/report-2024-tab.txt")
    page = dumps(report, "html")
    chooser = damage.RandomChooser(random.Random(7))
    assert any(PAGE_DAMAGE[name](page, chooser) != page for _ in range(5))
