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
