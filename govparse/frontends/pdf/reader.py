"""A PDF's text layer, read with pypdfium2 (BSD/Apache; about 20 ms for a 5-page
report), as the text the text front-end reads: pages in order, parted by a form feed,
each page's text as pdfium lays it out (one line of the page a line). The tables come
out as ``spaced`` rows (govparse/frontends/text/layouts/spaced.py): a row label and
its figures parted by blanks.

- The form feeds between pages tell the text front-end to drop the page numbers
  (govparse/frontends/text/page_markers.py), so that none is read as a figure.
- A PDF pypdfium2 cannot open (broken, or encrypted with a password) is GP006; one
  with no text at all (a scan) is GP007: govparse does no OCR.

The figures' places are the lines and columns of this text (``govparse fmt FILE``
prints it); a figure's page and box on the page are for later.
"""

from __future__ import annotations

from govparse.diagnostics import Diagnostic
from govparse.errors import InputError

def pdf_text(data: bytes, name: str | None) -> tuple[str, list[Diagnostic]]:
    """The text of a PDF's pages, and what reading it noticed."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc)
        what = ("it is encrypted (a password is needed)" if "password" in reason.lower()
                else f"it is broken ({reason})")
        raise InputError("GP006", f"the PDF could not be opened: {what}", path=name) from None
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
    except pdfium.PdfiumError as exc:
        raise InputError("GP006", f"the PDF could not be read: {exc}", path=name) from None
    finally:
        document.close()
    text = "\f".join(pages).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("GP007", f"the PDF has {len(pages)} page{'s' if len(pages) != 1 else ''} "
                         "but no text: a scan, which govparse cannot read (it does no OCR)",
                         path=name)
    return text, []
