"""HTML pages to a Document, with lxml: ``read_html`` (govparse/frontends/html/reader.py)."""
