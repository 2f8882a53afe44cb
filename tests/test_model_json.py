"""The model: immutable, typed, and JSON in both directions with positions kept."""

import json
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govparse
from govparse.testing import strategies as gst
from govparse.diagnostics import Diagnostic
from govparse.model.report import Figure
from govparse.emit.printer import dumps
from govparse.emit.serialize import converter, from_json, to_dict, to_json
from govparse.template.spec import load_template
from govparse.check.validation import validate
from conftest import EXAMPLES, SEED_FILES
from test_examples import EXAMPLE


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
    from govparse.emit.serialize import CSV_HEADER, to_csv

    reports = [(p.name, govparse.parse_file(p)) for p in SEED_FILES[:2]]
    lines = to_csv(reports).splitlines()
    assert lines[0] == ",".join(CSV_HEADER)
    assert len(lines) == 1 + 2 * 200
    # the organisation, year and template are columns of each figure's row
    assert lines[1] == (f"{SEED_FILES[0].name},文峰区南关街道办事处,2024,2021,active_disclosure,"
                        "rules,issued,0,,false,23,4,,false")


# ---------------------------------------------------------------- JSON, byte for byte
#
# Model equality is blind to a Decimal's places (Decimal("1.25") == Decimal("1.2500")),
# so the round trips below compare the JSON text itself, and the values with their
# type and places.


def exact_figures(report):
    return [(f.table, f.row, f.column, type(f.value).__name__, str(f.value), f.line, f.col,
             f.inferred) for f in report.figures()]


def assert_json_round_trip(report):
    text = to_json(report)
    again = from_json(text)
    assert to_json(again) == text
    assert exact_figures(again) == exact_figures(report)
    assert again == report and again.diagnostics == report.diagnostics
    assert from_json(text.encode("utf-8")) == again  # bytes too
    compact = to_json(report, indent=None)
    assert "\n" not in compact and to_json(from_json(compact), indent=None) == compact


INPUTS = SEED_FILES + sorted(EXAMPLES.glob("report-*.txt"))


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_json_round_trip_is_byte_for_byte(path):
    assert_json_round_trip(govparse.parse_file(path))
    assert_json_round_trip(govparse.parse_file(path, infer=True))


@given(report=st.sampled_from(gst.TEMPLATES).flatmap(gst.reports), data=st.data())
def test_json_round_trip_of_generated_reports_is_byte_for_byte(report, data):
    # some figures marked inferred, as parse(infer=True) marks them (the printed text
    # cannot say it, so the strategies never do)
    refs = [(t, r, c) for t, r, c, fig in report.table_figures() if fig.value is not None]
    for ref in data.draw(st.lists(st.sampled_from(refs), max_size=3) if refs else st.just([]),
                         label="inferred"):
        report = report.replace_figure(*ref, attrs.evolve(report.figure(*ref), inferred=True))
    assert_json_round_trip(report)


def test_json_round_trip_of_an_inferred_figure():
    blanked = EXAMPLE.replace_figure("applications", "disclosed", "natural_person", Figure(None))
    report = govparse.parse(dumps(blanked), infer=True)
    assert report.applications.disclosed.natural_person.inferred is True
    assert_json_round_trip(report)
    again = from_json(to_json(report))
    assert again.applications.disclosed.natural_person == Figure(5, inferred=True)
    assert [d.code for d in again.diagnostics] == ["GP302", "GP408"]


@settings(max_examples=max(50, settings.default.max_examples // 4))
@given(report=st.sampled_from(gst.TEMPLATES).flatmap(gst.reports), layout=gst.layouts())
def test_json_round_trip_of_parsed_generated_reports_is_byte_for_byte(report, layout):
    assert_json_round_trip(govparse.parse(dumps(report, layout)))


@pytest.mark.parametrize("written", ["1.2500", "0.0000", "0.0350", "12", "1E+3", "-0.50",
                                     "1.23450", "123456.78900"])
def test_a_decimal_keeps_its_places_in_json(written):
    fee = Decimal(written)
    report = EXAMPLE.replace_figure("active_disclosure", "administrative_fees", "amount",
                                    Figure(fee))
    data = json.loads(to_json(report))
    assert data["active_disclosure"]["administrative_fees"]["amount"]["value"] == written
    again = from_json(to_json(report)).active_disclosure.administrative_fees.amount.value
    assert again.as_tuple() == fee.as_tuple()
    # a fee written with five places (even 1.23450) is still one after the round trip
    assert [d.code for d in validate(from_json(to_json(report)))] == [
        d.code for d in validate(report)]


def test_a_finding_keeps_the_places_of_what_it_found():
    report = EXAMPLE.replace_figure("active_disclosure", "administrative_fees", "amount",
                                    Figure(Decimal("1.23450")))
    (finding,) = validate(report)
    assert finding.code == "GP406"
    data = json.loads(converter.dumps(finding))
    assert data["actual"] == "1.23450" and data["figures"][0]["value"] == "1.23450"
    assert str(converter.loads(converter.dumps(finding), Diagnostic).actual) == "1.23450"


def test_the_example_json_is_what_it_was():
    data = json.loads(to_json(EXAMPLE))
    assert data["active_disclosure"]["administrative_fees"]["amount"] == {
        "value": "1.2500", "line": None, "column": None, "inferred": False, "unit": None,
        "recovered": False}
    assert data["applications"]["new_requests"]["total"]["value"] == 13
    assert data["template"] == "2021" and data["diagnostics"] == []


@pytest.mark.parametrize("value", ["NaN", "-Infinity", "sNaN", "abc", "", 1.5, True, [1]])
def test_json_that_is_no_figure_value_is_refused(value):
    data = to_dict(EXAMPLE)
    data["active_disclosure"]["administrative_fees"]["amount"]["value"] = value
    with pytest.raises(Exception) as info:
        from_json(json.dumps(data))
    assert f"not a figure value: {value!r}" in "\n".join(_messages(info.value))


def test_json_of_a_whole_amount_and_of_null_is_read():
    data = to_dict(EXAMPLE)
    data["active_disclosure"]["administrative_fees"]["amount"]["value"] = 12
    data["active_disclosure"]["rules"]["issued"]["value"] = None
    report = from_json(json.dumps(data))
    assert report.active_disclosure.administrative_fees.amount.value == 12
    assert type(report.active_disclosure.administrative_fees.amount.value) is int
    assert report.active_disclosure.rules.issued.value is None


def _messages(exc):
    yield str(exc)
    for inner in getattr(exc, "exceptions", ()):
        yield from _messages(inner)


def test_a_figure_made_fast_has_every_field_of_one_made_by_attrs():
    # model.figures.read_figure sets the slots itself: a field added to Figure and
    # forgotten there would be missing (an AttributeError where it is read)
    import attrs

    from govparse.model.figures import Figure, read_figure

    fast, slow = read_figure(5, 3, 4, "件", None), Figure(5, 3, 4, unit="件")
    for field in attrs.fields(Figure):
        assert getattr(fast, field.name) == getattr(slow, field.name), field.name
    # a Figure, as frozen as one attrs made (it is filled as another class first)
    assert type(fast) is Figure and fast == slow and hash(fast) == hash(slow)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.value = 6


def test_a_figure_located_fast_is_the_one_attrs_evolve_makes():
    import attrs

    from govparse.model.figures import Figure, located_figure

    figure = Figure(5, 3, 4, inferred=True, unit="件", recovered=True)
    fast, slow = located_figure(figure, "page 2"), attrs.evolve(figure, location="page 2")
    assert type(fast) is Figure
    for field in attrs.fields(Figure):
        assert getattr(fast, field.name) == getattr(slow, field.name), field.name
    assert figure.location is None  # the figure located is left as it was
