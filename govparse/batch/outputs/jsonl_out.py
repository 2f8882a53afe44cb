"""JSON Lines: one file a line, written as it comes — ``{"path", "sha256",
"format", "report", "error"}``, ``report`` the whole model as ``govparse.to_json``
writes it (None when the file was not read), ``error`` its code, message, place
and every diagnostic (None when it was read), as ``govparse parse --format json``
has them."""

from __future__ import annotations

import json

from govparse.batch.outputs import open_text
from govparse.batch.records import FileResult


def entry(result: FileResult) -> dict:
    """The line of one file (``result`` made with the model kept)."""
    from govparse.emit.serialize import to_dict

    row = result.report
    return {"path": row.path, "sha256": row.sha256, "format": row.format,
            "report": to_dict(result.model) if result.model is not None else None,
            "error": result.error}


class JsonLinesWriter:
    def __init__(self, path_or_stream, **_ignored) -> None:
        if hasattr(path_or_stream, "write"):
            self._file, self._owned = path_or_stream, False
        else:
            self._file, self._owned = open_text(path_or_stream), True

    def add(self, result: FileResult) -> None:
        self._file.write(json.dumps(entry(result), ensure_ascii=False) + "\n")

    def close(self) -> None:
        self._file.flush()
        if self._owned:
            self._file.close()
