"""The headless heart of Chinwag: accounts, stores, sessions, and the commands a front end calls.

:class:`Core` runs on one asyncio loop (see :mod:`app.runtime` for the thread that hosts it). Its
command groups are the command API, one class per concern over shared :class:`CoreServices`:

- ``core.accounts`` (:class:`AccountCommands`): services, accounts, sign-in, own presence
- ``core.preferences`` (:class:`PreferenceCommands`): app-wide settings
- ``core.conversations`` (:class:`ConversationCommands`): the list, opening, history pages
- ``core.drafts`` (:class:`DraftCommands`): each conversation's unsent composer text
- ``core.messaging`` (:class:`MessagingCommands`): sending, editing, reacting, files
- ``core.rooms`` (:class:`RoomCommands`): joining, creating, members, moderation, directory
- ``core.contacts`` (:class:`ContactCommands`): roster, subscriptions, blocking
- ``core.encryption`` (:class:`EncryptionCommands`): devices, verification, key backup
- ``core.archive`` (:class:`ArchiveCommands`): search, pruning, export, import
- ``core.threads`` (:class:`ThreadCommands`): reading a thread, marking it read
- ``core.spaces`` (:class:`SpaceCommands`): spaces, what they hold, joining their rooms
- ``core.previews`` (:class:`PreviewCommands`): link previews made by the service
- ``core.signin`` (:class:`SignInCommands`): sign-in methods, single sign-on, making accounts

A front end calls these coroutines and learns about everything else from typed events on
:attr:`Core.bus`. Nothing here imports Qt or a protocol library, so a terminal or
screen-reader-first front end can drive the same core.
"""

from app.core.accounts import AccountCommands, BackendInfo
from app.core.archive import ArchiveCommands
from app.core.contacts import ContactCommands
from app.core.conversations import ContextPage, ConversationCommands, ConversationDetails
from app.core.drafts import DraftCommands
from app.core.encryption import EncryptionCommands
from app.core.facade import Core
from app.core.messaging import MessagingCommands
from app.core.preferences import PreferenceCommands
from app.core.previews import PreviewCommands
from app.core.rooms import RoomCommands
from app.core.services import (
    PREF_LINK_PREVIEWS,
    PREF_ONLY_CONTACTS,
    PREF_SEND_RECEIPTS,
    PREF_SEND_TYPING,
    CommandError,
    CoreContext,
    CoreServices,
)
from app.core.signin import SignInCommands, SignUpStep
from app.core.spaces import SpaceCommands
from app.core.threads import ThreadCommands, ThreadPage

__all__ = [
    "PREF_LINK_PREVIEWS",
    "PREF_ONLY_CONTACTS",
    "PREF_SEND_RECEIPTS",
    "PREF_SEND_TYPING",
    "AccountCommands",
    "ArchiveCommands",
    "BackendInfo",
    "CommandError",
    "ContactCommands",
    "ContextPage",
    "ConversationCommands",
    "ConversationDetails",
    "Core",
    "CoreContext",
    "CoreServices",
    "DraftCommands",
    "EncryptionCommands",
    "MessagingCommands",
    "PreferenceCommands",
    "PreviewCommands",
    "RoomCommands",
    "SignInCommands",
    "SignUpStep",
    "SpaceCommands",
    "ThreadCommands",
    "ThreadPage",
]
