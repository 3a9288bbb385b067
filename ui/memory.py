"""Process-wide memory settings for the desktop app (glibc's malloc)."""

from __future__ import annotations

import ctypes
import logging
import sys

MALLOC_ARENAS = 2
"""glibc gives each thread that allocates its own malloc arena (up to 8 per core), each holding
freed memory of its own; the app has half a dozen threads (core, store, resolver, Qt) that mostly
wait. Two arenas are plenty and keep several megabytes less resident (docs/performance.md)."""
_M_ARENA_MAX = -8  # mallopt() parameter, from glibc's <malloc.h>
_log = logging.getLogger(__name__)


def limit_malloc_arenas(count: int = MALLOC_ARENAS) -> bool:
    """Cap glibc's malloc arenas (same as ``MALLOC_ARENA_MAX``); True if it was applied."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        # The process's own symbols include libc's; find_library() would run ldconfig (~5 ms of
        # start-up) to name a library that is loaded already.
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        _log.debug("no mallopt(); malloc arenas left as they are")
        return False
    return bool(mallopt(_M_ARENA_MAX, count))
