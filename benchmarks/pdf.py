"""PDF reading speed: govparse's whole parse of a PDF (pypdfium2's text layer, the
tables read, every figure located on its page) against pdfplumber's text extraction
alone, side by side in one process, on the real PDFs of tests/data/real/pdf.

    .venv/bin/pip install '.[bench]'        # pdfplumber
    .venv/bin/python benchmarks/pdf.py [--repeats N] [PDF...]

Target (issue 16): govparse's whole parse at least 10x faster than pdfplumber's
extract_text over every page. Each is timed as the median of --repeats runs, the two
taking turns so that they see the same machine; CPU time is shown beside wall-clock
time (the steadier one when other processes share the machine); the heap is collected
before each run."""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = 10.0


def govparse_parse(path: Path) -> int:
    import govparse

    report = govparse.parse_file(path)
    return sum(f.value is not None for _, _, _, f in report.table_figures())


def pdfplumber_text(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def timed(function, path: Path) -> tuple[float, float]:
    # Each run starts on a collected heap: the garbage of the run before (pdfplumber
    # leaves a page's worth of objects, ours less) is not collected in the next one's time.
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    function(path)
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    try:
        import pdfplumber  # noqa: F401
    except ImportError:
        print("pdfplumber is not installed: pip install '.[bench]'", file=sys.stderr)
        return 2
    pdfs = args.pdfs or sorted((HERE.parent / "tests" / "data" / "real" / "pdf").glob("*.pdf"))
    worst = None
    for path in pdfs:
        govparse_parse(path), pdfplumber_text(path)  # warm: imports, caches
        ours, theirs = [], []
        for _ in range(args.repeats):
            ours.append(timed(govparse_parse, path))
            theirs.append(timed(pdfplumber_text, path))
        ours_wall, ours_cpu = (statistics.median(t[i] for t in ours) for i in (0, 1))
        theirs_wall, theirs_cpu = (statistics.median(t[i] for t in theirs) for i in (0, 1))
        ratio = min(theirs_wall / ours_wall, theirs_cpu / ours_cpu)
        worst = ratio if worst is None else min(worst, ratio)
        print(f"{path.name}: govparse parse {ours_wall * 1000:6.1f} ms ({ours_cpu * 1000:6.1f} "
              f"ms CPU), {govparse_parse(path)} figures; pdfplumber extract_text "
              f"{theirs_wall * 1000:6.1f} ms ({theirs_cpu * 1000:6.1f} ms CPU): "
              f"{theirs_wall / ours_wall:.1f}x wall, {theirs_cpu / ours_cpu:.1f}x CPU")
    print(f"\ngovparse's whole parse against pdfplumber's text alone: {worst:.1f}x at the least "
          f"(target ≥ {TARGET:g}x): {'PASS' if worst >= TARGET else 'FAIL'}")
    return 0 if worst >= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
