"""The member list changes row by row: a join, a part, a new role or name moves one row, in the
order a full reload gives, and the selected member stays selected; a burst is one reload."""

from __future__ import annotations

import logging
import random
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from app import events as ev
from app import facts as f
from app.dispatch import AccountDispatcher
from app.models import (
    ContactId,
    ConversationId,
    Member,
    Presence,
    PresenceState,
    Role,
    utc_now,
)
from app.runtime import Done, Result
from app.store.account_store import AccountStore
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import save_screenshot
from tests.ui.helpers import open_new_room, sign_in, wait_for
from ui.main_window import MainWindow
from ui.models.member_model import MemberListModel, MemberRole, sort_key
from ui.widgets.member_panel import BURST, MemberPanel

ROOM = ConversationId("acct", "#big")
ROLES = [Role.OWNER, Role.ADMIN, Role.MODERATOR, Role.MEMBER, Role.MEMBER, Role.VISITOR]


def member(i: int, role: Role = Role.MEMBER, name: str = "") -> Member:
    return Member(ROOM, f"m{i:04d}", name or f"Person {i % 97:02d}", role)


class Counts:
    """The model's signals, counted: what the view had to do."""

    def __init__(self, model: MemberListModel) -> None:
        self.resets = self.inserted = self.removed = self.moved = self.changed = 0
        model.modelReset.connect(lambda: self.bump("resets"))
        model.rowsInserted.connect(lambda *_: self.bump("inserted"))
        model.rowsRemoved.connect(lambda *_: self.bump("removed"))
        model.rowsMoved.connect(lambda *_: self.bump("moved"))
        model.dataChanged.connect(lambda *_: self.bump("changed"))

    def bump(self, name: str) -> None:
        setattr(self, name, getattr(self, name) + 1)


def shown_panel(qtbot: QtBot, members: list[Member]) -> MemberPanel:
    panel = MemberPanel()
    qtbot.addWidget(panel)
    panel.resize(260, 400)
    panel.show()
    panel.set_members(tuple(members), can_kick=False)
    return panel


def select(panel: MemberPanel, native_id: str) -> None:
    panel.list.selectionModel().setCurrentIndex(
        panel.model.index(panel.model.row_of(native_id)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect,
    )


def selected_id(panel: MemberPanel) -> str | None:
    index = panel.list.currentIndex()
    chosen = index.data(MemberRole) if index.isValid() else None
    return chosen.native_id if isinstance(chosen, Member) else None


def reloaded(members: dict[str, Member]) -> list[Member]:
    model = MemberListModel()
    model.set_members(list(members.values()))
    return model.members()


def test_changes_move_single_rows_in_reload_order_and_keep_the_selection(qtbot: QtBot) -> None:
    rng = random.Random(16)
    people = {m.native_id: m for m in (member(i, rng.choice(ROLES)) for i in range(300))}
    panel = shown_panel(qtbot, list(people.values()))
    select(panel, "m0150")
    counts = Counts(panel.model)
    serial = 300
    for step in range(400):
        upserted: list[Member] = []
        removed: list[str] = []
        kind = step % 4
        if kind == 0:  # someone joins
            upserted.append(member(serial, rng.choice(ROLES)))
            serial += 1
        elif kind == 1:  # someone (never the selected one) leaves
            gone = rng.choice([i for i in people if i != "m0150"])
            removed.append(gone)
        elif kind == 2:  # a new role (moves the row), sometimes the selected member's
            who = "m0150" if step % 20 == 2 else rng.choice(list(people))
            old = people[who]
            upserted.append(Member(ROOM, who, old.display_name, rng.choice(ROLES)))
        else:  # a new name (moves the row), or only presence (the row stays)
            who = rng.choice(list(people))
            old = people[who]
            if step % 8 == 3:
                upserted.append(Member(ROOM, who, f"Renamed {step}", old.role))
            else:
                away = Presence(PresenceState.AWAY)
                upserted.append(Member(ROOM, who, old.display_name, old.role, presence=away))
        for native_id in removed:
            del people[native_id]
        people.update((m.native_id, m) for m in upserted)
        assert panel.change_members(
            ROOM, tuple(upserted), tuple(removed), len(people), can_kick=False
        )
        assert panel.model.members() == reloaded(people)
        assert selected_id(panel) == "m0150"
    assert counts.resets == 0  # never the whole list again
    assert counts.inserted == 100 and counts.removed == 100
    assert counts.moved > 0 and counts.changed >= 200
    assert panel.label.text() == f"Members ({len(people)})"


def test_a_burst_is_one_reload_keeping_the_selection_and_the_first_row_in_sight(
    qtbot: QtBot,
) -> None:
    people = {m.native_id: m for m in (member(i) for i in range(2000))}
    panel = shown_panel(qtbot, list(people.values()))
    select(panel, "m0500")
    view = panel.list
    view.scrollTo(panel.model.index(800), view.ScrollHint.PositionAtTop)
    top = view.indexAt(view.viewport().rect().topLeft()).data(MemberRole)
    counts = Counts(panel.model)
    joins = tuple(member(i) for i in range(2000, 3000))
    people.update((m.native_id, m) for m in joins)
    assert len(joins) > BURST

    assert panel.change_members(ROOM, joins, (), len(people), can_kick=False)

    assert (counts.resets, counts.inserted) == (1, 0)  # one reload, not 1,000 inserts
    assert panel.model.members() == reloaded(people)
    assert selected_id(panel) == "m0500"
    assert view.indexAt(view.viewport().rect().topLeft()).data(MemberRole) == top


def shown_rows(model: MemberListModel) -> list[Member | None]:
    return [model.index(row).data(MemberRole) for row in range(model.rowCount())]


def test_each_row_shows_its_member_whenever_qt_announces_a_change(qtbot: QtBot) -> None:
    """The rows live in Qt's list and the members in Python: whenever Qt tells the view (and
    a screen reader) about a row, each row already names a member, once, in the list's order,
    and a row about to go still names the one who leaves."""
    rng = random.Random(8)
    people = {m.native_id: m for m in (member(i, rng.choice(ROLES)) for i in range(60))}
    panel = shown_panel(qtbot, list(people.values()))
    model = panel.model
    seen: list[str] = []
    leaving: list[str] = []

    def after(signal: str) -> None:
        rows = shown_rows(model)
        assert all(isinstance(m, Member) for m in rows), signal
        members = [m for m in rows if isinstance(m, Member)]
        assert len({m.native_id for m in members}) == len(members), signal
        assert [sort_key(m) for m in members] == sorted(sort_key(m) for m in members), signal
        seen.append(signal)

    def about_to_remove(first: int, last: int) -> None:
        for row in range(first, last + 1):
            going = model.index(row).data(MemberRole)
            assert isinstance(going, Member)
            leaving.append(going.native_id)

    model.rowsInserted.connect(lambda *_: after("inserted"))
    model.rowsRemoved.connect(lambda *_: after("removed"))
    model.rowsMoved.connect(lambda *_: after("moved"))
    model.modelReset.connect(lambda: after("reset"))
    model.dataChanged.connect(lambda *_: after("changed"))
    model.rowsAboutToBeRemoved.connect(lambda _parent, first, last: about_to_remove(first, last))
    parted: list[str] = []
    for step in range(120):
        who = f"m{rng.randrange(80):04d}"
        if step % 3 == 0 and who in people:
            del people[who]
            parted.append(who)
            upserted: tuple[Member, ...] = ()
            removed: tuple[str, ...] = (who,)
        else:
            name = rng.choice(["Ann", "bob", "Cid", "", f"Person {step}"])
            changed = member(int(who[1:]), rng.choice(ROLES), name)
            people[who] = changed
            upserted, removed = (changed,), ()
        assert panel.change_members(ROOM, upserted, removed, len(people), can_kick=False)
    burst = tuple(member(i) for i in range(100, 100 + BURST + 1))
    people.update((m.native_id, m) for m in burst)
    assert panel.change_members(ROOM, burst, (), len(people), can_kick=False)
    assert {"inserted", "removed", "moved", "changed", "reset"} <= set(seen)
    assert leaving == parted
    assert shown_rows(model) == reloaded(people)


def test_a_member_row_is_never_edited(qtbot: QtBot) -> None:
    """Qt's string list rows are editable by default; a member's name is not the user's to
    type over (F2 or a double click on the list would otherwise open an editor)."""
    panel = shown_panel(qtbot, [member(i) for i in range(5)])
    index = panel.model.index(2)
    select(panel, index.data(MemberRole).native_id)
    assert not panel.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not panel.list.edit(index, panel.list.EditTrigger.AllEditTriggers, None)
    assert panel.list.state() != panel.list.State.EditingState
    assert index.data(MemberRole) == member(2)


def test_another_rooms_change_or_a_missed_change_asks_for_the_whole_list(qtbot: QtBot) -> None:
    ten = [member(i) for i in range(10)]
    panel = shown_panel(qtbot, ten)
    other = ConversationId("acct", "#other")
    # Another room's change is not mixed into these rows: the caller reloads the list.
    assert not panel.change_members(other, (Member(other, "zed", "Zed"),), (), 1, can_kick=False)
    assert panel.model.members() == reloaded({m.native_id: m for m in ten})
    # A change that does not add up (one was missed): said so, for the whole list again.
    mine = tuple(member(i) for i in range(5))
    panel.set_members(mine[:2], can_kick=False)
    assert not panel.change_members(ROOM, (mine[4],), (), 5, can_kick=False)
    assert panel.label.text() == "Members (5)"


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.tuples(
            st.lists(  # joins or changes: (who, name, role, away, a real identity)
                st.tuples(
                    st.integers(0, 99),
                    st.sampled_from(["", "Ann", "ann", "Bob", "Zed"]),
                    st.sampled_from(ROLES),
                    st.booleans(),
                    st.booleans(),
                ),
                max_size=4,
            ),
            st.lists(st.integers(0, 99), max_size=3),  # parts
            st.integers(0, 14),  # 0: the whole list; 1: a burst of 70 joins; else a change
        ),
        max_size=30,
    ),
    st.lists(st.integers(1, 6), max_size=8),
    st.integers(0, 10_000),
)
def test_the_list_after_any_changes_is_the_list_read_again_from_the_store(
    qtbot: QtBot,
    tmp_path_factory: Any,
    facts: list[tuple[list[tuple[int, str, Role, bool, bool]], list[int], int]],
    sizes: list[int],
    n: int,
) -> None:
    """Facts through the core's dispatcher in batches of any size, each batch's event shown row
    by row (or one reset for a burst or a whole list): the rows, their order and the count are
    always those of the stored list loaded afresh, and the core never read the whole list for a
    change (it costs the change, not the room)."""
    store = AccountStore("acct", tmp_path_factory.mktemp(f"members{n}") / "a.sqlite3")
    core = AccountDispatcher(
        store, now=utc_now, logger=logging.LoggerAdapter(logging.getLogger("t"), {})
    )
    panel = shown_panel(qtbot, [])
    whole_reads = 0
    read_members = store.people.members

    def counted(native_id: str) -> list[Member]:
        nonlocal whole_reads
        whole_reads += 1
        return read_members(native_id)

    store.people.members = counted  # type: ignore[method-assign]

    def fact(
        ups: list[tuple[int, str, Role, bool, bool]], parts: list[int], kind: int
    ) -> f.MembersChanged:
        joined = tuple(
            Member(
                ROOM,
                f"m{who:02d}",
                name,
                role,
                contact=ContactId("acct", f"real{who}") if real else None,
                presence=Presence(PresenceState.AWAY if away else PresenceState.AVAILABLE),
            )
            for who, name, role, away, real in ups
        )
        if kind == 1:
            joined += tuple(member(1000 + i) for i in range(70))
        return f.MembersChanged("#big", joined, tuple(f"m{p:02d}" for p in parts), kind == 0)

    try:
        made = [fact(*x) for x in facts]
        for size in [*sizes, len(made)]:
            batch, made = made[:size], made[size:]
            if not batch:
                continue
            complete = any(x.complete for x in batch)
            reads = whole_reads
            for event in core.apply(batch):
                if not isinstance(event, ev.MembersChanged):
                    continue
                if event.complete:
                    panel.set_members(event.members, can_kick=False)
                else:
                    assert event.members == ()
                    assert panel.change_members(
                        ROOM, event.upserted, event.removed, event.count, can_kick=False
                    )
            if not complete:
                assert whole_reads == reads  # the change only, never the room's list
            stored = read_members("#big")
            assert panel.model.members() == reloaded({m.native_id: m for m in stored})
            assert panel.label.text() == f"Members ({len(stored)})"
    finally:
        store.close()


def test_joins_in_an_open_room_reach_the_list_a_frame_at_a_time(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """Through the core and the bridge: 1,000 joins reported one by one reach the member list
    merged, one change a delivery (at most one a frame), never one per join."""
    account_id = sign_in(qtbot, window, fake_server)
    dialog = open_new_room(qtbot, window)
    dialog.fields.name.setText("Crowd")
    dialog.submit()
    conv = ConversationId(account_id, "crowd")
    wait_for(qtbot, lambda: window.pane.conversation == conv)
    fake_server.report("alice", f.MembersChanged("crowd", (Member(conv, "bob", "Bob"),)))
    panel = window.pane.members
    window.pane.header.members_button.setChecked(True)
    wait_for(qtbot, lambda: panel.model.rowCount() == 2 and panel.isVisible())
    select(panel, "bob")
    deliveries: list[int] = []
    window.bridge.events.connect(
        lambda batch: deliveries.append(
            sum(isinstance(e, ev.MembersChanged) and e.conversation_id == conv for e in batch)
        )
    )
    counts = Counts(panel.model)
    for i in range(1000):
        fake_server.report("alice", f.MembersChanged("crowd", (Member(conv, f"guest{i:04d}"),)))
    wait_for(qtbot, lambda: panel.model.rowCount() == 1002, timeout=20000)

    # The list as the store has it, read afresh through the core.
    stored: list[Result[list[Member]]] = []
    window.bridge.call(window.bridge.core.rooms.members(conv), stored.append)
    wait_for(qtbot, lambda: stored)
    assert isinstance(stored[0], Done)
    expected = {m.native_id: m for m in stored[0].value}
    assert len(expected) == 1002
    assert panel.label.text() == "Members (1002)"
    assert "1002 members" in window.pane.header.info.text()
    assert panel.model.members() == reloaded(expected)
    assert selected_id(panel) == "bob"
    frames = sum(1 for n in deliveries if n)
    assert counts.resets + counts.inserted <= frames * BURST < 1000  # merged, not per join
    assert counts.resets <= frames

    # One more joins and one leaves: single rows, drawn in place (looked at).
    counts = Counts(panel.model)
    fake_server.report(
        "alice",
        f.MembersChanged("crowd", (Member(conv, "amy", "Amy", Role.ADMIN),), ("guest0000",)),
    )
    wait_for(qtbot, lambda: panel.model.row_of("amy") >= 0)
    assert (counts.resets, counts.inserted, counts.removed) == (0, 1, 1)
    assert selected_id(panel) == "bob"
    panel.list.scrollToTop()
    save_screenshot(window, "member-list-after-a-join")


def test_a_delivery_with_a_whole_list_among_changes_shows_the_list_then_the_later_changes(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """Events of one delivery: changes before a whole list are moot, those after it apply on
    top of it; the count shown is the last event's."""
    account_id = sign_in(qtbot, window, fake_server)
    dialog = open_new_room(qtbot, window)
    dialog.fields.name.setText("Mixed")
    dialog.submit()
    conv = ConversationId(account_id, "mixed")
    wait_for(qtbot, lambda: window.pane.conversation == conv and window.pane.details is not None)
    ann, bob, cid, dee = (Member(conv, n, n.title()) for n in ("ann", "bob", "cid", "dee"))
    pane = window.pane
    pane.handle_events(
        [
            ev.MembersChanged(conv, upserted=(dee,), complete=False, count=9),
            ev.MembersChanged(conv, (ann, bob)),
            ev.MembersChanged(conv, upserted=(cid,), removed=("bob",), complete=False, count=2),
        ]
    )
    assert [m.native_id for m in pane.members.model.members()] == ["ann", "cid"]
    assert pane.members.label.text() == "Members (2)"
    assert pane.member_count == 2 and "2 members" in pane.header.info.text()
    assert {"Ann", "Cid"} <= set(pane.spelling.composers[0].highlighter.known)
    assert "Bob" not in pane.spelling.composers[0].highlighter.known
