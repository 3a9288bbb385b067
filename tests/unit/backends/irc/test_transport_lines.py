"""read_lines: lines cut out of chunks at any boundary, CR LF or LF, overlong lines skipped."""

from __future__ import annotations

import asyncio

import pytest

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
