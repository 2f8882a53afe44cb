#!/usr/bin/env python3
"""atheris (libFuzzer) harness: every byte string must get a report or a clear
GovParseError, with no invented figure, no silent loss and linear time.

    make fuzz SECONDS=600                       # the usual way: installs atheris itself
    .venv/bin/python fuzz/atheris_parse.py fuzz/crashes/corpus fuzz/corpus \\
        -max_total_time=600 -artifact_prefix=fuzz/crashes/

Each input is given to ``govparse.parse`` as bytes (so decoding, BOMs, encodings,
NUL bytes and line ends are exercised), leniently and strictly, and checked by
``fuzz.properties`` (the same checks as the Hypothesis tests). 30% of the mutations
are libFuzzer's own byte mutations, 70% the structure-aware operators of
``fuzz.mutations`` (lines, separators, numbers, insertions, encodings).

A crash (any exception other than GovParseError), a violated property, or an
input slower than 50x a reference report per byte (plus a 1 s allowance) stops the
run and leaves the input in ``fuzz/crashes/`` (libFuzzer's ``crash-<sha1>``). Every
one becomes a test in tests/test_regressions.py.

Known issues (``fuzz.properties.KNOWN_ISSUES``, already pinned by failing tests)
are counted instead; one example of each is kept as ``fuzz/crashes/known-<id>``
and the counts go to ``fuzz/crashes/stats-<pid>.json`` (with executions, outcomes
and exec/s) every 1000 executions and at the end. ``GOVPARSE_FUZZ_KNOWN=none`` makes
them crashes too.

Options of this harness (before libFuzzer's): ``--no-strict`` (lenient only),
``--no-time`` (no time property), ``--instrument-lark`` (coverage of lark too).
"""

from __future__ import annotations

import atexit
import collections
import importlib
import json
import os
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from fuzz import READ_MODULES  # noqa: E402

import atheris  # noqa: E402

_OWN_FLAGS = {"--no-strict", "--no-time", "--instrument-lark"}
FLAGS = {a for a in sys.argv[1:] if a in _OWN_FLAGS}
ARGV = [sys.argv[0]] + [a for a in sys.argv[1:] if a not in _OWN_FLAGS]

_include = ["govparse"] + (["lark"] if "--instrument-lark" in FLAGS else [])
with atheris.instrument_imports(include=_include):
    # every module a parse may reach, imported here to be instrumented (govparse
    # imports most of them lazily, when an input first needs them)
    import govparse  # noqa: F401
    for _module in READ_MODULES:
        importlib.import_module(_module)

from fuzz import CRASHES_DIR, mutations, properties  # noqa: E402

STRICT = "--no-strict" not in FLAGS
TIME = "--no-time" not in FLAGS
TOLERATE = properties.tolerated_known_issues()
PACE = properties.reference_pace(repeat=3, allowance=1.0)

STATS = {
    "executions": 0,
    "started": time.time(),
    "outcomes": collections.Counter(),
    "known_issues": collections.Counter(),
    "slowest": {"seconds": 0.0, "bytes": 0},
    "reference_us_per_byte": PACE.seconds_per_byte * 1e6,
}


def write_stats() -> None:
    elapsed = time.time() - STATS["started"]
    out = dict(STATS, elapsed_seconds=round(elapsed, 1),
               exec_per_second=round(STATS["executions"] / max(elapsed, 1e-9), 1),
               strict=STRICT, time_property=TIME, tolerated=sorted(TOLERATE))
    CRASHES_DIR.mkdir(exist_ok=True)
    (CRASHES_DIR / f"stats-{os.getpid()}.json").write_text(
        json.dumps(out, indent=2, default=str) + "\n")


def _keep_known(known: str, data: bytes) -> None:
    if STATS["known_issues"][known] == 1:
        CRASHES_DIR.mkdir(exist_ok=True)
        (CRASHES_DIR / f"known-{known}").write_bytes(data)


def TestOneInput(data: bytes) -> None:
    outcome = properties.check(data, strict=STRICT, extended=False, tolerate=TOLERATE)
    known = list(outcome.known)
    if TIME:
        known += properties.check_time(outcome, PACE, TOLERATE)
    STATS["executions"] += 1
    STATS["outcomes"][outcome.summary] += 1
    for issue in known:
        STATS["known_issues"][issue] += 1
        _keep_known(issue, data)
    if outcome.seconds > STATS["slowest"]["seconds"]:
        STATS["slowest"] = {"seconds": round(outcome.seconds, 4), "bytes": len(data)}
    if STATS["executions"] % 1000 == 0:
        write_stats()


# The share of libFuzzer's own byte mutations; the rest are fuzz.mutations' operators.
# Byte mutations mostly make NUL bytes (GP002) or invalid UTF-8 (GP004): at one half,
# 64% of a million executions never reached the grammar; at 0.3, with the custom
# mutator dropping most NULs, 32% (a three-minute run).
BYTE_MUTATION_SHARE = 0.3


def CustomMutator(data: bytes, max_size: int, seed: int) -> bytes:
    rng = random.Random(seed)
    if rng.random() < BYTE_MUTATION_SHARE:
        return atheris.Mutate(data, max_size)
    try:
        return mutations.random_mutation(data, rng, max_size)
    except Exception:  # a mutator's slip is no finding; fall back to libFuzzer's
        return atheris.Mutate(data, max_size)


def main() -> None:
    atexit.register(write_stats)
    atheris.Setup(ARGV, TestOneInput, custom_mutator=CustomMutator)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
