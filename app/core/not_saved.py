"""A command's write that did not reach the disk, said for a person.

A full disk or an I/O error is no bug: the person should read what was not saved and why
("Could not save the notification level: the disk is full"), not "Internal error: database or
disk is full". :func:`saving` turns such a failure of a store write (``sqlite3.Error``) or of the
config file (``OSError``) into a :class:`~app.core.services.CommandError` that says both; any
other error (a constraint, a programming error) stays a bug. What the command changed in memory
is the caller's to put back (see ``CommandWrites.update_conversation`` and ``CoreServices.save``):
nothing may claim a change the disk does not hold.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Awaitable
from typing import TypeVar

from app.core.services import CommandError
from app.i18n import CoreMessages, Text
from app.save_retry import DAMAGED_CODES, transient

T = TypeVar("T")

_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_READ_ONLY = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


def disk_failure(exc: BaseException) -> bool:
    """Whether ``exc`` is the disk or the file refusing a write (not a bug)."""
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        return transient(exc) or (code is not None and code & 0xFF in DAMAGED_CODES)
    return isinstance(exc, OSError)


def reason(exc: BaseException) -> Text:
    """Why the write failed, in words (the SQLite result code or the errno says)."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = None if code is None else code & 0xFF
    number = getattr(exc, "errno", None) if isinstance(exc, OSError) else None
    if primary == sqlite3.SQLITE_FULL or number in _FULL:
        return CoreMessages.tr("the disk is full")
    if primary == sqlite3.SQLITE_IOERR or number == errno.EIO:
        return CoreMessages.tr("the disk could not be written (input/output error)")
    if primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM) or number in _READ_ONLY:
        return CoreMessages.tr("the file may not be written")
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return CoreMessages.tr("the file is in use by another program")
    if primary in DAMAGED_CODES:
        return CoreMessages.tr("the file is damaged")
    if primary == sqlite3.SQLITE_CANTOPEN:
        return CoreMessages.tr("the file cannot be opened")
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return CoreMessages.tr("the disk reported an error (%1)").arg(detail)


def not_saved(what: Text, exc: BaseException) -> CommandError:
    """The error for a person: "Could not save ``what``: ``reason``"."""
    return CommandError(CoreMessages.tr("Could not save %1: %2").arg(what, reason(exc)))


async def saving(what: Text, write: Awaitable[T]) -> T:
    """Await ``write``; a disk failure becomes :func:`not_saved` (``what``: "the …" phrase)."""
    try:
        return await write
    except (sqlite3.Error, OSError) as exc:
        if not disk_failure(exc):
            raise
        raise not_saved(what, exc) from exc
