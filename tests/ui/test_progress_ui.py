"""Long work shows progress while it runs and stops showing it when done: an upload from the
composer, an attachment's download, a service's own long task, and an account export.

The fake service holds a transfer half way (``FakeServer.hold``) so the test can look at what
is shown meanwhile."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import facts as f
from app.models import Attachment, ConversationId
from tests.fakes.fake_backend import FakeServer
from tests.ui.helpers import T0, focus, open_conv, press, room, sign_in, wait_for
from tests.ui.test_messages_ui import click_part, layout_and_rect
from ui.main_window import MainWindow
from ui.models.sidebar_model import IdRole


def test_upload_from_the_composer_shows_progress_until_sent(
    qtbot: QtBot,
    window: MainWindow,
    fake_server: FakeServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account_id = sign_in(qtbot, window, fake_server)
    room(fake_server, "alice", "#garden", [("carol", "send the plan?")])
    open_conv(qtbot, window, ConversationId(account_id, "#garden"), rows=1)
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(b"%PDF" + b"x" * 996)
    monkeypatch.setattr(
        "ui.conversation_pane.QFileDialog.getOpenFileNames", lambda *a, **k: ([str(plan)], "")
    )
    area = window.pane.composer_area
    wait_for(qtbot, area.attach_button.isEnabled)
    assert not area.progress_label.isVisibleTo(window)
    fake_server.hold = threading.Event()
    area.composer.setFocus()
    window.activateWindow()
    wait_for(qtbot, lambda: focus(qtbot) is area.composer)
    press(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # A&ttach…
    wait_for(qtbot, lambda: area.progress_label.isVisibleTo(window))
    assert area.progress_label.text() == "Uploading plan.pdf 50%"
    assert area.progress_label.accessibleName() == "Upload progress"
    assert not fake_server.sent
    fake_server.hold.set()
    wait_for(qtbot, lambda: len(fake_server.sent) == 1)
    wait_for(qtbot, lambda: not area.progress_label.isVisibleTo(window))
    assert fake_server.sent[0].message.attachments[0].filename == "plan.pdf"
    assert area.progress_label.text() == ""


def test_download_progress_is_written_on_the_attachment(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    url = "https://files.fake.local/minutes.txt"
    fake_server.files[url] = b"m" * 2048
    account_id = sign_in(qtbot, window, fake_server)
    fake_server.deliver(
        "alice",
        "bob",
        "the minutes",
        sender="bob",
        attachments=(Attachment(url, "minutes.txt", "text/plain", 2048),),
    )
    open_conv(qtbot, window, ConversationId(account_id, "bob"), rows=1)
    layout, _ = layout_and_rect(window, 0)
    assert layout.attachments[0][2] == "File: minutes.txt (2.0 KB) — Download"
    fake_server.hold = threading.Event()
    click_part(qtbot, window, 0, layout.attachments[0][1].center())
    wait_for(qtbot, lambda: "downloading 50%" in layout_and_rect(window, 0)[0].attachments[0][2])
    assert layout_and_rect(window, 0)[0].attachments[0][2] == (
        "File: minutes.txt (2.0 KB) — downloading 50%"
    )
    access = window.pane.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "attachments, minutes.txt, downloading 50%" in access
    fake_server.hold.set()
    wait_for(qtbot, lambda: layout_and_rect(window, 0)[0].attachments[0][2].endswith("— Open"))
    access = window.pane.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "attachments, minutes.txt, downloaded" in access


def test_a_services_long_task_shows_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    sign_in(qtbot, window, fake_server)
    bar = window.statusBar()
    fake_server.report("alice", f.Progress("sync", "Syncing", 5, 10))
    wait_for(qtbot, lambda: bar.currentMessage() == "alice: Syncing 5 of 10")
    fake_server.report("alice", f.Progress("keys", "Downloading keys", 3))  # total unknown
    wait_for(qtbot, lambda: bar.currentMessage() == "alice: Downloading keys (3)")
    fake_server.report("alice", f.Progress("keys", "Downloading keys", 3, 3))
    # One finished, the other still runs: it is shown again.
    wait_for(qtbot, lambda: bar.currentMessage() == "alice: Syncing 5 of 10")
    fake_server.report("alice", f.Progress("sync", "Syncing", 10, 10))
    wait_for(qtbot, lambda: bar.currentMessage() == "alice: Syncing done")
    assert window.running == {}


def write_export(path: Path, messages: int) -> None:
    """An account export (as Chinwag writes them) with this many messages in one room."""
    with path.open("w", encoding="utf-8") as out:
        header = {
            "type": "chinwag-account-export",
            "version": 1,
            "account_id": "old",
            "protocol_id": "fake",
            "display_name": "archive",
            "settings": {"user": "zed"},
        }
        out.write(json.dumps(header) + "\n")
        conv = {"type": "conversation", "native_id": "#attic", "kind": "group", "title": "Attic"}
        out.write(json.dumps(conv) + "\n")
        for i in range(messages):
            record = {
                "type": "message",
                "conversation": "#attic",
                "local_id": f"m{i}",
                "remote_id": f"r{i}",
                "sender": "zed",
                "timestamp": (T0 + timedelta(seconds=i)).isoformat(),
                "body": f"line {i}",
            }
            out.write(json.dumps(record) + "\n")


def test_export_progress_is_shown_and_cleared_when_done(
    qtbot: QtBot,
    window: MainWindow,
    fake_server: FakeServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The core reports an export every 10,000 messages, with no total: the status bar shows
    the count and, when the export has finished, no longer says it is exporting."""
    source = tmp_path / "old.jsonl"
    write_export(source, 10_050)
    monkeypatch.setattr(
        "ui.archive_actions.QFileDialog.getOpenFileName", lambda *a, **k: (str(source), "")
    )
    window.import_history()
    wait_for(qtbot, lambda: any("History imported" in n for n in window.notices.notices), 20000)
    account_id = window.sidebar_model.account_ids()[0]
    proxy = window.sidebar.proxy
    window.sidebar.tree.setCurrentIndex(proxy.index(0, 0))
    assert window.sidebar.tree.currentIndex().data(IdRole) == account_id

    shown: list[str] = []
    bar = window.statusBar()
    bar.messageChanged.connect(shown.append)
    target = tmp_path / "again.jsonl"
    monkeypatch.setattr(
        "ui.archive_actions.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "")
    )
    window.export_account()
    wait_for(qtbot, lambda: any("History exported" in n for n in window.notices.notices), 20000)
    assert "archive: Exporting (10000)" in shown
    assert bar.currentMessage() == ""  # not "Exporting" forever
    assert window.running == {}
    assert len(target.read_text().splitlines()) == 2 + 10_050
