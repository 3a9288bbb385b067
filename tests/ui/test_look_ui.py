"""The window's look (issue 17): faces in the sidebar, header, member list, contact list and
beside grouped messages; each account and conversation saying its service and server; names in
their XEP-0392 colours (readable in every theme, never the only cue); large emoji; the emoji
picker by keyboard; the open conversation kept in view in the sidebar."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyleOptionViewItem,
)
from pytestqt.qtbot import QtBot

from app import facts as f
from app.models import (
    Contact,
    ContactId,
    ConversationId,
    ConversationKind,
    Member,
    Presence,
    PresenceState,
    Role,
)
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import save_screenshot
from tests.ui.helpers import (
    T0,
    add_account_as,
    centre,
    message_face,
    open_conv,
    png,
    press,
    row_face,
    type_text,
    wait_for,
)
from ui.identity_colors import AA_CONTRAST, AAA_CONTRAST, contrast_ratio
from ui.main_window import MainWindow
from ui.models.sidebar_model import ProtocolRole
from ui.widgets.emoji_picker import EmojiPicker
from ui.widgets.message_view import MessageView

GREEN, BLUE, ORANGE = "#10b020", "#2040e0", "#f08000"
GARDEN = "garden@muc.example.org"


def garden(server: FakeServer, account_id: str) -> ConversationId:
    conv = ConversationId(account_id, GARDEN)
    server.report(
        "alice", f.ConversationUpdated(GARDEN, ConversationKind.GROUP, title="Garden club")
    )
    server.report(
        "alice",
        f.MembersChanged(
            GARDEN,
            (Member(conv, "alice"), Member(conv, "dora", role=Role.OWNER), Member(conv, "eve")),
            complete=True,
        ),
    )
    return conv


def say(server: FakeServer, who: str, body: str, minutes: float, conv: str = GARDEN) -> None:
    server.deliver(
        "alice",
        conv,
        body,
        sender=who,
        sender_name=who.capitalize(),
        kind=ConversationKind.GROUP,
        timestamp=T0 + timedelta(minutes=minutes),
    )


def test_faces_in_the_sidebar_header_members_contacts_and_messages(
    qtbot: QtBot, services_window: MainWindow, fake_server: FakeServer
) -> None:
    window = services_window
    account = add_account_as(qtbot, window, fake_server, "xmpp", "alice", "alice@example.org")
    conv = garden(fake_server, account.id)
    say(fake_server, "dora", "Morning!", 0)
    say(fake_server, "eve", "Hello", 1)
    fake_server.report(
        "alice",
        f.ContactsChanged(
            (Contact(ContactId(account.id, "bob@example.org"), "Bob", subscription="both"),),
            complete=True,
        ),
    )
    fake_server.report(
        "alice", f.PresenceChanged("bob@example.org", Presence(PresenceState.AVAILABLE))
    )
    fake_server.avatars.update(room=png(GREEN), bob=png(BLUE), dora=png(ORANGE))
    fake_server.report("alice", f.AvatarChanged(GARDEN, "room"))
    fake_server.report("alice", f.AvatarChanged("bob@example.org", "bob"))
    # A room member's picture (an XMPP occupant): known by nickname inside that room only.
    fake_server.report("alice", f.AvatarChanged("dora", "dora", conversation=GARDEN))
    avatars = window.avatars
    wait_for(
        qtbot,
        lambda: (
            avatars.has_picture(account.id, GARDEN)
            and avatars.has_picture(account.id, "bob@example.org")
            and avatars.has_picture(account.id, "dora", GARDEN)
        ),
    )
    open_conv(qtbot, window, conv, rows=2)

    sidebar = window.sidebar
    room_row = sidebar.proxy.mapFromSource(window.sidebar_model.conversation_index(conv))
    wait_for(qtbot, lambda: row_face(sidebar.delegate, sidebar.tree, room_row) == GREEN)

    header = window.pane.header
    wait_for(qtbot, lambda: centre(header.face.pixmap().toImage()) == GREEN)
    assert header.face.accessibleName() == "Picture of Garden club"

    members = window.pane.members
    dora_row = next(
        members.model.index(r)
        for r in range(members.model.rowCount())
        if members.model.members()[r].native_id == "dora"
    )
    eve_row = next(
        members.model.index(r)
        for r in range(members.model.rowCount())
        if members.model.members()[r].native_id == "eve"
    )
    wait_for(qtbot, lambda: row_face(members.delegate, members.list, dora_row) == ORANGE)
    # Eve has no picture: her initials on her own colour, not someone else's picture.
    assert row_face(members.delegate, members.list, eve_row) not in (GREEN, BLUE, ORANGE)

    view = window.pane.view
    wait_for(qtbot, lambda: message_face(view, 0) == ORANGE)
    assert message_face(view, 1) not in (None, GREEN, BLUE, ORANGE)  # Eve: initials

    window.show_tab(1)
    contacts = window.contact_list
    wait_for(qtbot, lambda: contacts.select_contact(account.id, "bob@example.org"))
    bob_row = contacts.tree.currentIndex()
    wait_for(qtbot, lambda: row_face(contacts.delegate, contacts.tree, bob_row) == BLUE)
    window.show_tab(0)
    save_screenshot(window, "look-faces")


def test_each_account_and_conversation_says_its_service_and_server(
    qtbot: QtBot, services_window: MainWindow, fake_server: FakeServer
) -> None:
    window = services_window
    fake_server.passwords["carol"] = "pw"
    xmpp = add_account_as(qtbot, window, fake_server, "xmpp", "alice", "Home")
    matrix = add_account_as(qtbot, window, fake_server, "matrix", "bob", "Work")
    irc = add_account_as(qtbot, window, fake_server, "irc", "carol", "Libera")
    model = window.sidebar_model
    wait_for(qtbot, lambda: model.rowCount() == 3)
    for row, (account, service) in enumerate(((xmpp, "XMPP"), (matrix, "Matrix"), (irc, "IRC"))):
        index = model.index(row, 0)
        assert index.data(Qt.ItemDataRole.DisplayRole) == account.display_name
        accessible = str(index.data(Qt.ItemDataRole.AccessibleTextRole))
        assert f"{account.display_name}, {service} account at example.org" in accessible
        assert index.data(ProtocolRole) == account.protocol_id
        # Shown too, not only read out: the server beside the name, the service's badge.
        option = QStyleOptionViewItem()
        window.sidebar.tree.initViewItemOption(option)
        proxy_index = window.sidebar.proxy.mapFromSource(index)
        window.sidebar.delegate.initStyleOption(option, proxy_index)
        assert option.text == f"{account.display_name} · example.org"
        assert not option.icon.isNull()

    fake_server.deliver("carol", "#python", "hi", sender="guido", kind=ConversationKind.GROUP)
    conv = ConversationId(irc.id, "#python")
    open_conv(qtbot, window, conv)
    index = model.conversation_index(conv)
    described = str(index.data(Qt.ItemDataRole.AccessibleDescriptionRole))
    assert "IRC, example.org" in described and "Libera" in described
    header = window.pane.header
    assert header.service_icon.accessibleName() == "IRC"
    assert header.service_icon.isVisibleTo(window)
    assert not header.service_icon.pixmap().isNull()
    assert "example.org" in header.service_text.text()
    assert "IRC, example.org" in header.title.accessibleDescription()

    fake_server.deliver("bob", "@erin:example.org", "hey", sender="@erin:example.org")
    direct = ConversationId(matrix.id, "@erin:example.org")
    open_conv(qtbot, window, direct)
    assert header.service_icon.accessibleName() == "Matrix"
    save_screenshot(window, "look-services")


def test_names_in_their_colours_readable_in_every_theme(
    qtbot: QtBot, services_window: MainWindow, fake_server: FakeServer
) -> None:
    window = services_window
    account = add_account_as(qtbot, window, fake_server, "xmpp", "alice", "alice@example.org")
    conv = garden(fake_server, account.id)
    say(fake_server, "dora", "Morning!", 0)
    say(fake_server, "eve", "Hello", 1)
    open_conv(qtbot, window, conv, rows=2)
    avatars = window.avatars
    view = window.pane.view
    members = window.pane.members
    theme = window.theme
    assert theme is not None
    try:
        for name, distinct in (("light", True), ("dark", True), ("high-contrast", False)):
            theme.apply(name, 100)
            QApplication.processEvents()
            palette = view.palette()
            base = palette.color(QPalette.ColorRole.Base)
            # What the view paints its background with is that colour.
            wait_for(qtbot, lambda base=base: background(view) == base.name())
            rgb = (base.redF(), base.greenF(), base.blueF())
            colors = {}
            for who in ("dora", "eve"):
                color = avatars.name_color(account.id, who, palette)
                colors[who] = color.name()
                ratio = contrast_ratio((color.redF(), color.greenF(), color.blueF()), rgb)
                assert ratio >= AA_CONTRAST - 0.01, (name, who, ratio)
            if distinct:  # each person their own colour
                assert colors["dora"] != colors["eve"]
            else:  # high contrast: only the palette's colours, its text colour for names
                text = palette.color(QPalette.ColorRole.Text).name()
                assert colors == {"dora": text, "eve": text}
                assert (
                    contrast_ratio(
                        (QColor(text).redF(), QColor(text).greenF(), QColor(text).blueF()), rgb
                    )
                    >= AAA_CONTRAST
                )
            # The member list writes each name in that colour ...
            for row in range(members.model.rowCount()):
                index = members.model.index(row)
                member = members.model.members()[row]
                option = QStyleOptionViewItem()
                members.list.initViewItemOption(option)
                members.delegate.initStyleOption(option, index)
                expected = avatars.name_color(account.id, member.native_id, palette)
                assert option.palette.color(QPalette.ColorRole.Text) == expected
                # ... and never says it with colour alone: the name is read out and written.
                assert member.name in str(index.data(Qt.ItemDataRole.AccessibleTextRole))
                assert member.name in option.text
            # The message view paints the sender's name in it.
            wait_for(qtbot, lambda c=colors: painted(view, 0, QColor(c["dora"])))
            wait_for(qtbot, lambda c=colors: painted(view, 1, QColor(c["eve"])))
            save_screenshot(window, f"look-names-{name}")
    finally:
        theme.apply("system", 100)


def background(view: MessageView) -> str:
    image = view.viewport().grab().toImage()
    return image.pixelColor(image.width() - 4, image.height() - 4).name()


def painted(view: MessageView, row: int, color: QColor) -> bool:
    """Some pixels of the row's header (sender, time) are ``color``."""
    index = view.model().index(row, 0)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    layout = view.message_delegate.layout_for(option, index)
    assert layout is not None and layout.header is not None
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    rect = layout.header.translated(option.rect.topLeft())
    hits = 0
    for y in range(round(rect.top() * ratio), round(rect.bottom() * ratio)):
        for x in range(round(rect.left() * ratio), round((rect.left() + 120) * ratio)):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - color.red()) <= 12
                and abs(pixel.green() - color.green()) <= 12
                and abs(pixel.blue() - color.blue()) <= 12
            ):
                hits += 1
    return hits >= 3


def test_grouped_messages_show_the_face_once_and_emoji_only_messages_large(
    qtbot: QtBot, services_window: MainWindow, fake_server: FakeServer
) -> None:
    window = services_window
    account = add_account_as(qtbot, window, fake_server, "xmpp", "alice", "alice@example.org")
    conv = garden(fake_server, account.id)
    say(fake_server, "dora", "Morning!", 0)
    say(fake_server, "dora", "Anyone up?", 1)
    say(fake_server, "dora", "🎉🌱", 2)
    say(fake_server, "dora", "Later then", 12)  # more than five minutes on: a new group
    open_conv(qtbot, window, conv, rows=4)
    view = window.pane.view
    faces = [message_face(view, row) is not None for row in range(4)]
    assert faces == [True, False, False, True]

    delegate = view.message_delegate
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)

    def layout(row: int) -> object:
        index = view.model().index(row, 0)
        option.rect = view.visualRect(index)
        return delegate.layout_for(option, index)

    plain, emoji_only = layout(1), layout(2)
    assert plain is not None and emoji_only is not None
    plain_size = plain.document.defaultFont().pointSizeF()  # type: ignore[attr-defined]
    big_size = emoji_only.document.defaultFont().pointSizeF()  # type: ignore[attr-defined]
    assert big_size >= 2 * plain_size
    assert emoji_only.body.height() >= 1.8 * plain.body.height()  # type: ignore[attr-defined]
    spoken = str(view.model().index(2, 0).data(Qt.ItemDataRole.AccessibleTextRole))
    assert "🎉🌱" in spoken
    # Words around emoji keep the normal size.
    say(fake_server, "dora", "yay 🎉", 13)
    wait_for(qtbot, lambda: view.model().rowCount() == 5)
    mixed = layout(4)
    assert mixed.document.defaultFont().pointSizeF() == plain_size  # type: ignore[attr-defined]
    save_screenshot(window, "look-grouped")


def test_emoji_picker_by_keyboard_with_recent_emoji(
    qtbot: QtBot, services_window: MainWindow, fake_server: FakeServer
) -> None:
    window = services_window
    account = add_account_as(qtbot, window, fake_server, "xmpp", "alice", "alice@example.org")
    fake_server.deliver("alice", "bob@example.org", "hi", sender="bob@example.org")
    open_conv(qtbot, window, ConversationId(account.id, "bob@example.org"), rows=1)
    area = window.pane.composer_area
    assert area.emoji_button.accessibleName() == "Insert emoji"
    area.composer.setFocus()
    wait_for(qtbot, lambda: QApplication.focusWidget() is area.composer)
    press(qtbot, Qt.Key.Key_Semicolon, Qt.KeyboardModifier.ControlModifier)
    wait_for(qtbot, lambda: area.emoji_picker is not None and area.emoji_picker.isVisible())
    picker = area.emoji_picker
    assert picker is not None
    assert picker.accessibleName() == "Insert emoji"
    wait_for(qtbot, lambda: QApplication.focusWidget() is picker.search)
    assert picker.search.accessibleName() == "Search emoji"
    assert not picker.recent_view.isVisible()  # nothing used yet
    type_text(qtbot, "thumbs up")
    press(qtbot, Qt.Key.Key_Down)
    wait_for(qtbot, lambda: QApplication.focusWidget() is picker.results)
    assert picker.results.accessibleName() == "Emoji"
    current = picker.results.currentIndex()
    assert current.data(Qt.ItemDataRole.AccessibleTextRole) == "thumbs up"
    press(qtbot, Qt.Key.Key_Return)
    wait_for(qtbot, lambda: area.emoji_picker is None)
    assert area.composer.toPlainText() == "👍"
    wait_for(qtbot, lambda: window.preferences.get("ui.recent_emoji") == ["👍"])

    # Again: the recent one is offered first, and reached with Tab from the search.
    area.open_emoji_picker()
    picker = area.emoji_picker
    assert picker is not None
    wait_for(qtbot, picker.recent_view.isVisible)
    wait_for(qtbot, lambda: QApplication.focusWidget() is picker.search)
    press(qtbot, Qt.Key.Key_Tab)  # from the search to the recent ones
    assert QApplication.focusWidget() is picker.recent_view
    assert picker.recent_view.accessibleName() == "Recently used emoji"
    recent = picker.recent_view.model().index(0, 0)
    assert recent.data(Qt.ItemDataRole.AccessibleTextRole) == "thumbs up"
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is picker.search
    type_text(qtbot, "zzzz-no-such-emoji")
    wait_for(qtbot, picker.empty.isVisible)
    assert not picker.recent_view.isVisible()
    press(qtbot, Qt.Key.Key_Escape)
    wait_for(qtbot, lambda: area.emoji_picker is None)
    assert area.composer.toPlainText() == "👍"


def test_the_sidebar_keeps_the_open_conversation_in_view(
    qtbot: QtBot, services_window: MainWindow, fake_server: FakeServer
) -> None:
    window = services_window
    window.resize(900, 420)
    account = add_account_as(qtbot, window, fake_server, "irc", "alice", "Libera")
    for i in range(30):
        say(fake_server, "guido", f"line {i}", i, conv=f"#room{i}")
    model = window.sidebar_model
    wait_for(qtbot, lambda: len(model.conversations_of(account.id)) == 30)
    tree = window.sidebar.tree

    def shown(conv: ConversationId) -> bool:
        index = window.sidebar.proxy.mapFromSource(model.conversation_index(conv))
        return tree.visualRect(index).intersects(tree.viewport().rect())

    # The newest is on top: open one near the bottom of what is shown.
    rows_shown = [c.id for c in model.conversations_of(account.id) if shown(c.id)]
    assert 4 <= len(rows_shown) < 30
    chosen = rows_shown[-1]
    window.sidebar.select_conversation(chosen)
    wait_for(qtbot, lambda: window.pane.details is not None)
    # Writing in the composer (in the list, the order holds still, see test_accessibility_ui).
    window.activateWindow()
    window.pane.composer_area.composer.setFocus()
    wait_for(qtbot, lambda: QApplication.focusWidget() is window.pane.composer_area.composer)
    QApplication.sendEvent(tree.viewport(), QEvent(QEvent.Type.Leave))
    # Others get busy: each moves to the top and pushes the open one down.
    for i, conv_id in enumerate(c.id for c in model.conversations_of(account.id)[-10:]):
        say(fake_server, "tim", "bump", 100 + i, conv=conv_id.native_id)
        wait_for(
            qtbot,
            lambda conv_id=conv_id: model.conversations_of(account.id)[0].id == conv_id,  # type: ignore[misc]
        )
        wait_for(qtbot, lambda: shown(chosen))
    assert window.sidebar.current_conversation() == chosen
    assert window.pane.details is not None and window.pane.details.conversation.id == chosen


def test_emoji_picker_enter_repeats_the_last_one_and_may_take_words(qtbot: QtBot) -> None:
    picked: list[str] = []
    picker = EmojiPicker(["🎉", "👍"], title="React", allow_text=True)
    qtbot.addWidget(picker)
    picker.picked.connect(picked.append)
    picker.show()
    assert picker.accessibleName() == "React"
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picked == ["🎉"]  # nothing typed: the one used last
    picker = EmojiPicker([], allow_text=True)
    qtbot.addWidget(picker)
    picker.picked.connect(picked.append)
    picker.show()
    qtbot.keyClicks(picker.search, "lgtm")  # no emoji by that name: the word itself
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picked == ["🎉", "lgtm"]
    strict = EmojiPicker([])
    qtbot.addWidget(strict)
    strict.picked.connect(picked.append)
    strict.show()
    qtbot.keyClicks(strict.search, "lgtm")
    qtbot.keyClick(strict.search, Qt.Key.Key_Return)
    assert picked == ["🎉", "lgtm"] and strict.isVisible()  # the composer inserts only emoji
