"""HTML pages: govparse's whole parse against pandas.read_html on the same pages.

    .venv/bin/python benchmarks/html_pages.py [--pages N] [--repeats R]

pandas.read_html (with lxml, its fastest flavour) gives only each table's grid, not
the figures, the sections or a diagnostic; the target is govparse's whole parse
(page → Document → Report, with every diagnostic) faster than read_html alone. A
third column, lxml parsing the page and nothing else, is the floor.

The pages: the three real ones of tests/data/real/html and N generated reports
written by the printer's html layout (benchmarks/corpus.py's random reports). Each
is timed the same way for all three readers, taking turns, the median of R passes.
pandas is not a dependency of govparse: `pip install pandas` to run this.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import time
import warnings
from pathlib import Path

import govparse
from govparse.emit.printer import dumps

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import example_reports, random_report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real" / "html"


def pages(generated: int, seed: int = 2024) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    examples = example_reports()
    out = [(p.name, p.read_text("utf-8")) for p in sorted(REAL.glob("*.html"))]
    for i in range(generated):
        report = random_report(examples[0] if i % 5 else examples[-1], rng)
        out.append((f"generated-{i}.html", dumps(report, "html")))
    return out


def _govparse(page: str) -> None:
    govparse.parse(page)


def _read_html(page: str) -> None:
    import pandas

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pandas.read_html(io.StringIO(page), flavor="lxml")


def _lxml(page: str) -> None:
    from lxml import html

    html.document_fromstring(page.encode("utf-8"), parser=html.HTMLParser(encoding="utf-8"))


READERS = {"govparse.parse": _govparse, "pandas.read_html": _read_html, "lxml (floor)": _lxml}


def measure(corpus: list[tuple[str, str]], repeats: int) -> dict[str, float]:
    """Seconds a pass over the corpus takes, the median of ``repeats``, per reader."""
    times: dict[str, list[float]] = {name: [] for name in READERS}
    for _ in range(repeats):
        for name, read in READERS.items():  # taking turns: the same machine for each
            start = time.process_time()
            for _, page in corpus:
                read(page)
            times[name].append(time.process_time() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200, help="generated pages (default 200)")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    try:
        import pandas  # noqa: F401
    except ImportError:
        print("pandas is not installed: pip install pandas", file=sys.stderr)
        return 2
    corpus = pages(args.pages)
    size = sum(len(page.encode("utf-8")) for _, page in corpus)
    for _, page in corpus:  # warm up: imports, the grammar, lxml
        for read in READERS.values():
            read(page)
    results = measure(corpus, args.repeats)
    floor = results["lxml (floor)"]
    print(f"{len(corpus)} pages, {size / 1e6:.1f} MB; CPU time, median of {args.repeats}")
    for name, seconds in results.items():
        print(f"  {name:18} {seconds * 1000 / len(corpus):7.3f} ms a page   "
              f"{seconds / floor:5.1f}x the floor")
    ratio = results["govparse.parse"] / results["pandas.read_html"]
    verdict = "PASS" if ratio < 1 else "FAIL"
    print(f"govparse's whole parse / read_html's grid alone: {ratio:.2f}x "
          f"(target: under 1x) {verdict}")
    return 0 if ratio < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
