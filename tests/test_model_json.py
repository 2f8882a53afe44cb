"""The model: immutable, typed, and JSON in both directions with positions kept."""

from decimal import Decimal

import attrs
import pytest

import govparse
from govparse.serialize import from_json, to_json
from govparse.template import load_template
from conftest import SEED_FILES


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_json_round_trip_keeps_everything(path):
    report = govparse.parse_file(path)
    again = from_json(to_json(report))
    assert again == report
    assert list(again.figures()) == list(report.figures())  # positions too
    assert again.diagnostics == report.diagnostics


def test_model_is_frozen_and_missing_is_none():
    report = govparse.parse_file(SEED_FILES[4])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.applications.total_processed.total = govparse.Figure(2)
    assert govparse.Figure().value is None
    assert isinstance(report.active_disclosure.administrative_fees.amount.value, Decimal)


def test_model_fields_are_the_template_identifiers():
    template = load_template("2021")
    report = govparse.Report()
    ids = [(r.table, r.row, r.column) for r in report.figures() if r.table != "report"]
    assert ids == list(template.figure_ids())
    assert len(ids) == (3 + 3 + 1 + 1 + 1 + 1) + 25 * 7 + 3 * 5


def test_long_csv_of_several_reports():
    from govparse.serialize import CSV_HEADER, to_csv

    reports = [(p.name, govparse.parse_file(p)) for p in SEED_FILES[:2]]
    lines = to_csv(reports).splitlines()
    assert lines[0] == ",".join(CSV_HEADER)
    assert len(lines) == 1 + 2 * 202
    assert lines[1] == f"{SEED_FILES[0].name},report,meta,organization,文峰区南关街道办事处,3,1,false"
