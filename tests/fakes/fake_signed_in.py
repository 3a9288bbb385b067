"""The fake service's own sign-ins (as Matrix devices): the fake backend's
:class:`~app.backend.SupportsSignedInDevices`, kept apart so the fake backend stays readable.
The server's ``signed_in`` holds each user's sign-ins: device id → name."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from app.backend import Failure, FailureKind, Outcome, SignedInDevice, SupportsSignedInDevices

if TYPE_CHECKING:
    from tests.fakes.fake_backend import FakeServer

OWN_DEVICE = "FAKEDEVICE"


class FakeSignedIn(SupportsSignedInDevices):
    server: ClassVar[FakeServer]
    user: str

    def _mine(self) -> dict[str, str]:
        return self.server.signed_in.setdefault(self.user, {OWN_DEVICE: "Chinwag"})

    async def signed_in_devices(self) -> tuple[SignedInDevice, ...] | Failure:
        self.server.calls.append(("signed_in", ()))
        return tuple(
            SignedInDevice(device, name, current=device == OWN_DEVICE)
            for device, name in self._mine().items()
        )

    async def rename_device(self, device_id: str, name: str) -> Outcome:
        self.server.calls.append(("rename_device", (device_id, name)))
        mine = self._mine()
        if device_id not in mine:
            return Outcome(Failure(FailureKind.REJECTED, "No such session."))
        mine[device_id] = name
        return Outcome()

    async def sign_out_devices(self, device_ids: tuple[str, ...]) -> Outcome:
        self.server.calls.append(("sign_out_devices", device_ids))
        if OWN_DEVICE in device_ids:
            return Outcome(Failure(FailureKind.CONFIG, "Not this one."))
        mine = self._mine()
        for device in device_ids:
            mine.pop(device, None)
        return Outcome()
