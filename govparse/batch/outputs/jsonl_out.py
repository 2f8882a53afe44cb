"""JSON Lines: one file a line, written as it comes — ``{"path", "sha256",
"format", "report", "error"}``, ``report`` the whole model as ``govparse.to_json``
writes it (None when the file was not read), ``error`` its code, message, place
and every diagnostic (None when it was read), as ``govparse parse --format json``
has them."""

from __future__ import annotations

import json

from govparse.batch.outputs import Utf8Output
from govparse.batch.records import FileResult


def entry(result: FileResult) -> dict:
    """The line of one file (``result`` made with the model kept)."""
    from govparse.emit.serialize import to_dict

    row = result.report
    return {"path": row.path, "sha256": row.sha256, "format": row.format,
            "report": to_dict(result.model) if result.model is not None else None,
            "error": result.error}


def json_line(result: FileResult) -> bytes:
    """The line of one file in UTF-8, its end included (made in the worker that read
    the file: the run's process only writes it)."""
    return (json.dumps(entry(result), ensure_ascii=False) + "\n").encode("utf-8")


class JsonLinesWriter:
    def __init__(self, path_or_stream, **_ignored) -> None:
        self._out = Utf8Output(path_or_stream)

    def encoder(self):
        return json_line

    def add(self, result: FileResult) -> None:
        self.add_encoded(json_line(result))

    def add_encoded(self, line: bytes) -> None:
        self._out.write(line)

    def close(self) -> None:
        self._out.close()
