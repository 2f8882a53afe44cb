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

# The packages of govparse a parse may reach, whatever the input's format: the
# harness imports each of their modules under atheris's instrumentation (govparse
# imports most of them only when an input first needs them). Found by walking the
# folders, so that nothing is imported before the harness instruments it.
READ_PACKAGES = ("core", "frontends", "check", "template", "model", "emit")


def _read_modules() -> list[str]:
    package = ROOT / "govparse"
    names = [f"govparse.{p.stem}" for p in sorted(package.glob("*.py"))
             if p.stem not in ("__init__", "__main__", "console")]
    for top in READ_PACKAGES:
        for path in sorted((package / top).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


READ_MODULES = _read_modules()
