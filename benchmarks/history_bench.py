"""history: open a 100,000-message conversation and scroll back 10 pages; global search.

Measured the way the user feels it: through the core thread, the bridge and the Qt model and
view (offscreen), from the request to the rows being in the model, laid out and painted (by the
view's own delayed layout and paint, as in the app: the end is the end of the first paint after
the rows went in with no layout pending). The GIL switch interval is the app's (``ui.main``). Targets: each
page ≤ 30 ms; global search over 1,000,000 messages p50 ≤ 20 ms. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.core import Core, CoreContext  # noqa: E402
from app.models import ConversationId  # noqa: E402
from app.paths import AppPaths  # noqa: E402
from app.registry import BackendRegistry  # noqa: E402
from app.runtime import CoreThread  # noqa: E402
from app.secrets import KeyringSecrets  # noqa: E402
from benchmarks.profile_gen import BIG_ROOM, account_ids, build_profile  # noqa: E402
from benchmarks.store_bench import QUERIES  # noqa: E402
from ui.bridge import CoreBridge  # noqa: E402
from ui.main import GIL_SWITCH_INTERVAL  # noqa: E402
from ui.models.message_model import MessageListModel  # noqa: E402
from ui.widgets.message_view import MessageView  # noqa: E402


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    """Run the Qt event loop until ``predicate`` holds (checked every millisecond).

    A local QEventLoop with a timer rather than processEvents() in a busy loop: PySide6 6.12
    leaks a reference to None per processEvents(flags, ms) call, which ends in a fatal error.
    """
    if predicate():
        return
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(1)
    deadline = time.perf_counter() + timeout
    failed: list[bool] = []

    def check() -> None:
        if predicate():
            loop.quit()
        elif time.perf_counter() > deadline:
            failed.append(True)
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if failed:
        raise TimeoutError("condition not reached")


class PaintClock(QObject):
    """When the view last finished a paint: a Paint event noted on its way in, and the time
    taken on the next turn of the event loop, after the view has drawn it (also the GUI
    thread's CPU time then: steadier than the wall clock on a shared machine, and without
    the waits for the core thread)."""

    def __init__(self) -> None:
        super().__init__()
        self.last = 0.0
        self.last_cpu = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        self.last = time.perf_counter()
        self.last_cpu = time.thread_time()


def idle(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, help="keep/reuse the generated profile here")
    parser.add_argument("--settle", type=float, default=1.5, help="idle seconds after start")
    parser.add_argument("--pages", type=int, default=10, help="pages back")
    parser.add_argument(
        "--scroll",
        action="store_true",
        help="ask each page as a reader does, by scrolling the view to its top (the rows that "
        "come into sight are laid out, the newest leave past HISTORY_ROWS); without it, the "
        "page is asked with the view at the newest row and every page stays loaded",
    )
    parser.add_argument("--search-rounds", type=int, default=3, help="rounds of the queries")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)  # as the app does (ui.main.create_app)
    with tempfile.TemporaryDirectory(prefix="chinwag-history-") as tmp:
        profile = args.dir or Path(tmp)
        build_profile(profile, 5, args.messages)
        paths = AppPaths.in_profile(profile)
        runner = CoreThread(
            lambda: Core(
                CoreContext(
                    paths=paths, registry=BackendRegistry.discover(), secrets=KeyringSecrets()
                )
            )
        )
        runner.start()
        bridge = CoreBridge(runner)
        started: list[bool] = []
        bridge.events.connect(
            lambda batch: started.extend(True for e in batch if type(e).__name__ == "CoreStarted")
        )
        bridge.start()
        wait_until(lambda: bool(started), 30)

        model = MessageListModel(bridge)
        bridge.events.connect(model.handle_events)
        view = MessageView(model)
        view.resize(800, 600)
        view.show()
        clock = PaintClock()
        view.viewport().installEventFilter(clock)
        conv = ConversationId(account_ids(5)[0], BIG_ROOM)
        # The core's start (five accounts connecting, stores opening) keeps every thread busy
        # for about a second; a person opens a conversation after that.
        idle(args.settle)

        cpu: list[float] = []  # the GUI thread's CPU seconds of each page (the first too)

        def show(arrived: Callable[[], bool], begin: float) -> float:
            """Until the rows are in the model, then any layout still pending is run and the
            view painted once more (a paint the event loop may already have made: this errs
            towards slower); the seconds from ``begin`` to the end of that paint."""
            wait_until(arrived)
            view.executeDelayedItemsLayout()
            view.viewport().update()
            laid = time.perf_counter()
            wait_until(lambda: clock.last > laid)
            cpu.append(clock.last_cpu - begin_cpu)
            return clock.last - begin

        begin, begin_cpu = time.perf_counter(), time.thread_time()
        model.set_conversation(conv)
        first_page = show(lambda: model.rowCount() >= 50, begin)

        pages = []
        for _ in range(args.pages):
            oldest = model.message(0).local_id
            begin, begin_cpu = time.perf_counter(), time.thread_time()
            if args.scroll:
                view.verticalScrollBar().setValue(0)  # asks for the page itself
            model.load_older()
            pages.append(show(lambda oldest=oldest: model.message(0).local_id != oldest, begin))

        searches = []
        hits = []
        for _round in range(args.search_rounds):
            for query in QUERIES:
                answer: list[object] = []
                begin = time.perf_counter()
                bridge.call(bridge.core.archive.search(query, 50), answer.append)
                wait_until(lambda answer=answer: bool(answer))
                searches.append(time.perf_counter() - begin)
                result = getattr(answer[0], "value", None)
                hits.append(len(result) if isinstance(result, list) else 0)
        searches = sorted(searches) or [0.0]  # (no rounds asked: no search figures)
        bridge.close()
        runner.stop()
        print(
            json.dumps(
                {
                    "benchmark": "history",
                    "messages": args.messages,
                    "pages_asked_by": "scrolling to the top" if args.scroll else "load_older",
                    "rows_loaded_at_end": model.rowCount(),
                    "first_page_shown_ms": ms(first_page),
                    "page_back_ms": [ms(p) for p in pages],
                    "page_back_max_ms": ms(max(pages)),
                    "page_back_median_ms": ms(statistics.median(pages)),
                    "first_page_gui_cpu_ms": ms(cpu[0]),
                    "page_back_gui_cpu_ms": [ms(c) for c in cpu[1:]],
                    "page_back_gui_cpu_median_ms": ms(statistics.median(cpu[1:])),
                    "search_p50_ms": ms(statistics.median(searches)),
                    "search_p95_ms": ms(searches[int(len(searches) * 0.95) - 1]),
                    "search_mean_hits": round(statistics.mean(hits or [0]), 1),
                    "targets": {"page_ms": 30, "search_p50_ms": 20},
                },
                indent=2,
            )
        )
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
