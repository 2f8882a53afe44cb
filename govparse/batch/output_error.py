"""The error of an output that cannot be written as asked: a module of its own, so
that the command line can catch it without importing the writers (a run that
prints one file's text has none)."""

from __future__ import annotations


class OutputError(Exception):
    """The output cannot be written as asked (a usage error of the command line)."""
