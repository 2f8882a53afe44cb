"""How many figures govparse reads right, wrong or not at all, against ground truth.

    .venv/bin/python benchmarks/accuracy.py ../shared/real ../shared/seeds
    .venv/bin/python benchmarks/accuracy.py --by-file ../shared/real

Every ``*expected.tsv`` under the folders given (columns: report, table, row, column,
value; ``a|b``: either is right; ``missing``: absent in the source) is read; its
``report`` column names a file beside it (``006.h2t`` -> ``006.h2t.txt``, a name with
its extension as it is). Each file is parsed once (lenient), and each expected figure
counted as right (the value, or missing where missing is allowed), wrong (another
value: the worst result) or missing (no value where the source has one). Files
govparse cannot read yet (Word) are listed as skipped; the texts made of a PDF
(``name.*.txt`` beside it) are measured against its ground truth too.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from decimal import Decimal, InvalidOperation
from pathlib import Path

import govparse

READ_SUFFIXES = {".txt", "", ".html", ".htm", ".pdf"}  # what govparse reads (by content)


def _source(folder: Path, report: str) -> Path | None:
    for candidate in (folder / report, folder / f"{report}.txt"):
        if candidate.is_file():
            return candidate
    return None


def _same(expected: str, got) -> bool:
    if got is None:
        return False
    try:
        return Decimal(expected) == Decimal(str(got))
    except InvalidOperation:
        return expected == str(got)


def _figure(report, table: str, row: str, column: str):
    if table == "report":
        field = report.organization if column == "organization" else report.year
        return field.value
    try:
        return report.figure(table, row, column).value
    except (AttributeError, KeyError, ValueError):
        return None


def measure(folders: list[Path]) -> tuple[dict[str, Counter], list[str], list[str]]:
    counts: dict[str, Counter] = defaultdict(Counter)
    wrong: list[str] = []
    skipped: list[str] = []
    for folder in folders:
        for tsv in sorted(folder.rglob("*expected.tsv")):
            rows = list(csv.reader(tsv.open(encoding="utf-8"), delimiter="\t"))
            by_report = defaultdict(list)
            for row in rows[1:]:
                if len(row) >= 5:
                    by_report[row[0]].append(row[1:5])
            for name, figures in by_report.items():
                path = _source(tsv.parent, name)
                texts = [path] if path is not None and path.suffix in READ_SUFFIXES else []
                if not texts:
                    skipped.append(f"{tsv.parent.name}/{name}")
                if name.endswith(".pdf"):
                    # a PDF's ground truth holds for the texts made of it too
                    stem = name.rsplit(".", 1)[0]
                    texts += sorted(tsv.parent.glob(f"{stem}.*.txt"))
                for path in texts:
                    _count(path, figures, tsv.parent.name, counts, wrong)
    return counts, wrong, skipped


def _count(path: Path, figures, folder: str, counts, wrong) -> None:
    report = govparse.parse_file(path)
    key = f"{folder}/{path.name}"
    for table, row, column, value in figures:
        got = _figure(report, table, row, column)
        allowed = value.split("|")
        if any(a == "missing" and got is None or a != "missing" and _same(a, got)
               for a in allowed):
            counts[key]["right"] += 1
        elif got is None:
            counts[key]["missing"] += 1
        else:
            counts[key]["wrong"] += 1
            wrong.append(f"{key}: {table}.{row}.{column} = {got!r}, expected {value}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--by-file", action="store_true", help="a line for each file")
    args = parser.parse_args(argv)
    counts, wrong, skipped = measure(args.folders)
    total = Counter()
    for key in sorted(counts):
        total.update(counts[key])
        if args.by_file:
            c = counts[key]
            print(f"{key:40} right {c['right']:4}  wrong {c['wrong']:3}  missing {c['missing']:4}")
    print(f"{'all':40} right {total['right']:4}  wrong {total['wrong']:3}  "
          f"missing {total['missing']:4}  ({len(counts)} files)")
    for line in wrong:
        print("WRONG", line)
    if skipped:
        print(f"skipped (no front-end yet): {', '.join(sorted(set(skipped)))}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
