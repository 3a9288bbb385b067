"""The kit's helpers for tests against loopback servers: a missing tool fails CI, never skips it;
the TLS files make a certificate a client verifies for 127.0.0.1; the core's keyring in memory."""

from __future__ import annotations

import asyncio
import ssl
from pathlib import Path

import pytest

from chinwag.testing import MemorySecretStore, wait_until
from chinwag.testing.context import FileSecretStore
from chinwag.testing.support import (
    LOOPBACK,
    free_port,
    in_ci,
    make_tls_files,
    require_binary,
    require_module,
)

ABSENT = "chinwag-no-such-program-7f3a"


@pytest.mark.parametrize("value", ["true", "1", "YES"])
def test_ci_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("CI", value)
    assert in_ci()
    monkeypatch.setenv("CI", "")
    assert not in_ci()


def test_a_missing_program_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=f"{ABSENT} is not installed"):
        require_binary(ABSENT)
    with pytest.raises(pytest.fail.Exception, match="not installed"):
        require_module("chinwag_no_such_module")


def test_a_missing_program_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="install it with: apt-get install x"):
        require_binary(ABSENT, "apt-get install x")
    with pytest.raises(pytest.skip.Exception):
        require_module("chinwag_no_such_module")


def test_a_present_program_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert Path(require_binary("sh")).name == "sh"
    require_module("json")


async def test_tls_files_serve_a_certificate_the_client_verifies(tmp_path: Path) -> None:
    tls = make_tls_files(tmp_path / "tls")
    assert tls.key.stat().st_mode & 0o077 == 0
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(tls.cert, tls.key)
    port = free_port()
    server = await asyncio.start_server(lambda r, w: w.close(), LOOPBACK, port, ssl=server_ctx)
    try:
        client_ctx = ssl.create_default_context(cafile=str(tls.ca_cert))
        for name in ("localhost", LOOPBACK):
            _, writer = await asyncio.open_connection(
                LOOPBACK, port, ssl=client_ctx, server_hostname=name
            )
            cert = writer.get_extra_info("ssl_object").getpeercert(binary_form=True)
            assert cert is not None
            writer.close()
        with pytest.raises(ssl.SSLCertVerificationError):
            await asyncio.open_connection(
                LOOPBACK, port, ssl=client_ctx, server_hostname="example.org"
            )
    finally:
        server.close()
        await server.wait_closed()


def test_the_memory_secret_store_keeps_accounts_apart() -> None:
    store = MemorySecretStore()
    assert store.check() is store
    store.set("a", "password", "one")
    store.set("b", "password", "two")
    assert (store.get("a", "password"), store.get("b", "password")) == ("one", "two")
    store.delete("a", "password")
    assert store.get("a", "password") is None and store.get("b", "password") == "two"


def test_the_file_secret_store_is_the_memory_store_kept_across_starts(tmp_path: Path) -> None:
    """The benchmarks' restart and the fault tests' SIGKILLed core read the first start's
    secrets back; the file is the owner's only and no temporary file is left beside it."""
    path = tmp_path / "secrets.json"
    first = FileSecretStore(path)
    assert isinstance(first, MemorySecretStore)
    first.set("acct", "password", "pw-ü")
    first.set("acct", "token", "t")
    first.delete("acct", "token")
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)
    assert [p.name for p in tmp_path.iterdir()] == ["secrets.json"]
    again = FileSecretStore(path)  # the second start
    assert again.check() is again
    assert again.get("acct", "password") == "pw-ü"
    assert again.get("acct", "token") is None


async def test_wait_until_returns_the_value_or_says_what_was_awaited() -> None:
    box: list[int] = []
    asyncio.get_running_loop().call_later(0.05, box.append, 7)
    assert await wait_until(lambda: box and box[0], 10) == 7
    with pytest.raises(AssertionError, match="the impossible: not reached"):
        await wait_until(lambda: None, 0.05, message="the impossible")  # the older keyword


async def test_wait_until_awaits_a_coroutine_condition_and_checks_its_value() -> None:
    box: list[int] = []
    loop = asyncio.get_running_loop()
    for n in (1, 2, 3):
        loop.call_later(0.02 * n, box.append, n)

    async def fetch() -> list[int]:
        return list(box)

    async def item(n: int) -> int | None:
        return box[n] if len(box) > n else None

    assert await wait_until(fetch, check=lambda seen: len(seen) == 3) == [1, 2, 3]
    assert await wait_until(lambda: item(2), what="the third") == 3  # a lambda's coroutine


async def test_wait_until_fails_naming_what_was_awaited_and_the_last_value_seen() -> None:
    async def count() -> int:
        return 4

    with pytest.raises(AssertionError) as failed:
        await wait_until(count, 0.05, check=lambda n: n == 5, what="five members")
    assert str(failed.value) == "five members: not reached within 0.05 s; last value seen: 4"
    long = "x" * 2000
    with pytest.raises(AssertionError, match=r"last value seen: 'x+…$"):
        await wait_until(lambda: long, 0.05, check=lambda _s: False)


async def test_wait_until_lets_the_loop_run_between_polls() -> None:
    polls: list[int] = []
    ticks: list[int] = []

    async def ticker() -> None:
        while len(ticks) < 5:
            ticks.append(len(polls))
            await asyncio.sleep(0)

    task = asyncio.ensure_future(ticker())
    await wait_until(lambda: polls.append(1) or len(ticks) >= 5, what="five ticks")
    await task
    assert len(polls) <= 3  # polled a few times at an interval, not spun thousands of times
