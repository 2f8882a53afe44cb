"""Where govparse spends its time: cProfile of parse, parse + validate and a ~1 MB input.

    .venv/bin/python benchmarks/profiling.py                  # all three, top 25 each
    .venv/bin/python benchmarks/profiling.py --what parse --top 40 --sort tottime
    .venv/bin/python benchmarks/profiling.py --what megabyte --megabytes 0.25

Profiles the reference reports and generated reports in every layout (see
corpus.py); prints, for each, the functions by cumulative and by own time, as a
percentage of the profiled total, with file:line. ``--dump DIR`` also writes the
.prof files (for snakeviz, pyinstrument or pstats).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import govparse  # noqa: E402
from corpus import BENCH_LAYOUTS, ROOT, build_corpus, megabyte_input  # noqa: E402


def _short(path: str) -> str:
    for marker in ("site-packages/", "/work/main/", str(ROOT) + "/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path if len(path) < 40 else "…" + path[-38:]


def table(stats: pstats.Stats, sort: str, top: int) -> str:
    """The top functions by ``sort`` with cumulative and own time as % of the total."""
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = []
    for (path, line, func), (_cc, calls, tottime, cumtime, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append((cumtime if sort == "cumulative" else tottime, calls, tottime, cumtime,
                     f"{func}  {_short(path)}:{line}"))
    rows.sort(key=lambda r: -r[0])
    out = io.StringIO()
    out.write(f"    {'cum %':>6} {'own %':>6} {'calls':>9}  function  file:line\n")
    for _key, calls, tottime, cumtime, where in rows[:top]:
        out.write(f"    {100 * cumtime / total:6.1f} {100 * tottime / total:6.1f} {calls:>9}  "
                  f"{where}\n")
    return out.getvalue()


def profile(name: str, fn, top: int, sorts, dump: str | None) -> None:
    prof = cProfile.Profile()
    prof.enable()
    fn()
    prof.disable()
    stats = pstats.Stats(prof)
    print(f"\n=== {name}: {stats.total_tt:.2f} s profiled")  # type: ignore[attr-defined]
    for sort in sorts:
        print(f"  by {sort}:")
        print(table(stats, sort, top))
    if dump:
        os.makedirs(dump, exist_ok=True)
        stats.dump_stats(os.path.join(dump, f"{name.replace(' ', '_').replace('+', '_')}.prof"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--what", choices=["parse", "validate", "parse+validate", "megabyte", "all"],
                    default="all")
    ap.add_argument("--reports", type=int, default=200, help="generated reports to profile")
    ap.add_argument("--layout", choices=("reference",) + BENCH_LAYOUTS,
                    help="profile only the reports of this group (default: all)")
    ap.add_argument("--megabytes", type=float, default=1.0)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--sort", choices=["cumulative", "tottime", "both"], default="both")
    ap.add_argument("--dump", metavar="DIR", help="write .prof files here")
    args = ap.parse_args()
    sorts = ["cumulative", "tottime"] if args.sort == "both" else [args.sort]
    texts = [item.text for item in build_corpus(args.reports)
             if args.layout in (None, item.group)]
    for text in texts[:20]:  # warm: the grammar is loaded, caches are filled
        govparse.validate(govparse.parse(text))
    wanted = {"parse", "parse+validate", "megabyte"} if args.what == "all" else {args.what}
    if "parse" in wanted:
        profile("parse", lambda: [govparse.parse(t) for t in texts], args.top, sorts, args.dump)
    if "validate" in wanted:
        reports = [govparse.parse(t) for t in texts]
        profile("validate", lambda: [govparse.validate(r) for r in reports], args.top, sorts,
                args.dump)
    if "parse+validate" in wanted:
        profile("parse+validate", lambda: [govparse.validate(govparse.parse(t)) for t in texts],
                args.top, sorts, args.dump)
    if "megabyte" in wanted:
        text = megabyte_input(int(args.megabytes * (1 << 20)))
        profile(f"megabyte input ({len(text.encode()) / 1e6:.2f} MB)",
                lambda: govparse.parse(text), args.top, sorts, args.dump)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
