"""What one IRC connection leaves for the next: channels to rejoin (keys in the keyring), the
watch list (the account's contacts, with the names we gave them) and the people we ignore.

Reconnecting is the core's job (DESIGN §4): it makes a *new* backend after a loss, so what must
survive lives in ``ctx.state`` (and channel keys, being secrets, in the keyring only).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from app.backend import SecretAccess, StateAccess
from backends.irc.convert import ServerInfo
from backends.irc.text import fold

CHANNEL_KEY = "channels"
WATCH_KEY = "watch"
NAMES_KEY = "contact_names"
IGNORE_KEY = "ignored"
CHANNEL_KEY_SECRET = "channel-key:"
"""Prefix of a channel key's name in the keyring (``channel-key:<folded channel>``)."""


def plain_nick(mask: str) -> str | None:
    """The nick of a ``nick!*@*`` mask without wildcards (a person, shown as a contact)."""
    nick, _, rest = mask.partition("!")
    if rest == "*@*" and nick and not set(nick) & {"*", "?"}:
        return nick
    return None


class SavedState:
    """The account's lasting IRC state, read at connect and written whenever it changes."""

    def __init__(
        self,
        state: StateAccess,
        secrets: SecretAccess,
        info: ServerInfo,
        log: logging.LoggerAdapter[logging.Logger],
        spawn: Callable[[Coroutine[Any, Any, object], str], None],
    ) -> None:
        self._state = state
        self._secrets = secrets
        self._info = info
        self._log = log
        self._spawn = spawn
        self.remembered: dict[str, tuple[str, str]] = {}  # folded channel → (name, key)
        self.watch: dict[str, str] = {}  # folded nick → nick as given
        self.names: dict[str, str] = {}  # folded nick → the name we gave them
        self.ignored: list[str] = []  # nick!user@host masks, as typed
        self._stored_keys: dict[str, str] = {}  # keyring name → channel key we put there

    def blocked_nicks(self) -> dict[str, str]:
        """Folded nick → nick, for each ignore mask that names just a nick."""
        nicks = (plain_nick(m) for m in self.ignored)
        return {self._info.fold(n): n for n in nicks if n is not None}

    async def load(self) -> None:
        try:
            channels = json.loads(await self._state.get(CHANNEL_KEY) or "[]")
            watch = json.loads(await self._state.get(WATCH_KEY) or "[]")
            names = json.loads(await self._state.get(NAMES_KEY) or "{}")
            ignored = json.loads(await self._state.get(IGNORE_KEY) or "[]")
        except (ValueError, TypeError):
            self._log.warning("ignored unreadable saved IRC state")
            return
        migrate = False
        for item in channels if isinstance(channels, list) else []:
            name, key = "", ""
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                name = item["name"]
                if item.get("keyed") is True:
                    key = await self._stored_channel_key(name)
            elif (
                isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)
            ):
                name, key = item  # the old format: the key in the clear, in the database
                migrate = True
            if name:
                self.remembered[self._info.fold(name)] = (name, key)
        for nick in watch if isinstance(watch, list) else []:
            if isinstance(nick, str) and nick:
                self.watch[self._info.fold(nick)] = nick
        if isinstance(names, dict):
            self.names = {
                k: v for k, v in names.items() if isinstance(k, str) and isinstance(v, str) and v
            }
        if isinstance(ignored, list):
            self.ignored = [m for m in ignored if isinstance(m, str) and m]
        if migrate:
            self._log.info("moving saved channel keys to the keyring")
            await self.save()

    async def _stored_channel_key(self, name: str) -> str:
        """A channel's key from the keyring ("" when there is none).

        The key's name holds the channel folded with the casemapping of the session that saved
        it, which the server has not told this one yet: try each mapping (usually one name).
        """
        mappings = (self._info.casemapping, "rfc1459", "ascii", "strict-rfc1459", "rfc7613")
        for secret in dict.fromkeys(CHANNEL_KEY_SECRET + fold(name, m) for m in mappings):
            try:
                key = await self._secrets.get(secret)
            except Exception as exc:
                self._log.warning(
                    "could not read a channel key from the keyring: %s", type(exc).__name__
                )
                return ""
            if key:
                self._stored_keys[secret] = key
                return key
        return ""

    async def save(self) -> None:
        """The channels to rejoin and the watch list go to ``ctx.state``; channel keys are
        secrets and go to the keyring only (``channel-key:<folded channel>``), first, so the
        state never names a key that is nowhere."""
        wanted = {
            CHANNEL_KEY_SECRET + self._info.fold(name): key
            for name, key in self.remembered.values()
            if key
        }
        for secret, key in wanted.items():
            if self._stored_keys.get(secret) != key:
                self._stored_keys[secret] = key
                try:
                    await self._secrets.set(secret, key)
                except Exception as exc:
                    self._stored_keys.pop(secret, None)
                    self._log.warning(
                        "could not keep a channel key in the keyring: %s", type(exc).__name__
                    )
        for secret in [s for s in self._stored_keys if s not in wanted]:
            if self._stored_keys.pop(secret, None) is None:
                continue  # another save got there first
            try:
                await self._secrets.delete(secret)
            except Exception as exc:
                self._log.warning(
                    "could not delete a channel key from the keyring: %s", type(exc).__name__
                )
        channels = [{"name": name, "keyed": bool(key)} for name, key in self.remembered.values()]
        await self._state.set(CHANNEL_KEY, json.dumps(channels))
        await self._state.set(WATCH_KEY, json.dumps(list(self.watch.values())))
        await self._state.set(NAMES_KEY, json.dumps(self.names) if self.names else None)
        await self._state.set(IGNORE_KEY, json.dumps(self.ignored) if self.ignored else None)

    def persist(self) -> None:
        """Save soon, without waiting (from a line handler)."""
        self._spawn(self.save(), "irc-save")
