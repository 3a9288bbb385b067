"""What the app imports before its accounts start connecting (``ui.main``): the core only.

PySide6 and the window come after the core has started (their import and the window's build
overlap the servers' sign-in); the keyring is imported on a worker thread when first used; and
sqlite-utils only when a store has a migration to apply."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

LATER = ("PySide6", "ui.application", "ui.main_window", "keyring", "sqlite_utils")


def _loaded_after(code: str, names: tuple[str, ...] = LATER) -> list[str]:
    script = (
        f"import json, sys\n{code}\nprint(json.dumps([m for m in {names!r} if m in sys.modules]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    loaded: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return loaded


def test_the_start_module_imports_the_core_and_no_qt() -> None:
    assert _loaded_after("import ui.main") == []


def test_a_store_opened_again_needs_no_sqlite_utils(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    first = (
        "from pathlib import Path\nfrom app.store.account_store import AccountStore\n"
        f"AccountStore('a', Path({str(path)!r}))"
    )
    assert _loaded_after(first, ("sqlite_utils",)) == ["sqlite_utils"]  # it made the schema
    assert _loaded_after(first, ("sqlite_utils",)) == []  # every migration is applied


def test_shiboken_starts_before_the_core_thread_can_import(tmp_path: Path) -> None:
    """Shiboken's start walks sys.modules: an import on the core's thread meanwhile aborted the
    process ("libshiboken/signature: could not initialize part 2", seen with the Delta Chat
    plugin imported by the registry). ``run`` imports it before it starts the core."""
    code = (
        "import argparse, os, threading\n"
        f"os.environ['CHINWAG_PROFILE'] = {str(tmp_path / 'profile')!r}\n"
        "import ui.main as m\n"
        "seen = {}\n"
        "def fake_start(paths):\n"
        "    seen['shiboken6'] = 'shiboken6' in sys.modules\n"
        "    seen['threads'] = threading.active_count()\n"
        "    raise SystemExit(0)\n"
        "m.start_core = fake_start\n"
        "m.instance_socket.hand_over = lambda name, uri: False\n"
        "m.instance_socket.listen = lambda name: None\n"
        "try:\n"
        "    m.run(argparse.Namespace(debug=False, uri=None))\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(seen))"
    )
    done = subprocess.run(
        [sys.executable, "-c", f"import json, sys\n{code}"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"shiboken6": True, "threads": 1}
