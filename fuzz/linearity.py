#!/usr/bin/env python3
"""Benchmark for the linear-time bound: no input of up to 1 MB may take more than 50
times as long per byte as a reference report.

    .venv/bin/python fuzz/linearity.py                 # every case, up to 1 MB
    .venv/bin/python fuzz/linearity.py --max-bytes 262144 --case rule
    .venv/bin/python fuzz/linearity.py --json out.json

The reference is the mean over the five reference reports (tests/data/seeds) of the
best of five lenient parses, in seconds per byte of UTF-8. Each case builds inputs
of growing size (16 KiB, 64 KiB, 256 KiB, 1 MiB by default) by repeating or
mutating reports, or by growing one pathological line, and prints the lenient
parse's seconds, µs per byte and the ratio to the reference.

A case whose next size would take longer than ``--budget`` seconds (judged from
the growth seen so far) is not run at that size: its time is extrapolated from
the growth exponent of the last two sizes and marked ``~`` (a quadratic case at
1 MB would take hours). The exit status is 1 when any ratio, measured or
extrapolated, is over the bound.

This is a benchmark that prints figures, not a timed test: run it on a quiet
machine, and read the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import govparse  # noqa: E402
from fuzz import EXAMPLES_DIR, SEEDS_DIR, mutations, properties  # noqa: E402

BOUND = 50.0
KIB = 1024


def _utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def _fill(unit: str, size: int, head: str = "", tail: str = "") -> str:
    """head + unit repeated + tail, about ``size`` bytes of UTF-8."""
    room = max(size - _utf8_len(head) - _utf8_len(tail), 0)
    count = max(1, room // max(1, _utf8_len(unit)))
    return head + unit * count + tail


def _example(layout: str = "tab") -> str:
    return (EXAMPLES_DIR / f"report-2024-{layout}.txt").read_text(encoding="utf-8")


def _seeds() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))]


def _lines_repeated(text: str, start: str, end: str, size: int) -> str:
    """The text with the lines from ``start`` up to ``end`` repeated to ``size`` bytes."""
    i, j = text.index(start), text.index(end)
    block = text[i:j]
    return text[:i] + _fill(block, size - _utf8_len(text) + _utf8_len(block)) + text[j:]


TABLE = "二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
TITLE = "示例县人民政府办公室2024年政府信息公开工作年度报告\n"


def _mutated(size: int, seed: int = 20240101) -> str:
    """Mutated reports (fixed seed) appended until ``size``, none of a known slow class."""
    rng = random.Random(seed)
    choose = mutations.RandomChooser(rng)
    bases = mutations.base_texts()
    parts, total = [], 0
    while total < size:
        text, _ = mutations.mutate(choose.choice(bases)[1], choose, rng.randint(1, 4))
        if "\x00" in text:
            continue
        parts.append(text)
        total += _utf8_len(text)
    return "\n".join(parts)


def _short_unknown_labels(size: int, tail: str, seed: int = 7) -> str:
    """Lines of two-character labels made of the applications table's own words,
    which name no row: every one is compared with every row label (GP204/GP201)."""
    from govparse.template import catalogue

    words = "".join(sorted(set("".join(catalogue("2021", "applications").labels_by_key
                                       .values())) - set("\t|｜ \u3000()（）0123456789")))
    rng = random.Random(seed)
    lines, total = [], 0
    while total < size:
        line = rng.choice(words) + rng.choice(words) + tail + "\n"
        lines.append(line)
        total += _utf8_len(line)
    return "三、收到和处理政府信息公开申请情况\n" + "".join(lines)


# name -> (how the input is made, what it is)
CASES: dict[str, tuple[Callable[[int], str], str]] = {
    "reports-repeated": (lambda n: _fill("\n".join(_seeds()) + "\n", n),
                         "the five reference reports, again and again"),
    "printed-cells-repeated": (lambda n: _fill(_example("cells"), n),
                               "the example in the one-cell-a-line layout, repeated"),
    "printed-markdown-repeated": (lambda n: _fill(_example("markdown"), n),
                                  "the example as markdown tables, repeated"),
    "rows-doubled": (lambda n: _lines_repeated(_example(), "（二）部分公开", "四、结转下年度", n),
                     "the applications table's rows doubled over and over (GP206)"),
    "mutated-reports": (_mutated, "reports mutated by fuzz.mutations, appended"),
    "narrative-lines": (lambda n: _fill("本机关持续推进政务公开工作，取得积极成效。\n", n,
                                        TITLE + "一、总体情况\n"),
                        "one narrative section of many lines"),
    "long-narrative-line": (lambda n: _fill("公开", n, TITLE + "一、总体情况\n", "\n"),
                            "one narrative line of the whole size"),
    "unplaced-rows": (lambda n: _fill("行政检查\t3\t4\t5\n", n, TABLE),
                      "rows whose label names no row (GP204, with suggestions)"),
    "unknown-labels": (lambda n: _fill("某项统计\t\t\n", n, TABLE),
                       "lines of an unknown label alone (GP201)"),
    "short-unknown-labels": (lambda n: _short_unknown_labels(n, "\t\t"),
                             "two-character labels of template words, alone (GP201)"),
    "short-unknown-rows": (lambda n: _short_unknown_labels(n, "\t1"),
                           "two-character labels of template words, with a figure (GP204)"),
    "one-character-lines": (lambda n: _fill("x\n", n, TABLE),
                            "a table of one-character lines (GP201 each)"),
    "numbering-only-rows": (lambda n: _fill("1.\t1\n", n, "三、收到和处理政府信息公开申请情况\n"),
                            "rows labelled only by a number, '1.', with a figure (GP204)"),
    "long-label-with-figure": (lambda n: _fill("行政规范性文件", n, TABLE, "\t1\t2\t3\n"),
                               "one table label of the whole size, with figures"),
    "long-row-of-figures": (lambda n: _fill("\t0", n, TABLE + "规章", "\n"),
                            "one row with a figure in every cell (GP303)"),
    "empty-cells": (lambda n: _fill("\t", n, TABLE + "规章", "1\t2\t3\n"),
                    "a row of empty cells before its figures (GP305 each)"),
    "long-number": (lambda n: _fill("9", n, TABLE + "规章\t", "\t0\t0\n"),
                    "one figure of the whole size"),
    "wrapped-figures": (lambda n: _fill("0\n", n, TABLE + "规章\t"),
                        "a row's figures wrapped one a line (GP306 each)"),
    "pipes": (lambda n: _fill("|", n, TABLE + "规章", "0|0|0\n"),
              "a row of pipes"),
    # The known quadratic classes (fuzz.properties.KNOWN_ISSUES).
    "spaces-after-word": (lambda n: _fill(" ", n, "a", "x\n"),
                          "a front-matter line: a word, then spaces (ORGANIZATION)"),
    "hash-then-spaces": (lambda n: _fill(" ", n, "#", "\n"),
                         "'#' then spaces (the headings' optional '# ')"),
    "rule-like-dashes": (lambda n: _fill("-", n, TABLE, "x\n"),
                         "dashes that are no rule (RULE)"),
    "parens-label": (lambda n: _fill("(", n, TABLE + "a", "\t1\n"),
                     "a label of '(' with a figure (label_key's remark)"),
}

SIZES = (16 * KIB, 64 * KIB, 256 * KIB, 1024 * KIB)


def timed_parse(text: str, repeat: int) -> float:
    best = math.inf
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            govparse.parse(text)
        except govparse.GovParseError:
            pass
        best = min(best, time.perf_counter() - started)
    return best


def run_case(name: str, make: Callable[[int], str], sizes, reference: float,
             budget: float, out) -> list[dict]:
    rows: list[dict] = []
    for size in sizes:
        text = make(size)
        nbytes = _utf8_len(text)
        if len(rows) >= 1:
            last = rows[-1]
            exponent = 1.0
            if len(rows) >= 2 and not rows[-2]["extrapolated"]:
                exponent = max(1.0, math.log(last["seconds"] / max(rows[-2]["seconds"], 1e-9))
                               / math.log(last["bytes"] / rows[-2]["bytes"]))
            predicted = last["seconds"] * (nbytes / last["bytes"]) ** exponent
            if last["extrapolated"] or predicted > budget:
                rows.append(_row(name, nbytes, predicted, reference, True, exponent))
                print(_format(rows[-1]), file=out, flush=True)
                continue
        seconds = timed_parse(text, 3 if nbytes <= 256 * KIB else 2)
        rows.append(_row(name, nbytes, seconds, reference, False))
        print(_format(rows[-1]), file=out, flush=True)
    return rows


def _row(name, nbytes, seconds, reference, extrapolated, exponent=None) -> dict:
    per_byte = seconds / nbytes
    return {"case": name, "bytes": nbytes, "seconds": seconds,
            "us_per_byte": per_byte * 1e6, "ratio": per_byte / reference,
            "extrapolated": extrapolated, "exponent": exponent}


def _format(row: dict) -> str:
    mark = "~" if row["extrapolated"] else " "
    verdict = "ok" if row["ratio"] <= BOUND else "OVER"
    extra = f"  (extrapolated, time ~ size^{row['exponent']:.2f})" if row["extrapolated"] else ""
    return (f"{row['case']:<26} {row['bytes']:>9} {mark}{row['seconds']:>11.3f} "
            f"{row['us_per_byte']:>10.2f} {mark}{row['ratio']:>9.1f}x  {verdict}{extra}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-bytes", type=int, default=1024 * KIB)
    parser.add_argument("--budget", type=float, default=120.0,
                        help="longest single parse to run, in seconds (default 120)")
    parser.add_argument("--case", action="append", help="run only these cases")
    parser.add_argument("--json", help="also write the rows to this file")
    args = parser.parse_args(argv)

    pace = properties.reference_pace(repeat=5)
    reference = pace.seconds_per_byte
    sizes = [s for s in SIZES if s <= args.max_bytes] or [args.max_bytes]
    print(f"reference: {reference * 1e6:.3f} µs/byte (mean of the best of 5 parses of "
          f"each reference report); bound: {BOUND:g}x = {BOUND * reference * 1e6:.1f} µs/byte")
    print(f"python {sys.version.split()[0]}, govparse {govparse.__version__}")
    print()
    print(f"{'case':<26} {'bytes':>9} {'seconds':>12} {'µs/byte':>10} {'ratio':>10}")
    rows: list[dict] = []
    for name, (make, _what) in CASES.items():
        if args.case and name not in args.case:
            continue
        rows += run_case(name, make, sizes, reference, args.budget, sys.stdout)
    over = [r for r in rows if r["ratio"] > BOUND]
    measured = [r for r in rows if not r["extrapolated"]]
    worst = max(measured, key=lambda r: r["ratio"]) if measured else None
    print()
    if worst:
        print(f"worst measured: {worst['case']} at {worst['bytes']} bytes, "
              f"{worst['ratio']:.1f}x the reference per byte")
    if over:
        print(f"OVER the {BOUND:g}x bound: " + ", ".join(
            sorted({r['case'] for r in over})))
    else:
        print(f"every case within {BOUND:g}x the reference per byte")
    if args.json:
        Path(args.json).write_text(json.dumps({"reference_us_per_byte": reference * 1e6,
                                               "bound": BOUND, "rows": rows}, indent=2))
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
