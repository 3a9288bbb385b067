"""Messages: PRIVMSG and NOTICE in (with CTCP answered through a rate limit) and out, split to
fit the line limit.

With ``echo-message`` a message counts as sent only when the server echoes it back (tied to its
transaction id by a ``labeled-response`` label, or by target and text), so sending returns
``confirmed=False`` and a :class:`~app.facts.DeliveryUpdated` follows. Without it, a message is
confirmed once written. IRC cannot de-duplicate a re-sent message, so ``IDEMPOTENT_SEND`` is
never declared.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from app import facts as f
from app.backend import Failure, FailureKind, SendResult
from app.i18n import CoreMessages
from app.models import ConversationKind, DeliveryState, MessageKind
from backends.irc import convert, ctcp, formatting
from backends.irc.members import Membership
from backends.irc.protocol import Line, format_line
from backends.irc.ratelimit import TokenBucket
from backends.irc.session import HISTORY_BATCHES, SEND_ERRORS, IrcSession, error_text
from backends.irc.text import split_text


@dataclass
class PendingSend:
    """A message we sent while echo-message is on, waiting for its parts to come back."""

    txn_id: str
    conversation: str
    target: str  # folded
    parts: int
    echoed: int = 0
    remote_id: str | None = None
    failed: bool = False


class Messaging:
    """See the module docstring."""

    def __init__(
        self,
        session: IrcSession,
        membership: Membership,
        on_dcc: Callable[[str, ctcp.Ctcp], None],
    ) -> None:
        self._session = session
        self._members = membership
        self._on_dcc = on_dcc  # (nick, request): file offers and their answers
        tunables = session.tunables
        self._ctcp_bucket = TokenBucket(tunables.ctcp_burst, tunables.ctcp_rate)
        self.pending_by_label: dict[str, tuple[PendingSend, int]] = {}
        self.pending_by_target: dict[str, deque[tuple[PendingSend, str, str]]] = {}
        session.on("PRIVMSG", self._on_message, quick=self._quick_message)
        session.on("NOTICE", self._on_message)
        session.on_numeric(SEND_ERRORS, self._fail_pending_send)

    @property
    def _info(self) -> convert.ServerInfo:
        return self._session.info

    # -- incoming ------------------------------------------------------------------------------

    def _is_server_source(self, source: str) -> bool:
        return not source or ("!" not in source and "." in source)

    def _on_message(self, line: Line) -> None:
        session = self._session
        if len(line.params) < 2:
            session.report(f.BadInput(f"{line.command} without text"))
            return
        if line.command == "NOTICE" and self._is_server_source(line.source):
            if session.registered:
                session.report(f.ServiceNotice(formatting.strip(line.param(-1))))
            return
        tags = line.tags
        if "account" in tags:  # account-tag: kept fresh by every message
            self._members.note_account(line.nick, tags["account"])
        history = False
        if "batch" in tags:
            for batch in session.batches_of(line):
                batch.messages += 1
                history = history or batch.kind in HISTORY_BATCHES
        result = convert.incoming(line, self._info, session.me.nick)
        if result is None:
            return
        if isinstance(result, convert.Incoming):
            if not result.outgoing:  # someone else's: the common case, a flood's every line
                session.add_message(
                    result.conversation, result.kind, result.title, history, result.message
                )
                return
            fact = result.fact(history=history)
            if not history and self._match_echo(line, fact):
                return
            session.report(fact)
            return
        request = result.request if isinstance(result, convert.CtcpRequest) else result.reply
        if request.command == "DCC":  # a file offer (or its answer), never shown as text
            if not history:
                self._on_dcc(result.sender, request)
            return
        if isinstance(result, convert.CtcpRequest):
            self._answer_ctcp(result)
            return
        session.report(
            f.ServiceNotice(
                CoreMessages.tr("CTCP %1 reply from %2: %3").arg(
                    result.reply.command, result.sender, formatting.strip(result.reply.args)
                )
            )
        )

    def _quick_message(self, tags: dict[str, str], source: str, target: str, text: str) -> bool:
        """:meth:`_on_message` for a PRIVMSG read without a Line (see ``IrcSession.on``): it
        takes a plain message from someone else, outside of any batch, and declines the rest
        (False, nothing done) for the usual way. A flood's every line."""
        if "batch" in tags:
            return False
        got = convert.incoming_parts(
            "PRIVMSG", source, (target, text), tags, self._info, self._session.me.nick
        )
        if type(got) is not convert.Incoming or got.outgoing:
            return False
        if "account" in tags:  # account-tag: kept fresh by every message
            self._members.note_account(got.message.sender, tags["account"])
        self._session.add_message(got.conversation, got.kind, got.title, False, got.message)
        return True

    def _answer_ctcp(self, request: convert.CtcpRequest) -> None:
        session = self._session
        if not self._ctcp_bucket.try_take():
            session.log.info("CTCP flood: dropped a %s request", request.request.command)
            session.report(f.BadInput("CTCP flood", request.request.command))
            return
        now_text = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S UTC")
        reply = ctcp.reply_for(
            request.request, version=session.tunables.version_reply, now_text=now_text
        )
        if reply is None:
            session.log.debug("ignored CTCP %s", request.request.command)
            return
        session.send(format_line("NOTICE", request.sender, reply))

    # -- echoes --------------------------------------------------------------------------------

    def _match_echo(self, line: Line, fact: f.MessageReceived) -> bool:
        """Our own message came back: confirm the outbox entry it belongs to, if any."""
        label = self._session.label_of(line)
        entry: tuple[PendingSend, int] | None = None
        if label and label in self.pending_by_label:
            entry = self.pending_by_label.pop(label)
            target = entry[0].target
            queue = self.pending_by_target.get(target)
            if queue:
                for item in list(queue):
                    if item[0] is entry[0] and item[2] == label:
                        queue.remove(item)
                        break
        else:
            target = self._info.fold(self._info.strip_statusmsg(line.param(0)))
            queue = self.pending_by_target.get(target)
            text = line.param(1)
            if queue:
                # The same text, else the oldest: a server that rewrites text (colour stripping,
                # truncation) still echoes in the order we sent.
                item = next((i for i in queue if i[1] == text), queue[0])
                queue.remove(item)
                self.pending_by_label.pop(item[2], None)
                entry = (item[0], 0)
        if queue is not None and not queue:
            self.pending_by_target.pop(target, None)  # one entry per target we await, no more
        if entry is None:
            return False
        pending = entry[0]
        pending.echoed += 1
        if pending.remote_id is None:
            pending.remote_id = fact.remote_id
        if pending.echoed >= pending.parts and not pending.failed:
            self._session.report(
                f.DeliveryUpdated(
                    pending.conversation,
                    DeliveryState.SENT,
                    remote_id=pending.remote_id,
                    txn_id=pending.txn_id,
                )
            )
        return True

    def _fail_pending_send(self, line: Line, label: str | None) -> bool:
        """A send error: fail the message it belongs to (by label, else the oldest to that target)."""
        pending: PendingSend | None = None
        if label and label in self.pending_by_label:
            pending = self.pending_by_label.pop(label)[0]
        else:
            queue = self.pending_by_target.get(self._info.fold(line.param(1)))
            if queue:
                pending = queue[0][0]
        if pending is None:
            return False
        already_failed = pending.failed
        self._drop_pending(pending)
        if not already_failed:
            self._session.report(
                f.DeliveryUpdated(
                    pending.conversation,
                    DeliveryState.FAILED,
                    txn_id=pending.txn_id,
                    reason=error_text(line),
                )
            )
        return True

    def _drop_pending(self, pending: PendingSend) -> None:
        """Forget a message's outstanding echoes (its send failed)."""
        pending.failed = True
        for label, (item, _) in list(self.pending_by_label.items()):
            if item is pending:
                del self.pending_by_label[label]
        queue = self.pending_by_target.get(pending.target)
        if queue is not None:
            for entry in [e for e in queue if e[0] is pending]:
                queue.remove(entry)
            if not queue:
                del self.pending_by_target[pending.target]

    # -- sending -------------------------------------------------------------------------------

    def _line_budget(self, command: str, target: str, action: bool) -> int:
        """Bytes left for text in one line, as the server relays it with our full prefix."""
        me = self._session.me
        user = me.user or "x" * 10
        host = me.host or "x" * 63
        prefix = f":{me.nick}!{user}@{host} "
        overhead = len(f"{prefix}{command} {target} :".encode()) + 2
        if action:
            overhead += len("\x01ACTION \x01")
        return max(16, 512 - overhead)

    def text_lines(self, command: str, target: str, text: str, *, action: bool) -> list[str]:
        budget = self._line_budget(command, target, action)
        out: list[str] = []
        cleaned = text.replace("\0", "").replace("\r\n", "\n").replace("\r", "\n")
        for paragraph in cleaned.split("\n"):
            if not paragraph.strip():
                continue
            for piece in split_text(paragraph, budget):
                out.append(ctcp.build("ACTION", piece) if action else piece)
        return out

    async def send_text(
        self,
        conversation: str,
        target: str,
        text: str,
        *,
        command: str = "PRIVMSG",
        action: bool = False,
        txn_id: str | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> SendResult:
        """Send ``text`` (split into lines) to ``target``; ``tags`` go on the first line."""
        session = self._session
        lines = self.text_lines(command, target, text, action=action)
        if not lines:
            return SendResult(
                failure=Failure(
                    FailureKind.REJECTED, CoreMessages.tr("IRC cannot send an empty message.")
                )
            )
        echo = "echo-message" in session.caps and txn_id is not None
        labels = "labeled-response" in session.caps
        pending = None
        if echo and txn_id is not None:
            pending = PendingSend(txn_id, conversation, self._info.fold(target), len(lines))
        futures = []
        for index, piece in enumerate(lines):
            line_tags = dict(tags or {}) if index == 0 else {}
            if pending is not None:
                label = session.new_label() if labels else ""
                if label:
                    line_tags["label"] = label
                    self.pending_by_label[label] = (pending, 0)
                self.pending_by_target.setdefault(pending.target, deque()).append(
                    (pending, piece, label)
                )
            futures.append(session.send(format_line(command, target, piece, tags=line_tags)))
        written = sum(1 for ok in await asyncio.gather(*futures) if ok)
        if written < len(lines):
            if pending is not None:
                self._drop_pending(pending)
            if written == 0:  # nothing went out: sending it again later cannot duplicate it
                return SendResult(
                    failure=Failure(
                        FailureKind.NOT_CONNECTED,
                        CoreMessages.tr("The connection was lost."),
                        retryable=True,
                    )
                )
            # Some lines went out. Sending the whole message again would repeat them (and a
            # paste that got us killed for flooding would repeat on every reconnect): fail it
            # for good and let the person decide.
            total = len(lines)
            return SendResult(
                failure=Failure(
                    FailureKind.NETWORK,
                    CoreMessages.tr(
                        "Partly sent: %1 of %n line(s) went out before the connection was lost.",
                        "",
                        total,
                    ).arg(written),
                )
            )
        if pending is not None:
            # Every line is out; a confirmation lost with the connection leaves the message
            # unconfirmed (in flight), which the core fails instead of sending again.
            return SendResult(confirmed=False)
        return SendResult()

    def report_own(self, target: str, text: str, kind: MessageKind | None) -> None:
        """A message we sent elsewhere (``/msg``) on a server without echo-message."""
        folded = self._info.fold(target)
        self._session.report(
            f.MessageReceived(
                conversation=folded,
                sender=self._session.me.nick,
                body=formatting.strip(text),
                conversation_kind=ConversationKind.GROUP
                if self._info.is_channel(target)
                else ConversationKind.DIRECT,
                conversation_title=target,
                html=formatting.to_html(text),
                kind=kind or MessageKind.TEXT,
                outgoing=True,
            )
        )
