"""Generated reports through the converters users run, read back and checked figure by
figure: right, wrong (the worst result) or missing.

    .venv/bin/python benchmarks/converters.py                       # 200 reports, every converter found
    .venv/bin/python benchmarks/converters.py --reports 1000 --keep /tmp/conv
    .venv/bin/python benchmarks/converters.py --converters w3m lynx80
    .venv/bin/python benchmarks/converters.py --figures zeros --converters template-office-pdf

Each report has every figure of its three tables a different number (Hypothesis's
``govparse.testing.damage.distinct_reports``, either template, its arithmetic holding
or not, a few figures missing in one in four), so that a figure read into another
place can never pass for right; ``--figures zeros`` takes reports as most real ones
are instead, mostly zeros (benchmarks/corpus.py). Each is written as a web page
by the printer (``dumps(report, "html")``: the template's merged cells as rowspan and
colspan), then turned into text by each converter on this machine, at the width given
and at the converter's default width (where tables wrap inside their cells, as most
users get them), and parsed leniently; and printed as a PDF (ruled grids, the
template's merged cells: tests/frontends/pdf/pdf_pages.py) read by govparse, its text
layer alone as pypdfium2 gives it (``pdfium-text``: what a PDF viewer's copy gives) and
as pdfplumber's ``extract_text`` gives it (``pdfplumber-text``, with the bench extra), and
through ``pdftotext`` with and without ``-layout``. Asked for by name, as an office
suite saves a report (LibreOffice: ``office-pdf``, ``office-docx``, the page opened in
Writer and saved; ``template-office-pdf``, the official template's Word file filled
with the report's figures and saved as a PDF): layouts of the suite's own, no page
numbers, cells wrapped where its columns are narrow; and as a browser saves the page
as a PDF with its defaults (Chromium: ``browser-pdf``, on A4 ``browser-pdf-a4``; its
text ``browser-pdfium-text`` and ``browser-pdftotext``), and as wkhtmltopdf prints it
(``wkhtmltopdf``). Needs the programs (``apt-get install w3m lynx
pandoc`` and ``pip install html2text trafilatura inscriptis markdownify html-text``: the
crawlers' extractors of a page's text, tables kept); one that is not there is skipped and said.

Markdown and LLM pipelines' converters too: markitdown (``pip install
'markitdown[docx,pdf]'``: the page, the report's PDF, the office suite's and the
browser's PDFs and Word file, the filled template), pandoc's markdown writers (``-t
gfm``, ``-t markdown`` and each of its table kinds alone, ``-t commonmark``: a table
with merged cells is left as raw HTML by pandoc 2 and by gfm and commonmark; pandoc 3,
``pip install pypandoc-binary``, draws it as a grid table with spans), html2text's
table options (``bypass_tables``: raw HTML; ``pad_tables``; ``ignore_tables``: the cells
run together), readability-lxml then html2text, w3m and lynx at 100 and 120 columns,
pdfminer.six's ``extract_text`` (``pdf2txt.py``, and ``-A``), and a Word file through
pandoc, mammoth, docx2txt, python-docx (a script's dump: a table a row a line, tab
parted) and LibreOffice's text and HTML (then w3m).
The tests never run them: the texts a test reads are committed under tests/data.

Every figure of the three tables is compared with the report it was printed from; a
figure missing in the report must be read as missing. The summary gives, per
converter, the figures right, wrong and missing and the reports with any wrong figure;
``--keep DIR`` writes the page, the converted text and the wrong figures of each
report that had one. It exits 1 when any figure is wrong. The reports drawn are the
same from run to run for the same seed and the same list of converters (asking for the
PDF ones imports reportlab first, and the draw differs then: compare like with like);
the generators use govparse's own code, so that another version of govparse may draw
others: ``--save DIR`` writes every report drawn and every converter's output, and
``--from DIR`` reads them back with whatever govparse runs it, side by side on the very
same inputs.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import govparse  # noqa: E402
from corpus import example_reports, random_report  # noqa: E402
from govparse.emit.printer import dumps  # noqa: E402
from govparse.emit.serialize import from_json, to_json  # noqa: E402


def _html2text(width: int):
    def convert(page: Path) -> str:
        import html2text

        maker = html2text.HTML2Text()
        maker.body_width = width
        return maker.handle(page.read_text("utf-8"))
    return convert


def _trafilatura(page: Path) -> str:
    """trafilatura (``pip install trafilatura``), the crawlers' extractor of a page's main
    text, its tables kept: a row a line, `| a | b |`."""
    import trafilatura

    return trafilatura.extract(page.read_text("utf-8"), include_tables=True,
                               favor_recall=True, include_comments=False) or ""


def _inscriptis(page: Path) -> str:
    """inscriptis (``pip install inscriptis``): the page as a browser lays it out in
    text, each table's columns aligned by spaces and a cell's lines stacked."""
    from inscriptis import get_text

    return get_text(page.read_text("utf-8"))


def _markdownify(page: Path) -> str:
    """markdownify (``pip install markdownify``): the page as markdown, its tables as
    pipe tables."""
    from markdownify import markdownify

    return markdownify(page.read_text("utf-8"))


def _html_text(page: Path) -> str:
    """html-text (``pip install html-text``), a crawler's plain text of a page: each
    cell's text on its own, the blocks a line apart."""
    import html_text

    return html_text.extract_text(page.read_text("utf-8"))


def _markitdown(source: Path) -> str:
    """markitdown (Microsoft, ``pip install 'markitdown[docx,pdf]'``), the LLM pipelines'
    converter of any file to markdown: a page through its markdownify (pipe tables), a
    Word file through mammoth, a PDF through pdfplumber's words (form-like pages as
    pipe tables) or pdfminer's text."""
    from markitdown import MarkItDown

    return MarkItDown().convert(str(source)).text_content


def _html2text_options(**options):
    """html2text with its table options: ``bypass_tables`` leaves each table as HTML,
    ``pad_tables`` pads the pipe tables' columns, ``ignore_tables`` drops the table's
    marks and keeps its cells' text."""
    def convert(page: Path) -> str:
        import html2text

        maker = html2text.HTML2Text()
        maker.body_width = 0
        for option, value in options.items():
            setattr(maker, option, value)
        return maker.handle(page.read_text("utf-8"))
    return convert


def _readability_html2text(page: Path) -> str:
    """readability-lxml's main content of the page (``pip install readability-lxml``),
    then html2text: a reader view's text, as a crawler that keeps the article has it."""
    import html2text
    from readability import Document

    maker = html2text.HTML2Text()
    maker.body_width = 0
    return maker.handle(Document(page.read_text("utf-8")).summary())


def _pdfminer(**laparams):
    """pdfminer.six's extract_text (``pdf2txt.py``), its text boxes in its reading order;
    ``all_texts=True`` is ``pdf2txt.py -A``."""
    def convert(pdf: Path) -> str:
        from pdfminer.high_level import extract_text
        from pdfminer.layout import LAParams

        return extract_text(str(pdf), laparams=LAParams(**laparams))
    return convert


def _mammoth(kind: str):
    """mammoth (``pip install mammoth``) of a Word file: ``markdown`` (its tables as
    HTML turned to markdown: none, the cells' paragraphs) or ``text`` (extract_raw_text:
    each paragraph a line)."""
    def convert(docx: Path) -> str:
        import mammoth

        with docx.open("rb") as file:
            if kind == "text":
                return mammoth.extract_raw_text(file).value
            return mammoth.convert_to_markdown(file).value
    return convert


def _docx2txt(docx: Path) -> str:
    """docx2txt (``pip install docx2txt``): the Word file's text, each paragraph (and
    each cell's) by itself, blank lines between."""
    import docx2txt

    return docx2txt.process(str(docx))


def _python_docx_dump(word_file: Path) -> str:
    """A script's dump of a Word file with python-docx: its paragraphs and tables in
    order, each table a row a line, the cells parted by tabs (a merged cell's text in
    each place it covers, as python-docx gives it)."""
    import docx
    from docx.table import Table

    lines = []
    for block in docx.Document(str(word_file)).iter_inner_content():
        if isinstance(block, Table):
            lines += ["\t".join(cell.text for cell in row.cells) for row in block.rows]
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _office_text(target: str = "txt:Text (encoded):UTF8"):
    """LibreOffice saving a Word file as text (``soffice --convert-to txt``), or as
    another format given by ``target``, the text returned."""
    def convert(docx: Path) -> str:
        return _office(target)(docx).decode("utf-8", "replace")
    return convert


def _program(*argv: str):
    def convert(page: Path) -> str:
        out = ["-"] if argv[0] == "pdftotext" else []  # (pdftotext FILE -: to stdout)
        done = subprocess.run([*argv, str(page), *out], capture_output=True, timeout=60)
        if done.returncode:
            raise RuntimeError(done.stderr.decode("utf-8", "replace")[:200])
        return done.stdout.decode("utf-8", "replace")
    return convert


def _pandoc3(*argv: str):
    """pandoc 3 (the one pypandoc-binary ships: ``pip install pypandoc-binary``, when the
    system's is 2.x): its markdown writers lay a table with merged cells as a grid table
    with the spans (pandoc 2 leaves it as HTML)."""
    def convert(source: Path) -> str:
        import pypandoc

        return _program(pypandoc.get_pandoc_path(), *argv)(source)
    return convert


# name: (program it needs, or python:module, how to run it). The 200-column forms are those of
# ../shared/real/text; the others are each program's default width.
CONVERTERS = {
    "w3m": ("w3m", _program("w3m", "-dump", "-cols", "200", "-O", "UTF-8", "-T", "text/html")),
    "w3m80": ("w3m", _program("w3m", "-dump", "-O", "UTF-8", "-T", "text/html")),
    "lynx": ("lynx", _program("lynx", "-dump", "-width=200", "-display_charset=utf-8",
                              "-assume_charset=utf-8")),
    "lynx80": ("lynx", _program("lynx", "-dump", "-display_charset=utf-8",
                                "-assume_charset=utf-8")),
    "pandoc": ("pandoc", _program("pandoc", "-f", "html", "-t", "plain", "--columns=200")),
    "pandoc72": ("pandoc", _program("pandoc", "-f", "html", "-t", "plain")),
    "h2t": ("python:html2text", _html2text(0)),
    "h2t78": ("python:html2text", _html2text(78)),
    "trafilatura": ("python:trafilatura", _trafilatura),
    "inscriptis": ("python:inscriptis", _inscriptis),
    "markdownify": ("python:markdownify", _markdownify),
    "html-text": ("python:html_text", _html_text),
    "markitdown": ("python:markitdown", _markitdown),
    "pandoc-gfm": ("pandoc", _program("pandoc", "-f", "html", "-t", "gfm")),
    "pandoc-md": ("pandoc", _program("pandoc", "-f", "html", "-t", "markdown")),
    "pandoc-md200": ("pandoc", _program("pandoc", "-f", "html", "-t", "markdown",
                                        "--columns=200")),
    "pandoc-cm": ("pandoc", _program("pandoc", "-f", "html", "-t", "commonmark")),
    "pandoc-md-simple": ("pandoc", _program("pandoc", "-f", "html", "-t",
                                            "markdown-pipe_tables-grid_tables-multiline_tables")),
    "pandoc-md-multiline": ("pandoc", _program("pandoc", "-f", "html", "-t",
                                               "markdown-pipe_tables-grid_tables")),
    "pandoc-md-grid": ("pandoc", _program("pandoc", "-f", "html", "-t",
                                          "markdown-pipe_tables-multiline_tables-simple_tables")),
    "pandoc-md-pipe": ("pandoc", _program("pandoc", "-f", "html", "-t",
                                          "markdown-grid_tables-multiline_tables-simple_tables")),
    "h2t-bypass": ("python:html2text", _html2text_options(bypass_tables=True)),
    "h2t-pad": ("python:html2text", _html2text_options(pad_tables=True)),
    "h2t-ignore": ("python:html2text", _html2text_options(ignore_tables=True)),
    "readability-h2t": ("python:readability", _readability_html2text),
    "pandoc3-plain": ("python:pypandoc", _pandoc3("-f", "html", "-t", "plain", "--columns=200")),
    "pandoc3-plain72": ("python:pypandoc", _pandoc3("-f", "html", "-t", "plain")),
    "pandoc3-md": ("python:pypandoc", _pandoc3("-f", "html", "-t", "markdown")),
    "pandoc3-md200": ("python:pypandoc", _pandoc3("-f", "html", "-t", "markdown",
                                                  "--columns=200")),
    "pandoc3-gfm": ("python:pypandoc", _pandoc3("-f", "html", "-t", "gfm")),
    "pandoc3-md-grid": ("python:pypandoc", _pandoc3(
        "-f", "html", "-t", "markdown-pipe_tables-multiline_tables-simple_tables")),
    "pandoc3-md-multiline": ("python:pypandoc", _pandoc3(
        "-f", "html", "-t", "markdown-pipe_tables-grid_tables")),
    "w3m120": ("w3m", _program("w3m", "-dump", "-cols", "120", "-O", "UTF-8", "-T", "text/html")),
    "lynx100": ("lynx", _program("lynx", "-dump", "-width=100", "-display_charset=utf-8",
                                 "-assume_charset=utf-8")),
    "lynx120": ("lynx", _program("lynx", "-dump", "-width=120", "-display_charset=utf-8",
                                 "-assume_charset=utf-8")),
}


def _pdfium_text(pdf: Path) -> str:
    """The PDF's text layer as pypdfium2 gives it, its pages parted by form feeds (as
    the real texts of shared/real/pdf have it): what a script that extracts the text
    first gives, or a copy out of a PDF viewer."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return "\f".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def _pdfplumber_text(pdf: Path) -> str:
    """The PDF's text as pdfplumber's extract_text gives it (the bench extra), pages
    parted by form feeds."""
    import pdfplumber

    with pdfplumber.open(str(pdf)) as document:
        return "\f".join(page.extract_text() or "" for page in document.pages)


def _office(target: str, infilter: str | None = None):
    """LibreOffice (``apt-get install libreoffice-writer-nogui fonts-wqy-zenhei``) turning
    the file into ``target`` (pdf or docx), as an office suite saves a report: its own
    layout of the tables (cells wrapped, tall cells centred, no page numbers), not the
    printer's. A PDF or .docx comes back as bytes, read by govparse's own front-end."""
    def convert(source: Path) -> bytes:
        out = source.parent / "office"
        profile = source.parent / "office-profile"  # (its own: no clash with a user's)
        argv = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                *([f"--infilter={infilter}"] if infilter else []),
                "--convert-to", target, "--outdir", str(out), str(source)]
        return _file_made(argv, out / f"{source.stem}.{target.partition(':')[0]}")
    return convert


def _file_made(argv: list[str], made: Path, env: dict | None = None) -> bytes:
    """The file a program run as ``argv`` makes at ``made``: its bytes, the file
    removed (the next report's is made there). A failure, or no file, is the program's
    error (the end of what it wrote: the start is often notices)."""
    done = subprocess.run(argv, capture_output=True, timeout=120, env=env)
    if done.returncode or not made.exists():
        raise RuntimeError(done.stderr.decode("utf-8", "replace")[-200:] or "nothing made")
    data = made.read_bytes()
    made.unlink()
    return data


def _browser_pdf(paper: str | None = None):
    """Chromium (``apt-get install chromium``) printing the page to a PDF, as a user
    saves a web page with a browser's "Save as PDF", with its defaults: the browser's
    own layout of the tables (each character of a cell set by itself, header cells a
    character or two a line, rows broken across pages), the date and the page's title
    above each page and its address and page count below. ``paper``: a CSS page size
    (A4, as most of the reports' readers print) set in the page; by default Letter."""
    def convert(page: Path) -> bytes:
        if paper is not None:
            sized = page.with_name(f"{page.stem}-{paper.replace(' ', '-')}.html")
            sized.write_text(f"<style>@page {{ size: {paper} }}</style>"
                             + page.read_text("utf-8"), encoding="utf-8")
            page = sized
        out = page.parent / "browser.pdf"
        profile = page.parent / "browser-profile"  # (its own: no clash with a user's)
        return _file_made(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                           f"--user-data-dir={profile}", f"--print-to-pdf={out}",
                           page.as_uri()], out)
    return convert


def _wkhtmltopdf(page: Path) -> bytes:
    """wkhtmltopdf (``apt-get install wkhtmltopdf``: QtWebKit) printing the page, as
    a site's "download as PDF" or a script makes a PDF of a page."""
    out = page.parent / "wkhtmltopdf.pdf"
    return _file_made(["wkhtmltopdf", "-q", str(page), str(out)], out,
                      env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def _then_text(make_pdf, to_text, suffix: str = "pdf"):
    """A PDF (or a file of the ``suffix``) made by ``make_pdf``, then turned into text by
    ``to_text``."""
    def convert(source: Path) -> str:
        made = source.parent / f"made.{suffix}"
        made.write_bytes(make_pdf(source))
        return to_text(made)
    return convert


_OFFICE_PDF = _office("pdf:writer_pdf_Export", "HTML (StarWriter)")
_OFFICE_DOCX = _office("docx:MS Word 2007 XML", "HTML (StarWriter)")


# The page through LibreOffice Writer (its HTML import: a Word-like document, not
# Writer/Web's), saved as a PDF and as a Word file; and the official template's Word
# file (tests/data/real/docx: its column widths, lines and merged cells) filled with
# the report's figures, saved as a PDF (2021 reports only). (The printer's own Word
# file sets no column widths: LibreOffice makes every column as narrow as the next,
# labels three characters a line, a layout no report has.) name -> (program, how,
# what it reads: "html" the page, "template" the filled template)
OFFICE_CONVERTERS = {
    "office-pdf": ("soffice", _office("pdf:writer_pdf_Export", "HTML (StarWriter)"), "html"),
    "office-docx": ("soffice", _office("docx:MS Word 2007 XML", "HTML (StarWriter)"), "html"),
    "template-office-pdf": ("soffice", _office("pdf:writer_pdf_Export"), "template"),
    # that PDF's text, as a user who extracts it first has it
    "template-office-pdftotext": ("soffice", _then_text(
        _office("pdf:writer_pdf_Export"), _program("pdftotext", "-layout", "-enc", "UTF-8")),
        "template"),
    "template-office-pdfium-text": ("soffice", _then_text(
        _office("pdf:writer_pdf_Export"), _pdfium_text), "template"),
    # the page printed to a PDF by a browser, read by govparse, and that PDF's text
    "browser-pdf": ("chromium", _browser_pdf(), "html"),
    "browser-pdf-a4": ("chromium", _browser_pdf("A4"), "html"),
    "browser-pdfium-text": ("chromium", _then_text(_browser_pdf(), _pdfium_text), "html"),
    "wkhtmltopdf": ("wkhtmltopdf", _wkhtmltopdf, "html"),
    "browser-pdftotext": ("chromium", _then_text(
        _browser_pdf(), _program("pdftotext", "-layout", "-enc", "UTF-8")), "html"),
    # the office suite's PDF and the browser's, through pdfminer and markitdown
    "office-pdfminer": ("soffice", _then_text(_OFFICE_PDF, _pdfminer()), "html"),
    "office-pdfminer-A": ("soffice", _then_text(_OFFICE_PDF, _pdfminer(all_texts=True)), "html"),
    "office-markitdown-pdf": ("soffice", _then_text(_OFFICE_PDF, _markitdown), "html"),
    "template-pdfminer": ("soffice", _then_text(
        _office("pdf:writer_pdf_Export"), _pdfminer()), "template"),
    "template-markitdown-pdf": ("soffice", _then_text(
        _office("pdf:writer_pdf_Export"), _markitdown), "template"),
    "browser-pdfminer": ("chromium", _then_text(_browser_pdf(), _pdfminer()), "html"),
    "browser-markitdown-pdf": ("chromium", _then_text(_browser_pdf(), _markitdown), "html"),
    # the office suite's Word file of the page, turned into text by what users run on one
    "docx-markitdown": ("soffice", _then_text(_OFFICE_DOCX, _markitdown, "docx"), "html"),
    "docx-pandoc-gfm": ("soffice", _then_text(
        _OFFICE_DOCX, _program("pandoc", "-f", "docx", "-t", "gfm"), "docx"), "html"),
    "docx-pandoc-md": ("soffice", _then_text(
        _OFFICE_DOCX, _program("pandoc", "-f", "docx", "-t", "markdown"), "docx"), "html"),
    "docx-pandoc-plain": ("soffice", _then_text(
        _OFFICE_DOCX, _program("pandoc", "-f", "docx", "-t", "plain"), "docx"), "html"),
    "docx-pandoc3-md": ("soffice", _then_text(
        _OFFICE_DOCX, _pandoc3("-f", "docx", "-t", "markdown"), "docx"), "html"),
    "docx-pandoc3-plain": ("soffice", _then_text(
        _OFFICE_DOCX, _pandoc3("-f", "docx", "-t", "plain"), "docx"), "html"),
    "docx-mammoth-md": ("soffice", _then_text(_OFFICE_DOCX, _mammoth("markdown"), "docx"), "html"),
    "docx-mammoth-text": ("soffice", _then_text(_OFFICE_DOCX, _mammoth("text"), "docx"), "html"),
    "docx-docx2txt": ("soffice", _then_text(_OFFICE_DOCX, _docx2txt, "docx"), "html"),
    "docx-python-docx": ("soffice", _then_text(_OFFICE_DOCX, _python_docx_dump, "docx"), "html"),
    "docx-office-txt": ("soffice", _then_text(_OFFICE_DOCX, _office_text(), "docx"), "html"),
    "docx-office-html-w3m": ("soffice", _then_text(_OFFICE_DOCX, _then_text(
        _office("html:HTML (StarWriter)"), _program(
            "w3m", "-dump", "-cols", "200", "-O", "UTF-8", "-T", "text/html"), "html"),
        "docx"), "html"),
    # the filled official template's Word file, the same way
    "template-markitdown": ("python:markitdown", _markitdown, "template"),
    "template-pandoc-gfm": ("pandoc", _program("pandoc", "-f", "docx", "-t", "gfm"), "template"),
    "template-pandoc-md": ("pandoc", _program("pandoc", "-f", "docx", "-t", "markdown"),
                           "template"),
    "template-pandoc-plain": ("pandoc", _program("pandoc", "-f", "docx", "-t", "plain"),
                              "template"),
    "template-pandoc3-md": ("python:pypandoc", _pandoc3("-f", "docx", "-t", "markdown"),
                            "template"),
    "template-pandoc3-plain": ("python:pypandoc", _pandoc3("-f", "docx", "-t", "plain"),
                               "template"),
    "template-mammoth-text": ("python:mammoth", _mammoth("text"), "template"),
    "template-docx2txt": ("python:docx2txt", _docx2txt, "template"),
    "template-python-docx": ("python:docx", _python_docx_dump, "template"),
    "template-office-txt": ("soffice", _office_text(), "template"),
}


def _filled_template(model) -> bytes | None:
    """The official template's Word file with the report's figures (None: a report on
    the 2019 template, which that file is not)."""
    if model.template != "2021":
        return None
    sys.path.insert(0, str(HERE.parent / "tests" / "frontends" / "word"))
    from template_docx import filled_template

    from govparse.emit.outline import cell_text

    return filled_template(lambda table, row, column: cell_text(model.figure(table, row, column)))


# The same report printed as a PDF (tests/frontends/pdf/pdf_pages.py: reportlab, ruled
# grids with the template's merged cells, wrapped header cells), read by govparse
# itself, as text by Python libraries and through pdftotext (poppler-utils): name ->
# (what it needs besides the PDF, how to run it on the PDF)
PDF_CONVERTERS = {
    "pdf": ("", None),  # govparse.parse of the PDF's bytes
    "pdfium-text": ("", _pdfium_text),  # its text layer alone, read as text
    "pdfplumber-text": ("python:pdfplumber", _pdfplumber_text),
    "pdftotext": ("pdftotext", _program("pdftotext", "-layout", "-enc", "UTF-8")),
    "pdftotext-raw": ("pdftotext", _program("pdftotext", "-enc", "UTF-8")),
    "pdfminer": ("python:pdfminer", _pdfminer()),
    "pdfminer-A": ("python:pdfminer", _pdfminer(all_texts=True)),
    "markitdown-pdf": ("python:markitdown", _markitdown),
}


def _available(name: str) -> bool:
    """Whether what the converter needs is on this machine: a program on the PATH, a
    Python module (``python:name``), and for a PDF's converters the PDF printer."""
    program = {**CONVERTERS, **PDF_CONVERTERS, **OFFICE_CONVERTERS}[name][0]
    if program.startswith("python:"):
        try:
            __import__(program.partition(":")[2])
        except ImportError:
            return False
    elif program and shutil.which(program) is None:
        return False
    return name not in PDF_CONVERTERS or _report_pdf() is not None


def _report_pdf():
    """tests/frontends/pdf/pdf_pages.report_pdf (needs reportlab: the test extras), or
    None."""
    try:
        import reportlab  # noqa: F401
    except ImportError:
        return None
    sys.path.insert(0, str(HERE.parent / "tests" / "frontends" / "pdf"))
    from pdf_pages import report_pdf

    return report_pdf


def _reports(kind: str, count: int, seed: int, largest: int = 10**7,
             consistent: bool | None = None):
    """``count`` reports of the kind, the same for the same seed (``largest``: the
    greatest count of distinct figures; ``consistent``: their arithmetic holds, or not,
    or either, drawn)."""
    if kind == "zeros":
        examples = example_reports()
        rng = random.Random(seed)
        for index in range(count):
            yield random_report(examples[index % 5 == 4 and len(examples) > 1], rng)
        return
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed

    from govparse.testing.damage import distinct_reports

    drawn = []

    @hypothesis_seed(seed)
    @settings(max_examples=count, database=None, phases=[Phase.generate], deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(distinct_reports(narrative=False, largest=largest, consistent=consistent))
    def draw(report):
        if len(drawn) < count:
            drawn.append(report)

    draw()
    yield from drawn


def compare(model, read) -> tuple[Counter, list[str]]:
    """Each figure of the model's tables against the one read: right, wrong, missing."""
    counts: Counter = Counter()
    wrong = []
    for table, row, column, figure in model.table_figures():
        try:
            got = read.figure(table, row, column).value
        except (AttributeError, KeyError, ValueError):
            got = None
        if got == figure.value:
            counts["right"] += 1
        elif got is None:
            counts["missing"] += 1
        else:
            counts["wrong"] += 1
            wrong.append(f"{table}/{row}/{column}: {got!r}, printed {figure.value!r}")
    return counts, wrong


def _keep(folder: Path, index: int, name: str, html: str, text, wrong: list[str]) -> None:
    """The page, what the converter made of it and the wrong figures, for a look."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{index}.html").write_text(html, encoding="utf-8")
    _write(folder / f"{index}.{name}", text)
    (folder / f"{index}.{name}.wrong").write_text("\n".join(wrong) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=int, default=200)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--converters", nargs="*", default=[*CONVERTERS, *PDF_CONVERTERS],
                    choices=[*CONVERTERS, *PDF_CONVERTERS, *OFFICE_CONVERTERS],
                    help="the office ones (LibreOffice, a few seconds a report) only when named")
    ap.add_argument("--figures", choices=["distinct", "zeros"], default="distinct")
    ap.add_argument("--largest", type=int, default=10**7,
                    help="distinct figures: the greatest count (default 10**7; 9999 for "
                         "figures of at most four digits, as most reports have, their "
                         "totals larger)")
    ap.add_argument("--consistent", action="store_true", default=None,
                    help="distinct figures: only reports whose arithmetic holds, as most "
                         "published ones do (default: holding or not, drawn)")
    ap.add_argument("--keep", metavar="DIR", help="write each report with a wrong figure here")
    ap.add_argument("--keep-missing", action="store_true",
                    help="with --keep: write each report with a missing figure too")
    ap.add_argument("--save", metavar="DIR",
                    help="write every report drawn (its model, N.model.json) and every "
                         "converter's output (N.NAME.txt or .pdf) here, for --from")
    ap.add_argument("--from", dest="saved", metavar="DIR",
                    help="read what --save wrote instead of drawing and converting: "
                         "another version of govparse measured on the very same inputs "
                         "(the draw depends on govparse's own code, which the generators use)")
    args = ap.parse_args()
    if args.saved:
        return _report(_read_saved(Path(args.saved)), "the reports saved in " + args.saved)
    names = [n for n in args.converters if _available(n)]
    for name in args.converters:
        if name not in names:
            print(f"{name}: not on this machine, skipped")
    totals = {name: Counter() for name in names}
    keep = Path(args.keep) if args.keep else None
    save = Path(args.save) if args.save else None
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        page, pdf = Path(folder) / "report.html", Path(folder) / "report.pdf"
        filled = Path(folder) / "template.docx"
        drawn = _reports(args.figures, args.reports, args.seed, args.largest, args.consistent)
        for index, model in enumerate(drawn):
            html = dumps(model, "html")
            page.write_text(html, encoding="utf-8")
            if save is not None:
                (save / f"{index}.model.json").write_text(to_json(model), encoding="utf-8")
            if any(name in PDF_CONVERTERS for name in names):
                pdf.write_bytes(_report_pdf()(model))
            reads = {OFFICE_CONVERTERS[name][2] for name in names if name in OFFICE_CONVERTERS}
            template = _filled_template(model) if "template" in reads else None
            if template is not None:
                filled.write_bytes(template)
            for name in names:
                try:
                    if name == "pdf":
                        text = pdf.read_bytes()
                    elif name in OFFICE_CONVERTERS:
                        _, convert, source = OFFICE_CONVERTERS[name]
                        if source == "template" and template is None:
                            totals[name]["not on the template"] += 1
                            continue
                        text = convert(page if source == "html" else filled)
                    elif name in PDF_CONVERTERS:
                        text = PDF_CONVERTERS[name][1](pdf)
                    else:
                        text = CONVERTERS[name][1](page)
                except Exception as exc:  # the converter's failure, not govparse's
                    totals[name]["converter failed"] += 1
                    print(f"report {index}, {name}: the converter failed: {exc}")
                    continue
                if save is not None:
                    _write(save / f"{index}.{name}", text)
                wrong, counts = _measured(totals[name], index, name, model, text)
                if keep is not None and (wrong or (args.keep_missing and counts["missing"])):
                    _keep(keep, index, name, html, text, wrong)
    largest = (f", up to {args.largest:,}{', arithmetic holding' if args.consistent else ''}"
               if args.figures == "distinct" else "")
    return _report(totals, f"{args.reports} generated reports ({args.figures} figures"
                   f"{largest}, seed {args.seed})")


def _measured(total: Counter, index: int, name: str, model, text) -> tuple[list, Counter]:
    """Read one converter's output and count its figures into ``total``: the wrong
    ones, and this report's counts."""
    try:
        read = govparse.parse(text)
    except govparse.GovParseError as exc:
        total["refused"] += 1
        print(f"report {index}, {name}: {exc}")
        return [], Counter()
    counts, wrong = compare(model, read)
    total.update(counts)
    if wrong:
        total["reports with a wrong figure"] += 1
        print(f"report {index}, {name}: {len(wrong)} wrong: {'; '.join(wrong[:3])}")
    return wrong, counts


def _write(stem: Path, text) -> None:
    """A converter's output at ``stem`` with its suffix: .txt, .pdf or .docx."""
    if isinstance(text, bytes):  # (a PDF, or a Word file: a zip)
        stem.with_name(f"{stem.name}.{'docx' if text[:2] == b'PK' else 'pdf'}").write_bytes(text)
    else:
        stem.with_name(f"{stem.name}.txt").write_text(text, encoding="utf-8")


def _read_saved(folder: Path) -> dict[str, Counter]:
    """What --save wrote, read and counted by this govparse."""
    totals: dict[str, Counter] = {}
    models = sorted(folder.glob("*.model.json"), key=lambda p: int(p.name.split(".")[0]))
    for path in models:
        index = int(path.name.split(".")[0])
        model = from_json(path.read_text(encoding="utf-8"))
        for output in sorted(folder.glob(f"{index}.*")):
            name = output.name[len(f"{index}."):].rsplit(".", 1)[0]
            if output.suffix not in (".txt", ".pdf", ".docx"):
                continue
            text = output.read_text(encoding="utf-8") if output.suffix == ".txt" \
                else output.read_bytes()
            _measured(totals.setdefault(name, Counter()), index, name, model, text)
    return totals


def _report(totals: dict[str, Counter], what: str) -> int:
    """The summary, a line a converter; 1 when any figure was read wrong."""
    print(f"\n{what}, every figure of the three tables; lenient parse")
    print(f"  {'converter':<20}{'right':>9}{'wrong':>7}{'missing':>9}{'right %':>9}"
          f"{'reports wrong':>15}")
    any_wrong = False
    for name, c in totals.items():
        total = c["right"] + c["wrong"] + c["missing"]
        share = 100 * c["right"] / total if total else 0.0
        print(f"  {name:<20}{c['right']:>9}{c['wrong']:>7}{c['missing']:>9}{share:>8.2f}%"
              f"{c['reports with a wrong figure']:>15}"
              + (f"  ({c['refused']} refused)" if c["refused"] else "")
              + (f"  ({c['converter failed']} converter failures)" if c["converter failed"] else "")
              + (f"  ({c['not on the template']} reports on the 2019 template skipped)"
                 if c["not on the template"] else ""))
        any_wrong |= c["wrong"] > 0
    return 1 if any_wrong else 0


if __name__ == "__main__":
    raise SystemExit(main())
