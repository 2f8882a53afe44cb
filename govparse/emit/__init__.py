"""Output from the model: printing reports, JSON and CSV, listings, diagnostics."""
