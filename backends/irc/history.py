"""Older messages from the server's archive (IRCv3 ``chathistory``, inside a batch).

No server in Debian offers it; it is tested against the scripted server, and docs/irc.md names
the networks and bouncers that do (Ergo, soju, …).
"""

from __future__ import annotations

from app.backend import Failure, FailureKind, Outcome
from app.i18n import CoreMessages
from app.models import ConversationId
from backends.irc.protocol import Line
from backends.irc.session import HISTORY_BATCHES, Batch, IrcSession


class History:
    def __init__(self, session: IrcSession) -> None:
        self._session = session

    @property
    def enabled(self) -> bool:
        caps = self._session.caps
        return bool({"draft/chathistory", "chathistory"} & caps.enabled) and "batch" in caps

    async def fetch(
        self, conv: ConversationId, before_remote_id: str | None, limit: int
    ) -> Outcome:
        """Ask for up to ``limit`` messages before ``before_remote_id`` (the latest without);
        they arrive as ordinary lines in a chathistory batch, reported with ``history=True``."""
        if not self.enabled:
            return Outcome(
                Failure(
                    FailureKind.UNSUPPORTED, CoreMessages.tr("This server keeps no history for us.")
                )
            )
        info = self._session.info
        batches = self._session.batches
        limit = max(1, min(limit, info.chathistory or limit))
        target = conv.native_id
        folded = info.fold(target)
        found: list[tuple[str, Batch]] = []

        def check(line: Line, label: str | None) -> Outcome | None:
            if line.command == "BATCH":
                ref = line.param(0)
                if (
                    ref.startswith("+")
                    and not found
                    and line.param(1).lower() in HISTORY_BATCHES
                    and info.fold(line.param(2)) == folded
                    and ref[1:] in batches
                ):
                    found.append((ref[1:], batches[ref[1:]]))
                elif ref.startswith("-") and found and ref[1:] == found[0][0]:
                    return Outcome(value="end" if found[0][1].messages < limit else None)
            if line.command == "FAIL" and line.param(0) == "CHATHISTORY":
                return Outcome(Failure(FailureKind.REJECTED, line.param(-1)))
            return None

        anchor = f"msgid={before_remote_id}" if before_remote_id else "*"
        subcommand = "BEFORE" if before_remote_id else "LATEST"
        return await self._session.request(
            ("CHATHISTORY", subcommand, target, anchor, str(limit)), check
        )
