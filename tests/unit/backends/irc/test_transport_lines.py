"""read_lines: lines cut out of chunks at any boundary, CR LF or LF, overlong lines skipped."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backends.irc import transport


async def _lines(chunks: list[bytes]) -> tuple[list[bytes], list[int]]:
    reader = asyncio.StreamReader()
    for chunk in chunks:
        reader.feed_data(chunk)
    reader.feed_eof()
    overlong: list[int] = []
    lines = [line async for line in transport.read_lines(reader, overlong.append)]
    return lines, overlong


@pytest.mark.parametrize("size", [1, 2, 3, 7, 64, 100_000])
async def test_lines_come_out_whole_whatever_the_chunk_size(
    size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transport, "READ_CHUNK", size)
    big = b"x" * (transport.MAX_INCOMING_LINE + 10)
    stream = b"one\r\ntwo\n\r\n" + big + b"\r\nthree\r\n" + b"y" * 5 + b"\n" + big + b"\ntail"
    lines, overlong = await _lines([stream])
    assert lines == [b"one", b"two", b"", b"three", b"yyyyy"]  # "tail" never ended
    assert overlong == [len(big) + 1, len(big)]  # the CR of the first one counts


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.sampled_from([b"a", b"bc", b"\r", b"\n", b"\r\n", b"x" * 9, b" :"]), max_size=60),
    st.lists(st.integers(1, 40), min_size=1, max_size=20),
    st.integers(1, 25),
)
def test_chunks_hold_the_lines_a_plain_split_finds_in_order(
    monkeypatch: pytest.MonkeyPatch, pieces: list[bytes], feeds: list[int], read_size: int
) -> None:
    """Whatever the reads and however the data arrives: the complete lines of the stream, in
    order, each once, without its CRs; a line over the limit reported by its size instead (CRs
    counted), and a line not ended yet held for the next read."""
    limit = 12
    monkeypatch.setattr(transport, "MAX_INCOMING_LINE", limit)
    monkeypatch.setattr(transport, "READ_CHUNK", read_size)
    stream = b"".join(pieces)
    *ended, _unfinished = stream.split(b"\n")
    want = [line.rstrip(b"\r") for line in ended if len(line) <= limit]
    want_overlong = [len(line) for line in ended if len(line) > limit]

    async def run() -> tuple[list[list[bytes]], list[int]]:
        reader = asyncio.StreamReader()
        overlong: list[int] = []
        chunks: list[list[bytes]] = []
        reads = transport.read_chunks(reader, overlong.append)
        start = 0
        for size in feeds:  # data arrives in pieces, a read after each
            if start >= len(stream):
                break
            reader.feed_data(stream[start : start + size])
            start += size
            chunks.append(await anext(reads))
        reader.feed_data(stream[start:])
        reader.feed_eof()
        chunks.extend([c async for c in reads])
        return chunks, overlong

    chunks, overlong = asyncio.run(run())
    assert [line for chunk in chunks for line in chunk] == want
    assert overlong == want_overlong
