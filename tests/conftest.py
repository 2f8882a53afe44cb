import csv
import os
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the fuzz/ package, however pytest is started
SEEDS = HERE / "data" / "seeds"
EXAMPLES = ROOT / "examples"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
LAYOUTS = ("tab", "pipe", "cells", "markdown")

# Hypothesis: a quick profile for `make test` and CI, a long one for deep runs
# (HYPOTHESIS_PROFILE=long make test).
settings.register_profile("quick", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))


def load_expected():
    """expected.tsv: report -> {(table, row, column): set of acceptable values}."""
    expected = defaultdict(dict)
    with open(SEEDS / "expected.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            key = (row["table"], row["row"], row["column"])
            expected[row["report"]][key] = set(row["value"].split("|"))
    return dict(expected)


@pytest.fixture(scope="session")
def expected():
    return load_expected()


def example_path(layout: str) -> Path:
    return EXAMPLES / f"report-2024-{layout}.txt"


from processes import shared_dir  # noqa: E402,F401 - a fixture for the tests run as nobody
