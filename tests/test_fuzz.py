"""The fuzzer's quick run (part of ``make test``): mutated reports and raw bytes get
a report or a clear GovParseError, with no invented figure, no silent loss, strict
agreeing with lenient, and time in proportion to the input.

The mutations and the checks live in fuzz/ (fuzz.mutations, fuzz.properties) and
are shared with the atheris harness. The Hypothesis profile decides the depth:
``quick`` (the default, 200 examples a property) or ``long`` (5000):

    HYPOTHESIS_PROFILE=long .venv/bin/pytest tests/test_fuzz.py

Known issues already pinned by tests/test_regressions.py are tolerated here (see
fuzz.properties.KNOWN_ISSUES); ``GOVPARSE_FUZZ_KNOWN=none`` fails on them too.
"""

import math
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import govparse  # noqa: E402
from fuzz import mutations, properties  # noqa: E402

# Seconds per byte of the reference reports; an input may take 50x that per byte,
# plus 2 s for a busy machine (the real bound is measured by fuzz/linearity.py).
PACE = properties.reference_pace(repeat=3, allowance=2.0)
EXAMPLES = settings.default.max_examples  # the profile's: 200 quick, 5000 long
LONG = EXAMPLES >= 1000


def few(share: int) -> settings:
    """A property that costs more per example runs a share of the profile's examples."""
    return settings(max_examples=max(20, EXAMPLES // share),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutations.fuzz_inputs())
def test_mutated_report_gets_a_report_or_a_clear_error(fuzz_input):
    outcome = properties.check(fuzz_input.data)
    properties.check_time(outcome, PACE)


@given(st.one_of(st.binary(max_size=400), st.text(max_size=400),
                 st.text(st.sampled_from("\t|｜ -—0１9.,年报告一、（）\n\r\x00\ufeff规章"),
                         max_size=400)))
def test_any_small_input_gets_a_report_or_a_clear_error(data):
    properties.check(data)


@few(4)
@given(mutations.fuzz_inputs(max_mutations=3))
def test_parse_file_names_the_file_in_every_diagnostic(fuzz_input):
    data = fuzz_input.data
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "报告 report.txt"
        path.write_bytes(raw)
        properties.check_file(path)


@few(4)
@given(mutations.fuzz_inputs(max_mutations=3), st.data())
def test_size_limit_is_a_clear_error(fuzz_input, data):
    raw = fuzz_input.data
    size = len(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw)
    limit = data.draw(st.one_of(st.sampled_from([max(size - 1, 0), size, size + 1]),
                                st.integers(0, size + 10)), label="max_bytes")
    if size <= limit:  # within the limit, even at it: read as without one
        outcome = properties.check(fuzz_input.data, max_bytes=limit, extended=False)
        unlimited = properties.check(fuzz_input.data, extended=False)
        for got, want in ((outcome.lenient, unlimited.lenient),
                          (outcome.strict, unlimited.strict)):
            if isinstance(got, govparse.GovParseError):
                assert got.code != "GP003", (size, limit, got)
                assert isinstance(want, govparse.GovParseError) and want.code == got.code
            else:
                assert got == want and got.diagnostics == want.diagnostics
        return
    with pytest.raises(govparse.InputError) as info:
        govparse.parse(fuzz_input.data, max_bytes=limit, path="big.txt")
    assert info.value.code == "GP003" and info.value.path == "big.txt"
    assert str(limit) in info.value.message


@few(4)
@given(mutations.fuzz_inputs(max_mutations=3))
def test_inferred_figures_are_marked_and_said(fuzz_input):
    properties.check_inferred(fuzz_input.data)


CUTS = list(mutations.table_cuts())
# The quick profile cuts at a spread of the boundaries; the long one at every one.
STEP = 1 if LONG else max(1, math.ceil(len(CUTS) / 300))


def test_cut_at_every_table_boundary():
    checked = 0
    for name, text in CUTS[::STEP]:
        try:
            properties.check(text, extended=False)
        except AssertionError as exc:
            raise AssertionError(f"cut {name}: {exc}") from exc
        checked += 1
    assert checked >= min(len(CUTS), 250)


@pytest.mark.parametrize("name", [name for name, _ in mutations.base_texts()])
def test_every_starting_point_passes_the_properties(name):
    text = dict(mutations.base_texts())[name]
    outcome = properties.check(text)
    assert not isinstance(outcome.lenient, govparse.GovParseError)


CORPUS = sorted(p.name for p in (ROOT / "fuzz" / "corpus").iterdir())


@pytest.mark.parametrize("name", CORPUS)
def test_every_file_of_the_atheris_corpus_passes_the_properties(name):
    # the harness starts from these (PDFs, Word files and broken ones among them): a
    # property one of them breaks stops `make fuzz` at its first input
    properties.check((ROOT / "fuzz" / "corpus" / name).read_bytes(), extended=False)


def test_the_atheris_harness_names_modules_that_exist():
    # `make fuzz` needs atheris, which the test extras leave out: what the harness
    # imports from govparse is checked here, so that a module moved or renamed does
    # not break it unseen (it once imported govparse.parser, gone with the restructure)
    import ast
    import importlib
    import importlib.util

    from fuzz import FUZZ_DIR, READ_MODULES

    assert "govparse.api" in READ_MODULES and "govparse.frontends.pdf.reader" in READ_MODULES
    assert "govparse.core.table_reader" in READ_MODULES
    assert not [m for m in READ_MODULES if m.startswith(("govparse.cli", "govparse.dask",
                                                          "govparse.batch"))]
    for name in READ_MODULES:
        importlib.import_module(name)
    tree = ast.parse((FUZZ_DIR / "atheris_parse.py").read_text(encoding="utf-8"))
    named = [(node.module, alias.name) for node in ast.walk(tree)
             if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("govparse")
             for alias in node.names]
    named += [(alias.name, None) for node in ast.walk(tree) if isinstance(node, ast.Import)
              for alias in node.names if alias.name.startswith("govparse")]
    for module, attr in named:
        imported = importlib.import_module(module)
        if attr is not None:
            assert hasattr(imported, attr) or importlib.util.find_spec(f"{module}.{attr}"), \
                (module, attr)


def test_a_label_of_thousands_of_words_under_a_row_is_read_in_linear_time():
    # the fuzzer's (2026-12-06): a row's figures, then a cell of some 5,000 words
    # where a label stands; whether the words name a row was asked of every prefix and
    # suffix of them (TableReader._rests_under_a_row): 20 s for 82 KB. A cell of more
    # words than a row's labels run together is no row's pieces: 0.1 s
    data = (ROOT / "fuzz" / "corpus" / "slow-label-of-many-words-under-a-row.txt").read_bytes()
    outcome = properties.check(data, extended=False)
    properties.check_time(outcome, PACE)
