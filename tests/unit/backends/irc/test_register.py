"""NickServ's answers to REGISTER, as Atheme and Anope word them (table), and the lines sent."""

from __future__ import annotations

import pytest

from app.backend import Failure, FailureKind
from backends.irc import register as reg


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "\x02ann\x02 is now registered to \x02ann@example.org\x02, with the password "
            "\x02pw\x02.",
            "done",
        ),
        ("Nickname ann registered.", "done"),
        (
            "An email containing nickname activation instructions has been sent to "
            "ann@example.org.",
            "confirm",
        ),
        (
            "A passcode has been sent to ann@example.org, please type /msg NickServ CONFIRM "
            "<passcode> to complete registration",
            "confirm",
        ),
        ("\x02ann\x02 is already registered.", ("nick", FailureKind.REJECTED)),
        (
            "This nickname is registered. Please choose a different nickname, or identify via "
            "/msg NickServ identify <password>.",
            ("nick", FailureKind.REJECTED),
        ),
        ("\x02bad\x02 is not a valid email address.", ("email", FailureKind.REJECTED)),
        ("Please try again with a more obscure password.", ("password", FailureKind.REJECTED)),
        ("You must wait 60 seconds before registering.", ("", FailureKind.RATE_LIMITED)),
        ("Registration is disabled.", ("", FailureKind.REJECTED)),
        ("Something nobody expected.", ("", FailureKind.PROTOCOL)),
    ],
)
def test_classify(text: str, expected: object) -> None:
    result = reg.classify(text)
    if isinstance(expected, str):
        assert isinstance(result, reg.Reply) and result.kind == expected, result
    else:
        field, kind = expected  # type: ignore[misc]
        assert isinstance(result, Failure) and (result.field, result.kind) == (field, kind), result
        assert "\x02" not in result.message


def test_lines() -> None:
    assert reg.register_line("pw", "a@b.org") == "PRIVMSG NickServ :REGISTER pw a@b.org"
    assert reg.verify_line("ann", "XYZ") == "PRIVMSG NickServ :VERIFY REGISTER ann XYZ"
    with pytest.raises(ValueError, match="CR, LF"):
        reg.register_line("pw\r\nQUIT", "a@b")
