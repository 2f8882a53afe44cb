"""Rewriting a user's file in place (``govparse fmt --in-place``) without harm.

- Through a symbolic link: the file it points to is rewritten, the link stays.
- A file without write permission is refused, for root too (root could write it,
  but its owner said it is not to be changed).
- The file must hold, right before it is replaced, exactly the bytes that were
  read and formatted: a line appended meanwhile is never lost; the file is
  refused and left as it is.
- Mode, owner and group are kept. A file with other hard links, one owned by
  someone else whom we cannot give it back to, or in a folder where no new file
  can be made, is written over in place (its inode, links and owner stay);
  otherwise a temporary file beside it is written, flushed to disk (fsync) and
  renamed over it, so that a crash leaves the old file or the new one, never
  half of one; the folder is synced too.
- SIGTERM and SIGHUP while writing: the temporary file is removed (the caller
  turns them into :class:`govparse.cli.streams.Interrupted`).
"""

from __future__ import annotations

import os
import stat
import tempfile

TEMPORARY_PREFIX = ".govparse-fmt-"


class RewriteRefused(Exception):
    """The file is left as it was; the message says why."""


def rewrite(path: str, expected: bytes, new: bytes) -> None:
    """Replace the content of ``path`` (``expected``, as read) by ``new``."""
    target = os.path.realpath(path)  # write through symbolic links
    try:
        info = os.stat(target)
    except OSError as exc:
        raise RewriteRefused(f"cannot look at the file: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise RewriteRefused("it is not a regular file")
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise RewriteRefused("the file is read-only")
    if info.st_nlink > 1 or not _can_give_back(info) or not _folder_writable(target):
        _write_over(target, expected, new)
    else:
        _replace(target, info, expected, new)


def _can_give_back(info: os.stat_result) -> bool:
    """Whether a new file can be given the old one's owner and group."""
    if os.geteuid() == 0:
        return True
    return info.st_uid == os.geteuid() and info.st_gid in os.getgroups() + [os.getegid()]


def _folder_writable(target: str) -> bool:
    return os.access(os.path.dirname(target) or ".", os.W_OK | os.X_OK)


def _unchanged(handle, expected: bytes) -> None:
    """Refuse if the open file no longer holds exactly what was read."""
    handle.seek(0)
    if handle.read(len(expected) + 1) != expected:
        raise RewriteRefused("the file changed since it was read; run fmt again")


def _replace(target: str, info: os.stat_result, expected: bytes, new: bytes) -> None:
    folder = os.path.dirname(target)
    handle, temporary = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(new)
            out.flush()
            os.fchmod(out.fileno(), stat.S_IMODE(info.st_mode))
            if (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
                os.fchown(out.fileno(), info.st_uid, info.st_gid)
            os.fsync(out.fileno())
        with open(target, "rb") as current:
            _unchanged(current, expected)
            if os.fstat(current.fileno()).st_ino != info.st_ino:
                raise RewriteRefused("the file was replaced since it was read; run fmt again")
            os.replace(temporary, target)
    except BaseException:
        _remove(temporary)
        raise
    _sync_folder(folder)


def _write_over(target: str, expected: bytes, new: bytes) -> None:
    with open(target, "r+b") as handle:
        _unchanged(handle, expected)
        handle.seek(0)
        handle.write(new)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def _remove(temporary: str) -> None:
    try:
        os.unlink(temporary)
    except FileNotFoundError:
        pass


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable (on platforms where a folder can be opened)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
