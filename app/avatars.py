"""Pictures of people and rooms, kept per account on disk.

A backend reports :class:`~app.facts.AvatarChanged` (who, and an opaque ref that changes with
the picture). The session hands it to :class:`AvatarFetcher`, which asks the backend for the
bytes only for a ref it has not stored, checks them (size, image signature) and writes them
under the account's folder (``<account files>/avatars/``, never into SQLite): one image file
and one small JSON sidecar per person or room, so a picture survives restarts and removing the
account removes its pictures with its folder. The UI decodes the files itself, off its thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
from collections.abc import Callable
from pathlib import Path

from app import events as ev
from app.backend import AvatarImage, Backend, Failure, SupportsAvatars, as_capable
from app.facts import AvatarChanged

MAX_AVATAR_BYTES = 4 * 1024 * 1024
"""Larger "avatars" are refused: XEP-0084 advises small pictures, Matrix serves thumbnails."""
MAX_PARALLEL_FETCHES = 3

AvatarKey = tuple[str, str]
"""(conversation, entity): ``("", id)`` for contacts, users and rooms; (room, nick) for a
member known only inside one room."""

_LOG = logging.getLogger("chinwag.avatars")


def sniff_image(data: bytes) -> str | None:
    """The MIME type of a picture we are willing to show, from its first bytes; None for
    anything else (an HTML error page, a hostile file with an image name)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def _digest(text: str, size: int) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:size]


class AvatarCache:
    """The ``avatars`` folder of one account. Blocking file I/O: call it off the event loop."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @staticmethod
    def _stem(key: AvatarKey) -> str:
        return _digest(f"{key[0]}\x00{key[1]}", 32)

    def load(self) -> dict[AvatarKey, tuple[str, Path]]:
        """Everything stored: key → (ref, image file). Broken sidecars are skipped."""
        found: dict[AvatarKey, tuple[str, Path]] = {}
        if not self.folder.is_dir():
            return found
        for meta in self.folder.glob("*.json"):
            try:
                record = json.loads(meta.read_text(encoding="utf-8"))
                key = (str(record["conversation"]), str(record["entity"]))
                image = self.folder / str(record["file"])
                ref = str(record["ref"])
            except (OSError, ValueError, KeyError, TypeError):
                _LOG.warning("skipped a damaged avatar record %s", meta.name)
                continue
            if image.parent == self.folder and image.is_file():
                found[key] = (ref, image)
        return found

    def store(self, key: AvatarKey, ref: str, image: AvatarImage) -> Path:
        """Write the picture (atomically, mode 0600) and its sidecar; remove the old picture."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        stem = self._stem(key)
        name = f"{stem}-{_digest(ref, 12)}.img"
        path = self.folder / name
        _write_private(path, image.data)
        record = {"conversation": key[0], "entity": key[1], "ref": ref, "file": name}
        _write_private(self.folder / f"{stem}.json", json.dumps(record).encode("utf-8"))
        for old in self.folder.glob(f"{stem}-*.img"):
            if old.name != name:
                old.unlink(missing_ok=True)
        return path

    def remove(self, key: AvatarKey) -> None:
        stem = self._stem(key)
        (self.folder / f"{stem}.json").unlink(missing_ok=True)
        for old in self.folder.glob(f"{stem}-*.img"):
            old.unlink(missing_ok=True)


def _write_private(path: Path, data: bytes) -> None:
    part = path.with_name(path.name + ".part")
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    part.replace(path)


class AvatarFetcher:
    """Turns avatar facts of one account into stored files and :class:`~app.events.AvatarsChanged`.

    Fetches run in the background (at most :data:`MAX_PARALLEL_FETCHES` at once; one fetch per
    ref however many people share it); a newer ref for the same person wins over one still
    being fetched; a ref that failed is not asked for again in this session.
    """

    def __init__(
        self,
        account_id: str,
        cache: AvatarCache,
        backend: Callable[[], Backend | None],
        publish: Callable[[ev.Event], None],
        log: logging.LoggerAdapter[logging.Logger] | logging.Logger = _LOG,
    ) -> None:
        self.account_id = account_id
        self.cache = cache
        self._backend = backend
        self._publish = publish
        self.log = log
        self._stored: dict[AvatarKey, str] = {}  # key → ref on disk
        self._wanted: dict[AvatarKey, str] = {}  # key → newest ref reported
        self._inflight: dict[str, asyncio.Task[AvatarImage | None]] = {}
        self._failed: set[str] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._limit = asyncio.Semaphore(MAX_PARALLEL_FETCHES)

    async def start(self) -> None:
        """Publish what is on disk already (the window shows faces before any connection)."""
        known = await asyncio.to_thread(self.cache.load)
        self._stored = {key: ref for key, (ref, _path) in known.items()}
        if known:
            self._publish(
                ev.AvatarsChanged(self.account_id, {k: str(p) for k, (_r, p) in known.items()})
            )

    async def stop(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    async def idle(self) -> None:
        """Wait until every fetch started so far has finished (tests, shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    def changed(self, fact: AvatarChanged) -> None:
        key = (fact.conversation, fact.entity)
        self._wanted[key] = fact.ref
        if self._stored.get(key, "") == fact.ref:
            return
        if not fact.ref:
            self._stored.pop(key, None)
            self._spawn(self._remove(key))
            return
        if fact.ref in self._failed:
            return
        self._spawn(self._fetch(key, fact.ref))

    def _spawn(self, coro: object) -> None:
        task: asyncio.Task[None] = asyncio.get_running_loop().create_task(coro, name="avatar")  # type: ignore[arg-type]
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _remove(self, key: AvatarKey) -> None:
        await asyncio.to_thread(self.cache.remove, key)
        if not self._wanted.get(key):
            self._publish(ev.AvatarsChanged(self.account_id, {key: ""}))

    async def _fetch(self, key: AvatarKey, ref: str) -> None:
        task = self._inflight.get(ref)
        if task is None:
            task = asyncio.get_running_loop().create_task(self._download(ref), name="avatar-get")
            self._inflight[ref] = task
            task.add_done_callback(lambda _t: self._inflight.pop(ref, None))
        image = await asyncio.shield(task)
        if image is None or self._wanted.get(key) != ref:
            return  # failed, or a newer picture was reported meanwhile
        path = await asyncio.to_thread(self.cache.store, key, ref, image)
        if self._wanted.get(key) != ref:
            return
        self._stored[key] = ref
        self._publish(ev.AvatarsChanged(self.account_id, {key: str(path)}))

    async def _download(self, ref: str) -> AvatarImage | None:
        async with self._limit:
            backend = as_capable(self._backend(), SupportsAvatars)
            if backend is None:
                return None
            try:
                result = await backend.fetch_avatar(ref)
            except Exception:  # a plugin's bug: logged, and the initials stay
                self.log.exception("fetching an avatar failed")
                self._failed.add(ref)
                return None
        if isinstance(result, Failure):
            self._failed.add(ref)
            self.log.info("an avatar could not be fetched: %s", result.message)
            return None
        if len(result.data) > MAX_AVATAR_BYTES:
            self._failed.add(ref)
            self.log.info("an avatar of %d bytes was refused", len(result.data))
            return None
        mime = sniff_image(result.data)
        if mime is None:
            self._failed.add(ref)
            self.log.info("an avatar that is not a picture was dropped")
            return None
        return AvatarImage(result.data, mime)
