"""Files: staged for sending, copied out of the core's blob folder on download.

There is no upload in Delta Chat: a file travels inside the (encrypted) mail. ``upload`` therefore
copies the file into the account's ``outgoing`` folder and returns a ``dcfile:`` reference that
``send_message`` later resolves, so a message waiting in the outbox across a restart still has its
file. Files above the account's size limit are refused at once, with the reason: mail servers
refuse large mail, and an attachment grows by a third in transit.
"""

from __future__ import annotations

import asyncio
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

from app.api import Failure, FailureKind, Outcome
from chinwag_deltachat import convert
from chinwag_deltachat.rpc import CoreError, CoreProcess

STAGED_PREFIX = "dcfile:"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


class FileService:
    def __init__(self, core: CoreProcess, account: int, outgoing_dir: Path, max_bytes: int) -> None:
        self._core = core
        self._account = account
        self._dir = outgoing_dir
        self._max = max_bytes

    def too_large(self, size: int) -> Failure | None:
        if size <= self._max:
            return None
        return Failure(
            FailureKind.REJECTED,
            f"The file is {_megabytes(size)}; this account sends files up to "
            f"{_megabytes(self._max)} (mail servers refuse larger mail).",
        )

    async def upload(self, path: Path, progress: Callable[[int, int], None]) -> Outcome:
        try:
            size = path.stat().st_size
        except OSError as exc:
            return Outcome(Failure(FailureKind.REJECTED, f"Cannot read the file: {exc.strerror}"))
        failure = self.too_large(size)
        if failure is not None:
            return Outcome(failure)
        token = uuid.uuid4().hex
        name = convert.safe_filename(path.name)
        target = self._dir / token / name
        await asyncio.to_thread(self._copy, path, target)
        progress(size, size)  # on the loop: the core's progress events are not thread safe
        return Outcome(value=f"{STAGED_PREFIX}{token}/{name}")

    def staged(self, url: str) -> Path | None:
        """The staged file a ``dcfile:`` reference names (never a path outside our folder)."""
        if not url.startswith(STAGED_PREFIX):
            return None
        token, _, name = url.removeprefix(STAGED_PREFIX).partition("/")
        if not token.isalnum() or name != convert.safe_filename(name):
            return None
        path = self._dir / token / name
        return path if path.is_file() else None

    def discard(self, path: Path) -> None:
        shutil.rmtree(path.parent, ignore_errors=True)

    async def download(
        self, url: str, destination: Path, progress: Callable[[int, int], None]
    ) -> Outcome:
        msg_id = convert.parse_attachment_url(url)
        if msg_id is None:
            return Outcome(Failure(FailureKind.REJECTED, "Not a Delta Chat attachment."))
        try:
            msg = await self._core.call("get_message", self._account, msg_id)
        except CoreError:
            return Outcome(Failure(FailureKind.REJECTED, "The message is no longer here."))
        if msg.get("downloadState") not in (None, "Done"):
            await self._core.call("download_full_message", self._account, msg_id)
            return Outcome(
                Failure(
                    FailureKind.NETWORK,
                    "The file is still on the server; it is being fetched. Try again soon.",
                    retryable=True,
                )
            )
        source = Path(str(msg.get("file") or ""))
        if not msg.get("file") or not source.is_file():
            return Outcome(Failure(FailureKind.REJECTED, "The file is no longer here."))
        size = source.stat().st_size
        await asyncio.to_thread(self._copy, source, destination)
        progress(size, size)
        return Outcome(value=str(destination))

    @staticmethod
    def _copy(source: Path, target: Path) -> None:
        """A local copy (the file is already on this disk): no progress to show on the way."""
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
