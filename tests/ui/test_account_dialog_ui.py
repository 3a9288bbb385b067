"""The account dialog's paths: the simple form with Advanced folded away, errors under their
fields, "Sign in with …" through the browser, and making a new account with the server's own
form (a CAPTCHA picture, terms). Keyboard and screen-reader names are checked on the way;
screenshots go to ``test-artifacts/screenshots``."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from app.backend import FieldKind, FormField, IdentityProvider, SignUpForm
from tests.fakes.fake_backend import FakeServer
from tests.ui.conftest import save_screenshot
from tests.ui.helpers import wait_for
from tests.ui.waits import UI_WAIT_MS
from ui.dialogs.account_dialog import AccountDialog
from ui.main_window import MainWindow


def open_dialog(qtbot: QtBot, window: MainWindow) -> AccountDialog:
    window.add_account()
    dialog = window.account_dialog
    assert dialog is not None
    wait_for(qtbot, dialog.service.isEnabled)
    # The service's rows are shown on a later turn of the event loop than they are made.
    wait_for(qtbot, lambda: edit(dialog, "password").isVisible())
    return dialog


def edit(dialog: AccountDialog, name: str) -> QLineEdit:
    found = dialog.findChild(QLineEdit, f"field_{name}")
    assert found is not None, name
    return found


def error_of(dialog: AccountDialog, name: str) -> QLabel:
    found = dialog.findChild(QLabel, f"error_{name}")
    assert found is not None, name
    return found


def png(width: int = 160, height: int = 50) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#dde"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


# -- the simple form and Advanced ------------------------------------------------------------


def test_only_address_and_password_until_advanced_is_opened(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_dialog(qtbot, window)
    assert edit(dialog, "user").isVisible() and edit(dialog, "password").isVisible()
    server = edit(dialog, "server")
    assert not server.isVisible() and not dialog.name_edit.isVisible()
    toggle = dialog.advanced.button
    assert toggle.accessibleName() == "Advanced (collapsed)"
    save_screenshot(dialog, "account-dialog-simple")
    # Keyboard: Tab reaches the toggle, Space opens it.
    toggle.setFocus()
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    wait_for(qtbot, server.isVisible)
    assert dialog.name_edit.isVisible()
    assert toggle.accessibleName() == "Advanced (expanded)"
    assert server.text() == "fake.local"
    save_screenshot(dialog, "account-dialog-advanced")
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    wait_for(qtbot, lambda: not server.isVisible())


def test_each_error_stands_under_its_field_and_is_read_with_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_dialog(qtbot, window)
    edit(dialog, "user").setText("UPPER CASE")
    dialog._submit()
    user_error, password_error = error_of(dialog, "user"), error_of(dialog, "password")
    assert user_error.isVisible() and "wrong form" in user_error.text()
    assert password_error.isVisible() and "Password is required" in password_error.text()
    assert "Problem" in edit(dialog, "password").accessibleDescription()
    assert dialog.focusWidget() is edit(dialog, "user")  # the first field with a problem
    save_screenshot(dialog, "account-dialog-field-errors")
    edit(dialog, "user").setText("alice")
    edit(dialog, "password").setText("wonderland")
    with qtbot.waitSignal(dialog.accepted, timeout=UI_WAIT_MS):
        dialog._submit()


def test_an_error_in_an_advanced_field_opens_advanced(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    edit(dialog, "user").setText("alice")
    edit(dialog, "password").setText("wonderland")
    edit(dialog, "server").setText("nowhere.invalid")  # the backend says: about this field
    assert not dialog.advanced.is_open()
    dialog._submit()
    wait_for(qtbot, lambda: error_of(dialog, "server").isVisible())
    assert dialog.advanced.is_open()
    assert "no such server" in error_of(dialog, "server").text()
    assert not error_of(dialog, "user").isVisible()


# -- single sign-on ----------------------------------------------------------------------------


@pytest.fixture
def opened(window: MainWindow) -> list[str]:
    urls: list[str] = []

    def record(url: str) -> bool:
        urls.append(url)
        return True

    window.url_opener = record
    return urls


def test_sign_in_with_a_provider_through_the_browser(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, opened: list[str]
) -> None:
    fake_server.sso_providers = [IdentityProvider("oidc-corp", "Corp ID")]
    dialog = open_dialog(qtbot, window)
    edit(dialog, "user").setText("sam")
    button = None

    def provider_button() -> QPushButton | None:
        return dialog.findChild(QPushButton, "sso_oidc-corp")

    wait_for(qtbot, lambda: provider_button() is not None and provider_button().isVisible())
    button = provider_button()
    assert button is not None
    assert button.text() == "Sign in with Corp ID" == button.accessibleName()
    assert "browser" in button.accessibleDescription()
    assert dialog.server_found.isVisible() and "fake.local" in dialog.server_found.text()
    save_screenshot(dialog, "account-dialog-sso")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, lambda: bool(opened))
    assert opened == ["https://sso.fake.example/oidc-corp?user=sam"]
    assert "browser" in dialog.status.text()
    assert not dialog.ok_button.isEnabled()  # busy while the browser has it
    with qtbot.waitSignal(dialog.accepted, timeout=UI_WAIT_MS):
        fake_server.finish_browser("sam")
    wait_for(qtbot, lambda: "sam" in fake_server.online)
    assert window.sidebar_model.rowCount() == 1


def test_a_server_without_passwords_shows_only_its_providers(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    fake_server.sso_providers = [IdentityProvider("oidc-a", "A"), IdentityProvider("oidc-b", "B")]
    fake_server.password_login = False
    dialog = open_dialog(qtbot, window)
    edit(dialog, "user").setText("sam")
    wait_for(qtbot, lambda: len(dialog.sso_buttons) == 2)
    wait_for(qtbot, lambda: not edit(dialog, "password").isVisible())
    assert not dialog.ok_button.isVisible()
    assert [b.text() for b in dialog.sso_buttons] == ["Sign in with A", "Sign in with B"]


def test_a_provider_that_is_down_is_said_plainly(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, opened: list[str]
) -> None:
    fake_server.sso_providers = [IdentityProvider("down", "Down")]
    dialog = open_dialog(qtbot, window)
    edit(dialog, "user").setText("sam")
    wait_for(qtbot, lambda: bool(dialog.sso_buttons))
    dialog.sso_buttons[0].click()
    wait_for(qtbot, dialog.error.isVisible)
    assert "cannot be reached" in dialog.error.text() and "Down" in dialog.error.text()
    assert opened == []
    assert dialog.sso_buttons[0].isEnabled()  # can be tried again
    assert window.sidebar_model.rowCount() == 0


# -- making an account -----------------------------------------------------------------------


def captcha_form() -> SignUpForm:
    return SignUpForm(
        "Create an account on fake.local",
        "Humans only, please.",
        (
            FormField(
                "captcha",
                "Enter the text you see",
                required=True,
                media=png(),
                media_type="image/png",
            ),
            FormField(
                "accept",
                "I accept the rules",
                FieldKind.BOOLEAN,
                required=True,
                link="https://fake.example/rules",
            ),
        ),
    )


def test_create_an_account_with_the_servers_form(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    fake_server.sign_up_form = captcha_form()
    dialog = open_dialog(qtbot, window)
    assert dialog.create_button.isVisible()
    assert dialog.create_button.accessibleName() == "Create a new account"
    edit(dialog, "user").setText("newbie")
    edit(dialog, "password").setText("chosen")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, lambda: dialog.pages.currentIndex() == AccountDialog.PAGE_SIGN_UP)
    page = dialog.sign_up_page
    assert page.title.text() == "Create an account on fake.local"
    picture = dialog.findChild(QLabel, "media_captcha")
    assert picture is not None and not picture.pixmap().isNull()
    assert picture.accessibleName() == "Image for Enter the text you see"
    assert dialog.findChild(QPushButton, "link_accept") is not None
    captcha = dialog.findChild(QLineEdit, "signup_captcha")
    accept = dialog.findChild(QCheckBox, "signup_accept")
    assert captcha is not None and accept is not None
    assert dialog.focusWidget() is captcha
    save_screenshot(dialog, "account-dialog-create")
    # A wrong answer comes back under its field; nothing is made.
    captcha.setText("41")
    accept.setChecked(True)
    dialog._submit()
    wait_for(qtbot, lambda: error_of_signup(dialog, "captcha").isVisible())
    assert "not the text" in error_of_signup(dialog, "captcha").text()
    assert "newbie" not in fake_server.passwords
    save_screenshot(dialog, "account-dialog-create-error")
    captcha = dialog.findChild(QLineEdit, "signup_captcha")
    assert captcha is not None and captcha.text() == ""  # a fresh CAPTCHA, a fresh answer
    captcha.setText("42")
    accept = dialog.findChild(QCheckBox, "signup_accept")
    assert accept is not None and accept.isChecked()  # kept as answered; the picture is new
    assert captcha.text() == "42"
    with qtbot.waitSignal(dialog.accepted, timeout=UI_WAIT_MS):
        dialog._submit()
    assert fake_server.passwords["newbie"] == "chosen"
    wait_for(qtbot, lambda: "newbie" in fake_server.online)


def error_of_signup(dialog: AccountDialog, name: str) -> QLabel:
    found = dialog.sign_up_page.findChild(QLabel, f"error_{name}")
    assert found is not None
    return found


def test_a_refused_name_comes_back_under_the_name(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    dialog = open_dialog(qtbot, window)
    edit(dialog, "user").setText("alice")  # the fake server already has alice
    edit(dialog, "password").setText("x")
    dialog.create_button.click()
    wait_for(qtbot, lambda: error_of(dialog, "user").isVisible())
    assert "taken" in error_of(dialog, "user").text()
    assert dialog.pages.currentIndex() == AccountDialog.PAGE_DETAILS
    assert window.sidebar_model.rowCount() == 0


def test_creating_needs_a_password(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    edit(dialog, "user").setText("newbie")
    dialog.create_button.click()
    assert error_of(dialog, "password").isVisible()


def test_back_leaves_the_servers_form(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    fake_server.sign_up_form = captcha_form()
    dialog = open_dialog(qtbot, window)
    edit(dialog, "user").setText("newbie")
    edit(dialog, "password").setText("chosen")
    dialog.create_button.click()
    wait_for(qtbot, lambda: dialog.pages.currentIndex() == AccountDialog.PAGE_SIGN_UP)
    assert dialog.back_button.isVisible() and not dialog.test_button.isVisible()
    dialog.back_button.click()
    assert dialog.pages.currentIndex() == AccountDialog.PAGE_DETAILS
    assert dialog.ok_button.text() == "&Sign in"


def test_signing_in_again_through_the_browser_keeps_the_account(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer, opened: list[str]
) -> None:
    """A server that ended the session (a soft logout): Edit account, "Sign in with …", and the
    same account gets its new session and reconnects — nothing is added or lost."""
    from tests.ui.helpers import sign_in

    fake_server.sso_providers = [IdentityProvider("oidc-corp", "Corp ID")]
    account_id = sign_in(qtbot, window, fake_server, "alice")
    fake_server.passwords["alice"] = "new session from the provider"
    fake_server.drop("alice")  # the stored secret no longer works
    window.edit_account()
    dialog = window.account_dialog
    assert dialog is not None and dialog.account is not None
    wait_for(qtbot, lambda: bool(dialog.sso_buttons))
    dialog.sso_buttons[0].click()
    wait_for(qtbot, lambda: bool(opened))
    with qtbot.waitSignal(dialog.accepted, timeout=UI_WAIT_MS):
        fake_server.finish_browser("alice")
    wait_for(qtbot, lambda: "alice" in fake_server.online, timeout=UI_WAIT_MS)
    assert window.sidebar_model.account_ids() == [account_id]


def test_a_session_ended_by_the_server_is_said_with_what_to_do(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    from app import events as ev
    from app.models import ConnectionState

    window.window_events.handle_events(
        [
            ev.ConnectionStateChanged(
                "nobody", ConnectionState.FAILED, "ended", failure_kind="auth", detail="soft_logout"
            )
        ]
    )
    assert any("Sign in again" in n for n in window.notices.notices)


def test_keyboard_order_and_names(
    qtbot: QtBot, window: MainWindow, fake_server: FakeServer
) -> None:
    """Tab goes service → fields → "Sign in with …" → Advanced → what it holds; every control
    a person can reach has a name a screen reader can say."""
    fake_server.sso_providers = [IdentityProvider("oidc-corp", "Corp ID")]
    dialog = open_dialog(qtbot, window)
    edit(dialog, "user").setText("sam")
    wait_for(qtbot, lambda: bool(dialog.sso_buttons))
    dialog.advanced.set_open(True)
    password = edit(dialog, "password")
    password.setFocus()
    order = []
    for _ in range(5):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        order.append(dialog.focusWidget())
    assert order[:4] == [
        dialog.sso_buttons[0],
        dialog.advanced.button,
        dialog.name_edit,
        edit(dialog, "server"),
    ]
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QWidget

    unnamed = [
        w.objectName() or type(w).__name__
        for w in dialog.findChildren(QWidget)
        if isinstance(w, (QAbstractButton, QLineEdit, QComboBox))
        and w.isVisible()
        and not w.accessibleName()
    ]
    assert unnamed == []
