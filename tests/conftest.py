import csv
import os
import signal
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

# A shell without job control starts a command put in the background (`make test &`)
# with Ctrl-C ignored, and every process it starts inherits that: the tests of what
# Ctrl-C does would then see nothing happen. They test govparse, not that shell.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the fuzz/ package, however pytest is started
SEEDS = HERE / "data" / "seeds"
EXAMPLES = ROOT / "examples"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
LAYOUTS = ("tab", "pipe", "cells", "markdown")

# Hypothesis profiles (HYPOTHESIS_PROFILE=NAME; `quick` when it is not set):
# - quick (also named ci): `make test` and CI. 200 examples a property, no
#   shrinking, and derandomized: every run tries the same examples, so that CI passes
#   or fails for the code, not for a draw (the placement properties found a new rare
#   case in one run of three while the table reader changed). A red run reports the
#   first failing example and ends in minutes, where shrinking a big generated report
#   could take a quarter of an hour; the printed @reproduce_failure blob repeats it.
# - random: quick, drawing new examples each run (and keeping failures in .hypothesis/):
#   HYPOTHESIS_PROFILE=random make test, to look further than CI does.
# - shrink: quick, with shrinking, to make that failure small on your machine:
#   HYPOTHESIS_PROFILE=shrink .venv/bin/pytest tests/test_x.py::test_y (the run
#   replays the stored example first, then shrinks it).
# - long: 5000 examples a property, with shrinking, for deep runs.
QUICK = dict(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NO_SHRINKING = (Phase.explicit, Phase.reuse, Phase.generate, Phase.target)
settings.register_profile("random", phases=NO_SHRINKING, print_blob=True, **QUICK)
settings.register_profile("quick", settings.get_profile("random"), derandomize=True)
settings.register_profile("ci", settings.get_profile("quick"))
settings.register_profile("shrink", **QUICK)
settings.register_profile("long", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))


def load_expected(path: Path | None = None):
    """An expected.tsv (the reference reports' by default): report -> {(table, row,
    column): set of acceptable values}."""
    expected = defaultdict(dict)
    with open(path or SEEDS / "expected.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            key = (row["table"], row["row"], row["column"])
            expected[row["report"]][key] = set(row["value"].split("|"))
    return dict(expected)


@pytest.fixture(scope="session")
def expected():
    return load_expected()


def example_path(layout: str) -> Path:
    return EXAMPLES / f"report-2024-{layout}.txt"


import processes  # noqa: E402

shared_dir = processes.shared_dir  # a fixture for the tests run as nobody
