"""What an author provides so the contract suite can run against their backend."""

from __future__ import annotations

from typing import Protocol

from app.api import Backend

Settings = tuple[dict[str, str | int | bool], dict[str, str]]
"""An account's settings and its secrets (what the account dialog would save)."""


class ContractHarness(Protocol):
    """Connects the backend under test to its service and plays the *other person*.

    The service is a real server (on loopback in tests); the other person an independent client
    of it, so what the suite sees at the peer proves the backend really did it.
    """

    backend_class: type[Backend]

    def settings(self) -> Settings:
        """Settings and secrets of a working account ("us")."""

    def with_wrong_password(self) -> Settings: ...

    def unreachable(self) -> Settings:
        """Settings pointing at a loopback port where nothing listens."""

    @property
    def peer_conversation(self) -> str:
        """The native id of the 1:1 conversation with the peer, as our backend names it."""

    @property
    def peer_address(self) -> str:
        """The peer's address as a contact (what ``add_contact`` or ``set_blocked`` take)."""

    async def peer_send(self, text: str) -> None:
        """The other person sends us ``text`` in the 1:1 conversation."""

    async def peer_wait_for(self, text: str, timeout: float = 60.0) -> None:
        """Wait until the other person has received ``text`` from us (in any conversation)."""

    async def room_to_join(self) -> str:
        """What ``join`` takes to enter a group the peer is in (an address, a channel, an
        invite link). Called only for a backend that implements ``SupportsGroupChat``."""

    async def close(self) -> None: ...


class TakesFiles(Protocol):
    """Optional, for services where a file goes person to person and the upload lasts until the
    other person took it (IRC DCC): the harness makes the peer accept the offer."""

    async def peer_take_file(self, name: str, timeout: float = 60.0) -> bytes:
        """The other person accepts our offer of the file ``name``; its content as received."""


class SeesAtPeer(Protocol):
    """Optional checks at the other person's client; each is used when the harness has it.

    Without them the suite can only see that the backend *said* an edit, a reaction or a
    retraction worked; with them it proves the change reached the independent client.
    """

    async def peer_wait_edited(self, before: str, after: str, timeout: float = 60.0) -> None:
        """The peer's copy of our message that read ``before`` now reads ``after``."""

    async def peer_wait_reactions(
        self, text: str, keys: tuple[str, ...], timeout: float = 60.0
    ) -> None:
        """The peer's own message ``text`` carries exactly ``keys`` as our reactions (none
        once we took them back)."""

    async def peer_wait_retracted(self, text: str, timeout: float = 60.0) -> None:
        """Our message ``text`` is gone (or shown as retracted) at the peer."""
