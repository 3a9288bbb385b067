"""Our own sign-ins (devices) on the homeserver: listed, renamed, signed out, as Element's
"Sessions" page does (spec "Device management": ``GET /devices``, ``PUT /devices/{id}``,
``POST /delete_devices``).

Signing others out needs user-interactive auth: answered with the account's password from the
keyring, as the cross-signing upload is. An account that signs in through single sign-on has
none to give; it gets a sentence saying where to do it instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from app.backend import Failure, FailureKind, Outcome, SignedInDevice
from app.i18n import CoreMessages
from backends.matrix.http import Reply, q
from backends.matrix.session import MatrixSession, not_connected
from backends.matrix.uia import PASSWORD

V3 = "/_matrix/client/v3"
MAX_DEVICES = 1_000
MAX_NAME_CHARS = 100


def parse_devices(body: Mapping[str, Any], own_device: str) -> tuple[SignedInDevice, ...]:
    """The answer of ``GET /devices``, malformed entries left out; ours first, then the most
    recently seen."""
    raw = body.get("devices")
    found: list[SignedInDevice] = []
    for entry in raw[:MAX_DEVICES] if isinstance(raw, list) else ():
        if not isinstance(entry, Mapping):
            continue
        device_id = entry.get("device_id")
        if not isinstance(device_id, str) or not device_id:
            continue
        name = entry.get("display_name")
        address = entry.get("last_seen_ip")
        seen = entry.get("last_seen_ts")
        when = None
        if isinstance(seen, int) and not isinstance(seen, bool) and 0 < seen < 2**47:
            when = datetime.fromtimestamp(seen / 1000, UTC)
        found.append(
            SignedInDevice(
                device_id,
                name[:MAX_NAME_CHARS] if isinstance(name, str) else "",
                when,
                address[:64] if isinstance(address, str) else "",
                device_id == own_device,
            )
        )
    oldest = datetime.min.replace(tzinfo=UTC)
    found.sort(key=lambda d: (not d.current, -(d.last_seen or oldest).timestamp()))
    return tuple(found)


class SignedInDevices:
    def __init__(self, session: MatrixSession) -> None:
        self._session = session

    async def list(self) -> tuple[SignedInDevice, ...] | Failure:
        s = self._session
        if not s.connected():
            return not_connected()
        reply = await s.api.request("GET", f"{V3}/devices", timeout=30)
        if not reply.ok:
            return reply.failure()
        return parse_devices(reply.body, s.device_id)

    async def rename(self, device_id: str, name: str) -> Outcome:
        s = self._session
        if not s.connected():
            return Outcome(not_connected())
        name = " ".join(name.split())[:MAX_NAME_CHARS]
        if not device_id:
            return Outcome(Failure(FailureKind.CONFIG, CoreMessages.tr("Which session?")))
        reply = await s.api.request(
            "PUT", f"{V3}/devices/{q(device_id)}", body={"display_name": name}, timeout=30
        )
        return Outcome() if reply.ok else Outcome(reply.failure())

    async def sign_out(self, device_ids: tuple[str, ...]) -> Outcome:
        s = self._session
        if not s.connected():
            return Outcome(not_connected())
        others = tuple(dict.fromkeys(d for d in device_ids if d and d != s.device_id))
        if s.device_id in device_ids:
            return Outcome(
                Failure(
                    FailureKind.CONFIG,
                    CoreMessages.tr(
                        "This session is the one Chinwag uses: remove the account to sign it out."
                    ),
                )
            )
        if not others:
            return Outcome()
        body: dict[str, Any] = {"devices": list(others)}
        reply = await s.api.request("POST", f"{V3}/delete_devices", body=body, timeout=60)
        if reply.ok:
            return Outcome()
        if reply.status != 401 or not isinstance(reply.body.get("flows"), list):
            return Outcome(reply.failure())
        auth = await self._password_auth(reply)
        if isinstance(auth, Failure):
            return Outcome(auth)
        reply = await s.api.request(
            "POST", f"{V3}/delete_devices", body={**body, "auth": auth}, timeout=60
        )
        if reply.ok:
            return Outcome()
        if reply.status == 401:
            return Outcome(
                Failure(
                    FailureKind.AUTH,
                    CoreMessages.tr(
                        "The server did not accept the password to sign those sessions out."
                    ),
                )
            )
        return Outcome(reply.failure())

    async def _password_auth(self, challenge: Reply) -> dict[str, Any] | Failure:
        """The ``auth`` answering a challenge whose flows allow the password alone."""
        flows = challenge.body.get("flows")
        if not any(
            isinstance(flow, Mapping) and flow.get("stages") == [PASSWORD] for flow in flows or ()
        ):
            return Failure(
                FailureKind.UNSUPPORTED,
                CoreMessages.tr(
                    "The server asks to confirm in another way than with the password (single "
                    "sign-on): sign those sessions out on your server's account page or in "
                    "Element."
                ),
            )
        password = await self._session.ctx.secrets.get("password")
        if not password:
            return Failure(
                FailureKind.AUTH,
                CoreMessages.tr("The account's password is needed to sign other sessions out."),
            )
        auth: dict[str, Any] = {
            "type": PASSWORD,
            "identifier": {"type": "m.id.user", "user": self._session.own_id},
            "password": password,
        }
        session = challenge.body.get("session")
        if isinstance(session, str):
            auth["session"] = session
        return auth
