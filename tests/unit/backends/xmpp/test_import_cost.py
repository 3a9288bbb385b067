"""The XMPP backend is imported before an account can sign in: the OMEMO stack (~1.6 s of XML
schemas built at import) and aiohttp (~0.4 s, host-meta only) must not come with it."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("slixmpp_omemo", "oldmemo", "twomemo", "xmlschema", "doubleratchet", "aiohttp")


def test_importing_the_backend_leaves_the_omemo_stack_and_aiohttp_out() -> None:
    code = (
        "import json, sys; import backends.xmpp.backend; "
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
