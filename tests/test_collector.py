"""The garbage collector is paused while a report is read, and left as it was found
(govparse/collector.py, govparse.api.parse_source)."""

from __future__ import annotations

import gc

import pytest

import govparse
import govparse.api
from govparse.emit.printer import dumps
from govparse.errors import StrictModeError

from test_examples import EXAMPLE


@pytest.fixture
def collector_seen(monkeypatch):
    """Whether the collector was on at each read_document call of a parse."""
    seen: list[bool] = []
    read = govparse.api.read_document

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return read(*args, **kwargs)

    monkeypatch.setattr(govparse.api, "read_document", spy)
    was_on = gc.isenabled()
    yield seen
    (gc.enable if was_on else gc.disable)()


def test_the_collector_is_off_while_a_report_is_read_and_on_again_after(collector_seen):
    gc.enable()
    report = govparse.parse(dumps(EXAMPLE, "tab"))
    assert collector_seen == [False]
    assert gc.isenabled()
    assert report.applications.new_requests.total.value == \
        EXAMPLE.applications.new_requests.total.value


def test_the_collector_is_on_again_after_a_reading_that_fails(collector_seen):
    gc.enable()
    with pytest.raises(StrictModeError):
        govparse.parse("不是一份报告\n", mode="strict")
    assert collector_seen == [False]
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off(collector_seen):
    gc.disable()
    govparse.parse(dumps(EXAMPLE, "tab"))
    assert collector_seen == [False]
    assert not gc.isenabled()


@pytest.mark.parametrize("layout", ["tab", "grid", "aligned", "html"])
def test_a_reading_leaves_no_cycle_to_the_collector(layout):
    """What a report's reading makes goes as it ends, by reference counting: no cycle
    (the table readers and the position evidence held each other: a spaced table's
    readers, about a thousand objects, waited for the collector's next pass)."""
    text = dumps(EXAMPLE, layout)
    govparse.parse(text)  # (what is made once, when first needed, made)
    gc.collect()
    report = govparse.parse(text)
    assert gc.collect() == 0
    assert report.applications.new_requests.total.value == \
        EXAMPLE.applications.new_requests.total.value
