"""Pages damaged as real pages are (govparse.testing.page_damage): whatever the
damage, no exception, and every figure read is the one printed for its table, row
and column, or missing, with a warning or error saying something is amiss."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import govparse
from govparse.diagnostics import Severity
from govparse.emit.printer import dumps
from govparse.testing import damage
from govparse.testing.page_damage import PAGE_DAMAGE

EXAMPLES = settings.default.max_examples
PAGE = settings(max_examples=max(10, EXAMPLES // 8), deadline=None,
                phases=(Phase.explicit, Phase.reuse, Phase.generate),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def misplaced(report, printed) -> list[str]:
    wrong = []
    for table, row, column, figure in report.table_figures():
        if figure.value is None:
            continue
        try:
            expected = printed.figure(table, row, column).value
        except (AttributeError, KeyError):  # a row of the other template
            wrong.append(f"{table}.{row}.{column} = {figure.value}, which the page has not")
            continue
        if figure.value != expected:
            wrong.append(f"{table}.{row}.{column} = {figure.value}, printed {expected}")
    return wrong


def value_of(report, key):
    """The report's figure at key; None where its table follows the other template."""
    try:
        return report.figure(*key).value
    except (AttributeError, KeyError):
        return None


def check(page: str, printed) -> None:
    report = govparse.parse(page)
    wrong = misplaced(report, printed)
    assert wrong == [], "\n".join(wrong + [f"{d.code} {d.message}" for d in report.diagnostics
                                          if d.severity is not Severity.NOTE] + [page])
    lost = [key for *key, fig in printed.table_figures()
            if fig.value is not None and value_of(report, key) is None]
    if lost:
        assert any(d.severity is not Severity.NOTE for d in report.diagnostics), lost


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
