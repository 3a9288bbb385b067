"""The dispatch pipeline on its own: batching, coalescing, de-duplication, robustness."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app import events as ev
from app import facts as f
from app.dispatch import AccountDispatcher, PrivacyPolicy
from app.dispatch_batch import coalesce as _coalesce
from app.models import (
    Contact,
    ContactId,
    ConversationId,
    ConversationKind,
    DeliveryState,
    Direction,
    Message,
    MessageId,
    MessageKind,
    Moderation,
)
from app.store.account_store import AccountStore

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


@pytest.fixture
def dispatcher(tmp_path: Path) -> AccountDispatcher:
    store = AccountStore("a", tmp_path / "a.sqlite3")
    d = AccountDispatcher(
        store, now=lambda: NOW, logger=logging.LoggerAdapter(logging.getLogger("t"), {})
    )
    yield d
    store.close()


def incoming(conv: str, n: int, **kw: object) -> f.MessageReceived:
    fields: dict[str, object] = {"remote_id": f"{conv}-{n}", "sender": conv}
    fields.update(kw)
    return f.MessageReceived(conv, body=f"msg {n}", **fields)  # type: ignore[arg-type]


def test_a_flood_becomes_a_handful_of_events(dispatcher: AccountDispatcher) -> None:
    facts = [
        incoming("#flood", i, conversation_kind=ConversationKind.GROUP, sender="x")
        for i in range(5000)
    ]
    events = dispatcher.apply(facts)
    assert [type(e).__name__ for e in events] == ["ConversationsChanged", "MessagesAdded"]
    added = events[1]
    assert isinstance(added, ev.MessagesAdded) and len(added.messages) == 5000
    conv = dispatcher.store.conversation("#flood")
    assert conv is not None and conv.unread_count == 5000


def test_coalescing_merges_runs_per_conversation_in_order() -> None:
    a, b = ConversationId("acc", "a"), ConversationId("acc", "b")

    def m(n: int, conv: ConversationId, body: str = "") -> Message:
        return Message(
            id=MessageId("acc", f"l{n}"),
            conversation_id=conv,
            sender="x",
            sender_name="",
            timestamp=NOW,
            body=body or f"m{n}",
        )

    events: list[ev.Event] = [
        ev.MessagesAdded(a, (m(1, a),)),
        ev.MessagesAdded(a, (m(2, a), m(3, a))),
        ev.MessagesAdded(a, (m(4, a),), live=False),  # history: a run of its own
        ev.MessagesAdded(b, (m(5, b),)),
        ev.TypingChanged(b, ()),
        ev.MessagesAdded(b, (m(6, b),)),
        ev.MessagesUpdated(a, (m(1, a, "old"), m(2, a))),
        ev.MessagesUpdated(a, (m(1, a, "new"),)),  # the later version of l1 wins, in place
        ev.MessagesUpdated(b, (m(5, b),)),
    ]
    out = _coalesce(events)
    shape = [
        (type(e).__name__, [(x.local_id, x.body) for x in getattr(e, "messages", ())]) for e in out
    ]
    assert shape == [
        ("MessagesAdded", [("l1", "m1"), ("l2", "m2"), ("l3", "m3")]),
        ("MessagesAdded", [("l4", "m4")]),
        ("MessagesAdded", [("l5", "m5")]),
        ("TypingChanged", []),
        ("MessagesAdded", [("l6", "m6")]),
        ("MessagesUpdated", [("l1", "new"), ("l2", "m2")]),
        ("MessagesUpdated", [("l5", "m5")]),
    ]
    assert [getattr(e, "live", None) for e in out[:3]] == [True, False, True]


def test_a_fact_that_trips_a_bug_does_not_lose_the_batch(
    dispatcher: AccountDispatcher, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(fact: object, batch: object) -> None:
        raise KeyError("bug")

    monkeypatch.setitem(dispatcher._handlers, f.TypingChanged, broken)
    events = dispatcher.apply(
        [incoming("bob", 1), f.TypingChanged("bob", "bob", True), incoming("bob", 2)]
    )
    added = [m.body for e in events if isinstance(e, ev.MessagesAdded) for m in e.messages]
    assert added == ["msg 1", "msg 2"]
    assert "dropped fact TypingChanged" in caplog.text


def test_system_history_and_own_messages_do_not_count_as_unread(
    dispatcher: AccountDispatcher,
) -> None:
    dispatcher.apply(
        [
            incoming("bob", 1),
            incoming("bob", 2, history=True),
            incoming("bob", 3, kind=MessageKind.SYSTEM),
            incoming("bob", 4, outgoing=True, sender="me"),
            incoming("bob", 5, mentions_me=True),
        ]
    )
    conv = dispatcher.store.conversation("bob")
    assert conv is not None and (conv.unread_count, conv.mention_count) == (2, 1)


def test_events_report_history_as_not_live(dispatcher: AccountDispatcher) -> None:
    events = dispatcher.apply([incoming("bob", 1, history=True), incoming("bob", 2)])
    flags = [(e.live, len(e.messages)) for e in events if isinstance(e, ev.MessagesAdded)]
    assert flags == [(False, 1), (True, 1)]


def test_timestamps_default_to_now_and_huge_bodies_are_capped(
    dispatcher: AccountDispatcher,
) -> None:
    dispatcher.apply([f.MessageReceived("bob", "bob", "x" * 2_000_001, remote_id="big")])
    msg = dispatcher.store.page("bob").messages[0]
    assert msg.timestamp == NOW
    assert len(msg.body) == 1_000_000


def test_only_contacts_policy_still_allows_known_conversations(
    dispatcher: AccountDispatcher,
) -> None:
    dispatcher.apply([incoming("bob", 1)])
    dispatcher.privacy = PrivacyPolicy(only_contacts=True)
    dispatcher.apply(
        [
            incoming("bob", 2),
            incoming("stranger", 1),
            incoming("#room", 1, conversation_kind=ConversationKind.GROUP),
        ]
    )
    assert sorted(c.id.native_id for c in dispatcher.store.conversations()) == ["#room", "bob"]


def test_delivery_updates_never_go_backwards(dispatcher: AccountDispatcher) -> None:
    dispatcher.apply([f.MessageReceived("bob", "me", "hi", remote_id="m1", outgoing=True)])
    dispatcher.apply([f.DeliveryUpdated("bob", DeliveryState.READ, remote_id="m1")])
    events = dispatcher.apply([f.DeliveryUpdated("bob", DeliveryState.DELIVERED, remote_id="m1")])
    assert not [e for e in events if isinstance(e, ev.MessagesUpdated)]
    msg = dispatcher.store.page("bob").messages[0]
    assert msg.direction is Direction.OUTGOING and msg.delivery is DeliveryState.READ


def test_typing_is_cleared_by_a_message_from_the_typist(dispatcher: AccountDispatcher) -> None:
    events = dispatcher.apply([f.TypingChanged("bob", "bob", True)])
    assert [e.typing for e in events if isinstance(e, ev.TypingChanged)] == [("bob",)]
    events = dispatcher.apply([incoming("bob", 1)])
    assert [e.typing for e in events if isinstance(e, ev.TypingChanged)] == [()]


def test_member_changes_carry_only_what_changed(dispatcher: AccountDispatcher) -> None:
    from app.models import ConversationId, Member, Role

    room = ConversationId("a", "#room")
    dispatcher.apply(
        [
            f.MembersChanged(
                "#room", (Member(room, "ann", role=Role.OWNER), Member(room, "bob")), complete=True
            )
        ]
    )
    events = dispatcher.apply(
        [
            f.MembersChanged("#room", removed=("bob",)),
            f.MembersChanged("#room", (Member(room, "cid"),)),
        ]
    )
    changes = [e for e in events if isinstance(e, ev.MembersChanged)]
    assert len(changes) == 1
    # What changed, merged over the batch, for a member list to change those rows only; not
    # the whole list (a batch costs its changes, not the room), but how many there are now.
    assert not changes[0].complete and changes[0].members == ()
    assert [m.native_id for m in changes[0].upserted] == ["cid"]
    assert changes[0].removed == ("bob",)
    assert changes[0].count == 2
    assert [(m.native_id, m.role) for m in dispatcher.store.members("#room")] == [
        ("ann", Role.OWNER),
        ("cid", Role.MEMBER),
    ]

    events = dispatcher.apply(
        [
            f.MembersChanged("#room", (Member(room, "dee"),)),  # joins and leaves: only left
            f.MembersChanged("#room", removed=("dee", "cid")),
            f.MembersChanged("#room", (Member(room, "cid", "Cid"),)),  # leaves and is back
        ]
    )
    (change,) = [e for e in events if isinstance(e, ev.MembersChanged)]
    assert [(m.native_id, m.display_name) for m in change.upserted] == [("cid", "Cid")]
    assert change.removed == ("dee",) and not change.complete and change.count == 2
    events = dispatcher.apply(
        [
            f.MembersChanged("#room", (Member(room, "eve"),)),
            f.MembersChanged("#room", (Member(room, "ann", role=Role.OWNER),), complete=True),
        ]
    )
    (change,) = [e for e in events if isinstance(e, ev.MembersChanged)]
    assert change.complete and [m.native_id for m in change.members] == ["ann"]
    assert change.count == 1


def test_retraction_by_someone_else_is_ignored(dispatcher: AccountDispatcher) -> None:
    dispatcher.apply([incoming("bob", 1)])
    dispatcher.apply([f.MessageRetracted("bob", "bob-1", by="mallory")])
    assert dispatcher.store.page("bob").messages[0].body == "msg 1"
    dispatcher.apply([f.MessageRetracted("bob", "bob-1", by="bob")])
    assert dispatcher.store.page("bob").messages[0].retracted


def test_a_room_moderator_removes_someone_elses_message_with_a_reason(
    dispatcher: AccountDispatcher,
) -> None:
    """A Matrix redaction by someone the power levels let redact others' events."""
    dispatcher.apply([incoming("bob", 1)])
    dispatcher.apply(
        [f.MessageRetracted("bob", "bob-1", by="@mod:x", moderator=True, reason="spam")]
    )
    (msg,) = dispatcher.store.page("bob").messages
    assert msg.retracted and msg.body == ""
    assert msg.moderation == Moderation("@mod:x", "spam")


def test_the_sender_removing_their_own_message_is_no_moderation(
    dispatcher: AccountDispatcher,
) -> None:
    dispatcher.apply([incoming("bob", 1)])
    dispatcher.apply([f.MessageRetracted("bob", "bob-1", by="bob", moderator=True, reason="typo")])
    (msg,) = dispatcher.store.page("bob").messages
    assert msg.retracted and msg.moderation is None


def test_read_elsewhere_clears_unread(dispatcher: AccountDispatcher) -> None:
    dispatcher.apply([incoming("bob", i) for i in range(3)])
    events = dispatcher.apply([f.ReadUpTo("bob", "bob-2")])
    convs = [c for e in events if isinstance(e, ev.ConversationsChanged) for c in e.conversations]
    assert convs[0].unread_count == 0


def test_messages_arriving_before_the_timestamp_of_now_keep_order(
    dispatcher: AccountDispatcher,
) -> None:
    dispatcher.apply(
        [
            incoming("bob", 2, timestamp=NOW),
            incoming("bob", 1, timestamp=NOW - timedelta(minutes=5)),
        ]
    )
    assert [m.body for m in dispatcher.store.page("bob").messages] == ["msg 1", "msg 2"]


def test_a_delivery_update_from_another_conversation_cannot_touch_our_message(
    dispatcher: AccountDispatcher,
) -> None:
    from app.models import ConversationId, MessageId

    dispatcher.store.ensure_conversation("bob", ConversationKind.DIRECT)
    mine = Message(
        MessageId("a", "txn-1"),
        ConversationId("a", "bob"),
        "me",
        "me",
        NOW,
        "hi",
        direction=Direction.OUTGOING,
        delivery=DeliveryState.PENDING,
    )
    dispatcher.commands.queue_outgoing(mine, {"body": "hi"})
    dispatcher.apply([f.DeliveryUpdated("mallory", DeliveryState.FAILED, txn_id="txn-1")])
    msg = dispatcher.store.message_by_local_id("txn-1")
    assert msg is not None and msg.delivery is DeliveryState.PENDING
    assert dispatcher.store.outbox_entry("txn-1") is not None


def test_nobody_else_can_retract_our_message(dispatcher: AccountDispatcher) -> None:
    dispatcher.apply([f.MessageReceived("bob", "me", "mine", remote_id="m1", outgoing=True)])
    dispatcher.apply([f.MessageRetracted("bob", "m1", by="bob")])
    assert not dispatcher.store.page("bob").messages[0].retracted
    dispatcher.apply([f.MessageRetracted("bob", "m1", by="me")])
    assert dispatcher.store.page("bob").messages[0].retracted


def test_late_keys_decrypt_in_place_without_counting_again(dispatcher: AccountDispatcher) -> None:
    from app.models import Trust

    dispatcher.apply(
        [
            f.MessageReceived(
                "!room", "@bob:x", "waiting for the key", remote_id="$e1", trust=Trust.UNDECRYPTABLE
            )
        ]
    )
    events = dispatcher.apply(
        [
            f.MessageDecrypted(
                "!room", "$e1", "the real text", Trust.UNVERIFIED, html="<b>the</b> real text"
            )
        ]
    )
    updated = [m for e in events if isinstance(e, ev.MessagesUpdated) for m in e.messages]
    assert [(m.body, m.trust, m.html) for m in updated] == [
        ("the real text", Trust.UNVERIFIED, "<b>the</b> real text")
    ]
    conv = dispatcher.store.conversation("!room")
    assert conv is not None and conv.unread_count == 1
    # A decrypted message is never replaced again (replays of the key do nothing).
    again = dispatcher.apply([f.MessageDecrypted("!room", "$e1", "forged", Trust.VERIFIED)])
    assert not [e for e in again if isinstance(e, ev.MessagesUpdated)]
    assert dispatcher.store.page("!room").messages[0].body == "the real text"


def test_verification_progress_and_conversation_trust(dispatcher: AccountDispatcher) -> None:
    from app.models import Trust, Verification, VerificationState

    v = Verification(
        "v1",
        "@bob:x",
        "DEV",
        VerificationState.COMPARE,
        incoming=True,
        emojis=(("🐶", "Dog"), ("🔑", "Key")),
    )
    events = dispatcher.apply(
        [
            f.VerificationChanged(v),
            f.ConversationUpdated(
                "!room", ConversationKind.DIRECT, encrypted=True, trust=Trust.UNVERIFIED
            ),
        ]
    )
    assert [e.verification for e in events if isinstance(e, ev.VerificationChanged)] == [v]
    conv = dispatcher.store.conversation("!room")
    assert conv is not None and conv.encrypted and conv.trust is Trust.UNVERIFIED


def test_how_a_sent_message_went_end_to_end_is_stored(dispatcher: AccountDispatcher) -> None:
    from app.backend import SendResult
    from app.models import ConversationId, MessageId, Trust

    dispatcher.store.ensure_conversation("bob", ConversationKind.DIRECT)
    for txn in ("txn-enc", "txn-plain"):
        mine = Message(
            MessageId("a", txn),
            ConversationId("a", "bob"),
            "me",
            "me",
            NOW,
            "hi",
            direction=Direction.OUTGOING,
            delivery=DeliveryState.PENDING,
        )
        dispatcher.commands.queue_outgoing(mine, {"body": "hi"})
    events = dispatcher.commands.send_succeeded(
        "txn-enc", SendResult("txn-enc", trust=Trust.VERIFIED)
    )
    updated = [m for e in events if isinstance(e, ev.MessagesUpdated) for m in e.messages]
    assert updated and updated[-1].trust is Trust.VERIFIED
    assert updated[-1].delivery is DeliveryState.SENT
    dispatcher.commands.send_succeeded(
        "txn-plain", SendResult("txn-plain")
    )  # trust not said: as stored
    enc = dispatcher.store.message_by_local_id("txn-enc")
    plain = dispatcher.store.message_by_local_id("txn-plain")
    assert enc is not None and enc.trust is Trust.VERIFIED
    assert plain is not None and plain.trust is Trust.NONE


def test_a_file_offer_is_a_question_unless_the_sender_is_blocked(
    dispatcher: AccountDispatcher,
) -> None:

    events = dispatcher.apply([f.FileOffered("mallory", "o1", "a.jpg", 10)])
    assert events == [ev.FileOffered("a", "mallory", "o1", "a.jpg", 10)]
    blocked = Contact(ContactId("a", "mallory"), blocked=True)
    dispatcher.apply([f.ContactsChanged((blocked,))])
    assert dispatcher.apply([f.FileOffered("mallory", "o2", "b.jpg", 10)]) == []


def test_blocking_in_the_middle_of_a_batch_drops_the_messages_after_it(
    dispatcher: AccountDispatcher,
) -> None:
    blocked = Contact(ContactId("a", "mallory"), blocked=True)
    unblocked = Contact(ContactId("a", "mallory"), blocked=False)
    dispatcher.apply(
        [
            incoming("mallory", 1),
            incoming("mallory", 2),
            f.ContactsChanged((blocked,)),
            incoming("mallory", 3),
            f.ContactsChanged((unblocked,)),
            incoming("mallory", 4),
        ]
    )
    assert _bodies(dispatcher, "mallory") == ["msg 1", "msg 2", "msg 4"]


# -- two messages, one id (issue 13) -----------------------------------------------------------


def _bodies(dispatcher: AccountDispatcher, conv: str = "bob") -> list[str]:
    return [m.body for m in dispatcher.store.page(conv).messages]


def test_a_replay_of_the_same_message_is_stored_once(dispatcher: AccountDispatcher) -> None:
    same = f.MessageReceived("bob", "bob", "hello", remote_id="m1")
    dispatcher.apply([same])
    dispatcher.apply([same, same])
    loose = f.MessageReceived("bob", "bob", "hello", remote_id="m1", remote_id_unique=False)
    dispatcher.apply([loose])
    assert _bodies(dispatcher) == ["hello"]


def test_another_senders_message_under_a_taken_id_is_kept_apart(
    dispatcher: AccountDispatcher, caplog: pytest.LogCaptureFixture
) -> None:
    dispatcher.apply(
        [f.MessageReceived("#r", "ann", "mine", ConversationKind.GROUP, remote_id="x1")]
    )
    evil = f.MessageReceived("#r", "mallory", "also x1", ConversationKind.GROUP, remote_id="x1")
    with caplog.at_level(logging.WARNING):
        dispatcher.apply([evil])
    messages = dispatcher.store.page("#r").messages
    assert [(m.sender, m.body) for m in messages] == [("ann", "mine"), ("mallory", "also x1")]
    assert messages[0].remote_id == "x1" and messages[1].remote_id != "x1"
    assert "two different messages" in caplog.text
    dispatcher.apply([evil])  # its own replay is still a replay
    assert len(dispatcher.store.page("#r").messages) == 2


def test_a_senders_two_messages_under_one_chosen_id_are_both_kept(
    dispatcher: AccountDispatcher,
) -> None:
    """XMPP ids a sender chose (no archive id): reusing one must not hide a message."""
    first = f.MessageReceived("bob", "bob", "first", remote_id="o1", remote_id_unique=False)
    second = f.MessageReceived("bob", "bob", "second", remote_id="o1", remote_id_unique=False)
    dispatcher.apply([first, second])
    dispatcher.apply([second])
    assert _bodies(dispatcher) == ["first", "second"]


def test_a_vouched_id_seen_again_with_other_content_is_a_replay(
    dispatcher: AccountDispatcher,
) -> None:
    """A server-assigned id names one message even when the content we stored has changed
    since (decrypted, corrected): no second copy."""
    dispatcher.apply([f.MessageReceived("bob", "bob", "(encrypted)", remote_id="$e1")])
    dispatcher.apply([f.MessageReceived("bob", "bob", "something else", remote_id="$e1")])
    assert _bodies(dispatcher) == ["(encrypted)"]


def test_a_correction_by_someone_else_is_dropped(dispatcher: AccountDispatcher) -> None:
    dispatcher.apply([incoming("bob", 1)])
    dispatcher.apply([f.MessageReceived("bob", "mallory", "hacked", replaces="bob-1")])
    messages = dispatcher.store.page("bob").messages
    assert [(m.body, m.edited) for m in messages] == [("msg 1", False)]


def test_a_correction_of_a_message_we_do_not_have_is_kept_unmarked(
    dispatcher: AccountDispatcher,
) -> None:
    dispatcher.apply([f.MessageReceived("bob", "bob", "fixed", remote_id="c1", replaces="gone")])
    messages = dispatcher.store.page("bob").messages
    assert [(m.body, m.edited) for m in messages] == [("fixed", False)]
    dispatcher.apply([f.MessageReceived("bob", "bob", "fixed again", replaces="c1")])
    assert [(m.body, m.edited) for m in dispatcher.store.page("bob").messages] == [
        ("fixed again", True)
    ]


def test_a_plain_correction_cannot_pass_for_an_encrypted_message(
    dispatcher: AccountDispatcher,
) -> None:
    from app.models import Trust

    dispatcher.apply(
        [f.MessageReceived("bob", "bob", "the plan", remote_id="m1", trust=Trust.VERIFIED)]
    )
    dispatcher.apply(
        [f.MessageReceived("bob", "bob", "forged plan", remote_id="m2", replaces="m1")]
    )
    page = dispatcher.store.page("bob").messages
    assert [(m.body, m.trust, m.edited) for m in page] == [
        ("the plan", Trust.VERIFIED, False),
        ("forged plan", Trust.NONE, True),  # kept apart, and says it is not encrypted
    ]
    # an encrypted correction from a device that is not verified: the text, and its trust
    dispatcher.apply(
        [
            f.MessageReceived(
                "bob", "bob", "new plan", remote_id="m3", replaces="m1", trust=Trust.UNVERIFIED
            )
        ]
    )
    first = dispatcher.store.page("bob").messages[0]
    assert (first.body, first.trust, first.edited) == ("new plan", Trust.UNVERIFIED, True)


def test_kept_state_is_stored_with_the_facts_before_it(
    dispatcher: AccountDispatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sync position (StateKept) commits in the transaction of the messages it covers: when
    the batch fails, neither is stored (both come back, in order, to be kept and saved later)."""
    from app.dispatch import backend_state_key

    store = dispatcher.store
    dispatcher.apply([incoming("!r", 1), f.StateKept("since", "s1")])
    assert store.get_state(backend_state_key("since")) == "s1"
    assert store.message_by_remote_id("!r", "!r-1") is not None

    def full_disk(*args: object, **kwargs: object) -> None:
        import sqlite3

        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "update_conversation", full_disk)
    facts = [incoming("!r", 2), f.StateKept("since", "s2")]
    saved = dispatcher.save(facts)
    assert saved.events == [] and saved.unsaved == facts and saved.error is not None
    assert store.get_state(backend_state_key("since")) == "s1"
    assert store.message_by_remote_id("!r", "!r-2") is None
    dispatcher.apply([f.StateKept("since", None)])
    assert store.get_state(backend_state_key("since")) is None


def test_what_someone_sent_while_blocked_stays_unseen_when_handed_over_later(
    dispatcher: AccountDispatcher,
) -> None:
    """A Matrix homeserver sends the events it withheld from an ignored user again once they
    are unignored: what they sent while blocked must not appear then."""
    mallory = ContactId("a", "mallory")
    dispatcher.apply([f.ContactsChanged((Contact(mallory, blocked=True),))])
    sent_meanwhile = datetime.now(UTC)
    dispatcher.apply([f.ContactsChanged((Contact(mallory, blocked=False),), complete=True)])
    after = datetime.now(UTC) + timedelta(seconds=1)
    dispatcher.apply(
        [
            f.MessageReceived("mallory", "mallory", "while blocked", timestamp=sent_meanwhile),
            f.MessageReceived("mallory", "mallory", "after", timestamp=after),
            f.MessageReceived("mallory", "mallory", "no time given"),
        ]
    )
    assert sorted(_bodies(dispatcher, "mallory")) == ["after", "no time given"]


def _restarted(dispatcher: AccountDispatcher, tmp_path: Path) -> AccountDispatcher:
    """The same account after a restart: its store reopened, a new dispatcher over it."""
    dispatcher.store.close()
    store = AccountStore("a", tmp_path / "a.sqlite3")
    return AccountDispatcher(store, now=lambda: NOW, logger=dispatcher.log)


def test_the_blocked_spans_outlive_a_restart(dispatcher: AccountDispatcher, tmp_path: Path) -> None:
    """An archive read after a restart hands over what a person sent while blocked before it:
    it stays unseen then too, while what they sent before the block and after it is kept."""
    mallory = ContactId("a", "mallory")
    before = datetime.now(UTC) - timedelta(seconds=5)
    dispatcher.apply([f.ContactsChanged((Contact(mallory, blocked=True),))])
    meanwhile = datetime.now(UTC)
    dispatcher.apply([f.ContactsChanged((Contact(mallory, blocked=False),), complete=True)])
    after = datetime.now(UTC) + timedelta(seconds=1)
    later = _restarted(dispatcher, tmp_path)
    try:
        later.apply(
            [
                f.MessageReceived("mallory", "mallory", "before", timestamp=before),
                f.MessageReceived("mallory", "mallory", "while blocked", timestamp=meanwhile),
                f.MessageReceived("mallory", "mallory", "after", timestamp=after),
            ]
        )
        assert sorted(_bodies(later, "mallory")) == ["after", "before"]
    finally:
        later.store.close()


def test_someone_blocked_before_spans_were_kept_keeps_their_older_history(
    dispatcher: AccountDispatcher, tmp_path: Path
) -> None:
    """Blocked in a run that kept no span: the block counts from this run's start, so their
    older history is not hidden for good once they are unblocked. An unreadable record is
    logged and read as none."""
    from app.dispatch_people import BLOCKING_KEY

    mallory = ContactId("a", "mallory")
    dispatcher.apply([f.ContactsChanged((Contact(mallory, blocked=True),))])
    dispatcher.store.set_state(BLOCKING_KEY, "{not json")
    later = _restarted(dispatcher, tmp_path)
    try:
        older = datetime.now(UTC) - timedelta(days=3)
        later.apply([f.ContactsChanged((Contact(mallory, blocked=False),), complete=True)])
        later.apply([f.MessageReceived("mallory", "mallory", "last week", timestamp=older)])
        assert _bodies(later, "mallory") == ["last week"]
    finally:
        later.store.close()


def test_a_whole_second_stamp_from_just_after_unblocking_is_kept(
    dispatcher: AccountDispatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    """XMPP stamps live messages in whole seconds: one sent in the second the block ended
    carries a stamp inside the span, and it must not be dropped."""
    second = datetime(2026, 5, 1, 12, 0, 0, tzinfo=UTC)
    moments = iter([second - timedelta(seconds=1), second + timedelta(milliseconds=500)])
    monkeypatch.setattr("app.dispatch_people.utc_now", lambda: next(moments))
    mallory = ContactId("a", "mallory")
    dispatcher.apply([f.ContactsChanged((Contact(mallory, blocked=True),))])
    dispatcher.apply([f.ContactsChanged((Contact(mallory, blocked=False),), complete=True)])
    dispatcher.apply(
        [
            f.MessageReceived("mallory", "mallory", "hello again", timestamp=second),
            f.MessageReceived(
                "mallory", "mallory", "meanwhile", timestamp=second - timedelta(milliseconds=500)
            ),
        ]
    )
    assert _bodies(dispatcher, "mallory") == ["hello again"]


def test_a_moderated_message_is_removed_with_who_and_why(dispatcher: AccountDispatcher) -> None:
    room = {"conversation_kind": ConversationKind.GROUP, "sender": "alice"}
    dispatcher.apply([incoming("#r", 1, **room), incoming("#r", 2, **room)])
    assert [m.body for m in dispatcher.store.search("msg")] == ["msg 2", "msg 1"]
    events = dispatcher.apply([f.MessageModerated("#r", "#r-1", "boss", "spam")])
    (updated,) = [m for e in events if isinstance(e, ev.MessagesUpdated) for m in e.messages]
    assert (
        updated.retracted
        and updated.body == ""
        and updated.moderation == Moderation("boss", "spam")
    )
    stored = dispatcher.store.message_by_remote_id("#r", "#r-1")
    assert (
        stored is not None and stored.body == "" and stored.moderation == Moderation("boss", "spam")
    )
    assert [m.body for m in dispatcher.store.search("msg")] == ["msg 2"]
    assert dispatcher.store.message_by_remote_id("#r", "#r-2").moderation is None  # type: ignore[union-attr]
