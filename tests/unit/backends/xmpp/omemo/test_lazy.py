"""The OMEMO stack is loaded only when needed (issue 16): what loads it and what does not.

A fake server answers the pubsub requests of :mod:`backends.xmpp.omemo.published`; the engine's
start is replaced by one that only becomes ready (the real one is exercised against Prosody in
``tests/integration/xmpp/test_omemo.py``).
"""

from __future__ import annotations

import asyncio
import base64
import logging
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any, cast

import pytest
from omemo.storage import Just, Maybe, Nothing, Storage
from omemo.types import JSONType

from backends.xmpp.ns import q
from backends.xmpp.omemo import engine as engine_module
from backends.xmpp.omemo import published, receive
from backends.xmpp.omemo.content import OLDMEMO, TWOMEMO
from backends.xmpp.omemo.engine import LOADED_KEY, ROTATION, OmemoEngine
from backends.xmpp.omemo.policy import Decision
from backends.xmpp.omemo.receive import Decryptor
from backends.xmpp.omemo.service import OmemoService
from backends.xmpp.session import IqFailure

ME = "me@example.org"
BOB = "bob@example.org"
PUBSUB = published.PUBSUB
OWN_ID = 4242
IDENTITY = bytes(range(32))


class MemoryStorage(Storage):
    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, JSONType] = {}

    async def _load(self, key: str) -> Maybe[JSONType]:
        return Just(self.data[key]) if key in self.data else Nothing()

    async def _store(self, key: str, value: JSONType) -> None:
        self.data[key] = value

    async def _delete(self, key: str) -> None:
        self.data.pop(key, None)


class FakeSession:
    """Enough of :class:`XmppSession`: a PEP service (jid, node → item id → payload)."""

    log = logging.getLogger("test.omemo.lazy")

    def __init__(self) -> None:
        self.own_jid = ME
        self.pep: dict[tuple[str, str], dict[str, ET.Element]] = {}
        self.asked: list[tuple[str, str]] = []
        self.tasks: list[asyncio.Task[Any]] = []
        self.down = asyncio.Event()

    def spawn(self, coro: Any, name: str) -> asyncio.Task[Any]:
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self.tasks.append(task)
        return task

    async def wait_or_down(self, awaitable: Any, timeout: float) -> Any:
        try:
            return await asyncio.wait_for(awaitable, timeout)
        except TimeoutError:
            return None

    async def iq(self, itype: str, to: str | None, payload: ET.Element, **_: Any) -> ET.Element:
        items = payload.find(q(PUBSUB, "items"))
        assert itype == "get" and items is not None
        node = items.get("node", "")
        self.asked.append((to or "", node))
        if getattr(self, "refuse", ""):
            raise IqFailure(self.refuse)  # type: ignore[attr-defined]
        stored = self.pep.get((to or "", node))
        if not stored:
            raise IqFailure("item-not-found")
        wanted = items.find(q(PUBSUB, "item"))
        item_id = wanted.get("id") if wanted is not None else next(iter(stored))
        if item_id not in stored:
            raise IqFailure("item-not-found")
        result = ET.Element("{jabber:client}iq", type="result")
        found = ET.SubElement(ET.SubElement(result, q(PUBSUB, "pubsub")), q(PUBSUB, "items"))
        ET.SubElement(found, q(PUBSUB, "item"), id=item_id).append(stored[item_id])
        return result

    # -- what a client publishes -------------------------------------------------------------

    def publish_devices(self, jid: str, ids: set[int]) -> None:
        two = ET.Element(q(TWOMEMO, "devices"))
        old = ET.Element(q(OLDMEMO, "list"))
        for device_id in sorted(ids):
            ET.SubElement(two, q(TWOMEMO, "device"), id=str(device_id))
            ET.SubElement(old, q(OLDMEMO, "device"), id=str(device_id))
        self.pep[(jid, published.DEVICE_LIST_NODES[TWOMEMO])] = {"current": two}
        self.pep[(jid, published.DEVICE_LIST_NODES[OLDMEMO])] = {"current": old}

    def publish_bundles(self, device_id: int, pre_keys: int = 100) -> None:
        two = ET.Element(q(TWOMEMO, "bundle"))
        ET.SubElement(two, q(TWOMEMO, "ik")).text = base64.b64encode(IDENTITY).decode()
        keys = ET.SubElement(two, q(TWOMEMO, "prekeys"))
        old = ET.Element(q(OLDMEMO, "bundle"))
        old_keys = ET.SubElement(old, q(OLDMEMO, "prekeys"))
        for n in range(pre_keys):
            ET.SubElement(keys, q(TWOMEMO, "pk"), id=str(n)).text = "AA=="
            ET.SubElement(old_keys, q(OLDMEMO, "preKeyPublic"), preKeyId=str(n)).text = "AA=="
        self.pep[(ME, "urn:xmpp:omemo:2:bundles")] = {str(device_id): two}
        self.pep[(ME, f"{OLDMEMO}.bundles:{device_id}")] = {"current": old}


class FakeManager:
    """The session manager as receiving uses it: every message decrypts to its payload."""

    async def decrypt(self, message: Any) -> Any:
        device = _Device(BOB, 7, "BLINDLY_TRUSTED")
        return message, device, None


@dataclass
class _Device:
    bare_jid: str
    device_id: int
    trust_level_name: str


def loading_engine(session: FakeSession, monkeypatch: pytest.MonkeyPatch) -> OmemoEngine:
    """An engine whose load only records why and, once :func:`finish` is called, is ready."""
    engine = OmemoEngine(cast(Any, session))
    engine.storage = cast(Any, MemoryStorage())
    gate = asyncio.Event()

    async def start() -> None:
        await gate.wait()
        engine._manager = cast(Any, FakeManager())
        engine._ready.set()

    monkeypatch.setattr(engine, "_start", start)
    engine.gate = gate  # type: ignore[attr-defined]
    return engine


def finish(engine: OmemoEngine) -> None:
    engine.gate.set()  # type: ignore[attr-defined]


async def turns(n: int = 20) -> None:
    for _ in range(n):
        await asyncio.sleep(0)


# -- receiving ----------------------------------------------------------------------------------


async def test_an_encrypted_stanza_while_unloaded_is_decrypted_once_loaded_and_nothing_overtakes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = FakeSession()
    engine = loading_engine(session, monkeypatch)

    async def parse(element: ET.Element, *_: Any) -> bytes:
        return (element.text or "").encode()

    monkeypatch.setattr(receive, "_parse", parse)

    class Policy:
        async def turn_on(self, *_: Any) -> None: ...

        async def note_devices(self, *_: Any) -> None: ...

    decryptor = Decryptor(cast(Any, session), engine, cast(Any, Policy()), lambda r, n: None)
    handed: list[ET.Element] = []
    secret = ET.fromstring(
        f'<message xmlns="jabber:client" from="{BOB}/phone" to="{ME}" type="chat" id="m1">'
        f'<encrypted xmlns="{OLDMEMO}">the secret</encrypted><body>fallback</body></message>'
    )
    plain = ET.fromstring(
        f'<message xmlns="jabber:client" from="{BOB}/phone" type="chat" id="m2">'
        "<body>right behind</body></message>"
    )
    assert decryptor.encrypted(secret) and not decryptor.encrypted(plain)
    decryptor.later(secret, handed.append)
    assert decryptor.busy  # a plain message arriving now must wait behind it
    decryptor.later(plain, handed.append)
    await turns()
    assert engine.loading and engine.load_reason == "an encrypted message arrived"
    assert handed == []  # kept, not dropped nor shown as unreadable
    finish(engine)
    async with asyncio.timeout(5):
        while len(handed) < 2:
            await asyncio.sleep(0.01)
    assert [m.get("id") for m in handed] == ["m1", "m2"]
    assert handed[0].findtext("{jabber:client}body") == "the secret"
    assert decryptor.trust_of(handed[0]).value == "unverified"


async def test_our_own_message_from_this_device_needs_no_stack(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What this device sent comes back from the archive after each reconnection: it was never
    encrypted for this device, so it is marked so without loading the stack."""
    session = FakeSession()
    engine = loading_engine(session, monkeypatch)
    engine.own_device_id = OWN_ID

    class Ids:
        def knows_remote(self, conversation: str, remote: str) -> bool:
            return False

    session.ids = Ids()  # type: ignore[attr-defined]
    decryptor = Decryptor(cast(Any, session), engine, cast(Any, None), lambda r, n: None)
    result = ET.fromstring(
        f'<result xmlns="urn:xmpp:mam:2" id="a1"><forwarded xmlns="urn:xmpp:forward:0">'
        f'<message xmlns="jabber:client" from="{ME}/pc" to="{BOB}" type="chat" id="m1">'
        f'<encrypted xmlns="{TWOMEMO}"><header sid="{OWN_ID}"/><payload>x</payload></encrypted>'
        "</message></forwarded></result>"
    )
    await decryptor.decrypt_results([result], ME)
    inner = result.find(".//{jabber:client}message")
    assert inner is not None and decryptor.trust_of(inner).value == "unreadable"
    assert "sent this message from this device" in (inner.findtext("{jabber:client}body") or "")
    assert not engine.loading
    other = ET.fromstring(
        f'<result xmlns="urn:xmpp:mam:2" id="a2"><forwarded xmlns="urn:xmpp:forward:0">'
        f'<message xmlns="jabber:client" from="{ME}/phone" to="{BOB}" type="chat" id="m2">'
        f'<encrypted xmlns="{TWOMEMO}"><header sid="77"/><payload>x</payload></encrypted>'
        "</message></forwarded></result>"
    )
    pending = asyncio.ensure_future(decryptor.decrypt_results([other], ME))
    await turns()
    assert engine.load_reason == "encrypted messages in an archive"  # our other device's
    pending.cancel()


# -- sending ------------------------------------------------------------------------------------


def service_with(session: FakeSession, monkeypatch: pytest.MonkeyPatch) -> OmemoService:
    class Rooms:
        def is_room(self, jid: str) -> bool:
            return False

        def real_jids(self, room: str) -> set[str]:
            return set()

        def real_jid(self, room: str, nick: str) -> str | None:
            return None

    service = OmemoService(cast(Any, session), Rooms())
    engine = loading_engine(session, monkeypatch)
    engine.on_started = service._started
    service.engine = engine
    service.sender.engine = engine
    service.policy.engine = engine
    return service


async def test_sending_in_an_encrypted_conversation_loads_the_stack_before_deciding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = FakeSession()
    service = service_with(session, monkeypatch)
    service.policy.on = {BOB: False}
    events: list[str] = []

    async def decide(conversation: str, group: bool) -> Decision:
        events.append(f"decide ready={service.engine.ready}")
        return Decision(False)

    monkeypatch.setattr(service.policy, "decide", decide)
    sealing = asyncio.ensure_future(service.seal(BOB, False, "t1", "hi", []))
    await turns()
    assert service.engine.load_reason == f"a message goes to {BOB}"
    assert events == [] and not sealing.done()  # waits for the stack
    finish(service.engine)
    assert await asyncio.wait_for(sealing, 5) is None
    assert events == ["decide ready=True"]


async def test_a_person_without_omemo_gets_plain_messages_without_loading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = FakeSession()
    service = service_with(session, monkeypatch)
    assert await service.seal(BOB, False, "t1", "hi", []) is None
    assert await service.seal("room@muc.example.org/nick", False, "t2", "hi", []) is None
    assert not service.engine.loading
    refused = await service.seal(BOB, False, "t3", "aesgcm://host/f#00", [])
    assert refused is not None  # a file's key never goes out in plain
    asked = len(session.asked)
    await service.seal(BOB, False, "t4", "again", [])
    assert len(session.asked) == asked  # the published lists are taken as read for a while
    session.refuse = "forbidden"  # type: ignore[attr-defined]
    service._probed.clear()
    assert await service.seal(BOB, False, "t5", "hi", []) is None  # a list we may not read
    assert not service.engine.loading
    session.refuse = ""  # type: ignore[attr-defined]
    session.publish_devices(BOB, {7})
    service._probed.clear()
    opening = asyncio.ensure_future(service.evaluate(BOB, False))  # opened in the window
    await turns()
    assert service.engine.load_reason == f"{BOB} may be encrypted"  # they have OMEMO devices
    opening.cancel()


# -- signing in ---------------------------------------------------------------------------------


async def signed_in_engine(
    session: FakeSession, monkeypatch: pytest.MonkeyPatch, *, loaded_ago: float = 60.0
) -> OmemoEngine:
    engine = loading_engine(session, monkeypatch)
    storage = cast(MemoryStorage, engine.storage)
    await storage.store(engine_module.OWN_ID_KEY, OWN_ID)
    await storage.store(LOADED_KEY, time.time() - loaded_ago)
    await storage.store_bytes(f"/devices/{ME}/{OWN_ID}/identity_key", IDENTITY)
    return engine


async def test_a_first_run_loads_the_stack_at_sign_in_to_publish(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = loading_engine(FakeSession(), monkeypatch)
    await engine.signed_in()
    assert engine.checked.is_set()
    assert engine.load_reason == "this device has not been published yet"


async def test_our_device_published_as_we_left_it_needs_no_stack(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = FakeSession()
    session.publish_devices(ME, {OWN_ID, 99})
    session.publish_bundles(OWN_ID)
    engine = await signed_in_engine(session, monkeypatch)
    await engine.signed_in()
    assert engine.checked.is_set() and not engine.loading, engine.load_reason
    assert engine.own_published == {TWOMEMO: {OWN_ID, 99}, OLDMEMO: {OWN_ID, 99}}
    assert any(t.get_name() == "omemo-rotation" for t in session.tasks)
    for task in session.tasks:
        task.cancel()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ("dropped", "this device is not in the urn:xmpp:omemo:2 device list"),
        ("no bundle", "a bundle of this device is not published"),
        ("few pre-keys", "a bundle has 60 pre-keys, not 100"),
        ("other key", "the published identity key is not this device's"),
        ("old", "the signed pre-key may be due for rotation"),
    ],
)
async def test_our_device_not_as_we_left_it_loads_the_stack(
    monkeypatch: pytest.MonkeyPatch, change: str, reason: str
) -> None:
    session = FakeSession()
    session.publish_devices(ME, {99} if change == "dropped" else {OWN_ID})
    if change != "no bundle":
        session.publish_bundles(OWN_ID, 60 if change == "few pre-keys" else 100)
    if change == "other key":
        ik = session.pep[(ME, "urn:xmpp:omemo:2:bundles")][str(OWN_ID)].find(q(TWOMEMO, "ik"))
        assert ik is not None
        ik.text = base64.b64encode(b"\x01" * 32).decode()
    engine = await signed_in_engine(
        session, monkeypatch, loaded_ago=ROTATION + 1 if change == "old" else 60.0
    )
    await engine.signed_in()
    assert engine.loading and engine.load_reason == reason


# -- device-list notifications while unloaded ---------------------------------------------------


def notification(sender: str, namespace: str, ids: set[int]) -> ET.Element:
    node = published.DEVICE_LIST_NODES[namespace]
    tag = "devices" if namespace == TWOMEMO else "list"
    devices = "".join(f'<device id="{i}"/>' for i in sorted(ids))
    return ET.fromstring(
        f'<message xmlns="jabber:client" from="{sender}" type="headline">'
        f'<event xmlns="{published.PUBSUB_EVENT}"><items node="{node}"><item id="current">'
        f'<{tag} xmlns="{namespace}">{devices}</{tag}></item></items></event></message>'
    )


async def test_device_list_notifications_while_unloaded(monkeypatch: pytest.MonkeyPatch) -> None:
    session = FakeSession()
    service = service_with(session, monkeypatch)
    service.engine.own_published = {TWOMEMO: frozenset({OWN_ID}), OLDMEMO: frozenset({OWN_ID})}
    service.engine.own_device_id = OWN_ID
    plain = ET.fromstring('<message xmlns="jabber:client" from="x@y"><body>hi</body></message>')
    assert not service.on_device_list(plain)
    # someone we have no encrypted conversation with: remembered, refreshed once loaded
    assert service.on_device_list(notification("carol@example.org", TWOMEMO, {5}))
    assert not service.engine.loading and service._stale == {"carol@example.org"}
    # our own list, unchanged (a client republishing it as it was): nothing to do
    assert service.on_device_list(notification(ME, OLDMEMO, {OWN_ID}))
    assert not service.engine.loading
    # our own list without this device: others could no longer encrypt to us
    assert service.on_device_list(notification(ME, TWOMEMO, {77}))
    assert service.engine.load_reason == f"our {TWOMEMO} device list changed"


async def test_a_device_list_change_in_an_encrypted_conversation_loads_the_stack(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    service = service_with(FakeSession(), monkeypatch)
    service.policy.on = {BOB: False, "room@muc.example.org": True}
    assert service.on_device_list(notification(BOB, TWOMEMO, {7, 8}))
    assert service.engine.load_reason == f"a device list of {BOB} changed"
