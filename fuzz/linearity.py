#!/usr/bin/env python3
"""Benchmark for the linear bounds: no input of up to 1 MB (10 MB with --max-bytes)
may take more than 50 times as long per byte as a reference report, nor more than
50 times its size in memory.

    .venv/bin/python fuzz/linearity.py                 # every case, up to 1 MB
    .venv/bin/python fuzz/linearity.py --quick         # 16 KiB and 256 KiB, ~2 min
    .venv/bin/python fuzz/linearity.py --max-bytes 10485760 --case pipe-lines
    .venv/bin/python fuzz/linearity.py --max-bytes 262144 --case rule-like-dashes --cli none
    .venv/bin/python fuzz/linearity.py --json out.json

Time. The reference is the mean over the five reference reports (tests/data/seeds)
of the best of five lenient parses, in seconds per byte of UTF-8. Each case builds
inputs of growing size (16 KiB, 64 KiB, 256 KiB, 1 MiB by default; 4 MiB and
10 MiB under --max-bytes 10485760) by repeating or mutating reports, by growing one
pathological line, or from lines of separators only, and prints the lenient
parse's seconds, µs per byte and the ratio to the reference.

A case whose next size would take longer than ``--budget`` seconds (judged from
the growth seen so far) is not run at that size: its time is extrapolated from
the growth exponent of the last two sizes and marked ``~`` (a quadratic case at
1 MB would take hours), and its memory is not measured.

Memory. After the timed parses one more parse runs under tracemalloc, in this
process: its peak (what Python allocated during the parse, its own objects and
its C modules', the regular-expression engine's stack too) over the input's UTF-8
size is the ``peak/byte`` column, bound 50x as benchmarks/bench.py's peak-memory
target. tracemalloc counts only what is allocated after it starts, so what the
process holds already (other cases, caches) does not count, and unlike RSS it does
not depend on the allocator's pages: the figure is the same from run to run.
tracemalloc slows the parse several times; that parse is not timed. --no-memory
skips it.

The CLI. For the cases of ``CLI_CASES`` (every case with ``--cli all``), each input
is also written to a file and given to ``python -m govparse parse --format json
FILE`` and to ``python -m govparse parse FILE`` (the figures, and the diagnostics as
the console renders them on standard error), each in a child process with its
output to files: its wall time and its peak resident memory (ru_maxrss from
os.wait4, for that child alone; it is forked from a small helper process, as Linux
counts in a child's peak the memory of the process it was forked from). From these the same command's figures on the
first reference report are taken (the interpreter, the imports, the parse tables),
and the rest, per byte of input, is held to the same bounds: the reference's
seconds per byte times 50, and 50 bytes a byte. RSS counts pages, not objects, and
a child's start varies: an excess of up to 4 MiB and 0.25 s over the bound is taken
as noise (the rows still print the plain ratios).

The exit status is 1 when any ratio, measured or extrapolated, is over its bound,
or a CLI run failed (an exit status other than 0 or 1, or a traceback).

This is a benchmark that prints figures, not a timed test: run it on a quiet
machine, and read the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import govparse  # noqa: E402
from fuzz import EXAMPLES_DIR, ROOT, SEEDS_DIR, mutations, properties  # noqa: E402

BOUND = 50.0  # times the reference's seconds per byte; and bytes of memory a byte
KIB = 1024
MIB = 1024 * KIB
RSS_ALLOWANCE = 4 * MIB  # a child process's peak RSS varies by this much
CLI_ALLOWANCE = 0.25  # seconds: and its start by this much


def _utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def _fill(unit: str, size: int, head: str = "", tail: str = "") -> str:
    """head + unit repeated + tail, about ``size`` bytes of UTF-8."""
    room = max(size - _utf8_len(head) - _utf8_len(tail), 0)
    count = max(1, room // max(1, _utf8_len(unit)))
    return head + unit * count + tail


def _page() -> str:
    return (ROOT / "tests" / "data" / "real" / "html" / "006.html").read_text(encoding="utf-8")


def _crawled() -> str:
    return (ROOT / "tests" / "data" / "real" / "crawler" / "006.txt").read_text(encoding="utf-8")


def _example(layout: str = "tab") -> str:
    return (EXAMPLES_DIR / f"report-2024-{layout}.txt").read_text(encoding="utf-8")


def _printed_run_together() -> str:
    return govparse.dumps(govparse.parse(_example()), "run-together")


def _seeds() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))]


def _lines_repeated(text: str, start: str, end: str, size: int) -> str:
    """The text with the lines from ``start`` up to ``end`` repeated to ``size`` bytes."""
    i, j = text.index(start), text.index(end)
    block = text[i:j]
    return text[:i] + _fill(block, size - _utf8_len(text) + _utf8_len(block)) + text[j:]


TABLE = "二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
TITLE = "示例县人民政府办公室2024年政府信息公开工作年度报告\n"
ACTIVE = TITLE + "二、主动公开政府信息情况\n"
APPLICATIONS = TITLE + "三、收到和处理政府信息公开申请情况\n"
# Run-together text (a crawler's): two row labels with their runs, so that it is read as such.
RUN_TOGETHER = TITLE.rstrip("\n") + "三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量"
RUN_TOGETHER_END = "二、上年结转政府信息公开申请数量0000000（七）总计0000000\n"


def _inserted(text: str, before: str, unit: str, size: int) -> str:
    """The text with ``unit`` repeated just before ``before``, to ``size`` bytes."""
    i = text.index(before)
    return text[:i] + _fill(unit, size - _utf8_len(text)) + text[i:]


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
    from govparse.template.spec import catalogue

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
    # Table sections of separators only: a page's empty grid (every cell empty).
    "pipe-lines": (lambda n: _fill("|" * 40 + "\n", n, ACTIVE),
                   "lines of 40 '|' under a table heading"),
    "tab-lines": (lambda n: _fill("\t" * 40 + "\n", n, APPLICATIONS),
                  "lines of 40 tabs under a table heading"),
    "spaced-pipe-lines": (lambda n: _fill("| " * 20 + "|\n", n, ACTIVE),
                          "lines of '| | |' under a table heading"),
    "one-pipe-lines": (lambda n: _fill("|\n", n, APPLICATIONS),
                       "lines of one '|' (the most lines a byte)"),
    "one-tab-lines": (lambda n: _fill("\t\n", n, APPLICATIONS),
                      "lines of one tab (the one-cell-a-line layout: an empty cell each)"),
    "tab-lines-after-rows": (lambda n: _inserted(_example("cells"), "四、政府信息公开", "\t\n", n),
                             "the one-cell-a-line example, tab lines after its last row"),
    "tab-lines-among-figures": (lambda n: _fill("\t\n", n, ACTIVE + "规章\n\t1\n", "\t2\n"),
                                "tab lines between a row's figures, one a line (GP303)"),
    "tab-lines-before-figures": (lambda n: _fill("\t\n", n, ACTIVE + "规章\n", "\t1\n"),
                                 "tab lines between a label and its figure (GP305 each)"),
    # Pages, drawn and spaced tables, PDF text (the front-ends of issues 14-16).
    "html-page-repeated": (lambda n: _fill(_page(), n),
                           "a real page (tests/data/real/html/006.html), again and again"),
    "html-one-wide-row": (lambda n: _fill("<td>1</td>", n, "<table><tr>", "</tr></table>"),
                          "one table row of ever more cells"),
    "html-huge-spans": (lambda n: _fill('<tr><td rowspan="100000" colspan="100000">1</td></tr>',
                                        n, "<table>", "</table>"),
                        "rows of one cell spanning 100,000 rows and columns (GP501)"),
    "html-nested-tables": (lambda n: _fill("<table><tr><td>", n, "<p>一、总体情况</p>"),
                           "tables nested in tables (GP502 past 2048 levels)"),
    "box-grid-rows": (lambda n: _fill("│规章  │0 │0 │0 │\n├──────┼──┼──┼──┤\n", n,
                                      ACTIVE + "┌──────┬──┬──┬──┐\n", "└──────┴──┴──┴──┘\n"),
                      "a box-drawing grid of ever more rows (w3m)"),
    "box-grid-wide": (lambda n: _fill("│0 ", n, ACTIVE + "┌─\n", "│\n└─\n"),
                      "a box-drawing grid row of ever more cells"),
    "spaced-rows": (lambda n: _fill("规章  0  0  0\n", n, ACTIVE),
                    "rows parted by blanks only (PDF text)"),
    "pdf-page-markers": (lambda n: _fill("规章 0 0 0\n\f- 3 -\n", n, ACTIVE),
                         "PDF text, a page number after every row (GP009)"),
    "lone-page-markers": (lambda n: _fill("- 3 -\n", n, ACTIVE),
                          "a viewer's copy: page number lines, no form feed (GP009)"),
    "dash-line": (lambda n: _fill("-", n, ACTIVE, "\n"),
                  "one line of ever more dashes (each a page number's end to look at)"),
    # Run-together text (a crawler's bare text; issue 17).
    "run-together-repeated": (lambda n: _fill(_crawled(), n),
                              "a real crawler's text (tests/data/real/crawler/006.txt), repeated"),
    "run-together-printed": (lambda n: _fill(_printed_run_together(), n),
                             "the example printed run-together, repeated"),
    "run-together-long-run": (lambda n: _fill("1", n, RUN_TOGETHER, RUN_TOGETHER_END),
                              "one run of digits of the whole size after a row label"),
    "run-together-rows": (lambda n: _fill("3.其他1100002", n, RUN_TOGETHER + "21710000218",
                                          RUN_TOGETHER_END),
                          "a row with its run again and again (GP206)"),
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

# The cases whose inputs also go through the CLI (--cli some): the grids, many
# diagnostics, a diagnostic on a line of the whole size.
CLI_CASES = ("pipe-lines", "tab-lines", "spaced-pipe-lines", "one-pipe-lines", "one-tab-lines",
             "tab-lines-after-rows", "unknown-labels", "long-label-with-figure")
CLI_COMMANDS = {"json": ("parse", "--format", "json"), "text": ("parse",)}

SIZES = (16 * KIB, 64 * KIB, 256 * KIB, MIB, 4 * MIB, 10 * MIB)
QUICK_SIZES = (16 * KIB, 256 * KIB)


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


def peak_memory(text: str) -> int:
    """tracemalloc's peak, in bytes, while parsing ``text`` leniently."""
    gc.collect()
    tracemalloc.start()
    try:
        govparse.parse(text)
    except govparse.GovParseError:
        pass
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


# Runs the CLI's child processes, and is one itself: Linux counts in a child's peak
# RSS the memory of the process it was forked from (exec keeps its high-water mark),
# so they are forked from this small process, not from the benchmark (hundreds of MB).
_SPAWNER = r"""
import json, os, subprocess, sys, time
for line in sys.stdin:
    argv, cwd, out, err = json.loads(line)
    with open(out, "wb") as o, open(err, "wb") as e:
        started = time.perf_counter()
        child = subprocess.Popen(argv, stdout=o, stderr=e, cwd=cwd)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped: Popen must not wait
    print(json.dumps([seconds, usage.ru_maxrss, child.returncode]), flush=True)
"""


class CliRun:
    __slots__ = ("seconds", "rss", "status", "out_bytes", "failed")

    def __init__(self, seconds: float, rss: int, status: int, out_bytes: int,
                 failed: str | None) -> None:
        self.seconds, self.rss, self.status = seconds, rss, status
        self.out_bytes, self.failed = out_bytes, failed


class Cli:
    """``python -m govparse`` in a child process, with its start-up measured once."""

    def __init__(self, reference: Path, runs: int = 3) -> None:
        self.spawner = subprocess.Popen([sys.executable, "-c", _SPAWNER], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        self.reference = reference
        self.base = {name: self._median(args, reference, runs)
                     for name, args in CLI_COMMANDS.items()}

    def close(self) -> None:
        self.spawner.stdin.close()
        self.spawner.wait()

    def measure(self, name: str, text: str) -> CliRun:
        with tempfile.TemporaryDirectory(prefix="govparse-linearity-") as tmp:
            path = Path(tmp) / "input.txt"
            path.write_text(text, encoding="utf-8")
            return self.run(CLI_COMMANDS[name], path)

    def run(self, args: tuple[str, ...], path: Path) -> CliRun:
        """``python -m govparse ARGS PATH``: wall seconds, peak RSS in bytes (this
        child's alone: os.wait4), exit status, bytes written; standard output and
        error go to files, as a shell's redirection would send them."""
        with tempfile.TemporaryDirectory(prefix="govparse-cli-") as tmp:
            out, err = Path(tmp) / "out", Path(tmp) / "err"
            argv = [sys.executable, "-m", "govparse", *args, str(path)]
            print(json.dumps([argv, str(ROOT), str(out), str(err)]), file=self.spawner.stdin,
                  flush=True)
            seconds, maxrss, status = json.loads(self.spawner.stdout.readline())
            out_bytes = out.stat().st_size + err.stat().st_size
            with open(err, "rb") as handle:
                handle.seek(max(0, err.stat().st_size - 4000))
                tail = handle.read()
        failed = None
        if status not in (0, 1):
            failed = f"exit status {status}"
        if b"Traceback (most recent call last)" in tail:
            failed = "a traceback: " + tail.decode("utf-8", "replace").strip().splitlines()[-1]
        # ru_maxrss is in KiB on Linux, in bytes on macOS
        rss = maxrss * (1 if sys.platform == "darwin" else KIB)
        return CliRun(seconds, rss, status, out_bytes, failed)

    def _median(self, args: tuple[str, ...], path: Path, runs: int) -> CliRun:
        measured = [self.run(args, path) for _ in range(runs)]
        seconds = sorted(r.seconds for r in measured)[runs // 2]
        rss = sorted(r.rss for r in measured)[runs // 2]
        return CliRun(seconds, rss, measured[0].status, measured[0].out_bytes, measured[0].failed)


def run_case(name: str, make: Callable[[int], str], sizes, reference: float,
             budget: float, out, *, memory: bool = True, cli: Cli | None = None
             ) -> list[dict]:
    rows: list[dict] = []
    parses: list[dict] = []  # the parse's rows, which the growth is judged from
    for size in sizes:
        text = make(size)
        nbytes = _utf8_len(text)
        if parses and nbytes <= parses[-1]["bytes"]:
            continue  # (a case whose unit is larger than the size: the same input again)
        if len(parses) >= 1:
            last = parses[-1]
            exponent = 1.0
            if len(parses) >= 2 and not parses[-2]["extrapolated"]:
                exponent = max(1.0, math.log(max(last["seconds"], 1e-9)
                                             / max(parses[-2]["seconds"], 1e-9))
                               / math.log(last["bytes"] / parses[-2]["bytes"]))
            predicted = last["seconds"] * (nbytes / last["bytes"]) ** exponent
            if last["extrapolated"] or predicted > budget:
                parses.append(_row(name, nbytes, predicted, reference, True, exponent))
                rows.append(parses[-1])
                print(_format(rows[-1]), file=out, flush=True)
                continue
        seconds = timed_parse(text, 3 if nbytes <= 256 * KIB else 2)
        peak = peak_memory(text) if memory else None
        parses.append(_row(name, nbytes, seconds, reference, False, peak=peak))
        rows.append(parses[-1])
        print(_format(rows[-1]), file=out, flush=True)
        if cli is not None:
            for command in CLI_COMMANDS:
                cli_row = _cli_row(name, command, nbytes, cli.measure(command, text),
                                   cli.base[command], reference)
                print(_format(cli_row), file=out, flush=True)
                rows.append(cli_row)
    return rows


def _row(name, nbytes, seconds, reference, extrapolated, exponent=None, *, peak=None) -> dict:
    per_byte = seconds / nbytes
    return {"case": name, "kind": "parse", "bytes": nbytes, "seconds": seconds,
            "us_per_byte": per_byte * 1e6, "ratio": per_byte / reference,
            "extrapolated": extrapolated, "exponent": exponent,
            "peak_bytes": peak, "memory_ratio": None if peak is None else peak / nbytes,
            "over": (per_byte / reference > BOUND
                     or peak is not None and peak > BOUND * nbytes)}


def _cli_row(name: str, command: str, nbytes: int, run: CliRun, base: CliRun,
             reference: float) -> dict:
    """A CLI run, less the start-up ``base`` (the same command on a reference report)."""
    seconds = max(run.seconds - base.seconds, 0.0)
    peak = max(run.rss - base.rss, 0)
    over = (seconds > BOUND * reference * nbytes + CLI_ALLOWANCE
            or peak > BOUND * nbytes + RSS_ALLOWANCE)
    return {"case": name, "kind": f"cli {command}", "bytes": nbytes, "seconds": seconds,
            "us_per_byte": seconds / nbytes * 1e6, "ratio": seconds / nbytes / reference,
            "extrapolated": False, "exponent": None, "peak_bytes": peak,
            "memory_ratio": peak / nbytes, "over": over or run.failed is not None,
            "wall_seconds": run.seconds, "rss_bytes": run.rss, "status": run.status,
            "output_bytes": run.out_bytes, "failed": run.failed}


def _format(row: dict) -> str:
    mark = "~" if row["extrapolated"] else " "
    verdict = "OVER" if row["over"] else "ok"
    if row["kind"] == "parse":
        label = row["case"]
    else:
        label = f"  {row['kind']}"
    memory = " " * 10 if row["memory_ratio"] is None else f"{row['memory_ratio']:>9.1f}x"
    extra = ""
    if row["extrapolated"]:
        extra = f"  (extrapolated, time ~ size^{row['exponent']:.2f}; memory not measured)"
    elif row["kind"] != "parse":
        extra = f"  (exit {row['status']}, {row['output_bytes']} bytes out)"
        if row["failed"]:
            extra += f"  FAILED: {row['failed']}"
    return (f"{label:<26} {row['bytes']:>9} {mark}{row['seconds']:>11.3f} "
            f"{row['us_per_byte']:>10.2f} {mark}{row['ratio']:>9.1f}x {memory}  "
            f"{verdict}{extra}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-bytes", type=int, default=MIB,
                        help="largest input, in bytes (default 1 MiB; 10485760 reaches "
                             "10 MiB, the parser's limit)")
    parser.add_argument("--quick", action="store_true",
                        help="16 KiB and 256 KiB only, and a 20 s budget")
    parser.add_argument("--budget", type=float, default=None,
                        help="longest single parse to run, in seconds (default 120)")
    parser.add_argument("--case", action="append", help="run only these cases")
    parser.add_argument("--cli", choices=("some", "all", "none"), default="some",
                        help="which cases also go through `python -m govparse parse` "
                             "(some: CLI_CASES)")
    parser.add_argument("--no-memory", action="store_true",
                        help="time only: no parse under tracemalloc")
    parser.add_argument("--json", help="also write the rows to this file")
    args = parser.parse_args(argv)
    budget = args.budget if args.budget is not None else (20.0 if args.quick else 120.0)

    pace = properties.reference_pace(repeat=5)
    reference = pace.seconds_per_byte
    sizes = [s for s in (QUICK_SIZES if args.quick else SIZES) if s <= args.max_bytes] \
        or [args.max_bytes]
    print(f"reference: {reference * 1e6:.3f} µs/byte (mean of the best of 5 parses of "
          f"each reference report); bound: {BOUND:g}x = {BOUND * reference * 1e6:.1f} µs/byte; "
          f"memory: {BOUND:g} bytes a byte at the peak")
    print(f"python {sys.version.split()[0]}, govparse {govparse.__version__}")
    cli = None
    if args.cli != "none":
        cli = Cli(sorted(SEEDS_DIR.glob("*.txt"))[0])
        print("the CLI: `python -m govparse parse [--format json] FILE` in a child process, "
              f"less its start on {cli.reference.name}: "
              + "; ".join(f"{name} {b.seconds:.2f} s, {b.rss / MIB:.1f} MiB RSS"
                          for name, b in cli.base.items()))
    print()
    print(f"{'case':<26} {'bytes':>9} {'seconds':>12} {'µs/byte':>10} {'ratio':>10} "
          f"{'peak/byte':>10}")
    rows: list[dict] = []
    for name, (make, _what) in CASES.items():
        if args.case and name not in args.case:
            continue
        with_cli = cli if args.cli == "all" or name in CLI_CASES else None
        rows += run_case(name, make, sizes, reference, budget, sys.stdout,
                         memory=not args.no_memory, cli=with_cli)
    if cli is not None:
        cli.close()
    print()
    _summary(rows)
    if args.json:
        Path(args.json).write_text(json.dumps({"reference_us_per_byte": reference * 1e6,
                                               "bound": BOUND, "rows": rows}, indent=2))
    return 1 if any(r["over"] for r in rows) else 0


def _summary(rows: list[dict]) -> None:
    measured = [r for r in rows if not r["extrapolated"]]
    parses = [r for r in measured if r["kind"] == "parse"]
    for what, key in (("time", "ratio"), ("memory", "memory_ratio")):
        known = [r for r in parses if r[key] is not None]
        if known:
            worst = max(known, key=lambda r: r[key])
            print(f"worst measured {what}: {worst['case']} at {worst['bytes']} bytes, "
                  f"{worst[key]:.1f}x")
    over_time = sorted({r["case"] for r in rows if r["kind"] == "parse" and r["ratio"] > BOUND})
    over_memory = sorted({r["case"] for r in parses if r["memory_ratio"] is not None
                          and r["memory_ratio"] > BOUND})
    over_cli = sorted({f"{r['case']} ({r['kind']})" for r in rows
                       if r["kind"] != "parse" and r["over"]})
    for what, names in (("time", over_time), ("memory", over_memory), ("CLI", over_cli)):
        if names:
            print(f"OVER the {BOUND:g}x {what} bound: " + ", ".join(names))
    if not (over_time or over_memory or over_cli):
        print(f"every case within {BOUND:g}x, in time and in memory")


if __name__ == "__main__":
    sys.exit(main())
