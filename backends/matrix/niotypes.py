"""The parts of matrix-nio the backend uses, as typing Protocols.

matrix-nio ships no type information, so everything it returns would be ``Any`` and a typo in an
attribute of the Olm machine would only show at run time, in an encrypted room. These Protocols
name exactly what we touch (checked by mypy at every use); nio's real classes fit them
structurally. Responses of nio's request methods stay untyped: :meth:`MatrixHttp.call` turns them
into values or failures at one place.
"""

from __future__ import annotations

from collections.abc import Awaitable, Iterator, Mapping
from typing import Any, Protocol

import aiohttp


class OlmDevice(Protocol):
    """One device of a user as nio's device store knows it (``nio.crypto.OlmDevice``)."""

    user_id: str
    id: str
    display_name: str | None
    trust_state: object

    @property
    def ed25519(self) -> str: ...

    @property
    def curve25519(self) -> str: ...


class GroupSession(Protocol):
    """A Megolm inbound session (``nio.crypto.InboundGroupSession``)."""

    room_id: str
    sender_key: str
    ed25519: str
    forwarding_chain: list[str]

    @property
    def id(self) -> str: ...

    @property
    def first_known_index(self) -> int: ...

    def export_session(self, message_index: int) -> str: ...


class GroupSessionStore(Protocol):
    """nio's Megolm inbound sessions by (room, sender key, session id)."""

    def __iter__(self) -> Iterator[GroupSession]: ...

    def get(self, room_id: str, sender_key: str, session_id: str) -> GroupSession | None: ...

    def add(self, session: GroupSession) -> bool: ...


class DeviceStore(Protocol):
    """nio's known devices by user."""

    def __getitem__(self, user_id: str) -> Mapping[str, OlmDevice]: ...

    def active_user_devices(self, user_id: str) -> Iterator[OlmDevice]: ...


class OlmAccount(Protocol):
    """This device's identity keys (``nio.crypto.OlmAccount``)."""

    @property
    def identity_keys(self) -> Mapping[str, str]: ...

    def sign(self, message: str) -> str: ...


class OlmMachine(Protocol):
    """nio's Olm machine (``nio.crypto.Olm``): keys, devices and who we track."""

    account: OlmAccount
    tracked_users: set[str]
    users_for_key_query: set[str]
    inbound_group_store: GroupSessionStore
    device_store: DeviceStore

    def is_device_verified(self, device: OlmDevice) -> bool: ...

    def is_device_blacklisted(self, device: OlmDevice) -> bool: ...

    def decrypt_megolm_event(self, event: MegolmEvent, room_id: str | None = None) -> object: ...

    def update_tracked_users(self, room: NioRoom) -> None: ...

    def save_inbound_group_session(self, session: GroupSession) -> None: ...


class MegolmEvent(Protocol):
    """An encrypted room event as nio parsed it (``nio.MegolmEvent``)."""

    sender: str
    device_id: str
    sender_key: str
    session_id: str
    room_id: str


class NioRoom(Protocol):
    """nio's view of one room (``nio.MatrixRoom``): only members and encryption matter to us."""

    room_id: str
    encrypted: bool
    members_synced: bool

    @property
    def users(self) -> Mapping[str, object]: ...

    def add_member(
        self, user_id: str, display_name: str | None, avatar_url: str | None, invited: bool = False
    ) -> bool: ...


class NioClient(Protocol):
    """``nio.AsyncClient`` as the backend uses it: the HTTP session, the login and the Olm machine.

    ``olm`` is None until the encryption store is loaded (and always without matrix-nio[e2e]).
    """

    homeserver: str
    user_id: str
    device_id: str | None
    access_token: str
    ssl: object
    config: Any  # nio.AsyncClientConfig, a dataclass replaced by crypto.store_config
    olm: OlmMachine | None
    store: object
    rooms: dict[str, NioRoom]
    encrypted_rooms: set[str]
    outgoing_key_requests: Mapping[str, object]
    outgoing_to_device_messages: list[object]

    @property
    def should_upload_keys(self) -> bool: ...

    @property
    def should_query_keys(self) -> bool: ...

    @property
    def should_claim_keys(self) -> bool: ...

    def send(  # noqa: PLR0917 - nio's signature
        self,
        method: str,
        path: str,
        data: object = None,
        headers: dict[str, str] | None = None,
        trace_context: object = None,
        timeout: object = None,
    ) -> Awaitable[aiohttp.ClientResponse]: ...

    def restore_login(self, user_id: str, device_id: str, access_token: str) -> None: ...

    def load_store(self) -> None: ...

    def login(self, password: str, device_name: str = "") -> Awaitable[Any]: ...

    def close(self) -> Awaitable[None]: ...

    def receive_response(self, response: Any) -> Awaitable[None]: ...

    def keys_upload(self) -> Awaitable[Any]: ...

    def keys_query(self) -> Awaitable[Any]: ...

    def keys_claim(self, users: dict[str, list[str]]) -> Awaitable[Any]: ...

    def get_users_for_key_claiming(self) -> dict[str, list[str]]: ...

    def send_to_device_messages(self) -> Awaitable[Any]: ...

    def request_room_key(self, event: MegolmEvent) -> Awaitable[Any]: ...

    def verify_device(self, device: OlmDevice) -> bool: ...

    def room_send(
        self,
        room_id: str,
        message_type: str,
        content: dict[str, Any],
        tx_id: str | None = None,
        ignore_unverified_devices: bool = False,
    ) -> Awaitable[Any]: ...

    def upload(  # noqa: PLR0917 - nio's signature
        self,
        data_provider: Any,
        content_type: str = "application/octet-stream",
        filename: str | None = None,
        encrypt: bool = False,
        monitor: object = None,
        filesize: int | None = None,
    ) -> Awaitable[tuple[Any, dict[str, Any] | None]]: ...
