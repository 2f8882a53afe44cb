"""The files of a Dask run, found through fsspec on a local disk or an object store
(s3://, gs://, abfs://, memory://, file://), each given its report id on the client,
before the graph is made.

What is found, and in which order, is what the local run (``govparse.parse_many``,
``govparse parse``) reads: a path names a file, read whatever its name (one that is
not there is that file's GP001); a folder is walked as files_of walks it
(govparse.batch.inputs.walk_order); a glob is expanded in sorted order, as a shell
expands it, its names that start with a dot matched only by a part of the pattern
that starts with one (a path that is there is read by its name, even with ``[``, ``*``
or ``?`` in it). Report ids count from 1 across all of them, so each file's id
is its place in that expansion, whatever the partitions and the workers."""

from __future__ import annotations

import fnmatch
import glob
import os
import posixpath
from typing import Iterable, Iterator

from fsspec.core import OpenFile, url_to_fs

from govparse.batch.inputs import walk_order


class ReportFile:
    """A file to read on a worker: its report id, the name its rows give it (the path
    as given, or a folder's or a glob's path joined with the rest), and how to open it
    (fsspec's OpenFile: the filesystem and its options travel with it)."""

    __slots__ = ("report_id", "name", "file")

    def __init__(self, report_id: int, name: str, file: OpenFile) -> None:
        self.report_id = report_id
        self.name = name
        self.file = file

    def __getstate__(self):
        return self.report_id, self.name, self.file

    def __setstate__(self, state) -> None:
        self.report_id, self.name, self.file = state

    def __repr__(self) -> str:
        return f"ReportFile({self.report_id}, {self.name!r})"


def report_files(paths: str | os.PathLike | Iterable[str | os.PathLike], *,
                 globs: tuple[str, ...] = (), storage_options: dict | None = None
                 ) -> list[ReportFile]:
    """Each file to read, numbered from 1 in the order the local run reads them.
    A glob that matches no file, or inputs that hold none, raise FileNotFoundError:
    a run of nothing is a mistake in its inputs, said before any work starts."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    found: list[ReportFile] = []
    given_paths = [os.fspath(path) for path in paths]
    for given in given_paths:
        for name, fs, path in _expanded(given, globs, storage_options or {}):
            found.append(ReportFile(len(found) + 1, name, OpenFile(fs, path, mode="rb")))
    if not found:
        raise FileNotFoundError(f"no report file found in {', '.join(map(repr, given_paths))}"
                                " (a folder is walked for the files govparse reads"
                                f"{', those matching ' + repr(globs) if globs else ''})")
    return found


def _expanded(given: str, globs: tuple[str, ...], storage_options: dict
              ) -> Iterator[tuple[str, object, str]]:
    """(name, filesystem, path) of each file ``given`` stands for."""
    fs, path = url_to_fs(given, **storage_options)
    if glob.has_magic(given) and not fs.exists(path):  # a name with [ ] in it is a name
        yield from _matches(given, fs, path)
    elif fs.isdir(path):
        root = path.rstrip("/")
        listed = (found[len(root) + 1:] for found in fs.find(root, withdirs=False)
                  if found.startswith(root + "/"))
        for relative in walk_order(listed, globs):
            yield posixpath.join(given, relative), fs, f"{root}/{relative}"
    else:
        yield given, fs, path


def _matches(pattern: str, fs, stripped: str) -> Iterator[tuple[str, object, str]]:
    """The files a glob matches (folders left out: name a folder to walk it), in
    sorted order, each named as the pattern was written: its literal start, then the
    rest of the match."""
    parts = pattern.split("/")
    fixed = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    literal = "/".join(parts[:fixed])
    root = fs._strip_protocol(literal or ".").rstrip("/")
    wildcards = parts[fixed:]
    matched = fs.glob(stripped, detail=True)
    files = sorted(name for name, info in matched.items() if info.get("type") != "directory")
    if not files:
        raise FileNotFoundError(f"no file matches {pattern!r}")
    for path in files:
        relative = path[len(root) + 1:] if path.startswith(root + "/") else None
        if relative is None:  # not below the pattern's literal start: fsspec's own name
            yield fs.unstrip_protocol(path), fs, path
        elif _shell_would_match(relative.split("/"), wildcards):
            yield posixpath.join(literal, relative), fs, path


def _shell_would_match(names: list[str], pattern_parts: list[str]) -> bool:
    """A name that starts with a dot is matched by a part of the pattern that starts
    with one (``.*``, ``.cache``), never by ``*`` or ``**``: as a shell expands globs."""
    dotted = [part for part in pattern_parts if part.startswith(".")]
    return all(any(fnmatch.fnmatchcase(name, part) for part in dotted)
               for name in names if name.startswith("."))
