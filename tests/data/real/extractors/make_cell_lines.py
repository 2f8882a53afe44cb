"""Writes NNN.cell-lines.txt: the real pages of ../html as text written a cell a line,
a pipe after each cell, an empty cell a pipe alone, each row padded to the table's
width by a line of pipes, the page's other blocks a line each: the form a crawler's
corpus of real report pages holds them in (`信息内容 |` / `本年制发件数 |` / … / `|||`).
Run from the repository root: .venv/bin/python tests/data/real/extractors/make_cell_lines.py
"""

from pathlib import Path

import lxml.html

HERE = Path(__file__).resolve().parent
PAGES = HERE.parent / "html"
BLOCKS = ("h1", "h2", "h3", "h4", "p", "div")


def cell_lines(page: str) -> str:
    out = []
    for element in lxml.html.fromstring(page).iter():
        if element.tag in BLOCKS and element.getparent() is not None \
                and not any(a.tag in ("td", "th") for a in element.iterancestors()) \
                and not any(c.tag in BLOCKS + ("table",) for c in element.iterdescendants()):
            text = " ".join(element.text_content().split())
            if text:
                out.append(text)
        if element.tag == "table":
            rows = element.findall(".//tr")
            width = max(len([c for c in row if c.tag in ("td", "th")]) for row in rows)
            for row in rows:
                cells = [" ".join(c.text_content().split()) for c in row if c.tag in ("td", "th")]
                out.extend(f"{text} |" if text else "|" for text in cells)
                if width > len(cells):
                    out.append("|" * (width - len(cells)))
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    for name in ("006", "013"):
        page = (PAGES / f"{name}.html").read_text("utf-8")
        (HERE / f"{name}.cell-lines.txt").write_text(cell_lines(page), "utf-8")
