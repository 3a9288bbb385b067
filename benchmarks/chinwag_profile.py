"""Set up a Chinwag profile the way a user would have: accounts added and rooms joined through
the core, then the app closed. The benchmarks then start the real app on it (``python -m app
--profile P``) and measure what a returning user gets: sign-in, rejoining, the window.

    python benchmarks/chinwag_profile.py --profile DIR SPEC.json

SPEC: ``{"accounts": [{"protocol", "settings", "secrets"?, "rooms"?, "nick"?}]}``; an account of a
service the profile already has is reused (only its new rooms are joined). Secrets go to
the system keyring (the benchmarks run inside a D-Bus session with an unlocked gnome-keyring), the
settings to the profile's config, saved rooms to each account's store, exactly as in the app.
Prints ``{"accounts": {protocol: account id}, "joined": {protocol: n}, "failures": [...]}``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core import Core, CoreContext  # noqa: E402
from app.logs import setup_logging  # noqa: E402
from app.models import ConnectionState  # noqa: E402
from app.paths import AppPaths  # noqa: E402
from app.registry import BackendRegistry  # noqa: E402
from app.secrets import KeyringSecrets  # noqa: E402

PARALLEL_JOINS = 8


async def set_up(profile: Path, spec: dict[str, Any], timeout: float) -> dict[str, Any]:
    paths = AppPaths.in_profile(profile)
    paths.ensure()
    setup_logging(paths.log_dir)
    core = Core(
        CoreContext(paths=paths, registry=BackendRegistry.discover(), secrets=KeyringSecrets())
    )
    await core.start()
    started = time.perf_counter()
    # an account of the same service already in the profile is reused (a later, larger step)
    ids: dict[str, str] = {a.protocol_id: a.id for a in core.accounts.list_accounts()}
    try:
        for account in spec["accounts"]:
            if account["protocol"] in ids:
                continue
            added = await core.accounts.add_account(
                account["protocol"], account["settings"], account.get("secrets") or {}
            )
            ids[account["protocol"]] = added.id
        deadline = time.monotonic() + timeout
        while True:
            states = {p: core.sessions[i].state.state for p, i in ids.items()}
            if all(s is ConnectionState.CONNECTED for s in states.values()):
                break
            if time.monotonic() > deadline:
                raise RuntimeError(f"not all accounts connected: {states}")
            await asyncio.sleep(0.05)
        connected_s = time.perf_counter() - started
        joined: dict[str, int] = {}
        failures: list[str] = []
        gate = asyncio.Semaphore(PARALLEL_JOINS)

        async def join(protocol: str, room: str, nick: str) -> None:
            async with gate:
                outcome = await core.rooms.join(ids[protocol], room, nick)
            if outcome.ok:
                joined[protocol] = joined.get(protocol, 0) + 1
            else:
                failures.append(f"{protocol} {room}: {outcome.failure}")

        await asyncio.gather(
            *(
                join(account["protocol"], room, account.get("nick", ""))
                for account in spec["accounts"]
                for room in account.get("rooms", [])
            )
        )
        await core.flushed()
        return {
            "accounts": ids,
            "joined": joined,
            "failures": failures[:10],
            "connect_s": round(connected_s, 2),
            "setup_s": round(time.perf_counter() - started, 2),
        }
    finally:
        await core.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", type=Path, required=True)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("spec", type=Path)
    args = parser.parse_args()
    spec = json.loads(args.spec.read_text())
    result = asyncio.run(set_up(args.profile, spec, args.timeout))
    print(json.dumps(result))
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
