"""The contract every backend honours, whatever its protocol: :class:`BackendContract`.

Each test drives the backend directly through a :class:`~chinwag.testing.RecordingContext` (no
core), the way the core would, against the service and the other person the author's harness
provides. The basics run for every backend; each optional interface has its tests, which run when
the backend implements that interface and are skipped (with the reason) only when it does not.
Where the harness also offers the checks of :class:`~chinwag.testing.harness.SeesAtPeer`, edits,
reactions and retractions are proven at the other person's client too.
"""

from __future__ import annotations

import asyncio
import itertools
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, ClassVar

import pytest

from app.api import (
    Attachment,
    Backend,
    Capability,
    ContactsChanged,
    ConversationId,
    ConversationKind,
    Fact,
    FailureKind,
    MessageReceived,
    OutgoingMessage,
    Presence,
    PresenceState,
    RoomOptions,
    SupportsBlocking,
    SupportsEdits,
    SupportsFiles,
    SupportsGroupChat,
    SupportsHistory,
    SupportsPresence,
    SupportsReactions,
    SupportsReceipts,
    SupportsRetraction,
    SupportsRoomCreation,
    SupportsRoster,
    declared_capabilities,
)
from app.registry import BackendRegistry
from chinwag.testing.context import RecordingContext, settle
from chinwag.testing.harness import ContractHarness, Settings
from chinwag.testing.waiting import wait_until

_ids = itertools.count()


def _tag() -> str:
    return uuid.uuid4().hex[:8]


_FLAGS: dict[type, Capability] = {
    SupportsHistory: Capability.HISTORY,
    SupportsFiles: Capability.FILES,
    SupportsGroupChat: Capability.GROUP_CHAT,
    SupportsReceipts: Capability.READ_RECEIPTS,
    SupportsEdits: Capability.EDITS,
    SupportsReactions: Capability.REACTIONS,
    SupportsRetraction: Capability.RETRACTIONS,
    SupportsBlocking: Capability.BLOCKING,
}


def _require(harness: ContractHarness, interface: type) -> None:
    """Go on only if the backend implements ``interface``; skip the test (with the reason)
    otherwise. A backend that does not implement it must not claim its capability either, so the
    window never offers it: that is checked before skipping."""
    cls = harness.backend_class
    if issubclass(cls, interface):
        return
    flag = _FLAGS.get(interface)
    if flag is not None:
        assert not declared_capabilities(cls) & flag, (
            f"{cls.__name__} claims {flag.name} without implementing {interface.__name__}"
        )
    pytest.skip(f"{cls.__name__} does not implement {interface.__name__}")


async def _at_peer(harness: ContractHarness, check: str, *args: object) -> None:
    """The optional check ``check`` of :class:`~chinwag.testing.harness.SeesAtPeer`, when the
    harness offers it: then the change is proven at the other person's client, not only by the
    backend saying it worked."""
    method = getattr(harness, check, None)
    if method is not None:
        await settle(method(*args), 90)


def _narrowed(backend: Any, conv: ConversationId, flag: Capability) -> bool:
    """The backend implements the interface but says it cannot use it in ``conv`` now (a
    server without history, an unencrypted chat): then a call must fail clearly instead."""
    return not backend.capabilities(conv) & flag


def _refused(out: Any) -> None:
    assert out.failure is not None, "a narrowed capability was used anyway"
    assert out.failure.kind in (FailureKind.UNSUPPORTED, FailureKind.REJECTED), out.failure
    assert out.failure.message


class BackendContract:
    """Inherit this in a ``Test…`` class and give it a ``harness`` fixture (a
    :class:`~chinwag.testing.ContractHarness`); parametrise the fixture to run several."""

    pytestmark: ClassVar[list[pytest.MarkDecorator]] = [
        pytest.mark.asyncio,
        pytest.mark.chinwag_contract,
    ]

    # -- helpers (usable from an author's own tests in the subclass) --------------------------

    @staticmethod
    def make_backend(
        harness: ContractHarness, tmp_path: Path, settings: Settings
    ) -> tuple[Backend, RecordingContext]:
        n = next(_ids)
        rec = RecordingContext(f"acct{n}", settings[0], settings[1], tmp_path / f"files{n}")
        return harness.backend_class(rec.build(asyncio.get_running_loop())), rec

    @asynccontextmanager
    async def connected(
        self, harness: ContractHarness, tmp_path: Path
    ) -> AsyncIterator[tuple[Any, RecordingContext]]:
        """A signed-in backend (typed ``Any``: the tests use its optional interfaces)."""
        backend, rec = self.make_backend(harness, tmp_path, harness.settings())
        result = await settle(backend.connect())
        assert result.ok, result.failure
        try:
            yield backend, rec
        finally:
            await settle(backend.disconnect())

    @staticmethod
    async def received(
        harness: ContractHarness, rec: RecordingContext, text: str
    ) -> MessageReceived:
        """The peer sends ``text``; the fact of its arrival."""
        await harness.peer_send(text)
        fact = await rec.wait_for(
            lambda x: isinstance(x, MessageReceived) and x.body == text and not x.history
        )
        assert isinstance(fact, MessageReceived)
        return fact

    @staticmethod
    async def sent(backend: Any, rec: RecordingContext, harness: ContractHarness, text: str) -> str:
        """We send ``text`` to the peer, who gets it; the id to refer to it by."""
        conv = ConversationId(rec.account_id, harness.peer_conversation)
        txn = f"txn-{_tag()}"
        result = await settle(backend.send_message(conv, OutgoingMessage(txn_id=txn, body=text)))
        assert result.ok, result.failure
        await harness.peer_wait_for(text)
        if result.remote_id:
            return str(result.remote_id)
        # confirmed later: the id arrives with our own message's echo (or is the txn id)
        echo = next(
            (
                x
                for x in rec.of_type(MessageReceived)
                if x.txn_id == txn and x.remote_id is not None
            ),
            None,
        )
        return echo.remote_id if echo is not None and echo.remote_id else txn

    # -- the basics -----------------------------------------------------------------------

    async def test_passes_registry_validation(self, harness: ContractHarness) -> None:
        report = BackendRegistry().add_class(harness.backend_class)
        assert report.loaded, report.reason

    async def test_connects_and_disconnects_twice(
        self, harness: ContractHarness, tmp_path: Path
    ) -> None:
        backend, _ = self.make_backend(harness, tmp_path, harness.settings())
        result = await settle(backend.connect())
        assert result.ok, result.failure
        assert backend.own_id
        assert isinstance(backend.capabilities(), Capability)
        await backend.disconnect()
        await backend.disconnect()

    async def test_wrong_password_is_an_auth_failure(
        self, harness: ContractHarness, tmp_path: Path
    ) -> None:
        backend, _ = self.make_backend(harness, tmp_path, harness.with_wrong_password())
        try:
            result = await settle(backend.connect(), 30)
            assert result.failure is not None
            assert result.failure.kind is FailureKind.AUTH
            assert not result.failure.retryable
            assert result.failure.message
        finally:
            await backend.disconnect()

    async def test_unreachable_server_is_retryable(
        self, harness: ContractHarness, tmp_path: Path
    ) -> None:
        backend, _ = self.make_backend(harness, tmp_path, harness.unreachable())
        try:
            result = await settle(backend.connect(), 30)
            assert result.failure is not None
            assert result.failure.retryable
        finally:
            await backend.disconnect()

    async def test_receives_text_in_any_language(
        self, harness: ContractHarness, tmp_path: Path
    ) -> None:
        async with self.connected(harness, tmp_path) as (_, rec):
            fact = await self.received(harness, rec, "Grüße aus Köln — 你好 — привет — 👋🏽")
            assert fact.conversation == harness.peer_conversation
            assert fact.conversation_kind is ConversationKind.DIRECT
            assert not fact.outgoing

    async def test_sends_text(self, harness: ContractHarness, tmp_path: Path) -> None:
        async with self.connected(harness, tmp_path) as (backend, rec):
            await self.sent(backend, rec, harness, f"Hello from the contract suite ✓ {_tag()}")

    async def test_only_facts_are_reported(self, harness: ContractHarness, tmp_path: Path) -> None:
        async with self.connected(harness, tmp_path) as (_, rec):
            await self.received(harness, rec, f"ping {_tag()}")
        assert rec.facts
        assert all(isinstance(x, Fact) for x in rec.facts)

    # -- history --------------------------------------------------------------------------

    async def test_history_pages_backwards(self, harness: ContractHarness, tmp_path: Path) -> None:
        _require(harness, SupportsHistory)
        tag = _tag()
        async with self.connected(harness, tmp_path) as (backend, rec):
            conv = ConversationId(rec.account_id, harness.peer_conversation)
            live = [await self.received(harness, rec, f"{tag} {n}/3") for n in (1, 2, 3)]
            assert all(m.remote_id for m in live), "messages need ids to page by"
            newest = live[2].remote_id

            def page(since: int) -> list[MessageReceived]:
                return [
                    m
                    for m in rec.of_type(MessageReceived, since)
                    if m.history and m.conversation == harness.peer_conversation
                ]

            if _narrowed(backend, conv, Capability.HISTORY):
                _refused(await settle(backend.fetch_history(conv, newest, 2)))
                return
            mark = rec.mark()
            out = await settle(backend.fetch_history(conv, newest, 2))
            assert out.ok, out.failure
            first = await wait_until(
                lambda: page(mark) if any(m.body == f"{tag} 2/3" for m in page(mark)) else None,
                30,
                what="the message before the newest reported from history",
            )
            assert len(first) <= 2
            assert newest not in {m.remote_id for m in first}
            ours = [m for m in first if m.body.startswith(tag)]
            oldest = next(m for m in live if m.body == ours[-1].body)
            if len(ours) == 2:
                oldest = live[0]
            mark = rec.mark()
            out = await settle(backend.fetch_history(conv, oldest.remote_id, 2))
            assert out.ok, out.failure
            await asyncio.sleep(0)
            again = {m.remote_id for m in page(mark)}
            assert not again & {m.remote_id for m in live[1:]}, "a later message came again"

    # -- files ----------------------------------------------------------------------------

    async def test_file_is_uploaded_and_sent(
        self, harness: ContractHarness, tmp_path: Path
    ) -> None:
        _require(harness, SupportsFiles)
        path = tmp_path / f"contract-{_tag()}.txt"
        path.write_bytes(b"contract file\n" * 64)
        progress: list[tuple[int, int]] = []
        async with self.connected(harness, tmp_path) as (backend, rec):
            conv = ConversationId(rec.account_id, harness.peer_conversation)
            upload = backend.upload(conv, path, lambda d, t: progress.append((d, t)))
            take = getattr(harness, "peer_take_file", None)
            if take is not None:  # person to person: the upload lasts until the peer took it
                out, taken = await settle(asyncio.gather(upload, take(path.name)))
                assert taken == path.read_bytes()
            else:
                out = await settle(upload)
            assert out.ok, out.failure
            assert out.value, "an upload names what to send"
            size = path.stat().st_size
            attachment = Attachment(
                url=out.value, filename=path.name, mime_type="text/plain", size=size
            )
            result = await settle(
                backend.send_message(
                    conv,
                    OutgoingMessage(
                        txn_id=f"txn-{_tag()}", body=path.name, attachments=(attachment,)
                    ),
                )
            )
            assert result.ok, result.failure
            assert all(0 <= done <= total for done, total in progress)

    # -- rooms ----------------------------------------------------------------------------

    async def test_room_is_created_and_spoken_in(
        self, harness: ContractHarness, tmp_path: Path
    ) -> None:
        _require(harness, SupportsRoomCreation)
        async with self.connected(harness, tmp_path) as (backend, rec):
            out = await settle(backend.create_room_with(RoomOptions(name=f"contract{_tag()}")))
            assert out.ok, out.failure
            assert out.value
            room = ConversationId(rec.account_id, out.value)
            result = await settle(
                backend.send_message(room, OutgoingMessage(txn_id=f"txn-{_tag()}", body="hi all"))
            )
            assert result.ok, result.failure

    async def test_room_is_joined_and_left(self, harness: ContractHarness, tmp_path: Path) -> None:
        _require(harness, SupportsGroupChat)
        address = await harness.room_to_join()
        async with self.connected(harness, tmp_path) as (backend, rec):
            out = await settle(backend.join(address))
            assert out.ok, out.failure
            assert out.value
            out = await settle(backend.leave(ConversationId(rec.account_id, out.value)))
            assert out.ok, out.failure

    # -- receipts, edits, reactions, retractions --------------------------------------------

    async def test_read_marker_is_sent(self, harness: ContractHarness, tmp_path: Path) -> None:
        _require(harness, SupportsReceipts)
        async with self.connected(harness, tmp_path) as (backend, rec):
            fact = await self.received(harness, rec, f"read me {_tag()}")
            assert fact.remote_id, "a message to mark read needs an id"
            conv = ConversationId(rec.account_id, fact.conversation)
            await settle(backend.send_read_marker(conv, fact.remote_id))

    async def test_own_message_is_edited(self, harness: ContractHarness, tmp_path: Path) -> None:
        _require(harness, SupportsEdits)
        tag = _tag()
        async with self.connected(harness, tmp_path) as (backend, rec):
            target = await self.sent(backend, rec, harness, f"typo {tag}")
            conv = ConversationId(rec.account_id, harness.peer_conversation)
            result = await settle(
                backend.edit_message(
                    conv, target, OutgoingMessage(txn_id=f"txn-{_tag()}", body=f"fixed {tag}")
                )
            )
            if _narrowed(backend, conv, Capability.EDITS):
                _refused(result)
                return
            assert result.ok, result.failure
            await _at_peer(harness, "peer_wait_edited", f"typo {tag}", f"fixed {tag}")

    async def test_reaction_is_set_and_taken_back(
        self, harness: ContractHarness, tmp_path: Path
    ) -> None:
        _require(harness, SupportsReactions)
        async with self.connected(harness, tmp_path) as (backend, rec):
            fact = await self.received(harness, rec, f"react to me {_tag()}")
            assert fact.remote_id
            conv = ConversationId(rec.account_id, fact.conversation)
            out = await settle(backend.react(conv, fact.remote_id, ("👍",)))
            if _narrowed(backend, conv, Capability.REACTIONS):
                _refused(out)
                return
            assert out.ok, out.failure
            await _at_peer(harness, "peer_wait_reactions", fact.body, ("👍",))
            out = await settle(backend.react(conv, fact.remote_id, ()))
            assert out.ok, out.failure
            await _at_peer(harness, "peer_wait_reactions", fact.body, ())

    async def test_own_message_is_retracted(self, harness: ContractHarness, tmp_path: Path) -> None:
        _require(harness, SupportsRetraction)
        async with self.connected(harness, tmp_path) as (backend, rec):
            text = f"oops {_tag()}"
            target = await self.sent(backend, rec, harness, text)
            conv = ConversationId(rec.account_id, harness.peer_conversation)
            out = await settle(backend.retract(conv, target))
            if _narrowed(backend, conv, Capability.RETRACTIONS):
                _refused(out)
                return
            assert out.ok, out.failure
            await _at_peer(harness, "peer_wait_retracted", text)

    # -- presence, roster, blocking ----------------------------------------------------------

    async def test_own_presence_is_set(self, harness: ContractHarness, tmp_path: Path) -> None:
        _require(harness, SupportsPresence)
        async with self.connected(harness, tmp_path) as (backend, _):
            for state in (PresenceState.AWAY, PresenceState.AVAILABLE):
                out = await settle(backend.set_presence(Presence(state, "contract")))
                assert out.ok, out.failure

    async def test_contact_is_added_and_removed(
        self, harness: ContractHarness, tmp_path: Path
    ) -> None:
        _require(harness, SupportsRoster)
        async with self.connected(harness, tmp_path) as (backend, _):
            out = await settle(backend.add_contact(harness.peer_address, "Contract Peer"))
            assert out.ok, out.failure
            out = await settle(backend.remove_contact(harness.peer_address))
            assert out.ok, out.failure

    async def test_blocked_contact_is_reported_and_unblocked(
        self, harness: ContractHarness, tmp_path: Path
    ) -> None:
        _require(harness, SupportsBlocking)
        address = harness.peer_address

        def blocked_as(value: bool) -> Any:
            """Blocked: reported as a contact with ``blocked=True``. Unblocked: as one with
            ``blocked=False``, or (someone outside the contact list) removed from the list."""

            def match(x: Fact) -> bool:
                if not isinstance(x, ContactsChanged):
                    return False
                if not value and address.lower() in {r.lower() for r in x.removed}:
                    return True
                return any(
                    c.blocked is value and c.id.native_id.lower() == address.lower()
                    for c in x.upserted
                )

            return match

        async with self.connected(harness, tmp_path) as (backend, rec):
            mark = rec.mark()
            out = await settle(backend.set_blocked(address, True))
            assert out.ok, out.failure
            await rec.wait_for(blocked_as(True), 30, since=mark)
            mark = rec.mark()
            out = await settle(backend.set_blocked(address, False))
            assert out.ok, out.failure
            await rec.wait_for(blocked_as(False), 30, since=mark)
            await self.received(harness, rec, f"unblocked {_tag()}")
