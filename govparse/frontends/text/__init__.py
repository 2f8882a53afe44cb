"""The text front-end: plain text (tab, pipe, one-cell-a-line, markdown layouts) to a Document."""
