"""Writes the distinct reference report (tests/data/distinct) with three figures
missing as a web page (the printer's html layout), that page through the converters
users run (w3m, lynx, pandoc, html2text; each at 200 columns and at its own default
width), the report printed as a PDF (tests/frontends/pdf/pdf_pages.py) through
``pdftotext -layout`` and as its text layer (pypdfium2), and expected.tsv: every figure of the three tables, ``missing`` where the
page has an empty cell. Needs the programs (``apt-get install w3m lynx pandoc``,
``pip install html2text``); the tests read only what this writes. Run from the
repository root:

    .venv/bin/python tests/data/converted/make_texts.py

Every figure a different number, so a figure read into another place can never
pass for right; the missing figures leave empty cells that lynx drops and that
break the template's arithmetic, so only where the figures stand tells their
columns."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import govparse  # noqa: E402
from converters import CONVERTERS, PDF_CONVERTERS, _report_pdf  # noqa: E402
from govparse.emit.printer import dumps  # noqa: E402
from govparse.model.report import Figure  # noqa: E402

MISSING = (("applications", "new_requests", "natural_person"),
           ("applications", "disclosed", "other_org"),
           ("review_litigation", "administrative_review", "corrected"))


def main() -> None:
    report = govparse.parse_file(ROOT / "tests" / "data" / "distinct" / "report-2024-distinct.txt")
    for table, row, column in MISSING:
        report = report.replace_figure(table, row, column, Figure(None))
    page = HERE / "distinct-missing.html"
    page.write_text(dumps(report, "html"), encoding="utf-8")
    for name, (_, convert) in CONVERTERS.items():
        (HERE / f"distinct-missing.{name}.txt").write_text(convert(page), encoding="utf-8")
    pdf = HERE / "distinct-missing.pdf"
    pdf.write_bytes(_report_pdf()(report))
    for name in ("pdftotext", "pdfium-text"):
        text = PDF_CONVERTERS[name][1](pdf)
        (HERE / f"distinct-missing.{name}.txt").write_text(text, encoding="utf-8")
    pdf.unlink()  # (the PDFs the tests read are under tests/data/real and fuzz/corpus)
    with open(HERE / "expected.tsv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(["table", "row", "column", "value"])
        for table, row, column, figure in report.table_figures():
            writer.writerow([table, row, column,
                             "missing" if figure.value is None else figure.value])


if __name__ == "__main__":
    main()
