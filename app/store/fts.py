"""Turn what a person types into a safe FTS5 query.

Raw user text is never passed to ``MATCH``: quotes, ``NEAR``, ``-`` or a lone ``*`` would be syntax
errors or operators. Each word becomes a quoted phrase (AND-ed together) and the last one matches
as a prefix, so results appear while typing — unless the text ends with a space: that word is
finished, and is matched whole. A whole word is also far cheaper to find in a long history: FTS5
reads its rows lazily, newest first, and stops at the limit, while a prefix has to gather every
row of every word it begins (11 ms against 0.2–0.5 ms in a store of 2,000,000 messages).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[\w'’-]+", re.UNICODE)


def fts_query(text: str) -> str:
    """An FTS5 query matching every word of ``text``, the last as a prefix unless a space
    follows it; "" if no words."""
    words = [w.strip("'’-") for w in _WORD.findall(text)]
    words = [w for w in words if w]
    if not words:
        return ""
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    if not text[-1:].isspace():
        quoted[-1] += "*"
    return " ".join(quoted)
