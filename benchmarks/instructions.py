"""Instructions a report of parse + validate, counted by valgrind: a measure that other
processes on the machine do not move, for comparing two versions of the code.

    .venv/bin/python benchmarks/instructions.py                  # this checkout
    .venv/bin/python benchmarks/instructions.py --checkout DIR   # another (PYTHONPATH=DIR)

Runs this script under ``valgrind --tool=callgrind`` with one and with three passes
over a group of reports (after a warm-up pass) and prints the difference a report:
start-up, imports and the warm-up cancel out. A minute or two a group; needs valgrind.
Instructions are not time (memory and branches differ), but a change that saves
instructions in the same code saves time in proportion, and the count is the same
from run to run where timings on a shared machine move by 10% and more.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GROUPS = {"reference": 0, "generated": 40}  # generated reports to build for the group
# one layout of the generated reports (the corpus spreads them over the six in turn)
LAYOUT_GROUPS = ("tab", "pipe", "cells", "markdown", "grid", "aligned")


def run_passes(group: str, passes: int) -> None:
    """The counted program: a warm-up pass, then ``passes`` passes over the group."""
    sys.path.insert(0, str(HERE))
    import govparse
    from corpus import build_corpus

    if group in LAYOUT_GROUPS:
        texts = [item.text for item in build_corpus(60) if item.group == group]
    else:
        texts = [item.text for item in build_corpus(GROUPS[group])
                 if (item.group == "reference") == (group == "reference")]
    for _ in range(1 + passes):
        for text in texts:
            govparse.validate(govparse.parse(text))
    print(len(texts))


def count(group: str, passes: int, checkout: str | None) -> tuple[int, int]:
    """Instructions of the program with ``passes`` passes, and the group's size."""
    env = dict(os.environ)
    if checkout:
        env["PYTHONPATH"] = checkout
    # the same hash seed in every run: set and dict orders, and with them the count, the
    # same from run to run (a random seed moved it by ±0.3M)
    env.setdefault("PYTHONHASHSEED", "0")
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
         __file__, "--run", group, str(passes)],
        env=env, capture_output=True, text=True, cwd="/", check=True)
    return int(re.search(r"Collected : (\d+)", done.stderr).group(1)), int(done.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--checkout", help="a folder holding the govparse package to measure")
    ap.add_argument("--group", choices=[*GROUPS, *LAYOUT_GROUPS, "all", "layouts"],
                    default="all", help="reference, generated (all layouts), one layout of "
                    "the generated reports (10 of it), all (reference and generated) or "
                    "layouts (each layout)")
    ap.add_argument("--run", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run:
        run_passes(args.run[0], int(args.run[1]))
        return 0
    groups = {"all": list(GROUPS), "layouts": list(LAYOUT_GROUPS)}.get(args.group, [args.group])
    for group in groups:
        (three, reports), (one, _) = (count(group, n, args.checkout) for n in (3, 1))
        per_report = (three - one) / 2 / reports
        print(f"{group:10} {per_report / 1e6:6.2f}M instructions a report of parse + validate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
