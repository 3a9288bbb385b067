"""The independent Matrix peer: matrix-js-sdk with matrix-rust-sdk's WebAssembly crypto, driven
by ``peers/ssss_peer.mjs`` (one command per run, one JSON line back).

Installed with ``npm ci`` from the committed lock file into ``.cache/js-peer-<lock hash>`` (by
``scripts/setup test``, or here on first use). Without node or the npm registry the tests using it
fail under ``CI=true`` and are skipped elsewhere.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from chinwag.testing.support import in_ci, require_binary

PEERS = Path(__file__).parent / "peers"
REPO = Path(__file__).resolve().parents[3]
SCRIPT = "ssss_peer.mjs"
TIMEOUT = 180.0


def peer_folder() -> Path:
    lock = (PEERS / "package-lock.json").read_bytes()
    digest = hashlib.sha256(lock + (PEERS / "package.json").read_bytes()).hexdigest()[:16]
    return REPO / ".cache" / f"js-peer-{digest}"


def ensure_installed() -> Path:
    """The folder with node_modules installed (``npm ci``), installing it once."""
    require_binary("node", "bash scripts/setup test (Debian package nodejs)")
    folder = peer_folder()
    if (folder / "node_modules" / "matrix-js-sdk").is_dir():
        return folder
    npm = require_binary("npm", "bash scripts/setup test (npm)")
    staging = folder.with_name(folder.name + f".tmp{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy(PEERS / name, staging / name)
    done = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=staging,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        message = f"npm ci for the matrix-js-sdk peer failed: {done.stderr[-2000:]}"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    try:
        staging.rename(folder)
    except OSError:  # another run installed it meanwhile
        shutil.rmtree(staging, ignore_errors=True)
    return folder


async def run(*args: str) -> dict[str, Any]:
    """Run one peer command; its JSON answer (a failure of the peer fails the test)."""
    folder = ensure_installed()
    shutil.copy(PEERS / SCRIPT, folder / SCRIPT)
    process = await asyncio.create_subprocess_exec(
        "node",
        SCRIPT,
        *args,
        cwd=folder,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        out, err = await asyncio.wait_for(process.communicate(), TIMEOUT)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise AssertionError(f"the js peer did not finish {args[0]} within {TIMEOUT} s") from None
    assert process.returncode == 0, f"js peer {args[0]} failed: {err.decode()[-3000:]}"
    result = json.loads(out.decode().strip().splitlines()[-1])
    assert isinstance(result, dict)
    return result


class Running:
    """A peer command that talks while it runs: one JSON object per line."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.seen: list[object] = []

    @classmethod
    async def start(cls, *args: str) -> Running:
        folder = ensure_installed()
        shutil.copy(PEERS / SCRIPT, folder / SCRIPT)
        process = await asyncio.create_subprocess_exec(
            "node",
            SCRIPT,
            *args,
            cwd=folder,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        return cls(process)

    async def tell(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line.encode() + b"\n")
        await self.process.stdin.drain()

    async def next(self, event: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        """The next line whose ``event`` is ``event`` (a peer that ends first fails the test)."""
        assert self.process.stdout is not None
        while True:
            line = await asyncio.wait_for(self.process.stdout.readline(), timeout)
            if not line:
                assert self.process.stderr is not None
                err = await self.process.stderr.read()
                raise AssertionError(f"the js peer ended before {event}: {err.decode()[-3000:]}")
            try:
                value = json.loads(line)
            except ValueError:  # a library's log line on stdout
                continue
            self.seen.append(value)
            if isinstance(value, dict) and value.get("event") == event:
                return value

    async def close(self) -> str:
        """Stop the peer; what it logged (shown by pytest when the test failed)."""
        if self.process.returncode is None:
            self.process.kill()
        await self.process.wait()
        assert self.process.stderr is not None
        err = (await self.process.stderr.read()).decode(errors="replace")
        print("js peer said:", self.seen)
        print("js peer log:", err[-5000:])
        return err
