"""Word files (.docx) to a Document (govparse/frontends/word/reader.py)."""
