"""Archive commands: stored history as a whole — search, pruning, export and import.

Each account keeps its own SQLite file; these commands read or rewrite it on the store thread
and never touch the network.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TextIO

from app import events as ev
from app.config import AccountEntry
from app.core.services import CommandError, CoreServices, delete_store_files
from app.models import Account, AccountId, ConversationId, Message, to_millis
from app.store import archive, html_export


class ArchiveCommands:
    """``core.archive``: what a person does with the history they have, across accounts."""

    def __init__(self, services: CoreServices) -> None:
        self._s = services

    async def search(
        self, text: str, limit: int = 50, conversation: ConversationId | None = None
    ) -> list[Message]:
        """Messages matching every word, newest first, across all accounts (each keeps its own)."""
        s = self._s
        results: list[Message] = []
        for session in list(s.sessions.values()):
            if conversation is not None and conversation.account_id != session.account_id:
                continue
            native = None if conversation is None else conversation.native_id
            results.extend(await s.worker.run(session.store.search, text, limit, native))
        results.sort(key=lambda m: (m.timestamp, m.seq), reverse=True)
        return results[:limit]

    async def prune_history(self, days: int, account_id: AccountId | None = None) -> int:
        """Delete messages older than ``days`` days; returns how many went."""
        if days < 0:
            raise CommandError("The number of days cannot be negative.")
        s = self._s
        cutoff = to_millis(s.ctx.clock() - timedelta(days=days))
        total = 0
        for session in s.sessions.values():
            if account_id is None or session.account_id == account_id:
                total += await s.worker.run(session.store.delete_older_than, cutoff)
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
                raise CommandError("No such conversation.")
            messages = store.iter_messages(conversation=conv.native_id)
            if _is_html(path):
                return html_export.write_html(out, conversation.name, [(conversation, messages)])
            count = 0
            for msg in messages:
                out.write(archive.message_json(msg) + "\n")
                count += 1
            return count

        return await self._s.worker.run(_write_atomically, path, write)

    async def import_account(self, path: Path) -> Account:
        """Create a (disabled) account from an export; sign-in secrets must be entered again."""
        s = self._s
        header = await asyncio.to_thread(archive.read_header, path)
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
        except Exception:
            s.sessions.pop(account_id, None)
            await s.worker.run(session.store.close)
            await asyncio.to_thread(delete_store_files, s.ctx.paths.account_store(account_id))
            raise
        await s.save(s.config.with_account(AccountEntry(account)))
        s.publish_accounts()
        s.publish_state(session)
        convs = await s.worker.run(session.store.conversations)
        if convs:
            s.publish(ev.ConversationsChanged(tuple(convs)))
        if report.skipped_lines:
            s.publish(
                ev.Notice(
                    f"{report.skipped_lines} damaged lines were skipped.", account_id, "warning"
                )
            )
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
