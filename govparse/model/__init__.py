"""The Report model: frozen classes of plain values, knowing no source format."""
