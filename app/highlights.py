"""Words that count as mentioning me, beside my own name.

HexChat's "extra words to highlight", Element's keywords, Gajim's "muc_highlight_words": a
message that holds one as a word is marked ``mentions_me`` when it is stored, so it counts as a
mention in the unread badge, notifies under "mentions only" and is found by the mention jump,
whatever the service. The backends keep deciding whether my name or id is in a message; these
words come on top, from the preference :data:`PREF_HIGHLIGHT_WORDS`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

PREF_HIGHLIGHT_WORDS = "notifications.highlight_words"
MAX_WORDS = 100
MAX_WORD_CHARS = 100


@dataclass(frozen=True, slots=True)
class HighlightWords:
    """The words, and one compiled search for all of them (case-insensitive, as whole words)."""

    words: tuple[str, ...] = ()
    _search: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, value: object) -> HighlightWords:
        """From the preference: a list of words, or one string separated by commas. Blank and
        repeated words are left out; so is anything past :data:`MAX_WORDS` or longer than
        :data:`MAX_WORD_CHARS` (a pasted paragraph is not a word to watch for)."""
        if isinstance(value, str):
            items: Iterable[object] = value.split(",")
        elif isinstance(value, list | tuple):
            items = value
        else:
            return cls()
        words: list[str] = []
        seen: set[str] = set()
        for item in items:
            word = " ".join(str(item).split()) if isinstance(item, str) else ""
            key = word.casefold()
            if not word or len(word) > MAX_WORD_CHARS or key in seen:
                continue
            seen.add(key)
            words.append(word)
            if len(words) == MAX_WORDS:
                break
        if not words:
            return cls()
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        return cls(tuple(words), re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE))

    def __bool__(self) -> bool:
        return bool(self.words)

    def matches(self, text: str) -> bool:
        """Whether ``text`` holds one of the words as a word of its own ("tea" is not in
        "steam"; "C++" is in "I like C++.")."""
        return self._search is not None and self._search.search(text) is not None
