"""Encrypted uploads: the decryption info is complete before the last byte leaves."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import nio  # type: ignore[import-untyped]

from backends.matrix import convert as cv
from backends.matrix.media import encrypted_chunks

PLAIN = b"the secret plan\n" * 40_000  # 640,000 bytes: several chunks


async def _chunks(data: bytes, size: int = 256 * 1024) -> AsyncIterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i : i + size]


async def _send_length(body: AsyncIterator[bytes], length: int) -> bytes:
    """What a body writer that stops once it has sent ``length`` bytes puts on the wire (the
    server answers then; the writer's last look for more may come after the answer)."""
    sent = b""
    async for chunk in body:
        sent += chunk
        if len(sent) >= length:
            break
    return sent


def test_the_info_is_kept_before_the_last_chunk_leaves() -> None:
    keys: dict[str, object] = {}
    sent = asyncio.run(_send_length(encrypted_chunks(_chunks(PLAIN), keys), len(PLAIN)))
    assert len(sent) == len(PLAIN)  # AES-CTR: as long as the file
    assert sent != PLAIN
    url = cv.encrypted_url("mxc://example.org/abc", keys)
    _, info = cv.split_encrypted_url(url)
    assert info  # key, IV and hash all there
    plain = nio.crypto.decrypt_attachment(
        sent, info["key"]["k"], info["hashes"]["sha256"], info["iv"]
    )
    assert plain == PLAIN


def test_nio_s_own_order_would_leave_the_info_out() -> None:
    """Why the look-ahead: nio yields the info after the last chunk, so a writer that stops at
    the length never sees it (the file went out as ``#e2e={}`` under load)."""

    async def nio_order() -> dict[str, object]:
        keys: dict[str, object] = {}

        async def body() -> AsyncIterator[bytes]:
            async for item in nio.crypto.async_encrypt_attachment(_chunks(PLAIN)):
                if isinstance(item, dict):
                    keys.update(item)
                else:
                    yield item

        await _send_length(body(), len(PLAIN))
        return keys

    assert asyncio.run(nio_order()) == {}


def test_an_empty_file_still_gets_its_info() -> None:
    keys: dict[str, object] = {}

    async def drain() -> bytes:
        return b"".join([c async for c in encrypted_chunks(_chunks(b""), keys)])

    assert asyncio.run(drain()) == b""
    assert cv.split_encrypted_url(cv.encrypted_url("mxc://example.org/e", keys))[1]
