"""Which Qt classes' enums building the main window makes (benchmarks/enum_census.py).

PySide6 builds all the enums of a Qt class as Python ``enum`` classes when the class is first
touched (``QTextFormat``'s and ``QTextCharFormat``'s seven: 147 members, 4-5 ms of the start's
CPU; ``QAccessible``'s eight: 190 members, ~5 ms). A class left out of the start on purpose is
checked here in a fresh process, where nothing else has touched it yet: a window built, shown
and started over the fake service."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = """
import enum, json, sys, tempfile, time
from pathlib import Path

made = []
create = enum.EnumType._create_


def recorded(cls, *args, **kwargs):
    result = create(cls, *args, **kwargs)
    made.append(result)
    return result


enum.EnumType._create_ = recorded

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

qapp = QApplication([])

from app import events as ev
from app.runtime import CoreThread
from chinwag.testing import MemorySecretStore
from tests.fakes.core_harness import make_core
from tests.fakes.fake_backend import FakeServer
from ui.bridge import CoreBridge
from ui.main_window import MainWindow

profile = Path(tempfile.mkdtemp(prefix="chinwag-enums-"))
runner = CoreThread(lambda: make_core(profile, FakeServer(passwords={}), MemorySecretStore()))
runner.start()
bridge = CoreBridge(runner)
window = MainWindow(bridge)
window.show()
started = []
bridge.events.connect(lambda events: started.extend(e for e in events if isinstance(e, ev.CoreStarted)))
bridge.start()
deadline = time.monotonic() + 60
while not started and time.monotonic() < deadline:
    qapp.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
window.repaint()
qapp.processEvents()
names = sorted({f"{e.__module__}.{e.__qualname__}" for e in made})
bridge.close()
runner.stop()
print(json.dumps({"started": bool(started), "enums": names}))
"""


def _enums_made_by_a_started_window() -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
        cwd=ROOT,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["started"], done.stderr
    return set(result["enums"])


# Qt classes nothing needs before the window is ready; each builds its enums when first touched.
LEFT_OUT = {
    "PySide6.QtGui.QTextFormat": "spell check's underline, made at the first misspelled word",
    "PySide6.QtGui.QTextCharFormat": "the same",
    "PySide6.QtGui.QAccessible": "imported where a sentence is said (ui.a11y.speech)",
}


def test_building_the_window_leaves_out_the_enums_it_does_not_need() -> None:
    made = _enums_made_by_a_started_window()
    assert "PySide6.QtCore.Qt.Key" in made  # the probe sees PySide6's enums being made
    assert "PySide6.QtGui.QTextCursor.MoveOperation" in made  # the composer was built
    assert "PySide6.QtWidgets.QStyle.StateFlag" in made  # the sidebar was painted
    classes = {name.rsplit(".", 1)[0] for name in made}
    assert {cls: why for cls, why in LEFT_OUT.items() if cls in classes} == {}
