"""The bridge's call is checked by mypy: a callback must take the result type of its command.

This is what keeps answers typed from the core to the window (no ``type: ignore`` in ui/), so it
is tested the way it is enforced: by running strict mypy on a small module of right and wrong
calls. It shares the project's mypy cache (warm after the lint), so it takes a second or two.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SNIPPET = """
from app.backend import Outcome
from app.core import ContextPage
from app.models import ConversationId, MessageId, Page
from app.runtime import Result
from ui.bridge import CoreBridge


def page_loaded(done: Result[Page]) -> None:
    if done.ok:
        print(done.value.messages)


def context_loaded(done: Result[ContextPage]) -> None: ...
def anything(done: Result[object]) -> None: ...


def calls(bridge: CoreBridge, conv: ConversationId, message: MessageId) -> None:
    core = bridge.core
    bridge.call(core.conversations.fetch_page(conv), page_loaded)
    bridge.call(core.rooms.join(conv.account_id, "#room"), anything)
    bridge.call(core.conversations.fetch_page(conv), context_loaded)  # WRONG 1
    bridge.call(core.conversations.fetch_context(message), lambda done: print(done.value))  # WRONG 2


def narrowing(done: Result[Outcome]) -> Outcome:
    return done.value  # WRONG 3: not known to have succeeded
"""


def test_mypy_rejects_a_callback_for_another_result_type(tmp_path: Path) -> None:
    module = tmp_path / "bridge_calls.py"
    module.write_text(SNIPPET)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-error-summary",
            str(module),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = SNIPPET.splitlines()
    wrong = {n + 1 for n, line in enumerate(lines) if "# WRONG" in line}
    # (By file name, not path: a warm cache replays its errors under the path it first saw.)
    flagged = {int(n) for n in re.findall(r"bridge_calls\.py:(\d+): error:", result.stdout)}
    assert flagged == wrong, result.stdout + result.stderr
