"""The files of a run: paths given (files and folders), and the lines of a list
(``--files-from``), in a stable order.

A folder is walked recursively, its entries in sorted order, for the files
govparse reads (``READ_SUFFIXES``, chosen by ``--glob`` instead); hidden files
and folders are left out. A path given by name is always read, whatever its
name: a file that is not there is that file's error when its turn comes."""

from __future__ import annotations

import os
import sys
from typing import Iterable, Iterator

# What a folder's walk picks up: text, pages, PDF and Word files, and the legacy
# Word and WPS files, which are not read but said (GP008) rather than passed over.
READ_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".shtml", ".xhtml", ".mht",
                 ".mhtml", ".pdf", ".docx", ".doc", ".wps")


def files_of(paths: Iterable[str], *, globs: tuple[str, ...] = (),
             files_from: str | None = None) -> Iterator[str]:
    """Each file to read, in order: the paths given (a folder's files in sorted
    order), then the files listed in ``files_from`` (``-``: standard input), one a
    line. Walked lazily: a run starts before a large folder is walked through. A file
    reached twice (a folder given twice, a file given and in a folder given) is read
    once, where it is reached first. What is kept to know it grows with the files
    given by name, never with a folder's: whether the walk of a folder reached a file
    is told by the file's path (walked_to)."""
    named: set[str] = set()  # the files given by name so far
    for path, walked, by_name in _given(paths, globs, files_from):
        if path == "-":
            yield path
            continue
        key = _key(path)
        if key in named or any(walked_to(key, folder, globs) for folder in walked):
            continue
        if by_name:
            named.add(key)
        yield path


def _key(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))


def walked_to(key: str, folder: str, globs: tuple[str, ...]) -> bool:
    """Whether the walk of ``folder`` reaches the file ``key`` (both absolute and
    normalized): it is inside, not hidden, chosen, and under no link to a folder
    (os.walk does not follow them)."""
    prefix = os.path.join(folder, "")
    if not key.startswith(prefix):
        return False
    relative = key[len(prefix):]
    parts = relative.split(os.sep)
    if any(part.startswith(".") for part in parts) or not _chosen(parts[-1], relative, globs):
        return False
    inner = folder
    for part in parts[:-1]:
        inner = os.path.join(inner, part)
        if os.path.islink(inner):
            return False
    return True


def _given(paths: Iterable[str], globs: tuple[str, ...], files_from: str | None):
    """(path, the folders walked before it came, whether it was given by name)."""
    walked: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            before = tuple(walked)
            walked.append(_key(path))
            for found in _walk(path, globs):
                yield found, before, False
        else:
            yield path, tuple(walked), True
    if files_from is not None:
        walked_all = tuple(walked)
        for path in _listed(files_from):
            yield path, walked_all, True


def _walk(folder: str, globs: tuple[str, ...]) -> Iterator[str]:
    for root, dirs, files in os.walk(folder, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            if (name.lower().endswith(READ_SUFFIXES) if not globs  # _chosen, no relpath made
                    else _chosen(name, os.path.relpath(path, folder), globs)):
                yield path


def walk_order(relative_paths: Iterable[str], globs: tuple[str, ...] = ()) -> list[str]:
    """The files of a folder, listed as paths relative to it ("/" between the parts,
    as an object store lists them, in any order), chosen and ordered as files_of walks
    a folder: hidden files and folders left out, a folder's files in sorted order
    before its subfolders, each of those in sorted order. (govparse.dask lists a
    folder through fsspec, and gives its files the report ids the local run gives.)"""
    kept = [relative.split("/") for relative in relative_paths]
    kept = [parts for parts in kept if not any(part.startswith(".") for part in parts)
            and _chosen(parts[-1], "/".join(parts), globs)]
    # os.walk, top down with sorted names: a folder's files (0) before its folders (1)
    kept.sort(key=lambda parts: [(1, folder) for folder in parts[:-1]] + [(0, parts[-1])])
    return ["/".join(parts) for parts in kept]


def _chosen(name: str, relative: str, globs: tuple[str, ...]) -> bool:
    if not globs:
        return name.lower().endswith(READ_SUFFIXES)
    import fnmatch  # (only --glob needs it: not a single file's run)

    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(relative, g) for g in globs)


def _listed(files_from: str) -> Iterator[str]:
    """The paths of a list file, one a line (blank lines and # comments skipped)."""
    # a name that is no UTF-8 is kept as the file system's bytes (surrogateescape)
    if files_from == "-":
        handle = None
        lines: Iterable[str] = (line.decode("utf-8", "surrogateescape")
                                for line in sys.stdin.buffer)
    else:
        handle = open(files_from, encoding="utf-8", errors="surrogateescape")
        lines = handle
    try:
        for line in lines:
            path = line.rstrip("\r\n")
            if path.strip() and not path.lstrip().startswith("#"):
                yield path
    finally:
        if handle is not None:
            handle.close()
