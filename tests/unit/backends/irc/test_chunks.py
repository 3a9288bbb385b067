"""A chunk of lines at a time (issue 16): the plain messages of one read are reported as one
``MessagesReceived`` per run of one conversation, everything else in its place, and a chunk
says exactly what its lines say handled one by one (which is how the unit tests of the services
feed them)."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import facts as f
from app.backend import BackendContext
from app.models import ConversationKind, MessageKind
from backends.irc import transport
from backends.irc.backend import IrcBackend
from backends.irc.session import IrcSession
from chinwag.testing import MemorySecrets, MemoryState
from tests.unit.backends.irc.wire import _Writer

LOG = logging.LoggerAdapter(logging.getLogger("test.chunks"), {})
ISUPPORT = "CASEMAPPING=rfc1459 CHANTYPES=# PREFIX=(ov)@+ STATUSMSG=@+ NETWORK=Test"
CAPS = ("server-time", "message-tags", "echo-message", "batch", "labeled-response", "account-tag")


class Made:
    """A whole backend (every service) on no socket: lines in, facts and written lines out."""

    def __init__(self, tmp_path: Path, *, nick: str = "me", contacts_only: bool = False) -> None:
        self.facts: list[f.Fact] = []
        self.sent: list[str] = []
        ctx = BackendContext(
            account_id="a",
            settings={"server": "irc.test", "nick": nick, "contacts_only": contacts_only},
            secrets=MemorySecrets({}),
            state=MemoryState(),
            report=self.facts.append,
            report_threadsafe=self.facts.append,
            logger=LOG,
            data_dir=tmp_path,
        )
        self.backend = IrcBackend(ctx)
        session = self.session
        session._writer = _Writer(self.sent)  # type: ignore[assignment]
        session.caps.enabled.update(CAPS)
        session.info.update(ISUPPORT.split())
        session.me.nick = nick
        session.registered = session.connected = True

    @property
    def session(self) -> IrcSession:
        return self.backend._session

    def join(self) -> None:
        """In #chan with bob and carol (what was reported and written for it forgotten)."""
        for line in (
            ":me!u@h JOIN #chan",
            ":irc.test 353 me = #chan :me @bob +carol",
            ":irc.test 366 me #chan :End of /NAMES list.",
        ):
            self.session.handle_raw(line.encode())
        self.facts.clear()
        self.sent.clear()

    def chunk(self, *lines: str | bytes) -> None:
        self.session.handle_chunk([x.encode() if isinstance(x, str) else x for x in lines])

    def one_by_one(self, *lines: str | bytes) -> None:
        for x in lines:
            self.session.handle_raw(x.encode() if isinstance(x, str) else x)

    def expanded(self) -> list[f.Fact]:
        """The facts, each MessagesReceived as the MessageReceived it stands for."""
        out: list[f.Fact] = []
        for fact in self.facts:
            out.extend(fact.each() if isinstance(fact, f.MessagesReceived) else [fact])
        return out


def msg(n: int, target: str = "#chan", nick: str = "bob", text: str = "") -> str:
    stamp = f"2026-12-05T12:00:{n % 60:02d}.{n % 1000:03d}Z"
    return f"@msgid=m{n};time={stamp} :{nick}!u@h PRIVMSG {target} :{text or f'line {n}'}"


def bodies(fact: f.Fact) -> list[str]:
    assert isinstance(fact, f.MessagesReceived | f.MessageReceived), fact
    if isinstance(fact, f.MessageReceived):
        return [fact.body]
    return [m.body for m in fact.messages]


async def test_a_chunk_of_channel_messages_is_one_fact_in_order(tmp_path: Path) -> None:
    made = Made(tmp_path)
    made.chunk(*(msg(n, nick=f"p{n % 3}") for n in range(50)))
    [fact] = made.facts
    assert isinstance(fact, f.MessagesReceived)
    assert (fact.conversation, fact.conversation_kind, fact.conversation_title) == (
        "#chan",
        ConversationKind.GROUP,
        "#chan",
    )
    assert not fact.history
    assert [m.body for m in fact.messages] == [f"line {n}" for n in range(50)]
    first = fact.messages[0]
    assert (first.sender, first.sender_name, first.remote_id) == ("p0", "p0", "m0")
    assert first.timestamp == datetime(2026, 12, 5, 12, 0, 0, tzinfo=UTC)
    assert first.kind is MessageKind.TEXT and first.html is None and not first.mentions_me


async def test_runs_end_where_anything_else_comes_and_order_is_kept(tmp_path: Path) -> None:
    made = Made(tmp_path)
    made.join()
    made.chunk(
        msg(1),
        msg(2),
        ":dan!d@h JOIN #chan",  # someone joins: MembersChanged, between the runs
        msg(3),
        msg(4, target="#other"),  # another conversation: a run of its own
        msg(5, target="#other"),
        msg(6, target="me", nick="dave"),  # a private message (a run of one: reported as it is)
        ":irc.test NOTICE me :server says hi",
        msg(7),
    )
    kinds = [type(x).__name__ for x in made.facts]
    assert kinds == [
        "MessagesReceived",
        "MembersChanged",
        "MessageReceived",
        "MessagesReceived",
        "MessageReceived",
        "ServiceNotice",
        "MessageReceived",
    ]
    said = [x for x in made.facts if not isinstance(x, f.MembersChanged | f.ServiceNotice)]
    assert [b for x in said for b in bodies(x)] == [f"line {n}" for n in range(1, 8)]
    private = made.facts[4]
    assert isinstance(private, f.MessageReceived)
    assert (private.conversation, private.conversation_kind) == ("dave", ConversationKind.DIRECT)


async def test_a_bad_line_in_the_middle_is_dropped_with_a_log_line_and_the_rest_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    made = Made(tmp_path)
    with caplog.at_level(logging.WARNING):
        made.chunk(msg(1), msg(2), "\x00 not a line at all", b"\xff\xfe:x", msg(3), msg(4))
    kinds = [type(x).__name__ for x in made.facts]
    assert kinds == ["MessagesReceived", "BadInput", "BadInput", "MessagesReceived"]
    assert bodies(made.facts[0]) == ["line 1", "line 2"]
    assert bodies(made.facts[3]) == ["line 3", "line 4"]
    assert "dropped a malformed line" in caplog.text


async def test_a_handler_that_fails_loses_only_its_line(tmp_path: Path) -> None:
    made = Made(tmp_path)

    def trips(line: object) -> None:
        if "boom" in str(line):
            raise RuntimeError("a bug")

    made.session.on("PRIVMSG", trips)  # a handler that says nothing of idling: no quick path
    made.chunk(msg(1), msg(2, text="boom"), msg(3))
    kinds = [type(x).__name__ for x in made.facts]
    assert kinds == ["MessagesReceived", "BadInput", "MessageReceived"]
    # Messaging had taken the message before the bug: it is not lost, and nothing raised.
    assert bodies(made.facts[0]) == ["line 1", "boom"]
    assert bodies(made.facts[2]) == ["line 3"]


async def test_a_line_split_across_reads_arrives_whole_with_the_next_chunk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = Made(tmp_path)
    stream = "".join(msg(n) + "\r\n" for n in range(6)).encode()
    cut = stream.index(b"line 2") + 3  # inside the third line
    reader = asyncio.StreamReader()
    reader.feed_data(stream[:cut])
    chunks: list[list[bytes]] = []
    reads = transport.read_chunks(reader, lambda size: None)
    chunks.append(await reads.__anext__())
    reader.feed_data(stream[cut:])
    reader.feed_eof()
    chunks.extend([c async for c in reads])
    assert [len(c) for c in chunks] == [2, 4]
    assert chunks[1][0] == msg(2).encode()  # whole, and without its CR LF

    reader = asyncio.StreamReader()
    reader.feed_data(stream[:cut])
    monkeypatch.setattr(made.session, "connection_closed", lambda reason: None)
    task = asyncio.get_running_loop().create_task(made.session._read_loop(reader))
    for _ in range(100):
        if made.facts:
            break
        await asyncio.sleep(0)
    reader.feed_data(stream[cut:])
    reader.feed_eof()
    await task
    assert [bodies(x) for x in made.facts] == [
        ["line 0", "line 1"],
        ["line 2", "line 3", "line 4", "line 5"],
    ]


async def test_ctcp_actions_and_our_own_echoes_in_a_chunk(tmp_path: Path) -> None:
    made = Made(tmp_path)
    made.chunk(
        msg(1),
        msg(2, text="\x01ACTION waves\x01"),  # an emote is a plain message: it stays in the run
        msg(3, target="me", text="\x01VERSION\x01"),  # a request: answered, never shown
        msg(4),
        msg(5, nick="me", text="from our other client"),  # echo-message, not ours to confirm
        msg(6, text="hey me, look"),
    )
    kinds = [type(x).__name__ for x in made.facts]
    assert kinds == ["MessagesReceived", "MessageReceived", "MessageReceived"]
    run = made.facts[0]
    assert isinstance(run, f.MessagesReceived)  # the request said nothing: the run goes on
    assert [(m.body, m.kind) for m in run.messages] == [
        ("line 1", MessageKind.TEXT),
        ("waves", MessageKind.EMOTE),
        ("line 4", MessageKind.TEXT),
    ]
    assert any(line.startswith("NOTICE bob :\x01VERSION") for line in made.sent)
    own = made.facts[1]
    assert isinstance(own, f.MessageReceived) and own.outgoing
    assert own.body == "from our other client"
    mention = made.facts[2]
    assert isinstance(mention, f.MessageReceived) and mention.mentions_me


async def test_replies_statusmsg_and_formatting_are_kept(tmp_path: Path) -> None:
    made = Made(tmp_path)
    made.chunk(
        "@+draft/reply=m1;msgid=r1 :bob!u@h PRIVMSG #chan :a reply",
        ":bob!u@h PRIVMSG @#chan :to the ops",
        ":bob!u@h PRIVMSG #chan :\x02bold\x02 move",
        "@account=bobby :bob!u@h PRIVMSG #chan :signed in",
    )
    [run] = made.facts
    assert isinstance(run, f.MessagesReceived)
    reply, ops, bold, signed = run.messages
    assert (reply.reply_to, reply.remote_id, reply.timestamp) == ("m1", "r1", None)
    assert ops.body == "to the ops" and run.conversation == "#chan"
    assert (bold.body, bold.html) == ("bold move", "<b>bold</b> move")
    assert signed.body == "signed in"


async def test_ignored_senders_are_dropped_from_a_chunk(tmp_path: Path) -> None:
    made = Made(tmp_path)
    made.backend._saved.ignored.append("mallory!*@*")
    made.chunk(msg(1), msg(2, nick="mallory"), msg(3))
    [run] = made.facts
    assert bodies(run) == ["line 1", "line 3"]


async def test_a_history_batch_in_a_chunk_is_history(tmp_path: Path) -> None:
    made = Made(tmp_path)
    made.chunk(
        msg(1),
        ":irc.test BATCH +h1 chathistory #chan",
        *(f"@batch=h1;{msg(n)[1:]}" for n in range(2, 5)),
        ":irc.test BATCH -h1",
        msg(5),
    )
    assert [(type(x).__name__, getattr(x, "history", None)) for x in made.facts] == [
        ("MessageReceived", False),
        ("MessagesReceived", True),
        ("MessageReceived", False),
    ]
    assert bodies(made.facts[1]) == ["line 2", "line 3", "line 4"]


async def test_a_message_ends_its_senders_typing_in_a_chunk(tmp_path: Path) -> None:
    made = Made(tmp_path)
    made.chunk("@+typing=active :bob!u@h TAGMSG #chan", msg(1), msg(2))
    typing, run = made.facts
    assert isinstance(typing, f.TypingChanged) and typing.typing
    assert bodies(run) == ["line 1", "line 2"]
    assert not made.backend._tags._typing_from  # its timer is gone with the first message


# -- the same facts as one line at a time --------------------------------------------------------

NICKS = st.sampled_from(["bob", "carol", "me", "Bob", "mallory", "irc.test"])
TARGETS = st.sampled_from(["#chan", "#Chan", "#other", "me", "@#chan", "carol"])
TEXTS = st.sampled_from(
    ["hi", "hey me", "\x01ACTION waves\x01", "\x01VERSION\x01", "\x02b\x02", "a :colon", ""]
)


@st.composite
def lines(draw: st.DrawFn) -> str | bytes:
    shape = draw(st.integers(0, 9))
    nick, target, text = draw(NICKS), draw(TARGETS), draw(TEXTS)
    n = draw(st.integers(0, 99))
    source = nick if nick == "irc.test" else f"{nick}!u@h"
    tags = draw(
        st.sampled_from(
            [
                "",
                f"@msgid=x{n} ",
                f"@time=2026-12-05T12:00:{n % 60:02d}Z ",
                "@account=acc ",
                "@label=l1 ",
                "@batch=b1 ",
            ]
        )
    )
    if shape <= 4:
        return f"{tags}:{source} PRIVMSG {target} :{text}"
    return draw(
        st.sampled_from(
            [
                f":{source} NOTICE {target} :{text}",
                f":{source} JOIN #chan",
                f":{source} PART #chan :bye",
                f"@+typing=active :{source} TAGMSG {target}",
                ":irc.test BATCH +b1 chathistory #chan",
                ":irc.test BATCH -b1",
                f":{source}  PRIVMSG {target} :{text}",  # two spaces: not the common shape
                f":{source} privmsg {target} :{text}",  # lower case: not the common shape
                f":{source} PRIVMSG {target} {text or 'x'}",  # no colon before the text
                "\x00 garbage",
                b"\xff bad bytes",
                f":{source} PRIVMSG {target} :{text}\r",
            ]
        )
    )


def _chunks(items: list[str | bytes], sizes: list[int]) -> Iterator[list[str | bytes]]:
    start = 0
    for size in sizes:
        yield items[start : start + size]
        start += size
    if start < len(items):
        yield items[start:]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(lines(), max_size=40), st.lists(st.integers(1, 12), max_size=8))
def test_a_chunk_says_what_its_lines_say_one_by_one(
    tmp_path: Path, items: list[str | bytes], sizes: list[int]
) -> None:
    async def run() -> tuple[list[f.Fact], list[f.Fact], list[str], list[str]]:
        alone, chunked = Made(tmp_path / "alone"), Made(tmp_path / "chunked")
        for made in (alone, chunked):
            made.join()
        alone.one_by_one(*items)
        for part in _chunks(items, sizes):
            chunked.chunk(*part)
        for made in (alone, chunked):
            await made.session.shutdown()
        return alone.facts, chunked.expanded(), alone.sent, chunked.sent

    alone, chunked, sent_alone, sent_chunked = asyncio.run(run())
    assert not any(isinstance(x, f.MessagesReceived) for x in alone)
    assert chunked == alone
    assert sent_chunked == sent_alone


# -- the quick reading agrees with parse_line, whatever the text -----------------------------------

PIECES = st.sampled_from(
    [
        "@",
        ":",
        " ",
        "  ",
        " :",
        ";",
        "=",
        "\\",
        "\\s",
        "\\:",
        "\t",
        "\r",
        "\0",
        "\xa0",
        "\u2028",
        "PRIVMSG",
        "privmsg",
        "PrivMsg",
        "NOTICE",
        "001",
        "#chan",
        "@#chan",
        "bob!u@h",
        "msgid=x",
        "time=2026-12-05T12:00:00Z",
        "+draft/reply=a\\sb",
        "batch=b1",
        "é",
        "\x01ACTION",
    ]
)


@settings(max_examples=400)
@given(st.lists(PIECES, min_size=1, max_size=14))
def test_the_quick_reading_of_a_line_is_what_parse_line_reads(pieces: list[str]) -> None:
    """``split_message`` either declines a text or reads it as ``parse_line`` does, field for
    field (the quick path may only ever skip the Line, never read a line otherwise)."""
    from backends.irc.protocol import Line, parse_line, split_message

    for known in (":a PRIVMSG b :c", ":a privmsg b :c", ":a NOTICE b :c", ":a 001 b :c"):
        parse_line(known)  # the commands split_message knows once parse_line met them
    text = "".join(pieces)
    parts = split_message(text)
    if parts is None:
        return
    tags, source, command, target, trailing = parts
    assert parse_line(text) == Line(command, (target, trailing), source, tags)


# -- the same, with what a hostile or unusual server sends ---------------------------------------

ODD_TAGS = st.sampled_from(
    [
        "",
        "@msgid=a\\sb\\:c\\\\d ",  # escaped: "a b;c\\d"
        "@time=2026-12-05T12:00:00.5+02:00 ",
        "@time=not-a-time ",
        "@time= ",
        "@+draft/reply=r\\s1;msgid=q ",
        "@+reply=r2 ",
        "@account=* ",
        "@msgid=;account= ",
        "@;; ",
        "@label=l1;msgid=e1 ",
        "@batch=nope ",  # a batch that was never opened
        "@batch=b1;msgid=h1 ",
    ]
)
ODD_NICKS = st.sampled_from(["bob", "ME", "Me", "carol", "mallory", "irc.test", "x[1]", "X{1}"])
ODD_TEXTS = st.sampled_from(
    [
        "plain",
        "",
        " ",
        ":",
        "me: hi",
        "ME!",
        "\x01ACTION\x01",
        "\x01ACTION stretches",
        "\x01DCC SEND f 1 2 3\x01",
        "\x01PING 1\x01",
        "\x0304,02colour\x03 and \x1fline\x1f",
        "tab\there",
        "x1{1} said",
    ]
)


@st.composite
def odd_lines(draw: st.DrawFn) -> bytes:
    nick, text = draw(ODD_NICKS), draw(ODD_TEXTS)
    target = draw(st.sampled_from(["#chan", "#CHAN", "+#chan", "@#chan", "me", "ME", "carol"]))
    source = nick if "." in nick else f"{nick}!u@h"
    tags = draw(ODD_TAGS)
    shape = draw(st.integers(0, 12))
    if shape <= 6:
        line = f"{tags}:{source} PRIVMSG {target} :{text}".encode()
        if draw(st.booleans()):  # not UTF-8 (cp1252 from an old client)
            line = line.replace(b"plain", b"pl\xe4in \xff\x81")
        return line
    return draw(
        st.sampled_from(
            [
                f"{tags}:{source} NOTICE {target} :{text}".encode(),
                f"@+typing=active :{source} TAGMSG {target}".encode(),
                f"@+typing=done :{source} TAGMSG {target}".encode(),
                b":irc.test BATCH +b1 chathistory #chan",
                b":irc.test BATCH -b1",
                f":{source} NICK :{nick}_".encode(),
                f":{source} PRIVMSG {target}".encode(),  # no text: a BadInput
                f"{tags}:{source} PRIVMSG {target} :{text}\r\r".encode(),
                f"{tags}:{source} PRIVMSG {target} :{text}\0tail".encode(),
                f"{tags}  :{source} PRIVMSG {target} :{text}".encode(),
            ]
        )
    )


@settings(
    max_examples=150,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(odd_lines(), max_size=30),
    st.lists(st.integers(1, 9), max_size=6),
    st.sampled_from(["", "mallory!*@*", "*!u@h"]),
    st.booleans(),
)
def test_odd_lines_in_a_chunk_say_what_they_say_one_by_one(
    tmp_path: Path, items: list[bytes], sizes: list[int], ignored: str, contacts_only: bool
) -> None:
    async def run() -> tuple[list[f.Fact], list[f.Fact], list[str], list[str]]:
        alone = Made(tmp_path / "alone", contacts_only=contacts_only)
        chunked = Made(tmp_path / "chunked", contacts_only=contacts_only)
        for made in (alone, chunked):
            made.join()
            if ignored:
                made.backend._saved.ignored.append(ignored)
        alone.one_by_one(*items)
        for part in _chunks(list(items), sizes):
            chunked.chunk(*part)
        for made in (alone, chunked):
            await made.session.shutdown()
        return alone.facts, chunked.expanded(), alone.sent, chunked.sent

    alone, chunked, sent_alone, sent_chunked = asyncio.run(run())
    assert chunked == alone
    assert sent_chunked == sent_alone


async def test_lines_read_before_the_reader_is_stopped_are_all_handled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopping the reader (a disconnect) while it gives way to the window between slices of a
    big read must not lose the rest of that read: those lines left the socket already."""
    from app import priority

    made = Made(tmp_path)
    monkeypatch.setattr(made.session, "connection_closed", lambda reason: None)
    monkeypatch.setattr(priority, "_local", threading.local())  # no run left from a test before
    reader = asyncio.StreamReader()
    reader.feed_data("".join(msg(n) + "\r\n" for n in range(200)).encode())
    with priority.ui_busy():  # the window draws all along: the reader gives way between slices
        task = asyncio.get_running_loop().create_task(made.session._read_loop(reader))
        for _ in range(1000):
            if made.facts:
                break
            await asyncio.sleep(0)
        assert [len(bodies(x)) for x in made.facts] == [64]  # the first slice, then giving way
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert [b for x in made.facts for b in bodies(x)] == [f"line {n}" for n in range(200)]


async def test_our_echo_in_a_chunk_confirms_the_sent_message_and_is_not_shown_again(
    tmp_path: Path,
) -> None:
    """echo-message with labeled-response: the echo of what we sent, amid a flood, is the
    confirmation of the outbox entry (DeliveryUpdated with its msgid), in its place; never a
    message of its own (it would be shown twice)."""
    from app.backend import OutgoingMessage
    from app.models import ConversationId, DeliveryState
    from backends.irc.protocol import parse_line

    made = Made(tmp_path)
    made.join()
    sent = await made.backend.send_message(
        ConversationId("a", "#chan"), OutgoingMessage("t1", "my words")
    )
    assert sent.failure is None
    [written] = made.sent
    label = parse_line(written).tags.get("label")  # type: ignore[union-attr]
    assert label, written
    made.chunk(
        msg(1),
        f"@label={label};msgid=mine;time=2026-12-05T12:00:02Z :me!u@h PRIVMSG #chan :my words",
        msg(3),
        msg(4, nick="me", text="my words"),  # the same words again, not ours to confirm: shown
    )
    assert [type(x).__name__ for x in made.facts] == [
        "MessageReceived",
        "DeliveryUpdated",
        "MessageReceived",
        "MessageReceived",
    ]
    confirmed = made.facts[1]
    assert isinstance(confirmed, f.DeliveryUpdated)
    assert (confirmed.txn_id, confirmed.state, confirmed.remote_id) == (
        "t1",
        DeliveryState.SENT,
        "mine",
    )
    again = made.facts[3]
    assert isinstance(again, f.MessageReceived) and again.outgoing and again.txn_id is None
