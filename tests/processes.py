"""Running the console script as a separate process: as it stands, or forked and
dropped to the unprivileged user ``nobody`` (when the suite runs as root, as CI
does), so that permission checks are real ones."""

from __future__ import annotations

import io
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

import pytest


class Run(NamedTuple):
    status: int  # as subprocess reports it: negative for a signal
    stdout: bytes
    stderr: bytes


def console(*args: str, stdin: bytes = b"", **kwargs) -> Run:
    """``python -m govparse ARGS`` in a new interpreter."""
    done = subprocess.run([sys.executable, "-m", "govparse", *args], input=stdin,
                          capture_output=True, timeout=120, **kwargs)
    return Run(done.returncode, done.stdout, done.stderr)


def unprivileged() -> tuple[int, int]:
    """The uid and gid to drop to: nobody's."""
    entry = pwd.getpwnam("nobody")
    return entry.pw_uid, entry.pw_gid


def as_nobody(*args: str, stdin: bytes = b"") -> Run:
    """The console's main() in a forked child that runs as nobody (or as the user
    running the suite, if that is not root). Forking, not exec: the interpreter may
    live where nobody cannot read (/root)."""
    # The standard library may live where nobody cannot read it either: what a run
    # of several files imports (its worker pool) is imported before the fork.
    import importlib

    for name in ("concurrent.futures", "concurrent.futures.process", "fnmatch", "hashlib",
                 "multiprocessing.context", "multiprocessing.popen_fork",
                 "multiprocessing.queues", "multiprocessing.synchronize",
                 "multiprocessing.sharedctypes", "multiprocessing.heap"):
        importlib.import_module(name)

    files = [tempfile.TemporaryFile() for _ in range(3)]
    files[0].write(stdin)
    files[0].seek(0)
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            for fd, handle in enumerate(files):
                os.dup2(handle.fileno(), fd)
            if os.geteuid() == 0:
                uid, gid = unprivileged()
                os.setgroups([])
                os.setgid(gid)
                os.setuid(uid)
            sys.stdin = io.TextIOWrapper(io.FileIO(0, "rb", closefd=False), encoding="utf-8")
            sys.stdout = io.TextIOWrapper(io.FileIO(1, "wb", closefd=False), encoding="utf-8")
            sys.stderr = io.TextIOWrapper(io.FileIO(2, "wb", closefd=False), encoding="utf-8")
            sys.argv = ["govparse", *args]
            from govparse.cli import main

            main()
        finally:
            os._exit(99)
    _, wait_status = os.waitpid(pid, 0)
    outputs = []
    for handle in files[1:]:
        handle.seek(0)
        outputs.append(handle.read())
        handle.close()
    files[0].close()
    return Run(os.waitstatus_to_exitcode(wait_status), *outputs)


@pytest.fixture
def shared_dir():
    """A folder that nobody can enter and write in (pytest's tmp_path is root's
    alone), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="govparse-test-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def give_to_nobody(path: Path, mode: int) -> None:
    """The file becomes nobody's, with this mode (when the suite runs as root)."""
    if os.geteuid() == 0:
        os.chown(path, *unprivileged())
    path.chmod(mode)
