"""The national template as data: tables, rows, columns, headings and arithmetic."""
