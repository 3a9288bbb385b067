"""Link previews in the window: off by default, a card under the message once turned on (image,
site, title, description), read by a screen reader, opening the link; never asked for in an
encrypted conversation; a preview image claiming to be enormous is not decoded."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import facts as f
from app.core import PREF_LINK_PREVIEWS
from app.models import ConversationId, ConversationKind, LinkPreview
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import run_core, save_screenshot
from tests.ui.helpers import open_conv, sign_in
from tests.ui.helpers import wait_for as wait_for_5s
from tests.ui.test_messages_ui import click_part, layout_and_rect
from ui.main_window import MainWindow

URL = "https://example.org/tea"


def wait_for(qtbot: QtBot, predicate: Callable[[], object]) -> None:
    wait_for_5s(qtbot, predicate, timeout=20_000)


def png(width: int, height: int, *, claimed: tuple[int, int] | None = None) -> bytes:
    """A PNG of ``width`` × ``height`` whose header may claim another size."""
    rows = b"".join(b"\x00" + b"\x30\x90\x50" * width for _ in range(height))
    w, h = claimed or (width, height)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    head = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", head)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def setup(qtbot: QtBot, window: MainWindow, server: FakeServer, image: bytes) -> str:
    server.previews[URL] = LinkPreview(
        URL, "All about tea", "Green, black and oolong, brewed right.", "Example", "mxc://x/tea"
    )
    server.preview_images["mxc://x/tea"] = image
    return sign_in(qtbot, window, server)


def test_a_link_preview_card_when_turned_on(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    account_id = setup(qtbot, window, fake_server, png(48, 32))
    fake_server.deliver("alice", "#tea", f"look: {URL}", sender="bob", kind=ConversationKind.GROUP)
    conv = ConversationId(account_id, "#tea")
    open_conv(qtbot, window, conv, rows=1)
    qtbot.wait(200)
    assert not [c for c in fake_server.calls if c[0] == "preview"]  # off by default

    run_core(qtbot, window.bridge, window.bridge.core.preferences.set(PREF_LINK_PREVIEWS, True))
    fake_server.deliver("alice", "#tea", f"again {URL}", sender="bob", kind=ConversationKind.GROUP)
    pane = window.pane
    wait_for(qtbot, lambda: pane.model.rowCount() == 2)
    wait_for(qtbot, lambda: pane.model.preview_of(pane.model.message(1)) is not None)
    preview = pane.model.preview_of(pane.model.message(1))
    assert preview is not None and preview.image_path  # the thumbnail is on disk
    spoken = pane.model.index(1).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "link preview, Example, All about tea, Green, black and oolong, brewed right." in spoken
    layout, _rect = layout_and_rect(window, 1)
    assert layout is not None and layout.preview is not None
    assert pane.view.message_delegate._preview_pixmap(preview.image_path) is not None
    save_screenshot(window, "link-preview")

    opened: list[Any] = []
    monkeypatch.setattr("ui.message_actions.QDesktopServices.openUrl", opened.append)
    click_part(qtbot, window, 1, layout.preview.center())
    wait_for(qtbot, lambda: opened)
    assert opened[0].toString() == URL
    # A second message with the same link asks the service once.
    fake_server.deliver("alice", "#tea", f"and {URL}", sender="bob", kind=ConversationKind.GROUP)
    wait_for(qtbot, lambda: pane.model.rowCount() == 3)
    wait_for(qtbot, lambda: pane.model.preview_of(pane.model.message(2)) is not None)
    assert [c for c in fake_server.calls if c[0] == "preview"] == [("preview", (URL,))]


def test_no_preview_in_an_encrypted_conversation_and_no_bomb_decoded(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    # The image claims to be 60,000 × 60,000 pixels (its data is 4 × 4).
    account_id = setup(qtbot, window, fake_server, png(4, 4, claimed=(60_000, 60_000)))
    run_core(qtbot, window.bridge, window.bridge.core.preferences.set(PREF_LINK_PREVIEWS, True))
    fake_server.report(
        "alice", f.ConversationUpdated("#secret", ConversationKind.GROUP, encrypted=True)
    )
    fake_server.deliver(
        "alice", "#secret", f"psst {URL}", sender="bob", kind=ConversationKind.GROUP
    )
    fake_server.deliver("alice", "#open", f"see {URL}", sender="bob", kind=ConversationKind.GROUP)
    open_conv(qtbot, window, ConversationId(account_id, "#open"), rows=1)
    pane = window.pane
    wait_for(qtbot, lambda: pane.model.preview_of(pane.model.message(0)) is not None)
    preview = pane.model.preview_of(pane.model.message(0))
    assert preview is not None
    assert pane.view.message_delegate._preview_pixmap(preview.image_path) is None  # not decoded
    layout, _rect = layout_and_rect(window, 0)
    assert layout is not None and layout.preview is not None  # the card, without its image
    calls = len([c for c in fake_server.calls if c[0] == "preview"])
    open_conv(qtbot, window, ConversationId(account_id, "#secret"), rows=1)
    qtbot.wait(300)
    assert pane.model.preview_of(pane.model.message(0)) is None
    assert len([c for c in fake_server.calls if c[0] == "preview"]) == calls
