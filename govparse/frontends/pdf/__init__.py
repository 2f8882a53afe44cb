"""PDF files: their text layer read with pypdfium2 (govparse/frontends/pdf/reader.py)."""
