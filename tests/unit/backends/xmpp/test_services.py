"""The services' own rules, on a stand-in session: bounded maps, what "not in the archive" proves,
where a catch-up leaves its position, and where history paging continues after a restart."""

from __future__ import annotations

import asyncio
import logging
import time
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any, cast

import pytest

from app import facts as f
from app.models import Presence, PresenceState
from backends.xmpp import catchup, convert, rooms, roster, upload
from backends.xmpp.catchup import CatchUp, Position
from backends.xmpp.history import VERIFY_SLACK, ArchiveService, HistoryAnchors
from backends.xmpp.ids import MessageIdMap
from backends.xmpp.ledger import PendingSend, SendLedger, Verdict
from backends.xmpp.session import IqFailure, ServerFeatures
from chinwag.testing import MemorySecrets, MemoryState

ME = "me@example.org"
PEER = "peer@example.org"


class StubSession:
    """What the services use of :class:`XmppSession`, without a connection."""

    def __init__(self) -> None:
        self.facts: list[f.Fact] = []
        self.ctx = SimpleNamespace(state=MemoryState(), secrets=MemorySecrets(), account_id="acc")
        self.own_jid = ME
        self.log = logging.LoggerAdapter(logging.getLogger("test"), {})
        self.ids = MessageIdMap()
        self.features = ServerFeatures(mam=True)
        self.room_nicks: dict[str, str] = {}
        self.connected = True
        self.tasks: list[asyncio.Task[Any]] = []

    def report(self, fact: f.Fact) -> None:
        self.facts.append(fact)

    def spawn(self, coro: Any, name: str) -> asyncio.Task[Any]:
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self.tasks.append(task)
        return task

    def parse_context(self, *, history: bool = False) -> convert.Context:
        return convert.Context("acc", ME, dict(self.room_nicks), self.ids.remote_for, history)

    def messages(self) -> list[f.MessageReceived]:
        return [x for x in self.facts if isinstance(x, f.MessageReceived)]


def stanza_result(
    rid: str, body: str | None, *, outgoing: bool = False, extra: str = "", minute: int = 0
) -> ET.Element:
    frm, to = (ME, PEER) if outgoing else (PEER, ME)
    body_xml = "" if body is None else f"<body>{body}</body>"
    return ET.fromstring(
        f"<result xmlns='urn:xmpp:mam:2' id='{rid}'><forwarded xmlns='urn:xmpp:forward:0'>"
        f"<delay xmlns='urn:xmpp:delay' stamp='2024-05-01T10:{minute:02d}:00Z'/>"
        f"<message xmlns='jabber:client' from='{frm}' to='{to}' type='chat' id='o-{rid}'>"
        f"{body_xml}{extra}</message></forwarded></result>"
    )


class FakeArchive:
    """An archive of ``results`` answering forward queries page by page."""

    def __init__(self, results: list[ET.Element]) -> None:
        self.results = results
        self.queries: list[dict[str, Any]] = []
        self.unknown: set[str] = set()

    async def query(self, archive: str, **kw: Any) -> tuple[list[ET.Element], convert.ArchivePage]:
        self.queries.append(kw)
        ids = [r.get("id") for r in self.results]
        after, size = kw.get("after"), kw.get("max_items", 50)
        if kw.get("before") == "":
            page = self.results[-size:]
            return page, convert.ArchivePage(True, None, None)
        if after in self.unknown:
            raise IqFailure("item-not-found")
        begin = ids.index(after) + 1 if after else 0
        page = self.results[begin : begin + size]
        complete = begin + size >= len(self.results)
        first = page[0].get("id") if page else None
        last = page[-1].get("id") if page else None
        return page, convert.ArchivePage(complete, first, last)


def make_catchup(
    session: StubSession, archive: FakeArchive
) -> tuple[CatchUp, list[convert.ParsedMessage]]:
    applied: list[convert.ParsedMessage] = []

    def apply(parsed: convert.ParsedMessage) -> None:
        applied.append(parsed)
        for fact in parsed.facts:
            session.report(fact)

    return CatchUp(cast(Any, session), cast(Any, archive), apply), applied


# -- bounded maps (anyone can feed them) ----------------------------------------------------------


def test_invitations_kept_are_bounded_newest_first() -> None:
    service = rooms.RoomService(cast(Any, StubSession()), lambda: Presence(PresenceState.AVAILABLE))
    for i in range(rooms.MAX_INVITES + 50):
        service.remember_invite(f.InviteReceived(f"r{i}@muc.example.org", f"spammer{i}@x"))
    assert len(service.invites) == rooms.MAX_INVITES
    assert "r0@muc.example.org" not in service.invites
    assert f"r{rooms.MAX_INVITES + 49}@muc.example.org" in service.invites


def test_presence_tracking_is_bounded_per_sender_and_in_all(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(roster, "MAX_PRESENCE_CONTACTS", 10)
    session = StubSession()
    service = roster.RosterService(cast(Any, session), Presence(PresenceState.AVAILABLE))
    here = Presence(PresenceState.AVAILABLE)
    for i in range(roster.MAX_RESOURCES + 20):
        service.on_contact_presence(convert.ContactPresence(PEER, f"device{i}", 0, here))
    assert len(service._resources[PEER]) == roster.MAX_RESOURCES
    for i in range(30):
        service.on_contact_presence(convert.ContactPresence(f"s{i}@spam.example", "r", 0, here))
    assert len(service._resources) == 10
    gone = Presence(PresenceState.OFFLINE)
    service.on_contact_presence(convert.ContactPresence("never@seen.example", "r", 0, gone))
    assert "never@seen.example" not in service._resources  # an unknown one going away adds nothing
    assert session.facts[-1] == f.PresenceChanged("never@seen.example", gone)


# -- what "not in the archive" proves ------------------------------------------------------------


def origin(txn: str) -> str:
    return f"<origin-id xmlns='urn:xmpp:sid:0' id='{txn}'/>"


@pytest.mark.parametrize(
    ("pages", "keeps_everything", "expected"),
    [
        ([([], True)], True, Verdict.NOT_RECEIVED),
        ([([], True)], False, Verdict.UNKNOWN),  # the archive may simply not have kept it
        ([([], False)] * 20, True, Verdict.UNKNOWN),  # the window was not read to its start
        ([(["other"], False), (["txn-1"], True)], False, Verdict.RECEIVED),
    ],
)
async def test_archive_search_verdicts(
    pages: list[tuple[list[str], bool]], keeps_everything: bool, expected: Verdict
) -> None:
    session = StubSession()
    service = ArchiveService(cast(Any, session), is_room=lambda _j: False, apply=lambda _p: None)
    asked: list[dict[str, Any]] = []

    async def query(archive: str, **kw: Any) -> tuple[list[ET.Element], convert.ArchivePage]:
        ids, complete = pages[min(len(asked), len(pages) - 1)]
        asked.append(kw)
        found = [
            stanza_result(f"a{len(asked)}-{i}", "x", outgoing=True, extra=origin(i)) for i in ids
        ]
        return found, convert.ArchivePage(complete, f"p{len(asked)}", None)

    service.query = query  # type: ignore[method-assign]
    sent_at = time.time() - 30
    verdicts = await service._search({"txn-1"}, PEER, False, sent_at, keeps_everything)
    assert verdicts == {"txn-1": expected}
    start = asked[0]["start"]
    assert isinstance(start, datetime)
    assert abs(start.timestamp() - (sent_at - VERIFY_SLACK)) < 2  # a day before the send
    assert asked[0]["before"] == "" and asked[0]["with_jid"] == PEER


async def test_one_scan_answers_for_every_unconfirmed_message_of_a_conversation() -> None:
    """A burst cut off by a lost connection leaves dozens unconfirmed: the archive is read once
    for all of them (a search each ran out of time and failed them as "may not have …")."""
    session = StubSession()
    service = ArchiveService(cast(Any, session), is_room=lambda _j: False, apply=lambda _p: None)
    ledger = SendLedger(cast(Any, session.ctx.state))
    ledger.previous = {
        f"t{i}": PendingSend(PEER, False, time.time(), seq=i, stream="old") for i in range(40)
    }
    asked: list[dict[str, Any]] = []
    pages = [[f"t{i}" for i in range(20, 40)], [f"t{i}" for i in range(10)]]

    async def query(archive: str, **kw: Any) -> tuple[list[ET.Element], convert.ArchivePage]:
        asked.append(kw)
        ids = pages[len(asked) - 1]
        found = [stanza_result(f"r-{i}", "x", outgoing=True, extra=origin(i)) for i in ids]
        return found, convert.ArchivePage(len(asked) == len(pages), f"p{len(asked)}", None)

    async def keeps(*_args: Any) -> bool:
        return True

    service.query = query  # type: ignore[method-assign]
    service._keeps_everything = keeps  # type: ignore[method-assign]
    heard: dict[str, Verdict] = {}
    await service.verify(ledger, heard.__setitem__)
    assert len(asked) == 2
    assert {t for t, v in heard.items() if v is Verdict.RECEIVED} == {
        f"t{i}" for i in [*range(10), *range(20, 40)]
    }
    assert {t for t, v in heard.items() if v is Verdict.NOT_RECEIVED} == {
        f"t{i}" for i in range(10, 20)
    }


async def test_archive_preferences_decide_whether_the_archive_keeps_everything() -> None:
    session = StubSession()
    service = ArchiveService(cast(Any, session), is_room=lambda _j: False, apply=lambda _p: None)

    def prefs_iq(default: str, never: str = "") -> ET.Element:
        return ET.fromstring(
            f"<iq xmlns='jabber:client' type='result'><prefs xmlns='urn:xmpp:mam:2' "
            f"default='{default}'><always/><never>{never}</never></prefs></iq>"
        )

    answers = iter(
        [
            prefs_iq("always"),
            prefs_iq("roster"),
            prefs_iq("always", f"<jid>{PEER}</jid>"),
        ]
    )

    async def iq(*_args: Any, **_kw: Any) -> ET.Element:
        return next(answers)

    session.iq = iq  # type: ignore[attr-defined]
    assert await service._keeps_everything(PEER, False) is True
    assert await service._keeps_everything(PEER, False) is False
    assert await service._keeps_everything(PEER, False) is False


async def test_verify_settles_every_unknown_send_and_reports_each() -> None:
    session = StubSession()
    service = ArchiveService(cast(Any, session), is_room=lambda _j: False, apply=lambda _p: None)
    ledger = SendLedger(cast(Any, session.ctx.state))
    ledger.previous = {
        "a": PendingSend(PEER, False, time.time(), seq=1, stream="old"),
        "b": PendingSend(PEER, False, time.time(), unsent=True),
    }

    async def keeps(*_args: Any) -> bool:
        return True

    async def search(txns: set[str], *_args: Any) -> dict[str, Verdict]:
        return dict.fromkeys(txns, Verdict.RECEIVED)

    service._keeps_everything = keeps  # type: ignore[method-assign]
    service._search = search  # type: ignore[method-assign]
    heard: list[tuple[str, Verdict]] = []
    await service.verify(ledger, lambda txn, v: heard.append((txn, v)))
    assert heard == [("a", Verdict.RECEIVED)]  # "b" never left: no search needed
    assert ledger.verdict("a") is Verdict.RECEIVED and ledger.verdict("b") is Verdict.NOT_RECEIVED


# -- catching up ----------------------------------------------------------------------------------


async def test_catch_up_reports_new_messages_as_unread_and_read_ones_as_read() -> None:
    session = StubSession()
    archive = FakeArchive(
        [
            stanza_result("a1", "seen already"),
            stanza_result("a2", "read on the phone", minute=1),
            stanza_result("a3", "my answer from the phone", outgoing=True, minute=2),
            stanza_result("a4", "new", minute=3),
            stanza_result(
                "a5", None, extra="<received xmlns='urn:xmpp:receipts' id='t9'/>", minute=4
            ),
        ]
    )
    up, _ = make_catchup(session, archive)
    up.positions[ME] = Position("a1", 0.0)
    await up.run(ME)
    got = {m.body: (m.history, m.outgoing) for m in session.messages()}
    assert got == {
        "read on the phone": (True, False),
        "my answer from the phone": (True, True),
        "new": (False, False),
    }
    assert any(isinstance(x, f.DeliveryUpdated) for x in session.facts)  # not just messages
    assert up.positions[ME].archive_id == "a5" and not up.positions[ME].behind


async def test_a_long_absence_is_read_over_several_sign_ins_without_a_gap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(catchup, "PAGE_SIZE", 2)
    monkeypatch.setattr(catchup, "MAX_PAGES", 2)
    session = StubSession()
    archive = FakeArchive([stanza_result(f"a{i}", f"m{i}", minute=i) for i in range(1, 8)])
    up, _ = make_catchup(session, archive)
    up.positions[ME] = Position("a1", 0.0)
    await up.run(ME)
    assert [m.body for m in session.messages()] == ["m2", "m3", "m4", "m5"]
    assert up.positions[ME] == Position("a5", up.positions[ME].ts, behind=True)
    # A live message must not move the position past what is still unread.
    up.seen(convert.ArchiveMark(ME, "a9", datetime.now(UTC)))
    assert up.positions[ME].archive_id == "a5"
    assert up.behind() == [ME]

    await up.run(ME)  # the next sign-in reads on
    assert [m.body for m in session.messages()] == [f"m{i}" for i in range(2, 8)]
    assert up.positions[ME].archive_id == "a7" and not up.positions[ME].behind
    up.seen(convert.ArchiveMark(ME, "a8", None))
    assert up.positions[ME].archive_id == "a8"


async def test_a_long_absence_is_read_to_its_end_in_one_sign_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(catchup, "PAGE_SIZE", 2)
    session = StubSession()
    archive = FakeArchive([stanza_result(f"a{i}", f"m{i}", minute=i) for i in range(1, 30)])
    up, _ = make_catchup(session, archive)
    up.positions[ME] = Position("a1", 0.0)
    await up.run(ME)
    assert [m.body for m in session.messages()] == [f"m{i}" for i in range(2, 30)]
    assert up.positions[ME].archive_id == "a29" and not up.positions[ME].behind


async def test_the_position_moves_page_by_page_so_a_crash_reads_on_from_there(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(catchup, "PAGE_SIZE", 2)
    session = StubSession()
    archive = FakeArchive([stanza_result(f"a{i}", f"m{i}", minute=i) for i in range(1, 10)])
    up, _ = make_catchup(session, archive)
    up.positions[ME] = Position("a1", 0.0)
    real = archive.query
    saved: list[tuple[str, int]] = []

    async def query(archive_jid: str, **kw: Any) -> Any:
        saved.append((up.positions[ME].archive_id, len(session.messages())))
        if len(saved) == 3:
            raise asyncio.CancelledError  # the process dies while the third page is asked for
        return await real(archive_jid, **kw)

    archive.query = query  # type: ignore[method-assign]
    with pytest.raises(asyncio.CancelledError):
        await up.run(ME)
    # The position only ever names a message reported before it moved there.
    assert saved == [("a1", 0), ("a3", 2), ("a5", 4)]
    assert up.positions[ME] == Position("a5", up.positions[ME].ts, behind=True)


async def test_a_live_message_before_the_catch_up_starts_does_not_skip_the_gap() -> None:
    session = StubSession()
    archive = FakeArchive([stanza_result(f"a{i}", f"m{i}", minute=i) for i in range(1, 5)])
    up, _ = make_catchup(session, archive)
    up.positions[ME] = Position("a1", 0.0)
    up.hold(ME)  # the sign-in holds our archive before the initial presence
    up.seen(convert.ArchiveMark(ME, "a4", None))  # the first live message, before the catch-up
    assert up.positions[ME].archive_id == "a1"
    await up.run(ME)
    assert [m.body for m in session.messages()] == ["m2", "m3", "m4"]
    up.seen(convert.ArchiveMark(ME, "a5", None))  # in step now: live messages move it again
    assert up.positions[ME].archive_id == "a5"


async def test_a_room_without_a_position_takes_the_first_live_message_at_once() -> None:
    """Just joined: nothing before is ours to catch up on, so a live message is the position
    even while its first look at the archive runs (a loss then still keeps it)."""
    session = StubSession()
    room = "room@muc.example.org"
    archive = FakeArchive([])
    up, _ = make_catchup(session, archive)
    real = archive.query

    async def slow(archive_jid: str, **kw: Any) -> Any:
        up.seen(convert.ArchiveMark(room, "r-live", None))  # arrives while the query runs
        assert up.positions[room].archive_id == "r-live"
        return await real(archive_jid, **kw)

    archive.query = slow  # type: ignore[method-assign]
    await up.run(room)
    assert up.positions[room].archive_id == "r-live"  # the (empty) archive did not replace it


async def test_a_first_position_is_saved_before_anything_can_arrive() -> None:
    session = StubSession()
    archive = FakeArchive([stanza_result("a1", "m1"), stanza_result("a2", "m2", minute=1)])
    up, _ = make_catchup(session, archive)
    await up.establish(ME)
    saved = await session.ctx.state.get(catchup.STATE_CATCHUP)
    assert saved is not None and '"a2"' in saved
    assert session.messages() == []  # what was there before the first sign-in is history


async def test_live_messages_during_a_catch_up_decide_the_position_at_its_end() -> None:
    session = StubSession()
    archive = FakeArchive([stanza_result("a1", "old"), stanza_result("a2", "away", minute=1)])
    up, _ = make_catchup(session, archive)
    up.positions[ME] = Position("a1", 0.0)
    real = archive.query

    async def query_while_live(archive_jid: str, **kw: Any) -> Any:
        up.seen(convert.ArchiveMark(ME, "live-3", None))  # arrives while the query runs
        assert up.positions[ME].archive_id == "a1"
        return await real(archive_jid, **kw)

    archive.query = query_while_live  # type: ignore[method-assign]
    await up.run(ME)
    assert up.positions[ME].archive_id == "live-3"


async def test_an_expired_position_is_replaced_by_its_time() -> None:
    session = StubSession()
    archive = FakeArchive([stanza_result("a2", "after", minute=1)])
    archive.unknown = {"gone"}
    up, _ = make_catchup(session, archive)
    up.positions[ME] = Position("gone", 1_714_557_600.0)
    await up.run(ME)
    assert [m.body for m in session.messages()] == ["after"]
    assert archive.queries[-1]["start"] == datetime.fromtimestamp(1_714_557_600.0, UTC)


async def test_an_empty_archive_means_everything_later_is_new() -> None:
    session = StubSession()
    archive = FakeArchive([])
    up, _ = make_catchup(session, archive)
    await up.run(ME)  # first sign-in: nothing to read, but a place to start from
    assert up.positions[ME].archive_id == ""
    archive.results = [stanza_result("a1", "first ever")]
    await up.run(ME)
    assert [(m.body, m.history) for m in session.messages()] == [("first ever", False)]
    assert archive.queries[-1]["after"] is None


async def test_an_archive_we_may_not_read_is_forgotten() -> None:
    session = StubSession()
    archive = FakeArchive([])

    async def refuse(_archive: str, **_kw: Any) -> Any:
        raise IqFailure("forbidden")

    archive.query = refuse  # type: ignore[method-assign]
    up, _ = make_catchup(session, archive)
    up.positions["room@muc.example.org"] = Position("r1", 0.0)
    await up.run("room@muc.example.org")
    assert not up.knows("room@muc.example.org")


async def test_positions_survive_in_the_state() -> None:
    session = StubSession()
    up, _ = make_catchup(session, FakeArchive([]))
    up.seen(convert.ArchiveMark(ME, "a7", datetime(2024, 5, 1, tzinfo=UTC)))
    await up.save()
    again, _ = make_catchup(session, FakeArchive([]))
    await again.load()
    assert again.positions[ME] == Position("a7", datetime(2024, 5, 1, tzinfo=UTC).timestamp())


# -- where history paging continues ------------------------------------------------------------


async def test_history_anchors_keep_the_oldest_message_per_conversation() -> None:
    state = MemoryState()
    anchors = HistoryAnchors(state)
    assert anchors.offer(PEER, ["txn-1"], None, 100.0)
    assert not anchors.offer(PEER, ["later"], "A9", 200.0)  # newer: not the oldest
    assert anchors.offer(PEER, ["A3", "o-3", None], "A3", 50.0)
    await anchors.save()
    again = HistoryAnchors(state)
    await again.load()
    found = again.get(PEER, "o-3")
    assert found is not None and (found.archive_id, found.ts) == ("A3", 50.0)
    assert again.get(PEER, "txn-1") is None and again.get("other@example.org", "A3") is None


# -- downloads --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [(b"1a\r\n", 26), (b"A;name=value\r\n", 10), (b"0\r\n", 0), (b"ff \r\n", 255)],
)
def test_chunk_sizes(line: bytes, expected: int) -> None:
    assert upload._chunk_size(line) == expected


@pytest.mark.parametrize("line", [b"zz\r\n", b"-5\r\n", b"\r\n", b"1" * 17 + b"\r\n", b"12"])
def test_bad_chunk_sizes_are_upload_errors(line: bytes) -> None:
    with pytest.raises(upload.UploadError):
        upload._chunk_size(line)


async def test_a_send_cut_off_while_encrypting_is_tried_again_not_failed() -> None:
    """A server restart mid-burst stopped OMEMO under a message being encrypted; it failed for
    good as "Internal error: OMEMO is not ready" although it was never sent (issue 13 fault
    test): now it waits for the next connection like any unsent message."""
    from app.backend import Failure, FailureKind
    from backends.xmpp.messaging import MessageService
    from backends.xmpp.omemo.engine import EngineStopped

    async def stopped(*_args: Any) -> Any:
        raise EngineStopped("OMEMO is not ready")

    service = SimpleNamespace(seal=stopped)
    failure = await MessageService._sealed(cast(Any, service), PEER, False, "t1", "hi", [])
    assert isinstance(failure, Failure)
    assert failure.kind is FailureKind.NOT_CONNECTED and failure.retryable
