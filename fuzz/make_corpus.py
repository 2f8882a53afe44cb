#!/usr/bin/env python3
"""Write the atheris seed corpus, fuzz/corpus/: the reference reports, the bundled
examples, the printer's output of each reference report in each layout, the
example in every encoding and line end govparse reads, and small inputs that
sit on edges (empty, a BOM alone, NUL bytes, one heading, one table, the inputs
of tests/test_regressions.py).

    .venv/bin/python fuzz/make_corpus.py
"""

from __future__ import annotations

import codecs
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fuzz import CORPUS_DIR, EXAMPLES_DIR, SEEDS_DIR  # noqa: E402
from fuzz.mutations import HEADINGS, base_texts  # noqa: E402
from govparse.frontends.ideographs import ideograph_of  # noqa: E402

TITLE = "示例县人民政府办公室2024年政府信息公开工作年度报告"

SMALL: dict[str, bytes | str] = {
    "empty": b"",
    "newline": "\n",
    "bom-only": codecs.BOM_UTF8,
    "utf16-bom-only": codecs.BOM_UTF16_LE,
    "nul": b"\x00",
    "nul-in-text": "一、总体情况\n\x00\n",
    "binary-png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "invalid-utf8": b"\xff\xfe\xfd abc \xc3",
    "title": TITLE + "\n",
    "title-no-newline": TITLE,
    "title-trailing-tab": TITLE + "\t\n",
    "headings": "\n".join(HEADINGS) + "\n",
    "headings-crlf": "\r\n".join(HEADINGS) + "\r\n",
    "headings-cr": "\r".join(HEADINGS),
    "heading-hash": "## 二、主动公开政府信息情况\n规章\t0\t0\t0\n",
    "heading-trailing-tab": "一、总体情况\t\n正文。\n",
    "table-one-row": "二、主动公开政府信息情况\n信息内容\t本年处理决定数量\n行政许可\t1,234个\n",
    "table-pipes": "二、主动公开政府信息情况\n| 规章 | 0 | — | ０ |\n|---|---|---|---|\n",
    "table-pipes-merged-header": "二、主动公开政府信息情况\n| 信息内容 | 本年新制作数量 | 本年新公开数量 |  | "
                                 "对外公开总数量 |\n| 规章 | 13 | 13 |  | 524 |\n| 规范性文件 | 60 |  | 60 | 368 |\n",
    "title-year-first": "2019年上海市人民政府办公厅政府信息公开工作年度报告\n一、总体情况\n",
    "table-cells": "二、主动公开政府信息情况\n\t规章\n\t0\n\t0\n\t0\n\n",
    "review-row": "四、政府信息公开行政复议、行政诉讼情况\n1\t0\t0\t1\t2\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0\n",
    "review-by-label": "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t1\t0\t0\t1\t2\n",
    "review-no-figures": "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n",
    "fee-decimal": "二、主动公开政府信息情况\n行政事业性收费\t1.2500\n行政事业性收费\t-0.5万元\n",
    "huge-number": "二、主动公开政府信息情况\n信息内容\t本年处理决定数量\n行政许可\t" + "9" * 4301 + "\n",
    "negative-and-signs": "二、主动公开政府信息情况\n规章\t-1\t+2\t--3\n",
    "rule-like": "二、主动公开政府信息情况\n" + "-" * 64 + "x\n",
    "spaces-after-word": "a" + " " * 64 + "\n",
    "hash-spaces": "#" + " " * 64 + "\n",
    "parens-label": "二、主动公开政府信息情况\na" + "(" * 64 + "\t1\n",
    "period-year": "一、总体情况\n本报告中所列数据统计期限为2024年1月1日至12月31日。\n",
    "controls": "一、总体情况\n\x0b\x0c\x1c\x85\u2028\u2029\ufeff正文\n",
}


def main() -> None:
    # (written over; files put there by hand stay: inputs the fuzzer found slow,
    # slow-*, what it found wrong, found-*, and texts of tools the tests do not run,
    # converted-pdf*)
    CORPUS_DIR.mkdir(exist_ok=True)
    written = 0

    def put(name: str, data: bytes | str) -> None:
        nonlocal written
        if isinstance(data, str):
            data = data.encode("utf-8")
        (CORPUS_DIR / name).write_bytes(data)
        written += 1

    for path in sorted(SEEDS_DIR.glob("*.txt")):
        put(f"seed-{path.name}", path.read_bytes())
    for path in sorted(EXAMPLES_DIR.glob("report-*.txt")):
        put(f"example-{path.name}", path.read_bytes())
    for name, text in base_texts():
        if name.startswith("printed/"):
            _, layout, seed = name.split("/")
            put(f"printed-{layout}-{seed}", text)
            if layout == "tab":
                # w3m's box-drawing grid: in the seed corpus only, not yet among the
                # mutation bases (fuzz/README.md, "The grid layout")
                import govparse

                put(f"printed-grid-{seed}", govparse.dumps(govparse.parse(text), "grid"))
    # a page through the converters users run (tests/data/converted: lynx's spaced
    # columns, pandoc's simple tables, html2text's pipes, w3m's grid at 80 columns)
    for name in ("lynx", "lynx80", "pandoc", "h2t78", "w3m80",
                 # the crawlers' extractors: trafilatura 2.3's full grid, 1.x's and
                 # 2.0's rows padded at their end, inscriptis's columns
                 "trafilatura", "trafilatura1", "trafilatura20", "inscriptis",
                 # markdown writers that keep a table with merged cells as HTML, and a
                 # styled span as markup: html2text's bypass_tables, pandoc 2's
                 # commonmark (a text that opens with a tag), pandoc 3's gfm
                 "h2t-bypass", "pandoc-cm", "pandoc3-gfm"):
        path = SEEDS_DIR.parent / "converted" / f"distinct-missing.{name}.txt"
        put(f"converted-{name}-distinct-missing.txt", path.read_bytes())
    # a real page written a cell a line, a pipe after each (a crawler's corpus)
    path = SEEDS_DIR.parent / "real" / "extractors" / "006.cell-lines.txt"
    put("real-006-cell-lines.txt", path.read_bytes())
    # real pages through pandoc's markdown writers (tests/data/real/markdown): bracketed
    # spans wrapped inside a grid's cells, a <span> start tag over two lines
    for name in ("013.pandoc-markdown", "009.pandoc-gfm"):
        path = SEEDS_DIR.parent / "real" / "markdown" / f"{name}.txt"
        put(f"real-{name}.txt", path.read_bytes())
    # a real page of another site and what converters and a crawler make of it
    # (tests/data/shanghai2019: figures spanning columns, a merged header cell's
    # empty places, blank cells, a title that opens with its year)
    for name in ("html", "pandoc.txt", "lynx.txt", "w3m80.txt", "crawler.txt"):
        path = SEEDS_DIR.parent / "shanghai2019" / f"sh2019.{name}"
        put(f"real-sh2019-{name}", path.read_bytes())
    example = (EXAMPLES_DIR / "report-2024-tab.txt").read_text(encoding="utf-8")
    put("example-utf8-bom.txt", codecs.BOM_UTF8 + example.encode("utf-8"))
    put("example-utf16-le-bom.txt", example.encode("utf-16"))
    put("example-utf16-be-bom.txt", codecs.BOM_UTF16_BE + example.encode("utf-16-be"))
    put("example-gb18030.txt", example.encode("gb18030"))
    put("example-gbk.txt", example.encode("gbk"))
    put("example-crlf.txt", example.replace("\n", "\r\n"))
    put("example-cr.txt", example.replace("\n", "\r"))
    # its ideographs written as the radicals that stand for them (a PDF's text layer)
    radical = {}
    for code, ideograph in ideograph_of().items():
        if 0x2E80 <= code <= 0x2FDF:
            radical.setdefault(ideograph, chr(code))
    put("example-radicals.txt", "".join(radical.get(c, c) for c in example))
    for name, data in SMALL.items():
        put(f"small-{name}", data)
    # files that are no text: a page, a Word file whole and cut short, the real PDFs
    # whole, cut short and with a broken header (the front-ends must give a report or
    # a clear error for any bytes)
    import govparse

    report = govparse.parse(example)
    put("file-example.html", govparse.dumps(report, "html"))
    docx = govparse.dumps(report, "docx")
    put("file-example.docx", docx)
    put("file-example-cut.docx", docx[:len(docx) // 2])
    for path in sorted((SEEDS_DIR.parent / "real" / "pdf").glob("*.pdf")):
        data = path.read_bytes()
        put(f"file-{path.name}", data)
        put(f"file-cut-{path.name}", data[:len(data) // 3])
    put("file-broken.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n")
    # the official template saved by an office suite, its numbers wrapped in their
    # narrow cells (frontends/pdf/wrapped.py), whole and cut short
    data = (SEEDS_DIR.parent / "office" / "template-2021-large.libreoffice.pdf").read_bytes()
    put("file-office-wrapped-numbers.pdf", data)
    put("file-cut-office-wrapped-numbers.pdf", data[:len(data) // 2])
    # a real page saved as a PDF by a browser, with its running head and foot
    # (frontends/pdf/running.py), whole and cut short
    data = (SEEDS_DIR.parent / "real" / "browser" / "009.chromium-head-foot.pdf").read_bytes()
    put("file-browser-head-foot.pdf", data)
    put("file-cut-browser-head-foot.pdf", data[:len(data) // 2])
    digest = hashlib.sha1(b"".join(p.read_bytes() for p in sorted(CORPUS_DIR.iterdir())))
    print(f"wrote {written} files to {CORPUS_DIR} (sha1 {digest.hexdigest()[:12]})")


if __name__ == "__main__":
    main()
