"""The reading core: from a Document's blocks and cells to the Report model."""
