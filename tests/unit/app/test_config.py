from __future__ import annotations

import stat
from pathlib import Path

import pytest

from app.config import AccountEntry, AppConfig, ConfigError, ConfigFile
from app.models import Account


def test_round_trip_and_private_file(tmp_path: Path) -> None:
    file = ConfigFile(tmp_path / "cfg" / "config.json")
    assert file.load() == AppConfig()
    config = (
        AppConfig()
        .with_account(
            AccountEntry(
                Account("a1", "xmpp", "Work", {"jid": "me@example.org", "port": 5222}),
                ("password",),
            )
        )
        .with_preference("privacy.only_contacts", True)
    )
    file.save(config)
    assert stat.S_IMODE(file.path.stat().st_mode) == 0o600
    loaded = file.load()
    assert loaded.accounts[0].account.settings == {"jid": "me@example.org", "port": 5222}
    assert loaded.accounts[0].secret_keys == ("password",)
    assert loaded.preferences == {"privacy.only_contacts": True}
    assert list(file.path.parent.iterdir()) == [file.path]  # no temp files left


def test_accounts_keep_order_when_replaced_and_removed() -> None:
    config = AppConfig()
    for name in ("a", "b", "c"):
        config = config.with_account(AccountEntry(Account(name, "irc", name)))
    config = config.with_account(AccountEntry(Account("b", "irc", "B!")))
    assert [e.account.display_name for e in config.accounts] == ["a", "B!", "c"]
    assert [e.account.id for e in config.without_account("a").accounts] == ["b", "c"]


@pytest.mark.parametrize(
    "content",
    [
        "{broken",
        '{"version": 7}',
        '{"version": 1, "accounts": [{"protocol": "x"}]}',
        '{"version": 1, "accounts": [{"id": "a", "protocol": "x", "settings": {"k": [1]}}]}',
    ],
)
def test_unreadable_config_is_an_error_not_a_reset(tmp_path: Path, content: str) -> None:
    path = tmp_path / "config.json"
    path.write_text(content)
    with pytest.raises(ConfigError):
        ConfigFile(path).load()
    assert path.read_text() == content
