# govparse: every target sets up what it needs from nothing.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
SECONDS ?= 60

.PHONY: demo test grammar bytecode fuzz mutate bench bench-batch bench-pdf clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

## demo: set up, then parse the bundled example and print its figures
demo: bytecode
	$(VENV)/bin/govparse parse examples/report-2024-tab.txt

## test: set up, check the layering (lint-imports: [tool.importlinter] in pyproject.toml;
## no cache directory left behind), then run the whole test suite (quick Hypothesis profile)
## on every core (pytest-xdist; `.venv/bin/pytest` alone runs it in one process)
test: grammar bytecode
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m pytest -n auto

## grammar: remake govparse/frontends/text/_standalone.py, the parser's tables, if grammar/report.lark
## changed (installing does it too: hatch_build.py)
grammar: $(VENV)/.installed
	$(PY) grammar/generate.py

## bytecode: compile govparse's modules, as pip does when it installs a package. An
## editable install has none, and where PYTHONDONTWRITEBYTECODE is set no start
## writes them: every `govparse` would compile its own source first, 50 ms more.
bytecode: grammar
	$(PY) -m compileall -q govparse

## fuzz: set up (atheris too), then fuzz the parser for $(SECONDS) seconds with the
## corpus (fuzz/README.md); crashes and the grown corpus go to fuzz/crashes/
$(VENV)/.atheris: $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check 'atheris>=2.3'
	touch $@

fuzz: $(VENV)/.atheris
	mkdir -p fuzz/crashes/corpus
	$(PY) fuzz/atheris_parse.py fuzz/crashes/corpus fuzz/corpus \
		-max_total_time=$(SECONDS) -artifact_prefix=fuzz/crashes/ -print_final_stats=1 \
		$(FUZZ_ARGS)

## mutate: set up (mutmut too), then mutation-test the table reader, the gap rule and
## the validator ([tool.mutmut] in pyproject.toml; docs/testing.md) with one worker
## (MUTATE_JOBS=2 for two), then list the mutants that survived. mutants/ keeps the
## results: a second run tests only what changed (rm -rf mutants for a clean run).
MUTATE_JOBS ?= 1

$(VENV)/.mutmut: $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check 'mutmut>=3.8,<4'
	touch $@

mutate: grammar $(VENV)/.mutmut
	$(VENV)/bin/mutmut run --max-children $(MUTATE_JOBS)
	$(VENV)/bin/mutmut results

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build dist mutants

## bench: set up, then measure parse, parse + validation, cold start and peak memory
## against their floors (benchmarks/bench.py; BENCH_ARGS=--quick for a 30 s run)
bench: bytecode
	$(PY) benchmarks/bench.py $(BENCH_ARGS)

## bench-batch: a batch run's throughput with --jobs 1 and 2 and its memory as the
## count grows (benchmarks/batch.py; BATCH_ARGS="--reports 10000" for a shorter run)
bench-batch: bytecode
	$(PY) benchmarks/batch.py $(BATCH_ARGS)

## bench-pdf: set up pdfplumber too, then read the real PDFs side by side with it
## (benchmarks/pdf.py)
$(VENV)/.bench: $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,bench]'
	touch $@

bench-pdf: bytecode $(VENV)/.bench
	$(PY) benchmarks/pdf.py
