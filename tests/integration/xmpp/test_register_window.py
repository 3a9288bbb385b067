"""The window makes an XMPP account for real: the account dialog with only an address and a
password, "Create account", the server found through DNS SRV (dnsmasq) and registration on
Prosody; the new account then signs in from the window, and again from an independent client."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from app import events as ev
from app.backend import NetworkSettings
from app.models import ConnectionState
from app.runtime import CoreThread
from backends.xmpp import XmppBackend
from chinwag.testing import MemorySecretStore, RecordingContext
from tests.fakes.core_harness import make_core
from tests.fakes.fake_backend import FakeServer
from tests.integration.xmpp.signup_server import DOMAIN, SignupServer, signup_server
from tests.ui.waits import UI_WAIT_MS
from ui.bridge import CoreBridge
from ui.main_window import MainWindow

__all__ = ["signup_server"]
pytestmark = pytest.mark.integration


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, signup_server: SignupServer
) -> Iterator[tuple[MainWindow, CoreBridge]]:
    runner = CoreThread(
        lambda: make_core(
            tmp_path / "profile",
            FakeServer(),
            MemorySecretStore(),
            extra_classes=(XmppBackend,),
            network=NetworkSettings(dns_servers=tuple(signup_server.nameservers)),
        )
    )
    runner.start()
    bridge = CoreBridge(runner)
    win = MainWindow(bridge)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(
        bridge.events,
        timeout=UI_WAIT_MS,
        check_params_cb=lambda batch: any(isinstance(e, ev.CoreStarted) for e in batch),
    ):
        bridge.start()
    try:
        yield win, bridge
    finally:
        bridge.close()
        runner.stop()


def test_create_an_xmpp_account_from_the_dialog(
    qtbot: QtBot,
    window: tuple[MainWindow, CoreBridge],
    signup_server: SignupServer,
    tmp_path: Path,
) -> None:
    win, bridge = window
    states: list[ev.ConnectionStateChanged] = []
    bridge.core.bus.subscribe(ev.ConnectionStateChanged, states.append)
    win.add_account()
    dialog = win.account_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.service.isEnabled, timeout=UI_WAIT_MS)
    service = dialog.findChild(QComboBox, "serviceChoice")
    assert service is not None
    service.setCurrentIndex(service.findData("xmpp"))
    user = signup_server.unique_user("window")
    jid = dialog.findChild(QLineEdit, "field_jid")
    password = dialog.findChild(QLineEdit, "field_password")
    assert jid is not None and password is not None
    jid.setText(f"{user}@{DOMAIN}")
    password.setText("made in the window")
    # Only the test's own CA is extra (Advanced): no host, no port.
    files = [
        e for e in dialog.findChildren(QLineEdit) if e.accessibleName().startswith("Trusted CA")
    ]
    assert files, "the CA file field"
    files[0].setText(str(signup_server.tls.ca_cert))
    assert dialog.create_button.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=30000):
        dialog.create_button.click()
    assert signup_server.exists(user)
    qtbot.waitUntil(
        lambda: any(s.state is ConnectionState.CONNECTED for s in states), timeout=30000
    )
    assert win.sidebar_model.rowCount() == 1

    # An independent client signs in to the new account.
    async def independent() -> object:
        rec = RecordingContext(
            "independent",
            {"jid": f"{user}@{DOMAIN}", "ca_file": str(signup_server.tls.ca_cert)},
            {"password": "made in the window"},
            tmp_path / "independent",
        )
        ctx = dataclasses.replace(
            rec.build(asyncio.get_running_loop()),
            network=NetworkSettings(dns_servers=tuple(signup_server.nameservers)),
        )
        backend = XmppBackend(ctx)
        try:
            return await backend.connect()
        finally:
            await backend.disconnect()

    result = asyncio.run(independent())
    assert getattr(result, "ok", False), result
