"""Archive commands: stored history as a whole — search, pruning, export and import.

Each account keeps its own SQLite file; these commands read or rewrite it on the store thread
and never touch the network.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TextIO

from app import events as ev
from app.config import AccountEntry
from app.core.not_saved import disk_failure, not_saved, saving
from app.core.services import CommandError, CoreServices, delete_store_files
from app.i18n import CoreMessages
from app.models import Account, AccountId, ConversationId, Message, to_millis
from app.store import archive, html_export
from app.store.worker import Cancel

_log = logging.getLogger(__name__)


class ArchiveCommands:
    """``core.archive``: what a person does with the history they have, across accounts."""

    def __init__(self, services: CoreServices) -> None:
        self._s = services

    async def search(
        self, text: str, limit: int = 50, conversation: ConversationId | None = None
    ) -> list[Message]:
        """Messages matching every word, newest first, across all accounts (each keeps its own).

        The accounts' stores are searched at once, on the reader threads (a store's search is
        SQLite's work, done without the GIL). Cancelling this command (a newer search took its
        place) interrupts the queries still running, so they do not hold up the newer one.
        """
        s = self._s
        stores = [
            session.store
            for session in list(s.sessions.values())
            if conversation is None or conversation.account_id == session.account_id
        ]
        native = None if conversation is None else conversation.native_id
        cancel = Cancel()
        try:
            found = await asyncio.gather(
                *(s.worker.read(store.search, text, limit, native, cancel) for store in stores)
            )
        except BaseException:
            cancel.cancel()
            raise
        # In the accounts' order, then a stable sort: the order is the same as searching the
        # stores one after another.
        results = [msg for part in found for msg in part]
        results.sort(key=lambda m: (m.timestamp, m.seq), reverse=True)
        return results[:limit]

    async def prune_history(self, days: int, account_id: AccountId | None = None) -> int:
        """Delete messages older than ``days`` days, of one account or (``None``) of all;
        returns how many went."""
        if days < 0:
            raise CommandError(CoreMessages.tr("The number of days cannot be negative."))
        s = self._s
        cutoff = to_millis(s.ctx.clock() - timedelta(days=days))
        total = 0
        for session in s.sessions.values():
            if account_id is None or session.account_id == account_id:
                total += await saving(
                    CoreMessages.tr("the deletion of old messages"),
                    s.worker.run(session.store.delete_older_than, cutoff),
                )
        return total

    async def export_account(self, account_id: AccountId, path: Path) -> int:
        """Write the account's history to ``path``: JSON Lines, or readable HTML for ``.html``.

        Returns the number of messages written. JSON Lines can be imported again.
        """
        s = self._s
        session = s.session(account_id)
        account = session.account
        progress = s.progress_reporter(account_id, "export", "Exporting")

        def write(out: TextIO) -> int:
            if _is_html(path):
                convs = session.store.conversations()
                return html_export.write_html(
                    out,
                    account.display_name,
                    ((c, session.store.iter_messages(conversation=c.id.native_id)) for c in convs),
                )
            return archive.export_account(session.store, account, out, progress)

        return await s.worker.run(_write_atomically, path, write)

    async def export_conversation(self, conv: ConversationId, path: Path) -> int:
        """One conversation's history, as JSON Lines or (for ``.html``) readable HTML."""
        store = self._s.session(conv.account_id).store

        def write(out: TextIO) -> int:
            conversation = store.conversation(conv.native_id)
            if conversation is None:
                raise CommandError(CoreMessages.tr("No such conversation."))
            messages = store.iter_messages(conversation=conv.native_id)
            if _is_html(path):
                return html_export.write_html(out, conversation.name, [(conversation, messages)])
            count = 0
            for msg in messages:
                out.write(archive.message_json(msg) + "\n")
                count += 1
            return count

        return await self._s.worker.run(_write_atomically, path, write)

    async def kept_histories(self) -> list[archive.KeptHistory]:
        """Histories kept when their accounts were removed, newest first (importable again)."""
        folder = self._s.ctx.paths.archive_dir

        def scan() -> list[archive.KeptHistory]:
            found = []
            for path in sorted(folder.glob("*.sqlite3")) if folder.is_dir() else []:
                try:
                    found.append(archive.read_kept(path))
                except archive.ArchiveError as exc:
                    _log.info("not an importable kept history: %s", exc)
            return found

        kept = await asyncio.to_thread(scan)
        kept.sort(key=lambda k: k.kept_at.timestamp() if k.kept_at else 0.0, reverse=True)
        return kept

    async def import_account(self, path: Path) -> Account:
        """Create a (disabled) account from an export (JSON Lines) or from a history kept when
        an account was removed (``.sqlite3``); sign-in secrets must be entered again."""
        if path.suffix.lower() == ".sqlite3":
            return await self._restore_kept(path)
        s = self._s
        try:
            header = await asyncio.to_thread(archive.read_header, path)
        except (OSError, UnicodeDecodeError, archive.ArchiveError) as exc:
            raise CommandError(f"{path.name} cannot be imported: {exc}") from exc
        account_id = uuid.uuid4().hex[:12]
        account = Account(
            id=account_id,
            protocol_id=header.protocol_id,
            display_name=header.display_name,
            settings=header.settings,
            enabled=False,
        )
        session = await s.open_session(account)

        def run() -> archive.ImportReport:
            with path.open(encoding="utf-8") as lines:
                return archive.import_account(session.store, lines)

        try:
            report = await s.worker.run(run)
        except Exception as exc:
            s.sessions.pop(account_id, None)
            await s.worker.run(session.store.close)
            await asyncio.to_thread(delete_store_files, s.ctx.paths.account_store(account_id))
            if disk_failure(exc):
                raise not_saved(CoreMessages.tr("the imported history"), exc) from exc
            raise
        await s.save(s.config.with_account(AccountEntry(account)))
        s.publish_accounts()
        s.publish_state(session)
        convs = await s.worker.run(session.store.conversations)
        if convs:
            s.publish(ev.ConversationsChanged(tuple(convs)))
        if skipped := report.skipped_lines:
            s.publish(
                ev.Notice(
                    CoreMessages.tr("%n damaged line(s) skipped.", "", skipped),
                    account_id,
                    "warning",
                )
            )
        await session.start()
        return account

    async def _restore_kept(self, path: Path) -> Account:
        """Bring a kept store back as a new, disabled account: the file is copied into the
        accounts folder (and, when it came from the archive folder, removed from there)."""
        s = self._s
        try:
            kept = await asyncio.to_thread(archive.read_kept, path)
        except archive.ArchiveError as exc:
            raise CommandError(str(exc)) from exc
        await s.backend_class(kept.protocol_id)  # a plugin that is gone: say so before copying
        account_id = uuid.uuid4().hex[:12]
        target = s.ctx.paths.account_store(account_id)
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        await asyncio.to_thread(shutil.copy2, path, target)
        target.chmod(0o600)
        account = Account(
            id=account_id,
            protocol_id=kept.protocol_id,
            display_name=kept.display_name or kept.protocol_id,
            settings=kept.settings,
            enabled=False,
        )
        try:
            session = await s.open_session(account)
        except Exception as exc:
            s.sessions.pop(account_id, None)
            await asyncio.to_thread(delete_store_files, target)
            raise CommandError(f"{path.name} cannot be imported: {exc}") from exc
        await s.worker.run(session.store.set_state, archive.KEPT_ACCOUNT_KEY, None)
        await s.save(s.config.with_account(AccountEntry(account)))
        if path.parent.resolve() == s.ctx.paths.archive_dir.resolve():
            await asyncio.to_thread(delete_store_files, path)
        s.publish_accounts()
        s.publish_state(session)
        convs = await s.worker.run(session.store.conversations)
        if convs:
            s.publish(ev.ConversationsChanged(tuple(convs)))
        await session.start()
        return account


def _is_html(path: Path) -> bool:
    return path.suffix.lower() in (".html", ".htm")


def _write_atomically(path: Path, write: Callable[[TextIO], int]) -> int:
    """Write through a temporary file, so a failed export never leaves half a file behind."""
    tmp = path.with_name(path.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8") as out:
            count = write(out)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count
