"""govparse's fuzzers: malformed input must never crash, hang or be guessed silently.

- ``fuzz.mutations``: the mutation operators (delete, duplicate, swap, truncate
  lines; drop, double, change separators; letters, huge, negative and full-width
  numbers; random Unicode, NUL bytes, control characters, very long lines; a cut
  at every table boundary; encodings and line ends) and the Hypothesis strategies
  built from them.
- ``fuzz.properties``: the checks every input must pass, shared by the Hypothesis
  tests (tests/test_fuzz.py) and the atheris harness (fuzz/atheris_parse.py).
- ``fuzz.linearity``: the benchmark for the 50x-per-byte bound.

See fuzz/README.md.
"""

from __future__ import annotations

from pathlib import Path

FUZZ_DIR = Path(__file__).resolve().parent
ROOT = FUZZ_DIR.parent
SEEDS_DIR = ROOT / "tests" / "data" / "seeds"
EXAMPLES_DIR = ROOT / "examples"
CORPUS_DIR = FUZZ_DIR / "corpus"
# The fuzzer's output: crash artifacts and the corpus atheris grows (git-ignored).
CRASHES_DIR = FUZZ_DIR / "crashes"
