"""Turn what a person types into a safe FTS5 query.

Raw user text is never passed to ``MATCH``: quotes, ``NEAR``, ``-`` or a lone ``*`` would be syntax
errors or operators. Each word becomes a quoted phrase (AND-ed together) and the last one matches
as a prefix, so results appear while typing.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[\w'’-]+", re.UNICODE)


def fts_query(text: str) -> str:
    """An FTS5 query matching every word of ``text`` (the last as a prefix); "" if no words."""
    words = [w.strip("'’-") for w in _WORD.findall(text)]
    words = [w for w in words if w]
    if not words:
        return ""
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)
