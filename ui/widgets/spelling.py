"""Spell check in the composer: Hunspell dictionaries through Enchant (pyenchant).

Kept beside the composer, not in it: the composer only offers a hook for its context menu
(``Composer.extend_context_menu``); this module underlines misspelled words (a
QSyntaxHighlighter, so only the block that changed is checked again), adds suggestions, "Add to
dictionary", "Ignore" and the "Spelling language" submenu to that menu, and remembers the
language per conversation (``Conversation.spell_language``, in the account's store, like its
notification level). Without Enchant or without dictionaries the composer works unchecked and the
menu says why.

Not checked: links, e-mail addresses, @mentions, #channels, `code spans`, fenced code blocks,
words with digits or underscores, the names of the conversation's members, and emoji (not
letters).
"""

from __future__ import annotations

import logging
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QLocale, QObject, Qt, Signal, Slot
from PySide6.QtGui import QSyntaxHighlighter, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMenu

from app.models import ConversationId
from ui.theme import misspelling_colour
from ui.widgets.composer import Composer

if TYPE_CHECKING:
    from PySide6.QtGui import QTextCharFormat

_log = logging.getLogger(__name__)

SUGGESTIONS = 5
DEFAULT = ""  # a conversation's choice: follow the default language
OFF = "off"  # a conversation's choice: no spell check here
IN_FENCE = 1  # block state: inside a ``` fenced code block
NO_ENCHANT = "no-enchant"
NO_DICTIONARIES = "no-dictionaries"

_SKIP = re.compile(
    r"(?:[a-z][a-z0-9+.\-]*://|www\.|xmpp:|mailto:|matrix:)\S+"  # links
    r"|\S+@\S+\.\S+"  # e-mail and XMPP addresses
    r"|[@#!+][\w.:\-]+"  # mentions, channels, rooms
    r"|`[^`]*`?",  # code spans (an open one to the end of the line)
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def words(text: str) -> Iterator[tuple[int, str]]:
    """(index, word) of each word of one line worth checking: links, addresses, mentions,
    code spans and words with digits or underscores are left out."""
    skipped = [m.span() for m in _SKIP.finditer(text)]
    i = 0
    for match in _WORD.finditer(text):
        start = match.start()
        while i < len(skipped) and skipped[i][1] <= start:
            i += 1
        if i < len(skipped) and skipped[i][0] <= start:
            continue
        word = match.group(0)
        if len(word) < 2 or any(c.isdigit() or c == "_" for c in word):
            continue
        yield start, word


def language_label(tag: str) -> str:
    """A dictionary's name in its own language: "Deutsch (Deutschland)" for de_DE."""
    locale = QLocale(tag)
    if locale.language() == QLocale.Language.C:
        return tag
    name = locale.nativeLanguageName() or tag
    if "_" in tag and locale.nativeTerritoryName():
        return f"{name} ({locale.nativeTerritoryName()})"
    return name


class SpellChecker:
    """The dictionaries, one personal word list (a file in the app's data folder, shared by every
    language) and the words ignored for this session. No Qt: the highlighter and the menu ask it.

    Enchant is loaded on first use (about 50 ms, and 100 ms per dictionary), not at start-up,
    and by :meth:`warm_up` on a worker thread, so a keystroke never waits for it. One lock keeps
    Enchant to one thread at a time (its broker is not thread-safe); the UI thread takes it only
    for what is already loaded, or when it asks before a warm-up has finished.
    """

    def __init__(self, personal_words: Path) -> None:
        self.personal_words = personal_words
        self._broker: Any = None
        self._enchant: Any = None
        self._loaded = False
        self._reason = ""
        self._dicts: dict[str, Any] = {}
        self._missing: set[str] = set()  # dictionaries that failed to open: not tried again
        self._languages: list[str] | None = None
        self._lock = threading.RLock()
        self._warming = False
        self._waiters: list[Callable[[], None]] = []
        self._ignored: set[str] = set()
        self._cache: dict[tuple[str, str], bool] = {}

    def _load(self) -> None:
        if self._loaded:
            return
        with self._lock:
            if not self._loaded:
                self._load_enchant()

    def _load_enchant(self) -> None:
        try:
            import enchant  # noqa: PLC0415  (loaded when first needed: the class docstring)

            self._broker = enchant.Broker()
            self._enchant = enchant
        except Exception as error:  # ImportError, OSError, the C library's own: unchecked
            _log.warning("spell check is off: %s", error)
            self._reason = NO_ENCHANT
            self._loaded = True
            return
        try:
            self._languages = sorted(set(self._broker.list_languages()))
        except Exception as error:  # the C library failed: no spell check, not a crash
            _log.warning("spell check: listing dictionaries failed: %s", error)
            self._languages = []
        self._loaded = True  # last: another thread reads it without the lock

    def ready(self, tag: str | None) -> bool:
        """Whether checking in ``tag`` needs nothing more loaded (Enchant asked, and the
        dictionary open or known to be missing): then the UI thread may check at once."""
        return self._loaded and (
            self._enchant is None or not tag or tag in self._dicts or tag in self._missing
        )

    def warm_up(self, language: Callable[[], str | None], done: Callable[[], None]) -> None:
        """Load Enchant and the dictionary ``language()`` names (asked once Enchant is there)
        on a worker thread, then call ``done`` on that thread: opening a dictionary takes
        50-150 ms, too long for the UI thread at a keystroke. Calls made while one warm-up
        runs wait for it; ``done`` is then called for each."""
        with self._lock:
            self._waiters.append(done)
            if self._warming:
                return
            self._warming = True
        threading.Thread(
            target=self._warm, args=(language,), name="spell-check-load", daemon=True
        ).start()

    def _warm(self, language: Callable[[], str | None]) -> None:
        try:
            with self._lock:
                self._load()
                tag = language()
                if tag:
                    self._dictionary(tag)
        except Exception:  # never lost in a thread: logged, and the waiters still told
            _log.exception("spell check: loading failed")
        finally:
            with self._lock:
                waiters, self._waiters = self._waiters, []
                self._warming = False
            for done in waiters:
                try:
                    done()
                except RuntimeError as error:  # its composer was closed meanwhile
                    _log.debug("spell check: loaded for a closed composer: %s", error)

    @property
    def loaded(self) -> bool:
        """Whether Enchant has been asked for anything yet."""
        return self._loaded

    @property
    def unavailable_reason(self) -> str:
        """Why nothing can be checked: NO_ENCHANT, NO_DICTIONARIES or "" (something can)."""
        self._load()
        if self._reason:
            return self._reason
        return "" if self.languages() else NO_DICTIONARIES

    def languages(self) -> list[str]:
        """The installed dictionaries' tags (en_US, de_DE …), sorted."""
        self._load()
        return list(self._languages or ())

    def default_language(self, ui_locale: str) -> str | None:
        """The dictionary for the UI's locale (else its language's: the home country's first),
        else American English, else none."""
        available = self.languages()
        if not available:
            return None
        if ui_locale in available:
            return ui_locale
        language = ui_locale.split("_", maxsplit=1)[0]
        if language in available:
            return language
        same = [tag for tag in available if tag.split("_")[0] == language]
        if same:  # the language's home country first: es_ES rather than es_AR
            home = f"{language}_{language.upper()}"
            return home if home in same else same[0]
        return "en_US" if "en_US" in available else None

    def _dictionary(self, tag: str) -> Any:
        found = self._dicts.get(tag)
        if found is None and tag not in self._missing:
            with self._lock:
                return self._open(tag)
        return found

    def _open(self, tag: str) -> Any:
        found = self._dicts.get(tag)
        if found is None:
            self._load()
            if self._enchant is None or tag in self._missing:
                return None
            personal: str | None = str(self.personal_words)
            try:
                self.personal_words.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                self.personal_words.touch(mode=0o600)
            except OSError as error:  # checked all the same, without the personal words
                _log.warning("spell check: the personal word list is unusable: %s", error)
                personal = None
            try:
                found = self._enchant.DictWithPWL(tag, personal, broker=self._broker)
            except Exception as error:  # a missing or broken dictionary: unchecked
                _log.warning("spell check: no dictionary %s: %s", tag, error)
                self._missing.add(tag)
                return None
            self._dicts[tag] = found
        return found

    def check(self, tag: str, word: str) -> bool:
        """Is ``word`` right in ``tag`` (or personal, or ignored)? Cached: typing rechecks a
        line's words on every key."""
        key = (tag, word)
        known = self._cache.get(key)
        if known is None:
            if word in self._ignored:
                known = True
            else:
                dictionary = self._dictionary(tag)
                try:
                    known = dictionary is None or bool(dictionary.check(word))
                except Exception:  # a word the library refuses: not marked
                    known = True
            if len(self._cache) > 20000:
                self._cache.clear()
            self._cache[key] = known
        return known

    def suggest(self, tag: str, word: str) -> list[str]:
        dictionary = self._dictionary(tag)
        if dictionary is None:
            return []
        try:
            with self._lock:
                found = dictionary.suggest(word)
            return [s for s in found if s != word][:SUGGESTIONS]
        except Exception:
            return []

    def add(self, word: str) -> bool:
        """Into the personal word list (kept on disk; every language knows it from now on).
        False when the list could not be written (the word is then accepted until the app
        quits, and the failure logged)."""
        with self._lock:  # a warm-up may be opening a dictionary
            saved = self._add(word)
        if not saved:
            self._ignored.add(word)
        self._forget(word)
        return saved

    def _add(self, word: str) -> bool:
        saved = False
        try:
            for tag, dictionary in self._dicts.items():
                if saved:
                    dictionary.add_to_session(word)
                else:
                    dictionary.add(word)  # writes the personal word list
                    saved = True
                    _log.debug("spell check: %s learnt a word", tag)
            if not saved:  # no dictionary open yet: append to the file by hand
                self.personal_words.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                with self.personal_words.open("a", encoding="utf-8") as f:
                    f.write(word + "\n")
                saved = True
        except Exception as error:  # a read-only or full disk: not a crash
            _log.warning("spell check: the personal word list was not written: %s", error)
        return saved

    def ignore(self, word: str) -> None:
        """Accepted until the app quits, in every language."""
        self._ignored.add(word)
        self._forget(word)

    def _forget(self, word: str) -> None:
        for key in [k for k in self._cache if k[1] == word]:
            del self._cache[key]


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines misspelled words (Qt's spell-check underline in the theme's red). Qt calls
    ``highlightBlock`` only for the lines that changed, so long drafts stay quick."""

    def __init__(self, document: QTextDocument, checker: SpellChecker) -> None:
        super().__init__(document)
        self.checker = checker
        self.language: str | None = None
        self.known: Counter[str] = Counter()  # word → how many members' names have it
        self._misspelled: QTextCharFormat | None = None  # made when first needed

    def set_language(self, language: str | None) -> None:
        if language != self.language:
            self.language = language
            self.rehighlight()

    def set_known(self, names: Iterable[str]) -> None:
        """Words never marked (the members' names, word by word)."""
        known = Counter(w for name in names for _i, w in words(name))
        changed = known.keys() != self.known.keys()
        self.known = known
        if changed and self.language:
            self.rehighlight()

    def change_known(self, added: Iterable[str], removed: Iterable[str]) -> None:
        """Names came and went (members joined, left or were renamed): their words only."""
        known = self.known
        changed = False
        for name in removed:
            for _i, w in words(name):
                left = known[w] - 1
                if left > 0:
                    known[w] = left
                else:
                    known.pop(w, None)
                    changed = True
        for name in added:
            for _i, w in words(name):
                changed |= w not in known
                known[w] += 1
        if changed and self.language:
            self.rehighlight()

    def misspellings(self, text: str) -> Iterator[tuple[int, str]]:
        """(index, word) of each misspelled word of one line."""
        language = self.language
        if not language:
            return
        for start, word in words(text):
            if word not in self.known and not self.checker.check(language, word):
                yield start, word

    def highlightBlock(self, text: str) -> None:
        fence = text.lstrip().startswith("```")
        inside = self.previousBlockState() == IN_FENCE
        self.setCurrentBlockState(IN_FENCE if inside != fence else 0)
        if inside or fence or not self.language:
            return
        wide = len(text.encode("utf-16-le")) // 2 != len(text)  # emoji count twice in Qt
        misspelled = None
        for start, word in self.misspellings(text):
            if misspelled is None:  # the theme may have changed since the last line
                misspelled = self.misspelled_format()
                misspelled.setUnderlineColor(misspelling_colour())
            if wide:
                at = len(text[:start].encode("utf-16-le")) // 2
                length = len(word.encode("utf-16-le")) // 2
            else:
                at, length = start, len(word)
            self.setFormat(at, length, misspelled)

    def misspelled_format(self) -> QTextCharFormat:
        """The underline, made when first needed: importing ``QTextCharFormat`` makes PySide6
        build its and ``QTextFormat``'s seven enums (147 members, 4-5 ms of the start's CPU),
        which nothing else needs before the window is ready (benchmarks/enum_census.py)."""
        if self._misspelled is None:
            from PySide6.QtGui import QTextCharFormat  # noqa: PLC0415

            self._misspelled = QTextCharFormat()
            self._misspelled.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        return self._misspelled


class ComposerSpelling(QObject):
    """Spell check for one composer: the underline and the context menu's part.

    ``choose`` is called with a conversation's new choice ("" the default, "off" or a tag) when
    the user picks one in the "Spelling language" submenu.
    """

    _warmed = Signal()  # emitted on the checker's worker thread, received on this object's

    def __init__(
        self,
        composer: Composer,
        checker: SpellChecker,
        choose: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.composer = composer
        self.checker = checker
        self._choose = choose
        self.highlighter = SpellHighlighter(composer.document(), checker)
        self.enabled = True  # the preference
        self.choice = DEFAULT  # the conversation's
        self.ui_locale = QLocale().name()
        self._pending = False
        composer.extend_context_menu = self.extend_menu
        composer.textChanged.connect(self._text_changed)
        self._warmed.connect(self._warmed_up, Qt.ConnectionType.QueuedConnection)

    @property
    def language(self) -> str | None:
        """The dictionary in use, None when nothing is checked."""
        if not self.enabled or self.choice == OFF or self.checker.unavailable_reason:
            return None
        if self.choice and self.choice in self.checker.languages():
            return self.choice
        return self.checker.default_language(self.ui_locale)

    def apply(self, *, enabled: bool | None = None, choice: str | None = None) -> None:
        """Take a new preference or choice. With nothing written yet, the language is settled
        at the first keystroke: Enchant (6 MB) and a dictionary (8-10 MB) load only for
        someone who writes."""
        if enabled is not None:
            self.enabled = enabled
        if choice is not None:
            self.choice = choice
        self._pending = self.composer.document().isEmpty()
        if self._pending:
            self.highlighter.set_language(None)
        else:
            self._settle()

    @Slot()
    def _text_changed(self) -> None:
        if self._pending:
            self._pending = False
            self._settle()

    @Slot()
    def _warmed_up(self) -> None:
        if shiboken6.isValid(self.highlighter):  # else its composer was closed meanwhile
            self._settle(warm=False)

    def _settle(self, *, warm: bool = True) -> None:
        """Check in the language in force, once what it needs is loaded. Loading (Enchant,
        a dictionary) happens on the checker's worker thread, which calls back here; until
        then the text stays as it was (unchecked, or checked in the language before)."""
        if self._pending:  # nothing written (any more): the first keystroke settles it
            return
        if not self.enabled or self.choice == OFF:
            self.highlighter.set_language(None)
            return
        if self.checker.ready(None) or not warm:
            language = self.language
            if self.checker.ready(language) or not warm:  # (after a failed warm-up: at once)
                self.highlighter.set_language(language)
                return
        self.checker.warm_up(self._language_when_loaded, self._warmed.emit)

    def _language_when_loaded(self) -> str | None:
        """The language in force, asked on the worker thread once Enchant is loaded: it reads
        only plain attributes and the checker, no Qt."""
        return self.language

    # -- the context menu -----------------------------------------------------------------

    def extend_menu(self, menu: QMenu, cursor: QTextCursor) -> None:
        """A misspelled word under ``cursor`` puts a submenu first: "Spelling: 5 suggestions
        for …" (as Gajim's gspell does; a screen reader hears that line first when the menu
        opens), with the suggestions, "Add to dictionary" and "Ignore". The language submenu
        goes last."""
        first = menu.actions()[0] if menu.actions() else None
        word, start = self._word_at(cursor)
        language = self.language
        if word and language and not self.checker.check(language, word):
            suggestions = self.checker.suggest(language, word)
            heading = (
                self.tr("&Spelling: %n suggestion(s) for “{word}”", "", len(suggestions)).format(
                    word=word
                )
                if suggestions
                else self.tr("&Spelling: no suggestions for “{word}”").format(word=word)
            )
            sub = QMenu(heading, menu)
            sub.setObjectName("spellingSuggestions")
            for suggestion in suggestions:
                action = sub.addAction(suggestion)
                action.setToolTip(
                    self.tr("Replace “{word}” with “{suggestion}”").format(
                        word=word, suggestion=suggestion
                    )
                )
                action.triggered.connect(
                    lambda _c=False, s=suggestion: self._replace(start, word, s)
                )
            sub.addSeparator()
            add = sub.addAction(self.tr("&Add “{word}” to the dictionary").format(word=word))
            add.triggered.connect(lambda _c=False: self._add(word))
            ignore = sub.addAction(self.tr("&Ignore “{word}”").format(word=word))
            ignore.triggered.connect(lambda _c=False: self._ignore(word))
            if first is not None:
                menu.insertMenu(first, sub)
                menu.insertSeparator(first)
            else:
                menu.addMenu(sub)
        menu.addSeparator()
        menu.addMenu(self.language_menu(menu))

    def language_menu(self, parent: QMenu) -> QMenu:
        """Off, the default, each installed dictionary; the conversation's choice checked. When
        nothing can be checked, one line saying why."""
        sub = QMenu(self.tr("S&pelling language"), parent)
        sub.setObjectName("spellingLanguageMenu")
        reason = {
            NO_ENCHANT: self.tr("Spell check is unavailable: Enchant is not installed."),
            NO_DICTIONARIES: self.tr("Spell check is unavailable: no dictionaries are installed."),
        }.get(self.checker.unavailable_reason, "")
        if not reason and not self.enabled:
            reason = self.tr("Spell check is turned off in Settings.")
        if reason:
            sub.addAction(reason).setEnabled(False)
            return sub
        default = self.checker.default_language(self.ui_locale)
        options = [
            (OFF, self.tr("&Off")),
            (
                DEFAULT,
                self.tr("&Default ({language})").format(language=language_label(default))
                if default
                else self.tr("&Default"),
            ),
        ]
        options += [(tag, language_label(tag)) for tag in self.checker.languages()]
        for i, (value, label) in enumerate(options):
            action = sub.addAction(label)
            action.setCheckable(True)
            action.setChecked(value == self.choice)
            action.setData(value)
            action.triggered.connect(lambda _c=False, v=value: self._chosen(v))
            if i == 1:
                sub.addSeparator()
        return sub

    def _word_at(self, cursor: QTextCursor) -> tuple[str, int]:
        """The checkable word at ``cursor`` and where it starts in the document."""
        block = cursor.block()
        offset = cursor.position() - block.position()
        text = block.text()
        # positions are UTF-16 units; Python indexes code points
        units = 0
        for index, char in enumerate(text):
            if units >= offset:
                offset = index
                break
            units += 2 if ord(char) > 0xFFFF else 1
        else:
            offset = len(text)
        for start, word in words(text):
            if start <= offset <= start + len(word):
                position = block.position() + len(text[:start].encode("utf-16-le")) // 2
                return word, position
        return "", -1

    def _replace(self, position: int, word: str, replacement: str) -> None:
        cursor = QTextCursor(self.composer.document())
        cursor.setPosition(position)
        cursor.setPosition(
            position + len(word.encode("utf-16-le")) // 2, QTextCursor.MoveMode.KeepAnchor
        )
        if cursor.selectedText() != word:
            return  # the text changed under the menu
        cursor.insertText(replacement)
        self.composer.setTextCursor(cursor)

    def _add(self, word: str) -> None:
        self.checker.add(word)
        self._rehighlight_all()

    def _ignore(self, word: str) -> None:
        self.checker.ignore(word)
        self._rehighlight_all()

    def _rehighlight_all(self) -> None:
        """Every composer sharing the checker (the thread panel's too) forgets the word."""
        owner = self.parent()
        if isinstance(owner, ConversationSpelling):
            owner.rehighlight()
        else:
            self.highlighter.rehighlight()

    @Slot(str)
    def _chosen(self, value: str) -> None:
        self.apply(choice=value)
        self._choose(value)


class ConversationSpelling(QObject):
    """Spell check for the open conversation's composers (the main one and the thread
    panel's): follows the preference and the conversation's language; a new choice is kept
    with the conversation through ``save`` (a core command)."""

    def __init__(
        self,
        checker: SpellChecker,
        composers: Sequence[Composer],
        *,
        enabled: Callable[[], bool],
        choice_of: Callable[[ConversationId], str],
        save: Callable[[ConversationId, str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.checker = checker
        self._enabled = enabled
        self._choice_of = choice_of
        self._save = save
        self.conversation: ConversationId | None = None
        self.composers = [ComposerSpelling(c, checker, self._chosen, self) for c in composers]

    def add(self, composer: Composer) -> None:
        """A composer made later (the thread panel's, made when a thread is first opened),
        checked as the first one is: same preference, language and members' names."""
        spelling = ComposerSpelling(composer, self.checker, self._chosen, self)
        if self.composers:
            first = self.composers[0]
            spelling.highlighter.known = Counter(first.highlighter.known)
            spelling.apply(enabled=first.enabled, choice=first.choice)
        self.composers.append(spelling)

    def open(self, conv: ConversationId | None) -> None:
        self.conversation = conv
        choice = self._choice_of(conv) if conv is not None else OFF
        for spelling in self.composers:
            spelling.apply(enabled=self._enabled(), choice=choice)

    @Slot()
    def preferences_changed(self, _values: object = None) -> None:
        for spelling in self.composers:
            spelling.apply(enabled=self._enabled())

    def set_known(self, names: Sequence[str]) -> None:
        for spelling in self.composers:
            spelling.highlighter.set_known(names)

    def change_known(self, added: Sequence[str], removed: Sequence[str]) -> None:
        for spelling in self.composers:
            spelling.highlighter.change_known(added, removed)

    def _chosen(self, value: str) -> None:
        for spelling in self.composers:
            spelling.apply(choice=value)
        if self.conversation is not None:
            self._save(self.conversation, value)

    def not_saved(self, conv: ConversationId) -> None:
        """A choice for ``conv`` could not be saved: its composers show the stored one again."""
        if conv == self.conversation:
            self.open(conv)

    def rehighlight(self) -> None:
        for spelling in self.composers:
            spelling.highlighter.rehighlight()
