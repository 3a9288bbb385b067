"""Take the AppStream screenshots from the real window, rendered offscreen.

    .venv/bin/python packaging/make_screenshots.py      # rewrites packaging/screenshots/*.png

The window, its models and the core are the app's own; only the network is the tests' fake
service (tests/fakes), posing as XMPP, Matrix and IRC accounts with a few conversations, so the
pictures show what a person sees without a server. tests/packaging runs this into a temporary
folder to keep it working.
"""

# ruff: noqa: E402  (the checkout goes on sys.path first, so this runs as a plain script)

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEventLoop,
    QLocale,
    QPoint,
    QRectF,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter
from PySide6.QtWidgets import QApplication, QDialog

from app import facts as f
from app.backend import RoomOptions
from app.models import (
    Account,
    Contact,
    ContactId,
    ConversationId,
    ConversationKind,
    Member,
    Presence,
    PresenceState,
    Role,
)
from app.runtime import CoreThread
from chinwag.testing import MemorySecretStore
from tests.fakes.core_harness import make_core
from tests.fakes.fake_backend import FakeServer
from ui.application import I18N_DIR, create_app
from ui.bridge import CoreBridge
from ui.english_fallback import LeftToRightFallback
from ui.main_window import MainWindow

SCREENSHOTS = HERE / "screenshots"
SIZE = (1280, 760)
# name → caption, in the order of the metainfo file
SHOTS = {
    "group-conversation": "A group conversation, with its members",
    "direct-conversation": "Talking with one person; accounts on three services in the sidebar",
    "first-run": "The first start: add an account on any service",
    "contacts": "Contacts of every account, by group, with their presence in words",
    "new-room": "Creating a room: only what the service can do is asked",
    "room-settings": "Running a room: its settings, people's roles and the ban list",
    "emoji-picker": "The emoji picker: search by name, recently used first",
    "activity": "One inbox for every account: mentions, direct messages and requests",
    "dark-theme": "The dark theme: names keep their colours, readable on the background",
    "high-contrast": "The high-contrast theme",
    "right-to-left": "Right to left under Arabic: each message keeps its own direction",
}
PROTOCOLS = {"xmpp": "XMPP", "matrix": "Matrix", "irc": "IRC"}


def picture(top: str, bottom: str, disc: str) -> bytes:
    """A made-up profile picture (a gradient with a sun or a moon), as PNG bytes: the pictures
    come from the fake service like any service's, through the app's own avatar path."""
    image = QImage(96, 96, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    gradient = QLinearGradient(0, 0, 0, 96)
    gradient.setColorAt(0, QColor(top))
    gradient.setColorAt(1, QColor(bottom))
    painter.fillRect(0, 0, 96, 96, gradient)
    painter.setPen(QColor(0, 0, 0, 0))
    painter.setBrush(QColor(disc))
    painter.drawEllipse(QRectF(30, 22, 36, 36))
    painter.setBrush(QColor(bottom).darker(160))
    painter.drawRect(0, 70, 96, 26)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def make_screenshots(out_dir: Path = SCREENSHOTS) -> list[Path]:  # noqa: PLR0915
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    app = QApplication.instance() or create_app(sys.argv[:1])
    assert isinstance(app, QApplication)

    def wait_until(ready: Callable[[], bool], timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not ready():
            if time.monotonic() > deadline:
                raise TimeoutError("the window did not get there in time")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.005)

    def settle(seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.005)

    def shoot(window: MainWindow, name: str) -> Path:
        settle()
        path = out_dir / f"{name}.png"
        if not window.grab().save(str(path), "PNG"):
            raise SystemExit(f"could not write {path}")
        return path

    def shoot_over(window: MainWindow, dialog: QDialog, name: str) -> Path:
        """The window with a dialog over it, as a person sees them (two windows, one image)."""
        settle()
        picture = window.grab()
        painter = QPainter(picture)
        shown = dialog.grab()
        painter.drawPixmap(
            QPoint(
                (picture.width() - shown.width()) // 2, (picture.height() - shown.height()) // 3
            ),
            shown,
        )
        painter.end()
        path = out_dir / f"{name}.png"
        if not picture.save(str(path), "PNG"):
            raise SystemExit(f"could not write {path}")
        return path

    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="chinwag-shots-") as tmp:
        server = FakeServer(passwords={"alice": "pw", "alice.m": "pw", "alice_irc": "pw"})
        posing = tuple(
            type(
                f"Fake{name}",
                (server.backend_class(),),
                {"protocol_id": pid, "display_name": name},
            )
            for pid, name in PROTOCOLS.items()
        )
        secrets = MemorySecretStore()

        def core() -> CoreThread:
            return CoreThread(lambda: make_core(Path(tmp), server, secrets, extra_classes=posing))

        runner = core()
        runner.start()
        bridge = CoreBridge(runner)
        window = MainWindow(bridge)
        window.resize(*SIZE)
        window.show()
        bridge.start()
        wait_until(lambda: window.pages.currentIndex() == MainWindow.PAGE_FIRST_RUN)
        written.append(shoot(window, "first-run"))

        def add(protocol: str, user: str, name: str) -> Account:
            done: list[object] = []
            bridge.call(
                bridge.core.accounts.add_account(
                    protocol,
                    {"user": user, "server": "example.org"},
                    {"password": "pw"},
                    display_name=name,
                ),
                done.append,
            )
            wait_until(lambda: user in server.online)
            wait_until(lambda: bool(done))
            account = getattr(done[0], "value", None)
            assert isinstance(account, Account)
            return account

        xmpp = add("xmpp", "alice", "alice@example.org")
        matrix = add("matrix", "alice.m", "@alice:example.org")
        add("irc", "alice_irc", "alice on irc.example.net")
        start = datetime.now().astimezone().replace(hour=9, minute=0, second=0, microsecond=0)
        garden = "garden@conference.example.org"
        pictures = {
            ("alice", "bob@example.org", ""): picture("#4a90d9", "#d7ecff", "#ffd54a"),
            ("alice", "bernadette", garden): picture("#f6a96b", "#fde3c8", "#ffffff"),
            ("alice", "bernadette@example.org", ""): picture("#f6a96b", "#fde3c8", "#ffffff"),
            ("alice", garden, ""): picture("#3f9b4f", "#c9efcf", "#f7e36b"),
            ("alice.m", "@erin:example.org", ""): picture("#23235b", "#6c63b5", "#f2f2f2"),
            ("alice.m", "!chinwag:example.org", ""): picture("#e0457b", "#ffd0e0", "#fff3a0"),
        }
        for i, ((user, entity, room), data) in enumerate(pictures.items()):
            server.avatars[f"pic{i}"] = data
            server.report(user, f.AvatarChanged(entity, f"pic{i}", conversation=room))

        def lines(
            user: str, conv: str, kind: ConversationKind, said: list[tuple[str, str]]
        ) -> None:
            for i, (sender, body) in enumerate(said):
                server.deliver(
                    user,
                    conv,
                    body,
                    sender=sender,
                    sender_name=sender.split("@")[0].capitalize(),
                    kind=kind,
                    timestamp=start + timedelta(minutes=3 * i),
                )

        server.report(
            "alice",
            f.ConversationUpdated(
                garden,
                ConversationKind.GROUP,
                title="Garden club",
                topic="Seed swap on Saturday 🌱",
            ),
        )
        conv = ConversationId(xmpp.id, garden)
        server.report(
            "alice",
            f.MembersChanged(
                garden,
                (
                    Member(conv, "alice", role=Role.MEMBER),
                    Member(conv, "bernadette", role=Role.OWNER),
                    Member(conv, "bertrand", role=Role.MODERATOR),
                    Member(conv, "charlie"),
                    Member(conv, "dora"),
                ),
                complete=True,
            ),
        )
        lines(
            "alice",
            garden,
            ConversationKind.GROUP,
            [
                ("bernadette", "Morning all! Who is coming to the seed swap on Saturday?"),
                ("bertrand", "I'll be there, with far too many tomato seedlings 🍅"),
                ("bertrand", "Anyone want some? They are free to a good home"),
                ("charlie", "Count me in. Does anyone have spare runner beans?"),
                ("dora", "I do — purple ones, they climb like mad"),
                (
                    "bernadette",
                    "Lovely. Bring a label for everything, please: last year we "
                    "had three mystery squashes.",
                ),
                ("alice", "I'll bring the trestle table and the tea urn ☕"),
            ],
        )
        lines(
            "alice",
            "bob@example.org",
            ConversationKind.DIRECT,
            [
                ("bob@example.org", "Are we still on for the climbing wall tonight?"),
                ("alice", "Yes! 7 o'clock at the usual place?"),
                ("bob@example.org", "Perfect. I found my old chalk bag, so no excuses now 😄"),
                ("alice", "Ha. Then I'll book the lane for two hours."),
                ("bob@example.org", "Great, see you there"),
                ("bob@example.org", "🧗‍♀️🎉"),
            ],
        )
        lines(
            "alice.m",
            "!chinwag:example.org",
            ConversationKind.GROUP,
            [
                ("@erin:example.org", "The new release is out!"),
                ("@erin:example.org", "Avatars everywhere, and an emoji picker 🎉"),
                ("@frank:example.org", "Nice, the search is so much faster now"),
            ],
        )
        server.report(
            "alice.m",
            f.ConversationUpdated(
                "!chinwag:example.org", ConversationKind.GROUP, title="Chinwag users"
            ),
        )
        lines(
            "alice_irc",
            "#python",
            ConversationKind.GROUP,
            [
                ("guido", "anyone tried the new pattern matching tricks?"),
                ("tim", "only in production 😇"),
            ],
        )
        wait_until(lambda: len(window.sidebar_model.conversations_of(matrix.id)) == 1)
        wait_until(lambda: len(window.sidebar_model.conversations_of(xmpp.id)) == 2)

        window.show_conversation(conv)
        wait_until(lambda: window.pane.model.rowCount() >= 7)
        wait_until(
            lambda: (
                window.avatars.has_picture(xmpp.id, garden)
                and window.avatars.has_picture(xmpp.id, "bernadette", garden)
                and window.avatars.has_picture(matrix.id, "!chinwag:example.org")
            )
        )
        window.pane.header.members_button.click()
        written.insert(0, shoot(window, "group-conversation"))
        window.pane.header.members_button.click()

        window.show_conversation(ConversationId(xmpp.id, "bob@example.org"))
        wait_until(lambda: window.pane.model.rowCount() >= 6)
        window.pane.composer_area.composer.setPlainText("On my way!")
        written.insert(1, shoot(window, "direct-conversation"))
        composer_area = window.pane.composer_area
        composer_area.set_recent_emoji(["👍", "😂", "🎉", "❤️", "🌱", "☕"])
        composer_area.open_emoji_picker()
        picker = composer_area.emoji_picker
        assert picker is not None
        picker.search.setText("heart")
        emoji_shot = shoot_over(window, picker, "emoji-picker")
        picker.reject()
        composer_area.composer.setPlainText("")

        # Contacts: presence, status, groups, a request still waiting, someone blocked.
        def person(
            account: Account, address: str, name: str, groups: tuple[str, ...] = (), **kw: object
        ) -> Contact:
            sub = str(kw.pop("subscription", "both"))
            return Contact(ContactId(account.id, address), name, groups=groups, subscription=sub)

        irc = next(a for a in window.sidebar_model.accounts() if a.protocol_id == "irc")
        server.report(
            "alice",
            f.ContactsChanged(
                (
                    person(xmpp, "bob@example.org", "Bob", ("Climbing",)),
                    person(xmpp, "bernadette@example.org", "Bernadette", ("Garden club",)),
                    person(xmpp, "charlie@example.org", "Charlie", ("Garden club", "Family")),
                    person(xmpp, "dora@example.org", "Dora", ("Family",)),
                    person(xmpp, "erin@example.org", "Erin", subscription="none+ask"),
                ),
                complete=True,
            ),
        )
        for who, presence in (
            ("bob@example.org", Presence(PresenceState.AVAILABLE, "At the wall 🧗")),
            ("bernadette@example.org", Presence(PresenceState.AWAY, "In the greenhouse")),
            ("charlie@example.org", Presence(PresenceState.DO_NOT_DISTURB, "Exams")),
        ):
            server.report("alice", f.PresenceChanged(who, presence))
        server.report(
            "alice_irc",
            f.ContactsChanged(
                (person(irc, "guido", "guido", subscription=""),),
                complete=True,
            ),
        )
        server.report("alice_irc", f.PresenceChanged("guido", Presence(PresenceState.AVAILABLE)))
        window.show_tab(1)
        wait_until(lambda: len(window.contact_model.contacts(xmpp.id)) == 5)
        window.contact_list.select_contact(xmpp.id, "bob@example.org")
        written.append(shoot(window, "contacts"))
        window.show_tab(0)

        window.show_conversation(conv)
        wait_until(lambda: window.pane.model.rowCount() >= 6)
        dialog = window.people.new_room(xmpp.id)
        wait_until(dialog.create_button.isEnabled)
        dialog.fields.name.setText("Seed swap 2026")
        dialog.fields.topic.setText("Who brings what on Saturday")
        dialog.fields.invite.setText("bob@example.org, dora@example.org")
        written.append(shoot_over(window, dialog, "new-room"))
        dialog.reject()

        done_creating: list[object] = []
        bridge.call(
            bridge.core.rooms.create_room(
                xmpp.id, options=RoomOptions(name="Seed swap 2026", invite_only=True)
            ),
            done_creating.append,
        )
        wait_until(lambda: bool(done_creating))
        seeds = ConversationId(xmpp.id, "seed-swap-2026")
        server.report(
            "alice",
            f.MembersChanged(
                "seed-swap-2026",
                (
                    Member(seeds, "alice", role=Role.OWNER),
                    Member(seeds, "bernadette", role=Role.ADMIN),
                    Member(seeds, "dora", role=Role.MODERATOR),
                    Member(seeds, "charlie"),
                ),
                complete=True,
            ),
        )
        server.bans["seed-swap-2026"] = ["spammer@bad.example"]
        window.show_conversation(seeds)
        wait_until(
            lambda: window.pane.details is not None and len(window.pane.details.members) == 4
        )
        settings = window.people.room_settings(seeds, "Seed swap 2026", window.pane.details.members)
        wait_until(lambda: settings.settings is not None and settings.pending == 0)
        written.append(shoot_over(window, settings, "room-settings"))
        settings.reject()
        written.append(emoji_shot)

        # The activity inbox: a mention on Matrix, a direct message on IRC, a request on XMPP.
        server.deliver(
            "alice.m",
            "!chinwag:example.org",
            "@alice could you try the new build on Windows?",
            sender="@erin:example.org",
            sender_name="Erin",
            kind=ConversationKind.GROUP,
            mentions_me=True,
        )
        server.deliver(
            "alice_irc", "tim", "are you around for the release?", sender="tim", sender_name="tim"
        )
        server.report(
            "alice", f.SubscriptionRequested("fred@example.org", "Fred", "From the garden club")
        )
        wait_until(lambda: len(window.requests.requests) == 1)
        inbox = window.activity.show()
        wait_until(lambda: inbox.model.rowCount() >= 3)
        written.append(shoot_over(window, inbox, "activity"))
        inbox.reject()

        window.show_conversation(conv)
        wait_until(lambda: window.pane.model.rowCount() >= 7)
        window.pane.header.members_button.click()
        for theme, name in (("dark", "dark-theme"), ("high-contrast", "high-contrast")):
            if window.theme is not None:
                window.theme.apply(theme, 100)
            written.append(shoot(window, name))
        if window.theme is not None:
            window.theme.apply("system", 100)

        # Right to left, as under an Arabic locale (ui.application sets the direction from the locale),
        # with Arabic and English side by side in one conversation.
        server.deliver(
            "alice",
            garden,
            "صباح الخير! سأحضر بذور الطماطم يوم السبت 🍅\nSee you at the seed swap",
            sender="layla",
            sender_name="ليلى",
            kind=ConversationKind.GROUP,
            timestamp=start + timedelta(minutes=40),
        )
        server.deliver(
            "alice",
            garden,
            "Lovely, Layla! شكرا",
            sender="bernadette",
            sender_name="Bernadette",
            kind=ConversationKind.GROUP,
            timestamp=start + timedelta(minutes=42),
        )
        wait_until(lambda: window.pane.model.rowCount() >= 9)
        window.close()
        bridge.close()
        runner.stop()

        # The app started again under the Arabic locale, as ui.application makes its window there:
        # mirrored, its English words each kept left to right (there is no Arabic catalogue).
        QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        english = QTranslator(app)
        english.load("chinwag_en", str(I18N_DIR))
        fallback = LeftToRightFallback(app, [], english)
        app.installTranslator(fallback)
        runner = core()
        runner.start()
        bridge = CoreBridge(runner)
        try:
            window = MainWindow(bridge)
            window.resize(*SIZE)
            window.show()
            bridge.start()
            wait_until(lambda: window.pages.currentIndex() == MainWindow.PAGE_CHAT)
            window.show_conversation(conv)
            wait_until(lambda: window.pane.model.rowCount() >= 9)
            window.pane.header.members_button.click()
            written.append(shoot(window, "right-to-left"))
            window.close()
        finally:
            app.removeTranslator(fallback)
            app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
            bridge.close()
            runner.stop()
    return written


if __name__ == "__main__":
    for path in make_screenshots():
        print(path.relative_to(ROOT))
