"""The bundled clean report, in each of the four layouts, passes strict mode with
the same figures; and it is what examples/regenerate.py writes."""

import runpy

import pytest

import govparse
from govparse.emit.printer import dumps
from conftest import EXAMPLES, LAYOUTS, example_path

EXAMPLE = runpy.run_path(str(EXAMPLES / "regenerate.py"))["EXAMPLE"]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_example_passes_strict_mode_with_the_same_figures(layout):
    report = govparse.parse_file(example_path(layout), strict=True)
    assert report.diagnostics == ()
    assert report == EXAMPLE
    assert report.applications.new_requests.total.value == 13
    assert str(report.active_disclosure.administrative_fees.amount.value) == "1.2500"
    assert report.organization.value == "示例县人民政府办公室"
    assert report.year.value == 2024


@pytest.mark.parametrize("layout", LAYOUTS)
def test_example_files_are_the_printers_output(layout):
    assert example_path(layout).read_text(encoding="utf-8") == dumps(EXAMPLE, layout)


def test_layouts_really_differ():
    texts = {layout: example_path(layout).read_text(encoding="utf-8") for layout in LAYOUTS}
    assert "规章\t0\t0\t0" in texts["tab"]
    assert "规章 | 0 | 0 | 0" in texts["pipe"]
    assert "\t规章\n\t0\n\t0\n\t0\n" in texts["cells"]
    assert "| 规章 | 0 | 0 | 0 |" in texts["markdown"] and "|---|---|---|---|" in texts["markdown"]
