"""view: the message view alone (no core, no store, no servers): what a flood and paging cost it.

The model is fed ``MessagesAdded`` events directly, as the bridge would, into a view of
800×600 (offscreen), with the Qt event loop running between batches as in the app:

- ``flood``: ``--batches`` batches of ``--size`` messages every ``--every`` seconds (a Matrix
  flood on these machines: ~13 messages every 0.5 s; IRC: 150 every 0.016 s); CPU ms of the
  process per batch (the event construction included), and the rows the model kept;
- ``relayout``: one relayout of the kept rows (QListView asks every row its size), ms;
- ``repaint``: one repaint of the viewport, ms;
- ``pages``: 50 older messages prepended ten times, each followed by a relayout and a repaint
  (as ``history_bench.py`` does after each page), ms each.

It separates the view's own cost from the GIL contention with the core and store threads that
the full benchmarks (``flood_bench.py``, ``matrix_flood_bench.py``, ``history_bench.py``) add.
Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app import events as ev  # noqa: E402
from app.models import ConversationId, Message, MessageId  # noqa: E402

CONV = ConversationId("bench", "!room")
T0 = datetime(2026, 12, 5, 12, tzinfo=UTC)
FILLER = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor"


class NoBridge:
    """The model asks the bridge only to load pages, which this benchmark feeds itself."""

    core: Any = None

    def call(self, *_args: Any, **_kwargs: Any) -> None:
        return None


def message(i: int) -> Message:
    sender = "bob" if i % 3 else "carol"
    return Message(
        id=MessageId(CONV.account_id, f"m{i}"),
        conversation_id=CONV,
        sender=sender,
        sender_name=sender,
        timestamp=T0 + timedelta(seconds=i),
        body=f"{i:06d} {FILLER}",
        seq=i + 1_000_000,
    )


def spin(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(max(0, round(seconds * 1000)), loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=30)
    parser.add_argument("--size", type=int, default=13)
    parser.add_argument("--every", type=float, default=0.5)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    from ui.models.message_model import MessageListModel
    from ui.widgets.message_view import MessageView

    def fresh_view() -> tuple[MessageListModel, MessageView]:
        """A model of a fully loaded conversation in a shown view, nothing in it yet."""
        model = MessageListModel(NoBridge())  # type: ignore[arg-type]
        view = MessageView(model)
        view.resize(800, 600)
        view.show()
        model._conversation = CONV
        model._store_exhausted = model._server_exhausted = True
        spin(0.1)
        return model, view

    model, view = fresh_view()
    serial = 0

    def batch(n: int) -> None:
        nonlocal serial
        added = tuple(message(serial + k) for k in range(n))
        serial += n
        model.handle_events([ev.MessagesAdded(CONV, added, True)])
        spin(args.every)

    batch(100)
    spin(0.3)
    begin = time.process_time()
    for _ in range(args.batches):
        batch(args.size)
    flood_ms = 1000 * (time.process_time() - begin) / args.batches
    kept = model.rowCount()
    spin(1.2)
    begin = time.process_time()
    for _ in range(20):
        view.doItemsLayout()
    relayout_ms = 1000 * (time.process_time() - begin) / 20
    begin = time.process_time()
    for _ in range(20):
        view.viewport().repaint()
    repaint_ms = 1000 * (time.process_time() - begin) / 20

    # Paging back: a fresh model and view at the newest page, then ten pages above it.
    model, view = fresh_view()
    top = 100_000
    begin = time.perf_counter()
    model._insert(tuple(message(i) for i in range(top - 50, top)))
    view.viewport().repaint()
    first_ms = 1000 * (time.perf_counter() - begin)
    view.scrollToBottom()
    spin(0.2)
    view.verticalScrollBar().setValue(0)
    pages = []
    for _ in range(10):
        top -= 50
        begin = time.perf_counter()
        model._insert(tuple(message(i) for i in range(top - 50, top)))
        view.doItemsLayout()
        view.viewport().repaint()
        pages.append(round(1000 * (time.perf_counter() - begin), 1))
    print(
        json.dumps(
            {
                "benchmark": "view",
                "flood": {"batches": args.batches, "size": args.size, "every_s": args.every},
                "flood_cpu_ms_per_batch": round(flood_ms, 2),
                "rows_kept": kept,
                "relayout_ms": round(relayout_ms, 2),
                "repaint_ms": round(repaint_ms, 2),
                "first_page_ms": round(first_ms, 1),
                "page_back_ms": pages,
            },
            indent=2,
        )
    )
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
