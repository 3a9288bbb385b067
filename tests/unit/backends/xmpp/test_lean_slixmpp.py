"""slixmpp comes without Pygments (its debug-log colouring, 4.2 MB), and works without it."""

from __future__ import annotations

import json
import subprocess
import sys


def test_the_backend_imports_slixmpp_without_pygments_and_pygments_still_imports_later() -> None:
    code = """
import json, sys
import backends.xmpp
loaded = "pygments" in sys.modules
plain = str(sys.modules["slixmpp.xmlstream.tostring"].highlight("<message/>"))
import pygments  # undone after slixmpp's import: whoever needs it later gets it
print(json.dumps([loaded, plain, pygments.__name__]))
"""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [False, "<message/>", "pygments"]
